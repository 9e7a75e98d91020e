package tui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// notesMaxLines bounds the notes field's lines; bubbles' default of 99
// would silently refuse enter after that.
const notesMaxLines = 100000

// newInput makes a one-line field with a steady cursor (a blinking one
// redraws the screen twice a second for nothing).
func newInput(prompt string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = 0
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// newNotes makes the multi-line notes field: enter is a newline, no limit
// on length, ctrl+e left to the app for $EDITOR.
func newNotes() textarea.Model {
	ta := textarea.New()
	ta.Prompt = "│ "
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = notesMaxLines
	ta.MaxWidth = 0
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.Cursor.SetMode(cursor.CursorStatic)
	return ta
}

// cleanKey strips escape sequences and control characters from typed or
// pasted text before it reaches a field. multiline keeps newlines and tabs.
func cleanKey(msg tea.KeyMsg, multiline bool) tea.KeyMsg {
	if msg.Type != tea.KeyRunes {
		return msg
	}
	s := string(msg.Runes)
	if multiline {
		s = audit.Sanitize(s)
	} else {
		s = sanitizeLine(s)
	}
	msg.Runes = []rune(s)
	return msg
}

// isWheel reports a mouse wheel turn and its direction (+1 down, -1 up).
func isWheel(msg tea.MouseMsg) (int, bool) {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -1, true
	case tea.MouseButtonWheelDown:
		return 1, true
	}
	return 0, false
}

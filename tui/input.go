package tui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
)

// newInput makes a one-line field with a steady cursor (a blinking one
// redraws the screen twice a second for nothing).
func newInput(prompt string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.CharLimit = 0
	ti.Cursor.SetMode(cursor.CursorStatic)
	return ti
}

// areaMaxLines bounds a form area's lines; bubbles' default of 99 would
// silently refuse enter after that.
const areaMaxLines = 100000

// newArea makes a multi-line field of the header form (sites visited,
// meetings: short texts, where bubbles' textarea is fast enough): enter is
// a newline, no limit on length.
func newArea() textarea.Model {
	ta := textarea.New()
	ta.Prompt = "│ "
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = areaMaxLines
	ta.MaxWidth = 0
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.Cursor.SetMode(cursor.CursorStatic)
	return ta
}

// newNotes makes the multi-line notes field: enter is a newline, no limit
// on length or lines, ctrl+e left to the app for $EDITOR. The same editor
// suits the corrective action and the justification when they become
// multi-line.
func newNotes(muted lipgloss.Style) noteEditor {
	e := newNoteEditor(muted)
	e.Prompt = "│ "
	return e
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

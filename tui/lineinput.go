package tui

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// lineInput is a one-line field that selects its value when it gets the
// keys, as a form field in any desktop application does: typing replaces
// the value (no "2025-03-202025-03-21" from typing a date into a date),
// ←/→ (or home/end) keep it and move the cursor, backspace or ctrl+u
// empty it. ctrl+u empties the field whatever is selected, as the help
// says.
type lineInput struct {
	textinput.Model
	selected bool
	selStyle lipgloss.Style
}

// newLineInput makes a one-line field with a steady cursor; sel styles
// a selected value.
func newLineInput(prompt string, sel lipgloss.Style) lineInput {
	return lineInput{Model: newInput(prompt), selStyle: sel}
}

// focusSelect gives the field the keys with its value selected and the
// cursor at its end.
func (l *lineInput) focusSelect() tea.Cmd {
	l.selected = l.Value() != ""
	l.CursorEnd()
	return l.Focus()
}

// Blur takes the keys away; nothing stays selected.
func (l *lineInput) Blur() {
	l.selected = false
	l.Model.Blur()
}

// SetValue replaces the text, which is then not selected.
func (l *lineInput) SetValue(s string) {
	l.selected = false
	l.Model.SetValue(s)
}

// update gives the field a key (already cleaned of control characters).
func (l *lineInput) update(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyCtrlU {
		l.SetValue("")
		return nil
	}
	if l.selected {
		l.selected = false
		switch msg.Type {
		case tea.KeyRunes, tea.KeySpace:
			l.Model.SetValue("")
		case tea.KeyBackspace, tea.KeyDelete, tea.KeyCtrlK, tea.KeyCtrlW, tea.KeyCtrlH:
			l.Model.SetValue("")
			return nil
		case tea.KeyLeft, tea.KeyHome, tea.KeyCtrlA:
			l.CursorStart()
			return nil
		case tea.KeyRight, tea.KeyEnd:
			l.CursorEnd()
			return nil
		}
	}
	var cmd tea.Cmd
	l.Model, cmd = l.Model.Update(msg)
	return cmd
}

// View draws the field; a selected value is shown reversed, from its
// start.
func (l lineInput) View() string {
	if !l.selected || !l.Focused() {
		return l.Model.View()
	}
	return l.PromptStyle.Render(l.Prompt) + l.selStyle.Render(truncate(l.Value(), max(l.Width, 1)))
}

package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// recordKeys are the keys of the details screen's lists of records (the
// interview register, the sampling groups) and of the form that edits one
// record.
type recordKeys struct {
	Up, Down, Edit, Add, Remove, Back key.Binding
	// In the record's form.
	Next, Prev, Left, Right, Toggle, Done key.Binding
	g                                     *globalKeys
	editing                               bool
}

func newRecordKeys(g *globalKeys) recordKeys {
	return recordKeys{
		Up:     bind("key_up", "↑/k", "up", "k"),
		Down:   bind("key_down", "↓/j", "down", "j"),
		Edit:   bind("key_edit_record", "enter", "enter"),
		Add:    bind("key_add_record", "n", "n"),
		Remove: bind("key_remove_record", "x", "x", "delete"),
		Back:   bind("key_back", "esc", "esc"),
		Next:   bind("key_next_field", "tab/↓", "tab", "down"),
		Prev:   bind("key_prev_field", "shift+tab/↑", "shift+tab", "up"),
		Left:   bind("key_prev_choice", "←", "left"),
		Right:  bind("key_next_choice", "→", "right"),
		Toggle: bind("key_toggle_topic", "space", " "),
		Done:   bind("key_done", "esc", "esc"),
		g:      g,
	}
}

// ShortHelp implements help.KeyMap.
func (k recordKeys) ShortHelp() []key.Binding {
	if k.editing {
		return []key.Binding{k.Left, k.Right, k.Toggle, k.Next, k.Prev, k.Done, k.g.ForceQuit}
	}
	return []key.Binding{k.g.Help, k.Edit, k.Add, k.Remove, k.Up, k.Down, k.Back, k.g.Quit}
}

// FullHelp implements help.KeyMap.
func (k recordKeys) FullHelp() [][]key.Binding {
	if k.editing {
		return [][]key.Binding{{k.Next, k.Prev}, {k.Left, k.Right, k.Toggle}, {k.Done, k.g.ForceQuit}}
	}
	return [][]key.Binding{{k.Up, k.Down}, {k.Edit, k.Add, k.Remove}, {k.Back, k.g.Language, k.g.Quit, k.g.Help}}
}

var _ help.KeyMap = recordKeys{}

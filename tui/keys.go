package tui

import "github.com/charmbracelet/bubbles/key"

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// globalKeys work on every screen; while a text field has focus only the
// ctrl ones do.
type globalKeys struct {
	Quit, ForceQuit, Help key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      bind("q", "quit", "q"),
		ForceQuit: bind("ctrl+c", "quit", "ctrl+c"),
		Help:      bind("?", "help", "?"),
	}
}

// homeKeys are the audit list's keys.
type homeKeys struct {
	Up, Down, Open, New, Delete, Restore, Filter, ClearFilter key.Binding
	g                                                         *globalKeys
}

func newHomeKeys(g *globalKeys) homeKeys {
	return homeKeys{
		Up:          bind("↑/k", "up", "up", "k"),
		Down:        bind("↓/j", "down", "down", "j"),
		Open:        bind("enter", "open", "enter"),
		New:         bind("n", "new audit", "n"),
		Delete:      bind("d", "delete", "d", "delete"),
		Restore:     bind("r", "restore backup", "r"),
		Filter:      bind("/", "filter", "/"),
		ClearFilter: bind("esc", "clear filter", "esc"),
		g:           g,
	}
}

// ShortHelp implements help.KeyMap.
func (k homeKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.g.Help, k.Open, k.New, k.Delete, k.Restore, k.Filter, k.ClearFilter, k.g.Quit}
}

// FullHelp implements help.KeyMap.
func (k homeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.New, k.Delete, k.Restore}, {k.Filter, k.ClearFilter, k.g.Quit, k.g.Help}}
}

// formKeys are the new-audit form's keys.
type formKeys struct {
	Next, Prev, Left, Right, Create, Cancel key.Binding
	g                                       *globalKeys
}

func newFormKeys(g *globalKeys) formKeys {
	return formKeys{
		Next:   bind("tab/↓", "next field", "tab", "down"),
		Prev:   bind("shift+tab/↑", "previous field", "shift+tab", "up"),
		Left:   bind("←", "previous choice", "left"),
		Right:  bind("→", "next choice", "right"),
		Create: bind("ctrl+s", "create", "ctrl+s"),
		Cancel: bind("esc", "cancel", "esc"),
		g:      g,
	}
}

// ShortHelp implements help.KeyMap.
func (k formKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Left, k.Right, k.Create, k.Cancel, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Left, k.Right}, {k.Create, k.Cancel, k.g.ForceQuit}}
}

// walkKeys are the walk's keys, in list focus and in a text field.
type walkKeys struct {
	Up, Down, NextArea, PrevArea, NextOpen, PageUp, PageDown                     key.Binding
	Conforms, Minor, Major, NA, Open, Notes, Editor, Attach, Evidence, Detach    key.Binding
	Search, Summary, Back, FieldNext, FieldPrev, Leave, Complete, Accept, Cancel key.Binding
	g                                                                            *globalKeys
	field                                                                        bool
}

func newWalkKeys(g *globalKeys) walkKeys {
	return walkKeys{
		Up:        bind("↑/k", "previous", "up", "k"),
		Down:      bind("↓/j", "next", "down", "j"),
		NextArea:  bind("tab/]", "next area", "tab", "]"),
		PrevArea:  bind("shift+tab/[", "previous area", "shift+tab", "["),
		NextOpen:  bind("space", "next open", " "),
		PageUp:    bind("pgup", "scroll up", "pgup"),
		PageDown:  bind("pgdn", "scroll down", "pgdown"),
		Conforms:  bind("c", "conforms", "c"),
		Minor:     bind("m", "minor", "m"),
		Major:     bind("M", "major", "M"),
		NA:        bind("n", "n/a", "n"),
		Open:      bind("o", "open", "o"),
		Notes:     bind("enter", "write", "enter"),
		Editor:    bind("ctrl+e", "$EDITOR", "ctrl+e"),
		Attach:    bind("a", "attach", "a"),
		Evidence:  bind("v", "evidence", "v"),
		Detach:    bind("x", "detach", "x", "delete"),
		Search:    bind("/", "search", "/"),
		Summary:   bind("s", "summary", "s"),
		Back:      bind("esc", "audits", "esc"),
		FieldNext: bind("tab", "next field", "tab"),
		FieldPrev: bind("shift+tab", "previous field", "shift+tab"),
		Leave:     bind("esc", "done", "esc", "ctrl+s"),
		Complete:  bind("tab", "complete", "tab"),
		Accept:    bind("enter", "accept", "enter"),
		Cancel:    bind("esc", "cancel", "esc"),
		g:         g,
	}
}

// ShortHelp implements help.KeyMap.
func (k walkKeys) ShortHelp() []key.Binding {
	if k.field {
		return []key.Binding{k.FieldNext, k.Complete, k.Accept, k.Leave, k.Cancel, k.Editor, k.Evidence, k.Up, k.Down, k.Detach, k.Attach, k.g.ForceQuit}
	}
	return []key.Binding{k.g.Help, k.Conforms, k.Minor, k.Major, k.NA, k.Open, k.Notes, k.NextOpen, k.Summary, k.NextArea, k.Search}
}

// FullHelp implements help.KeyMap.
func (k walkKeys) FullHelp() [][]key.Binding {
	if k.field {
		return [][]key.Binding{k.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.NextArea, k.PrevArea, k.NextOpen, k.PageUp, k.PageDown},
		{k.Conforms, k.Minor, k.Major, k.NA, k.Open},
		{k.Notes, k.Editor, k.Attach, k.Evidence, k.Detach},
		{k.Search, k.Summary, k.Back, k.g.Quit, k.g.Help},
	}
}

// summaryKeys are the summary's keys.
type summaryKeys struct {
	Up, Down, Finalize, Export, Back key.Binding
	g                                *globalKeys
}

func newSummaryKeys(g *globalKeys) summaryKeys {
	return summaryKeys{
		Up:       bind("↑/k", "scroll up", "up", "k"),
		Down:     bind("↓/j", "scroll down", "down", "j"),
		Finalize: bind("f", "finalize", "f"),
		Export:   bind("x", "export PDF", "x"),
		Back:     bind("esc/s", "back to walk", "esc", "s"),
		g:        g,
	}
}

// ShortHelp implements help.KeyMap.
func (k summaryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.g.Help, k.Finalize, k.Export, k.Back, k.Up, k.Down, k.g.Quit}
}

// FullHelp implements help.KeyMap.
func (k summaryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Finalize, k.Export}, {k.Back, k.g.Quit, k.g.Help}}
}

// setEnabled turns every binding in bs on or off, so help shows only the
// keys that work now.
func setEnabled(on bool, bs ...*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(on)
	}
}

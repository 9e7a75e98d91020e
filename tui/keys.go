package tui

import "github.com/charmbracelet/bubbles/key"

// bind makes a binding; desc comes from txt.keys, so help is translated
// with the rest of the words.
func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// globalKeys work on every screen; while a text field has focus only the
// ctrl ones do.
type globalKeys struct {
	Quit, ForceQuit, Help key.Binding
	// Yes answers a y/n question; any other key is no.
	Yes key.Binding
}

func newGlobalKeys() globalKeys {
	w := txt.keys
	return globalKeys{
		Quit:      bind("q", w.quit, "q"),
		ForceQuit: bind("ctrl+c", w.quit, "ctrl+c"),
		Help:      bind("?", w.help, "?"),
		Yes:       bind("y", w.yes, "y"),
	}
}

// homeKeys are the audit list's keys.
type homeKeys struct {
	Up, Down, Open, New, Delete, Restore, Filter, ClearFilter key.Binding
	g                                                         *globalKeys
}

func newHomeKeys(g *globalKeys) homeKeys {
	w := txt.keys
	return homeKeys{
		Up:          bind("↑/k", w.up, "up", "k"),
		Down:        bind("↓/j", w.down, "down", "j"),
		Open:        bind("enter", w.openAudit, "enter"),
		New:         bind("n", w.newAudit, "n"),
		Delete:      bind("d", w.delete, "d", "delete"),
		Restore:     bind("r", w.restore, "r"),
		Filter:      bind("/", w.filter, "/"),
		ClearFilter: bind("esc", w.clearFilter, "esc"),
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

// formKeys are the header form's keys, on the new-audit form (Create,
// Cancel) and on the details screen (Done; Up and Down when read-only).
type formKeys struct {
	Next, Prev, Left, Right, AddRow, DelRow, Create, Cancel, Done key.Binding
	g                                                             *globalKeys
}

func newFormKeys(g *globalKeys) formKeys {
	w := txt.keys
	return formKeys{
		Next:   bind("tab/↓", w.nextField, "tab", "down"),
		Prev:   bind("shift+tab/↑", w.prevField, "shift+tab", "up"),
		Left:   bind("←", w.prevChoice, "left"),
		Right:  bind("→", w.nextChoice, "right"),
		AddRow: bind("ctrl+n", w.addRow, "ctrl+n"),
		DelRow: bind("ctrl+x", w.delRow, "ctrl+x"),
		Create: bind("ctrl+s", w.create, "ctrl+s"),
		Cancel: bind("esc", w.cancel, "esc"),
		Done:   bind("esc", w.done, "esc"),
		g:      g,
	}
}

// ShortHelp implements help.KeyMap.
func (k formKeys) ShortHelp() []key.Binding {
	// The focused field's own keys first, so a narrow help line keeps them.
	return []key.Binding{k.Left, k.Right, k.AddRow, k.DelRow, k.Create, k.Cancel, k.Done, k.Next, k.Prev,
		k.g.Help, k.g.Quit, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Left, k.Right, k.AddRow, k.DelRow},
		{k.Create, k.Cancel, k.Done, k.g.Help, k.g.Quit, k.g.ForceQuit}}
}

// walkKeys are the walk's keys, in list focus and in a text field.
type walkKeys struct {
	Up, Down, NextArea, PrevArea, NextOpen, PageUp, PageDown                  key.Binding
	Conforms, Minor, Major, NA, Open, Notes, Editor, Attach, Evidence, Detach key.Binding
	Search, Summary, Details, Back, FieldNext, FieldPrev, Leave, Complete     key.Binding
	Accept, Cancel                                                            key.Binding
	// Verdicts stands for c/m/M/n/o in the short help, so that at 80
	// columns the line still has room for space, s and h.
	Verdicts key.Binding
	g        *globalKeys
	field    bool
}

func newWalkKeys(g *globalKeys) walkKeys {
	w := txt.keys
	return walkKeys{
		Up:        bind("↑/k", w.previous, "up", "k"),
		Down:      bind("↓/j", w.next, "down", "j"),
		NextArea:  bind("tab/]", w.nextArea, "tab", "]"),
		PrevArea:  bind("shift+tab/[", w.prevArea, "shift+tab", "["),
		NextOpen:  bind("space", w.nextOpen, " "),
		PageUp:    bind("pgup", w.scrollUp, "pgup"),
		PageDown:  bind("pgdn", w.scrollDown, "pgdown"),
		Conforms:  bind("c", w.conforms, "c"),
		Minor:     bind("m", w.minor, "m"),
		Major:     bind("M", w.major, "M"),
		NA:        bind("n", w.na, "n"),
		Open:      bind("o", w.open, "o"),
		Notes:     bind("enter", w.write, "enter"),
		Editor:    bind("ctrl+e", w.editor, "ctrl+e"),
		Attach:    bind("a", w.attach, "a"),
		Evidence:  bind("v", w.evidence, "v"),
		Detach:    bind("x", w.detach, "x", "delete"),
		Search:    bind("/", w.search, "/"),
		Summary:   bind("s", w.summary, "s"),
		Details:   bind("h", w.details, "h"),
		Back:      bind("esc", w.audits, "esc"),
		FieldNext: bind("tab", w.nextField, "tab"),
		FieldPrev: bind("shift+tab", w.prevField, "shift+tab"),
		Leave:     bind("esc", w.done, "esc", "ctrl+s"),
		Complete:  bind("tab", w.complete, "tab"),
		Accept:    bind("enter", w.accept, "enter"),
		Cancel:    bind("esc", w.cancel, "esc"),
		Verdicts:  bind("c/m/M/n/o", w.verdict, "c", "m", "M", "n", "o"), // help only: never matched
		g:         g,
	}
}

// ShortHelp implements help.KeyMap.
func (k walkKeys) ShortHelp() []key.Binding {
	if k.field {
		return []key.Binding{k.FieldNext, k.Complete, k.Accept, k.Leave, k.Cancel, k.Editor, k.Evidence, k.Up, k.Down, k.Detach, k.Attach, k.g.ForceQuit}
	}
	return []key.Binding{k.g.Help, k.Verdicts, k.NextOpen, k.Notes, k.Summary, k.Details, k.Attach, k.Search, k.NextArea, k.PageDown}
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
		{k.Search, k.Summary, k.Details, k.Back, k.g.Quit, k.g.Help},
	}
}

// summaryKeys are the summary's keys, and those of the amendment's reason.
type summaryKeys struct {
	Up, Down, Finalize, Export, Amend, Details, Back, Accept, Cancel key.Binding
	g                                                                *globalKeys
}

func newSummaryKeys(g *globalKeys) summaryKeys {
	w := txt.keys
	return summaryKeys{
		Up:       bind("↑/k", w.scrollUp, "up", "k"),
		Down:     bind("↓/j", w.scrollDown, "down", "j"),
		Finalize: bind("f", w.finalize, "f"),
		Export:   bind("x", w.export, "x"),
		Amend:    bind("A", w.amend, "A"),
		Details:  bind("h", w.details, "h"),
		Back:     bind("esc/s", w.backToWalk, "esc", "s"),
		Accept:   bind("enter", w.amend, "enter"),
		Cancel:   bind("esc", w.cancel, "esc"),
		g:        g,
	}
}

// ShortHelp implements help.KeyMap.
func (k summaryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.g.Help, k.Finalize, k.Export, k.Amend, k.Details, k.Back, k.Accept, k.Cancel, k.Up, k.Down,
		k.g.Quit, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k summaryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Finalize, k.Export, k.Amend, k.Details},
		{k.Back, k.Accept, k.Cancel, k.g.Quit, k.g.Help, k.g.ForceQuit}}
}

// setEnabled turns every binding in bs on or off, so help shows only the
// keys that work now.
func setEnabled(on bool, bs ...*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(on)
	}
}

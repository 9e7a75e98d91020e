package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
)

// bind makes a binding whose help says message id: the help line words it
// in the UI's language when it is drawn (see localKeys), so a binding
// never has to be remade when the language changes.
func bind(id, help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, id))
}

// localKeys is a screen's key map with its help in the UI's words.
type localKeys struct {
	km help.KeyMap
	w  *words
}

// ShortHelp implements help.KeyMap.
func (k localKeys) ShortHelp() []key.Binding { return k.local(k.km.ShortHelp()) }

// FullHelp implements help.KeyMap.
func (k localKeys) FullHelp() [][]key.Binding {
	cols := k.km.FullHelp()
	out := make([][]key.Binding, len(cols))
	for i, c := range cols {
		out[i] = k.local(c)
	}
	return out
}

// local copies bs with their help worded; a disabled one stays disabled.
func (k localKeys) local(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		keyName := h.Key
		if id, ok := keyNameIDs[keyName]; ok {
			keyName = k.w.word(id)
		}
		out[i] = key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(keyName, k.w.word(h.Desc)))
		out[i].SetEnabled(b.Enabled())
	}
	return out
}

// globalKeys work on every screen; while a text field has focus only the
// ctrl ones do.
type globalKeys struct {
	Quit, ForceQuit, Help key.Binding
	// Language switches the UI's language, on the home and in the help.
	Language key.Binding
	// Yes answers a y/n question; any other key is no (No, help only:
	// never matched), so the key hints under a question say how to answer.
	Yes, No key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      bind("key_quit", "q", "q"),
		ForceQuit: bind("key_quit", "ctrl+c", "ctrl+c"),
		Help:      bind("key_help", "?", "?"),
		Language:  bind("key_language", "L", "L"),
		Yes:       bind("key_yes", "y", "y"),
		No:        bind("key_no", "other", "n"),
	}
}

// homeKeys are the audit list's keys.
type homeKeys struct {
	Up, Down, Open, New, Delete, Restore, Filter, ClearFilter key.Binding
	// SigningKey shows the signing key, or makes one; Demo makes the
	// filled sample audit.
	SigningKey, Demo key.Binding
	g                *globalKeys
}

func newHomeKeys(g *globalKeys) homeKeys {
	return homeKeys{
		Up:          bind("key_up", "↑/k", "up", "k"),
		Down:        bind("key_down", "↓/j", "down", "j"),
		Open:        bind("key_open_audit", "enter", "enter"),
		New:         bind("key_new_audit", "n", "n"),
		Delete:      bind("key_delete", "d", "d", "delete"),
		Restore:     bind("key_restore", "r", "r"),
		Filter:      bind("key_filter", "/", "/"),
		ClearFilter: bind("key_clear_filter", "esc", "esc"),
		SigningKey:  bind("key_signing_key", "K", "K"),
		Demo:        bind("key_demo", "D", "D"),
		g:           g,
	}
}

// ShortHelp implements help.KeyMap.
func (k homeKeys) ShortHelp() []key.Binding {
	// The language key second: whoever cannot read the language on screen
	// finds it at once.
	return []key.Binding{k.g.Yes, k.g.No, k.g.Help, k.g.Language, k.Open, k.New, k.SigningKey, k.Demo, k.Delete, k.Restore,
		k.Filter, k.ClearFilter, k.g.Quit}
}

// FullHelp implements help.KeyMap.
func (k homeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.New, k.Demo, k.Delete, k.Restore}, {k.SigningKey, k.Filter, k.ClearFilter},
		{k.g.Language, k.g.Quit, k.g.Help}}
}

// formKeys are the header form's keys, on the new-audit form (Create,
// Cancel) and on the details screen (Done; Up and Down when read-only).
type formKeys struct {
	Next, Prev, Left, Right, AddRow, DelRow, Create, Cancel, Done key.Binding
	// Replace (help only) says that typing replaces a selected value;
	// Clear empties a one-line field.
	Replace, Clear key.Binding
	// Open opens the page a details link line stands for.
	Open key.Binding
	// PageUp and PageDown scroll a catalog's provenance longer than the
	// screen, on the catalog line.
	PageUp, PageDown key.Binding
	g                *globalKeys
}

func newFormKeys(g *globalKeys) formKeys {
	k := formKeys{
		Next:   bind("key_next_field", "tab/↓", "tab", "down"),
		Prev:   bind("key_prev_field", "shift+tab/↑", "shift+tab", "up"),
		Left:   bind("key_prev_choice", "←", "left"),
		Right:  bind("key_next_choice", "→", "right"),
		AddRow: bind("key_add_row", "ctrl+n", "ctrl+n"),
		DelRow: bind("key_del_row", "ctrl+x", "ctrl+x"),
		Create: bind("key_create", "ctrl+s", "ctrl+s"),
		Cancel: bind("key_cancel", "esc", "esc"),
		Done:   bind("key_done", "esc", "esc"),
		// Help only: a field's own keys are the text input's.
		Replace:  bind("key_replace", "type", "type"),
		Clear:    bind("key_clear_field", "ctrl+u", "ctrl+u"),
		Open:     bind("key_open_page", "enter", "enter"),
		PageUp:   bind("key_scroll_up", "pgup", "pgup"),
		PageDown: bind("key_scroll_down", "pgdn", "pgdown"),
		g:        g,
	}
	k.Open.SetEnabled(false) // the details screen's link lines turn it on
	// The new-audit form's catalog line turns them on (form.update reads
	// the keys themselves: Matches ignores a disabled binding).
	setEnabled(false, &k.PageUp, &k.PageDown)
	return k
}

// ShortHelp implements help.KeyMap.
func (k formKeys) ShortHelp() []key.Binding {
	// The focused field's own keys first, so a narrow help line keeps them.
	return []key.Binding{k.g.Yes, k.g.No, k.Open, k.Replace, k.Left, k.Right, k.PageDown, k.PageUp, k.AddRow, k.DelRow, k.Create, k.Clear, k.Cancel, k.Done,
		k.Next, k.Prev, k.g.Help, k.g.Quit, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k formKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Replace, k.Clear}, {k.Open, k.Left, k.Right, k.PageUp, k.PageDown, k.AddRow, k.DelRow},
		{k.Create, k.Cancel, k.Done, k.g.Language, k.g.Help, k.g.Quit, k.g.ForceQuit}}
}

// walkKeys are the walk's keys, in list focus and in a text field.
type walkKeys struct {
	Up, Down, NextArea, PrevArea, NextOpen, PageUp, PageDown                  key.Binding
	Conforms, Minor, Major, NA, Open, Notes, Editor, Attach, Evidence, Detach key.Binding
	Search, Summary, Details, Back, FieldNext, FieldPrev, Leave, Complete     key.Binding
	Accept, Cancel                                                            key.Binding
	// Caption and Justify edit the selected file's caption and justify
	// its plausibility marks, in the evidence list.
	Caption, Justify key.Binding
	// Wide gives the requirement list more of the width; Replace (help
	// only) and Clear are the due date's, as in the forms.
	Wide, Replace, Clear key.Binding
	// CopyPrevious copies last year's notes into this year's; Actions
	// opens the previous audit's corrective actions (the yearly cycle),
	// from the requirement list only: in the evidence list C is Caption.
	CopyPrevious, Actions key.Binding
	// Verdicts stands for c/m/M/n/o in the short help, so that at 80
	// columns the line still has room for space, s and h.
	Verdicts key.Binding
	g        *globalKeys
	field    bool
}

func newWalkKeys(g *globalKeys) walkKeys {
	return walkKeys{
		Up:           bind("key_previous", "↑/k", "up", "k"),
		Down:         bind("key_next", "↓/j", "down", "j"),
		NextArea:     bind("key_next_area", "tab/]", "tab", "]"),
		PrevArea:     bind("key_prev_area", "shift+tab/[", "shift+tab", "["),
		NextOpen:     bind("key_next_open", "space", " "),
		PageUp:       bind("key_scroll_up", "pgup", "pgup"),
		PageDown:     bind("key_scroll_down", "pgdn", "pgdown"),
		Conforms:     bind("key_conforms", "c", "c"),
		Minor:        bind("key_minor", "m", "m"),
		Major:        bind("key_major", "M", "M"),
		NA:           bind("key_na", "n", "n"),
		Open:         bind("key_reopen", "o", "o"),
		Notes:        bind("key_notes", "enter", "enter"),
		Editor:       bind("key_editor", "ctrl+e", "ctrl+e"),
		Attach:       bind("key_attach", "a", "a"),
		Evidence:     bind("key_evidence", "v", "v"),
		Detach:       bind("key_detach", "x", "x", "delete"),
		Search:       bind("key_search", "/", "/"),
		Summary:      bind("key_summary", "s", "s"),
		Details:      bind("key_details", "h", "h"),
		Back:         bind("key_audits", "esc", "esc"),
		FieldNext:    bind("key_next_field", "tab", "tab"),
		FieldPrev:    bind("key_prev_field", "shift+tab", "shift+tab"),
		Leave:        bind("key_done", "esc", "esc", "ctrl+s"),
		Complete:     bind("key_complete", "tab", "tab"),
		Accept:       bind("key_accept", "enter", "enter"),
		Cancel:       bind("key_cancel", "esc", "esc"),
		Verdicts:     bind("key_verdict", "c/m/M/n/o", "c", "m", "M", "n", "o"), // help only: never matched
		Caption:      bind("key_caption", "C", "C"),
		Justify:      bind("key_justify", "J", "J"),
		Wide:         bind("key_wide", "w", "w"),
		Replace:      bind("key_replace", "type", "type"),
		Clear:        bind("key_clear_field", "ctrl+u", "ctrl+u"),
		CopyPrevious: bind("key_copy_previous", "p", "p"),
		Actions:      bind("key_actions", "C", "C"),
		g:            g,
	}
}

// ShortHelp implements help.KeyMap.
func (k walkKeys) ShortHelp() []key.Binding {
	if k.field {
		return []key.Binding{k.g.Yes, k.g.No, k.Replace, k.FieldNext, k.Complete, k.Accept, k.Leave, k.Cancel, k.Editor, k.Clear,
			k.Evidence, k.Up, k.Down, k.Caption, k.Justify, k.Detach, k.Attach, k.g.ForceQuit}
	}
	return []key.Binding{k.g.Help, k.Verdicts, k.NextOpen, k.Summary, k.Notes, k.Details, k.Attach, k.Search, k.NextArea,
		k.Wide, k.PageDown}
}

// FullHelp implements help.KeyMap.
func (k walkKeys) FullHelp() [][]key.Binding {
	if k.field {
		return [][]key.Binding{k.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.NextArea, k.PrevArea, k.NextOpen, k.PageUp, k.PageDown},
		{k.Conforms, k.Minor, k.Major, k.NA, k.Open, k.CopyPrevious},
		{k.Notes, k.Editor, k.Attach, k.Evidence, k.Detach, k.Caption, k.Justify},
		{k.Search, k.Summary, k.Details, k.Actions, k.Wide, k.Back, k.g.Language, k.g.Quit, k.g.Help},
	}
}

// summaryKeys are the summary's keys, those of the amendment's reason and
// those of the export dialog.
type summaryKeys struct {
	Up, Down, Finalize, Export, Amend, Details, Back, Accept, Cancel key.Binding
	// Actions opens the previous audit's corrective actions.
	Actions key.Binding
	// The export dialog: the report's language, and go.
	LangPrev, LangNext, ExportGo key.Binding
	g                            *globalKeys
}

func newSummaryKeys(g *globalKeys) summaryKeys {
	return summaryKeys{
		Up:       bind("key_scroll_up", "↑/k", "up", "k"),
		Down:     bind("key_scroll_down", "↓/j", "down", "j"),
		Finalize: bind("key_finalize", "f", "f"),
		Export:   bind("key_export", "x", "x"),
		Amend:    bind("key_amend", "A", "A"),
		Details:  bind("key_details", "h", "h"),
		Back:     bind("key_back_to_walk", "esc/s", "esc", "s"),
		Accept:   bind("key_amend", "enter", "enter"),
		Cancel:   bind("key_cancel", "esc", "esc"),
		LangPrev: bind("key_report_language", "←", "left"),
		LangNext: bind("key_report_language", "→", "right"),
		ExportGo: bind("key_export_now", "enter", "enter"),
		Actions:  bind("key_actions", "C", "C"),
		g:        g,
	}
}

// ShortHelp implements help.KeyMap.
func (k summaryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.g.Yes, k.g.No, k.g.Help, k.Finalize, k.Export, k.Amend, k.Actions, k.Details, k.Back, k.ExportGo,
		k.LangNext, k.Accept, k.Cancel, k.Up, k.Down, k.g.Quit, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k summaryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Finalize, k.Export, k.Amend, k.Actions, k.Details},
		{k.ExportGo, k.LangPrev, k.LangNext, k.Accept, k.Cancel},
		{k.Back, k.g.Language, k.g.Quit, k.g.Help, k.g.ForceQuit}}
}

// setEnabled turns every binding in bs on or off, so help shows only the
// keys that work now.
func setEnabled(on bool, bs ...*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(on)
	}
}

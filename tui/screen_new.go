package tui

import (
	"reflect"
	"strconv"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// formModel is the new-audit form: the catalog, then the header form with
// field-level errors under the fields.
type formModel struct {
	c        *common
	keys     formKeys
	f        form
	creating bool
	// blank is the header and catalog the form started with, so that
	// leaving knows whether anything was typed.
	blank      audit.Header
	blankCat   int
	confirming bool // "discard this new audit? y/n" is asked
	// from is where the audit starts from: blank, or last year's audit
	// (see screen_new_from.go).
	from newFrom
}

// newFormModel is the new-audit form; entries are the home's audits, of
// which the finalized ones can be last year's.
func newFormModel(c *common, entries []audit.Entry) formModel {
	m := formModel{c: c, keys: newFormKeys(&c.g)}
	today := c.now().Format(audit.DateLayout)
	var catIDs []string
	def := 0
	// The set's default (an official file in the home wins over the
	// built-in edition); superseded editions are not offered.
	want := c.deps.Catalogs.Default()
	for i, cat := range c.deps.Catalogs.Current() {
		catIDs = append(catIDs, strconv.Itoa(i))
		if cat == want {
			def = i
		}
	}
	catalog := formField{key: "catalog", kind: kindChoice, choices: catIDs, choice: def}
	extra := []formField{catalog}
	prev := finalizedEntries(entries)
	if c.deps.Previous != nil {
		extra = append([]formField{sourceField(c, prev)}, extra...)
		m.from = newFrom{entries: prev, changes: map[*standards.Catalog]audit.CatalogChanges{}}
	}
	m.f = newHeaderForm(c, c.deps.Config.Defaults(audit.Header{StartDate: today, EndDate: today}), extra...)
	// A repeat audit starts from last year's: with finalized audits in
	// the list, the choice comes first; else the ASMO's name.
	if len(prev) > 0 {
		m.f.focusOn(0)
	} else {
		m.f.focusOn(len(extra))
	}
	m.blank, _ = m.header()
	m.blankCat = def
	return m
}

// typed reports whether anything was typed or chosen since the form
// opened: leaving then asks, and ctrl+c keeps it as a draft.
func (m formModel) typed() bool {
	if m.c == nil || len(m.f.fields) == 0 {
		return false
	}
	h, _ := m.header()
	src := m.source()
	return m.f.fields[m.fieldIndex("catalog")].choice != m.blankCat || !reflect.DeepEqual(h, m.blank) ||
		src != "" && src != sourceBlank
}

// prompt is the question the form is asking, for the status line.
func (m formModel) prompt() string {
	if m.confirming {
		return m.c.w.t("confirm_discard", nil)
	}
	return ""
}

// draft is the audit as typed so far, valid or not: what ctrl+c or a
// signal keeps rather than lose it. Fields that do not parse are left
// empty; the details screen shows what is missing.
func (m formModel) draft() *audit.Audit {
	h, _ := m.header()
	cat := m.catalog()
	if m.from.origin != nil && cat != nil {
		if a, err := m.createFrom(h, cat); err == nil {
			return a
		}
	}
	a := audit.New(cat, h, m.c.now())
	a.Policy = m.c.deps.Config.DatePolicy()
	return a
}

// keyMap offers ←/→ only on a choice, and the table's keys in the table.
func (m formModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	setEnabled(false, &g.Quit, &g.Help, &g.Language) // every key types
	setEnabled(m.confirming, &g.Yes, &g.No)
	fl := m.f.focused()
	text := fl.kind == kindText || fl.kind == kindCell
	// While a question waits, its answers are the only keys.
	free := !m.creating && !m.confirming
	setEnabled(text && free, &k.Clear)
	setEnabled(text && fl.input.selected && free, &k.Replace)
	setEnabled(fl.kind == kindChoice && free, &k.Left, &k.Right)
	setEnabled(fl.key == "catalog" && free && len(m.f.provLines(fl)) > m.f.provRoom(fl), &k.PageUp, &k.PageDown)
	setEnabled(m.f.inTable() && free, &k.AddRow)
	setEnabled(fl.kind == kindCell && free, &k.DelRow)
	setEnabled(free, &k.Create, &k.Next, &k.Prev)
	setEnabled(!m.confirming, &k.Cancel)
	setEnabled(false, &k.Done)
	return k

}

func (m *formModel) setSize() {
	if m.c != nil {
		m.f.setSize()
	}
}

func (m formModel) update(msg tea.Msg) (formModel, tea.Cmd) {
	switch msg := msg.(type) {
	case previousLoadedMsg:
		return m.previousLoaded(msg)
	case completedMsg:
		return m.completed(msg)
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok || m.creating {
		return m, nil
	}
	if m.confirming {
		m.confirming = false
		if key.Matches(k, m.c.g.Yes) {
			m.c.goTo(screenHome)
			return m, nil
		}
		return m, m.c.answeredNo()
	}

	switch {
	case key.Matches(k, m.keys.Cancel):
		if m.typed() {
			m.confirming = true
			return m, nil
		}
		m.c.goTo(screenHome)
		return m, nil
	case key.Matches(k, m.keys.Create):
		return m.create()
	}
	if nm, cmd, done := m.updateFrom(k); done {
		return nm, cmd
	}
	src := m.source()
	cmd, _ := m.f.update(k, m.keys)
	if m.source() != src {
		var scmd tea.Cmd
		m.f.catalogNote = nil
		m, scmd = m.sourceChanged()
		cmd = tea.Batch(cmd, scmd)
	}
	return m, cmd
}

// header builds the audit header from the fields, with the errors of the
// fields that are wrong.
func (m formModel) header() (audit.Header, map[string]error) {
	return m.f.build(audit.Header{}, nil)
}

func (m formModel) create() (formModel, tea.Cmd) {
	m.f.submitted = true
	h, errs := m.header()
	m.f.errs = errs
	if cmd, bad := m.f.firstError(); bad {
		return m, tea.Batch(cmd, notify(m.c.w.t("form_invalid", nil), true))
	}
	if nm, cmd, wait := m.waitingForPrevious(); wait {
		return nm, cmd
	}
	cat := m.catalog()
	var a *audit.Audit
	if m.from.origin != nil {
		var err error
		if a, err = m.createFrom(h, cat); err != nil {
			return m, notify(m.c.w.previousErrorText(err), true)
		}
	} else {
		a = audit.New(cat, h, m.c.now())
		a.Policy = m.c.deps.Config.DatePolicy()
	}
	m.creating = true
	// "creating…" is the form's own state, not a status message that could
	// arrive after the walk's and linger there.
	return m, createAuditCmd(m.c.deps.Store, a)
}

func (m formModel) view() string {
	st := m.c.st
	title, hint := m.c.w.t("form_title", nil), st.muted.Render(m.c.w.t("form_hint", nil))
	if t, h, ok := m.fromHead(); ok {
		title, hint = t, st.warn.Render(h)
	}
	if m.creating {
		hint = st.warn.Render(m.c.w.t("creating", nil))
	}
	return m.f.view(st.header.Render(title) + "  " + hint)
}

package tui

import (
	"reflect"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// detailsModel edits the open audit's whole header: what the inspector
// fills in during and at the end of the visit, and the report prints.
// Every change goes into the session's audit and through its debounced
// save, like an edit in the walk; a field that is wrong shows its error and
// keeps its last good value in the audit.
type detailsModel struct {
	c    *common
	s    *session
	keys formKeys
	f    form
	from screen // where esc goes back to
}

// relatedFields are the fields that audit.ValidateHeader checks together
// with the field it names in the error.
var relatedFields = map[string][]string{
	"certification_year": {"audit_type"},
	"end_date":           {"start_date"},
}

func newDetailsModel(c *common, s *session, from screen) detailsModel {
	m := detailsModel{c: c, s: s, keys: newFormKeys(&c.g), from: from}
	m.f = newHeaderForm(c, s.a.Header)
	m.f.readOnly = !s.a.Editable()
	m.f.submitted = true // the audit exists: what is wrong with it shows at once
	m.f.focusOn(0)
	return m
}

// typing reports whether a field has the keys: always, unless read-only.
func (m detailsModel) typing() bool { return m.s != nil && !m.f.readOnly }

func (m *detailsModel) setSize() {
	if m.c != nil && m.s != nil {
		m.f.setSize()
	}
}

func (m detailsModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	fl := m.f.focused()
	ro := m.f.readOnly
	setEnabled(false, &k.Create, &k.Cancel)
	setEnabled(!ro && fl.kind == kindChoice, &k.Left, &k.Right)
	setEnabled(!ro && m.f.inTable(), &k.AddRow)
	setEnabled(!ro && fl.kind == kindCell, &k.DelRow)
	setEnabled(ro, &g.Quit, &g.Help, &g.Language)
	setEnabled(!ro, &g.ForceQuit)
	setEnabled(false, &g.Yes, &g.No)
	text := fl.kind == kindText || fl.kind == kindCell
	setEnabled(!ro && text, &k.Clear)
	setEnabled(!ro && text && fl.input.selected, &k.Replace)
	return k

}

func (m detailsModel) update(msg tea.Msg) (detailsModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || m.s == nil {
		return m, nil
	}
	if key.Matches(k, m.keys.Done) {
		m.c.goTo(m.from)
		return m, nil
	}
	if m.f.readOnly && !key.Matches(k, m.keys.Next) && !key.Matches(k, m.keys.Prev) {
		// q, ? and L were the root's: anything else would change it.
		return m, m.c.readOnlyKey(k)
	}
	cmd, changed := m.f.update(k, m.keys)
	if changed && !m.f.readOnly {
		cmd = tea.Batch(cmd, m.apply())
	}
	return m, cmd
}

// apply puts the form's valid fields into the audit and schedules the
// save, when anything changed.
func (m *detailsModel) apply() tea.Cmd {
	cur := m.s.a.Header
	_, skip := m.f.build(cur, nil)
	h, left := m.f.build(cur, skip)
	// A rule between two fields faults one of them for a change of the
	// other (an initial audit has year 0; the end is not before the
	// start): keep the other as it was too.
	widened := false
	for field := range left {
		for _, p := range relatedFields[field] {
			if _, ok := skip[p]; !ok {
				skip[p], widened = left[field], true
			}
		}
	}
	if widened {
		h, _ = m.f.build(cur, skip)
	}
	if reflect.DeepEqual(h, cur) {
		return nil
	}
	m.s.a.Header = h
	return m.s.touch()
}

func (m detailsModel) view() string {
	st := m.c.st
	hint := st.muted.Render(m.c.w.t("details_hint", nil))
	if m.f.readOnly {
		hint = st.warn.Render(m.c.w.t("details_read_only", nil))
	}
	return m.f.view(st.header.Render(m.c.w.t("details_title", nil)) + "  " + hint)
}

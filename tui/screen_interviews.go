package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// interviewsModel is the details screen's interview register: the list of
// interviews by pseudonym, and the form that edits one, whose last fields
// (the real name and a contact) are private: they are saved to the audit's
// private folder, never into the audit.
type interviewsModel struct {
	c       *common
	s       *session
	keys    recordKeys
	cursor  int
	editing bool
	at      int // the register index being edited
	added   bool
	form    recordForm
	confirm string // the pseudonym whose removal is being asked
}

func newInterviewsModel(c *common, s *session) (interviewsModel, tea.Cmd) {
	m := interviewsModel{c: c, s: s, keys: newRecordKeys(&c.g)}
	return m, s.loadPrivate()
}

func (m interviewsModel) readOnly() bool { return !m.s.a.Editable() }

// typing reports whether a field or a question has the keys.
func (m interviewsModel) typing() bool { return m.editing || m.confirm != "" }

// prompt is the question asked, if any.
func (m interviewsModel) prompt() string {
	if m.confirm == "" {
		return ""
	}
	return m.c.w.t("confirm_remove_interview", i18n.Args{"Pseudonym": m.confirm})
}

func (m interviewsModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	k.editing = m.editing
	ro := m.readOnly()
	has := len(m.s.a.Header.Register) > 0
	setEnabled(!ro, &k.Add)
	setEnabled(!ro && has, &k.Remove)
	setEnabled(has, &k.Edit)
	if m.editing {
		kind := m.form.focusedKind()
		setEnabled(!ro && (kind == recChoice || kind == recToggles), &k.Left, &k.Right)
		setEnabled(!ro && kind == recToggles, &k.Toggle)
	}
	return k
}

// update handles a message; done reports that the inspector left the page.
func (m interviewsModel) update(msg tea.Msg) (interviewsModel, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case privateLoadedMsg:
		// The session took them; the form, if open, shows them now.
		if msg.id == m.s.id && m.editing {
			m.openForm(m.at)
		}
		if msg.err != nil {
			return m, notify(m.c.w.errorText(msg.err), true), false
		}
		return m, nil, false
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil, false
}

func (m interviewsModel) updateKey(msg tea.KeyMsg) (interviewsModel, tea.Cmd, bool) {
	reg := m.s.a.Header.Register
	switch {
	case m.confirm != "":
		p := m.confirm
		m.confirm = ""
		if key.Matches(msg, m.c.g.Yes) {
			return m, m.remove(p), false
		}
		return m, nil, false
	case m.editing:
		if key.Matches(msg, m.keys.Done) {
			return m, m.closeForm(), false
		}
		cmd, changed := m.form.update(msg, m.keys)
		if changed && !m.readOnly() {
			cmd = tea.Batch(cmd, m.apply())
		}
		return m, cmd, false
	case key.Matches(msg, m.keys.Back):
		return m, m.s.flushPrivate(), true
	case key.Matches(msg, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(reg)-1, 0))
	case key.Matches(msg, m.keys.Edit) && len(reg) > 0:
		return m, m.openForm(m.cursor), false
	case key.Matches(msg, m.keys.Add) && !m.readOnly():
		m.s.a.Header.Register = append(reg, audit.Interview{Pseudonym: audit.NextPseudonym(reg), Language: m.c.w.lang})
		m.cursor, m.added = len(m.s.a.Header.Register)-1, true
		return m, tea.Batch(m.openForm(m.cursor), m.s.touch()), false
	case key.Matches(msg, m.keys.Remove) && !m.readOnly() && len(reg) > 0:
		m.confirm = reg[m.cursor].Pseudonym
	}
	return m, nil, false
}

// remove takes an interview out of the register, with its private name: a
// pseudonym is never left pointing at someone it no longer stands for. An
// interview a finding cites is kept, and the status line says which.
func (m *interviewsModel) remove(p string) tea.Cmd {
	i, ok := audit.InterviewByPseudonym(m.s.a.Header.Register, p)
	if !ok {
		return nil
	}
	if ids := audit.CitingFindings(m.s.a, m.s.cat)[p]; len(ids) > 0 {
		return notify(m.c.w.t("interview_cited", i18n.Args{"Pseudonym": p, "IDs": m.c.w.listIDs(ids)}), true)
	}
	m.s.a.Header.Register = slices.Delete(m.s.a.Header.Register, i, i+1)
	m.cursor = min(m.cursor, max(len(m.s.a.Header.Register)-1, 0))
	return tea.Batch(m.s.touch(), m.s.setContact(p, audit.Contact{}))
}

// interviewLabelIDs label the fields of an interview's form, by key.
var interviewLabelIDs = map[string]string{
	"role": "iv_label_role", "gender": "iv_label_gender", "site": "iv_label_site", "date": "iv_label_date",
	"group_size": "iv_label_group", "language": "iv_label_language", "topics": "iv_label_topics",
	"status": "iv_label_status", "notes": "iv_label_notes", "name": "iv_label_name", "contact": "iv_label_contact",
}

// openForm opens the form on register entry i.
func (m *interviewsModel) openForm(i int) tea.Cmd {
	iv := m.s.a.Header.Register[i]
	w := m.c.w
	r := recordForm{c: m.c, readOnly: m.readOnly(), errs: map[string]error{}}
	r.textField("role", interviewLabelIDs["role"], iv.Role)
	gw := []string{w.t("gender_unset", nil)}
	gv := []string{""}
	for _, g := range audit.Genders {
		gv, gw = append(gv, string(g)), append(gw, w.genderName(g))
	}
	r.choiceField("gender", interviewLabelIDs["gender"], string(iv.Gender), gv, gw)
	r.textField("site", interviewLabelIDs["site"], iv.Site)
	r.textField("date", interviewLabelIDs["date"], iv.Date)
	r.countField("group_size", interviewLabelIDs["group_size"], iv.GroupSize)
	r.textField("language", interviewLabelIDs["language"], iv.Language)
	var av, aw []string
	areas := standards.Areas
	if m.s.cat != nil {
		areas = m.s.cat.WalkAreas()
	}
	for _, a := range areas {
		av, aw = append(av, string(a)), append(aw, w.areaName(a))
	}
	var on []string
	for _, t := range iv.Topics {
		on = append(on, string(t))
	}
	r.togglesField("topics", interviewLabelIDs["topics"], av, aw, on)
	status := "held"
	if iv.FollowUp {
		status = "follow-up"
	}
	r.choiceField("status", interviewLabelIDs["status"], status, []string{"held", "follow-up"},
		[]string{w.t("iv_held", nil), w.t("iv_follow_up", nil)})
	r.areaField("notes", interviewLabelIDs["notes"], iv.Notes)
	c := m.s.pv.p.Of(iv.Pseudonym)
	r.textField("name", interviewLabelIDs["name"], c.Name)
	r.textField("contact", interviewLabelIDs["contact"], c.Contact)
	r.setPrivate("name", "contact")
	for _, k := range []string{"name", "contact"} {
		f := &r.fields[slices.IndexFunc(r.fields, func(f recordField) bool { return f.key == k })]
		switch {
		case m.s.pv.err != nil:
			f.locked = true
			f.input.Placeholder = w.t("private_unavailable", nil)
		case !m.s.pv.loaded:
			f.locked = true
			f.input.Placeholder = w.t("private_loading", nil)
		}
	}
	r.fields[r.fieldIndex("date")].input.Placeholder = w.t("date_placeholder", nil)
	r.fields[r.fieldIndex("group_size")].input.Placeholder = w.t("group_placeholder", nil)
	focus := 0
	if m.editing && m.at == i {
		focus = m.form.focus // the private names arrived while editing
	}
	m.form, m.at, m.editing = r, i, true
	m.form.setSize()
	_, m.form.errs = m.candidate()
	return m.form.focusOn(focus)
}

// candidate is the entry as the form has it, every field read.
func (m interviewsModel) candidate() (audit.Interview, map[string]error) {
	iv := m.s.a.Header.Register[m.at]
	errs := map[string]error{}
	r := m.form
	iv.Role = r.field("role").text()
	iv.Gender = audit.Gender(r.field("gender").text())
	iv.Site = r.field("site").text()
	iv.Date = r.field("date").text()
	if n, err := r.field("group_size").count(); err != nil {
		errs["group_size"] = err
	} else {
		iv.GroupSize = n
	}
	iv.Language = r.field("language").text()
	iv.Topics = nil
	for _, t := range strings.FieldsFunc(r.field("topics").text(), func(r rune) bool { return r == ',' }) {
		iv.Topics = append(iv.Topics, standards.Area(t))
	}
	iv.FollowUp = r.field("status").text() == "follow-up"
	iv.Notes = r.field("notes").text()
	for _, fe := range audit.ValidateInterview(iv) {
		if _, ok := errs[fe.Field]; !ok {
			errs[fe.Field] = fe
		}
	}
	return iv, errs
}

// apply puts the form's valid values into the register entry (a value that
// is wrong keeps the entry's last good one) and the private ones into the
// private names, and schedules their saves.
func (m *interviewsModel) apply() tea.Cmd {
	cur := m.s.a.Header.Register[m.at]
	iv, errs := m.candidate()
	m.form.errs = errs
	// Keep the last good value of what is wrong.
	if _, bad := errs["date"]; bad {
		iv.Date = cur.Date
	}
	if _, bad := errs["group_size"]; bad {
		iv.GroupSize = cur.GroupSize
	}
	if _, bad := errs["gender"]; bad && !iv.FollowUp {
		iv.Gender = cur.Gender
	}
	var cmds []tea.Cmd
	if !interviewEqual(iv, cur) {
		m.s.a.Header.Register[m.at] = iv
		cmds = append(cmds, m.s.touch())
	}
	c := audit.Contact{Name: m.form.field("name").text(), Contact: m.form.field("contact").text()}
	cmds = append(cmds, m.s.setContact(iv.Pseudonym, c))
	return tea.Batch(cmds...)
}

func interviewEqual(a, b audit.Interview) bool {
	return a.Pseudonym == b.Pseudonym && a.Role == b.Role && a.Gender == b.Gender && a.Site == b.Site && a.Date == b.Date &&
		a.GroupSize == b.GroupSize && a.Language == b.Language && slices.Equal(a.Topics, b.Topics) && a.Notes == b.Notes &&
		a.FollowUp == b.FollowUp
}

// closeForm leaves the form: an entry just added and left empty goes
// away again; the private names are saved at once.
func (m *interviewsModel) closeForm() tea.Cmd {
	m.editing = false
	var cmds []tea.Cmd
	iv := m.s.a.Header.Register[m.at]
	if m.added && strings.TrimSpace(iv.Role) == "" && iv.Gender == "" && iv.Notes == "" && m.s.pv.p.Of(iv.Pseudonym).IsZero() {
		m.s.a.Header.Register = slices.Delete(m.s.a.Header.Register, m.at, m.at+1)
		m.cursor = min(m.cursor, max(len(m.s.a.Header.Register)-1, 0))
		cmds = append(cmds, m.s.touch())
	}
	m.added = false
	return tea.Batch(append(cmds, m.s.flushPrivate())...)
}

func (m *interviewsModel) setSize() {
	if m.editing {
		m.form.setSize()
	}
}

// view draws the list, or the form on one entry.
func (m interviewsModel) view() string {
	w := m.c.w
	st := m.c.st
	reg := m.s.a.Header.Register
	rows, _ := audit.PeopleInterviewed(m.s.a.Header)
	people, held := 0, 0
	for _, r := range rows {
		people += r.Total()
		held += r.Interviews
	}
	title := st.header.Render(w.t("interviews_title", nil)) + "  " + st.muted.Render(w.n("interviews_count", held, i18n.Args{"People": w.n("people_count", people, nil)}))
	if m.editing {
		iv := reg[m.at]
		head := wrap(st.header.Render(w.t("interview_title", i18n.Args{"Pseudonym": iv.Pseudonym}))+"  "+
			st.muted.Render(w.t("interview_hint", i18n.Args{"Pseudonym": iv.Pseudonym})), m.c.width)
		private := w.t("private_head", nil)
		if m.s.pv.err != nil {
			// The status line's word on why is gone at the next key: the
			// locked fields point here, where it stays.
			private += "\n" + w.errorText(m.s.pv.err)
		}
		return m.form.view(head, private)
	}
	lines := wrap(title, m.c.width)
	lines = append(lines, wrap(st.warn.Render("! "+w.t("interviews_private_note", nil)), m.c.width)...)
	lines = append(lines, "")
	if len(reg) == 0 {
		msg := w.t("interviews_none", nil)
		if m.readOnly() {
			msg = w.t("interviews_none_read_only", nil)
		}
		lines = append(lines, wrap(st.muted.Render(msg), m.c.width)...)
		return strings.Join(lines, "\n")
	}
	cols := m.columns()
	lines = append(lines, st.label.Render(m.row("  ", w.t("col_pseudonym", nil), w.t("col_role", nil), w.t("col_gender", nil),
		w.t("col_site", nil), w.t("col_date", nil), w.t("col_people", nil), w.t("col_name", nil), cols)))
	var body []string
	for i, iv := range reg {
		gender, people := w.genderName(iv.Gender), "1"
		if iv.Gender == "" {
			gender = "—"
		}
		if iv.IsGroup() {
			people = w.t("group_of", i18n.Args{"N": iv.GroupSize})
		}
		if iv.FollowUp {
			people = w.t("iv_follow_up_short", nil)
		}
		name := ""
		if m.s.pv.p.Of(iv.Pseudonym).Name != "" {
			name = "✓"
		}
		line := m.row("  ", iv.Pseudonym, sanitizeLine(iv.Role), gender, sanitizeLine(iv.Site), orDash(iv.Date), people, name, cols)
		if i == m.cursor {
			line = st.selected.Render(m.row("› ", iv.Pseudonym, sanitizeLine(iv.Role), gender, sanitizeLine(iv.Site), orDash(iv.Date), people, name, cols))
		}
		body = append(body, line)
	}
	var foot []string
	if m.cursor >= 0 && m.cursor < len(reg) {
		iv := reg[m.cursor]
		foot = wholeCells(st, m.c.width, m.c.height-len(lines)-1,
			cell{w.t("col_role", nil), sanitizeLine(iv.Role), cols.role - 1}, cell{w.t("col_site", nil), sanitizeLine(iv.Site), cols.site - 1})
	}
	h := m.c.height - len(lines) - len(foot)
	off := 0
	if m.cursor >= h {
		off = m.cursor - h + 1
	}
	vis, _ := window(body, off, h)
	return strings.Join(append(append(lines, vis...), foot...), "\n")
}

// registerCols are the list's column widths.
type registerCols struct{ pseudonym, role, gender, site, date, people int }

// columns shares the width out: the fixed columns as wide as their heads
// or values need, then the role and the site.
func (m interviewsModel) columns() registerCols {
	w := m.c.w
	head := func(id string, least int) int { return max(least, lipgloss.Width(w.word(id))+1) }
	c := registerCols{pseudonym: head("col_pseudonym", 6), gender: head("col_gender", 12), date: head("col_date", 11),
		people: head("col_people", 11)}
	rest := m.c.width - 2 - c.pseudonym - c.gender - c.date - c.people - lipgloss.Width(w.word("col_name"))
	c.role = max(rest*3/5, 10)
	c.site = max(rest-c.role, 8)
	return c
}

func (m interviewsModel) row(mark, p, role, gender, site, date, people, name string, c registerCols) string {
	return mark + pad(p, c.pseudonym) + pad(role, c.role-1) + " " + pad(gender, c.gender) + pad(site, c.site-1) + " " +
		pad(date, c.date) + pad(people, c.people) + name
}

// orDash is an empty cell.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// fieldIndex is the index of the field with key k.
func (r recordForm) fieldIndex(k string) int {
	return slices.IndexFunc(r.fields, func(f recordField) bool { return f.key == k })
}

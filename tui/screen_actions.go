package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// actionsModel is where the inspector verifies the previous audit's
// corrective actions: each one closed (with the evidence seen), not
// closed, or superseded. The list on top, the one in focus below it with
// last year's finding, the action promised and its due date.
type actionsModel struct {
	c       *common
	s       *session
	keys    actionsKeys
	sel     int
	editing bool
	notes   noteEditor
	back    screen // where esc goes: the walk or the summary
}

// actionsKeys are the corrective-actions screen's keys.
type actionsKeys struct {
	Up, Down, Closed, NotClosed, Superseded, ToVerify, Notes, Done, Back key.Binding
	g                                                                    *globalKeys
}

func newActionsKeys(g *globalKeys) actionsKeys {
	return actionsKeys{
		Up:         bind("key_previous", "↑/k", "up", "k"),
		Down:       bind("key_next", "↓/j", "down", "j"),
		Closed:     bind("key_ca_closed", "c", "c"),
		NotClosed:  bind("key_ca_not_closed", "n", "n"),
		Superseded: bind("key_ca_superseded", "s", "s"),
		ToVerify:   bind("key_ca_to_verify", "o", "o"),
		Notes:      bind("key_ca_notes", "enter", "enter"),
		Done:       bind("key_done", "esc", "esc", "ctrl+s"),
		Back:       bind("key_back", "esc", "esc"),
		g:          g,
	}
}

// ShortHelp implements help.KeyMap.
func (k actionsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.g.Help, k.Closed, k.NotClosed, k.Superseded, k.ToVerify, k.Notes, k.Done, k.Back, k.Up, k.Down}
}

// FullHelp implements help.KeyMap.
func (k actionsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Closed, k.NotClosed, k.Superseded, k.ToVerify},
		{k.Notes, k.Done, k.Back, k.g.Language, k.g.Quit, k.g.Help, k.g.ForceQuit}}
}

func newActionsModel(c *common, s *session, back screen) actionsModel {
	m := actionsModel{c: c, s: s, keys: newActionsKeys(&c.g), notes: newNotes(c.st.muted), back: back}
	m.setSize()
	return m
}

func (m actionsModel) editable() bool { return m.s != nil && m.s.a.Editable() }

func (m actionsModel) typing() bool { return m.editing }

func (m *actionsModel) setSize() {
	if m.c == nil {
		return
	}
	m.notes.SetWidth(m.c.width)
	m.notes.SetHeight(max(m.c.height/4, notesMinRows))
}

func (m actionsModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	all := []*key.Binding{&k.Up, &k.Down, &k.Closed, &k.NotClosed, &k.Superseded, &k.ToVerify, &k.Notes, &k.Done, &k.Back,
		&g.Quit, &g.Help, &g.Language, &g.ForceQuit}
	setEnabled(false, all...)
	if m.editing {
		setEnabled(true, &k.Done, &g.ForceQuit)
		return k
	}
	some := m.s != nil && len(m.s.a.CorrectiveActions) > 0
	setEnabled(true, &k.Back, &g.Quit, &g.Help, &g.Language)
	setEnabled(some, &k.Up, &k.Down)
	setEnabled(some && m.editable(), &k.Closed, &k.NotClosed, &k.Superseded, &k.ToVerify, &k.Notes)
	return k
}

func (m actionsModel) update(msg tea.Msg) (actionsModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.editing {
		return m.updateNotes(k)
	}
	// Every key answers (see answer.go): one that cannot act now says why.
	km := m.keys
	n := 0
	if m.s != nil {
		n = len(m.s.a.CorrectiveActions)
	}
	writes := key.Matches(k, km.Closed) || key.Matches(k, km.NotClosed) || key.Matches(k, km.Superseded) ||
		key.Matches(k, km.ToVerify) || key.Matches(k, km.Notes)
	switch {
	case key.Matches(k, km.Back):
		m.c.goTo(m.back)
	case n == 0 && (writes || key.Matches(k, km.Up) || key.Matches(k, km.Down)):
		return m, m.c.say("ca_none_key", i18n.Args{"Key": m.c.keyName(k)})
	case writes && !m.editable():
		return m, m.c.readOnlyKey(k)
	case key.Matches(k, km.Up):
		if m.sel == 0 {
			return m, m.c.say("list_top", nil)
		}
		m.sel--
	case key.Matches(k, km.Down):
		if m.sel >= n-1 {
			return m, m.c.say("list_end", nil)
		}
		m.sel++
	case key.Matches(k, km.Closed):
		return m.set(audit.CAClosed)
	case key.Matches(k, km.NotClosed):
		return m.set(audit.CANotClosed)
	case key.Matches(k, km.Superseded):
		return m.set(audit.CASuperseded)
	case key.Matches(k, km.ToVerify):
		return m.set(audit.CAToVerify)
	case key.Matches(k, km.Notes):
		return m.startNotes()
	default:
		return m, m.c.noSuchKey(k)
	}
	return m, nil
}

// set records the status of the action in focus. Closing one asks for
// the evidence seen at once: finalizing needs it.
func (m actionsModel) set(st audit.CAStatus) (actionsModel, tea.Cmd) {
	// The same status again changes nothing, unless it confirms assay's
	// proposal or closes an action still without its evidence (which
	// asks for it).
	if ca := m.s.a.CorrectiveActions[m.sel]; ca.Status == st && !ca.Proposed && (st != audit.CAClosed || strings.TrimSpace(ca.Notes) != "") {
		w := m.c.w
		return m, m.c.say("ca_same", i18n.Args{"ID": ca.Requirement, "Status": wordOr(w, caStatusIDs, st, string(st))})
	}
	if err := m.s.a.SetCorrectiveAction(m.sel, st, m.c.now().UTC()); err != nil {
		return m, notify(m.c.w.errorText(err), true)
	}
	cmd := m.s.touch()
	if st == audit.CAClosed && strings.TrimSpace(m.s.a.CorrectiveActions[m.sel].Notes) == "" {
		nm, ncmd := m.startNotes()
		return nm, tea.Batch(cmd, ncmd)
	}
	return m, cmd
}

// startNotes gives the evidence notes of the action in focus the keys.
func (m actionsModel) startNotes() (actionsModel, tea.Cmd) {
	if m.sel >= len(m.s.a.CorrectiveActions) || !m.editable() {
		return m, nil
	}
	m.editing = true
	m.notes.SetValue(audit.Sanitize(m.s.a.CorrectiveActions[m.sel].Notes))
	m.setSize()
	return m, m.notes.Focus()
}

// updateNotes types into the evidence notes, saving as the walk's notes
// do; esc or ctrl+s is done.
func (m actionsModel) updateNotes(k tea.KeyMsg) (actionsModel, tea.Cmd) {
	if key.Matches(k, m.keys.Done) {
		m.editing = false
		m.notes.Blur()
		return m, m.s.flush(m.c.now)
	}
	rev := m.notes.Rev()
	cmd := m.notes.Update(cleanKey(k, true))
	if m.notes.Rev() == rev {
		return m, cmd
	}
	if err := m.s.a.NoteCorrectiveAction(m.sel, m.notes.Value()); err != nil {
		return m, notify(m.c.w.errorText(err), true)
	}
	return m, tea.Batch(cmd, m.s.touch())
}

// results are the corrective actions with their weight by the rule.
func (m actionsModel) results() []audit.CAResult { return audit.CorrectiveResults(m.s.a) }

func (m actionsModel) view() string {
	st, w, width := m.c.st, m.c.w, m.c.width
	a := m.s.a
	rs := m.results()
	done := 0
	for _, r := range rs {
		if !r.Unassessed() {
			done++
		}
	}
	report := ""
	if a.Previous != nil {
		report = a.Previous.ReportID
	}
	head := w.t("ca_screen_title", nil)
	if !m.editable() {
		head += " (" + w.t("read_only", nil) + ")"
	}
	lines := []string{st.header.Render(truncate(head, width))}
	lines = append(lines, wrapStyled(st.muted, w.n("ca_progress", len(rs), i18n.Args{"Done": done, "Report": sanitizeLine(report)}), width)...)
	rule := a.Rule()
	for _, l := range wrap(w.t("ca_rule", i18n.Args{"MinorOverdue": w.weight(rule.MinorOverdue), "MinorInTime": w.weight(rule.MinorInTime),
		"Major": w.weight(rule.Major)}), width) {
		lines = append(lines, st.muted.Render(l))
	}
	if len(rs) == 0 {
		return strings.Join(append(lines, "", w.t("ca_none_tui", nil)), "\n")
	}
	lines = append(lines, st.rule.Render(strings.Repeat("─", width)))
	listRows := min(len(rs), max(m.c.height/3, 3))
	off := max(m.sel-listRows+1, 0)
	for i := off; i < len(rs) && i < off+listRows; i++ {
		lines = append(lines, m.row(rs[i], i == m.sel))
	}
	lines = append(lines, st.rule.Render(strings.Repeat("─", width)))
	room := m.c.height - len(lines)
	if m.editing {
		room -= lipgloss.Height(m.notes.View()) + 1
	}
	// Last year's finding and the action promised are read whole where
	// the screen has room; cut to two lines each only when it has not.
	var detail []string
	for most := maxCADetailRows; most >= 2; most-- {
		if detail = m.detail(rs[m.sel], most); len(detail) <= room {
			break
		}
	}
	if len(detail) > room && room > 0 {
		detail = append(detail[:room-1], st.muted.Render(truncate("…", width)))
	}
	lines = append(lines, detail...)
	if m.editing {
		lines = append(lines, st.focusedField.Render("› "+w.t("ca_notes_label", nil)), m.notes.View())
	}
	return strings.Join(lines, "\n")
}

// row is one line of the list: status, requirement, severity and due.
func (m actionsModel) row(r audit.CAResult, selected bool) string {
	st, w := m.c.st, m.c.w
	mark := "  "
	if selected {
		mark = "› "
	}
	glyph := m.statusStyle(r.Status).Render(caGlyphs[r.Status])
	right := w.severity(r.Severity)
	if r.Due != "" {
		right += " · " + r.Due
	}
	title := r.Requirement + " " + w.reqTitle(m.s.cat, r.Requirement)
	text := truncate(title, max(m.c.width-4-lipgloss.Width(right)-2, 10))
	if selected {
		text = st.selected.Render(text)
	}
	return spread(mark+glyph+" "+text, right, m.c.width)
}

func (m actionsModel) statusStyle(s audit.CAStatus) lipgloss.Style {
	st := m.c.st
	switch s {
	case audit.CAClosed:
		return st.good
	case audit.CANotClosed:
		return st.bad
	}
	return st.muted
}

// maxCADetailRows bounds the rows of last year's finding and of the
// action on the corrective actions screen.
const maxCADetailRows = 8

// detail is the action in focus: last year's finding, the action and due
// date, this year's status and what it weighs, the evidence seen.
func (m actionsModel) detail(r audit.CAResult, most int) []string {
	st, w, width := m.c.st, m.c.w, m.c.width
	var l []string
	field := func(label, value string, most int) {
		rows := wrap(st.label.Render(label)+sanitizeLine(value), width)
		if len(rows) > most {
			rows = append(rows[:most-1], truncate(rows[most-1]+" …", width))
		}
		l = append(l, rows...)
	}
	field(w.t("ca_finding_label", nil), orNone(w, r.Finding), most)
	field(w.t("ca_action_label", nil), orNone(w, r.Action), most)
	due := w.t("ca_no_due", nil)
	switch {
	case r.Due != "" && r.Undated:
		due = w.t("ca_due_undated", i18n.Args{"Due": r.Due})
	case r.Due != "" && r.Overdue:
		due = w.t("ca_due_passed", i18n.Args{"Due": r.Due})
	case r.Due != "":
		due = r.Due
	}
	field(w.t("ca_due_label", nil), due, 1)
	status := m.statusStyle(r.Status).Render(caGlyphs[r.Status] + " " + wordOr(w, caStatusIDs, r.Status, sanitizeLine(string(r.Status))))
	if r.CountsAs != "" {
		status += st.bad.Render(" · " + w.t("ca_counts", i18n.Args{"Weight": w.weight(r.CountsAs)}))
	}
	l = append(l, truncate(st.label.Render(w.t("ca_status_label", nil))+status, width))
	switch {
	case r.Proposed:
		l = append(l, wrapStyled(st.warn, "! "+w.t("ca_proposed_tui", nil), width)...)
	case r.Change == audit.ChangedText:
		l = append(l, wrapStyled(st.warn, "± "+w.t("ca_changed_req", nil), width)...)
	}
	if !m.editing {
		notes := strings.TrimSpace(r.Notes)
		if notes == "" {
			l = append(l, wrap(st.label.Render(w.t("ca_notes_label", nil)+": ")+st.muted.Render(w.t("ca_notes_empty", nil)), width)...)
		} else {
			field(w.t("ca_notes_label", nil)+": ", notes, 3)
		}
	}
	return l
}

// wrapStyled wraps text and styles each line.
func wrapStyled(s lipgloss.Style, text string, w int) []string {
	lines := wrap(text, w)
	for i := range lines {
		lines[i] = s.Render(lines[i])
	}
	return lines
}

// orNone is s, or the word for nothing.
func orNone(w *words, s string) string {
	if strings.TrimSpace(s) == "" {
		return w.t("none_value", nil)
	}
	return s
}

// weight words what an action not closed counts as.
func (w *words) weight(x audit.Weight) string { return wordOr(w, weightIDs, x, string(x)) }

// actionsSection is the summary's section "Corrective actions from the
// previous audit": each action's status and, when not closed, what it
// counts as; nothing for an audit started blank.
func (m *summaryModel) actionsSection() []string {
	a := m.s.a
	if a.Previous == nil {
		return nil
	}
	st, w, width := m.c.st, m.c.w, m.c.width
	l := []string{"", st.section.Render(w.t("ca_screen_title", nil))}
	if len(m.sum.CorrectiveActions) == 0 {
		return append(l, st.muted.Render(truncate(w.t("ca_none_tui", nil), width)))
	}
	for _, r := range m.sum.CorrectiveActions {
		parts := []string{r.Requirement + " " + w.reqTitle(m.s.cat, r.Requirement), w.severity(r.Severity),
			wordOr(w, caStatusIDs, r.Status, sanitizeLine(string(r.Status)))}
		if r.CountsAs != "" {
			parts = append(parts, w.t("ca_counts", i18n.Args{"Weight": w.weight(r.CountsAs)}))
		}
		glyph := caGlyphs[r.Status]
		switch r.Status {
		case audit.CAClosed:
			glyph = st.good.Render(glyph)
		case audit.CANotClosed:
			glyph = st.bad.Render(glyph)
		}
		l = append(l, bullet(glyph+" ", strings.Join(parts, " — "), width)...)
	}
	if a.Editable() {
		l = append(l, st.muted.Render(truncate(w.t("ca_summary_hint", nil), width)))
	}
	return l
}

package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// homeModel lists the audits in the store, unreadable ones with their
// reason.
type homeModel struct {
	c         *common
	keys      homeKeys
	entries   []audit.Entry
	shown     []int // indices into entries that pass the filter
	sel, off  int
	filter    textinput.Model
	filtering bool
	confirm   string // id awaiting delete confirmation
	loading   bool
	err       error
}

func newHomeModel(c *common) homeModel {
	return homeModel{c: c, keys: newHomeKeys(&c.g), filter: newInput(c.w.t("filter_prompt", nil)), loading: true}
}

// relang words what the screen keeps worded: the filter's prompt.
func (m *homeModel) relang() { m.filter.Prompt = m.c.w.t("filter_prompt", nil) }

func (m homeModel) init() tea.Cmd { return loadEntriesCmd(m.c.deps.Store) }

func (m homeModel) typing() bool { return m.filtering || m.confirm != "" }

func (m *homeModel) setSize() { m.filter.Width = m.c.width - 10 }

func (m homeModel) update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case entriesLoadedMsg:
		m.loading, m.err = false, msg.err
		m.entries = msg.entries
		m.applyFilter()
	case auditDeletedMsg:
		if msg.err != nil {
			return m, notify(m.c.w.errorText(msg.err), true)
		}
		return m, tea.Batch(m.init(), notify(m.c.w.t("deleted", i18n.Args{"ID": msg.id}), false))
	case backupRestoredMsg:
		if msg.err != nil {
			return m, notify(m.c.w.errorText(msg.err), true)
		}
		return m, tea.Batch(m.init(), notify(m.c.w.t("restored", i18n.Args{"ID": msg.id}), false))
	case tea.MouseMsg:
		if d, ok := isWheel(msg); ok {
			m.move(d)
		}
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil
}

func (m homeModel) updateKey(msg tea.KeyMsg) (homeModel, tea.Cmd) {
	if m.confirm != "" {
		id := m.confirm
		m.confirm = ""
		if key.Matches(msg, m.c.g.Yes) {
			return m, deleteCmd(m.c.deps.Store, id)
		}
		return m, nil
	}
	if m.filtering {
		return m.updateFilter(msg)
	}
	e := m.current()
	switch {
	case key.Matches(msg, m.keys.Up):
		m.move(-1)
	case key.Matches(msg, m.keys.Down):
		m.move(1)
	case key.Matches(msg, m.keys.Filter):
		m.filtering = true
		return m, m.filter.Focus()
	case key.Matches(msg, m.keys.ClearFilter):
		m.filter.SetValue("")
		m.applyFilter()
	case key.Matches(msg, m.keys.New):
		m.c.goTo(screenNew)
		return m, nil
	case e == nil:
	case key.Matches(msg, m.keys.Open):
		if e.Err != "" {
			return m, notify(m.c.w.t("unreadable", i18n.Args{"Reason": e.Err}), true)
		}
		return m, openAuditCmd(m.c.deps.Store, e.ID)
	case key.Matches(msg, m.keys.Delete):
		m.confirm = e.ID
	case key.Matches(msg, m.keys.Restore) && e.Err != "" && e.HasBackup:
		return m, restoreCmd(m.c.deps.Store, e.ID)
	}
	return m, nil
}

func (m homeModel) updateFilter(msg tea.KeyMsg) (homeModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEnter:
		m.filtering = false
		m.filter.Blur()
		return m, nil
	case tea.KeyEsc:
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
		m.applyFilter()
		return m, nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(cleanKey(msg, false))
	m.applyFilter()
	return m, cmd
}

func (m *homeModel) applyFilter() {
	words := strings.Fields(strings.ToLower(m.filter.Value()))
	m.shown = m.shown[:0]
	for i, e := range m.entries {
		hay := strings.ToLower(strings.Join([]string{e.ID, e.ASMO, e.Site, string(e.AuditType), string(e.Status)}, " "))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			m.shown = append(m.shown, i)
		}
	}
	m.move(0)
}

func (m *homeModel) move(d int) {
	m.sel = min(max(m.sel+d, 0), max(len(m.shown)-1, 0))
	rows := m.rows()
	if m.sel < m.off {
		m.off = m.sel
	}
	if m.sel >= m.off+rows {
		m.off = m.sel - rows + 1
	}
}

// rows is how many audits fit under the column headings and filter line.
func (m homeModel) rows() int { return max((m.c.height-2)/rowLines, 1) }

func (m homeModel) current() *audit.Entry {
	if m.sel < len(m.shown) {
		return &m.entries[m.shown[m.sel]]
	}
	return nil
}

func (m homeModel) keyMap() help.KeyMap {
	k := m.keys
	e := m.current()
	idle := !m.typing()
	setEnabled(idle, &k.New, &k.Filter)
	setEnabled(idle && len(m.shown) > 1, &k.Up, &k.Down)
	setEnabled(idle && e != nil, &k.Open, &k.Delete)
	setEnabled(idle && e != nil && e.Err != "" && e.HasBackup, &k.Restore)
	setEnabled(m.filtering || m.filter.Value() != "", &k.ClearFilter)
	g := *k.g
	setEnabled(idle, &g.Quit, &g.Help, &g.Language)
	k.g = &g
	return k
}

// Home layout: each audit takes two lines, the ASMO's name across the
// whole width over its site, type, last save, progress and status, so that
// long names (most ASMO names are) keep their words at 80 columns.
const (
	barWidth = 8
	rowLines = 2
)

// statusWidth is the status column's width: the longest status in the
// UI's language, with its sign.
func (w *words) statusWidth() int {
	n := 0
	for _, id := range statusIDs {
		n = max(n, lipgloss.Width("✓ "+w.word(id)))
	}
	return n
}

func (m homeModel) view() string {
	st := m.c.st
	w := m.c.w
	var b strings.Builder
	switch {
	case m.confirm != "":
		b.WriteString(st.warn.Render(m.confirmLine()))
	case m.filtering || m.filter.Value() != "":
		b.WriteString(m.filter.View())
	}
	b.WriteString("\n")
	switch {
	case m.loading:
		b.WriteString(w.t("loading", nil))
		return b.String()
	case m.err != nil:
		b.WriteString(st.errText.Render(w.t("list_failed", i18n.Args{"Error": w.errorText(m.err)})))
		return b.String()
	case len(m.entries) == 0:
		b.WriteString(w.t("no_audits", nil))
		return b.String()
	case len(m.shown) == 0:
		b.WriteString(w.t("no_match", nil))
		return b.String()
	}
	b.WriteString(st.header.Render(spread("  "+w.t("home_col_asmo", nil), w.t("home_col_progress", nil), m.c.width)) + "\n")
	end := min(m.off+m.rows(), len(m.shown))
	for i := m.off; i < end; i++ {
		b.WriteString(m.row(m.entries[m.shown[i]], i == m.sel) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// confirmLine asks before deleting, naming the audit as the list shows it
// and cutting the name, never the keys to answer with.
func (m homeModel) confirmLine() string {
	name := m.confirm
	for _, e := range m.entries {
		if e.ID == m.confirm && e.ASMO != "" {
			name = sanitizeLine(e.ASMO)
		}
	}
	rest := lipgloss.Width(m.c.w.t("confirm_delete", i18n.Args{"Name": ""}))
	return m.c.w.t("confirm_delete", i18n.Args{"Name": truncate(name, m.c.width-rest)})
}

func (m homeModel) row(e audit.Entry, selected bool) string {
	st := m.c.st
	w := m.c.w
	mark := "  "
	if selected {
		mark = st.cursor.Render("› ")
	}
	sub := "    "
	width := m.c.width - len(sub)
	if e.Err != "" {
		reason := w.t("unreadable", i18n.Args{"Reason": sanitizeLine(e.Err)})
		if e.HasBackup {
			reason = w.t("unreadable_backup", i18n.Args{"Reason": sanitizeLine(e.Err)})
		}
		return mark + pad(sanitizeLine(e.ID), m.c.width-2) + "\n" + sub + st.errText.Render(truncate(reason, width))
	}
	name := pad(sanitizeLine(e.ASMO), m.c.width-2)
	if selected {
		name = st.selected.Render(name)
	}
	status := wordOr(w, statusIDs, e.Status, sanitizeLine(string(e.Status)))
	if e.Status == audit.Finalized {
		status = "✓ " + status
	} else {
		status = "• " + status
	}
	details := []string{w.choiceName("audit_type", sanitizeLine(string(e.AuditType)))}
	if note := w.entryNote(e.Notes); note != "" {
		// Before the date: what to know about the audit outlasts when it
		// was saved.
		details = append(details, note)
	}
	if !e.Updated.IsZero() {
		t := e.Updated.Local()
		details = append(details, w.t("home_saved", i18n.Args{"Date": w.shortDate(t), "Time": t.Format("15:04")}))
	}
	right := bar(st, e.Percent, barWidth) + " " + pad(status, w.statusWidth())
	room := width - lipgloss.Width(right) - 2
	rest := strings.Join(details, " · ")
	// The site's name gives way first: the words after it are short and
	// say what the inspector looks for (type, warnings, last save).
	site := truncate(sanitizeLine(e.Site), max(room-lipgloss.Width(rest)-3, 8))
	left := truncate(site+" · "+rest, room)
	return mark + name + "\n" + sub + spread(st.muted.Render(left), right, width)
}

// entryNote words what the list noticed about an audit (its catalog
// changed or is missing, verdicts it does not know), briefly; "" when
// nothing.
func (w *words) entryNote(notes []audit.Note) string {
	var parts []string
	for _, n := range notes {
		switch n.Kind {
		case audit.NoteCatalogChanged:
			parts = append(parts, w.t("note_catalog_changed", nil))
		case audit.NoteCatalogMissing:
			parts = append(parts, w.t("note_catalog_missing", nil))
		case audit.NoteUnknownVerdicts:
			parts = append(parts, w.n("note_unknown_verdicts", len(n.Verdicts), nil))
		}
	}
	return strings.Join(parts, " · ")
}

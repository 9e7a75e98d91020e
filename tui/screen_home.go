package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
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
	return homeModel{c: c, keys: newHomeKeys(&c.g), filter: newInput(txt.filterPrompt), loading: true}
}

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
			return m, notify(msg.err.Error(), true)
		}
		return m, tea.Batch(m.init(), notify(sprintf(txt.deleted, msg.id), false))
	case backupRestoredMsg:
		if msg.err != nil {
			return m, notify(msg.err.Error(), true)
		}
		return m, tea.Batch(m.init(), notify(sprintf(txt.restored, msg.id), false))
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
		if msg.String() == "y" {
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
			return m, notify(sprintf(txt.unreadable, e.Err), true)
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
	setEnabled(idle, &g.Quit, &g.Help)
	k.g = &g
	return k
}

// Home layout: each audit takes two lines, the ASMO's name across the
// whole width over its site, type, last save, progress and status, so that
// long names (most ASMO names are) keep their words at 80 columns.
const (
	colStatus = 11
	barWidth  = 8
	rowLines  = 2
)

func (m homeModel) view() string {
	st := m.c.st
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
		b.WriteString(txt.loading)
		return b.String()
	case m.err != nil:
		b.WriteString(st.errText.Render(sprintf(txt.listFailed, m.err)))
		return b.String()
	case len(m.entries) == 0:
		b.WriteString(txt.noAudits)
		return b.String()
	case len(m.shown) == 0:
		b.WriteString(txt.noMatch)
		return b.String()
	}
	b.WriteString(st.header.Render(spread("  "+txt.homeCols[0], txt.homeCols[1], m.c.width)) + "\n")
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
	rest := lipgloss.Width(sprintf(txt.confirmDelete, ""))
	return sprintf(txt.confirmDelete, truncate(name, m.c.width-rest))
}

func (m homeModel) row(e audit.Entry, selected bool) string {
	st := m.c.st
	mark := "  "
	if selected {
		mark = st.cursor.Render("› ")
	}
	sub := "    "
	w := m.c.width - len(sub)
	if e.Err != "" {
		reason := sprintf(txt.unreadable, sanitizeLine(e.Err))
		if e.HasBackup {
			reason = sprintf(txt.unreadableBackup, sanitizeLine(e.Err))
		}
		return mark + pad(sanitizeLine(e.ID), m.c.width-2) + "\n" + sub + st.errText.Render(truncate(reason, w))
	}
	name := pad(sanitizeLine(e.ASMO), m.c.width-2)
	if selected {
		name = st.selected.Render(name)
	}
	status := string(e.Status)
	if e.Status == audit.Finalized {
		status = "✓ " + status
	} else {
		status = "• " + status
	}
	details := []string{sanitizeLine(e.Site), string(e.AuditType)}
	if !e.Updated.IsZero() {
		details = append(details, sprintf(txt.saved, e.Updated.Local().Format("01-02 15:04")))
	}
	right := bar(st, e.Percent, barWidth) + " " + pad(status, colStatus)
	left := truncate(strings.Join(details, " · "), w-lipgloss.Width(right)-2)
	return mark + name + "\n" + sub + spread(st.muted.Render(left), right, w)
}

package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// homeModel lists the audits in the store, unreadable ones with their
// reason.
type homeModel struct {
	c         *common
	keys      homeKeys
	entries   []Entry
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
		return m, navigate(screenNew)
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
func (m homeModel) rows() int { return max(m.c.height-3, 1) }

func (m homeModel) current() *Entry {
	if m.sel < len(m.shown) {
		return &m.entries[m.shown[m.sel]]
	}
	return nil
}

func (m homeModel) keyMap() help.KeyMap {
	k := m.keys
	e := m.current()
	idle := !m.typing()
	setEnabled(idle, &k.Up, &k.Down, &k.New, &k.Filter)
	setEnabled(idle && e != nil, &k.Open, &k.Delete)
	setEnabled(idle && e != nil && e.Err != "" && e.HasBackup, &k.Restore)
	setEnabled(m.filtering || m.filter.Value() != "", &k.ClearFilter)
	g := *k.g
	setEnabled(idle, &g.Quit, &g.Help)
	k.g = &g
	return k
}

// homeCols are the fixed column widths; ASMO and site share the rest.
const (
	colType     = 13
	colProgress = 13
	colStatus   = 11
	colSaved    = 11
	barWidth    = 8
)

func (m homeModel) view() string {
	st := m.c.st
	var b strings.Builder
	switch {
	case m.confirm != "":
		b.WriteString(st.warn.Render(sprintf(txt.confirmDelete, m.confirm)))
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
	asmoW, siteW := m.flexWidths()
	c := txt.homeCols
	b.WriteString(st.header.Render(strings.Join([]string{"  " + pad(c[0], asmoW), pad(c[1], siteW),
		pad(c[2], colType), pad(c[3], colProgress), pad(c[4], colStatus), pad(c[5], colSaved)}, " ")) + "\n")
	end := min(m.off+m.rows(), len(m.shown))
	for i := m.off; i < end; i++ {
		b.WriteString(m.row(m.entries[m.shown[i]], i == m.sel, asmoW, siteW) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (m homeModel) flexWidths() (int, int) {
	rest := m.c.width - 2 - colType - colProgress - colStatus - colSaved - 5
	asmo := rest * 3 / 5
	return asmo, rest - asmo
}

func (m homeModel) row(e Entry, selected bool, asmoW, siteW int) string {
	st := m.c.st
	mark := "  "
	if selected {
		mark = st.cursor.Render("› ")
	}
	if e.Err != "" {
		reason := sprintf(txt.unreadable, sanitizeLine(e.Err))
		if e.HasBackup {
			reason = sprintf(txt.unreadableBackup, sanitizeLine(e.Err))
		}
		return mark + pad(sanitizeLine(e.ID), asmoW) + " " + st.errText.Render(truncate(reason, m.c.width-asmoW-3))
	}
	saved := ""
	if !e.Updated.IsZero() {
		saved = e.Updated.Local().Format("01-02 15:04")
	}
	status := string(e.Status)
	if e.Status == "finalized" {
		status = "✓ " + status
	} else {
		status = "• " + status
	}
	line := strings.Join([]string{pad(sanitizeLine(e.ASMO), asmoW), pad(sanitizeLine(e.Site), siteW),
		pad(string(e.AuditType), colType), bar(st, e.Percent, barWidth), pad(status, colStatus), pad(saved, colSaved)}, " ")
	if selected {
		return mark + st.selected.Render(line)
	}
	return mark + line
}

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
	// key is the signing key's certificate (nil: none yet), once keyDone;
	// keyErr is why it could not be read.
	key     *KeyInfo
	keyDone bool
	keyErr  error
	// want is the audit to select once the list is loaded (the demo just
	// made).
	want string
}

func newHomeModel(c *common) homeModel {
	return homeModel{c: c, keys: newHomeKeys(&c.g), filter: newInput(c.w.t("filter_prompt", nil)), loading: true}
}

// relang words what the screen keeps worded: the filter's prompt.
func (m *homeModel) relang() { m.filter.Prompt = m.c.w.t("filter_prompt", nil) }

func (m homeModel) init() tea.Cmd {
	return tea.Batch(loadEntriesCmd(m.c.deps.Store), keyStatusCmd(m.c.deps.Keys))
}

// keyLoaded takes the signing key's status.
func (m *homeModel) keyLoaded(msg keyStatusLoadedMsg) {
	m.key, m.keyErr, m.keyDone = msg.info, msg.err, true
}

func (m homeModel) typing() bool { return m.filtering || m.confirm != "" }

func (m *homeModel) setSize() { m.filter.Width = m.c.width - 10 }

func (m homeModel) update(msg tea.Msg) (homeModel, tea.Cmd) {
	switch msg := msg.(type) {
	case entriesLoadedMsg:
		m.loading, m.err = false, msg.err
		m.entries = msg.entries
		m.applyFilter()
		if m.want != "" {
			for i, at := range m.shown {
				if m.entries[at].ID == m.want {
					m.sel = i
				}
			}
			m.want = ""
			m.move(0)
		}
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
		return m, m.c.answeredNo()
	}
	if m.filtering {
		return m.updateFilter(msg)
	}
	e := m.current()
	k := m.keys
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		before := m.sel
		if m.move(d); m.sel == before {
			if d < 0 {
				return m, m.c.say("list_top", nil)
			}
			return m, m.c.say("list_end", nil)
		}

	case key.Matches(msg, k.Filter):
		m.filtering = true
		return m, m.filter.Focus()
	case key.Matches(msg, k.ClearFilter):
		if m.filter.Value() == "" {
			return m, m.c.say("home_no_filter", nil)
		}
		m.filter.SetValue("")
		m.applyFilter()
	case key.Matches(msg, k.New):
		m.c.goTo(screenNew)
		return m, nil
	case key.Matches(msg, k.SigningKey):
		if m.c.deps.Keys == nil {
			return m, m.c.noSuchKey(msg)
		}
		m.c.goTo(screenKey)
		return m, nil
	case key.Matches(msg, k.Demo):
		if m.c.deps.Demo == nil {
			return m, m.c.say("home_no_demo", nil)
		}
		return m, demoCmd(m.c.deps.Demo, m.c.now())
	case e == nil && (key.Matches(msg, k.Open) || key.Matches(msg, k.Delete) || key.Matches(msg, k.Restore)):
		return m, m.c.say("home_nothing", i18n.Args{"Key": m.c.keyName(msg)})
	case key.Matches(msg, k.Open):
		if e.Err != "" {
			return m, notify(m.c.w.t("unreadable", i18n.Args{"Reason": m.c.w.entryError(*e)}), true)
		}
		return m, openAuditCmd(m.c.deps.Store, e.ID)
	case key.Matches(msg, k.Delete):
		m.confirm = e.ID
	case key.Matches(msg, k.Restore):
		switch {
		case e.Err == "":
			return m, m.c.say("home_restore_readable", nil)
		case !e.HasBackup:
			return m, m.c.say("home_no_backup", nil)
		}
		return m, restoreCmd(m.c.deps.Store, e.ID)
	default:
		return m, m.c.noSuchKey(msg)
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
	m.off = min(m.off, m.sel)
	for m.off < m.sel && m.linesOf(m.off, m.sel) > m.listLines() {
		m.off++
	}
}

// listLines is the lines for audits under the top line and the headings.
func (m homeModel) listLines() int {
	// A top line of two (the key's error, a long name to delete) takes
	// one line from the list.
	return max(m.c.height-1-max(strings.Count(m.topLine(), "\n")+1, 1), rowLines)
}

// linesOf counts the lines of the shown audits from a to b, both in.
func (m homeModel) linesOf(a, b int) int {
	n := 0
	for i := a; i <= b && i < len(m.shown); i++ {
		n += m.entryLines(m.entries[m.shown[i]])
	}
	return n
}

// entryLines is how many lines an audit takes: two, and for one that
// cannot be read, its reason in full (up to two lines) under its id.
func (m homeModel) entryLines(e audit.Entry) int {
	if e.Err != "" {
		return 1 + len(m.reasonLines(e))
	}
	return rowLines - 1 + len(m.nameLines(e))
}

// nameLines is the first line(s) of a readable audit's entry: the ASMO's
// name, with its site where that fits whole, wrapped.
func (m homeModel) nameLines(e audit.Entry) []string {
	head, site := sanitizeLine(e.ASMO), sanitizeLine(e.Site)
	if site != "" && lipgloss.Width(head+" · "+site) <= m.c.width-2 {
		head = head + " · " + site
	}
	return wrap(head, m.c.width-2)
}

// reasonLines is why an audit cannot be read, and whether r restores it,
// wrapped under its id rather than cut.
func (m homeModel) reasonLines(e audit.Entry) []string {
	w := m.c.w
	why := sanitizeLine(w.entryError(e))
	reason := w.t("unreadable", i18n.Args{"Reason": why})
	if e.HasBackup {
		reason = w.t("unreadable_backup", i18n.Args{"Reason": why})
	}
	return squeeze(reason, m.c.width-4, 2)
}

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
	setEnabled(idle && m.c.deps.Keys != nil, &k.SigningKey)
	setEnabled(idle && m.c.deps.Demo != nil, &k.Demo)
	setEnabled(idle && len(m.shown) > 1, &k.Up, &k.Down)
	setEnabled(idle && e != nil, &k.Open, &k.Delete)
	setEnabled(idle && e != nil && e.Err != "" && e.HasBackup, &k.Restore)
	setEnabled(m.filtering || m.filter.Value() != "", &k.ClearFilter)
	g := *k.g
	setEnabled(idle, &g.Quit, &g.Help, &g.Language)
	setEnabled(m.confirm != "", &g.Yes, &g.No)
	k.g = &g
	return k
}

// Home layout: each audit takes two lines, the ASMO's name across the
// whole width over its site, type, last save, progress and status, so that
// long names (most ASMO names are) keep their words at 80 columns; a name
// longer than the line takes one more.
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
	b.WriteString(m.topLine() + "\n")
	switch {
	case m.loading:
		b.WriteString(w.t("loading", nil))
		return b.String()
	case m.err != nil:
		b.WriteString(strings.Join(wrapStyled(st.errText, w.t("list_failed", i18n.Args{"Error": w.errorText(m.err)}), m.c.width), "\n"))
		return b.String()
	case len(m.entries) == 0:
		// Wrapped, not cut: Spanish says it in more than 80 columns.
		b.WriteString(strings.Join(wrap(w.t("no_audits", nil), m.c.width), "\n"))
		return b.String()
	case len(m.shown) == 0:
		b.WriteString(strings.Join(wrap(w.t("no_match", nil), m.c.width), "\n"))
		return b.String()
	}
	b.WriteString(st.header.Render(spread("  "+w.t("home_col_asmo", nil), w.t("home_col_progress", nil), m.c.width)) + "\n")
	used := 0
	for i := m.off; i < len(m.shown); i++ {
		e := m.entries[m.shown[i]]
		if used += m.entryLines(e); used > m.listLines() {
			break
		}
		b.WriteString(m.row(e, i == m.sel) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// keyLine is the signing key's status: whose it is and who vouches for
// it, or that there is none yet and which key makes one.
func (m homeModel) keyLine() string {
	st := m.c.st
	w := m.c.w
	switch {
	case m.c.deps.Keys == nil || !m.keyDone:
		return ""
	case m.keyErr != nil:
		// Two lines, not cut: the reason ends with the command that fixes it.
		return strings.Join(wrapStyled(st.errText, strings.Join(squeeze("✗ "+w.t("key_status_error", i18n.Args{"Error": w.errorText(m.keyErr)}), m.c.width, 2), "\n"), m.c.width), "\n")
	case m.key == nil:
		return st.warn.Render(truncate("! "+w.t("key_status_none", nil), m.c.width))
	case m.key.SelfSigned:
		return st.good.Render(truncate("✓ "+w.t("key_status_self_signed", i18n.Args{"Name": sanitizeLine(m.key.Name)}), m.c.width))
	}
	return st.good.Render(truncate("✓ "+w.t("key_status_issued", i18n.Args{"Name": sanitizeLine(m.key.Name),
		"Issuer": sanitizeLine(m.key.Issuer)}), m.c.width))
}

// confirmLine asks before deleting, naming the audit whole as the list
// shows it, wrapped: the name is what the inspector checks before y.
func (m homeModel) confirmLine() string {
	name := m.confirm
	for _, e := range m.entries {
		if e.ID == m.confirm && e.ASMO != "" {
			name = sanitizeLine(e.ASMO)
		}
	}
	return strings.Join(wrapStyled(m.c.st.warn, m.c.w.t("confirm_delete", i18n.Args{"Name": name}), m.c.width), "\n")
}

// topLine is the line(s) over the list: the delete question, the filter,
// or the signing key's status.
func (m homeModel) topLine() string {
	switch {
	case m.confirm != "":
		return m.confirmLine()
	case m.filtering || m.filter.Value() != "":
		return m.filter.View()
	}
	return m.keyLine()
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
		lines := []string{mark + pad(sanitizeLine(e.ID), m.c.width-2)}
		for _, l := range m.reasonLines(e) {
			lines = append(lines, sub+st.errText.Render(l))
		}
		return strings.Join(lines, "\n")
	}

	// The site goes beside the ASMO's name when it fits there whole:
	// under it, beside the progress bar, it was cut to a few letters at
	// 80 columns. A long name keeps its line, and the site goes under.
	head, site := sanitizeLine(e.ASMO), sanitizeLine(e.Site)
	if site != "" && lipgloss.Width(head+" · "+site) <= m.c.width-2 {
		head, site = head+" · "+site, ""
	}
	// A name longer than the line wraps under itself rather than lose
	// its end (the province, the region) to "…".
	names := m.nameLines(e)
	for i := range names {
		names[i] = pad(names[i], m.c.width-2)
		if selected {
			names[i] = st.selected.Render(names[i])
		}
	}
	name := strings.Join(names, "\n  ")
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
	left := truncate(rest, room)
	if site != "" {
		// The site's name gives way first: the words after it are short
		// and say what the inspector looks for (type, warnings, last save).
		site = truncate(site, max(room-lipgloss.Width(rest)-3, 8))
		left = truncate(site+" · "+rest, room)
	}
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

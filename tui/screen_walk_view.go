package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// walkCache keeps wrapped text between frames: a requirement's detail and
// the notes preview are wrapped once per width, not on every frame. It is a
// pointer so that copies of the model share it; only the UI goroutine uses it.
type walkCache struct {
	width      int
	lang       string // the UI language the detail was worded in
	detail     map[string][]string
	notesID    string
	notesWidth int
	notesText  string
	notesLines []string
	notesCut   bool // the note is longer than the wrapped lines
	// titlesW is the widest row of the requirement list, in titlesLang.
	titlesW    int
	titlesLang string
}

func newWalkCache() *walkCache { return &walkCache{detail: map[string][]string{}} }

// Layout of the walk.
const (
	leftMin      = 30
	leftMax      = 44
	notesMinRows = 3
	// wideWidth is the terminal width from which the list takes what its
	// titles need, leaving the requirement rightMinWide columns.
	wideWidth    = 120
	rightMinWide = 56
	// rightMinNarrow is what the requirement keeps when w widens the list.
	rightMinNarrow = 26
	// maxFieldRows bounds a corrective action or justification shown
	// outside its editor when the pane is short; enter shows all of it.
	maxFieldRows = 12
	// minDetailRows is the requirement's text kept above the finding.
	minDetailRows = 2
)

// bannerRows is the read-only line over a finalized audit's walk.
func (m walkModel) bannerRows() int {
	if m.editable() {
		return 0
	}
	return 1
}

// height is the panes' rows, under the banner.
func (m walkModel) height() int { return max(m.c.height-m.bannerRows(), 3) }

// leftWidth is the list's width: a third of the screen, more at 120
// columns and over (titles whole where they fit), and most of it while w
// has widened it and the list has the keys.
func (m walkModel) leftWidth() int {
	base := min(max(leftMin, m.c.width/3), leftMax)
	room := 0
	switch {
	case m.widened():
		room = m.c.width - rightMinNarrow - 3
	case m.c.width >= wideWidth:
		room = m.c.width - rightMinWide - 3
	}
	if room <= base {
		return base
	}
	return min(max(m.titlesWidth(), base), room)
}

func (m walkModel) rightWidth() int { return m.c.width - m.leftWidth() - 3 }

// widened reports whether w has given the list most of the width: the
// inspector is reading titles, and the right pane keeps only the
// requirement (its title whole, and its text); the finding comes back
// with the normal width.
func (m walkModel) widened() bool { return m.wide && m.focus == focusList }

// titlesWidth is the widest row of the list over the whole catalog, in the
// UI's language: the mark, the verdict's glyph, the id and the title.
func (m walkModel) titlesWidth() int {
	c := m.cache
	if c.titlesLang != m.c.w.lang || c.titlesW == 0 {
		c.titlesLang, c.titlesW = m.c.w.lang, 0
		for i := range m.s.cat.Requirements {
			r := &m.s.cat.Requirements[i]
			l := m.c.cats.req(m.s.cat, r, m.c.w.lang)
			c.titlesW = max(c.titlesW, 4+lipgloss.Width(r.ID+" "+m.c.w.marked(sanitizeLine(l.Title), l.TitleLang)))
		}
	}
	return c.titlesW
}

// listHeight is the rows for requirements, under the areas and a rule.
func (m walkModel) listHeight() int { return max(m.height()-len(m.areas)-1, 1) }

// titleLines is the requirement's id and full title, wrapped: the first
// lines of the right pane, whatever is scrolled under them.
func (m walkModel) titleLines(r *standards.Requirement) []string {
	l := m.c.cats.req(m.s.cat, r, m.c.w.lang)
	lines := wrap(r.ID+" "+m.c.w.marked(sanitizeLine(l.Title), l.TitleLang), m.rightWidth())
	for i := range lines {
		lines[i] = m.c.st.title.Render(lines[i])
	}
	return lines
}

// pinnedRows is how many rows the title takes.
func (m walkModel) pinnedRows() int {
	if r := m.current(); r != nil {
		return len(m.titleLines(r))
	}
	return 0
}

// findingHeight is the finding panel's rows: while a text is edited most
// of the pane, else what the finding needs up to half of it, so the
// requirement's text (its checks, below the fold) gets the rest.
func (m walkModel) findingHeight() int {
	r := m.current()
	room := m.height() - m.pinnedRows()
	if m.widened() {
		return 0
	}
	if r == nil {
		return max(room/2, 1)
	}
	fixed := m.findingFixedRows()
	if m.focus == focusNotes {
		return max(room-1, fixed+1)
	}
	most := max(room/2, 9)
	if m.editing() || m.evidenceOpen() {
		// The field being typed, or the files with the selected one's
		// marks, must show: the requirement's text can wait.
		most = room - 1
	}
	notes := ""
	if f := m.s.a.Findings[r.ID]; f != nil {
		notes = f.Notes
	}
	n := len(m.noteLines(r.ID, notes))
	h := min(most, fixed+max(n, 1))
	// Notes get a line of their text besides the line saying there is more.
	h = max(h, fixed+min(n, 2), fixed+1)
	return min(h, max(room-1, 1))
}

// editing reports whether one of the finding's text fields has the keys.
func (m walkModel) editing() bool {
	return m.focus == focusNotes || m.focus == focusAction || m.focus == focusDue || m.focus == focusJust
}

func (m walkModel) detailHeight() int { return max(m.height()-m.pinnedRows()-m.findingHeight(), 1) }

// setSize adapts the fields to the body's size; it depends only on the
// size (and on what has the keys), so the same size twice gives the same
// layout.
func (m *walkModel) setSize() {
	if m.c == nil || m.s == nil || m.s.cat == nil {
		return // no walk yet (no audit open, or its catalog is missing)
	}
	w := m.rightWidth()
	// Each input gets the pane less its prompt, the focus mark and the
	// cursor: a path to attach is long and read to its end.
	m.attach.Width = max(w-lipgloss.Width(m.attach.Prompt)-3, 10)
	m.search.Width = max(w-lipgloss.Width(m.search.Prompt)-3, 10)
	m.due.Width = max(w-lipgloss.Width(m.due.Prompt)-3, 10)
	// These two are drawn indented under the file they belong to.
	m.caption.Width = max(w-lipgloss.Width(m.caption.Prompt)-7, 10)
	m.justify.Width = max(w-lipgloss.Width(m.justify.Prompt)-9, 10)
	m.sizeFields()
	m.keepVisible()
}

// sizeFields sizes the multi-line fields: the corrective action and the
// justification to their text (all of it, within the room there is), the
// notes to what the finding leaves.
func (m *walkModel) sizeFields() {
	w := m.rightWidth()
	for _, e := range []*noteEditor{&m.notes, &m.action, &m.just} {
		e.SetWidth(w)
	}
	room := m.height() - m.pinnedRows() - minDetailRows
	for _, e := range []*noteEditor{&m.action, &m.just} {
		e.SetHeight(min(max(e.Rows()+1, 2), max(room-8, 2)))
	}
	m.notes.SetHeight(max(m.findingHeight()-m.findingFixedRows(), notesMinRows))
}

// findingFixedRows counts the finding's rows other than the notes.
func (m walkModel) findingFixedRows() int {
	r := m.current()
	if r == nil {
		return 4
	}
	return 3 + len(m.findingBottom(r))
}

func (m walkModel) view() string {
	h := m.height()
	left := fit(m.leftView(), m.leftWidth(), h)
	var right string
	if m.focus == focusSearch {
		right = m.searchView()
	} else {
		right = m.rightView()
	}
	rl := fit(right, m.rightWidth(), h)
	sep := " " + m.c.st.rule.Render("│") + " "
	var b strings.Builder
	if m.bannerRows() > 0 {
		// Why no key changes anything, and what would.
		b.WriteString(m.c.st.warn.Render(truncate("✓ "+m.c.w.t("read_only_banner", nil), m.c.width)))
		b.WriteByte('\n')
	}
	for i := range left {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(left[i])
		b.WriteString(sep)
		b.WriteString(rl[i])
	}
	return b.String()
}

// leftView is the areas with their counts, then the current area's list.
func (m walkModel) leftView() string {
	st := m.c.st
	w := m.leftWidth()
	lines := make([]string, 0, m.height())
	for i, ar := range m.areas {
		done, total := m.areaCounts(i)
		mark := "  "
		if i == m.area {
			mark = "› "
		}
		sign := " "
		if total > 0 && done == total {
			sign = "✓"
		}
		line := spread(mark+m.c.w.areaName(ar), fmt.Sprintf("%d/%d %s", done, total, sign), w)
		if i == m.area {
			line = st.selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, st.rule.Render(strings.Repeat("─", w)))
	rows := m.listRows()
	h := m.listHeight()
	vis, _ := window(rows, m.listOff, h)
	lines = append(lines, vis...)
	if len(m.items[m.area]) == 0 {
		lines = append(lines, st.muted.Render(truncate(m.c.w.t("no_requirement", nil), w)))
	}
	return strings.Join(lines, "\n")
}

// areaCounts returns assessed and applicable requirements of area i.
func (m walkModel) areaCounts(i int) (int, int) {
	done, total := 0, 0
	for _, it := range m.items[i] {
		if it.ap != audit.Applies {
			continue
		}
		total++
		if m.s.a.VerdictOf(it.req.ID) != audit.Open {
			done++
		}
	}
	return done, total
}

// listRows renders the current area's requirements with the informative
// and excluded ones under their own headings.
func (m walkModel) listRows() []string {
	st := m.c.st
	w := m.leftWidth()
	var rows []string
	prev := audit.Applies
	for i, it := range m.items[m.area] {
		if it.ap != prev {
			head := m.c.w.t("informative_heading", nil)
			if it.ap == audit.Excluded {
				head = m.c.w.t("excluded_heading", nil)
			}
			rows = append(rows, st.muted.Render(truncate(head, w)))
			prev = it.ap
		}
		v := m.s.a.VerdictOf(it.req.ID)
		mark := "  "
		if i == m.sel {
			mark = "› "
		}
		glyph := st.verdict[string(v)].Render(glyphs[v])
		l := m.c.cats.req(m.s.cat, it.req, m.c.w.lang)
		text := truncate(m.changeMark(it.req.ID)+it.req.ID+" "+m.c.w.marked(sanitizeLine(l.Title), l.TitleLang), w-4)
		switch {
		case i == m.sel:
			text = st.selected.Render(text)
		case it.ap != audit.Applies:
			text = st.muted.Render(text)
		}
		rows = append(rows, mark+glyph+" "+text)
	}
	return rows
}

// rowOf is the list row of item i, counting the group headings.
func (m walkModel) rowOf(i int) int {
	row := i
	prev := audit.Applies
	for j, it := range m.items[m.area] {
		if j > i {
			break
		}
		if it.ap != prev {
			row++
			prev = it.ap
		}
	}
	return row
}

// rightView is the requirement in focus, its title always on top, over
// its finding.
func (m walkModel) rightView() string {
	r := m.current()
	if r == nil {
		return m.c.st.muted.Render(m.c.w.t("no_requirement", nil))
	}
	lines := m.titleLines(r)
	detail := m.detailLines(r, m.items[m.area][m.sel].ap)
	dh := m.detailHeight()
	vis, off := window(detail, m.scroll, dh)
	start := len(lines)
	lines = append(lines, vis...)
	if hidden := len(detail) - off - len(vis); hidden > 0 && len(vis) > 1 {
		// Say that the text goes on (the checks are often below), and how
		// to read it.
		lines[len(lines)-1] = m.c.st.muted.Render(truncate(m.c.w.n("detail_more", hidden+1, nil), m.rightWidth()))
	}
	if m.widened() {
		return strings.Join(lines, "\n")
	}
	if len(lines)-start < dh {
		// A short text: the finding follows it after a blank line.
		lines = append(lines, "")
	}
	lines = append(lines, m.findingLines(r)...)
	return strings.Join(lines, "\n")

}

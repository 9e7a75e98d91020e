package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
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
}

func newWalkCache() *walkCache { return &walkCache{detail: map[string][]string{}} }

// Layout of the walk.
const (
	leftMin      = 30
	leftMax      = 44
	notesMinRows = 3
)

func (m walkModel) leftWidth() int { return min(max(leftMin, m.c.width/3), leftMax) }

func (m walkModel) rightWidth() int { return m.c.width - m.leftWidth() - 3 }

// listHeight is the rows for requirements, under the areas and a rule.
func (m walkModel) listHeight() int { return max(m.c.height-len(m.areas)-1, 1) }

// findingHeight is the finding panel's rows: while notes are edited most
// of the pane, else what the finding needs up to half of it, so the
// requirement's text (its checks, below the fold) gets the rest.
func (m walkModel) findingHeight() int {
	if m.focus == focusNotes {
		return m.c.height - 4
	}
	most := max(m.c.height/2, 9)
	r := m.current()
	if r == nil {
		return most
	}
	notes := ""
	if f := m.s.a.Findings[r.ID]; f != nil {
		notes = f.Notes
	}
	return min(most, m.findingFixedRows()+max(len(m.noteLines(r.ID, notes)), 1))
}

func (m walkModel) detailHeight() int { return max(m.c.height-m.findingHeight(), 1) }

// setSize adapts the fields to the body's size; it depends only on the
// size, so the same size twice gives the same layout.
func (m *walkModel) setSize() {
	if m.c == nil || m.s == nil || m.s.cat == nil {
		return // no walk yet (no audit open, or its catalog is missing)
	}
	w := m.rightWidth()
	// Each input gets the pane less its prompt, the focus mark and the
	// cursor: a path to attach is long and read to its end.
	for _, ti := range []*textinput.Model{&m.action, &m.due, &m.just, &m.attach, &m.search} {
		ti.Width = max(w-lipgloss.Width(ti.Prompt)-3, 10)
	}
	m.sizeNotes()
	m.keepVisible()
}

func (m *walkModel) sizeNotes() {
	m.notes.SetWidth(m.rightWidth())
	m.notes.SetHeight(max(m.findingHeight()-m.findingFixedRows(), notesMinRows))
}

// fieldRows is how many rows a one-line field's value takes when shown
// wrapped: corrective actions and justifications are read in full, up to
// maxFieldRows.
func (m walkModel) fieldRows(f walkFocus, label, value string) []string {
	w := m.rightWidth()
	if m.focus == f {
		return []string{m.inputLine(f, label, value, w)}
	}
	if value == "" {
		// Empty, it blocks finalizing: say how to fill it.
		return []string{truncate(m.c.st.label.Render(label)+m.c.st.muted.Render(m.c.w.t("field_empty", nil)), w)}
	}
	lines := wrap(m.c.st.label.Render(label)+sanitizeLine(value), w)
	if len(lines) > maxFieldRows {
		lines = lines[:maxFieldRows]
		lines[maxFieldRows-1] = truncate(lines[maxFieldRows-1]+" …", w)
	}
	return lines
}

// maxFieldRows bounds a wrapped one-line field in the finding.
const maxFieldRows = 3

// errorRows is the field error, wrapped so its end (what is wrong) shows.
func (m walkModel) errorRows() []string {
	if m.dueErr == nil {
		return nil
	}
	msg := m.c.w.t("bad_due", i18n.Args{"Problem": m.c.w.errorText(m.dueErr)})
	return wrap("✗ "+msg, m.rightWidth())
}

// findingFixedRows counts the finding's rows other than the notes.
func (m walkModel) findingFixedRows() int {
	n := 4 // rule, verdict, notes label, evidence
	if r := m.current(); r != nil {
		v := m.s.a.VerdictOf(r.ID)
		f := m.s.a.Findings[r.ID]
		if f == nil {
			f = &audit.Finding{}
		}
		if v.IsNonConformity() {
			n += len(m.fieldRows(focusAction, m.c.w.t("action_label", nil), f.CorrectiveAction)) + 1
		}
		if v == audit.NA {
			n += len(m.fieldRows(focusJust, m.c.w.t("justification_label", nil), f.Justification))
		}
	}
	n += len(m.errorRows())
	if m.focus == focusEvidence {
		n += min(len(findingEvidence(m.s.a, m.current().ID)), 4)
	}
	return n
}

func (m walkModel) view() string {
	left := fit(m.leftView(), m.leftWidth(), m.c.height)
	var right string
	if m.focus == focusSearch {
		right = m.searchView()
	} else {
		right = m.rightView()
	}
	rl := fit(right, m.rightWidth(), m.c.height)
	sep := " " + m.c.st.rule.Render("│") + " "
	var b strings.Builder
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
	lines := make([]string, 0, m.c.height)
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

// rightView is the requirement in focus over its finding.
func (m walkModel) rightView() string {
	r := m.current()
	if r == nil {
		return m.c.st.muted.Render(m.c.w.t("no_requirement", nil))
	}
	detail := m.detailLines(r, m.items[m.area][m.sel].ap)
	vis, off := window(detail, m.scroll, m.detailHeight())
	lines := append([]string{}, vis...)
	if hidden := len(detail) - off - len(vis); hidden > 0 && len(lines) > 1 {
		// Say that the text goes on (the checks are often below), and how
		// to read it.
		lines[len(lines)-1] = m.c.st.muted.Render(truncate(m.c.w.n("detail_more", hidden+1, nil), m.rightWidth()))
	}
	if len(lines) < m.detailHeight() {
		// A short text: the finding follows it after a blank line.
		lines = append(lines, "")
	}
	lines = append(lines, m.findingLines(r)...)
	return strings.Join(lines, "\n")
}

// findingLines is the finding panel: verdict, notes, and the fields the
// verdict calls for.
func (m walkModel) findingLines(r *standards.Requirement) []string {
	st := m.c.st
	w := m.rightWidth()
	a := m.s.a
	v := a.VerdictOf(r.ID)
	f := a.Findings[r.ID]
	if f == nil {
		f = &audit.Finding{Verdict: audit.Open}
	}
	words := m.c.w
	head := "── " + words.t("finding", nil) + " "
	if !m.editable() {
		head += "(" + words.t("read_only", nil) + ") "
	}
	lines := []string{st.rule.Render(head + strings.Repeat("─", max(w-lipgloss.Width(head), 0)))}
	lines = append(lines, st.label.Render(words.t("verdict_label", nil))+st.verdict[string(v)].Render(glyphs[v]+" "+words.verdictName(v)))
	lines = append(lines, m.fieldLabel(words.t("notes_label", nil), focusNotes))
	notesRows := max(m.findingHeight()-m.findingFixedRows(), 1)
	if m.focus == focusNotes {
		lines = append(lines, m.notes.View())
	} else {
		lines = append(lines, m.notesPreview(r.ID, f.Notes, notesRows)...)
	}
	if v.IsNonConformity() {
		lines = append(lines, m.fieldRows(focusAction, words.t("action_label", nil), f.CorrectiveAction)...)
		due := a.DueDate(r.ID)
		if f.DueDate == "" && due != "" {
			due += words.t("due_default", nil)
		}
		lines = append(lines, m.inputLine(focusDue, words.t("due_label", nil), due, w))
	}
	if v == audit.NA {
		lines = append(lines, m.fieldRows(focusJust, words.t("justification_label", nil), f.Justification)...)
	}
	for _, l := range m.errorRows() {
		lines = append(lines, st.errText.Render(l))
	}
	return append(lines, m.evidenceLines(f, w)...)
}

func (m walkModel) fieldLabel(label string, f walkFocus) string {
	if m.focus == f {
		return m.c.st.focusedField.Render("› " + label)
	}
	return m.c.st.label.Render(label)
}

// inputLine shows a one-line field: the live input when focused, else its
// value.
func (m walkModel) inputLine(f walkFocus, label, value string, w int) string {
	if m.focus == f {
		mark := m.c.st.focusedField.Render("› ")
		switch f {
		case focusAction:
			return truncate(mark+m.action.View(), w)
		case focusDue:
			return truncate(mark+m.due.View(), w)
		case focusJust:
			return truncate(mark+m.just.View(), w)
		}
	}
	return truncate(m.c.st.label.Render(label)+sanitizeLine(value), w)
}

// previewBytes bounds how much of a note the preview wraps: a few screens'
// worth, so that a note of many megabytes (written outside assay) shows at
// once instead of being wrapped whole on every change.
const previewBytes = 64 << 10

// noteLines is the notes wrapped for the preview, once per change, and
// whether the note goes on past what was wrapped.
func (m walkModel) noteLines(id, notes string) []string {
	w := m.rightWidth() - 2
	c := m.cache
	if c.notesID != id || c.notesWidth != w || c.notesText != notes {
		c.notesID, c.notesWidth, c.notesText = id, w, notes
		c.notesLines, c.notesCut = nil, false
		if len(notes) > previewBytes {
			notes, c.notesCut = strings.ToValidUTF8(notes[:previewBytes], ""), true
		}
		if notes != "" {
			c.notesLines = wrap(audit.Sanitize(notes), w)
		}
	}
	return c.notesLines
}

// notesPreview is the first rows of the notes.
func (m walkModel) notesPreview(id, notes string, rows int) []string {
	all := m.noteLines(id, notes)
	if len(all) == 0 {
		return []string{m.c.st.muted.Render("  " + m.c.w.t("notes_empty", nil))}
	}
	out := make([]string, 0, rows)
	n := len(all)
	cut := m.cache.notesCut
	show := min(n, rows)
	if n > rows || cut {
		show = min(n, rows-1)
	}
	for _, l := range all[:show] {
		out = append(out, "│ "+l)
	}
	switch {
	case cut:
		out = append(out, m.c.st.muted.Render(m.c.w.t("notes_more_big", i18n.Args{"Size": m.c.w.size(int64(len(notes)))})))
	case n > rows:
		out = append(out, m.c.st.muted.Render(m.c.w.n("notes_more", n-show, nil)))
	}
	for len(out) < rows {
		out = append(out, "")
	}
	return out
}

// evidenceLines lists the evidence linked to the requirement.
func (m walkModel) evidenceLines(f *audit.Finding, w int) []string {
	st := m.c.st
	if m.focus == focusAttach {
		return []string{truncate(m.attach.View(), w)}
	}
	var names []string
	for _, sha := range f.Evidence {
		name := sha[:min(12, len(sha))]
		if ev, ok := m.s.a.EvidenceBySHA(sha); ok {
			name = escapeControls(ev.Name) // shown, not acted on by the terminal
		}
		if m.preparing[sha] {
			name += m.c.w.t("preparing_photo", nil)
		}
		names = append(names, name)
	}
	label := m.c.w.t("evidence_label", nil)
	if len(names) == 0 {
		return []string{truncate(st.label.Render(label)+st.muted.Render(m.c.w.t("no_evidence", nil)), w)}
	}
	if m.focus != focusEvidence {
		return []string{truncate(st.label.Render(label)+strings.Join(names, ", "), w)}
	}
	lines := []string{m.fieldLabel(label, focusEvidence)}
	vis, off := window(names, m.evSel-3, 4)
	for i, n := range vis {
		mark := "  "
		if off+i == m.evSel {
			mark = "› "
		}
		lines = append(lines, truncate(mark+n, w))
	}
	return lines
}

package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The walk's finding panel, drawn: the verdict, the notes, the fields the
// verdict calls for and the evidence.

// errorRows is the due date's error, wrapped so its end (what is wrong)
// shows; while the field has the keys and nothing is wrong, what it takes.
func (m walkModel) errorRows() []string {
	w := m.rightWidth()
	if m.dueErr != nil {
		msg := m.c.w.t("bad_due", i18n.Args{"Problem": m.c.w.errorText(m.dueErr)})
		var out []string
		for _, l := range wrap("✗ "+msg, w) {
			out = append(out, m.c.st.errText.Render(l))
		}
		return out
	}
	if m.focus != focusDue {
		return nil
	}
	end := m.s.a.Header.EndDate
	if d, ok := m.c.typedDate(m.due.Value(), end); ok && d != strings.TrimSpace(m.due.Value()) {
		return []string{m.c.st.good.Render(truncate("= "+d, w))}
	}
	hint := m.c.w.t("due_hint", i18n.Args{"End": end})
	if _, err := audit.ParseDate(end); err != nil {
		hint = m.c.w.t("due_hint_no_end", nil)
	}
	var out []string
	for _, l := range wrap(hint, w) {
		out = append(out, m.c.st.muted.Render(l))
	}
	return out
}

// findingLines is the finding panel: verdict, notes, and the fields the
// verdict calls for.
func (m walkModel) findingLines(r *standards.Requirement) []string {
	st := m.c.st
	w := m.rightWidth()
	f := m.s.a.Findings[r.ID]
	if f == nil {
		f = &audit.Finding{Verdict: audit.Open}
	}
	v := m.s.a.VerdictOf(r.ID)
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
	return append(lines, m.findingBottom(r)...)
}

// findingBottom is the finding's rows under the notes: the corrective
// action and due date of a non-conformity, or the justification of n/a,
// then the evidence.
func (m walkModel) findingBottom(r *standards.Requirement) []string {
	words := m.c.w
	w := m.rightWidth()
	f := m.s.a.Findings[r.ID]
	if f == nil {
		f = &audit.Finding{Verdict: audit.Open}
	}
	var lines []string
	switch v := m.s.a.VerdictOf(r.ID); {
	case v.IsNonConformity():
		lines = append(lines, m.textField(focusAction, words.t("action_label", nil), f.CorrectiveAction, &m.action)...)
		due := m.s.a.DueDate(r.ID)
		if f.DueDate == "" && due != "" {
			due += words.t("due_default", nil)
		}
		if m.focus == focusDue {
			lines = append(lines, truncate(m.c.st.focusedField.Render("› ")+m.due.View(), w))
		} else {
			lines = append(lines, truncate(m.c.st.label.Render(words.t("due_label", nil))+sanitizeLine(due), w))
		}
		lines = append(lines, m.errorRows()...)
	case v == audit.NA:
		lines = append(lines, m.textField(focusJust, words.t("justification_label", nil), f.Justification, &m.just)...)
	}
	return append(lines, m.evidenceLines(f, w)...)
}

// textField is a multi-line field of the finding (corrective action,
// justification): its label, then its editor while it has the keys, else
// its whole text wrapped (within the room a short pane has).
func (m walkModel) textField(f walkFocus, label, value string, e *noteEditor) []string {
	st := m.c.st
	w := m.rightWidth()
	name := strings.TrimRight(label, ": ")
	if m.focus == f {
		return append([]string{m.fieldLabel(name, f)}, strings.Split(e.View(), "\n")...)
	}
	text := strings.TrimSpace(audit.Sanitize(value))
	if text == "" {
		// Empty, it blocks finalizing: say how to fill it.
		return []string{truncate(st.label.Render(name+" ")+st.muted.Render(m.c.w.t("field_empty", nil)), w)}
	}
	rows := wrap(text, w-2)
	room := max(m.height()-m.pinnedRows()-minDetailRows-9, 2)
	if limit := min(maxFieldRows, room); len(rows) > limit {
		more := len(rows) - (limit - 1)
		rows = append(rows[:limit-1:limit-1], st.muted.Render(m.c.w.n("field_more", more, nil)))
		for i := range rows[:limit-1] {
			rows[i] = "│ " + rows[i]
		}
		return append([]string{st.label.Render(name)}, rows...)
	}
	for i := range rows {
		rows[i] = "│ " + rows[i]
	}
	return append([]string{st.label.Render(name)}, rows...)
}

func (m walkModel) fieldLabel(label string, f walkFocus) string {
	if m.focus == f {
		return m.c.st.focusedField.Render("› " + label)
	}
	return m.c.st.label.Render(label)
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
	case n > rows && !m.editable():
		out = append(out, m.c.st.muted.Render(m.c.w.n("notes_more_read", n-show, nil)))
	case n > rows:
		out = append(out, m.c.st.muted.Render(m.c.w.n("notes_more", n-show, nil)))
	}
	for len(out) < rows {
		out = append(out, "")
	}
	return out
}

// evidenceName is how a file is named in the finding: its name, and the
// other names it was attached under.
func (m walkModel) evidenceName(sha string) string {
	ev, ok := m.s.a.EvidenceBySHA(sha)
	if !ok {
		return sha[:min(12, len(sha))]
	}
	name := escapeControls(ev.Name) // shown, not acted on by the terminal
	if len(ev.Aliases) > 0 {
		also := make([]string, len(ev.Aliases))
		for i, a := range ev.Aliases {
			also[i] = escapeControls(a)
		}
		name = m.c.w.t("evidence_alias", i18n.Args{"Name": name, "Also": strings.Join(also, ", ")})
	}
	return name
}

// evidenceLines lists the evidence linked to the requirement.
func (m walkModel) evidenceLines(f *audit.Finding, w int) []string {
	st := m.c.st
	if m.focus == focusAttach {
		return []string{truncate(m.attach.View(), w)}
	}
	var names []string
	for _, sha := range f.Evidence {
		name := m.evidenceName(sha)
		if m.preparing[sha] {
			name += m.c.w.t("preparing_photo", nil)
		}
		name += m.evidenceMark(sha)
		names = append(names, name)
	}
	label := m.c.w.t("evidence_label", nil)
	if len(names) == 0 {
		none := m.c.w.t("no_evidence", nil)
		if !m.editable() {
			none = m.c.w.t("no_evidence_read", nil)
		}
		return []string{truncate(st.label.Render(label)+st.muted.Render(none), w)}
	}
	if !m.evidenceOpen() {
		return []string{truncate(st.label.Render(label)+strings.Join(names, ", "), w)}
	}
	return append([]string{m.c.st.focusedField.Render("› " + label)}, m.evidenceListLines(w)...)
}

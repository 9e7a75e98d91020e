package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The walk of an audit started from last year's: last year's verdict and
// notes beside this year's, read-only, with a key to copy the notes in as
// a starting point; and a mark on each requirement the catalog changed
// since.

// maxPreviousRows bounds last year's notes shown in the requirement pane;
// the rest is copied with p.
const maxPreviousRows = 4

// changeGlyphs mark a requirement the catalog changed since last year's
// audit, before its id in the list and in the pane.
var changeGlyphs = map[audit.ChangeKind]string{audit.ChangedText: "±", audit.NewRequirement: "+"}

// changeMark is the mark of requirement id, "" when it did not change or
// the audit has no previous one.
func (m walkModel) changeMark(id string) string {
	if m.s.a.Previous == nil {
		return ""
	}
	return changeGlyphs[m.s.a.Previous.Changes.KindOf(id)]
}

// previousNotes are last year's notes on the requirement in focus, "" for
// none.
func (m walkModel) previousNotes() string {
	r := m.current()
	if r == nil {
		return ""
	}
	f, _ := m.s.a.PreviousFinding(r.ID)
	return strings.TrimSpace(f.Notes)
}

// copyPrevious puts last year's notes into this year's, after what is
// already written: a starting point to edit, never a verdict.
func (m walkModel) copyPrevious() (walkModel, tea.Cmd) {
	r := m.current()
	prev := m.previousNotes()
	switch {
	case r == nil || !m.editable():
		return m, nil // updateList answered already
	case prev == "":
		return m, m.c.say("previous_nothing_to_copy", i18n.Args{"ID": r.ID})
	}
	f := m.s.a.Finding(r.ID)
	if strings.Contains(f.Notes, prev) {
		return m, notify(m.c.w.t("previous_already_copied", nil), false)
	}
	notes := prev
	if strings.TrimSpace(f.Notes) != "" {
		notes = strings.TrimRight(f.Notes, "\n") + "\n\n" + prev
	}
	if len(notes) > m.maxNote() {
		w := m.c.w
		return m, notify(w.t("note_too_long", i18n.Args{"Size": w.size(int64(len(notes))), "Limit": w.size(int64(m.maxNote()))}), true)
	}
	f.Notes, f.Updated = notes, m.c.now().UTC()
	return m, tea.Batch(m.s.touch(), notify(m.c.w.t("previous_copied", nil), false))
}

// previousLines are what the requirement pane shows of last year: how the
// catalog changed it, last year's verdict, notes (the first rows), the
// corrective action or justification, and the evidence it cited. Nothing
// for an audit started blank.
func (m walkModel) previousLines(r *standards.Requirement, w int) []string {
	a := m.s.a
	p := a.Previous
	if p == nil {
		return nil
	}
	st, words := m.c.st, m.c.w
	var lines []string
	from := p.Changes.From.ID + " " + p.Changes.From.Version
	switch p.Changes.KindOf(r.ID) {
	case audit.ChangedText:
		lines = append(lines, wrapStyled(st.warn, "± "+words.t("walk_changed", i18n.Args{"From": from}), w)...)
	case audit.NewRequirement:
		lines = append(lines, wrapStyled(st.warn, "+ "+words.t("walk_new", i18n.Args{"From": from}), w)...)
	}
	f, ok := a.PreviousFinding(r.ID)
	if !ok {
		return append(lines, st.muted.Render(truncate(words.t("walk_prev_none", nil), w)), "")
	}
	v := f.Verdict
	head := st.label.Render(words.t("walk_prev_label", nil)) + st.verdict[string(v)].Render(glyphs[v]+" "+words.verdictName(v))
	if v.IsNonConformity() && f.DueDate != "" {
		head += st.muted.Render(" · " + words.t("walk_prev_due", i18n.Args{"Due": f.DueDate}))
	}
	lines = append(lines, wrap(head, w)...)
	prefix := st.muted.Render("┆ ")
	var body []string
	if n := strings.TrimSpace(f.Notes); n != "" {
		body = wrap(audit.Sanitize(n), w-2)
	}
	if len(body) > maxPreviousRows {
		more := len(body) - maxPreviousRows + 1
		body = append(body[:maxPreviousRows-1], st.muted.Render(words.n("walk_prev_more", more, nil)))
	} else if len(body) > 0 {
		body = append(body, st.muted.Render(words.t("walk_prev_copy", nil)))
	}
	if t := strings.TrimSpace(f.CorrectiveAction); t != "" {
		body = append(body, wrap(words.t("walk_prev_action", i18n.Args{"Text": sanitizeLine(t)}), w-2)...)
	}
	if t := strings.TrimSpace(f.Justification); t != "" {
		body = append(body, wrap(words.t("walk_prev_justification", i18n.Args{"Text": sanitizeLine(t)}), w-2)...)
	}
	if len(f.Evidence) > 0 {
		names := make([]string, len(f.Evidence))
		for i, ev := range f.Evidence {
			names[i] = escapeControls(ev.Name)
		}
		body = append(body, wrap(words.t("walk_prev_evidence", i18n.Args{"Names": strings.Join(names, ", ")}), w-2)...)
	}
	for _, l := range body {
		lines = append(lines, prefix+l)
	}
	return append(lines, "")
}

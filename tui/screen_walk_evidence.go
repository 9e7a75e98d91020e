package tui

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The walk's evidence list (v on a requirement) shows each file's caption
// and, for the selected file, its plausibility marks with the inspector's
// justification. C edits the caption, J justifies a mark (tab: the next
// mark of the same file). The marks are computed from the audit as it is
// now, with config.toml's limits.

// rules is how strict the marks are (config.toml).
func (m walkModel) rules() audit.Plausibility { return m.c.deps.Config.Plausibility() }

// selectedEvidence is the file selected in the evidence list, or nil.
func (m walkModel) selectedEvidence() *audit.Evidence {
	r := m.current()
	if r == nil {
		return nil
	}
	evs := findingEvidence(m.s.a, r.ID)
	if m.evSel < 0 || m.evSel >= len(evs) {
		return nil
	}
	ev, _ := m.s.a.EvidenceBySHA(evs[m.evSel])
	return ev
}

// startCaption opens the selected file's caption for editing.
func (m walkModel) startCaption() (walkModel, tea.Cmd) {
	ev := m.selectedEvidence()
	if ev == nil || !m.editable() {
		return m, nil
	}
	m.focus, m.evOrig = focusCaption, ev.Caption
	m.caption.SetValue(sanitizeLine(ev.Caption))
	m.caption.CursorEnd()
	return m, m.caption.Focus()
}

// startJustify opens the justification of a mark of the selected file:
// the first without one, else the one after the mark last edited.
func (m walkModel) startJustify() (walkModel, tea.Cmd) {
	ev := m.selectedEvidence()
	if ev == nil || !m.editable() {
		return m, nil
	}
	flags := audit.CheckEvidence(m.s.a, ev, m.rules())
	if len(flags) == 0 {
		return m, notify(m.c.w.t("evidence_no_marks", i18n.Args{"Name": sanitizeLine(ev.Name)}), false)
	}
	next := -1
	for i, f := range flags {
		if f.Justification == "" {
			next = i
			break
		}
	}
	if next < 0 {
		next = 0
		for i, f := range flags {
			if f.Kind == m.justKind {
				next = (i + 1) % len(flags)
			}
		}
	}
	return m.justifyMark(flags[next])
}

// justifyMark puts the justification field on one mark.
func (m walkModel) justifyMark(f audit.EvidenceFlag) (walkModel, tea.Cmd) {
	m.focus, m.justKind, m.evOrig = focusJustify, f.Kind, f.Justification
	m.justify.SetValue(sanitizeLine(f.Justification))
	m.justify.CursorEnd()
	return m, m.justify.Focus()
}

// updateEvidenceText edits a caption or a justification: enter keeps it,
// esc gives it up, tab (justification) keeps it and goes to the next mark.
// What is typed goes into the audit as it is typed, like a note, so that
// the autosave has it when the battery dies; esc puts the old text back.
func (m walkModel) updateEvidenceText(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	k := m.keys
	in := &m.caption
	if m.focus == focusJustify {
		in = &m.justify
	}
	switch {
	case key.Matches(msg, k.Cancel):
		cmd := m.setEvidenceText(m.evOrig)
		in.Blur()
		m.focus = focusEvidence
		return m, cmd
	case key.Matches(msg, k.Accept), m.focus == focusJustify && key.Matches(msg, k.FieldNext):
		ev := m.selectedEvidence()
		if ev == nil {
			in.Blur()
			m.focus = focusEvidence
			return m, nil
		}
		var err error
		if m.focus == focusCaption {
			_, err = audit.SetCaption(m.s.a, ev.SHA256, in.Value())
		} else {
			_, err = audit.Justify(m.s.a, ev.SHA256, m.justKind, in.Value())
		}
		if err != nil {
			return m, notify(m.evidenceEditText(err), true)
		}
		cmd := m.s.touch()
		if m.focus == focusJustify && key.Matches(msg, k.FieldNext) {
			if flags := audit.CheckEvidence(m.s.a, ev, m.rules()); len(flags) > 1 {
				for i, f := range flags {
					if f.Kind == m.justKind {
						var focus tea.Cmd
						m, focus = m.justifyMark(flags[(i+1)%len(flags)])
						return m, tea.Batch(cmd, focus)
					}
				}
			}
		}
		in.Blur()
		m.focus = focusEvidence
		return m, cmd
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(cleanKey(msg, false))
	return m, tea.Batch(cmd, m.setEvidenceText(in.Value()))
}

// setEvidenceText puts text as the selected file's caption or the
// justification being edited, and schedules the save when that changed
// anything. Text the audit refuses (too long) leaves the last good one:
// enter says why.
func (m walkModel) setEvidenceText(text string) tea.Cmd {
	ev := m.selectedEvidence()
	if ev == nil {
		return nil
	}
	sha := ev.SHA256
	before := evidenceText(ev, m.focus, m.justKind)
	var err error
	if m.focus == focusCaption {
		ev, err = audit.SetCaption(m.s.a, sha, text)
	} else {
		ev, err = audit.Justify(m.s.a, sha, m.justKind, text)
	}
	if err != nil {
		return nil
	}
	if ev, _ = m.s.a.EvidenceBySHA(sha); ev == nil || evidenceText(ev, m.focus, m.justKind) == before {
		return nil
	}
	return m.s.touch()
}

// evidenceText is a file's caption, or its justification of mark kind.
func evidenceText(ev *audit.Evidence, focus walkFocus, kind audit.EvidenceFlagKind) string {
	if focus == focusCaption {
		return ev.Caption
	}
	return ev.Justifications[kind]
}

// evidenceEditText words a refused caption or justification.
func (m walkModel) evidenceEditText(err error) string {
	w := m.c.w
	var ee *audit.EvidenceEditError
	if errors.As(err, &ee) {
		switch ee.Kind {
		case audit.EvidenceTextTooLong:
			return w.t("evidence_text_too_long", i18n.Args{"Max": ee.Max})
		case audit.EvidenceReadOnly:
			return w.t("evidence_read_only", nil)
		}
	}
	return w.errorText(err)
}

// flagText words one plausibility mark, short enough for a line of the
// walk or the summary.
func (w *words) flagText(f audit.EvidenceFlag, rules audit.Plausibility) string {
	switch f.Kind {
	case audit.FlagOutsideDates:
		day := w.l.DateText(f.Captured)
		if f.Days < 0 {
			return w.n("evidence_flag_before", -f.Days, i18n.Args{"Date": day})
		}
		return w.n("evidence_flag_after", f.Days, i18n.Args{"Date": day})
	case audit.FlagFarFromSite:
		return w.t("evidence_flag_far", i18n.Args{"Km": w.l.Decimal(f.Km, 1), "Max": rules.MaxKm})
	case audit.FlagNoMetadata:
		return w.t("evidence_flag_no_metadata", nil)
	case audit.FlagSeveralNames:
		return w.n("evidence_flag_names", len(f.Names), i18n.Args{"Names": joinNames(f.Names)})
	}
	return string(f.Kind)
}

// joinNames lists file names for a line, made safe for the terminal.
func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += sanitizeLine(n)
	}
	return out
}

// evidenceItemLines is one file of the evidence list: its name and
// caption, a "!" when marked; for the selected file, each mark on its
// own line with its justification, and the field being edited.
func (m walkModel) evidenceItemLines(sha string, selected bool, w int) []string {
	st, words := m.c.st, m.c.w
	name := sha[:min(12, len(sha))]
	ev, ok := m.s.a.EvidenceBySHA(sha)
	var flags []audit.EvidenceFlag
	if ok {
		name = escapeControls(ev.Name) // shown, not acted on by the terminal
		flags = audit.CheckEvidence(m.s.a, ev, m.rules())
	}
	if m.preparing[sha] {
		name += words.t("preparing_photo", nil)
	}
	mark := "  "
	if selected {
		mark = "› "
	}
	line := mark + name
	if len(flags) > 0 {
		line += " " + st.warn.Render(words.n("evidence_marks", len(flags), nil))
	}
	if ok && ev.Caption != "" && !selected {
		line += st.muted.Render(" — " + sanitizeLine(ev.Caption))
	}
	out := []string{truncate(line, w)}
	if !selected {
		return out
	}
	switch {
	case m.focus == focusCaption:
		out = append(out, truncate("    "+st.focusedField.Render("› ")+m.caption.View(), w))
	case ok && ev.Caption != "":
		// The selected file's caption in full: it is what the report
		// prints under the picture.
		out = append(out, bulletIndent("    ", st.muted.Render(sanitizeLine(ev.Caption)), w)...)
	}
	for _, f := range flags {
		out = append(out, bulletIndent("    ", st.warn.Render("! ")+words.flagText(f, m.rules()), w)...)
		switch {
		case m.focus == focusJustify && f.Kind == m.justKind:
			out = append(out, truncate("      "+st.focusedField.Render("› ")+m.justify.View(), w))
		case f.Justification != "":
			out = append(out, bulletIndent("      ", st.muted.Render(words.t("evidence_justified", i18n.Args{"Text": sanitizeLine(f.Justification)})), w)...)
		}
	}
	return out
}

// bulletIndent wraps text at w under an indent, at most three lines: the
// walk's finding panel has little room.
func bulletIndent(indent, text string, w int) []string {
	lines := wrap(text, max(w-len(indent), 10))
	if len(lines) > 3 {
		lines = append(lines[:2], truncate(lines[2]+" …", max(w-len(indent), 10)))
	}
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return lines
}

// evidenceListLines is the evidence list while it has the keys: a window
// of files around the selected one, with the selected one's details.
func (m walkModel) evidenceListLines(w int) []string {
	r := m.current()
	if r == nil {
		return nil
	}
	evs := findingEvidence(m.s.a, r.ID)
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	vis, off := window(idx, m.evSel-3, 4)
	var out []string
	for i := range vis {
		out = append(out, m.evidenceItemLines(evs[off+i], off+i == m.evSel, w)...)
	}
	return out
}

// evidenceMark is the "!" after a file's name in the finding's one-line
// evidence summary when the file has plausibility marks.
func (m walkModel) evidenceMark(sha string) string {
	ev, ok := m.s.a.EvidenceBySHA(sha)
	if !ok {
		return ""
	}
	if n := len(audit.CheckEvidence(m.s.a, ev, m.rules())); n > 0 {
		return " " + m.c.st.warn.Render("!")
	}
	return ""
}

// evidenceOpen reports whether the evidence list has the keys (or one of
// its fields), so it is shown file by file.
func (m walkModel) evidenceOpen() bool {
	return m.focus == focusEvidence || m.focus == focusCaption || m.focus == focusJustify
}

// evidenceSection is the summary's account of the evidence: how many
// files, how many marked and how many of those marks lack a
// justification, then each marked file with its marks.
func (m *summaryModel) evidenceSection(width int) []string {
	st, w, a := m.c.st, m.c.w, m.s.a
	rules := m.c.deps.Config.Plausibility()
	l := []string{"", st.section.Render(w.t("evidence_section", nil))}
	seen := map[string]bool{}
	var files []*audit.Evidence
	for i := range a.Evidence {
		if !seen[a.Evidence[i].SHA256] {
			seen[a.Evidence[i].SHA256] = true
			files = append(files, &a.Evidence[i])
		}
	}
	if len(files) == 0 {
		return append(l, st.muted.Render(w.t("evidence_none_yet", nil)))
	}
	marked, open := 0, 0
	var items []string
	for _, ev := range files {
		flags := audit.CheckEvidence(a, ev, rules)
		if len(flags) == 0 {
			continue
		}
		marked++
		open += audit.Unjustified(flags)
		for _, f := range flags {
			text := sanitizeLine(ev.Name) + ": " + w.flagText(f, rules)
			if f.Justification != "" {
				text += " — " + w.t("evidence_justified", i18n.Args{"Text": sanitizeLine(f.Justification)})
			}
			items = append(items, text)
		}
	}
	count := w.n("evidence_count", len(files), i18n.Args{"Marked": marked})
	switch {
	case open > 0:
		count += w.n("evidence_unjustified", open, nil)
	case marked > 0:
		count += w.t("evidence_all_justified", nil)
	}
	l = append(l, wrap(count, width)...)
	for _, it := range items {
		l = append(l, bullet(st.warn.Render("!")+" ", it, width)...)
	}
	return l
}

package tui

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The walk's requirement pane: the requirement in the UI's language, with
// what the catalog says of its basis and of who must meet it.

// detailLines is the requirement's wrapped text in the UI's language,
// cached per width and language; its title is not in it: the pane keeps
// it on top (see titleLines), however far the text is scrolled.
func (m walkModel) detailLines(r *standards.Requirement, ap audit.Applicability) []string {
	w := m.rightWidth()
	words := m.c.w
	if m.cache.width != w || m.cache.lang != words.lang {
		m.cache.width, m.cache.lang = w, words.lang
		m.cache.detail = map[string][]string{}
	}
	ro := !m.editable()
	key := r.ID + "\x00" + ap.String() + "\x00" + strconv.FormatBool(ro)
	if l, ok := m.cache.detail[key]; ok {
		return l
	}
	st := m.c.st
	loc := m.c.cats.req(m.s.cat, r, words.lang)
	lines := wrap(st.header.Render(m.detailHead(r, loc)), w)
	if ap != audit.Applies {
		lines = append(lines, wrap(st.warn.Render("! "+words.applicabilityText(audit.ExplainApplicability(r, m.s.a.Header))), w)...)
	}
	lines = append(lines, "")
	lines = append(lines, m.previousLines(r, w)...)
	lines = append(lines, wrap(words.marked(audit.Sanitize(loc.Text), loc.TextLang), w)...)
	if len(loc.Guidance) > 0 {
		lines = append(lines, "", st.label.Render(words.marked(words.t("guidance", nil), loc.GuidanceLang)))
		for _, g := range loc.Guidance {
			lines = append(lines, bullet("• ", sanitizeLine(g), w)...)
		}
	}
	lines = append(lines, "")
	if len(r.Evidence) > 0 {
		kinds := make([]string, len(r.Evidence))
		for i, k := range r.Evidence {
			kinds[i] = wordOr(words, evidenceKindIDs, k, sanitizeLine(k))
		}
		lines = append(lines, bullet("", st.label.Render(words.t("evidence_kinds", i18n.Args{"Kinds": strings.Join(kinds, ", ")})), w)...)
	}
	party := r.Responsible
	if party == "" {
		party = standards.PartyASMO
	}
	who := words.t("responsible", i18n.Args{"Party": wordOr(words, partyIDs, party, sanitizeLine(string(party)))})
	if r.BuyerDuty() {
		who = st.warn.Render(who) // the ASMO cannot fail it on its own
	}
	lines = append(lines, bullet("", who, w)...)
	if len(r.References) > 0 {
		refs := make([]string, len(loc.References))
		for i, ref := range loc.References {
			refs[i] = sanitizeLine(ref)
		}
		list := words.marked(strings.Join(refs, "; "), loc.ReferencesLang)
		lines = append(lines, bullet("", words.t("references", i18n.Args{"List": list}), w)...)
	}
	switch r.Basis {
	case standards.BasisReconstructed:
		sign := words.t("reconstructed_sign", nil)
		basis := words.t("basis_reconstructed_plain", i18n.Args{"Sign": sign})
		if note := sanitizeLine(loc.BasisNote); note != "" {
			basis = words.t("basis_reconstructed", i18n.Args{"Sign": sign, "Note": words.marked(note, loc.BasisNoteLang)})
		}
		lines = append(lines, bullet("", st.muted.Render(basis), w)...)
	case standards.BasisConfirmed:
		lines = append(lines, bullet("", st.muted.Render(words.t("basis_confirmed", nil)), w)...)
	}
	if ro {
		// A finalized audit's notes cannot be opened for typing: the
		// whole note follows the requirement, where pgdn reaches it.
		if all := m.noteLines(r.ID, m.s.a.Finding(r.ID).Notes); len(all) > 0 {
			lines = append(lines, "", st.label.Render(words.t("notes_whole", nil)))
			for _, l := range all {
				lines = append(lines, "│ "+l)
			}
		}
	}
	m.cache.detail[key] = lines
	return lines
}

// detailHead is the line under the requirement's title: chapter, level
// (with its due year) and the critical flag; a flag the catalog
// reconstructed rather than confirmed carries the sign the basis line
// explains.
func (m walkModel) detailHead(r *standards.Requirement, loc standards.Localized) string {
	words := m.c.w
	sign := ""
	if r.Basis == standards.BasisReconstructed {
		sign = words.t("reconstructed_sign", nil)
	}
	level := wordOr(words, levelIDs, r.Level, sanitizeLine(string(r.Level)))
	if r.Level == standards.Progress && r.DueYear > 0 {
		level = words.t("level_due", i18n.Args{"Year": r.DueYear})
	}
	if r.DueYear > 0 || !r.Critical {
		level += sign
	}
	var parts []string
	if ch := sanitizeLine(loc.Chapter); ch != "" {
		parts = append(parts, words.marked(ch, loc.ChapterLang))
	}

	parts = append(parts, level)
	if r.Critical {
		parts = append(parts, words.t("critical_mark", nil)+sign)
	}
	return strings.Join(parts, " · ")
}

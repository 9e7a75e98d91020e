package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// updateSearch filters every requirement of the catalog by id or words.
func (m walkModel) updateSearch(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		m.focus = focusList
		m.search.Blur()
		return m, nil
	case tea.KeyUp:
		if m.resSel == 0 {
			return m, m.c.say("list_top", nil)
		}
		m.resSel--
		return m, nil
	case tea.KeyDown:
		if m.resSel >= len(m.results)-1 {
			return m, m.c.say("list_end", nil)
		}
		m.resSel++
		return m, nil

	case tea.KeyEnter:
		m.focus = focusList
		m.search.Blur()
		if m.resSel < len(m.results) {
			return m.jumpTo(m.results[m.resSel].ID)
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(cleanKey(msg, false))
	m.results = m.walkable(searchCatalog(m.c.cats.searchText(m.s.cat), m.found, m.s.cat, m.s.a, m.search.Value()))
	m.resSel = 0
	return m, cmd
}

// walkable keeps the requirements the walk has: a follow-up audit walks
// its corrective actions only, and a result enter could not go to would
// be a key that does nothing.
func (m walkModel) walkable(rs []*standards.Requirement) []*standards.Requirement {
	in := map[string]bool{}
	for _, items := range m.items {
		for _, it := range items {
			in[it.req.ID] = true
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if in[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// jumpTo selects the requirement with the given id, wherever it is.
func (m walkModel) jumpTo(id string) (walkModel, tea.Cmd) {
	for a, items := range m.items {
		for i, it := range items {
			if it.req.ID == id {
				return m.moveTo(a, i)
			}
		}
	}
	return m, nil
}

// searchCatalog returns the requirements whose id starts with q, or whose
// id, chapter, title, text, guidance (in the catalog's language or any
// translation it has: folded, the catalog's text) or the inspector's own
// notes, corrective action and justification contain every word of q:
// "where did I write about the pallaqueras?" is a search an inspector
// makes. Accents and case do not matter: "regalias", "REGALÍAS" and
// "regalías" find the same requirements.
func searchCatalog(folded []string, found findingSearch, cat *standards.Catalog, a *audit.Audit, q string) []*standards.Requirement {
	words := strings.Fields(standards.Fold(q))
	if len(words) == 0 {
		return nil
	}
	var out []*standards.Requirement
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if len(words) == 1 && strings.HasPrefix(standards.Fold(r.ID), words[0]) {
			out = append(out, r)
			continue
		}
		var own string
		if i < len(folded) {
			own = folded[i]
		}
		mine := found.text(r.ID, a.Findings[r.ID])
		ok := true
		for _, w := range words {
			ok = ok && (strings.Contains(own, w) || strings.Contains(mine, w))
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// searchView lists the requirements matching the search.
func (m walkModel) searchView() string {
	st := m.c.st
	w := m.rightWidth()
	lines := []string{truncate(m.search.View(), w), ""}
	if m.search.Value() != "" && len(m.results) == 0 {
		lines = append(lines, st.muted.Render(m.c.w.t("search_none", nil)))
	}
	vis, off := window(m.results, m.resSel-(m.c.height-3)+1, m.c.height-2)
	for i, r := range vis {
		mark := "  "
		l := m.c.cats.req(m.s.cat, r, m.c.w.lang)
		title := m.c.w.marked(sanitizeLine(l.Title), l.TitleLang)
		text := truncate(glyphs[m.s.a.VerdictOf(r.ID)]+" "+r.ID+" "+m.c.w.areaName(r.Area)+" · "+title, w-2)
		if off+i == m.resSel {
			mark = "› "
			text = st.selected.Render(text)
		}
		lines = append(lines, mark+text)
	}
	return strings.Join(lines, "\n")
}

package tui

import (
	"strings"
	"sync"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// catalogTexts keeps what the UI shows and searches of each catalog: its
// requirements' text in the UI's language, and the folded text search
// compares, made once per catalog (and language), not on every frame or
// keystroke. It is shared by every screen through common.
type catalogTexts struct {
	mu sync.Mutex
	m  map[*standards.Catalog]*catText
}

func newCatalogTexts() *catalogTexts { return &catalogTexts{m: map[*standards.Catalog]*catText{}} }

// catText is one catalog's text.
type catText struct {
	// loc holds each language's text by requirement id.
	loc map[string]map[string]standards.Localized
	// folded is each requirement's id, chapter, title, text and guidance
	// in the catalog's own language and in every translation it has,
	// folded (standards.Fold), in catalog order: a search in either
	// language finds the requirement.
	folded []string
}

func (c *catalogTexts) of(cat *standards.Catalog) *catText {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.m[cat]
	if !ok {
		t = &catText{loc: map[string]map[string]standards.Localized{}}
		c.m[cat] = t
	}
	return t
}

// req returns r's title, text and guidance in lang, with the language each
// is really in.
func (c *catalogTexts) req(cat *standards.Catalog, r *standards.Requirement, lang string) standards.Localized {
	t := c.of(cat)
	c.mu.Lock()
	defer c.mu.Unlock()
	byID, ok := t.loc[lang]
	if !ok {
		byID = make(map[string]standards.Localized, len(cat.Requirements))
		for i := range cat.Requirements {
			q := &cat.Requirements[i]
			byID[q.ID] = q.In(lang)
		}
		t.loc[lang] = byID
	}
	if l, ok := byID[r.ID]; ok {
		return l
	}
	return r.In(lang) // a requirement not of this catalog: not cached
}

// searchText returns the folded text of every requirement, in catalog
// order, made on the first search.
func (c *catalogTexts) searchText(cat *standards.Catalog) []string {
	t := c.of(cat)
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.folded == nil {
		t.folded = make([]string, len(cat.Requirements))
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			parts := []string{r.ID, r.Chapter, r.Title, r.Text}
			parts = append(parts, r.Guidance...)
			for _, tr := range r.Translations {
				parts = append(parts, tr.Title, tr.Text)
				parts = append(parts, tr.Guidance...)
			}
			t.folded[i] = standards.Fold(strings.Join(parts, "\n"))
		}
	}
	return t.folded
}

// foldedFinding is a finding's own text folded for search, with the texts
// it was folded from, so it is folded again only when they change.
type foldedFinding struct {
	notes, action, just string
	folded              string
}

// findingSearch keeps the folded text of the findings the inspector wrote,
// by requirement id.
type findingSearch map[string]*foldedFinding

// text is f's notes, corrective action and justification folded.
func (fs findingSearch) text(id string, f *audit.Finding) string {
	if f == nil || f.Notes == "" && f.CorrectiveAction == "" && f.Justification == "" {
		return ""
	}
	c, ok := fs[id]
	if ok && c.notes == f.Notes && c.action == f.CorrectiveAction && c.just == f.Justification {
		return c.folded
	}
	c = &foldedFinding{notes: f.Notes, action: f.CorrectiveAction, just: f.Justification,
		folded: standards.Fold(f.Notes + "\n" + f.CorrectiveAction + "\n" + f.Justification)}
	fs[id] = c
	return c.folded
}

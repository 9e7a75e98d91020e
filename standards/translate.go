package standards

import (
	"regexp"
	"sort"
	"strings"
)

// Names of the fields a translation may give, as they are written in a
// catalog file and reported in a missing-translation problem.
const (
	FieldTitle      = "title"
	FieldText       = "text"
	FieldGuidance   = "guidance"
	FieldName       = "name"
	FieldProvenance = "provenance"
	FieldAreasNote  = "areas_note"
	FieldLicence    = "licence"
	// FieldChapter is a requirement's chapter heading, translated in the
	// catalog's [translation.LANG.chapters] table (FieldChapters).
	FieldChapter    = "chapter"
	FieldChapters   = "chapters"
	FieldBasisNote  = "basis_note"
	FieldReferences = "references"
)

// Translation is a requirement's text in another language, from the
// [requirement.LANG] table that follows it in the file. A field left out
// is empty (Guidance nil): the catalog's own language stands in for it.
type Translation struct {
	Title    string
	Text     string
	Guidance []string
	// References, when given, replace the whole list (nil: not given):
	// the sources' names as readers of that language cite them.
	References []string
	BasisNote  string
	Line       int // line of its table in the file, 0 if unknown
}

// CatalogTranslation is the catalog's own description in another language,
// from a [translation.LANG] table.
type CatalogTranslation struct {
	Name       string
	Provenance string
	AreasNote  string
	Licence    string
	// Chapters translates chapter headings: the heading as the
	// requirements write it, then its translation. Headings are shared by
	// many requirements, so they are translated once, here.
	Chapters map[string]string
	Line     int
}

// Localized is a requirement's text in the language asked for, field by
// field, with the language each field is actually in: a field the
// translation lacks is given in the catalog's own language, and a surface
// marks it so the reader knows.
type Localized struct {
	Title, Text string
	Guidance    []string
	References  []string
	// Chapter is the requirement's chapter heading and BasisNote its
	// basis note ("" when it has none).
	Chapter, BasisNote string
	// Lang is the language asked for, canonical ("es", "pt-BR").
	Lang string
	// TitleLang, TextLang, GuidanceLang, ReferencesLang, ChapterLang and
	// BasisNoteLang are the languages the fields are in: Lang, or the
	// catalog's own language when untranslated.
	TitleLang, TextLang, GuidanceLang, ReferencesLang, ChapterLang, BasisNoteLang string
	// Fallback is true when any field is not in Lang.
	Fallback bool
}

// LocalizedCatalog is the catalog's description in the language asked for,
// with the language each field is in, as for a requirement.
type LocalizedCatalog struct {
	Name, Provenance, AreasNote, Licence                 string
	Lang                                                 string
	NameLang, ProvenanceLang, AreasNoteLang, LicenceLang string
	Fallback                                             bool
}

// langTag is the shape of a BCP 47 language tag as catalogs use them: a
// language, then optional script or region subtags ("es", "pt-BR",
// "zh-Hant").
var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// CanonicalLang returns tag in canonical case (language lower case, a
// region upper case, a script title case), or false when it is not a
// language tag. "ES-co" and "es-CO" are the same language.
func CanonicalLang(tag string) (string, bool) {
	tag = strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if !langTag.MatchString(tag) {
		return "", false
	}
	parts := strings.Split(tag, "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		default:
			parts[i] = strings.ToLower(parts[i])
		}
	}
	return strings.Join(parts, "-"), true
}

// baseLang is the language subtag of a tag: "pt" for "pt-BR".
func baseLang(tag string) string {
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		return strings.ToLower(tag[:i])
	}
	return strings.ToLower(tag)
}

// sameLang reports whether two tags name the same language, ignoring
// regions: a Spanish catalog serves an es-CO reader as it is.
func sameLang(a, b string) bool { return baseLang(a) == baseLang(b) }

// pickLang chooses, among the languages a catalog has translations for,
// the one for lang: the exact tag, else the bare language ("es" for
// "es-CO"), else another region of it, in tag order. ok is false when
// there is none.
func pickLang(lang string, have []string) (string, bool) {
	sort.Strings(have)
	for _, h := range have {
		if h == lang {
			return h, true
		}
	}
	for _, h := range have {
		if h == baseLang(lang) {
			return h, true
		}
	}
	for _, h := range have {
		if sameLang(h, lang) {
			return h, true
		}
	}
	return "", false
}

// resolve decides which translation serves lang for text whose own
// language is own: use is false when the own text serves (lang is empty,
// unknown, or the own language), and then want is own.
func resolve[T any](lang, own string, trs map[string]T) (tr T, want string, use bool) {
	want, ok := CanonicalLang(lang)
	if !ok || (own != "" && sameLang(want, own)) {
		return tr, own, false
	}
	have := make([]string, 0, len(trs))
	for k := range trs {
		have = append(have, k)
	}
	if k, found := pickLang(want, have); found {
		return trs[k], want, true
	}
	return tr, want, true
}

// pick returns the translated text when there is one, else the own text
// and its language; fallback says whether the own text stands in.
func pick(translated, own, want, ownLang string) (string, string, bool) {
	if translated != "" || strings.TrimSpace(own) == "" {
		return translated, want, false
	}
	return own, ownLang, true
}

// In returns the requirement's title, text and guidance in lang (a tag
// such as "es" or "pt-BR"), falling back field by field to the catalog's
// own language where the translation lacks them. An empty or unknown lang,
// or the catalog's own language, gives the requirement as written.
func (r *Requirement) In(lang string) Localized {
	tr, want, use := resolve(lang, r.lang, r.Translations)
	l := Localized{Title: r.Title, Text: r.Text, Guidance: r.Guidance, References: r.References, Chapter: r.Chapter,
		BasisNote: r.BasisNote, Lang: want, TitleLang: r.lang, TextLang: r.lang, GuidanceLang: r.lang,
		ReferencesLang: r.lang, ChapterLang: r.lang, BasisNoteLang: r.lang}
	if !use {
		return l
	}
	var fb [6]bool
	l.Title, l.TitleLang, fb[0] = pick(tr.Title, r.Title, want, r.lang)
	l.Text, l.TextLang, fb[1] = pick(tr.Text, r.Text, want, r.lang)
	l.Guidance, l.GuidanceLang, fb[2] = pickList(tr.Guidance, r.Guidance, want, r.lang)
	l.References, l.ReferencesLang, fb[3] = pickList(tr.References, r.References, want, r.lang)
	chapters, _, _ := resolve(lang, r.lang, r.chapters)
	l.Chapter, l.ChapterLang, fb[4] = pick(chapters[r.Chapter], r.Chapter, want, r.lang)
	l.BasisNote, l.BasisNoteLang, fb[5] = pick(tr.BasisNote, r.BasisNote, want, r.lang)
	l.Fallback = fb[0] || fb[1] || fb[2] || fb[3] || fb[4] || fb[5]
	return l
}

// pickList is pick for a list the translation replaces whole: the
// translated list when given (nil: not given), else the own list, which
// stands in unless it is empty.
func pickList(translated, own []string, want, ownLang string) ([]string, string, bool) {
	switch {
	case translated != nil:
		return translated, want, false
	case len(own) == 0:
		return own, want, false
	}
	return own, ownLang, true
}

// In returns the catalog's name, provenance, areas note and licence in
// lang, falling back field by field like Requirement.In.
func (c *Catalog) In(lang string) LocalizedCatalog {
	tr, want, use := resolve(lang, c.Language, c.Translations)
	l := LocalizedCatalog{Name: c.Name, Provenance: c.Provenance, AreasNote: c.AreasNote, Licence: c.Licence,
		Lang: want, NameLang: c.Language, ProvenanceLang: c.Language, AreasNoteLang: c.Language, LicenceLang: c.Language}
	if !use {
		return l
	}
	var fb [4]bool
	l.Name, l.NameLang, fb[0] = pick(tr.Name, c.Name, want, c.Language)
	l.Provenance, l.ProvenanceLang, fb[1] = pick(tr.Provenance, c.Provenance, want, c.Language)
	l.AreasNote, l.AreasNoteLang, fb[2] = pick(tr.AreasNote, c.AreasNote, want, c.Language)
	l.Licence, l.LicenceLang, fb[3] = pick(tr.Licence, c.Licence, want, c.Language)
	l.Fallback = fb[0] || fb[1] || fb[2] || fb[3]
	return l
}

// Languages lists the languages the catalog has any translation for,
// sorted, without its own.
func (c *Catalog) Languages() []string {
	seen := map[string]bool{}
	for k := range c.Translations {
		seen[k] = true
	}
	for _, r := range c.Requirements {
		for k := range r.Translations {
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// MissingTranslations lists what a translator still has to do for lang:
// one problem for the catalog's description, one per chapter heading
// without a translation (located at the first requirement in that
// chapter), and one per requirement whose translation lacks a field the
// catalog's own language has, located at the translation's table or, when
// there is none, where the text is. The licence is not required. Nil when
// lang is the catalog's own language or not a language tag.
func (c *Catalog) MissingTranslations(lang string) []Problem {
	want, ok := CanonicalLang(lang)
	if !ok || (c.Language != "" && sameLang(want, c.Language)) {
		return nil
	}
	var out []Problem
	ctr, _, _ := resolve(want, c.Language, c.Translations)
	var fields []string
	for _, f := range []struct{ name, own, tr string }{
		{FieldName, c.Name, ctr.Name}, {FieldProvenance, c.Provenance, ctr.Provenance}, {FieldAreasNote, c.AreasNote, ctr.AreasNote},
	} {
		if strings.TrimSpace(f.own) != "" && f.tr == "" {
			fields = append(fields, f.name)
		}
	}
	if len(fields) > 0 {
		line := ctr.Line
		if line == 0 {
			line = c.nameLine
		}
		out = append(out, Problem{Kind: KindMissingTranslation, File: c.file, Line: line, Lang: want, Fields: fields})
	}
	chapters, _, _ := resolve(want, c.Language, c.chapters)
	var reqs []Problem
	seen := map[string]bool{}
	for i := range c.Requirements {
		r := &c.Requirements[i]
		if h := r.Chapter; strings.TrimSpace(h) != "" && !seen[h] {
			seen[h] = true
			if chapters[h] == "" {
				line := r.chapterLine
				if line == 0 {
					line = r.Line
				}
				reqs = append(reqs, Problem{Kind: KindMissingTranslation, File: c.file, Line: line, Lang: want,
					Fields: []string{FieldChapters}, Value: h})
			}
		}
		tr, _, _ := resolve(want, r.lang, r.Translations)
		var fields []string
		if tr.Title == "" {
			fields = append(fields, FieldTitle)
		}
		if tr.Text == "" {
			fields = append(fields, FieldText)
		}
		if tr.Guidance == nil && len(r.Guidance) > 0 {
			fields = append(fields, FieldGuidance)
		}
		if tr.References == nil && len(r.References) > 0 {
			fields = append(fields, FieldReferences)
		}
		if tr.BasisNote == "" && strings.TrimSpace(r.BasisNote) != "" {
			fields = append(fields, FieldBasisNote)
		}
		if len(fields) == 0 {
			continue
		}
		line := tr.Line
		if line == 0 {
			line = r.Line
		}
		reqs = append(reqs, Problem{Kind: KindMissingTranslation, File: c.file, Line: line, Requirement: r.ID, Lang: want, Fields: fields})
	}
	sort.SliceStable(reqs, func(i, j int) bool { return lineKey(reqs[i]) < lineKey(reqs[j]) })
	return append(out, reqs...)
}

package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// builtinAudit is a Fairmined Ecological audit (every requirement applies)
// on the current built-in catalog id, its inspector's text made neutral:
// every requirement conforms except a major non-conformity on the first
// critical requirement whose flag is reconstructed and a minor one on the
// first buyer duty (nil when the catalog has none).
func builtinAudit(t *testing.T, id string) (*audit.Audit, *standards.Catalog, *standards.Requirement, *standards.Requirement) {
	t.Helper()
	cat, ok := standards.NewSet(standards.Builtin()...).Find(id, "")
	if !ok {
		t.Fatalf("no built-in %s", id)
	}
	a, _ := testAudit(t, testCatalog(1), 0, 0)
	a.Catalog, a.Findings, a.Evidence = cat.Identity(), map[string]*audit.Finding{}, nil
	h := &a.Header
	h.CertType, h.FSP.Description, h.OpeningMeeting, h.ClosingMeeting = audit.Ecological, "", "⁂", "⁂"
	h.SitesVisited, h.Interviews = []string{"B-1"}, []audit.Interviewed{{Role: "R1", Women: 1}}
	var critical, buyer *standards.Requirement
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if audit.ApplicabilityOf(r, a.Header) != audit.Applies {
			continue
		}
		f := a.Finding(r.ID)
		f.Verdict, f.Notes = audit.Conforms, "✓"
		switch {
		case critical == nil && r.Critical && r.Basis == standards.BasisReconstructed:
			critical = r
			f.Verdict, f.Justification, f.CorrectiveAction = audit.Major, "∆", "→"
		case buyer == nil && r.Responsible == standards.PartyBuyer:
			buyer = r
			f.Verdict, f.Justification, f.CorrectiveAction = audit.Minor, "∆", "→"
		}
	}
	if critical == nil {
		t.Fatalf("%s: no reconstructed critical requirement applies", id)
	}
	return a, cat, critical, buyer
}

// flat is a report's text on one line, words separated by one space, so a
// title wrapped over two lines is still found.
func flat(t *testing.T, pdf []byte, name string) string {
	t.Helper()
	return strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, name, pdf)), " ")), " ")
}

// TestCatalogTextInTheReportsLanguage: a Spanish report of an audit on a
// built-in catalog has no English catalog title, chapter heading, reference
// or catalog name left in it (every one of the catalog's is looked for), and
// no word of the report's English messages; an English report has none of
// the Spanish ones. Both say whose duty a buyer's non-conformity is, mark a
// reconstructed critical flag, and say what the areas are.
func TestCatalogTextInTheReportsLanguage(t *testing.T) {
	for _, id := range []string{"fairmined-2.0", "craft-2.0"} {
		a, cat, critical, buyer := builtinAudit(t, id)
		text := map[string]string{}
		for _, lang := range []string{"en", "es"} {
			pdf, err := Render(a, cat, nil, RenderOptions{Draft: true, Now: fixtureNow, Language: lang})
			if err != nil {
				t.Fatal(err)
			}
			text[lang] = flat(t, pdf, id+"-"+lang+".pdf")
		}
		// What each language's report must not say: the other language's
		// catalog text, where the two differ.
		type piece struct{ what, en, es string }
		var pieces []piece
		cl := cat.In("es")
		pieces = append(pieces, piece{"catalog name", cat.Name, cl.Name})
		seen := map[string]bool{}
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			es := r.In("es")
			if es.Fallback && (es.TitleLang != "es" || es.ChapterLang != "es" || es.ReferencesLang != "es") {
				t.Errorf("%s %s: not translated into Spanish: %+v", id, r.ID, es)
			}
			pieces = append(pieces, piece{"title of " + r.ID, r.Title, es.Title})
			if !seen[r.Chapter] {
				seen[r.Chapter] = true
				pieces = append(pieces, piece{"chapter", r.Chapter, es.Chapter})
			}
			for j, ref := range r.References {
				if j < len(es.References) && !seen[ref] {
					seen[ref] = true
					pieces = append(pieces, piece{"reference of " + r.ID, ref, es.References[j]})
				}
			}
		}
		norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		checked := 0
		for _, p := range pieces {
			en, es := norm(p.en), norm(p.es)
			if en == es || strings.Contains(es, en) || strings.Contains(en, es) {
				continue // written alike: proves nothing either way
			}
			checked++
			if strings.Contains(text["es"], en) {
				t.Errorf("%s: the Spanish report has the English %s: %q", id, p.what, en)
			}
			if strings.Contains(text["en"], es) {
				t.Errorf("%s: the English report has the Spanish %s: %q", id, p.what, es)
			}
			// The same matching finds each language's own text.
			if strings.HasPrefix(p.what, "title") || p.what == "chapter" {
				if !strings.Contains(text["es"], es) {
					t.Errorf("%s: the Spanish report lacks the %s: %q", id, p.what, es)
				}
				if !strings.Contains(text["en"], en) {
					t.Errorf("%s: the English report lacks the %s: %q", id, p.what, en)
				}
			}
		}
		if checked < len(cat.Requirements) {
			t.Errorf("%s: only %d catalog texts differ between the languages", id, checked)
		}
		t.Logf("%s: %d catalog texts looked for in each report", id, checked)

		// No word of the other language's report messages either.
		for _, pair := range [][2]string{{"en", "es"}, {"es", "en"}} {
			from, in := pair[0], pair[1]
			body := text[in]
			for _, same := range []string{"audit.json", "Signature is Valid.", "Total document signed"} {
				body = strings.ReplaceAll(body, same, "")
			}
			for _, f := range fragments(from) {
				if regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(f) + `($|[^\pL])`).MatchString(body) {
					t.Errorf("%s: the %s report says %q, from the %s messages", id, in, f, from)
				}
			}
		}
		for _, lang := range []string{"en", "es"} {
			if strings.Contains(text[lang], "["+map[string]string{"en": "es", "es": "en"}[lang]+"]") {
				t.Errorf("%s: the %s report marks catalog text as untranslated", id, lang)
			}
		}

		// The register marks the critical flag the catalog reconstructed,
		// with the legend, and says whose duty a buyer's is; the cover says
		// what the areas are.
		want := map[string][]string{
			"en": {critical.ID + " " + critical.Title + " (critical†)", "† Reconstructed:", cat.AreasNote[:60]},
			"es": {critical.ID + " " + critical.In("es").Title + " (crítico†)", "† Reconstruido:", cat.In("es").AreasNote[:60]},
		}
		if buyer != nil {
			want["en"] = append(want["en"], buyer.ID+" "+buyer.Title+" (buyer's duty)")
			want["es"] = append(want["es"], buyer.ID+" "+buyer.In("es").Title+" (obligación del comprador)")
		} else if id == "fairmined-2.0" {
			t.Errorf("%s has no buyer duty", id)
		}
		for lang, want := range want {
			for _, w := range want {
				if !strings.Contains(text[lang], norm(w)) {
					t.Errorf("%s: the %s report lacks %q", id, lang, w)
				}
			}
		}
	}
}

// TestUntranslatedCatalogTextIsMarked: a catalog without a translation into
// the report's language is printed as written, each piece marked with its
// language, and the cover says what the mark means.
func TestUntranslatedCatalogTextIsMarked(t *testing.T) {
	data := []byte(`id = "only-en"
version = "1"
name = "English-only catalog"
language = "en"
provenance = "Written in English only."

[[requirement]]
id = "1.1"
area = "social"
chapter = "1 Organisation"
title = "Members know the rules"
text = "Members can explain the rules."
level = "entry"
references = ["Internal rules"]
`)
	cat, err := standards.Parse("only-en.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := testAudit(t, testCatalog(1), 0, 0)
	a.Catalog, a.Findings, a.Evidence = cat.Identity(), map[string]*audit.Finding{}, nil
	a.Finding("1.1").Verdict = audit.Conforms
	pdf, err := Render(a, cat, nil, RenderOptions{Draft: true, Now: fixtureNow, Language: "es"})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(t, pdf, "m.pdf")
	for _, w := range []string{"English-only catalog [en]", "Written in English only. [en]", "1.1 Members know the rules [en]",
		"1 Organisation [en]", "Referencias: Internal rules [en]", "se imprime como lo trae el catálogo, marcado [en]"} {
		if !strings.Contains(text, w) {
			t.Errorf("Spanish report of an English-only catalog lacks %q:\n%s", w, text)
		}
	}
	pdf, err = Render(a, cat, nil, RenderOptions{Draft: true, Now: fixtureNow, Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if text := flat(t, pdf, "e.pdf"); strings.Contains(text, "[en]") || strings.Contains(text, "marked") {
		t.Errorf("English report of an English catalog marks its text:\n%s", text)
	}
}

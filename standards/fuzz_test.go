package standards

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with the built-in catalogs
// and the broken ones. Parse must never panic; what it accepts must be a
// catalog the rest of the program can rely on, and what it rejects must
// come with located problems.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("*.toml")
	old, _ := filepath.Glob("superseded/*.toml")
	seeds = append(seeds, old...)
	bad, _ := filepath.Glob(filepath.Join(badDir, "*.toml"))
	examples, _ := filepath.Glob("../testdata/standards/*.toml")
	bad = append(bad, examples...)
	for _, path := range append(seeds, bad...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(goodCatalog))
	f.Add([]byte(bilingual))
	f.Add([]byte(chaptered))
	f.Add([]byte(strings.ReplaceAll(goodCatalog, "\n", "\r\n")))
	f.Add([]byte("id = \"x\"\nversion = \"1\"\nrequirement = [{id = \"A\", area = \"social\", title = \"t\", text = \"t\", level = \"entry\"}]\n"))
	f.Add([]byte("id = \"x\"\nversion = \"1\"\n[[requirement]]\nid = 'A'\narea = \"social\"\ntitle = '''t'''\ntext = \"t\"\nlevel = \"entry\"\n[requirement.extra]\nk = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.toml", data)
		nlines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			var ps *Problems
			if !errors.As(err, &ps) || len(*ps) == 0 {
				t.Fatalf("error %T %v, want non-empty *Problems", err, err)
			}
			for _, p := range *ps {
				if p.File != "fuzz.toml" || p.Line < 0 || p.Line > nlines || (p.Kind == KindOther && p.Message == "") {
					t.Fatalf("bad problem %+v (file has %d lines)", p, nlines)
				}
			}
			return
		}
		checkCatalog(t, c, data)
	})
}

// checkCatalog asserts what the rest of the program assumes of a catalog
// that Parse accepted.
func checkCatalog(t *testing.T, c *Catalog, data []byte) {
	t.Helper()
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	spaced := func(s string) bool { return strings.IndexFunc(s, unicode.IsSpace) >= 0 }
	if blank(c.ID) || blank(c.Version) || spaced(c.ID) || spaced(c.Version) || len(c.SHA256) != 64 || c.Source == "" {
		t.Fatalf("accepted catalog header %q %q %q %q", c.ID, c.Version, c.SHA256, c.Source)
	}
	if len(c.Requirements) == 0 {
		t.Fatal("accepted a catalog with no requirements")
	}
	lines := strings.Split(string(data), "\n")
	seen := map[string]bool{}
	for _, r := range c.Requirements {
		if blank(r.ID) || spaced(r.ID) || seen[r.ID] {
			t.Fatalf("accepted requirement id %q (blank, spaced or duplicate)", r.ID)
		}
		seen[r.ID] = true
		if !slices.Contains(c.WalkAreas(), r.Area) || !slices.Contains(Areas, r.Area) {
			t.Fatalf("%s: accepted area %q", r.ID, r.Area)
		}
		if blank(r.Title) || blank(r.Text) {
			t.Fatalf("%s: accepted blank title or text", r.ID)
		}
		switch r.Level {
		case Entry:
			if r.DueYear != 0 {
				t.Fatalf("%s: entry with due_year %d", r.ID, r.DueYear)
			}
		case Progress:
			if r.DueYear < 1 {
				t.Fatalf("%s: progress with due_year %d", r.ID, r.DueYear)
			}
		default:
			t.Fatalf("%s: accepted level %q", r.ID, r.Level)
		}
		if !slices.Contains(AppliesToValues, r.AppliesTo) {
			t.Fatalf("%s: accepted applies_to %q", r.ID, r.AppliesTo)
		}
		for _, g := range r.Guidance {
			if blank(g) {
				t.Fatalf("%s: accepted blank guidance", r.ID)
			}
		}
		for _, e := range r.Evidence {
			if !slices.Contains(EvidenceKinds, e) {
				t.Fatalf("%s: accepted evidence %q", r.ID, e)
			}
		}
		if !slices.Contains(Parties, r.Responsible) || r.References == nil {
			t.Fatalf("%s: accepted responsible %q, references %v", r.ID, r.Responsible, r.References)
		}
		for _, ref := range r.References {
			if blank(ref) {
				t.Fatalf("%s: accepted a blank reference", r.ID)
			}
		}
		if (r.Basis != "" && !slices.Contains(Bases, r.Basis)) || (r.Basis == BasisReconstructed && blank(r.BasisNote)) ||
			(r.Basis == "" && r.BasisNote != "") {
			t.Fatalf("%s: accepted basis %q with note %q", r.ID, r.Basis, r.BasisNote)
		}
		for lang, tr := range r.Translations {
			if canon, ok := CanonicalLang(lang); !ok || canon != lang || (c.Language != "" && sameLang(lang, c.Language)) {
				t.Fatalf("%s: accepted translation %q in a %q catalog", r.ID, lang, c.Language)
			}
			if (tr.Title != "" && blank(tr.Title)) || (tr.Text != "" && blank(tr.Text)) || slices.ContainsFunc(tr.Guidance, blank) {
				t.Fatalf("%s: accepted a blank %s translation: %+v", r.ID, lang, tr)
			}
			l := r.In(lang)
			if blank(l.Title) || blank(l.Text) {
				t.Fatalf("%s in %s: blank title or text %+v", r.ID, lang, l)
			}
		}
		// A requirement's line, when known, is its [[requirement]] header.
		if r.Line < 0 || r.Line > len(lines) {
			t.Fatalf("%s: line %d outside the file", r.ID, r.Line)
		}
		if r.Line > 0 {
			if h := strings.TrimSpace(lines[r.Line-1]); !strings.HasPrefix(h, "[[") || !strings.Contains(h, "requirement") {
				t.Fatalf("%s: line %d is %q, not a [[requirement]] header", r.ID, r.Line, h)
			}
		}
	}
}

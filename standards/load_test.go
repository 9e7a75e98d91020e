package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const badDir = "../testdata/standards/bad"

// problemsOf parses a file and returns its problems, failing the test when
// the file is accepted.
func problemsOf(t *testing.T, name string, data []byte) Problems {
	t.Helper()
	c, err := Parse(name, data)
	if err == nil {
		t.Fatalf("%s: accepted (%d requirements), want problems", name, len(c.Requirements))
	}
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("%s: error %T %v, want *Problems", name, err, err)
	}
	return *ps
}

// TestBadCatalogs checks that each broken catalog is rejected with one
// problem that says what is wrong, on the line where it is wrong.
func TestBadCatalogs(t *testing.T) {
	tests := []struct {
		file string
		line int
		req  string
		want string // part of the message
	}{
		{"syntax-error.toml", 26, "", "TOML syntax error"},
		{"duplicate-id.toml", 24, "S.1", `duplicate requirement id "S.1" (first used at line 11)`},
		{"unknown-area.toml", 25, "H.1", `unknown area "health"`},
		{"progress-without-year.toml", 28, "E.1", "progress requirement needs due_year"},
		{"unknown-key.toml", 29, "L.1", `unknown key "critcal"`},
		{"empty-guidance.toml", 30, "C.1", "guidance item 2 is empty"},
		{"wrong-type.toml", 29, "C.2", "due_year must be a whole number, not a string"},
		{"unknown-level.toml", 28, "S.3", `unknown level "mandatory" (known: entry, progress)`},
		{"bad-evidence.toml", 28, "S.4", `unknown evidence kind "photo"`},
		{"entry-with-year.toml", 29, "S.5", "due_year is only for progress requirements"},
		{"bad-applies-to.toml", 29, "E.2", `unknown applies_to "organic"`},
		{"empty-title.toml", 26, "S.6", "title is empty"},
		{"empty.toml", 0, "", "the file is empty"},
		{"no-requirements.toml", 0, "", "the catalog has no requirements"},
		{"missing-id.toml", 0, "", "catalog id is missing"},
		{"unknown-responsible.toml", 32, "E.2", `unknown responsible "refiner" (known: asmo, buyer, asmo+buyer)`},
		{"unknown-basis.toml", 32, "E.2", `unknown basis "likely" (known: confirmed, reconstructed)`},
		{"reconstructed-without-note.toml", 32, "E.2", `basis "reconstructed" needs a basis_note`},
		{"note-without-basis.toml", 32, "E.2", "basis_note explains a basis"},
		{"empty-reference.toml", 34, "E.2", "references item 2 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(badDir, tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ps := problemsOf(t, path, data)
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(ps), &ps)
			}
			p := ps[0]
			if p.File != path || p.Line != tt.line || p.Requirement != tt.req || !strings.Contains(p.Message, tt.want) {
				t.Errorf("got %+v\nwant file %s line %d requirement %q message containing %q", p, path, tt.line, tt.req, tt.want)
			}
			// What the user sees names the file and, when known, the line.
			s := p.String()
			wantPrefix := path + ": "
			if tt.line > 0 {
				wantPrefix = path + ":" + strconv.Itoa(tt.line) + ": "
			}
			if !strings.HasPrefix(s, wantPrefix) {
				t.Errorf("String() = %q, want prefix %q", s, wantPrefix)
			}
		})
	}
}

// TestDuplicateCatalogFiles checks that two files with the same id and
// version are caught, naming both files and the second one's id line.
func TestDuplicateCatalogFiles(t *testing.T) {
	a := filepath.Join(badDir, "duplicate-catalog-a.toml")
	b := filepath.Join(badDir, "duplicate-catalog-b.toml")
	rs := CheckFiles(a, b)
	if len(rs) != 2 {
		t.Fatalf("got %d reports", len(rs))
	}
	if rs[0].Catalog == nil || len(rs[0].Problems) != 0 {
		t.Fatalf("first file rejected: %v", rs[0].Problems)
	}
	if rs[1].Catalog != nil || len(rs[1].Problems) != 1 {
		t.Fatalf("second file: catalog %v problems %v, want one problem", rs[1].Catalog, rs[1].Problems)
	}
	got := rs[1].Problems[0].String()
	want := b + ":2: duplicate catalog bad-duplicate-catalog version 1.0: already loaded from " + a
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestProblemString checks the three layouts of a problem.
func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "f.toml", Line: 7, Requirement: "1.2", Message: "m"}, "f.toml:7: requirement 1.2: m"},
		{Problem{File: "f.toml", Line: 7, Message: "m"}, "f.toml:7: m"},
		{Problem{File: "f.toml", Requirement: "1.2", Message: "m"}, "f.toml: requirement 1.2: m"},
		{Problem{File: "f.toml", Message: "m"}, "f.toml: m"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v: got %q want %q", tt.p, got, tt.want)
		}
	}
	ps := Problems{{File: "a", Line: 1, Message: "x"}, {File: "a", Message: "y"}}
	if got := ps.Error(); got != "a:1: x\na: y" {
		t.Errorf("Problems.Error() = %q", got)
	}
}

const goodCatalog = `id = "t-1"
version = "1"
name = "Test"

[[requirement]]
id = "A"
area = "social"
title = "T"
text = """
Multi-line text with a fake header:
[[requirement]]
id = "fake"
"""
level = "entry"

[[requirement]]
id = "B"   # comment
"area" = 'labour'
title = "T2"
text = "x"
guidance = ["g1", 'g2']
level = "progress"
due_year = 3
applies_to = "ecological"
critical = true
responsible = "asmo+buyer"
references = ["ILO C182 Art. 3", "Minamata Convention, Annex C §1(b)(i)"]
basis = "reconstructed"
basis_note = "The due year is a guess."
`

// TestParseGood checks the fields, defaults and lines of a valid catalog,
// including a multi-line string that looks like a header.
func TestParseGood(t *testing.T) {
	c, err := Parse("good.toml", []byte(goodCatalog))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "t-1" || c.Version != "1" || c.Source != "good.toml" || len(c.SHA256) != 64 {
		t.Fatalf("catalog header %+v", c)
	}
	if len(c.Requirements) != 2 {
		t.Fatalf("got %d requirements", len(c.Requirements))
	}
	a, b := c.Requirements[0], c.Requirements[1]
	if a.Line != 5 || b.Line != 16 {
		t.Errorf("lines %d, %d, want 5, 16", a.Line, b.Line)
	}
	if a.AppliesTo != AppliesAll || a.Critical || a.DueYear != 0 || a.Guidance == nil || a.Evidence == nil ||
		a.Responsible != PartyASMO || a.References == nil || len(a.References) != 0 || a.Basis != "" || a.BasisNote != "" {
		t.Errorf("defaults of A: %+v", a)
	}
	if b.Responsible != PartyBoth || !b.BuyerDuty() || a.BuyerDuty() || b.Basis != BasisReconstructed ||
		b.BasisNote != "The due year is a guess." || strings.Join(b.References, "|") != "ILO C182 Art. 3|Minamata Convention, Annex C §1(b)(i)" {
		t.Errorf("provenance of B: %+v", b)
	}
	if b.Area != Labour || b.Level != Progress || b.DueYear != 3 || b.AppliesTo != AppliesEcological || !b.Critical ||
		strings.Join(b.Guidance, "|") != "g1|g2" {
		t.Errorf("fields of B: %+v", b)
	}
	if c.Identity() != (Identity{ID: "t-1", Version: "1", SHA256: c.SHA256}) {
		t.Errorf("identity %+v", c.Identity())
	}
}

// TestParseManyProblems checks that all problems are reported in line
// order, each on its own line, not just the first one.
func TestParseManyProblems(t *testing.T) {
	src := `id = "x"
version = "1"
colour = "red"

[[requirement]]
id = "A"
area = "mining"
title = ""
text = "t"
level = "entry"
evidence = [
  "document",
  42,
]

[[requirement]]
area = "social"
title = "t"
text = "t"
level = "progress"
due_year = 0
`
	ps := problemsOf(t, "m.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`m.toml:3: unknown key "colour" (known keys: id, name, version, publisher, licence, language, provenance, areas_note, areas, requirement)`,
		`m.toml:7: requirement A: unknown area "mining" (known: social, economic, environmental, labour, chemicals)`,
		`m.toml:8: requirement A: title is empty`,
		`m.toml:13: requirement A: evidence item 2 must be a string, not a whole number`,
		`m.toml:16: requirement #2: requirement has no id`,
		`m.toml:21: requirement #2: due_year must be between 1 and 100, not 0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ps[4].Requirement != "#2" {
		t.Errorf("requirement without id labelled %q, want #2", ps[4].Requirement)
	}
}

// TestParseInlineRequirements checks that requirements written as an
// inline array are accepted, with problems named by requirement since
// there is no header line to point at.
func TestParseInlineRequirements(t *testing.T) {
	src := `id = "x"
version = "1"
requirement = [
  {id = "A", area = "social", title = "t", text = "t", level = "entry"},
  {id = "B", area = "social", title = "t", text = "t", level = "sometimes"},
]
`
	ps := problemsOf(t, "i.toml", []byte(src))
	if len(ps) != 1 || ps[0].String() != `i.toml: requirement B: unknown level "sometimes" (known: entry, progress)` {
		t.Errorf("got %v", &ps)
	}
}

// TestParseWrongTopTypes checks type errors on catalog keys.
func TestParseWrongTopTypes(t *testing.T) {
	src := "id = \"x\"\nversion = 2.0\nareas = \"social\"\nrequirement = 3\n"
	ps := problemsOf(t, "w.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := "w.toml:2: version must be a string (in quotes), not a decimal number\n" +
		"w.toml:3: areas must be an array of strings, not a string\n" +
		"w.toml:4: requirement must be written as [[requirement]] tables, not a whole number"
	if strings.Join(got, "\n") != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestParseCRLF checks that a file saved with Windows line endings gets the
// same lines as with Unix ones.
func TestParseCRLF(t *testing.T) {
	c, err := Parse("crlf.toml", []byte(strings.ReplaceAll(goodCatalog, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	if c.Requirements[0].Line != 5 || c.Requirements[1].Line != 16 || c.Requirements[1].Area != Labour {
		t.Errorf("CRLF file: lines %d, %d, area %q", c.Requirements[0].Line, c.Requirements[1].Line, c.Requirements[1].Area)
	}
	bad := strings.ReplaceAll(goodCatalog, "level = \"progress\"", "level = \"later\"")
	ps := problemsOf(t, "crlf.toml", []byte(strings.ReplaceAll(bad, "\n", "\r\n")))
	if len(ps) != 1 || ps[0].Line != 22 {
		t.Errorf("CRLF problem: %v", &ps)
	}
}

// TestParseAreasList checks the catalog's own areas list: only known
// areas, each once, and requirements only in listed areas.
func TestParseAreasList(t *testing.T) {
	src := `id = "x"
version = "1"
areas = [
  "social",
  "mining",
  "social",
]

[[requirement]]
id = "A"
area = "labour"
title = "t"
text = "t"
level = "entry"
`
	ps := problemsOf(t, "a.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := "a.toml:5: unknown area \"mining\" (known: social, economic, environmental, labour, chemicals)\n" +
		"a.toml:6: area \"social\" is listed twice in areas\n" +
		"a.toml:11: requirement A: area \"labour\" is not in the catalog's areas list (social)"
	if strings.Join(got, "\n") != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

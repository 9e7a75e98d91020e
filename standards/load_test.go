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
		want string // the problem for programmers, after "FILE:LINE: "
	}{
		{"syntax-error.toml", 26, "", "syntax: "},
		{"duplicate-id.toml", 24, "S.1", `requirement S.1: duplicate-id value="S.1" n=11`},
		{"unknown-area.toml", 25, "H.1", `requirement H.1: unknown-value key=area value="health" allowed=social,economic,environmental,labour,chemicals`},
		{"progress-without-year.toml", 28, "E.1", "requirement E.1: progress-no-year"},
		{"unknown-key.toml", 29, "L.1", "requirement L.1: unknown-key key=critcal allowed=id,area,"},
		{"empty-guidance.toml", 30, "C.1", "requirement C.1: empty-item key=guidance item=2"},
		{"wrong-type.toml", 29, "C.2", "requirement C.2: wrong-type key=due_year want=integer found=string"},
		{"unknown-level.toml", 28, "S.3", `requirement S.3: unknown-value key=level value="mandatory" allowed=entry,progress`},
		{"bad-evidence.toml", 28, "S.4", `requirement S.4: unknown-value key=evidence item=2 value="photo"`},
		{"entry-with-year.toml", 29, "S.5", "requirement S.5: entry-with-year"},
		{"bad-applies-to.toml", 29, "E.2", `requirement E.2: unknown-value key=applies_to value="organic" allowed=all,ecological`},
		{"empty-title.toml", 26, "S.6", "requirement S.6: field-empty key=title"},
		{"empty.toml", 0, "", "empty-file"},
		{"no-requirements.toml", 0, "", "no-requirements"},
		{"missing-id.toml", 0, "", "catalog-key-missing key=id"},
		{"unknown-responsible.toml", 32, "E.2", `requirement E.2: unknown-value key=responsible value="refiner" allowed=asmo,buyer,asmo+buyer`},
		{"unknown-basis.toml", 32, "E.2", `requirement E.2: unknown-value key=basis value="likely" allowed=confirmed,reconstructed`},
		{"reconstructed-without-note.toml", 32, "E.2", "requirement E.2: reconstructed-no-note"},
		{"note-without-basis.toml", 32, "E.2", "requirement E.2: note-without-basis"},
		{"empty-reference.toml", 34, "E.2", "requirement E.2: empty-item key=references item=2"},
		{"bad-translation-tag.toml", 23, "S.1", "requirement S.1: bad-language key=spanish"},
		{"own-language-translation.toml", 23, "S.1", "requirement S.1: own-language lang=en"},
		{"translation-unknown-key.toml", 25, "S.1", "requirement S.1: unknown-key key=es.notes allowed=title,text,guidance"},
		{"translation-empty-title.toml", 24, "S.1", "requirement S.1: field-empty key=es.title"},
		{"catalog-translation-unknown-key.toml", 12, "", "unknown-key key=translation.es.publisher allowed=name,provenance,areas_note,licence"},
		{"translation-unknown-chapter.toml", 15, "", `nothing-to-translate key=translation.es.chapters value="1 Organization" lang=es`},
		{"translation-basis-note-alone.toml", 25, "S.1", "requirement S.1: nothing-to-translate key=es.basis_note"},
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
			if p.File != path || p.Line != tt.line || p.Requirement != tt.req {
				t.Errorf("got %+v\nwant file %s line %d requirement %q", p, path, tt.line, tt.req)
			}
			// Programmers and editors get FILE:LINE: first.
			wantPrefix := path + ": " + tt.want
			if tt.line > 0 {
				wantPrefix = path + ":" + strconv.Itoa(tt.line) + ": " + tt.want
			}
			if s := p.Error(); !strings.HasPrefix(s, wantPrefix) {
				t.Errorf("Error() = %q\nwant prefix  %q", s, wantPrefix)
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
	got := rs[1].Problems[0]
	want := Problem{Kind: KindDuplicateCatalog, File: b, Line: 2, Catalog: "bad-duplicate-catalog", Version: "1.0", Path: a}
	if got.Kind != want.Kind || got.File != want.File || got.Line != want.Line || got.Catalog != want.Catalog ||
		got.Version != want.Version || got.Path != want.Path {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestProblemError checks the layouts of a problem for programmers.
func TestProblemError(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{Kind: KindFieldEmpty, File: "f.toml", Line: 7, Requirement: "1.2", Key: "title"}, "f.toml:7: requirement 1.2: field-empty key=title"},
		{Problem{Kind: KindEmptyFile, File: "f.toml"}, "f.toml: empty-file"},
		{Problem{File: "f.toml", Requirement: "1.2", Message: "m"}, "f.toml: requirement 1.2: m"},
		{Problem{Kind: KindSyntax, File: "f.toml", Line: 3, Message: "expected '='"}, "f.toml:3: syntax: expected '='"},
		{Problem{Kind: KindControlChar, File: "f.toml", Line: 2, Key: "guidance", Item: 2, Rune: 0x1b}, "f.toml:2: control-char key=guidance item=2 char=U+001B"},
	} {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%+v: got %q want %q", tt.p, got, tt.want)
		}
	}
	ps := Problems{{File: "a", Line: 1, Message: "x"}, {File: "a", Message: "y"}}
	if got := ps.Error(); got != "a:1: x\na: y" {
		t.Errorf("Problems.Error() = %q", got)
	}
}

// errs gives the problems for programmers, one per line.
func errs(ps Problems) string {
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	return strings.Join(got, "\n")
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
	want := []string{
		`m.toml:3: unknown-key key=colour allowed=id,name,version,publisher,licence,language,provenance,areas_note,areas,translation,requirement`,
		`m.toml:7: requirement A: unknown-value key=area value="mining" allowed=social,economic,environmental,labour,chemicals`,
		`m.toml:8: requirement A: field-empty key=title`,
		`m.toml:13: requirement A: wrong-item-type key=evidence item=2 want=string found=integer`,
		`m.toml:16: requirement #2: field-missing key=id`,
		`m.toml:21: requirement #2: due-year-range key=due_year value="0" n=100`,
	}
	if got := errs(ps); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
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
	if len(ps) != 1 || ps[0].Error() != `i.toml: requirement B: unknown-value key=level value="sometimes" allowed=entry,progress` {
		t.Errorf("got %v", &ps)
	}
}

// TestParseWrongTopTypes checks type errors on catalog keys.
func TestParseWrongTopTypes(t *testing.T) {
	src := "id = \"x\"\nversion = 2.0\nareas = \"social\"\nrequirement = 3\n"
	ps := problemsOf(t, "w.toml", []byte(src))
	want := "w.toml:2: wrong-type key=version want=string found=float\n" +
		"w.toml:3: wrong-type key=areas want=strings found=string\n" +
		"w.toml:4: not-tables want=tables found=integer"
	if got := errs(ps); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
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
	want := "a.toml:5: unknown-value key=areas item=2 value=\"mining\" allowed=social,economic,environmental,labour,chemicals\n" +
		"a.toml:6: listed-twice key=areas value=\"social\"\n" +
		"a.toml:11: requirement A: area-not-listed value=\"labour\" allowed=social"
	if got := errs(ps); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

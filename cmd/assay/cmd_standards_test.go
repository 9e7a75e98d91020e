package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stdResult is what one in-process run of `assay standards ...` printed.
type stdResult struct {
	code           int
	stdout, stderr string
}

// runStd runs assay in-process with a fresh home unless one is given.
func runStd(t *testing.T, home string, args ...string) stdResult {
	t.Helper()
	if home == "" {
		home = t.TempDir()
	}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(append([]string{"--home", home}, args...), e)
	return stdResult{code, out.String(), errb.String()}
}

const badCatalogs = "../../testdata/standards/bad"

func TestStandardsList(t *testing.T) {
	r := runStd(t, "", "standards", "list")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "SOURCE") {
		t.Fatalf("table:\n%s", r.stdout)
	}
	// Sorted by id: craft before fairmined, both built in.
	if !strings.HasPrefix(lines[1], "craft-2.0 ") || !strings.HasPrefix(lines[2], "fairmined-2.0 ") ||
		!strings.HasSuffix(lines[2], "built-in") {
		t.Errorf("table rows:\n%s", r.stdout)
	}
}

func TestStandardsListJSONWithUserCatalog(t *testing.T) {
	home := t.TempDir()
	official := filepath.Join(home, "standards", "official.toml")
	if err := os.MkdirAll(filepath.Dir(official), 0o755); err != nil {
		t.Fatal(err)
	}
	cat := "id = \"fairmined-2.0\"\nversion = \"2.0\"\nname = \"Official\"\n\n" +
		"[[requirement]]\nid = \"X.1\"\narea = \"labour\"\ntitle = \"t\"\ntext = \"t\"\nlevel = \"entry\"\n"
	if err := os.WriteFile(official, []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runStd(t, home, "standards", "list", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got []struct {
		ID, Name, Version, Source, SHA256 string
		Requirements                      int
		Areas                             map[string]int
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(got) != 2 {
		t.Fatalf("got %d catalogs: %s", len(got), r.stdout)
	}
	for _, c := range got {
		sum := 0
		for _, n := range c.Areas {
			sum += n
		}
		if sum != c.Requirements || len(c.SHA256) != 64 || c.Version != "2.0" {
			t.Errorf("%s: areas %v sum %d, requirements %d, sha %q", c.ID, c.Areas, sum, c.Requirements, c.SHA256)
		}
	}
	if got[0].ID != "craft-2.0" || got[0].Source != "built-in" || got[0].Requirements < 30 {
		t.Errorf("craft: %+v", got[0])
	}
	if got[1].ID != "fairmined-2.0" || got[1].Source != official || got[1].Requirements != 1 || got[1].Areas["labour"] != 1 {
		t.Errorf("the official file does not replace the built-in: %+v", got[1])
	}
}

func TestStandardsShow(t *testing.T) {
	r := runStd(t, "", "standards", "show", "fairmined-2.0")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Catalog:    fairmined-2.0, version 2.0", "Provenance: ", "Source:     built-in",
		"\nSOCIAL (", "\nCHEMICALS (", "progress, year"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%.600s", want, r.stdout)
		}
	}
	// Areas come in the catalog's walk order.
	if strings.Index(r.stdout, "\nSOCIAL (") > strings.Index(r.stdout, "\nCHEMICALS (") {
		t.Errorf("areas out of order")
	}
}

func TestStandardsShowJSONArea(t *testing.T) {
	r := runStd(t, "", "standards", "show", "fairmined-2.0", "--area", "chemicals", "--json", "--version", "2.0")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "name", "version", "publisher", "licence", "language", "provenance", "areas", "source", "sha256", "requirements"} {
		if _, ok := got[k]; !ok {
			t.Errorf("catalog JSON lacks %q", k)
		}
	}
	reqs, _ := got["requirements"].([]any)
	if len(reqs) < 10 {
		t.Fatalf("got %d chemicals requirements", len(reqs))
	}
	for _, x := range reqs {
		req := x.(map[string]any)
		for _, k := range []string{"id", "area", "chapter", "title", "text", "guidance", "evidence", "level", "due_year", "applies_to", "critical"} {
			if _, ok := req[k]; !ok {
				t.Errorf("requirement %v lacks %q", req["id"], k)
			}
		}
		if req["area"] != "chemicals" {
			t.Errorf("--area chemicals shows %v", req["area"])
		}
	}
}

func TestStandardsShowErrors(t *testing.T) {
	r := runStd(t, "", "standards", "show", "nope")
	if r.code != 1 || !strings.Contains(r.stderr, "nope") || !strings.Contains(r.stderr, "fairmined-2.0") ||
		!strings.Contains(r.stderr, "craft-2.0") {
		t.Errorf("unknown id: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runStd(t, "", "standards", "show", "fairmined-2.0", "--version", "9"); r.code != 1 {
		t.Errorf("unknown version: exit %d", r.code)
	}
	if r := runStd(t, "", "standards", "show", "fairmined-2.0", "--area", "moon"); r.code != 2 || !strings.Contains(r.stderr, "moon") {
		t.Errorf("unknown area: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runStd(t, "", "standards", "show"); r.code != 2 {
		t.Errorf("no id: exit %d", r.code)
	}
}

func TestStandardsValidate(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.toml")
	data, err := os.ReadFile("../../standards/craft-2.0.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runStd(t, "", "standards", "validate", good)
	if r.code != 0 || !strings.HasPrefix(r.stdout, good+": ok (") || !strings.HasSuffix(r.stdout, " requirements)\n") || r.stderr != "" {
		t.Errorf("good file: exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}

	area := filepath.Join(badCatalogs, "unknown-area.toml")
	year := filepath.Join(badCatalogs, "progress-without-year.toml")
	r = runStd(t, "", "standards", "validate", good, area, year)
	want := area + `:25: requirement H.1: unknown area "health" (known: social, economic, environmental, labour, chemicals)` + "\n" +
		year + ":28: requirement E.1: progress requirement needs due_year: the number of years after certification (at least 1)\n"
	if r.code != 1 || r.stderr != want || !strings.HasPrefix(r.stdout, good+": ok") {
		t.Errorf("bad files: exit %d\nstdout %q\nstderr %q\nwant   %q", r.code, r.stdout, r.stderr, want)
	}

	a := filepath.Join(badCatalogs, "duplicate-catalog-a.toml")
	b := filepath.Join(badCatalogs, "duplicate-catalog-b.toml")
	r = runStd(t, "", "standards", "validate", a, b)
	if r.code != 1 || r.stderr != b+":2: duplicate catalog bad-duplicate-catalog version 1.0: already loaded from "+a+"\n" {
		t.Errorf("duplicate catalogs: exit %d, stderr %q", r.code, r.stderr)
	}

	missing := filepath.Join(t.TempDir(), "missing.toml")
	r = runStd(t, "", "standards", "validate", missing)
	if r.code != 1 || !strings.HasPrefix(r.stderr, missing+": cannot read") {
		t.Errorf("missing file: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestStandardsUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"standards"}, 2},
		{[]string{"standards", "frobnicate"}, 2},
		{[]string{"standards", "validate"}, 2},
		{[]string{"standards", "list", "--bogus"}, 2},
		{[]string{"standards", "list", "extra"}, 2},
		{[]string{"standards", "--help"}, 0},
		{[]string{"help", "standards"}, 0},
		{[]string{"standards", "list", "--help"}, 0},
		{[]string{"standards", "show", "--help"}, 0},
		{[]string{"standards", "validate", "--help"}, 0},
	} {
		r := runStd(t, "", tt.args...)
		if r.code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tt.args, r.code, tt.code, r.stderr)
		}
		if tt.code == 0 && !strings.Contains(r.stdout, "Usage: assay standards") {
			t.Errorf("%v: help not on stdout: %q", tt.args, r.stdout)
		}
	}
}

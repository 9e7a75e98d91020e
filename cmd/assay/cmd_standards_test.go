package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/standards"
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
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "SOURCE") {
		t.Fatalf("table:\n%s", r.stdout)
	}
	// Sorted by id then version: craft before fairmined, the superseded
	// editions marked as such.
	for i, want := range []struct{ prefix, suffix string }{
		{"craft-2.0      2.0 ", "built-in, superseded by 2.0-assay.2"},
		{"craft-2.0      2.0-assay.2 ", "built-in"},
		{"fairmined-2.0  2.0 ", "built-in, superseded by 2.0-assay.2"},
		{"fairmined-2.0  2.0-assay.2 ", "built-in"},
	} {
		if l := lines[i+1]; !strings.HasPrefix(l, want.prefix) || !strings.HasSuffix(l, want.suffix) {
			t.Errorf("row %d = %q, want %q…%q", i+1, l, want.prefix, want.suffix)
		}
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
		SupersededBy                      string `json:"superseded_by"`
		Requirements                      int
		Areas                             map[string]int
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(got) != 4 {
		t.Fatalf("got %d catalogs: %s", len(got), r.stdout)
	}
	for _, c := range got {
		sum := 0
		for _, n := range c.Areas {
			sum += n
		}
		if sum != c.Requirements || len(c.SHA256) != 64 {
			t.Errorf("%s: areas %v sum %d, requirements %d, sha %q", c.ID, c.Areas, sum, c.Requirements, c.SHA256)
		}
	}
	if got[0].ID != "craft-2.0" || got[0].Version != "2.0" || got[0].SupersededBy != "2.0-assay.2" || got[0].Requirements != 44 {
		t.Errorf("superseded craft: %+v", got[0])
	}
	if got[1].ID != "craft-2.0" || got[1].Source != "built-in" || got[1].SupersededBy != "" || got[1].Requirements < 30 {
		t.Errorf("craft: %+v", got[1])
	}
	// The official file replaces the superseded built-in of the same
	// version, and is no longer marked superseded: it is the home's.
	if got[2].ID != "fairmined-2.0" || got[2].Version != "2.0" || got[2].Source != official || got[2].Requirements != 1 ||
		got[2].Areas["labour"] != 1 || got[2].SupersededBy != "" {
		t.Errorf("the official file does not replace the built-in: %+v", got[2])
	}
	// And new work gets it, not the built-in paraphrase.
	r = runStd(t, home, "standards", "show", "fairmined-2.0", "--json")
	if !strings.Contains(r.stdout, `"name": "Official"`) {
		t.Errorf("show without --version does not pick the official file:\n%.300s", r.stdout)
	}
}

func TestStandardsShow(t *testing.T) {
	r := runStd(t, "", "standards", "show", "fairmined-2.0")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Catalog:    fairmined-2.0, version 2.0-assay.2", "Provenance: ", "Source:     built-in",
		"Areas:      The five areas (social, economic, environmental, labour, chemicals) are assay's grouping",
		"\nSOCIAL (", "\nCHEMICALS (", "progress, year",
		"  2.1.1   No whole-ore amalgamation [critical, confirmed]\n            see: Minamata Convention on Mercury, Annex C §1(b)(i)\n",
		"  4.4.1   Fairmined Premium of USD 4,000 per kg [buyer's duty, confirmed]\n",
		"  4.3.1   Price of at least 95 % of LBMA [buyer's duty, reconstructed]\n",
		"  4.5.1   Written contract with the First Authorized Buyer [ASMO and buyer, reconstructed]\n"} {
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
	r := runStd(t, "", "standards", "show", "fairmined-2.0", "--area", "chemicals", "--json", "--version", "2.0-assay.2")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "name", "version", "publisher", "licence", "language", "provenance", "areas_note", "areas",
		"source", "sha256", "superseded_by", "requirements"} {
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
		for _, k := range []string{"id", "area", "chapter", "title", "text", "guidance", "evidence", "level", "due_year", "applies_to",
			"critical", "references", "responsible", "basis", "basis_note"} {
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

// jsonReqs runs `standards show ID --json` and returns its requirements by id.
func jsonReqs(t *testing.T, args ...string) map[string]map[string]any {
	t.Helper()
	r := runStd(t, "", append([]string{"standards", "show"}, append(args, "--json")...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct{ Requirements []map[string]any }
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for _, req := range got.Requirements {
		out[req["id"].(string)] = req
	}
	return out
}

// The catalog says what each requirement rests on and whose duty it is, in
// fields a certification body's tools can read.
func TestStandardsShowJSONProvenance(t *testing.T) {
	reqs := jsonReqs(t, "fairmined-2.0")
	refs := func(id string) string {
		var s []string
		for _, x := range reqs[id]["references"].([]any) {
			s = append(s, x.(string))
		}
		return strings.Join(s, "; ")
	}
	for id, want := range map[string]string{
		"2.1.1": "Minamata Convention on Mercury, Annex C §1(b)(i)", "2.1.2": "Annex C §1(b)(ii)",
		"2.1.12": "Annex C §1(b)(iv)", "3.2.1": "ILO C182 Art. 3", "3.2.2": "ILO C138 Art. 2",
		"3.3.1": "ILO C29 Art. 2(1)", "3.3.2": "ILO P29", "3.3.3": "ILO C29",
	} {
		if got := refs(id); !strings.Contains(got, want) {
			t.Errorf("%s: references %q, want %q", id, got, want)
		}
		if reqs[id]["basis"] != "confirmed" {
			t.Errorf("%s: basis %v", id, reqs[id]["basis"])
		}
	}
	for id, want := range map[string]string{"4.3.1": "buyer", "4.4.1": "buyer", "4.4.2": "buyer", "4.5.1": "asmo+buyer", "2.1.6": "asmo"} {
		if reqs[id]["responsible"] != want {
			t.Errorf("%s: responsible %v, want %s", id, reqs[id]["responsible"], want)
		}
	}
	if reqs["3.8.14"]["basis"] != "reconstructed" || !strings.Contains(reqs["3.8.14"]["basis_note"].(string), "due year (3)") {
		t.Errorf("3.8.14 (progress, year 3): basis %v, note %v", reqs["3.8.14"]["basis"], reqs["3.8.14"]["basis_note"])
	}
	if got := refs("0.2.8"); got != "" || reqs["2.2.3"] != nil || reqs["1.2.4"] != nil {
		t.Errorf("excluded areas are not one requirement in chapter 0")
	}
	// The superseded edition is still there for old audits, as it was.
	old := jsonReqs(t, "fairmined-2.0", "--version", "2.0")
	if old["1.2.4"] == nil || old["2.2.3"] == nil || len(old) != 136 {
		t.Errorf("the 2.0 edition changed: %d requirements", len(old))
	}
}

func TestStandardsShowRequirement(t *testing.T) {
	r := runStd(t, "", "standards", "show", "fairmined-2.0", "3.3.3")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"3.3.3  No debt bondage\n", "Catalog:     fairmined-2.0, version 2.0-assay.2\n",
		"Chapter:     3.3 Forced labour\n", "Level:       entry", "Critical:    yes\n", "Responsible: ASMO\n",
		"Basis:       confirmed: Debt bondage is", "References:\n  - ILO C29 Art. 2(1)\n", "Text:\n  ", "Guidance:\n  - "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show 3.3.3 lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runStd(t, "", "standards", "show", "fairmined-2.0", "4.4.1", "--json")
	var req map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &req); err != nil || req["responsible"] != "buyer" || req["id"] != "4.4.1" {
		t.Errorf("show 4.4.1 --json: %v %s", err, r.stdout)
	}
	r = runStd(t, "", "standards", "show", "fairmined-2.0", "1.2.3")
	if r.code != 1 || !strings.Contains(r.stderr, `has no requirement "1.2.3"`) {
		t.Errorf("moved id: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runStd(t, "", "standards", "show", "fairmined-2.0", "1.2.3", "--version", "2.0"); r.code != 0 {
		t.Errorf("the old edition lost 1.2.3: %s", r.stderr)
	}
}

// partialES is a catalog whose Spanish translation a translator has only
// begun: requirement B lacks its guidance, C has none, the catalog's own
// description none either.
const partialES = `id = "partial"
version = "1"
name = "Partial"
language = "en"

[[requirement]]
id = "A"
area = "social"
title = "Royalties paid"
text = "Taxes and royalties are paid."
guidance = ["Check the receipts."]
level = "entry"

[requirement.es]
title = "Regalías pagadas"
text = "Los impuestos y las regalías están pagados."
guidance = ["Revise los recibos."]

[[requirement]]
id = "B"
area = "labour"
title = "No child labour"
text = "Nobody under 18 does hazardous work."
guidance = ["Observe the sites."]
level = "entry"

[requirement.es]
title = "Sin trabajo infantil"
text = "Nadie menor de 18 años hace trabajo peligroso."

[[requirement]]
id = "C"
area = "chemicals"
title = "Mercury stored"
text = "Mercury is locked away."
level = "entry"
`

func TestStandardsValidateLang(t *testing.T) {
	file := filepath.Join(t.TempDir(), "partial.toml")
	if err := os.WriteFile(file, []byte(partialES), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runStd(t, "", "standards", "validate", "--lang", "es", file)
	want := file + ":3: no es translation of the catalog's name: add to [translation.es]\n" +
		file + ":27: requirement B: no es translation of guidance: add to [requirement.es]\n" +
		file + ":31: requirement C: no es translation of title, text: add to [requirement.es]\n"
	if r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Errorf("partial translation: exit %d\nstdout %q\nstderr %s\nwant   %s", r.code, r.stdout, r.stderr, want)
	}
	// Without --lang the same file is a valid catalog.
	if r := runStd(t, "", "standards", "validate", file); r.code != 0 {
		t.Errorf("without --lang: exit %d %s", r.code, r.stderr)
	}
	example := "../../testdata/standards/example-annotated.toml"
	r = runStd(t, "", "standards", "validate", "--lang", "es", example)
	if r.code != 0 || r.stdout != example+": ok (7 requirements, es translation complete)\n" {
		t.Errorf("complete translation: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	// A third language needs no program change: it is reported the same way.
	if r := runStd(t, "", "standards", "validate", "--lang", "pt-BR", example); r.code != 1 ||
		!strings.Contains(r.stderr, "requirement 1.2.1: no pt-BR translation of title, text, guidance") {
		t.Errorf("pt-BR: exit %d %q", r.code, r.stderr)
	}
	if r := runStd(t, "", "standards", "validate", "--lang", "español", example); r.code != 2 || !strings.Contains(r.stderr, "not a language tag") {
		t.Errorf("bad tag: exit %d %q", r.code, r.stderr)
	}
}

// homeWithExample is a home whose standards folder holds the annotated
// example, translated into Spanish.
func homeWithExample(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	data, err := os.ReadFile("../../testdata/standards/example-annotated.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, "standards"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "standards", "example.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

func TestStandardsShowLangJSON(t *testing.T) {
	home := homeWithExample(t)
	r := runStd(t, home, "standards", "show", "example-cb-1.0", "--lang", "es", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Name, Provenance, Lang string
		Untranslated           []string
		Translations           []string
		Requirements           []map[string]any
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got.Name, "Organismo Certificador de Ejemplo") || got.Lang != "es" || len(got.Untranslated) != 0 ||
		strings.Join(got.Translations, ",") != "es" {
		t.Errorf("catalog in es: %+v", got)
	}
	first := got.Requirements[0]
	if first["title"] != "Registro legal de la organización" || first["lang"] != "es" || first["untranslated"] != nil ||
		!strings.HasPrefix(first["guidance"].([]any)[0].(string), "Lea el certificado") || first["area"] != "social" {
		t.Errorf("requirement in es: %v", first)
	}
	// A language the file lacks: the words stay English and say so.
	r = runStd(t, home, "standards", "show", "example-cb-1.0", "1.2.1", "--lang", "fr", "--json")
	var req map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &req); err != nil {
		t.Fatal(err)
	}
	if req["title"] != "Legal registration of the organisation" || req["lang"] != "fr" ||
		fmt.Sprint(req["untranslated"]) != "[title text guidance references chapter basis_note]" {
		t.Errorf("requirement in fr: %v", req)
	}
	// Without --lang there is no lang field: the catalog as written.
	r = runStd(t, home, "standards", "show", "example-cb-1.0", "1.2.1", "--json")
	if strings.Contains(r.stdout, `"lang"`) || !strings.Contains(r.stdout, `"title": "Legal registration of the organisation"`) {
		t.Errorf("without --lang: %s", r.stdout)
	}
}

func TestStandardsShowLangText(t *testing.T) {
	home := homeWithExample(t)
	r := runStd(t, home, "standards", "show", "example-cb-1.0", "--lang", "es")
	for _, want := range []string{
		"Organismo Certificador de Ejemplo: lista de verificación para la minería aurífera artesanal\n",
		"Language:   en; shown in es where translated, untranslated text marked [en]\n",
		"Translated: es\n",
		"  1.2.1  Registro legal de la organización [critical, confirmed]\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show --lang es lacks %q:\n%s", want, r.stdout)
		}
	}
	// The built-in catalogs are translated: nothing is marked [en].
	r = runStd(t, "", "standards", "show", "fairmined-2.0", "2.1.1", "--lang", "es")
	if !strings.HasPrefix(r.stdout, "2.1.1  Sin amalgamación de mineral en bruto") || strings.Contains(r.stdout, "[en]") {
		t.Errorf("built-in in es:\n%s", r.stdout)
	}
	if r := runStd(t, "", "standards", "show", "fairmined-2.0", "--lang", "x y"); r.code != 2 {
		t.Errorf("bad tag: exit %d", r.code)
	}
}

// TestProblemWordsComplete checks that cmd words every kind of catalog
// problem in English and in Spanish, with every value filled.
func TestProblemWordsComplete(t *testing.T) {
	en, es := langEnv("en"), langEnv("es")
	for _, kind := range standards.ProblemKinds {
		for _, variantProblem := range []standards.Problem{
			{Kind: kind, File: "f.toml", Line: 3, Requirement: "R.1", Key: "evidence", Item: 2, Value: "x",
				Allowed: []string{"a", "b"}, Want: standards.TypeString, Found: standards.TypeInt, Number: 7, Rune: 0x1b,
				Lang: "es", Fields: []string{"title"}, Catalog: "c", Version: "1", Path: "first.toml", Message: "detail"},
			{Kind: kind, File: "f.toml", Key: "areas", Value: "x", Lang: "es"},
			{Kind: kind, File: "f.toml", Key: "language", Value: "x", Lang: "es"},
		} {
			if problemID(variantProblem) == "" {
				t.Errorf("kind %q has no message", kind)
				continue
			}
			enText, esText := en.describe(variantProblem), es.describe(variantProblem)
			for lang, s := range map[string]string{"en": enText, "es": esText} {
				if strings.Contains(s, "catalog_problem_") || strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
					t.Errorf("%s: %q is not worded: %s", lang, kind, s)
				}
				if !strings.HasPrefix(s, "f.toml") {
					t.Errorf("%s: %q does not name the file: %s", lang, kind, s)
				}
			}
			if kind != standards.KindOther && enText == esText {
				t.Errorf("%q: Spanish words are the English ones: %s", kind, enText)
			}
		}
	}
	p := standards.Problem{Kind: standards.KindUnknownValue, File: "f.toml", Line: 25, Requirement: "H.1", Key: "area",
		Value: "health", Allowed: []string{"social", "labour"}}
	if got := es.describe(p); got != `f.toml:25: requisito H.1: área desconocido "health" (valores válidos: social, labour)` {
		t.Errorf("es: %s", got)
	}
}

// A broken file in the home is a worded warning, not a stop.
func TestStandardsLoadWarningsWorded(t *testing.T) {
	home := t.TempDir()
	broken := filepath.Join(home, "standards", "broken.toml")
	os.MkdirAll(filepath.Dir(broken), 0o755)
	os.WriteFile(broken, []byte("id = \"x\"\nversion = \"1\"\n[[requirement]]\nid = \"Q\"\narea = \"moon\"\ntitle = \"t\"\ntext = \"t\"\nlevel = \"entry\"\n"), 0o644)
	r := runStd(t, home, "standards", "list")
	want := "assay: warning: " + broken + `:5: requirement Q: unknown area "moon" (known: social, economic, environmental, labour, chemicals)` + "\n" +
		"assay: warning: " + broken + ": catalog not loaded; check it with: assay standards validate " + broken + "\n"
	if r.code != 0 || r.stderr != want {
		t.Errorf("exit %d\nstderr %q\nwant   %q", r.code, r.stderr, want)
	}
}

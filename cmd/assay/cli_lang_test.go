package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/standards"
)

// spanish is the environment of an inspector in Colombia.
var spanish = map[string]string{"LANG": "es_CO.UTF-8"}

// wantAll fails t for each of words that text lacks.
func wantAll(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// wantNone fails t for each of words that text has.
func wantNone(t *testing.T, what, text string, words ...string) {
	t.Helper()
	for _, w := range words {
		if strings.Contains(text, w) {
			t.Errorf("%s has %q:\n%s", what, w, text)
		}
	}
}

// TestCLISpeaksTheUILanguage: the same commands in English and in Spanish,
// the language chosen by the locale, by --lang before or after the command,
// or by config.toml; JSON keys and codes stay English while its sentences
// follow the language.
func TestCLISpeaksTheUILanguage(t *testing.T) {
	home := t.TempDir()
	if r := runInEnv(t, home, spanish, "demo"); r.code != exitOK {
		t.Fatalf("demo: %d %s", r.code, r.stderr)
	}

	// list: the table's header, the status and the recommendation.
	es := runInEnv(t, home, spanish, "list")
	wantAll(t, "list in Spanish", es.stdout, "ID  ", "OMAPE", "ESTADO", "RECOMENDACIÓN", "borrador")
	wantNone(t, "list in Spanish", es.stdout, "STATUS", "draft", "Recommended", "Not recommended")
	en := runIn(t, home, "list")
	wantAll(t, "list in English", en.stdout, "ASMO", "STATUS", "RECOMMENDATION", "draft")
	for _, args := range [][]string{{"--lang", "es", "list"}, {"list", "--lang", "es"}, {"list", "--lang=es"}} {
		if r := runIn(t, home, args...); r.stdout != es.stdout {
			t.Errorf("%v does not speak Spanish:\n%s", args, r.stdout)
		}
	}
	if r := runInEnv(t, home, spanish, "list", "--lang", "en"); r.stdout != en.stdout {
		t.Errorf("--lang en in a Spanish locale:\n%s", r.stdout)
	}

	// list --json: keys and codes as always, the recommendation in words.
	var rows []map[string]any
	if err := json.Unmarshal([]byte(runInEnv(t, home, spanish, "list", "--json").stdout), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("list --json: %v %v", err, rows)
	}
	if rows[0]["status"] != "draft" || rows[0]["recommendation"] == "" ||
		!strings.HasPrefix(rows[0]["recommendation_text"].(string), "No recomendada") && !strings.HasPrefix(rows[0]["recommendation_text"].(string), "Recomendada") {
		t.Errorf("list --json in Spanish: %v", rows[0])
	}
	id := rows[0]["id"].(string)

	// finalize without a key: the refusal in Spanish, still "assay: ...".
	r := runInEnv(t, home, spanish, "finalize", id)
	if r.code != exitFail || !strings.HasPrefix(r.stderr, "assay: no se puede finalizar "+id+": todavía no hay clave de firma") {
		t.Errorf("finalize without a key in Spanish: %d %q", r.code, r.stderr)
	}

	// Usage errors and help.
	r = runInEnv(t, home, spanish, "frobnicate")
	if r.code != exitUsage || r.stderr != "assay: comando desconocido \"frobnicate\"\nEjecute 'assay --help' para ver cómo se usa.\n" {
		t.Errorf("unknown command in Spanish: %d %q", r.code, r.stderr)
	}
	r = runInEnv(t, home, spanish, "list", "--bogus")
	if r.code != exitUsage || !strings.HasPrefix(r.stderr, "assay: opción desconocida -bogus\nUso: assay list [--json]\n") {
		t.Errorf("bad flag in Spanish: %d %q", r.code, r.stderr)
	}
	r = runInEnv(t, home, spanish, "export", "--help")
	wantAll(t, "export --help in Spanish", r.stdout, "Uso: assay export ID [-o ARCHIVO]", "-o ARCHIVO", "escribe también el informe en ARCHIVO",
		"-lang IDIOMA", "exporta un borrador sin firmar")
	wantNone(t, "export --help in Spanish", r.stdout, "also write", "string")
	r = runIn(t, home, "export", "--help")
	wantAll(t, "export --help in English", r.stdout, "Usage: assay export ID [-o FILE]", "also write the report to FILE")
	wantAll(t, "assay --help in Spanish", runInEnv(t, home, spanish, "--help").stdout, "Comandos:", "Opciones globales:",
		"verifica las firmas", "Estado de salida: 0 éxito")

	// A language assay has no words in is a usage error naming the known.
	for _, args := range [][]string{{"--lang", "fr", "list"}, {"list", "--lang", "fr"}} {
		r = runIn(t, home, args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, `no words in the language "fr" (known: en, es;`) {
			t.Errorf("%v: %d %q", args, r.code, r.stderr)
		}
	}

	// config.toml's language, under the flag.
	if err := os.WriteFile(filepath.Join(home, "config.toml"), []byte("language = \"es\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, home, "list"); r.stdout != es.stdout {
		t.Errorf("config language es:\n%s", r.stdout)
	}
	if r := runIn(t, home, "--lang", "en", "list"); r.stdout != en.stdout {
		t.Errorf("--lang en over config es:\n%s", r.stdout)
	}
}

// TestCLIThirdLanguageIsFiles: a cli.pt.toml in the home's locales folder
// makes Portuguese a language of the command line: its words where it has
// them, English for the rest; a broken file is a warning naming it.
func TestCLIThirdLanguageIsFiles(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "locales")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "cli.pt.toml"), []byte(`list_empty = "Ainda não há auditorias."
unknown_command = "comando desconhecido {{.Command}}"
`), 0o644)
	if r := runIn(t, home, "--lang", "pt-BR", "list"); r.code != exitOK || r.stdout != "Ainda não há auditorias.\n" {
		t.Errorf("list in pt: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runInEnv(t, home, map[string]string{"LANG": "pt_BR.UTF-8"}, "nada"); r.code != exitUsage ||
		r.stderr != "assay: comando desconhecido \"nada\"\nRun 'assay --help' for usage.\n" {
		t.Errorf("unknown command in pt: %d %q", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "cli.fr.toml"), []byte("list_empty = \"Pas encore"), 0o644)
	if r := runIn(t, home, "list"); r.code != exitOK || !strings.Contains(r.stderr, "assay: warning: command-line words: ") ||
		!strings.Contains(r.stderr, "cli.fr.toml") {
		t.Errorf("broken cli.fr.toml: %d %q", r.code, r.stderr)
	}
}

// TestStandardsShowInTheUILanguage: standards show speaks the UI
// language, labels and catalog text alike; --lang picks the catalog's
// language apart from it.
func TestStandardsShowInTheUILanguage(t *testing.T) {
	home := t.TempDir()
	es := runInEnv(t, home, spanish, "standards", "show", "fairmined-2.0", "2.1.1")
	wantAll(t, "2.1.1 in Spanish", es.stdout, "2.1.1  Sin amalgamación de mineral en bruto", "Capítulo:    2.1 Manejo de sustancias tóxicas",
		"Nivel:       entrada", "Crítico:     sí", "Responsable: OMAPE", "Base:        confirmado: La amalgamación de mineral en bruto",
		"Referencias:\n  - Convenio de Minamata sobre el Mercurio, Anexo C §1(b)(i)", "Orientación:", "Evidencia:")
	wantNone(t, "2.1.1 in Spanish", es.stdout, "[en]", "Chapter", "Minamata Convention", "Whole-ore")
	en := runIn(t, home, "standards", "show", "fairmined-2.0", "2.1.1")
	wantAll(t, "2.1.1 in English", en.stdout, "Chapter:     2.1 Management of toxic substances", "Minamata Convention on Mercury, Annex C §1(b)(i)")
	// English words, Spanish catalog.
	mixed := runIn(t, home, "standards", "show", "fairmined-2.0", "2.1.1", "--lang", "es")
	wantAll(t, "2.1.1 --lang es in English", mixed.stdout, "Chapter:     2.1 Manejo de sustancias tóxicas")

	// A buyer's duty, in the list of a chapter.
	list := runInEnv(t, home, spanish, "standards", "show", "fairmined-2.0", "--area", "economic")
	wantAll(t, "economic area in Spanish", list.stdout, "ECONÓMICA (", "obligación del comprador", "ver: ")
	wantNone(t, "economic area in Spanish", list.stdout, "buyer")
	if n := strings.Count(list.stdout, "[en]"); n != 1 { // the legend of the mark, on the Language line
		t.Errorf("economic area in Spanish marks %d texts as English", n-1)
	}
	validate := runInEnv(t, home, spanish, "standards", "validate", "--lang", "es", "../../standards/craft-2.0.toml")
	if validate.code != exitOK || !strings.Contains(validate.stdout, "craft-2.0.toml: correcto (42 requisitos, traducción al es completa)") {
		t.Errorf("validate --lang es in Spanish: %d %q %q", validate.code, validate.stdout, validate.stderr)
	}
}

// TestStandardsShowSpanishJSON: every requirement of both built-in catalogs
// comes with a Spanish title, text, guidance, chapter and basis note (and
// references where it has them), nothing listed as untranslated.
func TestStandardsShowSpanishJSON(t *testing.T) {
	for _, id := range []string{"fairmined-2.0", "craft-2.0"} {
		r := runStd(t, "", "standards", "show", id, "--lang", "es", "--json")
		if r.code != exitOK {
			t.Fatalf("%s: exit %d %s", id, r.code, r.stderr)
		}
		var got showCatalog
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		cat, _ := standards.NewSet(standards.Builtin()...).Find(id, "")
		if got.Lang != "es" || len(got.Untranslated) != 0 || got.Name == cat.Name || len(got.Requirements) != len(cat.Requirements) {
			t.Errorf("%s: lang %q, untranslated %v, name %q, %d requirements", id, got.Lang, got.Untranslated, got.Name, len(got.Requirements))
		}
		for i, req := range got.Requirements {
			own := cat.Requirements[i]
			if req.Lang != "es" || len(req.Untranslated) != 0 || req.Title == "" || req.Text == "" || len(req.Guidance) == 0 ||
				req.Chapter == "" || req.BasisNote == "" || len(req.References) != len(own.References) {
				t.Errorf("%s %s: %+v", id, req.ID, req)
				continue
			}
			if req.Title == own.Title || req.Chapter == own.Chapter || req.BasisNote == own.BasisNote {
				t.Errorf("%s %s: left in English: %q / %q / %q", id, req.ID, req.Title, req.Chapter, req.BasisNote)
			}
		}
	}
}

// TestSpanishLocaleBinary: the built binary, run as an inspector's shell
// runs it with LANG=es_CO.UTF-8, lists audits in Spanish.
func TestSpanishLocaleBinary(t *testing.T) {
	home := t.TempDir()
	run := func(args ...string) (string, string, int) {
		cmd := exec.Command(assayBin, append([]string{"--home", home}, args...)...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "LC_ALL=", "LC_MESSAGES=", "LANG=es_CO.UTF-8")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out.String(), errb.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errb.String(), 0
	}
	if out, _, _ := run("list"); !strings.HasPrefix(out, "Todavía no hay auditorías.") {
		t.Errorf("empty list in Spanish: %q", out)
	}
	if _, errs, code := run("demo"); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code := run("list")
	if code != 0 || !strings.HasPrefix(out, "ID ") || !strings.Contains(out, "ESTADO") || !strings.Contains(out, "borrador") {
		t.Errorf("list in Spanish: %d %q %q", code, out, errs)
	}
}

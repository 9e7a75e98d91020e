package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/tui"
)

// exportText exports a draft of id with extra arguments and returns the
// report's text.
func exportText(t *testing.T, home, id string, args ...string) (string, result) {
	t.Helper()
	r := runIn(t, home, append([]string{"export", id, "--draft"}, args...)...)
	if r.code != exitOK {
		t.Fatalf("export %v: exit %d %s", args, r.code, r.stderr)
	}
	text, code := tool(t, "pdftotext", "-enc", "UTF-8", strings.TrimSpace(r.stdout), "-")
	if code != 0 {
		t.Fatalf("pdftotext: %s", text)
	}
	return text, r
}

func TestExportLanguage(t *testing.T) {
	home, id := exportHome(t, false)

	text, _ := exportText(t, home, id, "--lang", "es")
	for _, w := range []string{"Informe de auditoría Fairmined", "Página 1 de", "BORRADOR — sin firmar", "Resumen", "Hallazgos"} {
		if !strings.Contains(text, w) {
			t.Errorf("--lang es: report lacks %q", w)
		}
	}
	if text, _ := exportText(t, home, id); !strings.Contains(text, "Fairmined audit report") || !strings.Contains(text, "Page 1 of") {
		t.Errorf("no --lang and no config: the report is not English")
	}

	// An unknown language is a usage error, named with the known ones,
	// and nothing is exported.
	before, _ := filepath.Glob(filepath.Join(home, "audits", id, "exports", "*"))
	r := runIn(t, home, "export", id, "--draft", "--lang", "fr")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unknown report language "fr" (known: en, es)`) {
		t.Errorf("--lang fr: exit %d %q", r.code, r.stderr)
	}
	if after, _ := filepath.Glob(filepath.Join(home, "audits", id, "exports", "*")); len(after) != len(before) {
		t.Errorf("--lang fr wrote %d files", len(after)-len(before))
	}

	// config.toml's language is the default; the flag wins over it.
	cfg := filepath.Join(home, "config.toml")
	if err := os.WriteFile(cfg, []byte("language = \"es\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if text, _ := exportText(t, home, id); !strings.Contains(text, "Informe de auditoría Fairmined") {
		t.Errorf("config language es: the report is not Spanish")
	}
	if text, _ := exportText(t, home, id, "--lang", "en"); !strings.Contains(text, "Fairmined audit report") {
		t.Errorf("config es, --lang en: the report is not English")
	}

	// A config language without a report edition: warned, English.
	if err := os.WriteFile(cfg, []byte("language = \"pt\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text, r = exportText(t, home, id)
	if !strings.Contains(text, "Fairmined audit report") || !strings.Contains(r.stderr, `language "pt" has no report edition`) {
		t.Errorf("config language pt: stderr %q", r.stderr)
	}
}

// TestUIExporterLanguage: the TUI's export is in the language its dialog
// chose, and in English for one without a report edition.
func TestUIExporterLanguage(t *testing.T) {
	home, id := exportHome(t, false)
	cats, _ := standards.Load(home)
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"es": "Informe de auditoría Fairmined", "pt": "Fairmined audit report", "": "Fairmined audit report"} {
		path, err := uiExporter{s: s, home: home, cats: cats}.Export(nil, id, tui.ExportRequest{Draft: true, Lang: lang})
		if err != nil {
			t.Fatalf("lang %q: %v", lang, err)
		}
		if text, _ := tool(t, "pdftotext", "-enc", "UTF-8", path, "-"); !strings.Contains(text, want) {
			t.Errorf("TUI export with language %q lacks %q", lang, want)
		}
	}
}

// runInEnv is runIn with environment variables.
func runInEnv(t *testing.T, home string, vars map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code := run(append([]string{"--home", home}, args...), e)
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// TestReportLanguageChoice: the report's language is the export's --lang,
// else report_language, else the UI language (config.toml's language,
// else the locale: LANG=es_CO.UTF-8 gives Spanish, LC_ALL=C English); a
// language with message files in the home is one more choice.
func TestReportLanguageChoice(t *testing.T) {
	home, id := exportHome(t, false)
	title := func(vars map[string]string, args ...string) string {
		t.Helper()
		r := runInEnv(t, home, vars, append([]string{"export", id, "--draft"}, args...)...)
		if r.code != exitOK {
			t.Fatalf("export %v %v: exit %d %s", vars, args, r.code, r.stderr)
		}
		text, _ := tool(t, "pdftotext", "-enc", "UTF-8", strings.TrimSpace(r.stdout), "-")
		for _, w := range []string{"Informe de auditoría Fairmined", "Fairmined audit report", "Relatório de auditoria"} {
			if strings.Contains(text, w) {
				return w
			}
		}
		return text
	}
	const es, en, pt = "Informe de auditoría Fairmined", "Fairmined audit report", "Relatório de auditoria"
	spanishLocale := map[string]string{"LANG": "es_CO.UTF-8"}
	if got := title(spanishLocale); got != es {
		t.Errorf("LANG=es_CO.UTF-8, no config: %q", got)
	}
	if got := title(map[string]string{"LANG": "es_CO.UTF-8", "LC_ALL": "C"}); got != en {
		t.Errorf("LC_ALL=C: %q", got)
	}
	if got := title(map[string]string{"LANG": "fr_FR.UTF-8"}); got != en {
		t.Errorf("LANG=fr_FR: %q", got)
	}
	cfg := filepath.Join(home, "config.toml")
	if err := os.WriteFile(cfg, []byte("language = \"es\"\nreport_language = \"en\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := title(spanishLocale); got != en {
		t.Errorf("report_language en, language es: %q", got)
	}
	if got := title(spanishLocale, "--lang", "es"); got != es {
		t.Errorf("--lang es over report_language en: %q", got)
	}
	if err := os.MkdirAll(filepath.Join(home, "locales"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "locales", "report.pt.toml"), []byte("report_title = \"Relatório de auditoria\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := title(nil, "--lang", "pt"); got != pt {
		t.Errorf("--lang pt with report.pt.toml: %q", got)
	}
	if err := os.WriteFile(cfg, []byte("report_language = \"pt-BR\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := title(nil); got != pt {
		t.Errorf("report_language pt-BR with report.pt.toml: %q", got)
	}
}

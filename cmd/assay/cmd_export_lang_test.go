package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
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

// TestUIExporterLanguage: the TUI's export follows config.toml's language,
// and falls back to English for one without a report edition.
func TestUIExporterLanguage(t *testing.T) {
	home, id := exportHome(t, false)
	cats, _ := standards.Load(home)
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"es": "Informe de auditoría Fairmined", "pt": "Fairmined audit report", "": "Fairmined audit report"} {
		path, err := uiExporter{s: s, home: home, cats: cats, lang: lang}.Export(nil, id, true)
		if err != nil {
			t.Fatalf("lang %q: %v", lang, err)
		}
		if text, _ := tool(t, "pdftotext", "-enc", "UTF-8", path, "-"); !strings.Contains(text, want) {
			t.Errorf("TUI export with language %q lacks %q", lang, want)
		}
	}
}

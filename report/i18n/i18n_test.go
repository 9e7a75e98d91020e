package i18n

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// demo is a small surface with English and Spanish files, as a surface
// embeds them.
var demo = fstest.MapFS{
	"en.toml": {Data: []byte(`
title = "Audit report"
greeting = "Hello {{.Name}}"

[plants]
description = "a count of processing plants"
one = "{{.Count}} plant"
other = "{{.Count}} plants"
`)},
	"es.toml": {Data: []byte(`
title = "Informe de auditoría"
greeting = "Hola {{.Name}}"

[plants]
one = "{{.Count}} planta"
other = "{{.Count}} plantas"
`)},
}

func mustLoad(t *testing.T, home string) *Messages {
	t.Helper()
	m, errs := Load("demo", demo, home)
	if len(errs) > 0 {
		t.Fatalf("Load: %v", errs)
	}
	return m
}

func TestPluralsInBothLanguages(t *testing.T) {
	m := mustLoad(t, "")
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 plants"}, {"en", 1, "1 plant"}, {"en", 3, "3 plants"},
		{"es", 0, "0 plantas"}, {"es", 1, "1 planta"}, {"es", 3, "3 plantas"},
		{"es", 1000000, "1.000.000 plantas"}, // CLDR "many": falls back to other
		{"en", 12345, "12,345 plants"},
	} {
		if got := m.For(tt.lang).N("plants", tt.n, nil); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	if got := m.For("es").T("greeting", Args{"Name": "Ana"}); got != "Hola Ana" {
		t.Errorf("greeting: %q", got)
	}
	if p := m.Check(); len(p) > 0 {
		t.Errorf("complete files have problems: %q", p)
	}
}

func TestLanguageMatching(t *testing.T) {
	m := mustLoad(t, "")
	for lang, want := range map[string]string{"": "en", "en": "en", "es": "es", "ES": "es", "es-CO": "es", "es_PE.UTF-8": "es",
		"fr": "en", "C": "en"} {
		if got := m.For(lang).Lang(); got != want {
			t.Errorf("For(%q).Lang() = %q, want %q", lang, got, want)
		}
	}
	for lang, want := range map[string]bool{"": true, "en": true, "es-419": true, "fr": false, "C": false, "12": false} {
		if got := m.Has(lang); got != want {
			t.Errorf("Has(%q) = %v, want %v", lang, got, want)
		}
	}
	if got := m.Languages(); !slices.Equal(got, []string{"en", "es"}) {
		t.Errorf("Languages() = %v", got)
	}
}

// TestThirdLanguageIsFilesOnly: a Portuguese file in the home's locales
// folder makes the surface speak Portuguese, dates included from its
// common file; what it does not translate comes in English.
func TestThirdLanguageIsFilesOnly(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, LocalesDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("demo.pt-BR.toml", "title = \"Relatório de auditoria\"\n[plants]\none = \"{{.Count}} planta\"\nother = \"{{.Count}} plantas\"\n")
	write("common.pt-BR.toml", "date_long = \"{{.Day}} de {{.Month}} de {{.Year}}\"\nmonth_11 = \"novembro\"\nnumber_min_grouping = \"1\"\n")
	write("other.pt.toml", "title = \"not for this surface\"\n")
	m := mustLoad(t, home)
	pt := m.For("pt_BR.UTF-8")
	if pt.Lang() != "pt-BR" || !m.Has("pt") {
		t.Fatalf("Portuguese not picked: %s", pt.Lang())
	}
	if got := pt.T("title", nil); got != "Relatório de auditoria" {
		t.Errorf("title: %q", got)
	}
	if got := pt.N("plants", 2, nil); got != "2 plantas" {
		t.Errorf("plants: %q", got)
	}
	if got := pt.T("greeting", Args{"Name": "Ana"}); got != "Hello Ana" {
		t.Errorf("untranslated greeting should be English: %q", got)
	}
	if got := pt.Date(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)); got != "24 de novembro de 2026" {
		t.Errorf("date: %q", got)
	}
	if got := m.Languages(); !slices.Equal(got, []string{"en", "es", "pt-BR"}) {
		t.Errorf("Languages() = %v", got)
	}
	// A translator sees what is left to do.
	problems := strings.Join(m.Check(), "\n")
	for _, want := range []string{"demo pt-BR: greeting is missing", "demo pt-BR: month_1 is missing"} {
		if !strings.Contains(problems, want) {
			t.Errorf("Check lacks %q:\n%s", want, problems)
		}
	}
}

// TestUserFilesCorrectAndFail: a user file corrects a built-in word; a
// broken one is reported with its path and skipped, the rest still loads.
func TestUserFilesCorrectAndFail(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, LocalesDir)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "demo.es.toml"), []byte("title = \"Informe de la auditoría\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "demo.fr.toml"), []byte("title = \"Rapport\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "demo.klingon!.toml"), []byte("title = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "demo.de.toml"), []byte("Title = \"Bericht\"\n"), 0o644)
	m, errs := Load("demo", demo, home)
	if m == nil {
		t.Fatal("a broken user file stopped the load")
	}
	all := ""
	for _, e := range errs {
		all += e.Error() + "\n"
	}
	for _, want := range []string{"demo.fr.toml", "demo.klingon!.toml", "demo.de.toml: message key \"Title\""} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}
	if len(errs) != 3 {
		t.Errorf("%d errors, want 3:\n%s", len(errs), all)
	}
	if got := m.For("es").T("title", nil); got != "Informe de la auditoría" {
		t.Errorf("corrected title: %q", got)
	}
	if got := m.For("es").N("plants", 2, nil); got != "2 plantas" {
		t.Errorf("the rest of Spanish: %q", got)
	}
	if m.Has("fr") || m.Has("de") {
		t.Error("a skipped file made its language known")
	}
}

// A user file whose template does not parse is refused when read, naming
// the file and the message; a user's English that cannot be filled says
// the built-in English, not the message's id.
func TestUserTemplatesCheckedAndEnglishFallsBackToBuiltIn(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, LocalesDir)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "demo.es.toml"), []byte("title = \"Informe {{.Count\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "demo.en.toml"), []byte("greeting = \"Hi {{.Nombre}}\"\n"), 0o644)
	m, errs := Load("demo", demo, home)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "demo.es.toml") || !strings.Contains(errs[0].Error(), "message title") {
		t.Errorf("errors: %v", errs)
	}
	if got := m.For("es").T("title", nil); got != "Informe de auditoría" {
		t.Errorf("Spanish title with the broken file skipped: %q", got)
	}
	if got := m.For("en").T("greeting", Args{"Name": "Ana"}); got != "Hello Ana" {
		t.Errorf("a user English that cannot be filled: %q", got)
	}
}

// TestBrokenTranslationFallsBack: a translation naming a value the
// program does not pass says the English message instead of "<no value>",
// and Check names the mistake.
func TestBrokenTranslationFallsBack(t *testing.T) {
	fsys := fstest.MapFS{"en.toml": demo["en.toml"], "es.toml": {Data: []byte(
		"title = \"Informe\"\ngreeting = \"Hola {{.Nombre}}\"\nextra = \"x\"\n[plants]\nother = \"{{.Count}} plantas\"\n")}}
	m, errs := Load("demo", fsys, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := m.For("es").T("greeting", Args{"Name": "Ana"}); got != "Hello Ana" {
		t.Errorf("broken translation: %q", got)
	}
	if got := m.For("en").T("no_such_message", nil); got != "no_such_message" {
		t.Errorf("unknown id: %q", got)
	}
	problems := strings.Join(m.Check(), "\n")
	for _, want := range []string{"greeting uses {{.Nombre}}", `plants needs the plural form "one"`, "extra is not an English message"} {
		if !strings.Contains(problems, want) {
			t.Errorf("Check lacks %q:\n%s", want, problems)
		}
	}
}

func TestDatesAndNumbers(t *testing.T) {
	m := mustLoad(t, "")
	en, es := m.For("en"), m.For("es")
	d := time.Date(2026, 11, 24, 15, 4, 0, 0, time.UTC)
	for _, tt := range []struct{ got, want string }{
		{en.Date(d), "24 November 2026"},
		{es.Date(d), "24 de noviembre de 2026"},
		{es.DateTime(d), "24 de noviembre de 2026, 15:04 UTC"},
		{es.DateText("2027-02-18"), "18 de febrero de 2027"},
		{es.DateText("next month"), "next month"},
		{en.Int(1234), "1,234"},
		{es.Int(1234), "1234"},
		{es.Int(12345), "12.345"},
		{en.Decimal(3.46, 1), "3.5"},
		{es.Decimal(3.46, 1), "3,5"},
		{es.Decimal(12345.5, 1), "12.345,5"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestLanguageResolution(t *testing.T) {
	for in, want := range map[string]string{"es": "es", " ES ": "es", "es_CO.UTF-8": "es-CO", "pt-BR": "pt-BR",
		"es_PE@euro": "es-PE", "C": "", "POSIX": "", "": "", "C.UTF-8": "", "!!": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tt := range []struct {
		flag, config string
		env          func(string) string
		want         string
	}{
		{"en", "es", env("LANG", "es_CO.UTF-8"), "en"},
		{"", "es", env("LANG", "en_US.UTF-8"), "es"},
		{"", "", env("LANG", "es_CO.UTF-8"), "es-CO"},
		{"", "", env("LANG", "es_CO.UTF-8", "LC_MESSAGES", "en_GB.UTF-8"), "en-GB"},
		{"", "", env("LANG", "es_CO.UTF-8", "LC_ALL", "C"), "en"},
		{"", "", env("LC_ALL", "es_BO.UTF-8", "LANG", "en_US"), "es-BO"},
		{"", "", env(), "en"},
		{"", "", nil, "en"},
		{"zz-!!", "", env("LANG", "es"), "es"},
	} {
		if got := UILanguage(tt.flag, tt.config, tt.env); got != tt.want {
			t.Errorf("UILanguage(%q, %q, env) = %q, want %q", tt.flag, tt.config, got, tt.want)
		}
	}
	for _, tt := range []struct{ flag, config, ui, want string }{
		{"en", "es", "es", "en"}, {"", "en", "es", "en"}, {"", "", "es-CO", "es-CO"}, {"", "", "", "en"},
	} {
		if got := ReportLanguage(tt.flag, tt.config, tt.ui); got != tt.want {
			t.Errorf("ReportLanguage(%q, %q, %q) = %q, want %q", tt.flag, tt.config, tt.ui, got, tt.want)
		}
	}
}

package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// neutralAudit is the fixture with every text that is not the report's own
// made language-neutral (the catalog's titles, the inspector's notes, the
// names), so that any English or Spanish word in its PDF comes from the
// report's message files.
func neutralAudit(t *testing.T) (*audit.Audit, *standards.Catalog, fixtureImages) {
	t.Helper()
	cat := testCatalog(6)
	cat.Name, cat.Provenance = "FM 2.0", "ARM 2014"
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		r.Title, r.Chapter, r.Text = "Q"+r.ID, "C"+r.ID[:1], "…"
	}
	a, imgs := testAudit(t, cat, 2, 160)
	h := &a.Header
	h.ASMO, h.LegalID, h.Site, h.Municipality, h.Region = "Coop Q", "NIT 900", "Q-7", "Íquira", "Antioquia"
	h.FSP.Description, h.CertBody, h.CoInspectors = "", "CB Andina", []string{"Luis Peña"}
	h.SitesVisited = []string{"B-1", "B-2"}
	h.Interviews = []audit.Interviewed{{Role: "R1", Women: 3, Men: 1}, {Role: "R2", Other: 1}}
	h.OpeningMeeting, h.ClosingMeeting = "⁂", "⁂"
	for _, f := range a.Findings {
		if f.Notes != "" {
			f.Notes = "✓"
		}
		if f.Justification != "" {
			f.Justification = "∆"
		}
		if f.CorrectiveAction != "" {
			f.CorrectiveAction = "→"
		}
	}
	for i := range a.Evidence {
		a.Evidence[i].Caption = "Ω"
	}
	return a, cat, imgs
}

// sameInBoth are the report's words that English and Spanish write alike.
var sameInBoth = map[string]bool{"Total": true, "Social": true, "SHA-256": true, "Fairmined": true, "GPS": true, "Inspector": true}

// fragments are the pieces of a language's report messages a reader would
// recognise as that language: the text between placeholders, at least four
// characters with a letter, unless the two languages write it alike. A
// translation left in English is caught too: its words are not in
// sameInBoth.
func fragments(lang string) []string {
	letter := regexp.MustCompile(`\pL`)
	seen := map[string]bool{}
	var out []string
	for _, id := range builtin().IDs() {
		for _, text := range builtin().Forms(lang, id) {
			for _, f := range regexp.MustCompile(`\{\{[^}]*\}\}`).Split(text, -1) {
				f = strings.Trim(f, " .,:;()·—…-")
				if len([]rune(f)) < 4 || !letter.MatchString(f) || seen[f] || sameInBoth[f] {
					continue
				}
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// TestNoWordOfTheOtherLanguage: a Spanish report has no heading, label or
// recommendation word of the English message files, and an English report
// none of the Spanish ones (checked with pdftotext on the whole file).
func TestNoWordOfTheOtherLanguage(t *testing.T) {
	a, cat, imgs := neutralAudit(t)
	a.Finding("2.2").Verdict = audit.Minor // reasons with a due date, a critical one, informative findings
	a.Finding("1.6").Verdict = audit.Major
	text := map[string]string{}
	for _, lang := range []string{"en", "es"} {
		pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, Language: lang, Signer: SignerFromCert("", newTestSigner(t).cert)})
		if err != nil {
			t.Fatal(err)
		}
		text[lang] = strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, lang+".pdf", pdf)), " ")), " ")
		// File names are the same in every language, and so is what
		// pdfsig prints, quoted on the signature page.
		for _, same := range []string{"audit.json", "Signature is Valid.", "Total document signed"} {
			text[lang] = strings.ReplaceAll(text[lang], same, "")
		}
	}
	for _, pair := range [][2]string{{"en", "es"}, {"es", "en"}} {
		from, in := pair[0], pair[1]
		frags := fragments(from)
		if len(frags) < 100 {
			t.Fatalf("only %d %s fragments to look for: the check would prove little", len(frags), from)
		}
		for _, f := range frags {
			re := regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(f) + `($|[^\pL])`)
			if re.MatchString(text[in]) {
				t.Errorf("the %s report says %q, from the %s messages", in, f, from)
			}
		}
		// The same matching finds the report's own words, so an absence
		// above means something.
		own := 0
		for _, f := range fragments(in) {
			if regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(f) + `($|[^\pL])`).MatchString(text[in]) {
				own++
			}
		}
		if own < 60 {
			t.Errorf("only %d of the %s messages' own fragments found in the %s report", own, in, in)
		}
		t.Logf("%s report: %d %s fragments looked for; %d of its own found", in, len(frags), from, own)
	}
	for lang, want := range map[string][]string{
		"en": {"Not recommended", "Non-conformity register", "2 mines, 1 plant, 64 miners", "18 November 2026 to 20 November 2026"},
		"es": {"No recomendada", "No conformidades", "2 minas, 1 planta, 64 mineros", "del 18 de noviembre de 2026 al 20 de noviembre de 2026"},
	} {
		for _, w := range want {
			if !strings.Contains(text[lang], w) {
				t.Errorf("the %s report lacks %q", lang, w)
			}
		}
	}
}

// TestPluralsInTheReport: "1 plant" and "3 plants", "1 planta" and "3
// plantas", never "1 plants".
func TestPluralsInTheReport(t *testing.T) {
	cat := testCatalog(3)
	a, _ := testAudit(t, cat, 0, 0)
	for _, tt := range []struct {
		mines, plants, miners int
		lang, want            string
	}{
		{1, 3, 1, "en", "1 mine, 3 plants, 1 miner"},
		{2, 1, 0, "en", "2 mines, 1 plant, 0 miners"},
		{1, 3, 1, "es", "1 mina, 3 plantas, 1 minero"},
		{2, 1, 12345, "es", "2 minas, 1 planta, 12.345 mineros"},
	} {
		a.Header.FSP = audit.FSP{Mines: tt.mines, Plants: tt.plants, Miners: tt.miners}
		pdf, err := Render(a, cat, nil, RenderOptions{Draft: true, Now: fixtureNow, Language: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, "p.pdf", pdf)), " ")), " ")
		if !strings.Contains(all, tt.want) {
			t.Errorf("%s report lacks %q", tt.lang, tt.want)
		}
	}
}

// TestThirdLanguageExport: Portuguese message files dropped into the home's
// locales folder make a Portuguese report: its words where the files have
// them, its dates, English for the rest, /Lang pt; nothing else changes.
func TestThirdLanguageExport(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, true)
	dir := filepath.Join(s.Home(), "locales")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"report.pt.toml": `report_title = "Relatório de auditoria Fairmined"
summary_title = "Resumo"
label_dates = "Datas da auditoria"
dates_range = "de {{.Start}} a {{.End}}"
fsp_plants = { one = "{{.Count}} usina", other = "{{.Count}} usinas" }
`,
		"common.pt.toml": `date_long = "{{.Day}} de {{.Month}} de {{.Year}}"
month_11 = "novembro"
`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Export(s, id, ExportOptions{Draft: true, Catalogs: cats, Language: "fr"}); err == nil || !strings.Contains(err.Error(), "en, es, pt") {
		t.Errorf("export in fr: %v, want a refusal listing en, es, pt", err)
	}
	path, err := Export(s, id, ExportOptions{Draft: true, Now: fixtureNow, Catalogs: cats, Language: "pt-BR"})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
	for _, w := range []string{"Relatório de auditoria Fairmined", "Resumo", "Datas da auditoria",
		"de 18 de novembro de 2026 a 20 de novembro de 2026", "1 usina",
		"Non-conformity register"} { // not translated: English
		if !strings.Contains(all, w) {
			t.Errorf("Portuguese report lacks %q", w)
		}
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := pdfLang(t, pdf); got != "pt" {
		t.Errorf("/Lang %q, want pt", got)
	}
}

// TestExportTerminalWords: the export's warnings and refusals are in the
// UI's language when asked (English by default, see TestExportInSpanish),
// and a broken message file in the home is a warning naming it, not a
// failed export.
func TestExportTerminalWords(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 2, 200, true)
	orig, _ := evidenceFiles(t, s.Home(), id)
	if err := os.Remove(orig[0]); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(s.Home(), "locales")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "report.fr.toml"), []byte("report_title = \"Rapport\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, UILanguage: "es"})
	if err == nil || !strings.Contains(err.Error(), "no se firma: 1 archivo de evidencia de la auditoría no está como se importó") ||
		!strings.Contains(err.Error(), "no está en la carpeta de la auditoría") {
		t.Errorf("refusal in Spanish: %v", err)
	}
	var warnings []string
	if _, err := Export(s, id, ExportOptions{Draft: true, Now: fixtureNow, Catalogs: cats, UILanguage: "es",
		Warn: func(w string) { warnings = append(warnings, w) }}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warnings, "\n")
	for _, w := range []string{"palabras del informe:", "report.fr.toml", "evidencia IMG_010", "el informe lo marca en el índice de evidencias"} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings lack %q:\n%s", w, all)
		}
	}
}

package report

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n/i18ntest"
	"github.com/assay-dev/assay/standards"
)

// renderFixtureIn renders the standard fixture in lang.
func renderFixtureIn(t testing.TB, lang string, draft bool) (*audit.Audit, []byte) {
	t.Helper()
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 3, 640)
	opts := RenderOptions{Draft: draft, Now: fixtureNow, Place: "Medellín", Language: lang}
	if !draft {
		opts.Signer = SignerFromCert("", newTestSigner(t).cert)
	}
	pdf, err := Render(a, cat, imgs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return a, pdf
}

// TestSpanishReportLook writes the Spanish fixture pages as PNG files into
// $ASSAY_LOOK, for a person to look at; it does nothing otherwise.
func TestSpanishReportLook(t *testing.T) {
	dir := os.Getenv("ASSAY_LOOK")
	if dir == "" {
		t.Skip("set ASSAY_LOOK to a folder to get the pages as PNG")
	}
	needTool(t, "pdftoppm")
	for _, draft := range []bool{false, true} {
		_, pdf := renderFixtureIn(t, "es", draft)
		name := "es"
		if draft {
			name = "es-draft"
		}
		p := dir + "/" + name + ".pdf"
		if err := os.WriteFile(p, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("pdftoppm", "-png", "-r", "60", p, dir+"/"+name).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
	}
}

func TestSpanishReportText(t *testing.T) {
	a, pdf := renderFixtureIn(t, "es", false)
	pages := pdfText(t, writeTemp(t, "es.pdf", pdf))
	all := strings.Join(pages, "\n")
	want := []string{"Informe de auditoría Fairmined", "Resumen", "No conformidades", "Hallazgos", "Índice de evidencias", "Firma",
		"Cómo verificar este informe", "Conforme", "No conformidad menor", "No conformidad mayor", "No aplica", "Informativo",
		"Excluidos — No aplican a una auditoría Fairmined:", "Auditoría de certificación inicial", "Inspector líder",
		"Organismo de certificación", "Plazo: 20 de diciembre de 2026", "figura 1", "Figura 1. IMG_0100.jpg", "requisito de entrada",
		// The fixture's only decisive finding is the major on 5.2.
		"No recomendada", "no conformidad mayor en 5.2 Requirement 2 of the chemicals area",
		// Every column header whole: a header too wide for its column
		// would be cut with an ellipsis.
		"Área", "Aplicables", "Avance", "Abierto", "Función", "Mujeres", "Hombres", "Otras", "Requisito", "Gravedad",
		"Hallazgo", "Acción correctiva", "Archivo", "Tamaño", "Tomada",
		// Plurals and dates in Spanish; text written by the inspector as it is.
		"2 minas, 1 planta, 64 mineros", "del 18 de noviembre de 2026 al 20 de noviembre de 2026",
		"Exportado", "23 de noviembre de 2026, 14:30 UTC", spanishNote, "Ana María Gómez"}
	es := builtin().For("es")
	for _, area := range standards.Areas {
		want = append(want, es.Word(areaIDs[area]))
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("Spanish report lacks %q", w)
		}
	}
	// English words of the report's own must not show through.
	for _, w := range []string{"Page ", "Summary", "Non-conformity register", "Evidence index", "Not recommended",
		"Lead inspector", "Corrective action", "major non-conformity on", "Conforms", "How to verify", "Digitally signed", "entry",
		"2026-11-18", "to 20 November"} {
		if strings.Contains(all, w) {
			t.Errorf("Spanish report still says %q", w)
		}
	}
	for i, p := range pages {
		if w := fmt.Sprintf("Página %d de %d", i+1, len(pages)); !strings.Contains(p, w) {
			t.Errorf("page %d lacks %q", i+1, w)
		}
		if !strings.Contains(p, ReportID(a)) {
			t.Errorf("page %d lacks the report id", i+1)
		}
		if strings.Contains(p, "BORRADOR") {
			t.Errorf("final report page %d says BORRADOR", i+1)
		}
	}
}

func TestSpanishDraftBannerOnEveryPage(t *testing.T) {
	_, pdf := renderFixtureIn(t, "es", true)
	pages := pdfText(t, writeTemp(t, "es-draft.pdf", pdf))
	for i, p := range pages {
		if !strings.Contains(p, "BORRADOR — sin firmar, no válido para certificación") {
			t.Errorf("draft page %d lacks the Spanish DRAFT banner", i+1)
		}
		if strings.Contains(p, "DRAFT") {
			t.Errorf("Spanish draft page %d says DRAFT", i+1)
		}
	}
	if all := strings.Join(pages, "\n"); !strings.Contains(all, builtin().For("es").T("signature_draft", nil)) {
		t.Errorf("Spanish draft lacks the draft statement on its signature page")
	}
}

// TestSpanishRecommendationWithConditions: with only minor findings the box
// says so in Spanish, with each reason's due date.
func TestSpanishRecommendationWithConditions(t *testing.T) {
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 0, 0)
	a.Finding("5.2").Verdict = audit.Minor
	pdf, err := Render(a, cat, imgs, RenderOptions{Draft: true, Now: fixtureNow, Language: "es"})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, writeTemp(t, "c.pdf", pdf)), "\n")
	for _, w := range []string{"Recomendada con condiciones", "no conformidad menor en 2.2", "con plazo hasta el 18 de febrero de 2027"} {
		if !strings.Contains(all, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if strings.Contains(all, "No recomendada") {
		t.Errorf("minor findings only, but the report says No recomendada")
	}
}

// TestReasonsWordedInBothLanguages: every reason audit can give is worded
// in each language from audit's typed reason, with the catalog's title.
func TestReasonsWordedInBothLanguages(t *testing.T) {
	cat := testCatalog(6)
	a, _ := testAudit(t, cat, 0, 0)
	for _, lang := range Languages() {
		d := newDoc(a, false, builtin().For(lang))
		for _, k := range audit.ReasonKinds {
			r := audit.Reason{Kind: k, Requirement: "5.2", Severity: audit.Minor, DueDate: "2027-01-01", Open: 2, Applicable: 5,
				OpenByArea: []audit.AreaCount{{Area: standards.Social, Count: 2}}, Requirements: []string{"1.6"}}
			got := d.reasonText(r, cat)
			if got == "" || got == string(k) || strings.Contains(got, "<no value>") {
				t.Errorf("%s: %s is worded %q", lang, k, got)
			}
			if (k == audit.ReasonMajor || k == audit.ReasonMinor) && !strings.Contains(got, "Requirement 2 of the chemicals area") {
				t.Errorf("%s: %s lacks the catalog's title: %q", lang, k, got)
			}
		}
	}
	// Plurals and dates in both languages.
	en, es := newDoc(a, false, builtin().For("en")), newDoc(a, false, builtin().For("es"))
	for _, tt := range []struct {
		got, want string
	}{
		{en.reasonText(audit.Reason{Kind: audit.ReasonStillOpen, Open: 1, Applicable: 4, OpenByArea: []audit.AreaCount{{Area: standards.Labour, Count: 1}}}, cat),
			"1 of 4 applicable requirements is still open (Labour 1)"},
		{es.reasonText(audit.Reason{Kind: audit.ReasonStillOpen, Open: 3, Applicable: 4, OpenByArea: []audit.AreaCount{{Area: standards.Labour, Count: 3}}}, cat),
			"3 de 4 requisitos aplicables siguen abiertos (Laboral 3)"},
		{en.reasonText(audit.Reason{Kind: audit.ReasonAllConform, Applicable: 4, Conforming: 3, NotApplicable: 1}, cat),
			"all 4 applicable requirements assessed: 3 conform, 1 not applicable"},
		{es.reasonText(audit.Reason{Kind: audit.ReasonAllConform, Applicable: 4, Conforming: 1, NotApplicable: 3}, cat),
			"los 4 requisitos aplicables están evaluados: 1 conforme; 3 no aplican"},
		{en.reasonText(audit.Reason{Kind: audit.ReasonInformative, Requirements: []string{"1.6"}}, cat),
			"1 non-conformity on a progress requirement not yet due is reported for information only: 1.6"},
		{es.reasonText(audit.Reason{Kind: audit.ReasonMinor, Requirement: "2.2", DueDate: "2027-02-18"}, cat),
			"no conformidad menor en 2.2 Requirement 2 of the economic area about records and practice: acción correctiva con plazo hasta el 18 de febrero de 2027"},
	} {
		if tt.got != tt.want {
			t.Errorf("got  %q\nwant %q", tt.got, tt.want)
		}
	}
}

// TestRecommendationRulesLiveInAudit: the report says the recommendation
// audit computed and holds no rules of its own. A changed rule (here: a
// minor non-conformity on a critical requirement is no longer decisive),
// applied once to what audit returns, changes the English and the Spanish
// report alike; a report that re-derived the rules, as it once did, would
// not follow.
func TestRecommendationRulesLiveInAudit(t *testing.T) {
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 0, 0)
	a.Finding("5.2").Verdict = audit.Conforms // no major left
	a.Finding("1.1").Verdict = audit.Minor    // 1.1 is critical
	render := func(lang string) string {
		pdf, err := Render(a, cat, imgs, RenderOptions{Draft: true, Now: fixtureNow, Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, lang+".pdf", pdf)), " ")), " ")
	}
	before := map[string]string{"en": render("en"), "es": render("es")}
	for lang, want := range map[string]string{"en": "critical requirement 1.1", "es": "el requisito crítico 1.1"} {
		if !strings.Contains(before[lang], want) {
			t.Fatalf("%s: the decisive critical minor is not in the report", lang)
		}
	}

	defer func(f func(*audit.Audit, *standards.Catalog) audit.Summary) { summarize = f }(summarize)
	summarize = func(a *audit.Audit, cat *standards.Catalog) audit.Summary {
		s := audit.Summarize(a, cat)
		rec := audit.Recommendation{Outcome: audit.RecommendedWithConditions}
		for _, r := range s.Recommendation.Reasons {
			if r.Kind == audit.ReasonCritical && r.Severity == audit.Minor {
				r = audit.Reason{Kind: audit.ReasonMinor, Requirement: r.Requirement, Severity: r.Severity, DueDate: a.DueDate(r.Requirement)}
			}
			rec.Reasons = append(rec.Reasons, r)
		}
		s.Recommendation = rec
		return s
	}
	for lang, want := range map[string][]string{
		"en": {"Recommended with conditions", "minor non-conformity on 1.1", "corrective action due 18 February 2027"},
		"es": {"Recomendada con condiciones", "no conformidad menor en 1.1", "con plazo hasta el 18 de febrero de 2027"},
	} {
		after := render(lang)
		for _, w := range want {
			if !strings.Contains(after, w) {
				t.Errorf("%s: after the rule change the report lacks %q", lang, w)
			}
		}
		if strings.Contains(after, "critical requirement 1.1") || strings.Contains(after, "el requisito crítico 1.1") {
			t.Errorf("%s: the report still applies the old rule", lang)
		}
	}
}

// TestReportMessageFiles: every shipped language has every key of English
// with the same placeholders and the plural forms it needs; every message
// the report's code asks for exists, with the values it needs, and none is
// left unused.
func TestReportMessageFiles(t *testing.T) {
	i18ntest.CheckSurface(t, builtin(), ".", []string{"t", "n"}, []string{"n"})
	if got := Languages(); !slices.Equal(got, []string{"en", "es"}) {
		t.Errorf("built-in report languages %v", got)
	}
	// The tables from the domain's values to their words cover every value.
	for _, v := range audit.Verdicts {
		if verdictIDs[v] == "" || verdictShortIDs[v] == "" {
			t.Errorf("verdict %q has no words", v)
		}
	}
	for _, o := range audit.Outcomes {
		if outcomeIDs[o] == "" {
			t.Errorf("outcome %q has no words", o)
		}
	}
	for _, ar := range standards.Areas {
		if areaIDs[ar] == "" {
			t.Errorf("area %q has no words", ar)
		}
	}
	for _, l := range standards.Levels {
		if levelIDs[l] == "" {
			t.Errorf("level %q has no words", l)
		}
	}
	for _, at := range audit.AuditTypes {
		if auditTypeIDs[at] == "" {
			t.Errorf("audit type %q has no words", at)
		}
	}
	for _, ct := range audit.CertTypes {
		if certTypeIDs[ct] == "" {
			t.Errorf("certification type %q has no words", ct)
		}
	}
}

func TestLanguageChoice(t *testing.T) {
	for _, lang := range []string{"", "en", "es", "ES", "es-CO", "es_PE", " es "} {
		if err := CheckLanguage(lang); err != nil {
			t.Errorf("CheckLanguage(%q) = %v", lang, err)
		}
	}
	cat := testCatalog(2)
	a, _ := testAudit(t, cat, 0, 0)
	_, err := Render(a, cat, nil, RenderOptions{Language: "fr"})
	if err == nil || !strings.Contains(err.Error(), `"fr"`) || !strings.Contains(err.Error(), "en, es") {
		t.Errorf("Render in fr: %v, want an error naming fr and listing en, es", err)
	}
}

// pdfLang reads the /Lang of the document catalog with qpdf.
func pdfLang(t *testing.T, pdf []byte) string {
	t.Helper()
	needTool(t, "qpdf")
	path := writeTemp(t, "l.pdf", pdf)
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		QPDF []map[string]json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf json: %v", err)
	}
	var trailer struct {
		Value struct {
			Root string `json:"/Root"`
		} `json:"value"`
	}
	json.Unmarshal(doc.QPDF[1]["trailer"], &trailer)
	var root struct {
		Value struct {
			Lang string `json:"/Lang"`
		} `json:"value"`
	}
	json.Unmarshal(doc.QPDF[1]["obj:"+trailer.Value.Root], &root)
	return strings.TrimPrefix(root.Value.Lang, "u:")
}

// TestPDFLangFollowsLanguage: the catalog says which language the report is
// in, the file stays well-formed, and the /Lang survives signing.
func TestPDFLangFollowsLanguage(t *testing.T) {
	_, es := renderFixtureIn(t, "es", false)
	if got := pdfLang(t, es); got != "es" {
		t.Errorf("Spanish report /Lang = %q", got)
	}
	signed := signFixture(t, es)
	if got := pdfLang(t, signed); got != "es" {
		t.Errorf("signed Spanish report /Lang = %q", got)
	}
	if v := Verify(signed); !v.Valid {
		t.Errorf("signed Spanish report does not verify: %v", v.Problems)
	}
	_, en := renderFixtureIn(t, "", false)
	if got := pdfLang(t, en); got != "en" {
		t.Errorf("default report /Lang = %q", got)
	}
}

// TestExportInSpanish: a signed Spanish export from the store marks a lost
// evidence file in Spanish in the report while the warning for the terminal
// stays English; an unknown language is
// refused before anything is written.
func TestExportInSpanish(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 2, 300, true)
	orig, _ := evidenceFiles(t, s.Home(), id)
	if err := os.Remove(orig[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(s, id, ExportOptions{Draft: true, Catalogs: cats, Language: "fr"}); err == nil || !strings.Contains(err.Error(), "en, es") {
		t.Errorf("export in fr: %v", err)
	}
	if got := exportsOf(t, s, id); len(got) != 0 {
		t.Errorf("refused export left %v", got)
	}
	var warnings []string
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, AllowMissingEvidence: true,
		Language: "es", Warn: func(w string) { warnings = append(warnings, w) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "missing from the audit folder") {
		t.Errorf("terminal warnings: %q", warnings)
	}
	// Words only: the mark wraps in its table cell.
	text := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
	for _, w := range []string{"(!) no está en la carpeta de la auditoría", "Informe de auditoría Fairmined", "Firmado digitalmente"} {
		if !strings.Contains(text, w) {
			t.Errorf("Spanish export lacks %q", w)
		}
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if v := Verify(pdf); !v.Valid {
		t.Errorf("Verify: %v", v.Problems)
	}
	if got := pdfLang(t, pdf); got != "es" {
		t.Errorf("signed Spanish export has /Lang %q", got)
	}
}

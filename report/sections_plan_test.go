package report

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// planAudit is the fixture audit with the plan, a register citing
// interviews, a sampling record and the auditee's word.
func planAudit(t *testing.T) (*audit.Audit, *standards.Catalog, fixtureImages) {
	t.Helper()
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 1, 320)
	h := &a.Header
	h.Plan = audit.Plan{Scope: "Mina El Cañón and La Quebrada plant: extraction, gravity processing, sale.",
		Period: "2025-11 – 2026-10", NotCovered: "The old adit, flooded since March.", Diverging: "The board holds that 5.2 is minor."}
	h.Register = []audit.Interview{
		{Pseudonym: "I-01", Role: "Pallaquera", Gender: audit.Woman, Site: "Cancha", Date: "2026-11-19", Topics: []standards.Area{standards.Labour}},
		{Pseudonym: "I-02", Role: "Minero", Gender: audit.Man, Site: "Bocamina 1", Date: "2026-11-19", GroupSize: 5},
		{Pseudonym: "I-03", Role: "Vecino", FollowUp: true},
	}
	a.Finding("1.2").Notes = "Confirmed by a mineral selector [I-01] and the miners [I-01, I-02]."
	h.Sampling = audit.Sampling{Rule: audit.DefaultSampleRule, Counts: []audit.SampleCount{
		{Unit: audit.UnitMiners, Actual: 6, Rationale: "Chosen at shift change."},
		{Unit: audit.UnitGroup, Name: "Pallaqueras", Size: 24, Actual: 6},
	}}
	h.Closing = audit.Closing{Date: "2026-11-20", Participants: "Board (4), Premium Committee (2)", RepName: "Rosa Elvira Cano",
		RepRole: "President", Response: audit.Disputes, Comments: "We do not accept 5.2: the burning was a neighbour's."}
	return a, cat, imgs
}

// TestReportShowsPlanSamplingInterviewsAndTheAuditeesWord: what a
// certification body reads for ISO 19011 §6.5.1 and the social-compliance
// schemes, in English and in Spanish.
func TestReportShowsPlanSamplingInterviewsAndTheAuditeesWord(t *testing.T) {
	a, cat, imgs := planAudit(t)
	for lang, want := range map[string][]string{
		"en": {"Audit plan and scope", "Determine whether the FSP meets", "Mina El Cañón and La Quebrada plant", "2025-11 – 2026-10",
			"The old adit, flooded since March.", "Unresolved diverging opinions", "The board holds that 5.2 is minor.",
			"An audit is a sample", "the square root of each population, rounded up, at least 3", "Miners interviewed",
			"Pallaqueras interviewed", "Chosen at shift change.", "Interview register", "I-01", "I-02", "Pallaquera",
			"Carried over from the previous audit", "I-03 (Vecino)", "The auditee's acknowledgement",
			"Rosa Elvira Cano, President, for the ASMO", "disputes one or more findings", "We do not accept 5.2",
			"Counted from the interview register (2 interviews", "Certification body decision", "Certified with conditions"},
		"es": {"Plan y alcance de la auditoría", "Determinar si el SPF cumple", "Opiniones divergentes sin resolver",
			"Una auditoría es una muestra", "la raíz cuadrada de cada población", "Mineros entrevistados", "Registro de entrevistas",
			"Respuesta de la organización auditada", "objeta uno o más hallazgos", "Decisión del organismo de certificación",
			"Certificada con condiciones"},
	} {
		pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, Language: lang, Signer: SignerFromCert("", newTestSigner(t).cert)})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")
		flat := strings.Join(strings.Fields(text), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s report lacks %q", lang, w)
			}
		}
		if lang == "en" {
			// Planned vs actual, in the row of each sample: miners 64 → 8
			// planned, 6 actual; Pallaqueras 24 → 5, 6.
			if !strings.Contains(flat, "Miners interviewed 64 8 6") || !strings.Contains(flat, "Pallaqueras interviewed 24 5 6") {
				t.Errorf("planned vs actual not in the sampling table:\n%s", text)
			}
			// I-01 is cited by 1.2 (once, though the note cites it twice).
			if !strings.Contains(flat, "1.2") {
				t.Error("the register does not list the finding citing I-01")
			}
		}
	}
}

// TestDecisionBlockOnTheLastPageClearOfTheSignature: the certification
// body's block is on the report's last page and never over the box left
// for the visible signature.
func TestDecisionBlockOnTheLastPageClearOfTheSignature(t *testing.T) {
	a, cat, imgs := planAudit(t)
	for _, lang := range []string{"en", "es"} {
		d, err := build(a, cat, imgs, RenderOptions{Now: fixtureNow, Language: lang, Signer: SignerFromCert("", newTestSigner(t).cert)})
		if err != nil {
			t.Fatal(err)
		}
		last := d.pdf.PageNo()
		db, sb := d.decisionBox, d.sigBox
		if db == nil || sb == nil {
			t.Fatalf("%s: decision block %v, signature box %v", lang, db, sb)
		}
		if db.Page != last {
			t.Errorf("%s: the decision block is on page %d of %d", lang, db.Page, last)
		}
		overlap := db.Page == sb.Page && db.Rect[0] < sb.Rect[2] && sb.Rect[0] < db.Rect[2] && db.Rect[1] < sb.Rect[3] && sb.Rect[1] < db.Rect[3]
		if overlap {
			t.Errorf("%s: the decision block %v overlaps the signature box %v", lang, db.Rect, sb.Rect)
		}
	}
}

// TestOlderAuditReportsItsTable: an audit made before the register prints
// the people it typed by hand, says so, and has no register section.
func TestOlderAuditReportsItsTable(t *testing.T) {
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 1, 320)
	pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")), " ")
	for _, w := range []string{"Pallaqueras (mineral selectors) 6 0 0 6", "As typed in the audit's table", "None recorded."} {
		if !strings.Contains(flat, w) {
			t.Errorf("older audit's report lacks %q", w)
		}
	}
	if strings.Contains(flat, "Interview register") {
		t.Error("an audit without a register has a register section")
	}
}

package report

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// Next year's audit from last year's signed report: the report must verify
// as assay verify says, and its attached audit data becomes the previous
// audit, hash for hash.

// lastYearsReport exports last year's audit of a fresh home, signed (or a
// draft), and returns the PDF's bytes with the home's store and catalogs.
func lastYearsReport(t *testing.T, draft bool) ([]byte, *audit.Store, *standards.Set, string) {
	t.Helper()
	s, id, cats := storeAuditFor(t, 4, 0, 0, SignerRecord(newTestSigner(t).cert))
	opts := ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Draft: draft}
	path, err := Export(s, id, opts)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data, s, cats, id
}

func TestPreviousFromAValidReport(t *testing.T) {
	pdf, s, cats, id := lastYearsReport(t, false)
	o, err := PreviousFromReport(pdf, "informe-2026.pdf", cats, Trust{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	home, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if o.Audit.ID != id || o.Audit.ContentHash != home.ContentHash || o.Verification.ContentHash != home.ContentHash {
		t.Errorf("the report's audit is not the one signed: %s %s, want %s", o.Audit.ID, o.Audit.ContentHash, home.ContentHash)
	}
	if o.Source != audit.FromReport || o.ReportID != id+"-r1" || o.File != "informe-2026.pdf" ||
		o.Signer == nil || o.Signer.Fingerprint != Fingerprint(newTestSigner(t).cert) || o.PrevCatalog == nil {
		t.Errorf("origin %+v", o)
	}
	cur, _ := cats.Find("test-catalog", "")
	opts := o.CarryOptions()
	opts.Catalog, opts.Now = cur, fixtureNow.AddDate(1, 0, 0)
	a, err := audit.NewFrom(o.Audit, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Previous.ContentHash != o.Verification.ContentHash || a.Previous.Signer.Subject != o.Verification.Signer {
		t.Errorf("previous block %+v, verified %s by %s", a.Previous, o.Verification.ContentHash, o.Verification.Signer)
	}
	if len(a.CorrectiveActions) != 3 { // the fixture's two minors and one major
		t.Errorf("corrective actions %+v", a.CorrectiveActions)
	}

	// The same, through --from's reader and from the home by id.
	path := writeTemp(t, "informe-2026.pdf", pdf)
	if o, err := OpenPrevious(s, cats, path, Trust{Now: fixtureNow}); err != nil || o.Source != audit.FromReport {
		t.Errorf("OpenPrevious(report): %+v %v", o, err)
	}
	if o, err := OpenPrevious(s, cats, id, Trust{}); err != nil || o.Source != audit.FromHome || o.Audit.ContentHash != home.ContentHash {
		t.Errorf("OpenPrevious(id): %+v %v", o, err)
	}
}

func TestPreviousFromAReportThatDoesNotVerifyIsRefused(t *testing.T) {
	pdf, _, cats, _ := lastYearsReport(t, false)
	refused := func(name string, data []byte, tr Trust, class ProblemClass) {
		t.Helper()
		_, err := PreviousFromReport(data, name, cats, tr)
		var nv *NotVerifiedError
		if !errors.As(err, &nv) || len(nv.Verification.Problems) == 0 {
			t.Fatalf("%s: accepted (%v)", name, err)
		}
		if got := Class(nv.Verification.Problems[0].Kind); got != class {
			t.Errorf("%s: refused as %s (%s), want %s", name, got, nv.Verification.Problems[0].Kind, class)
		}
	}
	// One byte of a signed page's content changed.
	tampered := append([]byte(nil), pdf...)
	tampered[streamStart(t, tampered, 6)+20] ^= 0x01
	refused("tampered.pdf", tampered, Trust{Now: fixtureNow}, ClassChanged)

	// Another certificate than the one the certification body holds.
	refused("pinned.pdf", pdf, Trust{Now: fixtureNow, Fingerprint: strings.Repeat("AB", 32)}, ClassTrust)

	// An unsigned draft export.
	draft, _, cats2, _ := lastYearsReport(t, true)
	_, err := PreviousFromReport(draft, "draft.pdf", cats2, Trust{Now: fixtureNow})
	var nv *NotVerifiedError
	if !errors.As(err, &nv) || !hasKind(nv.Verification.Problems, KindNoSignature) || Class(KindNoSignature) != ClassUnsigned {
		t.Errorf("draft: %v", err)
	}
	// Not a PDF at all.
	refused("notes.txt", []byte("notas de campo"), Trust{Now: fixtureNow}, ClassNotReport)
}

func TestEveryProblemKindHasAClass(t *testing.T) {
	for _, k := range []Kind{KindFileEmpty, KindNoSignature, KindHashMismatch, KindCertExpired, KindUntrustedCA, KindRevReplacesAudit} {
		found := false
		for _, c := range ProblemClasses {
			found = found || Class(k) == c
		}
		if !found {
			t.Errorf("%s has no class", k)
		}
	}
}

// TestReportListsCorrectiveActions: the second year's report has the
// previous audit in its scope and the section "Corrective actions from the
// previous audit" with each action's status, in English and Spanish.
func TestReportListsCorrectiveActions(t *testing.T) {
	cat := testCatalog(6)
	prev, _ := testAudit(t, cat, 0, 0)
	prev.Signer = &audit.Signer{Subject: "CN=Ana María Gómez", Fingerprint: "AA:BB"}
	prev.ContentHash, _ = audit.ContentHash(prev)
	a, err := audit.NewFrom(prev, audit.CarryOptions{Catalog: cat, PrevCatalog: cat, Source: audit.FromReport, ReportID: prev.ID + "-r1",
		File: "informe-2026.pdf", StartDate: "2027-11-16", EndDate: "2027-11-18", Now: fixtureNow.AddDate(1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	byReq := map[string]int{}
	for i, ca := range a.CorrectiveActions {
		byReq[ca.Requirement] = i
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.SetCorrectiveAction(byReq["2.2"], audit.CAClosed, fixtureNow))
	must(a.NoteCorrectiveAction(byReq["2.2"], "Conciliación mensual vista en el libro de la tesorera."))
	must(a.SetCorrectiveAction(byReq["4.3"], audit.CANotClosed, fixtureNow))
	for i := range cat.Requirements {
		if audit.ApplicabilityOf(&cat.Requirements[i], a.Header) == audit.Applies {
			a.Finding(cat.Requirements[i].ID).Verdict = audit.Conforms
		}
	}
	for _, lang := range []string{"en", "es"} {
		pdf, err := Render(a, cat, fixtureImages{}, RenderOptions{Draft: true, Now: fixtureNow, Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")
		flat := strings.Join(strings.Fields(text), " ")
		want := map[string][]string{
			"en": {"Scope: the previous audit", prev.ID + "-r1", prev.ContentHash, "the signed report informe-2026.pdf",
				"Corrective actions from the previous audit", "Closed", "Not closed", "To verify",
				"Conciliación mensual vista", "Counts as a major non-conformity", "Escalation rule",
				"not closed by its due date"},
			"es": {"Alcance: la auditoría anterior", prev.ID + "-r1", "Acciones correctivas de la auditoría anterior",
				"Cerrada", "No cerrada", "Por verificar", "Cuenta como una no conformidad mayor", "Regla de escalamiento"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s report lacks %q", lang, w)
			}
		}
		for _, id := range []string{"2.2", "4.3", "5.2"} {
			if !strings.Contains(flat, id+" ") {
				t.Errorf("%s report lacks corrective action %s", lang, id)
			}
		}
	}
}

func TestFollowUpReportSaysItsScope(t *testing.T) {
	cat := testCatalog(6)
	prev, _ := testAudit(t, cat, 0, 0)
	prev.ContentHash, _ = audit.ContentHash(prev)
	a, err := audit.NewFrom(prev, audit.CarryOptions{Type: audit.FollowUp, Catalog: cat, PrevCatalog: cat, ReportID: prev.ID + "-r1",
		Now: fixtureNow.Add(60 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(a, cat, fixtureImages{}, RenderOptions{Draft: true, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, "f.pdf", pdf)), "\n")), " ")
	if !strings.Contains(flat, "This follow-up audit verifies only the previous audit's corrective actions, on the 3 requirements they belong to") ||
		!strings.Contains(flat, "2.2, 4.3, 5.2") {
		t.Errorf("the follow-up report does not state its scope")
	}
	// Requirements outside the scope are neither walked nor listed.
	if strings.Contains(flat, "1.3 Requirement 3 of the social area") {
		t.Errorf("an out-of-scope requirement is in the follow-up report")
	}
}

// TestUndatedDraftDoesNotCallADuePassed: a draft of next year's audit
// without dates yet does not say a corrective action's date has passed.
func TestUndatedDraftDoesNotCallADuePassed(t *testing.T) {
	cat := testCatalog(6)
	prev, _ := testAudit(t, cat, 0, 0)
	prev.Signer = &audit.Signer{Subject: "CN=Ana María Gómez", Fingerprint: "AA:BB"}
	prev.ContentHash, _ = audit.ContentHash(prev)
	a, err := audit.NewFrom(prev, audit.CarryOptions{Catalog: cat, PrevCatalog: cat, Source: audit.FromReport, ReportID: prev.ID + "-r1",
		File: "informe-2026.pdf", Now: fixtureNow.AddDate(1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	a.Header.StartDate, a.Header.EndDate = "", ""
	if len(a.CorrectiveActions) == 0 {
		t.Fatal("no corrective actions carried over")
	}
	for lang, want := range map[string]string{"en": "(counted as passed: the audit has no dates yet)", "es": "(se cuenta como vencida: la auditoría aún no tiene fechas)"} {
		pdf, err := Render(a, cat, fixtureImages{}, RenderOptions{Draft: true, Now: fixtureNow, Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")), " ")
		if !strings.Contains(flat, want) {
			t.Errorf("%s draft lacks %q", lang, want)
		}
		if strings.Contains(flat, "(passed)") || strings.Contains(flat, "(vencida)") {
			t.Errorf("%s draft calls an undated due date passed", lang)
		}
	}
}

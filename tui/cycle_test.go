package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/standards"
)

// The yearly cycle in the UI: last year's findings beside this year's in
// the walk, the corrective actions verified on their own screen, a new
// audit started from last year's.

const lastYearNote = "Estatutos vigentes y certificado de la Cámara de Comercio renovado en marzo; revisados con el presidente."

// lastYearAudit is a finalized audit of cat from last year: 1.1 conforms
// with a note and a photo, 1.2 a minor non-conformity, 3.1 a major one.
func lastYearAudit(t testing.TB, cat *standards.Catalog) *audit.Audit {
	t.Helper()
	a := testAudit(cat, "2025-11-20-cooperativa-la-esperanza-aa01")
	a.Header.StartDate, a.Header.EndDate = "2025-11-18", "2025-11-20"
	completeAudit(a)
	a.Finding("1.1").Notes = lastYearNote
	a.Evidence = []audit.Evidence{{SHA256: strings.Repeat("cd", 32), Name: "estatutos.jpg", Requirements: []string{"1.1"}}}
	a.Finding("1.1").Evidence = []string{strings.Repeat("cd", 32)}
	f := a.Finding("1.2")
	f.Verdict, f.Notes, f.CorrectiveAction = audit.Minor, "El registro de mineros no incluye a las pallaqueras.", "Inscribir a todas las pallaqueras."
	f = a.Finding("3.1")
	f.Verdict, f.Notes, f.CorrectiveAction = audit.Major, "Niños de 15 años en el molino.", "Retirar a los menores del molino."
	if err := audit.Finalize(a, cat, testSigner, testNow.AddDate(-1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	return a
}

// thisYearAudit starts this year's audit from last year's.
func thisYearAudit(t testing.TB, cat *standards.Catalog, last *audit.Audit, typ audit.AuditType) *audit.Audit {
	t.Helper()
	a, err := audit.NewFrom(last, audit.CarryOptions{Type: typ, Catalog: cat, PrevCatalog: cat, Source: audit.FromReport,
		ReportID: last.ID + "-r1", File: "informe-2025.pdf", StartDate: "2026-11-16", EndDate: "2026-11-18",
		Config: audit.Config{Inspector: "Rosa Mamani"}, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "2026-11-16-cooperativa-la-esperanza-bb02"
	return a
}

// cycleDriver opens this year's audit (the only one in the store) in the
// walk.
func cycleDriver(t *testing.T, typ audit.AuditType, lang string, w, h int) (*driver, *fakeStore, *audit.Audit) {
	t.Helper()
	cat := testCatalog(30)
	last := lastYearAudit(t, cat)
	a := thisYearAudit(t, cat, last, typ)
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: &fakeExporter{}, Lang: lang}, w, h)
	d.press(tea.KeyEnter)
	return d, st, last
}

func TestWalkShowsLastYearAndCopiesItsNotes(t *testing.T) {
	d, st, _ := cycleDriver(t, audit.Surveillance, "en", 80, 24)
	v := d.view()
	for _, want := range []string{"1.1 ", "Last year: ✓ conforms", "┆ Estatutos vigentes", "Evidence (not copied): estatutos.jpg"} {
		if !strings.Contains(v, want) {
			t.Errorf("the walk lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "Verdict: · open") {
		t.Errorf("this year's verdict is pre-judged:\n%s", v)
	}
	d.typeText("p")
	d.fire()
	if got := st.saved("2026-11-16-cooperativa-la-esperanza-bb02").Findings["1.1"]; got == nil || got.Notes != lastYearNote || got.Verdict != audit.Open {
		t.Fatalf("p did not copy last year's notes as this year's starting point: %+v", got)
	}
	d.typeText("p")
	if !strings.Contains(d.view(), "already in this year's") {
		t.Errorf("a second p copied the notes twice")
	}
	d.typeText("j")
	v = d.view()
	for _, want := range []string{"Last year: ! minor NC", "due 2026-02-18", "Action: Inscribir a todas las pallaqueras."} {
		if !strings.Contains(v, want) {
			t.Errorf("the walk on 1.2 lacks %q:\n%s", want, v)
		}
	}
}

func TestCorrectiveActionsScreen(t *testing.T) {
	d, st, _ := cycleDriver(t, audit.Surveillance, "en", 80, 24)
	id := "2026-11-16-cooperativa-la-esperanza-bb02"
	d.typeText("C")
	v := d.view()
	for _, want := range []string{"Corrective actions from the previous audit", "0 of 2 assessed", "? 1.2 Requirement 2 of social",
		"? 3.1 Requirement 1 of environmental", "Last year's finding: El registro de mineros", "Status: ? to verify"} {
		if !strings.Contains(v, want) {
			t.Errorf("the actions screen lacks %q:\n%s", want, v)
		}
	}
	// Closing asks at once for the evidence seen.
	d.typeText("c")
	d.typeText("Registro con 12 pallaqueras inscritas.")
	d.press(tea.KeyEsc)
	d.fire()
	// The major one was not closed.
	d.typeText("jn")
	d.fire()
	cas := st.saved(id).CorrectiveActions
	if cas[0].Status != audit.CAClosed || cas[0].Notes != "Registro con 12 pallaqueras inscritas." || cas[1].Status != audit.CANotClosed {
		t.Fatalf("saved actions %+v", cas)
	}
	if v := d.view(); !strings.Contains(v, "✗ not closed · counts as major") || !strings.Contains(v, "1 of 2") && !strings.Contains(v, "2 of 2 assessed") {
		t.Errorf("the actions screen after assessing:\n%s", v)
	}
	// The summary lists them, and the recommendation weighs the one not
	// closed.
	d.press(tea.KeyEsc)
	d.typeText("s")
	v = d.view()
	if !strings.Contains(v, "Not recommended") || !strings.Contains(v, "previous audit") {
		t.Errorf("summary:\n%s", v)
	}
	for range 30 {
		d.typeText("j")
	}
	v = d.view()
	for _, want := range []string{"Corrective actions from the previous audit", "1.2 Requirement 2 of social — minor — closed",
		"3.1 Requirement 1 of environmental — major — not closed — counts as major"} {
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("the summary lacks %q:\n%s", want, v)
		}
	}
	// o sets one back to verify: finalizing is blocked again.
	d.typeText("C")
	d.typeText("o")
	d.fire()
	if st.saved(id).CorrectiveActions[0].Status != audit.CAToVerify {
		t.Error("o did not set the action back to verify")
	}
	blocked := false
	for _, b := range audit.FinalizeBlockers(st.saved(id), st.cat) {
		blocked = blocked || b.Kind == audit.BlockCAToVerify
	}
	if !blocked {
		t.Error("finalizing is not blocked by an action to verify")
	}
}

func TestFollowUpWalksOnlyItsCorrectiveActions(t *testing.T) {
	d, _, _ := cycleDriver(t, audit.FollowUp, "en", 80, 24)
	v := d.view()
	if !strings.Contains(v, "› · 1.2 Requirement 2 of soci") || strings.Contains(v, "1.1 Requirement 1") || strings.Contains(v, "1.3 Requirement") {
		t.Errorf("the follow-up walk shows more than its corrective actions:\n%s", v)
	}
	if !strings.Contains(v, "social                 0/1") || !strings.Contains(v, "economic               0/0") {
		t.Errorf("area counts of a follow-up:\n%s", v)
	}
}

// TestFollowUpSearchListsOnlyWhatItWalks: a follow-up's search does not
// offer a requirement outside its corrective actions, where enter would
// silently go nowhere.
func TestFollowUpSearchListsOnlyWhatItWalks(t *testing.T) {
	d, _, _ := cycleDriver(t, audit.FollowUp, "en", 80, 24)
	d.typeText("/")
	d.typeText("Requirement")
	for _, r := range d.m.walk.results {
		found := false
		for _, items := range d.m.walk.items {
			for _, it := range items {
				found = found || it.req.ID == r.ID
			}
		}
		if !found {
			t.Errorf("search offers %s, which the follow-up does not walk", r.ID)
		}
	}
	if len(d.m.walk.results) == 0 {
		t.Fatal("search finds none of the follow-up's requirements")
	}
	id := d.m.walk.results[len(d.m.walk.results)-1].ID
	d.press(tea.KeyDown)
	for range d.m.walk.results {
		d.press(tea.KeyDown)
	}
	d.press(tea.KeyEnter)
	if got := d.m.walk.current().ID; got != id {
		t.Errorf("enter on %s went to %s", id, got)
	}
}

// previousFake reads last year's audit from the fake store, or refuses a
// report as unsigned.
func previousFake(st *fakeStore) func(string) (*report.Origin, error) {
	return func(from string) (*report.Origin, error) {
		if strings.HasSuffix(from, ".pdf") {
			return nil, &report.NotVerifiedError{File: "draft.pdf", Verification: &report.Verification{
				Problems: []report.Finding{{Kind: report.KindNoSignature}}}}
		}
		a := st.saved(from)
		return &report.Origin{Audit: a, Source: audit.FromHome, ReportID: a.ID + "-r1", Signer: a.Signer, PrevCatalog: st.cat}, nil
	}
}

func newFromDriver(t *testing.T, lang string) (*driver, *fakeStore, *audit.Audit) {
	t.Helper()
	cat := testCatalog(30)
	last := lastYearAudit(t, cat)
	st := newFakeStore(cat, last)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: lang, Config: audit.Config{Inspector: "Rosa Mamani"}}, 80, 24)
	d.m.c.deps.Previous = previousFake(st)
	d.typeText("n")
	return d, st, last
}

func TestNewAuditFromLastYearsInTheList(t *testing.T) {
	d, st, last := newFromDriver(t, "en")
	if f := d.m.form.f.focused(); f.key != "source" {
		t.Fatalf("with a finalized audit in the list, the form starts on %q, not on where to start from", f.key)
	}
	d.press(tea.KeyRight)
	v := strings.Join(strings.Fields(d.view()), " ")
	for _, want := range []string{"New audit from last year's", "2 corrective actions to verify (last year's audit in this list)",
		"the same catalog as last year's audit", "Cooperativa La Esperanza", "surveillance"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q:\n%s", want, v)
		}
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	var made *audit.Audit
	for id := range st.files {
		if id != last.ID {
			made = st.saved(id)
		}
	}
	if made == nil || made.Previous == nil || made.Previous.AuditID != last.ID || made.Previous.ContentHash != last.ContentHash ||
		len(made.CorrectiveActions) != 2 || made.Header.CertYear != 1 || made.Header.LeadInspector != "Rosa Mamani" {
		t.Fatalf("created %+v", made)
	}
	if d.m.screen != screenWalk {
		t.Errorf("after creating: screen %s", d.m.screen)
	}
}

func TestNewAuditFromAReportThatDoesNotVerify(t *testing.T) {
	d, st, _ := newFromDriver(t, "en")
	d.press(tea.KeyLeft) // wraps to "last year's signed report"
	if f := d.m.form.f.fields[d.m.form.fieldIndex("report_path")]; f.key != "report_path" {
		t.Fatal("no field for the report's path")
	}
	d.press(tea.KeyDown)
	d.typeText("/tmp/draft.pdf")
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "draft.pdf does not verify (it is not signed: a draft or another PDF)") {
		t.Errorf("the refusal is not said:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if len(st.files) != 1 {
		t.Errorf("an audit was made from a report that does not verify")
	}
}

// cycleGoldens are the cycle's screens, from this year's audit opened in
// the walk (new: from the home with last year's audit).
var cycleGoldens = []struct {
	name string
	keys func(d *driver)
}{
	{"cycle_walk", func(d *driver) { d.typeText("j") }},
	{"cycle_actions", func(d *driver) {
		d.typeText("Cc")
		d.typeText("Registro con 12 pallaqueras inscritas.")
		d.press(tea.KeyEsc)
		d.typeText("jn")
		d.fire()
	}},
	{"cycle_help", func(d *driver) {
		d.typeText("?")
		d.fire()
	}},
	{"cycle_summary", func(d *driver) {
		d.typeText("Cjn")
		d.press(tea.KeyEsc)
		d.typeText("s")
		for range 12 {
			d.typeText("j")
		}
	}},
}

// TestGoldenCycleScreens: the cycle's screens at 80x24 in English and
// Spanish (files cycle_* and es_cycle_*).
func TestGoldenCycleScreens(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		prefix := map[string]string{"en": "", "es": "es_"}[lang]
		// The walk's list cuts long catalog titles by design; the UI's own
		// words are checked whole where Spanish makes them longest.
		var frags []string
		if lang == "es" {
			frags = uiFragments(t, lang)
		}
		for _, sc := range cycleGoldens {
			t.Run(fmt.Sprintf("%s%s_80x24", prefix, sc.name), func(t *testing.T) {
				d, _, _ := cycleDriver(t, audit.Surveillance, lang, 80, 24)
				sc.keys(d)
				checkFits(t, sc.name, d.view(), 80, 24, frags)
				golden.RequireEqual(t, []byte(d.view()))
			})
		}
		t.Run(prefix+"cycle_new_80x24", func(t *testing.T) {
			d, _, _ := newFromDriver(t, lang)
			d.press(tea.KeyRight)
			checkFits(t, "cycle_new", d.view(), 80, 24, frags)
			golden.RequireEqual(t, []byte(d.view()))
		})
	}
}

// TestCIsCaptionInTheEvidenceListAndActionsElsewhere: in the walk of an
// audit started from last year's, C in the evidence list captions the
// selected file (issue 13b) and C in the requirement list opens the
// corrective actions (issue 12); each help shows the C of its focus only.
func TestCIsCaptionInTheEvidenceListAndActionsElsewhere(t *testing.T) {
	d, st, _ := cycleDriver(t, audit.Surveillance, "en", 120, 30)
	id := "2026-11-16-cooperativa-la-esperanza-bb02"
	msg := oldPhoto()
	msg.id = id
	d.send(msg)
	if v := d.view(); strings.Contains(v, "C caption") {
		t.Errorf("the requirement list's help offers the caption:\n%s", v)
	}
	d.typeText("v")
	if v := d.view(); !strings.Contains(v, "C caption") || strings.Contains(v, "C actions") {
		t.Errorf("the evidence list's help does not say C captions:\n%s", v)
	}
	d.typeText("C")
	d.typeText("Padrón de socios firmado")
	d.press(tea.KeyEnter)
	if d.m.screen != screenWalk {
		t.Fatalf("C in the evidence list left the walk for %s", d.m.screen)
	}
	d.fire()
	if ev, ok := st.saved(id).EvidenceBySHA(strings.Repeat("cd", 32)); !ok || ev.Caption != "Padrón de socios firmado" {
		t.Errorf("C in the evidence list did not caption the file: %+v", ev)
	}
	d.press(tea.KeyEsc)
	d.typeText("C")
	if d.m.screen != screenActions {
		t.Errorf("C in the requirement list did not open the corrective actions:\n%s", d.view())
	}
}

// TestCorrectiveActionFindingReadsWhole: last year's finding, longer than
// two lines, is read whole on the corrective actions screen at 80x24 when
// the screen has room (it was cut mid-word at two lines).
func TestCorrectiveActionFindingReadsWhole(t *testing.T) {
	cat := testCatalog(30)
	last := lastYearAudit(t, cat)
	a := thisYearAudit(t, cat, last, audit.Surveillance)
	long := "El padrón de mineros no incluye a 6 pallaqueras que trabajan en la cancha. Una pallaquera confirmó que selecciona mineral desde 2021 y que nunca la invitaron a la asamblea; la junta lo reconoce."
	a.CorrectiveActions[0].Finding = long
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: "es"}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("s")
	d.typeText("C")
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, long) {
		t.Errorf("last year's finding is not whole:\n%s", d.view())
	}
}

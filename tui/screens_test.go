package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

func TestNewAuditFormValidatesInlineAndCreates(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	if !strings.Contains(d.view(), "No audits yet") {
		t.Fatalf("empty store not explained:\n%s", d.view())
	}
	d.typeText("n")
	if d.m.screen != screenNew {
		t.Fatalf("n opened %v, want the form", d.m.screen)
	}
	if v := d.view(); !strings.Contains(v, "test 1.0 (built-in)") || !strings.Contains(v, "Synthetic requirements") {
		t.Errorf("catalog choice lacks provenance:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	v := d.view()
	if len(st.files) != 0 {
		t.Fatal("created an audit from an empty form")
	}
	if !strings.Contains(v, "✗ ") || !strings.Contains(v, "Please correct") {
		t.Fatalf("no field errors after ctrl+s on an empty form:\n%s", v)
	}
	d.typeText("Cooperativa Ñuñoa")
	d.press(tea.KeyTab) // legal id
	d.press(tea.KeyTab) // country
	d.typeText("Perú")
	for range 4 { // region, municipality, site, coordinates
		d.press(tea.KeyTab)
	}
	d.typeText("91, -75")
	d.press(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "✗ latitude") && !strings.Contains(v, "✗ Latitude") {
		t.Errorf("bad latitude has no error under the field:\n%s", v)
	}
	d.press(tea.KeyShiftTab)
	d.press(tea.KeyEnd)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("-14.5, -69.5")
	d.press(tea.KeyShiftTab) // site
	d.typeText("Mina Ananea")
	for range 7 { // coordinates, audit type, cert type, year, start, end, lead
		d.press(tea.KeyTab)
	}
	d.typeText("Rosa Quispe")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if len(st.files) != 1 {
		t.Fatalf("audit not created; view:\n%s", d.view())
	}
	if d.m.screen != screenWalk {
		t.Fatalf("after create, screen = %v, want walk", d.m.screen)
	}
	a := d.m.s.a
	if a.Header.ASMO != "Cooperativa Ñuñoa" || a.Header.Country != "Perú" || a.Header.Coordinates == nil ||
		a.Header.Coordinates.Lat != -14.5 || a.Header.LeadInspector != "Rosa Quispe" || a.Catalog.ID != "test" {
		t.Errorf("created header = %+v, coordinates %+v", a.Header, a.Header.Coordinates)
	}
}

func TestNewAuditFormChoices(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	for range 7 { // to audit type
		d.press(tea.KeyTab)
	}
	d.press(tea.KeyRight)
	d.press(tea.KeyTab)
	d.press(tea.KeyRight)
	h, _ := d.m.form.header()
	if h.AuditType != audit.Surveillance || h.CertType != audit.Ecological {
		t.Errorf("choices gave %s/%s, want surveillance/ecological", h.AuditType, h.CertType)
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenNew || !strings.Contains(d.view(), "discard this new audit? y/n") {
		t.Fatalf("esc with choices made did not ask:\n%s", d.view())
	}
	d.typeText("y")
	if d.m.screen != screenHome {
		t.Errorf("y left the form for %v, want home", d.m.screen)
	}
}

// completeAudit gives every applicable requirement a verdict.
func completeAudit(a *audit.Audit) {
	// What finalize asks of the header besides the verdicts.
	a.Header.Interviews = []audit.Interviewed{{Role: "mineros", Women: 2, Men: 5}}
	a.Header.ClosingMeeting = "Hallazgos leídos y aceptados."
	a.Header.Closing = audit.Closing{RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: audit.Accepts}
	for _, id := range []string{"1", "2", "3", "4", "5"} {
		for _, i := range []string{"1", "2", "3", "4"} {
			a.Finding(id + "." + i).Verdict = audit.Conforms
		}
	}
}

func TestSummaryFinalizeAndExport(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	f := a.Finding("2.3")
	f.Verdict, f.Notes, f.CorrectiveAction = audit.Minor, "Premium account mixed with operations.", "Open a separate account."
	st := newFakeStore(cat, a)
	x := &fakeExporter{}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: x}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("s")
	v := d.view()
	for _, want := range []string{"economic", "Recommendation:", "Non-conformities", "2.3 Requirement 3 of economic",
		"Open a separate account.", "nothing blocks finalizing", "f finalize", "x export"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	d.typeText("f")
	if !strings.Contains(d.view(), "Finalize this audit?") {
		t.Fatalf("no confirmation:\n%s", d.view())
	}
	d.typeText("y")
	if got := st.saved("a1"); got.Status != audit.Finalized || got.ContentHash == "" {
		t.Fatalf("saved audit status %s hash %q after finalize", got.Status, got.ContentHash)
	}
	if strings.Contains(d.view(), "f finalize") {
		t.Errorf("finalize still offered after finalizing:\n%s", d.view())
	}
	d.typeText("x")
	d.press(tea.KeyEnter)
	if len(x.calls) != 1 || x.calls[0] != "a1 draft=false" {
		t.Fatalf("exports = %v, want one signed export", x.calls)
	}
	if !strings.Contains(d.view(), "exported report-rev1.pdf in /home/ana/assay/audits/a1/exports") {
		t.Errorf("export path not shown:\n%s", d.view())
	}
	d.typeText("s")
	d.typeText("c")
	if d.m.s.a.VerdictOf("1.1") != audit.Conforms || !strings.Contains(d.view(), "read only") {
		t.Errorf("finalized walk is not read-only:\n%s", d.view())
	}
}

func TestExportWaitsForThePendingSave(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	x := &fakeExporter{}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: x}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("c")
	d.m.s.saving = true // a save is running when the export is asked for
	d.m.s.savedRev = 0
	d.typeText("s")
	d.typeText("x")
	d.press(tea.KeyEnter)
	if len(x.calls) != 0 {
		t.Fatalf("exported while a save was running")
	}
	if !strings.Contains(d.view(), "exporting…") {
		t.Errorf("no progress shown:\n%s", d.view())
	}
	d.send(auditSavedMsg{id: "a1", rev: d.m.s.rev, at: testNow})
	if len(x.calls) != 1 || x.calls[0] != "a1 draft=true" {
		t.Errorf("exports after the save = %v, want one draft export", x.calls)
	}
}

func TestFinalizeBlockedSaysWhy(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("s")
	d.typeText("f")
	if v := d.view(); !strings.Contains(v, "cannot finalize yet") || !strings.Contains(v, "still open") {
		t.Errorf("blocked finalize not explained:\n%s", v)
	}
	if st.saved("a1").Status != audit.Draft {
		t.Error("audit finalized despite open requirements")
	}
}

// TestNewAuditTakesConfigDefaults: the inspector's name, certification body
// and due-date policy from config.toml are filled in, not typed each time.
func TestNewAuditTakesConfigDefaults(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	cfg := audit.Config{Inspector: "Ana María Restrepo", CertificationBody: "NaturaCert", MinorDays: 60}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Config: cfg}, 120, 40)
	d.typeText("n")
	if v := d.view(); !strings.Contains(v, "Ana María Restrepo") || !strings.Contains(v, "NaturaCert") {
		t.Fatalf("form lacks the config's defaults:\n%s", v)
	}
	d.typeText("Cooperativa Ñuñoa")
	d.press(tea.KeyTab)
	d.press(tea.KeyTab)
	d.typeText("Perú")
	for range 3 { // region, municipality, site
		d.press(tea.KeyTab)
	}
	d.typeText("Mina Ananea")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if len(st.files) != 1 {
		t.Fatalf("audit not created; view:\n%s", d.view())
	}
	a := d.m.s.a
	if a.Header.LeadInspector != "Ana María Restrepo" || a.Header.CertBody != "NaturaCert" || a.Policy.MinorDays != 60 {
		t.Errorf("created audit: lead %q, body %q, policy %+v", a.Header.LeadInspector, a.Header.CertBody, a.Policy)
	}
}

// TestFinalizeWithoutSigningKey: finalizing records the signing
// certificate; without a key the status line says how to make one, the
// audit stays a draft, and the screen raises needSigningKeyMsg for a
// key-creation form to act on.
func TestFinalizeWithoutSigningKey(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	st := newFakeStore(cat, a)
	asked := 0
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), SigningKey: func() (*audit.Signer, error) {
		asked++
		return nil, fmt.Errorf("no identity in /tmp/x: %w", audit.ErrNoSigner)
	}}, 100, 30)
	d.press(tea.KeyEnter)
	d.typeText("sf")
	d.typeText("y")
	if asked != 1 {
		t.Fatalf("the signing key was looked up %d times, want 1", asked)
	}
	if v := flat(d.view()); !strings.Contains(v, "no signing key yet") || !strings.Contains(v, "assay keys create") {
		t.Errorf("no word about the missing signing key:\n%s", d.view())
	}
	if d.m.s.a.Status != audit.Draft || d.m.s.a.Signer != nil {
		t.Errorf("audit changed without a key: %s %v", d.m.s.a.Status, d.m.s.a.Signer)
	}
	// With a key, the same keys finalize and record it.
	d.m.c.deps.SigningKey = func() (*audit.Signer, error) { return testSigner, nil }
	d.typeText("fy")
	if got := st.saved("a1"); got.Status != audit.Finalized || got.Signer == nil || *got.Signer != *testSigner {
		t.Fatalf("saved audit %s signer %v, want finalized for %v", got.Status, got.Signer, testSigner)
	}
}

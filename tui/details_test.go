package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// focusField tabs through the form until the field with key k has the
// focus, as an inspector would.
func focusField(t *testing.T, d *driver, f func(Model) form, k string) {
	t.Helper()
	for range 80 {
		if f(d.m).focused().key == k {
			return
		}
		d.press(tea.KeyTab)
	}
	t.Fatalf("no field %q reached with tab", k)
}

func detailsForm(m Model) form { return m.details.f }

func sectionForm(m Model) form { return m.details.sec }

// clearField empties the focused one-line field.
func clearField(d *driver) {
	d.press(tea.KeyEnd)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
}

func TestDetailsEditAndAutosave(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("?")
	if !strings.Contains(d.view(), "h   details") {
		t.Errorf("walk help does not offer the details:\n%s", d.view())
	}
	d.typeText("?h")
	if d.m.screen != screenDetails {
		t.Fatalf("h opened %v, want details", d.m.screen)
	}
	if v := d.view(); !strings.Contains(v, "Cooperativa La Esperanza") || !strings.Contains(v, "Audit details") {
		t.Errorf("details do not show the header:\n%s", v)
	}

	focusField(t, d, detailsForm, "sites_visited")
	d.typeText("Mina El Roble")
	d.press(tea.KeyEnter)
	d.typeText("Planta Norte; Relave 3")

	// The closing meeting has a page of its own.
	focusField(t, d, detailsForm, "link.closing")
	d.press(tea.KeyEnter)
	focusField(t, d, sectionForm, "closing_meeting")
	d.typeText("Held with the board.")
	d.press(tea.KeyEnter)
	d.typeText("Dates agreed.")
	d.press(tea.KeyEsc)
	d.fire()

	h := st.saved("a1").Header
	if !slices.Equal(h.SitesVisited, []string{"Mina El Roble", "Planta Norte", "Relave 3"}) {
		t.Errorf("sites visited saved as %q", h.SitesVisited)
	}
	if h.ClosingMeeting != "Held with the board.\nDates agreed." {
		t.Errorf("closing meeting saved as %q", h.ClosingMeeting)
	}
	if h.ASMO != "Cooperativa La Esperanza" || h.LeadInspector != "Ana Torres" {
		t.Errorf("required fields changed: %+v", h)
	}

	d.press(tea.KeyEsc)
	if d.m.screen != screenWalk {
		t.Errorf("esc went to %v, want back to the walk", d.m.screen)
	}
}

func TestDetailsInvalidFieldKeepsLastGoodValue(t *testing.T) {
	d, st := openWalk(t, 120, 40)
	d.typeText("h")
	focusField(t, d, detailsForm, "coordinates")
	d.typeText("91, -75")
	if v := d.view(); !strings.Contains(v, "✗ latitude 91 is out of range") {
		t.Errorf("bad latitude has no error under the field:\n%s", v)
	}
	focusField(t, d, detailsForm, "asmo")
	clearField(d)
	if v := d.view(); !strings.Contains(v, "✗ ") || !strings.Contains(v, "required") {
		t.Errorf("emptied ASMO has no error:\n%s", v)
	}
	focusField(t, d, detailsForm, "certification_year")
	clearField(d)
	d.typeText("2") // an initial audit has year 0
	if v := d.view(); !strings.Contains(v, "✗ ") || !strings.Contains(v, "initial") {
		t.Errorf("year 2 on an initial audit has no error:\n%s", v)
	}
	focusField(t, d, detailsForm, "audit_type")
	d.press(tea.KeyRight) // surveillance: year 2 is fine now
	d.press(tea.KeyRight) // recertification
	d.press(tea.KeyLeft)
	d.press(tea.KeyLeft) // back to initial: year 2 is wrong again
	focusField(t, d, detailsForm, "fsp.miners")
	clearField(d)
	d.typeText("120")
	d.fire()
	h := st.saved("a1").Header
	if h.Coordinates != nil || h.ASMO != "Cooperativa La Esperanza" {
		t.Errorf("invalid fields reached the audit: coordinates %+v, ASMO %q", h.Coordinates, h.ASMO)
	}
	if h.AuditType != audit.Surveillance || h.CertYear != 2 {
		t.Errorf("saved %s audit with year %d, want the last valid pair: surveillance, 2", h.AuditType, h.CertYear)
	}
	if h.FSP.Miners != 120 {
		t.Errorf("valid field not saved beside invalid ones: miners %d", h.FSP.Miners)
	}
}

func TestDetailsRemoveRow(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.Interviews = []audit.Interviewed{{Role: "Miners", Women: 1}, {Role: "Buyers", Men: 2}}
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("h")
	focusField(t, d, detailsForm, "interviews[0].men")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlX})
	d.fire()
	if got := st.saved("a1").Header.Interviews; len(got) != 1 || got[0].Role != "Buyers" {
		t.Errorf("after removing the first row, interviews = %+v", got)
	}
	if k := d.m.details.f.focused().key; k != "interviews[0].role" {
		t.Errorf("focus after removal on %q, want the next row", k)
	}
}

func TestDetailsReadOnlyWhenFinalized(t *testing.T) {
	d, st := openFinalized(t)
	d.typeText("h")
	if d.m.screen != screenDetails {
		t.Fatalf("h opened %v, want details", d.m.screen)
	}
	d.typeText("xyz")
	d.press(tea.KeyTab)
	d.typeText("abc")
	d.fire()
	v := d.view()
	if !strings.Contains(v, "read only") {
		t.Errorf("finalized details do not say read only:\n%s", v)
	}
	if strings.Contains(v, "xyz") || strings.Contains(v, "abc") || st.saves != 0 {
		t.Errorf("finalized header was edited (saves %d):\n%s", st.saves, v)
	}
	if strings.Contains(v, "add a row") || strings.Contains(v, "ctrl+n") {
		t.Errorf("read-only details offer editing:\n%s", v)
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenWalk {
		t.Errorf("esc went to %v, want the walk", d.m.screen)
	}
}

func TestAmendReopensFinalizedAudit(t *testing.T) {
	d, st := openFinalized(t)
	d.typeText("s")
	if !strings.Contains(d.view(), "A amend") {
		t.Errorf("summary of a finalized audit does not offer amend:\n%s", d.view())
	}
	d.typeText("A")
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "✗ a reason is required") {
		t.Errorf("empty reason accepted or not explained:\n%s", v)
	}
	if got := st.saved("a1"); got.Status != audit.Finalized || got.Revision != 1 {
		t.Fatalf("empty reason amended: status %s rev %d", got.Status, got.Revision)
	}
	d.typeText("Wrong miner count in 2.1")
	d.press(tea.KeyEnter)
	got := st.saved("a1")
	if got.Status != audit.Draft || got.Revision != 2 || got.AmendReason != "Wrong miner count in 2.1" {
		t.Fatalf("after amend: status %s rev %d reason %q", got.Status, got.Revision, got.AmendReason)
	}
	if v := d.view(); !strings.Contains(v, "revision 2 opened for amendment") || !strings.Contains(v, "f finalize") {
		t.Errorf("amend not reported or finalize not offered again:\n%s", v)
	}
	d.typeText("s") // back to the walk
	d.typeText("m")
	d.fire()
	if v := st.saved("a1").VerdictOf(d.m.walk.current().ID); v != audit.Minor {
		t.Errorf("walk not editable after amend: verdict %s", v)
	}
}

func TestAmendCancel(t *testing.T) {
	d, _ := openFinalized(t)
	d.typeText("sAq") // q types into the reason, it does not quit
	if d.quit || !strings.Contains(d.view(), "Reason for the amendment: q") {
		t.Fatalf("reason did not take the keys:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	d.typeText("y") // drop the "q" typed
	if d.m.summary.amending || d.m.s.a.Status != audit.Finalized {
		t.Errorf("esc did not give up the amendment")
	}
}

func TestDetailsChangeReachesTheWalk(t *testing.T) {
	d, st := openWalk(t, 120, 40)
	if !strings.Contains(d.view(), "excluded (Ecological only)") {
		t.Fatalf("test catalog has no excluded requirement:\n%s", d.view())
	}
	d.typeText("h")
	focusField(t, d, detailsForm, "certification_type")
	d.press(tea.KeyRight)
	d.press(tea.KeyEsc)
	if d.m.screen != screenWalk || strings.Contains(d.view(), "excluded (Ecological only)") {
		t.Errorf("walk not recomputed for an Ecological audit:\n%s", d.view())
	}
	if got := st.saved("a1").Header.CertType; got != audit.Ecological {
		t.Errorf("leaving the details did not save: certification %s", got)
	}
}

func TestNewAuditFormTakesTheOptionalFields(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	form := func(m Model) form { return m.form.f }
	for k, v := range map[string]string{"asmo": "Cooperativa Ñuñoa", "country": "Perú", "site": "Mina Ananea",
		"lead_inspector": "Rosa Quispe", "co_inspectors": "Luis Pérez, Marta Gómez"} {
		focusField(t, d, form, k)
		d.typeText(v)
	}
	// People interviewed go to the register, after the audit is made: the
	// new-audit form no longer has the hand-typed table.
	if slices.ContainsFunc(d.m.form.f.fields, func(f formField) bool { return f.key == "interviews" }) {
		t.Error("the new-audit form still has the interviews table")
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if d.m.screen != screenWalk {
		t.Fatalf("audit not created:\n%s", d.view())
	}
	h := d.m.s.a.Header
	if !slices.Equal(h.CoInspectors, []string{"Luis Pérez", "Marta Gómez"}) {
		t.Errorf("created header lacks the optional fields: %+v", h)
	}
}

// openFinalized opens a complete, finalized audit "a1" at 80x24.
func openFinalized(t *testing.T) (*driver, *fakeStore) {
	t.Helper()
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	if err := audit.Finalize(a, cat, testSigner, testNow); err != nil {
		t.Fatal(err)
	}
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	return d, st
}

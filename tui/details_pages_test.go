package tui

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// openPage opens the details and then the page behind link k.
func openPage(t *testing.T, d *driver, k string) {
	t.Helper()
	d.typeText("h")
	focusField(t, d, detailsForm, k)
	d.press(tea.KeyEnter)
	d.fire() // the private names, when it is the register
}

// TestRegisterAddsInterviewsWithPrivateNames: n adds an interview with the
// next pseudonym; what is typed goes into the audit, except the real name
// and contact, which go to the private names only (never into the audit
// as saved).
func TestRegisterAddsInterviewsWithPrivateNames(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	openPage(t, d, "link.interviews")
	if v := d.view(); !strings.Contains(v, "No interviews yet") || !strings.Contains(v, "private") {
		t.Errorf("empty register:\n%s", v)
	}
	d.typeText("n")
	if v := d.view(); !strings.Contains(v, "Interview I-01") || !strings.Contains(v, "[I-01]") {
		t.Fatalf("the new interview's form does not show its pseudonym:\n%s", v)
	}
	d.typeText("Pallaquera")
	d.press(tea.KeyTab)
	d.press(tea.KeyRight) // woman
	d.press(tea.KeyTab)
	d.typeText("Cancha")
	d.press(tea.KeyTab)
	d.typeText("2026-11-2") // not yet a date
	if v := d.view(); !strings.Contains(v, "✗") {
		t.Errorf("a date being typed shows no problem:\n%s", v)
	}
	d.typeText("1")
	for range 2 {
		d.press(tea.KeyTab)
	}
	d.press(tea.KeyTab) // topics
	d.press(tea.KeyRight)
	d.press(tea.KeyRight)
	d.press(tea.KeySpace) // labour, the third area of the test catalog
	focusRecord(t, d, "name")
	if v := d.view(); !strings.Contains(v, "Private: kept on this laptop only") {
		t.Errorf("the real name is not marked private:\n%s", v)
	}
	d.typeText("Zenobia Quimbaya")
	d.press(tea.KeyTab)
	d.typeText("+57 300 555 0199")
	d.press(tea.KeyEsc)
	d.fire()

	a := st.saved("a1")
	if len(a.Header.Register) != 1 {
		t.Fatalf("register saved as %+v", a.Header.Register)
	}
	iv := a.Header.Register[0]
	if iv.Pseudonym != "I-01" || iv.Role != "Pallaquera" || iv.Gender != audit.Woman || iv.Site != "Cancha" || iv.Date != "2026-11-21" ||
		len(iv.Topics) != 1 {
		t.Errorf("interview saved as %+v", iv)
	}
	raw, _ := json.Marshal(a)
	if strings.Contains(string(raw), "Zenobia") || strings.Contains(string(raw), "555 0199") {
		t.Error("a private name or contact reached the audit")
	}
	if c := st.private["a1"].Of("I-01"); c.Name != "Zenobia Quimbaya" || c.Contact != "+57 300 555 0199" {
		t.Errorf("private names saved as %+v", c)
	}
	v := d.view()
	if !strings.Contains(v, "I-01") || !strings.Contains(v, "Pallaquera") || !strings.Contains(v, "✓") || strings.Contains(v, "Zenobia") {
		t.Errorf("the list shows the interview (and only a mark for its name):\n%s", v)
	}
	// A second one gets the next pseudonym; left empty, it goes away.
	d.typeText("n")
	if !strings.Contains(d.view(), "Interview I-02") {
		t.Errorf("second interview:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	d.fire()
	if n := len(st.saved("a1").Header.Register); n != 1 {
		t.Errorf("an interview added and left empty stays: %d in the register", n)
	}
}

// focusRecord tabs through the record form until field k has the focus.
func focusRecord(t *testing.T, d *driver, k string) {
	t.Helper()
	for range 30 {
		var r recordForm
		switch d.m.details.page {
		case pageInterviews:
			r = d.m.details.iv.form
		case pageSampling:
			r = d.m.details.smp.form
		}
		if len(r.fields) > 0 && r.fields[r.focus].key == k {
			return
		}
		d.press(tea.KeyTab)
	}
	t.Fatalf("no field %q reached with tab", k)
}

// TestRegisterRemoval: an interview a finding cites stays (the status line
// says where it is cited); another goes, with its private name.
func TestRegisterRemoval(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.Register = []audit.Interview{
		{Pseudonym: "I-01", Role: "Minero", Gender: audit.Man},
		{Pseudonym: "I-02", Role: "Pallaquera", Gender: audit.Woman},
	}
	a.Finding("1.1").Notes = "Confirmed by a miner [I-01]."
	st := newFakeStore(cat, a)
	st.private = map[string]audit.Private{"a1": {Interviewees: map[string]audit.Contact{"I-02": {Name: "Zenobia"}}}}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	openPage(t, d, "link.interviews")
	d.typeText("x")
	if v := d.view(); !strings.Contains(v, "Remove interview I-01") {
		t.Fatalf("no question before removing:\n%s", v)
	}
	d.typeText("y")
	if v := d.view(); !strings.Contains(v, "I-01 is cited by 1.1") {
		t.Errorf("a cited interview was not refused:\n%s", v)
	}
	d.typeText("jx")
	d.typeText("y")
	d.fire()
	reg := st.saved("a1").Header.Register
	if len(reg) != 1 || reg[0].Pseudonym != "I-01" {
		t.Errorf("register after removing I-02: %+v", reg)
	}
	if c := st.private["a1"].Of("I-02"); !c.IsZero() {
		t.Errorf("the removed interview's private name stays: %+v", c)
	}
}

// TestPrivateNamesSavedOnQuitAndSignal: a name typed just before quitting,
// or before a signal (Flush), reaches the private names.
func TestPrivateNamesSavedOnQuitAndSignal(t *testing.T) {
	for _, how := range []string{"quit", "flush"} {
		d, st := openWalk(t, 80, 24)
		openPage(t, d, "link.interviews")
		d.typeText("n")
		d.typeText("Minero")
		focusRecord(t, d, "name")
		d.typeText("Zenobia")
		switch how {
		case "quit":
			d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
			d.fire()
		case "flush":
			if err := d.m.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		if c := st.private["a1"].Of("I-01"); c.Name != "Zenobia" {
			t.Errorf("%s: private name saved as %+v", how, c)
		}
		if st.saved("a1").Header.Register[0].Role != "Minero" {
			t.Errorf("%s: the interview is not saved", how)
		}
	}
}

// TestPrivateNamesUnreadable: the name fields stay locked and the status
// line says why; the rest of the interview is edited as usual.
func TestPrivateNamesUnreadable(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	st.privErr = &audit.PrivateError{Path: "/home/audits/a1/private/interviewees.json", Err: errors.New("permission denied")}
	d.typeText("h")
	focusField(t, d, detailsForm, "link.interviews")
	d.press(tea.KeyEnter) // no timer fired: the status line still shows
	if v := d.view(); !strings.Contains(v, "private names: /home/audits/a1/private/interviewees.json") {
		t.Errorf("the status line does not say the private names cannot be read:\n%s", v)
	}
	d.typeText("n")
	d.typeText("Minero")
	focusRecord(t, d, "name")
	d.typeText("Zenobia")
	if v := d.view(); strings.Contains(v, "Zenobia") || !strings.Contains(v, "cannot be read") {
		t.Errorf("a locked name field took keys:\n%s", v)
	}
	// The status line's word went with the next key; the form keeps the
	// reason and the file, where the locked fields point.
	d.fire()
	if v := d.view(); !strings.Contains(v, "interviewees.json") || !strings.Contains(v, "permission denied") {
		t.Errorf("the form does not say why the names cannot be read:\n%s", v)
	}
}

// TestSamplingPage: the plan follows the audit's FSP counts and its rule
// (config.toml's for an audit that records none, recorded at the first
// change); the actual sample and rationale are recorded; a sample larger
// than the population is refused under the field.
func TestSamplingPage(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.FSP = audit.FSP{Mines: 3, Plants: 1, Miners: 86}
	st := newFakeStore(cat, a)
	cfg := audit.Config{SampleRule: "percent", SamplePercent: 20}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Config: cfg}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("h")
	if v := d.view(); !strings.Contains(v, "interview 18 of") || !strings.Contains(v, "visit 3 of 3 mines, 1 of 1 plant;") {
		t.Errorf("the details do not show the proposal of config's rule (20 %% of 86 = 18):\n%s", v)
	}
	focusField(t, d, detailsForm, "link.sampling")
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "20 % rounded up, at least 3") || !strings.Contains(v, "from config.toml") {
		t.Errorf("sampling page:\n%s", v)
	}
	d.typeText("jj") // miners
	d.press(tea.KeyEnter)
	d.typeText("90")
	if v := d.view(); !strings.Contains(v, "✗ actual sample of miners is 90, more than the 86 there are") {
		t.Errorf("a sample over the population is not refused:\n%s", v)
	}
	clearField(d)
	d.typeText("12")
	d.press(tea.KeyTab)
	d.typeText("At shift change.")
	d.press(tea.KeyEsc)
	d.fire()
	sp := st.saved("a1").Header.Sampling
	if sp.Rule != (audit.SampleRule{Kind: audit.SamplePercent, Percent: 20, Minimum: 3}) {
		t.Errorf("the rule was not recorded at the first change: %+v", sp.Rule)
	}
	l := audit.SamplePlan(st.saved("a1").Header, audit.DefaultSampleRule)[2]
	if l.Unit != audit.UnitMiners || l.Actual != 12 || l.Planned != 18 || l.Rationale != "At shift change." || !l.Short {
		t.Errorf("miners: %+v", l)
	}
	// A group of the inspector's.
	d.typeText("n")
	d.typeText("Pallaqueras")
	d.press(tea.KeyTab)
	d.typeText("24")
	d.press(tea.KeyTab)
	d.typeText("6")
	d.press(tea.KeyEsc)
	d.fire()
	if v := d.view(); !strings.Contains(v, "interviews: Pallaqueras") {
		t.Errorf("group not listed:\n%s", v)
	}
	g := st.saved("a1").Header.Sampling.Counts[1]
	if g != (audit.SampleCount{Unit: audit.UnitGroup, Name: "Pallaqueras", Size: 24, Actual: 6}) {
		t.Errorf("group saved as %+v", g)
	}
}

// TestClosingPage: the representative's response without a name is faulted
// under the field; with name and role the auditee's word is recorded and
// the details page says so.
func TestClosingPage(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	openPage(t, d, "link.closing")
	focusField(t, d, sectionForm, "closing.response")
	d.press(tea.KeyRight) // accepts
	if v := d.view(); !strings.Contains(v, "✗ the representative's name is required") {
		t.Errorf("a response without the representative's name:\n%s", v)
	}
	focusField(t, d, sectionForm, "closing.representative_name")
	d.typeText("Rosa Elvira Cano")
	d.press(tea.KeyTab)
	d.typeText("Presidenta")
	d.press(tea.KeyEsc)
	d.fire()
	c := st.saved("a1").Header.Closing
	if c.Response != audit.Accepts || c.RepName != "Rosa Elvira Cano" || c.RepRole != "Presidenta" {
		t.Errorf("closing saved as %+v", c)
	}
	if v := d.view(); !strings.Contains(v, "accepts the findings (Rosa Elvira Cano)") {
		t.Errorf("the details page does not say the auditee's word:\n%s", v)
	}
}

// TestPlanPageShowsTheDefaults: an empty objectives field shows the text
// the report prints in its place, in the UI's language.
func TestPlanPageShowsTheDefaults(t *testing.T) {
	for lang, want := range map[string]string{"en": "Determine whether the FSP meets", "es": "Determinar si el SPF cumple"} {
		cat := testCatalog(30)
		st := newFakeStore(cat, testAudit(cat, "a1"))
		d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: lang}, 80, 24)
		d.press(tea.KeyEnter)
		openPage(t, d, "link.plan")
		if v := d.view(); !strings.Contains(v, want) {
			t.Errorf("%s: the default objectives are not shown:\n%s", lang, v)
		}
		focusField(t, d, sectionForm, "plan.not_covered")
		d.typeText("El Roble (road closed)")
		d.press(tea.KeyEsc)
		d.fire()
		if got := st.saved("a1").Header.Plan; got.NotCovered != "El Roble (road closed)" || got.Objectives != "" {
			t.Errorf("%s: plan saved as %+v", lang, got)
		}
	}
}

// TestClosingDateTakesToday: "hoy" in the closing meeting's date is today,
// as in the audit's own dates, instead of a date-form error.
func TestClosingDateTakesToday(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: "es"}, 80, 24)
	d.press(tea.KeyEnter)
	openPage(t, d, "link.closing")
	focusField(t, d, sectionForm, "closing.date")
	d.typeText("hoy")
	d.press(tea.KeyTab)
	d.press(tea.KeyEsc)
	d.fire()
	if got, want := st.saved("a1").Header.Closing.Date, testNow.Format(audit.DateLayout); got != want {
		t.Errorf("closing date saved as %q, want %q", got, want)
	}
}

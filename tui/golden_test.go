package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// goldenStore is a store with a realistic mix: a walked audit, a
// finalized one and an unreadable one.
func goldenStore() *fakeStore {
	cat := testCatalog(30)
	a := testAudit(cat, "2026-11-20-cooperativa-la-esperanza-7f3a")
	a.Header.Coordinates = &audit.GeoPoint{Lat: 6.2442, Lon: -75.5812}
	a.Header.LegalID, a.Header.Region, a.Header.Municipality = "900.123.456-7", "Antioquia", "Segovia"
	a.Header.FSP = audit.FSP{Description: "One underground mine and its gravity plant.", Mines: 1, Plants: 1, Miners: 48}
	a.Header.CoInspectors = []string{"Luis Pérez", "Marta Gómez"}
	a.Header.SitesVisited = []string{"Mina El Roble, nivel 3", "Planta de beneficio"}
	a.Header.Interviews = []audit.Interviewed{{Role: "Miners", Women: 2, Men: 9}, {Role: "Mineral selectors", Women: 6, Other: 1}}
	a.Header.OpeningMeeting = "Board and 12 members present. Scope and agenda agreed."
	a.Header.Plan = audit.Plan{Scope: "Mina El Roble and its gravity plant: extraction, processing, sale.", Period: "2025-11 – 2026-10",
		NotCovered: "The old adit (flooded)."}
	a.Header.Register = []audit.Interview{
		{Pseudonym: "I-01", Role: "Presidenta de la junta", Gender: audit.Woman, Site: "Oficina", Date: "2026-11-20", Language: "es",
			Topics: []standards.Area{standards.Social}},
		{Pseudonym: "I-02", Role: "Pallaqueras", Gender: audit.Woman, Site: "Cancha de pallaqueo", Date: "2026-11-20", GroupSize: 6,
			Topics: []standards.Area{standards.Social, standards.Labour}},
		{Pseudonym: "I-03", Role: "Minero", Gender: audit.Man, Site: "Mina El Roble, nivel 3", Date: "2026-11-21"},
	}
	a.Header.Sampling = audit.Sampling{Rule: audit.DefaultSampleRule, Counts: []audit.SampleCount{
		{Unit: audit.UnitMiners, Actual: 6, Rationale: "Chosen at shift change, without the board."},
		{Unit: audit.UnitGroup, Name: "Pallaqueras", Size: 24, Actual: 6},
	}}
	a.Header.Closing = audit.Closing{Date: "2026-11-21", RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: audit.AcceptsWithComments,
		Comments: "Aceptamos; el registro se completa este mes."}
	a.Finding("1.1").Verdict = audit.Conforms
	f := a.Finding("1.2")
	f.Verdict = audit.Minor
	f.Notes = "Señora Núñez, pallaquera, dice que el registro de mineros no incluye a las mujeres que seleccionan mineral.\nSegunda visita: el registro sigue incompleto."
	f.CorrectiveAction = "Add every mineral selector to the miner register."
	// Two photos on 1.2: one taken on site during the audit, captioned;
	// one a year old, which the walk and the summary mark.
	co := time.FixedZone("", -5*3600)
	for _, ev := range []audit.Evidence{
		{SHA256: strings.Repeat("ab", 32), Name: "frente-nivel3.jpg", Size: 2_311_456, MediaType: "image/jpeg",
			Captured: time.Date(2026, 11, 21, 10, 15, 0, 0, co), GPS: &audit.GeoPoint{Lat: 6.2447, Lon: -75.5809},
			Caption: "Frente de trabajo del nivel 3, ventilación forzada", Requirements: []string{"1.2"}},
		{SHA256: strings.Repeat("cd", 32), Name: "almacen-2025.jpg", Size: 1_873_004, MediaType: "image/jpeg",
			Captured: time.Date(2025, 11, 2, 9, 0, 0, 0, co), GPS: &audit.GeoPoint{Lat: 6.2447, Lon: -75.5809},
			Requirements: []string{"1.2"}},
	} {
		a.Evidence = append(a.Evidence, ev)
		f.Evidence = append(f.Evidence, ev.SHA256)
	}
	a.Finding("1.4").Verdict = audit.NA
	a.Finding("1.4").Justification = "No processing plant in the FSP."
	b := testAudit(cat, "2026-10-02-asociacion-oro-verde-1b2c")
	b.Header.ASMO, b.Header.Site, b.Header.AuditType = "Asociación Oro Verde", "Quebrada Honda", audit.Surveillance
	b.Header.CertYear = 1
	b.Status = audit.Finalized
	completeAudit(b)
	st := newFakeStore(cat, a, b)
	// As the store lists it: the reason in English (Err) and as a value
	// (Cause) the home words in the UI's language.
	bad := &audit.FileProblem{Kind: audit.FileSyntax, Line: 12, Col: 3}
	st.broken["2026-09-15-mina-rota-0000"] = audit.Entry{ID: "2026-09-15-mina-rota-0000",
		Err: "unreadable audit.json: " + bad.Error(), HasBackup: true,
		Cause: &audit.CorruptError{Path: "audit.json", Reason: bad.Error(), Cause: bad, HasBackup: true, ID: "2026-09-15-mina-rota-0000"}}
	return st
}

// goldenScreens are the ways to every screen from the home, on
// goldenStore's audits.
var goldenScreens = []struct {
	name string
	keys func(d *driver)
}{
	{"home", func(d *driver) {}},
	{"new", func(d *driver) {
		d.typeText("n")
		d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	}},
	{"walk", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("j")
		d.fire()
	}},
	{"walk_notes", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("j")
		d.press(tea.KeyEnter)
		d.fire()
	}},
	{"walk_evidence", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("jvj")
		d.fire()
	}},
	{"walk_justify", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("jvjJ")
		d.typeText("Foto del informe 2025 de la ASMO")
	}},
	{"search", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("/registros")
	}},
	{"summary", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("s")
		d.fire()
	}},
	{"export", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("sx")
		d.fire()
	}},
	{"details", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
	}},
	{"details_table", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		// An audit made before the register: its hand-typed table shows.
		d.m.s.a.Header.Register = nil
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "interviews[1].women")
	}},
	{"details_plan", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "link.plan")
		d.press(tea.KeyEnter)
	}},
	{"details_interviews", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "link.interviews")
		d.press(tea.KeyEnter)
		d.fire()
		d.typeText("j")
	}},
	{"details_interview", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "link.interviews")
		d.press(tea.KeyEnter)
		d.fire()
		d.typeText("j")
		d.press(tea.KeyEnter)
		for range 6 {
			d.press(tea.KeyTab)
		}
	}},
	{"details_sampling", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "link.sampling")
		d.press(tea.KeyEnter)
	}},
	{"details_closing", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("h")
		focusField(d.t.(*testing.T), d, detailsForm, "link.closing")
		d.press(tea.KeyEnter)
		focusField(d.t.(*testing.T), d, sectionForm, "closing.response")
	}},
	{"details_readonly", func(d *driver) {
		d.typeText("j")
		d.press(tea.KeyEnter)
		d.typeText("sh")
	}},
	{"amend", func(d *driver) {
		d.typeText("j")
		d.press(tea.KeyEnter)
		d.typeText("sA")
		d.press(tea.KeyEnter)
	}},
	{"help", func(d *driver) {
		d.typeText("jj")
		d.press(tea.KeyEnter)
		d.typeText("?")
		d.fire()
	}},
	// A finalized audit's walk: read-only, and why, above the panes.
	{"walk_readonly", func(d *driver) {
		d.typeText("j")
		d.press(tea.KeyEnter)
		d.fire()
	}},
	// The signing key's form, as the first finalize opens it.
	{"key_form", func(d *driver) {
		d.typeText("K")
	}},
}

// TestGoldenScreens: every screen in English at 80x24 and 120x40, and in
// Spanish at 80x24 (files es_*).
func TestGoldenScreens(t *testing.T) {
	for _, run := range []struct {
		lang, prefix string
		w, h         int
	}{{"en", "", 80, 24}, {"en", "", 120, 40}, {"es", "es_", 80, 24}} {
		for _, sc := range goldenScreens {
			t.Run(fmt.Sprintf("%s%s_%dx%d", run.prefix, sc.name, run.w, run.h), func(t *testing.T) {
				st := goldenStore()
				deps := Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}, Lang: run.lang, Keys: &fakeKeys{},
					Config: audit.Config{Inspector: "Ana María Restrepo Gómez", Organisation: "Auditores Andinos SAS"}}

				d := newDriver(t, deps, run.w, run.h)
				sc.keys(d)
				golden.RequireEqual(t, []byte(d.view()))
			})
		}
	}
}

package tui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/assay-dev/assay/audit"
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
	a.Finding("1.1").Verdict = audit.Conforms
	f := a.Finding("1.2")
	f.Verdict = audit.Minor
	f.Notes = "Señora Núñez, pallaquera, dice que el registro de mineros no incluye a las mujeres que seleccionan mineral.\nSegunda visita: el registro sigue incompleto."
	f.CorrectiveAction = "Add every mineral selector to the miner register."
	a.Finding("1.4").Verdict = audit.NA
	a.Finding("1.4").Justification = "No processing plant in the FSP."
	b := testAudit(cat, "2026-10-02-asociacion-oro-verde-1b2c")
	b.Header.ASMO, b.Header.Site, b.Header.AuditType = "Asociación Oro Verde", "Quebrada Honda", audit.Surveillance
	b.Header.CertYear = 1
	b.Status = audit.Finalized
	completeAudit(b)
	st := newFakeStore(cat, a, b)
	st.broken["2026-09-15-mina-rota-0000"] = audit.Entry{ID: "2026-09-15-mina-rota-0000",
		Err: "audit.json line 12: invalid character '}' looking for beginning of value", HasBackup: true}
	return st
}

func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		st := goldenStore()
		deps := Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}}
		t.Run(fmt.Sprintf("home_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("new_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("n")
			d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("walk_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("j")
			d.fire()
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("walk_notes_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.fire()
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("summary_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("s")
			d.fire()
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("details_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("h")
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("details_table_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("h")
			focusField(t, d, detailsForm, "interviews[1].women")
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("details_readonly_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("sh")
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("amend_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("sA")
			d.press(tea.KeyEnter)
			golden.RequireEqual(t, []byte(d.view()))
		})
		t.Run(fmt.Sprintf("help_%dx%d", w, h), func(t *testing.T) {
			d := newDriver(t, deps, w, h)
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("?")
			d.fire()
			golden.RequireEqual(t, []byte(d.view()))
		})
	}
}

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// A table cuts a long cell; the selected row's whole text is under it.
func TestCutCellsAreReadWholeUnderTheTable(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	site := "Cancha de pallaqueo junto al río Nechí, sector La Bonga"
	why := "El Roble no se visitó porque un derrumbe cerró la vía; sus registros se revisaron en la oficina."
	a.Header.Register = []audit.Interview{{Pseudonym: "I-01", Role: "Pallaquera", Gender: audit.Woman, Site: site}}
	a.Header.FSP = audit.FSP{Mines: 3, Plants: 1, Miners: 86}
	a.Header.Sampling.Counts = []audit.SampleCount{{Unit: audit.UnitMines, Actual: 2, Rationale: why}}
	for _, page := range []struct{ link, want string }{{"link.interviews", site}, {"link.sampling", why}} {
		d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 80, 24)
		d.press(tea.KeyEnter)
		openPage(t, d, page.link)
		if v := d.view(); !strings.Contains(flat(v), page.want) {
			t.Errorf("%s: the selected row's text is not whole anywhere:\n%s", page.link, v)
		}
	}
}

// The delete question names a long ASMO whole, and a provenance longer
// than the screen is read a page at a time on the catalog line.
func TestLongNameAndProvenanceAreReadWhole(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.ASMO = longASMO + " de la Provincia de San Antonio de Putina, Región Puno"
	cat.Provenance = strings.Repeat("Requirement wording is paraphrased, not the Standard's text. ", 20) + "Last words here."
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 80, 24)
	if v := d.view(); !strings.Contains(flat(v), a.Header.ASMO) {
		t.Errorf("the home cuts the name:\n%s", v)
	}
	d.typeText("d")
	if v := d.view(); !strings.Contains(flat(v), a.Header.ASMO) || !strings.Contains(flat(v), "any other key = no") {
		t.Errorf("the delete question cuts the name or its keys:\n%s", v)
	}
	d.typeText("x") // no
	d.typeText("n")
	focusField(t, d, func(m Model) form { return m.form.f }, "catalog")
	if v := d.view(); strings.Contains(flat(v), "Last words here.") || !strings.Contains(v, "pgdn") {
		t.Fatalf("a provenance longer than the screen shows no way on:\n%s", v)
	}
	for range 5 {
		d.press(tea.KeyPgDown)
	}
	if v := d.view(); !strings.Contains(flat(v), "Last words here.") {
		t.Errorf("pgdn does not reach the provenance's end:\n%s", v)
	}
}

// A third language dropped in the home's locales folder is offered in
// the export dialog by its own name (the UI's files do not name it).
func TestExportDialogNamesAThirdLanguage(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, "locales"), 0o755)
	if err := os.WriteFile(filepath.Join(home, "locales", "tui.pt.toml"), []byte(`language_name = "português"`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msgs, errs := LoadMessages(home)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat, testAudit(cat, "a1")), Catalogs: catalogs(cat), Exporter: &fakeExporter{},
		Messages: msgs, Lang: "es", ReportLanguages: []string{"en", "es", "pt"}}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyRight)
	if v := d.view(); !strings.Contains(v, "‹ português ›") {
		t.Errorf("the third language is not named by itself:\n%s", v)
	}
}

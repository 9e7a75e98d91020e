package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// These tests come from a first use of assay in a terminal at 80x24: each
// is a point where the screen did not tell the inspector what they needed.

// flat is the view's words with single spaces: text wrapped over lines
// reads as one.
func flat(v string) string { return strings.Join(strings.Fields(v), " ") }

const longASMO = "Asociación de Mineros Artesanales Auríferos Señor de Quilcapampa"

// fillNewForm fills the required fields of the new-audit form, with a long
// ASMO name, and creates the audit.
func fillNewForm(t *testing.T, d *driver) {
	t.Helper()
	d.typeText("n")
	d.typeText(longASMO)
	d.press(tea.KeyTab) // legal id
	d.press(tea.KeyTab) // country
	d.typeText("Perú")
	for range 3 { // region, municipality, site
		d.press(tea.KeyTab)
	}
	d.typeText("Mina La Rinconada")
	for range 7 { // coordinates … lead inspector
		d.press(tea.KeyTab)
	}
	d.typeText("Nu Inspector")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if d.m.screen != screenWalk {
		t.Fatalf("audit not created:\n%s", d.view())
	}
}

func TestCreatedAuditSaysWhereToStartNotCreating(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	fillNewForm(t, d)
	v := d.view()
	if strings.Contains(v, "creating…") {
		t.Errorf("the walk still says creating… once the audit exists:\n%s", v)
	}
	if !strings.Contains(v, "audit created") || !strings.Contains(v, "space next open") {
		t.Errorf("a new audit does not say how to start:\n%s", v)
	}
}

func TestFormShowsTheStartOfALongNameAfterLeavingIt(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	d.typeText(longASMO + " de Ananea")
	d.press(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "ASMO *            Asociación de Mineros Artesanales") {
		t.Errorf("the left ASMO field shows its tail, not its start:\n%s", v)
	}
}

// focusKey tabs through the details form until the field k has the focus.
func focusKey(t *testing.T, d *driver, k string) {
	t.Helper()
	for range 60 {
		if d.m.details.f.focused().key == k {
			return
		}
		d.press(tea.KeyTab)
	}
	t.Fatalf("field %s never got the focus", k)
}

func TestTypedCountsReplaceTheZero(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("h")
	if v := d.view(); !strings.Contains(v, "0 = initial") {
		t.Errorf("the certification year does not say what its number means:\n%s", v)
	}
	focusKey(t, d, "fsp.mines")
	d.typeText("12")
	// A group interview's size is a count too, in the register's form.
	focusKey(t, d, "link.interviews")
	d.press(tea.KeyEnter)
	d.typeText("n")
	d.typeText("mineros")
	for range 4 {
		d.press(tea.KeyTab)
	}
	d.typeText("12")
	h := d.m.s.a.Header
	if h.FSP.Mines != 12 {
		t.Errorf("FSP mines = %d after typing 12, want 12", h.FSP.Mines)
	}
	if len(h.Register) != 1 || h.Register[0].Role != "mineros" || h.Register[0].GroupSize != 12 {
		t.Errorf("register = %+v, want mineros, a group of 12", h.Register)
	}
	if v := d.view(); strings.Contains(v, "03") || strings.Contains(v, "012") {
		t.Errorf("typed counts were appended to a zero:\n%s", v)
	}
}

func TestHomeShowsLongNamesWholeAt80(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.ASMO = longASMO
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 80, 24)
	v := d.view()
	for _, want := range []string{longASMO, "Mina El Roble · initial", "draft"} {
		if !strings.Contains(v, want) {
			t.Errorf("home lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "↑/k") {
		t.Errorf("help offers moving in a list of one:\n%s", v)
	}
}

func TestHomeConfirmNamesTheASMOAndKeepsTheKeys(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.ASMO = longASMO + " de la Provincia de San Antonio de Putina, Región Puno"
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("d")
	v := d.view()
	if !strings.Contains(v, "Move “Asociación de Mineros") || !strings.Contains(flat(v), "y = yes, any other key = no") {
		t.Errorf("delete question lacks the name or the keys to answer:\n%s", v)
	}
}

func TestWalkHelpShowsTheFastPathAt80(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	lines := strings.Split(d.view(), "\n")
	help := lines[len(lines)-1]
	for _, want := range []string{"c/m/M/n/o verdict", "space next open", "enter notes", "s summary"} {
		if !strings.Contains(help, want) {
			t.Errorf("help line at 80 columns lacks %q: %q", want, help)
		}
	}
	d.typeText("m") // the combined entry is help only: each key still works alone
	if d.m.s.a.VerdictOf("1.1") != audit.Minor {
		t.Errorf("m no longer gives a minor NC")
	}
}

// longCatalogWalk opens a walk on a catalog whose requirements have more
// checks than fit at 80x24.
func longCatalogWalk(t *testing.T) *driver {
	t.Helper()
	cat := testCatalog(30)
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		for j := range 8 {
			r.Guidance = append(r.Guidance, "Check number "+string(rune('A'+j))+" of the records.")
		}
	}
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	return d
}

func TestDetailSaysWhenItsTextGoesOn(t *testing.T) {
	d := longCatalogWalk(t)
	if v := d.view(); !strings.Contains(v, "more lines · pgdn") {
		t.Fatalf("cut requirement text does not say it goes on:\n%s", v)
	}
	for range 20 {
		d.press(tea.KeyPgDown)
	}
	v := d.view()
	if strings.Contains(v, "more lines · pgdn") || !strings.Contains(v, "Expected evidence") {
		t.Errorf("at the end of the text, still says more, or lacks the end:\n%s", v)
	}
	end := d.m.walk.scroll
	d.press(tea.KeyPgUp)
	if d.m.walk.scroll >= end {
		t.Errorf("pgup after many pgdn did not move back (scroll %d, was %d)", d.m.walk.scroll, end)
	}
}

func TestFindingTakesOnlyTheRowsItNeeds(t *testing.T) {
	d := longCatalogWalk(t)
	// An open finding with no notes needs five rows, the title one; the
	// text gets the rest.
	if got, want := d.m.walk.detailHeight(), d.m.c.height-6; got != want {
		t.Errorf("detail height %d, want %d", got, want)
	}
	d.typeText("n")
	if v := d.view(); !strings.Contains(v, "Justification (enter, then tab to write)") {

		t.Errorf("an empty justification does not say how to write it:\n%s", v)
	}
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	just := "La planta de beneficio no opera en el sitio desde 2024; no hay relaves ni efluentes que revisar."
	d.typeText(just)
	d.press(tea.KeyEsc)
	// Read whole, on as many rows as it takes.
	if v := strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "│", " ")), " "); !strings.Contains(v, "ni efluentes que revisar.") {

		t.Errorf("the justification is cut where it matters:\n%s", v)
	}
}

func TestBadDueDateErrorIsReadWhole(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("m")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.press(tea.KeyTab)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("2027-13-01")
	d.press(tea.KeyEsc)
	v := d.view()
	if !strings.Contains(v, "calendar") || !strings.Contains(v, "last valid date is kept") {
		t.Errorf("due date error cut, or does not say what was kept:\n%s", v)
	}
	if got := st.saved("a1").Findings["1.1"].DueDate; got != "" {
		t.Errorf("invalid due date saved as %q", got)
	}
}

func TestAllAssessedSaysWhatComesNext(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText(" ")
	if v := d.view(); !strings.Contains(v, "s opens the summary") {
		t.Errorf("nothing says what to do once everything has a verdict:\n%s", v)
	}
}

func TestTabListsTheFilesWhenSeveralFit(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"bocamina-1.jpg", "bocamina-2.jpg"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := openWalk(t, 80, 24)
	d.typeText("a")
	d.typeText(dir + "/b")
	d.press(tea.KeyTab)
	if got := d.m.walk.attach.Value(); got != dir+"/bocamina-" {
		t.Fatalf("tab completed to %q, want the common prefix", got)
	}
	d.press(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "bocamina-1.jpg  bocamina-2.jpg") {
		t.Errorf("a second tab does not list the candidates:\n%s", v)
	}
	d.typeText("x")
	d.press(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "no file starts with that") {
		t.Errorf("tab on a name nothing fits says nothing:\n%s", v)
	}
}

func TestTitleShowsTheWholeNameWhenWide(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.ASMO = longASMO
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 120, 40)
	d.press(tea.KeyEnter)
	if first := strings.Split(d.view(), "\n")[0]; !strings.Contains(first, longASMO) {
		t.Errorf("title cuts the name at 120 columns: %q", first)
	}
}

func TestFinalizeBlockedSaysSoWithoutAsking(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("cs")
	d.typeText("f")
	v := d.view()
	if strings.Contains(v, "Finalize this audit?") {
		t.Errorf("asks to finalize an audit that cannot be:\n%s", v)
	}
	if !strings.Contains(v, "cannot finalize yet") || !strings.Contains(v, "Before finalizing") {
		t.Errorf("blocked finalize does not say why or where the list is:\n%s", v)
	}
	if strings.Contains(v, "things") {
		t.Errorf("clumsy count in the message:\n%s", v)
	}
}

// longExporter returns a deep path, or fails with a long message.
type longExporter struct{ err error }

func (x longExporter) Export(_ Handle, id string, _ ExportRequest) (string, error) {
	if x.err != nil {
		return "", x.err
	}
	return "/home/inspectora/assay/audits/2026-11-23-asociacion-de-mineros-artesanales-1791/exports/" + id + "-r1.pdf", nil
}

func TestConfirmFinalizeExportAndAfterAt80(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: longExporter{}}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sf")
	if v := d.view(); !strings.Contains(v, "y = yes, any other key = no") {
		t.Errorf("the question is cut before its answer keys:\n%s", v)
	}
	d.typeText("y")
	v := d.view()
	if strings.Contains(v, "already finalized") || !strings.Contains(v, "x exports the signed PDF") {
		t.Errorf("a finalized summary lists itself as a blocker, or does not say what next:\n%s", v)
	}
	d.typeText("x")
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "✓ exported a1-r1.pdf in") || !strings.Contains(v, "/home/inspectora/assay/audits/2026-11-23-asociacion-de-mineros-artesanales") {
		t.Errorf("export path cut:\n%s", v)
	}
}

func TestExportErrorIsReadToItsEnd(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	x := longExporter{err: errors.New(`no signing key yet. In another terminal run: assay --home "/home/inspectora/.local/share/assay" keys create --name "Your Name" — then press x again`)}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: x}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(flat(v), "— then press x again") {
		t.Errorf("the export error's advice is cut:\n%s", v)
	}
}

func TestKeysTypedAheadOfAScreenChangeReachTheNewScreen(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	// A fast typist: "s" then "f" read from the terminal in one go.
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("sf")})
	if d.m.screen != screenSummary {
		t.Fatalf("screen = %v after s, want summary", d.m.screen)
	}
	if v := d.view(); !strings.Contains(v, "cannot finalize yet") {
		t.Errorf("the f typed right after s was lost:\n%s", v)
	}
}

func TestCatalogCaveatIsReadWhole(t *testing.T) {
	cat := testCatalog(30)
	cat.Provenance = "Requirement wording is paraphrased, not the Standard's text; check the official Fairmined Standard before citing it."
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	if v := d.view(); !strings.Contains(flat(v), "check the official Fairmined Standard before citing it.") {
		t.Errorf("the catalog's caveat is cut:\n%s", v)
	}
}

func TestExportErrorStaysAfterTheStatusExpires(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	x := longExporter{err: errors.New(`no signing key yet. In another terminal run: assay keys create --name "Your Name" — then press x again`)}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: x}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyEnter)
	d.fire() // the status line's time runs out
	if v := d.view(); !strings.Contains(flat(v), "✗ export failed: no signing key yet") || !strings.Contains(flat(v), "then press x again") {
		t.Errorf("the export error went away with the status line:\n%s", v)
	}
}

func TestEscTypedJustBeforeAKeyIsBothKeys(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("h")
	asmo := d.m.s.a.Header.ASMO
	// The terminal delivers esc then s in one read: alt+s.
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("s"), Alt: true})
	if d.m.s.a.Header.ASMO != asmo {
		t.Errorf("the s after esc was typed into the ASMO: %q", d.m.s.a.Header.ASMO)
	}
	if d.m.screen != screenSummary {
		t.Errorf("screen = %v after esc s, want summary (details → walk → summary)", d.m.screen)
	}
}

// TestHomeShowsTheSiteWholeBesideAShortName: a site that fits beside the
// ASMO's name is shown there whole, not cut to a few letters beside the
// progress bar.
func TestHomeShowsTheSiteWholeBesideAShortName(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Header.ASMO, a.Header.Site = "Cooperativa Minera La Esperanza", "Mina La Esperanza, vereda El Llano"
	d := newDriver(t, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat), Lang: "es"}, 80, 24)
	if v := d.view(); !strings.Contains(v, "Cooperativa Minera La Esperanza · Mina La Esperanza, vereda El Llano") {
		t.Errorf("site not whole beside the name:\n%s", v)
	}
}

package tui

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/assay-dev/assay/audit"
)

func TestMain(m *testing.M) {
	// Pin what the terminal would otherwise decide, so views are the same
	// on every machine.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	time.Local = time.UTC
	os.Exit(m.Run())
}

// openWalk starts the UI on one audit and opens it.
func openWalk(t *testing.T, w, h int) (*driver, *fakeStore) {
	t.Helper()
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, w, h)
	d.press(tea.KeyEnter)
	if d.m.screen != screenWalk {
		t.Fatalf("screen = %v after enter, want walk; view:\n%s", d.m.screen, d.view())
	}
	return d, st
}

func TestHomeListsAuditsAndUnreadableOnes(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	st.broken["b2"] = audit.Entry{ID: "b2", Err: "audit.json line 3: unexpected end of JSON", HasBackup: true}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	v := d.view()
	for _, want := range []string{"Cooperativa La", "Mina El R", "initial", "0%", "draft",
		"✗ r restores the backup · audit.json line 3"} {
		if !strings.Contains(v, want) {
			t.Errorf("home view lacks %q:\n%s", want, v)
		}
	}
	d.typeText("j")
	if !strings.Contains(d.view(), "r restore backup") {
		t.Errorf("help does not offer restore on the unreadable audit:\n%s", d.view())
	}
	d.typeText("r")
	if len(st.restored) != 1 || st.restored[0] != "b2" {
		t.Errorf("restored = %v, want [b2]", st.restored)
	}
	if strings.Contains(d.view(), "audit.json line 3") {
		t.Errorf("restored audit still shown unreadable:\n%s", d.view())
	}
}

func TestHomeFilterAndDeleteWithConfirmation(t *testing.T) {
	cat := testCatalog(30)
	b := testAudit(cat, "a2")
	b.Header.ASMO = "Asociación Minera Oro Verde"
	st := newFakeStore(cat, testAudit(cat, "a1"), b)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("/verde")
	d.press(tea.KeyEnter)
	v := d.view()
	if strings.Contains(v, "Cooperativa") || !strings.Contains(v, "Asociación Min") {
		t.Fatalf("filter 'verde' shows the wrong audits:\n%s", v)
	}
	d.typeText("d")
	if v := d.view(); !strings.Contains(v, `Move “Asociación Minera Oro Verde” to the trash?`) || !strings.Contains(v, "any other key = no") {
		t.Fatalf("no confirmation before delete:\n%s", d.view())
	}
	d.typeText("n")
	if len(st.deleted) != 0 {
		t.Fatalf("deleted without a yes: %v", st.deleted)
	}
	d.typeText("dy")
	if len(st.deleted) != 1 || st.deleted[0] != "a2" {
		t.Fatalf("deleted = %v, want [a2]", st.deleted)
	}
}

func TestOpenResumesWhereTheInspectorLeftOff(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	st.positions["a1"] = audit.Position{Area: "labour", Requirement: "4.2", Scroll: 2}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	if p := d.m.walk.position(); p != st.positions["a1"] {
		t.Fatalf("position after open = %+v, want %+v", p, st.positions["a1"])
	}
	if v := d.view(); !strings.Contains(v, "› labour") || !strings.Contains(v, "› · 4.2 Requirement 2 of labo") {
		t.Errorf("walk not at labour 4.2:\n%s", v)
	}
	d.typeText("j")
	d.fire()
	if got := st.positions["a1"]; got.Requirement != "4.3" || got.Area != "labour" {
		t.Errorf("position saved after a move = %+v, want labour 4.3", got)
	}
}

func TestOpenLockedAuditShowsTheStoresMessage(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	st.openErr = errors.New("audit 2026-11-23-cooperativa-la-esperanza-7f3a is open in another assay (process 4242) on this computer; close it there first")
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	if d.m.screen != screenHome {
		t.Fatalf("screen = %v, want home", d.m.screen)
	}
	if v := d.view(); !strings.Contains(v, "is open in another assay") || !strings.Contains(v, "4242) on this computer; close it there first") {
		t.Errorf("lock message not shown:\n%s", d.view())
	}
}

func TestVerdictKeysShowGlyphsAndCounts(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("cjmjMjnjo")
	a := d.m.s.a
	want := map[string]audit.Verdict{"1.1": audit.Conforms, "1.2": audit.Minor, "1.3": audit.Major, "1.4": audit.NA, "1.5": audit.Open}
	for id, v := range want {
		if got := a.VerdictOf(id); got != v {
			t.Errorf("verdict of %s = %s, want %s", id, got, v)
		}
	}
	v := d.view()
	for _, s := range []string{"✓ 1.1", "! 1.2", "✗ 1.3", "– 1.4", "social", "4/4"} {
		if !strings.Contains(v, s) {
			t.Errorf("walk view lacks %q:\n%s", s, v)
		}
	}
}

func TestInformativeAndExcludedAreSetApart(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	v := d.view()
	if !strings.Contains(v, "informative (not yet due)") || !strings.Contains(v, "excluded (Ecological only)") {
		t.Errorf("no headings for informative/excluded requirements:\n%s", v)
	}
	d.typeText("     ") // next open, five times, stays within applicable ones
	if r := d.m.walk.current(); audit.ApplicabilityOf(r, d.m.s.a.Header) != audit.Applies {
		t.Errorf("next open landed on %s, which does not apply", r.ID)
	}
}

func TestNotesKeepSpanishTextAndReachDisk(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	const spanish = "Señora Núñez, pallaquera — ¿día 3?"
	d.press(tea.KeyEnter)
	d.typeText(spanish)
	d.press(tea.KeyEnter)
	d.typeText("segunda línea")
	if st.saves != 0 {
		t.Fatalf("saved %d times before the debounce ran out", st.saves)
	}
	d.fire()
	want := spanish + "\nsegunda línea"
	if got := st.saved("a1").Findings["1.1"].Notes; got != want {
		t.Fatalf("saved notes = %q, want %q", got, want)
	}
	if !strings.Contains(d.view(), "saved 10:22:01") {
		t.Errorf("status does not say saved:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	if !strings.Contains(d.view(), "¿día 3?") {
		t.Errorf("notes preview lacks the text:\n%s", d.view())
	}
}

func TestPastedEscapeSequencesAreStripped(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.press(tea.KeyEnter)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("\x1b[31mred\x1b[0m"), Paste: true})
	d.press(tea.KeyEsc)
	if got := st.saved("a1").Findings["1.1"].Notes; got != "red" {
		t.Errorf("saved notes = %q, want %q", got, "red")
	}
	if v := d.m.View(); strings.Contains(v, "\x1b") {
		t.Errorf("view contains an escape sequence: %q", v)
	}
}

func TestLoadedNotesWithEscapesNeverReachTheTerminal(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Finding("1.1").Notes = "bad \x1b]0;owned\x07title \x1b[2Jclear"
	a.Header.ASMO = "Evil\x1b[31m Coop"
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	if v := d.m.View(); strings.Contains(v, "\x1b") {
		t.Errorf("home view contains an escape sequence: %q", v)
	}
	d.press(tea.KeyEnter)
	if v := d.m.View(); strings.Contains(v, "\x1b") {
		t.Errorf("walk view contains an escape sequence: %q", v)
	}
}

func TestAutosaveDebounceSavesOnlyTheLatestRevision(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("c")
	d.typeText("m")
	if st.saves != 0 {
		t.Fatalf("saved before the debounce: %d", st.saves)
	}
	if !strings.Contains(d.view(), "unsaved changes") {
		t.Errorf("status does not say unsaved:\n%s", d.view())
	}
	d.fire()
	if st.saves != 1 {
		t.Errorf("saves after the debounce = %d, want 1 (the stale tick must not save)", st.saves)
	}
	if got := st.saved("a1").VerdictOf("1.1"); got != audit.Minor {
		t.Errorf("saved verdict = %s, want minor", got)
	}
}

func TestAutosaveOnNavigation(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("c")
	d.typeText("j")
	if st.saves != 1 {
		t.Fatalf("saves after moving = %d, want 1 without waiting", st.saves)
	}
	d.press(tea.KeyTab)
	if got := st.saved("a1").VerdictOf("1.1"); got != audit.Conforms {
		t.Errorf("saved verdict = %s, want conforms", got)
	}
}

func TestSaveCommandWritesACopyTakenWhenItWasMade(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	s := d.m.s
	s.a.Finding("1.1").Verdict = audit.Conforms
	s.rev++
	cmd := s.flush(d.m.c.now)
	s.a.Finding("1.1").Verdict = audit.Major // an edit while the save runs
	s.a.Finding("1.1").Evidence = append(s.a.Finding("1.1").Evidence, "x")
	msg := cmd()
	if err := msg.(auditSavedMsg).err; err != nil {
		t.Fatal(err)
	}
	got := st.saved("a1").Findings["1.1"]
	if got.Verdict != audit.Conforms || len(got.Evidence) != 0 {
		t.Errorf("saved finding = %+v, want the state when the save began", got)
	}
}

func TestQuitSavesFirstAndReleasesTheLock(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("c")
	d.typeText("q")
	if !d.quit {
		t.Fatal("q did not quit")
	}
	if got := st.saved("a1").VerdictOf("1.1"); got != audit.Conforms {
		t.Errorf("verdict on disk after quit = %s, want conforms", got)
	}
	if st.closed != 1 || len(st.open) != 0 {
		t.Errorf("handle closed %d times, still open: %v", st.closed, st.open)
	}
}

func TestSaveErrorIsShownAndQuitDoesNotLoseIt(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	st.saveErr = errors.New("input/output error")
	d.typeText("c")
	d.fire()
	if !strings.Contains(d.view(), "not saved — cannot write; retrying; q twice quits without saving") ||
		!strings.Contains(d.view(), "input/output error") {
		t.Errorf("save error not shown:\n%s", d.view())
	}
	d.typeText("q")
	if d.quit {
		t.Fatal("quit although the audit could not be saved")
	}
	if !strings.Contains(d.view(), "q again quits WITHOUT saving") {
		t.Errorf("no way out offered:\n%s", d.view())
	}
	d.typeText("q")
	if !d.quit {
		t.Fatal("second q did not quit")
	}
}

func TestEscSavesClosesAndGoesHome(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("c")
	d.press(tea.KeyEsc)
	if d.m.screen != screenHome || st.closed != 1 {
		t.Fatalf("screen %v, closed %d: want home, 1", d.m.screen, st.closed)
	}
	if !strings.Contains(d.view(), "Cooperativa") {
		t.Errorf("home not reloaded:\n%s", d.view())
	}
}

// esc with the full help open closes the help, not the audit under it: a
// newcomer reads the help and presses esc to get back to the walk.
func TestEscClosesTheHelpNotTheWalk(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("?")
	if !d.m.fullHelp {
		t.Fatal("? did not open the help")
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenWalk || d.m.fullHelp || st.closed != 0 {
		t.Fatalf("screen %v, help %v, closed %d: want the walk, help closed, audit open", d.m.screen, d.m.fullHelp, st.closed)
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenHome {
		t.Fatalf("second esc: screen %v, want home", d.m.screen)
	}
}

func TestCorrectiveActionAndDueDateForNonConformity(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("m")
	v := d.view()
	if !strings.Contains(v, "Corrective action (enter, then tab to write)") || !strings.Contains(v, "Due date: 2027-02-21 (default)") {

		t.Fatalf("non-conformity lacks action and default due date:\n%s", v)
	}
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.typeText("Buy retorts")
	d.press(tea.KeyTab)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("2027-13-01")
	if !strings.Contains(d.view(), "✗ due date:") {
		t.Errorf("bad due date has no error under the field:\n%s", d.view())
	}
	for range 5 {
		d.press(tea.KeyBackspace)
	}
	d.typeText("02-01")
	d.press(tea.KeyEsc)
	f := st.saved("a1").Findings["1.1"]
	if f.CorrectiveAction != "Buy retorts" || f.DueDate != "2027-02-01" {
		t.Errorf("saved finding = %+v", f)
	}
	// n/a has no corrective action: asked first, then deleted from the
	// record, not only hidden.
	d.typeText("n")
	if !strings.Contains(d.view(), "n/a has no corrective action: delete this one and its due date? y/n") {
		t.Errorf("no question before deleting the action:\n%s", d.view())
	}
	d.typeText("y")
	if !strings.Contains(d.view(), "Justification (enter, then tab to write)") {

		t.Errorf("n/a verdict lacks justification:\n%s", d.view())
	}
	d.fire()
	if f := st.saved("a1").Findings["1.1"]; f.Verdict != audit.NA || f.CorrectiveAction != "" || f.DueDate != "" {
		t.Errorf("saved finding after n/a = %+v, want no action and no due date", f)
	}
}

func TestSearchJumpsAcrossAreas(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("/")
	d.typeText("5.2")
	if !strings.Contains(d.view(), "· 5.2 chemicals") {
		t.Fatalf("search results lack 5.2:\n%s", d.view())
	}
	d.press(tea.KeyEnter)
	if r := d.m.walk.current(); r.ID != "5.2" {
		t.Errorf("after search at %s, want 5.2", r.ID)
	}
}

// TestSearchFindsTheInspectorsNotes: a search by a word of a note finds
// the requirement it was written on, with its verdict shown.
func TestSearchFindsTheInspectorsNotes(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("j")
	d.typeText("m")
	d.press(tea.KeyEnter)
	d.typeText("Señora Núñez, pallaquera")
	d.press(tea.KeyEsc)
	want := d.m.walk.current().ID
	d.typeText("/")
	d.typeText("pallaquera núñez")
	if !strings.Contains(d.view(), "! "+want+" ") {
		t.Fatalf("search by the note's words lacks %s with its minor glyph:\n%s", want, d.view())
	}
	d.press(tea.KeyEnter)
	if r := d.m.walk.current(); r.ID != want {
		t.Errorf("after search at %s, want %s", r.ID, want)
	}
}

func TestEvidenceAttachAndDetach(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("a")
	d.typeText("/tmp/acta-asamblea.pdf")
	d.press(tea.KeyEnter)
	if !strings.Contains(d.view(), "Evidence: acta-asamblea.pdf") {
		t.Fatalf("attached evidence not shown:\n%s", d.view())
	}
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Evidence; len(got) != 1 {
		t.Fatalf("saved evidence = %v", got)
	}
	d.typeText("v")
	d.typeText("x")
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Evidence; len(got) != 0 {
		t.Errorf("evidence after detach = %v", got)
	}
}

func TestHelpShowsOnlyKeysThatWork(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Status = audit.Finalized
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 120, 40)
	d.press(tea.KeyEnter)
	v := d.view()
	if strings.Contains(v, "conforms") && strings.Contains(v, "c conforms") {
		t.Errorf("read-only walk offers verdict keys:\n%s", v)
	}
	d.typeText("?")
	if v := d.view(); !strings.Contains(v, "next open") || strings.Contains(v, "c conforms") {
		t.Errorf("full help wrong for a finalized audit:\n%s", v)
	}
	d.typeText("s")
	if v := d.view(); strings.Contains(v, "x export") || strings.Contains(v, "f finalize") {
		t.Errorf("summary offers export without an exporter, or finalize when finalized:\n%s", v)
	}
}

func TestResizeIsIdempotentAndTooSmallSaysSo(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	first := d.m.View()
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if second := d.m.View(); second != first {
		t.Errorf("same size twice gave different views:\n%s\n----\n%s", first, second)
	}
	if h := lipgloss.Height(first); h != 40 {
		t.Errorf("view is %d lines high, want 40", h)
	}
	d.send(tea.WindowSizeMsg{Width: 79, Height: 24})
	if v := d.view(); !strings.Contains(v, "terminal too small: 79x24, need 80x24") || !strings.Contains(v, "q quits") {
		t.Errorf("no too-small message:\n%s", d.view())
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	for i, line := range strings.Split(d.view(), "\n") {
		if w := lipgloss.Width(line); w > 80 {
			t.Errorf("line %d is %d cells wide at 80x24: %q", i, w, line)
		}
	}
}

func TestMissingCatalogIsAFatalScreenWithAWayBack(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Catalog.ID = "official-fairmined"
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(v, "official-fairmined") || !strings.Contains(v, "esc: back") {
		t.Fatalf("no fatal screen for a missing catalog:\n%s", v)
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenHome || st.closed != 1 {
		t.Errorf("esc gave screen %v, closed %d; want home, 1", d.m.screen, st.closed)
	}
}

func TestMouseWheelScrollsTheList(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.send(tea.MouseMsg{X: 5, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	d.send(tea.MouseMsg{X: 5, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if r := d.m.walk.current(); r.ID != "1.3" {
		t.Errorf("after two wheel turns at %s, want 1.3", r.ID)
	}
	// Long notes make the finding taller: the text no longer fits.
	d.m.s.a.Finding("1.3").Notes = strings.Repeat("Nota de campo.\n", 12)
	if d.m.walk.maxScroll() < 1 {
		t.Fatalf("the detail of 1.3 fits; the test needs one that does not:\n%s", d.view())
	}
	d.send(tea.MouseMsg{X: 60, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if d.m.walk.scroll != 1 || d.m.walk.current().ID != "1.3" {
		t.Errorf("wheel over the detail: scroll %d at %s, want 1 at 1.3", d.m.walk.scroll, d.m.walk.current().ID)
	}
	for range 50 {
		d.send(tea.MouseMsg{X: 60, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	}
	d.send(tea.MouseMsg{X: 60, Y: 5, Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if want := d.m.walk.maxScroll() - 1; d.m.walk.scroll != want {
		t.Errorf("one wheel up after scrolling past the end: scroll %d, want %d (the end less one)", d.m.walk.scroll, want)
	}
}

// TestOpenWithChangedCatalogWarns: an audit made with an earlier file of
// its catalog still opens, and the inspector is told the file changed.
func TestOpenWithChangedCatalogWarns(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	a.Catalog.SHA256 = "0123456789abcdef0123"
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.press(tea.KeyEnter)
	if d.m.screen != screenWalk {
		t.Fatalf("screen = %v, want the walk; view:\n%s", d.m.screen, d.view())
	}
	if v := d.view(); !strings.Contains(v, "catalog test 1.0 (built-in) changed since this audit") || !strings.Contains(v, "0123456789ab") {
		t.Errorf("no changed-catalog warning:\n%s", v)
	}
}

// TestAttachFailureIsNotHiddenByImporting: a file that cannot be attached
// says why, whichever of "importing…" and the failure reaches the screen
// first (the runtime runs a batch's commands concurrently).
func TestAttachFailureIsNotHiddenByImporting(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	st.storeErr = &audit.EvidenceError{Kind: audit.EvidenceMissing, Path: "/tmp/no-such.jpg"}
	d.lastFirst = true
	d.typeText("a")
	d.typeText("/tmp/no-such.jpg")
	d.press(tea.KeyEnter)
	v := d.view()
	if !strings.Contains(v, "/tmp/no-such.jpg does not exist") || strings.Contains(v, "importing") {
		t.Errorf("the failure is not what the status line says:\n%s", v)
	}
}

package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// oldPhoto is what StoreEvidence returns for a photo taken a year before
// the audit (20-23 November 2026) at the site.
func oldPhoto() evidenceStoredMsg {
	return evidenceStoredMsg{id: "a1", reqID: "1.1", path: "/fotos/almacen.jpg",
		ev: &audit.Evidence{SHA256: strings.Repeat("cd", 32), Name: "almacen.jpg", MediaType: "image/jpeg",
			Derived: "x.report.jpg", Captured: time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC), GPS: &audit.GeoPoint{Lat: 6.2, Lon: -75.5}}}
}

// A marked photo is said at once, on the status line, with the way to
// justify it.
func TestAttachingAMarkedPhotoSaysSo(t *testing.T) {
	d, _ := openWalk(t, 120, 30)
	d.send(oldPhoto())
	v := d.view()
	if !strings.Contains(v, "! attached almacen.jpg: taken 2 November 2025, 383 days before the audit's first day · v, then J to justify") {
		t.Errorf("the mark is not said at import:\n%s", v)
	}
	if !strings.Contains(v, "Evidence: almacen.jpg !") {
		t.Errorf("the finding's evidence line does not mark the file:\n%s", v)
	}
}

// v, C, text, enter: the caption is in the audit and saved; v, J, text,
// enter: the justification too, and both show in the list.
func TestCaptionAndJustifyFromTheWalk(t *testing.T) {
	d, st := openWalk(t, 120, 30)
	d.send(oldPhoto())
	d.typeText("v")
	if v := d.view(); !strings.Contains(v, "› almacen.jpg ! 1 mark") || !strings.Contains(v, "! taken 2 November 2025, 383 days") {
		t.Fatalf("evidence list:\n%s", d.view())
	}
	if !strings.Contains(d.view(), "C caption") || !strings.Contains(d.view(), "J justify mark") {
		t.Errorf("help lacks C and J:\n%s", d.view())
	}
	d.typeText("C")
	d.typeText("Almacén de mercurio con candado")
	d.press(tea.KeyEnter)
	d.typeText("J")
	d.typeText("Foto del informe 2025 de la ASMO; el almacén no ha cambiado.")
	d.press(tea.KeyEnter)
	v := d.view()
	for _, want := range []string{"Almacén de mercurio con candado", "justified: Foto del informe 2025 de la ASMO"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	d.fire()
	ev, ok := st.saved("a1").EvidenceBySHA(strings.Repeat("cd", 32))
	if !ok || ev.Caption != "Almacén de mercurio con candado" ||
		ev.Justifications[audit.FlagOutsideDates] != "Foto del informe 2025 de la ASMO; el almacén no ha cambiado." {
		t.Errorf("saved evidence: %+v", ev)
	}
	// esc gives an edit up: nothing changes.
	d.typeText("C")
	d.typeText(" (borrador)")
	d.press(tea.KeyEsc)
	if ev, _ := d.m.s.a.EvidenceBySHA(strings.Repeat("cd", 32)); ev.Caption != "Almacén de mercurio con candado" {
		t.Errorf("esc kept the edit: %q", ev.Caption)
	}
}

// A caption or justification being typed is saved by the max wait, as a
// note is: kill -9 (or a signal's flush) before enter must not lose it.
// esc afterwards still puts the old text back, on disk too.
func TestCaptionAndJustificationSavedWhileTyped(t *testing.T) {
	sha := strings.Repeat("cd", 32)
	d, st := openWalk(t, 120, 30)
	d.send(oldPhoto())
	d.typeText("v")
	d.fire()
	d.typeText("C")
	d.typeText("Almacén")
	d.fireDeadlines()
	if ev, _ := st.saved("a1").EvidenceBySHA(sha); ev == nil || ev.Caption != "Almacén" {
		t.Fatalf("caption typed without a pause not saved: %+v", ev)
	}
	d.press(tea.KeyEsc)
	d.fire()
	if ev, _ := st.saved("a1").EvidenceBySHA(sha); ev == nil || ev.Caption != "" {
		t.Errorf("esc did not put the old caption back on disk: %+v", ev)
	}
	d.typeText("J")
	d.typeText("Foto de 2025")
	if err := d.m.Flush(); err != nil { // SIGTERM while typing
		t.Fatal(err)
	}
	if ev, _ := st.saved("a1").EvidenceBySHA(sha); ev == nil || ev.Justifications[audit.FlagOutsideDates] != "Foto de 2025" {
		t.Errorf("justification typed before a signal not saved: %+v", ev)
	}
}

// tab in a justification keeps it and goes to the file's next mark.
func TestJustifyTabGoesToTheNextMark(t *testing.T) {
	d, _ := openWalk(t, 120, 30)
	d.m.s.a.Header.Coordinates = &audit.GeoPoint{Lat: 4.711, Lon: -74.072} // Bogotá: the photo is 200 km away
	d.send(oldPhoto())
	d.typeText("vJ")
	d.typeText("uno")
	d.press(tea.KeyTab)
	if d.m.walk.focus != focusJustify || d.m.walk.justKind != audit.FlagFarFromSite {
		t.Fatalf("after tab: focus %v on %q, want the far-from-site mark", d.m.walk.focus, d.m.walk.justKind)
	}
	d.typeText("dos")
	d.press(tea.KeyEnter)
	ev, _ := d.m.s.a.EvidenceBySHA(strings.Repeat("cd", 32))
	if ev.Justifications[audit.FlagOutsideDates] != "uno" || ev.Justifications[audit.FlagFarFromSite] != "dos" {
		t.Errorf("justifications %v", ev.Justifications)
	}
}

// A finalized audit's evidence is read-only: C and J do nothing and are
// not offered.
func TestFinalizedEvidenceIsReadOnly(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	ev := oldPhoto().ev
	ev.Requirements = []string{"1.1"}
	a.Evidence = []audit.Evidence{*ev}
	a.Finding("1.1").Evidence = []string{ev.SHA256}
	completeAudit(a)
	a.Status = audit.Finalized
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 120, 30)
	d.press(tea.KeyEnter)
	d.typeText("v")
	if v := d.view(); strings.Contains(v, "C caption") || strings.Contains(v, "J justify") {
		t.Errorf("help offers C/J on a finalized audit:\n%s", v)
	}
	d.typeText("CJ")
	if d.m.walk.focus != focusEvidence {
		t.Errorf("focus %v after C/J on a finalized audit", d.m.walk.focus)
	}
}

// The summary counts the files, the marked ones and the marks still
// without a justification, and lists each mark.
func TestSummaryShowsMarkedEvidence(t *testing.T) {
	d, _ := openWalk(t, 120, 60)
	d.send(oldPhoto())
	d.typeText("s")
	v := d.view()
	for _, want := range []string{"Evidence", "1 file, 1 marked; 1 mark without a justification",
		"! almacen.jpg: taken 2 November 2025, 383 days before the audit's first day"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
}

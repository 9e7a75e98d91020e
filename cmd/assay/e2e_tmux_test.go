package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const noteSocial = "Señora Núñez, pallaquera — ¿día 3?"
const noteSocial2 = "Padrón sin 6 pallaqueras; acta 12/2026."
const noteEconomic = "Invoices: 95.2 % of LBMA on each date."

// focus presses tab until the focused form line (marked ›) holds label.
func (tm *term) focus(label string) {
	tm.t.Helper()
	for i := 0; i < 30; i++ {
		for _, line := range strings.Split(tm.screen(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "›") && strings.Contains(line, label) {
				return
			}
		}
		tm.keys("Tab")
	}
	tm.t.Fatalf("form field %q never got focus:\n%s", label, tm.screen())
}

// TestTmuxWalkSurvivesKill is the inspector's day in a real terminal: create
// an audit, assess requirements in two areas with Spanish notes, attach a
// photo, lose the process to SIGKILL, start again, and find everything.
func TestTmuxWalkSurvivesKill(t *testing.T) {
	home := t.TempDir()
	photo, err := filepath.Abs("../../testdata/photos/almacen-mercurio.jpg")
	if err != nil {
		t.Fatal(err)
	}

	tm := startTerm(t, home, 80, 24)
	tm.waitFor("audits")
	tm.keys("n")
	tm.waitFor("New audit")
	tm.focus("ASMO")
	tm.text("Asociación Minera Santa Rosa")
	tm.focus("Country")
	tm.text("Perú")
	tm.focus("Site")
	tm.text("Mina Ñuñoa Alta")
	tm.focus("Lead inspector")
	tm.text("Ana Quispe")
	tm.keys("C-s")
	tm.waitFor("walk", "social", "economic")

	// Social: one conforms with the Spanish note, one minor with a note.
	tm.keys("c", "Enter")
	tm.text(noteSocial)
	tm.keys("Escape")
	tm.keys("j", "m", "Enter")
	tm.text(noteSocial2)
	tm.keys("Escape")
	tm.keys("a")
	tm.text(photo)
	tm.keys("Enter")
	tm.waitFor("almacen-mercurio.jpg")

	// Economic: a major non-conformity with a note.
	tm.keys("Tab")
	tm.keys("M", "Enter")
	tm.text(noteEconomic)
	tm.keys("Escape")
	tm.waitFor("2/")
	time.Sleep(1500 * time.Millisecond) // autosave fires about 1 s after the last key
	tm.waitFor("saved")

	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	time.Sleep(300 * time.Millisecond)

	// On disk: every verdict and note, and the evidence file.
	dirs, _ := filepath.Glob(filepath.Join(home, "audits", "*", "audit.json"))
	if len(dirs) != 1 {
		t.Fatalf("want one audit on disk, found %v", dirs)
	}
	raw, err := os.ReadFile(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Findings map[string]struct {
			Verdict, Notes string
			Evidence       []string
		}
		Evidence []struct{ Name string }
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatalf("audit.json after SIGKILL does not load: %v", err)
	}
	got := map[string]string{}
	for _, f := range a.Findings {
		got[f.Notes] = f.Verdict
	}
	for note, verdict := range map[string]string{noteSocial: "conforms", noteSocial2: "minor", noteEconomic: "major"} {
		if got[note] != verdict {
			t.Errorf("audit.json: note %q has verdict %q, want %q (findings %v)", note, got[note], verdict, got)
		}
	}
	if len(a.Evidence) != 1 || a.Evidence[0].Name != "almacen-mercurio.jpg" {
		t.Errorf("audit.json evidence = %+v, want the attached photo", a.Evidence)
	}

	// Start again: the audit is listed, opens where we left off (economic),
	// and shows what was typed.
	tm2 := startTerm(t, home, 80, 24)
	tm2.waitFor("Asociación Minera Santa Rosa")
	tm2.keys("Enter")
	tm2.waitFor("walk", noteEconomic, "major")
	tm2.keys("BTab") // back to social, first requirement
	s := tm2.waitFor("› social", noteSocial, "✓ conforms")
	if !strings.Contains(s, "✓") || !strings.Contains(s, "!") {
		t.Errorf("social list lacks the conforms/minor glyphs after resume:\n%s", s)
	}
	tm2.keys("j")
	tm2.waitFor(noteSocial2, "minor", "almacen-mercurio.jpg")
	tm2.keys("q")
}

// TestTmuxSmallAndLargeTerminal checks the too-small message and a redraw on
// resize to a large terminal.
func TestTmuxSmallAndLargeTerminal(t *testing.T) {
	home := t.TempDir()
	mustAssay(t, home, "demo")
	tm := startTerm(t, home, 40, 10)
	tm.waitFor("too small")
	tm.resize(160, 50)
	tm.waitFor("Cooperativa Minera La Esperanza", "surveillance")
	tm.keys("Enter")
	tm.waitFor("walk", "chemicals")
	tm.resize(80, 24)
	tm.waitFor("walk", "chemicals")
	tm.keys("q")
}

package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// When the disk is full at a signal, Flush fails and Unsaved gives cmd
// what was not written, to keep elsewhere: the audit as held, and the note
// being typed; the register's real names never.
func TestUnsavedAfterAFailedFlush(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	if _, ok := d.m.Unsaved(); ok {
		t.Fatal("an audit with nothing unsaved has something to rescue")
	}
	st.saveErr = diskFull()
	typeNote(d, "Acta firmada por la junta")
	if err := d.m.Flush(); err == nil {
		t.Fatal("Flush on a full disk said it saved")
	}
	u, ok := d.m.Unsaved()
	if !ok || u.ID != "a1" || u.Requirement != d.m.walk.current().ID || u.Text != "Acta firmada por la junta" {
		t.Fatalf("Unsaved after a failed Flush: %v %q %q %q", ok, u.ID, u.Requirement, u.Text)
	}
	a, err := audit.DecodeAudit(u.Audit)
	if err != nil || a.Findings[u.Requirement].Notes != "Acta firmada por la junta" {
		t.Fatalf("the rescued audit does not hold the note: %v", err)
	}

	// Saved after all: nothing to rescue.
	d, st = openWalk(t, 80, 24)
	typeNote(d, "Acta")
	if err := d.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, ok := d.m.Unsaved(); ok {
		t.Error("a flushed audit has something to rescue")
	}

	// A real name typed in the register, not saved either: not rescued.
	d, st = openWalk(t, 80, 24)
	openPage(t, d, "link.interviews")
	d.typeText("n")
	focusRecord(t, d, "name")
	st.saveErr, st.privErr = diskFull(), diskFull()
	d.typeText("Zenobia")
	d.press(tea.KeyTab)
	d.typeText("x") // the interview's record (in the audit) changes too
	if err := d.m.Flush(); err == nil {
		t.Fatal("Flush on a full disk said it saved")
	}
	u, ok = d.m.Unsaved()
	if !ok {
		t.Fatal("the interview record typed is not in what is rescued")
	}
	if strings.Contains(string(u.Audit), "Zenobia") || strings.Contains(u.Text, "Zenobia") {
		t.Errorf("a real name from the register is in what is rescued: %q", u.Text)
	}
}

// Files an earlier stop kept unsaved changes in are named at start: the
// terminal that said so may have been closed.
func TestRescuedFileNamedAtStart(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Rescued: []string{"/var/x/assay-unsaved-a1-old.json", "/tmp/assay-unsaved-a1-new.json"}}, 80, 24)
	if s := flat(statusOf(d)); !strings.Contains(s, "are kept in /tmp/assay-unsaved-*.json: copy the file over") {
		t.Errorf("the rescued file is not named at start: %q", s)
	}
}

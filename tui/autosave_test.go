package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards/safefile"
)

// fireDeadlines delivers only the max-wait timers, as time passing while
// keys keep coming does: every debounce timer is made stale by the next
// key before it fires.
func (d *driver) fireDeadlines() {
	var keep []tea.Msg
	ts := d.timers
	d.timers = nil
	for _, m := range ts {
		if sd, ok := m.(saveDueMsg); ok && sd.deadline {
			d.send(m)
			continue
		}
		if pd, ok := m.(privateSaveDueMsg); ok && pd.deadline {
			d.send(m)
			continue
		}
		if fd, ok := m.(draftDueMsg); ok && fd.deadline {
			d.send(m)
			continue
		}
		keep = append(keep, m)
	}
	d.timers = append(keep, d.timers...)
}

// typeNote opens the notes of the requirement in focus and types s.
func typeNote(d *driver, s string) {
	d.press(tea.KeyEnter)
	d.typeText(s)
}

// While the inspector types without a pause, the debounce never runs out;
// the max wait still saves what is on the screen, every time it comes.
func TestTypingWithoutPauseIsSavedByTheMaxWait(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	typeNote(d, "Señora Núñez")
	d.fireDeadlines()
	if st.saves != 1 || st.saved("a1").Findings["1.1"].Notes != "Señora Núñez" {
		t.Fatalf("after the first max wait: %d saves, notes %q", st.saves, st.saved("a1").Findings["1.1"].Notes)
	}
	d.typeText(", pallaquera")
	d.fireDeadlines()
	if st.saves != 2 || st.saved("a1").Findings["1.1"].Notes != "Señora Núñez, pallaquera" {
		t.Fatalf("after the second max wait: %d saves, notes %q", st.saves, st.saved("a1").Findings["1.1"].Notes)
	}
	// No edit since: a stale timer saves nothing more.
	d.fire()
	if st.saves != 2 {
		t.Errorf("saves = %d after timers with nothing new, want 2", st.saves)
	}
}

// A real name typed without a pause into the interview register is
// written by the max wait too, like the audit: it lives in its own file,
// with its own timers, which had only the debounce (kill -9 while typing
// a name lost all of it).
func TestPrivateNameTypedWithoutPauseIsSavedByTheMaxWait(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	openPage(t, d, "link.interviews")
	d.typeText("n")
	focusRecord(t, d, "name")
	d.typeText("Zenobia")
	d.fireDeadlines()
	if c := st.private["a1"].Of("I-01"); c.Name != "Zenobia" {
		t.Fatalf("after the max wait the private name is %q", c.Name)
	}
	d.typeText(" Quimbaya")
	d.fireDeadlines()
	if c := st.private["a1"].Of("I-01"); c.Name != "Zenobia Quimbaya" {
		t.Errorf("after the second max wait the private name is %q", c.Name)
	}
}

// A failed write of the private names is tried again on its own, without
// waiting for the next key or for the register to be left.
func TestPrivateNamesRetriedAfterAFailedWrite(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	openPage(t, d, "link.interviews")
	d.typeText("n")
	focusRecord(t, d, "name")
	st.privErr = diskFull()
	d.typeText("Zenobia")
	d.fire() // debounce and max wait: the write fails
	if v := flat(d.view()); !strings.Contains(v, "not saved — disk full; retrying") {
		t.Errorf("a failed write of the private names is not on the status line:\n%s", d.view())
	}
	st.privErr = nil
	d.fire() // the retry
	if c := st.private["a1"].Of("I-01"); c.Name != "Zenobia" {
		t.Errorf("after space came back the private name is %q", c.Name)
	}
	if v := flat(d.view()); !strings.Contains(v, "the retry worked") {
		t.Errorf("the saved retry is not said:\n%s", d.view())
	}
}

// Quitting while the private names cannot be written stops, says so, and
// a second ctrl+c quits without them: it waited for space for ever.
func TestQuitWithPrivateNamesOnAFullDisk(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	openPage(t, d, "link.interviews")
	d.typeText("n")
	focusRecord(t, d, "name")
	st.privErr = diskFull()
	d.typeText("Zenobia")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if d.quit {
		t.Fatal("quit with the private names not saved")
	}
	if v := flat(d.view()); !strings.Contains(v, "WITHOUT saving") {
		t.Errorf("the quit confirmation is not shown:\n%s", d.view())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	d.fire()
	if !d.quit {
		t.Error("a second ctrl+c did not quit")
	}
}

// Every edit schedules one debounce, but only the first edit not yet on
// disk starts a max-wait clock: typing fast does not pile up timers.
func TestOneMaxWaitTimerPerUnsavedStretch(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	typeNote(d, strings.Repeat("x", 30))
	n := 0
	for _, m := range d.timers {
		if sd, ok := m.(saveDueMsg); ok && sd.deadline {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d max-wait timers for one stretch of typing, want 1", n)
	}
}

// A save still running when the next one is due is not joined by a second
// one: the edits made meanwhile are saved as soon as it ends, in one save.
func TestSavesAreCoalescedNotStacked(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	s := d.m.s
	typeNote(d, "uno")
	running := s.flush(d.m.c.now) // a save starts and is slow
	if running == nil || !s.saving {
		t.Fatal("no save started")
	}
	d.typeText(" dos")
	d.fireDeadlines() // due while the first save runs
	d.typeText(" tres")
	d.fire()
	if st.saves != 0 {
		t.Fatalf("%d saves started behind the running one", st.saves)
	}
	d.send(running()) // the slow save ends
	if st.saves != 2 {
		t.Fatalf("saves = %d, want the slow one and one more", st.saves)
	}
	if got := st.saved("a1").Findings["1.1"].Notes; got != "uno dos tres" {
		t.Errorf("on disk %q, want every edit", got)
	}
	if s.dirty() || s.saving {
		t.Error("session still dirty or saving")
	}
}

// diskFull is the store's error for a write that found no space.
func diskFull() error {
	return &audit.SaveError{ID: "a1", Path: "/home/ana/.local/share/assay/audits/a1/audit.json",
		Problem: audit.WriteDiskFull, Err: syscall.ENOSPC}
}

// A full disk at 80x24: the status line says so in full, with the way
// out; the save is retried on its own; the quit confirmation fits too;
// and when space comes back the next retry saves every character and says
// so.
func TestDiskFullRetriesAndRecoversAt80x24(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	st.saveErr = diskFull()
	typeNote(d, "Acta de la reunión")
	d.fire()
	if !strings.Contains(d.view(), "not saved — disk full; retrying; ctrl+c twice quits without saving") {
		t.Errorf("while typing, the full line is not shown:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	v := d.view()
	if !strings.Contains(v, "not saved — disk full; retrying; q twice quits without saving") {
		t.Errorf("the full line is not shown at 80 columns:\n%s", v)
	}
	pending := false
	for _, m := range d.timers {
		if sd, ok := m.(saveDueMsg); ok && sd.retry && sd.gen == d.m.s.retries {
			pending = true
		}
	}
	if !pending {
		t.Fatal("no retry is scheduled")
	}
	d.fire() // the retry fails again, and schedules the next
	if !strings.Contains(d.view(), "disk full; retrying") {
		t.Errorf("after a failed retry:\n%s", d.view())
	}
	d.typeText("q")
	if d.quit {
		t.Fatal("quit although nothing could be saved")
	}
	if !strings.Contains(d.view(), "not saved — disk full · q again quits WITHOUT saving · other keys stay") {
		t.Errorf("the quit confirmation does not fit at 80x24:\n%s", d.view())
	}
	d.typeText("j") // any other key: stay
	if strings.Contains(d.view(), "q again") {
		t.Errorf("another key did not withdraw the confirmation:\n%s", d.view())
	}
	st.saveErr = nil // space comes back
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Notes; got != "Acta de la reunión" {
		t.Errorf("after space came back, on disk %q", got)
	}
	v = d.view()
	if !strings.Contains(v, "the retry worked, nothing was lost") || strings.Contains(v, "not saved") {
		t.Errorf("the recovery is not said:\n%s", v)
	}
	d.typeText("q")
	if !d.quit {
		t.Error("q after the recovery does not quit at once")
	}
}

// Flush, called by cmd after a signal stopped the program, saves the note
// being typed although no timer ran, and releases the lock.
func TestFlushSavesTheNoteBeingTyped(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	typeNote(d, "última línea antes del apagón")
	if st.saves != 0 {
		t.Fatalf("saved before any timer: %d", st.saves)
	}
	if err := d.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := st.saved("a1").Findings["1.1"].Notes; got != "última línea antes del apagón" {
		t.Errorf("on disk after Flush %q", got)
	}
	if st.closed != 1 || len(st.open) != 0 {
		t.Errorf("Flush did not release the lock: closed %d, open %v", st.closed, st.open)
	}
	if _, ok := st.positions["a1"]; !ok {
		t.Error("Flush did not save the position")
	}
}

// A save command still running when Flush writes a newer revision cannot
// put its older copy back afterwards.
func TestAnOlderSaveNeverOverwritesANewerOne(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	s := d.m.s
	typeNote(d, "vieja")
	old := s.flush(d.m.c.now)
	d.typeText(" y nueva")
	if err := d.m.Flush(); err != nil {
		t.Fatal(err)
	}
	old() // the old save ends after the flush
	if got := st.saved("a1").Findings["1.1"].Notes; got != "vieja y nueva" {
		t.Errorf("on disk %q, want the newer text", got)
	}
}

// Flush with nothing open and nothing typed does nothing; with a new
// audit typed in the form, it keeps it as a draft.
func TestFlushKeepsANewAuditTypedInTheForm(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	if err := d.m.Flush(); err != nil || len(st.files) != 0 {
		t.Fatalf("Flush on the home: %v, %d audits", err, len(st.files))
	}
	d.typeText("n")
	d.typeText("Asociación Minera Santa Rosa")
	if err := d.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if len(st.files) != 1 {
		t.Fatalf("%d audits after Flush, want the draft", len(st.files))
	}
	for id := range st.files {
		if a := st.saved(id); a.Header.ASMO != "Asociación Minera Santa Rosa" || a.Status != audit.Draft {
			t.Errorf("draft = %+v", a.Header)
		}
	}
}

// A config.toml with a mistake is said on the status line too, not only
// on stderr (which the full-screen UI hides).
func TestConfigWarningsShowOnTheStatusLine(t *testing.T) {
	cat := testCatalog(30)
	cfgErr := errors.Join(&audit.ConfigError{Path: "/h/config.toml", Kind: audit.ConfigOutOfRange, Line: 4,
		Key: "minor_due_days", Value: 100000000, Min: 1, Max: 3650})
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), ConfigErr: cfgErr}, 100, 24)
	if v := flat(d.view()); !strings.Contains(v, "config.toml: line 4: minor_due_days = 100000000 is out of range (1–3650); the default is used") {
		t.Errorf("config warning not on the status line:\n%s", d.view())
	}
	// A config.toml over its size cap is a regular file: it is too large,
	// not "not a regular file (a file too large)".
	big := &audit.ConfigError{Path: "/h/config.toml", Kind: audit.ConfigUnreadable,
		Err: &safefile.Error{Path: "/h/config.toml", Kind: safefile.TooLarge, Size: 3 << 30, Limit: safefile.LimitConfig}}
	d = newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), ConfigErr: big}, 100, 24)
	if v := flat(d.view()); strings.Contains(v, "regular") || !strings.Contains(v, "config.toml: 3.0 GB, over the 1.0 MB limit") {
		t.Errorf("config.toml too large:\n%s", d.view())
	}
}

// A broken or odd ui-state.toml does not stop the UI, but is named on the
// status line (it was silently ignored), with TOML's line.
func TestStateFileProblemShowsOnTheStatusLine(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join(home, StateFile)
	os.WriteFile(path, []byte("language = \"es\"\nlanguage = [\n"), 0o644)
	_, err := LoadState(home)
	if err == nil {
		t.Fatal("a broken state file loads")
	}
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), StateErr: err}, 100, 24)
	if v := flat(d.view()); !strings.Contains(v, path) || !strings.Contains(v, "line 2") || !strings.Contains(v, "ignored") {
		t.Errorf("state file problem not on the status line:\n%s", d.view())
	}
}

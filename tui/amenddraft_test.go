package tui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// openFinalizedIn opens the finalized audit "a1" of st with home as the
// assay home, on its summary.
func openFinalizedIn(t *testing.T, st *fakeStore, home string) *driver {
	t.Helper()
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Home: home}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("s")
	if d.m.screen != screenSummary {
		t.Fatalf("not on the summary:\n%s", d.view())
	}
	return d
}

// The reason for an amendment typed without a pause is kept in the audit's
// folder on the autosave schedule and on a signal: kill -9, SIGTERM and
// SIGHUP lost it. The next A on that audit fills it in again and says so;
// amending, or dropping it (after a question), removes the file.
func TestAmendReasonKeptAcrossACrash(t *testing.T) {
	_, st := openFinalized(t)
	home := t.TempDir()
	draft := filepath.Join(home, "audits", "a1", AmendDraftFile)

	d := openFinalizedIn(t, st, home)
	d.typeText("AConteo de mineros")
	d.fireDeadlines()
	if _, err := os.Stat(draft); err != nil {
		t.Fatalf("the reason typed without a pause is not on disk: %v", err)
	}
	// kill -9; the next start, A again.
	d = openFinalizedIn(t, st, home)
	d.typeText("A")
	if v := d.view(); !strings.Contains(v, "Reason for the amendment: Conteo de mineros") {
		t.Fatalf("the reason typed before the crash is not back:\n%s", v)
	}
	if s := statusOf(d); !strings.Contains(s, "the reason typed before assay stopped is back") {
		t.Errorf("the restored reason is not said: %q", s)
	}
	d.typeText(" en 2.1")
	if err := d.m.Flush(); err != nil { // SIGTERM
		t.Fatal(err)
	}
	d = openFinalizedIn(t, st, home)
	d.typeText("A")
	if v := d.view(); !strings.Contains(v, "Reason for the amendment: Conteo de mineros en 2.1") {
		t.Fatalf("the reason typed before a signal is not back:\n%s", v)
	}

	// esc asks; no keeps typing, yes drops the reason and its file.
	d.press(tea.KeyEsc)
	if v := d.view(); !d.m.summary.amending || !strings.Contains(v, "drop the reason typed? y/n") {
		t.Fatalf("esc with a reason typed did not ask:\n%s", v)
	}
	d.typeText("n")
	if !d.m.summary.amending || d.m.summary.reason.Value() != "Conteo de mineros en 2.1" {
		t.Fatalf("no to dropping the reason: amending %v, reason %q", d.m.summary.amending, d.m.summary.reason.Value())
	}
	d.press(tea.KeyEsc)
	d.typeText("y")
	if d.m.summary.amending {
		t.Fatal("yes did not drop the reason")
	}
	if _, err := os.Stat(draft); !os.IsNotExist(err) {
		t.Errorf("the reason's draft stays after it was dropped: %v", err)
	}
	d.typeText("A")
	if v := d.m.summary.reason.Value(); v != "" {
		t.Errorf("a dropped reason came back: %q", v)
	}

	// Amending removes it too.
	d.typeText("Fecha de la visita")
	d.fireDeadlines()
	if _, err := os.Stat(draft); err != nil {
		t.Fatalf("the reason typed without a pause is not on disk: %v", err)
	}
	d.press(tea.KeyEnter)
	if got := st.saved("a1"); got.Status != audit.Draft || got.AmendReason != "Fecha de la visita" {
		t.Fatalf("not amended: %s %q", got.Status, got.AmendReason)
	}
	d.fire()
	if _, err := os.Stat(draft); !os.IsNotExist(err) {
		t.Errorf("the reason's draft stays after the audit was amended: %v", err)
	}
}

// A pipe where the reason's draft should be is named on the status line,
// not read (a read would wait for a writer for ever), and the reason typed
// then replaces it.
func TestAmendReasonDraftThatIsAPipe(t *testing.T) {
	_, st := openFinalized(t)
	home := t.TempDir()
	dir := filepath.Join(home, "audits", "a1")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, AmendDraftFile)
	if err := syscall.Mkfifo(draft, 0o644); err != nil {
		t.Fatal(err)
	}
	d := openFinalizedIn(t, st, home)
	d.typeText("A")
	if s := statusOf(d); !strings.Contains(strings.ReplaceAll(s, "\n", ""), AmendDraftFile+" is not a regular file") {
		t.Fatalf("a pipe in place of the reason's draft is not named: %q", s)
	}
	d.typeText("Motivo")
	d.fireDeadlines()
	if fi, err := os.Lstat(draft); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the reason's draft did not replace the pipe: %v, %v", fi, err)
	}
}

// ctrl+c keeps the reason for next time, as it keeps everything else.
func TestAmendReasonKeptByCtrlC(t *testing.T) {
	_, st := openFinalized(t)
	home := t.TempDir()
	d := openFinalizedIn(t, st, home)
	d.typeText("AFecha")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !d.quit {
		t.Fatal("ctrl+c in the reason did not quit")
	}
	if err := d.m.Flush(); err != nil { // as cmd does once the program stops
		t.Fatal(err)
	}
	d = openFinalizedIn(t, st, home)
	d.typeText("A")
	if v := d.m.summary.reason.Value(); v != "Fecha" {
		t.Errorf("after ctrl+c the reason is %q", v)
	}
}

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// setFileSizeLimit sets another process's soft file size limit
// (prlimit(2)); the hard limit stays unlimited so it can be lifted again,
// as freeing space on a full disk does.
func setFileSizeLimit(pid int, limit uint64) error {
	lim := syscall.Rlimit{Cur: limit, Max: ^uint64(0)}
	_, _, errno := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), uintptr(syscall.RLIMIT_FSIZE),
		uintptr(unsafe.Pointer(&lim)), 0, 0, 0)
	if errno != 0 {
		return errno
	}
	return nil
}

// A full disk while typing, in the real terminal at 80x24: simulated by a
// file size limit of audit.json's size (a write past it fails as a full
// disk does), then lifted from outside as freeing space would. The
// status line says so in full, the quit confirmation fits, and once space
// is back the next retry saves everything typed, and says so.
func TestTmuxDiskFullThenSpaceReturns(t *testing.T) {
	requireTool(t, "tmux")
	home := t.TempDir()
	mustAssay(t, home, "demo")
	files, _ := filepath.Glob(filepath.Join(home, "audits", "*", "audit.json"))
	if len(files) != 1 {
		t.Fatalf("audits: %v", files)
	}
	st, err := os.Stat(files[0])
	if err != nil {
		t.Fatal(err)
	}
	tm := startTermStatus(t, home, 80, 24)
	tm.waitFor("audits", "Cooperativa")
	pid := assayPID(t, tm)
	// The disk fills up: audit.json cannot grow by a byte.
	if err := setFileSizeLimit(pid, uint64(st.Size())); err != nil {
		t.Fatalf("prlimit: %v", err)
	}
	tm.keys("Enter")
	tm.waitFor("walk", "Finding")
	tm.keys("Enter")
	tm.waitFor("esc done")

	// 4 KB of notes pasted (bracketed, as a terminal pastes: typed one key
	// at a time through tmux it would take seconds).
	text := noteMark + strings.Repeat("Acta de cierre firmada por la junta y la tesorera. ", 80) + "FIN¶"
	tm.paste(text)
	tm.waitFor("not saved — disk full; retrying; ctrl+c twice quits without saving")
	tm.keys("Escape")
	tm.waitFor("not saved — disk full; retrying; q twice quits without saving")
	tm.keys("q")
	tm.waitFor("not saved — disk full · q again quits WITHOUT saving · other keys stay")
	t.Logf("the quit confirmation at 80x24:\n%s", tm.screen())
	if typedOnDisk(t, home) != "" {
		t.Fatal("the limit did not bite: the text reached disk")
	}
	tm.keys("j") // any other key: assay stays open
	time.Sleep(300 * time.Millisecond)
	if strings.Contains(tm.screen(), "q again") {
		t.Errorf("another key did not withdraw the quit:\n%s", tm.screen())
	}

	if err := setFileSizeLimit(pid, ^uint64(0)); err != nil { // RLIM_INFINITY
		t.Fatalf("prlimit: %v", err)
	}
	tm.waitFor("the retry worked, nothing was lost")
	if got := noteMark + typedOnDisk(t, home); got != text {
		t.Errorf("after space came back, %d of %d bytes on disk", len(got), len(text))
	}
	tm.keys("q")
	processGone(t, pid)
	if code := exitStatus(t, home); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
}

// paste pastes text into the pane as a terminal does: one bracketed paste.
func (tm *term) paste(text string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "set-buffer", "-b", tm.name, text).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux set-buffer: %v: %s", err, out)
	}
	if out, err := exec.Command("tmux", "paste-buffer", "-p", "-d", "-b", tm.name, "-t", tm.name).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux paste-buffer: %v: %s", err, out)
	}
}

package audit

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// An audit locked by a process that left no pid of its own (a backup tool,
// `flock`) must not be blamed on the stale pid an earlier assay left in
// .lock.pid: "close it there" would send the inspector after a dead or
// unrelated process. A live recorded pid is still named.
func TestQALockedMessageSkipsDeadPID(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := New(cat, stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	dir := filepath.Join(s.Home(), "audits", a.ID)

	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip("no 'true' command:", err)
	}
	deadPID := gone.ProcessState.Pid()

	fl := flock.New(filepath.Join(dir, ".lock"))
	if ok, err := fl.TryLock(); !ok || err != nil {
		t.Fatalf("taking the lock: %v %v", ok, err)
	}
	defer fl.Unlock()

	for _, c := range []struct {
		pid     int
		wantPID int
	}{{deadPID, 0}, {os.Getpid(), os.Getpid()}} {
		os.WriteFile(filepath.Join(dir, ".lock.pid"), []byte(strconv.Itoa(c.pid)+"\n"), 0o644)
		_, err := s.Open(a.ID)
		var le *LockedError
		if !errors.As(err, &le) || !errors.Is(err, ErrLocked) {
			t.Fatalf("Open of a locked audit: %v", err)
		}
		if le.PID != c.wantPID {
			t.Errorf("recorded pid %d: error names pid %d, want %d (%v)", c.pid, le.PID, c.wantPID, err)
		}
		if c.wantPID == 0 && strings.Contains(err.Error(), strconv.Itoa(c.pid)) {
			t.Errorf("message names the dead pid: %v", err)
		}
	}
}

package audit

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards/safefile"
)

// oddKinds are the things that can sit where assay expects a file: each
// makes one at path.
var oddKinds = map[string]func(t *testing.T, path string){
	"fifo": func(t *testing.T, path string) {
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Fatal(err)
		}
	},
	"dev-zero": func(t *testing.T, path string) {
		if err := os.Symlink("/dev/zero", path); err != nil {
			t.Fatal(err)
		}
	},
	"folder": func(t *testing.T, path string) {
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
	},
	"socket": func(t *testing.T, path string) {
		// A socket's path must be short: make it in a short folder, then
		// move it into place (a rename keeps the socket).
		dir, err := os.MkdirTemp("", "s")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		l, err := net.Listen("unix", filepath.Join(dir, "s"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		if err := os.Rename(filepath.Join(dir, "s"), path); err != nil {
			t.Fatal(err)
		}
	},
}

// replaceWithOdd removes path and puts an odd file of the given kind there.
func replaceWithOdd(t *testing.T, kind, path string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
	oddKinds[kind](t, path)
}

// returns fails the test when f has not returned after a generous wait: a
// read that blocks on a FIFO or /dev/zero never returns at all.
func returns(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s hangs", what)
	}
}

// newOddStore makes a store with one saved, closed audit.
func newOddStore(t *testing.T) (*Store, string, string) {
	t.Helper()
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	a.Finding("1.1.1").Notes = "nota importante"
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SavePosition(a.ID, Position{Area: "social", Requirement: "1.1.1"}); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if _, err := s.List(); err != nil { // writes summary.json
		t.Fatal(err)
	}
	return s, a.ID, filepath.Join(s.Home(), "audits", a.ID)
}

// Each file of an audit's folder replaced by a pipe, /dev/zero, a folder
// or a socket: no call hangs or reads without end, and the one that needs
// the file says which file it is.
func TestOddFilesInTheAuditFolder(t *testing.T) {
	for kind := range oddKinds {
		t.Run(kind, func(t *testing.T) {
			// audit.json: unreadable, named, listed with the reason.
			s, id, dir := newOddStore(t)
			path := filepath.Join(dir, "audit.json")
			replaceWithOdd(t, kind, path)
			var err error
			returns(t, "Load", func() { _, err = s.Load(id) })
			var ce *CorruptError
			if !errors.As(err, &ce) || ce.Path != path || !strings.Contains(ce.Reason, "not a regular file") {
				t.Errorf("Load with audit.json a %s: %v", kind, err)
			}
			returns(t, "Open", func() { _, err = s.Open(id) })
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("Open with audit.json a %s: %v, want the file named", kind, err)
			}
			var es []Entry
			returns(t, "List", func() { es, err = s.List() })
			if err != nil || len(es) != 1 || !strings.Contains(es[0].Err, "not a regular file") {
				t.Errorf("List with audit.json a %s: %+v, %v", kind, es, err)
			}

			// audit.json.bak: recovery refuses it, naming it.
			s, id, dir = newOddStore(t)
			replaceWithOdd(t, kind, filepath.Join(dir, "audit.json"))
			replaceWithOdd(t, kind, filepath.Join(dir, "audit.json.bak"))
			returns(t, "RestoreBackup", func() { err = s.RestoreBackup(id) })
			if err == nil || !strings.Contains(err.Error(), "audit.json.bak") {
				t.Errorf("RestoreBackup with a %s backup: %v", kind, err)
			}

			// summary.json and position.json: derived, so simply ignored.
			s, id, dir = newOddStore(t)
			replaceWithOdd(t, kind, filepath.Join(dir, "summary.json"))
			replaceWithOdd(t, kind, filepath.Join(dir, "position.json"))
			returns(t, "List", func() { es, err = s.List() })
			if err != nil || len(es) != 1 || es[0].Err != "" || es[0].ASMO != stHeader().ASMO {
				t.Errorf("List with summary.json a %s: %+v, %v", kind, es, err)
			}
			var p Position
			returns(t, "LoadPosition", func() { p = s.LoadPosition(id) })
			if p != (Position{}) {
				t.Errorf("LoadPosition from a %s: %+v", kind, p)
			}

			// .lock: reported, not waited on.
			s, id, dir = newOddStore(t)
			lock := filepath.Join(dir, ".lock")
			replaceWithOdd(t, kind, lock)
			returns(t, "Open", func() { _, err = s.Open(id) })
			if !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(err.Error(), lock) {
				t.Errorf("Open with .lock a %s: %v, want it named", kind, err)
			}

			// .lock.pid while another holds the lock: still "locked".
			s, id, dir = newOddStore(t)
			h, err := s.Open(id)
			if err != nil {
				t.Fatal(err)
			}
			replaceWithOdd(t, kind, filepath.Join(dir, ".lock.pid"))
			returns(t, "second Open", func() { _, err = s.Open(id) })
			if !errors.Is(err, ErrLocked) {
				t.Errorf("second Open with .lock.pid a %s: %v, want locked", kind, err)
			}

			// An evidence file to import: refused at once, named.
			src := filepath.Join(t.TempDir(), "foto.jpg")
			oddKinds[kind](t, src)
			returns(t, "StoreEvidence", func() { _, err = h.StoreEvidence(src) })
			if err == nil || !strings.Contains(err.Error(), src) {
				t.Errorf("StoreEvidence of a %s: %v, want it named", kind, err)
			}
			h.Close()
		})
	}
}

// A pipe (or /dev/zero, or a socket) where summary.json or position.json
// should be is replaced, not written into: the list and the position are
// rebuilt beside it and renamed over it, so nothing opens it for writing
// (which on a pipe would block until a reader came). A folder there cannot
// be renamed over: it stays, and the list is recomputed each time.
func TestOddSummaryAndPositionAreReplacedNotWrittenInto(t *testing.T) {
	for kind := range oddKinds {
		t.Run(kind, func(t *testing.T) {
			s, id, dir := newOddStore(t)
			sum, pos := filepath.Join(dir, "summary.json"), filepath.Join(dir, "position.json")
			replaceWithOdd(t, kind, sum)
			replaceWithOdd(t, kind, pos)
			var es []Entry
			var err error
			returns(t, "List", func() { es, err = s.List() })
			if err != nil || len(es) != 1 || es[0].ASMO != stHeader().ASMO {
				t.Fatalf("List with summary.json a %s: %+v, %v", kind, es, err)
			}
			want := Position{Area: "social", Requirement: "1.2.1"}
			returns(t, "SavePosition", func() { err = s.SavePosition(id, want) })
			if kind == "folder" {
				if err == nil {
					t.Error("SavePosition over a folder said it saved")
				}
				return
			}
			if err != nil {
				t.Fatalf("SavePosition over a %s: %v", kind, err)
			}
			for _, p := range []string{sum, pos} {
				if st, err := os.Lstat(p); err != nil || !st.Mode().IsRegular() {
					t.Errorf("%s after rebuilding over a %s: %v, %v", filepath.Base(p), kind, st, err)
				}
			}
			st, err := os.Stat(filepath.Join(dir, "audit.json"))
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := s.readSummary(dir, st); !ok {
				t.Errorf("summary.json rebuilt over a %s is not the current list entry", kind)
			}
			if p := s.LoadPosition(id); p != want {
				t.Errorf("position saved over a %s reads back as %+v", kind, p)
			}

			// Saving through a handle rewrites summary.json the same way.
			replaceWithOdd(t, kind, sum)
			h, err := s.Open(id)
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			a := h.Audit().Clone()
			a.Header.Site = "Otra bocamina"
			returns(t, "Save", func() { err = h.Save(a) })
			if err != nil {
				t.Fatalf("Save with summary.json a %s: %v", kind, err)
			}
			if st, err := os.Lstat(sum); err != nil || !st.Mode().IsRegular() {
				t.Errorf("summary.json after a save over a %s: %v, %v", kind, st, err)
			}
		})
	}
}

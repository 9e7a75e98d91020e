package safefile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// oddFiles makes one of each kind of file that is not a regular file, as
// the inspector's home could hold by mistake or mischief.
func oddFiles(t *testing.T) map[Kind]string {
	t.Helper()
	dir := t.TempDir()
	out := map[Kind]string{}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	out[FIFO] = fifo
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	out[Device] = zero
	sub := filepath.Join(dir, "folder")
	os.Mkdir(sub, 0o755)
	out[Directory] = sub
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	out[Socket] = sock
	return out
}

// within fails the test when f has not returned after a generous wait: a
// read that blocks on a FIFO never returns at all.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s hangs", what)
	}
}

func TestOddFilesAreRefusedNamingTheFileAndKind(t *testing.T) {
	for kind, path := range oddFiles(t) {
		for name, read := range map[string]func() error{
			"ReadFile": func() error { _, err := ReadFile(path, LimitConfig); return err },
			"Open": func() error {
				f, _, err := Open(path)
				if f != nil {
					f.Close()
				}
				return err
			},
			"Check": func() error { _, err := Check(path); return err },
		} {
			var err error
			within(t, name+" of a "+kind.String(), func() { err = read() })
			var se *Error
			if !errors.As(err, &se) || se.Kind != kind || se.Path != path {
				t.Errorf("%s(%s): err = %v, want *Error{%s, %v}", name, kind, err, path, kind)
				continue
			}
			if !errors.Is(err, ErrNotRegular) || errors.Is(err, ErrTooLarge) {
				t.Errorf("%s(%s): errors.Is does not match ErrNotRegular only", name, kind)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("%s(%s): message %q does not name the file", name, kind, err)
			}
		}
	}
}

func TestReadFileCapsTheSize(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big")
	os.WriteFile(p, make([]byte, 1001), 0o644)
	_, err := ReadFile(p, 1000)
	var se *Error
	if !errors.As(err, &se) || se.Kind != TooLarge || se.Size != 1001 || se.Limit != 1000 {
		t.Fatalf("err = %#v, want TooLarge 1001 > 1000", err)
	}
	if !errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotRegular) {
		t.Error("errors.Is does not match ErrTooLarge only")
	}
	data, err := ReadFile(p, 1001)
	if err != nil || len(data) != 1001 {
		t.Fatalf("at the limit: %d bytes, %v", len(data), err)
	}
}

// A file whose size says 0 (as /proc files do) is still capped while read.
func TestReadFileCapsWhatIsReadNotOnlyTheSize(t *testing.T) {
	data, err := read(strings.NewReader(strings.Repeat("x", 5000)), "stream", 0, 4096)
	var se *Error
	if !errors.As(err, &se) || se.Kind != TooLarge || data != nil {
		t.Fatalf("read of 5000 bytes under a 4096 cap: %d bytes, %v", len(data), err)
	}
	data, err = read(strings.NewReader("hola"), "stream", 0, 4096)
	if err != nil || string(data) != "hola" {
		t.Fatalf("small stream: %q, %v", data, err)
	}
}

func TestRegularFilesAndSymlinksToThemRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.toml")
	os.WriteFile(p, []byte("inspector = \"Ana\"\n"), 0o644)
	link := filepath.Join(dir, "link.toml")
	os.Symlink(p, link)
	for _, path := range []string{p, link} {
		data, err := ReadFile(path, LimitConfig)
		if err != nil || string(data) != "inspector = \"Ana\"\n" {
			t.Errorf("ReadFile(%s) = %q, %v", path, data, err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), LimitConfig); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

package safefile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The system's errors are classified so that each surface can word them:
// their own text is English whatever the inspector's language.
func TestSystemProblemOf(t *testing.T) {
	dir := t.TempDir()
	_, notExist := os.Open(filepath.Join(dir, "nope.pdf"))
	_, notDir := os.Open(filepath.Join(dir, "nope.pdf", "x"))
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, underFile := os.Open(filepath.Join(file, "x"))
	cases := []struct {
		err  error
		want SystemProblem
		path string
	}{
		{notExist, SystemNotExist, filepath.Join(dir, "nope.pdf")},
		{notDir, SystemNotExist, filepath.Join(dir, "nope.pdf", "x")},
		{underFile, SystemNotDir, filepath.Join(file, "x")},
		{fmt.Errorf("saving: %w", &fs.PathError{Op: "write", Path: "/a", Err: syscall.ENOSPC}), SystemDiskFull, "/a"},
		{&fs.PathError{Op: "open", Path: "/b", Err: syscall.EACCES}, SystemPermission, "/b"},
		{&fs.PathError{Op: "open", Path: "/c", Err: syscall.EROFS}, SystemReadOnly, "/c"},
		{&os.LinkError{Op: "link", Old: "/d", New: "/e", Err: syscall.EIO}, SystemIO, "/d"},
		{fmt.Errorf("something else"), SystemOther, ""},
		{nil, SystemOther, ""},
	}
	for i, c := range cases {
		if got := SystemProblemOf(c.err); got != c.want {
			t.Errorf("%d: SystemProblemOf(%v) = %d, want %d", i, c.err, got, c.want)
		}
		if got := SystemPath(c.err); got != c.path {
			t.Errorf("%d: SystemPath(%v) = %q, want %q", i, c.err, got, c.path)
		}
	}
}

// Reword keeps the caller's context and replaces only the system's part.
func TestReword(t *testing.T) {
	_, notExist := os.Open("/nonexistent-rlang/x.pdf")
	cases := []struct {
		err  error
		want string
	}{
		{notExist, "/nonexistent-rlang/x.pdf: no existe"},
		{fmt.Errorf("verify: %w", notExist), "verify: /nonexistent-rlang/x.pdf: no existe"},
		{fmt.Errorf("escribiendo /a/b.pdf: %w", syscall.ENOENT), "escribiendo /a/b.pdf: no existe"},
		{&os.LinkError{Op: "link", Old: "/t", New: "/u", Err: syscall.ENOENT}, "/t: no existe"},
		{fmt.Errorf("x: %w", fs.ErrNotExist), "x: no existe"},
	}
	for _, c := range cases {
		if got := Reword(c.err, "no existe"); got != c.want {
			t.Errorf("Reword(%q) = %q, want %q", c.err, got, c.want)
		}
	}
}

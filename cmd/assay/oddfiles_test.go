package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// oddMakers put something that is not a regular file at a path: a named
// pipe, a symlink to /dev/zero, a folder, a Unix socket.
var oddMakers = map[string]func(t *testing.T, path string){
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
		dir, err := os.MkdirTemp("", "s") // a socket's path must be short
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

// putOdd replaces path with an odd file of kind.
func putOdd(t *testing.T, kind, path string) {
	t.Helper()
	os.RemoveAll(path)
	oddMakers[kind](t, path)
}

// assayWithin runs the binary like assay, but a run that has not ended
// after a generous 20 s is a hang and fails the test (and is killed).
func assayWithin(t *testing.T, home string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, assayBin, append([]string{"--home", home}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "ASSAY_P12_PASSWORD=x")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("assay %s hangs", strings.Join(args, " "))
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running assay %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// Every file assay reads from the home or the command line, replaced by a
// pipe, /dev/zero, a folder or a socket: no command hangs or runs out of
// memory, and the one that needs the file names it.
func TestOddFilesNeverHangACommand(t *testing.T) {
	for kind := range oddMakers {
		t.Run(kind, func(t *testing.T) {
			home := t.TempDir()
			id := strings.TrimSpace(mustAssay(t, home, "demo").stdout)
			dir := filepath.Join(home, "audits", id)

			// config.toml: a warning naming it; the command still works.
			cfg := filepath.Join(home, "config.toml")
			putOdd(t, kind, cfg)
			r := assayWithin(t, home, "list")
			if r.code != 0 || !strings.Contains(r.stderr, cfg) || !strings.Contains(r.stdout, id) {
				t.Errorf("config.toml a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}
			os.RemoveAll(cfg)

			// A catalog in the home's standards folder: skipped, named (a
			// folder called *.toml is simply not a catalog file).
			os.MkdirAll(filepath.Join(home, "standards"), 0o755)
			cat := filepath.Join(home, "standards", "odd.toml")
			putOdd(t, kind, cat)
			r = assayWithin(t, home, "standards", "list")
			if r.code != 0 || kind != "folder" && !strings.Contains(r.stderr, cat) {
				t.Errorf("catalog a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}
			os.RemoveAll(cat)

			// summary.json: ignored (it is derived); the list is right.
			putOdd(t, kind, filepath.Join(dir, "summary.json"))
			r = assayWithin(t, home, "list", "--json")
			var es []struct{ ID, Error string }
			if r.code != 0 || json.Unmarshal([]byte(r.stdout), &es) != nil || len(es) != 1 || es[0].Error != "" {
				t.Errorf("summary.json a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}
			os.RemoveAll(filepath.Join(dir, "summary.json"))

			// .lock: finalize says which file, does not wait.
			lock := filepath.Join(dir, ".lock")
			putOdd(t, kind, lock)
			r = assayWithin(t, home, "finalize", id)
			if r.code != 1 || !strings.Contains(r.stderr, lock) {
				t.Errorf(".lock a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}
			os.RemoveAll(lock)

			// audit.json: listed as unreadable with the reason.
			putOdd(t, kind, filepath.Join(dir, "audit.json"))
			r = assayWithin(t, home, "list")
			if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "not a regular file") {
				t.Errorf("audit.json a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}

			// The signing key: what is wrong with it is that it is not a
			// file, not its mode (no "chmod 600" for a folder or a pipe).
			mustAssay(t, home, "keys", "create", "--name", "Ana")
			key := filepath.Join(home, "identity", "key.pem")
			putOdd(t, kind, key)
			r = assayWithin(t, home, "keys", "show")
			if r.code != 1 || !strings.Contains(r.stderr, key) || strings.Contains(r.stderr, "chmod") {
				t.Errorf("key.pem a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}

			// Files named on the command line.
			odd := filepath.Join(t.TempDir(), "odd")
			oddMakers[kind](t, odd)
			for _, args := range [][]string{{"keys", "import", odd}, {"verify", odd}} {
				r = assayWithin(t, home, args...)
				if r.code != 1 || !strings.Contains(r.stderr, odd) {
					t.Errorf("%s of a %s: exit %d\n%s%s", strings.Join(args[:len(args)-1], " "), kind, r.code, r.stdout, r.stderr)
				}
			}
			pdf := filepath.Join(t.TempDir(), "r.pdf")
			os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o644)
			r = assayWithin(t, home, "verify", "--ca", odd, pdf)
			if r.code == 0 || !strings.Contains(r.stderr, odd) {
				t.Errorf("verify --ca a %s: exit %d\n%s%s", kind, r.code, r.stdout, r.stderr)
			}
		})
	}
}

// export under a file size limit (ulimit -f, or a FAT32 stick's 4 GB) says
// so in the inspector's words, not "file too large" alone, and leaves no
// partial report.
func TestExportUnderAFileSizeLimitSaysSo(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(mustAssay(t, home, "demo").stdout)
	out := filepath.Join(t.TempDir(), "report.pdf")
	for _, args := range [][]string{{"export", id, "--draft"}, {"export", id, "--draft", "-o", out}} {
		// 64 KB: enough for the audit's small files, not for the report.
		script := "ulimit -f 64; exec \"$0\" \"$@\""
		cmd := exec.Command("sh", append([]string{"-c", script, assayBin, "--home", home}, args...)...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("%v under ulimit -f: %v, stderr %s", args, err, errb.String())
		}
		if !strings.Contains(errb.String(), "disk full or file size limit reached") {
			t.Errorf("%v: stderr %q", args, errb.String())
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a partial report was left at -o")
	}
	pdfs, _ := filepath.Glob(filepath.Join(home, "audits", id, "exports", "*.pdf"))
	if len(pdfs) != 0 {
		t.Errorf("partial exports left: %v", pdfs)
	}
}

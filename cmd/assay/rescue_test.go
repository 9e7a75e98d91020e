package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// What a signal on a full disk could not save goes to a new file of the
// runtime or temp folder (often another file system), readable by the
// user only, and the message says where and what to do with it; with
// nowhere to write, the text being typed is printed, escapes stripped.
func TestRescueOfWhatCouldNotBeSaved(t *testing.T) {
	u := tui.Unsaved{ID: "a1", Audit: []byte(`{"id":"a1"}`), Requirement: "1.2.3", Text: "Acta\x1b]0;x\x07 firmada\nFIN"}
	rescueWith := func(vars map[string]string) (string, *env) {
		var errb bytes.Buffer
		e := &env{stderr: &errb, getenv: func(k string) string { return vars[k] }, home: "/casa"}
		e.rescue(u)
		return errb.String(), e
	}

	run := t.TempDir()
	out, _ := rescueWith(map[string]string{"XDG_RUNTIME_DIR": run, "TMPDIR": t.TempDir()})
	files, _ := filepath.Glob(filepath.Join(run, "assay-unsaved-a1-*.json"))
	if len(files) != 1 {
		t.Fatalf("rescued files in the runtime folder: %v; stderr %q", files, out)
	}
	st, err := os.Stat(files[0])
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("rescued file %v, %v: want 0600", st, err)
	}
	if b, _ := os.ReadFile(files[0]); string(b) != string(u.Audit) {
		t.Errorf("rescued file holds %q", b)
	}
	if !strings.Contains(out, files[0]) || !strings.Contains(out, "/casa/audits/a1/audit.json") {
		t.Errorf("the message does not say where it is and where it goes: %q", out)
	}

	// The runtime folder cannot take it: the temp folder does.
	tmp := t.TempDir()
	out, _ = rescueWith(map[string]string{"XDG_RUNTIME_DIR": filepath.Join(run, "absent"), "TMPDIR": tmp})
	if files, _ := filepath.Glob(filepath.Join(tmp, "assay-unsaved-a1-*.json")); len(files) != 1 || !strings.Contains(out, files[0]) {
		t.Errorf("rescued in the temp folder: %v; stderr %q", files, out)
	}

	// Nowhere to write: the text is on stderr, without its escape.
	out, _ = rescueWith(map[string]string{"TMPDIR": filepath.Join(run, "absent")})
	if !strings.Contains(out, "1.2.3") || !strings.Contains(out, "Acta firmada\nFIN") || strings.Contains(out, "\x1b") {
		t.Errorf("with nowhere to write, stderr is %q", out)
	}
}

// The terminal the rescue was said on may be gone (SIGHUP): the next start
// finds the files left for this home's audits, oldest first, and no others.
func TestRescuedFilesFoundAtTheNextStart(t *testing.T) {
	home, tmp := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "audits", "2026-11-22-mina-0f15"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"assay-unsaved-2026-11-22-mina-0f15-20261130T040819Z.json",
		"assay-unsaved-2026-11-22-mina-0f15-20261129T235959Z.json",
		"assay-unsaved-otra-auditoria-20261130T040819Z.json", // not this home's
		"assay-unsaved-x.json",
	} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e := &env{home: home, getenv: func(k string) string { return map[string]string{"TMPDIR": tmp}[k] }}
	got := rescuedFiles(e)
	want := []string{filepath.Join(tmp, "assay-unsaved-2026-11-22-mina-0f15-20261129T235959Z.json"),
		filepath.Join(tmp, "assay-unsaved-2026-11-22-mina-0f15-20261130T040819Z.json")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rescued files found: %q, want %q", got, want)
	}
}

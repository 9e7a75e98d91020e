package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gofrs/flock"

	"github.com/assay-dev/assay/report/identity"
)

// qaEditAudit rewrites a draft's audit.json through a generic map, as a
// person with a text editor would.
func qaEditAudit(t *testing.T, home, id string, edit func(doc map[string]any)) {
	t.Helper()
	path := filepath.Join(home, "audits", id, "audit.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	out, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

const qaEvilASMO = "\x1b]0;pwned\x07Coop\x1b[2J"

// qaNoEscapes fails when s holds an escape or other control character a
// terminal would act on.
func qaNoEscapes(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			t.Errorf("%s prints control character %U:\n%q", what, r, s)
			return
		}
	}
}

// User data with escape sequences (an audit.json edited by hand, a
// certificate made by someone else, a catalog file name) reaches the
// terminal through list, verify, keys show and warnings sanitized; --json
// keeps the exact text, escaped.
func TestQAEscapesNeverReachTheTerminal(t *testing.T) {
	home, id := exportHome(t, false)
	qaEditAudit(t, home, id, func(doc map[string]any) {
		doc["header"].(map[string]any)["asmo"] = qaEvilASMO
	})
	// A broken catalog whose file name carries an escape: its warning
	// names the file.
	os.MkdirAll(filepath.Join(home, "standards"), 0o755)
	os.WriteFile(filepath.Join(home, "standards", "x\x1b[2J.toml"), []byte("id = \n"), 0o644)

	r := runIn(t, home, "list")
	if r.code != exitOK || !strings.Contains(r.stdout, "Coop") {
		t.Fatalf("list: %d %q %q", r.code, r.stdout, r.stderr)
	}
	qaNoEscapes(t, "list", r.stdout)
	qaNoEscapes(t, "list warnings", r.stderr)
	if !strings.Contains(r.stderr, "x.toml:1:") {
		t.Errorf("warning does not name the file and line: %q", r.stderr)
	}
	r = runIn(t, home, "list", "--json")
	var entries []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil || len(entries) != 1 || entries[0]["asmo"] != qaEvilASMO {
		t.Errorf("list --json must keep the exact text: %v %q", err, r.stdout)
	}

	if _, err := identity.Create(home, "Ana\x1b]0;evil\x07 Gómez", "", ""); err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, home, "finalize", id); r.code != exitOK {
		t.Fatalf("finalize: %d %q", r.code, r.stderr)
	}
	r = runIn(t, home, "keys", "show")
	qaNoEscapes(t, "keys show", r.stdout)
	out := filepath.Join(t.TempDir(), "r.pdf")
	if r := runIn(t, home, "export", id, "-o", out); r.code != exitOK {
		t.Fatalf("export: %d %q", r.code, r.stderr)
	}
	r = runIn(t, home, "verify", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "Coop") {
		t.Fatalf("verify: %d %q", r.code, r.stdout)
	}
	qaNoEscapes(t, "verify", r.stdout)
}

// verify on files that are not reports: exit 1 and plain words, never a
// panic; bad usage exits 2.
func TestQAVerifyBadFiles(t *testing.T) {
	home := t.TempDir()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.pdf")
	os.WriteFile(empty, nil, 0o644)
	text := filepath.Join(dir, "notes.pdf")
	os.WriteFile(text, []byte("just notes\n"), 0o644)
	cases := []struct {
		arg, out, err string
	}{
		{empty, "the file is empty", ""},
		{text, "not a PDF file", ""},
		{dir, "", "not a regular file (it is a folder)"},
		{filepath.Join(dir, "gone.pdf"), "", "gone.pdf"},
	}
	for _, c := range cases {
		r := runIn(t, home, "verify", c.arg)
		if r.code != exitFail || !strings.Contains(r.stdout, c.out) || !strings.Contains(r.stderr, c.err) {
			t.Errorf("verify %s: exit %d, stdout %q, stderr %q", c.arg, r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{{"verify", empty, text}, {"finalize"}, {"finalize", "a", "b"}, {"export", "a", "b"}, {"recover"}} {
		if r := runIn(t, home, args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, r.code, exitUsage)
		}
	}
}

// keys import of a file that is neither certificates nor PKCS#12 says so
// plainly (no ASN.1 parser text) and leaves the identity as it was.
func TestQAKeysImportGarbage(t *testing.T) {
	home := t.TempDir()
	if _, err := identity.Create(home, "Ana", "", ""); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(identity.Dir(home), "cert.pem"))
	f := filepath.Join(t.TempDir(), "bundle.p12")
	os.WriteFile(f, []byte("hello, I am not a certificate\n"), 0o644)
	r := runIn(t, home, "keys", "import", f)
	if r.code != exitFail || !strings.Contains(r.stderr, f+": no certificate found") || strings.Contains(r.stderr, "asn1") {
		t.Errorf("import garbage: %d %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(identity.Dir(home), "cert.pem"))
	if string(after) != string(before) {
		t.Error("the identity changed")
	}
}

// export with an evidence file deleted from the audit folder: refused
// (exit 1) with the file and both ways out; --missing-evidence-ok signs.
func TestQAExportMissingEvidenceCommand(t *testing.T) {
	home := t.TempDir()
	r := runIn(t, home, "demo")
	id := strings.TrimSpace(r.stdout)
	if r.code != exitOK {
		t.Fatalf("demo: %d %q", r.code, r.stderr)
	}
	if _, err := identity.Create(home, "Ana", "", ""); err != nil {
		t.Fatal(err)
	}
	if r := runIn(t, home, "finalize", id); r.code != exitOK {
		t.Fatalf("finalize: %q", r.stderr)
	}
	files, _ := filepath.Glob(filepath.Join(home, "audits", id, "evidence", "*"))
	for _, f := range files {
		os.Remove(f) // originals and report images
	}
	r = runIn(t, home, "export", id)
	if r.code != exitFail || !strings.Contains(r.stderr, "missing from the audit folder") || !strings.Contains(r.stderr, "--missing-evidence-ok") {
		t.Errorf("export: %d %q", r.code, r.stderr)
	}
	if r := runIn(t, home, "export", id, "--draft"); r.code != exitOK || !strings.Contains(r.stderr, "warning: evidence") {
		t.Errorf("export --draft: %d %q", r.code, r.stderr)
	}
	if r := runIn(t, home, "export", id, "--missing-evidence-ok"); r.code != exitOK {
		t.Errorf("export --missing-evidence-ok: %d %q", r.code, r.stderr)
	}
}

// finalize of an already finalized audit says so and names the way to
// change it, instead of "cannot be finalized yet; fix these first:"
// followed by the open requirements of a possibly unrelated catalog.
func TestQAFinalizeTwice(t *testing.T) {
	home, id := exportHome(t, true)
	r := runIn(t, home, "finalize", id)
	if r.code != exitFail || !strings.Contains(r.stderr, "revision 1 is already finalized") ||
		!strings.Contains(r.stderr, "assay amend "+id) || strings.Contains(r.stderr, "fix these first") {
		t.Errorf("finalize twice: %d %q", r.code, r.stderr)
	}
}

// While another process holds an audit (its lock file), finalize and amend
// are refused with the reason and leave audit.json alone; export still
// works read-only and says the history could not be updated.
func TestQALockedAuditCommands(t *testing.T) {
	home, id := exportHome(t, true)
	dir := filepath.Join(home, "audits", id)
	before, _ := os.ReadFile(filepath.Join(dir, "audit.json"))
	fl := flock.New(filepath.Join(dir, ".lock"))
	if ok, err := fl.TryLock(); !ok || err != nil {
		t.Fatalf("lock: %v %v", ok, err)
	}
	defer fl.Unlock()

	for _, args := range [][]string{{"finalize", id}, {"amend", id, "--reason", "x"}} {
		r := runIn(t, home, args...)
		if r.code != exitFail || !strings.Contains(r.stderr, "is open in another assay process") {
			t.Errorf("%v: %d %q", args, r.code, r.stderr)
		}
	}
	r := runIn(t, home, "export", id)
	if r.code != exitOK || !strings.Contains(r.stderr, "not recorded in the audit history") {
		t.Errorf("export of a locked audit: %d %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "audit.json"))
	if string(after) != string(before) {
		t.Error("audit.json changed while another process held it")
	}
}

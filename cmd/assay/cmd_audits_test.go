package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

type audResult struct {
	code           int
	stdout, stderr string
}

func audRun(t *testing.T, home string, args ...string) audResult {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(append([]string{"--home", home}, args...), e)
	return audResult{code, out.String(), errb.String()}
}

func audListJSON(t *testing.T, home string) []map[string]any {
	t.Helper()
	r := audRun(t, home, "list", "--json")
	if r.code != 0 {
		t.Fatalf("list --json: exit %d: %s", r.code, r.stderr)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("list --json is not a JSON array: %v\n%s", err, r.stdout)
	}
	return list
}

func TestListEmptyStore(t *testing.T) {
	home := t.TempDir()
	r := audRun(t, home, "list")
	if r.code != 0 || !strings.Contains(r.stdout, "No audits yet") || !strings.Contains(r.stdout, "assay demo") {
		t.Errorf("empty list: exit %d, %q", r.code, r.stdout)
	}
	if list := audListJSON(t, home); len(list) != 0 {
		t.Errorf("empty list --json: %v", list)
	}
}

func TestDemoListFinalizeAmend(t *testing.T) {
	home := t.TempDir()
	r := audRun(t, home, "demo")
	if r.code != 0 {
		t.Fatalf("demo: exit %d: %s", r.code, r.stderr)
	}
	id := strings.TrimSuffix(r.stdout, "\n")
	if id == "" || strings.ContainsAny(id, " \n") {
		t.Fatalf("demo printed %q, want only the id", r.stdout)
	}

	list := audListJSON(t, home)
	if len(list) != 1 {
		t.Fatalf("list: %v", list)
	}
	e := list[0]
	for _, key := range []string{"id", "asmo", "site", "audit_type", "certification_type", "status", "revision",
		"percent_complete", "recommendation", "updated"} {
		if _, ok := e[key]; !ok {
			t.Errorf("list --json lacks %q: %v", key, e)
		}
	}
	if e["id"] != id || e["percent_complete"] != 100.0 || e["recommendation"] != "not-recommended" || e["status"] != "draft" {
		t.Errorf("demo entry: %v", e)
	}
	if _, err := time.Parse(time.RFC3339, e["updated"].(string)); err != nil {
		t.Errorf("updated is not RFC 3339: %v", err)
	}
	table := audRun(t, home, "list").stdout
	if !strings.Contains(table, id) || !strings.Contains(table, "Cooperativa Minera La Esperanza") || !strings.Contains(table, "100%") {
		t.Errorf("table:\n%s", table)
	}

	// Finalizing records the signing certificate: without a key it is
	// refused, naming the command that makes one, and nothing changes.
	r = audRun(t, home, "finalize", id)
	if r.code != 1 || !strings.Contains(r.stderr, "no signing key") || !strings.Contains(r.stderr, "assay keys create") {
		t.Errorf("finalize without a signing key: exit %d, %q", r.code, r.stderr)
	}
	if got := audListJSON(t, home)[0]; got["status"] != "draft" {
		t.Errorf("a refused finalize changed the audit: %v", got)
	}
	ident, err := identity.Create(home, "Rosa Mamani", "rosa@example.org", "")
	if err != nil {
		t.Fatal(err)
	}
	r = audRun(t, home, "finalize", id)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "finalized "+id+" revision 1 (content hash sha256:") {
		t.Fatalf("finalize: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if got := audListJSON(t, home)[0]; got["status"] != "finalized" {
		t.Errorf("after finalize: %v", got)
	}
	data, _ := os.ReadFile(filepath.Join(home, "audits", id, "audit.json"))
	if !strings.Contains(string(data), identity.Fingerprint(ident.Cert)) || !strings.Contains(string(data), "CN=Rosa Mamani,E=rosa@example.org") {
		t.Errorf("the finalized audit does not record its signer:\n%s", data)
	}
	r = audRun(t, home, "finalize", id)
	if r.code != 1 || !strings.Contains(r.stderr, "already finalized") {
		t.Errorf("finalize twice: exit %d, %q", r.code, r.stderr)
	}

	if r = audRun(t, home, "amend", id); r.code != 2 || !strings.Contains(r.stderr, "--reason") {
		t.Errorf("amend without reason: exit %d, %q", r.code, r.stderr)
	}
	r = audRun(t, home, "amend", id, "--reason", "Acta de cierre corregida")
	if r.code != 0 || !strings.Contains(r.stdout, "revision 2") {
		t.Fatalf("amend: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if got := audListJSON(t, home)[0]; got["status"] != "draft" || got["revision"] != 2.0 {
		t.Errorf("after amend: %v", got)
	}
}

func TestFinalizeRefusedListsEveryReason(t *testing.T) {
	home := t.TempDir()
	set := standards.NewSet(standards.Builtin()...)
	s, err := audit.OpenStore(home, set)
	if err != nil {
		t.Fatal(err)
	}
	a := audit.New(set.Default(), audit.Header{ASMO: "Asociación Minera Qori", Country: "Perú", Site: "Ananea",
		AuditType: audit.Initial, CertType: audit.Fairmined, StartDate: "2026-11-02", EndDate: "2026-11-04",
		LeadInspector: "Rosa Mamani"}, time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	r := audRun(t, home, "finalize", a.ID)
	if r.code != 1 {
		t.Fatalf("finalize of an empty audit: exit %d", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) < 6 || !strings.Contains(lines[0], "cannot be finalized") {
		t.Errorf("want a heading and one line per area still open:\n%s", r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("refused finalize printed on stdout: %q", r.stdout)
	}

	// While another process (here: another handle) has it open, refused.
	h, err = s.Open(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	r = audRun(t, home, "finalize", a.ID)
	h.Close()
	if r.code != 1 || !strings.Contains(r.stderr, "is open in another assay process") {
		t.Errorf("finalize of an open audit: exit %d, %q", r.code, r.stderr)
	}
}

func TestRecoverCorruptAudit(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	path := filepath.Join(home, "audits", id, "audit.json")
	good, _ := os.ReadFile(path)
	os.WriteFile(path, good[:len(good)/3], 0o644)

	e := audListJSON(t, home)[0]
	msg, _ := e["error"].(string)
	if !strings.Contains(msg, "unreadable") || !strings.Contains(msg, "assay recover "+id) {
		t.Errorf("corrupt entry: %v", e)
	}
	if table := audRun(t, home, "list").stdout; !strings.Contains(table, "! unreadable") || !strings.Contains(table, "! "+id+": unreadable audit.json: ") {
		t.Errorf("table does not flag the unreadable audit:\n%s", table)
	}
	r := audRun(t, home, "recover", id)
	if r.code != 0 {
		t.Fatalf("recover: exit %d %s", r.code, r.stderr)
	}
	if e := audListJSON(t, home)[0]; e["error"] != nil || e["percent_complete"] != 100.0 {
		t.Errorf("after recover: %v", e)
	}
	if r := audRun(t, home, "recover", "no-such-audit"); r.code != 1 || !strings.Contains(r.stderr, "no-such-audit") {
		t.Errorf("recover of a missing audit: exit %d %q", r.code, r.stderr)
	}
}

func TestAuditCommandsBadUsage(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"finalize"}, {"finalize", "a", "b"}, {"list", "extra"}, {"demo", "x"},
		{"recover"}, {"amend"}, {"list", "--bogus"}} {
		if r := audRun(t, home, args...); r.code != 2 {
			t.Errorf("assay %s: exit %d, want 2", strings.Join(args, " "), r.code)
		}
	}
	for _, name := range []string{"list", "finalize", "amend", "demo", "recover"} {
		if r := audRun(t, home, name, "--help"); r.code != 0 || !strings.Contains(r.stdout, "Usage: assay "+name) {
			t.Errorf("%s --help: exit %d %q", name, r.code, r.stdout)
		}
	}
}

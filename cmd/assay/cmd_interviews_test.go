package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
)

// privateName is a name distinctive enough that finding it anywhere is a
// leak, not a coincidence.
const privateName = "Zenobia Quimbaya-Ortúzar"

// TestInterviewsAddAndList: add prints the pseudonym; list shows the
// register, as a table or JSON, with names only when asked for.
func TestInterviewsAddAndList(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)

	r := audRun(t, home, "interviews", "add", id, "--role", "Pallaquera", "--gender", "mujer", "--site", "Cancha de pallaqueo",
		"--date", "2026-11-20", "--group", "4", "--topics", "labour,social", "--name", privateName, "--contact", "+57 300 555 0199")
	if r.code != 0 || r.stdout != "I-15\n" {
		t.Fatalf("interviews add: exit %d, stdout %q (want the next pseudonym, I-15, alone), stderr %s", r.code, r.stdout, r.stderr)
	}
	r = audRun(t, home, "interviews", "add", id, "--role", "Minero", "--gender", "man")
	if r.code != 0 || r.stdout != "I-16\n" {
		t.Fatalf("second add: exit %d, %q %s", r.code, r.stdout, r.stderr)
	}

	list := func(args ...string) []map[string]any {
		t.Helper()
		r := audRun(t, home, append([]string{"interviews", "list", id, "--json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("interviews list --json: exit %d: %s", r.code, r.stderr)
		}
		var out []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
		}
		if strings.Contains(r.stdout, "Zenobia") != (len(args) > 0) {
			t.Errorf("the private name is in the output: %v (with %v)", strings.Contains(r.stdout, "Zenobia"), args)
		}
		return out
	}
	plain := list()
	if len(plain) != 16 {
		t.Fatalf("%d interviews listed, want 16", len(plain))
	}
	got := plain[14]
	for _, key := range []string{"pseudonym", "role", "gender", "site", "date", "group_size", "topics"} {
		if _, ok := got[key]; !ok {
			t.Errorf("list --json lacks %q: %v", key, got)
		}
	}
	if _, ok := got["name"]; ok {
		t.Errorf("name present without --include-private: %v", got)
	}
	if got["pseudonym"] != "I-15" || got["gender"] != "woman" || got["group_size"] != 4.0 || got["date"] != "2026-11-20" {
		t.Errorf("entry I-15: %v", got)
	}
	if ts, _ := got["topics"].([]any); len(ts) != 2 || ts[0] != "labour" || ts[1] != "social" {
		t.Errorf("topics: %v", got["topics"])
	}
	// The demo's findings cite its interviews; the list says which.
	if cb, _ := plain[6]["cited_by"].([]any); plain[6]["pseudonym"] != "I-07" || len(cb) == 0 || cb[0] != "1.2.2" {
		t.Errorf("I-07 cited by %v, want 1.2.2 first", plain[6]["cited_by"])
	}
	private := list("--include-private")
	if private[14]["name"] != privateName || private[14]["contact"] != "+57 300 555 0199" {
		t.Errorf("with --include-private: %v", private[14])
	}
	if private[15]["name"] != "" {
		t.Errorf("an interview without a name: %v", private[15]["name"])
	}

	// The table: pseudonyms, and the names only with --include-private,
	// under a warning.
	r = audRun(t, home, "interviews", "list", id)
	if r.code != 0 || !strings.Contains(r.stdout, "I-15") || !strings.Contains(r.stdout, "group of 4") || strings.Contains(r.stdout, "Zenobia") {
		t.Errorf("interviews list: exit %d\n%s", r.code, r.stdout)
	}
	r = audRun(t, home, "--lang", "es", "interviews", "list", id, "--include-private")
	if r.code != 0 || !strings.Contains(r.stdout, privateName) || !strings.Contains(r.stdout, "grupo de 4") || !strings.Contains(r.stderr, "nombres privados") {
		t.Errorf("interviews list --include-private in Spanish: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}

	// Nowhere else: not in audit.json, nor in list --json.
	data, err := os.ReadFile(filepath.Join(home, "audits", id, "audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Zenobia") || strings.Contains(audRun(t, home, "list", "--json").stdout, "Zenobia") {
		t.Error("the private name left the private folder")
	}
	st, err := os.Stat(filepath.Join(home, "audits", id, "private", "interviewees.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("private file: %v %v", err, st)
	}
}

func TestInterviewsAddRefusals(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--gender", "woman"}, 2, "--role is required"},
		{[]string{"--role", "Minero"}, 2, "--gender is required"},
		{[]string{"--role", "Minero", "--gender", "robot"}, 2, `--gender "robot" is not known`},
		{[]string{"--role", "Minero", "--gender", "man", "--date", "20/11/2026"}, 2, "YYYY-MM-DD"},
		{[]string{"--role", "Minero", "--gender", "man", "--group", "-3"}, 2, "--group cannot be negative"},
		{[]string{"--role", "Minero", "--gender", "man", "--topics", "mining"}, 2, `--topics "mining" is not known`},
	} {
		r := audRun(t, home, append([]string{"interviews", "add", id}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("add %v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if r := audRun(t, home, "interviews", "list", id, "--json"); strings.Count(r.stdout, `"pseudonym"`) != 14 {
		t.Errorf("a refused interview was recorded:\n%s", r.stdout)
	}
	if r := audRun(t, home, "interviews", "frobnicate", id); r.code != 2 {
		t.Errorf("unknown sub-command: exit %d", r.code)
	}
	if r := audRun(t, home, "interviews", "list", "no-such-audit"); r.code != 1 {
		t.Errorf("unknown audit: exit %d", r.code)
	}
}

// TestFinalizeNeedsTheAuditeesWordCLI: finalize is refused, with the reason
// in words, until the closing meeting holds the representative's response
// or why it could not be obtained.
func TestFinalizeNeedsTheAuditeesWordCLI(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	edit := func(f func(a *audit.Audit)) {
		t.Helper()
		s, err := audit.OpenStore(home, nil)
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.Open(id)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		a := h.Audit()
		f(a)
		if err := h.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	edit(func(a *audit.Audit) { a.Header.Closing.Response = "" })
	r := audRun(t, home, "finalize", id)
	if r.code != 1 || !strings.Contains(r.stderr, "acknowledgement of the findings is not recorded") {
		t.Errorf("finalize without the auditee's word: exit %d\n%s", r.code, r.stderr)
	}
	r = audRun(t, home, "--lang", "es", "finalize", id)
	if !strings.Contains(r.stderr, "no se registró la conformidad de la organización auditada") {
		t.Errorf("in Spanish:\n%s", r.stderr)
	}
	edit(func(a *audit.Audit) { a.Header.Closing.NotObtained = "La representante se retiró antes del cierre." })
	r = audRun(t, home, "finalize", id)
	if strings.Contains(r.stderr, "acknowledgement") || !strings.Contains(r.stderr, "keys create") {
		t.Errorf("with the reason recorded, only the signing key is missing: exit %d\n%s", r.code, r.stderr)
	}
}

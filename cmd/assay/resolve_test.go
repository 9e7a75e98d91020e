package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// TestCommandsTakeAnyUniquePrefixOfAnID: export, finalize, amend and
// recover take as much of an id as tells the audit apart; a start shared by
// several audits lists them with their ASMOs (exit 1), and an id that
// names no audit says where to see them (exit 1).
func TestCommandsTakeAnyUniquePrefixOfAnID(t *testing.T) {
	home := t.TempDir()
	set := standards.NewSet(standards.Builtin()...)
	s, err := audit.OpenStore(home, set)
	if err != nil {
		t.Fatal(err)
	}
	demo, err := audit.CreateDemo(s, set.Default(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// A second audit of the same ASMO that started the same day: the id's
	// date and slug are shared, only the last four digits differ.
	a := audit.New(set.Default(), audit.Header{ASMO: "Cooperativa Minera La Esperanza", StartDate: demo[:10]}, time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	shared := demo[:len(demo)-4]
	if !strings.HasPrefix(a.ID, shared) {
		t.Fatalf("ids %s and %s do not share %s", demo, a.ID, shared)
	}

	r := audRun(t, home, "export", shared, "--draft")
	if r.code != exitFail || !strings.HasPrefix(r.stderr, "assay: \""+shared+"\" could be any of 2 audits; type more of the id:") ||
		!strings.Contains(r.stderr, "\n  "+demo+"  Cooperativa Minera La Esperanza\n") || !strings.Contains(r.stderr, "\n  "+a.ID) {
		t.Errorf("ambiguous prefix: exit %d, stderr:\n%s", r.code, r.stderr)
	}

	// One more digit tells them apart, in every command that takes an id.
	unique := demo[:len(demo)-3]
	if unique == a.ID[:len(a.ID)-3] {
		unique = demo // the two share 3 of their 4 random digits: use the whole id
	}
	r = audRun(t, home, "export", unique, "--draft")
	if r.code != exitOK || !strings.Contains(r.stdout, filepath.Join(home, "audits", demo, "exports")) {
		t.Fatalf("export by prefix: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := identity.Create(home, "Ana María Restrepo Gómez", "", ""); err != nil {
		t.Fatal(err)
	}
	if r = audRun(t, home, "finalize", unique); r.code != exitOK || !strings.HasPrefix(r.stdout, "finalized "+demo+" ") {
		t.Fatalf("finalize by prefix: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r = audRun(t, home, "amend", unique, "--reason", "Acta corregida"); r.code != exitOK || !strings.Contains(r.stdout, demo) {
		t.Errorf("amend by prefix: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{
		{"show", unique, "--json"}, {"export", unique, "--format", "json"}, {"export", unique, "--format", "csv"},
		{"evidence", "list", unique}, {"interviews", "list", unique}, {"actions", "list", unique},
	} {
		if r = audRun(t, home, args...); r.code != exitOK || r.stdout == "" {
			t.Errorf("%v by prefix: exit %d, %q", args, r.code, r.stderr)
		}
	}
	if r = audRun(t, home, "recover", unique); r.code != exitFail || !strings.Contains(r.stderr, demo) {
		t.Errorf("recover by prefix of a readable audit: exit %d, %q", r.code, r.stderr)
	}

	r = audRun(t, home, "finalize", "1999")
	if r.code != exitFail || r.stderr != "assay: no audit \"1999\" in "+filepath.Join(home, "audits")+": assay list shows every audit and its id\n" {
		t.Errorf("unknown id: exit %d, %q", r.code, r.stderr)
	}
	r = audRun(t, home, "--lang", "es", "export", shared)
	if r.code != exitFail || !strings.Contains(r.stderr, "puede ser cualquiera de 2 auditorías") {
		t.Errorf("ambiguous prefix in Spanish: exit %d, %q", r.code, r.stderr)
	}
}

// TestEveryErrorStartsWithAssayAndUsageNamesTheCommandsHelp: whatever goes
// wrong, stderr's first line starts "assay:", and a usage error (exit 2)
// says which help to read: the sub-command's own.
func TestEveryErrorStartsWithAssayAndUsageNamesTheCommandsHelp(t *testing.T) {
	home := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		help string // the help a usage error must name
	}{
		{[]string{"--bogus"}, exitUsage, "Run 'assay --help' for usage."},
		{[]string{"bogus"}, exitUsage, "Run 'assay --help' for usage."},
		{[]string{"--lang", "xx", "list"}, exitUsage, "Run 'assay --help' for usage."},
		{[]string{"export"}, exitUsage, "Run 'assay export --help' for usage."},
		{[]string{"export", "--bogus", "x"}, exitUsage, "Run 'assay export --help' for usage."},
		{[]string{"export", "x", "y"}, exitUsage, "Run 'assay export --help' for usage."},
		{[]string{"finalize"}, exitUsage, "Run 'assay finalize --help' for usage."},
		{[]string{"amend", "x"}, exitUsage, "Run 'assay amend --help' for usage."},
		{[]string{"recover"}, exitUsage, "Run 'assay recover --help' for usage."},
		{[]string{"list", "extra"}, exitUsage, "Run 'assay list --help' for usage."},
		{[]string{"demo", "extra"}, exitUsage, "Run 'assay demo --help' for usage."},
		{[]string{"keys"}, exitUsage, "Run 'assay keys --help' for usage."},
		{[]string{"keys", "bogus"}, exitUsage, "Run 'assay keys --help' for usage."},
		{[]string{"keys", "create", "--bogus"}, exitUsage, "Run 'assay keys create --help' for usage."},
		{[]string{"keys", "import"}, exitUsage, "Run 'assay keys import --help' for usage."},
		{[]string{"standards"}, exitUsage, "Run 'assay standards --help' for usage."},
		{[]string{"standards", "show"}, exitUsage, "Run 'assay standards show --help' for usage."},
		{[]string{"verify"}, exitUsage, "Run 'assay verify --help' for usage."},
		{[]string{"timestamp"}, exitUsage, "Run 'assay timestamp --help' for usage."},
		{[]string{"interviews"}, exitUsage, "Run 'assay interviews --help' for usage."},
		{[]string{"interviews", "bogus"}, exitUsage, "Run 'assay interviews --help' for usage."},
		{[]string{"interviews", "list"}, exitUsage, "Run 'assay interviews list --help' for usage."},
		{[]string{"actions"}, exitUsage, "Run 'assay actions --help' for usage."},
		{[]string{"actions", "set", "x", "1.1.1"}, exitUsage, "Run 'assay actions set --help' for usage."},
		{[]string{"interviews", "list", "nope"}, exitFail, ""},
		{[]string{"actions", "list", "nope"}, exitFail, ""},
		{[]string{"export", "nope"}, exitFail, ""},
		{[]string{"finalize", "nope"}, exitFail, ""},
		{[]string{"keys", "show"}, exitFail, ""},
		{[]string{"verify", filepath.Join(home, "none.pdf")}, exitFail, ""},
		{[]string{"standards", "show", "nope"}, exitFail, ""},
	} {
		r := audRun(t, home, tt.args...)
		name := strings.Join(tt.args, " ")
		if r.code != tt.code {
			t.Errorf("assay %s: exit %d, want %d; stderr %q", name, r.code, tt.code, r.stderr)
		}
		if !strings.HasPrefix(r.stderr, "assay: ") {
			t.Errorf("assay %s: stderr does not start with \"assay: \": %q", name, r.stderr)
		}
		if tt.help != "" && !strings.HasSuffix(r.stderr, tt.help+"\n") {
			t.Errorf("assay %s: stderr does not end naming %q: %q", name, tt.help, r.stderr)
		}
	}
	if r := audRun(t, home, "--lang", "es", "amend"); !strings.HasSuffix(r.stderr, "Ejecute 'assay amend --help' para ver cómo se usa.\n") {
		t.Errorf("a Spanish usage error names the command's help in Spanish: %q", r.stderr)
	}
}

// TestInterviewsTakeAUniquePrefixOfAnID: the interview register's commands
// take an id as every other command does (they once wanted it whole).
func TestInterviewsTakeAUniquePrefixOfAnID(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	short := id[:len(id)-2]
	r := audRun(t, home, "interviews", "add", short, "--role", "Pallaquera", "--gender", "woman")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "I-") {
		t.Fatalf("interviews add by prefix: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	pseudonym := strings.TrimSpace(r.stdout)
	if r = audRun(t, home, "interviews", "list", short); r.code != exitOK || !strings.Contains(r.stdout, pseudonym+" ") {
		t.Errorf("interviews list by prefix: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// assay actions list|set: last year's corrective actions verified from the
// command line, through the domain's setters and its finalize blockers.

// actThisYear makes a home with the demo audit finalized (last year's,
// with its non-conformities) and this year's audit started from it; it
// returns the home, last year's id and this year's.
func actThisYear(t *testing.T) (string, string, string) {
	t.Helper()
	home := t.TempDir()
	prev := strings.TrimSpace(audRun(t, home, "demo").stdout)
	for _, args := range [][]string{{"keys", "create", "--name", "Ana Quispe"}, {"finalize", prev}} {
		if r := audRun(t, home, args...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	r := audRun(t, home, "new", "--from", prev, "--start", "2027-11-16", "--end", "2027-11-19")
	id := strings.TrimSpace(r.stdout)
	if r.code != 0 || id == "" {
		t.Fatalf("new --from: exit %d: %s", r.code, r.stderr)
	}
	return home, prev, id
}

// actListJSON runs actions list --json and decodes it.
func actListJSON(t *testing.T, home, id string) []any {
	t.Helper()
	r := audRun(t, home, "actions", "list", id, "--json")
	if r.code != 0 {
		t.Fatalf("actions list --json: exit %d: %s", r.code, r.stderr)
	}
	var out []any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("actions list --json is not a JSON array: %v\n%s", err, r.stdout)
	}
	return out
}

// actBlockers are show --json's blockers of kind.
func actBlockers(s map[string]any, kind string) []map[string]any {
	var out []map[string]any
	for _, b := range s["blockers"].([]any) {
		if m := b.(map[string]any); m["kind"] == kind {
			out = append(out, m)
		}
	}
	return out
}

func TestActionsListAndSetRoundTripThroughShow(t *testing.T) {
	home, _, id := actThisYear(t)
	short := id[:len(id)-2] // any unique start of the id will do
	cas := actListJSON(t, home, short)
	s := cycShow(t, home, id)
	if len(cas) < 2 || mustJSON(t, cas) != mustJSON(t, s["corrective_actions"]) {
		t.Fatalf("actions list --json differs from show's corrective_actions:\n%s\n%s", mustJSON(t, cas), mustJSON(t, s["corrective_actions"]))
	}
	first, second := cas[0].(map[string]any), cas[1].(map[string]any)
	req, other := first["requirement"].(string), second["requirement"].(string)
	if first["status"] != "to_verify" {
		t.Fatalf("a new audit's action starts to verify: %v", first)
	}

	// The text list says what show says, line for line.
	list := audRun(t, home, "actions", "list", id)
	show := audRun(t, home, "show", id)
	if list.code != 0 || !strings.HasPrefix(list.stdout, "Corrective actions from the previous audit (") {
		t.Fatalf("actions list: exit %d, %q %q", list.code, list.stdout, list.stderr)
	}
	for _, l := range strings.Split(list.stdout, "\n") {
		if strings.HasPrefix(l, "  ? ") && !strings.Contains(show.stdout, l+"\n") {
			t.Errorf("list line not as show prints it: %q", l)
		}
	}
	if !strings.Contains(list.stdout, "Before finalizing, fix this:\n  • ") || !strings.Contains(list.stdout, "still to verify ("+req) {
		t.Errorf("list says what keeps the actions from being settled: %q", list.stdout)
	}

	r := audRun(t, home, "actions", "set", short, req, "--status", "closed", "--notes", "Padrón visto en la asamblea del 3 de marzo")
	if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "✓ "+req+" ") || !strings.Contains(r.stdout, "— closed —") ||
		!strings.Contains(r.stdout, "evidence: Padrón visto") {
		t.Fatalf("set closed with notes: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	// JSON's spelling of a status is taken too: a script feeds back what it read.
	if r = audRun(t, home, "actions", "set", id, other, "--status", "not_closed"); r.code != 0 || !strings.Contains(r.stdout, "not closed") {
		t.Fatalf("set not_closed: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	s = cycShow(t, home, id)
	got := s["corrective_actions"].([]any)
	c0, c1 := got[0].(map[string]any), got[1].(map[string]any)
	if c0["status"] != "closed" || c0["evidence_notes"] != "Padrón visto en la asamblea del 3 de marzo" || c0["confirmed"] != true ||
		c1["status"] != "not_closed" || c1["counts_as"] == nil {
		t.Errorf("show --json after set: %v / %v", c0, c1)
	}
	if mustJSON(t, got) != mustJSON(t, actListJSON(t, home, id)) {
		t.Errorf("list and show disagree after set")
	}
	weighs := false
	for _, rs := range s["recommendation"].(map[string]any)["reasons"].([]any) {
		m := rs.(map[string]any)
		weighs = weighs || m["requirement_id"] == other && strings.HasPrefix(m["kind"].(string), "previous-")
	}
	if !weighs {
		t.Errorf("the action not closed weighs in the recommendation: %v", s["recommendation"])
	}

	// --notes alone changes the notes and keeps the status; back to verify.
	if r = audRun(t, home, "actions", "set", id, req, "--notes", "Acta 2027-03"); r.code != 0 || !strings.Contains(r.stdout, "— closed —") {
		t.Errorf("notes alone: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r = audRun(t, home, "actions", "set", id, req, "--status", "to-verify"); r.code != 0 || !strings.Contains(r.stdout, "to verify") ||
		!strings.Contains(r.stderr, "assay: warning: finalizing is still refused: ") {
		t.Errorf("back to verify: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	c0 = actListJSON(t, home, id)[0].(map[string]any)
	if c0["status"] != "to_verify" || c0["evidence_notes"] != "Acta 2027-03" {
		t.Errorf("after notes and to-verify: %v", c0)
	}
}

func TestActionsClosedWithoutNotesSaysTheDomainsBlocker(t *testing.T) {
	home, _, id := actThisYear(t)
	req := actListJSON(t, home, id)[0].(map[string]any)["requirement"].(string)
	r := audRun(t, home, "actions", "set", id, req, "--status", "closed")
	// Saved, as in the terminal UI; the blocker is audit's, said now.
	if r.code != 0 || !strings.Contains(r.stdout, "— closed —") {
		t.Fatalf("closed without notes: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	want := "assay: warning: finalizing is still refused: " + req + " "
	if !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "the evidence that shows it is not written down") ||
		!strings.Contains(r.stderr, "'assay actions set "+id+" "+req+" --notes TEXT'") {
		t.Errorf("the remaining blocker: %q", r.stderr)
	}
	s := cycShow(t, home, id)
	if b := actBlockers(s, string(audit.BlockCANoEvidence)); len(b) != 1 || b[0]["requirement_id"] != req {
		t.Errorf("show's blockers: %v", s["blockers"])
	}
	if r = audRun(t, home, "actions", "set", id, req, "--notes", "Padrón firmado, visto"); r.code != 0 || r.stderr != "" {
		t.Errorf("notes added: exit %d, %q", r.code, r.stderr)
	}
	if b := actBlockers(cycShow(t, home, id), string(audit.BlockCANoEvidence)); len(b) != 0 {
		t.Errorf("the blocker outlives the notes: %v", b)
	}
	// Notes of blanks only are no evidence: the domain's rule, not the CLI's.
	if r = audRun(t, home, "actions", "set", id, req, "--notes", "   "); !strings.Contains(r.stderr, "not written down") {
		t.Errorf("blank notes: %q", r.stderr)
	}
}

func TestActionsRefusals(t *testing.T) {
	home, prev, id := actThisYear(t)
	cas := actListJSON(t, home, id)
	req := cas[0].(map[string]any)["requirement"].(string)

	// Last year's audit is finalized: read-only, with the way out.
	r := audRun(t, home, "actions", "set", prev, req, "--status", "closed")
	if r.code != exitFail || !strings.HasPrefix(r.stderr, "assay: audit "+prev+" revision 1 is finalized: its corrective actions cannot change") ||
		!strings.Contains(r.stderr, "assay amend "+prev) {
		t.Errorf("finalized: exit %d, %q", r.code, r.stderr)
	}
	// A blank audit has none to verify.
	blank := strings.TrimSpace(audRun(t, home, "new", "--asmo", "Asociación Minera Santa Rosa").stdout)
	r = audRun(t, home, "actions", "set", blank, req, "--status", "closed")
	if r.code != exitFail || !strings.Contains(r.stderr, "did not start from a previous audit") || !strings.Contains(r.stderr, "assay new --from") {
		t.Errorf("blank audit: exit %d, %q", r.code, r.stderr)
	}
	if r = audRun(t, home, "actions", "list", blank); r.code != 0 || !strings.Contains(r.stdout, "did not start from a previous audit") {
		t.Errorf("list of a blank audit: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if got := actListJSON(t, home, blank); len(got) != 0 {
		t.Errorf("list --json of a blank audit: %v", got)
	}
	// A requirement without an action names those with one.
	r = audRun(t, home, "actions", "set", id, "9.9.9", "--status", "closed")
	if r.code != exitFail || !strings.Contains(r.stderr, `no corrective action on requirement "9.9.9"; it has them on: `+req+", ") {
		t.Errorf("unknown requirement: exit %d, %q", r.code, r.stderr)
	}

	// Two actions on one requirement (a hand-edited file can hold them):
	// the requirement alone is ambiguous and lists both; #2 picks one.
	set := standards.NewSet(standards.Builtin()...)
	s, err := audit.OpenStore(home, set)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	a := h.Audit()
	dup := a.CorrectiveActions[0]
	dup.Action = "Segunda acción sobre el mismo requisito"
	a.CorrectiveActions = append(a.CorrectiveActions, dup)
	// And one assay marked superseded (its requirement gone from this
	// year's catalog), for the inspector to confirm.
	a.CorrectiveActions[1].Status, a.CorrectiveActions[1].Proposed = audit.CASuperseded, true
	gone := a.CorrectiveActions[1].Requirement
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	h.Close()
	r = audRun(t, home, "actions", "set", id, req, "--status", "closed")
	if r.code != exitFail || !strings.HasPrefix(r.stderr, "assay: requirement \""+req+"\" has 2 corrective actions; say which (REQ_ID#N):\n  "+req+"#1  ? ") ||
		!strings.Contains(r.stderr, "\n  "+req+"#2  ? ") || !strings.Contains(r.stderr, "Segunda acción") {
		t.Errorf("ambiguous requirement: exit %d, %q", r.code, r.stderr)
	}
	if r = audRun(t, home, "actions", "set", id, req+"#3", "--status", "closed"); r.code != exitFail || !strings.Contains(r.stderr, "has 2 corrective actions") {
		t.Errorf("#3 of 2: exit %d, %q", r.code, r.stderr)
	}
	if r = audRun(t, home, "actions", "set", id, req+"#2", "--status", "superseded"); r.code != 0 || !strings.Contains(r.stdout, "Segunda acción") {
		t.Fatalf("#2: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	got := actListJSON(t, home, id)
	if got[0].(map[string]any)["status"] != "to_verify" || got[len(got)-1].(map[string]any)["status"] != "superseded" {
		t.Errorf("#2 changed the wrong action: %v", got)
	}
	if r = audRun(t, home, "actions", "list", id); !strings.Contains(r.stdout, "select it as "+req+"#2") {
		t.Errorf("the list says how to select a shared requirement's action: %q", r.stdout)
	}

	// Setting the status assay proposed confirms it, as in the terminal UI.
	if b := actBlockers(cycShow(t, home, id), string(audit.BlockCAUnconfirmed)); len(b) != 1 || b[0]["requirement_id"] != gone ||
		!strings.Contains(b[0]["message"].(string), "'assay actions set'") {
		t.Fatalf("a proposed status is a blocker naming the command: %v", b)
	}
	if r = audRun(t, home, "actions", "set", id, gone, "--status", "superseded"); r.code != 0 || strings.Contains(r.stdout, "proposed") {
		t.Errorf("confirm superseded: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	s2 := cycShow(t, home, id)
	if b := actBlockers(s2, string(audit.BlockCAUnconfirmed)); len(b) != 0 || s2["corrective_actions"].([]any)[1].(map[string]any)["confirmed"] != true {
		t.Errorf("still unconfirmed: %v", b)
	}
}

func TestActionsUsageErrorsNameTheirHelp(t *testing.T) {
	home := t.TempDir()
	for _, tt := range []struct {
		args []string
		help string
	}{
		{[]string{"actions"}, "actions"},
		{[]string{"actions", "bogus"}, "actions"},
		{[]string{"actions", "list"}, "actions list"},
		{[]string{"actions", "list", "--bogus", "x"}, "actions list"},
		{[]string{"actions", "set", "x"}, "actions set"},
		{[]string{"actions", "set", "x", "1.1.1"}, "actions set"},
		{[]string{"actions", "set", "x", "1.1.1", "--status", "cerrada"}, "actions set"},
		{[]string{"actions", "set", "x", "1.1.1#0", "--status", "closed"}, "actions set"},
	} {
		r := audRun(t, home, tt.args...)
		want := "Run 'assay " + tt.help + " --help' for usage.\n"
		if r.code != exitUsage || !strings.HasPrefix(r.stderr, "assay: ") || !strings.HasSuffix(r.stderr, want) {
			t.Errorf("%v: exit %d, %q", tt.args, r.code, r.stderr)
		}
	}
	if r := audRun(t, home, "actions", "set", "x", "1.1.1", "--status", "cerrada"); !strings.Contains(r.stderr,
		`--status "cerrada" is not known (use one of: closed, not-closed, superseded, to-verify)`) {
		t.Errorf("the status tokens: %q", r.stderr)
	}
	if r := audRun(t, home, "actions", "set", "nope", "1.1.1", "--status", "closed"); r.code != exitFail || !strings.HasPrefix(r.stderr, "assay: no audit \"nope\"") {
		t.Errorf("unknown id: exit %d, %q", r.code, r.stderr)
	}
	r := audRun(t, home, "actions", "--help")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: assay actions list|set") || !strings.Contains(r.stdout, "closed, not-closed, superseded, to-verify") {
		t.Errorf("actions --help: exit %d, %q", r.code, r.stdout)
	}
	for lang, want := range map[string]string{"en": "  actions    list last year's corrective actions", "es": "  actions    lista las acciones correctivas del año pasado"} {
		if r := audRun(t, home, "--lang", lang, "--help"); !strings.Contains(r.stdout, want) {
			t.Errorf("assay --help in %s lacks actions: %q", lang, r.stdout)
		}
	}
}

func TestActionsInSpanish(t *testing.T) {
	home, _, id := actThisYear(t)
	req := actListJSON(t, home, id)[0].(map[string]any)["requirement"].(string)
	r := audRun(t, home, "--lang", "es", "actions", "list", id)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Acciones correctivas de la auditoría anterior (") || !strings.Contains(r.stdout, "por verificar") {
		t.Errorf("list in Spanish: %q", r.stdout)
	}
	r = audRun(t, home, "actions", "set", id, req, "--status", "closed", "--lang", "es")
	if r.code != 0 || !strings.Contains(r.stdout, "— cerrada —") ||
		!strings.HasPrefix(r.stderr, "assay: aviso: todavía no se puede finalizar: "+req+" ") ||
		!strings.Contains(r.stderr, "no se anotó la evidencia") || !strings.Contains(r.stderr, "--notes TEXTO'") {
		t.Errorf("set in Spanish: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r = audRun(t, home, "--lang", "es", "actions"); r.code != exitUsage ||
		!strings.HasSuffix(r.stderr, "Ejecute 'assay actions --help' para ver cómo se usa.\n") {
		t.Errorf("usage in Spanish: %q", r.stderr)
	}
	// The status token stays English whatever the language.
	if r = audRun(t, home, "--lang", "es", "actions", "set", id, req, "--status", "cerrada"); r.code != exitUsage ||
		!strings.Contains(r.stderr, "no es un valor conocido") {
		t.Errorf("a Spanish status word: exit %d, %q", r.code, r.stderr)
	}
}

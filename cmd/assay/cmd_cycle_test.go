package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/standards"
)

// assay new and assay show: next year's audit from last year's, from the
// home or from its signed report.

// cycShow runs show --json and decodes it.
func cycShow(t *testing.T, home, id string) map[string]any {
	t.Helper()
	r := audRun(t, home, "show", id, "--json")
	if r.code != 0 {
		t.Fatalf("show --json: exit %d: %s", r.code, r.stderr)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, r.stdout)
	}
	return out
}

// cycLastYear makes a home with the demo audit finalized and its signed
// report exported to report.pdf; it returns the home, the audit id and the
// report's path.
func cycLastYear(t *testing.T) (string, string, string) {
	t.Helper()
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	for _, args := range [][]string{{"keys", "create", "--name", "Ana Quispe"}, {"finalize", id}} {
		if r := audRun(t, home, args...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if r := audRun(t, home, "export", id, "-o", pdf); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	return home, id, pdf
}

func TestNewBlankPrintsTheID(t *testing.T) {
	home := t.TempDir()
	r := audRun(t, home, "new", "--asmo", "Asociación Minera Santa Rosa", "--country", "Perú", "--start", "2027-03-01", "--end", "2027-03-03",
		"--type", "surveillance", "--year", "2")
	id := strings.TrimSpace(r.stdout)
	if r.code != 0 || id == "" || strings.ContainsAny(id, " \n") || !strings.Contains(id, "santa-rosa") {
		t.Fatalf("new: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	s := cycShow(t, home, id)
	h := s["header"].(map[string]any)
	if h["asmo"] != "Asociación Minera Santa Rosa" || h["country"] != "Perú" || h["audit_type"] != "surveillance" ||
		h["certification_year"] != 2.0 || h["start_date"] != "2027-03-01" {
		t.Errorf("header %v", h)
	}
	if s["previous"] != nil || len(s["corrective_actions"].([]any)) != 0 {
		t.Errorf("a blank audit has a previous audit: %v %v", s["previous"], s["corrective_actions"])
	}
	for _, key := range []string{"id", "status", "revision", "catalog", "header", "previous", "areas", "total", "recommendation",
		"blockers", "corrective_actions", "non_conformities"} {
		if _, ok := s[key]; !ok {
			t.Errorf("show --json lacks %q", key)
		}
	}
	rec := s["recommendation"].(map[string]any)
	if rec["outcome"] != "incomplete" || rec["text"] != "Incomplete" || len(rec["reasons"].([]any)) == 0 {
		t.Errorf("recommendation %v", rec)
	}
	reason := rec["reasons"].([]any)[0].(map[string]any)
	if reason["kind"] != "still-open" || reason["message"] == "" {
		t.Errorf("a reason is data with its words: %v", reason)
	}

	for _, bad := range [][]string{{"new", "--type", "annual"}, {"new", "--start", "1/3/2027"}, {"new", "--certification", "gold"},
		{"new", "--fingerprint", "AA"}, {"new", "extra"}, {"new", "--year", "-1"}, {"new", "--year", "two"}} {
		if r := audRun(t, home, bad...); r.code != 2 || !strings.HasPrefix(r.stderr, "assay: ") {
			t.Errorf("%v: exit %d, %q", bad, r.code, r.stderr)
		}
	}
}

func TestNewFromTheHomeCarriesOver(t *testing.T) {
	home, prevID, _ := cycLastYear(t)
	prev := cycShow(t, home, prevID)
	r := audRun(t, home, "new", "--from", prevID, "--start", "2027-11-16", "--end", "2027-11-19")
	id := strings.TrimSpace(r.stdout)
	if r.code != 0 || id == "" {
		t.Fatalf("new --from ID: exit %d: %s", r.code, r.stderr)
	}
	s := cycShow(t, home, id)
	h, ph := s["header"].(map[string]any), prev["header"].(map[string]any)
	for _, k := range []string{"asmo", "legal_id", "country", "region", "municipality", "site", "coordinates", "fsp",
		"certification_type", "co_inspectors", "certification_body"} {
		if b1, _ := json.Marshal(h[k]); string(b1) != mustJSON(t, ph[k]) {
			t.Errorf("header %s: %s, last year %s", k, b1, mustJSON(t, ph[k]))
		}
	}
	if h["certification_year"] != ph["certification_year"].(float64)+1 || h["audit_type"] != "surveillance" {
		t.Errorf("year %v type %v, last year %v", h["certification_year"], h["audit_type"], ph["certification_year"])
	}
	if h["interviews"] != nil || h["closing_meeting"] != nil {
		t.Errorf("last year's interviews or meetings carried over: %v", h)
	}
	p := s["previous"].(map[string]any)
	sig := p["signer"].(map[string]any)
	if p["audit_id"] != prevID || p["report_id"] != prevID+"-r1" || p["revision"] != 1.0 || p["content_hash"] != prev["content_hash"] ||
		p["source"] != "audit" || !strings.Contains(sig["subject"].(string), "Ana Quispe") || len(sig["fingerprint_sha256"].(string)) != 95 ||
		mustJSON(t, p["catalog"]) != mustJSON(t, prev["catalog"]) {
		t.Errorf("previous block %v", p)
	}
	if tot := s["total"].(map[string]any); tot["assessed"] != 0.0 {
		t.Errorf("something is pre-judged: %v", tot)
	}
	// Every non-conformity of last year is a corrective action to verify.
	cas := s["corrective_actions"].([]any)
	ncs := prev["non_conformities"].([]any)
	if len(cas) != len(ncs) || len(cas) != 4 {
		t.Fatalf("%d corrective actions for %d non-conformities", len(cas), len(ncs))
	}
	for i, c := range cas {
		ca, nc := c.(map[string]any), ncs[i].(map[string]any)
		if ca["requirement"] != nc["requirement"] || ca["severity"] != nc["severity"] || ca["action"] != nc["action"] ||
			ca["due"] != nc["due"] || ca["status"] != "to_verify" {
			t.Errorf("corrective action %v for %v", ca, nc)
		}
	}
	// Last year's audit must be final: a draft is refused.
	draft := strings.TrimSpace(audRun(t, home, "demo").stdout)
	if r := audRun(t, home, "new", "--from", draft); r.code != 1 || !strings.Contains(r.stderr, "is a draft") {
		t.Errorf("from a draft: exit %d %q", r.code, r.stderr)
	}
	if r := audRun(t, home, "new", "--from", "no-such-audit"); r.code != 1 || !strings.HasPrefix(r.stderr, "assay: ") {
		t.Errorf("from nothing: exit %d %q", r.code, r.stderr)
	}
	// The human view says it too, in Spanish when asked.
	out := audRun(t, home, "show", id, "--lang", "es").stdout
	for _, w := range []string{"Auditoría anterior: " + prevID + "-r1", "Acciones correctivas de la auditoría anterior (4)", "por verificar"} {
		if !strings.Contains(out, w) {
			t.Errorf("show --lang es lacks %q:\n%s", w, out)
		}
	}
}

func TestNewFromAReportVerifiesItFirst(t *testing.T) {
	home, prevID, pdf := cycLastYear(t)
	v := audRun(t, home, "verify", pdf, "--json")
	var ver map[string]any
	if err := json.Unmarshal([]byte(v.stdout), &ver); err != nil || ver["valid"] != true {
		t.Fatalf("verify: %v %s", err, v.stdout)
	}
	// Another inspector's laptop: an empty home, only the report.
	other := t.TempDir()
	r := audRun(t, other, "new", "--from", pdf, "--type", "surveillance")
	id := strings.TrimSpace(r.stdout)
	if r.code != 0 {
		t.Fatalf("new --from report: exit %d: %s", r.code, r.stderr)
	}
	// The hash of the audit data the inspector signed, read from the PDF.
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	files, err := pdfsign.Attachments(data)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := audit.DecodeAudit(files["audit.json"])
	if err != nil {
		t.Fatal(err)
	}
	signedHash, _ := audit.ContentHash(signed)
	p := cycShow(t, other, id)["previous"].(map[string]any)
	if p["content_hash"] != signedHash || signedHash != cycShow(t, home, prevID)["content_hash"] || p["audit_id"] != prevID || p["source"] != "report" || p["file"] != "report.pdf" ||
		p["signer"].(map[string]any)["fingerprint_sha256"] != ver["fingerprint_sha256"] {
		t.Errorf("previous block %v, signed data %v by %v", p, signedHash, ver["fingerprint_sha256"])
	}
	// With the certification body's pin: the right one passes, another is
	// refused with the reason.
	if r := audRun(t, other, "new", "--from", pdf, "--fingerprint", ver["fingerprint_sha256"].(string)); r.code != 0 {
		t.Errorf("pinned to the signer: %s", r.stderr)
	}
	if r := audRun(t, other, "new", "--from", pdf, "--fingerprint", strings.Repeat("AB", 32)); r.code != 1 ||
		!strings.Contains(r.stderr, "does not verify") || !strings.Contains(r.stderr, "different certificate") {
		t.Errorf("pinned to another: exit %d %q", r.code, r.stderr)
	}

	// A report changed after signing is refused with the reason.
	i := strings.LastIndex(string(data), "%%EOF")
	tampered := filepath.Join(t.TempDir(), "tampered.pdf")
	os.WriteFile(tampered, append(append([]byte{}, data[:i]...), []byte("1 0 obj\n(changed)\nendobj\n%%EOF\n")...), 0o644)
	r = audRun(t, other, "new", "--from", tampered)
	if r.code != 1 || !strings.Contains(r.stderr, "tampered.pdf does not verify") || strings.Count(r.stderr, "\n") < 2 {
		t.Errorf("tampered: exit %d %q", r.code, r.stderr)
	}
	// An unsigned draft export too.
	draftPDF := filepath.Join(t.TempDir(), "draft.pdf")
	draft := strings.TrimSpace(audRun(t, home, "demo").stdout)
	audRun(t, home, "export", draft, "--draft", "-o", draftPDF)
	if r := audRun(t, other, "new", "--from", draftPDF); r.code != 1 || !strings.Contains(r.stderr, "no signature") {
		t.Errorf("draft report: exit %d %q", r.code, r.stderr)
	}
	if list := audListJSON(t, other); len(list) != 2 {
		t.Errorf("refused reports made audits: %v", list)
	}
}

// TestNewFollowUpAndChangedCatalog: a follow-up audit walks only the
// corrective actions; a changed user catalog shows its changes.
func TestNewFollowUpAndChangedCatalog(t *testing.T) {
	home, prevID, _ := cycLastYear(t)
	r := audRun(t, home, "new", "--from", prevID, "--type", "follow-up")
	if r.code != 0 {
		t.Fatalf("follow-up: %s", r.stderr)
	}
	s := cycShow(t, home, strings.TrimSpace(r.stdout))
	if tot := s["total"].(map[string]any); tot["applicable"] != 4.0 {
		t.Errorf("a follow-up of 4 corrective actions walks %v requirements", tot["applicable"])
	}
	if out := audRun(t, home, "show", strings.TrimSpace(r.stdout)).stdout; !strings.Contains(out, "A follow-up audit") {
		t.Errorf("show does not say it is a follow-up:\n%s", out)
	}

	// The certification body's official file, a newer version of the
	// built-in catalog: one requirement reworded, one gone, one new.
	cats, _ := standards.Load(home)
	cur := cats.Default()
	data, err := os.ReadFile(filepath.Join("..", "..", "standards", "fairmined-2.0.toml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), `version = "`+cur.Version+`"`, `version = "2.0-cb.1"`, 1)
	reworded, gone := cur.Requirements[0], "2.1.18" // the demo's minor on warning signs
	i := strings.Index(src, "\ntext = \"") + len("\ntext = \"")
	src = src[:i] + "Checked every year. " + src[i:]
	blocks := strings.Split(src, "\n[[requirement]]\n")
	for j, b := range blocks {
		if strings.HasPrefix(b, `id = "`+gone+`"`) {
			blocks = append(blocks[:j], blocks[j+1:]...)
			break
		}
	}
	src = strings.Join(blocks, "\n[[requirement]]\n")
	src += "\n[[requirement]]\nid = \"9.9.9\"\narea = \"labour\"\ntitle = \"New duty\"\ntext = \"Something new.\"\nlevel = \"entry\"\n"
	os.MkdirAll(filepath.Join(home, "standards"), 0o755)
	if err := os.WriteFile(filepath.Join(home, "standards", "cb.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r = audRun(t, home, "new", "--from", prevID)
	if r.code != 0 {
		t.Fatalf("new with the changed catalog: %s", r.stderr)
	}
	s = cycShow(t, home, strings.TrimSpace(r.stdout))
	ch := s["previous"].(map[string]any)["catalog_changes"].(map[string]any)
	if ch["compared"] != true || mustJSON(t, ch["changed"]) != `["`+reworded.ID+`"]` || mustJSON(t, ch["removed"]) != `["`+gone+`"]` ||
		mustJSON(t, ch["new"]) != `["9.9.9"]` {
		t.Errorf("catalog changes %v", ch)
	}
	for _, c := range s["corrective_actions"].([]any) {
		ca := c.(map[string]any)
		if ca["requirement"] == gone && (ca["status"] != "superseded" || ca["confirmed"] != false || ca["catalog_change"] != "removed") {
			t.Errorf("the action on the removed requirement: %v", ca)
		}
	}
	if out := audRun(t, home, "show", strings.TrimSpace(r.stdout)).stdout; !strings.Contains(out, "1 changed ("+reworded.ID+"); 1 new (9.9.9); 1 removed ("+gone+")") {
		t.Errorf("show does not sum up the changes:\n%s", out)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEveryReasonIsWorded: show words each reason audit.Summarize can give,
// and each corrective action's status, in English and Spanish.
func TestEveryReasonIsWorded(t *testing.T) {
	cat := standards.NewSet(standards.Builtin()...).Default()
	req := cat.Requirements[0]
	en, es := langEnv("en"), langEnv("es")
	for _, k := range audit.ReasonKinds {
		r := audit.Reason{Kind: k, Requirement: req.ID, Severity: audit.Minor, DueDate: "2027-02-19", Open: 2, Applicable: 9,
			Conforming: 7, NotApplicable: 2, Requirements: []string{"1.1", "1.2"}, CountsAs: audit.WeighMajor, Overdue: true,
			PreviousReport: "2026-coop-r1", OpenByArea: []audit.AreaCount{{Area: standards.Social, Count: 2}}}
		a, b := en.reasonText(r, cat), es.reasonText(r, cat)
		if a == "" || a == string(k) || a == b || strings.Contains(a+b, "<no value>") {
			t.Errorf("%s: %q / %q", k, a, b)
		}
	}
	for _, st := range audit.CAStatuses {
		r := audit.CAResult{CorrectiveAction: audit.CorrectiveAction{Requirement: req.ID, Severity: audit.Major, Action: "Retortas", Due: "2027-01-01", Status: st}}
		a, b := en.caLine(r, cat), es.caLine(r, cat)
		if a == b || strings.Contains(a+b, "ca_") || strings.Contains(a+b, "<no value>") {
			t.Errorf("%s: %q / %q", st, a, b)
		}
	}
}

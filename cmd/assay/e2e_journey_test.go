package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeJourney walks the README's tour on the built binary with a fresh
// home: demo, list, keys create, finalize, export, verify, pdfsig, and then a
// one-byte change that every checker must notice.
func TestReadmeJourney(t *testing.T) {
	home := t.TempDir()
	work := t.TempDir()

	id := strings.TrimSpace(mustAssay(t, home, "demo").stdout)
	if id == "" || strings.ContainsAny(id, " \n") {
		t.Fatalf("demo printed %q, want one audit id", id)
	}

	var list []map[string]any
	out := mustAssay(t, home, "list", "--json").stdout
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	if len(list) != 1 || list[0]["id"] != id {
		t.Fatalf("list --json = %s, want the demo %s", out, id)
	}
	if pc, _ := list[0]["percent_complete"].(float64); pc != 100 {
		t.Errorf("demo percent_complete = %v, want 100", list[0]["percent_complete"])
	}
	if rec, _ := list[0]["recommendation"].(string); rec == "" || rec == "incomplete" {
		t.Errorf("demo recommendation = %q, want a decision", rec)
	}

	mustAssay(t, home, "keys", "create", "--name", "Test Inspector")
	show := mustAssay(t, home, "keys", "show").stdout
	if !strings.Contains(show, "Test Inspector") {
		t.Errorf("keys show does not name the inspector:\n%s", show)
	}

	// A draft cannot be exported signed.
	if r := assay(t, home, "export", id, "-o", filepath.Join(work, "early.pdf")); r.code != 1 {
		t.Errorf("export of a draft without --draft: exit %d, want 1", r.code)
	}

	mustAssay(t, home, "finalize", id)
	pdf := filepath.Join(work, "r.pdf")
	mustAssay(t, home, "export", id, "-o", pdf)
	exports, _ := filepath.Glob(filepath.Join(home, "audits", id, "exports", "*.pdf"))
	if len(exports) != 1 {
		t.Errorf("exports folder holds %d PDFs, want 1", len(exports))
	}

	v := mustAssay(t, home, "verify", pdf)
	if !strings.Contains(strings.ToLower(v.stdout), "valid") || !strings.Contains(v.stdout, "Test Inspector") {
		t.Errorf("verify of a good report says:\n%s", v.stdout)
	}
	sig, _ := tool(t, "pdfsig", pdf)
	for _, want := range []string{"Signature is Valid.", "Total document signed"} {
		if !strings.Contains(sig, want) {
			t.Errorf("pdfsig output lacks %q:\n%s", want, sig)
		}
	}
	text, _ := tool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
	for _, want := range []string{"Cooperativa", "social", "economic", "environmental", "labour", "chemicals"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("report text lacks %q", want)
		}
	}

	// One byte changed in the middle of the signed content.
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Clone(data)
	i := bytes.Index(bad, []byte("/Producer"))
	if i < 0 {
		i = len(bad) / 3
	}
	bad[i+1] ^= 0x01
	tampered := filepath.Join(work, "tampered.pdf")
	if err := os.WriteFile(tampered, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := assay(t, home, "verify", tampered); r.code != 1 {
		t.Errorf("verify of a tampered report: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	sig, _ = tool(t, "pdfsig", tampered)
	if strings.Contains(sig, "Signature is Valid.") {
		t.Errorf("pdfsig still says valid after tampering:\n%s", sig)
	}
}

// TestHelpAndExitCodes checks that every command answers --help with exit 0,
// that bad usage exits 2, and that --version works.
func TestHelpAndExitCodes(t *testing.T) {
	home := t.TempDir()
	top := mustAssay(t, home, "--help").stdout
	for name := range commands {
		if !strings.Contains(top, name) {
			t.Errorf("assay --help does not list %q", name)
		}
		r := assay(t, home, name, "--help")
		if r.code != 0 || r.stdout == "" {
			t.Errorf("assay %s --help: exit %d, stdout %q", name, r.code, r.stdout)
		}
	}
	for _, sub := range [][]string{{"standards", "list"}, {"standards", "show"}, {"standards", "validate"},
		{"keys", "create"}, {"keys", "csr"}, {"keys", "import"}, {"keys", "show"}} {
		r := assay(t, home, append(sub, "--help")...)
		if r.code != 0 {
			t.Errorf("assay %s --help: exit %d\n%s", strings.Join(sub, " "), r.code, r.stderr)
		}
	}
	if r := assay(t, home, "no-such-command"); r.code != 2 || !strings.Contains(r.stderr, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := assay(t, home, "list", "--no-such-flag"); r.code != 2 {
		t.Errorf("bad flag: exit %d, want 2", r.code)
	}
	if r := mustAssay(t, home, "--version"); !strings.HasPrefix(r.stdout, "assay ") {
		t.Errorf("--version printed %q", r.stdout)
	}
	// Without a terminal the UI refuses to start and points to the sub-commands.
	if r := assay(t, home); r.code != 1 || !strings.Contains(r.stderr, "assay --help") {
		t.Errorf("assay without a terminal: exit %d, stderr %q", r.code, r.stderr)
	}
}

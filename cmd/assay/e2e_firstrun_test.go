package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxFirstRunWithoutAKey is a newcomer's first run in one terminal at
// 80x24, in a fresh home with no signing key and no config.toml: a new
// audit, one verdict, finalize refused with the reason, a draft export;
// then the sample audit made from the home (D), finalize asks for the
// key, the key is made in the UI's form, the audit finalizes, and the
// signed export verifies (assay verify and pdfsig). No second terminal.
func TestTmuxFirstRunWithoutAKey(t *testing.T) {
	requireTool(t, "pdfsig")
	home := t.TempDir()
	tm := startTerm(t, home, 80, 24)
	tm.waitFor("signing key: none yet · K makes one")

	tm.keys("n")
	tm.waitFor("New audit")
	tm.focus("ASMO")
	tm.text("Cooperativa El Diamante")
	tm.focus("Country")
	tm.text("Colombia")
	tm.focus("Site")
	tm.text("Mina La Esmeralda")
	tm.focus("Lead inspector")
	tm.text("Ana María Restrepo Gómez")
	tm.keys("C-s")
	tm.waitFor("audit created", "Finding")
	tm.keys("c")
	tm.waitFor("Verdict: ✓ conforms")
	tm.keys("s")
	tm.waitFor("Summary ·")
	tm.keys("f")
	tm.waitFor("cannot finalize yet")
	tm.keys("x")
	tm.waitFor("Export a draft")
	tm.keys("Enter")
	tm.waitFor("✓ exported")
	tm.keys("Escape")
	tm.waitFor("Verdict:")
	tm.keys("Escape")
	tm.waitFor("progress · status")

	tm.keys("D")
	tm.waitFor("sample audit", "enter opens it")
	tm.keys("Enter")
	tm.waitFor("assay · walk · Cooperativa Minera La Esperanza")
	tm.keys("s")
	tm.waitFor("Summary ·")
	tm.keys("f")
	tm.waitFor("Finalize this audit?", "y yes")
	tm.keys("y")
	s := tm.waitFor("Your signing key", "Finalizing records which certificate signs the reports")
	if strings.Contains(s, "another terminal") {
		t.Errorf("the key form sends the newcomer to another terminal:\n%s", s)
	}
	// The name is the audit's lead inspector's: ctrl+s makes the key.
	tm.waitFor("Ana María Restrepo Gómez")
	tm.keys("C-s")
	tm.waitFor("finalized revision 1", "signing key made: Ana María Restrepo Gómez, self-signed")
	tm.keys("x")
	tm.waitFor("Export the signed report")
	tm.keys("Enter")
	tm.waitFor("✓ exported")
	tm.keys("Escape")
	tm.waitFor("finalized — read-only; A on the summary amends")
	tm.keys("c")
	tm.waitFor("c: this audit is finalized, read-only")
	tm.keys("Escape")
	tm.waitFor("✓ signing key: Ana María Restrepo Gómez, self-signed")
	tm.keys("q")

	drafts, _ := filepath.Glob(filepath.Join(home, "audits", "*-cooperativa-el-diamante-*", "exports", "*.pdf"))
	signed, _ := filepath.Glob(filepath.Join(home, "audits", "*-cooperativa-minera-la-*", "exports", "*.pdf"))
	if len(drafts) != 1 || len(signed) != 1 {
		t.Fatalf("exports: drafts %v, signed %v; want one of each", drafts, signed)
	}
	if text, _ := tool(t, "pdftotext", "-enc", "UTF-8", drafts[0], "-"); !strings.Contains(text, "DRAFT") {
		t.Error("the first audit's export is not a draft")
	}
	v := assay(t, home, "verify", signed[0])
	if v.code != 0 || !strings.Contains(v.stdout, "Ana María Restrepo Gómez") {
		t.Errorf("verify of the signed export: exit %d\n%s%s", v.code, v.stdout, v.stderr)
	}
	if sig, _ := tool(t, "pdfsig", signed[0]); !strings.Contains(sig, "Signature is Valid.") {
		t.Errorf("pdfsig of the signed export:\n%s", sig)
	}
}

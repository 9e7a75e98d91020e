package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An audit made with the previous built-in Fairmined catalog (version
// "2.0", before edition 2.0-assay.2 moved and merged requirements) still
// opens, finalizes, exports and verifies with this build, against the
// catalog it was made with: its findings point to ids such as 1.2.4 that
// the current edition no longer has. testdata/audits/complete is such an
// audit (the demo of the earlier build).
func TestOldCatalogAuditExportsAndVerifies(t *testing.T) {
	requireTool(t, "pdftotext")
	home := t.TempDir()
	dir := filepath.Join(home, "audits", "complete")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../testdata/audits/complete/audit.json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"version": "2.0",`) {
		t.Fatal("testdata/audits/complete is no longer made with catalog version 2.0")
	}
	if err := os.WriteFile(filepath.Join(dir, "audit.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}

	r := mustAssay(t, home, "list")
	if r.stderr != "" || !strings.Contains(r.stdout, "complete") || !strings.Contains(r.stdout, "100%") {
		t.Fatalf("list: %q %q", r.stdout, r.stderr)
	}
	mustAssay(t, home, "keys", "create", "--name", "Ana Gómez")
	if r := mustAssay(t, home, "finalize", "complete"); r.stderr != "" {
		t.Errorf("finalize warned: %s", r.stderr)
	}
	// The two photos of the sample are not in testdata: the report marks them missing.
	r = mustAssay(t, home, "export", "complete", "--missing-evidence-ok")
	if strings.Contains(r.stderr, "catalog") {
		t.Errorf("export warned about the catalog: %s", r.stderr)
	}
	pdf := strings.TrimSpace(r.stdout)
	r = mustAssay(t, home, "verify", pdf)
	if !strings.Contains(r.stdout, "valid, unchanged since signed") {
		t.Errorf("verify: %s", r.stdout)
	}
	text, code := tool(t, "pdftotext", "-layout", pdf, "-")
	if code != 0 {
		t.Fatalf("pdftotext exit %d", code)
	}
	for _, want := range []string{"version 2.0, SHA-256 fefafec6dae1", "1.2.4", "FSP sites outside protected areas"} {
		if !strings.Contains(text, want) {
			t.Errorf("report does not show the catalog the audit was made with: lacks %q", want)
		}
	}
	if strings.Contains(text, "2.0-assay.2") {
		t.Errorf("report names the new edition")
	}
}

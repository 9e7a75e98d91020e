package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

func testIdentity(t testing.TB) *identity.Identity {
	s := newTestSigner(t)
	return &identity.Identity{Key: s.key, Cert: s.cert}
}

func exportsOf(t testing.TB, s *audit.Store, id string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(s.Home(), "audits", id, "exports"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestExportSignedFinalizedAudit(t *testing.T) {
	s, id, cats := storeAudit(t, 6, 2, 800, true)
	out := filepath.Join(t.TempDir(), "copy.pdf")
	var warnings []string
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Output: out,
		Warn: func(w string) { warnings = append(warnings, w) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if want := id + "-r1-20261123T143000.pdf"; filepath.Base(path) != want || filepath.Dir(path) != filepath.Join(s.Home(), "audits", id, "exports") {
		t.Errorf("path %s, want exports/%s", path, want)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if cp, err := os.ReadFile(out); err != nil || !bytes.Equal(cp, pdf) {
		t.Errorf("-o copy differs or is missing: %v", err)
	}
	v := Verify(pdf)
	if !v.Valid || v.AuditID != id || v.Revision != 1 || v.ASMO != "Cooperativa Minera La Esperanza" {
		t.Fatalf("Verify: %+v", v)
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.History) != 1 || len(a.History[0].Exports) != 1 || a.History[0].Exports[0] != filepath.Base(path) {
		t.Errorf("history does not record the export: %+v", a.History)
	}
	text := strings.Join(pdfText(t, path), "\n")
	fp := Fingerprint(testIdentity(t).Cert)
	for _, w := range []string{"Figure 2. IMG_0101.jpg", fp[:47] + "\n" + fp[48:], "Ana María Gómez"} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if strings.Contains(text, terminal().T("image_missing", nil)) {
		t.Error("a photo is missing from the report")
	}
	needTool(t, "pdfsig")
	sig, _ := exec.Command("pdfsig", path).CombinedOutput()
	if !strings.Contains(string(sig), "Signature is Valid.") || !strings.Contains(string(sig), "Total document signed") {
		t.Errorf("pdfsig:\n%s", sig)
	}

	// A second export the same second gets a new name, never overwrites.
	path2, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats})
	if err != nil || path2 == path {
		t.Fatalf("second export: %s, %v", path2, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, pdf) {
		t.Error("the first export was overwritten")
	}
}

func TestExportRefusals(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, false)
	_, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats})
	if err == nil || err.Error() != "audit "+id+" is a draft: finalize it first, or export with --draft" {
		t.Errorf("draft without --draft: %v", err)
	}
	fs, fid, fcats := storeAudit(t, 3, 0, 0, true)
	_, err = Export(fs, fid, ExportOptions{Now: fixtureNow, Catalogs: fcats})
	if err == nil || err.Error() != "no signing identity: run 'assay keys create --name NAME'" {
		t.Errorf("finalized without identity: %v", err)
	}
	existing := filepath.Join(t.TempDir(), "taken.pdf")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Export(fs, fid, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: fcats, Output: existing})
	if err == nil || !strings.Contains(err.Error(), existing) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("existing -o: %v", err)
	}
	if got, _ := os.ReadFile(existing); string(got) != "keep me" {
		t.Error("existing -o file was changed")
	}
	if n := exportsOf(t, fs, fid); len(n) != 0 {
		t.Errorf("a refused export left files: %v", n)
	}
	if _, err := Export(fs, fid, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: fcats, Output: existing, Force: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(existing); !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Error("--force did not replace the -o file")
	}
}

func TestExportDraft(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 1, 400, false)
	path, err := Export(s, id, ExportOptions{Draft: true, Now: fixtureNow, Catalogs: cats})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "-r1-20261123T143000-draft.pdf") {
		t.Errorf("draft path %s", path)
	}
	pdf, _ := os.ReadFile(path)
	v := Verify(pdf)
	if v.Valid || v.Signed || v.Problems[0].Kind != KindNoSignature || v.AuditID != id {
		t.Errorf("Verify(draft export) = %+v", v)
	}
	for i, p := range pdfText(t, path) {
		if !strings.Contains(p, "DRAFT — not signed, not for certification") {
			t.Errorf("page %d lacks the DRAFT banner", i+1)
		}
	}
}

func TestExportWarnsOnChangedCatalog(t *testing.T) {
	s, id, _ := storeAudit(t, 3, 0, 0, true)
	file := filepath.Join(s.Home(), "standards", "test.toml")
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(file, append(data, "\n# edited after the audit\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	cats, _ := standards.Load(s.Home())
	var warnings []string
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Warn: func(w string) { warnings = append(warnings, w) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "differs") {
		t.Errorf("warnings %q", warnings)
	}
	cover := pdfText(t, path)[0]
	if !strings.Contains(strings.Join(strings.Fields(cover), " "), "catalog installed now differs") {
		t.Errorf("cover lacks the catalog warning:\n%s", cover)
	}
}

func TestExportWhileAuditIsOpenElsewhere(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, true)
	h, err := s.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var warnings []string
	if _, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Warn: func(w string) { warnings = append(warnings, w) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "not recorded") {
		t.Errorf("warnings %q", warnings)
	}
	// Through the holder's handle the export is recorded.
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Handle: h})
	if err != nil {
		t.Fatal(err)
	}
	if ex := h.Audit().History[0].Exports; len(ex) != 1 || ex[0] != filepath.Base(path) {
		t.Errorf("exports recorded: %v", ex)
	}
}

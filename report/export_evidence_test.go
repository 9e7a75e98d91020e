package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evidenceFiles returns the originals (not the derived .report.jpg) in the
// audit's evidence folder.
func evidenceFiles(t *testing.T, home, id string) (orig, derived []string) {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(home, "audits", id, "evidence", "*"))
	for _, p := range all {
		if strings.HasSuffix(p, ".report.jpg") {
			derived = append(derived, p)
		} else {
			orig = append(orig, p)
		}
	}
	if len(orig) == 0 {
		t.Fatal("fixture has no evidence files")
	}
	return orig, derived
}

// An evidence file deleted from the audit folder after import (with its
// report image): the signed export is refused, naming the file and the fix,
// and writes nothing; a draft warns and marks the row in the evidence
// index; --missing-evidence-ok signs a report that marks it.
func TestQAExportWithMissingEvidence(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 2, 300, true)
	orig, derived := evidenceFiles(t, s.Home(), id)
	for _, p := range append(derived, orig[0]) {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var lostName string
	for _, ev := range a.Evidence {
		if strings.HasPrefix(filepath.Base(orig[0]), ev.SHA256) {
			lostName = ev.Name
		}
	}

	out := filepath.Join(t.TempDir(), "signed.pdf")
	_, err = Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Output: out})
	if err == nil {
		t.Fatal("signed export with a missing evidence file succeeded")
	}
	for _, want := range []string{lostName, "missing from the audit folder", filepath.Dir(orig[0]), "--missing-evidence-ok"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("refusal lacks %q:\n%v", want, err)
		}
	}
	if got := exportsOf(t, s, id); len(got) != 0 {
		t.Errorf("refused export left %v in exports/", got)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("refused export left the -o file")
	}

	var warnings []string
	path, err := Export(s, id, ExportOptions{Draft: true, Now: fixtureNow, Catalogs: cats,
		Warn: func(w string) { warnings = append(warnings, w) }})
	if err != nil {
		t.Fatalf("draft export: %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], lostName) || !strings.Contains(warnings[0], "missing") {
		t.Errorf("draft warnings: %q", warnings)
	}
	text := strings.Join(pdfText(t, path), "")
	if !strings.Contains(text, "(!) missing from the audit") {
		t.Error("the draft's evidence index does not mark the missing file")
	}

	path, err = Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, AllowMissingEvidence: true})
	if err != nil {
		t.Fatalf("signed export with --missing-evidence-ok: %v", err)
	}
	pdf, _ := os.ReadFile(path)
	if v := Verify(pdf); !v.Valid {
		t.Errorf("Verify: %+v", v)
	}
	if text := strings.Join(pdfText(t, path), ""); !strings.Contains(text, "(!) missing from the audit") {
		t.Error("the signed report does not mark the missing file")
	}
}

// An evidence file replaced by other bytes under the same name is not the
// evidence the audit lists: a signed export is refused.
func TestQAExportWithChangedEvidence(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 1, 300, true)
	orig, _ := evidenceFiles(t, s.Home(), id)
	if err := os.WriteFile(orig[0], []byte("not the photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats})
	if err == nil || !strings.Contains(err.Error(), "SHA-256 differs") {
		t.Fatalf("got %v, want a refusal about the changed file", err)
	}
}

// Only the derived report image deleted: the original is there, the report
// falls back to it, and a signed export goes through without a warning.
func TestQAExportWithOnlyDerivedImageMissing(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 1, 300, true)
	_, derived := evidenceFiles(t, s.Home(), id)
	for _, p := range derived {
		os.Remove(p)
	}
	var warnings []string
	if _, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats,
		Warn: func(w string) { warnings = append(warnings, w) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
}

// A file in a photo's place whose size is not the one recorded at import
// is changed, said without reading it: a sparse terabyte would otherwise be
// hashed for an hour (a regression hangs this test, not the inspector).
func TestEvidenceOfAnotherSizeIsNotRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "photo.jpg")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		f.Close()
		t.Skipf("no sparse terabyte here: %v", err)
	}
	f.Close()
	if fault, err := evidenceState(p, strings.Repeat("ab", 32), 97_000); fault != faultChanged || err != nil {
		t.Errorf("got %v, %v; want changed", fault, err)
	}
}

package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// catalogTOML writes cat in the catalog file format, so tests go through
// the same loader as an inspector's official file.
func catalogTOML(cat *standards.Catalog) string {
	var b strings.Builder
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	fmt.Fprintf(&b, "id = %s\nname = %s\nversion = %s\npublisher = \"test\"\nlicence = \"test\"\nlanguage = \"en\"\nprovenance = %s\n",
		q(cat.ID), q(cat.Name), q(cat.Version), q(cat.Provenance))
	var areas []string
	for _, a := range cat.Areas {
		areas = append(areas, q(string(a)))
	}
	fmt.Fprintf(&b, "areas = [%s]\n", strings.Join(areas, ", "))
	for _, r := range cat.Requirements {
		fmt.Fprintf(&b, "\n[[requirement]]\nid = %s\narea = %s\nchapter = %s\ntitle = %s\ntext = %s\nguidance = [\"Look.\"]\nevidence = [\"document\"]\nlevel = %s\napplies_to = %s\ncritical = %v\n",
			q(r.ID), q(string(r.Area)), q(r.Chapter), q(r.Title), q(r.Text), q(string(r.Level)), q(r.AppliesTo), r.Critical)
		if r.DueYear > 0 {
			fmt.Fprintf(&b, "due_year = %d\n", r.DueYear)
		}
	}
	return b.String()
}

// storeAudit makes a home with the test catalog installed and one audit in
// its store, with photos imported through the store (so derived JPEGs
// exist) and, if finalize, finalized. It returns the store, the audit id
// and the catalog set.
func storeAudit(t testing.TB, perArea, photos, px int, finalize bool) (*audit.Store, string, *standards.Set) {
	t.Helper()
	var signer *audit.Signer
	if finalize {
		signer = SignerRecord(newTestSigner(t).cert)
	}
	return storeAuditFor(t, perArea, photos, px, signer)
}

// storeAuditFor is storeAudit finalized for signer (a draft when nil).
func storeAuditFor(t testing.TB, perArea, photos, px int, signer *audit.Signer) (*audit.Store, string, *standards.Set) {
	t.Helper()
	home := t.TempDir()
	cat := testCatalog(perArea)
	cat.ID = "test-catalog"
	file := filepath.Join(home, "standards", "test.toml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(catalogTOML(cat)), 0o644); err != nil {
		t.Fatal(err)
	}
	cats, errs := standards.Load(home)
	if len(errs) > 0 {
		t.Fatalf("catalog: %v", errs)
	}
	loaded, ok := cats.Find(cat.ID, cat.Version)
	if !ok {
		t.Fatal("test catalog not loaded")
	}
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	s.NoSync = true
	a, _ := testAudit(t, loaded, 0, 0)
	a.Status, a.ContentHash, a.History, a.Evidence = audit.Draft, "", nil, nil
	for _, f := range a.Findings {
		f.Evidence = nil
	}
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	dir := t.TempDir()
	reqs := applicableIDs(loaded, a)
	for i := 0; i < photos; i++ {
		p := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", 100+i))
		if err := os.WriteFile(p, makeJPEG(t, px, px*3/4, i), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := h.ImportEvidence(a, p, reqs[i%len(reqs)]); err != nil {
			t.Fatal(err)
		}
	}
	if signer != nil {
		if err := audit.Finalize(a, loaded, signer, fixtureNow); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	return s, a.ID, cats
}

func applicableIDs(cat *standards.Catalog, a *audit.Audit) []string {
	var ids []string
	for i := range cat.Requirements {
		if audit.ApplicabilityOf(&cat.Requirements[i], a.Header) == audit.Applies {
			ids = append(ids, cat.Requirements[i].ID)
		}
	}
	return ids
}

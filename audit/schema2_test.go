package audit

import (
	"slices"
	"testing"
	"time"
)

// TestSchema1FinalizedAuditStillVerifies: a revision finalized by the
// previous assay (schema 1) decodes with the schema number its content
// hash covers, so the hash still matches (and a signed report of it still
// verifies).
func TestSchema1FinalizedAuditStillVerifies(t *testing.T) {
	a := readyAudit()
	a.Header.Closing = Closing{} // schema 1 had none
	a.CatalogPrints = nil
	a.Schema = 1
	if err := Finalize(a, testCatalog(), testSigner, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	data, err := encodeAudit(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := DecodeAudit(data)
	if err != nil {
		t.Fatal(err)
	}
	if sum, _ := ContentHash(b); b.Schema != 1 || sum != a.ContentHash {
		t.Errorf("schema %d, hash %s; want 1 and the recorded %s", b.Schema, sum, a.ContentHash)
	}
	// Amending makes a revision of this assay.
	if err := Amend(b, "add the register", time.Now()); err != nil || b.Schema != SchemaVersion {
		t.Errorf("amended: schema %d, %v", b.Schema, err)
	}
}

// TestOldDraftKeepsItsRecord: a draft made before the closing record
// existed, with its closing notes, finalizes as it did; once it holds
// anything schema 2 added it is saved as schema 2, and an audit of schema
// 2 needs the acknowledgement whatever its notes say.
func TestOldDraftKeepsItsRecord(t *testing.T) {
	s := stStore(t)
	a := readyAudit()
	a.Header.Closing = Closing{}
	a.CatalogPrints = nil // schema 1 had neither
	a.Schema = 1
	if b := FinalizeBlockers(a, testCatalog()); len(b) != 0 {
		t.Errorf("an old draft with closing notes is blocked: %+v", b)
	}
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if got, _ := s.Load(a.ID); got.Schema != 1 {
		t.Errorf("an old draft saved unchanged became schema %d", got.Schema)
	}
	if _, err := AddInterview(&a.Header, Interview{Role: "minero", Gender: Man}); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Load(a.ID)
	if got.Schema != SchemaVersion {
		t.Errorf("an old draft with a register saved as schema %d", got.Schema)
	}
	if !slices.ContainsFunc(FinalizeBlockers(got, testCatalog()), func(b Blocker) bool { return b.Kind == BlockNoAcknowledgement }) {
		t.Error("a schema 2 audit finalizes without the auditee's word")
	}
}

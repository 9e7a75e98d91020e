package audit

import (
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// readyAudit is a year 1 audit that can be finalized: everything applicable
// assessed, with one documented minor non-conformity and one justified na.
func readyAudit() *Audit {
	cat := testCatalog()
	a := newTestAudit()
	conformAll(a, cat)
	set(a, "S-2", Minor)
	set(a, "C-1", NA)
	return a
}

func TestFinalizeBlockers(t *testing.T) {
	cat := testCatalog()
	if b := FinalizeBlockers(readyAudit(), cat); len(b) != 0 {
		t.Fatalf("a complete audit is blocked: %+v", b)
	}
	test := &standards.Identity{ID: "test-1.0", Version: "1.0"}
	tests := []struct {
		name   string
		change func(a *Audit)
		want   []Blocker // in order
	}{
		{"open items", func(a *Audit) { delete(a.Findings, "S-1"); delete(a.Findings, "S-2"); a.Findings["L-1"].Verdict = Open },
			[]Blocker{{Kind: BlockOpen, Area: standards.Social, Requirements: []string{"S-1", "S-2"}},
				{Kind: BlockOpen, Area: standards.Labour, Requirements: []string{"L-1"}}}},
		{"na without justification", func(a *Audit) { a.Findings["C-1"].Justification = " " },
			[]Blocker{{Kind: BlockNAJustification, Requirement: "C-1"}}},
		{"non-conformity without finding", func(a *Audit) { a.Findings["S-2"].Notes = "" },
			[]Blocker{{Kind: BlockNCNotes, Requirement: "S-2", Severity: Minor}}},
		{"non-conformity without corrective action", func(a *Audit) { a.Findings["S-2"].CorrectiveAction = "" },
			[]Blocker{{Kind: BlockNCAction, Requirement: "S-2", Severity: Minor}}},
		{"bad due date", func(a *Audit) { a.Findings["S-2"].DueDate = "next month" },
			[]Blocker{{Kind: BlockNCBadDueDate, Requirement: "S-2", Severity: Minor, DueDate: "next month"}}},
		{"header", func(a *Audit) { a.Header.LeadInspector = ""; a.Header.EndDate = "" },
			// Without an end date the minor also has no due date.
			[]Blocker{{Kind: BlockHeader, Problem: &FieldError{Field: "end_date", Kind: ProblemRequired}},
				{Kind: BlockHeader, Problem: &FieldError{Field: "lead_inspector", Kind: ProblemRequired}},
				{Kind: BlockNCNoDueDate, Requirement: "S-2", Severity: Minor}}},
		{"no interviews, no closing meeting", func(a *Audit) { a.Header.Interviews = nil; a.Header.ClosingMeeting = " " },
			[]Blocker{{Kind: BlockNoInterviews}, {Kind: BlockNoClosingMeeting}}},
		{"already finalized", func(a *Audit) { a.Status = Finalized },
			[]Blocker{{Kind: BlockFinalized, Revision: 1}}},
		{"finding outside the catalog", func(a *Audit) { set(a, "X-9", Conforms) },
			[]Blocker{{Kind: BlockUnknownRequirement, Requirement: "X-9", Given: test}}},
		{"unknown verdict", func(a *Audit) { a.Findings["C-1"].Verdict = "observation" },
			[]Blocker{{Kind: BlockOpen, Area: standards.Chemicals, Requirements: []string{"C-1"}},
				{Kind: BlockUnknownVerdict, Requirement: "C-1", Verdict: "observation"}}},
		{"missing evidence", func(a *Audit) { a.Findings["S-1"].Evidence = []string{"abc123"} },
			[]Blocker{{Kind: BlockDanglingEvidence, Requirement: "S-1", SHA256: "abc123"}}},
		{"other catalog", func(a *Audit) { a.Catalog.ID = "fairmined-2.0"; a.Catalog.Version = "2.0" },
			[]Blocker{{Kind: BlockOtherCatalog, Catalog: &standards.Identity{ID: "fairmined-2.0", Version: "2.0"}, Given: test}}},
		{"informative and excluded never block", func(a *Audit) {
			a.Finding("S-3").Verdict = Major // no notes, no action
			a.Finding("C-2").Verdict = NA    // no justification
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := readyAudit()
			tt.change(a)
			got := FinalizeBlockers(a, cat)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blockers:\n got %+v\nwant %+v", got, tt.want)
			}
			err := Finalize(a, cat, testSigner, time.Now())
			if len(tt.want) == 0 {
				if err != nil {
					t.Errorf("Finalize: %v", err)
				}
				return
			}
			var blocked *BlockedError
			if !errors.As(err, &blocked) || !reflect.DeepEqual(blocked.Blockers, tt.want) {
				t.Fatalf("Finalize error = %v, want a BlockedError with the blockers", err)
			}
			if !strings.Contains(err.Error(), string(tt.want[0].Kind)) {
				t.Errorf("error text lacks the first kind %q: %s", tt.want[0].Kind, err)
			}
			if tt.name != "already finalized" && (a.Status != Draft || a.ContentHash != "" || len(a.History) != 0) {
				t.Errorf("a refused finalize changed the audit: status %s hash %q history %d", a.Status, a.ContentHash, len(a.History))
			}
		})
	}

	// Every open id of an area is in its one blocker: shortening the list
	// is the surface's business.
	a := readyAudit()
	a.Findings = map[string]*Finding{}
	cat.Requirements = append(cat.Requirements, cat.Requirements[0], cat.Requirements[0])
	cat.Requirements[7].ID, cat.Requirements[8].ID = "S-8", "S-9"
	b := FinalizeBlockers(a, cat)
	if len(b) == 0 || !reflect.DeepEqual(b[0], Blocker{Kind: BlockOpen, Area: standards.Social, Requirements: []string{"S-1", "S-2", "S-8", "S-9"}}) {
		t.Errorf("first blocker = %+v", b)
	}
}

// TestBlockerJSON: a blocker is data a script can read.
func TestBlockerJSON(t *testing.T) {
	b, err := json.Marshal(Blocker{Kind: BlockNCNotes, Requirement: "S-2", Severity: Minor})
	if err != nil || string(b) != `{"kind":"nc-notes","requirement_id":"S-2","severity":"minor"}` {
		t.Errorf("JSON %s %v", b, err)
	}
}

func TestFinalizeThenAmend(t *testing.T) {
	cat := testCatalog()
	a := readyAudit()
	t1 := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	if err := Finalize(a, cat, testSigner, t1); err != nil {
		t.Fatal(err)
	}
	if a.Status != Finalized || a.Editable() {
		t.Errorf("after finalize: status %s, editable %v", a.Status, a.Editable())
	}
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(a.ContentHash) {
		t.Errorf("content hash %q", a.ContentHash)
	}
	if len(a.History) != 1 || !reflect.DeepEqual(a.History[0], Revision{Revision: 1, Finalized: t1, ContentHash: a.ContentHash}) {
		t.Errorf("history = %+v", a.History)
	}
	if !a.Updated.Equal(t1) {
		t.Errorf("updated = %v, want %v", a.Updated, t1)
	}
	a.History[0].Exports = []string{"report-r1.pdf"}
	hash1 := a.ContentHash

	if err := Amend(a, "   ", t1); err == nil || !strings.Contains(err.Error(), "needs a reason") {
		t.Errorf("amend without reason: %v", err)
	}
	t2 := t1.Add(48 * time.Hour)
	if err := Amend(a, "  ASMO sent the complaints register after the visit ", t2); err != nil {
		t.Fatal(err)
	}
	if a.Revision != 2 || a.Status != Draft || !a.Editable() || a.ContentHash != "" {
		t.Errorf("after amend: revision %d status %s hash %q", a.Revision, a.Status, a.ContentHash)
	}
	if a.AmendReason != "ASMO sent the complaints register after the visit" {
		t.Errorf("amend reason = %q", a.AmendReason)
	}
	if err := Amend(a, "again", t2); err == nil || !strings.Contains(err.Error(), "only a finalized audit can be amended") {
		t.Errorf("amending a draft: %v", err)
	}

	a.Findings["S-2"].Verdict = Conforms
	t3 := t2.Add(time.Hour)
	if err := Finalize(a, cat, testSigner, t3); err != nil {
		t.Fatal(err)
	}
	if len(a.History) != 2 {
		t.Fatalf("history has %d revisions, want 2", len(a.History))
	}
	r1, r2 := a.History[0], a.History[1]
	if r1.Revision != 1 || r1.ContentHash != hash1 || len(r1.Exports) != 1 {
		t.Errorf("revision 1 changed: %+v", r1)
	}
	if r2.Revision != 2 || r2.Reason != a.AmendReason || r2.ContentHash == hash1 || r2.ContentHash != a.ContentHash || !r2.Finalized.Equal(t3) {
		t.Errorf("revision 2 = %+v", r2)
	}
}

func TestContentHash(t *testing.T) {
	a := readyAudit()
	h1, err := ContentHash(a)
	if err != nil {
		t.Fatal(err)
	}

	// What a verifier does: the JSON round trip, with keys in another
	// order, gives the same hash.
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var generic map[string]any
	if err := json.Unmarshal(data, &generic); err != nil {
		t.Fatal(err)
	}
	reordered := reorder(generic)
	var b Audit
	if err := json.Unmarshal([]byte(reordered), &b); err != nil {
		t.Fatal(err)
	}
	if h, _ := ContentHash(&b); h != h1 {
		t.Errorf("hash after a JSON round trip with keys reordered: %s, want %s", h, h1)
	}

	// Fields outside the content do not change it.
	b.Updated = b.Updated.Add(time.Hour)
	b.Status = Finalized
	b.ContentHash = "sha256:whatever"
	b.History = []Revision{{Revision: 1}}
	if h, _ := ContentHash(&b); h != h1 {
		t.Errorf("hash changed with Updated/Status/ContentHash/History: %s, want %s", h, h1)
	}
	if !b.Updated.Equal(a.Updated.Add(time.Hour)) || b.Status != Finalized {
		t.Error("ContentHash changed the audit it hashed")
	}

	// Content changes do.
	for name, change := range map[string]func(a *Audit){
		"note":          func(a *Audit) { a.Findings["S-1"].Notes = "registro mercantil visto" },
		"verdict":       func(a *Audit) { a.Findings["S-1"].Verdict = Minor },
		"header":        func(a *Audit) { a.Header.Site = "Mina El Cóndor II" },
		"revision":      func(a *Audit) { a.Revision = 2 },
		"evidence":      func(a *Audit) { a.Evidence = append(a.Evidence, Evidence{SHA256: "ab", Name: "acta.pdf"}) },
		"due date":      func(a *Audit) { a.Findings["S-2"].DueDate = "2027-01-01" },
		"amend reason":  func(a *Audit) { a.AmendReason = "typo" },
		"catalog":       func(a *Audit) { a.Catalog.SHA256 = "ffff" },
		"policy":        func(a *Audit) { a.Policy.MinorDays = 60 },
		"extra finding": func(a *Audit) { a.Finding("S-3") },
	} {
		c := clone(t, a)
		change(c)
		if h, _ := ContentHash(c); h == h1 {
			t.Errorf("changing the %s did not change the hash", name)
		}
	}
	// Nil and empty findings are the same content.
	c, d := clone(t, a), clone(t, a)
	c.Findings, d.Findings = nil, map[string]*Finding{}
	hc, _ := ContentHash(c)
	hd, _ := ContentHash(d)
	if hc != hd {
		t.Error("nil and empty findings hash differently")
	}
}

// clone copies an audit through JSON, as the store and the verifier do.
func clone(t *testing.T, a *Audit) *Audit {
	t.Helper()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var c Audit
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// reorder writes a JSON object with its keys in reverse order, recursively.
func reorder(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// reverse-sorted
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				if keys[j] > keys[i] {
					keys[i], keys[j] = keys[j], keys[i]
				}
			}
		}
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			b.WriteString(reorder(x[k]))
		}
		b.WriteByte('}')
		return b.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = reorder(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	default:
		out, _ := json.Marshal(x)
		return string(out)
	}
}

// TestFinalizeNeedsInterviewsAndClosingMeeting: the report must say whom the
// inspector heard and what the closing meeting agreed.
func TestFinalizeNeedsInterviewsAndClosingMeeting(t *testing.T) {
	h := validHeader()
	h.Interviews = []Interviewed{{Role: "mineros"}} // a row with no people
	h.ClosingMeeting = "  "
	a := New(testCatalog(), h, time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC))
	got := FinalizeBlockers(a, testCatalog())
	for _, want := range []BlockerKind{BlockNoInterviews, BlockNoClosingMeeting} {
		if !slices.ContainsFunc(got, func(b Blocker) bool { return b.Kind == want }) {
			t.Errorf("blockers lack %s: %+v", want, got)
		}
	}
}

func TestLaterAuditNeedsYear(t *testing.T) {
	h := validHeader()
	h.AuditType, h.CertYear = Recertification, 0
	errs := ValidateHeader(h)
	if !reflect.DeepEqual(errs, []FieldError{{Field: "certification_year", Kind: ProblemLaterAuditYearZero, Value: "recertification"}}) {
		t.Errorf("recertification in year 0: %+v", errs)
	}
}

// TestFinalizeDropsEmptyInterviewRows: a row added and never filled does
// not reach the frozen record (or the report).
func TestFinalizeDropsEmptyInterviewRows(t *testing.T) {
	a := newTestAudit()
	for _, r := range testCatalog().Requirements {
		if ApplicabilityOf(&r, a.Header) == Applies {
			a.Finding(r.ID).Verdict = Conforms
		}
	}
	a.Header.Interviews = append(a.Header.Interviews, Interviewed{}, Interviewed{Role: "  "})
	if err := Finalize(a, testCatalog(), testSigner, time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if len(a.Header.Interviews) != 1 || a.Header.Interviews[0].Role != "pallaqueras" {
		t.Errorf("interviews after finalize = %+v, want only the filled row", a.Header.Interviews)
	}
}

// testSigner is the certificate the test audits are finalized for.
var testSigner = &Signer{Subject: "CN=Ana María Gómez,E=ana@example.org", Fingerprint: "AB:" + strings.Repeat("CD:", 30) + "EF"}

// TestFinalizeRecordsSigner: the signer is part of the frozen, hashed
// content; without one finalize refuses and changes nothing; an amendment
// forgets it until the next finalize.
func TestFinalizeRecordsSigner(t *testing.T) {
	ready := func() *Audit {
		a := newTestAudit()
		for _, r := range testCatalog().Requirements {
			if ApplicabilityOf(&r, a.Header) == Applies {
				a.Finding(r.ID).Verdict = Conforms
			}
		}
		return a
	}
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	a := ready()
	if err := Finalize(a, testCatalog(), nil, now); !errors.Is(err, ErrNoSigner) {
		t.Fatalf("finalize without a signer: err = %v, want ErrNoSigner", err)
	}
	if a.Status != Draft || a.ContentHash != "" || a.Signer != nil {
		t.Fatalf("a refused finalize changed the audit: %s %q %v", a.Status, a.ContentHash, a.Signer)
	}
	if err := Finalize(a, testCatalog(), &Signer{Subject: "CN=Nadie"}, now); !errors.Is(err, ErrNoSigner) {
		t.Fatalf("finalize with a signer without fingerprint: err = %v", err)
	}
	if err := Finalize(a, testCatalog(), testSigner, now); err != nil {
		t.Fatal(err)
	}
	if a.Signer == nil || *a.Signer != *testSigner || a.Signer == testSigner {
		t.Fatalf("recorded signer %+v, want a copy of %+v", a.Signer, testSigner)
	}
	other := ready()
	if err := Finalize(other, testCatalog(), &Signer{Subject: testSigner.Subject, Fingerprint: "00:11"}, now); err != nil {
		t.Fatal(err)
	}
	if other.ContentHash == a.ContentHash {
		t.Error("the content hash does not cover the signer's fingerprint")
	}
	if h, _ := ContentHash(a); h != a.ContentHash {
		t.Errorf("recomputed hash %s, recorded %s", h, a.ContentHash)
	}
	if err := Amend(a, "corrige una fecha", now); err != nil {
		t.Fatal(err)
	}
	if a.Signer != nil {
		t.Errorf("an amended draft still names signer %+v", a.Signer)
	}
}

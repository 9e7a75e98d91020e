package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// TestEveryDomainKindIsWorded: each outcome, reason, blocker, problem and
// applicability audit can return has its own words here (none falls through
// to its bare kind), and no format verb is left unfilled.
func TestEveryDomainKindIsWorded(t *testing.T) {
	cat := testCatalog(10)
	w := newWords(builtinMessages(), "en")
	id := &standards.Identity{ID: "test", Version: "1.0"}
	check := func(kind, got string) {
		t.Helper()
		if got == "" || got == kind || strings.Contains(got, "%!") || strings.Contains(got, "{{") {
			t.Errorf("%s is worded %q", kind, got)
		}
	}
	for _, o := range audit.Outcomes {
		check(string(o), w.outcomeText(o))
	}
	for _, k := range audit.ReasonKinds {
		r := audit.Reason{Kind: k, Requirement: "1.1", Severity: audit.Minor, DueDate: "2027-01-01", Open: 2, Applicable: 5,
			OpenByArea: []audit.AreaCount{{Area: standards.Social, Count: 2}}, Requirements: []string{"1.2"}}
		check(string(k), w.reasonText(r, cat))
	}
	for _, k := range audit.BlockerKinds {
		b := audit.Blocker{Kind: k, Requirement: "1.1", Area: standards.Social, Requirements: []string{"1.1", "1.2", "1.3", "1.4"},
			Severity: audit.Major, Verdict: "observation", DueDate: "soon", Revision: 2, Index: 1, Name: "a.jpg", SHA256: "x",
			Catalog: id, Given: id, Problem: &audit.FieldError{Field: "asmo", Kind: audit.ProblemRequired}}
		check(string(k), w.blockerText(b, cat))
	}
	for _, k := range audit.ProblemKinds {
		check(string(k), w.problemText(audit.FieldError{Field: "interviews[1].women", Kind: k, Value: "x", Known: []string{"a"}}))
	}
	for d, want := range map[audit.ApplicabilityDetail]string{
		{Applicability: audit.Applies}:                              "applies",
		{Applicability: audit.Informative, DueYear: 3, CertYear: 1}: "informative (due in year 3; this audit is year 1)",
		{Applicability: audit.Excluded, EcologicalOnly: true}:       "excluded (Fairmined Ecological audits only)",
	} {
		if got := w.applicabilityText(d); got != want {
			t.Errorf("%+v is worded %q, want %q", d, got, want)
		}
	}
	// Titles come from the catalog; a long area list is cut short.
	if got := w.reasonText(audit.Reason{Kind: audit.ReasonMajor, Requirement: "1.1"}, cat); got != "major non-conformity on 1.1 Requirement 1 of social" {
		t.Errorf("major reason: %q", got)
	}
	b := audit.Blocker{Kind: audit.BlockOpen, Area: standards.Labour, Requirements: []string{"4.1", "4.2", "4.3", "4.4"}}
	if got := w.blockerText(b, cat); got != "labour: 4 still open (4.1, 4.2, 4.3 and 1 more)" {
		t.Errorf("open blocker: %q", got)
	}
	if got := w.problemText(audit.FieldError{Field: "interviews[1].women", Kind: audit.ProblemNegative, Number: -2, Row: 1}); got != "women interviewed (2) cannot be negative (got -2)" {
		t.Errorf("negative count in an unnamed row: %q", got)
	}
}

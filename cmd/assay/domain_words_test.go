package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// TestEveryDomainKindIsWorded: each outcome, blocker, problem and list note
// audit can return has the CLI's own words (none falls through to its bare
// kind), with no format verb left unfilled.
func TestEveryDomainKindIsWorded(t *testing.T) {
	cat := standards.NewSet(standards.Builtin()...).Default()
	id := &standards.Identity{ID: "fairmined-2.0", Version: "2.0", SHA256: "0123456789abcdef"}
	req := cat.Requirements[0]
	check := func(kind, got string) {
		t.Helper()
		if got == "" || got == kind || strings.Contains(got, "%!") {
			t.Errorf("%s is worded %q", kind, got)
		}
	}
	for _, o := range audit.Outcomes {
		check(string(o), outcomeText(o))
	}
	for _, k := range audit.BlockerKinds {
		b := audit.Blocker{Kind: k, Requirement: req.ID, Area: req.Area, Requirements: []string{"a", "b", "c", "d"},
			Severity: audit.Major, Verdict: "observation", DueDate: "soon", Revision: 2, Index: 1, Name: "a.jpg", SHA256: "x",
			Catalog: id, Given: id, Problem: &audit.FieldError{Field: "asmo", Kind: audit.ProblemRequired}}
		got := blockerText(b, cat)
		check(string(k), got)
		if k == audit.BlockNCNotes && !strings.Contains(got, req.Title) {
			t.Errorf("blocker lacks the catalog's title %q: %q", req.Title, got)
		}
	}
	for _, k := range audit.ProblemKinds {
		check(string(k), problemText(audit.FieldError{Field: "interviews[0].men", Kind: k, Value: "x", Role: "socios"}))
	}
	for _, k := range audit.NoteKinds {
		n := audit.Note{Kind: k, Catalog: id, InstalledSHA256: "fedcba9876543210", Source: "/h/standards/f.toml",
			Verdicts: []audit.UnknownVerdict{{Requirement: "1.1", Verdict: "observation"}}}
		check(string(k), noteText(n))
	}
	if got := auditErrorText(audit.ErrNoAmendReason); got != domainWords.amendNoReason {
		t.Errorf("amend without reason: %q", got)
	}
}

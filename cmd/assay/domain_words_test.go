package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// TestEveryDomainKindIsWorded: each outcome, blocker, problem, list note
// and typed error audit, standards and report can return has the CLI's own
// words in English and in Spanish (none falls through to its bare kind or
// a message id), and the two differ.
func TestEveryDomainKindIsWorded(t *testing.T) {
	cat := standards.NewSet(standards.Builtin()...).Default()
	id := &standards.Identity{ID: "fairmined-2.0", Version: "2.0", SHA256: "0123456789abcdef"}
	req := cat.Requirements[0]
	en, es := langEnv("en"), langEnv("es")
	check := func(kind string, word func(e *env) string) {
		t.Helper()
		got := map[string]string{}
		for lang, e := range map[string]*env{"en": en, "es": es} {
			s := word(e)
			got[lang] = s
			if s == "" || s == kind || strings.Contains(s, "<no value>") || strings.Contains(s, "%!") ||
				strings.Contains(s, "block_") || strings.Contains(s, "problem_") || strings.Contains(s, "note_") {
				t.Errorf("%s: %s is worded %q", lang, kind, s)
			}
		}
		if got["en"] == got["es"] {
			t.Errorf("%s: the Spanish words are the English ones: %q", kind, got["en"])
		}
	}
	for _, o := range audit.Outcomes {
		check(string(o), func(e *env) string { return e.outcomeText(o) })
	}
	for _, k := range audit.BlockerKinds {
		b := audit.Blocker{Kind: k, Requirement: req.ID, Area: req.Area, Requirements: []string{"a", "b", "c", "d"},
			Severity: audit.Major, Verdict: "observation", DueDate: "soon", Revision: 2, Index: 1, Name: "a.jpg", SHA256: "x",
			Catalog: id, Given: id, Problem: &audit.FieldError{Field: "asmo", Kind: audit.ProblemRequired}}
		check(string(k), func(e *env) string { return e.blockerText(b, cat) })
		if k == audit.BlockNCNotes {
			if got := en.blockerText(b, cat); !strings.Contains(got, req.Title) {
				t.Errorf("blocker lacks the catalog's title %q: %q", req.Title, got)
			}
			if got := es.blockerText(b, cat); !strings.Contains(got, req.In("es").Title) {
				t.Errorf("Spanish blocker lacks the catalog's Spanish title %q: %q", req.In("es").Title, got)
			}
		}
	}
	for _, k := range audit.ProblemKinds {
		check(string(k), func(e *env) string {
			return e.problemText(audit.FieldError{Field: "interviews[0].men", Kind: k, Value: "x", Role: "socios"})
		})
	}
	for _, k := range audit.NoteKinds {
		n := audit.Note{Kind: k, Catalog: id, InstalledSHA256: "fedcba9876543210", Source: "/h/standards/f.toml",
			Verdicts: []audit.UnknownVerdict{{Requirement: "1.1", Verdict: "observation"}}}
		check(string(k), func(e *env) string { return e.noteText(n) })
	}
	for _, err := range []error{
		audit.ErrNoAmendReason, audit.ErrNotFinalized,
		&audit.LockedError{ID: "a", PID: 7}, &audit.LockedError{ID: "a"},
		&audit.SaveError{ID: "a", Path: "p", Problem: audit.WriteDiskFull, Err: errors.New("no space")},
		&audit.SaveError{Path: "p", Problem: audit.WriteSizeLimit, Err: errors.New("too big")},
		&audit.SchemaError{Schema: 99}, &audit.CorruptError{Path: "p", Reason: "r", HasBackup: true, ID: "a"},
		&standards.NotFoundError{ID: "x", Version: "1"}, &standards.ChangedError{ID: "x", Version: "1", Want: "a", Got: "b", Source: "built-in"},
		&report.RootsError{Path: "r.pem"}, &report.RootsError{Path: "r.pem", Cert: 2, Err: errors.New("asn1")},
		&report.FingerprintError{Given: "12"}, &identity.CertProblem{Reason: identity.CertEKU},
		&safefile.Error{Path: "p", Kind: safefile.FIFO}, &safefile.Error{Path: "p", Kind: safefile.TooLarge, Size: 3 << 20, Limit: 1 << 20},
	} {
		// The English words may be the error's own: only the kind must
		// not show through, in either language.
		check(fmt.Sprintf("%T", err), func(e *env) string { return e.errText(err) })
	}
	if got := es.errText(&safefile.Error{Path: "p", Kind: safefile.TooLarge, Size: 3 << 19, Limit: 1 << 20}); !strings.Contains(got, "1,5 MB") {
		t.Errorf("a size in Spanish: %q", got)
	}
}

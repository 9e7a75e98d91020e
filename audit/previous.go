package audit

import (
	"errors"
	"slices"
	"strings"

	"github.com/assay-dev/assay/standards"
)

// The yearly cycle: a certified ASMO is audited every year, and each audit
// starts from the last one. Previous is what the new audit keeps of it:
// where it came from (for the certification body to trace), last year's
// verdicts and notes (shown beside this year's, read-only), and how the
// catalog changed in between.

// PreviousSource says where the previous audit was read from.
type PreviousSource string

// Previous sources.
const (
	// FromHome: an audit in this home, by id.
	FromHome PreviousSource = "audit"
	// FromReport: the audit data attached to a signed report that verified.
	FromReport PreviousSource = "report"
)

// Previous records the audit a new one starts from. Everything in it is
// copied at creation, so the new audit reads the same on a laptop that
// never had last year's audit or catalog.
type Previous struct {
	Source   PreviousSource `json:"source"`
	AuditID  string         `json:"audit_id"`
	ReportID string         `json:"report_id"`
	// File is the report's file name (no folder), for FromReport.
	File     string `json:"file,omitempty"`
	Revision int    `json:"revision"`
	// ContentHash is the previous revision's content hash: for FromReport,
	// the hash of the audit data the inspector signed.
	ContentHash string `json:"content_hash"`
	// Signer is the certificate that signed (FromReport) or was to sign
	// (FromHome) the previous audit's report; nil for an audit finalized
	// before assay recorded one.
	Signer    *Signer            `json:"signer,omitempty"`
	Catalog   standards.Identity `json:"catalog"`
	AuditType AuditType          `json:"audit_type"`
	CertYear  int                `json:"certification_year"`
	StartDate string             `json:"start_date,omitempty"`
	EndDate   string             `json:"end_date,omitempty"`
	// Findings are last year's findings that say something (a verdict
	// other than open, or notes), by requirement id.
	Findings map[string]PreviousFinding `json:"findings,omitempty"`
	// Changes are how the catalog changed between the previous audit's and
	// this one's.
	Changes CatalogChanges `json:"catalog_changes"`
}

// PreviousFinding is last year's finding on one requirement, read-only.
type PreviousFinding struct {
	Verdict          Verdict `json:"verdict"`
	Notes            string  `json:"notes,omitempty"`
	Justification    string  `json:"justification,omitempty"`
	CorrectiveAction string  `json:"corrective_action,omitempty"`
	DueDate          string  `json:"due_date,omitempty"`
	// Evidence are the names of the files attached last year: shown as
	// last year's references, the files themselves are not copied.
	Evidence []PreviousEvidence `json:"evidence,omitempty"`
}

// PreviousEvidence names one evidence file of the previous audit.
type PreviousEvidence struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// PreviousFinding returns last year's finding on a requirement, if the
// audit has a previous one and it said something there.
func (a *Audit) PreviousFinding(reqID string) (PreviousFinding, bool) {
	if a == nil || a.Previous == nil {
		return PreviousFinding{}, false
	}
	f, ok := a.Previous.Findings[reqID]
	return f, ok
}

// Errors of starting from a previous audit, for surfaces to word.
var (
	// ErrPreviousNotFinalized: only a finalized audit can be the previous
	// one: its content hash is what the new audit records.
	ErrPreviousNotFinalized = errors.New("audit: the previous audit is not finalized")
	// ErrNothingToFollowUp: a follow-up audit verifies the previous
	// audit's corrective actions, and it has none.
	ErrNothingToFollowUp = errors.New("audit: the previous audit has no non-conformity to follow up")
)

// previousOf builds the previous block of a new audit from prev (already
// checked: finalized, its hash matching).
func previousOf(prev *Audit, o CarryOptions) *Previous {
	p := &Previous{
		Source: o.Source, AuditID: prev.ID, ReportID: o.ReportID, File: o.File,
		Revision: prev.Revision, ContentHash: prev.ContentHash,
		Catalog: prev.Catalog, AuditType: prev.Header.AuditType, CertYear: prev.Header.CertYear,
		StartDate: strings.TrimSpace(prev.Header.StartDate), EndDate: strings.TrimSpace(prev.Header.EndDate),
	}
	switch {
	case o.Signer != nil:
		s := *o.Signer
		p.Signer = &s
	case prev.Signer != nil:
		s := *prev.Signer
		p.Signer = &s
	}
	names := map[string]string{}
	for _, ev := range prev.Evidence {
		names[ev.SHA256] = ev.Name
	}
	for id, f := range prev.Findings {
		if f == nil || (f.Verdict == Open || f.Verdict == "") && strings.TrimSpace(f.Notes) == "" {
			continue
		}
		pf := PreviousFinding{Verdict: f.Verdict, Notes: f.Notes, Justification: f.Justification,
			CorrectiveAction: f.CorrectiveAction, DueDate: prev.DueDate(id)}
		for _, sha := range f.Evidence {
			pf.Evidence = append(pf.Evidence, PreviousEvidence{Name: Sanitize(names[sha]), SHA256: sha})
		}
		if p.Findings == nil {
			p.Findings = map[string]PreviousFinding{}
		}
		p.Findings[id] = pf
	}
	return p
}

// cloneCycle deep-copies the yearly cycle's fields of a into c (see Clone).
func cloneCycle(c, a *Audit) {
	if a.Previous != nil {
		p := *a.Previous
		if p.Signer != nil {
			s := *p.Signer
			p.Signer = &s
		}
		if p.Findings != nil {
			p.Findings = make(map[string]PreviousFinding, len(a.Previous.Findings))
			for id, f := range a.Previous.Findings {
				f.Evidence = slices.Clone(f.Evidence)
				p.Findings[id] = f
			}
		}
		p.Changes = p.Changes.clone()
		c.Previous = &p
	}
	c.CorrectiveActions = slices.Clone(a.CorrectiveActions)
	if a.Escalation != nil {
		r := *a.Escalation
		c.Escalation = &r
	}
	c.CatalogPrints = slices.Clone(a.CatalogPrints)
}

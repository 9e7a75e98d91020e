package audit

import (
	"slices"

	"github.com/assay-dev/assay/standards"
)

// Applicability says whether a requirement counts in this audit.
type Applicability int

// Applicability values.
const (
	// Applies: the requirement is assessed and counts towards the
	// recommendation.
	Applies Applicability = iota
	// Informative: a progress requirement not yet due in this certification
	// year. The inspector may record a finding, which the report shows, but
	// it never counts against the recommendation.
	Informative
	// Excluded: the requirement is outside this audit's scope (a Fairmined
	// Ecological requirement in a plain Fairmined audit; in a follow-up
	// audit, a requirement without a corrective action to verify).
	Excluded
)

// String returns the applicability's stable name ("applies",
// "informative", "excluded"), for JSON and logs; surfaces word it.
func (ap Applicability) String() string {
	switch ap {
	case Applies:
		return "applies"
	case Informative:
		return "informative"
	case Excluded:
		return "excluded"
	}
	return "unknown"
}

// MarshalText writes the stable name, so JSON says "informative", not 1.
func (ap Applicability) MarshalText() ([]byte, error) { return []byte(ap.String()), nil }

// ApplicabilityOf decides whether r counts in an audit with header h:
//   - a follow-up audit with a FollowUpScope verifies those requirements
//     only: every other is Excluded;
//   - a requirement for Fairmined Ecological only is Excluded from any other
//     audit, whatever its level;
//   - an entry requirement always Applies;
//   - a progress requirement Applies from its due year on (due_year <=
//     certification year) and is Informative before.
func ApplicabilityOf(r *standards.Requirement, h Header) Applicability {
	if r == nil || outOfFollowUp(r, h) {
		return Excluded
	}
	if r.AppliesTo == standards.AppliesEcological && h.CertType != Ecological {
		return Excluded
	}
	if r.Level == standards.Progress && r.DueYear > h.CertYear {
		return Informative
	}
	return Applies
}

// ApplicabilityDetail is ApplicabilityOf with what a surface needs to say
// why a requirement does not apply.
type ApplicabilityDetail struct {
	Applicability Applicability `json:"applicability"`
	// DueYear and CertYear: an Informative requirement is due in
	// certification year DueYear; this audit is year CertYear.
	DueYear  int `json:"due_year,omitempty"`
	CertYear int `json:"certification_year,omitempty"`
	// EcologicalOnly: an Excluded requirement applies to Fairmined
	// Ecological audits only.
	EcologicalOnly bool `json:"ecological_only,omitempty"`
	// OutOfFollowUp: an Excluded requirement has no corrective action for
	// this follow-up audit to verify.
	OutOfFollowUp bool `json:"out_of_follow_up,omitempty"`
}

// outOfFollowUp reports whether r is outside a follow-up audit's scope.
func outOfFollowUp(r *standards.Requirement, h Header) bool {
	return h.AuditType == FollowUp && len(h.FollowUpScope) > 0 && !slices.Contains(h.FollowUpScope, r.ID)
}

// ExplainApplicability is ApplicabilityOf with its reason, as data.
func ExplainApplicability(r *standards.Requirement, h Header) ApplicabilityDetail {
	d := ApplicabilityDetail{Applicability: ApplicabilityOf(r, h)}
	switch d.Applicability {
	case Informative:
		d.DueYear, d.CertYear = r.DueYear, h.CertYear
	case Excluded:
		d.OutOfFollowUp = r != nil && outOfFollowUp(r, h)
		d.EcologicalOnly = r != nil && !d.OutOfFollowUp && r.AppliesTo == standards.AppliesEcological
	}
	return d
}

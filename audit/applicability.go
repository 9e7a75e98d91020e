package audit

import (
	"fmt"

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
	// Ecological requirement in a plain Fairmined audit).
	Excluded
)

// String returns the one-word name shown in lists ("applies",
// "informative", "excluded"); DescribeApplicability gives the reason too.
func (ap Applicability) String() string {
	switch ap {
	case Applies:
		return msg.applies
	case Informative:
		return msg.informative
	case Excluded:
		return msg.excluded
	}
	return msg.unknownApplicability
}

// ApplicabilityOf decides whether r counts in an audit with header h:
//   - a requirement for Fairmined Ecological only is Excluded from any other
//     audit, whatever its level;
//   - an entry requirement always Applies;
//   - a progress requirement Applies from its due year on (due_year <=
//     certification year) and is Informative before.
func ApplicabilityOf(r *standards.Requirement, h Header) Applicability {
	if r == nil {
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

// DescribeApplicability is ApplicabilityOf in words, with the reason when
// the requirement does not apply: "applies", "informative (due in year 3;
// this audit is year 1)", "excluded (Fairmined Ecological audits only)".
func DescribeApplicability(r *standards.Requirement, h Header) string {
	switch ap := ApplicabilityOf(r, h); ap {
	case Informative:
		return fmt.Sprintf(msg.informativeDue, r.DueYear, h.CertYear)
	case Excluded:
		if r != nil {
			return msg.excludedEcological
		}
		return ap.String()
	default:
		return ap.String()
	}
}

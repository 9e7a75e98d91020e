package audit

import (
	"strings"

	"github.com/assay-dev/assay/standards"
)

// Outcome is the certification recommendation, computed from the findings,
// never typed by hand.
type Outcome string

// Outcomes.
const (
	// Incomplete: applicable requirements are still open.
	Incomplete Outcome = "incomplete"
	// Recommended: every applicable requirement conforms or is not
	// applicable.
	Recommended Outcome = "recommended"
	// RecommendedWithConditions: only minor non-conformities, each to be
	// closed by its corrective action before its due date.
	RecommendedWithConditions Outcome = "recommended-with-conditions"
	// NotRecommended: a major non-conformity, or any non-conformity on a
	// critical requirement.
	NotRecommended Outcome = "not-recommended"
)

// Outcomes lists every outcome, so a surface's tests can check that it
// words each one.
var Outcomes = []Outcome{Incomplete, Recommended, RecommendedWithConditions, NotRecommended}

// Recommendation is the outcome with the reasons a reader needs to trust it.
type Recommendation struct {
	Outcome Outcome  `json:"outcome"`
	Reasons []Reason `json:"reasons"`
}

// ReasonKind names one kind of reason for the recommendation. The values
// are stable: they appear in JSON and each surface words them from its own
// messages.
type ReasonKind string

// Reason kinds. The comment says which Reason fields are set.
const (
	// ReasonMajor: a major non-conformity on Requirement; decisive.
	ReasonMajor ReasonKind = "major"
	// ReasonCritical: a non-conformity of Severity on the critical
	// Requirement; decisive.
	ReasonCritical ReasonKind = "critical"
	// ReasonMinor: a minor non-conformity on Requirement, its corrective
	// action due on DueDate.
	ReasonMinor ReasonKind = "minor"
	// ReasonMinorNoDueDate: a minor non-conformity on Requirement whose
	// corrective action has no due date yet (no audit end date).
	ReasonMinorNoDueDate ReasonKind = "minor-no-due-date"
	// ReasonStillOpen: Open of Applicable requirements are still open;
	// OpenByArea says how many in each area.
	ReasonStillOpen ReasonKind = "still-open"
	// ReasonAllConform: all Applicable requirements are assessed:
	// Conforming conform, NotApplicable do not apply.
	ReasonAllConform ReasonKind = "all-conform"
	// ReasonNothingApplies: no requirement of the catalog applies.
	ReasonNothingApplies ReasonKind = "nothing-applies"
	// ReasonInformative: non-conformities on progress requirements not yet
	// due (Requirements), reported for information only.
	ReasonInformative ReasonKind = "informative-non-conformities"
	// ReasonPreviousEscalated: the corrective action for the previous
	// audit's (PreviousReport) non-conformity of Severity on Requirement,
	// due on DueDate, was not closed, and the escalation rule makes it
	// count as the heavier CountsAs (Overdue: its due date had passed).
	ReasonPreviousEscalated ReasonKind = "previous-nc-escalated"
	// ReasonPreviousNotClosed: the same, counting as CountsAs, no heavier
	// than its Severity ("none": reported for information only).
	ReasonPreviousNotClosed ReasonKind = "previous-nc-not-closed"
	// ReasonPreviousToVerify: Open corrective actions of the previous audit
	// (on Requirements) are still to verify.
	ReasonPreviousToVerify ReasonKind = "previous-nc-to-verify"
)

// ReasonKinds lists every ReasonKind, so a surface's tests can check that
// it words each one.
var ReasonKinds = []ReasonKind{
	ReasonMajor, ReasonCritical, ReasonMinor, ReasonMinorNoDueDate, ReasonStillOpen,
	ReasonAllConform, ReasonNothingApplies, ReasonInformative,
	ReasonPreviousEscalated, ReasonPreviousNotClosed, ReasonPreviousToVerify,
}

// AreaCount is a count in one area.
type AreaCount struct {
	Area  standards.Area `json:"area"`
	Count int            `json:"count"`
}

// Reason is one reason for the recommendation, as data: Kind says which
// rule, the other fields (see the kinds) its facts. Requirement titles are
// not copied: a surface looks them up in the catalog, in its language.
type Reason struct {
	Kind          ReasonKind  `json:"kind"`
	Requirement   string      `json:"requirement_id,omitempty"`
	Severity      Verdict     `json:"severity,omitempty"`
	DueDate       string      `json:"due_date,omitempty"`
	Open          int         `json:"open,omitempty"`
	Applicable    int         `json:"applicable,omitempty"`
	Conforming    int         `json:"conforming,omitempty"`
	NotApplicable int         `json:"not_applicable,omitempty"`
	OpenByArea    []AreaCount `json:"open_by_area,omitempty"`
	Requirements  []string    `json:"requirements,omitempty"`
	// The previous audit's corrective actions (ReasonPrevious...).
	CountsAs       Weight `json:"counts_as,omitempty"`
	Overdue        bool   `json:"overdue,omitempty"`
	PreviousReport string `json:"previous_report,omitempty"`
}

// AreaSummary counts one area's requirements (or, as Summary.Total, all of
// them).
type AreaSummary struct {
	Area standards.Area `json:"area"`
	// Counts has every verdict as a key, counting applicable requirements
	// only.
	Counts map[Verdict]int `json:"counts"`
	// Applicable requirements count towards the recommendation; Assessed
	// is those of them no longer open.
	Applicable int `json:"applicable"`
	Assessed   int `json:"assessed"`
	// Informative: progress requirements not yet due; Excluded: out of
	// scope. Neither is in Counts.
	Informative int `json:"informative"`
	Excluded    int `json:"excluded"`
	// Percent is Assessed*100/Applicable rounded down, so 100 means truly
	// done; an area with nothing applicable is 100.
	Percent int `json:"percent"`
}

// NonConformity is one line of the non-conformity register. The
// requirement's title is not copied: a surface looks it up in the catalog,
// in its language.
type NonConformity struct {
	RequirementID    string         `json:"requirement_id"`
	Area             standards.Area `json:"area"`
	Severity         Verdict        `json:"severity"`
	Finding          string         `json:"finding"` // the inspector's notes
	CorrectiveAction string         `json:"corrective_action"`
	DueDate          string         `json:"due_date"` // effective: override or policy default
	Critical         bool           `json:"critical"`
}

// Summary is everything computed from an audit and its catalog: progress
// per area, the recommendation, the non-conformity register and what still
// stands in the way of finalizing.
type Summary struct {
	Areas           []AreaSummary   `json:"areas"`
	Total           AreaSummary     `json:"total"`
	Recommendation  Recommendation  `json:"recommendation"`
	NonConformities []NonConformity `json:"non_conformities"`
	Blockers        []Blocker       `json:"blockers"`
	// CorrectiveActions are the previous audit's, each with its weight in
	// this recommendation; empty for an audit started blank.
	CorrectiveActions []CAResult `json:"corrective_actions"`
}

// areaReqs is one area of the walk with its requirements in file order.
type areaReqs struct {
	area standards.Area
	reqs []*standards.Requirement
}

// walk returns the catalog's requirements area by area in walk order.
// Requirements of an area the catalog's area list forgets are appended in
// extra areas rather than silently dropped from the counts.
func walk(cat *standards.Catalog) []areaReqs {
	if cat == nil {
		return nil
	}
	var out []areaReqs
	index := map[standards.Area]int{}
	for _, ar := range cat.WalkAreas() {
		if _, dup := index[ar]; dup {
			continue
		}
		index[ar] = len(out)
		out = append(out, areaReqs{area: ar})
	}
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		k, ok := index[r.Area]
		if !ok {
			k = len(out)
			index[r.Area] = k
			out = append(out, areaReqs{area: r.Area})
		}
		out[k].reqs = append(out[k].reqs, r)
	}
	return out
}

// knownVerdict reports whether v is one of Verdicts.
func knownVerdict(v Verdict) bool {
	for _, k := range Verdicts {
		if v == k {
			return true
		}
	}
	return false
}

// verdict is VerdictOf with unknown values (a hand-edited file) counted as
// open, so they keep the audit from looking finished; FinalizeBlockers
// names them.
// A nil finding (JSON null) counts as open instead of panicking.
func (a *Audit) verdict(id string) Verdict {
	f := a.Findings[id]
	if f == nil || f.Verdict == "" {
		return Open
	}
	v := f.Verdict
	if !knownVerdict(v) {
		return Open
	}
	return v
}

func newAreaSummary(area standards.Area) AreaSummary {
	s := AreaSummary{Area: area, Counts: make(map[Verdict]int, len(Verdicts))}
	for _, v := range Verdicts {
		s.Counts[v] = 0
	}
	return s
}

func (s *AreaSummary) finish() {
	s.Percent = 100
	if s.Applicable > 0 {
		s.Percent = s.Assessed * 100 / s.Applicable
	}
}

func (s *AreaSummary) add(o AreaSummary) {
	for v, n := range o.Counts {
		s.Counts[v] += n
	}
	s.Applicable += o.Applicable
	s.Assessed += o.Assessed
	s.Informative += o.Informative
	s.Excluded += o.Excluded
}

// Summarize computes the summary of a against cat.
//
// Precedence of the recommendation: a major non-conformity, or any
// non-conformity on a critical requirement, is decisive, so the outcome is
// NotRecommended as soon as one is recorded, even while other requirements
// are still open (the reasons then also say how many are open). Otherwise
// open requirements make it Incomplete; otherwise minor non-conformities
// make it RecommendedWithConditions; otherwise Recommended. With nothing
// applicable at all (an empty or wrong catalog) it stays Incomplete. Only applicable
// requirements count: findings on informative (not yet due) requirements
// are reported but never count against the recommendation.
func Summarize(a *Audit, cat *standards.Catalog) Summary {
	sum := summarizeCounts(a, cat)
	if a != nil {
		sum.Blockers = FinalizeBlockers(a, cat)
	}
	return sum
}

// summarizeCounts is Summarize without the finalize blockers, which the
// list line does not show (they were 15 % of a save).
func summarizeCounts(a *Audit, cat *standards.Catalog) Summary {
	sum := Summary{Total: newAreaSummary("")}
	if a == nil {
		sum.Total.finish()
		sum.Recommendation = Recommendation{Outcome: Incomplete}
		return sum
	}
	var (
		decisive    []Reason    // reasons for NotRecommended
		minors      []Reason    // reasons for RecommendedWithConditions
		openByArea  []AreaCount // open requirements per area
		informative []string    // ids of non-conformities not yet due
	)
	for _, ar := range walk(cat) {
		as := newAreaSummary(ar.area)
		open := 0
		for _, r := range ar.reqs {
			v := a.verdict(r.ID)
			switch ApplicabilityOf(r, a.Header) {
			case Excluded:
				as.Excluded++
				continue
			case Informative:
				as.Informative++
				if v.IsNonConformity() {
					informative = append(informative, r.ID)
				}
				continue
			}
			as.Applicable++
			as.Counts[v]++
			if v == Open {
				open++
				continue
			}
			as.Assessed++
			if !v.IsNonConformity() {
				continue
			}
			f := a.Findings[r.ID]
			sum.NonConformities = append(sum.NonConformities, NonConformity{
				RequirementID:    r.ID,
				Area:             r.Area,
				Severity:         v,
				Finding:          f.Notes,
				CorrectiveAction: f.CorrectiveAction,
				DueDate:          a.DueDate(r.ID),
				Critical:         r.Critical,
			})
			switch due := a.DueDate(r.ID); {
			case v == Major:
				decisive = append(decisive, Reason{Kind: ReasonMajor, Requirement: r.ID, Severity: v})
			case r.Critical:
				decisive = append(decisive, Reason{Kind: ReasonCritical, Requirement: r.ID, Severity: v})
			case due != "":
				minors = append(minors, Reason{Kind: ReasonMinor, Requirement: r.ID, Severity: v, DueDate: due})
			default:
				minors = append(minors, Reason{Kind: ReasonMinorNoDueDate, Requirement: r.ID, Severity: v})
			}
		}
		if open > 0 {
			openByArea = append(openByArea, AreaCount{Area: ar.area, Count: open})
		}
		as.finish()
		sum.Areas = append(sum.Areas, as)
		sum.Total.add(as)
	}
	sum.Total.finish()

	// The previous audit's corrective actions, by the audit's escalation
	// rule: one not closed weighs as the rule says; one still to verify
	// keeps the recommendation incomplete, as an open requirement does.
	sum.CorrectiveActions = CorrectiveResults(a)
	var toVerify, notClosedInfo []Reason
	if ids := previousToVerify(sum.CorrectiveActions); len(ids) > 0 {
		toVerify = []Reason{{Kind: ReasonPreviousToVerify, Open: len(ids), Requirements: ids}}
	}
	for _, r := range sum.CorrectiveActions {
		if r.Unassessed() || r.Status != CANotClosed {
			continue
		}
		reason := Reason{Kind: ReasonPreviousNotClosed, Requirement: r.Requirement, Severity: r.Severity,
			DueDate: r.Due, CountsAs: r.CountsAs, Overdue: r.Overdue}
		if a.Previous != nil {
			reason.PreviousReport = a.Previous.ReportID
		}
		if heavier(r.CountsAs, r.Severity) {
			reason.Kind = ReasonPreviousEscalated
		}
		switch r.CountsAs {
		case WeighMajor:
			decisive = append(decisive, reason)
		case WeighMinor:
			minors = append(minors, reason)
		default:
			notClosedInfo = append(notClosedInfo, reason)
		}
	}

	t := sum.Total
	open := t.Applicable - t.Assessed
	stillOpen := Reason{Kind: ReasonStillOpen, Open: open, Applicable: t.Applicable, OpenByArea: openByArea}
	var pending []Reason
	if open > 0 {
		pending = append(pending, stillOpen)
	}
	pending = append(pending, toVerify...)
	var rec Recommendation
	switch {
	case t.Applicable == 0:
		// Vacuously everything conforms, but recommending certification
		// on nothing assessed would be absurd (a wrong or empty catalog).
		rec = Recommendation{Outcome: Incomplete, Reasons: []Reason{{Kind: ReasonNothingApplies}}}
	case len(decisive) > 0:
		rec = Recommendation{Outcome: NotRecommended, Reasons: append(decisive, pending...)}
	case len(pending) > 0:
		rec = Recommendation{Outcome: Incomplete, Reasons: pending}
	case len(minors) > 0:
		rec = Recommendation{Outcome: RecommendedWithConditions, Reasons: minors}
	default:
		rec = Recommendation{Outcome: Recommended, Reasons: []Reason{{Kind: ReasonAllConform,
			Applicable: t.Applicable, Conforming: t.Counts[Conforms], NotApplicable: t.Counts[NA]}}}
	}
	if len(informative) > 0 {
		rec.Reasons = append(rec.Reasons, Reason{Kind: ReasonInformative, Requirements: informative})
	}
	rec.Reasons = append(rec.Reasons, notClosedInfo...)
	sum.Recommendation = rec
	return sum
}

// DueDate returns the corrective-action due date (YYYY-MM-DD) of the
// non-conformity on reqID: the finding's own due date when set, else the
// audit's end date plus the policy's days for its severity. It is "" when
// the requirement has no non-conformity or no date can be worked out (no
// valid end date). A policy with zero or negative days (an older file that
// lacks one) falls back to DefaultDatePolicy.
func (a *Audit) DueDate(reqID string) string {
	f, ok := a.Findings[reqID]
	if !ok || f == nil || !f.Verdict.IsNonConformity() {
		return ""
	}
	if d := strings.TrimSpace(f.DueDate); d != "" {
		return d
	}
	end, err := ParseDate(a.Header.EndDate)
	if err != nil {
		return ""
	}
	days := a.Policy.MinorDays
	if days <= 0 {
		days = DefaultDatePolicy.MinorDays
	}
	if f.Verdict == Major {
		days = a.Policy.MajorDays
		if days <= 0 {
			days = DefaultDatePolicy.MajorDays
		}
	}
	return end.AddDate(0, 0, days).Format(DateLayout)
}

// previousToVerify lists the requirements of the corrective actions the
// inspector has not yet assessed.
func previousToVerify(rs []CAResult) []string {
	var ids []string
	for _, r := range rs {
		if r.Unassessed() {
			ids = append(ids, r.Requirement)
		}
	}
	return ids
}

// heavier reports whether weight w is heavier than severity v.
func heavier(w Weight, v Verdict) bool {
	rank := map[string]int{string(WeighNone): 0, string(Minor): 1, string(Major): 2}
	return rank[string(w)] > rank[string(v)]
}

package audit

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/assay-dev/assay/standards"
)

// Corrective actions to verify: every non-conformity of the previous audit
// (its non-conformity register) becomes a corrective action this audit
// verifies. The inspector marks each closed (with the evidence seen), not
// closed, or superseded; an action not closed weighs in this audit's
// recommendation by the escalation rule.

// CAStatus is where a corrective action of the previous audit stands. The
// values are stable: they appear in JSON and each surface words them.
type CAStatus string

// Corrective-action statuses.
const (
	// CAToVerify: not yet assessed; it keeps the audit from being
	// finalized.
	CAToVerify CAStatus = "to_verify"
	// CAClosed: the action was taken and the inspector saw the evidence
	// (its notes say what).
	CAClosed CAStatus = "closed"
	// CANotClosed: the action was not taken, or not in full; it weighs in
	// the recommendation by the escalation rule.
	CANotClosed CAStatus = "not_closed"
	// CASuperseded: the requirement was removed or changed, so the action
	// no longer applies as written; this year's finding on the requirement
	// stands instead.
	CASuperseded CAStatus = "superseded"
)

// CAStatuses lists every status in the order an inspector reads them.
var CAStatuses = []CAStatus{CAToVerify, CAClosed, CANotClosed, CASuperseded}

// CorrectiveAction is one non-conformity of the previous audit and what
// this audit found of its corrective action.
type CorrectiveAction struct {
	Requirement string         `json:"requirement_id"`
	Area        standards.Area `json:"area,omitempty"`
	Severity    Verdict        `json:"severity"`
	// Critical: the requirement was critical in last year's catalog.
	Critical bool `json:"critical,omitempty"`
	// Finding is last year's written finding.
	Finding string `json:"finding,omitempty"`
	// Action is the corrective action promised, Due its due date
	// (YYYY-MM-DD; "" when last year's audit had none).
	Action string `json:"action"`
	Due    string `json:"due_date,omitempty"`
	// Status is what this audit found; Proposed says that assay set it
	// (superseded: the requirement is gone from this catalog) and the
	// inspector has not yet confirmed it.
	Status   CAStatus `json:"status"`
	Proposed bool     `json:"proposed,omitempty"`
	// Notes are the evidence the inspector saw (records, interviews,
	// observation): required to close an action.
	Notes    string    `json:"evidence_notes,omitempty"`
	Assessed time.Time `json:"assessed,omitzero"`
}

// Unassessed reports whether the inspector still has to decide on ca: to
// verify, superseded by assay and not yet confirmed, or a status this
// assay does not know (a hand edit), which must not pass for a decision.
func (ca CorrectiveAction) Unassessed() bool {
	return ca.Status == CAToVerify || ca.Proposed || !slices.Contains(CAStatuses, ca.Status)
}

// Errors of SetCorrectiveAction, for surfaces to word.
var (
	// ErrNoSuchAction: there is no corrective action with that index.
	ErrNoSuchAction = errors.New("audit: no such corrective action")
	// ErrUnknownCAStatus: the status is not one of CAStatuses.
	ErrUnknownCAStatus = errors.New("audit: unknown corrective-action status")
)

// SetCorrectiveAction records the inspector's status for corrective action
// i (from 0) of a, confirming a status assay proposed. Notes are kept as
// they are (NoteCorrectiveAction changes them).
func (a *Audit) SetCorrectiveAction(i int, st CAStatus, now time.Time) error {
	if a == nil || i < 0 || i >= len(a.CorrectiveActions) {
		return ErrNoSuchAction
	}
	if !slices.Contains(CAStatuses, st) {
		return ErrUnknownCAStatus
	}
	ca := &a.CorrectiveActions[i]
	ca.Status, ca.Proposed = st, false
	ca.Assessed = now
	if st == CAToVerify {
		ca.Assessed = time.Time{}
	}
	return nil
}

// NoteCorrectiveAction sets the evidence notes of corrective action i.
func (a *Audit) NoteCorrectiveAction(i int, notes string) error {
	if a == nil || i < 0 || i >= len(a.CorrectiveActions) {
		return ErrNoSuchAction
	}
	a.CorrectiveActions[i].Notes = notes
	return nil
}

// Weight is what a corrective action not closed counts as in this audit's
// recommendation. The values are stable: config.toml and JSON use them.
type Weight string

// Weights.
const (
	// WeighMajor: as a major non-conformity: the audit is not recommended.
	WeighMajor Weight = "major"
	// WeighMinor: as a minor non-conformity: a condition of the
	// recommendation.
	WeighMinor Weight = "minor"
	// WeighNone: reported, but it does not change the recommendation.
	WeighNone Weight = "none"
)

// Weights lists every weight, heaviest first.
var Weights = []Weight{WeighMajor, WeighMinor, WeighNone}

// EscalationRule says what a corrective action of the previous audit that
// was not closed counts as in this audit, by its severity and whether its
// due date had passed. It is data (config.toml), so a certification body's
// own rule needs no new assay.
type EscalationRule struct {
	// MinorOverdue: a minor non-conformity whose action was not closed by
	// its due date (before this audit's end date).
	MinorOverdue Weight `json:"minor_overdue"`
	// MinorInTime: a minor one not closed whose due date has not passed.
	MinorInTime Weight `json:"minor_in_time"`
	// Major: a major non-conformity (or one on a critical requirement)
	// whose action was not closed, due or not.
	Major Weight `json:"major"`
}

// DefaultEscalation is common certification practice: a minor
// non-conformity not closed by its due date becomes a major one; one not
// yet due stays a condition; a major one not closed means the audit is not
// recommended.
var DefaultEscalation = EscalationRule{MinorOverdue: WeighMajor, MinorInTime: WeighMinor, Major: WeighMajor}

// orDefault fills a weight the rule leaves empty (a hand-edited file) with
// the default's.
func (r EscalationRule) orDefault() EscalationRule {
	d := DefaultEscalation
	if validWeight(r.MinorOverdue) {
		d.MinorOverdue = r.MinorOverdue
	}
	if validWeight(r.MinorInTime) {
		d.MinorInTime = r.MinorInTime
	}
	if validWeight(r.Major) {
		d.Major = r.Major
	}
	return d
}

func validWeight(w Weight) bool { return w == WeighMajor || w == WeighMinor || w == WeighNone }

// Rule is the audit's escalation rule, or the default when it records
// none.
func (a *Audit) Rule() EscalationRule {
	if a == nil || a.Escalation == nil {
		return DefaultEscalation
	}
	return a.Escalation.orDefault()
}

// CAResult is one corrective action with what it does to this audit's
// recommendation: the surfaces list them in the summary and the report.
type CAResult struct {
	CorrectiveAction
	// Index is the action's place in Audit.CorrectiveActions (from 0).
	Index int `json:"index"`
	// Overdue: its due date is before this audit's end date (or unknown).
	Overdue bool `json:"overdue"`
	// Undated: this audit has no dates yet, so Overdue is the heavier
	// reading rather than a fact; the surfaces say so instead of "passed".
	Undated bool `json:"undated,omitempty"`
	// CountsAs is its weight in the recommendation: set only for an action
	// not closed.
	CountsAs Weight `json:"counts_as,omitempty"`
	// Change is how its requirement changed since the previous audit's
	// catalog.
	Change ChangeKind `json:"catalog_change,omitempty"`
}

// CorrectiveResults weighs every corrective action of a by its rule.
func CorrectiveResults(a *Audit) []CAResult {
	if a == nil {
		return nil
	}
	rule := a.Rule()
	ref := referenceDate(a.Header)
	out := make([]CAResult, 0, len(a.CorrectiveActions))
	for i, ca := range a.CorrectiveActions {
		r := CAResult{CorrectiveAction: ca, Index: i, Overdue: overdue(ca.Due, ref), Undated: ref == ""}
		if a.Previous != nil {
			r.Change = a.Previous.Changes.KindOf(ca.Requirement)
		}
		if ca.Status == CANotClosed {
			switch {
			case ca.Severity == Major || ca.Critical:
				r.CountsAs = rule.Major
			case r.Overdue:
				r.CountsAs = rule.MinorOverdue
			default:
				r.CountsAs = rule.MinorInTime
			}
		}
		out = append(out, r)
	}
	return out
}

// referenceDate is the day a corrective action had to be closed by: this
// audit's end date (it is verified until then), else its start date; ""
// when neither is a date yet.
func referenceDate(h Header) string {
	for _, d := range []string{h.EndDate, h.StartDate} {
		if t, err := ParseDate(d); err == nil {
			return t.Format(DateLayout)
		}
	}
	return ""
}

// overdue reports whether due is before ref. An unknown date on either
// side counts as overdue: the heavier reading until the dates are known.
func overdue(due, ref string) bool {
	d, err := ParseDate(due)
	if err != nil || ref == "" {
		return true
	}
	return d.Format(DateLayout) < ref
}

// actionsFrom makes the corrective actions to verify from the previous
// audit's non-conformity register: one per non-conformity, in walk order,
// each to verify; on a requirement this audit's catalog no longer has
// (changes), superseded for the inspector to confirm. prevCat is the
// previous audit's catalog when installed; cur is this audit's.
func actionsFrom(prev *Audit, prevCat, cur *standards.Catalog, changes CatalogChanges) []CorrectiveAction {
	var out []CorrectiveAction
	add := func(id string, area standards.Area, critical bool) {
		f := prev.Findings[id]
		if f == nil || !f.Verdict.IsNonConformity() {
			return
		}
		if area == "" && cur != nil {
			if r, ok := cur.Requirement(id); ok {
				area, critical = r.Area, r.Critical
			}
		}
		ca := CorrectiveAction{Requirement: id, Area: area, Severity: f.Verdict, Critical: critical,
			Finding: f.Notes, Action: strings.TrimSpace(f.CorrectiveAction), Due: prev.DueDate(id), Status: CAToVerify}
		if changes.KindOf(id) == Removed {
			ca.Status, ca.Proposed = CASuperseded, true
		}
		out = append(out, ca)
	}
	if prevCat != nil {
		for _, nc := range Summarize(prev, prevCat).NonConformities {
			add(nc.RequirementID, nc.Area, nc.Critical)
		}
		return out
	}
	// Last year's catalog is not at hand: every non-conformity recorded,
	// in id order (informative ones, on progress requirements not yet due,
	// cannot be told apart without it).
	ids := make([]string, 0, len(prev.Findings))
	for id := range prev.Findings {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, CompareIDs)
	for _, id := range ids {
		add(id, "", false)
	}
	return out
}

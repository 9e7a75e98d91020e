package audit

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/assay-dev/assay/standards"
)

// CarryOptions says how to start a new audit from a previous one.
type CarryOptions struct {
	// Type is the new audit's type; empty means surveillance.
	Type AuditType
	// Catalog is the new audit's catalog (required).
	Catalog *standards.Catalog
	// PrevCatalog is the previous audit's very catalog (same id, version
	// and SHA-256) when it is installed, else nil: it tells informative
	// non-conformities apart and the catalog's changes in full.
	PrevCatalog *standards.Catalog
	// Source, ReportID and File say where the previous audit came from;
	// Signer, for a report, is the certificate that signed it.
	Source   PreviousSource
	ReportID string
	File     string
	Signer   *Signer
	// StartDate and EndDate are the new audit's dates (YYYY-MM-DD), or ""
	// to fill in later.
	StartDate, EndDate string
	// Config gives the inspector's defaults: lead inspector, due-date
	// policy and the escalation rule.
	Config Config
	// Now is the creation time.
	Now time.Time
}

// ErrPreviousHash: the previous audit's content does not match the hash
// its finalized revision recorded.
var ErrPreviousHash = errors.New("audit: the previous audit does not match its content hash")

// NewFrom starts a draft audit from prev, last year's finalized audit.
//
// What carries over: the header that describes the ASMO (name, legal id,
// location, coordinates, the FSP and its counts, certification type,
// co-inspectors and certification body, all editable), the certification
// year plus one for a surveillance or recertification audit (the same year
// for a follow-up), last year's findings as read-only references (verdict,
// notes, corrective action, evidence names: the files are not copied),
// and one corrective action to verify per non-conformity. Nothing is
// pre-judged: every requirement of the new audit starts open. Nothing of
// what people said carries over: the interviews, sites visited and
// meetings are this year's to record; of the interview register only each
// interview's pseudonym, role and site travel (CarryOver), marked to
// follow up so this year's inspector can ask the ASMO for the same people
// (real names never: they are in the previous audit's private folder,
// which is not read, and not in a report at all). The lead inspector and
// the sampling rule are this year's (config.toml), never last year's.
func NewFrom(prev *Audit, o CarryOptions) (*Audit, error) {
	if prev == nil || o.Catalog == nil {
		return nil, errors.New("audit: no previous audit or no catalog")
	}
	if prev.Status != Finalized || prev.ContentHash == "" {
		return nil, ErrPreviousNotFinalized
	}
	if sum, err := ContentHash(prev); err != nil || sum != prev.ContentHash {
		return nil, ErrPreviousHash
	}
	typ := o.Type
	if typ == "" {
		typ = Surveillance
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Source == "" {
		o.Source = FromHome
	}
	ph := prev.Header
	h := Header{
		ASMO: ph.ASMO, LegalID: ph.LegalID, Country: ph.Country, Region: ph.Region,
		Municipality: ph.Municipality, Site: ph.Site, FSP: ph.FSP,
		AuditType: typ, CertType: ph.CertType, CertYear: nextYear(ph.CertYear, typ),
		StartDate: strings.TrimSpace(o.StartDate), EndDate: strings.TrimSpace(o.EndDate),
		LeadInspector: o.Config.Inspector, CoInspectors: slices.Clone(ph.CoInspectors), CertBody: ph.CertBody,
		Register: CarryOver(ph.Register),
	}
	h.Sampling.Rule = o.Config.SamplingRule()
	if ph.Coordinates != nil {
		p := *ph.Coordinates
		h.Coordinates = &p
	}
	if strings.TrimSpace(h.CertBody) == "" {
		h.CertBody = o.Config.CertificationBody
	}

	var ids []string
	for id := range prev.Findings {
		ids = append(ids, id)
	}
	changes := CompareCatalogs(prev.Catalog, o.PrevCatalog, prev.RequirementPrints(), ids, o.Catalog)
	actions := actionsFrom(prev, o.PrevCatalog, o.Catalog, changes)
	if typ == FollowUp && len(actions) == 0 {
		return nil, ErrNothingToFollowUp
	}
	for _, ca := range actions {
		if _, ok := o.Catalog.Requirement(ca.Requirement); ok && !slices.Contains(h.FollowUpScope, ca.Requirement) {
			h.FollowUpScope = append(h.FollowUpScope, ca.Requirement)
		}
	}

	a := New(o.Catalog, h, o.Now)
	a.Policy = o.Config.DatePolicy()
	a.Previous = previousOf(prev, o)
	a.Previous.Changes = changes
	a.CorrectiveActions = actions
	rule := o.Config.EscalationRule()
	a.Escalation = &rule
	return a, nil
}

// nextYear is the certification year of an audit of type typ that follows
// one in year prev: the next year for a surveillance or recertification
// audit, the same for a follow-up (it closes last visit's actions within
// the year), 0 for an initial audit.
func nextYear(prev int, typ AuditType) int {
	switch typ {
	case Initial:
		return 0
	case FollowUp:
		return max(prev, 0)
	}
	return max(prev, 0) + 1
}

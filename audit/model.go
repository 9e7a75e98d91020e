// Package audit is the audit record and its life: header, findings,
// evidence, computed summary and recommendation, finalize and amend, and the
// crash-safe store on disk.
//
// It imports no UI package: the TUI and the CLI both drive it.
package audit

import (
	"maps"
	"slices"
	"time"

	"github.com/assay-dev/assay/standards"
)

// SchemaVersion is the version of audit.json written by this build.
// Older files are migrated on load; newer ones are refused with a message.
//
// Schema 2 adds optional fields only, each left out of the file while
// empty: issue 13a's audit plan, interview register, sampling and closing
// meeting's record; issue 12's previous audit, its corrective actions, the
// escalation rule, the catalog's requirement prints and the follow-up
// scope. A schema 1 file reads as it is, and a finalized one keeps the
// schema number it was hashed with (see schema2.go).
const SchemaVersion = 2

// Verdict is the inspector's finding on one requirement.
type Verdict string

// Verdicts. Open means not yet assessed.
const (
	Open     Verdict = "open"
	Conforms Verdict = "conforms"
	Minor    Verdict = "minor"
	Major    Verdict = "major"
	NA       Verdict = "na"
)

// Verdicts lists every verdict in display order.
var Verdicts = []Verdict{Open, Conforms, Minor, Major, NA}

// IsNonConformity reports whether v is a minor or major non-conformity.
func (v Verdict) IsNonConformity() bool { return v == Minor || v == Major }

// Status is where an audit is in its life.
type Status string

// Audit statuses.
const (
	Draft     Status = "draft"
	Finalized Status = "finalized"
)

// AuditType is the kind of audit visit.
type AuditType string

// Audit types.
const (
	Initial         AuditType = "initial"
	Surveillance    AuditType = "surveillance"
	Recertification AuditType = "recertification"
	FollowUp        AuditType = "follow-up"
)

// AuditTypes lists every audit type.
var AuditTypes = []AuditType{Initial, Surveillance, Recertification, FollowUp}

// CertType is the certification sought.
type CertType string

// Certification types.
const (
	Fairmined  CertType = "fairmined"
	Ecological CertType = "ecological"
)

// CertTypes lists every certification type.
var CertTypes = []CertType{Fairmined, Ecological}

// GeoPoint is a position in decimal degrees (WGS84).
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// FSP describes the Fairmined System of Production under audit.
type FSP struct {
	Description string `json:"description"`
	Mines       int    `json:"mines"`
	Plants      int    `json:"plants"`
	Miners      int    `json:"miners"`
}

// Interviewed counts people interviewed in one role, by gender. Names of
// workers who spoke in confidence are never recorded.
type Interviewed struct {
	Role  string `json:"role"`
	Women int    `json:"women"`
	Men   int    `json:"men"`
	Other int    `json:"other"`
}

// Header is what the report cover and the summary say about the audit.
type Header struct {
	ASMO           string        `json:"asmo"`
	LegalID        string        `json:"legal_id"`
	Country        string        `json:"country"`
	Region         string        `json:"region"`
	Municipality   string        `json:"municipality"`
	Site           string        `json:"site"`
	Coordinates    *GeoPoint     `json:"coordinates,omitempty"`
	FSP            FSP           `json:"fsp"`
	AuditType      AuditType     `json:"audit_type"`
	CertType       CertType      `json:"certification_type"`
	CertYear       int           `json:"certification_year"`
	StartDate      string        `json:"start_date"` // YYYY-MM-DD
	EndDate        string        `json:"end_date"`   // YYYY-MM-DD
	LeadInspector  string        `json:"lead_inspector"`
	CoInspectors   []string      `json:"co_inspectors,omitempty"`
	CertBody       string        `json:"certification_body"`
	SitesVisited   []string      `json:"sites_visited,omitempty"`
	Interviews     []Interviewed `json:"interviews,omitempty"`
	OpeningMeeting string        `json:"opening_meeting,omitempty"`
	ClosingMeeting string        `json:"closing_meeting,omitempty"`

	// --- issue 13a: plan, interviews, sampling, the auditee's word ---
	// Every field here is left out of audit.json while empty, so that an
	// audit made before them hashes as it did (see ContentHash).

	// Plan is the audit plan and scope the report states (plan.go).
	Plan Plan `json:"plan,omitzero"`
	// Register is the interview register, by pseudonym (interviews.go);
	// real names never enter the audit (private.go). When it holds an
	// interview held in this audit, the people-interviewed counts come
	// from it and Interviews (the hand-typed table of older audits) is
	// not used.
	Register []Interview `json:"interview_register,omitempty"`
	// Sampling is the sampling rule and the actual sample (sampling.go).
	Sampling Sampling `json:"sampling,omitzero"`
	// Closing is the closing meeting's record and the auditee
	// representative's acknowledgement (plan.go).
	Closing Closing `json:"closing,omitzero"`
	// --- end issue 13a ---

	// --- issue 12: the yearly cycle ---

	// FollowUpScope lists the requirements of the previous audit's
	// corrective actions: a follow-up audit verifies these only, the rest
	// of the catalog is out of its scope (see ApplicabilityOf). Set when an
	// audit starts from a previous one; used only while AuditType is
	// follow-up.
	FollowUpScope []string `json:"follow_up_scope,omitempty"`
}

// DatePolicy gives default corrective-action due dates, overridable per
// finding.
type DatePolicy struct {
	// MinorDays: a minor non-conformity is due this many days after the
	// audit's end date.
	MinorDays int `json:"minor_days"`
	// MajorDays: a major non-conformity is due this many days after the
	// audit's end date (it blocks certification until closed).
	MajorDays int `json:"major_days"`
}

// DefaultDatePolicy is used for new audits.
var DefaultDatePolicy = DatePolicy{MinorDays: 90, MajorDays: 30}

// Finding is the inspector's record on one requirement.
type Finding struct {
	Verdict          Verdict `json:"verdict"`
	Notes            string  `json:"notes,omitempty"`
	Justification    string  `json:"justification,omitempty"`
	CorrectiveAction string  `json:"corrective_action,omitempty"`
	// DueDate overrides the policy's default (YYYY-MM-DD); empty = default.
	DueDate  string    `json:"due_date,omitempty"`
	Evidence []string  `json:"evidence,omitempty"` // sha256 of Evidence items
	Updated  time.Time `json:"updated,omitempty"`
}

// Evidence is one file copied into the audit folder, named by its SHA-256.
type Evidence struct {
	SHA256       string    `json:"sha256"`
	Name         string    `json:"name"` // original file name
	Size         int64     `json:"size"`
	MediaType    string    `json:"media_type"`
	Imported     time.Time `json:"imported"`
	Captured     time.Time `json:"captured,omitempty"` // EXIF capture time
	GPS          *GeoPoint `json:"gps,omitempty"`
	Orientation  int       `json:"orientation,omitempty"` // EXIF 1..8
	Derived      string    `json:"derived,omitempty"`     // report-ready JPEG file name in evidence/
	Requirements []string  `json:"requirements,omitempty"`
	Caption      string    `json:"caption,omitempty"`
	// Justifications are the inspector's reasons to keep the file despite
	// a plausibility mark (see CheckEvidence), by the mark's code.
	Justifications map[EvidenceFlagKind]string `json:"justifications,omitempty"`

	// Aliases are the other names the same content was attached under
	// (one photo copied as IMG_2031.jpg and as acta-firmada.jpg), in the
	// order they came: each is a name the inspector may look for.
	Aliases []string `json:"aliases,omitempty"`
}

// Revision records one finalized revision of the audit.
type Revision struct {
	Revision    int       `json:"revision"`
	Finalized   time.Time `json:"finalized"`
	ContentHash string    `json:"content_hash"`
	// Reason is why this revision was amended (empty for the first).
	Reason  string   `json:"reason,omitempty"`
	Exports []string `json:"exports,omitempty"` // file names in exports/
}

// Audit is the whole record of one audit, stored as audits/<id>/audit.json.
type Audit struct {
	Schema   int       `json:"schema"`
	ID       string    `json:"id"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Status   Status    `json:"status"`
	Revision int       `json:"revision"`
	// AmendReason is why the current draft revision reopened a finalized one.
	AmendReason string             `json:"amend_reason,omitempty"`
	ContentHash string             `json:"content_hash,omitempty"` // set when finalized
	Catalog     standards.Identity `json:"catalog"`
	Header      Header             `json:"header"`
	Policy      DatePolicy         `json:"due_date_policy"`
	// Findings by requirement id; a missing entry means open.
	Findings map[string]*Finding `json:"findings"`
	Evidence []Evidence          `json:"evidence,omitempty"`
	// Signer is the certificate that must sign this revision's reports,
	// recorded at finalize (and covered by the content hash, so it travels
	// signed inside every report). Nil for a draft and for audits
	// finalized before assay recorded it.
	Signer  *Signer    `json:"signer,omitempty"`
	History []Revision `json:"history,omitempty"`

	// The yearly cycle (see previous.go, corrective.go).

	// Previous is the audit this one started from (last year's, from the
	// home or from its signed report); nil for an audit started blank.
	Previous *Previous `json:"previous,omitempty"`
	// CorrectiveActions are the previous audit's non-conformities, each a
	// corrective action this audit verifies.
	CorrectiveActions []CorrectiveAction `json:"corrective_actions,omitempty"`
	// Escalation weighs the corrective actions not closed in the
	// recommendation: config.toml's rule when the audit was made, kept so
	// that the recommendation never changes under a finalized audit.
	// Nil for an audit without corrective actions.
	Escalation *EscalationRule `json:"escalation,omitempty"`
	// CatalogPrints are a short digest of each requirement of the catalog
	// as audited ("ID PRINT", in catalog order), so that next year's audit
	// can tell which requirements changed even when this catalog file is
	// gone or edited. A list, not a map: it is written on every save, and
	// a map costs a sort and allocations per key (see RequirementPrints).
	CatalogPrints []string `json:"catalog_prints,omitempty"`
}

// Signer identifies a signing certificate: what a certification body
// compares with the fingerprint it holds for the inspector.
type Signer struct {
	Subject     string `json:"subject"`            // RFC 4514, e.g. "CN=Ana María Gómez,E=ana@example.org"
	Fingerprint string `json:"fingerprint_sha256"` // colon-separated upper-case hex
}

// Finding returns the finding for a requirement, creating an open one if
// there is none yet.
func (a *Audit) Finding(reqID string) *Finding {
	if a.Findings == nil {
		a.Findings = map[string]*Finding{}
	}
	f, ok := a.Findings[reqID]
	if !ok || f == nil {
		f = &Finding{Verdict: Open}
		a.Findings[reqID] = f
	}
	return f
}

// VerdictOf returns the verdict for a requirement without creating a finding.
func (a *Audit) VerdictOf(reqID string) Verdict {
	// A hand-edited file may hold "id": null; treat it as open, never panic.
	if f, ok := a.Findings[reqID]; ok && f != nil && f.Verdict != "" {
		return f.Verdict
	}
	return Open
}

// EvidenceBySHA returns the evidence item with the given digest.
func (a *Audit) EvidenceBySHA(sha string) (*Evidence, bool) {
	for i := range a.Evidence {
		if a.Evidence[i].SHA256 == sha {
			return &a.Evidence[i], true
		}
	}
	return nil, false
}

// Clone returns a deep copy of a: nothing the copy holds (findings, lists,
// evidence, history) is shared with a. The TUI edits one copy while a
// command saves or exports another, so neither may see the other change.
func (a *Audit) Clone() *Audit {
	if a == nil {
		return nil
	}
	c := *a
	if a.Header.Coordinates != nil {
		p := *a.Header.Coordinates
		c.Header.Coordinates = &p
	}
	c.Header.CoInspectors = slices.Clone(a.Header.CoInspectors)
	c.Header.SitesVisited = slices.Clone(a.Header.SitesVisited)
	c.Header.Interviews = slices.Clone(a.Header.Interviews)
	c.Header.Register = cloneRegister(a.Header.Register)
	c.Header.Sampling.Counts = slices.Clone(a.Header.Sampling.Counts)
	c.Header.FollowUpScope = slices.Clone(a.Header.FollowUpScope)
	if a.Findings != nil {
		c.Findings = make(map[string]*Finding, len(a.Findings))
		for id, f := range a.Findings {
			if f == nil {
				continue
			}
			fc := *f
			fc.Evidence = slices.Clone(f.Evidence)
			c.Findings[id] = &fc
		}
	}
	if a.Evidence != nil {
		c.Evidence = make([]Evidence, len(a.Evidence))
		for i, ev := range a.Evidence {
			c.Evidence[i] = ev.Clone()
		}
	}
	if a.History != nil {
		c.History = make([]Revision, len(a.History))
		for i, r := range a.History {
			r.Exports = slices.Clone(r.Exports)
			c.History[i] = r
		}
	}
	cloneCycle(&c, a)
	return &c
}

// Clone returns a copy of ev that shares no pointer or slice with it.
func (ev Evidence) Clone() Evidence {
	if ev.GPS != nil {
		p := *ev.GPS
		ev.GPS = &p
	}
	ev.Requirements = slices.Clone(ev.Requirements)
	ev.Justifications = maps.Clone(ev.Justifications)
	ev.Aliases = slices.Clone(ev.Aliases)
	return ev
}

// Names returns every name the evidence was attached under: its first
// name, then its aliases.
func (ev Evidence) Names() []string {
	return append([]string{ev.Name}, ev.Aliases...)
}

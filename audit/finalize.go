package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/assay-dev/assay/standards"
)

// Editable reports whether the audit may be changed: only a draft is. A
// finalized audit changes only through Amend.
func (a *Audit) Editable() bool { return a.Status == Draft }

// BlockerKind names one kind of thing that keeps an audit from being
// finalized. The values are stable: they appear in JSON and each surface
// words them from its own messages.
type BlockerKind string

// Blocker kinds, in the order FinalizeBlockers reports them. The comment
// says which Blocker fields are set.
const (
	// BlockFinalized: Revision is already finalized.
	BlockFinalized BlockerKind = "finalized"
	// BlockBadRevision: Revision is not 1 or more (a hand edit).
	BlockBadRevision BlockerKind = "bad-revision"
	// BlockBadEvidenceRef: evidence item Index (from 1), Name, has SHA256
	// that is not a SHA-256 (a hand edit).
	BlockBadEvidenceRef BlockerKind = "bad-evidence-ref"
	// BlockOtherCatalog: the audit was made against Catalog but the catalog
	// given is Given.
	BlockOtherCatalog BlockerKind = "other-catalog"
	// BlockHeader: Problem is wrong with the header.
	BlockHeader BlockerKind = "header"
	// BlockNoInterviews: nobody interviewed is recorded.
	BlockNoInterviews BlockerKind = "no-interviews"
	// BlockNoClosingMeeting: the closing meeting is not recorded (neither
	// its notes nor its date).
	BlockNoClosingMeeting BlockerKind = "no-closing-meeting"
	// BlockNoAcknowledgement: the auditee representative's response to the
	// findings is not recorded, nor why it could not be obtained.
	BlockNoAcknowledgement BlockerKind = "no-acknowledgement"
	// BlockOpen: Requirements of Area (all of them, in walk order) are
	// still open.
	BlockOpen BlockerKind = "open"
	// BlockNAJustification: "not applicable" on Requirement has no
	// justification.
	BlockNAJustification BlockerKind = "na-justification"
	// BlockNCNotes: the non-conformity of Severity on Requirement has no
	// written finding.
	BlockNCNotes BlockerKind = "nc-notes"
	// BlockNCAction: the non-conformity of Severity on Requirement has no
	// corrective action.
	BlockNCAction BlockerKind = "nc-corrective-action"
	// BlockNCNoDueDate: the non-conformity of Severity on Requirement has no
	// due date (no audit end date and none of its own).
	BlockNCNoDueDate BlockerKind = "nc-no-due-date"
	// BlockNCBadDueDate: the due date DueDate of the non-conformity on
	// Requirement is not a valid date.
	BlockNCBadDueDate BlockerKind = "nc-bad-due-date"
	// BlockUnknownRequirement: a finding for Requirement, which catalog
	// Given does not have.
	BlockUnknownRequirement BlockerKind = "unknown-requirement"
	// BlockUnknownVerdict: the finding for Requirement holds Verdict, which
	// this assay does not know.
	BlockUnknownVerdict BlockerKind = "unknown-verdict"
	// BlockDanglingEvidence: the finding for Requirement refers to evidence
	// SHA256 that is not in the audit's evidence list.
	BlockDanglingEvidence BlockerKind = "dangling-evidence"
	// BlockDanglingCitation: the finding for Requirement cites interview
	// Name (a pseudonym) that the register does not hold as held in this
	// audit.
	BlockDanglingCitation BlockerKind = "dangling-citation"
	// BlockCAToVerify: the previous audit's corrective actions on
	// Requirements are still to verify.
	BlockCAToVerify BlockerKind = "corrective-actions-to-verify"
	// BlockCAUnconfirmed: the corrective action on Requirement, which this
	// catalog no longer has, was set superseded by assay; the inspector
	// has to confirm it (or say otherwise).
	BlockCAUnconfirmed BlockerKind = "corrective-action-unconfirmed"
	// BlockCANoEvidence: the corrective action on Requirement is closed
	// without evidence notes saying what showed it.
	BlockCANoEvidence BlockerKind = "corrective-action-no-evidence"
)

// BlockerKinds lists every BlockerKind, so a surface's tests can check that
// it words each one.
var BlockerKinds = []BlockerKind{
	BlockFinalized, BlockBadRevision, BlockBadEvidenceRef, BlockOtherCatalog, BlockHeader, BlockNoInterviews,
	BlockNoClosingMeeting, BlockNoAcknowledgement, BlockOpen, BlockNAJustification, BlockNCNotes, BlockNCAction,
	BlockNCNoDueDate, BlockNCBadDueDate, BlockUnknownRequirement, BlockUnknownVerdict, BlockDanglingEvidence,
	BlockDanglingCitation, BlockCAToVerify, BlockCAUnconfirmed, BlockCANoEvidence,
}

// Blocker is one thing to fix before the audit can be finalized, as data:
// Kind says what, the other fields (see the kinds) say where. Requirement
// titles are not copied: a surface looks them up in the catalog, in its
// language.
type Blocker struct {
	Kind         BlockerKind         `json:"kind"`
	Requirement  string              `json:"requirement_id,omitempty"`
	Area         standards.Area      `json:"area,omitempty"`
	Requirements []string            `json:"requirements,omitempty"`
	Severity     Verdict             `json:"severity,omitempty"`
	Verdict      Verdict             `json:"verdict,omitempty"`
	DueDate      string              `json:"due_date,omitempty"`
	Revision     int                 `json:"revision,omitempty"`
	Index        int                 `json:"index,omitempty"`
	Name         string              `json:"name,omitempty"`
	SHA256       string              `json:"sha256,omitempty"`
	Catalog      *standards.Identity `json:"catalog,omitempty"`
	Given        *standards.Identity `json:"given,omitempty"`
	Problem      *FieldError         `json:"problem,omitempty"`
}

// BlockedError is returned by Finalize when the audit is not ready;
// Blockers are the FinalizeBlockers, one thing to fix each.
type BlockedError struct {
	Blockers []Blocker
}

// Error lists the blockers' kinds, for programmers; surfaces word Blockers.
func (e *BlockedError) Error() string {
	kinds := make([]string, len(e.Blockers))
	for i, b := range e.Blockers {
		kinds[i] = string(b.Kind)
		if b.Requirement != "" {
			kinds[i] += " " + b.Requirement
		}
	}
	return fmt.Sprintf("audit: cannot finalize, %d blockers: %s", len(e.Blockers), strings.Join(kinds, ", "))
}

// FinalizeBlockers lists what keeps a from being finalized against cat, in
// the order an inspector would fix them: the audit's state, the header,
// then requirement by requirement in walk order, then findings that do not
// belong to the catalog. Empty means Finalize will succeed.
//
// Rules, on applicable requirements only (informative and excluded ones
// never block): no requirement open; "na" needs a Justification; a minor
// or major non-conformity needs the written finding (Notes), a
// CorrectiveAction and an effective due date that is a real date.
func FinalizeBlockers(a *Audit, cat *standards.Catalog) []Blocker {
	if a == nil {
		return nil
	}
	var out []Blocker
	if a.Status == Finalized {
		out = append(out, Blocker{Kind: BlockFinalized, Revision: a.Revision})
	}
	// The report prints the revision and each evidence file's SHA-256 under
	// the signature: values only a hand edit can make are refused here.
	if a.Revision < 1 {
		out = append(out, Blocker{Kind: BlockBadRevision, Revision: a.Revision})
	}
	for i, ev := range a.Evidence {
		if !validSHA(ev.SHA256) {
			out = append(out, Blocker{Kind: BlockBadEvidenceRef, Index: i + 1, Name: Sanitize(ev.Name), SHA256: ev.SHA256})
		}
	}
	if cat != nil && (a.Catalog.ID != cat.ID || a.Catalog.Version != cat.Version) {
		out = append(out, Blocker{Kind: BlockOtherCatalog,
			Catalog: &standards.Identity{ID: a.Catalog.ID, Version: a.Catalog.Version},
			Given:   &standards.Identity{ID: cat.ID, Version: cat.Version}})
	}
	for _, fe := range ValidateHeader(a.Header) {
		out = append(out, Blocker{Kind: BlockHeader, Problem: &fe})
	}
	// The report must say whom the inspector heard, what was presented at
	// the closing meeting and what the auditee said to it (or why it could
	// not be had); a certification body sends back a report without.
	if interviewed(a.Header) == 0 {
		out = append(out, Blocker{Kind: BlockNoInterviews})
	}
	if !closingRecorded(a.Header) {
		out = append(out, Blocker{Kind: BlockNoClosingMeeting})
	}
	if c := a.Header.Closing; c.Response == "" && strings.TrimSpace(c.NotObtained) == "" && needsAcknowledgement(a) {
		out = append(out, Blocker{Kind: BlockNoAcknowledgement})
	}

	var perReq []Blocker
	for _, ar := range walk(cat) {
		var open []string
		for _, r := range ar.reqs {
			if ApplicabilityOf(r, a.Header) != Applies {
				continue
			}
			v := a.verdict(r.ID)
			f := a.Findings[r.ID]
			switch {
			case v == Open:
				open = append(open, r.ID)
			case v == NA:
				if strings.TrimSpace(f.Justification) == "" {
					perReq = append(perReq, Blocker{Kind: BlockNAJustification, Requirement: r.ID})
				}
			case v.IsNonConformity():
				nc := func(k BlockerKind) Blocker { return Blocker{Kind: k, Requirement: r.ID, Severity: v} }
				if strings.TrimSpace(f.Notes) == "" {
					perReq = append(perReq, nc(BlockNCNotes))
				}
				if strings.TrimSpace(f.CorrectiveAction) == "" {
					perReq = append(perReq, nc(BlockNCAction))
				}
				switch due := a.DueDate(r.ID); {
				case due == "":
					perReq = append(perReq, nc(BlockNCNoDueDate))
				default:
					if _, err := ParseDate(due); err != nil {
						b := nc(BlockNCBadDueDate)
						b.DueDate = due
						perReq = append(perReq, b)
					}
				}
			}
		}
		if len(open) > 0 {
			out = append(out, Blocker{Kind: BlockOpen, Area: ar.area, Requirements: open})
		}
	}
	out = append(out, perReq...)
	out = append(out, correctiveBlockers(a)...)

	// Findings outside the catalog, unknown verdicts and dangling evidence
	// references, in id order so the list is stable.
	ids := make([]string, 0, len(a.Findings))
	for id := range a.Findings {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		f := a.Findings[id]
		if cat != nil {
			if _, ok := cat.Requirement(id); !ok {
				out = append(out, Blocker{Kind: BlockUnknownRequirement, Requirement: id,
					Given: &standards.Identity{ID: cat.ID, Version: cat.Version}})
			}
		}
		if f == nil {
			continue
		}
		if f.Verdict != "" && !knownVerdict(f.Verdict) {
			out = append(out, Blocker{Kind: BlockUnknownVerdict, Requirement: id, Verdict: f.Verdict})
		}
		for _, sha := range f.Evidence {
			if _, ok := a.EvidenceBySHA(sha); !ok {
				out = append(out, Blocker{Kind: BlockDanglingEvidence, Requirement: id, SHA256: sha})
			}
		}
	}
	// A finding that cites an interview nobody can find in the report.
	for _, dc := range DanglingCitations(a, cat) {
		out = append(out, Blocker{Kind: BlockDanglingCitation, Requirement: dc.Requirement, Name: dc.Pseudonym})
	}
	return out
}

// ErrNoSigner is returned by Finalize without a signing certificate:
// finalizing records which certificate will sign the reports, so a signing
// key must exist first. Surfaces point to 'assay keys create'.
var ErrNoSigner = errors.New("no signing key: a finalized audit records its signer")

// Finalize freezes the current revision: when nothing blocks it, the status
// becomes Finalized, signer is recorded as the certificate that must sign
// its reports, the content hash is computed and recorded both on the audit
// and as a new entry of History (with the amendment reason, if this
// revision is an amendment). When something blocks it, a is unchanged and
// the error is a *BlockedError; without a signer it is ErrNoSigner.
func Finalize(a *Audit, cat *standards.Catalog, signer *Signer, now time.Time) error {
	if a == nil {
		return &BlockedError{}
	}
	if blockers := FinalizeBlockers(a, cat); len(blockers) > 0 {
		return &BlockedError{Blockers: blockers}
	}
	if signer == nil || strings.TrimSpace(signer.Fingerprint) == "" {
		return ErrNoSigner
	}
	s := *signer
	a.Signer = &s
	// A row added in the details screen and never filled says nothing;
	// it must not reach the frozen record or the report.
	a.Header.Interviews = filledInterviews(a.Header.Interviews)
	hash, err := ContentHash(a)
	if err != nil {
		return fmt.Errorf("audit: cannot compute the content hash: %w", err)
	}
	a.Status = Finalized
	a.ContentHash = hash
	a.History = append(a.History, Revision{
		Revision:    a.Revision,
		Finalized:   now,
		ContentHash: hash,
		Reason:      a.AmendReason,
	})
	a.Updated = now
	return nil
}

// Errors of Amend, for surfaces to word.
var (
	// ErrNotFinalized: only a finalized audit can be amended.
	ErrNotFinalized = errors.New("audit: only a finalized audit can be amended")
	// ErrNoAmendReason: an amendment needs a reason.
	ErrNoAmendReason = errors.New("audit: an amendment needs a reason")
)

// Amend reopens a finalized audit as a new draft revision. The reason
// (required) is recorded and travels into the next History entry when the
// new revision is finalized. Earlier revisions stay in History with their
// content hashes and exported PDFs.
func Amend(a *Audit, reason string, now time.Time) error {
	if a == nil || a.Status != Finalized {
		return ErrNotFinalized
	}
	reason = strings.TrimSpace(Sanitize(reason))
	if reason == "" {
		return ErrNoAmendReason
	}
	a.Revision++
	// The new revision is written by this assay: it may hold what a
	// finalized audit of an older schema could not.
	a.Schema = SchemaVersion
	a.Status = Draft
	a.AmendReason = reason
	a.ContentHash = ""
	a.Signer = nil // the next finalize records who signs the new revision
	a.Updated = now
	return nil
}

// ContentHash returns "sha256:" and the lower-case hex SHA-256 of the
// audit's canonical JSON, which is what a finalized revision vouches for.
//
// Canonical JSON is encoding/json.Marshal (compact, HTML characters
// escaped, map keys sorted) of a copy of the audit with four fields set to
// their zero value: Updated, ContentHash, History and Status, because they
// change when the audit is finalized, amended or merely saved, not when its
// content changes. A nil Findings map is treated as empty. Everything else
// is covered: schema, id, created, revision, amend reason, catalog
// identity, header, due-date policy, every finding (verdict, notes,
// justification, corrective action, due date, evidence references, its
// updated time), the evidence list (each file's SHA-256, so the files'
// bytes too) and the signer's certificate (subject and fingerprint).
//
// To verify, unmarshal the audit JSON (for example the copy embedded in the
// report PDF) into an Audit and call ContentHash: the result must equal the
// recorded ContentHash.
func ContentHash(a *Audit) (string, error) {
	if a == nil {
		return "", errors.New("nil audit")
	}
	c := *a
	c.Updated = time.Time{}
	c.ContentHash = ""
	c.History = nil
	c.Status = ""
	if c.Findings == nil {
		c.Findings = map[string]*Finding{}
	}
	data, err := json.Marshal(&c)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// interviewed counts the people interviewed over every role: from the
// register, or the hand-typed table of an older audit.
func interviewed(h Header) int {
	rows, _ := PeopleInterviewed(h)
	n := 0
	for _, r := range rows {
		n += r.Total()
	}
	return n
}

// filledInterviews drops rows with neither a role nor anyone counted.
func filledInterviews(rows []Interviewed) []Interviewed {
	var out []Interviewed
	for _, iv := range rows {
		if strings.TrimSpace(iv.Role) != "" || iv.Women+iv.Men+iv.Other > 0 {
			out = append(out, iv)
		}
	}
	return out
}

// correctiveBlockers are what keeps the previous audit's corrective
// actions from being settled: any still to verify (one blocker for all),
// a superseded status assay proposed and the inspector has not confirmed,
// and a closed action without the evidence that closed it.
func correctiveBlockers(a *Audit) []Blocker {
	var out, per []Blocker
	var toVerify []string
	for _, ca := range a.CorrectiveActions {
		switch {
		case ca.Proposed:
			per = append(per, Blocker{Kind: BlockCAUnconfirmed, Requirement: ca.Requirement, Severity: ca.Severity})
		case ca.Unassessed():
			toVerify = append(toVerify, ca.Requirement)
		case ca.Status == CAClosed && strings.TrimSpace(ca.Notes) == "":
			per = append(per, Blocker{Kind: BlockCANoEvidence, Requirement: ca.Requirement, Severity: ca.Severity})
		}
	}
	if len(toVerify) > 0 {
		out = append(out, Blocker{Kind: BlockCAToVerify, Requirements: toVerify})
	}
	return append(out, per...)
}

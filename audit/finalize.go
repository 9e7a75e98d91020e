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

// maxIDsShown bounds the requirement ids listed in one blocker line, so a
// half-done area gives one readable line rather than fifty ids.
const maxIDsShown = 3

// Editable reports whether the audit may be changed: only a draft is. A
// finalized audit changes only through Amend.
func (a *Audit) Editable() bool { return a.Status == Draft }

// BlockedError is returned by Finalize when the audit is not ready; Reasons
// are the FinalizeBlockers, one thing to fix each.
type BlockedError struct {
	Reasons []string
}

// Error lists every reason, one per line.
func (e *BlockedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, msg.blockedHeading, len(e.Reasons))
	for _, r := range e.Reasons {
		b.WriteString("\n  - ")
		b.WriteString(r)
	}
	return b.String()
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
func FinalizeBlockers(a *Audit, cat *standards.Catalog) []string {
	if a == nil {
		return nil
	}
	var out []string
	if a.Status == Finalized {
		out = append(out, fmt.Sprintf(msg.blockFinalized, a.Revision))
	}
	// The report prints the revision and each evidence file's SHA-256 under
	// the signature: values only a hand edit can make are refused here.
	if a.Revision < 1 {
		out = append(out, fmt.Sprintf(msg.blockRevision, a.Revision))
	}
	for i, ev := range a.Evidence {
		if !validSHA(ev.SHA256) {
			out = append(out, fmt.Sprintf(msg.blockEvidenceRef, i+1, Sanitize(ev.Name), ev.SHA256))
		}
	}
	if cat != nil && (a.Catalog.ID != cat.ID || a.Catalog.Version != cat.Version) {
		out = append(out, fmt.Sprintf(msg.blockCatalog,
			strings.TrimSpace(a.Catalog.ID+" "+a.Catalog.Version), strings.TrimSpace(cat.ID+" "+cat.Version)))
	}
	for _, fe := range ValidateHeader(a.Header) {
		out = append(out, fmt.Sprintf(msg.blockHeader, fe.Message))
	}
	// The report must say whom the inspector heard and what was agreed at
	// the closing meeting; a certification body sends back a report without.
	if interviewed(a.Header) == 0 {
		out = append(out, msg.blockNoInterviews)
	}
	if strings.TrimSpace(a.Header.ClosingMeeting) == "" {
		out = append(out, msg.blockNoClosing)
	}

	var perReq []string
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
					perReq = append(perReq, fmt.Sprintf(msg.blockNAJustify, r.ID, r.Title))
				}
			case v.IsNonConformity():
				sev := severityWord(v)
				if strings.TrimSpace(f.Notes) == "" {
					perReq = append(perReq, fmt.Sprintf(msg.blockNCNotes, r.ID, r.Title, sev))
				}
				if strings.TrimSpace(f.CorrectiveAction) == "" {
					perReq = append(perReq, fmt.Sprintf(msg.blockNCAction, r.ID, r.Title, sev))
				}
				switch due := a.DueDate(r.ID); {
				case due == "":
					perReq = append(perReq, fmt.Sprintf(msg.blockNCDue, r.ID, r.Title, sev))
				default:
					if _, err := ParseDate(due); err != nil {
						perReq = append(perReq, fmt.Sprintf(msg.blockNCDueInvalid, r.ID, r.Title, due))
					}
				}
			}
		}
		if len(open) > 0 {
			out = append(out, fmt.Sprintf(msg.blockOpenArea, ar.area, len(open), listIDs(open)))
		}
	}
	out = append(out, perReq...)

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
				out = append(out, fmt.Sprintf(msg.blockUnknownReq, id, cat.ID, cat.Version))
			}
		}
		if f == nil {
			continue
		}
		if f.Verdict != "" && !knownVerdict(f.Verdict) {
			out = append(out, fmt.Sprintf(msg.blockUnknownVerdict, id, string(f.Verdict)))
		}
		for _, sha := range f.Evidence {
			if _, ok := a.EvidenceBySHA(sha); !ok {
				out = append(out, fmt.Sprintf(msg.blockEvidence, id, sha))
			}
		}
	}
	return out
}

// listIDs joins the first few ids and says how many more there are.
func listIDs(ids []string) string {
	if len(ids) <= maxIDsShown {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:maxIDsShown], ", ") + " " + fmt.Sprintf(msg.moreIDs, len(ids)-maxIDsShown)
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
	if reasons := FinalizeBlockers(a, cat); len(reasons) > 0 {
		return &BlockedError{Reasons: reasons}
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
		return fmt.Errorf(msg.hashFailed, err)
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

// Amend reopens a finalized audit as a new draft revision. The reason
// (required) is recorded and travels into the next History entry when the
// new revision is finalized. Earlier revisions stay in History with their
// content hashes and exported PDFs.
func Amend(a *Audit, reason string, now time.Time) error {
	if a == nil {
		return errors.New(msg.amendNoReason)
	}
	if a.Status != Finalized {
		return fmt.Errorf(msg.amendNotFinalized, a.Status)
	}
	reason = strings.TrimSpace(Sanitize(reason))
	if reason == "" {
		return errors.New(msg.amendNoReason)
	}
	a.Revision++
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

// interviewed counts the people interviewed over every role.
func interviewed(h Header) int {
	n := 0
	for _, iv := range h.Interviews {
		n += iv.Women + iv.Men + iv.Other
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

package report

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
)

// Finding is one thing verify found: a stable Kind plus its fields. The
// command line and any other surface word it; see pdfsign.Finding.
type Finding = pdfsign.Finding

// Kind is a Finding's stable code.
type Kind = pdfsign.Kind

// Problems verify adds to pdfsign's (each makes a report NOT VALID).
const (
	KindFileEmpty      Kind = "file_empty"
	KindFileNotPDF     Kind = "file_not_pdf"
	KindFileTruncated  Kind = "file_truncated"
	KindNoSignature    Kind = "no_signature"
	KindNoAuditData    Kind = "no_audit_data"
	KindAuditDataBad   Kind = "audit_data_unreadable" // Detail
	KindHashMissing    Kind = "audit_hash_missing"
	KindHashMismatch   Kind = "audit_hash_mismatch"
	KindNotFinalized   Kind = "audit_not_finalized"
	KindSignerNotBound Kind = "signer_not_recorded"       // Subject: signer; Name: recorded subject; Got, Want: fingerprints
	KindKeyUsage       Kind = "key_usage"                 // Subject
	KindEKU            Kind = "ext_key_usage"             // Subject
	KindCertExpired    Kind = "certificate_expired"       // Time: judged at; Until: not after; Detail: timestamp|now
	KindCertNotYet     Kind = "certificate_not_yet_valid" // Time; Until: not before; Detail
	KindUntrustedCA    Kind = "untrusted_ca"              // File, Detail
	KindFingerprint    Kind = "fingerprint_mismatch"      // Got, Want
	KindSignerName     Kind = "signer_name_mismatch"      // Want, Subject
	// KindRevReplacesAudit: a revision after signing changes the attached
	// audit.json (pdfsign's revision_changes_attachment for that file).
	KindRevReplacesAudit = pdfsign.KindRevReplacesAudit
	// KindRevReplacesFindings: a revision after signing changes the
	// attached findings.json (Name).
	KindRevReplacesFindings Kind = "revision_replaces_findings_json"
	// KindFindingsBad: the signed findings.json cannot be read as findings
	// data (Detail).
	KindFindingsBad Kind = "findings_data_unreadable"
	// KindFindingsMismatch: the signed findings.json says something other
	// than the signed audit.json (Name: the requirement, or the audit
	// field, that differs).
	KindFindingsMismatch Kind = "findings_data_mismatch"
)

// Notes: facts about a report that do not make it invalid.
const (
	NoteTrustNotChecked    Kind = "trust_not_checked"
	NoteTrustedCA          Kind = "trusted_ca" // File
	NoteTrustedFingerprint Kind = "trusted_fingerprint"
	NoteSignerName         Kind = "signer_name_matches" // Want
	NoteSignerBound        Kind = "signer_bound"        // Subject
	NoteSignerNotBound     Kind = "signer_not_bound"    // the audit predates signer records
	NoteValidityNow        Kind = "validity_checked_now"
	NoteValidityAt         Kind = "validity_checked_at_timestamp" // Time, Subject: TSA
	NoteTimestamp          Kind = "timestamp"                     // Name: signature|document; Time; Subject: TSA; Detail: trusted|untrusted
	NoteCertified          Kind = "certified"                     // Detail: P
)

// Ways Verification.TrustCheck says the signer's identity was checked.
const (
	TrustCA          = "ca"
	TrustFingerprint = "fingerprint"
	TrustNone        = "none"
)

// Verification is what Verify found about a report file.
type Verification struct {
	// Valid: signed by the inspector, nothing changed after signing but
	// validation data and time-stamps, the signer passes the trust policy,
	// and the attached audit data matches its content hash and its
	// recorded signer.
	Valid bool `json:"valid"`
	// Problems say why it is not valid, most important first.
	Problems []Finding `json:"problems"`
	// Notes say how it was checked (trust, time, binding).
	Notes []Finding `json:"notes"`

	Signed          bool      `json:"signed"`
	Signer          string    `json:"signer,omitempty"` // RFC 4514 subject
	Issuer          string    `json:"issuer,omitempty"`
	Fingerprint     string    `json:"fingerprint_sha256,omitempty"`
	SigningTime     time.Time `json:"signing_time,omitzero"` // claimed by the signer (/M)
	CoversWholeFile bool      `json:"covers_whole_file"`
	Certified       bool      `json:"certified"`
	DocMDP          int       `json:"docmdp_p,omitempty"`

	// TrustedTime is the earliest time-stamp from a trusted TSA proving the
	// signature existed; zero when there is none (validity was then judged
	// at the time of verification).
	TrustedTime time.Time   `json:"trusted_time,omitzero"`
	Timestamps  []Timestamp `json:"timestamps"`

	AuditID     string `json:"audit_id,omitempty"`
	Revision    int    `json:"revision,omitempty"`
	ASMO        string `json:"asmo,omitempty"`
	Status      string `json:"status,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
	// SignerBound is nil when the audit records no signer (finalized
	// before assay recorded one), else whether the CMS signer is it.
	SignerBound *bool `json:"signer_bound"`

	// TrustCheck is how the signer's identity was checked: TrustCA,
	// TrustFingerprint or TrustNone; SignerPinned when --signer was given.
	TrustCheck   string `json:"trust_check"`
	SignerPinned bool   `json:"signer_pinned"`
	// Trusted is nil when no check was asked, else whether the signer
	// passed every one asked for.
	Trusted *bool `json:"trusted"`

	Signatures []SignatureInfo    `json:"signatures"`
	Revisions  []pdfsign.Revision `json:"revisions"`

	res *pdfsign.Result
}

// Timestamp is a verified RFC 3161 time-stamp of the report.
type Timestamp struct {
	Kind    string    `json:"kind"` // "signature" (over the signature value) or "document"
	Time    time.Time `json:"time"`
	TSA     string    `json:"tsa"` // RFC 4514 subject of the TSA certificate
	Trusted bool      `json:"trusted"`
}

// SignatureInfo describes one signature of the file.
type SignatureInfo struct {
	Kind            pdfsign.SigKind `json:"kind"`
	Field           string          `json:"field"`
	SubFilter       string          `json:"subfilter"`
	Signer          string          `json:"signer"`
	Fingerprint     string          `json:"fingerprint_sha256"`
	Revision        int             `json:"revision"`
	ByteRange       [4]int64        `json:"byte_range"`
	CoversWholeFile bool            `json:"covers_whole_file"`
	ClaimedTime     time.Time       `json:"claimed_time,omitzero"`
	TimestampTime   time.Time       `json:"timestamp_time,omitzero"`
	TSA             string          `json:"tsa,omitempty"`
	DocMDP          int             `json:"docmdp_p,omitempty"`
	Intact          bool            `json:"intact"`
}

func (v *Verification) problem(f Finding) {
	for _, p := range v.Problems {
		if p == f {
			return
		}
	}
	v.Problems = append(v.Problems, f)
}

func (v *Verification) note(f Finding) { v.Notes = append(v.Notes, f) }

// Verify checks a report file offline: every signature and revision
// (pdfsign.Verify), the signer's certificate (key usage, validity at a
// trusted time), and the audit data attached as audit.json (its content
// hash and the signer it records). It never fails: everything wrong is a
// Problem. Whom to trust is not checked (see VerifyTrusted).
func Verify(pdf []byte) *Verification {
	return VerifyTrusted(pdf, Trust{})
}

// VerifyTrusted is Verify plus the certification body's trust policy t.
func VerifyTrusted(pdf []byte, t Trust) *Verification {
	if t.Now.IsZero() {
		t.Now = time.Now()
	}
	v := &Verification{Problems: []Finding{}, Notes: []Finding{}, Timestamps: []Timestamp{}, Signatures: []SignatureInfo{}, Revisions: []pdfsign.Revision{}}
	res, ok := v.checkSignature(pdf)
	if ok {
		v.checkAuditData(pdf, res)
	}
	v.checkTrust(res, t)
	v.Valid = v.Signed && len(v.Problems) == 0
	return v
}

// checkSignature runs pdfsign.Verify and copies its result; ok is false
// when the file is not a PDF at all.
func (v *Verification) checkSignature(pdf []byte) (res *pdfsign.Result, ok bool) {
	// Say plainly what kind of file this is before the parsers give their
	// technical reasons.
	shape := pdfShape(pdf)
	switch shape {
	case KindFileEmpty, KindFileNotPDF:
		v.problem(Finding{Kind: shape})
		return nil, false
	case KindFileTruncated:
		v.problem(Finding{Kind: shape})
	}
	res, err := pdfsign.Verify(pdf)
	if err != nil {
		// A signature is appended last: a file cut short has lost it,
		// which does not make it a draft.
		if shape != KindFileTruncated {
			v.problem(Finding{Kind: KindNoSignature})
		}
		return nil, true
	}
	v.res = res
	v.Signed = true
	v.CoversWholeFile = res.CoversWholeFile
	v.SigningTime = res.SigningTime
	v.Certified, v.DocMDP = res.Certified, res.DocMDP
	if res.Signer != nil {
		v.Signer = pdfsign.DistinguishedName(res.Signer.RawSubject)
		v.Issuer = pdfsign.DistinguishedName(res.Signer.RawIssuer)
		v.Fingerprint = Fingerprint(res.Signer)
	}
	if res.Certified {
		v.note(Finding{Kind: NoteCertified, Detail: fmt.Sprint(res.DocMDP)})
	}
	for _, p := range res.Problems {
		p.Kind = attachmentKind(p)
		v.problem(p)
	}
	for _, s := range res.Signatures {
		si := SignatureInfo{Kind: s.Kind, Field: s.FieldName, SubFilter: s.SubFilter, Revision: s.Revision,
			ByteRange: s.ByteRange, CoversWholeFile: s.CoversWholeFile, ClaimedTime: s.ClaimedTime, DocMDP: s.DocMDP, Intact: s.Intact}
		if s.Signer != nil {
			si.Signer, si.Fingerprint = pdfsign.DistinguishedName(s.Signer.RawSubject), Fingerprint(s.Signer)
		}
		if s.Timestamp != nil {
			si.TimestampTime, si.TSA = s.Timestamp.Time, pdfsign.DistinguishedName(s.Timestamp.TSA.RawSubject)
		}
		v.Signatures = append(v.Signatures, si)
	}
	for _, r := range res.Revisions {
		for i, c := range r.Changes {
			r.Changes[i].Kind = attachmentKind(c)
		}
		v.Revisions = append(v.Revisions, r)
	}
	return res, true
}

// checkAuditData reads the attached audit.json as the inspector signed it
// (the file up to the end of the signed revision), checks its content hash
// and that the signer is the one it records.
func (v *Verification) checkAuditData(pdf []byte, res *pdfsign.Result) {
	signed := pdf
	if res != nil && res.Inspector != nil {
		if end := res.SignedBytes[1][1]; end > 0 && end <= int64(len(pdf)) {
			signed = pdf[:end]
		}
	}
	files, err := pdfsign.Attachments(signed)
	if err != nil {
		if strings.Contains(err.Error(), "no attachments") {
			// pdfcpu's word for a PDF without embedded files.
			v.problem(Finding{Kind: KindNoAuditData})
			return
		}
		v.problem(Finding{Kind: KindAuditDataBad, Detail: err.Error()})
		return
	}
	data, ok := files[AttachmentName]
	if !ok {
		v.problem(Finding{Kind: KindNoAuditData})
		return
	}
	a, err := audit.DecodeAudit(data)
	if err != nil {
		v.problem(Finding{Kind: KindAuditDataBad, Detail: err.Error()})
		return
	}
	v.AuditID, v.Revision, v.ASMO = a.ID, a.Revision, a.Header.ASMO
	v.Status, v.ContentHash = string(a.Status), a.ContentHash
	if a.Status != audit.Finalized {
		if v.Signed {
			v.problem(Finding{Kind: KindNotFinalized})
		}
		return
	}
	if a.ContentHash == "" {
		v.problem(Finding{Kind: KindHashMissing})
		return
	}
	h, err := audit.ContentHash(a)
	if err != nil || h != a.ContentHash {
		v.problem(Finding{Kind: KindHashMismatch})
		return
	}
	if !v.checkFindingsData(files, a) {
		return
	}
	if res == nil || res.Signer == nil {
		return
	}
	if a.Signer == nil {
		v.note(Finding{Kind: NoteSignerNotBound})
		return
	}
	bound := a.Signer.Fingerprint == Fingerprint(res.Signer)
	v.SignerBound = &bound
	if !bound {
		v.problem(Finding{Kind: KindSignerNotBound, Subject: v.Signer, Name: a.Signer.Subject, Got: v.Fingerprint, Want: a.Signer.Fingerprint})
		return
	}
	v.note(Finding{Kind: NoteSignerBound, Subject: a.Signer.Subject})
}

// attachmentKind names a later revision's change to one of the report's
// own attachments for what it is: the audit data, or the findings data.
func attachmentKind(f Finding) Kind {
	if f.Kind == pdfsign.KindRevChangesAttach {
		switch f.Name {
		case AttachmentName:
			return KindRevReplacesAudit
		case FindingsAttachmentName:
			return KindRevReplacesFindings
		}
	}
	return f.Kind
}

// checkFindingsData checks the signed findings.json, when the report has
// one (reports made before it was attached do not), against the signed
// audit.json: same audit, revision and content hash, and every finding,
// non-conformity and evidence mark it carries as the audit records it. A
// findings file that says something else would let a certification
// body's system load findings the inspector did not sign off. It returns
// false after a problem.
func (v *Verification) checkFindingsData(files map[string][]byte, a *audit.Audit) bool {
	data, ok := files[FindingsAttachmentName]
	if !ok {
		return true
	}
	var d FindingsData
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		v.problem(Finding{Kind: KindFindingsBad, Detail: err.Error()})
		return false
	}
	if d.Format != FindingsFormat || d.Version != FindingsVersion {
		v.problem(Finding{Kind: KindFindingsBad, Detail: fmt.Sprintf("format %q version %d", d.Format, d.Version)})
		return false
	}
	if name := findingsMismatch(&d, a); name != "" {
		v.problem(Finding{Kind: KindFindingsMismatch, Name: name})
		return false
	}
	return true
}

// findingsMismatch returns the first thing d says otherwise than a (a
// requirement id or an audit field), "" when they agree. Titles, chapters
// and applicability come from the catalog, which verify does not have;
// everything the inspector recorded is compared.
func findingsMismatch(d *FindingsData, a *audit.Audit) string {
	switch {
	case d.Audit.ID != a.ID:
		return "audit.id"
	case d.Audit.Revision != a.Revision:
		return "audit.revision"
	case d.Audit.Status != string(a.Status):
		return "audit.status"
	case d.Audit.ContentHash != a.ContentHash:
		return "audit.content_hash"
	case d.Catalog.ID != a.Catalog.ID || d.Catalog.Version != a.Catalog.Version || d.Catalog.SHA256 != a.Catalog.SHA256:
		return "catalog"
	}
	seen := map[string]bool{}
	for _, f := range d.Findings {
		if seen[f.Requirement] {
			return f.Requirement
		}
		seen[f.Requirement] = true
		rec := a.Findings[f.Requirement]
		if rec == nil {
			rec = &audit.Finding{}
		}
		due := ""
		if f.DueDate != nil {
			due = *f.DueDate
		}
		if f.Verdict != dataVerdict(a.VerdictOf(f.Requirement)) || f.Notes != rec.Notes || f.Justification != rec.Justification ||
			f.CorrectiveAction != rec.CorrectiveAction || !slices.Equal(f.Evidence, nonNil(rec.Evidence)) || due != a.DueDate(f.Requirement) {
			return f.Requirement
		}
	}
	for _, nc := range d.NonConformities {
		if string(a.VerdictOf(nc.Requirement)) != nc.Severity {
			return nc.Requirement
		}
	}
	for _, ev := range d.Evidence {
		rec, ok := a.EvidenceBySHA(ev.SHA256)
		if !ok || ev.Name != rec.Name || ev.Caption != rec.Caption {
			return "evidence " + ev.SHA256
		}
		for _, f := range ev.Flags {
			if f.Justification != rec.Justifications[f.Kind] {
				return "evidence " + ev.SHA256
			}
		}
	}
	// A report made before the previous audit's corrective actions were
	// part of the data has no such key: absent says nothing false. A
	// present one must be exactly what the signed audit derives, present
	// only when the audit has a previous block.
	if got := d.PreviousCorrectiveActions; got != nil {
		want := previousCARecords(a)
		if want == nil || len(got) != len(want) {
			return "previous_corrective_actions"
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				return "previous_corrective_actions " + got[i].Requirement
			}
		}
	}
	return ""
}

// pdfShape returns the problem with the file as a whole (empty, not a
// PDF, cut short), or "". PDF readers accept the header within the first
// 1024 bytes and the %%EOF marker within the last 1024.
func pdfShape(pdf []byte) Kind {
	switch {
	case len(bytes.TrimSpace(pdf)) == 0:
		return KindFileEmpty
	case !bytes.Contains(pdf[:min(len(pdf), 1024)], []byte("%PDF-")):
		return KindFileNotPDF
	case !bytes.Contains(pdf[max(0, len(pdf)-1024):], []byte("%%EOF")):
		return KindFileTruncated
	}
	return ""
}

// Fingerprint is a certificate's SHA-256 as colon-separated upper-case hex,
// the form openssl and certificate viewers show.
func Fingerprint(c *x509.Certificate) string {
	sum := sha256.Sum256(c.Raw)
	var b strings.Builder
	for i, x := range sum {
		if i > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%02X", x)
	}
	return b.String()
}

// SignerRecord is what a finalized audit records about the certificate
// that will sign its reports.
func SignerRecord(c *x509.Certificate) *audit.Signer {
	if c == nil {
		return nil
	}
	return &audit.Signer{Subject: pdfsign.DistinguishedName(c.RawSubject), Fingerprint: Fingerprint(c)}
}

// SignerMismatchError is returned by Export when the signing key's
// certificate is not the one the finalized audit records: the report
// would not verify as the inspector's.
type SignerMismatchError struct {
	Recorded audit.Signer
	Got      audit.Signer
}

// Error names both certificates.
func (e *SignerMismatchError) Error() string {
	return fmt.Sprintf("the audit was finalized for the certificate %s (SHA-256 %s), not for this signing key's %s (SHA-256 %s)",
		e.Recorded.Subject, e.Recorded.Fingerprint, e.Got.Subject, e.Got.Fingerprint)
}

// ErrSignerMismatch matches any *SignerMismatchError with errors.Is.
var ErrSignerMismatch = errors.New("signing certificate differs from the finalized record")

// Is makes errors.Is(err, ErrSignerMismatch) true.
func (e *SignerMismatchError) Is(target error) bool { return target == ErrSignerMismatch }

// SignerFromCert describes a signing certificate for the signature page.
func SignerFromCert(name string, c *x509.Certificate) *SignerInfo {
	if c == nil {
		return nil
	}
	if name == "" {
		name = c.Subject.CommonName
	}
	return &SignerInfo{Name: name, Subject: pdfsign.DistinguishedName(c.RawSubject), Issuer: pdfsign.DistinguishedName(c.RawIssuer), Fingerprint: Fingerprint(c)}
}

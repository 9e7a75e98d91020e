package report

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
)

// Verification is what Verify found about a report file, in words a
// certification body can act on.
type Verification struct {
	// Valid: signed, the signature covers the whole file and verifies, and
	// the attached audit data matches its content hash.
	Valid bool `json:"valid"`
	// Problems says what is wrong, most important first; empty when Valid.
	Problems []string `json:"problems"`
	// Summary is one sentence: "valid, unchanged since signed by ..." or the
	// first problem.
	Summary string `json:"summary"`

	Signed          bool      `json:"signed"`
	Signer          string    `json:"signer,omitempty"` // certificate subject
	Issuer          string    `json:"issuer,omitempty"`
	Fingerprint     string    `json:"fingerprint_sha256,omitempty"`
	SigningTime     time.Time `json:"signing_time,omitzero"`
	CoversWholeFile bool      `json:"covers_whole_file"`

	AuditID     string `json:"audit_id,omitempty"`
	Revision    int    `json:"revision,omitempty"`
	ASMO        string `json:"asmo,omitempty"`
	Status      string `json:"status,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`

	// TrustCheck is how the signer's identity was checked: TrustCA,
	// TrustFingerprint or TrustNone.
	TrustCheck string `json:"trust_check"`
	// Trusted is nil when no check was asked, else whether the signer
	// passed it; a failed check is also a Problem.
	Trusted *bool `json:"trusted"`
	// TrustNote is one sentence on the signer's identity: trusted and why,
	// or not checked and how to; empty when a Problem says it.
	TrustNote string `json:"trust_note,omitempty"`
}

func (v *Verification) problem(s string) {
	for _, p := range v.Problems {
		if p == s {
			return
		}
	}
	v.Problems = append(v.Problems, s)
}

// Verify checks a report file offline: the PDF signature (pdfsign.Verify)
// and the audit data attached as audit.json, whose content hash is
// recomputed. It never fails: everything wrong is a Problem. Whether the
// signer is trusted is not checked (see VerifyTrusted).
func Verify(pdf []byte) *Verification {
	return VerifyTrusted(pdf, Trust{})
}

// VerifyTrusted is Verify plus a check of the signer against t: a signer
// the certification body does not trust makes the report not valid.
func VerifyTrusted(pdf []byte, t Trust) *Verification {
	m := msg
	v := &Verification{Problems: []string{}}
	res, ok := v.checkSignature(pdf)
	if ok {
		v.checkAuditData(pdf)
	}
	v.checkTrust(res, t)
	v.Valid = v.Signed && len(v.Problems) == 0
	if v.Valid {
		v.Summary = fmt.Sprintf(m.VerifyValidFmt, v.Signer, v.Fingerprint, v.SigningTime.Format(time.RFC3339))
	} else {
		v.Summary = v.Problems[0]
	}
	return v
}

// checkSignature checks the PDF signature and returns pdfsign's result (nil
// when there is none); ok is false when the file is not a PDF at all.
func (v *Verification) checkSignature(pdf []byte) (res *pdfsign.Result, ok bool) {
	m := msg
	// Say plainly what kind of file this is before the signature and
	// attachment parsers give their technical reasons.
	shape := pdfShape(pdf)
	switch shape {
	case m.FileEmpty, m.FileNotPDF:
		v.problem(shape)
		return nil, false
	case m.FileTruncated:
		v.problem(shape)
	}
	res, err := pdfsign.Verify(pdf)
	if err != nil {
		res = nil
	}
	switch {
	case errors.Is(err, pdfsign.ErrNotSigned):
		// A signature is appended last: a file cut short has lost it,
		// which does not make it a draft.
		if shape != m.FileTruncated {
			v.problem(m.NoSignature)
		}
	case err != nil:
		v.problem(fmt.Sprintf(m.SignatureErrorFmt, err))
	default:
		v.Signed = true
		v.CoversWholeFile = res.CoversWholeFile
		v.SigningTime = res.SigningTime
		if res.Signer != nil {
			v.Signer = res.Signer.Subject.String()
			v.Issuer = res.Signer.Issuer.String()
			v.Fingerprint = Fingerprint(res.Signer)
		}
		// Lead with the plain-words verdict, then pdfsign's detail.
		for _, p := range res.Problems {
			switch {
			case strings.Contains(p, "digest mismatch"):
				v.problem(m.ChangedAfterSign)
			case strings.Contains(p, "does not verify"):
				v.problem(m.BadSignature)
			}
		}
		if !res.CoversWholeFile {
			v.problem(m.NotWholeFile)
		}
		for _, p := range res.Problems {
			v.problem(p)
		}
		if !res.Valid && len(res.Problems) == 0 {
			v.problem(m.BadSignature)
		}
	}
	return res, true
}

// checkAuditData reads the attached audit.json and checks its content hash.
func (v *Verification) checkAuditData(pdf []byte) {
	m := msg
	files, err := pdfsign.Attachments(pdf)
	if err != nil {
		if strings.Contains(err.Error(), "no attachments") {
			// pdfcpu's word for a PDF without embedded files.
			v.problem(m.NoAuditData)
			return
		}
		v.problem(fmt.Sprintf(m.AuditDataBadFmt, err))
		return
	}
	data, ok := files[AttachmentName]
	if !ok {
		v.problem(m.NoAuditData)
		return
	}
	a, err := audit.DecodeAudit(data)
	if err != nil {
		v.problem(fmt.Sprintf(m.AuditDataBadFmt, err))
		return
	}
	v.AuditID, v.Revision, v.ASMO = a.ID, a.Revision, a.Header.ASMO
	v.Status, v.ContentHash = string(a.Status), a.ContentHash
	if a.Status != audit.Finalized {
		if v.Signed {
			v.problem(m.AuditNotFinalized)
		}
		return
	}
	if a.ContentHash == "" {
		v.problem(m.HashMissing)
		return
	}
	h, err := audit.ContentHash(a)
	if err != nil || h != a.ContentHash {
		v.problem(m.HashMismatch)
	}
}

// pdfShape returns the problem with the file as a whole (empty, not a
// PDF, cut short), or "". PDF readers accept the header within the first
// 1024 bytes and the %%EOF marker within the last 1024.
func pdfShape(pdf []byte) string {
	switch {
	case len(bytes.TrimSpace(pdf)) == 0:
		return msg.FileEmpty
	case !bytes.Contains(pdf[:min(len(pdf), 1024)], []byte("%PDF-")):
		return msg.FileNotPDF
	case !bytes.Contains(pdf[max(0, len(pdf)-1024):], []byte("%%EOF")):
		return msg.FileTruncated
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

// SignerFromCert describes a signing certificate for the signature page.
func SignerFromCert(name string, c *x509.Certificate) *SignerInfo {
	if c == nil {
		return nil
	}
	if name == "" {
		name = c.Subject.CommonName
	}
	return &SignerInfo{Name: name, Subject: c.Subject.String(), Issuer: c.Issuer.String(), Fingerprint: Fingerprint(c)}
}

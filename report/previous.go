package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// Starting next year's audit from last year's: from an audit in the home,
// or from the signed report the certification body holds, which must
// verify exactly as 'assay verify' says before its attached audit data is
// trusted as the previous audit.

// Origin is a previous audit, read and checked, with where it came from:
// what audit.NewFrom needs besides this year's choices.
type Origin struct {
	// Audit is the previous audit (finalized, its content hash checked).
	Audit *audit.Audit
	// Source, ReportID, File and Signer go into the new audit's previous
	// block; PrevCatalog is the previous audit's very catalog when it is
	// installed (nil otherwise).
	Source      audit.PreviousSource
	ReportID    string
	File        string
	Signer      *audit.Signer
	PrevCatalog *standards.Catalog
	// Verification is the report's, for FromReport (its notes say how the
	// signer was checked).
	Verification *Verification
}

// CarryOptions fills in the options of audit.NewFrom that come from the
// origin; the caller adds this year's type, catalog, dates and config.
func (o *Origin) CarryOptions() audit.CarryOptions {
	return audit.CarryOptions{Source: o.Source, ReportID: o.ReportID, File: o.File, Signer: o.Signer, PrevCatalog: o.PrevCatalog}
}

// NotVerifiedError refuses a report that does not verify: its attached
// audit cannot be trusted as the previous audit. Verification says why
// (Problems), as 'assay verify' would.
type NotVerifiedError struct {
	File         string
	Verification *Verification
}

// Error names the file and the problems' kinds, for programmers; surfaces
// word Verification.Problems.
func (e *NotVerifiedError) Error() string {
	kinds := make([]string, len(e.Verification.Problems))
	for i, p := range e.Verification.Problems {
		kinds[i] = string(p.Kind)
	}
	return fmt.Sprintf("%s: the report does not verify: %s", e.File, strings.Join(kinds, ", "))
}

// IsReportPath reports whether --from names a report file rather than an
// audit id: an existing file, or a name ending in .pdf.
func IsReportPath(from string) bool {
	if st, err := os.Stat(from); err == nil && !st.IsDir() {
		return true
	}
	return strings.EqualFold(filepath.Ext(from), ".pdf")
}

// OpenPrevious reads the previous audit that from names: a report file
// (see IsReportPath), verified with trust t, or the id of an audit in s.
// An audit from the home must be finalized; a report must verify (else a
// *NotVerifiedError).
func OpenPrevious(s *audit.Store, cats *standards.Set, from string, t Trust) (*Origin, error) {
	if IsReportPath(from) {
		data, err := safefile.ReadFile(from, safefile.LimitPDF)
		if err != nil {
			return nil, err // names the file
		}
		return PreviousFromReport(data, filepath.Base(from), cats, t)
	}
	a, err := s.Load(from)
	if err != nil {
		return nil, err
	}
	if a.Status != audit.Finalized {
		return nil, audit.ErrPreviousNotFinalized
	}
	return &Origin{Audit: a, Source: audit.FromHome, ReportID: ReportID(a), Signer: a.Signer, PrevCatalog: cats.Exact(a.Catalog)}, nil
}

// PreviousFromReport verifies a signed report (pdf, read from file) with
// trust t and returns the audit data it carries, as the inspector signed
// it, as the previous audit. A report that does not verify is refused with
// a *NotVerifiedError.
func PreviousFromReport(pdf []byte, file string, cats *standards.Set, t Trust) (*Origin, error) {
	v := VerifyTrusted(pdf, t)
	if !v.Valid {
		return nil, &NotVerifiedError{File: file, Verification: v}
	}
	a, err := signedAudit(pdf, v)
	if err != nil {
		return nil, err
	}
	o := &Origin{Audit: a, Source: audit.FromReport, ReportID: ReportID(a), File: file, Verification: v,
		Signer: &audit.Signer{Subject: v.Signer, Fingerprint: v.Fingerprint}}
	o.PrevCatalog = cats.Exact(a.Catalog)
	return o, nil
}

// signedAudit reads the audit data attached in the signed revision, the
// same bytes Verify checked.
func signedAudit(pdf []byte, v *Verification) (*audit.Audit, error) {
	signed := pdf
	if res := v.res; res != nil && res.Inspector != nil {
		if end := res.SignedBytes[1][1]; end > 0 && end <= int64(len(pdf)) {
			signed = pdf[:end]
		}
	}
	files, err := pdfsign.Attachments(signed)
	if err != nil {
		return nil, err
	}
	data, ok := files[AttachmentName]
	if !ok {
		return nil, fs.ErrNotExist
	}
	a, err := audit.DecodeAudit(data)
	if err != nil {
		return nil, err
	}
	if a.ContentHash != v.ContentHash {
		return nil, errors.New("report: the attached audit data is not the one verified")
	}
	return a, nil
}

// ProblemClass groups verify's problem kinds into the few things a person
// starting next year's audit needs to hear: why this report cannot be
// trusted, in one phrase ('assay verify' gives every reason). The values
// are stable codes each surface words.
type ProblemClass string

// Problem classes.
const (
	ClassNotReport   ProblemClass = "not-a-report"          // empty, not a PDF, cut short, unreadable
	ClassUnsigned    ProblemClass = "unsigned"              // no signature: a draft or another PDF
	ClassChanged     ProblemClass = "changed-after-signing" // a revision after signing changes it
	ClassSignature   ProblemClass = "signature-invalid"     // the signature does not hold
	ClassAuditData   ProblemClass = "audit-data"            // the attached audit is missing, altered or not final
	ClassCertificate ProblemClass = "certificate"           // the signer's certificate cannot sign, or not then
	ClassTrust       ProblemClass = "not-trusted"           // the certification body's pins refuse the signer
)

// ProblemClasses lists every class, so a surface's tests can check that
// it words each one.
var ProblemClasses = []ProblemClass{ClassNotReport, ClassUnsigned, ClassChanged, ClassSignature, ClassAuditData, ClassCertificate, ClassTrust}

// Class is the class of one problem kind.
func Class(k Kind) ProblemClass {
	switch k {
	case KindFileEmpty, KindFileNotPDF, KindFileTruncated, pdfsign.KindStructure, pdfsign.KindTruncated:
		return ClassNotReport
	case KindNoSignature:
		return ClassUnsigned
	case KindNoAuditData, KindAuditDataBad, KindHashMissing, KindHashMismatch, KindNotFinalized, KindSignerNotBound, KindRevReplacesAudit,
		KindFindingsBad, KindFindingsMismatch:
		return ClassAuditData
	case KindKeyUsage, KindEKU, KindCertExpired, KindCertNotYet:
		return ClassCertificate
	case KindUntrustedCA, KindFingerprint, KindSignerName:
		return ClassTrust
	case pdfsign.KindSigDamaged, pdfsign.KindSigUnsupported, pdfsign.KindSigInvalid, pdfsign.KindCertNotSigned,
		pdfsign.KindCertUnbound, pdfsign.KindSigUnreferenced, pdfsign.KindTimestampBad, pdfsign.KindCertification:
		return ClassSignature
	}
	return ClassChanged
}

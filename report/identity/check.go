package identity

import (
	"crypto/x509"
	"encoding/asn1"
	"time"
)

// Why a certificate cannot sign reports (CertProblem.Reason).
const (
	CertExpired     = "expired"
	CertNotYetValid = "not_yet_valid"
	CertNoDigSig    = "no_digital_signature" // key usage lacks digitalSignature
	CertEKU         = "ext_key_usage"        // extended key usage forbids document signing
)

// CertProblem says why a certificate is refused as a signing certificate.
// Surfaces word it from Reason and the dates.
type CertProblem struct {
	Reason    string
	NotBefore time.Time
	NotAfter  time.Time
	At        time.Time // the time validity was judged at
}

// Error gives the reason code (surfaces word it from the fields).
func (p *CertProblem) Error() string {
	return "certificate unusable for signing: " + p.Reason
}

// Extended key usages that allow signing documents, besides "any" and
// e-mail protection: RFC 9336 documentSigning, Microsoft document signing
// and Adobe's Authentic Documents.
var (
	oidEKUDocumentSigning   = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}
	oidEKUMSDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 10, 3, 12}
	oidEKUAdobeAuthentic    = asn1.ObjectIdentifier{1, 2, 840, 113583, 1, 1, 5}
)

// KeyUsageAllowsSigning reports whether c's key usage allows a document
// signature: digitalSignature or nonRepudiation (contentCommitment). A
// certificate without the key usage extension does not say it may sign, so
// it is refused too.
func KeyUsageAllowsSigning(c *x509.Certificate) bool {
	return c.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) != 0
}

// EKUAllowsSigning reports whether c's extended key usage, if it has one,
// allows signing documents (any, e-mail protection, document signing).
func EKUAllowsSigning(c *x509.Certificate) bool {
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return true
	}
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageAny || u == x509.ExtKeyUsageEmailProtection {
			return true
		}
	}
	for _, o := range c.UnknownExtKeyUsage {
		if o.Equal(oidEKUDocumentSigning) || o.Equal(oidEKUMSDocumentSigning) || o.Equal(oidEKUAdobeAuthentic) {
			return true
		}
	}
	return false
}

// CheckSigningCert refuses a certificate that cannot sign reports at t:
// not valid then, without digitalSignature in its key usage, or with an
// extended key usage that excludes document signing. keys import uses it
// so an inspector learns now, not when the certification body's verify
// refuses the report.
func CheckSigningCert(c *x509.Certificate, t time.Time) error {
	p := &CertProblem{NotBefore: c.NotBefore, NotAfter: c.NotAfter, At: t}
	switch {
	case t.After(c.NotAfter):
		p.Reason = CertExpired
	case t.Before(c.NotBefore):
		p.Reason = CertNotYetValid
	case c.KeyUsage&x509.KeyUsageDigitalSignature == 0:
		p.Reason = CertNoDigSig
	case !EKUAllowsSigning(c):
		p.Reason = CertEKU
	default:
		return nil
	}
	return p
}

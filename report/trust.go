package report

import (
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"

	"github.com/assay-dev/assay/standards/safefile"
)

// Trust is the certification body's policy for accepting a report's
// signer. The zero Trust checks only what every report must pass (key
// usage, validity at a trusted time); Roots, Fingerprint and Signer pin
// whom it accepts.
type Trust struct {
	// Roots are trusted root CA certificates: the signer must chain to one;
	// RootsFile names where they came from.
	Roots     *x509.CertPool
	RootsFile string
	// Fingerprint is the expected SHA-256 of the signer's certificate (the
	// CMS signer itself), any case, with or without colons or spaces.
	Fingerprint string
	// Signer, when set, must be the certificate's common name or one of its
	// e-mail addresses (case and spacing aside).
	Signer string
	// TSARoots are roots trusted for time-stamping authorities, besides
	// Roots and the system's roots.
	TSARoots *x509.CertPool
	// Now is the time of verification; zero means time.Now().
	Now time.Time
	// NoSystemRoots leaves the system's roots out of TSA trust (tests).
	NoSystemRoots bool
}

// readTrustFile reads a certificate file the user named. One function, so a
// safer reader (regular files only, size cap) replaces it in one line.
func readTrustFile(path string) ([]byte, error) { return safefile.ReadFile(path, safefile.LimitCert) }

// LoadRoots reads the root CA certificates in path: PEM, or one DER
// certificate. Errors name the file; a file without certificates is one.
func LoadRoots(path string) (*x509.CertPool, error) {
	data, err := readTrustFile(path)
	if err != nil {
		return nil, err // *PathError or *safefile.Error names the file
	}
	pool := x509.NewCertPool()
	n := 0
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue // keys or CSRs in the same file are not roots
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, &RootsError{Path: path, Cert: n + 1, Err: err}
		}
		pool.AddCert(c)
		n++
	}
	if n == 0 {
		// Windows and some CAs hand out .cer files in DER.
		if c, err := x509.ParseCertificate(data); err == nil {
			pool.AddCert(c)
			n++
		}
	}
	if n == 0 {
		return nil, &RootsError{Path: path}
	}
	return pool, nil
}

// RootsError is a file of root certificates that cannot be used: none in
// it (Cert 0), or certificate number Cert cannot be parsed (Err says why).
// The command line words it.
type RootsError struct {
	Path string
	Cert int
	Err  error
}

// Error describes the problem for programmers and logs.
func (e *RootsError) Error() string {
	if e.Cert == 0 {
		return e.Path + ": no certificates found (expected root CA certificates in PEM or DER)"
	}
	return fmt.Sprintf("%s: certificate %d cannot be read: %v", e.Path, e.Cert, e.Err)
}

// Unwrap gives the parser's error.
func (e *RootsError) Unwrap() error { return e.Err }

// FingerprintError is text that is not a SHA-256 fingerprint (64 hex
// digits, colons and spaces aside). The command line words it.
type FingerprintError struct {
	Given string
}

// Error describes the problem for programmers and logs.
func (e *FingerprintError) Error() string {
	return fmt.Sprintf("%q is not a SHA-256 fingerprint (64 hex digits)", e.Given)
}

// ParseFingerprint reads a SHA-256 fingerprint as people copy it (any case,
// colons or spaces between bytes) and returns it in Fingerprint's form.
func ParseFingerprint(s string) (string, error) {
	h := strings.Map(func(r rune) rune {
		if r == ':' || r == ' ' || r == '\t' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 32 {
		return "", &FingerprintError{Given: s}
	}
	var out strings.Builder
	for i, x := range b {
		if i > 0 {
			out.WriteByte(':')
		}
		fmt.Fprintf(&out, "%02X", x)
	}
	return out.String(), nil
}

// checkTrust applies t to the inspector's signature: the certificate may
// sign documents, was valid at a trusted time (a time-stamp, never the
// signer's own /M; else now), and passes the pins t asks for.
func (v *Verification) checkTrust(res *pdfsign.Result, t Trust) {
	switch {
	case t.Roots != nil:
		v.TrustCheck = TrustCA
	case t.Fingerprint != "":
		v.TrustCheck = TrustFingerprint
	default:
		v.TrustCheck = TrustNone
	}
	v.SignerPinned = t.Signer != ""
	asked := v.TrustCheck != TrustNone || v.SignerPinned
	trusted := false
	if asked {
		v.Trusted = &trusted
	}
	if res == nil || res.Signer == nil {
		return
	}
	leaf := res.Signer
	before := len(v.Problems)

	at := v.trustedTime(res, t)
	if !identity.KeyUsageAllowsSigning(leaf) {
		v.problem(Finding{Kind: KindKeyUsage, Subject: v.Signer})
	}
	if !identity.EKUAllowsSigning(leaf) {
		v.problem(Finding{Kind: KindEKU, Subject: v.Signer})
	}
	basis := "now"
	if !v.TrustedTime.IsZero() {
		basis = "timestamp"
	}
	switch {
	case at.After(leaf.NotAfter):
		v.problem(Finding{Kind: KindCertExpired, Time: at, Until: leaf.NotAfter, Detail: basis, Subject: v.Signer})
	case at.Before(leaf.NotBefore):
		v.problem(Finding{Kind: KindCertNotYet, Time: at, Until: leaf.NotBefore, Detail: basis, Subject: v.Signer})
	}

	switch v.TrustCheck {
	case TrustCA:
		// The CMS carries the intermediates; the roots come only from
		// the certification body, so an embedded root proves nothing.
		inter := x509.NewCertPool()
		for _, c := range res.Chain[1:] {
			inter.AddCert(c)
		}
		_, err := leaf.Verify(x509.VerifyOptions{
			Roots: t.Roots, Intermediates: inter, CurrentTime: at,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
		})
		if err != nil {
			v.problem(Finding{Kind: KindUntrustedCA, File: t.RootsFile, Detail: strings.TrimPrefix(err.Error(), "x509: "), Subject: v.Signer})
		} else {
			v.note(Finding{Kind: NoteTrustedCA, File: t.RootsFile})
		}
	case TrustFingerprint:
		want, err := ParseFingerprint(t.Fingerprint)
		if err != nil {
			want = t.Fingerprint // nothing can match it; show it as given
		}
		if got := Fingerprint(leaf); got != want {
			v.problem(Finding{Kind: KindFingerprint, Got: got, Want: want, Subject: v.Signer})
		} else {
			v.note(Finding{Kind: NoteTrustedFingerprint})
		}
	default:
		v.note(Finding{Kind: NoteTrustNotChecked})
	}
	if v.SignerPinned {
		if signerMatches(leaf, t.Signer) {
			v.note(Finding{Kind: NoteSignerName, Want: t.Signer})
		} else {
			v.problem(Finding{Kind: KindSignerName, Want: t.Signer, Subject: v.Signer})
		}
	}
	trusted = asked && len(v.Problems) == before
}

// trustedTime collects the verified time-stamps, marks those whose TSA is
// trusted, and returns the time the certificate's validity is judged at:
// the earliest trusted time-stamp, else t.Now.
func (v *Verification) trustedTime(res *pdfsign.Result, t Trust) time.Time {
	type stamp struct {
		kind string
		ts   *pdfsign.Timestamp
	}
	var stamps []stamp
	if res.SignatureTimestamp != nil {
		stamps = append(stamps, stamp{"signature", res.SignatureTimestamp})
	}
	for _, ts := range res.DocumentTimestamps {
		stamps = append(stamps, stamp{"document", ts})
	}
	var pools []*x509.CertPool
	for _, p := range []*x509.CertPool{t.TSARoots, t.Roots} {
		if p != nil {
			pools = append(pools, p)
		}
	}
	if len(stamps) > 0 && !t.NoSystemRoots {
		if sys, err := x509.SystemCertPool(); err == nil {
			pools = append(pools, sys)
		}
	}
	for _, s := range stamps {
		trusted := false
		inter := x509.NewCertPool()
		for _, c := range s.ts.TSAChain[1:] {
			inter.AddCert(c)
		}
		for _, p := range pools {
			_, err := s.ts.TSA.Verify(x509.VerifyOptions{Roots: p, Intermediates: inter, CurrentTime: s.ts.Time,
				KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping}})
			if err == nil {
				trusted = true
				break
			}
		}
		tsa := pdfsign.DistinguishedName(s.ts.TSA.RawSubject)
		v.Timestamps = append(v.Timestamps, Timestamp{Kind: s.kind, Time: s.ts.Time, TSA: tsa, Trusted: trusted})
		detail := "untrusted"
		if trusted {
			detail = "trusted"
			if v.TrustedTime.IsZero() || s.ts.Time.Before(v.TrustedTime) {
				v.TrustedTime = s.ts.Time
			}
		}
		v.note(Finding{Kind: NoteTimestamp, Name: s.kind, Time: s.ts.Time, Subject: tsa, Detail: detail})
	}
	if v.TrustedTime.IsZero() {
		v.note(Finding{Kind: NoteValidityNow, Time: t.Now})
		return t.Now
	}
	for _, ts := range v.Timestamps {
		if ts.Trusted && ts.Time.Equal(v.TrustedTime) {
			v.note(Finding{Kind: NoteValidityAt, Time: ts.Time, Subject: ts.TSA})
			break
		}
	}
	return v.TrustedTime
}

// signerMatches reports whether want names the certificate: its common
// name, or one of its e-mail addresses (subject E= or alternative name).
func signerMatches(c *x509.Certificate, want string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	w := norm(want)
	if w == "" {
		return false
	}
	if norm(c.Subject.CommonName) == w {
		return true
	}
	emails := append([]string(nil), c.EmailAddresses...)
	for _, n := range c.Subject.Names {
		if n.Type.String() == "1.2.840.113549.1.9.1" {
			if s, ok := n.Value.(string); ok {
				emails = append(emails, s)
			}
		}
	}
	for _, e := range emails {
		if norm(e) == w {
			return true
		}
	}
	return false
}

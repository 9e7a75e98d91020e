package report

import (
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/report/pdfsign"

	"github.com/assay-dev/assay/standards/safefile"
)

// The ways Verification.TrustCheck says the signer's identity was checked.
const (
	TrustCA          = "ca"
	TrustFingerprint = "fingerprint"
	TrustNone        = "none"
)

// Trust is whom a certification body accepts as the signer of a report. Set
// Roots (a CA that issued the inspector's certificate) or Fingerprint (a
// self-signed inspector key it recorded); the zero Trust checks nothing.
type Trust struct {
	// Roots are trusted root CA certificates; RootsFile names where they
	// came from, for the problem shown when the signer does not chain.
	Roots     *x509.CertPool
	RootsFile string
	// Fingerprint is the expected SHA-256 of the signer's certificate, in
	// any case, with or without colons or spaces.
	Fingerprint string
}

// LoadRoots reads the root CA certificates in path: PEM, or one DER
// certificate. Errors name the file; a file without certificates is one.
func LoadRoots(path string) (*x509.CertPool, error) {
	data, err := safefile.ReadFile(path, safefile.LimitCert)
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
			return nil, fmt.Errorf(msg.RootsBadFmt, path, n+1, err)
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
		return nil, fmt.Errorf(msg.RootsEmptyFmt, path)
	}
	return pool, nil
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
		return "", fmt.Errorf(msg.BadFingerprintFmt, s)
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

// checkTrust compares the signer of res with t and records the outcome. A
// file without a signer is untrusted, but its problems already say why.
func (v *Verification) checkTrust(res *pdfsign.Result, t Trust) {
	m := msg
	switch {
	case t.Roots != nil:
		v.TrustCheck = TrustCA
	case t.Fingerprint != "":
		v.TrustCheck = TrustFingerprint
	default:
		v.TrustCheck = TrustNone
		if res != nil && res.Signer != nil {
			v.TrustNote = m.TrustNotChecked
		}
		return
	}
	trusted := false
	v.Trusted = &trusted
	if res == nil || res.Signer == nil {
		return
	}
	if t.Roots != nil {
		// The CMS carries the intermediates; the roots come only from
		// the certification body, so an embedded root proves nothing.
		inter := x509.NewCertPool()
		for _, c := range res.Chain {
			if c != res.Signer {
				inter.AddCert(c)
			}
		}
		_, err := res.Signer.Verify(x509.VerifyOptions{
			Roots: t.Roots, Intermediates: inter, CurrentTime: res.SigningTime,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
		})
		if err != nil {
			v.problem(fmt.Sprintf(m.UntrustedCAFmt, t.RootsFile, strings.TrimPrefix(err.Error(), "x509: ")))
			return
		}
		trusted = true
		v.TrustNote = fmt.Sprintf(m.TrustCAFmt, t.RootsFile)
		return
	}
	want, err := ParseFingerprint(t.Fingerprint)
	if err != nil {
		want = t.Fingerprint // nothing can match it; show it as given
	}
	got := Fingerprint(res.Signer)
	if got != want {
		v.problem(fmt.Sprintf(m.FingerprintDiffFmt, got, want))
		return
	}
	trusted = true
	v.TrustNote = m.TrustFingerprint
}

package pdfsigntest

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"testing"

	"github.com/digitorus/pkcs7"

	"github.com/assay-dev/assay/report/pdfsign"
)

// CMSAttacks replace the inspector's CMS in place with one crafted over
// the very bytes the /ByteRange names, so every signed byte stays as it
// was and only the signature container differs: a key that is not the
// inspector's (with a signing-certificate attribute naming it, as a
// careful forger adds), a signer identifier naming another certificate,
// two signers, SHA-1, and a time-stamp token made for other data.
// inspector's key is used where the attack needs a valid signature value
// (malware on the inspector's laptop, or a test of the container rules).
// Want holds the kinds pdfsign itself reports; WantReport (for the ones
// only the signed audit's record can tell) is the report-level kind.
func CMSAttacks(t testing.TB, pdf []byte, inspector, attacker, colleague Signer, otherToken []byte) []Attack {
	t.Helper()
	k := NewKit(t, pdf)
	a, b, _, _ := k.SigGap(t)
	content := append(append([]byte(nil), pdf[:a]...), pdf[b:]...)
	put := func(der []byte) []byte {
		h := hex.EncodeToString(der)
		if len(h) > b-a-2 {
			t.Fatalf("CMS of %d bytes does not fit the %d-digit /Contents", len(der), b-a-2)
		}
		out := append([]byte(nil), pdf...)
		copy(out[a+1:], h)
		for i := a + 1 + len(h); i < b-1; i++ {
			out[i] = '0'
		}
		return out
	}
	type signer struct {
		s     Signer
		cert  *x509.Certificate // the certificate the signer identifier names
		extra []*x509.Certificate
		cfg   pkcs7.SignerInfoConfig
	}
	build := func(digest asn1.ObjectIdentifier, signers ...signer) []byte {
		sd, err := pkcs7.NewSignedData(content)
		if err != nil {
			t.Fatal(err)
		}
		sd.SetDigestAlgorithm(digest)
		for _, s := range signers {
			cfg := s.cfg
			cfg.ExtraSignedAttributes = append(cfg.ExtraSignedAttributes, essV2(t, s.cert))
			if err := sd.AddSigner(s.cert, s.s.Key, cfg); err != nil {
				t.Fatal(err)
			}
			for _, c := range s.extra {
				sd.AddCertificate(c)
			}
		}
		sd.Detach()
		der, err := sd.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return der
	}
	var out []Attack
	add := func(name string, data []byte, want ...pdfsign.Kind) {
		out = append(out, Attack{Name: name, Class: "CMS", PDF: data, Want: want})
	}
	sha256OID := pkcs7.OIDDigestAlgorithmSHA256
	// Valid containers by another key: only the signer binding (the
	// signed audit's record, --fingerprint, --ca) can refuse them.
	add("cms-attacker-key-in-place", put(build(sha256OID, signer{s: attacker, cert: attacker.Cert})), WantSignerNotRecorded)
	add("cms-colleague-key-in-place", put(build(sha256OID, signer{s: colleague, cert: colleague.Cert})), WantSignerNotRecorded)
	// The signer identifier names the colleague's certificate; the
	// inspector's is in the set and made the signature.
	add("cms-sid-names-other-certificate", put(build(sha256OID, signer{s: inspector, cert: colleague.Cert, extra: []*x509.Certificate{inspector.Cert}})),
		pdfsign.KindSigInvalid, pdfsign.KindSigDamaged, pdfsign.KindCertNotSigned)
	add("cms-two-signer-infos", put(build(sha256OID, signer{s: inspector, cert: inspector.Cert}, signer{s: attacker, cert: attacker.Cert})),
		pdfsign.KindSigDamaged)
	add("cms-sha1-digest", put(build(pkcs7.OIDDigestAlgorithmSHA1, signer{s: inspector, cert: inspector.Cert})),
		pdfsign.KindSigUnsupported, pdfsign.KindSigDamaged)
	add("cms-content-type-signed-data", put(build(sha256OID, signer{s: inspector, cert: inspector.Cert, cfg: pkcs7.SignerInfoConfig{
		ExtraSignedAttributes: []pkcs7.Attribute{{Type: pkcs7.OIDAttributeContentType, Value: pkcs7.OIDSignedData}},
	}})), pdfsign.KindSigDamaged)
	{
		// No message-digest attribute: its OID renamed to an unknown one.
		der := build(sha256OID, signer{s: inspector, cert: inspector.Cert})
		mdOID := []byte{0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04}
		if i := bytes.Index(der, mdOID); i >= 0 {
			der[i+len(mdOID)-1] = 0x7f
			add("cms-no-message-digest", put(der), pdfsign.KindSigDamaged)
		}
		// A second message-digest, of other data, next to the right one.
		wrong := sha256.Sum256([]byte("other data"))
		add("cms-two-message-digests", put(build(sha256OID, signer{s: inspector, cert: inspector.Cert, cfg: pkcs7.SignerInfoConfig{
			ExtraSignedAttributes: []pkcs7.Attribute{{Type: pkcs7.OIDAttributeMessageDigest, Value: wrong[:]}},
		}})), pdfsign.KindSigDamaged)
	}
	if otherToken != nil {
		add("cms-timestamp-token-for-other-signature", put(build(sha256OID, signer{s: inspector, cert: inspector.Cert, cfg: pkcs7.SignerInfoConfig{
			ExtraUnsignedAttributes: []pkcs7.Attribute{{Type: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}, Value: asn1.RawValue{FullBytes: otherToken}}},
		}})), pdfsign.KindTimestampBad)
	}
	return out
}

// WantSignerNotRecorded marks a CMS attack only the signed audit's signer
// record (or --fingerprint, --ca) refuses: pdfsign alone finds an intact
// signature by some key.
const WantSignerNotRecorded pdfsign.Kind = "signer_not_recorded"

// essV2 is a signing-certificate-v2 attribute naming c (SHA-256).
func essV2(t testing.TB, c *x509.Certificate) pkcs7.Attribute {
	sum := sha256.Sum256(c.Raw)
	type certID struct{ Hash []byte }
	type signingCert struct{ Certs []certID }
	v, err := asn1.Marshal(signingCert{Certs: []certID{{Hash: sum[:]}}})
	if err != nil {
		t.Fatal(err)
	}
	return pkcs7.Attribute{Type: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}, Value: asn1.RawValue{FullBytes: v}}
}

package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Object identifiers used in the CMS (RFC 5652, RFC 5035, RFC 3161).
var (
	oidData              = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidTSTInfo           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}
	oidAttrContentType   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidAttrMessageDigest = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidAttrSigningTime   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidAttrSigningCert   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 12}
	oidAttrSigningCertV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidAttrTimeStamp     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidSHA1              = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidSHA256            = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384            = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512            = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidRSAEncryption     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidSHA256WithRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
	oidSHA384WithRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 12}
	oidSHA512WithRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 13}
	oidECDSAWithSHA256   = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidECDSAWithSHA384   = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 3}
	oidECDSAWithSHA512   = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 4}
)

// buildCMS returns a detached CMS SignedData (DER) over a document whose
// SHA-256 is digest. It takes the digest rather than the data so the caller
// can hash the two ByteRange pieces without joining them, and any
// crypto.Signer (file key, HSM, KMS) can sign. The signing-certificate-v2
// attribute names every certificate of chain, so none of them can be
// swapped inside the unsigned certificate set. When stamp is not nil the
// signature value is time-stamped at once (PAdES B-T) and the token is
// added as the unsigned signatureTimeStampToken attribute.
func buildCMS(digest []byte, signer crypto.Signer, chain []*x509.Certificate, stamp Timestamper) ([]byte, error) {
	if len(chain) == 0 || chain[0] == nil {
		return nil, errors.New(msgNoCertificate)
	}
	leaf := chain[0]
	var sigAlg asn1.ObjectIdentifier
	withNull := false
	switch signer.Public().(type) {
	case *ecdsa.PublicKey:
		sigAlg = oidECDSAWithSHA256
	case *rsa.PublicKey:
		sigAlg, withNull = oidRSAEncryption, true
	default:
		return nil, fmt.Errorf(msgUnsupportedKey, signer.Public())
	}
	if !publicKeysEqual(signer.Public(), leaf.PublicKey) {
		return nil, errors.New(msgKeyCertMismatch)
	}

	attrs := [][]byte{
		attribute(oidAttrContentType, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) }),
		attribute(oidAttrMessageDigest, func(b *cryptobyte.Builder) { b.AddASN1OctetString(digest) }),
		attribute(oidAttrSigningCertV2, func(b *cryptobyte.Builder) {
			// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					for _, c := range chain {
						if c == nil {
							continue
						}
						h := sha256.Sum256(c.Raw)
						// ESSCertIDv2: hashAlgorithm omitted (DEFAULT sha256), certHash, issuerSerial.
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
							b.AddASN1OctetString(h[:])
							b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
								b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // GeneralNames
									b.AddASN1(cbasn1.Tag(4).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
										b.AddBytes(c.RawIssuer)
									})
								})
								b.AddASN1BigInt(c.SerialNumber)
							})
						})
					}
				})
			})
		}),
	}
	// DER orders a SET OF by the encodings of its elements.
	sort.Slice(attrs, func(i, j int) bool { return bytes.Compare(attrs[i], attrs[j]) < 0 })
	setBuilder := cryptobyte.NewBuilder(nil)
	setBuilder.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
		for _, a := range attrs {
			b.AddBytes(a)
		}
	})
	signedAttrsSet, err := setBuilder.Bytes()
	if err != nil {
		return nil, err
	}
	// The signature covers the attributes encoded as a SET (tag 0x31), even
	// though they are stored with the implicit [0] tag.
	attrDigest := sha256.Sum256(signedAttrsSet)
	sig, err := signer.Sign(rand.Reader, attrDigest[:], crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf(msgSignerFailed, err)
	}
	var token []byte
	if stamp != nil {
		h := sha256.Sum256(sig)
		if token, err = stamp.Timestamp(h[:], crypto.SHA256); err != nil {
			return nil, fmt.Errorf(msgTimestampFailed, err)
		}
	}

	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // ContentInfo
		b.AddASN1ObjectIdentifier(oidSignedData)
		b.AddASN1(cbasn1.Tag(0).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // SignedData
				b.AddASN1Int64(1)
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { addAlgorithm(b, oidSHA256, true) })
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // encapContentInfo, detached
					b.AddASN1ObjectIdentifier(oidData)
				})
				b.AddASN1(cbasn1.Tag(0).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
					for _, c := range chain {
						if c != nil {
							b.AddBytes(c.Raw)
						}
					}
				})
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { // signerInfos
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1Int64(1)
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // IssuerAndSerialNumber
							b.AddBytes(leaf.RawIssuer)
							b.AddASN1BigInt(leaf.SerialNumber)
						})
						addAlgorithm(b, oidSHA256, true)
						b.AddASN1(cbasn1.Tag(0).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
							for _, a := range attrs {
								b.AddBytes(a)
							}
						})
						addAlgorithm(b, sigAlg, withNull)
						b.AddASN1OctetString(sig)
						if token != nil {
							b.AddASN1(cbasn1.Tag(1).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
								b.AddBytes(attribute(oidAttrTimeStamp, func(b *cryptobyte.Builder) { b.AddBytes(token) }))
							})
						}
					})
				})
			})
		})
	})
	return b.Bytes()
}

// attribute encodes one CMS Attribute with a single value.
func attribute(oid asn1.ObjectIdentifier, value func(*cryptobyte.Builder)) []byte {
	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		b.AddASN1(cbasn1.SET, value)
	})
	return b.BytesOrPanic()
}

func addAlgorithm(b *cryptobyte.Builder, oid asn1.ObjectIdentifier, withNull bool) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		if withNull {
			b.AddASN1NULL()
		}
	})
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if e, ok := a.(equaler); ok {
		return e.Equal(b)
	}
	return false
}

// signedData is a parsed CMS SignedData with exactly one signer. The parser
// is strict on purpose: every field outside the signed attributes can be
// changed without breaking the signature, so each one must have the single
// value a correct signer writes, and anything unexpected is refused.
type signedData struct {
	version      int64
	eContentType asn1.ObjectIdentifier
	eContent     []byte // nil when detached
	certs        []*x509.Certificate
	si           signerInfo
}

type signerInfo struct {
	version     int64
	issuerRaw   []byte
	serial      *big.Int
	skid        []byte // subjectKeyIdentifier (version 3) instead of issuer and serial
	digestAlg   asn1.ObjectIdentifier
	signedAttrs []byte            // re-tagged as SET, ready to hash; nil if absent
	attrs       map[string][]byte // signed attribute OID -> its single value (DER)
	sigAlg      asn1.ObjectIdentifier
	signature   []byte
	unsigned    map[string][]byte // unsigned attribute OID -> its single value (DER)
}

// cmsError says which part of a CMS is wrong (for programmers; surfaces
// word the Finding, not this).
type cmsError string

// Error says which part of the CMS is wrong.
func (e cmsError) Error() string { return "CMS: " + string(e) }

// parseSignedData reads a DER ContentInfo holding a SignedData. der must be
// exactly the ContentInfo, nothing after it.
func parseSignedData(der []byte) (*signedData, error) {
	in := cryptobyte.String(der)
	var contentInfo, explicit, sd cryptobyte.String
	var ct asn1.ObjectIdentifier
	if !in.ReadASN1(&contentInfo, cbasn1.SEQUENCE) || !in.Empty() ||
		!contentInfo.ReadASN1ObjectIdentifier(&ct) || !ct.Equal(oidSignedData) ||
		!contentInfo.ReadASN1(&explicit, cbasn1.Tag(0).ContextSpecific().Constructed()) || !contentInfo.Empty() ||
		!explicit.ReadASN1(&sd, cbasn1.SEQUENCE) || !explicit.Empty() {
		return nil, cmsError("content info")
	}
	p := &signedData{}
	var digestAlgs, encap, signerInfos cryptobyte.String
	if !sd.ReadASN1Integer(&p.version) || !sd.ReadASN1(&digestAlgs, cbasn1.SET) || !sd.ReadASN1(&encap, cbasn1.SEQUENCE) {
		return nil, cmsError("signed data")
	}
	var algs []asn1.ObjectIdentifier
	for !digestAlgs.Empty() {
		var oid asn1.ObjectIdentifier
		if !readAlgorithm(&digestAlgs, &oid, true) {
			return nil, cmsError("digest algorithms")
		}
		algs = append(algs, oid)
	}
	if !encap.ReadASN1ObjectIdentifier(&p.eContentType) {
		return nil, cmsError("content type")
	}
	if !encap.Empty() {
		var ex, oct cryptobyte.String
		if !encap.ReadASN1(&ex, cbasn1.Tag(0).ContextSpecific().Constructed()) || !encap.Empty() ||
			!ex.ReadASN1(&oct, cbasn1.OCTET_STRING) || !ex.Empty() {
			return nil, cmsError("encapsulated content")
		}
		p.eContent = oct
	}
	if sd.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		var certs cryptobyte.String
		if !sd.ReadASN1(&certs, cbasn1.Tag(0).ContextSpecific().Constructed()) {
			return nil, cmsError("certificates")
		}
		for !certs.Empty() {
			var c cryptobyte.String
			if !certs.ReadASN1Element(&c, cbasn1.SEQUENCE) {
				return nil, cmsError("certificate")
			}
			cert, err := x509.ParseCertificate(c)
			if err != nil {
				return nil, cmsError("certificate: " + err.Error())
			}
			p.certs = append(p.certs, cert)
		}
	}
	if sd.PeekASN1Tag(cbasn1.Tag(1).ContextSpecific().Constructed()) {
		return nil, cmsError("unexpected revocation data in the certificate set")
	}
	if !sd.ReadASN1(&signerInfos, cbasn1.SET) || !sd.Empty() {
		return nil, cmsError("signer infos")
	}
	var si cryptobyte.String
	if !signerInfos.ReadASN1(&si, cbasn1.SEQUENCE) || !signerInfos.Empty() {
		return nil, cmsError("exactly one signer expected")
	}
	if err := p.si.parse(si); err != nil {
		return nil, err
	}
	if len(algs) != 1 || !algs[0].Equal(p.si.digestAlg) {
		return nil, cmsError("digest algorithms do not match the signer's")
	}
	// RFC 5652 §5.1: version 1 for id-data with an issuer-and-serial
	// signer, 3 for any other content type or a key-identifier signer.
	want := int64(1)
	if !p.eContentType.Equal(oidData) || p.si.version == 3 {
		want = 3
	}
	if p.version != want {
		return nil, cmsError("signed data version")
	}
	return p, nil
}

func (s *signerInfo) parse(si cryptobyte.String) error {
	var sid, issuer cryptobyte.String
	if !si.ReadASN1Integer(&s.version) {
		return cmsError("signer version")
	}
	switch s.version {
	case 1: // issuerAndSerialNumber
		if !si.ReadASN1(&sid, cbasn1.SEQUENCE) {
			return cmsError("signer identifier")
		}
		s.serial = new(big.Int)
		if !sid.ReadASN1Element(&issuer, cbasn1.SEQUENCE) || !sid.ReadASN1Integer(s.serial) || !sid.Empty() {
			return cmsError("signer identifier")
		}
		s.issuerRaw = issuer
	case 3: // [0] subjectKeyIdentifier
		if !si.ReadASN1(&sid, cbasn1.Tag(0).ContextSpecific()) || len(sid) == 0 {
			return cmsError("signer identifier")
		}
		s.skid = sid
	default:
		return cmsError("signer version")
	}
	if !readAlgorithm(&si, &s.digestAlg, true) {
		return cmsError("digest algorithm")
	}
	attrTag := cbasn1.Tag(0).ContextSpecific().Constructed()
	if si.PeekASN1Tag(attrTag) {
		var full, attrs cryptobyte.String
		if !si.ReadASN1Element(&full, attrTag) {
			return cmsError("signed attributes")
		}
		set := append([]byte(nil), full...)
		set[0] = 0x31 // hash the attributes as a SET, as RFC 5652 §5.4 requires
		s.signedAttrs = set
		if !full.ReadASN1(&attrs, attrTag) {
			return cmsError("signed attributes")
		}
		m, err := readAttributes(attrs)
		if err != nil {
			return err
		}
		s.attrs = m
	}
	if !readAlgorithm(&si, &s.sigAlg, true) {
		return cmsError("signature algorithm")
	}
	var sig cryptobyte.String
	if !si.ReadASN1(&sig, cbasn1.OCTET_STRING) || len(sig) == 0 {
		return cmsError("signature value")
	}
	s.signature = sig
	uTag := cbasn1.Tag(1).ContextSpecific().Constructed()
	if si.PeekASN1Tag(uTag) {
		var attrs cryptobyte.String
		if !si.ReadASN1(&attrs, uTag) {
			return cmsError("unsigned attributes")
		}
		m, err := readAttributes(attrs)
		if err != nil {
			return err
		}
		s.unsigned = m
	}
	if !si.Empty() {
		return cmsError("trailing data in the signer info")
	}
	return nil
}

// readAlgorithm reads an AlgorithmIdentifier whose parameters are absent
// or NULL (the only forms the algorithms used here take).
func readAlgorithm(s *cryptobyte.String, oid *asn1.ObjectIdentifier, nullOK bool) bool {
	var alg cryptobyte.String
	if !s.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(oid) {
		return false
	}
	if alg.Empty() {
		return true
	}
	var null cryptobyte.String
	return nullOK && alg.ReadASN1(&null, cbasn1.NULL) && len(null) == 0 && alg.Empty()
}

// readAttributes reads a SET OF Attribute; every type appears once with one
// value.
func readAttributes(attrs cryptobyte.String) (map[string][]byte, error) {
	m := map[string][]byte{}
	for !attrs.Empty() {
		var attr, values, v cryptobyte.String
		var oid asn1.ObjectIdentifier
		if !attrs.ReadASN1(&attr, cbasn1.SEQUENCE) || !attr.ReadASN1ObjectIdentifier(&oid) ||
			!attr.ReadASN1(&values, cbasn1.SET) || !attr.Empty() {
			return nil, cmsError("attribute")
		}
		var tag cbasn1.Tag
		if !values.ReadAnyASN1Element(&v, &tag) || !values.Empty() {
			return nil, cmsError("attribute " + oid.String() + " must have one value")
		}
		if _, dup := m[oid.String()]; dup {
			return nil, cmsError("attribute " + oid.String() + " repeated")
		}
		m[oid.String()] = v
	}
	return m, nil
}

// messageDigest returns the message-digest attribute.
func (s *signerInfo) messageDigest() ([]byte, error) {
	v, ok := s.attrs[oidAttrMessageDigest.String()]
	if !ok {
		return nil, cmsError("no message-digest attribute")
	}
	in := cryptobyte.String(v)
	var d cryptobyte.String
	if !in.ReadASN1(&d, cbasn1.OCTET_STRING) || !in.Empty() {
		return nil, cmsError("message-digest attribute")
	}
	return d, nil
}

// contentType returns the content-type attribute.
func (s *signerInfo) contentType() (asn1.ObjectIdentifier, error) {
	v, ok := s.attrs[oidAttrContentType.String()]
	if !ok {
		return nil, cmsError("no content-type attribute")
	}
	in := cryptobyte.String(v)
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1ObjectIdentifier(&oid) || !in.Empty() {
		return nil, cmsError("content-type attribute")
	}
	return oid, nil
}

// signingTime returns the signing-time attribute, zero if absent.
func (s *signerInfo) signingTime() time.Time {
	v, ok := s.attrs[oidAttrSigningTime.String()]
	if !ok {
		return time.Time{}
	}
	in := cryptobyte.String(v)
	var t time.Time
	if in.PeekASN1Tag(cbasn1.UTCTime) {
		if !in.ReadASN1UTCTime(&t) {
			return time.Time{}
		}
	} else if !in.ReadASN1GeneralizedTime(&t) {
		return time.Time{}
	}
	return t
}

// essID is one certificate named by a signing-certificate(-v2) attribute.
type essID struct {
	hash crypto.Hash
	sum  []byte
}

// essIDs returns the certificates named by the signing-certificate-v2 (or
// v1) attribute; ok is false when neither is present.
func (s *signerInfo) essIDs() ([]essID, bool, error) {
	if v, ok := s.attrs[oidAttrSigningCertV2.String()]; ok {
		ids, err := readESS(v, true)
		return ids, true, err
	}
	if v, ok := s.attrs[oidAttrSigningCert.String()]; ok {
		ids, err := readESS(v, false)
		return ids, true, err
	}
	return nil, false, nil
}

func readESS(v []byte, v2 bool) ([]essID, error) {
	in := cryptobyte.String(v)
	var sc, certIDs cryptobyte.String
	if !in.ReadASN1(&sc, cbasn1.SEQUENCE) || !in.Empty() || !sc.ReadASN1(&certIDs, cbasn1.SEQUENCE) {
		return nil, cmsError("signing-certificate attribute")
	}
	var ids []essID
	for !certIDs.Empty() {
		var id, h cryptobyte.String
		if !certIDs.ReadASN1(&id, cbasn1.SEQUENCE) {
			return nil, cmsError("signing-certificate attribute")
		}
		hash := crypto.SHA1
		if v2 {
			hash = crypto.SHA256
			if id.PeekASN1Tag(cbasn1.SEQUENCE) {
				var oid asn1.ObjectIdentifier
				if !readAlgorithm(&id, &oid, true) {
					return nil, cmsError("signing-certificate attribute")
				}
				var ok bool
				if hash, ok = hashFor(oid); !ok {
					return nil, cmsError("signing-certificate hash algorithm")
				}
			}
		}
		if !id.ReadASN1(&h, cbasn1.OCTET_STRING) || len(h) != hash.Size() {
			return nil, cmsError("signing-certificate attribute")
		}
		ids = append(ids, essID{hash, h})
	}
	if len(ids) == 0 {
		return nil, cmsError("signing-certificate attribute names no certificate")
	}
	return ids, nil
}

func (e essID) matches(c *x509.Certificate) bool {
	var sum []byte
	switch e.hash {
	case crypto.SHA1:
		s := sha1.Sum(c.Raw)
		sum = s[:]
	default:
		h := e.hash.New()
		h.Write(c.Raw)
		sum = h.Sum(nil)
	}
	return bytes.Equal(sum, e.sum)
}

// hashFor maps a digest algorithm OID to a crypto.Hash (SHA-2 only).
func hashFor(oid asn1.ObjectIdentifier) (crypto.Hash, bool) {
	switch {
	case oid.Equal(oidSHA256):
		return crypto.SHA256, true
	case oid.Equal(oidSHA384):
		return crypto.SHA384, true
	case oid.Equal(oidSHA512):
		return crypto.SHA512, true
	}
	return 0, false
}

// signerCert returns the embedded certificate named by the signer's sid.
func (p *signedData) signerCert() *x509.Certificate {
	for _, c := range p.certs {
		if p.si.skid != nil {
			if bytes.Equal(c.SubjectKeyId, p.si.skid) {
				return c
			}
			continue
		}
		if bytes.Equal(c.RawIssuer, p.si.issuerRaw) && c.SerialNumber.Cmp(p.si.serial) == 0 {
			return c
		}
	}
	return nil
}

// verifySignature checks the signer's signature value with cert's key over
// the signed attributes, or over contentDigest when there are none.
func (p *signedData) verifySignature(cert *x509.Certificate, h crypto.Hash, contentDigest []byte) error {
	sum := contentDigest
	if p.si.signedAttrs != nil {
		hh := h.New()
		hh.Write(p.si.signedAttrs)
		sum = hh.Sum(nil)
	}
	alg := p.si.sigAlg
	switch pub := cert.PublicKey.(type) {
	case *ecdsa.PublicKey:
		want := map[crypto.Hash]asn1.ObjectIdentifier{crypto.SHA256: oidECDSAWithSHA256, crypto.SHA384: oidECDSAWithSHA384, crypto.SHA512: oidECDSAWithSHA512}[h]
		if !alg.Equal(want) {
			return errUnsupportedAlg
		}
		if !ecdsa.VerifyASN1(pub, sum, p.si.signature) {
			return errBadSignature
		}
	case *rsa.PublicKey:
		want := map[crypto.Hash]asn1.ObjectIdentifier{crypto.SHA256: oidSHA256WithRSA, crypto.SHA384: oidSHA384WithRSA, crypto.SHA512: oidSHA512WithRSA}[h]
		if !alg.Equal(oidRSAEncryption) && !alg.Equal(want) {
			return errUnsupportedAlg
		}
		if rsa.VerifyPKCS1v15(pub, h, sum, p.si.signature) != nil {
			return errBadSignature
		}
	default:
		return errUnsupportedAlg
	}
	return nil
}

var (
	errUnsupportedAlg = errors.New("unsupported signature algorithm")
	errBadSignature   = errors.New("signature value does not verify")
)

// unboundCert returns the first embedded certificate that nothing signed
// binds: not named by the signing-certificate attribute, not issued by
// another embedded certificate, not a valid self-signed root. Such a
// certificate could be swapped without breaking the signature.
func (p *signedData) unboundCert(ids []essID) *x509.Certificate {
	for _, c := range p.certs {
		if !p.bound(c, ids) {
			return c
		}
	}
	return nil
}

func (p *signedData) bound(c *x509.Certificate, ids []essID) bool {
	for _, id := range ids {
		if id.matches(c) {
			return true
		}
	}
	for _, parent := range p.certs {
		if bytes.Equal(parent.RawSubject, c.RawIssuer) &&
			parent.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil {
			return true
		}
	}
	return false
}

// buildChain orders the embedded certificates from leaf up through issuers
// whose signatures check; unrelated certificates are left out.
func buildChain(leaf *x509.Certificate, certs []*x509.Certificate) []*x509.Certificate {
	chain := []*x509.Certificate{leaf}
	cur := leaf
	for len(chain) <= len(certs) {
		if bytes.Equal(cur.RawIssuer, cur.RawSubject) {
			break
		}
		var next *x509.Certificate
		for _, c := range certs {
			if c != cur && bytes.Equal(c.RawSubject, cur.RawIssuer) &&
				c.CheckSignature(cur.SignatureAlgorithm, cur.RawTBSCertificate, cur.Signature) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		chain = append(chain, next)
		cur = next
	}
	return chain
}

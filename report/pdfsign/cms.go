package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
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

// Object identifiers used in the CMS (RFC 5652, RFC 5035, RFC 5754, RFC 5758).
var (
	oidData                 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidAttrContentType      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidAttrMessageDigest    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidAttrSigningTime      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidAttrSigningCertV2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidRSAEncryption        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidSHA256WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
	oidSHA384WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 12}
	oidSHA512WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 13}
	oidECDSAWithSHA256      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidECDSAWithSHA384      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 3}
	oidECDSAWithSHA512      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 4}
	oidECPublicKeyAlgorithm = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
)

// buildCMS returns a detached CMS SignedData (DER) over a document whose
// SHA-256 is digest. It takes the digest rather than the data so the caller
// can hash the two ByteRange pieces without joining them, and any
// crypto.Signer (file key, HSM, KMS) can sign.
func buildCMS(digest []byte, signer crypto.Signer, chain []*x509.Certificate) ([]byte, error) {
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

	certHash := sha256.Sum256(leaf.Raw)
	attrs := [][]byte{
		attribute(oidAttrContentType, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) }),
		attribute(oidAttrMessageDigest, func(b *cryptobyte.Builder) { b.AddASN1OctetString(digest) }),
		attribute(oidAttrSigningCertV2, func(b *cryptobyte.Builder) {
			// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					// ESSCertIDv2: hashAlgorithm omitted (DEFAULT sha256), certHash, issuerSerial.
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1OctetString(certHash[:])
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
							b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // GeneralNames
								b.AddASN1(cbasn1.Tag(4).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
									b.AddBytes(leaf.RawIssuer)
								})
							})
							b.AddASN1BigInt(leaf.SerialNumber)
						})
					})
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

// parsedCMS is what the verifier needs from a SignedData.
type parsedCMS struct {
	certs         []*x509.Certificate
	certErr       error // first certificate that could not be parsed
	digestAlg     asn1.ObjectIdentifier
	issuerRaw     []byte
	serial        *big.Int
	signedAttrs   []byte // re-tagged as SET, ready to hash; nil if absent
	messageDigest []byte
	contentType   asn1.ObjectIdentifier
	signingTime   time.Time
	certV2Hashes  [][]byte // certHash of each ESSCertIDv2 (all SHA-256 here)
	certV2Alg     []asn1.ObjectIdentifier
	sigAlg        asn1.ObjectIdentifier
	signature     []byte
}

var errMalformedCMS = errors.New(msgMalformedCMS)

// parseCMS reads a DER SignedData, ignoring any zero padding after it.
func parseCMS(der []byte) (*parsedCMS, error) {
	in := cryptobyte.String(der)
	var contentInfo, signedData cryptobyte.String
	var ct asn1.ObjectIdentifier
	if !in.ReadASN1(&contentInfo, cbasn1.SEQUENCE) ||
		!contentInfo.ReadASN1ObjectIdentifier(&ct) || !ct.Equal(oidSignedData) ||
		!contentInfo.ReadASN1(&signedData, cbasn1.Tag(0).ContextSpecific().Constructed()) ||
		!signedData.ReadASN1(&signedData, cbasn1.SEQUENCE) {
		return nil, errMalformedCMS
	}
	var version int64
	var digestAlgs, encap, signerInfos cryptobyte.String
	if !signedData.ReadASN1Integer(&version) ||
		!signedData.ReadASN1(&digestAlgs, cbasn1.SET) ||
		!signedData.ReadASN1(&encap, cbasn1.SEQUENCE) {
		return nil, errMalformedCMS
	}
	p := &parsedCMS{}
	var certs cryptobyte.String
	var hasCerts bool
	if !signedData.ReadOptionalASN1(&certs, &hasCerts, cbasn1.Tag(0).ContextSpecific().Constructed()) {
		return nil, errMalformedCMS
	}
	for !certs.Empty() {
		var c cryptobyte.String
		if !certs.ReadASN1Element(&c, cbasn1.SEQUENCE) {
			if p.certErr == nil {
				p.certErr = errMalformedCMS
			}
			break
		}
		cert, err := x509.ParseCertificate(c)
		if err != nil {
			if p.certErr == nil {
				p.certErr = err
			}
			continue
		}
		p.certs = append(p.certs, cert)
	}
	// Skip optional CRLs [1].
	var skip cryptobyte.String
	if !signedData.ReadOptionalASN1(&skip, nil, cbasn1.Tag(1).ContextSpecific().Constructed()) ||
		!signedData.ReadASN1(&signerInfos, cbasn1.SET) {
		return nil, errMalformedCMS
	}
	var si cryptobyte.String
	if !signerInfos.ReadASN1(&si, cbasn1.SEQUENCE) {
		return nil, errMalformedCMS
	}
	var siVersion int64
	var sid cryptobyte.String
	if !si.ReadASN1Integer(&siVersion) || !si.ReadASN1(&sid, cbasn1.SEQUENCE) {
		return nil, errors.New(msgUnsupportedSID)
	}
	var issuer cryptobyte.String
	p.serial = new(big.Int)
	if !sid.ReadASN1Element(&issuer, cbasn1.SEQUENCE) || !sid.ReadASN1Integer(p.serial) {
		return nil, errMalformedCMS
	}
	p.issuerRaw = issuer
	if !readAlgorithm(&si, &p.digestAlg) {
		return nil, errMalformedCMS
	}
	var attrs cryptobyte.String
	var hasAttrs bool
	attrTag := cbasn1.Tag(0).ContextSpecific().Constructed()
	if si.PeekASN1Tag(attrTag) {
		hasAttrs = true
		var full cryptobyte.String
		if !si.ReadASN1Element(&full, attrTag) {
			return nil, errMalformedCMS
		}
		set := append([]byte(nil), full...)
		set[0] = 0x31 // hash the attributes as a SET, as RFC 5652 §5.4 requires
		p.signedAttrs = set
		var hdr cryptobyte.String = full
		if !hdr.ReadASN1(&attrs, attrTag) {
			return nil, errMalformedCMS
		}
	}
	if !readAlgorithm(&si, &p.sigAlg) {
		return nil, errMalformedCMS
	}
	var sig cryptobyte.String
	if !si.ReadASN1(&sig, cbasn1.OCTET_STRING) {
		return nil, errMalformedCMS
	}
	p.signature = sig
	if hasAttrs {
		if err := p.readAttributes(attrs); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func readAlgorithm(s *cryptobyte.String, oid *asn1.ObjectIdentifier) bool {
	var alg cryptobyte.String
	return s.ReadASN1(&alg, cbasn1.SEQUENCE) && alg.ReadASN1ObjectIdentifier(oid)
}

func (p *parsedCMS) readAttributes(attrs cryptobyte.String) error {
	for !attrs.Empty() {
		var attr, values cryptobyte.String
		var oid asn1.ObjectIdentifier
		if !attrs.ReadASN1(&attr, cbasn1.SEQUENCE) || !attr.ReadASN1ObjectIdentifier(&oid) ||
			!attr.ReadASN1(&values, cbasn1.SET) {
			return errMalformedCMS
		}
		switch {
		case oid.Equal(oidAttrContentType):
			if !values.ReadASN1ObjectIdentifier(&p.contentType) {
				return errMalformedCMS
			}
		case oid.Equal(oidAttrMessageDigest):
			var d cryptobyte.String
			if !values.ReadASN1(&d, cbasn1.OCTET_STRING) {
				return errMalformedCMS
			}
			p.messageDigest = d
		case oid.Equal(oidAttrSigningTime):
			if values.PeekASN1Tag(cbasn1.UTCTime) {
				if !values.ReadASN1UTCTime(&p.signingTime) {
					return errMalformedCMS
				}
			} else if !values.ReadASN1GeneralizedTime(&p.signingTime) {
				return errMalformedCMS
			}
		case oid.Equal(oidAttrSigningCertV2):
			var sc, certIDs cryptobyte.String
			if !values.ReadASN1(&sc, cbasn1.SEQUENCE) || !sc.ReadASN1(&certIDs, cbasn1.SEQUENCE) {
				return errMalformedCMS
			}
			for !certIDs.Empty() {
				var id, h cryptobyte.String
				if !certIDs.ReadASN1(&id, cbasn1.SEQUENCE) {
					return errMalformedCMS
				}
				alg := oidSHA256
				if id.PeekASN1Tag(cbasn1.SEQUENCE) {
					if !readAlgorithm(&id, &alg) {
						return errMalformedCMS
					}
				}
				if !id.ReadASN1(&h, cbasn1.OCTET_STRING) {
					return errMalformedCMS
				}
				p.certV2Hashes = append(p.certV2Hashes, h)
				p.certV2Alg = append(p.certV2Alg, alg)
			}
		}
	}
	return nil
}

// hashFor maps a digest algorithm OID to a crypto.Hash.
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

// signer returns the embedded certificate named by the SignerInfo's sid.
func (p *parsedCMS) signer() *x509.Certificate {
	for _, c := range p.certs {
		if bytes.Equal(c.RawIssuer, p.issuerRaw) && c.SerialNumber.Cmp(p.serial) == 0 {
			return c
		}
	}
	return nil
}

// verifySignature checks the SignerInfo signature with cert's public key;
// digest is the document digest used when there are no signed attributes.
func (p *parsedCMS) verifySignature(cert *x509.Certificate, h crypto.Hash, docDigest []byte) error {
	var sum []byte
	if p.signedAttrs != nil {
		hh := h.New()
		hh.Write(p.signedAttrs)
		sum = hh.Sum(nil)
	} else {
		sum = docDigest
	}
	switch pub := cert.PublicKey.(type) {
	case *ecdsa.PublicKey:
		if !(p.sigAlg.Equal(oidECDSAWithSHA256) || p.sigAlg.Equal(oidECDSAWithSHA384) ||
			p.sigAlg.Equal(oidECDSAWithSHA512) || p.sigAlg.Equal(oidECPublicKeyAlgorithm)) {
			return fmt.Errorf(msgUnsupportedSigAlg, p.sigAlg)
		}
		if !ecdsa.VerifyASN1(pub, sum, p.signature) {
			return errors.New(msgBadSignature)
		}
	case *rsa.PublicKey:
		if !(p.sigAlg.Equal(oidRSAEncryption) || p.sigAlg.Equal(oidSHA256WithRSA) ||
			p.sigAlg.Equal(oidSHA384WithRSA) || p.sigAlg.Equal(oidSHA512WithRSA)) {
			return fmt.Errorf(msgUnsupportedSigAlg, p.sigAlg)
		}
		if rsa.VerifyPKCS1v15(pub, h, sum, p.signature) != nil {
			return errors.New(msgBadSignature)
		}
	default:
		return fmt.Errorf(msgUnsupportedSigAlg, p.sigAlg)
	}
	return nil
}

// Package identity keeps the inspector's signing identity: a private key
// and its certificate (self-signed, or issued by a CA for a CSR, or imported
// from PKCS#12), stored in home/identity/ as key.pem (PKCS#8, mode 0600),
// cert.pem and the optional chain.pem.
package identity

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net/mail"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/standards/safefile"
)

// File names inside Dir(home).
const (
	KeyFile   = "key.pem"
	CertFile  = "cert.pem"
	ChainFile = "chain.pem"
)

// Validity of a certificate made by Create.
const validity = 3 * 365 * 24 * time.Hour

var (
	// ErrNoIdentity means the home has no signing key or certificate yet.
	ErrNoIdentity = errors.New("no signing identity")
	// ErrExists means Create would overwrite an identity (use Replace).
	ErrExists = errors.New("signing identity exists")
)

// now is the clock; tests replace it.
var now = time.Now

// oidEmailAddress is the legacy emailAddress attribute of a subject name,
// still what some PDF viewers show.
var oidEmailAddress = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}

// Identity is a signing key with its certificate.
type Identity struct {
	Key     crypto.Signer
	Cert    *x509.Certificate   // the signer's certificate, matching Key
	Chain   []*x509.Certificate // issuers of Cert (intermediates, root), without Cert
	KeyFile string              // where the key is stored
}

// Certificates returns Cert followed by Chain, the order pdfsign.Sign wants.
func (id *Identity) Certificates() []*x509.Certificate {
	return append([]*x509.Certificate{id.Cert}, id.Chain...)
}

// Dir returns the folder holding the identity files.
func Dir(home string) string { return filepath.Join(home, "identity") }

// Create makes a new ECDSA P-256 key and a self-signed certificate for
// name (CN), email (optional, in the subject and as SAN) and org (optional,
// O), valid for three years. It refuses (ErrExists) if an identity exists.
func Create(home, name, email, org string) (*Identity, error) {
	dir := Dir(home)
	if exists(dir) {
		return nil, fmt.Errorf("%w: "+msgExists, ErrExists, dir)
	}
	return create(home, name, email, org, false)
}

// Replace is Create for when an identity exists: the old files are kept in
// identity/old-<time>/ rather than deleted, since old reports name that
// certificate and the key may still be wanted. Should writing the new one
// fail (a full disk), the old identity stays in place and in use.
func Replace(home, name, email, org string) (*Identity, error) {
	if err := validateSubject(name, email); err != nil {
		return nil, err
	}
	return create(home, name, email, org, true)
}

// SubjectError: a new certificate's name is empty, or its e-mail is not
// an address a certificate can hold (Field "name" or "email", Value what
// was given), as data each surface words (a form shows it under its
// field).
type SubjectError struct {
	Field, Value string
}

// Error says it in English, as identity always has.
func (e *SubjectError) Error() string {
	if e.Field == "name" {
		return msgNameRequired
	}
	return fmt.Sprintf(msgBadEmail, e.Value)
}

// CheckSubject is the rule Create applies to a new certificate's name and
// e-mail, for a form to check them as they are typed: a *SubjectError, or
// nil.
func CheckSubject(name, email string) error {
	return validateSubject(strings.TrimSpace(name), strings.TrimSpace(email))
}

func validateSubject(name, email string) error {
	if strings.TrimSpace(name) == "" {
		return &SubjectError{Field: "name"}
	}
	if email != "" {
		// RFC 5280 stores emailAddress as an IA5String: ASCII only.
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email || !isASCII(email) {
			return &SubjectError{Field: "email", Value: email}
		}
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Attribute types of the subject names built here.
var (
	oidCommonName   = asn1.ObjectIdentifier{2, 5, 4, 3}
	oidOrganization = asn1.ObjectIdentifier{2, 5, 4, 10}
)

// rawSubject encodes a subject name O, emailAddress, CN (printed by RFC 4514
// as "CN=…,E=…,O=…"). The e-mail is an IA5String as RFC 5280 requires;
// encoding/asn1 would write a UTF8String.
func rawSubject(name, email, org string) ([]byte, error) {
	var rdn pkix.RDNSequence
	if org != "" {
		rdn = append(rdn, pkix.RelativeDistinguishedNameSET{{Type: oidOrganization, Value: org}})
	}
	if email != "" {
		rdn = append(rdn, pkix.RelativeDistinguishedNameSET{{Type: oidEmailAddress, Value: ia5(email)}})
	}
	rdn = append(rdn, pkix.RelativeDistinguishedNameSET{{Type: oidCommonName, Value: name}})
	return asn1.Marshal(rdn)
}

func ia5(s string) asn1.RawValue {
	return asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagIA5String, Bytes: []byte(s)}
}

// rdnValue is an attribute kept raw so re-encoding keeps every string type.
type rdnValue struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

type rdnValueSET []rdnValue

// withIA5Email re-encodes a DER name with every ASCII emailAddress value as
// an IA5String (older certificates made by assay wrote a UTF8String).
func withIA5Email(raw []byte) ([]byte, error) {
	var seq []rdnValueSET
	if rest, err := asn1.Unmarshal(raw, &seq); err != nil || len(rest) > 0 {
		return nil, fmt.Errorf(msgBadName, err)
	}
	for _, set := range seq {
		for i, a := range set {
			if a.Type.Equal(oidEmailAddress) && a.Value.Class == asn1.ClassUniversal && a.Value.Tag != asn1.TagIA5String && isASCII(string(a.Value.Bytes)) {
				set[i].Value = ia5(string(a.Value.Bytes))
				set[i].Value.FullBytes = nil
			}
		}
	}
	return asn1.Marshal(seq)
}

// create makes the key and certificate and installs them; archive keeps
// the files they replace in identity/old-<time>/.
func create(home, name, email, org string, archive bool) (*Identity, error) {
	name, email, org = strings.TrimSpace(name), strings.TrimSpace(email), strings.TrimSpace(org)
	if err := validateSubject(name, email); err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	serialBytes := make([]byte, 16)
	if _, err := rand.Read(serialBytes); err != nil {
		return nil, err
	}
	serial := new(big.Int).SetBytes(serialBytes)
	if serial.Sign() == 0 {
		serial.SetInt64(1)
	}
	subject, err := rawSubject(name, email, org)
	if err != nil {
		return nil, err
	}
	start := now().Add(-5 * time.Minute) // tolerate a verifier's clock running a little behind
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		RawSubject:            subject,
		NotBefore:             start,
		NotAfter:              start.Add(validity),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	if email != "" {
		tmpl.EmailAddresses = []string{email}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	if err := save(home, key, cert, nil, archive); err != nil {
		return nil, err
	}
	return &Identity{Key: key, Cert: cert, KeyFile: filepath.Join(Dir(home), KeyFile)}, nil
}

// exists reports whether dir holds a key or a certificate.
func exists(dir string) bool {
	for _, f := range []string{KeyFile, CertFile} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// Load reads the identity from home. It refuses a key file that group or
// others may read, as ssh does, and a certificate that is not for the key.
func Load(home string) (*Identity, error) {
	dir := Dir(home)
	// A replacement cut short by a crash is finished first (write.go).
	if err := recoverPending(dir); err != nil {
		return nil, err
	}
	keyPath, certPath := filepath.Join(dir, KeyFile), filepath.Join(dir, CertFile)
	// Open before judging the mode: a folder, pipe or device in the key's
	// place is that, not a key to chmod.
	f, st, err := safefile.Open(keyPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: "+msgNoIdentity, ErrNoIdentity, dir)
	}
	if err != nil {
		return nil, &FolderError{Problem: FolderUnreadable, Path: keyPath, Err: err}
	}
	defer f.Close()
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return nil, &KeyModeError{Path: keyPath, Mode: st.Mode().Perm()}
	}
	keyPEM, err := safefile.ReadOpen(f, st, safefile.LimitCert)
	if err != nil {
		return nil, &FolderError{Problem: FolderUnreadable, Path: keyPath, Err: err}
	}
	key, err := parseKeyPEM(keyPath, keyPEM)
	if err != nil {
		return nil, err
	}
	certs, err := readCerts(certPath, true)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: "+msgNoIdentity, ErrNoIdentity, dir)
	}
	if err != nil {
		return nil, err
	}
	chain, err := readCerts(filepath.Join(dir, ChainFile), false)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if !publicKeysEqual(key.Public(), certs[0].PublicKey) {
		return nil, &FolderError{Problem: FolderCertNotForKey, Path: certPath, Other: keyPath}
	}
	return &Identity{Key: key, Cert: certs[0], Chain: append(certs[1:], chain...), KeyFile: keyPath}, nil
}

// parseKeyPEM reads the first private key block (PKCS#8, SEC 1 or PKCS#1).
func parseKeyPEM(path string, data []byte) (crypto.Signer, error) {
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return nil, &FolderError{Problem: FolderNoKey, Path: path}
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		default:
			continue
		}
		if err != nil {
			return nil, &FolderError{Problem: FolderBadKey, Path: path, Err: err}
		}
		return signerOf(path, key)
	}
}

// signerOf accepts the key types PDF signatures use.
func signerOf(path string, key any) (crypto.Signer, error) {
	switch k := key.(type) {
	case *ecdsa.PrivateKey:
		return k, nil
	case *rsa.PrivateKey:
		return k, nil
	}
	return nil, &FolderError{Problem: FolderKeyType, Path: path}
}

// readCerts reads the PEM certificates of path; required means at least one.
func readCerts(path string, required bool) ([]*x509.Certificate, error) {
	data, err := safefile.ReadFile(path, safefile.LimitCert)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		return nil, &FolderError{Problem: FolderUnreadable, Path: path, Err: err}
	}
	certs, err := parseCertsPEM(data)
	if err != nil {
		return nil, &FolderError{Problem: FolderBadCert, Path: path, Err: err}
	}
	if required && len(certs) == 0 {
		return nil, &FolderError{Problem: FolderNoCert, Path: path}
	}
	return certs, nil
}

func parseCertsPEM(data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return certs, nil
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
}

func publicKeysEqual(a, b crypto.PublicKey) bool {
	type equaler interface{ Equal(crypto.PublicKey) bool }
	e, ok := a.(equaler)
	return ok && e.Equal(b)
}

// CSR returns a PEM certificate signing request for the current key, with
// the subject and e-mail of the current certificate, for a CA to sign.
func CSR(home string) ([]byte, error) {
	id, err := Load(home)
	if err != nil {
		return nil, err
	}
	subject, err := withIA5Email(id.Cert.RawSubject)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.CertificateRequest{RawSubject: subject, EmailAddresses: id.Cert.EmailAddresses}
	der, err := x509.CreateCertificateRequest(rand.Reader, tmpl, id.Key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}), nil
}

// Import installs a certificate or a whole identity.
//
//   - PEM (or DER) certificates: the one for the current key becomes
//     cert.pem, the others chain.pem; the key stays. This is how a
//     certificate issued for CSR's request comes back.
//   - PKCS#12 (.p12/.pfx): its key, certificate and CA certificates replace
//     the identity; password is asked only then. The old files are kept in
//     identity/old-<time>/.
func Import(home string, data []byte, password func() (string, error)) (*Identity, error) {
	if bytes.Contains(data, []byte("-----BEGIN")) {
		for rest := data; ; {
			var block *pem.Block
			block, rest = pem.Decode(rest)
			if block == nil {
				break
			}
			if strings.Contains(block.Type, "PRIVATE KEY") {
				return nil, &ImportError{Problem: ImportPEMKey}
			}
		}
		certs, err := parseCertsPEM(data)
		if err != nil {
			return nil, &ImportError{Problem: ImportBadPEM, Err: err}
		}
		return importCerts(home, certs)
	}
	if c, err := x509.ParseCertificate(data); err == nil {
		return importCerts(home, []*x509.Certificate{c})
	}
	// DER certificates and PKCS#12 files both start with an ASN.1
	// SEQUENCE; anything else is neither, and asking for a password (or
	// printing an ASN.1 parser's complaint) would only confuse.
	if len(data) == 0 || data[0] != 0x30 {
		return nil, &ImportError{Problem: ImportNoCerts}
	}
	return importP12(home, data, password)
}

func importCerts(home string, certs []*x509.Certificate) (*Identity, error) {
	if len(certs) == 0 {
		return nil, &ImportError{Problem: ImportNoCerts}
	}
	id, err := Load(home)
	if err != nil {
		return nil, &ImportError{Problem: ImportNeedsKey, Err: err}
	}
	leaf := -1
	for i, c := range certs {
		if publicKeysEqual(id.Key.Public(), c.PublicKey) {
			leaf = i
			break
		}
	}
	if leaf < 0 {
		return nil, &ImportError{Problem: ImportNoMatch}
	}
	if err := CheckSigningCert(certs[leaf], now()); err != nil {
		return nil, err
	}
	var chain []*x509.Certificate
	for i, c := range certs {
		if i != leaf {
			chain = append(chain, c)
		}
	}
	if err := save(home, nil, certs[leaf], chain, false); err != nil {
		return nil, err
	}
	return &Identity{Key: id.Key, Cert: certs[leaf], Chain: chain, KeyFile: id.KeyFile}, nil
}

func importP12(home string, data []byte, password func() (string, error)) (*Identity, error) {
	pw := ""
	if password != nil {
		var err error
		if pw, err = password(); err != nil {
			return nil, &ImportError{Problem: ImportNoPassword, Err: err}
		}
	}
	key, cert, cas, err := decodeP12(data, pw)
	if err != nil {
		return nil, err
	}
	signer, err := signerOf("PKCS#12", key)
	if err != nil || signer == nil {
		return nil, &ImportError{Problem: ImportP12NoKey}
	}
	if cert == nil || !publicKeysEqual(signer.Public(), cert.PublicKey) {
		return nil, &ImportError{Problem: ImportP12Mismatch}
	}
	if err := CheckSigningCert(cert, now()); err != nil {
		return nil, err
	}
	if err := save(home, signer, cert, cas, true); err != nil {
		return nil, err
	}
	return &Identity{Key: signer, Cert: cert, Chain: cas, KeyFile: filepath.Join(Dir(home), KeyFile)}, nil
}

// Info is what a person needs to recognise a certificate.
type Info struct {
	Subject           string    `json:"subject"`
	Issuer            string    `json:"issuer"`
	NotBefore         time.Time `json:"not_before"`
	NotAfter          time.Time `json:"not_after"`
	FingerprintSHA256 string    `json:"fingerprint_sha256"` // colon-separated upper-case hex
	SelfSigned        bool      `json:"self_signed"`
}

// Describe summarises cert. Names are RFC 4514 strings with the e-mail as
// E=… (pkix.Name.String would hex-dump it).
func Describe(cert *x509.Certificate) Info {
	return Info{
		Subject:           pdfsign.DistinguishedName(cert.RawSubject),
		Issuer:            pdfsign.DistinguishedName(cert.RawIssuer),
		NotBefore:         cert.NotBefore,
		NotAfter:          cert.NotAfter,
		FingerprintSHA256: Fingerprint(cert),
		SelfSigned: bytes.Equal(cert.RawIssuer, cert.RawSubject) &&
			cert.CheckSignature(cert.SignatureAlgorithm, cert.RawTBSCertificate, cert.Signature) == nil,
	}
}

// Fingerprint is the SHA-256 of the certificate as "AB:CD:…", the form
// people compare over the phone and that openssl and browsers show.
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

package identity

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestCreateAndLoad(t *testing.T) {
	home := t.TempDir()
	id, err := Create(home, "Ana María Núñez", "ana@example.org", "Ñandú Auditores")
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(home, "identity", "key.pem"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key.pem mode %v err %v, want 0600", st.Mode().Perm(), err)
	}
	c := id.Cert
	if c.Subject.CommonName != "Ana María Núñez" || c.Subject.Organization[0] != "Ñandú Auditores" ||
		len(c.EmailAddresses) != 1 || c.EmailAddresses[0] != "ana@example.org" {
		t.Errorf("subject %v emails %v", c.Subject, c.EmailAddresses)
	}
	if c.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment {
		t.Errorf("key usage %v", c.KeyUsage)
	}
	if years := c.NotAfter.Sub(c.NotBefore).Hours() / 24 / 365; years < 2.99 || years > 3.01 {
		t.Errorf("valid for %.2f years, want 3", years)
	}
	if c.SerialNumber.BitLen() < 100 || c.SerialNumber.BitLen() > 128 {
		t.Errorf("serial has %d bits, want a random 128-bit number", c.SerialNumber.BitLen())
	}
	if _, ok := id.Key.Public().(*ecdsa.PublicKey); !ok {
		t.Errorf("key is %T, want ECDSA", id.Key.Public())
	}

	loaded, err := Load(home)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Cert.Equal(c) || !publicKeysEqual(loaded.Key.Public(), c.PublicKey) || len(loaded.Chain) != 0 {
		t.Error("Load did not return the created identity")
	}

	info := Describe(c)
	if !info.SelfSigned || info.Subject != info.Issuer ||
		info.Subject != "CN=Ana María Núñez,E=ana@example.org,O=Ñandú Auditores" {
		t.Errorf("Describe: %+v", info)
	}
	if !regexp.MustCompile(`^([0-9A-F]{2}:){31}[0-9A-F]{2}$`).MatchString(info.FingerprintSHA256) {
		t.Errorf("fingerprint %q", info.FingerprintSHA256)
	}
}

func TestCreateRefusesToOverwrite(t *testing.T) {
	home := t.TempDir()
	first, err := Create(home, "Ana", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(home, "Otra", "", ""); !errors.Is(err, ErrExists) {
		t.Fatalf("second Create: err = %v, want ErrExists", err)
	}
	second, err := Replace(home, "Otra", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if second.Cert.Subject.CommonName != "Otra" {
		t.Errorf("Replace made %v", second.Cert.Subject)
	}
	// The old identity is kept, not deleted.
	olds, _ := filepath.Glob(filepath.Join(home, "identity", "old-*", "cert.pem"))
	if len(olds) != 1 {
		t.Fatalf("archived certs: %v", olds)
	}
	data, _ := os.ReadFile(olds[0])
	block, _ := pem.Decode(data)
	if block == nil || string(block.Bytes) != string(first.Cert.Raw) {
		t.Error("the archived cert.pem is not the first certificate")
	}
}

func TestCreateValidates(t *testing.T) {
	if _, err := Create(t.TempDir(), "  ", "", ""); err == nil {
		t.Error("created an identity without a name")
	}
	if _, err := Create(t.TempDir(), "Ana", "no es un correo", ""); err == nil || !strings.Contains(err.Error(), "e-mail") {
		t.Errorf("bad e-mail: err = %v", err)
	}
}

func TestLoadRefusesReadableKey(t *testing.T) {
	home := t.TempDir()
	if _, err := Create(home, "Ana", "", ""); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(home, "identity", "key.pem")
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(home)
	want := "key file " + key + " is readable by others (mode 0644); run chmod 600 " + key
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(t.TempDir()); !errors.Is(err, ErrNoIdentity) {
		t.Fatalf("err = %v, want ErrNoIdentity", err)
	}
}

func TestLoadRejectsForeignCert(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := Create(a, "Ana", "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(b, "Beto", "", ""); err != nil {
		t.Fatal(err)
	}
	other, _ := os.ReadFile(filepath.Join(b, "identity", "cert.pem"))
	if err := os.WriteFile(filepath.Join(a, "identity", "cert.pem"), other, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(a); err == nil || !strings.Contains(err.Error(), "does not belong to the key") {
		t.Fatalf("err = %v", err)
	}
}

// testCA is a root CA that signs certificate requests.
type testCA struct {
	key  *ecdsa.PrivateKey
	cert *x509.Certificate
}

func newCA(t *testing.T) *testCA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Raíz de Certificación"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return &testCA{key, cert}
}

// issue signs the CSR as a CA would.
func (ca *testCA) issue(t *testing.T, csrPEM []byte) *x509.Certificate {
	t.Helper()
	return ca.issueWith(t, csrPEM, nil)
}

// issueWith signs the CSR after edit changes the certificate template.
func (ca *testCA) issueWith(t *testing.T, csrPEM []byte, edit func(*x509.Certificate)) *x509.Certificate {
	t.Helper()
	block, _ := pem.Decode(csrPEM)
	if block == nil || block.Type != "CERTIFICATE REQUEST" {
		t.Fatalf("CSR is not PEM: %q", csrPEM)
	}
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := csr.CheckSignature(); err != nil {
		t.Fatalf("CSR signature: %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(42), Subject: csr.Subject, EmailAddresses: csr.EmailAddresses,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if edit != nil {
		edit(tmpl)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, csr.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return cert
}

func pemOf(certs ...*x509.Certificate) []byte {
	var out []byte
	for _, c := range certs {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return out
}

func TestCSRAndImportIssuedCertificate(t *testing.T) {
	home := t.TempDir()
	id, err := Create(home, "Ana María Núñez", "ana@example.org", "Ñandú Auditores")
	if err != nil {
		t.Fatal(err)
	}
	csrPEM, err := CSR(home)
	if err != nil {
		t.Fatal(err)
	}
	ca := newCA(t)
	issued := ca.issue(t, csrPEM)
	if issued.Subject.CommonName != "Ana María Núñez" || len(issued.EmailAddresses) != 1 {
		t.Errorf("CSR subject lost: %v %v", issued.Subject, issued.EmailAddresses)
	}
	noPW := func() (string, error) { t.Fatal("asked for a password for a PEM import"); return "", nil }

	// A certificate for someone else's key is refused.
	stranger := ca.issue(t, mustCSR(t))
	if _, err := Import(home, pemOf(stranger), noPW); err == nil || !strings.Contains(err.Error(), "belongs to your signing key") {
		t.Fatalf("foreign certificate: err = %v", err)
	}

	got, err := Import(home, pemOf(issued, ca.cert), noPW)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Cert.Equal(issued) || len(got.Chain) != 1 || !got.Chain[0].Equal(ca.cert) {
		t.Fatalf("import: cert %v chain %d", got.Cert.Subject, len(got.Chain))
	}
	loaded, err := Load(home)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Cert.Equal(issued) || len(loaded.Chain) != 1 || !publicKeysEqual(loaded.Key.Public(), id.Key.Public()) {
		t.Error("after import, Load does not give the issued certificate with the old key and the chain")
	}
	if info := Describe(loaded.Cert); info.SelfSigned || info.Issuer != "CN=Raíz de Certificación" {
		t.Errorf("Describe: %+v", info)
	}
	if len(loaded.Certificates()) != 2 || loaded.Certificates()[0] != loaded.Cert {
		t.Error("Certificates() is not leaf then chain")
	}
}

// mustCSR is a CSR for a fresh key nobody keeps.
func mustCSR(t *testing.T) []byte {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: "Otro"}}, key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})
}

func TestImportPKCS12(t *testing.T) {
	src, home := t.TempDir(), t.TempDir()
	if _, err := Create(home, "Vieja", "", ""); err != nil {
		t.Fatal(err)
	}
	made, err := Create(src, "Ana P12", "ana@example.org", "")
	if err != nil {
		t.Fatal(err)
	}
	ca := newCA(t)
	p12, err := pkcs12.Modern.Encode(made.Key, made.Cert, []*x509.Certificate{ca.cert}, "contraseña")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(home, p12, func() (string, error) { return "mala", nil }); err == nil || !strings.Contains(err.Error(), "wrong password") {
		t.Fatalf("wrong password: err = %v", err)
	}
	got, err := Import(home, p12, func() (string, error) { return "contraseña", nil })
	if err != nil {
		t.Fatal(err)
	}
	if !got.Cert.Equal(made.Cert) || len(got.Chain) != 1 {
		t.Fatalf("imported cert %v chain %d", got.Cert.Subject, len(got.Chain))
	}
	loaded, err := Load(home)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Cert.Equal(made.Cert) || !publicKeysEqual(loaded.Key.Public(), made.Key.Public()) || len(loaded.Chain) != 1 {
		t.Error("Load after PKCS#12 import does not give the imported key, certificate and chain")
	}
	if st, _ := os.Stat(loaded.KeyFile); st.Mode().Perm() != 0o600 {
		t.Errorf("imported key mode %v", st.Mode().Perm())
	}
	if olds, _ := filepath.Glob(filepath.Join(home, "identity", "old-*", "key.pem")); len(olds) != 1 {
		t.Errorf("old key not archived: %v", olds)
	}
}

func TestImportRejectsGarbageAndPEMKeys(t *testing.T) {
	home := t.TempDir()
	if _, err := Create(home, "Ana", "", ""); err != nil {
		t.Fatal(err)
	}
	keyPEM, _ := os.ReadFile(filepath.Join(home, "identity", "key.pem"))
	if _, err := Import(home, keyPEM, nil); err == nil || !strings.Contains(err.Error(), "PKCS#12") {
		t.Errorf("PEM key: err = %v", err)
	}
	if _, err := Import(home, []byte("hola"), func() (string, error) { return "", nil }); err == nil {
		t.Error("imported garbage")
	}
}

// emailTag returns the ASN.1 tag of the emailAddress attribute in a DER
// name, or -1.
func emailTag(t *testing.T, raw []byte) int {
	t.Helper()
	var seq []rdnValueSET
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		t.Fatal(err)
	}
	for _, set := range seq {
		for _, a := range set {
			if a.Type.Equal(oidEmailAddress) {
				return a.Value.Tag
			}
		}
	}
	return -1
}

// TestEmailIsIA5String: RFC 5280 wants the subject's emailAddress as an
// IA5String, in the self-signed certificate and in the CSR; names print
// as RFC 4514 with E=, never an OID and a hex dump.
func TestEmailIsIA5String(t *testing.T) {
	home := t.TempDir()
	id, err := Create(home, "Ana María Núñez", "ana@example.org", "Ñandú Auditores")
	if err != nil {
		t.Fatal(err)
	}
	if tag := emailTag(t, id.Cert.RawSubject); tag != asn1.TagIA5String {
		t.Errorf("certificate emailAddress tag %d, want IA5String (%d)", tag, asn1.TagIA5String)
	}
	csrPEM, err := CSR(home)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(csrPEM)
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil || csr.CheckSignature() != nil {
		t.Fatalf("CSR: %v", err)
	}
	if tag := emailTag(t, csr.RawSubject); tag != asn1.TagIA5String {
		t.Errorf("CSR emailAddress tag %d, want IA5String", tag)
	}
	info := Describe(id.Cert)
	if strings.Contains(info.Subject, "1.2.840.113549") || !strings.Contains(info.Subject, "E=ana@example.org") {
		t.Errorf("subject %q", info.Subject)
	}
	if _, err := Create(t.TempDir(), "Ana", "añá@example.org", ""); err == nil {
		t.Error("an e-mail address that is not ASCII was accepted (IA5String cannot hold it)")
	}
}

// TestImportRefusesUnusableCertificates: a certificate that is expired, not
// yet valid, or may not sign documents is refused with the reason, and the
// identity stays as it was.
func TestImportRefusesUnusableCertificates(t *testing.T) {
	home := t.TempDir()
	if _, err := Create(home, "Ana María Núñez", "ana@example.org", ""); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(Dir(home), CertFile))
	csrPEM, err := CSR(home)
	if err != nil {
		t.Fatal(err)
	}
	ca := newCA(t)
	noPW := func() (string, error) { return "", nil }
	for _, c := range []struct {
		reason string
		edit   func(*x509.Certificate)
	}{
		{CertExpired, func(c *x509.Certificate) {
			c.NotBefore, c.NotAfter = time.Now().AddDate(-3, 0, 0), time.Now().AddDate(0, 0, -1)
		}},
		{CertNotYetValid, func(c *x509.Certificate) { c.NotBefore = time.Now().AddDate(0, 1, 0) }},
		{CertNoDigSig, func(c *x509.Certificate) { c.KeyUsage = x509.KeyUsageKeyEncipherment }},
		{CertEKU, func(c *x509.Certificate) { c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth} }},
	} {
		cert := ca.issueWith(t, csrPEM, c.edit)
		_, err := Import(home, pemOf(cert, ca.cert), noPW)
		var p *CertProblem
		if !errors.As(err, &p) || p.Reason != c.reason {
			t.Errorf("%s: err = %v, want a CertProblem", c.reason, err)
		}
		if after, _ := os.ReadFile(filepath.Join(Dir(home), CertFile)); string(after) != string(before) {
			t.Fatalf("%s: a refused import changed cert.pem", c.reason)
		}
	}
	// Non-repudiation alone may sign in verify's eyes, but keys import
	// wants digitalSignature; documentSigning as EKU is fine.
	ok := ca.issueWith(t, csrPEM, func(c *x509.Certificate) {
		c.UnknownExtKeyUsage = []asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 36}}
	})
	if _, err := Import(home, pemOf(ok, ca.cert), noPW); err != nil {
		t.Errorf("a documentSigning certificate was refused: %v", err)
	}
}

package report

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/report/identity"
)

// testCA is a certificate with its key, able to issue others.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// issueCert makes an ECDSA certificate for cn, signed by parent (self-signed
// when parent is nil), valid a year either side of now and of fixtureNow.
func issueCert(t testing.TB, cn string, isCA bool, parent *testCA) testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Certificadora Andina"}},
		NotBefore:    time.Now().Add(-365 * 24 * time.Hour), NotAfter: time.Now().Add(2 * 365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if isCA {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
	}
	signCert, signKey := tmpl, key
	if parent != nil {
		signCert, signKey = parent.cert, parent.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signCert, key.Public(), signKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return testCA{c, key}
}

// writePEM writes certificates as PEM to a new file and returns its path.
func writePEM(t testing.TB, name string, certs ...*x509.Certificate) string {
	t.Helper()
	var b []byte
	for _, c := range certs {
		b = append(b, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// caSignedReport exports a finalized report signed by a leaf issued by an
// intermediate under root, the intermediate embedded in the signature.
func caSignedReport(t testing.TB, root testCA) []byte {
	t.Helper()
	inter := issueCert(t, "Certificadora Andina Issuing CA", true, &root)
	leaf := issueCert(t, "Ana María Gómez", false, &inter)
	s, id, cats := storeAuditFor(t, 3, 0, 0, SignerRecord(leaf.cert))
	path, err := Export(s, id, ExportOptions{Draft: false, Catalogs: cats, Now: time.Now(),
		Identity: &identity.Identity{Key: leaf.key, Cert: leaf.cert, Chain: []*x509.Certificate{inter.cert}}})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func TestVerifyTrustedCA(t *testing.T) {
	root := issueCert(t, "Certificadora Andina Root CA", true, nil)
	pdf := caSignedReport(t, root)
	pool := x509.NewCertPool()
	pool.AddCert(root.cert)

	v := VerifyTrusted(pdf, Trust{Roots: pool, RootsFile: "cb-root.pem"})
	if !v.Valid || v.TrustCheck != TrustCA || v.Trusted == nil || !*v.Trusted || !hasNote(v, NoteTrustedCA, "cb-root.pem") {
		t.Fatalf("right root: %+v", v)
	}

	other := issueCert(t, "Some Other CA", true, nil)
	pool = x509.NewCertPool()
	pool.AddCert(other.cert)
	v = VerifyTrusted(pdf, Trust{Roots: pool, RootsFile: "other.pem"})
	if v.Valid || v.Trusted == nil || *v.Trusted || len(v.Problems) != 1 || v.Problems[0].Kind != KindUntrustedCA ||
		v.Problems[0].File != "other.pem" || !strings.Contains(v.Problems[0].Detail, "certificate signed by unknown authority") {
		t.Fatalf("other root: %+v", v)
	}

	// Without a check, the report is valid but says the signer is unchecked.
	v = Verify(pdf)
	if !v.Valid || v.Trusted != nil || v.TrustCheck != TrustNone || !hasNote(v, NoteTrustNotChecked, "") {
		t.Fatalf("no check: %+v", v)
	}
}

func TestVerifyTrustedFingerprint(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, true)
	ident := testIdentity(t)
	path, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: cats})
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(path)
	fp := Fingerprint(ident.Cert)
	for _, given := range []string{fp, strings.ToLower(fp), strings.ReplaceAll(strings.ToLower(fp), ":", ""), strings.ReplaceAll(fp, ":", " ")} {
		v := VerifyTrusted(pdf, Trust{Fingerprint: given})
		if !v.Valid || v.TrustCheck != TrustFingerprint || v.Trusted == nil || !*v.Trusted || !hasNote(v, NoteTrustedFingerprint, "") {
			t.Errorf("fingerprint %q: %+v", given, v)
		}
	}
	wrong := strings.Repeat("ab:", 31) + "ab"
	v := VerifyTrusted(pdf, Trust{Fingerprint: wrong})
	want := Finding{Kind: KindFingerprint, Got: fp, Want: strings.ToUpper(wrong), Subject: v.Signer}
	if v.Valid || v.Trusted == nil || *v.Trusted || len(v.Problems) != 1 || v.Problems[0] != want {
		t.Fatalf("wrong fingerprint: %+v\nwant %+v", v, want)
	}
}

// hasNote reports whether v has a note of kind k (whose File is file, when
// file is given).
func hasNote(v *Verification, k Kind, file string) bool {
	for _, n := range v.Notes {
		if n.Kind == k && (file == "" || n.File == file) {
			return true
		}
	}
	return false
}

func TestParseFingerprintRefusesNonSHA256(t *testing.T) {
	for _, s := range []string{"", "AB:CD", strings.Repeat("zz", 32), strings.Repeat("ab", 20)} {
		if _, err := ParseFingerprint(s); err == nil || !strings.Contains(err.Error(), "not a SHA-256 fingerprint") {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestLoadRootsErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.pem")
	empty := filepath.Join(dir, "empty.pem")
	garbage := filepath.Join(dir, "garbage.pem")
	bad := filepath.Join(dir, "bad.pem")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(garbage, []byte("not a certificate\n"), 0o644)
	os.WriteFile(bad, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("junk")}), 0o644)
	for _, p := range []string{missing, empty, garbage, bad} {
		if _, err := LoadRoots(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v", p, err)
		}
	}
	root := issueCert(t, "Root", true, nil)
	der := filepath.Join(dir, "root.cer")
	os.WriteFile(der, root.cert.Raw, 0o644)
	for _, p := range []string{der, writePEM(t, "root.pem", root.cert)} {
		if _, err := LoadRoots(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// poppler agrees: with the root in an NSS database, pdfsig trusts the
// signer of a CA-issued report.
func TestPdfsigTrustsCASignedReport(t *testing.T) {
	certutil, err := exec.LookPath("certutil")
	if err != nil {
		t.Skip("certutil not installed (libnss3-tools)")
	}
	pdfsig, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig not installed (poppler-utils)")
	}
	root := issueCert(t, "Certificadora Andina Root CA", true, nil)
	pdf := caSignedReport(t, root)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	db := "sql:" + filepath.Join(dir, "nss")
	os.Mkdir(filepath.Join(dir, "nss"), 0o700)
	run := func(name string, args ...string) string {
		t.Helper()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out)
	}
	run(certutil, "-N", "-d", db, "--empty-password")
	out := run(pdfsig, "-nssdir", db, file)
	if strings.Contains(out, "Certificate is Trusted.") {
		t.Fatalf("pdfsig trusts the signer before the root is added:\n%s", out)
	}
	run(certutil, "-A", "-d", db, "-n", "root", "-t", ",C,", "-i", writePEM(t, "root.pem", root.cert))
	out = run(pdfsig, "-nssdir", db, file)
	if !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Certificate is Trusted.") {
		t.Fatalf("pdfsig with the root trusted:\n%s", out)
	}
}

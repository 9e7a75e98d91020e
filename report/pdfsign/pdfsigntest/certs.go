package pdfsigntest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Validity of the certificates made here: wide, so tests do not expire.
var (
	NotBefore = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	NotAfter  = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
)

// CA is a test certification authority.
type CA struct {
	Signer
	serial int64
}

// NewCA makes a self-signed root CA.
func NewCA(t testing.TB, cn string) *CA {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn, Organization: []string{"Certificadora de Prueba"}},
		NotBefore: NotBefore, NotAfter: NotAfter, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	return &CA{Signer: Signer{Key: key, Cert: create(t, tmpl, tmpl, key, key)}, serial: 100}
}

// Issue makes a signing certificate for cn (with e-mail, if given) under
// ca; edit may change the template (validity, key usage) first.
func (ca *CA) Issue(t testing.TB, cn, email string, edit func(*x509.Certificate)) Signer {
	t.Helper()
	ca.serial++
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(ca.serial), Subject: pkix.Name{CommonName: cn, Organization: []string{"Auditores de Prueba"}},
		NotBefore: NotBefore, NotAfter: NotAfter,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if email != "" {
		tmpl.EmailAddresses = []string{email}
	}
	if edit != nil {
		edit(tmpl)
	}
	return Signer{Key: key, Cert: create(t, tmpl, ca.Cert, key, ca.Key.(*ecdsa.PrivateKey))}
}

// SelfSigned makes a self-signed signing certificate for cn.
func SelfSigned(t testing.TB, cn string, edit func(*x509.Certificate)) Signer {
	t.Helper()
	key := newKey(t)
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: cn},
		NotBefore: NotBefore, NotAfter: NotAfter,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if edit != nil {
		edit(tmpl)
	}
	return Signer{Key: key, Cert: create(t, tmpl, tmpl, key, key)}
}

// SmallPDF is a two-page PDF shaped like a report (gofpdf, an attached
// audit.json, a link), with core fonts so that files made from it stay
// small.
func SmallPDF(t testing.TB) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetAttachments([]gofpdf.Attachment{{Filename: "audit.json", Content: []byte(`{"asmo":"Cooperativa Minera La Esperanza"}` + "\n")}})
	for p := 1; p <= 2; p++ {
		f.AddPage()
		f.SetFont("Helvetica", "", 12)
		f.MultiCell(0, 6, fmt.Sprintf("Section %d: findings of the audit.\nEvery requirement was assessed.", p), "", "L", false)
	}
	f.CellFormat(60, 8, "fairmined.org", "", 1, "L", false, 0, "https://fairmined.org")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

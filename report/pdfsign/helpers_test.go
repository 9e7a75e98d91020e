package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/big"
	mrand "math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// auditJSON is the attachment every test PDF carries, with accents so a
// byte-exact round trip proves nothing was re-encoded.
var auditJSON = []byte(`{"asmo":"Cooperativa Minera La Esperanza","nota":"¿Está todo en orden? ¡Sí! Ñandú"}` + "\n")

// signTime is inside every test certificate's validity.
var signTime = time.Date(2026, 11, 23, 10, 30, 0, 0, time.FixedZone("COT", -5*3600))

// testJPEG makes a w×h JPEG; noise makes it incompressible so page size
// tracks the number of images.
func testJPEG(t testing.TB, w, h int, noise bool, seed int64) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := mrand.New(mrand.NewSource(seed))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255}
			if noise {
				c.B = uint8(r.Intn(256))
				c.R ^= uint8(r.Intn(64))
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// makePDF renders a gofpdf document like the report: UTF-8 font, Spanish
// text, page footers, an attachment, JPEGs and a link on the last page.
func makePDF(t testing.TB, pages, jpegs int) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
	f.AliasNbPages("")
	f.SetFooterFunc(func() {
		f.SetY(-15)
		f.SetFont("goregular", "", 9)
		f.CellFormat(0, 10, fmt.Sprintf("Página %d de {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.SetAttachments([]gofpdf.Attachment{{Filename: "audit.json", Content: auditJSON}})
	for i := 0; i < jpegs; i++ {
		f.RegisterImageOptionsReader(fmt.Sprintf("img%d", i), gofpdf.ImageOptions{ImageType: "JPG"},
			bytes.NewReader(testJPEG(t, 320, 240, jpegs > 1, int64(i))))
	}
	for p := 1; p <= pages; p++ {
		f.AddPage()
		f.SetFont("goregular", "", 12)
		f.MultiCell(0, 6, fmt.Sprintf("Sección %d — Auditoría técnica (año 2026)\nAcentos: á é í ó ú ü ñ Á É Í Ó Ú Ñ\n¿Está todo en orden? ¡Sí! La compañía cumplió.", p), "", "L", false)
		for i := p - 1; i < jpegs; i += pages {
			f.ImageOptions(fmt.Sprintf("img%d", i), 20+float64(i%2)*90, 60+float64(i/pages%3)*70, 80, 60, false, gofpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		}
	}
	f.SetTextColor(0, 0, 200)
	f.CellFormat(60, 8, "fairmined.org", "", 1, "L", false, 0, "https://fairmined.org")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// certTemplate is a signing certificate template valid 2026–2029.
func certTemplate(cn string, serial int64) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Ñandú Auditores S.L."}, Country: []string{"CO"}},
		NotBefore:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
}

type testIdentity struct {
	key   crypto.Signer
	chain []*x509.Certificate
}

var (
	ecOnce, rsaOnce sync.Once
	ecID, rsaID     testIdentity
)

// ecdsaSelfSigned is a self-signed P-256 identity, made once per run.
func ecdsaSelfSigned(t testing.TB) testIdentity {
	ecOnce.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := certTemplate("Inspección Prueba (ecdsa)", 7)
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
		if err != nil {
			t.Fatal(err)
		}
		cert, _ := x509.ParseCertificate(der)
		ecID = testIdentity{key, []*x509.Certificate{cert}}
	})
	return ecID
}

// rsaWithCA is an RSA-2048 leaf issued by an RSA-2048 root CA.
func rsaWithCA(t testing.TB) testIdentity {
	rsaOnce.Do(func() {
		caKey, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		ca := certTemplate("Raíz de Prueba", 1)
		ca.IsCA, ca.BasicConstraintsValid = true, true
		ca.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, caKey.Public(), caKey)
		if err != nil {
			t.Fatal(err)
		}
		caCert, _ := x509.ParseCertificate(caDER)
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		leafDER, err := x509.CreateCertificate(rand.Reader, certTemplate("Inspección Prueba (rsa)", 2), caCert, key.Public(), caKey)
		if err != nil {
			t.Fatal(err)
		}
		leaf, _ := x509.ParseCertificate(leafDER)
		rsaID = testIdentity{key, []*x509.Certificate{leaf, caCert}}
	})
	return rsaID
}

// pdfsig runs poppler's pdfsig on pdf and returns its output; the test is
// skipped when pdfsig is not installed.
func pdfsig(t *testing.T, pdf []byte) string {
	t.Helper()
	return runTool(t, "pdfsig", pdf)
}

func runTool(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed", tool)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	// "PDF" in args stands for the file; without it the file comes last.
	full := append([]string(nil), args...)
	placed := false
	for i, a := range full {
		if a == "PDF" {
			full[i], placed = path, true
		}
	}
	if !placed {
		full = append(full, path)
	}
	out, _ := exec.Command(tool, full...).CombinedOutput()
	return string(out)
}

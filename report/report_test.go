package report

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
)

// testSigner is an inspector key and self-signed certificate made for tests.
type testSigner struct {
	key  crypto.Signer
	cert *x509.Certificate
}

var (
	signerOnce sync.Once
	signer     testSigner
)

func newTestSigner(t testing.TB) testSigner {
	t.Helper()
	signerOnce.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(7),
			Subject:      pkix.Name{CommonName: "Ana María Gómez", Organization: []string{"Auditores Ñandú"}},
			NotBefore:    fixtureNow.Add(-24 * time.Hour), NotAfter: fixtureNow.Add(2 * 365 * 24 * time.Hour),
			KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
		if err != nil {
			t.Fatal(err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		signer = testSigner{key, cert}
	})
	return signer
}

// renderFixture renders the standard fixture audit (30 requirements,
// 3 photos).
func renderFixture(t testing.TB, draft bool) (*audit.Audit, []byte, []byte) {
	t.Helper()
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 3, 640)
	data, err := AuditJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	opts := RenderOptions{Draft: draft, Now: fixtureNow, Place: "Medellín", AuditJSON: data}
	if !draft {
		opts.Signer = SignerFromCert("", newTestSigner(t).cert)
	}
	pdf, err := Render(a, cat, imgs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return a, pdf, data
}

func signFixture(t testing.TB, pdf []byte) []byte {
	t.Helper()
	s := newTestSigner(t)
	out, err := pdfsign.Sign(pdf, s.key, []*x509.Certificate{s.cert}, pdfsign.Options{
		Name: "Ana María Gómez", Reason: "Fairmined audit report test revision 1", Location: "Mina El Cañón", Time: fixtureNow,
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText runs pdftotext and returns the text of each page.
func pdfText(t testing.TB, path string) []string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func TestRenderTextExtracts(t *testing.T) {
	a, pdf, _ := renderFixture(t, false)
	pages := pdfText(t, writeTemp(t, "r.pdf", pdf))
	all := strings.Join(pages, "\n")
	want := []string{a.Header.ASMO, spanishNote, "Mina El Cañón", "Íquira", "Social", "Economic", "Environmental", "Labour", "Chemicals",
		"Non-conformity register", "Evidence index", "Major non-conformity", "Minor non-conformity", "Not applicable",
		"No processing plant discharges", "Informative", "Excluded", "Figure 1. IMG_0100.jpg", "assay verify FILE", "pdfsig FILE",
		"Total document signed", "Ana María Gómez", "Certificadora Andina S.A.S."}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("report text lacks %q", w)
		}
	}
	n := len(pages)
	if n < 6 {
		t.Fatalf("only %d pages", n)
	}
	id := ReportID(a)
	for i, p := range pages {
		if !strings.Contains(p, id) {
			t.Errorf("page %d lacks the report id %s", i+1, id)
		}
		if w := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(p, w) {
			t.Errorf("page %d lacks %q", i+1, w)
		}
		if strings.Contains(p, "DRAFT") {
			t.Errorf("final report page %d says DRAFT", i+1)
		}
	}
}

func TestRenderAttachesAuditJSON(t *testing.T) {
	needTool(t, "pdfdetach")
	_, pdf, data := renderFixture(t, false)
	path := writeTemp(t, "r.pdf", pdf)
	out, err := exec.Command("pdfdetach", "-list", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "audit.json") {
		t.Fatalf("pdfdetach -list: %v\n%s", err, out)
	}
	saved := filepath.Join(t.TempDir(), "saved.json")
	if out, err := exec.Command("pdfdetach", "-save", "1", "-o", saved, path).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -save: %v\n%s", err, out)
	}
	got, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("attached audit.json differs from the audit bytes (%d vs %d bytes)", len(got), len(data))
	}
}

func TestDraftHasBannerOnEveryPageAndNoSignature(t *testing.T) {
	_, pdf, _ := renderFixture(t, true)
	path := writeTemp(t, "d.pdf", pdf)
	for i, p := range pdfText(t, path) {
		if !strings.Contains(p, "DRAFT — not signed, not for certification") {
			t.Errorf("draft page %d lacks the DRAFT banner", i+1)
		}
	}
	needTool(t, "pdfsig")
	out, err := exec.Command("pdfsig", path).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "does not contain any signatures") {
		t.Errorf("pdfsig on a draft: %v\n%s", err, out)
	}
	v := Verify(pdf)
	if v.Valid || v.Signed || len(v.Problems) == 0 || v.Problems[0].Kind != KindNoSignature {
		t.Errorf("Verify(draft) = %+v, want the no-signature problem first", v)
	}
}

func TestSignedReportVerifies(t *testing.T) {
	a, pdf, _ := renderFixture(t, false)
	signed := signFixture(t, pdf)
	v := Verify(signed)
	if !v.Valid {
		t.Fatalf("Verify: %+v", v)
	}
	if v.AuditID != a.ID || v.Revision != 1 || v.ASMO != a.Header.ASMO || !v.CoversWholeFile {
		t.Errorf("Verify reports %+v", v)
	}
	if !strings.Contains(v.Signer, "Ana María Gómez") || v.Fingerprint != Fingerprint(newTestSigner(t).cert) {
		t.Errorf("signer %q fingerprint %q", v.Signer, v.Fingerprint)
	}
	needTool(t, "pdfsig")
	out, _ := exec.Command("pdfsig", writeTemp(t, "s.pdf", signed)).CombinedOutput()
	for _, w := range []string{"Signature is Valid.", "Total document signed"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("pdfsig lacks %q:\n%s", w, out)
		}
	}
}

// streamStart returns the offset of the first byte of object n's stream.
func streamStart(t *testing.T, pdf []byte, n int) int {
	t.Helper()
	re := regexp.MustCompile(fmt.Sprintf(`(?m)^%d 0 obj`, n))
	loc := re.FindIndex(pdf)
	if loc == nil {
		t.Fatalf("object %d not found", n)
	}
	i := bytes.Index(pdf[loc[1]:], []byte("stream\n"))
	if i < 0 {
		t.Fatalf("object %d has no stream", n)
	}
	return loc[1] + i + len("stream\n")
}

func TestTamperedReportIsRefused(t *testing.T) {
	_, pdf, _ := renderFixture(t, false)
	signed := signFixture(t, pdf)
	cases := []struct {
		name string
		at   func(t *testing.T, b []byte) int
		want Kind
	}{
		// gofpdf writes page/content pairs from object 3; layout appends
		// the attached files after gofpdf's objects.
		{"page content", func(t *testing.T, b []byte) int { return streamStart(t, b, 4) + 20 }, pdfsign.KindChanged},
		{"attached audit data", func(t *testing.T, b []byte) int {
			m := regexp.MustCompile(`/F \(audit\.json\)[^\n]*?/EF <</F (\d+) 0 R`).FindSubmatch(b)
			if m == nil {
				t.Fatal("no audit.json file specification")
			}
			n, _ := strconv.Atoi(string(m[1]))
			return streamStart(t, b, n) + 40
		}, KindAuditDataBad},
		{"signing date", func(t *testing.T, b []byte) int {
			i := bytes.LastIndex(b, []byte("/M (D:"))
			if i < 0 {
				t.Fatal("no /M in the signature")
			}
			return i + len("/M (D:") + 3 // a digit of the year
		}, pdfsign.KindChanged},
		{"signature value", func(t *testing.T, b []byte) int {
			i := bytes.LastIndex(b, []byte("/Contents <"))
			if i < 0 {
				t.Fatal("no /Contents in the signature")
			}
			// The CMS ends with the signature value; its last bytes
			// before the zero padding are signature bits.
			j := i + len("/Contents <")
			end := j + bytes.IndexByte(b[j:], '>')
			hex := bytes.TrimRight(b[j:end], "0")
			return j + len(hex) - 6
		}, pdfsign.KindSigInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := bytes.Clone(signed)
			at := c.at(t, b)
			if b[at] >= '0' && b[at] <= '8' {
				b[at]++
			} else if b[at] == '9' {
				b[at] = '0'
			} else if b[at] >= 'a' && b[at] < 'f' {
				b[at]++
			} else if b[at] == 'f' {
				// Stay a hex digit: 'f'^1 is 'g', which breaks the
				// dictionary instead of the signature (a flaky case).
				b[at] = 'e'
			} else {
				b[at] ^= 0x01
			}
			v := Verify(b)
			t.Logf("problems: %+v", v.Problems)
			if v.Valid {
				t.Fatalf("Verify accepted a file with a changed %s", c.name)
			}
			if !hasKind(v.Problems, pdfsign.KindChanged) && !hasKind(v.Problems, pdfsign.KindSigInvalid) {
				t.Errorf("problems %+v do not say the file or signature changed", v.Problems)
			}
			if !hasKind(v.Problems, c.want) {
				t.Errorf("problems %+v lack %q", v.Problems, c.want)
			}
			if _, err := exec.LookPath("pdfsig"); err == nil {
				out, _ := exec.Command("pdfsig", writeTemp(t, "t.pdf", b)).CombinedOutput()
				if strings.Contains(string(out), "Signature is Valid.") {
					t.Errorf("pdfsig still says valid:\n%s", out)
				}
			}
		})
	}
}

// hasKind reports whether a finding of kind k is in fs.
func hasKind(fs []Finding, k Kind) bool {
	for _, f := range fs {
		if f.Kind == k {
			return true
		}
	}
	return false
}

func TestStaleContentHashIsReported(t *testing.T) {
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 0, 0)
	a.Header.ASMO = "Otra Cooperativa" // changed after finalizing: hash now stale
	data, err := AuditJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, AuditJSON: data})
	if err != nil {
		t.Fatal(err)
	}
	v := Verify(signFixture(t, pdf))
	if v.Valid || !hasKind(v.Problems, KindHashMismatch) {
		t.Errorf("Verify = %+v, want the content-hash problem", v)
	}
	if !v.Signed || !v.CoversWholeFile {
		t.Errorf("the signature itself should be fine: %+v", v)
	}
}

func TestRenderSurvivesHostileText(t *testing.T) {
	cat := testCatalog(6)
	a, _ := testAudit(t, cat, 0, 0)
	long := strings.Repeat("Observación larguísima sin pausa ", 400) + strings.Repeat("x", 500)
	a.Header.ASMO = "Asociación \x1b[31mRoja\x1b[0m\tde mineros\x00 ñ"
	a.Finding("1.1").Notes = long
	a.Finding("2.2").Verdict = audit.Major
	a.Finding("2.2").Notes = long
	a.Finding("2.2").CorrectiveAction = "Línea 1\r\nLínea 2\n\n\nLínea 5"
	a.Evidence = append(a.Evidence, audit.Evidence{SHA256: strings.Repeat("ab", 32), Name: "broken.jpg", MediaType: "image/jpeg"})
	imgs := fixtureImages{strings.Repeat("ab", 32): []byte("not a jpeg at all")}
	pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfText(t, writeTemp(t, "h.pdf", pdf)), "\n")
	for _, w := range []string{"Asociación Roja de mineros ñ", "Línea 5", "The image broken.jpg could not be read."} {
		if !strings.Contains(all, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if strings.Contains(all, "[31m") {
		t.Error("escape sequence printed")
	}
}

func TestRenderRefusesMissingInputs(t *testing.T) {
	if _, err := Render(nil, testCatalog(2), nil, RenderOptions{}); err == nil {
		t.Error("Render(nil audit) succeeded")
	}
	a, _ := testAudit(t, testCatalog(2), 0, 0)
	if _, err := Render(a, nil, nil, RenderOptions{}); err == nil || !strings.Contains(err.Error(), a.ID) {
		t.Errorf("Render(nil catalog) = %v", err)
	}
}

func TestVerifyNonReports(t *testing.T) {
	_, draft, _ := renderFixture(t, true)
	for name, data := range map[string][]byte{
		"empty": nil, "text": []byte("hello, not a pdf"), "truncated": draft[:len(draft)/2],
		"header only": []byte("%PDF-1.7\n/ByteRange [0 10 20 30]"),
	} {
		v := Verify(data)
		if v.Valid || len(v.Problems) == 0 {
			t.Errorf("%s: Verify = %+v", name, v)
		}
	}
}

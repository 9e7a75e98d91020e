package pdfsign_test

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

// windowSizes are the window settings VerifyReader is checked under: one
// byte (every parse grows its window, every search straddles chunks), a
// few bytes, and the defaults.
var windowSizes = [][2]int{{1, 7}, {64, 256}, {0, 0}}

// sameVerdict checks that VerifyReader on pdf finds exactly what Verify
// finds, whatever the window sizes.
func sameVerdict(t *testing.T, name string, pdf []byte) {
	t.Helper()
	want, wantErr := pdfsign.Verify(pdf)
	for _, w := range windowSizes {
		restore := func() {}
		if w[0] > 0 {
			restore = pdfsign.SetWindows(w[0], w[1])
		}
		got, err := pdfsign.VerifyReader(bytes.NewReader(pdf), int64(len(pdf)))
		restore()
		if !errors.Is(err, wantErr) && (err == nil || wantErr == nil || err.Error() != wantErr.Error()) {
			t.Errorf("%s, windows %v: VerifyReader err = %v, Verify err = %v", name, w, err, wantErr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s, windows %v: VerifyReader and Verify differ:\n reader %s\n memory %s", name, w, describe(got), describe(want))
		}
	}
}

func describe(r *pdfsign.Result) string {
	if r == nil {
		return "<nil>"
	}
	return fmt.Sprintf("valid=%v problems=%v revisions=%d signatures=%d covers=%v signed=%v",
		r.Valid, kinds(r.Problems), len(r.Revisions), len(r.Signatures), r.CoversWholeFile, r.SignedBytes)
}

// TestVerifyReaderMatchesVerify: reading the file a window at a time finds
// what reading it whole finds, on the signed base, every published attack,
// the fuzz seeds, and the base cut short, flipped, or with bytes appended.
func TestVerifyReaderMatchesVerify(t *testing.T) {
	base, _, attacker, colleague := attackBase(t, 0)
	sameVerdict(t, "base", base)
	tsa := pdfsigntest.NewTSA(t)
	for _, a := range pdfsigntest.Attacks(t, base, attacker, &colleague, pdfsign.HTTPTimestamper{URL: tsa.URL}) {
		sameVerdict(t, a.Name, a.PDF)
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "attacks", "*.pdf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		sameVerdict(t, filepath.Base(s), data)
	}
	for _, n := range []int{0, 1, 9, len(base) / 3, len(base) / 2, len(base) - 40, len(base) - 6, len(base) - 1} {
		sameVerdict(t, fmt.Sprintf("cut at %d", n), base[:n])
	}
	for at := 0; at < len(base); at += len(base)/53 + 1 {
		flipped := bytes.Clone(base)
		flipped[at] ^= 0x20
		sameVerdict(t, fmt.Sprintf("byte %d flipped", at), flipped)
	}
	sameVerdict(t, "data after %%EOF", append(bytes.Clone(base), "garbage\n"...))
	sameVerdict(t, "unsigned", pdfsigntest.SmallPDF(t))
}

// signFile signs pdf with SignFile in a temp file and returns the result.
func signFile(t *testing.T, pdf []byte, s pdfsigntest.Signer, chain []*x509.Certificate, opts pdfsign.Options) ([]byte, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = pdfsign.SignFile(f, s.Key, chain, opts)
	out, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	return out, err
}

// TestSignFileMatchesSign: signing in place in a file gives the bytes Sign
// gives (an RSA signature is deterministic), and the file verifies.
func TestSignFileMatchesSign(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	inspector := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	chain := []*x509.Certificate{inspector.Cert, ca.Cert}
	pdf := pdfsigntest.SmallPDF(t)
	opts := pdfsign.Options{Name: "Ana María Gómez", Reason: "Informe", Location: "Segovia", Certify: 1,
		Time:       time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		Appearance: &pdfsign.Appearance{Rect: [4]float64{51, 60, 363, 134}, Lines: []string{"Firmado por Ana María Gómez"}}}
	want, err := pdfsign.Sign(pdf, inspector.Key, chain, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := signFile(t, pdf, inspector, chain, opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pdfsign.Verify(got)
	if err != nil || !res.Valid || !res.CoversWholeFile || !res.Certified {
		t.Fatalf("the file SignFile signed: %v %s", err, describe(res))
	}
	// ECDSA signatures differ from run to run: compare outside /Contents.
	gap := res.SignedBytes
	if len(got) != len(want) || !bytes.Equal(got[:gap[0][1]], want[:gap[0][1]]) || !bytes.Equal(got[gap[1][0]:], want[gap[1][0]:]) {
		t.Fatalf("SignFile wrote %d bytes that differ from Sign's %d outside the signature value", len(got), len(want))
	}
	if out := runToolFile(t, "pdfsig", got); !bytes.Contains([]byte(out), []byte("Signature is Valid.")) || !bytes.Contains([]byte(out), []byte("Total document signed")) {
		t.Errorf("pdfsig on SignFile's output:\n%s", out)
	}

	// A signed file is refused, and left as it was.
	again, err := signFile(t, got, inspector, chain, opts)
	if !errors.Is(err, pdfsign.ErrAlreadySigned) || !bytes.Equal(again, got) {
		t.Errorf("signing a signed file: err = %v, file changed: %v", err, !bytes.Equal(again, got))
	}
	// Not a PDF: refused, untouched.
	junk := []byte("hola, no soy un PDF\n")
	if out, err := signFile(t, junk, inspector, chain, opts); err == nil || !bytes.Equal(out, junk) {
		t.Errorf("signing a non-PDF: err = %v, file now %q", err, out)
	}
	// A placeholder too small fails, and the file is cut back to its
	// unsigned bytes (only the header is newer).
	small := opts
	small.Placeholder = 100
	out, err := signFile(t, pdf, inspector, chain, small)
	if err == nil || len(out) != len(pdf) || !bytes.Equal(out[8:], pdf[8:]) {
		t.Errorf("placeholder too small: err = %v, %d bytes left of %d", err, len(out), len(pdf))
	}
}

// runToolFile runs an external tool on pdf, skipping when it is missing.
func runToolFile(t *testing.T, tool string, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed", tool)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(tool, path).CombinedOutput()
	return string(out)
}

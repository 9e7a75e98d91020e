package pdfsign

import (
	"bytes"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var testOpts = Options{
	Name:        "Ana María Núñez",
	Reason:      "Informe de auditoría Fairmined",
	Location:    "Medellín, Colombia",
	ContactInfo: "ana@example.org",
	Time:        signTime,
}

// pdfcpuCheck validates the signatures with pdfcpu offline, trusting the
// root of chain, and returns the result for the last signature.
func pdfcpuCheck(t *testing.T, pdf []byte, id testIdentity) *model.SignatureValidationResult {
	t.Helper()
	config() // pdfcpu must not create ~/.config/pdfcpu
	dir := t.TempDir()
	root := id.chain[len(id.chain)-1]
	pemData := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: root.Raw})
	if err := os.WriteFile(filepath.Join(dir, "root.pem"), pemData, 0o600); err != nil {
		t.Fatal(err)
	}
	old := model.TrustedCertDir
	model.TrustedCertDir = dir
	defer func() { model.TrustedCertDir = old }()
	conf := config()
	conf.Offline = true
	rs, err := api.ValidateSignaturesRaw(bytes.NewReader(pdf), true, conf)
	if err != nil {
		t.Fatalf("pdfcpu: %v", err)
	}
	if len(rs) == 0 {
		t.Fatal("pdfcpu found no signature")
	}
	return rs[len(rs)-1]
}

// pdfcpuBadReasons are the reasons that mean the digest or the signature
// value did not verify.
const pdfcpuBadReasons = model.SignatureReasonDocModified | model.SignatureReasonSignatureForged |
	model.SignatureReasonMalformed | model.SignatureReasonUnsupported | model.SignatureReasonCertInvalid

func TestSignVerifies(t *testing.T) {
	for _, tc := range []struct {
		name string
		id   func(testing.TB) testIdentity
	}{
		{"ecdsa-self-signed", ecdsaSelfSigned},
		{"rsa-with-ca", rsaWithCA},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := tc.id(t)
			in := makePDF(t, 3, 1)
			orig := append([]byte(nil), in...)
			out, err := Sign(in, id.key, id.chain, testOpts)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(in, orig) {
				t.Error("Sign modified its input")
			}
			if !bytes.HasPrefix(out, []byte("%PDF-1.7")) || !bytes.Equal(out[8:len(in)], in[8:]) {
				t.Error("the original bytes (after the header) are not kept unchanged at the start")
			}

			res, err := Verify(out)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Valid || len(res.Problems) > 0 {
				t.Fatalf("Verify: valid=%v problems=%+v", res.Valid, res.Problems)
			}
			if !res.CoversWholeFile || res.SignedBytes[1][1] != int64(len(out)) || res.SignedBytes[0][0] != 0 {
				t.Errorf("signed ranges %v do not cover the file of %d bytes", res.SignedBytes, len(out))
			}
			if !res.Signer.Equal(id.chain[0]) || len(res.Chain) != len(id.chain) {
				t.Errorf("signer %v chain %d, want %v chain %d", res.Signer.Subject, len(res.Chain), id.chain[0].Subject, len(id.chain))
			}
			if !res.SigningTime.Equal(signTime) || res.SubFilter != "ETSI.CAdES.detached" || res.FieldName != "Signature1" {
				t.Errorf("time %v subfilter %q field %q", res.SigningTime, res.SubFilter, res.FieldName)
			}
			if res.Name != testOpts.Name || res.Reason != testOpts.Reason || res.Location != testOpts.Location || res.ContactInfo != testOpts.ContactInfo {
				t.Errorf("texts %q %q %q %q", res.Name, res.Reason, res.Location, res.ContactInfo)
			}

			att, err := Attachments(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(att["audit.json"], auditJSON) {
				t.Errorf("attachment audit.json = %q, want %q (all: %v)", att["audit.json"], auditJSON, len(att))
			}

			sig := pdfsig(t, out)
			for _, want := range []string{"Signature is Valid.", "Total document signed", "Signature Type: ETSI.CAdES.detached", "Signing Hash Algorithm: SHA-256", "Inspección Prueba"} {
				if !strings.Contains(sig, want) {
					t.Errorf("pdfsig output lacks %q:\n%s", want, sig)
				}
			}
			if q := runTool(t, "qpdf", out, "--check"); !strings.Contains(q, "No syntax or stream encoding errors found") || !strings.Contains(q, "PDF Version: 1.7") {
				t.Errorf("qpdf --check:\n%s", q)
			}
			r := pdfcpuCheck(t, out, id)
			if r.Status == model.SignatureStatusInvalid || r.Reason&pdfcpuBadReasons != 0 {
				t.Errorf("pdfcpu: %s", r)
			}
			if r.Details.SignerName != testOpts.Name || r.Details.Reason != testOpts.Reason || r.Details.FieldName != "Signature1" {
				t.Errorf("pdfcpu sees name %q reason %q field %q", r.Details.SignerName, r.Details.Reason, r.Details.FieldName)
			}
			if txt := runTool(t, "pdftotext", out, "-l", "1", "PDF", "-"); !strings.Contains(txt, "¿Está todo en orden? ¡Sí!") {
				t.Errorf("pdftotext of the signed file lost the Spanish text:\n%s", txt)
			}
		})
	}
}

// tamper returns a copy of pdf with the byte at i replaced by a different one.
func tamper(pdf []byte, i int) []byte {
	out := append([]byte(nil), pdf...)
	switch {
	case out[i] >= '0' && out[i] <= '8':
		out[i]++
	case out[i] == '9':
		out[i] = '0'
	case out[i] >= 'a' && out[i] <= 'e':
		out[i]++
	case out[i] == 'f':
		out[i] = 'a'
	default:
		out[i] ^= 0x01
	}
	return out
}

// streamAfter returns an offset a few bytes into the first stream that
// starts after from.
func streamAfter(t *testing.T, pdf []byte, from int) int {
	t.Helper()
	i := bytes.Index(pdf[from:], []byte("stream\n"))
	if i < 0 {
		t.Fatal("no stream found")
	}
	return from + i + len("stream\n") + 5
}

func TestTamperIsDetected(t *testing.T) {
	id := ecdsaSelfSigned(t)
	signed, err := Sign(makePDF(t, 3, 1), id.key, id.chain, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := Verify(signed)
	sigStart, sigEnd := int(res.SignedBytes[0][1]), int(res.SignedBytes[1][0])

	// First page content stream: the object named by the first /Contents.
	m := regexp.MustCompile(`/Contents (\d+) 0 R`).FindSubmatch(signed)
	contentObj := bytes.Index(signed, []byte("\n"+string(m[1])+" 0 obj"))
	// The embedded audit.json.
	attObj := bytes.Index(signed, []byte("/Type /EmbeddedFile"))
	// A digit of the seconds in /M.
	mAt := bytes.LastIndex(signed, []byte("/M (D:")) + len("/M (D:") + 13
	// The CMS: a byte well inside the signature value, which ends the DER.
	cmsLen := cmsLength(t, signed[sigStart+1:sigEnd-1])
	sigValueAt := sigStart + 1 + 2*(cmsLen-12)
	// The leaf certificate inside /Contents: a byte of its subject name.
	certHex := hex.EncodeToString(id.chain[0].Raw)
	certAt := bytes.Index(signed, []byte(certHex))
	subjAt := bytes.Index(id.chain[0].Raw, id.chain[0].RawSubject)
	cnAt := certAt + 2*(subjAt+bytes.Index(id.chain[0].RawSubject, []byte("Prueba")))
	// The expiry year of the leaf (UTCTime "290101000000Z"): the key and
	// names stay the same, only signing-certificate-v2 can tell.
	expiryAt := certAt + 2*bytes.Index(id.chain[0].Raw, []byte("290101000000Z")) + 1

	cases := []struct {
		name      string
		pdf       []byte
		problem   string
		pdfsigNot string // pdfsig must not print this
		pdfsigHas string // pdfsig must print this
	}{
		{"page content", tamper(signed, streamAfter(t, signed, contentObj)), string(KindChanged), "Signature is Valid.", ""},
		{"attached data", tamper(signed, streamAfter(t, signed, attObj)), string(KindChanged), "Signature is Valid.", ""},
		{"signing date", tamper(signed, mAt), string(KindChanged), "Signature is Valid.", ""},
		{"signature value", tamper(signed, sigValueAt), string(KindSigInvalid), "Signature is Valid.", ""},
		// pdfsig does not notice an altered certificate (it is not signed
		// except through signing-certificate-v2, which pdfsig ignores).
		{"embedded certificate name", tamper(signed, cnAt), string(KindSigDamaged), "", ""},
		{"embedded certificate expiry", tamper(signed, expiryAt), string(KindCertNotSigned), "", ""},
		{"appended bytes", append(append([]byte(nil), signed...), "\n% añadido después\n"...), string(KindDataAfterEOF), "", "Not total document signed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if bytes.Equal(tc.pdf, signed) {
				t.Fatal("tamper changed nothing")
			}
			res, err := Verify(tc.pdf)
			if err != nil {
				t.Fatal(err)
			}
			if res.Valid {
				t.Fatal("tampered PDF verified as valid")
			}
			if !strings.Contains(problemKinds(res.Problems), tc.problem) {
				t.Errorf("problems %+v do not mention %q", res.Problems, tc.problem)
			}
			t.Logf("problems: %+v", res.Problems)
			if tc.pdfsigNot != "" {
				// pdfcpu must reject what poppler rejects.
				if r := pdfcpuCheck(t, tc.pdf, id); r.Status != model.SignatureStatusInvalid {
					t.Errorf("pdfcpu does not call it invalid: %s", r)
				}
			}
			out := pdfsig(t, tc.pdf)
			if tc.pdfsigNot != "" && strings.Contains(out, tc.pdfsigNot) {
				t.Errorf("pdfsig still prints %q:\n%s", tc.pdfsigNot, out)
			}
			if tc.pdfsigHas != "" && !strings.Contains(out, tc.pdfsigHas) {
				t.Errorf("pdfsig does not print %q:\n%s", tc.pdfsigHas, out)
			}
		})
	}
}

func TestPlaceholderTooSmall(t *testing.T) {
	id := rsaWithCA(t)
	opts := testOpts
	opts.Placeholder = 1000
	_, err := Sign(makePDF(t, 1, 0), id.key, id.chain, opts)
	if err == nil || !regexp.MustCompile(`signature is \d+ bytes, placeholder only 1000`).MatchString(err.Error()) {
		t.Fatalf("err = %v, want a 'placeholder only 1000' error", err)
	}
}

// TestSignRefusesSignedPDF: a report is signed once; a second signature
// would make every verifier here refuse it.
func TestSignRefusesSignedPDF(t *testing.T) {
	id := ecdsaSelfSigned(t)
	once, err := Sign(makePDF(t, 2, 0), id.key, id.chain, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Sign(once, id.key, id.chain, testOpts); !errors.Is(err, ErrAlreadySigned) {
		t.Fatalf("signing a signed PDF: err = %v, want ErrAlreadySigned", err)
	}
}

func TestVerifyUnsigned(t *testing.T) {
	if _, err := Verify(makePDF(t, 1, 0)); !errors.Is(err, ErrNotSigned) {
		t.Fatalf("err = %v, want ErrNotSigned", err)
	}
}

func TestSignRejectsBadInput(t *testing.T) {
	ec, rs := ecdsaSelfSigned(t), rsaWithCA(t)
	pdf := makePDF(t, 1, 0)
	if _, err := Sign(pdf, ec.key, rs.chain, testOpts); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Errorf("key/cert mismatch: err = %v", err)
	}
	if _, err := Sign([]byte("hola"), ec.key, ec.chain, testOpts); err == nil {
		t.Error("signed a non-PDF")
	}
	expired := testOpts
	expired.Time = ec.chain[0].NotAfter.AddDate(0, 0, 1)
	if _, err := Sign(pdf, ec.key, ec.chain, expired); err == nil || !strings.Contains(err.Error(), "not valid at the signing time") {
		t.Errorf("expired certificate: err = %v", err)
	}
}

func TestParsePDFDate(t *testing.T) {
	for in, want := range map[string]string{
		"D:20261123103000-05'00'": "2026-11-23T10:30:00-05:00",
		"D:20261123103000Z":       "2026-11-23T10:30:00Z",
		"D:2026112310":            "2026-11-23T10:00:00Z",
	} {
		got, ok := parsePDFDate(in)
		if !ok || got.Format("2006-01-02T15:04:05Z07:00") != want {
			t.Errorf("parsePDFDate(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	if _, ok := parsePDFDate("ayer"); ok {
		t.Error("parsed a non-date")
	}
}

func BenchmarkSign400KB(b *testing.B) {
	id := ecdsaSelfSigned(b)
	pdf := makePDF(b, 20, 13)
	b.SetBytes(int64(len(pdf)))
	for b.Loop() {
		if _, err := Sign(pdf, id.key, id.chain, testOpts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pdf))/1000, "pdf-kB")
}

// cmsLength returns the length of the DER CMS at the start of hexContents.
func cmsLength(t *testing.T, hexContents []byte) int {
	t.Helper()
	raw := make([]byte, len(hexContents)/2)
	if _, err := hex.Decode(raw, hexContents); err != nil {
		t.Fatal(err)
	}
	s := cryptobyte.String(raw)
	var el cryptobyte.String
	if !s.ReadASN1Element(&el, cbasn1.SEQUENCE) {
		t.Fatal("no CMS in /Contents")
	}
	return len(el)
}

func TestAttachmentsOfSignedRevision(t *testing.T) {
	id := ecdsaSelfSigned(t)
	signed, err := Sign(makePDF(t, 1, 0), id.key, id.chain, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	appended := append(append([]byte(nil), signed...), "\n% later\n"...)
	res, err := Verify(appended)
	if err != nil || res.CoversWholeFile {
		t.Fatalf("err %v covers %v", err, res.CoversWholeFile)
	}
	att, err := Attachments(appended[:res.SignedBytes[1][1]])
	if err != nil || !bytes.Equal(att["audit.json"], auditJSON) {
		t.Fatalf("attachments of the signed revision: %v %q", err, att["audit.json"])
	}
}

// TestSignObjectStreams signs a PDF that keeps its pages in object streams
// with an xref stream (as qpdf and many tools write), not gofpdf's layout.
func TestSignObjectStreams(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "objstm.pdf")
	if err := os.WriteFile(in, makePDF(t, 2, 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("qpdf", "--object-streams=generate", in, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, b)
	}
	src, _ := os.ReadFile(out)
	if !bytes.Contains(src, []byte("/ObjStm")) {
		t.Fatal("qpdf wrote no object stream")
	}
	id := ecdsaSelfSigned(t)
	signed, err := Sign(src, id.key, id.chain, testOpts)
	if err != nil {
		t.Fatal(err)
	}
	if sig := pdfsig(t, signed); !strings.Contains(sig, "Signature is Valid.") || !strings.Contains(sig, "Total document signed") {
		t.Errorf("pdfsig:\n%s", sig)
	}
	if q := runTool(t, "qpdf", signed, "--check"); !strings.Contains(q, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", q)
	}
	if att, err := Attachments(signed); err != nil || !bytes.Equal(att["audit.json"], auditJSON) {
		t.Errorf("attachments: %v", err)
	}
}

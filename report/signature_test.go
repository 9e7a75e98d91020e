package report

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

func poolOf(certs ...*x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	for _, c := range certs {
		p.AddCert(c)
	}
	return p
}

// exportAs exports a small finalized audit signed by s (with chain),
// finalized for recorded (s's certificate when nil), at now.
func exportAs(t testing.TB, s pdfsigntest.Signer, chain []*x509.Certificate, now time.Time, ts pdfsign.Timestamper) []byte {
	t.Helper()
	st, id, cats := storeAuditFor(t, 3, 0, 0, SignerRecord(s.Cert))
	path, err := Export(st, id, ExportOptions{Catalogs: cats, Now: now, Timestamper: ts,
		Identity: &identity.Identity{Key: s.Key, Cert: s.Cert, Chain: chain}})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func hasFinding(fs []Finding, k Kind, detail string) bool {
	for _, f := range fs {
		if f.Kind == k && (detail == "" || f.Detail == detail) {
			return true
		}
	}
	return false
}

// TestCertifiedVisibleTimestampedReport: an export is a certification
// signature with a visible appearance in the box the signature page left
// free; pdfsig and pdfcpu accept it, and after 'assay timestamp' too,
// with the TSA's time as the trusted time.
func TestCertifiedVisibleTimestampedReport(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	ins := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	pdf := exportAs(t, ins, []*x509.Certificate{ca.Cert}, fixtureNow, nil)

	v := VerifyTrusted(pdf, Trust{Roots: poolOf(ca.Cert), RootsFile: "root.pem", Signer: "ana@example.org"})
	if !v.Valid || !v.Certified || v.DocMDP != 1 || !hasFinding(v.Notes, NoteValidityNow, "") || !hasFinding(v.Notes, NoteSignerBound, "") ||
		!hasFinding(v.Notes, NoteSignerName, "") || v.SignerBound == nil || !*v.SignerBound {
		t.Fatalf("export: %+v", v)
	}
	res, _ := pdfsign.Verify(pdf)
	if s := res.Inspector; s == nil || s.Kind != pdfsign.SigCertification {
		t.Fatalf("not a certification signature: %+v", s)
	}

	// The box: white in the rendered (unsigned) page, drawn after signing.
	box := sigBoxOf(t, pdf)
	if px := boxPixels(t, pdf, box); px.dark < 30 || px.tinted < px.total/2 {
		t.Errorf("the signature box shows no appearance: %+v", px)
	}
	needTool(t, "pdfsig")
	out := runPdfsig(t, pdf)
	for _, w := range []string{"Signature is Valid.", "Total document signed", "CN=Ana María Gómez"} {
		if !strings.Contains(out, w) {
			t.Errorf("pdfsig lacks %q:\n%s", w, out)
		}
	}
	pdfcpuAccepts(t, pdf, ca.Cert)

	tsa := pdfsigntest.NewTSA(t)
	when := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	tsa.SetClock(func() time.Time { return when })
	stamped, err := pdfsign.AddDocTimestamp(pdf, pdfsign.HTTPTimestamper{URL: tsa.URL}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	v = VerifyTrusted(stamped, Trust{Roots: poolOf(ca.Cert), TSARoots: poolOf(tsa.Root), NoSystemRoots: true})
	if !v.Valid || !v.TrustedTime.Equal(when) || !hasFinding(v.Notes, NoteValidityAt, "") || len(v.Timestamps) != 1 || !v.Timestamps[0].Trusted {
		t.Fatalf("time-stamped: %+v", v)
	}
	v = VerifyTrusted(stamped, Trust{Roots: poolOf(ca.Cert), NoSystemRoots: true})
	if !v.Valid || !v.TrustedTime.IsZero() || !hasFinding(v.Notes, NoteTimestamp, "untrusted") || !hasFinding(v.Notes, NoteValidityNow, "") {
		t.Fatalf("time-stamp from a TSA not trusted: %+v", v)
	}
	out = runPdfsig(t, stamped)
	for _, w := range []string{"Signature is Valid.", "Timestamp1", "TSA de Prueba 1"} {
		if !strings.Contains(out, w) {
			t.Errorf("pdfsig of the time-stamped report lacks %q:\n%s", w, out)
		}
	}
	pdfcpuAccepts(t, stamped, ca.Cert, tsa.Root)
}

// runPdfsig runs poppler's pdfsig on pdf.
func runPdfsig(t *testing.T, pdf []byte) string {
	t.Helper()
	out, _ := exec.Command("pdfsig", writeTemp(t, "s.pdf", pdf)).CombinedOutput()
	return string(out)
}

// pdfcpuAccepts validates pdf with pdfcpu (strict structure, then every
// signature offline, trusting roots): nothing invalid, nothing modified.
func pdfcpuAccepts(t *testing.T, pdf []byte, roots ...*x509.Certificate) {
	t.Helper()
	if model.ConfigPath == "default" {
		api.DisableConfigDir() // pdfcpu must not create ~/.config/pdfcpu
	}
	dir := t.TempDir()
	for i, c := range roots {
		os.WriteFile(filepath.Join(dir, "root"+strconv.Itoa(i)+".pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw}), 0o600)
	}
	old := model.TrustedCertDir
	model.TrustedCertDir = dir
	defer func() { model.TrustedCertDir = old }()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	conf.Offline = true
	// pdfcpu's strict mode checks PDF 1.7, in which /AF (on the catalog)
	// and /AFRelationship (on a file specification) are PDF 2.0's; PDF/A-3
	// (ISO 19005-3) adds both to PDF 1.7 and requires them. So the strict
	// check reads a copy where those two keys have names pdfcpu ignores (of
	// the same length: every offset holds), and the signatures are checked
	// on the file itself, in relaxed mode.
	strict := bytes.ReplaceAll(bytes.ReplaceAll(pdf, []byte("/AFRelationship /"), []byte("/XFRelationship /")), []byte("\n/AF ["), []byte("\n/XF ["))
	if err := api.Validate(bytes.NewReader(strict), conf); err != nil {
		t.Errorf("pdfcpu strict validation: %v", err)
	}
	conf.ValidationMode = model.ValidationRelaxed
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("pdfcpu relaxed validation: %v", err)
	}
	rs, err := api.ValidateSignaturesRaw(bytes.NewReader(pdf), true, conf)
	if err != nil || len(rs) == 0 {
		t.Fatalf("pdfcpu: %v (%d signatures)", err, len(rs))
	}
	for _, r := range rs {
		if r.Status == model.SignatureStatusInvalid || r.Reason&(model.SignatureReasonDocModified|model.SignatureReasonSignatureForged) != 0 {
			t.Errorf("pdfcpu: %s", r)
		}
	}
}

// sigBoxOf returns the inspector's visible signature box in a signed file:
// its widget's /Rect and the page whose /Annots hold it.
func sigBoxOf(t *testing.T, pdf []byte) sigBox {
	t.Helper()
	k := pdfsigntest.NewKit(t, pdf)
	form, _ := k.Catalog(t)["AcroForm"].(types.Dict)
	fields, _ := form["Fields"].(types.Array)
	if len(fields) == 0 {
		t.Fatal("no signature field")
	}
	w := fields[0].(types.IndirectRef)
	rect := k.Dict(t, w.ObjectNumber.Value())["Rect"].(types.Array)
	var b sigBox
	for i, x := range rect {
		switch n := x.(type) {
		case types.Float:
			b.Rect[i] = n.Value()
		case types.Integer:
			b.Rect[i] = float64(n.Value())
		}
	}
	for p := 1; p <= k.Pages(); p++ {
		_, d := k.Page(t, p)
		annots, _ := d["Annots"].(types.Array)
		for _, a := range annots {
			if r, ok := a.(types.IndirectRef); ok && r.ObjectNumber == w.ObjectNumber {
				b.Page = p
			}
		}
	}
	if b.Page == 0 || b.Rect[2] <= b.Rect[0] {
		t.Fatalf("widget box %+v", b)
	}
	return b
}

// TestRendererLeavesSignatureBoxFree: the signature page keeps the box
// blank for the signer's appearance, and says where it is.
func TestRendererLeavesSignatureBoxFree(t *testing.T) {
	cat := testCatalog(3)
	a, imgs := testAudit(t, cat, 0, 0)
	pdf, box, err := render(a, cat, imgs, RenderOptions{Now: fixtureNow, Signer: SignerFromCert("", newTestSigner(t).cert)})
	if err != nil || box == nil {
		t.Fatalf("render: %v %v", err, box)
	}
	if px := boxPixels(t, pdf, *box); px.tinted > 0 {
		t.Errorf("the renderer drew into the signature box: %+v", px)
	}
	if _, draftBox, _ := render(a, cat, imgs, RenderOptions{Now: fixtureNow, Draft: true}); draftBox != nil {
		t.Error("a draft reserves a signature box")
	}
}

type pixels struct{ total, tinted, dark int }

// boxPixels renders the box's page at 72 dpi and counts its pixels that
// are not white, and those dark enough to be text or a frame.
func boxPixels(t *testing.T, pdf []byte, b sigBox) pixels {
	t.Helper()
	needTool(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "p.pdf")
	os.WriteFile(in, pdf, 0o644)
	p := strconv.Itoa(b.Page)
	if out, err := exec.Command("pdftoppm", "-r", "72", "-f", p, "-l", p, "-singlefile", "-png", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	h := img.Bounds().Dy()
	var px pixels
	r := image.Rect(int(b.Rect[0])+3, h-int(b.Rect[3])+3, int(b.Rect[2])-3, h-int(b.Rect[1])-3)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			px.total++
			if cr>>8 < 250 || cg>>8 < 250 || cb>>8 < 252 {
				px.tinted++
			}
			if cr>>8 < 128 && cg>>8 < 128 && cb>>8 < 128 {
				px.dark++
			}
		}
	}
	return px
}

// TestTrustPolicy: the certificate may sign documents, was valid at a
// trusted time (never the signer's own /M), chains to the given root, and
// is the one the audit and --signer name.
func TestTrustPolicy(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	roots := poolOf(ca.Cert)
	tsa := pdfsigntest.NewTSA(t)
	ts := pdfsign.HTTPTimestamper{URL: tsa.URL}
	check := func(name string, pdf []byte, tr Trust, want Kind, detail string) {
		t.Helper()
		tr.NoSystemRoots = true
		for _, mode := range []Trust{{}, {Roots: roots, RootsFile: "root.pem"}} {
			mode.Signer, mode.TSARoots, mode.NoSystemRoots = tr.Signer, tr.TSARoots, true
			v := VerifyTrusted(pdf, mode)
			if v.Valid || !hasFinding(v.Problems, want, detail) {
				t.Errorf("%s (%s): valid=%v problems %+v, want %s %s", name, mode.RootsFile, v.Valid, v.Problems, want, detail)
			}
		}
	}

	noDS := ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.KeyUsage = x509.KeyUsageKeyEncipherment })
	check("key usage without digitalSignature", exportAs(t, noDS, []*x509.Certificate{ca.Cert}, fixtureNow, nil), Trust{}, KindKeyUsage, "")
	tls := ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth} })
	check("extended key usage for servers", exportAs(t, tls, []*x509.Certificate{ca.Cert}, fixtureNow, nil), Trust{}, KindEKU, "")

	// Expired, with /M backdated into the validity period.
	old := func(c *x509.Certificate) {
		c.NotBefore, c.NotAfter = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	expired := ca.Issue(t, "Ana María Gómez", "", old)
	backdated := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	check("expired certificate, backdated /M", exportAs(t, expired, []*x509.Certificate{ca.Cert}, backdated, nil), Trust{}, KindCertExpired, "now")
	// … and a time-stamp from a TSA nobody trusts, claiming that date.
	tsa.SetClock(func() time.Time { return backdated })
	lying := exportAs(t, expired, []*x509.Certificate{ca.Cert}, backdated, ts)
	check("expired certificate, untrusted backdated time-stamp", lying, Trust{}, KindCertExpired, "now")
	// A trusted TSA's time is what counts: before validity is refused …
	fresh := ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.NotBefore = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) })
	tsa.SetClock(func() time.Time { return time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC) })
	check("time-stamp from before validity", exportAs(t, fresh, []*x509.Certificate{ca.Cert}, fixtureNow, ts), Trust{TSARoots: poolOf(tsa.Root)}, KindCertNotYet, "timestamp")
	// … and within validity the expired certificate is fine.
	tsa.SetClock(func() time.Time { return backdated })
	lying = exportAs(t, expired, []*x509.Certificate{ca.Cert}, backdated, ts)
	if v := VerifyTrusted(lying, Trust{Roots: roots, TSARoots: poolOf(tsa.Root), NoSystemRoots: true}); !v.Valid || !v.TrustedTime.Equal(backdated) {
		t.Errorf("a certificate valid at a trusted time-stamp: %+v", v)
	}

	// A colleague from the same CA signs the inspector's finalized audit.
	ins := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	colleague := ca.Issue(t, "Pedro Colega", "pedro@example.org", nil)
	st, id, cats := storeAuditFor(t, 3, 0, 0, SignerRecord(ins.Cert))
	_, err := Export(st, id, ExportOptions{Catalogs: cats, Now: fixtureNow, Identity: &identity.Identity{Key: colleague.Key, Cert: colleague.Cert}})
	var mm *SignerMismatchError
	if !errors.As(err, &mm) || mm.Recorded.Fingerprint != Fingerprint(ins.Cert) || !errors.Is(err, ErrSignerMismatch) {
		t.Fatalf("export with a key the audit was not finalized for: %v", err)
	}
	a, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	cat, _ := cats.ForIdentity(a.Catalog)
	data, _ := AuditJSON(a)
	unsigned, err := Render(a, cat, StoreEvidence{Store: st, ID: id}, RenderOptions{Now: fixtureNow, AuditJSON: data, Signer: SignerFromCert("", colleague.Cert)})
	if err != nil {
		t.Fatal(err)
	}
	bycolleague, err := pdfsign.Sign(unsigned, colleague.Key, []*x509.Certificate{colleague.Cert}, pdfsign.Options{Time: fixtureNow, Certify: 1})
	if err != nil {
		t.Fatal(err)
	}
	check("a colleague signs the inspector's audit", bycolleague, Trust{}, KindSignerNotBound, "")
	check("--signer pins the inspector", bycolleague, Trust{Signer: "Ana María Gómez"}, KindSignerName, "")
	good := exportAs(t, ins, []*x509.Certificate{ca.Cert}, fixtureNow, nil)
	for _, who := range []string{"ana@example.org", "ANA@example.org", "ana maría  gómez"} {
		if v := VerifyTrusted(good, Trust{Roots: roots, Signer: who}); !v.Valid {
			t.Errorf("--signer %q: %+v", who, v.Problems)
		}
	}
	if v := VerifyTrusted(good, Trust{Fingerprint: Fingerprint(ca.Cert)}); v.Valid || !hasFinding(v.Problems, KindFingerprint, "") {
		t.Errorf("--fingerprint of the CA, not the signer: %+v", v.Problems)
	}
}

// TestUnboundAuditStillVerifies: an audit finalized before assay recorded
// the signer exports and verifies, with a note that the signer is not
// bound to it.
func TestUnboundAuditStillVerifies(t *testing.T) {
	st, id, cats := storeAuditFor(t, 3, 0, 0, nil)
	h, err := st.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	a := h.Audit()
	a.Status = audit.Finalized
	a.ContentHash, _ = audit.ContentHash(a)
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	h.Close()
	path, err := Export(st, id, ExportOptions{Catalogs: cats, Now: fixtureNow, Identity: testIdentity(t)})
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(path)
	if v := Verify(pdf); !v.Valid || v.SignerBound != nil || !hasFinding(v.Notes, NoteSignerNotBound, "") {
		t.Fatalf("old audit: %+v", v)
	}
}

// TestRandomByteFlipsNeverVerify changes a signed, certified,
// time-stamped report (signed bytes, the signature's hex, the time-stamp
// revision) by one to eight changed bytes, or bytes inserted or deleted:
// no such file verifies. ASSAY_FLIPS=3000
// runs more (about 20 s).
func TestRandomByteFlipsNeverVerify(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	ins := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	tsa := pdfsigntest.NewTSA(t)
	ts := pdfsign.HTTPTimestamper{URL: tsa.URL}
	signed := exportAs(t, ins, []*x509.Certificate{ca.Cert}, fixtureNow, ts)
	stamped, err := pdfsign.AddDocTimestamp(signed, ts, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	trust := Trust{Roots: poolOf(ca.Cert), TSARoots: poolOf(tsa.Root), NoSystemRoots: true}
	for name, pdf := range map[string][]byte{"signed": signed, "time-stamped": stamped} {
		if v := VerifyTrusted(pdf, trust); !v.Valid {
			t.Fatalf("%s: the untouched report: %+v", name, v.Problems)
		}
		flips := 250
		if n, err := strconv.Atoi(os.Getenv("ASSAY_FLIPS")); err == nil {
			flips = n
		}
		if testing.Short() {
			flips = 30
		}
		res, _ := pdfsign.Verify(pdf)
		gaps := [][2]int{}
		for _, s := range res.Signatures {
			gaps = append(gaps, [2]int{int(s.ByteRange[1]), int(s.ByteRange[2])})
		}
		r := rand.New(rand.NewSource(int64(len(pdf))))
		for i := 0; i < flips; i++ {
			at := r.Intn(len(pdf))
			if i%3 == 0 { // a third inside a signature's hex, where only the verifier's strictness helps
				g := gaps[i/3%len(gaps)]
				at = g[0] + r.Intn(g[1]-g[0])
			}
			bad := append([]byte(nil), pdf...)
			n := 1 + r.Intn(8)
			what := fmt.Sprintf("byte %d changed from %q", at, pdf[at])
			switch i % 6 {
			case 1: // up to 8 bytes anywhere
				for j := 1; j < n; j++ {
					bad[r.Intn(len(bad))] ^= byte(1 + r.Intn(255))
				}
				what += fmt.Sprintf(" and %d more", n-1)
			case 2: // bytes inserted (offsets after them move)
				ins := make([]byte, n)
				r.Read(ins)
				bad = append(bad[:at:at], append(ins, pdf[at:]...)...)
				what = fmt.Sprintf("%d bytes inserted at %d", n, at)
			case 4: // bytes deleted
				at = min(at, len(pdf)-n)
				bad = append(bad[:at:at], pdf[at+n:]...)
				what = fmt.Sprintf("%d bytes deleted at %d", n, at)
			}
			if len(bad) == len(pdf) {
				bad[at] ^= byte(1 + r.Intn(255))
			}
			if bytes.Equal(bad, pdf) { // two changes of one byte undid each other
				continue
			}
			if v := VerifyTrusted(bad, trust); v.Valid {
				t.Errorf("%s: %s still verifies", name, what)
			}
		}
	}
}

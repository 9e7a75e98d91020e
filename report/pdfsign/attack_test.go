package pdfsign_test

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"crypto"
	"crypto/x509"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

var updateAttacks = flag.Bool("update-attacks", false, "rewrite testdata/attacks (the fuzz seeds)")

// attackBase is a small certified, visible signature by an inspector whose
// certificate comes from a CA, and the keys the attacks use.
func attackBase(t testing.TB, placeholder int) (base []byte, ca *pdfsigntest.CA, attacker, colleague pdfsigntest.Signer) {
	t.Helper()
	ca = pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	inspector := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	colleague = ca.Issue(t, "Pedro Colega", "pedro@example.org", nil)
	attacker = pdfsigntest.SelfSigned(t, "Ana María Gómez", nil)
	base, err := pdfsign.Sign(pdfsigntest.SmallPDF(t), inspector.Key, []*x509.Certificate{inspector.Cert, ca.Cert}, pdfsign.Options{
		Name: "Ana María Gómez", Time: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), Certify: 1, Placeholder: placeholder,
		Appearance: &pdfsign.Appearance{Rect: [4]float64{51, 60, 363, 134}, Lines: []string{"Digitally signed by Ana María Gómez", "digitally signed; check with assay verify"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return base, ca, attacker, colleague
}

func has(fs []pdfsign.Finding, want []pdfsign.Kind) bool {
	for _, f := range fs {
		for _, k := range want {
			if f.Kind == k {
				return true
			}
		}
	}
	return false
}

// TestAttacksAreRefused runs every published attack class (incremental
// saving, shadow, evil annotation, sneaky signature, universal signature
// forgery, signature wrapping, re-signing) against a certified signature:
// none verifies, and each is refused for the reason it is.
func TestAttacksAreRefused(t *testing.T) {
	base, _, attacker, colleague := attackBase(t, 0)
	if res, err := pdfsign.Verify(base); err != nil || !res.Valid {
		t.Fatalf("the untouched base: %v %+v", err, res)
	}
	tsa := pdfsigntest.NewTSA(t)
	attacks := pdfsigntest.Attacks(t, base, attacker, &colleague, pdfsign.HTTPTimestamper{URL: tsa.URL})
	if len(attacks) < 25 {
		t.Fatalf("only %d attacks", len(attacks))
	}
	for _, a := range attacks {
		t.Run(a.Name, func(t *testing.T) {
			res, err := pdfsign.Verify(a.PDF)
			if err != nil {
				t.Fatalf("%v (an attacked file is never 'unsigned')", err)
			}
			if res.Valid {
				t.Fatal("the attack verifies")
			}
			if !has(res.Problems, a.Want) {
				t.Errorf("problems %v, want one of %v", kinds(res.Problems), a.Want)
			}
		})
	}
	if *updateAttacks {
		writeSeeds(t, attacker, colleague)
	}
}

func kinds(fs []pdfsign.Finding) []string {
	var out []string
	for _, f := range fs {
		s := string(f.Kind)
		if f.Detail != "" {
			s += "(" + f.Detail + ")"
		}
		out = append(out, s)
	}
	return out
}

// writeSeeds writes a small base and one attack per class to
// testdata/attacks, the fuzz target's seeds.
func writeSeeds(t *testing.T, attacker, colleague pdfsigntest.Signer) {
	base, _, attacker, colleague := attackBase(t, 2048)
	dir := filepath.Join("testdata", "attacks")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("base", base)
	seen := map[string]bool{}
	for _, a := range pdfsigntest.Attacks(t, base, attacker, &colleague, nil) {
		extra := false
		for _, n := range []string{"redirect", "isa-prev-cycle-of-two", "isa-hybrid-xrefstm", "isa-empty-update", "dss-extra-key-javascript", "isa-sigflags-0"} {
			extra = extra || a.Name == n || bytes.Contains([]byte(a.Name), []byte("redirect"))
		}
		if !seen[a.Class] || extra {
			seen[a.Class] = true
			write(a.Name, a.PDF)
		}
	}
}

// TestBrokenSignatureDictionaryIsDamaged: a signature dictionary that
// cannot be read at all is "damaged", never "unsigned".
func TestBrokenSignatureDictionaryIsDamaged(t *testing.T) {
	base, _, _, _ := attackBase(t, 0)
	for name, edit := range map[string]func([]byte) []byte{
		"duplicate key": func(b []byte) []byte {
			i := bytes.Index(b, []byte("/Filter /Adobe.PPKLite"))
			return append(append(append([]byte(nil), b[:i]...), "/Type /Sig /Filter"...), b[i+len("/Type /Sig /Filter"):]...)
		},
		"unterminated dictionary": func(b []byte) []byte {
			i := bytes.Index(b, []byte("/Type /Sig"))
			out := append([]byte(nil), b...)
			copy(out[i-2:], "[[")
			return out
		},
	} {
		bad := edit(base)
		if len(bad) != len(base) {
			t.Fatalf("%s: length changed", name)
		}
		res, err := pdfsign.Verify(bad)
		if err != nil || res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindSigDamaged}) {
			t.Errorf("%s: %v %v", name, err, kinds(res.Problems))
		}
	}
}

// TestShadowDanglingReference: the shadow attack's precondition is a
// document prepared before signing. Here its last page refers to an
// annotation object that does not exist; after signing, an update supplies
// it, disguised as validation data. It must not verify.
func TestShadowDanglingReference(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	ins := ca.Issue(t, "Ana María Gómez", "", nil)
	plain := pdfsigntest.NewKit(t, pdfsigntest.SmallPDF(t))
	size := plain.Size() + 10 // a number no object has
	nr, p := plain.Page(t, plain.Pages())
	prepared := plain.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: nr, Body: strings.Replace(p.PDFString(), ">>", fmt.Sprintf(" /Annots [%d 0 R]>>", size), 1)},
	}})
	signed, err := pdfsign.Sign(prepared, ins.Key, []*x509.Certificate{ins.Cert}, pdfsign.Options{Time: time.Now(), Certify: 1})
	if err != nil {
		t.Fatal(err)
	}
	k := pdfsigntest.NewKit(t, signed)
	cat := k.Catalog(t)
	catText := strings.TrimSuffix(cat.PDFString(), ">>") + fmt.Sprintf(" /DSS %d 0 R>>", size+1)
	attack := k.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: k.Root(), Body: catText},
		{Nr: size + 1, Body: fmt.Sprintf("<</Type /DSS /Certs [%d 0 R]>>", size)},
		{Nr: size, Body: "<</Type /Annot /Subtype /FreeText /Rect [0 0 595 842] /Contents (Report withdrawn)>>"},
	}})
	res, err := pdfsign.Verify(attack)
	if err != nil || res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindRevAddsObject}) {
		t.Fatalf("%v %v", err, kinds(res.Problems))
	}
}

// TestFindingsAreDeterministic: the same file gives the same findings in
// the same order every time (the final view is a map; the fuzz target
// found two stray signature dictionaries reported in either order).
func TestFindingsAreDeterministic(t *testing.T) {
	base, _, _, _ := attackBase(t, 0)
	k := pdfsigntest.NewKit(t, base)
	size := k.Size()
	sig := "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2 3] /Contents <3000>>>"
	pdf := k.Append(pdfsigntest.Update{
		Objs: []pdfsigntest.Obj{{Nr: size + 3, Body: sig}, {Nr: size + 1, Body: sig}, {Nr: size + 2, Body: sig}, {Nr: size, Body: "<</A 1>>"}},
		Free: []int{size + 7, size + 5, size + 6},
	})
	first, err := pdfsign.Verify(pdf)
	if err != nil || first.Valid {
		t.Fatalf("%v %v", err, first)
	}
	for i := 0; i < 30; i++ {
		again, _ := pdfsign.Verify(pdf)
		if fmt.Sprint(again.Problems, again.Revisions) != fmt.Sprint(first.Problems, first.Revisions) {
			t.Fatalf("run %d: %v, first %v", i, again.Problems, first.Problems)
		}
	}
}

// TestCMSAttacks: a crafted container in place of the inspector's (every
// signed byte unchanged) is refused for what is wrong with it; one that is
// a valid signature by another key is intact here, and names that key as
// the signer, so the report's signer record refuses it (see cmd/assay).
func TestCMSAttacks(t *testing.T) {
	base, ca, attacker, colleague := attackBase(t, 0)
	inspector := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	tsa := pdfsigntest.NewTSA(t)
	token, err := pdfsign.HTTPTimestamper{URL: tsa.URL}.Timestamp(bytes.Repeat([]byte{7}, 32), crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range pdfsigntest.CMSAttacks(t, base, inspector, attacker, colleague, token) {
		t.Run(a.Name, func(t *testing.T) {
			res, err := pdfsign.Verify(a.PDF)
			if err != nil {
				t.Fatal(err)
			}
			if a.Want[0] == pdfsigntest.WantSignerNotRecorded {
				if res.Signer == nil || res.Signer.Equal(inspector.Cert) {
					t.Fatalf("signer %v", res.Signer)
				}
				return
			}
			if res.Valid || !has(res.Problems, a.Want) {
				t.Errorf("problems %v, want one of %v", kinds(res.Problems), a.Want)
			}
		})
	}
}

// TestResourceBombsAreRefused: files made to cost a verifier memory or
// time by the product of two counts are refused as "limit exceeded" (or
// with a few findings), not analysed to the end: many objects under many
// empty updates, and millions of stray /ByteRange keys.
func TestResourceBombsAreRefused(t *testing.T) {
	base, _, _, _ := attackBase(t, 0)
	k := pdfsigntest.NewKit(t, base)
	objs := make([]pdfsigntest.Obj, 8000)
	for i := range objs {
		objs[i] = pdfsigntest.Obj{Nr: k.Size() + i, Body: "null"}
	}
	pdf := k.Append(pdfsigntest.Update{Objs: objs})
	prev, size := bytes.LastIndex(pdf, []byte("\nxref\n"))+1, k.Size()+len(objs)
	for i := 0; i < 200; i++ {
		at := len(pdf)
		pdf = fmt.Appendf(pdf, "xref\n0 0\ntrailer\n<</Size %d /Root %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n", size, k.Root(), prev, at)
		prev = at
	}
	res, err := pdfsign.Verify(pdf)
	if err != nil || res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindStructure}) {
		t.Errorf("many objects under many updates: %v %v", err, kinds(res.Problems))
	}

	// Object streams that each inflate to the per-stream limit: their
	// decoded data is kept, so only a budget for the whole file bounds it.
	bomb := deflateBombs(t, k, 8)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if res, err := pdfsign.Verify(bomb); err != nil || res.Valid {
		t.Errorf("object stream bombs: %v %v", err, kinds(res.Problems))
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 400<<20 {
		t.Errorf("object stream bombs: %d MB allocated", got>>20)
	} else {
		t.Logf("object stream bombs: %d MB allocated", got>>20)
	}

	stray := append(append([]byte(nil), base...), bytes.Repeat([]byte("/ByteRange [0 1 2 3] "), 200000)...)
	res, err = pdfsign.Verify(stray)
	if err != nil || res.Valid || len(res.Problems) > 20 {
		t.Errorf("stray /ByteRange keys: %v, %d problems", err, len(res.Problems))
	}
}

// zerosDeflate is a raw deflate stream (final block) of bombZeros zero
// bytes, compressed once: compressing 63 MB eight times made the test
// take 35 s under -race.
var zerosDeflate = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(make([]byte, bombZeros))
	w.Close()
	return b.Bytes()
})

const bombZeros = 63 << 20

// zlibBomb is a zlib stream of text followed by n zero bytes (n must be
// bombZeros): text's deflate blocks, flushed but not final, then the
// shared final blocks of the zeros (they refer only to bytes of their
// own), and the Adler-32 of the whole, which zeros advance in closed form.
func zlibBomb(text string, n int) *bytes.Buffer {
	var z bytes.Buffer
	z.Write([]byte{0x78, 0xda})
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write([]byte(text))
	w.Flush()
	z.Write(zerosDeflate())
	const mod = 65521
	a, b := uint64(1), uint64(0)
	for _, c := range []byte(text) {
		a = (a + uint64(c)) % mod
		b = (b + a) % mod
	}
	b = (b + uint64(n)%mod*a) % mod
	sum := uint32(b<<16 | a)
	z.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
	return &z
}

// deflateBombs appends an update with n object streams, each a few
// kilobytes that inflate to 63 MB, and a cross-reference stream naming
// one object in each.
func deflateBombs(t *testing.T, k *pdfsigntest.Kit, n int) []byte {
	out := append([]byte(nil), k.PDF...)
	type row struct{ typ, a int }
	rows := map[int]row{}
	size := k.Size()
	for i := 0; i < n; i++ {
		nr, obj := size+i, size+1000+i
		head := fmt.Sprintf("%d 0 ", obj)
		z := zlibBomb(head+"null", 63<<20)
		rows[nr], rows[obj] = row{1, len(out)}, row{2, nr}
		out = fmt.Appendf(out, "%d 0 obj\n<</Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d>>\nstream\n", nr, len(head), z.Len())
		out = append(append(out, z.Bytes()...), "\nendstream\nendobj\n"...)
	}
	xnr := size + 2000
	rows[xnr] = row{1, len(out)}
	var data []byte
	var index []string
	for _, nr := range slices.Sorted(maps.Keys(rows)) {
		r := rows[nr]
		data = append(data, byte(r.typ), byte(r.a>>24), byte(r.a>>16), byte(r.a>>8), byte(r.a), 0, 0)
		index = append(index, fmt.Sprintf("%d 1", nr))
	}
	at := len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Index [%s] /Root %d 0 R /Prev %d /Length %d>>\nstream\n",
		xnr, xnr+1, strings.Join(index, " "), k.Root(), k.StartXref(), len(data))
	out = append(append(out, data...), fmt.Sprintf("\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at)...)
	return out
}

// TestZlibBombIsWellFormed: the bombs are real zlib streams (a reader
// checks their Adler-32 at the end), so a refusal is the budget's doing,
// not a corrupt stream's.
func TestZlibBombIsWellFormed(t *testing.T) {
	zr, err := zlib.NewReader(zlibBomb("17 0 null", bombZeros))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil || n != int64(len("17 0 null"))+bombZeros {
		t.Fatalf("inflated %d bytes, %v", n, err)
	}
}

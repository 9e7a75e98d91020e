package pdfsign_test

import (
	"bytes"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

// gapOf returns the hex digits of the signature whose dictionary is the
// n-th "/Contents <" of pdf (0-based).
func gapOf(t *testing.T, pdf []byte, n int) (start, end int) {
	t.Helper()
	at := 0
	for i := 0; i <= n; i++ {
		j := bytes.Index(pdf[at:], []byte("/Contents <"))
		if j < 0 {
			t.Fatalf("no signature %d", n)
		}
		at += j + len("/Contents <")
	}
	return at, at + bytes.IndexByte(pdf[at:], '>')
}

// TestTimestamps: a signature time-stamp made at signing and a document
// time-stamp added later both verify, with the TSA's time; a tampered or
// swapped token is refused.
func TestTimestamps(t *testing.T) {
	tsa := pdfsigntest.NewTSA(t)
	stamped := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	tsa.SetClock(func() time.Time { return stamped })
	base, ca, _, _ := attackBase(t, 0)
	inspector := ca.Issue(t, "Ana María Gómez", "", nil)

	// At signing (PAdES B-T).
	signed, err := pdfsign.Sign(pdfsigntest.SmallPDF(t), inspector.Key, []*x509.Certificate{inspector.Cert}, pdfsign.Options{
		Time: stamped.Add(-time.Minute), Certify: 1, Timestamper: pdfsign.HTTPTimestamper{URL: tsa.URL}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := pdfsign.Verify(signed)
	if err != nil || !res.Valid || res.SignatureTimestamp == nil || !res.SignatureTimestamp.Time.Equal(stamped) ||
		!res.SignatureTimestamp.TSA.Equal(tsa.Cert) {
		t.Fatalf("signature time-stamp: %v %+v", err, res)
	}
	// A digit of the token's genTime changed: its signature breaks.
	a, b := gapOf(t, signed, 0)
	gt := []byte(hex.EncodeToString([]byte(stamped.Format("20060102150405"))))
	i := bytes.Index(signed[a:b], gt)
	if i < 0 {
		t.Fatal("genTime not found in the token")
	}
	bad := append([]byte(nil), signed...)
	bad[a+i+7] ^= 0x01 // "32303236" -> "32303237": 2026 -> 2027
	if res, _ := pdfsign.Verify(bad); res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindTimestampBad}) {
		t.Errorf("tampered signature time-stamp: %v", kinds(res.Problems))
	}

	// Later (assay timestamp), on a certified signature.
	dts, err := pdfsign.AddDocTimestamp(base, pdfsign.HTTPTimestamper{URL: tsa.URL}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	res, err = pdfsign.Verify(dts)
	if err != nil || !res.Valid || len(res.DocumentTimestamps) != 1 || !res.DocumentTimestamps[0].Time.Equal(stamped) || !res.Certified {
		t.Fatalf("document time-stamp: %v %v %+v", err, kinds(res.Problems), res)
	}
	if last := res.Revisions[len(res.Revisions)-1]; len(last.Changes) != 1 || last.Changes[0].Kind != pdfsign.KindRevTimestamp ||
		!strings.Contains(last.Changes[0].Subject, "CN=TSA de Prueba 1") {
		t.Errorf("the time-stamp revision says %+v", last.Changes)
	}
	// Another time-stamp on top still verifies (B-LTA style chains).
	tsa.SetClock(func() time.Time { return stamped.Add(time.Hour) })
	dts2, err := pdfsign.AddDocTimestamp(dts, pdfsign.HTTPTimestamper{URL: tsa.URL}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res, err := pdfsign.Verify(dts2); err != nil || !res.Valid || len(res.DocumentTimestamps) != 2 {
		t.Fatalf("two document time-stamps: %v %v", err, kinds(res.Problems))
	}
	// A token taken from another time-stamp does not match these bytes.
	other, err := pdfsign.AddDocTimestamp(base, pdfsign.HTTPTimestamper{URL: tsa.URL}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	a1, b1 := gapOf(t, dts, 1)
	a2, b2 := gapOf(t, other, 1)
	if b1-a1 != b2-a2 {
		t.Fatal("the two placeholders differ")
	}
	swapped := append([]byte(nil), dts...)
	copy(swapped[a1:b1], other[a2:b2])
	if res, _ := pdfsign.Verify(swapped); res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindTimestampBad}) {
		t.Errorf("swapped document time-stamp token: %v", kinds(res.Problems))
	}
	// A change next to an honest time-stamp is still a change.
	k := pdfsigntest.NewKit(t, dts)
	nr, p := k.Page(t, k.Pages())
	p["Annots"] = nil
	size := k.Size()
	withEvil := k.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: nr, Body: strings.Replace(p.PDFString(), "/Annots null", fmt.Sprintf("/Annots [%d 0 R]", size), 1)},
		{Nr: size, Body: "<</Type /Annot /Subtype /FreeText /Rect [0 0 500 800] /Contents (withdrawn)>>"},
	}})
	if res, _ := pdfsign.Verify(withEvil); res.Valid {
		t.Errorf("an annotation after the time-stamp verifies")
	}
}

// TestValidationDataMayFollow: a DSS dictionary (validation data) may be
// added after signing; nothing else may come with it.
func TestValidationDataMayFollow(t *testing.T) {
	base, ca, _, _ := attackBase(t, 0)
	k := pdfsigntest.NewKit(t, base)
	cat := k.Catalog(t)
	size := k.Size()
	catText := strings.TrimSuffix(cat.PDFString(), ">>") + fmt.Sprintf(" /DSS %d 0 R>>", size)
	dss := k.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: k.Root(), Body: catText},
		{Nr: size, Body: fmt.Sprintf("<</Type /DSS /Certs [%d 0 R]>>", size+1)},
		{Nr: size + 1, Body: pdfsigntest.Stream("", ca.Cert.Raw)},
	}})
	res, err := pdfsign.Verify(dss)
	if err != nil || !res.Valid {
		t.Fatalf("DSS after signing: %v %v", err, kinds(res.Problems))
	}
	if last := res.Revisions[len(res.Revisions)-1]; len(last.Changes) != 1 || last.Changes[0].Kind != pdfsign.KindRevDSS {
		t.Errorf("the DSS revision says %+v", last.Changes)
	}
	_, p1 := k.Page(t, 1)
	contents := k.Ref(t, p1, "Contents")
	sneaky := k.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: k.Root(), Body: catText},
		{Nr: size, Body: fmt.Sprintf("<</Type /DSS /Certs [%d 0 R]>>", size+1)},
		{Nr: size + 1, Body: pdfsigntest.Stream("", ca.Cert.Raw)},
		{Nr: contents, Body: pdfsigntest.Stream("", []byte("BT (changed) Tj ET"))},
	}})
	if res, _ := pdfsign.Verify(sneaky); res.Valid || !has(res.Problems, []pdfsign.Kind{pdfsign.KindRevChangesContent}) {
		t.Errorf("DSS with a content change: %v", kinds(res.Problems))
	}
}

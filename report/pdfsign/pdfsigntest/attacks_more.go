package pdfsigntest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/report/pdfsign"
)

// moreAttacks are the variants of the published classes that the first
// set left out: cross-reference chains that loop or point nowhere, a
// hybrid table, generation tricks, actions and metadata, a text field,
// validation data used as a carrier, and malformed /ByteRange arrays.
func moreAttacks(t testing.TB, k *Kit, pdf []byte, add func(name, class string, data []byte, want ...pdfsign.Kind)) {
	t.Helper()
	size := k.Size()
	page1, p1 := k.Page(t, 1)
	contents1 := k.Ref(t, p1, "Contents")
	cat := k.Catalog(t)
	evil := []byte("BT /F1 24 Tf 72 700 Td (NO NON-CONFORMITIES FOUND) Tj ET")
	// retrail rewrites the last trailer's /Prev value.
	retrail := func(data []byte, prev string) []byte {
		i := bytes.LastIndex(data, []byte("/Prev "))
		j := i + len("/Prev ")
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		return append(append(append([]byte(nil), data[:i]...), "/Prev "+prev...), data[j:]...)
	}
	lastXref := func(data []byte) int { return bytes.LastIndex(data, []byte("\nxref\n")) + 1 }
	changed := k.Append(Update{Objs: []Obj{{Nr: contents1, Body: Stream("", evil)}}})

	// Cross-reference chains a careless reader follows forever or into
	// the wrong revision.
	add("isa-prev-loop-to-itself", "ISA", retrail(changed, fmt.Sprint(lastXref(changed))), pdfsign.KindRevMalformed, pdfsign.KindStructure)
	add("isa-prev-negative", "ISA", retrail(changed, "-1"), pdfsign.KindRevMalformed, pdfsign.KindStructure)
	add("isa-prev-past-eof", "ISA", retrail(changed, "99999999"), pdfsign.KindRevMalformed, pdfsign.KindStructure)
	{
		// Two updates whose /Prev point at each other.
		k2 := NewKit(t, changed)
		second := k2.Append(Update{Objs: []Obj{{Nr: size, Body: "<</Evil true>>"}}})
		first := lastXref(changed)
		loop := retrail(second, fmt.Sprint(first))
		i := bytes.Index(loop[len(k.PDF):], []byte("/Prev ")) + len(k.PDF)
		at := fmt.Sprint(lastXref(second))
		// Same width keeps every offset: pad the first /Prev's digits.
		old := regexp.MustCompile(`^/Prev \d+`).Find(loop[i:])
		if len(at)+len("/Prev ") <= len(old) {
			repl := "/Prev " + strings.Repeat("0", len(old)-len("/Prev ")-len(at)) + at
			loop = append(append(append([]byte(nil), loop[:i]...), repl...), loop[i+len(old):]...)
			add("isa-prev-cycle-of-two", "ISA", loop, pdfsign.KindRevMalformed, pdfsign.KindStructure)
		}
	}
	{
		// A hybrid file: a classic table whose trailer also names a
		// cross-reference stream; readers differ on which one wins.
		tbl := k.Append(Update{Objs: []Obj{{Nr: size, Body: "<</Evil true>>"}}})
		tbl = bytes.Replace(tbl, []byte(" /Prev "), []byte(fmt.Sprintf(" /XRefStm %d /Prev ", len(k.PDF)+1)), 1)
		add("isa-hybrid-xrefstm", "ISA", tbl, pdfsign.KindRevChangesTrailer, pdfsign.KindRevMalformed, pdfsign.KindStructure)
	}
	add("isa-redefines-object-new-generation", "ISA", k.Append(Update{Objs: []Obj{{Nr: contents1, Gen: 1, Body: Stream("", evil)}}}),
		pdfsign.KindRevChangesContent, pdfsign.KindRevChangesObject, pdfsign.KindRevMalformed)
	add("isa-adds-unreferenced-object", "ISA", k.Append(Update{Objs: []Obj{{Nr: size, Body: Stream("", evil)}}}),
		pdfsign.KindRevAddsObject)
	add("isa-empty-update", "ISA", k.Append(Update{}), pdfsign.KindRevEmpty)
	add("isa-rewrites-signed-object-unchanged", "ISA", k.Append(Update{Objs: []Obj{{Nr: page1, Body: p1.PDFString()}}}),
		pdfsign.KindRevEmpty)
	add("data-after-eof-second-eof", "ISA", append(append([]byte(nil), pdf...), "%%EOF\n"...), pdfsign.KindDataAfterEOF)
	add("data-after-eof-whitespace", "ISA", append(append([]byte(nil), pdf...), " \r\n\n"...), pdfsign.KindDataAfterEOF)
	add("data-after-eof-garbage-then-eof", "ISA", append(append([]byte(nil), pdf...), "garbage\n%%EOF\n"...),
		pdfsign.KindDataAfterEOF, pdfsign.KindRevMalformed, pdfsign.KindStructure)

	// Shadow attacks whose shadow content is already in the signed
	// revision (another page's content stream), only referenced by the
	// update: replace page 1's content with it, or hide it behind it.
	if k.Pages() > 1 {
		_, pl := k.Page(t, k.Pages())
		other := k.Ref(t, pl, "Contents")
		np := p1.Clone().(types.Dict)
		np["Contents"] = *types.NewIndirectRef(other, 0)
		add("shadow-replace-with-signed-stream", "Shadow", k.Append(Update{Objs: []Obj{{Nr: page1, Body: np.PDFString()}}}),
			pdfsign.KindRevChangesContent, pdfsign.KindRevChangesPage)
		np = p1.Clone().(types.Dict)
		np["Contents"] = types.Array{*types.NewIndirectRef(contents1, 0), *types.NewIndirectRef(other, 0)}
		add("shadow-hide-and-replace-signed-stream", "Shadow", k.Append(Update{Objs: []Obj{{Nr: page1, Body: np.PDFString()}}}),
			pdfsign.KindRevChangesContent, pdfsign.KindRevChangesPage)
	}

	// Actions and metadata added after signing.
	{
		np := p1.Clone().(types.Dict)
		np["AA"] = types.Dict{"O": *types.NewIndirectRef(size, 0)}
		add("isa-page-open-javascript", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: page1, Body: np.PDFString()},
			{Nr: size, Body: "<</S /JavaScript /JS (app.alert\\('the report is fine'\\))>>"},
		}}), pdfsign.KindRevChangesPage)
		c := cat.Clone().(types.Dict)
		c["AA"] = types.Dict{"WC": *types.NewIndirectRef(size, 0)}
		add("isa-catalog-aa-javascript", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: "<</S /JavaScript /JS (this.dirty = false)>>"},
		}}), pdfsign.KindRevChangesCatalog)
		xmp := []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Informe corregido</dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`)
		if r, ok := cat["Metadata"].(types.IndirectRef); ok {
			add("isa-rewrites-xmp-metadata", "ISA", k.Append(Update{Objs: []Obj{
				{Nr: r.ObjectNumber.Value(), Body: Stream("/Type /Metadata /Subtype /XML", xmp)},
			}}), pdfsign.KindRevChangesObject)
		}
		c = cat.Clone().(types.Dict)
		c["Metadata"] = *types.NewIndirectRef(size, 0)
		add("isa-catalog-new-xmp-metadata", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: Stream("/Type /Metadata /Subtype /XML", xmp)},
		}}), pdfsign.KindRevChangesCatalog)
	}
	{
		// A text form field with a value and appearance, shown on page 1.
		c := cat.Clone().(types.Dict)
		form := c["AcroForm"].(types.Dict).Clone().(types.Dict)
		fields, _ := form["Fields"].(types.Array)
		form["Fields"] = append(append(types.Array{}, fields...), *types.NewIndirectRef(size, 0))
		c["AcroForm"] = form
		np := p1.Clone().(types.Dict)
		annots, _ := np["Annots"].(types.Array)
		np["Annots"] = append(append(types.Array{}, annots...), *types.NewIndirectRef(size, 0))
		add("sneaky-text-field-with-value", "EvilAnnotation", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: page1, Body: np.PDFString()},
			{Nr: size, Body: fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Tx /T (Nota) /V (Informe anulado) /Rect [50 600 550 700] /P %d 0 R /AP <</N %d 0 R>>>>", page1, size+1)},
			{Nr: size + 1, Body: Stream("/Type /XObject /Subtype /Form /BBox [0 0 500 100]", []byte("BT /Helv 30 Tf 10 40 Td (Informe anulado) Tj ET"))},
		}}), pdfsign.KindRevAddsField, pdfsign.KindRevChangesPage, pdfsign.KindRevAddsAnnot)
	}

	for _, flags := range []string{"0", "1", "(3)"} {
		c := cat.Clone().(types.Dict)
		form := c["AcroForm"].(types.Dict).Clone().(types.Dict)
		if form["SigFlags"] == nil {
			break
		}
		form["SigFlags"] = types.Name("X") // replaced below: pdfcpu writes names, not raw tokens
		c["AcroForm"] = form
		body := strings.Replace(c.PDFString(), "/SigFlags/X", "/SigFlags "+flags, 1)
		body = strings.Replace(body, "/SigFlags /X", "/SigFlags "+flags, 1)
		add("isa-sigflags-"+strings.Trim(flags, "()")+map[bool]string{true: "-string"}[flags[0] == '('], "ISA",
			k.Append(Update{Objs: []Obj{{Nr: k.Root(), Body: body}}}), pdfsign.KindRevChangesForm)
	}

	// Validation data as a carrier: keys no DSS has, an action, a page.
	for _, extra := range []struct{ name, body string }{
		{"dss-extra-key-javascript", fmt.Sprintf("<</Type /DSS /Certs [] /JS %d 0 R>>", size+1)},
		{"dss-extra-key-openaction", fmt.Sprintf("<</Type /DSS /OpenAction %d 0 R>>", size+1)},
		{"dss-vri-carries-page", fmt.Sprintf("<</Type /DSS /VRI <</ABCD <</Type /Page /Contents %d 0 R>>>>>>", size+1)},
	} {
		c := cat.Clone().(types.Dict)
		c["DSS"] = *types.NewIndirectRef(size, 0)
		add(extra.name, "Certification", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: extra.body},
			{Nr: size + 1, Body: "<</S /JavaScript /JS (app.alert\\('ok'\\))>>"},
		}}), pdfsign.KindRevDSSBad)
	}

	{
		// Extensions, which a DSS may come with, used to carry an action.
		c := cat.Clone().(types.Dict)
		c["Extensions"] = types.Dict{"ESIC": types.Dict{"BaseVersion": types.Name("1.7"), "ExtensionLevel": types.Integer(5), "AA": *types.NewIndirectRef(size, 0)}}
		add("isa-extensions-carry-action", "ISA", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: "<</S /JavaScript /JS (app.alert\\('ok'\\))>>"},
		}}), pdfsign.KindRevChangesCatalog)
	}

	// Certification: the signature dictionary rewritten with looser
	// DocMDP permissions (P=3 allows annotations).
	if sigNr := sigDictOf(t, k); sigNr > 0 {
		sd := k.Dict(t, sigNr)
		body := strings.Replace(sd.PDFString(), "/P 1", "/P 3", 1)
		add("certification-docmdp-p-loosened", "Certification", k.Append(Update{Objs: []Obj{{Nr: sigNr, Body: body}}}),
			pdfsign.KindRevChangesSig, pdfsign.KindSigDamaged)
	}

	// Signature wrapping by copy: the inspector's signature dictionary,
	// byte for byte (its /ByteRange still names the signed revision), as a
	// new field's value, and the inspector's field pointed at the copy.
	if sigNr := sigDictOf(t, k); sigNr > 0 {
		at := objectOffset(t, pdf, sigNr)
		body := pdf[at:]
		body = body[bytes.Index(body, []byte("obj"))+3 : bytes.Index(body, []byte("endobj"))]
		c := cat.Clone().(types.Dict)
		form := c["AcroForm"].(types.Dict).Clone().(types.Dict)
		fields, _ := form["Fields"].(types.Array)
		form["Fields"] = append(append(types.Array{}, fields...), *types.NewIndirectRef(size+1, 0))
		c["AcroForm"] = form
		add("swa-signature-dictionary-copied", "SWA", k.Append(Update{Objs: []Obj{
			{Nr: k.Root(), Body: c.PDFString()},
			{Nr: size, Body: string(body)},
			{Nr: size + 1, Body: fmt.Sprintf("<</FT /Sig /T (Copia) /V %d 0 R /Rect [0 0 0 0] /Type /Annot /Subtype /Widget /P %d 0 R>>", size, page1)},
		}}), pdfsign.KindSecondSignature, pdfsign.KindSigDamaged, pdfsign.KindRevAddsField)
		w := widgetOf(t, k)
		wd := k.Dict(t, w)
		wd["V"] = *types.NewIndirectRef(size, 0)
		add("swa-inspector-field-points-to-copy", "SWA", k.Append(Update{Objs: []Obj{
			{Nr: w, Body: wd.PDFString()},
			{Nr: size, Body: string(body)},
		}}), pdfsign.KindRevChangesSig, pdfsign.KindSigDamaged, pdfsign.KindSigUnreferenced)
	}

	// Universal signature forgery: /ByteRange arrays a lenient parser
	// would still read.
	a, b, brStart, brEnd := k.SigGap(t)
	key := brStart + len("/ByteRange")
	for _, br := range []struct{ name, text string }{
		{"usf-byterange-negative", fmt.Sprintf(" [0 -%d %d %d]", a, b, len(pdf)-b)},
		{"usf-byterange-overlapping", fmt.Sprintf(" [0 %d %d %d]", b, a, len(pdf)-a)},
		{"usf-byterange-real-numbers", fmt.Sprintf(" [0 %d.0 %d %d]", a, b, len(pdf)-b)},
		{"usf-byterange-five-entries", fmt.Sprintf(" [0 %d %d %d 0]", a, b, len(pdf)-b)},
		{"usf-byterange-indirect", " 1 0 R"},
		{"usf-byterange-whole-file", fmt.Sprintf(" [0 %d %d 0]", len(pdf), len(pdf))},
	} {
		if len(br.text) > brEnd-key {
			continue
		}
		add(br.name, "USF", fill(pdf, key, brEnd, br.text), pdfsign.KindSigDamaged, pdfsign.KindChanged)
	}
	add("usf-contents-indirect", "USF", fill(pdf, a, b, "1 0 R"), pdfsign.KindSigDamaged)
}

// sigDictOf returns the object number of the first signature field's
// signature dictionary, 0 if none.
func sigDictOf(t testing.TB, k *Kit) int {
	w := widgetOf(t, k)
	if w == 0 {
		return 0
	}
	if r, ok := k.Dict(t, w)["V"].(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}

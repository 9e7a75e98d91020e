package report

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"io"
	"math"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

// The sRGB profile is a well-formed ICC v2 display profile: the header
// PDF/A's output-intent rules read (size, version <= 4, class mntr, RGB
// data, acsp), every required tag present and inside the file, and the
// tone curve sRGB's. (Ghostscript's lcms2 also accepts it as its default
// RGB profile, and refuses a copy with a broken signature: checked by
// hand, gs is not a test dependency.)
func TestSRGBProfileIsWellFormed(t *testing.T) {
	p := SRGBProfile()
	be := binary.BigEndian
	if int(be.Uint32(p)) != len(p) || len(p)%4 != 0 {
		t.Fatalf("size field %d, file %d", be.Uint32(p), len(p))
	}
	if p[8] != 2 || string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" {
		t.Errorf("header: version %d, class/space %q, magic %q", p[8], p[12:24], p[36:40])
	}
	n := int(be.Uint32(p[128:]))
	tags := map[string][]byte{}
	for i := range n {
		e := p[132+12*i:]
		sig, off, size := string(e[:4]), int(be.Uint32(e[4:])), int(be.Uint32(e[8:]))
		if off%4 != 0 || off+size > len(p) {
			t.Fatalf("tag %s at %d+%d outside the file or unaligned", sig, off, size)
		}
		tags[sig] = p[off : off+size]
	}
	for _, want := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if _, ok := tags[want]; !ok {
			t.Errorf("tag %s missing", want)
		}
	}
	// The colorants add up to the D50 white of the connection space.
	var sum [3]float64
	for _, c := range []string{"rXYZ", "gXYZ", "bXYZ"} {
		for k := range 3 {
			sum[k] += float64(int32(be.Uint32(tags[c][8+4*k:]))) / 65536
		}
	}
	for k, want := range iccD50 {
		if math.Abs(sum[k]-want) > 0.001 {
			t.Errorf("colorants sum to %v, want D50 %v", sum, iccD50)
		}
	}
	// Mid-grey 0.5 is 0.214 in linear light on the sRGB curve.
	curve := tags["rTRC"]
	mid := float64(be.Uint16(curve[12+2*(iccCurvePoints/2):])) / 65535
	if string(curve[:4]) != "curv" || math.Abs(mid-0.2148) > 0.002 {
		t.Errorf("curve %q, mid value %.4f", curve[:4], mid)
	}
	if !bytes.Equal(SRGBProfile(), makeSRGBProfile()) {
		t.Error("the profile differs between two makes: reports would not be reproducible")
	}
}

// The XMP packet is well-formed XML that declares PDF/A-3b and repeats
// the document information, escaped.
func TestXMPDeclaresPDFA3b(t *testing.T) {
	x := XMP(XMPInfo{Title: "Audit report <r1> & co", Author: "Ana María Gómez", Subject: "Cooperativa \"La Esperanza\"",
		Creator: "assay", Producer: "assay (gofpdf)", Created: time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC), Lang: "es"})
	s := string(x)
	if !strings.HasPrefix(s, "<?xpacket begin=\"\xEF\xBB\xBF\"") || !strings.HasSuffix(s, "<?xpacket end=\"w\"?>") {
		t.Error("not an XMP packet")
	}
	dec := xml.NewDecoder(bytes.NewReader(x))
	text := map[string]string{}
	var cur string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XMP is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			cur = tk.Name.Space + " " + tk.Name.Local
		case xml.CharData:
			if strings.TrimSpace(string(tk)) != "" {
				text[cur] += string(tk)
			}
		}
	}
	for k, want := range map[string]string{
		"http://www.aiim.org/pdfa/ns/id/ part":           "3",
		"http://www.aiim.org/pdfa/ns/id/ conformance":    "B",
		"http://ns.adobe.com/pdf/1.3/ Producer":          "assay (gofpdf)",
		"http://ns.adobe.com/xap/1.0/ CreateDate":        "2026-11-23T14:30:00+00:00",
		"http://www.w3.org/1999/02/22-rdf-syntax-ns# li": "Audit report <r1> & coAna María GómezCooperativa \"La Esperanza\"es",
	} {
		if text[k] != want {
			t.Errorf("%s = %q, want %q", k, text[k], want)
		}
	}
}

// pdfaContext reads a PDF with pdfcpu (relaxed: PDF/A-3's /AF is PDF 2.0
// to its strict mode).
func pdfaContext(t *testing.T, pdf []byte) *model.XRefTable {
	t.Helper()
	if model.ConfigPath == "default" {
		api.DisableConfigDir()
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Offline = true
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatalf("pdfcpu: %v", err)
	}
	return ctx.XRefTable
}

// streamOf dereferences o to a stream and returns its dictionary and
// decoded content.
func streamOf(t *testing.T, xt *model.XRefTable, o types.Object) (types.Dict, []byte) {
	t.Helper()
	sd, _, err := xt.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		t.Fatalf("not a stream: %v (%v)", o, err)
	}
	if err := sd.Decode(); err != nil {
		t.Fatalf("stream %v: %v", o, err)
	}
	return sd.Dict, sd.Content
}

// TestSignedReportHasPDFA3bStructure checks, in a signed export, what
// ISO 19005-3 level b asks of the file's structure: a binary header
// comment, a file identifier, XMP metadata declaring part 3 conformance B
// and agreeing with the document information, an sRGB output intent with
// its ICC profile, every font embedded (pdffonts), /Lang, and audit.json
// and findings.json as associated files (/AF, /AFRelationship, MIME type,
// dates). It does not prove conformance: no PDF/A validator is
// installable here (veraPDF is not), so what this cannot see (colour
// spaces inside pictures, every glyph's width against its font program,
// XMP property types) is unverified.
func TestSignedReportHasPDFA3bStructure(t *testing.T) {
	ins := pdfsigntest.NewCA(t, "Certificadora Andina Root CA").Issue(t, "Ana María Gómez", "ana@example.org", nil)
	pdf := exportAs(t, ins, nil, fixtureNow, nil)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")) {
		t.Errorf("header %q: PDF 1.7 and a binary comment expected", pdf[:16])
	}
	xt := pdfaContext(t, pdf)
	if len(xt.ID) != 2 {
		t.Errorf("trailer /ID %v", xt.ID)
	}
	cat, err := xt.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if lang, _ := types.StringOrHexLiteral(cat["Lang"]); lang == nil || *lang != "en" {
		t.Errorf("/Lang %v", cat["Lang"])
	}
	// XMP metadata: PDF/A-3B, and the same title, author and dates as the
	// document information.
	md, xmp := streamOf(t, xt, cat["Metadata"])
	if md.NameEntry("Subtype") == nil || *md.NameEntry("Subtype") != "XML" || md["Filter"] != nil {
		t.Errorf("metadata stream %v: XML, unfiltered", md)
	}
	for _, want := range []string{"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
		"<xmp:CreateDate>2026-11-23T14:30:00+00:00</xmp:CreateDate>", "<pdf:Producer>assay (gofpdf)</pdf:Producer>"} {
		if !bytes.Contains(xmp, []byte(want)) {
			t.Errorf("XMP lacks %s", want)
		}
	}
	info, err := xt.DereferenceDict(*xt.Info)
	if err != nil {
		t.Fatal(err)
	}
	if d := info.StringEntry("CreationDate"); d == nil || *d != "D:20261123143000+00'00'" {
		t.Errorf("info CreationDate %v, want the XMP's date with its zone", info["CreationDate"])
	}
	title, _ := types.StringOrHexLiteral(info["Title"])
	if title == nil || !bytes.Contains(xmp, []byte(">"+*title+"<")) {
		t.Errorf("info title %v not in the XMP", title)
	}
	// The output intent: GTS_PDFA1 with an RGB ICC profile.
	intents, _ := xt.DereferenceArray(cat["OutputIntents"])
	if len(intents) != 1 {
		t.Fatalf("output intents %v", cat["OutputIntents"])
	}
	oi, _ := xt.DereferenceDict(intents[0])
	if s := oi.NameEntry("S"); s == nil || *s != "GTS_PDFA1" {
		t.Errorf("output intent /S %v", oi["S"])
	}
	pd, profile := streamOf(t, xt, oi["DestOutputProfile"])
	if n := pd.IntEntry("N"); n == nil || *n != 3 || !bytes.Equal(profile, SRGBProfile()) {
		t.Errorf("output profile /N %v, %d bytes", pd["N"], len(profile))
	}
	// Associated files: each embedded file is in /AF, with its relation.
	af, _ := xt.DereferenceArray(cat["AF"])
	rel := map[string]string{}
	for _, o := range af {
		spec, _ := xt.DereferenceDict(o)
		name, _ := types.StringOrHexLiteral(spec["UF"])
		f, _ := types.StringOrHexLiteral(spec["F"])
		if name == nil || f == nil || *name != *f {
			t.Errorf("file specification without /F and /UF: %v", spec)
			continue
		}
		rel[*name] = *spec.NameEntry("AFRelationship")
		ef, _ := xt.DereferenceDict(spec["EF"])
		sd, content := streamOf(t, xt, ef["F"])
		params, _ := xt.DereferenceDict(sd["Params"])
		if st := sd.NameEntry("Subtype"); st == nil || *st != "application/json" || params.StringEntry("ModDate") == nil {
			t.Errorf("%s: embedded file %v: MIME type and ModDate expected", *name, sd)
		}
		if *name == FindingsAttachmentName {
			if err := validateFindings(t, content); err != nil {
				t.Errorf("the attached findings.json does not validate: %v", err)
			}
		}
	}
	if rel[AttachmentName] != "Source" || rel[FindingsAttachmentName] != "Data" {
		t.Errorf("associated files %v, want audit.json Source and findings.json Data", rel)
	}
	// Every font embedded, the signature's appearance included.
	needTool(t, "pdffonts")
	out, err := exec.Command("pdffonts", writeTemp(t, "r.pdf", pdf)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(lines) < 4 {
		t.Fatalf("pdffonts lists %d fonts:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if f := strings.Fields(l); len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	if !strings.Contains(string(out), "GoRegular") {
		t.Errorf("the signature's font is not among the embedded ones:\n%s", out)
	}
}

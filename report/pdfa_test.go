package report

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
	"time"
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

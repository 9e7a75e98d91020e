package report

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"html"
	"math"
	"sync"
	"time"
)

// PDF/A-3b (ISO 19005-3, level b) asks of a report: XMP metadata naming
// the part and conformance and agreeing with the document information,
// an output intent with an ICC profile for the colours the pages use
// (DeviceRGB here), every font embedded, and each attached file declared
// as an associated file (/AF) with its relationship, MIME type and date.
// The pieces that are content live here; layout writes them into the file.
// No validator for PDF/A is installable here: the tests check this
// structure, not conformance (see the README).

// sRGB as the IEC 61966-2-1 profile describes it: the primaries adapted to
// the D50 connection space (Bradford), the D65 media white, and the sRGB
// transfer curve. These are published constants, so the profile is made
// here rather than copied from a file with a licence to track.
var (
	iccRed   = [3]float64{0.4360747, 0.2225045, 0.0139322}
	iccGreen = [3]float64{0.3850649, 0.7168786, 0.0971045}
	iccBlue  = [3]float64{0.1430804, 0.0606169, 0.7141733}
	iccWhite = [3]float64{0.9504559, 1.0, 1.0890578} // D65
	iccD50   = [3]float64{0.9642, 1.0, 0.8249}
)

// iccCurvePoints is the length of the tone curve table: 1024 points keep
// the sRGB curve within a rounding error of 16-bit output.
const iccCurvePoints = 1024

// SRGBProfile returns an ICC version 2.1 display profile of sRGB: the
// output intent's profile. It is made once.
var SRGBProfile = sync.OnceValue(makeSRGBProfile)

func makeSRGBProfile() []byte {
	be := binary.BigEndian
	s15 := func(b *bytes.Buffer, v float64) { binary.Write(b, be, int32(math.Round(v*65536))) }
	xyz := func(v [3]float64) []byte {
		var b bytes.Buffer
		b.WriteString("XYZ \x00\x00\x00\x00")
		for _, c := range v {
			s15(&b, c)
		}
		return b.Bytes()
	}
	text := func(s string) []byte {
		return append([]byte("text\x00\x00\x00\x00"+s), 0)
	}
	desc := func(s string) []byte {
		// textDescriptionType (ICC.1:2001-04 §6.5.17): ASCII, then empty
		// Unicode and ScriptCode parts.
		var b bytes.Buffer
		b.WriteString("desc\x00\x00\x00\x00")
		binary.Write(&b, be, uint32(len(s)+1))
		b.WriteString(s)
		b.WriteByte(0)
		binary.Write(&b, be, uint32(0)) // Unicode language code
		binary.Write(&b, be, uint32(0)) // Unicode count
		binary.Write(&b, be, uint16(0)) // ScriptCode code
		b.WriteByte(0)                  // ScriptCode count
		b.Write(make([]byte, 67))       // ScriptCode description
		return b.Bytes()
	}
	var curve bytes.Buffer
	curve.WriteString("curv\x00\x00\x00\x00")
	binary.Write(&curve, be, uint32(iccCurvePoints))
	for i := range iccCurvePoints {
		v := float64(i) / (iccCurvePoints - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		binary.Write(&curve, be, uint16(math.Round(v*65535)))
	}
	type tag struct {
		sig  string
		data []byte
	}
	trc := curve.Bytes()
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1 (assay)")},
		{"cprt", text("No copyright: made by assay from the published IEC 61966-2-1 parameters")},
		{"wtpt", xyz(iccWhite)},
		{"rXYZ", xyz(iccRed)}, {"gXYZ", xyz(iccGreen)}, {"bXYZ", xyz(iccBlue)},
		{"rTRC", trc}, {"gTRC", trc}, {"bTRC", trc},
	}
	// Lay out: header, tag table, then each distinct data block on a
	// 4-byte boundary (the three curves share one).
	table := 128 + 4 + 12*len(tags)
	var body bytes.Buffer
	type place struct{ off, size int }
	placed := map[string]place{}
	at := make([]place, len(tags))
	for i, t := range tags {
		if p, ok := placed[string(t.data)]; ok {
			at[i] = p
			continue
		}
		for (table+body.Len())%4 != 0 {
			body.WriteByte(0)
		}
		p := place{table + body.Len(), len(t.data)}
		body.Write(t.data)
		placed[string(t.data)], at[i] = p, p
	}
	for (table+body.Len())%4 != 0 {
		body.WriteByte(0)
	}
	size := table + body.Len()
	var out bytes.Buffer
	binary.Write(&out, be, uint32(size))
	out.WriteString("\x00\x00\x00\x00")               // preferred CMM: none
	binary.Write(&out, be, uint32(0x02100000))        // version 2.1
	out.WriteString("mntrRGB XYZ ")                   // display, RGB data, XYZ connection space
	for _, v := range []uint16{2026, 1, 1, 0, 0, 0} { // creation date (fixed: same bytes every time)
		binary.Write(&out, be, v)
	}
	out.WriteString("acsp")
	out.Write(make([]byte, 4+4+4+4+8)) // platform, flags, manufacturer, model, attributes
	binary.Write(&out, be, uint32(0))  // perceptual intent
	for _, c := range iccD50 {
		s15(&out, c)
	}
	out.Write(make([]byte, 4+16+28)) // creator, profile ID (none in v2), reserved
	binary.Write(&out, be, uint32(len(tags)))
	for i, t := range tags {
		out.WriteString(t.sig)
		binary.Write(&out, be, uint32(at[i].off))
		binary.Write(&out, be, uint32(at[i].size))
	}
	out.Write(body.Bytes())
	return out.Bytes()
}

// XMPInfo is what the report's XMP metadata says: the same as its
// document information dictionary, as PDF/A requires.
type XMPInfo struct {
	Title, Author, Subject, Creator, Producer string
	Created                                   time.Time
	Lang                                      string
}

// XMP returns the report's XMP metadata packet, UTF-8, declaring PDF/A-3b
// (pdfaid:part 3, conformance B). Only schemas PDF/A predefines are used
// (Dublin Core, XMP basic, Adobe PDF, PDF/A identification), so no
// extension schema description is needed.
func XMP(in XMPInfo) []byte {
	esc := html.EscapeString
	date := in.Created.Format("2006-01-02T15:04:05-07:00")
	lang := in.Lang
	if lang == "" {
		lang = "x-default"
	}
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
  xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
`)
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(in.Title))
	if in.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(in.Author))
	}
	if in.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(in.Subject))
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(in.Creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", esc(in.Producer))
	b.WriteString("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Room for an editor to rewrite the packet in place, as XMP advises.
	b.WriteString(string(bytes.Repeat([]byte(" "), 1024)))
	b.WriteString("\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}

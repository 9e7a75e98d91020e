package pdfsign

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/charmap"
)

// The visible signature's text is drawn in Go Regular (BSD licence, the
// report's own typeface), embedded as a simple TrueType font with
// WinAnsiEncoding: PDF/A forbids a font that is not embedded, and
// Helvetica never was. Only the glyphs the box uses are kept in the
// embedded copy (the rest are emptied), so it costs a few kilobytes.

// appearanceFontName is the font's PostScript name; the embedded subset is
// named with a tag, as PDF asks of subsets.
const appearanceFontName = "GoRegular"

// goFont is Go Regular parsed once, with its metrics in font units.
type goFont struct {
	f          *sfnt.Font
	upem       int
	ascent     int
	descent    int
	capHeight  int
	bbox       [4]int
	widths     [224]int // WinAnsi codes 32…255, in 1/1000 em
	glyphOf    [224]sfnt.GlyphIndex
	defined    [224]bool
	loadFailed error
}

var appearanceFont = sync.OnceValue(func() *goFont {
	g := &goFont{}
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		g.loadFailed = err
		return g
	}
	g.f = f
	g.upem = int(f.UnitsPerEm())
	ppem := fixed.Int26_6(f.UnitsPerEm())
	var buf sfnt.Buffer
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		g.loadFailed = err
		return g
	}
	// With ppem = units per em, sfnt's 26.6 values are font units as
	// they are (not to be rounded from 1/64ths).
	g.ascent, g.descent, g.capHeight = int(m.Ascent), int(m.Descent), int(m.CapHeight)
	b, err := f.Bounds(&buf, ppem, font.HintingNone)
	if err != nil {
		g.loadFailed = err
		return g
	}
	// sfnt's y axis points down; the PDF's up.
	g.bbox = [4]int{int(b.Min.X), -int(b.Max.Y), int(b.Max.X), -int(b.Min.Y)}
	dec := charmap.Windows1252
	for c := 32; c < 256; c++ {
		r := dec.DecodeByte(byte(c))
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		g.glyphOf[c-32], g.defined[c-32] = gi, true
		g.widths[c-32] = int(adv) * 1000 / g.upem
	}
	return g
})

// fontWidth is the advance of WinAnsi code c in 1/1000 em (0 for a code
// the font lacks, which winAnsi never produces).
func fontWidth(c byte) int {
	if c < 32 {
		return 0
	}
	return appearanceFont().widths[c-32]
}

// fontDicts returns the appearance font's dictionary (referring to its
// descriptor object fd) and the descriptor (referring to its font file
// object ff), and the font file stream object, for the text lines (WinAnsi
// bytes) it must show.
func fontDicts(lines [][]byte, fd, ff int) (fontObj, descObj, fileObj string, err error) {
	g := appearanceFont()
	if g.loadFailed != nil {
		return "", "", "", fmt.Errorf("pdfsign: appearance font: %w", g.loadFailed)
	}
	keep := map[sfnt.GlyphIndex]bool{0: true} // .notdef is always there
	var first, last byte = 255, 32
	for _, l := range lines {
		for _, c := range l {
			if c < 32 || !g.defined[c-32] {
				continue
			}
			keep[g.glyphOf[c-32]] = true
			first, last = min(first, c), max(last, c)
		}
	}
	if first > last {
		first, last = 32, 32
	}
	sub, err := subsetTrueType(goregular.TTF, keep)
	if err != nil {
		return "", "", "", fmt.Errorf("pdfsign: appearance font: %w", err)
	}
	tag := subsetTag(keep)
	ws := make([]string, 0, int(last-first)+1)
	for c := int(first); c <= int(last); c++ {
		ws = append(ws, fmt.Sprint(g.widths[c-32]))
	}
	fontObj = fmt.Sprintf("<</Type /Font /Subtype /TrueType /BaseFont /%s+%s /Encoding /WinAnsiEncoding /FirstChar %d /LastChar %d /Widths [%s] /FontDescriptor %d 0 R>>",
		tag, appearanceFontName, first, last, strings.Join(ws, " "), fd)
	scale := func(v int) int { return v * 1000 / g.upem }
	descObj = fmt.Sprintf("<</Type /FontDescriptor /FontName /%s+%s /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R>>",
		tag, appearanceFontName, scale(g.bbox[0]), scale(g.bbox[1]), scale(g.bbox[2]), scale(g.bbox[3]),
		scale(g.ascent), -scale(g.descent), scale(g.capHeight), ff)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(sub)
	zw.Close()
	fileObj = fmt.Sprintf("<</Length %d /Length1 %d /Filter /FlateDecode>>\nstream\n%s\nendstream", z.Len(), len(sub), z.Bytes())
	return fontObj, descObj, fileObj, nil
}

// subsetTag is the six capital letters before a subset font's name,
// derived from the glyphs kept so the same text gives the same bytes.
func subsetTag(keep map[sfnt.GlyphIndex]bool) string {
	h := uint32(2166136261)
	ids := make([]int, 0, len(keep))
	for g := range keep {
		ids = append(ids, int(g))
	}
	sort.Ints(ids)
	for _, id := range ids {
		h = (h ^ uint32(id)) * 16777619
	}
	var b [6]byte
	for i := range b {
		b[i] = 'A' + byte(h%26)
		h /= 26
	}
	return string(b[:])
}

// subsetTrueType returns ttf with every glyph outside keep (and the
// components of composite glyphs kept) emptied, loca rewritten in the long
// format, the glyph names of post dropped (format 3) and the tables a PDF
// viewer does not read left out. Glyph ids, and so cmap and hmtx, stay as
// they are.
func subsetTrueType(ttf []byte, keep map[sfnt.GlyphIndex]bool) ([]byte, error) {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil, errors.New("short font")
	}
	n := int(be.Uint16(ttf[4:]))
	tables := map[string][]byte{}
	for i := range n {
		at := 12 + 16*i
		if at+16 > len(ttf) {
			return nil, errors.New("short table directory")
		}
		rec := ttf[at:]
		off, size := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(ttf) {
			return nil, fmt.Errorf("table %q outside the font", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+size]
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, errors.New("missing head, maxp, loca or glyf")
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:]) == 1
	offset := func(i int) (int, error) {
		var o int
		if long {
			if 4*i+4 > len(loca) {
				return 0, errors.New("short loca")
			}
			o = int(be.Uint32(loca[4*i:]))
		} else {
			if 2*i+2 > len(loca) {
				return 0, errors.New("short loca")
			}
			o = int(be.Uint16(loca[2*i:])) * 2
		}
		if o > len(glyf) {
			return 0, errors.New("loca points outside glyf")
		}
		return o, nil
	}
	glyph := func(i int) ([]byte, error) {
		a, err := offset(i)
		if err != nil {
			return nil, err
		}
		b, err := offset(i + 1)
		if err != nil || b < a {
			return nil, errors.New("bad loca")
		}
		return glyf[a:b], nil
	}
	// Composite glyphs draw others: keep those too.
	todo := make([]sfnt.GlyphIndex, 0, len(keep))
	for g := range keep {
		todo = append(todo, g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if int(g) >= numGlyphs {
			continue
		}
		data, err := glyph(int(g))
		if err != nil {
			return nil, err
		}
		if len(data) < 10 || int16(be.Uint16(data)) >= 0 {
			continue
		}
		for p := 10; p+4 <= len(data); {
			flags, comp := be.Uint16(data[p:]), sfnt.GlyphIndex(be.Uint16(data[p+2:]))
			if !keep[comp] {
				keep[comp] = true
				todo = append(todo, comp)
			}
			p += 4
			switch {
			case flags&0x0001 != 0: // ARG_1_AND_2_ARE_WORDS
				p += 4
			default:
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}
	var newGlyf bytes.Buffer
	newLoca := make([]byte, 4*(numGlyphs+1))
	for i := range numGlyphs {
		be.PutUint32(newLoca[4*i:], uint32(newGlyf.Len()))
		if !keep[sfnt.GlyphIndex(i)] {
			continue
		}
		data, err := glyph(i)
		if err != nil {
			return nil, err
		}
		newGlyf.Write(data)
		for newGlyf.Len()%4 != 0 {
			newGlyf.WriteByte(0)
		}
	}
	be.PutUint32(newLoca[4*numGlyphs:], uint32(newGlyf.Len()))
	newHead := append([]byte(nil), head...)
	be.PutUint16(newHead[50:], 1) // long loca
	be.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf.Bytes()}
	for _, t := range []string{"OS/2", "cmap", "cvt ", "fpgm", "hhea", "hmtx", "maxp", "name", "prep"} {
		if d, ok := tables[t]; ok {
			out[t] = d
		}
	}
	if post := tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		be.PutUint32(p, 0x00030000) // no glyph names
		out["post"] = p
	}
	return writeSFNT(out), nil
}

// writeSFNT lays tables out as a TrueType file, with their checksums and
// head's checkSumAdjustment.
func writeSFNT(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	var out bytes.Buffer
	binary.Write(&out, be, uint32(0x00010000))
	binary.Write(&out, be, uint16(n))
	binary.Write(&out, be, uint16(16<<es))
	binary.Write(&out, be, uint16(es))
	binary.Write(&out, be, uint16(16*n-16<<es))
	dir := out.Len()
	out.Write(make([]byte, 16*n))
	headAt := 0
	for i, t := range tags {
		d := tables[t]
		off := out.Len()
		if t == "head" {
			headAt = off
		}
		out.Write(d)
		for out.Len()%4 != 0 {
			out.WriteByte(0)
		}
		rec := out.Bytes()[dir+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(out.Bytes()[off:out.Len()]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(d)))
	}
	b := out.Bytes()
	if headAt > 0 {
		be.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	}
	return b
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s,
// the data padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

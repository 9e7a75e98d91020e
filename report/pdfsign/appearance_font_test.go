package pdfsign

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The appearance's font is embedded (PDF/A allows no other), holds the
// glyphs the box shows (accents included) and only those, and its /Widths
// are the font's own advances, which text fitting uses too.
func TestAppearanceFontIsEmbeddedSubset(t *testing.T) {
	lines := [][]byte{winAnsi("Firmado por Ana María Restrepo Gómez"), winAnsi("Lugar: Medellín…")}
	fontObj, descObj, fileObj, err := fontDicts(lines, 11, 12)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fontObj, "/Subtype /TrueType") || !strings.Contains(fontObj, "/FontDescriptor 11 0 R") ||
		!regexp.MustCompile(`/BaseFont /[A-Z]{6}\+GoRegular`).MatchString(fontObj) {
		t.Errorf("font dictionary: %s", fontObj)
	}
	if !strings.Contains(descObj, "/FontFile2 12 0 R") || strings.Contains(descObj+fontObj, "Helvetica") {
		t.Errorf("descriptor: %s", descObj)
	}
	// The font file: inflate it and read it back as a font.
	m := regexp.MustCompile(`(?s)^<</Length (\d+) /Length1 (\d+) /Filter /FlateDecode>>\nstream\n(.*)\nendstream$`).FindStringSubmatch(fileObj)
	if m == nil {
		t.Fatalf("font file object: %.80q", fileObj)
	}
	if n, _ := strconv.Atoi(m[1]); n != len(m[3]) {
		t.Errorf("/Length %d, stream %d bytes", n, len(m[3]))
	}
	zr, err := zlib.NewReader(strings.NewReader(m[3]))
	if err != nil {
		t.Fatal(err)
	}
	ttf, _ := io.ReadAll(zr)
	if n, _ := strconv.Atoi(m[2]); n != len(ttf) {
		t.Errorf("/Length1 %d, font %d bytes", n, len(ttf))
	}
	if len(ttf) > 40<<10 {
		t.Errorf("embedded font is %d bytes: not a subset", len(ttf))
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatalf("embedded font does not parse: %v", err)
	}
	var buf sfnt.Buffer
	outline := func(r rune) int {
		gi, _ := f.GlyphIndex(&buf, r)
		segs, err := f.LoadGlyph(&buf, gi, fixed.I(100), nil)
		if err != nil {
			t.Fatalf("glyph %q: %v", r, err)
		}
		return len(segs)
	}
	for _, r := range "FAMGí…" {
		if outline(r) == 0 {
			t.Errorf("glyph %q shown in the box is empty in the embedded font", r)
		}
	}
	for _, r := range "QZ" {
		if outline(r) != 0 {
			t.Errorf("glyph %q not shown is kept: not a subset", r)
		}
	}
	// /Widths: 'M' (code 77) from FirstChar.
	wm := regexp.MustCompile(`/FirstChar (\d+) /LastChar (\d+) /Widths \[([^\]]*)\]`).FindStringSubmatch(fontObj)
	first, _ := strconv.Atoi(wm[1])
	ws := strings.Fields(wm[3])
	if got := ws['M'-first]; got != strconv.Itoa(fontWidth('M')) || fontWidth('M') < 700 || fontWidth('i') > 300 {
		t.Errorf("width of M %s (fontWidth %d), of i %d", got, fontWidth('M'), fontWidth('i'))
	}
	if !bytes.Equal([]byte(fileObj), []byte(mustFile(t, lines))) {
		t.Error("the same text gives a different font file: signed reports would not be reproducible")
	}
}

func mustFile(t *testing.T, lines [][]byte) string {
	_, _, f, err := fontDicts(lines, 11, 12)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

package pdfsign

import (
	"fmt"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// Appearance is a visible signature: a box on a page showing a few lines
// of text (who signed, when, where, how to check). Without one the
// signature is invisible.
type Appearance struct {
	// Page is the 1-based page the box is on; 0 means the last page.
	Page int
	// Rect is the box in PDF user space (points, origin bottom left):
	// lower-left x, y, upper-right x, y.
	Rect [4]float64
	// Lines are shown top to bottom; the first one a little larger.
	Lines []string
}

// winAnsi encodes s for a WinAnsiEncoding font; characters it lacks become
// "?" (names in Latin scripts, Spanish included, all fit).
func winAnsi(s string) []byte {
	enc := charmap.Windows1252
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := enc.EncodeRune(r)
		if !ok || b < 32 {
			b = '?'
		}
		out = append(out, b)
	}
	return out
}

// textWidth is the width of b in points at size.
func textWidth(b []byte, size float64) float64 {
	w := 0
	for _, c := range b {
		w += fontWidth(c)
	}
	return float64(w) * size / 1000
}

// fit shortens b with "..." until it is at most width points wide.
func fit(b []byte, size, width float64) []byte {
	if textWidth(b, size) <= width {
		return b
	}
	for len(b) > 0 && textWidth(append(b[:len(b):len(b)], "..."...), size) > width {
		b = b[:len(b)-1]
	}
	return append(b[:len(b):len(b)], "..."...)
}

// pdfLiteral writes b as a literal string, escaping what must be.
func pdfLiteral(b []byte) string {
	var s strings.Builder
	s.WriteByte('(')
	for _, c := range b {
		switch {
		case c == '(' || c == ')' || c == '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&s, "\\%03o", c)
		default:
			s.WriteByte(c)
		}
	}
	s.WriteByte(')')
	return s.String()
}

// appearanceStream returns the content of the box's form XObject: a light
// background, a thin frame and the lines of text, shrunk to fit; and the
// text as shown (WinAnsi bytes, cut to fit), whose glyphs the embedded
// font must have.
func appearanceStream(a *Appearance) (string, [][]byte) {
	w, h := a.Rect[2]-a.Rect[0], a.Rect[3]-a.Rect[1]
	const pad = 6.0
	lines := make([][]byte, len(a.Lines))
	for i, l := range a.Lines {
		lines[i] = winAnsi(l)
	}
	shown := make([][]byte, len(lines))
	first, rest := 11.0, 9.0
	// Shrink the type until every line fits the height.
	for first > 5 {
		need := first*1.3 + rest*1.3*float64(max(len(lines)-1, 0))
		if need <= h-2*pad {
			break
		}
		first, rest = first*0.9, rest*0.9
	}
	var b strings.Builder
	fmt.Fprintf(&b, "q 0.953 0.965 0.976 rg 0 0 %.2f %.2f re f Q\n", w, h)
	fmt.Fprintf(&b, "q 0.094 0.243 0.376 RG 0.8 w 0.4 0.4 %.2f %.2f re S Q\n", w-0.8, h-0.8)
	b.WriteString("q BT 0.129 0.145 0.161 rg\n")
	y := h - pad - first
	for i, l := range lines {
		size := rest
		if i == 0 {
			size = first
		}
		shown[i] = fit(l, size, w-2*pad)
		fmt.Fprintf(&b, "/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm %s Tj\n", size, pad, y, pdfLiteral(shown[i]))
		y -= rest * 1.3
	}
	b.WriteString("ET Q\n")
	return b.String(), shown
}

package layout

import (
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/assay-dev/assay/audit"
)

// Wrap breaks text into lines no wider than w (mm) in the current font.
// Paragraph breaks are kept; words longer than a line are cut.
func (d *Doc) Wrap(text string, w float64) []string { return Wrap(d.pdf, text, w) }

// Wrap is Doc.Wrap on any gofpdf document.
func Wrap(p *gofpdf.Fpdf, text string, w float64) []string {
	text = Clean(text)
	var out []string
	space := p.GetStringWidth(" ")
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		var line string
		var lw float64
		for _, word := range words {
			ww := p.GetStringWidth(word)
			for ww > w { // cut a word that cannot fit on any line
				if line != "" {
					out = append(out, line)
					line, lw = "", 0
				}
				head, tail, hw := cutToWidth(p, word, w)
				out = append(out, head)
				// Subtract rather than re-measure the tail: re-measuring
				// made a long unbroken paste quadratic (400k characters
				// took 6 s, a 30 MB note never finished).
				word, ww = tail, max(ww-hw, 0)
				if word == "" {
					ww = 0
				}
			}
			switch {
			case line == "":
				line, lw = word, ww
			case lw+space+ww <= w:
				line += " " + word
				lw += space + ww
			default:
				out = append(out, line)
				line, lw = word, ww
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	// Trailing blank lines add height and nothing else.
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// cutToWidth splits s so the head fits in w (at least one rune) and
// returns the head's width too.
func cutToWidth(p *gofpdf.Fpdf, s string, w float64) (string, string, float64) {
	var width float64
	for i, r := range s {
		rw := p.GetStringWidth(string(r))
		if width+rw > w && i > 0 {
			return s[:i], s[i:], width
		}
		width += rw
	}
	return s, "", width
}

// FitText shortens s with an ellipsis so it fits in w (mm) in the current
// font, on one line.
func (d *Doc) FitText(s string, w float64) string { return FitText(d.pdf, s, w) }

// FitText is Doc.FitText on any gofpdf document.
func FitText(p *gofpdf.Fpdf, s string, w float64) string {
	s = strings.ReplaceAll(Clean(s), "\n", " ")
	if p.GetStringWidth(s) <= w {
		return s
	}
	head, _, _ := cutToWidth(p, s, w-p.GetStringWidth("…"))
	return strings.TrimSpace(head) + "…"
}

// Clean makes user text safe to print: no control characters or terminal
// escapes of any kind (CSI, OSC, DCS, C1: audit.Sanitize knows them all),
// tabs as spaces, CRLF as LF.
func Clean(s string) string {
	return strings.ReplaceAll(audit.Sanitize(s), "\t", "    ")
}

package layout

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The draft watermark is drawn as glyph outlines, not as text: a rotated
// word in the text layer gets mixed into the lines that text extraction
// (pdftotext, screen readers, search) returns. The words of the DRAFT
// banner at the top of each page stay real text.

// outline is a word's glyph contours in em units (1 = font size), y down.
type outline struct {
	segs  []sfnt.Segment
	width float64 // advance width in em
	scale float64 // em per segment unit
}

var (
	watermarkPath map[string]*outline
	watermarkMu   sync.Mutex
)

// wordOutline returns the outline of s in Go Bold, cached per word.
func wordOutline(s string) *outline {
	watermarkMu.Lock()
	defer watermarkMu.Unlock()
	if o, ok := watermarkPath[s]; ok {
		return o
	}
	if watermarkPath == nil {
		watermarkPath = map[string]*outline{}
	}
	o := &outline{}
	watermarkPath[s] = o
	f, err := sfnt.Parse(gobold.TTF)
	if err != nil {
		return o
	}
	const ppem = 1000
	o.scale = 1.0 / ppem
	var buf sfnt.Buffer
	x := fixed.I(0)
	for _, r := range s {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		segs, err := f.LoadGlyph(&buf, gi, fixed.I(ppem), nil)
		if err != nil {
			continue
		}
		for _, sg := range segs {
			for i := range sg.Args {
				sg.Args[i].X += x
			}
			o.segs = append(o.segs, sg)
		}
		adv, err := f.GlyphAdvance(&buf, gi, fixed.I(ppem), font.HintingNone)
		if err == nil {
			x += adv
		}
	}
	o.width = float64(x) / 64 * o.scale
	return o
}

// watermarkMaxW is the longest the watermark word may be (mm along its
// slant): "DRAFT" at full size.
const watermarkMaxW = 215.0

// watermark fills word's outline, size mm per em, centred on (cx, cy) and
// turned angle degrees counter-clockwise. The caller sets colour and alpha.
func (d *Doc) watermark(word string, size, cx, cy, angle float64) {
	o := wordOutline(word)
	if len(o.segs) == 0 {
		return
	}
	// A longer word (BORRADOR) is drawn smaller so it stays on the page.
	size = min(size, watermarkMaxW/o.width)
	p := d.pdf
	k := o.scale * size / 64
	x0 := cx - o.width*size/2
	y0 := cy + 0.35*size // baseline so the capitals sit centred
	pt := func(a fixed.Point26_6) (float64, float64) {
		return x0 + float64(a.X)*k, y0 + float64(a.Y)*k
	}
	p.TransformBegin()
	p.TransformRotate(angle, cx, cy)
	for _, sg := range o.segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			p.MoveTo(pt(sg.Args[0]))
		case sfnt.SegmentOpLineTo:
			p.LineTo(pt(sg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			cx1, cy1 := pt(sg.Args[0])
			x, y := pt(sg.Args[1])
			p.CurveTo(cx1, cy1, x, y)
		case sfnt.SegmentOpCubeTo:
			c1x, c1y := pt(sg.Args[0])
			c2x, c2y := pt(sg.Args[1])
			x, y := pt(sg.Args[2])
			p.CurveBezierCubicTo(c1x, c1y, c2x, c2y, x, y)
		}
	}
	p.ClosePath()
	p.DrawPath("F")
	p.TransformEnd()
}

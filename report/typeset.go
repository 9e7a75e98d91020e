package report

import (
	"github.com/jung-kurt/gofpdf"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/internal/layout"
)

// The report's side of the typesetting kit (report/internal/layout): the
// sections call the kit by these short names, so that what the report says
// (sections.go, evidence.go) reads the same whether a helper is the
// report's or the kit's.

// Page geometry and type sizes the sections use (see layout).
const (
	pageH    = layout.PageH
	marginL  = layout.MarginL
	contentW = layout.ContentW
	bodySize = layout.BodySize
	lineH    = layout.LineH
)

// rgb is a colour of the palette.
type rgb = layout.RGB

// The palette (see layout).
var (
	colText   = layout.Text
	colMuted  = layout.Muted
	colAccent = layout.Accent
	colRule   = layout.Rule
	colBoxBg  = layout.BoxBg
	colDraft  = layout.Draft
	colWarn   = layout.Warn
)

func (d *doc) font(style string, size float64, c rgb)     { d.Font(style, size, c) }
func (d *doc) body()                                      { d.Body() }
func (d *doc) text(c rgb)                                 { d.Text(c) }
func (d *doc) fill(c rgb)                                 { d.Fill(c) }
func (d *doc) draw(c rgb)                                 { d.Draw(c) }
func (d *doc) y() float64                                 { return d.Y() }
func (d *doc) gap(h float64)                              { d.Gap(h) }
func (d *doc) room(h float64)                             { d.Room(h) }
func (d *doc) h1(title string)                            { d.H1(title) }
func (d *doc) h2(title string)                            { d.H2(title) }
func (d *doc) para(text string, w, lh float64)            { d.Para(text, w, lh) }
func (d *doc) bullets(items []string)                     { d.Bullets(items) }
func (d *doc) kv(rows [][2]string, labelW float64)        { d.KV(rows, labelW) }
func (d *doc) box(edge rgb, title string, lines []string) { d.Box(edge, title, lines) }

// marker draws the verdict as a coloured square plus its word; the open
// verdict's grey is too pale for its word.
func (d *doc) marker(x, y float64, c rgb, word string) {
	d.Marker(x, y, c, word, c == verdictCol[audit.Open])
}

// cell is one table cell.
type cell struct {
	text  string
	bold  bool
	mono  bool
	color *rgb
}

// column describes a table column.
type column struct {
	title string
	w     float64
	align string
}

// table draws a table (layout.Doc.Table).
func (d *doc) table(cols []column, rows [][]cell) {
	lc := make([]layout.Column, len(cols))
	for i, c := range cols {
		lc[i] = layout.Column{Title: c.title, W: c.w, Align: c.align}
	}
	lr := make([][]layout.Cell, len(rows))
	for i, r := range rows {
		lr[i] = make([]layout.Cell, len(r))
		for j, c := range r {
			lr[i][j] = layout.Cell{Text: c.text, Bold: c.bold, Mono: c.mono, Color: c.color}
		}
	}
	d.Table(lc, lr)
}

// wrap breaks text into lines no wider than w (mm) in p's current font.
func wrap(p *gofpdf.Fpdf, text string, w float64) []string { return layout.Wrap(p, text, w) }

// fitText shortens s with an ellipsis so it fits in w.
func fitText(p *gofpdf.Fpdf, s string, w float64) string { return layout.FitText(p, s, w) }

// clean makes user text safe to print (layout.Clean).
func clean(s string) string { return layout.Clean(s) }

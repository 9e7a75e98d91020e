// Package layout is the report's typesetting kit: A4 pages on gofpdf with
// the Go fonts, one restrained palette, the running head and foot (and the
// DRAFT banner and watermark), headings, paragraphs, bullets, label/value
// rows, shaded boxes, tables that repeat their header on every page,
// pictures, and the writer that streams the finished PDF with each picture
// read from its file only then. It knows nothing of audits: the report
// decides what to say, layout how it looks on the page.
package layout

import (
	"crypto/md5"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Page geometry in millimetres (A4 portrait) and type sizes in points.
const (
	PageW       = 210.0
	PageH       = 297.0
	MarginL     = 18.0
	MarginR     = 18.0
	MarginTop   = 24.0
	MarginBot   = 20.0
	ContentW    = PageW - MarginL - MarginR
	PageBottom  = PageH - MarginBot
	BodySize    = 9.5
	TableSize   = 8.3
	LineH       = 4.6
	TableLineH  = 3.9
	CellPadX    = 1.6
	CellPadY    = 1.3
	FontSans    = "go"
	FontMono    = "gomono"
	MinRowLines = 2 // never start a table row with fewer lines than this left on the page
)

// RGB is a colour of the palette.
type RGB struct{ R, G, B int }

// The palette: text, its quieter and accented forms, rules and shading,
// and the colours of a draft and of a warning.
var (
	Text   = RGB{33, 37, 41}
	Muted  = RGB{100, 108, 118}
	Accent = RGB{24, 62, 96}
	Rule   = RGB{200, 206, 212}
	HeadBg = RGB{230, 236, 242}
	Zebra  = RGB{247, 249, 251}
	BoxBg  = RGB{243, 246, 249}
	Draft  = RGB{190, 30, 45}
	Warn   = RGB{176, 96, 0}
)

// Options set up a document.
type Options struct {
	// Title, Subject and Author go into the document information.
	Title, Subject, Author string
	// Files are embedded in the document as associated files (PDF/A-3).
	Files []File
	// PDFA, when set, adds the rest of PDF/A-3b's structure: XMP
	// metadata and an output intent.
	PDFA *PDFA
	// Created is the document's creation (and modification) date, in its
	// information and its XMP metadata; zero is now.
	Created time.Time
	// Lang is the document's language (/Lang), a BCP 47 tag such as "es";
	// screen readers and text-to-speech use it.
	Lang string
	// Running is what the head and foot of every page say.
	Running Running
}

// Running is the running head and foot.
type Running struct {
	Title string // left of the head
	ID    string // right of the head and left of the foot
	Note  string // centre of the foot
	// Draft draws Banner across the top of every page, Watermark across
	// the page, and the Note in the draft colour.
	Draft             bool
	Banner, Watermark string
	// PageOf says "page N of TOTAL"; total is a placeholder the page count
	// replaces when the document is written.
	PageOf func(page int, total string) string
}

// Doc is a document being typeset.
type Doc struct {
	pdf     *gofpdf.Fpdf
	run     Running
	lang    string
	pics    map[string]*picture
	picList []*picture
	files   []File
	pdfa    *PDFA
	created time.Time
	// bare writes gofpdf's objects alone, compressed, without what
	// layout adds (tests compare it with gofpdf's own output).
	bare bool
	// id is the file identifier (the trailer's /ID), from what the
	// document is made of, so the same input gives the same bytes.
	id [16]byte
}

// New starts a document: fonts, margins, automatic page breaks, the
// running head and foot. The same input gives the same bytes.
func New(o Options) *Doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	if o.Created.IsZero() {
		o.Created = time.Now()
	}
	d := &Doc{pdf: pdf, run: o.Running, lang: o.Lang, pics: map[string]*picture{}, files: o.Files, pdfa: o.PDFA,
		created: o.Created.UTC().Truncate(time.Second)}
	h := md5.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", o.Title, o.Subject, o.Author, d.created.Format(time.RFC3339))
	for _, f := range o.Files {
		h.Write(f.Content)
	}
	copy(d.id[:], h.Sum(nil))
	pdf.SetCreationDate(d.created)
	pdf.SetModificationDate(d.created)
	pdf.AddUTF8FontFromBytes(FontSans, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(FontSans, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(FontSans, "I", goitalic.TTF)
	pdf.AddUTF8FontFromBytes(FontMono, "", gomono.TTF)
	pdf.SetMargins(MarginL, MarginTop, MarginR)
	pdf.SetAutoPageBreak(true, MarginBot)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages(totalAlias)
	pdf.SetCatalogSort(true) // same input, same bytes: easier to diff and test
	// gofpdf makes a zlib writer (1 MB) for every page; Write compresses
	// the pages with one instead, into the same bytes.
	pdf.SetCompression(false)
	pdf.SetTitle(o.Title, true)
	pdf.SetSubject(o.Subject, true)
	pdf.SetAuthor(o.Author, true)
	pdf.SetCreator(Creator, true)
	pdf.SetProducer(Producer, true)
	pdf.SetHeaderFuncMode(d.header, true)
	pdf.SetFooterFunc(d.footer)
	return d
}

// Creator and Producer name the program in the document information (and
// its XMP copy).
const (
	Creator  = "assay"
	Producer = "assay (gofpdf)"
)

// totalAlias stands for the page count until the document is written.
const totalAlias = "{nb}"

// PDF is the gofpdf document, for drawing what the kit has no helper for.
func (d *Doc) PDF() *gofpdf.Fpdf { return d.pdf }

// Err is the first error gofpdf met (its errors are sticky).
func (d *Doc) Err() error { return d.pdf.Error() }

// header draws the running head, and on drafts the banner and watermark.
// It runs first on each page, so page content is drawn over the watermark.
func (d *Doc) header() {
	p := d.pdf
	if d.run.Draft {
		// Watermark: large, pale, diagonal; it must never hide the text.
		p.SetAlpha(0.08, "Normal")
		d.Fill(Draft)
		d.watermark(d.run.Watermark, 62, PageW/2, PageH/2, 55)
		p.SetAlpha(1, "Normal")
		// Banner: readable words, also found by text extraction.
		d.Fill(Draft)
		p.Rect(0, 0, PageW, 7.5, "F")
		d.Font("B", 9, RGB{255, 255, 255})
		p.SetXY(MarginL, 0)
		p.CellFormat(ContentW, 7.5, d.run.Banner, "", 0, "C", false, 0, "")
	}
	d.Font("", 7.5, Muted)
	p.SetXY(MarginL, 10)
	idw := p.GetStringWidth(d.run.ID) + 4
	p.CellFormat(ContentW-idw, 5, d.FitText(d.run.Title, ContentW-idw-2), "", 0, "L", false, 0, "")
	p.CellFormat(idw, 5, d.run.ID, "", 0, "R", false, 0, "")
	d.Draw(Rule)
	p.SetLineWidth(0.2)
	p.Line(MarginL, 16, PageW-MarginR, 16)
	p.SetXY(MarginL, MarginTop)
	d.Body()
}

// footer draws the id, the note and "page X of Y".
func (d *Doc) footer() {
	p := d.pdf
	y := PageH - 13
	d.Draw(Rule)
	p.SetLineWidth(0.2)
	p.Line(MarginL, y, PageW-MarginR, y)
	d.Font("", 7.5, Muted)
	p.SetXY(MarginL, y+1.5)
	p.CellFormat(60, 4, d.run.ID, "", 0, "L", false, 0, "")
	if d.run.Draft {
		d.Text(Draft)
	}
	p.CellFormat(ContentW-90, 4, d.run.Note, "", 0, "C", false, 0, "")
	d.Text(Muted)
	if d.run.PageOf == nil {
		return
	}
	page := d.run.PageOf(p.PageNo(), totalAlias)
	// Right-align against a worst-case width: the total is replaced only
	// when the document is closed.
	worst := d.run.PageOf(999, totalAlias)
	p.SetXY(PageW-MarginR-p.GetStringWidth(worst)+p.GetStringWidth(totalAlias)-p.GetStringWidth("999"), y+1.5)
	p.CellFormat(30, 4, page, "", 0, "L", false, 0, "")
}

// Font sets the sans font, its style ("", "B", "I") and size, and the text
// colour.
func (d *Doc) Font(style string, size float64, c RGB) {
	d.pdf.SetFont(FontSans, style, size)
	d.Text(c)
}

// Body sets the body text font.
func (d *Doc) Body() { d.Font("", BodySize, Text) }

// Text sets the text colour.
func (d *Doc) Text(c RGB) { d.pdf.SetTextColor(c.R, c.G, c.B) }

// Fill sets the fill colour.
func (d *Doc) Fill(c RGB) { d.pdf.SetFillColor(c.R, c.G, c.B) }

// Draw sets the line colour.
func (d *Doc) Draw(c RGB) { d.pdf.SetDrawColor(c.R, c.G, c.B) }

// Y is the current vertical position (mm from the top).
func (d *Doc) Y() float64 { return d.pdf.GetY() }

// Gap moves down h millimetres, to the left margin.
func (d *Doc) Gap(h float64) { d.pdf.Ln(h) }

// Room starts a new page unless h millimetres fit above the bottom margin.
func (d *Doc) Room(h float64) {
	if d.Y()+h > PageBottom {
		d.pdf.AddPage()
	}
}

// PageRoom is the height of a page's content area: a block taller than
// this cannot be kept on one page.
const PageRoom = PageBottom - MarginTop

// Keep keeps a block h millimetres tall on one page: a new page unless it
// fits in what is left of this one. A block taller than a page starts
// where it is and flows (the caller keeps its first lines together).
func (d *Doc) Keep(h float64) {
	if h <= PageRoom {
		d.Room(h)
	}
}

// Lines is how many lines text takes wrapped at w in the sans font of
// the style and size given (which it leaves set).
func (d *Doc) Lines(style string, size float64, text string, w float64) int {
	d.pdf.SetFont(FontSans, style, size)
	return len(d.Wrap(text, w))
}

// TableStart is the height of a table's header and its first rows: what a
// heading above a table is kept with.
const TableStart = TableLineH + 2*CellPadY + MinRowLines*TableLineH + 2*CellPadY

// h2Head is the height of a sub-heading, with the gap above it.
const h2Head = 3 + 7

// H1 starts a section on a new page.
func (d *Doc) H1(title string) {
	d.pdf.AddPage()
	d.Font("B", 16, Accent)
	d.pdf.CellFormat(ContentW, 9, title, "", 1, "L", false, 0, "")
	d.Draw(Accent)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(MarginL, d.Y(), MarginL+ContentW, d.Y())
	d.Gap(5)
	d.Body()
}

// H2 is a sub-heading kept together with the first lines after it.
func (d *Doc) H2(title string) { d.H2Keep(title, 3*LineH) }

// H2Keep is a sub-heading kept together with the block next millimetres
// tall that follows it (a table: TableStart), so that it is never the
// last line of a page; with the first lines of a block taller than a page.
func (d *Doc) H2Keep(title string, next float64) {
	if h2Head+next <= PageRoom {
		d.Room(h2Head + next)
	} else {
		d.Room(h2Head + 3*LineH)
	}
	if d.Y() > MarginTop+1 {
		d.Gap(3)
	}
	d.Font("B", 11.5, Accent)
	d.pdf.CellFormat(ContentW, 7, title, "", 1, "L", false, 0, "")
	d.Body()
}

// Para writes wrapped text at the current x, width w, line height lh,
// flowing over pages.
func (d *Doc) Para(text string, w, lh float64) {
	x := d.pdf.GetX()
	for _, ln := range d.Wrap(text, w) {
		d.pdf.SetX(x)
		d.pdf.CellFormat(w, lh, ln, "", 1, "L", false, 0, "")
	}
	d.pdf.SetX(x)
}

// BulletHeight is the height of one item of Bullets in the current font.
func (d *Doc) BulletHeight(item string) float64 {
	return float64(max(len(d.Wrap(item, ContentW-5)), 1)) * LineH
}

// Bullets writes a list with a hanging indent, each item kept on one page.
func (d *Doc) Bullets(items []string) {
	for _, it := range items {
		lines := d.Wrap(it, ContentW-5)
		d.Keep(float64(len(lines)) * LineH)
		d.Room(LineH)
		for i, ln := range lines {
			d.pdf.SetX(MarginL)
			mark := ""
			if i == 0 {
				mark = "•"
			}
			d.pdf.CellFormat(5, LineH, mark, "", 0, "L", false, 0, "")
			d.pdf.CellFormat(ContentW-5, LineH, ln, "", 1, "L", false, 0, "")
		}
	}
}

// KVHeight is the height KV takes for these rows, so that a block made
// of them can be kept on one page.
func (d *Doc) KVHeight(rows [][2]string, labelW float64) float64 {
	d.Font("", 9, Text)
	h := 0.0
	for _, r := range rows {
		h += float64(max(len(d.Wrap(r[1], ContentW-labelW)), 1))*5 + 1.5
	}
	d.Body()
	return h
}

// KV writes label/value pairs in two columns; values wrap.
func (d *Doc) KV(rows [][2]string, labelW float64) {
	for _, r := range rows {
		d.Font("", 9, Text)
		lines := d.Wrap(r[1], ContentW-labelW)
		if len(lines) == 0 {
			lines = []string{""}
		}
		d.Room(float64(len(lines))*5 + 1.5)
		y := d.Y()
		d.Font("", 8.5, Muted)
		d.pdf.SetXY(MarginL, y)
		d.pdf.CellFormat(labelW, 5, r[0], "", 0, "L", false, 0, "")
		d.Font("", 9, Text)
		for i, ln := range lines {
			d.pdf.SetXY(MarginL+labelW, y+float64(i)*5)
			d.pdf.CellFormat(ContentW-labelW, 5, ln, "", 0, "L", false, 0, "")
		}
		d.pdf.SetXY(MarginL, y+float64(len(lines))*5+1.5)
	}
	d.Body()
}

// BoxHeight is the height of Box with these title and lines.
func (d *Doc) BoxHeight(title string, lines []string) float64 {
	d.Font("", BodySize, Text)
	n := 0
	for _, l := range lines {
		n += len(d.Wrap(l, ContentW-10))
	}
	h := 4 + 6 + float64(n)*LineH + 3
	if title == "" {
		h -= 6
	}
	return h
}

// Box draws a shaded panel with a coloured left edge around wrapped lines,
// under an optional title in the edge's colour.
func (d *Doc) Box(edge RGB, title string, lines []string) {
	p := d.pdf
	h := d.BoxHeight(title, lines)
	d.Font("", BodySize, Text)
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, d.Wrap(l, ContentW-10)...)
	}
	d.Room(h)
	y := d.Y()
	d.Fill(BoxBg)
	p.Rect(MarginL, y, ContentW, h, "F")
	d.Fill(edge)
	p.Rect(MarginL, y, 1.6, h, "F")
	p.SetXY(MarginL+5, y+3)
	if title != "" {
		d.Font("B", 11, edge)
		p.CellFormat(ContentW-10, 6, title, "", 1, "L", false, 0, "")
	}
	d.Font("", BodySize, Text)
	for _, l := range wrapped {
		p.SetX(MarginL + 5)
		p.CellFormat(ContentW-10, LineH, l, "", 1, "L", false, 0, "")
	}
	p.SetXY(MarginL, y+h+3)
}

// Marker draws a coloured square and a word after it, in the square's
// colour or, for a colour too pale to read (pale), in Muted: the word, not
// the colour, carries the meaning (readable in grey print and by tools).
func (d *Doc) Marker(x, y float64, c RGB, word string, pale bool) {
	d.Fill(c)
	d.Draw(c)
	d.pdf.Rect(x, y+1.1, 2.8, 2.8, "F")
	d.Font("B", 8.5, c)
	if pale {
		d.Text(Muted)
	}
	d.pdf.SetXY(x+4, y)
	d.pdf.CellFormat(d.pdf.GetStringWidth(word)+1, 5, word, "", 0, "L", false, 0, "")
	d.Body()
}

// Package report turns an audit into the PDF report an inspector sends to the
// certification body, signs it with the inspector's identity, and verifies a
// report file: its signature and the audit data attached inside it.
package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// AttachmentName is the file name of the audit data attached to every report.
const AttachmentName = "audit.json"

// RenderOptions says how to render one report.
type RenderOptions struct {
	// Draft marks every page DRAFT and leaves the signature page unsigned.
	Draft bool
	// Now is the export time printed on the cover and the signature page.
	Now time.Time
	// Place is where the inspector signs (printed on the signature page).
	Place string
	// Signer describes the signing certificate; nil for a draft.
	Signer *SignerInfo
	// CatalogWarning, when set, is printed on the cover (e.g. the installed
	// catalog differs from the one the audit was made against).
	CatalogWarning string
	// AuditJSON is attached as audit.json; nil attaches AuditJSON(a).
	AuditJSON []byte
	// EvidenceProblems maps an evidence SHA-256 to why its file is not in
	// the audit folder as imported; the evidence index marks those rows.
	EvidenceProblems map[string]string
	// Language of the report's words, dates and numbers, and of the PDF's
	// /Lang: "en" (the default when empty), "es", or a language with message
	// files in Messages; see Languages. The catalog's text (name,
	// provenance, titles, chapters, references) is its translation into
	// this language where it has one, else as written, marked; the
	// inspector's text is printed as written.
	Language string
	// Messages are the report's words; nil means the built-in ones (see
	// LoadMessages for a home's own languages).
	Messages *i18n.Messages
}

// SignerInfo is what the signature page says about the signing certificate.
type SignerInfo struct {
	Name        string // the inspector as they sign
	Subject     string // certificate subject DN
	Issuer      string // certificate issuer DN
	Fingerprint string // SHA-256 of the certificate, colon-separated hex
}

// EvidenceSource gives the picture to print for an evidence item. The store
// keeps a report-ready JPEG (already turned upright) next to the original;
// an adapter over *audit.Store is StoreEvidence.
type EvidenceSource interface {
	// Image returns the image bytes for ev and whether they are the derived,
	// already-upright JPEG (false: the original, whose EXIF orientation the
	// report applies). It returns nil bytes and no error for a file that is
	// not a picture.
	Image(ev *audit.Evidence) (data []byte, upright bool, err error)
}

// AuditJSON is the audit serialised the way the store writes audit.json
// (two-space indent, no HTML escaping, final newline). It is what travels inside the PDF.
func AuditJSON(a *audit.Audit) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReportID is the id printed on every page: the audit id plus its revision.
func ReportID(a *audit.Audit) string {
	return fmt.Sprintf("%s-r%d", a.ID, a.Revision)
}

// Page geometry in millimetres (A4 portrait).
const (
	pageW       = 210.0
	pageH       = 297.0
	marginL     = 18.0
	marginR     = 18.0
	marginTop   = 24.0
	marginBot   = 20.0
	contentW    = pageW - marginL - marginR
	pageBottom  = pageH - marginBot
	bodySize    = 9.5
	smallSize   = 8.0
	tableSize   = 8.3
	lineH       = 4.6
	tableLineH  = 3.9
	cellPadX    = 1.6
	cellPadY    = 1.3
	fontSans    = "go"
	fontMono    = "gomono"
	minRowLines = 2 // never start a table row with fewer lines than this left on the page
)

// rgb is a colour of the report's restrained palette.
type rgb struct{ r, g, b int }

var (
	colText    = rgb{33, 37, 41}
	colMuted   = rgb{100, 108, 118}
	colAccent  = rgb{24, 62, 96}
	colRule    = rgb{200, 206, 212}
	colHeadBg  = rgb{230, 236, 242}
	colZebra   = rgb{247, 249, 251}
	colBoxBg   = rgb{243, 246, 249}
	colDraft   = rgb{190, 30, 45}
	colWarn    = rgb{176, 96, 0}
	verdictCol = map[audit.Verdict]rgb{
		audit.Conforms: {46, 125, 50},
		audit.Minor:    {214, 140, 0},
		audit.Major:    {183, 28, 28},
		audit.NA:       {130, 140, 150},
		audit.Open:     {214, 219, 224},
	}
	colInformative = rgb{84, 110, 160}
)

// summarize is audit.Summarize: the report says the recommendation audit
// computes and holds no rules of its own (a test changes a rule here and
// sees both languages follow).
var summarize = audit.Summarize

// doc wraps gofpdf with the report's layout helpers.
type doc struct {
	pdf *gofpdf.Fpdf
	// l says the report's words in its language (t and n); the catalog's
	// own text is taken in l's language too (see inLang).
	l        *i18n.Localizer
	reportID string
	asmo     string
	draft    bool
	// imageBytes is the size of the pictures handed to gofpdf.
	imageBytes int
	// sigBox is where the signature page left room for the visible
	// signature; nil for a draft.
	sigBox *sigBox
}

// sigBox is the room the signature page leaves for the signature's visible
// appearance, which the signer draws (pdfsign.Appearance).
type sigBox struct {
	Page int        // 1-based
	Rect [4]float64 // PDF points, origin bottom left
}

// Render draws the report for an audit and returns the PDF bytes, with the
// audit data attached as audit.json. It does not sign; a signed report's
// signature page leaves a box free for the signature's appearance.
func Render(a *audit.Audit, cat *standards.Catalog, ev EvidenceSource, opts RenderOptions) ([]byte, error) {
	pdf, _, err := render(a, cat, ev, opts)
	return pdf, err
}

// render is Render that also says where the signature box is.
func render(a *audit.Audit, cat *standards.Catalog, ev EvidenceSource, opts RenderOptions) ([]byte, *sigBox, error) {
	if a == nil {
		return nil, nil, errors.New("report: no audit to render")
	}
	if cat == nil {
		return nil, nil, fmt.Errorf("report: no requirements catalog for audit %s", a.ID)
	}
	msgs := opts.Messages
	if msgs == nil {
		msgs = builtin()
	}
	if err := checkLanguage(msgs, opts.Language); err != nil {
		return nil, nil, err
	}
	data := opts.AuditJSON
	if data == nil {
		var err error
		if data, err = AuditJSON(a); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", terminal().T("err_encode", i18n.Args{"ID": a.ID}), err)
		}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	d := newDoc(a, opts.Draft, msgs.For(opts.Language))
	d.pdf.SetAttachments([]gofpdf.Attachment{{Filename: AttachmentName, Content: data, Description: d.t("attachment_description", nil)}})

	sum := summarize(a, cat)
	figs := d.figures(a)

	d.cover(a, cat, opts)
	d.previousAudit(a)
	d.summary(a, cat, &sum)
	d.nonConformities(cat, &sum)
	d.correctiveActions(a, cat, &sum)
	d.findings(a, cat, figs)
	d.evidence(a, ev, figs, opts.EvidenceProblems)
	d.signature(a, opts)

	if err := d.pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", terminal().T("err_render", i18n.Args{"ID": a.ID}), err)
	}
	var buf bytes.Buffer
	// Size the copy once: gofpdf's buffer holds every image, and letting
	// ours grow by doubling would briefly hold up to twice the file.
	buf.Grow(d.imageBytes + 512<<10)
	if err := d.pdf.Output(&buf); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", terminal().T("err_render", i18n.Args{"ID": a.ID}), err)
	}
	return setLang(buf.Bytes(), d.l.Lang()), d.sigBox, nil
}

// setLang adds /Lang to the document catalog, which gofpdf cannot do: it
// tells screen readers and text-to-speech which language the report is in.
// gofpdf writes the catalog as the last object, right before the xref
// table, so inserting into it moves nothing but the xref itself: only the
// startxref number changes. Output of any other shape is returned as is.
func setLang(pdf []byte, lang string) []byte {
	tail := pdf[max(0, len(pdf)-64):]
	i := bytes.LastIndex(tail, []byte("startxref\n"))
	if lang == "" || i < 0 {
		return pdf
	}
	numStart := len(pdf) - len(tail) + i + len("startxref\n")
	numEnd := numStart + bytes.IndexByte(pdf[numStart:], '\n')
	if numEnd < numStart {
		return pdf
	}
	var xref int
	if _, err := fmt.Sscanf(string(pdf[numStart:numEnd]), "%d", &xref); err != nil || xref <= 0 || xref >= numStart ||
		!bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		return pdf
	}
	const key = "/Type /Catalog"
	at := bytes.LastIndex(pdf[:xref], []byte(key))
	if at < 0 || bytes.Count(pdf[at:xref], []byte("endobj")) != 1 {
		return pdf
	}
	at += len(key)
	ins := "\n/Lang (" + lang + ")"
	out := make([]byte, 0, len(pdf)+len(ins)+4)
	out = append(out, pdf[:at]...)
	out = append(out, ins...)
	out = append(out, pdf[at:numStart]...)
	out = fmt.Appendf(out, "%d", xref+len(ins))
	out = append(out, pdf[numEnd:]...)
	return out
}

func newDoc(a *audit.Audit, draft bool, l *i18n.Localizer) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: pdf, l: l, reportID: ReportID(a), asmo: clean(a.Header.ASMO), draft: draft}
	pdf.AddUTF8FontFromBytes(fontSans, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontSans, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontSans, "I", goitalic.TTF)
	pdf.AddUTF8FontFromBytes(fontMono, "", gomono.TTF)
	pdf.SetMargins(marginL, marginTop, marginR)
	pdf.SetAutoPageBreak(true, marginBot)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages("{nb}")
	pdf.SetCatalogSort(true) // same input, same bytes: easier to diff and test
	pdf.SetTitle(d.t("report_title", nil)+" "+d.reportID, true)
	pdf.SetSubject(d.asmo, true)
	pdf.SetAuthor(clean(a.Header.LeadInspector), true)
	pdf.SetCreator("assay", true)
	pdf.SetProducer("assay (gofpdf)", true)
	pdf.SetHeaderFuncMode(d.header, true)
	pdf.SetFooterFunc(d.footer)
	return d
}

// header draws the running head, and on drafts the banner and watermark.
// It runs first on each page, so page content is drawn over the watermark.
func (d *doc) header() {
	p := d.pdf
	if d.draft {
		// Watermark: large, pale, diagonal; it must never hide the text.
		p.SetAlpha(0.08, "Normal")
		d.fill(colDraft)
		d.watermark(d.t("draft_watermark", nil), 62, pageW/2, pageH/2, 55)
		p.SetAlpha(1, "Normal")
		// Banner: readable words, also found by text extraction.
		d.fill(colDraft)
		p.Rect(0, 0, pageW, 7.5, "F")
		d.font("B", 9, rgb{255, 255, 255})
		p.SetXY(marginL, 0)
		p.CellFormat(contentW, 7.5, d.t("draft_banner", nil), "", 0, "C", false, 0, "")
	}
	d.font("", 7.5, colMuted)
	p.SetXY(marginL, 10)
	title := d.t("report_title", nil)
	if d.asmo != "" {
		title += " · " + d.asmo
	}
	idw := p.GetStringWidth(d.reportID) + 4
	p.CellFormat(contentW-idw, 5, fitText(p, title, contentW-idw-2), "", 0, "L", false, 0, "")
	p.CellFormat(idw, 5, d.reportID, "", 0, "R", false, 0, "")
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, 16, pageW-marginR, 16)
	p.SetXY(marginL, marginTop)
	d.body()
}

// footer draws the report id and "Page X of Y".
func (d *doc) footer() {
	p := d.pdf
	y := pageH - 13
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, y, pageW-marginR, y)
	d.font("", 7.5, colMuted)
	p.SetXY(marginL, y+1.5)
	p.CellFormat(60, 4, d.reportID, "", 0, "L", false, 0, "")
	note := d.t("footer_signed", nil)
	if d.draft {
		note = d.t("footer_draft", nil)
		d.text(colDraft)
	}
	p.CellFormat(contentW-90, 4, note, "", 0, "C", false, 0, "")
	d.text(colMuted)
	page := d.t("page_of", i18n.Args{"Page": p.PageNo(), "Total": "{nb}"})
	// Right-align against a worst-case width: the {nb} alias is replaced
	// only when the document is closed.
	worst := d.t("page_of", i18n.Args{"Page": 999, "Total": "{nb}"})
	p.SetXY(pageW-marginR-p.GetStringWidth(worst)+p.GetStringWidth("{nb}")-p.GetStringWidth("999"), y+1.5)
	p.CellFormat(30, 4, page, "", 0, "L", false, 0, "")
}

func (d *doc) font(style string, size float64, c rgb) {
	d.pdf.SetFont(fontSans, style, size)
	d.text(c)
}

func (d *doc) body()         { d.font("", bodySize, colText) }
func (d *doc) text(c rgb)    { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)    { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) draw(c rgb)    { d.pdf.SetDrawColor(c.r, c.g, c.b) }
func (d *doc) y() float64    { return d.pdf.GetY() }
func (d *doc) gap(h float64) { d.pdf.Ln(h) }

// room starts a new page unless h millimetres fit above the bottom margin.
func (d *doc) room(h float64) {
	if d.y()+h > pageBottom {
		d.pdf.AddPage()
	}
}

// h1 starts a section on a new page.
func (d *doc) h1(title string) {
	d.pdf.AddPage()
	d.font("B", 16, colAccent)
	d.pdf.CellFormat(contentW, 9, title, "", 1, "L", false, 0, "")
	d.draw(colAccent)
	d.pdf.SetLineWidth(0.5)
	d.pdf.Line(marginL, d.y(), marginL+contentW, d.y())
	d.gap(5)
	d.body()
}

// h2 is a sub-heading kept together with the first lines after it.
func (d *doc) h2(title string) {
	d.room(7 + 3*lineH)
	if d.y() > marginTop+1 {
		d.gap(3)
	}
	d.font("B", 11.5, colAccent)
	d.pdf.CellFormat(contentW, 7, title, "", 1, "L", false, 0, "")
	d.body()
}

// para writes wrapped text at the current x, width w, flowing over pages.
func (d *doc) para(text string, w, lh float64) {
	x := d.pdf.GetX()
	for _, ln := range wrap(d.pdf, text, w) {
		d.pdf.SetX(x)
		d.pdf.CellFormat(w, lh, ln, "", 1, "L", false, 0, "")
	}
	d.pdf.SetX(x)
}

// bullets writes a list with a hanging indent.
func (d *doc) bullets(items []string) {
	for _, it := range items {
		lines := wrap(d.pdf, it, contentW-5)
		d.room(lineH)
		for i, ln := range lines {
			d.pdf.SetX(marginL)
			mark := ""
			if i == 0 {
				mark = "•"
			}
			d.pdf.CellFormat(5, lineH, mark, "", 0, "L", false, 0, "")
			d.pdf.CellFormat(contentW-5, lineH, ln, "", 1, "L", false, 0, "")
		}
	}
}

// kv writes label/value pairs in two columns; values wrap.
func (d *doc) kv(rows [][2]string, labelW float64) {
	for _, r := range rows {
		d.font("", 9, colText)
		lines := wrap(d.pdf, r[1], contentW-labelW)
		if len(lines) == 0 {
			lines = []string{""}
		}
		d.room(float64(len(lines))*5 + 1.5)
		y := d.y()
		d.font("", 8.5, colMuted)
		d.pdf.SetXY(marginL, y)
		d.pdf.CellFormat(labelW, 5, r[0], "", 0, "L", false, 0, "")
		d.font("", 9, colText)
		for i, ln := range lines {
			d.pdf.SetXY(marginL+labelW, y+float64(i)*5)
			d.pdf.CellFormat(contentW-labelW, 5, ln, "", 0, "L", false, 0, "")
		}
		d.pdf.SetXY(marginL, y+float64(len(lines))*5+1.5)
	}
	d.body()
}

// box draws a shaded panel with a coloured left edge around wrapped lines.
func (d *doc) box(edge rgb, title string, lines []string) {
	p := d.pdf
	d.font("", bodySize, colText)
	var wrapped []string
	for _, l := range lines {
		wrapped = append(wrapped, wrap(p, l, contentW-10)...)
	}
	h := 4 + 6 + float64(len(wrapped))*lineH + 3
	if title == "" {
		h -= 6
	}
	d.room(h)
	y := d.y()
	d.fill(colBoxBg)
	p.Rect(marginL, y, contentW, h, "F")
	d.fill(edge)
	p.Rect(marginL, y, 1.6, h, "F")
	p.SetXY(marginL+5, y+3)
	if title != "" {
		d.font("B", 11, edge)
		p.CellFormat(contentW-10, 6, title, "", 1, "L", false, 0, "")
	}
	d.font("", bodySize, colText)
	for _, l := range wrapped {
		p.SetX(marginL + 5)
		p.CellFormat(contentW-10, lineH, l, "", 1, "L", false, 0, "")
	}
	p.SetXY(marginL, y+h+3)
}

// marker draws the verdict as a coloured square plus its word: the word, not
// the colour, carries the meaning (readable in grey print and by tools).
func (d *doc) marker(x, y float64, c rgb, word string) {
	d.fill(c)
	d.draw(c)
	d.pdf.Rect(x, y+1.1, 2.8, 2.8, "F")
	d.font("B", 8.5, c)
	if c == verdictCol[audit.Open] {
		d.text(colMuted)
	}
	d.pdf.SetXY(x+4, y)
	d.pdf.CellFormat(d.pdf.GetStringWidth(word)+1, 5, word, "", 0, "L", false, 0, "")
	d.body()
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

// table draws a table with a header row that is repeated on every page the
// table spans; a row too tall for a page is split across pages.
func (d *doc) table(cols []column, rows [][]cell) {
	p := d.pdf
	headH := tableLineH + 2*cellPadY
	drawHead := func() {
		y := d.y()
		d.fill(colHeadBg)
		p.Rect(marginL, y, contentW, headH, "F")
		d.font("B", tableSize, colAccent)
		x := marginL
		for _, c := range cols {
			p.SetXY(x+cellPadX, y+cellPadY)
			p.CellFormat(c.w-2*cellPadX, tableLineH, fitText(p, c.title, c.w-2*cellPadX), "", 0, align(c.align), false, 0, "")
			x += c.w
		}
		p.SetXY(marginL, y+headH)
	}
	setFont := func(c cell) {
		style := ""
		if c.bold {
			style = "B"
		}
		if c.mono {
			p.SetFont(fontMono, "", tableSize-0.8)
		} else {
			p.SetFont(fontSans, style, tableSize)
		}
		if c.color != nil {
			d.text(*c.color)
		} else {
			d.text(colText)
		}
	}
	fullPage := int((pageBottom - marginTop - headH - 2*cellPadY) / tableLineH)
	// The header never stands alone at the foot of a page.
	d.room(headH + minRowLines*tableLineH + 2*cellPadY)
	drawHead()
	for ri, row := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for i := range cols {
			if i >= len(row) {
				continue
			}
			setFont(row[i])
			lines[i] = wrap(p, row[i].text, cols[i].w-2*cellPadX)
			n = max(n, len(lines[i]))
		}
		for start := 0; start < n; {
			avail := int((pageBottom - d.y() - 2*cellPadY) / tableLineH)
			left := n - start
			// Keep a row whole when it fits on a fresh page; split only rows
			// taller than a page, and never leave a sliver at the bottom.
			if (start == 0 && avail < left && left <= fullPage) || avail < min(minRowLines, left) {
				p.AddPage()
				drawHead()
				continue
			}
			end := min(n, start+avail)
			h := float64(end-start)*tableLineH + 2*cellPadY
			y := d.y()
			if ri%2 == 1 {
				d.fill(colZebra)
				p.Rect(marginL, y, contentW, h, "F")
			}
			x := marginL
			for i, c := range cols {
				if i < len(row) {
					setFont(row[i])
					for li := start; li < end && li < len(lines[i]); li++ {
						p.SetXY(x+cellPadX, y+cellPadY+float64(li-start)*tableLineH)
						p.CellFormat(c.w-2*cellPadX, tableLineH, lines[i][li], "", 0, align(c.align), false, 0, "")
					}
				}
				x += c.w
			}
			d.draw(colRule)
			p.SetLineWidth(0.15)
			p.Line(marginL, y+h, marginL+contentW, y+h)
			p.SetXY(marginL, y+h)
			start = end
		}
	}
	d.gap(2)
	d.body()
}

func align(a string) string {
	if a == "" {
		return "L"
	}
	return a
}

// wrap breaks text into lines no wider than w (mm) in the current font.
// Paragraph breaks are kept; words longer than a line are cut.
func wrap(p *gofpdf.Fpdf, text string, w float64) []string {
	text = clean(text)
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

// fitText shortens s with an ellipsis so it fits in w.
func fitText(p *gofpdf.Fpdf, s string, w float64) string {
	s = strings.ReplaceAll(clean(s), "\n", " ")
	if p.GetStringWidth(s) <= w {
		return s
	}
	head, _, _ := cutToWidth(p, s, w-p.GetStringWidth("…"))
	return strings.TrimSpace(head) + "…"
}

// clean makes user text safe to print: no control characters or terminal
// escapes of any kind (CSI, OSC, DCS, C1: audit.Sanitize knows them all),
// tabs as spaces, CRLF as LF.
func clean(s string) string {
	return strings.ReplaceAll(audit.Sanitize(s), "\t", "    ")
}

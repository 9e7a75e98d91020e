// Package report turns an audit into the PDF report an inspector sends to the
// certification body, signs it with the inspector's identity, and verifies a
// report file: its signature and the audit data attached inside it.
package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/internal/layout"
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
	// FindingsJSON is attached as findings.json; nil attaches the findings
	// data of a in the report's language (Findings).
	FindingsJSON []byte
	// Plausibility is how strict the evidence marks are (config.toml);
	// the zero value means audit.DefaultPlausibility.
	Plausibility audit.Plausibility
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

// The report's own colours: one per verdict, and the mark of an
// informative requirement (the rest of the palette is layout's).
var (
	verdictCol = map[audit.Verdict]rgb{
		audit.Conforms: {R: 46, G: 125, B: 50},
		audit.Minor:    {R: 214, G: 140, B: 0},
		audit.Major:    {R: 183, G: 28, B: 28},
		audit.NA:       {R: 130, G: 140, B: 150},
		audit.Open:     {R: 214, G: 219, B: 224},
	}
	colInformative = rgb{R: 84, G: 110, B: 160}
)

// summarize is audit.Summarize: the report says the recommendation audit
// computes and holds no rules of its own (a test changes a rule here and
// sees both languages follow).
var summarize = audit.Summarize

// doc is one report being drawn: the typesetting kit (layout) and what
// the content needs to word it.
type doc struct {
	*layout.Doc
	// pdf is the kit's gofpdf document, which the sections also draw on.
	pdf *gofpdf.Fpdf
	// l says the report's words in its language (t and n); the catalog's
	// own text is taken in l's language too (see inLang).
	l        *i18n.Localizer
	auditID  string
	reportID string
	asmo     string
	draft    bool
	// sigBox is where the signature page left room for the visible
	// signature; nil for a draft.
	sigBox *sigBox
	// rules is how strict the evidence marks are.
	rules audit.Plausibility
	// decisionBox is where the certification body's decision block is
	// (sections_plan.go), in the same units as sigBox.
	decisionBox *sigBox
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
	d, err := build(a, cat, ev, opts)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := d.write(&buf); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), d.sigBox, nil
}

// build lays out the whole report; write then writes it.
func build(a *audit.Audit, cat *standards.Catalog, ev EvidenceSource, opts RenderOptions) (*doc, error) {
	if a == nil {
		return nil, errors.New("report: no audit to render")
	}
	if cat == nil {
		return nil, fmt.Errorf("report: no requirements catalog for audit %s", a.ID)
	}
	msgs := opts.Messages
	if msgs == nil {
		msgs = builtin()
	}
	if err := checkLanguage(msgs, opts.Language); err != nil {
		return nil, err
	}
	data := opts.AuditJSON
	if data == nil {
		var err error
		if data, err = AuditJSON(a); err != nil {
			return nil, fmt.Errorf("%s: %w", terminal().T("err_encode", i18n.Args{"ID": a.ID}), err)
		}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Plausibility == (audit.Plausibility{}) {
		opts.Plausibility = audit.DefaultPlausibility
	}
	l := msgs.For(opts.Language)
	findings := opts.FindingsJSON
	if findings == nil {
		var err error
		if findings, err = Findings(a, cat, FindingsOptions{Language: l.Lang(), Plausibility: opts.Plausibility}).JSON(); err != nil {
			return nil, fmt.Errorf("%s: %w", terminal().T("err_encode", i18n.Args{"ID": a.ID}), err)
		}
	}
	d := newDocWith(a, opts.Draft, l, opts.Now, []layout.File{
		{Name: AttachmentName, Description: l.T("attachment_description", nil), MIME: "application/json", Relationship: "Source", Content: data},
		{Name: FindingsAttachmentName, Description: l.T("findings_attachment_description", nil), MIME: "application/json", Relationship: "Data", Content: findings},
	})
	d.rules = opts.Plausibility

	sum := summarize(a, cat)
	figs := d.figures(a)

	d.cover(a, cat, opts)
	d.planScope(a, cat)
	d.previousAudit(a)
	d.summary(a, cat, &sum)
	d.nonConformities(cat, &sum)
	d.correctiveActions(a, cat, &sum)
	d.interviewRegister(a, cat)
	d.findings(a, cat, figs)
	d.evidence(a, ev, figs, opts.EvidenceProblems)
	d.signature(a, opts)

	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", terminal().T("err_render", i18n.Args{"ID": a.ID}), err)
	}
	return d, nil
}

// write writes the finished report to w, each photo read from its file as
// it is written (see layout.Doc.Write).
func (d *doc) write(w io.Writer) error {
	if err := d.Write(w); err != nil {
		return fmt.Errorf("%s: %w", terminal().T("err_render", i18n.Args{"ID": d.auditID}), err)
	}
	return nil
}

// newDoc starts a report without attachments (tests of the words).
func newDoc(a *audit.Audit, draft bool, l *i18n.Localizer) *doc {
	return newDocWith(a, draft, l, time.Time{}, nil)
}

// newDocWith starts a report: document information and its XMP copy
// (PDF/A-3b), language, running head and foot, attached files.
func newDocWith(a *audit.Audit, draft bool, l *i18n.Localizer, now time.Time, files []layout.File) *doc {
	d := &doc{l: l, auditID: a.ID, reportID: ReportID(a), asmo: clean(a.Header.ASMO), draft: draft}
	title := d.t("report_title", nil)
	if d.asmo != "" {
		title += " · " + d.asmo
	}
	note := d.t("footer_signed", nil)
	if draft {
		note = d.t("footer_draft", nil)
	}
	if now.IsZero() {
		now = time.Now()
	}
	info := XMPInfo{Title: d.t("report_title", nil) + " " + d.reportID, Subject: d.asmo, Author: clean(a.Header.LeadInspector),
		Creator: layout.Creator, Producer: layout.Producer, Created: now.UTC().Truncate(time.Second), Lang: l.Lang()}
	d.Doc = layout.New(layout.Options{
		Title:   info.Title,
		Subject: info.Subject,
		Author:  info.Author,
		Created: info.Created,
		Files:   files,
		PDFA:    &layout.PDFA{XMP: XMP(info), ICC: SRGBProfile(), Condition: "sRGB IEC61966-2.1"},
		Lang:    l.Lang(),
		Running: layout.Running{Title: title, ID: d.reportID, Note: note, Draft: draft,
			Banner: d.t("draft_banner", nil), Watermark: d.t("draft_watermark", nil),
			PageOf: func(page int, total string) string { return d.t("page_of", i18n.Args{"Page": page, "Total": total}) }},
	})
	d.pdf = d.PDF()
	return d
}

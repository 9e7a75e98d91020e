package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// cover draws the first page: who, where, when, against what, by whom.
func (d *doc) cover(a *audit.Audit, cat *standards.Catalog, opts RenderOptions) {
	p := d.pdf
	m := d.m
	h := a.Header
	p.AddPage()
	p.SetY(40)
	d.font("B", 26, colAccent)
	p.CellFormat(contentW, 12, m.Title, "", 1, "L", false, 0, "")
	d.font("", 10, colMuted)
	p.CellFormat(contentW, 6, m.CoverSubtitle, "", 1, "L", false, 0, "")
	d.gap(4)
	d.font("B", 17, colText)
	d.para(orDash(h.ASMO), contentW, 8)
	d.draw(colAccent)
	p.SetLineWidth(0.6)
	p.Line(marginL, d.y()+2, marginL+60, d.y()+2)
	d.gap(8)

	loc := joinNonEmpty(", ", h.Municipality, h.Region, h.Country)
	coords := ""
	if h.Coordinates != nil {
		coords = fmt.Sprintf("%.5f, %.5f", h.Coordinates.Lat, h.Coordinates.Lon)
	}
	fsp := fmt.Sprintf(m.FSPCountsFmt, h.FSP.Mines, h.FSP.Plants, h.FSP.Miners)
	if s := strings.TrimSpace(h.FSP.Description); s != "" {
		fsp = s + "\n" + fsp
	}
	sha := a.Catalog.SHA256
	if len(sha) > 12 {
		sha = sha[:12]
	}
	status := m.StatusFinalized
	if a.Status != audit.Finalized {
		status = m.StatusDraft
	}
	rev := fmt.Sprintf(m.RevisionFmt, a.Revision)
	if a.AmendReason != "" {
		rev = fmt.Sprintf(m.AmendedFmt, a.Revision, a.AmendReason)
	}
	rows := [][2]string{
		{m.ASMO, orDash(h.ASMO)},
		{m.LegalID, orDash(h.LegalID)},
		{m.Site, orDash(h.Site)},
		{m.Location, orDash(loc)},
		{m.Coordinates, orDash(coords)},
		{m.FSP, fsp},
		{m.Dates, fmt.Sprintf(m.DatesFmt, orDash(h.StartDate), orDash(h.EndDate))},
		{m.AuditType, nameOr(m.AuditTypeNames[h.AuditType], string(h.AuditType))},
		{m.Certification, fmt.Sprintf(m.CertFmt, nameOr(m.CertTypeNames[h.CertType], string(h.CertType)), h.CertYear)},
		{m.Standard, fmt.Sprintf(m.StandardFmt, cat.Name, a.Catalog.ID, a.Catalog.Version, sha)},
		{m.LeadInspector, orDash(h.LeadInspector)},
	}
	if len(h.CoInspectors) > 0 {
		rows = append(rows, [2]string{m.CoInspectors, strings.Join(h.CoInspectors, ", ")})
	}
	rows = append(rows,
		[2]string{m.CertBody, orDash(h.CertBody)},
		[2]string{m.ReportID, d.reportID},
		[2]string{m.Revision, rev},
		[2]string{m.Status, status},
	)
	if a.ContentHash != "" {
		rows = append(rows, [2]string{m.ContentHash, a.ContentHash})
	}
	rows = append(rows, [2]string{m.Exported, opts.Now.Format("2006-01-02 15:04 MST")})
	d.kv(rows, 50)
	d.gap(3)
	if opts.CatalogWarning != "" {
		d.box(colWarn, m.CatalogChanged, []string{opts.CatalogWarning})
	}
	if cat.Provenance != "" {
		d.room(12)
		d.font("B", 8, colMuted)
		p.CellFormat(contentW, 4.5, m.Provenance, "", 1, "L", false, 0, "")
		d.font("I", 8, colMuted)
		d.para(cat.Provenance, contentW, 3.8)
	}
	d.gap(2)
	d.font("I", 8, colMuted)
	d.para(m.AttachedDataNote, contentW, 3.8)
	d.body()
}

// barOrder is the order verdicts are stacked in the area bars and columns.
var barOrder = []audit.Verdict{audit.Conforms, audit.Minor, audit.Major, audit.NA, audit.Open}

// summary draws the per-area table and bars, the recommendation, the people
// interviewed, the sites visited and the meeting notes.
func (d *doc) summary(a *audit.Audit, cat *standards.Catalog, s *audit.Summary) {
	m := d.m
	p := d.pdf
	d.h1(m.SummaryTitle)
	cols := []column{{title: m.Area, w: 40}, {title: m.Applicable, w: 20, align: "R"}}
	for _, v := range barOrder {
		cols = append(cols, column{title: m.VerdictShort[v], w: 18, align: "R"})
	}
	cols = append(cols, column{title: m.Complete, w: 24, align: "R"})
	row := func(name string, as audit.AreaSummary, bold bool) []cell {
		r := []cell{{text: name, bold: bold}, {text: fmt.Sprint(as.Applicable), bold: bold}}
		for _, v := range barOrder {
			r = append(r, cell{text: fmt.Sprint(as.Counts[v]), bold: bold})
		}
		return append(r, cell{text: fmt.Sprintf("%d %%", as.Percent), bold: bold})
	}
	var rows [][]cell
	informative, excluded := 0, 0
	for _, as := range s.Areas {
		rows = append(rows, row(d.areaName(as.Area), as, false))
		informative += as.Informative
		excluded += as.Excluded
	}
	rows = append(rows, row(m.Total, s.Total, true))
	d.table(cols, rows)
	d.font("I", 8, colMuted)
	d.para(fmt.Sprintf(m.SummaryNoteFmt, informative, excluded), contentW, 3.8)
	d.gap(2)

	// Bars: one per area, segments sized by the counts, legend in words.
	d.h2(m.Progress)
	d.room(float64(len(s.Areas))*7 + 10)
	labelW, pctW := 40.0, 14.0
	barW := contentW - labelW - pctW
	for _, as := range s.Areas {
		y := d.y()
		d.font("", 9, colText)
		p.SetXY(marginL, y)
		p.CellFormat(labelW, 5, d.areaName(as.Area), "", 0, "L", false, 0, "")
		x := marginL + labelW
		d.fill(colBoxBg)
		p.Rect(x, y+0.8, barW, 3.6, "F")
		if as.Applicable > 0 {
			for _, v := range barOrder {
				n := as.Counts[v]
				if n == 0 {
					continue
				}
				w := barW * float64(n) / float64(as.Applicable)
				d.fill(verdictCol[v])
				p.Rect(x, y+0.8, w, 3.6, "F")
				x += w
			}
		}
		p.SetXY(marginL+labelW+barW, y)
		p.CellFormat(pctW, 5, fmt.Sprintf("%d %%", as.Percent), "", 0, "R", false, 0, "")
		p.SetXY(marginL, y+6)
	}
	d.gap(1)
	x := marginL + labelW
	for _, v := range barOrder {
		w := p.GetStringWidth(m.VerdictShort[v])
		d.marker(x, d.y(), verdictCol[v], m.VerdictShort[v])
		x += w + 11
	}
	p.SetXY(marginL, d.y()+8)

	// Recommendation, computed from the findings, never typed.
	rec := s.Recommendation
	edge := verdictCol[audit.Conforms]
	switch rec.Outcome {
	case audit.NotRecommended:
		edge = verdictCol[audit.Major]
	case audit.RecommendedWithConditions:
		edge = verdictCol[audit.Minor]
	case audit.Incomplete:
		edge = colMuted
	}
	var lines []string
	for _, r := range d.reasons(a, cat, s) {
		lines = append(lines, "• "+r)
	}
	label, ok := m.OutcomeLabels[rec.Outcome]
	if !ok {
		label = rec.Outcome.Label()
	}
	d.h2(m.Recommendation)
	d.box(edge, label, lines)

	d.h2(m.People)
	if len(a.Header.Interviews) == 0 {
		d.para(m.NoInterviews, contentW, lineH)
	} else {
		cols := []column{{title: m.Role, w: 94}, {title: m.Women, w: 20, align: "R"}, {title: m.Men, w: 20, align: "R"}, {title: m.Other, w: 20, align: "R"}, {title: m.Total, w: 20, align: "R"}}
		var rows [][]cell
		var tw, tm, to int
		for _, iv := range a.Header.Interviews {
			rows = append(rows, []cell{{text: iv.Role}, {text: fmt.Sprint(iv.Women)}, {text: fmt.Sprint(iv.Men)}, {text: fmt.Sprint(iv.Other)}, {text: fmt.Sprint(iv.Women + iv.Men + iv.Other)}})
			tw, tm, to = tw+iv.Women, tm+iv.Men, to+iv.Other
		}
		rows = append(rows, []cell{{text: m.Total, bold: true}, {text: fmt.Sprint(tw), bold: true}, {text: fmt.Sprint(tm), bold: true}, {text: fmt.Sprint(to), bold: true}, {text: fmt.Sprint(tw + tm + to), bold: true}})
		d.table(cols, rows)
	}

	d.h2(m.SitesVisited)
	if len(a.Header.SitesVisited) == 0 {
		d.para(m.NoSites, contentW, lineH)
	} else {
		d.bullets(a.Header.SitesVisited)
	}

	d.h2(m.Meetings)
	for _, mt := range [][2]string{{m.OpeningMeeting, a.Header.OpeningMeeting}, {m.ClosingMeeting, a.Header.ClosingMeeting}} {
		d.room(5 + 2*lineH)
		d.font("B", 9, colText)
		p.CellFormat(contentW, 5, mt[0], "", 1, "L", false, 0, "")
		d.body()
		if strings.TrimSpace(mt[1]) == "" {
			d.font("I", bodySize, colMuted)
			mt[1] = m.NoMeetingNotes
		}
		d.para(mt[1], contentW, lineH)
		d.body()
		d.gap(2)
	}
}

// reasons words the reasons for the recommendation in the report's
// language. audit.Summarize words them in English; they are rebuilt here
// from the same data (the non-conformity register and the per-area counts)
// under the same rules, so that a Spanish report is Spanish throughout.
func (d *doc) reasons(a *audit.Audit, cat *standards.Catalog, s *audit.Summary) []string {
	m := d.m
	sev := func(v audit.Verdict) string {
		if v == audit.Major {
			return m.SeverityMajor
		}
		return m.SeverityMinor
	}
	var decisive, minors, openAreas []string
	for _, nc := range s.NonConformities {
		switch {
		case nc.Severity == audit.Major:
			decisive = append(decisive, fmt.Sprintf(m.ReasonMajorFmt, nc.RequirementID, nc.Title))
		case nc.Critical:
			decisive = append(decisive, fmt.Sprintf(m.ReasonCriticalFmt, nc.RequirementID, nc.Title, sev(nc.Severity)))
		case nc.DueDate != "":
			minors = append(minors, fmt.Sprintf(m.ReasonMinorFmt, nc.RequirementID, nc.Title, nc.DueDate))
		default:
			minors = append(minors, fmt.Sprintf(m.ReasonMinorNoDueFmt, nc.RequirementID, nc.Title))
		}
	}
	for _, as := range s.Areas {
		if n := as.Applicable - as.Assessed; n > 0 {
			openAreas = append(openAreas, fmt.Sprintf(m.ReasonOpenAreaFmt, d.areaName(as.Area), n))
		}
	}
	t := s.Total
	open := t.Applicable - t.Assessed
	stillOpen := fmt.Sprintf(m.ReasonStillOpenFmt, open, t.Applicable, strings.Join(openAreas, ", "))
	var out []string
	switch {
	case t.Applicable == 0:
		out = []string{m.ReasonNothingApplies}
	case len(decisive) > 0:
		out = decisive
		if open > 0 {
			out = append(out, stillOpen)
		}
	case open > 0:
		out = []string{stillOpen}
	case len(minors) > 0:
		out = minors
	default:
		out = []string{fmt.Sprintf(m.ReasonAllConformFmt, t.Applicable, t.Counts[audit.Conforms], t.Counts[audit.NA])}
	}
	// Non-conformities on progress requirements not yet due are not in the
	// register; find them in the catalog, area by area as Summarize does.
	var informative []string
	for _, as := range s.Areas {
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			if r.Area == as.Area && audit.ApplicabilityOf(r, a.Header) == audit.Informative && a.VerdictOf(r.ID).IsNonConformity() {
				informative = append(informative, r.ID)
			}
		}
	}
	if len(informative) > 0 {
		out = append(out, fmt.Sprintf(m.ReasonInformativeFmt, len(informative), strings.Join(informative, ", ")))
	}
	return out
}

// nonConformities draws the register of minor and major non-conformities.
func (d *doc) nonConformities(s *audit.Summary) {
	m := d.m
	d.h1(m.NCTitle)
	if len(s.NonConformities) == 0 {
		d.para(m.NCNone, contentW, lineH)
		return
	}
	cols := []column{{title: m.Requirement, w: 38}, {title: m.Severity, w: 20}, {title: m.Finding, w: 52}, {title: m.CorrectiveAction, w: 44}, {title: m.DueDate, w: 20}}
	var rows [][]cell
	for _, nc := range s.NonConformities {
		req := nc.RequirementID + " " + nc.Title
		if nc.Critical {
			req += " (" + m.Critical + ")"
		}
		c := verdictCol[nc.Severity]
		rows = append(rows, []cell{
			{text: req},
			{text: m.VerdictShort[nc.Severity], bold: true, color: &c},
			{text: nc.Finding},
			{text: nc.CorrectiveAction},
			{text: orDash(nc.DueDate)},
		})
	}
	d.table(cols, rows)
}

// figures numbers the picture evidence in evidence order, so findings can
// refer to "figure N" before the photos are drawn.
func (d *doc) figures(a *audit.Audit) map[string]int {
	figs := map[string]int{}
	n := 0
	for _, ev := range a.Evidence {
		if isPicture(ev.MediaType) {
			if _, dup := figs[ev.SHA256]; !dup {
				n++
				figs[ev.SHA256] = n
			}
		}
	}
	return figs
}

func isPicture(mediaType string) bool {
	switch strings.ToLower(mediaType) {
	case "image/jpeg", "image/jpg", "image/png", "image/gif":
		return true
	}
	return false
}

// findings draws every requirement area by area: verdict, notes,
// justification, corrective action and evidence references.
func (d *doc) findings(a *audit.Audit, cat *standards.Catalog, figs map[string]int) {
	m := d.m
	p := d.pdf
	d.h1(m.FindingsTitle)
	seen := map[string]bool{}
	first := true
	for _, area := range cat.WalkAreas() {
		reqs := cat.InArea(area)
		var applicable, informative int
		var excluded []string
		for i := range reqs {
			seen[reqs[i].ID] = true
			switch audit.ApplicabilityOf(&reqs[i], a.Header) {
			case audit.Applies:
				applicable++
			case audit.Informative:
				informative++
			default:
				excluded = append(excluded, reqs[i].ID+" "+reqs[i].Title)
			}
		}
		if !first {
			d.gap(2)
		}
		first = false
		d.room(30)
		d.font("B", 13, colAccent)
		p.CellFormat(contentW, 7, d.areaName(area), "", 1, "L", false, 0, "")
		d.font("", 8.5, colMuted)
		p.CellFormat(contentW, 4.5, fmt.Sprintf(m.AreaCountsFmt, applicable, informative, len(excluded)), "", 1, "L", false, 0, "")
		d.draw(colRule)
		p.SetLineWidth(0.3)
		p.Line(marginL, d.y()+1, marginL+contentW, d.y()+1)
		d.gap(3)
		if len(reqs) == 0 {
			d.body()
			d.para(m.NoRequirements, contentW, lineH)
			continue
		}
		for i := range reqs {
			r := &reqs[i]
			ap := audit.ApplicabilityOf(r, a.Header)
			if ap == audit.Excluded {
				continue
			}
			d.requirement(a, r.ID, r.Title, d.metaLine(r), ap, r.DueYear, figs)
		}
		if len(excluded) > 0 {
			d.room(5 + lineH)
			d.font("B", 8.5, colMuted)
			p.CellFormat(contentW, 5, m.Excluded+" — "+fmt.Sprintf(m.ExcludedWhyFmt, nameOr(m.CertTypeNames[a.Header.CertType], string(a.Header.CertType))), "", 1, "L", false, 0, "")
			d.font("", 8.5, colMuted)
			d.para(strings.Join(excluded, "; "), contentW, 4)
			d.body()
		}
	}
	// Findings on requirements the installed catalog no longer has.
	var orphans []string
	for id, f := range a.Findings {
		if !seen[id] && f != nil && (f.Verdict != audit.Open || f.Notes != "") {
			orphans = append(orphans, id)
		}
	}
	sort.Strings(orphans)
	for _, id := range orphans {
		d.requirement(a, id, m.RequirementNotFnd, "", audit.Applies, 0, figs)
	}
}

// metaLine is the small line under a requirement's title: chapter, level,
// critical.
func (d *doc) metaLine(r *standards.Requirement) string {
	parts := []string{}
	if r.Chapter != "" {
		parts = append(parts, r.Chapter)
	}
	if r.Level != "" {
		parts = append(parts, nameOr(d.m.LevelNames[r.Level], string(r.Level)))
	}
	if r.Critical {
		parts = append(parts, d.m.Critical)
	}
	return strings.Join(parts, " · ")
}

// requirement draws one finding block.
func (d *doc) requirement(a *audit.Audit, id, title, meta string, ap audit.Applicability, dueYear int, figs map[string]int) {
	m := d.m
	p := d.pdf
	v := a.VerdictOf(id)
	f := a.Findings[id]
	word, col := m.VerdictWords[v], verdictCol[v]
	if ap == audit.Informative {
		word, col = m.Informative, colInformative
		if v != audit.Open {
			word = m.Informative + " · " + m.VerdictShort[v]
		}
	}
	markW := 46.0
	d.font("B", 9.5, colText)
	tl := wrap(p, id+"  "+title, contentW-markW-2)
	d.room(float64(len(tl))*4.8 + 4 + 2*lineH)
	y := d.y()
	for i, l := range tl {
		p.SetXY(marginL, y+float64(i)*4.8)
		p.CellFormat(contentW-markW-2, 4.8, l, "", 0, "L", false, 0, "")
	}
	d.marker(marginL+contentW-markW, y, col, word)
	p.SetXY(marginL, y+float64(len(tl))*4.8)
	if meta != "" {
		d.font("", 7.5, colMuted)
		p.CellFormat(contentW, 3.8, meta, "", 1, "L", false, 0, "")
	}
	indent := 4.0
	field := func(label, text string, italic bool) {
		if strings.TrimSpace(text) == "" {
			return
		}
		d.room(4 + lineH)
		p.SetX(marginL + indent)
		d.font("B", 8, colMuted)
		p.CellFormat(contentW-indent, 4, label, "", 1, "L", false, 0, "")
		style := ""
		if italic {
			style = "I"
		}
		d.font(style, 9, colText)
		p.SetX(marginL + indent)
		d.para(text, contentW-indent, 4.3)
	}
	if ap == audit.Informative {
		p.SetX(marginL + indent)
		d.font("I", 8.5, colInformative)
		d.para(fmt.Sprintf(m.InformativeFmt, dueYear), contentW-indent, 4.2)
	}
	if f != nil {
		field(m.Notes, f.Notes, false)
		if v == audit.NA || v.IsNonConformity() {
			field(m.Justification, f.Justification, false)
		}
		if v.IsNonConformity() {
			due := a.DueDate(id)
			ca := f.CorrectiveAction
			if due != "" {
				ca = strings.TrimSpace(ca + "\n" + m.DueDate + ": " + due)
			}
			field(m.CorrectiveAction, ca, false)
		}
		if len(f.Evidence) > 0 {
			var refs []string
			for _, sha := range f.Evidence {
				name := short(sha)
				if ev, ok := a.EvidenceBySHA(sha); ok {
					name = ev.Name + " (" + short(sha) + ")"
				}
				if n, ok := figs[sha]; ok {
					name += ", " + fmt.Sprintf(m.FigureFmt, n)
				}
				refs = append(refs, name)
			}
			field(m.EvidenceRefs, strings.Join(refs, "; "), false)
		}
	}
	d.gap(1.5)
	d.draw(colRule)
	p.SetLineWidth(0.15)
	p.Line(marginL, d.y(), marginL+contentW, d.y())
	d.gap(2.5)
	d.body()
}

// signature draws the last page: who signs, with which certificate, and how
// anyone can check the file.
func (d *doc) signature(a *audit.Audit, opts RenderOptions) {
	m := d.m
	d.h1(m.SignatureTitle)
	name := a.Header.LeadInspector
	if opts.Signer != nil && opts.Signer.Name != "" {
		name = opts.Signer.Name
	}
	rows := [][2]string{
		{m.Inspector, orDash(name)},
		{m.Date, opts.Now.Format("2006-01-02 15:04:05 MST")},
		{m.Place, orDash(opts.Place)},
	}
	if opts.Signer != nil && !opts.Draft {
		rows = append(rows,
			[2]string{m.CertSubject, opts.Signer.Subject},
			[2]string{m.CertIssuer, opts.Signer.Issuer},
			[2]string{m.Fingerprint, splitFingerprint(opts.Signer.Fingerprint)},
		)
	}
	d.kv(rows, 58)
	d.gap(4)
	if opts.Draft || opts.Signer == nil {
		d.box(colDraft, m.DraftBanner, []string{m.DraftStatement})
	} else {
		d.signatureBox()
		d.box(colAccent, "", []string{m.SignedStatement})
	}
	d.h2(m.HowToVerify)
	d.bullets([]string{m.VerifyAssay, m.VerifyPdfsig, m.VerifyData, m.VerifyTrust})
}

// Size of the box left free for the signature's visible appearance (mm).
const (
	sigBoxW = 110.0
	sigBoxH = 26.0
)

// signatureBox leaves room for the visible signature, which the signer
// draws into the signed file, and records where it is.
func (d *doc) signatureBox() {
	d.room(sigBoxH + 4)
	x, y := marginL, d.y()
	const k = 72 / 25.4 // mm to points
	d.sigBox = &sigBox{Page: d.pdf.PageNo(), Rect: [4]float64{
		x * k, (pageH - y - sigBoxH) * k, (x + sigBoxW) * k, (pageH - y) * k,
	}}
	d.pdf.SetY(y + sigBoxH)
	d.gap(4)
}

func (d *doc) areaName(a standards.Area) string {
	if n, ok := d.m.AreaNames[string(a)]; ok {
		return n
	}
	return string(a)
}

func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12] + "…"
	}
	return sha
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func nameOr(name, fallback string) string {
	if name != "" {
		return name
	}
	return orDash(fallback)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if s := strings.TrimSpace(p); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// splitFingerprint puts a colon-hex SHA-256 on two lines of 16 bytes, so it
// is never cut mid-byte by wrapping.
func splitFingerprint(fp string) string {
	if len(fp) == 95 {
		return fp[:47] + "\n" + fp[48:]
	}
	return fp
}

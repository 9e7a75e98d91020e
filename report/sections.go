package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// cover draws the first page: who, where, when, against what, by whom.
func (d *doc) cover(a *audit.Audit, cat *standards.Catalog, opts RenderOptions) {
	p := d.pdf
	h := a.Header
	p.AddPage()
	p.SetY(40)
	d.font("B", 26, colAccent)
	p.CellFormat(contentW, 12, d.t("report_title", nil), "", 1, "L", false, 0, "")
	d.font("", 10, colMuted)
	p.CellFormat(contentW, 6, d.t("cover_subtitle", nil), "", 1, "L", false, 0, "")
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
	fsp := d.t("fsp_counts", i18n.Args{"Mines": d.n("fsp_mines", h.FSP.Mines, nil),
		"Plants": d.n("fsp_plants", h.FSP.Plants, nil), "Miners": d.n("fsp_miners", h.FSP.Miners, nil)})
	if s := strings.TrimSpace(h.FSP.Description); s != "" {
		fsp = s + "\n" + fsp
	}
	sha := a.Catalog.SHA256
	if len(sha) > 12 {
		sha = sha[:12]
	}
	status := d.t("status_finalized", nil)
	if a.Status != audit.Finalized {
		status = d.t("status_draft", nil)
	}
	rev := strconv.Itoa(a.Revision)
	if a.AmendReason != "" {
		rev = d.t("revision_amended", i18n.Args{"Revision": a.Revision, "Reason": a.AmendReason})
	}
	dates := d.t("dates_range", i18n.Args{"Start": orDash(d.l.DateText(strings.TrimSpace(h.StartDate))),
		"End": orDash(d.l.DateText(strings.TrimSpace(h.EndDate)))})
	rows := [][2]string{
		{d.t("label_asmo", nil), orDash(h.ASMO)},
		{d.t("label_legal_id", nil), orDash(h.LegalID)},
		{d.t("label_site", nil), orDash(h.Site)},
		{d.t("label_location", nil), orDash(loc)},
		{d.t("label_coordinates", nil), orDash(coords)},
		{d.t("label_fsp", nil), fsp},
		{d.t("label_dates", nil), dates},
		{d.t("label_audit_type", nil), d.word(auditTypeIDs[h.AuditType], string(h.AuditType))},
		{d.t("label_certification", nil), d.t("certification_value", i18n.Args{"Type": d.certTypeName(h.CertType), "Year": h.CertYear})},
		{d.t("label_standard", nil), d.t("standard_value", i18n.Args{"Name": cat.Name, "ID": a.Catalog.ID, "Version": a.Catalog.Version, "SHA": sha})},
		{d.t("label_lead_inspector", nil), orDash(h.LeadInspector)},
	}
	if len(h.CoInspectors) > 0 {
		rows = append(rows, [2]string{d.t("label_co_inspectors", nil), strings.Join(h.CoInspectors, ", ")})
	}
	rows = append(rows,
		[2]string{d.t("label_cert_body", nil), orDash(h.CertBody)},
		[2]string{d.t("label_report_id", nil), d.reportID},
		[2]string{d.t("label_revision", nil), rev},
		[2]string{d.t("label_status", nil), status},
	)
	if a.ContentHash != "" {
		rows = append(rows, [2]string{d.t("label_content_hash", nil), a.ContentHash})
	}
	rows = append(rows, [2]string{d.t("label_exported", nil), d.l.DateTime(opts.Now)})
	d.kv(rows, 50)
	d.gap(3)
	if opts.CatalogWarning != "" {
		d.box(colWarn, d.t("label_warning", nil), []string{opts.CatalogWarning})
	}
	if cat.Provenance != "" {
		d.room(12)
		d.font("B", 8, colMuted)
		p.CellFormat(contentW, 4.5, d.t("label_provenance", nil), "", 1, "L", false, 0, "")
		d.font("I", 8, colMuted)
		d.para(cat.Provenance, contentW, 3.8)
	}
	d.gap(2)
	d.font("I", 8, colMuted)
	d.para(d.t("attached_data_note", nil), contentW, 3.8)
	d.body()
}

// barOrder is the order verdicts are stacked in the area bars and columns.
var barOrder = []audit.Verdict{audit.Conforms, audit.Minor, audit.Major, audit.NA, audit.Open}

// summary draws the per-area table and bars, the recommendation, the people
// interviewed, the sites visited and the meeting notes.
func (d *doc) summary(a *audit.Audit, cat *standards.Catalog, s *audit.Summary) {
	p := d.pdf
	d.h1(d.t("summary_title", nil))
	cols := []column{{title: d.t("col_area", nil), w: 40}, {title: d.t("col_applicable", nil), w: 20, align: "R"}}
	for _, v := range barOrder {
		cols = append(cols, column{title: d.verdictShort(v), w: 18, align: "R"})
	}
	cols = append(cols, column{title: d.t("col_complete", nil), w: 24, align: "R"})
	row := func(name string, as audit.AreaSummary, bold bool) []cell {
		r := []cell{{text: name, bold: bold}, {text: d.l.Int(as.Applicable), bold: bold}}
		for _, v := range barOrder {
			r = append(r, cell{text: d.l.Int(as.Counts[v]), bold: bold})
		}
		return append(r, cell{text: d.t("percent", i18n.Args{"Percent": as.Percent}), bold: bold})
	}
	var rows [][]cell
	informative, excluded := 0, 0
	for _, as := range s.Areas {
		rows = append(rows, row(d.areaName(as.Area), as, false))
		informative += as.Informative
		excluded += as.Excluded
	}
	rows = append(rows, row(d.t("total", nil), s.Total, true))
	d.table(cols, rows)
	d.font("I", 8, colMuted)
	d.para(d.t("summary_note", i18n.Args{"Informative": d.n("summary_informative", informative, nil),
		"Excluded": d.n("summary_excluded", excluded, nil)}), contentW, 3.8)
	d.gap(2)

	// Bars: one per area, segments sized by the counts, legend in words.
	d.h2(d.t("progress_title", nil))
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
		p.CellFormat(pctW, 5, d.t("percent", i18n.Args{"Percent": as.Percent}), "", 0, "R", false, 0, "")
		p.SetXY(marginL, y+6)
	}
	d.gap(1)
	x := marginL + labelW
	for _, v := range barOrder {
		w := p.GetStringWidth(d.verdictShort(v))
		d.marker(x, d.y(), verdictCol[v], d.verdictShort(v))
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
	for _, r := range rec.Reasons {
		lines = append(lines, "• "+d.reasonText(r, cat))
	}
	d.h2(d.t("recommendation_title", nil))
	d.box(edge, d.word(outcomeIDs[rec.Outcome], string(rec.Outcome)), lines)

	d.h2(d.t("people_title", nil))
	if len(a.Header.Interviews) == 0 {
		d.para(d.t("no_interviews", nil), contentW, lineH)
	} else {
		total := d.t("total", nil)
		cols := []column{{title: d.t("col_role", nil), w: 94}, {title: d.t("col_women", nil), w: 20, align: "R"}, {title: d.t("col_men", nil), w: 20, align: "R"},
			{title: d.t("col_other", nil), w: 20, align: "R"}, {title: total, w: 20, align: "R"}}
		var rows [][]cell
		var tw, tm, to int
		for _, iv := range a.Header.Interviews {
			rows = append(rows, []cell{{text: iv.Role}, {text: d.l.Int(iv.Women)}, {text: d.l.Int(iv.Men)}, {text: d.l.Int(iv.Other)}, {text: d.l.Int(iv.Women + iv.Men + iv.Other)}})
			tw, tm, to = tw+iv.Women, tm+iv.Men, to+iv.Other
		}
		rows = append(rows, []cell{{text: total, bold: true}, {text: d.l.Int(tw), bold: true}, {text: d.l.Int(tm), bold: true}, {text: d.l.Int(to), bold: true}, {text: d.l.Int(tw + tm + to), bold: true}})
		d.table(cols, rows)
	}

	d.h2(d.t("sites_visited_title", nil))
	if len(a.Header.SitesVisited) == 0 {
		d.para(d.t("no_sites", nil), contentW, lineH)
	} else {
		d.bullets(a.Header.SitesVisited)
	}

	d.h2(d.t("meetings_title", nil))
	for _, mt := range [][2]string{{d.t("opening_meeting", nil), a.Header.OpeningMeeting}, {d.t("closing_meeting", nil), a.Header.ClosingMeeting}} {
		d.room(5 + 2*lineH)
		d.font("B", 9, colText)
		p.CellFormat(contentW, 5, mt[0], "", 1, "L", false, 0, "")
		d.body()
		if strings.TrimSpace(mt[1]) == "" {
			d.font("I", bodySize, colMuted)
			mt[1] = d.t("no_meeting_notes", nil)
		}
		d.para(mt[1], contentW, lineH)
		d.body()
		d.gap(2)
	}
}

// reasonText words one reason audit.Summarize gave for the recommendation:
// the rules live in audit, the report only says them in its language.
func (d *doc) reasonText(r audit.Reason, cat *standards.Catalog) string {
	title := reqTitle(cat, r.Requirement)
	switch r.Kind {
	case audit.ReasonMajor:
		return d.t("reason_major", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonCritical:
		return d.t("reason_critical", i18n.Args{"ID": r.Requirement, "Title": title, "Severity": d.severity(r.Severity)})
	case audit.ReasonMinor:
		return d.t("reason_minor", i18n.Args{"ID": r.Requirement, "Title": title, "Due": d.l.DateText(r.DueDate)})
	case audit.ReasonMinorNoDueDate:
		return d.t("reason_minor_no_due", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonStillOpen:
		areas := make([]string, len(r.OpenByArea))
		for i, ac := range r.OpenByArea {
			areas[i] = d.t("reason_open_area", i18n.Args{"Area": d.areaName(ac.Area), "Count": d.l.Int(ac.Count)})
		}
		return d.n("reason_still_open", r.Open, i18n.Args{"Applicable": d.l.Int(r.Applicable), "Areas": strings.Join(areas, ", ")})
	case audit.ReasonAllConform:
		return d.n("reason_all_conform", r.Applicable, i18n.Args{"Conforming": d.n("conforming_count", r.Conforming, nil),
			"NA": d.n("not_applicable_count", r.NotApplicable, nil)})
	case audit.ReasonNothingApplies:
		return d.t("reason_nothing_applies", nil)
	case audit.ReasonInformative:
		return d.n("reason_informative", len(r.Requirements), i18n.Args{"IDs": strings.Join(r.Requirements, ", ")})
	}
	return string(r.Kind)
}

// severity names a non-conformity's severity inside a sentence.
func (d *doc) severity(v audit.Verdict) string {
	if v == audit.Major {
		return d.t("severity_major", nil)
	}
	return d.t("severity_minor", nil)
}

// reqTitle is a requirement's title from the catalog: the one place the
// report looks a title up for an id the domain hands it ("" when the
// catalog lacks it).
func reqTitle(cat *standards.Catalog, id string) string {
	if r, ok := cat.Requirement(id); ok {
		return r.Title
	}
	return ""
}

// nonConformities draws the register of minor and major non-conformities.
func (d *doc) nonConformities(cat *standards.Catalog, s *audit.Summary) {
	d.h1(d.t("nc_title", nil))
	if len(s.NonConformities) == 0 {
		d.para(d.t("nc_none", nil), contentW, lineH)
		return
	}
	cols := []column{{title: d.t("col_requirement", nil), w: 38}, {title: d.t("col_severity", nil), w: 20}, {title: d.t("col_finding", nil), w: 52},
		{title: d.t("col_corrective_action", nil), w: 44}, {title: d.t("col_due", nil), w: 20}}
	var rows [][]cell
	for _, nc := range s.NonConformities {
		req := nc.RequirementID + " " + reqTitle(cat, nc.RequirementID)
		if nc.Critical {
			req += " (" + d.t("critical", nil) + ")"
		}
		c := verdictCol[nc.Severity]
		rows = append(rows, []cell{
			{text: req},
			{text: d.verdictShort(nc.Severity), bold: true, color: &c},
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
	p := d.pdf
	d.h1(d.t("findings_title", nil))
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
				excluded = append(excluded, reqs[i].ID+" "+reqTitle(cat, reqs[i].ID))
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
		counts := d.t("area_counts", i18n.Args{"Applicable": d.n("count_applicable", applicable, nil),
			"Informative": d.n("count_informative", informative, nil), "Excluded": d.n("count_excluded", len(excluded), nil)})
		p.CellFormat(contentW, 4.5, counts, "", 1, "L", false, 0, "")
		d.draw(colRule)
		p.SetLineWidth(0.3)
		p.Line(marginL, d.y()+1, marginL+contentW, d.y()+1)
		d.gap(3)
		if len(reqs) == 0 {
			d.body()
			d.para(d.t("no_requirements", nil), contentW, lineH)
			continue
		}
		for i := range reqs {
			r := &reqs[i]
			ap := audit.ApplicabilityOf(r, a.Header)
			if ap == audit.Excluded {
				continue
			}
			d.requirement(a, r.ID, reqTitle(cat, r.ID), d.metaLine(r), ap, r.DueYear, figs)
		}
		if len(excluded) > 0 {
			d.room(5 + lineH)
			d.font("B", 8.5, colMuted)
			p.CellFormat(contentW, 5, d.t("excluded", nil)+" — "+d.t("excluded_why", i18n.Args{"Type": d.certTypeName(a.Header.CertType)}), "", 1, "L", false, 0, "")
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
		d.requirement(a, id, d.t("requirement_not_found", nil), "", audit.Applies, 0, figs)
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
		parts = append(parts, d.word(levelIDs[r.Level], string(r.Level)))
	}
	if r.Critical {
		parts = append(parts, d.t("critical", nil))
	}
	return strings.Join(parts, " · ")
}

// requirement draws one finding block.
func (d *doc) requirement(a *audit.Audit, id, title, meta string, ap audit.Applicability, dueYear int, figs map[string]int) {
	p := d.pdf
	v := a.VerdictOf(id)
	f := a.Findings[id]
	word, col := d.word(verdictIDs[v], string(v)), verdictCol[v]
	if ap == audit.Informative {
		word, col = d.t("informative", nil), colInformative
		if v != audit.Open {
			word = d.t("informative", nil) + " · " + d.verdictShort(v)
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
		d.para(d.t("informative_due", i18n.Args{"Year": dueYear}), contentW-indent, 4.2)
	}
	if f != nil {
		field(d.t("label_notes", nil), f.Notes, false)
		if v == audit.NA || v.IsNonConformity() {
			field(d.t("label_justification", nil), f.Justification, false)
		}
		if v.IsNonConformity() {
			due := a.DueDate(id)
			ca := f.CorrectiveAction
			if due != "" {
				ca = strings.TrimSpace(ca + "\n" + d.t("due_line", i18n.Args{"Date": d.l.DateText(due)}))
			}
			field(d.t("col_corrective_action", nil), ca, false)
		}
		if len(f.Evidence) > 0 {
			var refs []string
			for _, sha := range f.Evidence {
				name := short(sha)
				if ev, ok := a.EvidenceBySHA(sha); ok {
					name = ev.Name + " (" + short(sha) + ")"
				}
				if n, ok := figs[sha]; ok {
					name += ", " + d.t("figure_ref", i18n.Args{"N": n})
				}
				refs = append(refs, name)
			}
			field(d.t("label_evidence", nil), strings.Join(refs, "; "), false)
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
		d.box(colDraft, d.t("draft_banner", nil), []string{m.DraftStatement})
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

// Message keys of the report's words for the domain's values: the
// extraction test checks each exists.
var (
	areaIDs = map[standards.Area]string{standards.Social: "area_social", standards.Economic: "area_economic",
		standards.Environmental: "area_environmental", standards.Labour: "area_labour", standards.Chemicals: "area_chemicals"}
	verdictIDs = map[audit.Verdict]string{audit.Open: "verdict_open", audit.Conforms: "verdict_conforms",
		audit.Minor: "verdict_minor", audit.Major: "verdict_major", audit.NA: "verdict_na"}
	verdictShortIDs = map[audit.Verdict]string{audit.Open: "verdict_short_open", audit.Conforms: "verdict_short_conforms",
		audit.Minor: "verdict_short_minor", audit.Major: "verdict_short_major", audit.NA: "verdict_short_na"}
	auditTypeIDs = map[audit.AuditType]string{audit.Initial: "audit_type_initial", audit.Surveillance: "audit_type_surveillance",
		audit.Recertification: "audit_type_recertification", audit.FollowUp: "audit_type_follow_up"}
	certTypeIDs = map[audit.CertType]string{audit.Fairmined: "cert_type_fairmined", audit.Ecological: "cert_type_ecological"}
	levelIDs    = map[standards.Level]string{standards.Entry: "level_entry", standards.Progress: "level_progress"}
	outcomeIDs  = map[audit.Outcome]string{audit.Recommended: "outcome_recommended", audit.RecommendedWithConditions: "outcome_with_conditions",
		audit.NotRecommended: "outcome_not_recommended", audit.Incomplete: "outcome_incomplete"}
)

// word says message id, or fallback (a value a hand-edited file or a user
// catalog invents, which has no message) when id is "".
func (d *doc) word(id, fallback string) string {
	if id == "" {
		return orDash(fallback)
	}
	return d.l.Word(id)
}

func (d *doc) areaName(a standards.Area) string { return d.word(areaIDs[a], string(a)) }

func (d *doc) verdictShort(v audit.Verdict) string { return d.word(verdictShortIDs[v], string(v)) }

func (d *doc) certTypeName(c audit.CertType) string { return d.word(certTypeIDs[c], string(c)) }

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

package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/internal/layout"
	"github.com/assay-dev/assay/standards"
)

// cover draws the first page: who, where, when, against what, by whom.
func (d *doc) cover(a *audit.Audit, cat *standards.Catalog, opts RenderOptions) {
	p := d.pdf
	h := a.Header
	p.AddPage()
	p.SetY(28)
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
	d.gap(6)

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
	cl := cat.In(d.l.Lang())
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
		{d.t("label_standard", nil), d.t("standard_value", i18n.Args{"Name": d.inLang(cl.Name, cl.NameLang), "ID": a.Catalog.ID, "Version": a.Catalog.Version, "SHA": sha})},
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
	// Where the catalog comes from, what its areas are (for the built-ins,
	// assay's grouping, not the Standard's chapters), and how untranslated
	// catalog text is marked.
	var prov []string
	for _, s := range []string{d.inLang(cl.Provenance, cl.ProvenanceLang), d.inLang(cl.AreasNote, cl.AreasNoteLang)} {
		if strings.TrimSpace(s) != "" {
			prov = append(prov, s)
		}
	}
	if d.catalogFallback(cat) {
		prov = append(prov, d.t("untranslated_note", i18n.Args{"Mark": d.t("untranslated_mark", i18n.Args{"Lang": cat.Language})}))
	}
	// The provenance and the note on the attached data are one block: kept
	// together, never a line cut off onto a page of its own.
	note := d.t("attached_data_note", nil)
	blockH := 2 + float64(d.Lines("I", 8, note, contentW))*3.8
	if len(prov) > 0 {
		blockH += 4.5 + float64(len(prov)-1)
		for _, s := range prov {
			blockH += float64(d.Lines("I", 8, s, contentW)) * 3.8
		}
	}
	d.keep(blockH)
	if len(prov) > 0 {
		d.font("B", 8, colMuted)
		p.CellFormat(contentW, 4.5, d.t("label_provenance", nil), "", 1, "L", false, 0, "")
		d.font("I", 8, colMuted)
		for i, s := range prov {
			if i > 0 {
				d.gap(1)
			}
			d.para(s, contentW, 3.8)
		}
	}
	d.gap(2)
	d.font("I", 8, colMuted)
	d.para(note, contentW, 3.8)
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
	d.h2Keep(d.t("progress_title", nil), float64(len(s.Areas))*6+9)
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
	outcome := d.word(outcomeIDs[rec.Outcome], string(rec.Outcome))
	d.h2Keep(d.t("recommendation_title", nil), d.BoxHeight(outcome, lines))
	d.box(edge, outcome, lines)

	d.people(a)

	first := lineH
	if len(a.Header.SitesVisited) > 0 {
		d.body()
		first = d.BulletHeight(a.Header.SitesVisited[0])
	}
	d.h2Keep(d.t("sites_visited_title", nil), first)
	if len(a.Header.SitesVisited) == 0 {
		d.para(d.t("no_sites", nil), contentW, lineH)
	} else {
		d.bullets(a.Header.SitesVisited)
	}

	// The opening meeting is kept whole (its label never alone), the
	// heading with it; the closing meeting and the auditee's word follow.
	opening := a.Header.OpeningMeeting
	openingText := opening
	if strings.TrimSpace(openingText) == "" {
		openingText = d.t("no_meeting_notes", nil)
	}
	openingH := 5 + float64(d.Lines("", bodySize, openingText, contentW))*lineH + 2
	d.h2Keep(d.t("meetings_title", nil), openingH)
	d.keep(openingH)
	d.room(5 + 2*lineH)
	d.font("B", 9, colText)
	p.CellFormat(contentW, 5, d.t("opening_meeting", nil), "", 1, "L", false, 0, "")
	d.body()
	if strings.TrimSpace(opening) != "" {
		d.para(opening, contentW, lineH)
	} else {
		d.font("I", bodySize, colMuted)
		d.para(openingText, contentW, lineH)
		d.body()
	}
	d.gap(2)
	d.closingMeeting(a)
}

// reasonText words one reason audit.Summarize gave for the recommendation:
// the rules live in audit, the report only says them in its language.
func (d *doc) reasonText(r audit.Reason, cat *standards.Catalog) string {
	title := d.reqTitle(cat, r.Requirement)
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
	return d.cycleReasonText(r, title)
}

// severity names a non-conformity's severity inside a sentence.
func (d *doc) severity(v audit.Verdict) string {
	if v == audit.Major {
		return d.t("severity_major", nil)
	}
	return d.t("severity_minor", nil)
}

// reqTitle is a requirement's title from the catalog in the report's
// language, marked when the catalog has no translation: the one place the
// report looks a title up for an id the domain hands it ("" when the
// catalog lacks it).
func (d *doc) reqTitle(cat *standards.Catalog, id string) string {
	if r, ok := cat.Requirement(id); ok {
		l := r.In(d.l.Lang())
		return d.inLang(l.Title, l.TitleLang)
	}
	return ""
}

// inLang marks catalog text that is not in the report's language: the
// catalog has no translation of it, so it is printed as the catalog has
// it, followed by its language ("[en]"). Text of unknown language (a
// catalog that does not say) is left unmarked.
func (d *doc) inLang(text, lang string) string {
	if strings.TrimSpace(text) == "" || lang == "" || i18n.Normalize(lang) == "" {
		return text
	}
	if base(lang) == base(d.l.Lang()) {
		return text
	}
	return text + " " + d.t("untranslated_mark", i18n.Args{"Lang": lang})
}

// base is a language tag's language: "es" for "es-CO".
func base(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		return strings.ToLower(tag[:i])
	}
	return strings.ToLower(tag)
}

// catalogFallback reports whether the report prints any catalog text
// marked as untranslated: the cover's name, provenance and areas note, or
// a requirement's title, chapter or references.
func (d *doc) catalogFallback(cat *standards.Catalog) bool {
	marked := func(text, lang string) bool { return d.inLang(text, lang) != text }
	cl := cat.In(d.l.Lang())
	if marked(cl.Name, cl.NameLang) || marked(cl.Provenance, cl.ProvenanceLang) || marked(cl.AreasNote, cl.AreasNoteLang) {
		return true
	}
	for i := range cat.Requirements {
		l := cat.Requirements[i].In(d.l.Lang())
		if marked(l.Title, l.TitleLang) || marked(l.Chapter, l.ChapterLang) ||
			(len(l.References) > 0 && marked("x", l.ReferencesLang)) {
			return true
		}
	}
	return false
}

// reconstructed is the mark after a due year or critical flag the catalog
// says is its own reading (basis "reconstructed"), "" otherwise.
func (d *doc) reconstructed(r *standards.Requirement) string {
	if r != nil && r.Basis == standards.BasisReconstructed {
		return d.t("reconstructed_mark", nil)
	}
	return ""
}

// duty names who must meet a requirement the buyer shares or holds: a
// non-conformity on it is not the ASMO's alone. "" for the ASMO's own.
func (d *doc) duty(r *standards.Requirement) string {
	switch r.Responsible {
	case standards.PartyBuyer:
		return d.t("responsible_buyer", nil)
	case standards.PartyBoth:
		return d.t("responsible_both", nil)
	}
	return ""
}

// legend explains the reconstructed mark, for catalog id.
func (d *doc) legend(id string) {
	d.font("I", 8, colMuted)
	d.para(d.t("reconstructed_legend", i18n.Args{"Mark": d.t("reconstructed_mark", nil), "Catalog": id}), contentW, 3.8)
	d.body()
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
	marked := false
	for _, nc := range s.NonConformities {
		req := nc.RequirementID + " " + d.reqTitle(cat, nc.RequirementID)
		r, _ := cat.Requirement(nc.RequirementID)
		if nc.Critical {
			mark := d.reconstructed(r)
			marked = marked || mark != ""
			req += " (" + d.t("critical", nil) + mark + ")"
		}
		if r != nil {
			if duty := d.duty(r); duty != "" {
				req += " (" + duty + ")"
			}
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
	if marked {
		d.legend(cat.ID)
	}
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
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if d.reconstructed(r) != "" && (r.Critical || r.Level == standards.Progress) &&
			audit.ApplicabilityOf(r, a.Header) != audit.Excluded {
			d.legend(cat.ID)
			d.gap(2)
			break
		}
	}
	seen := map[string]bool{}
	first := true
	for _, area := range cat.WalkAreas() {
		reqs := cat.InArea(area)
		var applicable, informative, outOfScope int
		var excluded []string
		for i := range reqs {
			seen[reqs[i].ID] = true
			switch ex := audit.ExplainApplicability(&reqs[i], a.Header); {
			case ex.Applicability == audit.Applies:
				applicable++
			case ex.Applicability == audit.Informative:
				informative++
			case ex.OutOfFollowUp:
				// A follow-up audit's scope (the previous audit) says what
				// it covers; the rest of the catalog is not listed.
				outOfScope++
			default:
				excluded = append(excluded, reqs[i].ID+" "+d.reqTitle(cat, reqs[i].ID))
			}
		}
		if outOfScope == len(reqs) && len(reqs) > 0 {
			continue // nothing of this area is in the follow-up audit
		}
		var blocks []*findingBlock
		for i := range reqs {
			r := &reqs[i]
			if ap := audit.ApplicabilityOf(r, a.Header); ap != audit.Excluded {
				blocks = append(blocks, d.findingBlock(a, r.ID, d.reqTitle(cat, r.ID), d.metaLine(r), d.referencesLine(r), ap, r.DueYear, figs))
			}
		}
		exclLabel := d.t("excluded", nil) + " — " + d.t("excluded_why", i18n.Args{"Type": d.certTypeName(a.Header.CertType)})
		exclH := 5 + float64(d.Lines("", 8.5, strings.Join(excluded, "; "), contentW))*4
		if !first {
			d.gap(2)
		}
		first = false
		// The area's heading stays with its first finding (or, with none,
		// with its list of excluded requirements).
		const areaHead = 7 + 4.5 + 3
		switch {
		case len(blocks) > 0 && areaHead+blocks[0].height() <= layout.PageRoom:
			d.room(areaHead + blocks[0].height())
		case len(blocks) > 0:
			d.room(areaHead + blocks[0].head())
		case len(excluded) > 0:
			d.keep(areaHead + exclH)
		default:
			d.room(areaHead + lineH)
		}
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
		for _, b := range blocks {
			d.drawFinding(b)
		}
		if len(excluded) > 0 {
			// The label with its whole list (with its first two lines if
			// the list is longer than a page).
			d.keep(exclH)
			d.room(5 + 2*4)
			d.font("B", 8.5, colMuted)
			p.CellFormat(contentW, 5, exclLabel, "", 1, "L", false, 0, "")
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
		d.requirement(a, id, d.t("requirement_not_found", nil), "", "", audit.Applies, 0, figs)
	}
}

// metaLine is the small line under a requirement's title: chapter, level
// and due year, critical, and whose duty it is when the buyer's; a due
// year or critical flag the catalog reconstructed is marked.
func (d *doc) metaLine(r *standards.Requirement) string {
	l := r.In(d.l.Lang())
	parts := []string{}
	if l.Chapter != "" {
		parts = append(parts, d.inLang(l.Chapter, l.ChapterLang))
	}
	if r.Level != "" {
		parts = append(parts, d.word(levelIDs[r.Level], string(r.Level)))
	}
	if r.Level == standards.Progress && r.DueYear > 0 {
		parts = append(parts, d.t("due_year", i18n.Args{"Year": r.DueYear})+d.reconstructed(r))
	}
	if r.Critical {
		parts = append(parts, d.t("critical", nil)+d.reconstructed(r))
	}
	if duty := d.duty(r); duty != "" {
		parts = append(parts, duty)
	}
	return strings.Join(parts, " · ")
}

// referencesLine cites the public sources a requirement rests on, in the
// report's language where the catalog translates them; "" for none.
func (d *doc) referencesLine(r *standards.Requirement) string {
	l := r.In(d.l.Lang())
	if len(l.References) == 0 {
		return ""
	}
	return d.inLang(d.t("references_line", i18n.Args{"Refs": strings.Join(l.References, "; ")}), l.ReferencesLang)
}

// findingBlock is one requirement's finding, wrapped and measured before
// it is drawn, so that it is kept on one page (or, longer than a page, its
// heading kept with its first lines).
type findingBlock struct {
	title       []string // bold, beside the verdict mark
	mark        string
	markCol     rgb
	meta, refs  []string // small, muted
	informative []string // italic
	fields      []findingField
}

// findingField is a labelled part of a finding: notes, justification,
// corrective action, evidence.
type findingField struct {
	label string
	lines []string
}

// Measures of a finding block, in millimetres.
const (
	findTitleH = 4.8
	findMetaH  = 3.8
	findInfoH  = 4.2
	findLabelH = 4.0
	findLineH  = 4.3
	findTailH  = 1.5 + 2.5 // the gap, the rule, the gap
	findIndent = 4.0
	findMarkW  = 46.0
)

// head is the height of the title, its small lines and the first field's
// label with its first two lines: what never parts.
func (b *findingBlock) head() float64 {
	h := float64(len(b.title))*findTitleH + float64(len(b.meta)+len(b.refs))*findMetaH + float64(len(b.informative))*findInfoH
	if len(b.fields) > 0 {
		h += findLabelH + float64(min(len(b.fields[0].lines), 2))*findLineH
	}
	return h
}

// height is the whole block's.
func (b *findingBlock) height() float64 {
	h := float64(len(b.title))*findTitleH + float64(len(b.meta)+len(b.refs))*findMetaH + float64(len(b.informative))*findInfoH
	for _, f := range b.fields {
		h += findLabelH + float64(len(f.lines))*findLineH
	}
	return h + findTailH
}

// findingBlock wraps one requirement's finding: title, verdict, meta and
// references lines, notes, justification, corrective action and due date,
// evidence references.
func (d *doc) findingBlock(a *audit.Audit, id, title, meta, refs string, ap audit.Applicability, dueYear int, figs map[string]int) *findingBlock {
	p := d.pdf
	v := a.VerdictOf(id)
	f := a.Findings[id]
	b := &findingBlock{mark: d.word(verdictIDs[v], string(v)), markCol: verdictCol[v]}
	if ap == audit.Informative {
		b.mark, b.markCol = d.t("informative", nil), colInformative
		if v != audit.Open {
			b.mark = d.t("informative", nil) + " · " + d.verdictShort(v)
		}
	}
	d.font("B", 9.5, colText)
	b.title = wrap(p, id+"  "+title, contentW-findMarkW-2)
	d.font("", 7.5, colMuted)
	if meta != "" {
		b.meta = wrap(p, meta, contentW)
	}
	if refs != "" {
		b.refs = wrap(p, refs, contentW)
	}
	if ap == audit.Informative {
		d.font("I", 8.5, colInformative)
		b.informative = wrap(p, d.t("informative_due", i18n.Args{"Year": dueYear}), contentW-findIndent)
	}
	d.font("", 9, colText)
	field := func(label, text string) {
		if strings.TrimSpace(text) != "" {
			b.fields = append(b.fields, findingField{label: label, lines: wrap(p, text, contentW-findIndent)})
		}
	}
	if f != nil {
		field(d.t("label_notes", nil), f.Notes)
		if v == audit.NA || v.IsNonConformity() {
			field(d.t("label_justification", nil), f.Justification)
		}
		if v.IsNonConformity() {
			due := a.DueDate(id)
			ca := f.CorrectiveAction
			if due != "" {
				ca = strings.TrimSpace(ca + "\n" + d.t("due_line", i18n.Args{"Date": d.l.DateText(due)}))
			}
			field(d.t("col_corrective_action", nil), ca)
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
			field(d.t("label_evidence", nil), strings.Join(refs, "; "))
		}
	}
	d.body()
	return b
}

// requirement draws one finding block, kept on one page when it fits on
// one.
func (d *doc) requirement(a *audit.Audit, id, title, meta, refs string, ap audit.Applicability, dueYear int, figs map[string]int) {
	d.drawFinding(d.findingBlock(a, id, title, meta, refs, ap, dueYear, figs))
}

// drawFinding draws a measured finding block.
func (d *doc) drawFinding(b *findingBlock) {
	p := d.pdf
	if h := b.height(); h <= layout.PageRoom {
		d.room(h)
	} else {
		d.room(b.head())
	}
	y := d.y()
	d.font("B", 9.5, colText)
	for i, l := range b.title {
		p.SetXY(marginL, y+float64(i)*findTitleH)
		p.CellFormat(contentW-findMarkW-2, findTitleH, l, "", 0, "L", false, 0, "")
	}
	d.marker(marginL+contentW-findMarkW, y, b.markCol, b.mark)
	p.SetXY(marginL, y+float64(len(b.title))*findTitleH)
	lines := func(ls []string, x, lh float64) {
		for _, l := range ls {
			p.SetX(x)
			p.CellFormat(contentW-(x-marginL), lh, l, "", 1, "L", false, 0, "")
		}
	}
	d.font("", 7.5, colMuted)
	lines(b.meta, marginL, findMetaH)
	lines(b.refs, marginL, findMetaH)
	d.font("I", 8.5, colInformative)
	lines(b.informative, marginL+findIndent, findInfoH)
	for _, f := range b.fields {
		// A label never stands alone: with its first two lines at least.
		d.room(findLabelH + float64(min(len(f.lines), 2))*findLineH)
		p.SetX(marginL + findIndent)
		d.font("B", 8, colMuted)
		p.CellFormat(contentW-findIndent, findLabelH, f.label, "", 1, "L", false, 0, "")
		d.font("", 9, colText)
		lines(f.lines, marginL+findIndent, findLineH)
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
	d.h1(d.t("signature_title", nil))
	name := a.Header.LeadInspector
	if opts.Signer != nil && opts.Signer.Name != "" {
		name = opts.Signer.Name
	}
	rows := [][2]string{
		{d.t("signature_inspector", nil), orDash(name)},
		{d.t("signature_date", nil), opts.Now.Format("2006-01-02 15:04:05 MST")},
		{d.t("signature_place", nil), orDash(opts.Place)},
	}
	if opts.Signer != nil && !opts.Draft {
		rows = append(rows,
			[2]string{d.t("signature_cert_subject", nil), opts.Signer.Subject},
			[2]string{d.t("signature_cert_issuer", nil), opts.Signer.Issuer},
			[2]string{d.t("signature_fingerprint", nil), splitFingerprint(opts.Signer.Fingerprint)},
		)
	}
	d.kv(rows, 58)
	d.gap(4)
	if opts.Draft || opts.Signer == nil {
		d.box(colDraft, d.t("draft_banner", nil), []string{d.t("signature_draft", nil)})
	} else {
		d.signatureBox()
		d.box(colAccent, "", []string{d.t("signature_signed", nil)})
	}
	how := []string{d.t("signature_verify_assay", nil), d.t("signature_verify_pdfsig", nil),
		d.t("signature_verify_data", nil), d.t("signature_verify_trust", nil)}
	d.body()
	d.h2Keep(d.t("signature_how_to_verify", nil), d.BulletHeight(how[0]))
	d.bullets(how)
	d.decisionBlock()
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

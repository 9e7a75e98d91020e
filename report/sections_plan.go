package report

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/internal/layout"
	"github.com/assay-dev/assay/standards"
)

// The sections a certification body working to ISO 17065 / ISO 19011
// looks for beyond the findings: the audit plan and scope, the sampling
// (planned and actual), the people interviewed (by pseudonym, never by
// name), the closing meeting with the auditee's word, and a blank block
// for the body's own decision.

// Message keys for the typed values these sections word.
var (
	genderIDs = map[audit.Gender]string{audit.Woman: "gender_woman", audit.Man: "gender_man",
		audit.OtherGender: "gender_other", audit.Mixed: "gender_mixed"}
	responseIDs = map[audit.Response]string{audit.Accepts: "response_accepts",
		audit.AcceptsWithComments: "response_accepts_with_comments", audit.Disputes: "response_disputes"}
)

// planScope draws the audit plan and scope (ISO 19011:2018 §6.5.1 a–f, j,
// k and the parts of the plan a report may refer to): objectives, scope,
// period, criteria, what was not covered and why, obstacles, unresolved
// diverging opinions; then the sampling statement and the sample planned
// and taken.
func (d *doc) planScope(a *audit.Audit, cat *standards.Catalog) {
	h := a.Header
	pl := h.Plan
	d.h1(d.t("plan_title", nil))
	cl := cat.In(d.l.Lang())
	criteria := d.t("criteria_catalog", i18n.Args{"Name": d.inLang(cl.Name, cl.NameLang), "ID": a.Catalog.ID, "Version": a.Catalog.Version})
	if s := strings.TrimSpace(pl.Criteria); s != "" {
		criteria += "\n" + s
	}
	none := d.t("none_recorded", nil)
	rows := [][2]string{
		{d.t("plan_objectives", nil), orText(pl.Objectives, d.t("default_objectives", nil))},
		{d.t("plan_scope", nil), orText(pl.Scope, orDash(h.FSP.Description))},
		{d.t("plan_period", nil), orDash(pl.Period)},
		{d.t("plan_criteria", nil), criteria},
		{d.t("plan_not_covered", nil), orText(pl.NotCovered, none)},
		{d.t("plan_obstacles", nil), orText(pl.Obstacles, none)},
		{d.t("plan_diverging", nil), orText(pl.Diverging, none)},
	}
	for i := range rows {
		// A paragraph break in a two-column row reads as a line break.
		rows[i][1] = closeUp(rows[i][1])
	}
	d.kv(rows, 50)
	d.sampling(a)
}

// closeUp turns the blank lines between paragraphs into single line
// breaks.
func closeUp(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	for strings.Contains(s, "\n\n") {
		s = strings.ReplaceAll(s, "\n\n", "\n")
	}
	return s
}

// orText is s, or fallback when s is blank.
func orText(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// sampling draws the sampling statement and the table of planned and
// actual samples.
func (d *doc) sampling(a *audit.Audit) {
	h := a.Header
	lines := audit.SamplePlan(h, audit.DefaultSampleRule)
	statement := orText(h.Plan.SamplingStatement, d.t("default_sampling_statement", nil))
	rule := d.t("sampling_rule", i18n.Args{"Rule": d.ruleText(h.Sampling.RuleOr(audit.DefaultSampleRule))})
	cols := []column{{title: d.t("col_sample", nil), w: 44}, {title: d.t("col_population", nil), w: 21, align: "R"},
		{title: d.t("col_planned", nil), w: 19, align: "R"}, {title: d.t("col_actual", nil), w: 16, align: "R"},
		{title: d.t("col_rationale", nil), w: contentW - 100}}
	var rows [][]cell
	for _, l := range lines {
		actual := d.t("actual_not_recorded", nil)
		if l.Actual > 0 {
			actual = d.l.Int(l.Actual)
		}
		var col *rgb
		if l.Short {
			c := colWarn
			col = &c
		}
		rows = append(rows, []cell{{text: d.sampleLine(l)}, {text: d.l.Int(l.Population)}, {text: d.l.Int(l.Planned)},
			{text: actual, bold: l.Short, color: col}, {text: orDash(l.Rationale)}})
	}
	// The statement, the rule and the table read as one: on a new page
	// when they do not fit on this one but would on a fresh one.
	d.body()
	need := 10 + float64(len(d.Wrap(statement, contentW)))*lineH + 2 + float64(len(d.Wrap(rule, contentW)))*4 + d.tableHeight(cols, rows)
	if need < layout.PageBottom-layout.MarginTop {
		d.room(need)
	}
	d.h2(d.t("sampling_title", nil))
	d.body()
	d.para(statement, contentW, lineH)
	if len(lines) == 0 {
		d.gap(1)
		d.font("I", bodySize, colMuted)
		d.para(d.t("sampling_none", nil), contentW, lineH)
		d.body()
		return
	}
	d.gap(1)
	d.font("I", 8.5, colMuted)
	d.para(rule, contentW, 4)
	d.body()
	d.gap(1)
	d.table(cols, rows)
}

// tableHeight is the height (mm) table would take with these rows, as
// layout.Doc.Table draws them on one page.
func (d *doc) tableHeight(cols []column, rows [][]cell) float64 {
	h := layout.TableLineH + 2*layout.CellPadY
	for _, r := range rows {
		n := 1
		for i, c := range r {
			if i >= len(cols) {
				break
			}
			style := ""
			if c.bold {
				style = "B"
			}
			d.pdf.SetFont(layout.FontSans, style, layout.TableSize)
			n = max(n, len(d.Wrap(c.text, cols[i].w-2*layout.CellPadX)))
		}
		h += float64(n)*layout.TableLineH + 2*layout.CellPadY
	}
	d.body()
	return h + 2
}

// sampleLine names a line of the sampling plan: "Mines visited", "Miners
// interviewed", "Pallaqueras interviewed".
func (d *doc) sampleLine(l audit.SampleLine) string {
	switch l.Unit {
	case audit.UnitMines:
		return d.t("sample_mines", nil)
	case audit.UnitPlants:
		return d.t("sample_plants", nil)
	case audit.UnitMiners:
		return d.t("sample_miners", nil)
	}
	name := strings.TrimSpace(l.Name)
	if name == "" {
		name = d.t("sample_unnamed_group", nil)
	}
	return d.t("sample_group", i18n.Args{"Name": name})
}

// ruleText words a sampling rule.
func (d *doc) ruleText(r audit.SampleRule) string {
	switch r.Kind {
	case audit.SampleAll:
		return d.t("rule_all", nil)
	case audit.SamplePercent:
		return d.t("rule_percent", i18n.Args{"Percent": r.Percent, "Minimum": r.Minimum})
	}
	return d.t("rule_sqrt", i18n.Args{"Minimum": r.Minimum})
}

// people draws the people-interviewed counts by role and gender: from the
// interview register, or the hand-typed table of an audit made before it.
func (d *doc) people(a *audit.Audit) {
	d.h2(d.t("people_title", nil))
	rows, fromRegister := audit.PeopleInterviewed(a.Header)
	if len(rows) == 0 {
		d.para(d.t("no_interviews", nil), contentW, lineH)
		return
	}
	total := d.t("total", nil)
	cols := []column{{title: d.t("col_role", nil), w: 74}, {title: d.t("col_women", nil), w: 20, align: "R"},
		{title: d.t("col_men", nil), w: 20, align: "R"}, {title: d.t("col_other", nil), w: 20, align: "R"}}
	mixed := false
	for _, r := range rows {
		mixed = mixed || r.Mixed > 0
	}
	if mixed {
		cols = append(cols, column{title: d.t("col_mixed", nil), w: 20, align: "R"})
	}
	cols = append(cols, column{title: total, w: contentW - 134, align: "R"})
	if mixed {
		cols[0].w -= 20
	}
	line := func(label string, r audit.PeopleCount, bold bool) []cell {
		cs := []cell{{text: label, bold: bold}, {text: d.l.Int(r.Women), bold: bold}, {text: d.l.Int(r.Men), bold: bold},
			{text: d.l.Int(r.Other), bold: bold}}
		if mixed {
			cs = append(cs, cell{text: d.l.Int(r.Mixed), bold: bold})
		}
		return append(cs, cell{text: d.l.Int(r.Total()), bold: bold})
	}
	var out [][]cell
	var sum audit.PeopleCount
	for _, r := range rows {
		out = append(out, line(r.Role, r, false))
		sum.Women, sum.Men, sum.Other, sum.Mixed = sum.Women+r.Women, sum.Men+r.Men, sum.Other+r.Other, sum.Mixed+r.Mixed
		sum.Interviews += r.Interviews
	}
	out = append(out, line(total, sum, true))
	d.table(cols, out)
	d.font("I", 8, colMuted)
	if fromRegister {
		d.para(d.n("people_note", sum.Interviews, nil), contentW, 3.8)
	} else {
		d.para(d.t("people_note_table", nil), contentW, 3.8)
	}
	d.body()
}

// closingMeeting draws the closing meeting's record and, in a box of its
// own, the auditee representative's acknowledgement (or why there is
// none). The representative speaks for the ASMO: their name is printed.
func (d *doc) closingMeeting(a *audit.Audit) {
	p := d.pdf
	rows, title, edge, lines := d.closingParts(a)
	// The whole record on one page when it fits: a date at the foot of a
	// page and the auditee's word at the top of the next read as two
	// meetings.
	body := lineH
	if len(rows) > 0 {
		body = d.KVHeight(rows, 40)
	}
	d.keep(5 + body + 1 + d.BoxHeight(title, lines))
	d.room(5 + 2*lineH)
	d.font("B", 9, colText)
	p.CellFormat(contentW, 5, d.t("closing_meeting", nil), "", 1, "L", false, 0, "")
	d.body()
	if len(rows) == 0 {
		d.font("I", bodySize, colMuted)
		d.para(d.t("no_meeting_notes", nil), contentW, lineH)
		d.body()
	} else {
		d.kv(rows, 40)
	}
	d.gap(1)
	d.box(edge, title, lines)
}

// closingParts are the closing meeting's record as key/value rows (their
// paragraph breaks closed up) and the acknowledgement's box: its title,
// edge colour and lines.
func (d *doc) closingParts(a *audit.Audit) (rows [][2]string, title string, edge rgb, lines []string) {
	c := a.Header.Closing
	if s := strings.TrimSpace(c.Date); s != "" {
		rows = append(rows, [2]string{d.t("closing_date", nil), d.l.DateText(s)})
	}
	if s := strings.TrimSpace(c.Participants); s != "" {
		rows = append(rows, [2]string{d.t("closing_participants", nil), s})
	}
	if s := strings.TrimSpace(c.Presented); s != "" {
		rows = append(rows, [2]string{d.t("closing_presented", nil), s})
	}
	if s := strings.TrimSpace(a.Header.ClosingMeeting); s != "" {
		rows = append(rows, [2]string{d.t("closing_notes", nil), s})
	}
	for i := range rows {
		rows[i][1] = closeUp(rows[i][1])
	}
	title = d.t("ack_title", nil)
	switch {
	case c.Response != "":
		lines = []string{
			d.t("ack_by", i18n.Args{"Name": orDash(c.RepName), "Role": orDash(c.RepRole)}),
			d.t("ack_response", i18n.Args{"Response": d.word(responseIDs[c.Response], string(c.Response))}),
		}
		if s := strings.TrimSpace(c.Comments); s != "" {
			lines = append(lines, d.t("ack_comments", nil), "“"+s+"”")
		}
		edge = colAccent
		if c.Response == audit.Disputes {
			edge = verdictCol[audit.Major]
		}
	case strings.TrimSpace(c.NotObtained) != "":
		edge, lines = colWarn, []string{d.t("ack_not_obtained", nil), c.NotObtained}
	default:
		edge, lines = colMuted, []string{d.t("ack_none", nil)}
	}
	return rows, title, edge, lines
}

// interviewRegister lists the interviews by pseudonym, with the findings
// that cite each: what the certification body may read of the people
// heard. Real names stay with the inspector (never in the audit data).
func (d *doc) interviewRegister(a *audit.Audit, cat *standards.Catalog) {
	reg := a.Header.Register
	if len(reg) == 0 {
		return
	}
	d.h1(d.t("register_title", nil))
	d.font("I", 8.5, colMuted)
	d.para(d.t("register_note", nil), contentW, 4)
	d.body()
	d.gap(2)
	cited := audit.CitingFindings(a, cat)
	cols := []column{{title: d.t("col_pseudonym", nil), w: 20}, {title: d.t("col_role", nil), w: 31},
		{title: d.t("col_gender", nil), w: 16}, {title: d.t("col_site", nil), w: 26}, {title: d.t("col_date", nil), w: 20},
		{title: d.t("col_people", nil), w: 17, align: "R"}, {title: d.t("col_topics", nil), w: 22},
		{title: d.t("col_cited", nil), w: contentW - 152}}
	var rows [][]cell
	var follow []string
	for _, iv := range reg {
		if !iv.Held() {
			follow = append(follow, d.t("follow_up_item", i18n.Args{"Pseudonym": iv.Pseudonym, "Role": orDash(iv.Role)}))
			continue
		}
		people := strconv.Itoa(iv.People())
		var topics []string
		for _, t := range iv.Topics {
			topics = append(topics, d.areaName(t))
		}
		rows = append(rows, []cell{{text: iv.Pseudonym, bold: true}, {text: orDash(iv.Role)},
			{text: d.word(genderIDs[iv.Gender], string(iv.Gender))}, {text: orDash(iv.Site)}, {text: orDash(iv.Date)},
			{text: people}, {text: orDash(strings.Join(topics, "\n"))}, {text: orDash(strings.Join(cited[iv.Pseudonym], ", "))}})
	}
	if len(rows) > 0 {
		d.table(cols, rows)
	}
	if len(follow) > 0 {
		d.h2(d.t("follow_up_title", nil))
		d.bullets(follow)
	}
}

// decisionBlock leaves the certification body a blank block on the last
// page for its own decision: what it decided, when, who, and a signature,
// to fill in its own system or on paper. It is kept whole on one page.
func (d *doc) decisionBlock() {
	p := d.pdf
	const rowH, labelW, boxW, optGap = 11.0, 42.0, 4.5, 8.0
	options := []string{d.t("decision_certify", nil), d.t("decision_conditions", nil), d.t("decision_refuse", nil)}
	// The decision's options, on as many lines as they need.
	d.font("", 9, colText)
	x0, right := marginL+4+labelW, marginL+contentW-4
	type opt struct {
		text string
		x, y float64
	}
	var opts []opt
	x, line := x0, 0
	for _, o := range options {
		w := boxW + p.GetStringWidth(o) + 2
		if x+w > right && x > x0 {
			x, line = x0, line+1
		}
		opts = append(opts, opt{o, x, float64(line) * 6})
		x += w + optGap
	}
	decisionH := rowH + float64(line)*6
	h := 3 + 6 + 5 + 3 + decisionH + 3*rowH + 4
	d.room(h + 6)
	d.gap(4)
	y := d.y()
	d.draw(colAccent)
	p.SetLineWidth(0.4)
	p.Rect(marginL, y, contentW, h, "D")
	p.SetXY(marginL+4, y+3)
	d.font("B", 11, colAccent)
	p.CellFormat(contentW-8, 6, d.t("decision_title", nil), "", 1, "L", false, 0, "")
	p.SetX(marginL + 4)
	d.font("I", 8, colMuted)
	p.CellFormat(contentW-8, 5, d.t("decision_note", nil), "", 1, "L", false, 0, "")
	yy := p.GetY() + 3
	label := func(text string) {
		p.SetXY(marginL+4, yy)
		d.font("", 9, colMuted)
		p.CellFormat(labelW, 6, text, "", 0, "L", false, 0, "")
	}
	// The decision: boxes to tick, each with its word.
	label(d.t("decision_label", nil))
	d.font("", 9, colText)
	for _, o := range opts {
		d.draw(colText)
		p.SetLineWidth(0.3)
		p.Rect(o.x, yy+o.y+1.4, 3.2, 3.2, "D")
		p.SetXY(o.x+boxW, yy+o.y)
		p.CellFormat(p.GetStringWidth(o.text)+1, 6, o.text, "", 0, "L", false, 0, "")
	}
	yy += decisionH
	for _, l := range []string{d.t("decision_date", nil), d.t("decision_name", nil), d.t("decision_signature", nil)} {
		label(l)
		d.draw(colRule)
		p.SetLineWidth(0.3)
		p.Line(x0, yy+6, right, yy+6)
		yy += rowH
	}
	const k = 72 / 25.4 // mm to points
	d.decisionBox = &sigBox{Page: p.PageNo(), Rect: [4]float64{marginL * k, (pageH - y - h) * k, (marginL + contentW) * k, (pageH - y) * k}}
	p.SetXY(marginL, y+h+2)
	d.body()
}

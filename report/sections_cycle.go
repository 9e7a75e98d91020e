package report

import (
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The yearly cycle in the report: which audit this one started from, how
// the catalog changed since, the scope of a follow-up audit, and what this
// audit found of the previous audit's corrective actions.

// Message keys of the cycle's words.
var (
	caStatusIDs = map[audit.CAStatus]string{audit.CAToVerify: "ca_to_verify", audit.CAClosed: "ca_closed",
		audit.CANotClosed: "ca_not_closed", audit.CASuperseded: "ca_superseded"}
	weightIDs = map[audit.Weight]string{audit.WeighMajor: "weight_major", audit.WeighMinor: "weight_minor", audit.WeighNone: "weight_none"}
	// changeListIDs head the lists of changed, new and removed requirements.
	changeListIDs = map[audit.ChangeKind]string{audit.ChangedText: "changes_changed", audit.NewRequirement: "changes_new",
		audit.Removed: "changes_removed"}
	changeCellIDs = map[audit.ChangeKind]string{audit.ChangedText: "change_cell_changed", audit.NewRequirement: "change_cell_new",
		audit.Removed: "change_cell_removed"}
)

// caColour paints a corrective action's status, always beside its word.
var caColour = map[audit.CAStatus]rgb{
	audit.CAToVerify: colMuted, audit.CAClosed: verdictCol[audit.Conforms],
	audit.CANotClosed: verdictCol[audit.Major], audit.CASuperseded: verdictCol[audit.NA],
}

// cycleReasonText words the reasons of the previous audit's corrective
// actions; any other kind is left as its code.
func (d *doc) cycleReasonText(r audit.Reason, title string) string {
	switch r.Kind {
	case audit.ReasonPreviousToVerify:
		return d.n("reason_prev_to_verify", r.Open, i18n.Args{"IDs": strings.Join(r.Requirements, ", ")})
	case audit.ReasonPreviousEscalated, audit.ReasonPreviousNotClosed:
		args := i18n.Args{"ID": r.Requirement, "Title": title, "Severity": d.severity(r.Severity), "Report": r.PreviousReport,
			"When": d.whenDue(r.DueDate, r.Overdue), "CountsAs": d.severity(audit.Verdict(r.CountsAs))}
		switch {
		case r.Kind == audit.ReasonPreviousEscalated:
			return d.t("reason_prev_escalated", args)
		case r.CountsAs == audit.WeighNone:
			return d.t("reason_prev_not_closed_info", args)
		}
		return d.t("reason_prev_not_closed", args)
	}
	return string(r.Kind)
}

// whenDue says when a corrective action was due, and whether that passed.
func (d *doc) whenDue(due string, overdue bool) string {
	switch {
	case due == "":
		return d.t("ca_when_no_due", nil)
	case overdue:
		return d.t("ca_when_overdue", i18n.Args{"Due": d.l.DateText(due)})
	}
	return d.t("ca_when_in_time", i18n.Args{"Due": d.l.DateText(due)})
}

// previousAudit draws the scope of a audit started from a previous one,
// as a part of the audit plan and scope (it follows planScope on its
// page): which audit (and from where, with its content hash and signer),
// the catalog's changes since, and for a follow-up audit, that it verifies
// the corrective actions only. Nothing for an audit started blank.
func (d *doc) previousAudit(a *audit.Audit) {
	p := a.Previous
	if p == nil {
		return
	}
	title := d.t("previous_title", nil)
	if a.Header.AuditType == audit.FollowUp && len(a.Header.FollowUpScope) > 0 {
		boxTitle := d.t("follow_up_scope_title", nil)
		lines := []string{d.n("follow_up_scope", len(a.Header.FollowUpScope), i18n.Args{"IDs": strings.Join(a.Header.FollowUpScope, ", ")})}
		d.h2Keep(title, d.BoxHeight(boxTitle, lines))
		d.box(colAccent, boxTitle, lines)
	} else {
		d.h2Keep(title, 2*(5+1.5))
	}
	source := d.t("previous_from_home", nil)
	if p.Source == audit.FromReport {
		source = d.t("previous_from_report", i18n.Args{"File": p.File})
	}
	dates := d.t("dates_range", i18n.Args{"Start": orDash(d.l.DateText(p.StartDate)), "End": orDash(d.l.DateText(p.EndDate))})
	rows := [][2]string{
		{d.t("label_report_id", nil), orDash(p.ReportID)},
		{d.t("previous_label_source", nil), source},
		{d.t("label_audit_type", nil), d.word(auditTypeIDs[p.AuditType], string(p.AuditType))},
		{d.t("label_dates", nil), dates},
		{d.t("label_content_hash", nil), orDash(p.ContentHash)},
		{d.t("label_standard", nil), p.Catalog.ID + " " + p.Catalog.Version},
	}
	if p.Signer != nil {
		rows = append(rows, [2]string{d.t("previous_label_signer", nil), p.Signer.Subject + "\n" + splitFingerprint(p.Signer.Fingerprint)})
	}
	d.kv(rows, 50)
	d.gap(2)
	d.h2(d.t("changes_title", nil))
	d.body()
	c := p.Changes
	from, to := c.From.ID+" "+c.From.Version, c.To.ID+" "+c.To.Version
	switch {
	case c.SameCatalog():
		d.para(d.t("changes_same", i18n.Args{"Catalog": to}), contentW, lineH)
	case !c.Compared:
		d.para(d.t("changes_not_compared", i18n.Args{"From": from, "To": to}), contentW, lineH)
	case !c.Any():
		d.para(d.t("changes_none", i18n.Args{"From": from, "To": to, "Count": d.l.Int(c.Unchanged)}), contentW, lineH)
	default:
		d.para(d.t("changes_intro", i18n.Args{"From": from, "To": to, "Unchanged": d.l.Int(c.Unchanged)}), contentW, lineH)
	}
	var items []string
	for _, k := range []struct {
		ids  []string
		kind audit.ChangeKind
	}{{c.Changed, audit.ChangedText}, {c.New, audit.NewRequirement}, {c.Removed, audit.Removed}} {
		if len(k.ids) > 0 {
			say := d.l.N
			items = append(items, say(changeListIDs[k.kind], len(k.ids), i18n.Args{"IDs": strings.Join(k.ids, ", ")}))
		}
	}
	if len(items) > 0 {
		d.bullets(items)
	}
	d.gap(2)
}

// correctiveActions draws the section "Corrective actions from the
// previous audit": each old non-conformity, its action and due date, what
// this audit found and the evidence, and what an action not closed
// weighs by the escalation rule, which the section states.
func (d *doc) correctiveActions(a *audit.Audit, cat *standards.Catalog, s *audit.Summary) {
	if a.Previous == nil {
		return
	}
	d.h1(d.t("ca_title", nil))
	d.body()
	if len(s.CorrectiveActions) == 0 {
		d.para(d.t("ca_none", i18n.Args{"Report": a.Previous.ReportID}), contentW, lineH)
		return
	}
	rule := a.Rule()
	weight := func(w audit.Weight) string { return d.word(weightIDs[w], string(w)) }
	d.para(d.t("ca_intro", i18n.Args{"Report": a.Previous.ReportID}), contentW, lineH)
	d.gap(1)
	d.font("I", 8, colMuted)
	d.para(d.t("ca_rule", i18n.Args{"MinorOverdue": weight(rule.MinorOverdue), "MinorInTime": weight(rule.MinorInTime),
		"Major": weight(rule.Major)}), contentW, 3.8)
	d.body()
	d.gap(2)
	cols := []column{{title: d.t("col_requirement", nil), w: 34}, {title: d.t("col_severity", nil), w: 18},
		{title: d.t("col_corrective_action", nil), w: 40}, {title: d.t("col_due", nil), w: 21},
		{title: d.t("col_ca_status", nil), w: 22}, {title: d.t("col_ca_evidence", nil), w: 39}}
	var rows [][]cell
	for _, r := range s.CorrectiveActions {
		req := r.Requirement + " " + d.reqTitle(cat, r.Requirement)
		if id := changeCellIDs[r.Change]; id != "" {
			req += " (" + d.l.Word(id) + ")"
		}
		status := d.word(caStatusIDs[r.Status], string(r.Status))
		if r.Proposed {
			status = d.t("ca_proposed", i18n.Args{"Status": status})
		}
		due := orDash(r.Due)
		switch {
		case r.Due != "" && r.Undated:
			// A draft of an audit without dates: overdue is the
			// heavier reading, not a fact.
			due = d.t("ca_due_undated", i18n.Args{"Due": r.Due})
		case r.Due != "" && r.Overdue:
			due = d.t("ca_due_passed", i18n.Args{"Due": r.Due})
		}
		evidence := strings.TrimSpace(r.Notes)
		if r.CountsAs != "" {
			evidence = joinNonEmpty("\n", evidence, d.t("ca_counts_as", i18n.Args{"Weight": weight(r.CountsAs)}))
		}
		sc, vc := caColour[r.Status], verdictCol[r.Severity]
		rows = append(rows, []cell{
			{text: strings.TrimSpace(req)},
			{text: d.verdictShort(r.Severity), bold: true, color: &vc},
			{text: orDash(r.Action)},
			{text: due},
			{text: status, bold: true, color: &sc},
			{text: orDash(evidence)},
		})
	}
	d.table(cols, rows)
}

package main

import (
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The CLI's words for the yearly cycle's data (assay new, assay show): the
// recommendation's reasons, the corrective actions and their statuses, the
// catalog's changes. Kept apart from domain_words.go so the cycle's words
// are one block, here and in locales/.

// Message keys of the cycle's words.
var (
	auditTypeIDs = map[audit.AuditType]string{
		audit.Initial: "audit_type_initial", audit.Surveillance: "audit_type_surveillance",
		audit.Recertification: "audit_type_recertification", audit.FollowUp: "audit_type_follow_up",
	}
	caStatusIDs = map[audit.CAStatus]string{
		audit.CAToVerify: "ca_to_verify", audit.CAClosed: "ca_closed", audit.CANotClosed: "ca_not_closed",
		audit.CASuperseded: "ca_superseded",
	}
	weightIDs = map[audit.Weight]string{audit.WeighMajor: "weight_major", audit.WeighMinor: "weight_minor", audit.WeighNone: "weight_none"}
	// changeCountIDs say how many requirements changed in one way.
	changeCountIDs = map[audit.ChangeKind]string{
		audit.ChangedText: "changes_changed", audit.NewRequirement: "changes_new", audit.Removed: "changes_removed",
	}
	changeMarkIDs = map[audit.ChangeKind]string{
		audit.ChangedText: "change_mark_changed", audit.NewRequirement: "change_mark_new", audit.Removed: "change_mark_removed",
	}
)

// caGlyphs mark a corrective action's status, as the verdicts are marked.
var caGlyphs = map[audit.CAStatus]string{audit.CAToVerify: "?", audit.CAClosed: "✓", audit.CANotClosed: "✗", audit.CASuperseded: "–"}

func (e *env) auditTypeText(t audit.AuditType) string { return e.word(auditTypeIDs[t], string(t)) }

// sayCount says a message of a table of ids in the plural form for n.
func (e *env) sayCount(id string, n int, args i18n.Args) string {
	say := e.localizer().N
	return say(id, n, args)
}

// reasonText words one reason audit.Summarize gave for the
// recommendation: the rules live in audit, the CLI only says them.
func (e *env) reasonText(r audit.Reason, cat *standards.Catalog) string {
	title := e.reqTitle(cat, r.Requirement)
	switch r.Kind {
	case audit.ReasonMajor:
		return e.t("reason_major", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonCritical:
		return e.t("reason_critical", i18n.Args{"ID": r.Requirement, "Title": title, "Severity": e.severityText(r.Severity)})
	case audit.ReasonMinor:
		return e.t("reason_minor", i18n.Args{"ID": r.Requirement, "Title": title, "Due": r.DueDate})
	case audit.ReasonMinorNoDueDate:
		return e.t("reason_minor_no_due", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonStillOpen:
		areas := make([]string, len(r.OpenByArea))
		for i, ac := range r.OpenByArea {
			areas[i] = e.t("reason_open_area", i18n.Args{"Area": e.areaText(ac.Area), "Count": ac.Count})
		}
		return e.n("reason_still_open", r.Open, i18n.Args{"Applicable": r.Applicable, "Areas": strings.Join(areas, ", ")})
	case audit.ReasonAllConform:
		return e.n("reason_all_conform", r.Applicable, i18n.Args{"Conforming": r.Conforming, "NA": r.NotApplicable})
	case audit.ReasonNothingApplies:
		return e.t("reason_nothing_applies", nil)
	case audit.ReasonInformative:
		return e.n("reason_informative", len(r.Requirements), i18n.Args{"IDs": idList(r.Requirements)})
	case audit.ReasonPreviousToVerify:
		return e.n("reason_prev_to_verify", r.Open, i18n.Args{"IDs": idList(r.Requirements)})
	case audit.ReasonPreviousEscalated, audit.ReasonPreviousNotClosed:
		args := i18n.Args{"ID": r.Requirement, "Title": title, "Severity": e.severityText(r.Severity),
			"Report": r.PreviousReport, "When": e.whenDue(r.DueDate, r.Overdue), "CountsAs": e.severityText(audit.Verdict(r.CountsAs))}
		switch {
		case r.Kind == audit.ReasonPreviousEscalated:
			return e.t("reason_prev_escalated", args)
		case r.CountsAs == audit.WeighNone:
			return e.t("reason_prev_not_closed_info", args)
		}
		return e.t("reason_prev_not_closed", args)
	}
	return string(r.Kind)
}

// whenDue says when a corrective action was due, and whether that passed.
func (e *env) whenDue(due string, overdue bool) string {
	switch {
	case due == "":
		return e.t("ca_when_no_due", nil)
	case overdue:
		return e.t("ca_when_overdue", i18n.Args{"Due": due})
	}
	return e.t("ca_when_in_time", i18n.Args{"Due": due})
}

// cycleBlockerText words the blockers of the previous audit's corrective
// actions ("" for any other kind).
func (e *env) cycleBlockerText(b audit.Blocker, title string) string {
	switch b.Kind {
	case audit.BlockCAToVerify:
		return e.n("block_ca_to_verify", len(b.Requirements), i18n.Args{"IDs": idList(b.Requirements)})
	case audit.BlockCAUnconfirmed:
		return e.t("block_ca_unconfirmed", i18n.Args{"ID": b.Requirement})
	case audit.BlockCANoEvidence:
		return e.t("block_ca_no_evidence", i18n.Args{"ID": b.Requirement, "Title": title})
	}
	return ""
}

// caLine is one corrective action: its status, the requirement, the old
// non-conformity, the action and due date, and what it weighs now.
func (e *env) caLine(r audit.CAResult, cat *standards.Catalog) string {
	title := e.reqTitle(cat, r.Requirement)
	status := e.word(caStatusIDs[r.Status], string(r.Status))
	if r.Proposed {
		status = e.t("ca_proposed", i18n.Args{"Status": status})
	}
	parts := []string{caGlyphs[r.Status] + " " + strings.TrimSpace(r.Requirement+" "+title),
		e.t("ca_severity", i18n.Args{"Severity": e.severityText(r.Severity)}), status}
	if m := changeMarkIDs[r.Change]; m != "" {
		parts = append(parts, e.word(m, ""))
	}
	if a := strings.TrimSpace(r.Action); a != "" {
		parts = append(parts, verLine(a))
	}
	switch {
	case r.Due == "":
		parts = append(parts, e.t("ca_when_no_due", nil))
	case r.Undated:
		parts = append(parts, e.t("ca_due_undated", i18n.Args{"Due": r.Due}))
	case r.Overdue:
		parts = append(parts, e.t("ca_due_passed", i18n.Args{"Due": r.Due}))
	default:
		parts = append(parts, e.t("ca_due", i18n.Args{"Due": r.Due}))
	}
	if r.CountsAs != "" {
		parts = append(parts, e.t("ca_counts_as", i18n.Args{"Weight": e.word(weightIDs[r.CountsAs], string(r.CountsAs))}))
	}
	if n := strings.TrimSpace(r.Notes); n != "" {
		parts = append(parts, e.t("ca_notes", i18n.Args{"Notes": verLine(n)}))
	}
	return strings.Join(parts, " — ")
}

package tui

import (
	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The UI's words for the yearly cycle's data: the reasons and blockers of
// the previous audit's corrective actions, their statuses, and the
// catalog's changes since. Kept apart so the cycle's words are one block,
// here and in locales/.

// caStatusIDs word a corrective action's status.
var caStatusIDs = map[audit.CAStatus]string{
	audit.CAToVerify: "ca_to_verify", audit.CAClosed: "ca_closed", audit.CANotClosed: "ca_not_closed",
	audit.CASuperseded: "ca_superseded",
}

// weightIDs word what an action not closed counts as.
var weightIDs = map[audit.Weight]string{audit.WeighMajor: "weight_major", audit.WeighMinor: "weight_minor", audit.WeighNone: "weight_none"}

// caGlyphs mark a corrective action's status beside its word, as the
// verdicts are marked.
var caGlyphs = map[audit.CAStatus]string{audit.CAToVerify: "?", audit.CAClosed: "✓", audit.CANotClosed: "✗", audit.CASuperseded: "–"}

// cycleReasonText words the reasons of the previous audit's corrective
// actions; any other kind is left as its code.
func (w *words) cycleReasonText(r audit.Reason, title string) string {
	switch r.Kind {
	case audit.ReasonPreviousToVerify:
		return w.n("reason_prev_to_verify", r.Open, i18n.Args{"IDs": w.listIDs(r.Requirements)})
	case audit.ReasonPreviousEscalated, audit.ReasonPreviousNotClosed:
		args := i18n.Args{"ID": r.Requirement, "Title": title, "Severity": w.severity(r.Severity), "Report": r.PreviousReport,
			"When": w.whenDue(r.DueDate, r.Overdue), "CountsAs": w.severity(audit.Verdict(r.CountsAs))}
		switch {
		case r.Kind == audit.ReasonPreviousEscalated:
			return w.t("reason_prev_escalated", args)
		case r.CountsAs == audit.WeighNone:
			return w.t("reason_prev_not_closed_info", args)
		}
		return w.t("reason_prev_not_closed", args)
	}
	return string(r.Kind)
}

// whenDue says when a corrective action was due, and whether that passed.
func (w *words) whenDue(due string, overdue bool) string {
	switch {
	case due == "":
		return w.t("ca_when_no_due", nil)
	case overdue:
		return w.t("ca_when_overdue", i18n.Args{"Due": due})
	}
	return w.t("ca_when_in_time", i18n.Args{"Due": due})
}

// cycleBlockerText words the blockers of the corrective actions; any other
// kind is left as its code.
func (w *words) cycleBlockerText(b audit.Blocker, title string) string {
	switch b.Kind {
	case audit.BlockCAToVerify:
		return w.n("block_ca_to_verify", len(b.Requirements), i18n.Args{"IDs": w.listIDs(b.Requirements)})
	case audit.BlockCAUnconfirmed:
		return w.t("block_ca_unconfirmed", i18n.Args{"ID": b.Requirement})
	case audit.BlockCANoEvidence:
		return w.t("block_ca_no_evidence", i18n.Args{"ID": b.Requirement, "Title": title})
	}
	return string(b.Kind)
}

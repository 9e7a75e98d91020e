package audit

import "strings"

// Schema 2 only adds fields, each left out of audit.json while empty (see
// SchemaVersion): a schema 1 file needs nothing changed to read as one.
func init() { migrations[1] = func(map[string]any) error { return nil } }

// keepSchema undoes the schema number a migration wrote when the migration
// changed nothing: an audit keeps saying which assay made it. A finalized
// audit must (its content hash covers the number), and the rules that
// came with schema 2 (the auditee's acknowledgement) apply to audits made
// since, not to a draft made before whose closing notes were its record.
// Files older than schema 1 were migrated for real and become schema 1.
func keepSchema(a *Audit, written int) {
	if written >= 1 && written < a.Schema {
		a.Schema = written
	}
}

// bumpSchema marks a draft being saved with the schema of this assay once
// it holds anything schema 2 added, so that an older assay refuses it
// rather than drop what it cannot read. A finalized revision is never
// bumped: its content hash covers the number it was frozen with. A draft
// of schema 1 that holds nothing new stays 1 (an older assay reads it
// whole, and it keeps its record of the closing meeting: see
// needsAcknowledgement); every audit made by this assay is 2 from New.
func bumpSchema(a *Audit) {
	if a.Schema < SchemaVersion && a.Editable() && usesSchema2(a) {
		a.Schema = SchemaVersion
	}
}

// usesSchema2 reports whether a holds any field schema 2 added: issue
// 13a's plan, register, sampling and closing record, or issue 12's
// previous audit, corrective actions, escalation rule, catalog prints and
// follow-up scope.
func usesSchema2(a *Audit) bool {
	h := a.Header
	return h.Plan != (Plan{}) || len(h.Register) > 0 || h.Sampling.Rule != (SampleRule{}) ||
		len(h.Sampling.Counts) > 0 || h.Closing != (Closing{}) ||
		a.Previous != nil || len(a.CorrectiveActions) > 0 || a.Escalation != nil ||
		len(a.CatalogPrints) > 0 || len(h.FollowUpScope) > 0
}

// needsAcknowledgement reports whether finalizing a needs the auditee's
// acknowledgement: every audit made since schema 2, and an older one
// without closing-meeting notes (its only record of the meeting then).
func needsAcknowledgement(a *Audit) bool {
	return a.Schema >= 2 || a.Schema == 0 || strings.TrimSpace(a.Header.ClosingMeeting) == ""
}

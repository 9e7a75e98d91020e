package tui

import (
	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// Tables from a typed value to the message that words it. They are named
// ...IDs so the tests find every message they use (i18ntest); the words
// themselves are in locales/<lang>.toml.

var screenIDs = map[screen]string{
	screenHome: "screen_home", screenNew: "screen_new", screenWalk: "screen_walk", screenSummary: "screen_summary",
	screenDetails: "screen_details", screenKey: "screen_key", screenActions: "screen_actions",
}

// writeProblemIDs word why a save failed, in a few words. A file size limit
// is worded as a full disk: the same thing to the inspector; the line under
// it has the exact error.
var writeProblemIDs = map[audit.WriteProblem]string{
	audit.WriteFailed: "write_failed", audit.WriteDiskFull: "write_disk_full", audit.WriteSizeLimit: "write_disk_full",
	audit.WriteReadOnly: "write_read_only", audit.WriteDenied: "write_denied",
}

var fileKindIDs = map[safefile.Kind]string{
	safefile.Directory: "file_kind_directory", safefile.FIFO: "file_kind_fifo", safefile.Device: "file_kind_device",
	safefile.Socket: "file_kind_socket", safefile.Irregular: "file_kind_irregular", safefile.TooLarge: "file_kind_too_large",
}

var statusIDs = map[audit.Status]string{audit.Draft: "status_draft", audit.Finalized: "status_finalized"}

var monthShortIDs = [12]string{"month_short_1", "month_short_2", "month_short_3", "month_short_4", "month_short_5",
	"month_short_6", "month_short_7", "month_short_8", "month_short_9", "month_short_10", "month_short_11", "month_short_12"}

// formLabelIDs are the header form's labels, by field key.
var formLabelIDs = map[string]string{
	"catalog": "label_catalog", "asmo": "label_asmo", "legal_id": "label_legal_id", "country": "label_country",
	"region": "label_region", "municipality": "label_municipality", "site": "label_site",
	"coordinates": "label_coordinates", "certification_type": "label_certification_type",
	"certification_year": "label_certification_year", "audit_type": "label_audit_type",
	"start_date": "label_start_date", "end_date": "label_end_date", "lead_inspector": "label_lead_inspector",
	"certification_body": "label_certification_body", "co_inspectors": "label_co_inspectors",
	"fsp.description": "label_fsp_description", "fsp.mines": "label_fsp_mines", "fsp.plants": "label_fsp_plants",
	"fsp.miners": "label_fsp_miners", "sites_visited": "label_sites_visited", "interviews": "label_interviews",
	"opening_meeting": "label_opening_meeting", "closing_meeting": "label_closing_meeting",
	// issue 13a: the details screen's pages and their fields.
	"link.plan": "label_link_plan", "link.interviews": "label_link_interviews", "link.sampling": "label_link_sampling",
	"link.closing": "label_link_closing", "plan.objectives": "label_plan_objectives", "plan.scope": "label_plan_scope",
	"plan.period": "label_plan_period", "plan.criteria": "label_plan_criteria", "plan.not_covered": "label_plan_not_covered",
	"plan.obstacles": "label_plan_obstacles", "plan.diverging_opinions": "label_plan_diverging",
	"plan.sampling_statement": "label_plan_sampling_statement", "closing.date": "label_closing_date",
	"closing.participants": "label_closing_participants", "closing.findings_presented": "label_closing_presented",
	"closing.representative_name": "label_closing_rep_name", "closing.representative_role": "label_closing_rep_role",
	"closing.response": "label_closing_response", "closing.comments": "label_closing_comments",
	"closing.not_obtained_reason": "label_closing_not_obtained",
}

// choiceIDs word the values of the header's choice fields, by field key.
var choiceIDs = map[string]map[string]string{
	"audit_type": {
		string(audit.Initial): "audit_type_initial", string(audit.Surveillance): "audit_type_surveillance",
		string(audit.Recertification): "audit_type_recertification", string(audit.FollowUp): "audit_type_follow_up",
	},
	"certification_type": {string(audit.Fairmined): "cert_type_fairmined", string(audit.Ecological): "cert_type_ecological"},
	"closing.response": {"": "response_none", string(audit.Accepts): "response_accepts",
		string(audit.AcceptsWithComments): "response_accepts_with_comments", string(audit.Disputes): "response_disputes"},
}

// interviewColIDs head the interviews table's columns, in order.
var interviewColIDs = map[string]string{"role": "col_role", "women": "col_women", "men": "col_men", "other": "col_other"}

var areaIDs = map[standards.Area]string{
	standards.Social: "area_social", standards.Economic: "area_economic", standards.Environmental: "area_environmental",
	standards.Labour: "area_labour", standards.Chemicals: "area_chemicals",
}

var verdictIDs = map[audit.Verdict]string{
	audit.Open: "verdict_open", audit.Conforms: "verdict_conforms", audit.Minor: "verdict_minor",
	audit.Major: "verdict_major", audit.NA: "verdict_na",
}

var levelIDs = map[standards.Level]string{standards.Entry: "level_entry", standards.Progress: "level_progress"}

var evidenceKindIDs = map[string]string{
	"document": "evidence_document", "interview": "evidence_interview", "observation": "evidence_observation",
	"measurement": "evidence_measurement",
}

var partyIDs = map[standards.Party]string{
	standards.PartyASMO: "party_asmo", standards.PartyBuyer: "party_buyer", standards.PartyBoth: "party_both",
}

// summaryColIDs head the summary's table, in order.
var summaryColIDs = []string{"summary_col_area", "summary_col_conforms", "summary_col_minor", "summary_col_major",
	"summary_col_na", "summary_col_open", "summary_col_info", "summary_col_done"}

var outcomeIDs = map[audit.Outcome]string{
	audit.Incomplete: "outcome_incomplete", audit.Recommended: "outcome_recommended",
	audit.RecommendedWithConditions: "outcome_with_conditions", audit.NotRecommended: "outcome_not_recommended",
}

var severityIDs = map[audit.Verdict]string{audit.Minor: "severity_minor", audit.Major: "severity_major"}

// problemLabelIDs name a header field inside a problem's sentence.
var problemLabelIDs = map[string]string{
	"asmo": "problem_asmo", "site": "problem_site", "country": "problem_country", "audit_type": "problem_audit_type",
	"certification_type": "problem_certification_type", "certification_year": "problem_certification_year",
	"start_date": "problem_start_date", "end_date": "problem_end_date", "lead_inspector": "problem_lead_inspector",
	"coordinates": "problem_coordinates", "fsp.mines": "problem_fsp_mines", "fsp.plants": "problem_fsp_plants",
	"fsp.miners":   "problem_fsp_miners",
	"closing.date": "problem_closing_date", "closing.response": "problem_closing_response",
	"closing.representative_name": "problem_closing_rep_name", "closing.representative_role": "problem_closing_rep_role",
	"closing.comments": "problem_closing_comments",
}

var applicabilityIDs = map[audit.Applicability]string{
	audit.Applies: "applies", audit.Informative: "informative", audit.Excluded: "excluded",
}

var certProblemIDs = map[string]string{
	identity.CertNoDigSig: "cert_no_digital_signature", identity.CertEKU: "cert_eku",
}

// keyNameIDs word the names of keys that are words in the help; the others
// (enter, esc, tab, ctrl+…) are what the keycaps say.
var keyNameIDs = map[string]string{"space": "keyname_space", "pgup": "keyname_pgup", "pgdn": "keyname_pgdn",
	"other": "keyname_other", "type": "keyname_type"}

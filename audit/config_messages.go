package audit

// Words of config.go: Go error text for the person who edits config.toml
// by hand (the CLI prints it as a warning).
const (
	msgConfigRead    = "reading %s: %v"
	msgConfigLine    = "%s:%d: %s"
	msgConfigUnknown = "%s: unknown setting(s) %s (known: inspector, email, organisation, certification_body, language, report_language, max_evidence_mb, minor_due_days, major_due_days, max_note_kb, evidence_days_margin, evidence_max_km, sample_rule, sample_minimum, sample_percent, not_closed_minor_overdue, not_closed_minor_in_time, not_closed_major)"
	// file, line, key, value, min, max
	msgConfigRange = "%s:%d: %s = %d is out of range (%d to %d): the default is used"
	// file, line, key, value, the values accepted
	msgConfigChoice = "%s:%d: %s = %q is not one of %s: the default is used"
)

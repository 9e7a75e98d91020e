package audit

// Words people read, kept in one table so that a Spanish edition is a
// translation of this file and not a rewrite of the logic. Format verbs are
// documented next to each entry; keep their order when translating.

// logicMessages holds every sentence the audit logic shows to a person:
// header validation, applicability, summary reasons, finalize blockers.
type logicMessages struct {
	// Header validation. %s = field label unless noted.
	required           string // %s label
	unknownAuditType   string // %q value, %s known values
	unknownCertType    string // %q value, %s known values
	dateFormat         string // %q value
	dateInvalid        string // %q value
	endBeforeStart     string // %s end, %s start
	negativeYear       string // %d year
	initialNotYearZero string // %d year
	laterAuditYearZero string // %s audit type
	negativeCount      string // %s label, %d value
	coordFormat        string // %q value
	coordNumber        string // %q part
	latRange           string // %v latitude
	lonRange           string // %v longitude
	coordNotFinite     string

	// Field labels for header fields (used inside the messages above).
	labels map[string]string

	// Applicability.
	applies              string
	informative          string
	excluded             string
	informativeDue       string // %d due year, %d certification year
	excludedEcological   string
	unknownApplicability string

	// Outcome labels.
	outcomeIncomplete     string
	outcomeRecommended    string
	outcomeConditions     string
	outcomeNotRecommended string
	outcomeUnknown        string // %q outcome

	// Recommendation reasons.
	reasonMajor          string // %s id, %s title
	reasonCritical       string // %s id, %s title, %s severity word
	reasonStillOpen      string // %d open, %d applicable, %s per-area list
	reasonOpenArea       string // %s area, %d count, %s ids
	reasonMinor          string // %s id, %s title, %s due date
	reasonMinorNoDue     string // %s id, %s title
	reasonAllConform     string // %d applicable, %d conforming, %d na
	reasonNothingApplies string
	reasonInformativeNCs string // %d count, %s ids

	// Severity words.
	severityMinor string
	severityMajor string

	// Finalize blockers.
	blockFinalized      string // %d revision
	blockHeader         string // %s message
	blockOpenArea       string // %s area, %d count, %s ids
	blockNoInterviews   string
	blockNoClosing      string
	blockNAJustify      string // %s id, %s title
	blockNCNotes        string // %s id, %s title, %s severity word
	blockNCAction       string // %s id, %s title, %s severity word
	blockNCDue          string // %s id, %s title, %s severity word
	blockNCDueInvalid   string // %s id, %s title, %q date
	blockUnknownReq     string // %s id, %s catalog id, %s version
	blockUnknownVerdict string // %s id, %q verdict
	blockCatalog        string // %s audit catalog, %s given catalog
	blockEvidence       string // %s id, %s sha
	blockRevision       string // %d revision
	blockEvidenceRef    string // %d position, %q name, %q sha
	blockedHeading      string // %d count
	amendNotFinalized   string // %s status
	amendNoReason       string
	hashFailed          string // %v error
	moreIDs             string // %d more
}

// msg is the table in use. A Spanish edition adds another table and picks it.
var msg = logicMessages{
	required:           "%s is required",
	unknownAuditType:   "audit type %q is not known (use one of: %s)",
	unknownCertType:    "certification type %q is not known (use one of: %s)",
	dateFormat:         "date %q is not in the form YYYY-MM-DD (for example 2026-11-20)",
	dateInvalid:        "date %q does not exist in the calendar",
	endBeforeStart:     "end date %s is before start date %s",
	negativeYear:       "certification year %d cannot be negative (0 is the initial certification)",
	initialNotYearZero: "an initial audit is certification year 0, not year %d",
	laterAuditYearZero: "a %s audit comes after certification: year 1 or later (0 is the initial audit)",
	negativeCount:      "%s cannot be negative (got %d)",
	coordFormat:        "coordinates %q should be latitude and longitude in decimal degrees, for example 6.2442, -75.5812",
	coordNumber:        "%q is not a decimal number of degrees (for example -75.5812)",
	latRange:           "latitude %v is out of range (-90 to 90)",
	lonRange:           "longitude %v is out of range (-180 to 180)",
	coordNotFinite:     "coordinates must be finite numbers",

	labels: map[string]string{
		"asmo":               "ASMO name",
		"site":               "site",
		"country":            "country",
		"audit_type":         "audit type",
		"certification_type": "certification type",
		"certification_year": "certification year",
		"start_date":         "start date",
		"end_date":           "end date",
		"lead_inspector":     "lead inspector",
		"coordinates":        "coordinates",
		"fsp.mines":          "number of mines",
		"fsp.plants":         "number of plants",
		"fsp.miners":         "number of miners",
		"interviews.women":   "women interviewed (%s)",
		"interviews.men":     "men interviewed (%s)",
		"interviews.other":   "others interviewed (%s)",
	},

	applies:              "applies",
	informative:          "informative",
	excluded:             "excluded",
	informativeDue:       "informative (due in year %d; this audit is year %d)",
	excludedEcological:   "excluded (Fairmined Ecological audits only)",
	unknownApplicability: "unknown",

	outcomeIncomplete:     "Incomplete",
	outcomeRecommended:    "Recommended for certification",
	outcomeConditions:     "Recommended with conditions",
	outcomeNotRecommended: "Not recommended",
	outcomeUnknown:        "unknown outcome %q",

	reasonMajor:          "major non-conformity on %s %s",
	reasonCritical:       "critical requirement %s %s has a %s non-conformity",
	reasonStillOpen:      "%d of %d applicable requirements still open (%s)",
	reasonOpenArea:       "%s %d",
	reasonMinor:          "minor non-conformity on %s %s: corrective action due %s",
	reasonMinorNoDue:     "minor non-conformity on %s %s: corrective action has no due date yet",
	reasonAllConform:     "all %d applicable requirements assessed: %d conform, %d not applicable",
	reasonNothingApplies: "no requirement of the catalog applies to this audit",
	reasonInformativeNCs: "%d non-conformities on progress requirements not yet due are reported for information only: %s",

	severityMinor: "minor",
	severityMajor: "major",

	blockFinalized:      "revision %d is already finalized; amend it to make changes",
	blockHeader:         "header: %s",
	blockOpenArea:       "%s: %d still open (%s)",
	blockNoInterviews:   "people interviewed are not recorded (counts by role and gender, in the audit details)",
	blockNoClosing:      "the closing meeting is not recorded (in the audit details)",
	blockNAJustify:      "%s %s: \"not applicable\" needs a written justification",
	blockNCNotes:        "%s %s: the %s non-conformity needs the written finding (notes)",
	blockNCAction:       "%s %s: the %s non-conformity needs a corrective action",
	blockNCDue:          "%s %s: the %s non-conformity needs a due date (set the audit end date or a due date for this finding)",
	blockNCDueInvalid:   "%s %s: due date %q is not a valid YYYY-MM-DD date",
	blockUnknownReq:     "finding for %s: no such requirement in catalog %s %s",
	blockUnknownVerdict: "finding for %s: unknown verdict %q",
	blockCatalog:        "the audit was made against catalog %s but the catalog given is %s",
	blockEvidence:       "finding for %s: evidence %s is not in the audit's evidence list",
	blockRevision:       "revision %d is not a revision number (1 or more): audit.json was edited by hand",
	blockEvidenceRef:    "evidence item %d (%q): %q is not a SHA-256, so the file cannot be found or checked: audit.json was edited by hand",
	blockedHeading:      "cannot finalize the audit, %d things to fix:",
	amendNotFinalized:   "only a finalized audit can be amended (this one is %s)",
	amendNoReason:       "an amendment needs a reason (what changed and why)",
	hashFailed:          "cannot compute the content hash: %v",
	moreIDs:             "and %d more",
}

// label returns the human name of a header field.
func (m logicMessages) label(field string) string {
	if l, ok := m.labels[field]; ok {
		return l
	}
	return field
}

// Words of config.go.
const (
	msgConfigRead    = "reading %s: %v"
	msgConfigLine    = "%s:%d: %s"
	msgConfigUnknown = "%s: unknown setting(s) %s (known: inspector, email, organisation, certification_body, language, max_evidence_mb, minor_due_days, major_due_days, max_note_kb)"
	// file, line, key, value, min, max
	msgConfigRange = "%s:%d: %s = %d is out of range (%d to %d): the default is used"
)

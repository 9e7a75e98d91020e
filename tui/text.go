package tui

import (
	"errors"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// words holds every word the UI shows to people, so that a Spanish edition
// is a translation of this one table.
type words struct {
	appName          string
	tooSmall         string
	screenNames      map[screen]string
	saved            string // "saved 10:22:01"
	saving           string
	unsaved          string
	savedAgain       string // "saved 10:22:01: …" after failed saves
	saveRetrying     string // problem, quit key
	quitArmed        string // problem, quit key
	writeProblems    map[audit.WriteProblem]string
	configProblem    string // what, after "config.toml"
	configUnreadable string
	configOdd        string // kind of file
	configSyntax     string // line, parser's words
	configUnknown    string // keys
	configRange      string // line, key, value, min, max
	fileKinds        map[safefile.Kind]string
	readOnly         string
	loading          string
	noAudits         string
	noMatch          string
	listFailed       string
	unreadable       string // "✗ <the store's reason>"
	unreadableBackup string
	confirmDelete    string
	deleted          string
	restored         string
	catalogMissing   string
	catalogChanged   string // id, version, recorded sha, sha now, file now in use
	fatalBack        string
	homeCols         [2]string
	filterPrompt     string

	formTitle        string
	formHint         string
	formLabels       map[string]string
	formInvalid      string
	choiceHint       string
	catalogFormat    string // "name version (source)"
	creating         string
	countPlaceholder string
	yearPlaceholder  string
	created          string
	confirmDiscard   string

	areaNames     map[standards.Area]string
	verdictNames  map[audit.Verdict]string
	informative   string
	excluded      string
	levelDue      string // "progress, due year %d"
	chapter       string
	guidance      string
	detailMore    string // "↓ %d more lines · pgdn"
	evidenceKinds string
	finding       string
	verdict       string
	notes         string
	notesEmpty    string
	notesMore     string // "… %d more lines (enter to edit)"
	action        string
	dueDate       string
	dueDefault    string
	justification string
	fieldEmpty    string
	evidence      string
	noEvidence    string
	attachPrompt  string
	attaching     string
	candidates    string // "%s": the names tab could complete to
	noCandidates  string
	attached      string
	detached      string
	noRequirement string
	searchPrompt  string
	searchNone    string
	allAssessed   string
	editorFailed  string
	badDue        string
	noteTooLong   string // size it would be, limit
	noteReadOnly  string // size, limit
	notesMoreBig  string // size of the whole note
	confirmClear  string // verdict

	// preparingPhoto follows a photo's name while its report image is made.
	preparingPhoto   string
	photoTooLarge    string // %s name, %d width, %d height
	photoNotPrepared string // %s name, %v error

	summaryTitle      string
	summaryCols       [8]string
	total             string
	recommend         string
	reasons           string
	register          string
	noNC              string
	blockers          string
	noBlockers        string
	confirmFinal      string
	finalizeBlocked   string
	finalizeBlocked1  string
	finalSection      string
	finalNext         string // "revision %d is final · …"
	finalNextNoExport string
	finalized         string
	noSigningKey      string
	signingKeyFailed  string
	exporting         string
	exported          string
	exportFailed      string
	criticalMark      string
	revisionLabel     string
	amendPrompt       string
	amendRequired     string
	amended           string

	detailsTitle    string
	detailsHint     string
	detailsReadOnly string
	interviewCols   [4]string
	addRow          string
	noRows          string

	keys keyWords

	// The domain's typed values, worded by wording.go.
	domain domainWords
}

// domainWords word what audit returns as data: the recommendation and its
// reasons, finalize blockers, header problems, applicability, amend
// refusals. Format verbs are in the order of the comment.
type domainWords struct {
	outcomes       map[audit.Outcome]string
	outcomeUnknown string // outcome

	reasonMajor          string // id, title
	reasonCritical       string // id, title, severity
	reasonStillOpen      string // open, applicable, per-area list
	reasonOpenArea       string // area, count
	reasonMinor          string // id, title, due date
	reasonMinorNoDue     string // id, title
	reasonAllConform     string // applicable, conforming, not applicable
	reasonNothingApplies string
	reasonInformative    string // count, ids
	severity             map[audit.Verdict]string

	blockFinalized      string // revision
	blockRevision       string // revision
	blockEvidenceRef    string // item number, name, sha
	blockCatalog        string // audit's catalog, catalog given
	blockHeader         string // problem
	blockNoInterviews   string
	blockNoClosing      string
	blockOpen           string // area, count, ids
	blockNAJustify      string // id, title
	blockNCNotes        string // id, title, severity
	blockNCAction       string // id, title, severity
	blockNCNoDue        string // id, title, severity
	blockNCBadDue       string // id, title, date
	blockUnknownReq     string // id, catalog
	blockUnknownVerdict string // id, verdict
	blockEvidence       string // id, sha
	moreIDs             string // count

	problemLabels      map[string]string
	interviewLabels    map[string]string // role
	required           string            // label
	unknownChoice      string            // label, value, known values
	dateFormat         string            // value
	dateInvalid        string            // value
	endBeforeStart     string            // end, start
	negativeYear       string            // year
	initialNotYearZero string            // year
	laterAuditYearZero string            // audit type
	negativeCount      string            // label, count
	notNumber          string            // value
	coordFormat        string            // value
	coordNumber        string            // value
	latRange           string            // degrees
	lonRange           string            // degrees
	coordNotFinite     string

	informativeDue     string // due year, certification year
	excludedEcological string
	applicability      map[audit.Applicability]string

	amendNotFinalized string
	amendNoReason     string
}

// keyWords are the words of the help line, one per thing a key does.
type keyWords struct {
	quit, help, up, down, openAudit, newAudit, delete, restore, filter, clearFilter       string
	nextField, prevField, prevChoice, nextChoice, addRow, delRow, create, cancel          string
	done, previous, next, nextArea, prevArea, nextOpen, scrollUp, scrollDown              string
	conforms, minor, major, na, write, editor, attach, evidence, detach, search           string
	open, summary, details, audits, complete, accept, finalize, export, amend, backToWalk string
	verdict, yes                                                                          string
}

var txt = words{
	appName:  "assay",
	tooSmall: "terminal too small: %dx%d, need %dx%d · make it bigger, or q quits",
	screenNames: map[screen]string{
		screenHome: "audits", screenNew: "new audit", screenWalk: "walk", screenSummary: "summary",
		screenDetails: "details",
	},
	saved:        "saved %s",
	saving:       "saving…",
	unsaved:      "unsaved changes",
	savedAgain:   "saved %s: the retry worked, nothing was lost",
	saveRetrying: "not saved — %s; retrying; %s twice quits without saving",
	quitArmed:    "not saved — %s · %s again quits WITHOUT saving · other keys stay",
	// A file size limit is worded as a full disk on the short line: the
	// same thing to the inspector; the line under it has the exact error.
	writeProblems: map[audit.WriteProblem]string{
		audit.WriteFailed: "cannot write", audit.WriteDiskFull: "disk full",
		audit.WriteSizeLimit: "disk full", audit.WriteReadOnly: "disk is read-only",
		audit.WriteDenied: "no permission to write",
	},
	configProblem:    "config.toml: %s",
	configUnreadable: "cannot be read (%v); the defaults are used",
	configOdd:        "not a regular file (a %s); the defaults are used",
	configSyntax:     "line %d: %s; its settings are not used",
	configUnknown:    "unknown setting(s) %s; its settings are not used",
	configRange:      "line %d: %s = %d is out of range (%d–%d); the default is used",
	fileKinds: map[safefile.Kind]string{
		safefile.Directory: "folder", safefile.FIFO: "named pipe", safefile.Device: "device",
		safefile.Socket: "socket", safefile.Irregular: "special file", safefile.TooLarge: "file too large",
	},
	readOnly:         "finalized: read only",
	loading:          "loading…",
	noAudits:         "No audits yet. Press n to start one, or run `assay demo` for a filled sample.",
	noMatch:          "No audit matches the filter.",
	listFailed:       "cannot list audits: %v",
	unreadable:       "✗ %s",
	unreadableBackup: "✗ r restores the backup · %s",
	confirmDelete:    "Move “%s” to the trash? y = yes, any other key = no",
	deleted:          "moved %s to the trash",
	restored:         "restored %s from its backup",
	catalogMissing:   "The catalog %s %s this audit was made against is not installed. Put its catalog file in the standards folder of the assay home and open the audit again.",
	catalogChanged:   "catalog %s %s changed since this audit was made (SHA-256 %s recorded, %s now, from %s): texts are those of the file now installed",
	fatalBack:        "esc: back to the audits",
	homeCols:         [2]string{"ASMO", "progress · status"},
	filterPrompt:     "filter: ",

	formTitle: "New audit",
	formHint:  "* required. ←/→ change a choice. ctrl+s creates the audit.",
	formLabels: map[string]string{
		"asmo": "ASMO *", "legal_id": "Legal id", "country": "Country *", "region": "Region",
		"municipality": "Municipality", "site": "Site *", "coordinates": "Coordinates",
		"catalog": "Catalog", "certification_type": "Certification", "certification_year": "Cert. year",
		"audit_type": "Audit type", "start_date": "Start date *", "end_date": "End date *",
		"lead_inspector": "Lead inspector *", "certification_body": "Cert. body",
		"co_inspectors": "Co-inspectors", "fsp.description": "FSP description", "fsp.mines": "FSP mines",
		"fsp.plants": "FSP plants", "fsp.miners": "FSP miners", "sites_visited": "Sites visited",
		"interviews": "Interviewed", "opening_meeting": "Opening meeting", "closing_meeting": "Closing meeting",
	},
	formInvalid:      "Please correct the fields marked ✗.",
	choiceHint:       "‹ %s ›",
	catalogFormat:    "%s %s (%s)",
	creating:         "creating…",
	countPlaceholder: "0",
	yearPlaceholder:  "0 = initial; else years since certification",
	created:          "audit created · c/m/M/n/o verdict · space next open · enter notes · ? every key",
	confirmDiscard:   "discard this new audit? y/n · ctrl+c keeps it as a draft and quits",

	areaNames: map[standards.Area]string{
		standards.Social: "social", standards.Economic: "economic", standards.Environmental: "environmental",
		standards.Labour: "labour", standards.Chemicals: "chemicals",
	},
	verdictNames: map[audit.Verdict]string{
		audit.Open: "open", audit.Conforms: "conforms", audit.Minor: "minor NC",
		audit.Major: "major NC", audit.NA: "n/a",
	},
	informative:   "— informative (not yet due) —",
	excluded:      "— excluded (Ecological only) —",
	levelDue:      "progress, due year %d",
	chapter:       "chapter",
	guidance:      "Check:",
	detailMore:    "↓ %d more lines · pgdn",
	evidenceKinds: "Expected evidence: ",
	finding:       "Finding",
	verdict:       "Verdict: ",
	notes:         "Notes",
	notesEmpty:    "(no notes: enter to write)",
	notesMore:     "… %d more lines (enter to edit)",
	action:        "Corrective action: ",
	dueDate:       "Due date: ",
	dueDefault:    " (default)",
	justification: "Justification: ",
	fieldEmpty:    "(enter, then tab to write)",
	evidence:      "Evidence: ",
	noEvidence:    "none (a to attach)",
	attachPrompt:  "attach file: ",
	attaching:     "importing %s…",
	candidates:    "tab: %s",
	noCandidates:  "tab: no file starts with that",
	attached:      "attached %s",
	detached:      "detached %s",
	noRequirement: "This area has no requirements in the catalog.",
	searchPrompt:  "search: ",
	searchNone:    "no requirement matches",
	allAssessed:   "every applicable requirement has a verdict · s opens the summary to finalize",
	editorFailed:  "editor failed: %v",
	badDue:        "due date: %v · the last valid date is kept",
	noteTooLong:   "not added: the note would be %s, over its %s limit · ctrl+e edits long texts in $EDITOR",
	noteReadOnly:  "this note is %s, over the %s limit for typing here: read-only · ctrl+e edits it in $EDITOR",
	notesMoreBig:  "… %s in all (ctrl+e opens the whole note)",
	confirmClear:  "%s has no corrective action: delete this one and its due date? y/n",

	preparingPhoto:   " (⧗ preparing photo…)",
	photoTooLarge:    "%s is attached, but at %d×%d pixels it is too large to show in the report",
	photoNotPrepared: "%s is attached, but its report image could not be made: %v",

	summaryTitle:      "Summary",
	summaryCols:       [8]string{"Area", "✓ conf", "! minor", "✗ major", "– n/a", "· open", "info/excl", "done"},
	total:             "total",
	recommend:         "Recommendation: ",
	reasons:           "Because:",
	register:          "Non-conformities",
	noNC:              "none",
	blockers:          "Before finalizing",
	noBlockers:        "nothing blocks finalizing",
	confirmFinal:      "Finalize this audit? It becomes read-only (changes need an amendment).\ny = yes, any other key = no",
	finalized:         "finalized revision %d",
	noSigningKey:      "no signing key yet: finalizing records which certificate signs the reports. In another terminal run: assay keys create --name \"Your Name\" — then press f again",
	signingKeyFailed:  "cannot finalize with this signing key: %v",
	finalizeBlocked:   "cannot finalize yet, fix these %d first (listed under “Before finalizing”): %s",
	finalizeBlocked1:  "cannot finalize yet, fix this first: %s",
	finalSection:      "Finalized",
	finalNext:         "revision %d is final and read-only · x exports the signed PDF · A amends it",
	finalNextNoExport: "revision %d is final and read-only · A amends it",
	exporting:         "exporting…",
	exported:          "exported %s in %s",
	exportFailed:      "export failed: %v",
	criticalMark:      " (critical)",
	revisionLabel:     "rev %d",
	amendPrompt:       "Reason for the amendment: ",
	amendRequired:     "a reason is required: it goes into the report's history",
	amended:           "revision %d opened for amendment",

	detailsTitle:    "Audit details",
	detailsHint:     "Saved as you type. A field marked ✗ keeps its last good value.",
	detailsReadOnly: "finalized: read only (A on the summary amends)",
	interviewCols:   [4]string{"role", "women", "men", "other"},
	addRow:          "add a row (enter or ctrl+n)",
	noRows:          "nobody recorded",

	keys: keyWords{
		quit: "quit", help: "help", up: "up", down: "down", openAudit: "open", newAudit: "new audit",
		delete: "delete", restore: "restore backup", filter: "filter", clearFilter: "clear filter",
		nextField: "next field", prevField: "previous field", prevChoice: "previous choice",
		nextChoice: "next choice", addRow: "add row", delRow: "remove row", create: "create",
		cancel: "cancel", done: "done", previous: "previous", next: "next", nextArea: "next area",
		prevArea: "previous area", nextOpen: "next open", scrollUp: "scroll up", scrollDown: "scroll down",
		open: "open", conforms: "conforms", minor: "minor", major: "major", na: "n/a", write: "notes",
		editor: "$EDITOR", attach: "attach", evidence: "evidence", detach: "detach", search: "search",
		summary: "summary", details: "details", audits: "audits", complete: "complete", accept: "accept",
		finalize: "finalize", export: "export PDF", amend: "amend", backToWalk: "back to walk",
		verdict: "verdict", yes: "yes",
	},

	domain: domainWords{
		outcomes: map[audit.Outcome]string{
			audit.Incomplete: "Incomplete", audit.Recommended: "Recommended for certification",
			audit.RecommendedWithConditions: "Recommended with conditions", audit.NotRecommended: "Not recommended",
		},
		outcomeUnknown: "unknown outcome %q",

		reasonMajor:          "major non-conformity on %s %s",
		reasonCritical:       "critical requirement %s %s has a %s non-conformity",
		reasonStillOpen:      "%d of %d applicable requirements still open (%s)",
		reasonOpenArea:       "%s %d",
		reasonMinor:          "minor non-conformity on %s %s: corrective action due %s",
		reasonMinorNoDue:     "minor non-conformity on %s %s: corrective action has no due date yet",
		reasonAllConform:     "all %d applicable requirements assessed: %d conform, %d not applicable",
		reasonNothingApplies: "no requirement of the catalog applies to this audit",
		reasonInformative:    "%d non-conformities on progress requirements not yet due are reported for information only: %s",
		severity:             map[audit.Verdict]string{audit.Minor: "minor", audit.Major: "major"},

		blockFinalized:      "revision %d is already finalized; amend it to make changes",
		blockRevision:       "revision %d is not a revision number (1 or more): audit.json was edited by hand",
		blockEvidenceRef:    "evidence item %d (%q): %q is not a SHA-256, so the file cannot be found or checked: audit.json was edited by hand",
		blockCatalog:        "the audit was made against catalog %s but the catalog given is %s",
		blockHeader:         "header: %s",
		blockNoInterviews:   "people interviewed are not recorded (counts by role and gender, in the audit details)",
		blockNoClosing:      "the closing meeting is not recorded (in the audit details)",
		blockOpen:           "%s: %d still open (%s)",
		blockNAJustify:      "%s %s: \"not applicable\" needs a written justification",
		blockNCNotes:        "%s %s: the %s non-conformity needs the written finding (notes)",
		blockNCAction:       "%s %s: the %s non-conformity needs a corrective action",
		blockNCNoDue:        "%s %s: the %s non-conformity needs a due date (set the audit end date or a due date for this finding)",
		blockNCBadDue:       "%s %s: due date %q is not a valid YYYY-MM-DD date",
		blockUnknownReq:     "finding for %s: no such requirement in catalog %s",
		blockUnknownVerdict: "finding for %s: unknown verdict %q",
		blockEvidence:       "finding for %s: evidence %s is not in the audit's evidence list",
		moreIDs:             "and %d more",

		problemLabels: map[string]string{
			"asmo": "ASMO name", "site": "site", "country": "country", "audit_type": "audit type",
			"certification_type": "certification type", "certification_year": "certification year",
			"start_date": "start date", "end_date": "end date", "lead_inspector": "lead inspector",
			"coordinates": "coordinates", "fsp.mines": "number of mines", "fsp.plants": "number of plants",
			"fsp.miners": "number of miners",
		},
		interviewLabels: map[string]string{
			"women": "women interviewed (%s)", "men": "men interviewed (%s)", "other": "others interviewed (%s)",
		},
		required:           "%s is required",
		unknownChoice:      "%s %q is not known (use one of: %s)",
		dateFormat:         "date %q is not in the form YYYY-MM-DD (for example 2026-11-20)",
		dateInvalid:        "date %q does not exist in the calendar",
		endBeforeStart:     "end date %s is before start date %s",
		negativeYear:       "certification year %d cannot be negative (0 is the initial certification)",
		initialNotYearZero: "an initial audit is certification year 0, not year %d",
		laterAuditYearZero: "a %s audit comes after certification: year 1 or later (0 is the initial audit)",
		negativeCount:      "%s cannot be negative (got %d)",
		notNumber:          "%q is not a whole number",
		coordFormat:        "coordinates %q should be latitude and longitude in decimal degrees, for example 6.2442, -75.5812",
		coordNumber:        "%q is not a decimal number of degrees (for example -75.5812)",
		latRange:           "latitude %v is out of range (-90 to 90)",
		lonRange:           "longitude %v is out of range (-180 to 180)",
		coordNotFinite:     "coordinates must be finite numbers",

		informativeDue:     "informative (due in year %d; this audit is year %d)",
		excludedEcological: "excluded (Fairmined Ecological audits only)",
		applicability: map[audit.Applicability]string{
			audit.Applies: "applies", audit.Informative: "informative", audit.Excluded: "excluded",
		},

		amendNotFinalized: "only a finalized audit can be amended",
		amendNoReason:     "an amendment needs a reason (what changed and why)",
	},
}

// glyphs pair every verdict with a sign, so state never rests on colour.
var glyphs = map[audit.Verdict]string{
	audit.Open: "·", audit.Conforms: "✓", audit.Minor: "!", audit.Major: "✗", audit.NA: "–",
}

// areaName returns the display name of an area, or its id for areas a
// user catalog invents.
func areaName(a standards.Area) string {
	if n, ok := txt.areaNames[a]; ok {
		return n
	}
	return string(a)
}

// verdictName returns a verdict's words.
func verdictName(v audit.Verdict) string {
	if n, ok := txt.verdictNames[v]; ok {
		return n
	}
	return string(v)
}

// configWarning words what was wrong with config.toml, "" when nothing.
func configWarning(err error) string {
	var parts []string
	for _, p := range audit.ConfigProblems(err) {
		var odd *safefile.Error
		switch {
		case p.Kind == audit.ConfigSyntax:
			parts = append(parts, sprintf(txt.configSyntax, p.Line, sanitizeLine(p.Detail)))
		case p.Kind == audit.ConfigUnknownKeys:
			parts = append(parts, sprintf(txt.configUnknown, sanitizeLine(strings.Join(p.Keys, ", "))))
		case p.Kind == audit.ConfigOutOfRange:
			parts = append(parts, sprintf(txt.configRange, p.Line, p.Key, p.Value, p.Min, p.Max))
		case errors.As(p.Err, &odd):
			parts = append(parts, sprintf(txt.configOdd, txt.fileKinds[odd.Kind]))
		default:
			parts = append(parts, sprintf(txt.configUnreadable, p.Err))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return sprintf(txt.configProblem, strings.Join(parts, " · "))
}

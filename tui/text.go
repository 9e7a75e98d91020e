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

	areaNames         map[standards.Area]string
	verdictNames      map[audit.Verdict]string
	informative       string
	excluded          string
	levelDue          string // "progress, due year %d"
	chapter           string
	guidance          string
	detailMore        string // "↓ %d more lines · pgdn"
	evidenceKinds     string
	finding           string
	verdict           string
	notes             string
	notesEmpty        string
	notesMore         string // "… %d more lines (enter to edit)"
	action            string
	dueDate           string
	dueDefault        string
	justification     string
	fieldEmpty        string
	evidence          string
	noEvidence        string
	attachPrompt      string
	attaching         string
	candidates        string // "%s": the names tab could complete to
	noCandidates      string
	attached          string
	detached          string
	noRequirement     string
	searchPrompt      string
	searchNone        string
	allAssessed       string
	editorFailed      string
	longNotes         string
	badDue            string
	noteTooLong       string // size it would be, limit
	noteReadOnly      string // size, limit
	noteTooManyLines  string // lines it would have, limit
	noteLinesReadOnly string // lines, limit
	noteDropped       string
	notesMoreBig      string // size of the whole note
	confirmClear      string // verdict

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
	notNumber       string
	interviewCols   [4]string
	addRow          string
	noRows          string

	keys keyWords
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
	informative:       "— informative (not yet due) —",
	excluded:          "— excluded (Ecological only) —",
	levelDue:          "progress, due year %d",
	chapter:           "chapter",
	guidance:          "Check:",
	detailMore:        "↓ %d more lines · pgdn",
	evidenceKinds:     "Expected evidence: ",
	finding:           "Finding",
	verdict:           "Verdict: ",
	notes:             "Notes",
	notesEmpty:        "(no notes: enter to write)",
	notesMore:         "… %d more lines (enter to edit)",
	action:            "Corrective action: ",
	dueDate:           "Due date: ",
	dueDefault:        " (default)",
	justification:     "Justification: ",
	fieldEmpty:        "(enter, then tab to write)",
	evidence:          "Evidence: ",
	noEvidence:        "none (a to attach)",
	attachPrompt:      "attach file: ",
	attaching:         "importing %s…",
	candidates:        "tab: %s",
	noCandidates:      "tab: no file starts with that",
	attached:          "attached %s",
	detached:          "detached %s",
	noRequirement:     "This area has no requirements in the catalog.",
	searchPrompt:      "search: ",
	searchNone:        "no requirement matches",
	allAssessed:       "every applicable requirement has a verdict · s opens the summary to finalize",
	editorFailed:      "editor failed: %v",
	longNotes:         "long notes: ctrl+e opens them in your $EDITOR, which handles them faster",
	badDue:            "due date: %v · the last valid date is kept",
	noteTooLong:       "not added: the note would be %s, over its %s limit · ctrl+e edits long texts in $EDITOR",
	noteReadOnly:      "this note is %s, over the %s limit for typing here: read-only · ctrl+e edits it in $EDITOR",
	notesMoreBig:      "… %s in all (ctrl+e opens the whole note)",
	noteTooManyLines:  "not added: the note would have %d lines, more than the %d the notes field holds · ctrl+e edits long texts in $EDITOR",
	noteLinesReadOnly: "this note has %d lines, more than the %d the notes field holds: read-only · ctrl+e edits it in $EDITOR",
	noteDropped:       "not added: the notes field could not hold all of it · ctrl+e edits long texts in $EDITOR",
	confirmClear:      "%s has no corrective action: delete this one and its due date? y/n",

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
	notNumber:       "%q is not a whole number",
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

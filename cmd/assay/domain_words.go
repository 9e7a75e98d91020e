package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// The CLI's words for what audit returns as data (outcomes, finalize
// blockers, header problems, list notes), kept together for translation,
// and the small functions that put the data into them. Format verbs are in
// the order of the comment.
var domainWords = struct {
	outcomes       map[audit.Outcome]string
	outcomeUnknown string // outcome
	severity       map[audit.Verdict]string

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

	noteCatalogChanged  string // id, version, sha recorded, sha now, file now in use
	noteCatalogMissing  string // id, version
	noteUnknownVerdicts string // findings with their verdicts, the known verdicts
	noteSep             string

	amendNotFinalized string
	amendNoReason     string
}{
	outcomes: map[audit.Outcome]string{
		audit.Incomplete: "Incomplete", audit.Recommended: "Recommended for certification",
		audit.RecommendedWithConditions: "Recommended with conditions", audit.NotRecommended: "Not recommended",
	},
	outcomeUnknown: "unknown outcome %q",
	severity:       map[audit.Verdict]string{audit.Minor: "minor", audit.Major: "major"},

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

	noteCatalogChanged:  "catalog %s %s changed since the audit was made (sha256 %s recorded, %s now, from %s): counted with the catalog now installed",
	noteCatalogMissing:  "catalog %s %s is not installed: percent counts recorded findings only",
	noteUnknownVerdicts: "unknown verdict in audit.json for %s: counted as open (known verdicts: %s)",
	noteSep:             "; ",

	amendNotFinalized: "only a finalized audit can be amended",
	amendNoReason:     "an amendment needs a reason (what changed and why)",
}

// cliMaxIDs bounds the requirement ids listed in one blocker line.
const cliMaxIDs = 3

// outcomeText words a recommendation's outcome.
func outcomeText(o audit.Outcome) string {
	if s, ok := domainWords.outcomes[o]; ok {
		return s
	}
	return fmt.Sprintf(domainWords.outcomeUnknown, string(o))
}

func severityText(v audit.Verdict) string {
	if s, ok := domainWords.severity[v]; ok {
		return s
	}
	return string(v)
}

func cliShortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

func identityText(id *standards.Identity) string {
	if id == nil {
		return ""
	}
	return strings.TrimSpace(id.ID + " " + id.Version)
}

// reqTitle is a requirement's title from the catalog ("" when it lacks it).
func reqTitle(cat *standards.Catalog, id string) string {
	if cat == nil {
		return ""
	}
	if r, ok := cat.Requirement(id); ok {
		return r.Title
	}
	return ""
}

// blockerText words one thing that keeps an audit from being finalized.
func blockerText(b audit.Blocker, cat *standards.Catalog) string {
	d := domainWords
	title := reqTitle(cat, b.Requirement)
	switch b.Kind {
	case audit.BlockFinalized:
		return fmt.Sprintf(d.blockFinalized, b.Revision)
	case audit.BlockBadRevision:
		return fmt.Sprintf(d.blockRevision, b.Revision)
	case audit.BlockBadEvidenceRef:
		return fmt.Sprintf(d.blockEvidenceRef, b.Index, b.Name, b.SHA256)
	case audit.BlockOtherCatalog:
		return fmt.Sprintf(d.blockCatalog, identityText(b.Catalog), identityText(b.Given))
	case audit.BlockHeader:
		if b.Problem == nil {
			return fmt.Sprintf(d.blockHeader, "")
		}
		return fmt.Sprintf(d.blockHeader, problemText(*b.Problem))
	case audit.BlockNoInterviews:
		return d.blockNoInterviews
	case audit.BlockNoClosingMeeting:
		return d.blockNoClosing
	case audit.BlockOpen:
		ids := strings.Join(b.Requirements, ", ")
		if n := len(b.Requirements); n > cliMaxIDs {
			ids = strings.Join(b.Requirements[:cliMaxIDs], ", ") + " " + fmt.Sprintf(d.moreIDs, n-cliMaxIDs)
		}
		return fmt.Sprintf(d.blockOpen, b.Area, len(b.Requirements), ids)
	case audit.BlockNAJustification:
		return fmt.Sprintf(d.blockNAJustify, b.Requirement, title)
	case audit.BlockNCNotes:
		return fmt.Sprintf(d.blockNCNotes, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCAction:
		return fmt.Sprintf(d.blockNCAction, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCNoDueDate:
		return fmt.Sprintf(d.blockNCNoDue, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCBadDueDate:
		return fmt.Sprintf(d.blockNCBadDue, b.Requirement, title, b.DueDate)
	case audit.BlockUnknownRequirement:
		return fmt.Sprintf(d.blockUnknownReq, b.Requirement, identityText(b.Given))
	case audit.BlockUnknownVerdict:
		return fmt.Sprintf(d.blockUnknownVerdict, b.Requirement, string(b.Verdict))
	case audit.BlockDanglingEvidence:
		return fmt.Sprintf(d.blockEvidence, b.Requirement, b.SHA256)
	}
	return string(b.Kind)
}

// problemLabel names a header field inside a problem's sentence.
func problemLabel(e audit.FieldError) string {
	d := domainWords
	if l, ok := d.problemLabels[e.Field]; ok {
		return l
	}
	if i := strings.LastIndexByte(e.Field, '.'); strings.HasPrefix(e.Field, "interviews[") && i > 0 {
		if l, ok := d.interviewLabels[e.Field[i+1:]]; ok {
			role := e.Role
			if role == "" {
				role = strconv.Itoa(e.Row + 1)
			}
			return fmt.Sprintf(l, role)
		}
	}
	return e.Field
}

// problemText words a problem with a header field, a date or coordinates.
func problemText(e audit.FieldError) string {
	d := domainWords
	switch e.Kind {
	case audit.ProblemRequired:
		return fmt.Sprintf(d.required, problemLabel(e))
	case audit.ProblemUnknownChoice:
		return fmt.Sprintf(d.unknownChoice, problemLabel(e), e.Value, strings.Join(e.Known, ", "))
	case audit.ProblemDateFormat:
		return fmt.Sprintf(d.dateFormat, e.Value)
	case audit.ProblemDateInvalid:
		return fmt.Sprintf(d.dateInvalid, e.Value)
	case audit.ProblemEndBeforeStart:
		return fmt.Sprintf(d.endBeforeStart, e.Value, e.Other)
	case audit.ProblemNegativeYear:
		return fmt.Sprintf(d.negativeYear, e.Number)
	case audit.ProblemInitialNotYearZero:
		return fmt.Sprintf(d.initialNotYearZero, e.Number)
	case audit.ProblemLaterAuditYearZero:
		return fmt.Sprintf(d.laterAuditYearZero, e.Value)
	case audit.ProblemNegative:
		return fmt.Sprintf(d.negativeCount, problemLabel(e), e.Number)
	case audit.ProblemNotNumber:
		return fmt.Sprintf(d.notNumber, e.Value)
	case audit.ProblemCoordFormat:
		return fmt.Sprintf(d.coordFormat, e.Value)
	case audit.ProblemCoordNumber:
		return fmt.Sprintf(d.coordNumber, e.Value)
	case audit.ProblemLatitudeRange:
		return fmt.Sprintf(d.latRange, e.Degrees)
	case audit.ProblemLongitudeRange:
		return fmt.Sprintf(d.lonRange, e.Degrees)
	case audit.ProblemCoordNotFinite:
		return d.coordNotFinite
	}
	return e.Error()
}

// noteText words one note on a list entry.
func noteText(n audit.Note) string {
	d := domainWords
	var id standards.Identity
	if n.Catalog != nil {
		id = *n.Catalog
	}
	switch n.Kind {
	case audit.NoteCatalogChanged:
		return fmt.Sprintf(d.noteCatalogChanged, id.ID, id.Version, cliShortSHA(id.SHA256), cliShortSHA(n.InstalledSHA256), n.Source)
	case audit.NoteCatalogMissing:
		return fmt.Sprintf(d.noteCatalogMissing, id.ID, id.Version)
	case audit.NoteUnknownVerdicts:
		bad := make([]string, len(n.Verdicts))
		for i, uv := range n.Verdicts {
			bad[i] = fmt.Sprintf("%s (%q)", uv.Requirement, string(uv.Verdict))
		}
		known := make([]string, len(audit.Verdicts))
		for i, v := range audit.Verdicts {
			known[i] = string(v)
		}
		return fmt.Sprintf(d.noteUnknownVerdicts, strings.Join(bad, ", "), strings.Join(known, ", "))
	}
	return string(n.Kind)
}

// notesText words an entry's notes on one line ("" for none).
func notesText(ns []audit.Note) string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = noteText(n)
	}
	return strings.Join(out, domainWords.noteSep)
}

// auditErrorText words an error from audit: its typed refusals in the
// CLI's words, anything else as the error says it.
func auditErrorText(err error) string {
	var fe audit.FieldError
	switch {
	case errors.As(err, &fe):
		return problemText(fe)
	case errors.Is(err, audit.ErrNotFinalized):
		return domainWords.amendNotFinalized
	case errors.Is(err, audit.ErrNoAmendReason):
		return domainWords.amendNoReason
	}
	return err.Error()
}

package audit

import (
	"slices"
	"strconv"
	"strings"
)

// HeaderFieldKind is how a header field is written and read back as text.
type HeaderFieldKind int

// Header field kinds.
const (
	// TextField is one line of text.
	TextField HeaderFieldKind = iota
	// ChoiceField is one of the field's Choices.
	ChoiceField
	// CountField is a whole number; empty text is 0.
	CountField
	// LinesField is several lines of text.
	LinesField
	// TableField is the interviews table: rows of InterviewColumns. Its
	// Get and Set are nil; each cell has its own.
	TableField
)

// HeaderField is one field of the audit header: its key (the JSON name,
// also the key of a FieldError), how it is written, how to read it from a
// header as text and write text back, and what ValidateHeader checks. The
// TUI's forms and ValidateHeader both use HeaderFields, so a field and its
// rules are declared once.
type HeaderField struct {
	Key      string
	Kind     HeaderFieldKind
	Required bool
	// Section groups the fields a form shows together: "" for the header
	// the new-audit form asks, SectionPlan and SectionClosing for what the
	// details screen edits on their own pages, SectionLegacy for the
	// hand-typed interviews table of audits made before the register.
	Section string
	// Choices are the accepted values of a ChoiceField.
	Choices []string
	// Get returns the field as a form shows it (a zero count as "").
	Get func(h Header) string
	// Set writes text into the field, or returns a FieldError when it does
	// not parse (the header is then unchanged). v is already trimmed.
	Set func(h *Header, v string) error
	// Validate checks the field in the whole header, beyond Required
	// (which ValidateHeader checks first); nil when there is nothing more.
	Validate func(h Header) []FieldError
}

// HeaderFields are the header's fields in form order: what the new-audit
// form asks first, then what the visit adds for the report.
var HeaderFields = []HeaderField{
	text("asmo", true, func(h *Header) *string { return &h.ASMO }),
	text("legal_id", false, func(h *Header) *string { return &h.LegalID }),
	text("country", true, func(h *Header) *string { return &h.Country }),
	text("region", false, func(h *Header) *string { return &h.Region }),
	text("municipality", false, func(h *Header) *string { return &h.Municipality }),
	text("site", true, func(h *Header) *string { return &h.Site }),
	{
		Key: "coordinates", Kind: TextField,
		Get: func(h Header) string {
			if p := h.Coordinates; p != nil {
				return strconv.FormatFloat(p.Lat, 'f', -1, 64) + ", " + strconv.FormatFloat(p.Lon, 'f', -1, 64)
			}
			return ""
		},
		Set: func(h *Header, v string) error {
			p, err := ParseCoordinates(v)
			if err == nil {
				h.Coordinates = p
			}
			return err
		},
		Validate: func(h Header) []FieldError {
			if c := h.Coordinates; c != nil {
				if err := checkPoint(c.Lat, c.Lon); err != nil {
					return []FieldError{asFieldError("coordinates", err)}
				}
			}
			return nil
		},
	},
	{
		Key: "audit_type", Kind: ChoiceField, Required: true, Choices: choices(AuditTypes),
		Get: func(h Header) string { return string(h.AuditType) },
		Set: func(h *Header, v string) error { h.AuditType = AuditType(v); return nil },
		Validate: func(h Header) []FieldError {
			return validateChoice("audit_type", h.AuditType, AuditTypes)
		},
	},
	{
		Key: "certification_type", Kind: ChoiceField, Required: true, Choices: choices(CertTypes),
		Get: func(h Header) string { return string(h.CertType) },
		Set: func(h *Header, v string) error { h.CertType = CertType(v); return nil },
		Validate: func(h Header) []FieldError {
			return validateChoice("certification_type", h.CertType, CertTypes)
		},
	},
	{
		Key: "certification_year", Kind: CountField,
		Get:      func(h Header) string { return countText(h.CertYear) },
		Set:      func(h *Header, v string) error { return setCount(&h.CertYear, "certification_year", v) },
		Validate: validateYear,
	},
	{
		Key: "start_date", Kind: TextField, Required: true,
		Get:      func(h Header) string { return h.StartDate },
		Set:      func(h *Header, v string) error { h.StartDate = v; return nil },
		Validate: func(h Header) []FieldError { return validateDate("start_date", h.StartDate) },
	},
	{
		Key: "end_date", Kind: TextField, Required: true,
		Get:      func(h Header) string { return h.EndDate },
		Set:      func(h *Header, v string) error { h.EndDate = v; return nil },
		Validate: validateEnd,
	},
	text("lead_inspector", true, func(h *Header) *string { return &h.LeadInspector }),
	text("certification_body", false, func(h *Header) *string { return &h.CertBody }),
	{
		Key: "co_inspectors", Kind: TextField,
		Get: func(h Header) string { return strings.Join(h.CoInspectors, ", ") },
		Set: func(h *Header, v string) error { h.CoInspectors = splitList(v, ","); return nil },
	},
	text("fsp.description", false, func(h *Header) *string { return &h.FSP.Description }),
	count("fsp.mines", func(h *Header) *int { return &h.FSP.Mines }),
	count("fsp.plants", func(h *Header) *int { return &h.FSP.Plants }),
	count("fsp.miners", func(h *Header) *int { return &h.FSP.Miners }),
	{
		Key: "sites_visited", Kind: LinesField,
		Get: func(h Header) string { return strings.Join(h.SitesVisited, "\n") },
		Set: func(h *Header, v string) error { h.SitesVisited = splitList(v, "\n;"); return nil },
	},
	{Key: "interviews", Kind: TableField, Section: SectionLegacy, Validate: validateInterviews},
	lines("opening_meeting", func(h *Header) *string { return &h.OpeningMeeting }),

	// The audit plan and scope.
	in(SectionPlan, lines("plan.objectives", func(h *Header) *string { return &h.Plan.Objectives })),
	in(SectionPlan, lines("plan.scope", func(h *Header) *string { return &h.Plan.Scope })),
	in(SectionPlan, text("plan.period", false, func(h *Header) *string { return &h.Plan.Period })),
	in(SectionPlan, lines("plan.criteria", func(h *Header) *string { return &h.Plan.Criteria })),
	in(SectionPlan, lines("plan.not_covered", func(h *Header) *string { return &h.Plan.NotCovered })),
	in(SectionPlan, lines("plan.obstacles", func(h *Header) *string { return &h.Plan.Obstacles })),
	in(SectionPlan, lines("plan.diverging_opinions", func(h *Header) *string { return &h.Plan.Diverging })),
	in(SectionPlan, lines("plan.sampling_statement", func(h *Header) *string { return &h.Plan.SamplingStatement })),

	// The closing meeting and the auditee's word.
	{
		Key: "closing.date", Kind: TextField, Section: SectionClosing,
		Get: func(h Header) string { return h.Closing.Date },
		Set: func(h *Header, v string) error { h.Closing.Date = v; return nil },
		// The whole record is checked here: its rules tie fields together.
		Validate: validateClosing,
	},
	in(SectionClosing, lines("closing.participants", func(h *Header) *string { return &h.Closing.Participants })),
	in(SectionClosing, lines("closing.findings_presented", func(h *Header) *string { return &h.Closing.Presented })),
	in(SectionClosing, lines("closing_meeting", func(h *Header) *string { return &h.ClosingMeeting })),
	in(SectionClosing, text("closing.representative_name", false, func(h *Header) *string { return &h.Closing.RepName })),
	in(SectionClosing, text("closing.representative_role", false, func(h *Header) *string { return &h.Closing.RepRole })),
	{
		Key: "closing.response", Kind: ChoiceField, Section: SectionClosing,
		Choices: append([]string{""}, choices(Responses)...),
		Get:     func(h Header) string { return string(h.Closing.Response) },
		Set:     func(h *Header, v string) error { h.Closing.Response = Response(v); return nil },
	},
	in(SectionClosing, lines("closing.comments", func(h *Header) *string { return &h.Closing.Comments })),
	in(SectionClosing, lines("closing.not_obtained_reason", func(h *Header) *string { return &h.Closing.NotObtained })),
}

// Sections of HeaderFields (see HeaderField.Section).
const (
	SectionPlan    = "plan"
	SectionClosing = "closing"
	SectionLegacy  = "legacy"
)

// in puts a field in a section.
func in(section string, f HeaderField) HeaderField {
	f.Section = section
	return f
}

// HeaderFieldByKey returns the field with key k.
func HeaderFieldByKey(k string) (HeaderField, bool) {
	i := slices.IndexFunc(HeaderFields, func(f HeaderField) bool { return f.Key == k })
	if i < 0 {
		return HeaderField{}, false
	}
	return HeaderFields[i], true
}

// InterviewColumn is one column of the interviews table: the role, then
// the counts of women, men and others.
type InterviewColumn struct {
	Key   string
	Count bool // a whole number (else text)
	Get   func(iv Interviewed) string
	// Set writes text into the cell, or returns a FieldError (with Field
	// empty: the caller knows the row) when it does not parse.
	Set   func(iv *Interviewed, v string) error
	count func(iv Interviewed) int
}

// InterviewColumns are the interviews table's columns, in order.
var InterviewColumns = []InterviewColumn{
	{Key: "role", Get: func(iv Interviewed) string { return iv.Role },
		Set: func(iv *Interviewed, v string) error { iv.Role = v; return nil }},
	countColumn("women", func(iv *Interviewed) *int { return &iv.Women }),
	countColumn("men", func(iv *Interviewed) *int { return &iv.Men }),
	countColumn("other", func(iv *Interviewed) *int { return &iv.Other }),
}

// InterviewCellKey is the FieldError key of a cell: "interviews[2].women".
func InterviewCellKey(row int, col string) string {
	return "interviews[" + strconv.Itoa(row) + "]." + col
}

func text(key string, required bool, at func(h *Header) *string) HeaderField {
	return HeaderField{Key: key, Kind: TextField, Required: required,
		Get: func(h Header) string { return *at(&h) },
		Set: func(h *Header, v string) error { *at(h) = v; return nil }}
}

func lines(key string, at func(h *Header) *string) HeaderField {
	f := text(key, false, at)
	f.Kind = LinesField
	return f
}

func count(key string, at func(h *Header) *int) HeaderField {
	return HeaderField{Key: key, Kind: CountField,
		Get:      func(h Header) string { return countText(*at(&h)) },
		Set:      func(h *Header, v string) error { return setCount(at(h), key, v) },
		Validate: func(h Header) []FieldError { return validateNotNegative(key, *at(&h)) }}
}

func countColumn(key string, at func(iv *Interviewed) *int) InterviewColumn {
	return InterviewColumn{Key: key, Count: true,
		Get:   func(iv Interviewed) string { return countText(*at(&iv)) },
		Set:   func(iv *Interviewed, v string) error { return setCount(at(iv), "", v) },
		count: func(iv Interviewed) int { return *at(&iv) }}
}

// countText shows a count; zero is left empty (a form's placeholder shows
// it), so that typing a number replaces it rather than making "012".
func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// setCount reads a whole number into *n; empty is 0. Negative numbers
// parse, so that ValidateHeader names them.
func setCount(n *int, field, v string) error {
	if v == "" {
		*n = 0
		return nil
	}
	x, err := strconv.Atoi(v)
	if err != nil {
		return FieldError{Field: field, Kind: ProblemNotNumber, Value: v}
	}
	*n = x
	return nil
}

// splitList splits on any of seps, dropping blanks; nil when empty.
func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

package audit

import (
	"slices"
	"strings"
)

// Plan is the audit plan and scope a report states for the certification
// body (ISO 19011:2018 §6.5.1): what the audit set out to do, over what,
// against what, what it left out and why, what got in the way, and what
// the audit team and the auditee still disagree on.
//
// Objectives and SamplingStatement may be left empty: each surface then
// says the default text in its own language (the report in the report's),
// so one audit gives an English and a Spanish report that both read well.
type Plan struct {
	// Objectives: empty means the default objectives.
	Objectives string `json:"objectives,omitempty"`
	// Scope: the sites, mines, plants and processes the audit covers.
	Scope string `json:"scope,omitempty"`
	// Period: the period the records reviewed cover ("2025-09 to
	// 2026-08").
	Period string `json:"period,omitempty"`
	// Criteria beyond the catalog, which is always a criterion (national
	// mining law, the ASMO's own rules…).
	Criteria string `json:"criteria,omitempty"`
	// NotCovered: areas or sites of the scope not covered, and why.
	NotCovered string `json:"not_covered,omitempty"`
	// Obstacles met that may make the conclusions less reliable.
	Obstacles string `json:"obstacles,omitempty"`
	// Diverging: opinions of the audit team and the auditee still
	// unresolved at the end of the audit.
	Diverging string `json:"diverging_opinions,omitempty"`
	// SamplingStatement: empty means the default statement (an audit is a
	// sample, and the evidence seen may not represent everything).
	SamplingStatement string `json:"sampling_statement,omitempty"`
}

// Response is the auditee representative's answer to the findings
// presented at the closing meeting. The values are stable codes.
type Response string

// Responses.
const (
	// Accepts: the findings are accepted as presented.
	Accepts Response = "accepts"
	// AcceptsWithComments: accepted, with comments recorded verbatim.
	AcceptsWithComments Response = "accepts-with-comments"
	// Disputes: one or more findings are disputed; the comments say which
	// and why.
	Disputes Response = "disputes"
)

// Responses lists every response in display order.
var Responses = []Response{Accepts, AcceptsWithComments, Disputes}

// NeedsComments reports whether a response must come with the
// representative's comments.
func (r Response) NeedsComments() bool { return r == AcceptsWithComments || r == Disputes }

// Closing is the record of the closing meeting: when, who, what was
// presented, and the auditee representative's word on it. The
// representative speaks for the ASMO in their own name: unlike an
// interviewee, their name belongs in the report.
type Closing struct {
	// Date is YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// Participants: one per line, with their role.
	Participants string `json:"participants,omitempty"`
	// Presented: the findings presented.
	Presented string `json:"findings_presented,omitempty"`
	// RepName and RepRole name the auditee's representative.
	RepName string `json:"representative_name,omitempty"`
	RepRole string `json:"representative_role,omitempty"`
	// Response is the representative's acknowledgement; empty until given.
	Response Response `json:"response,omitempty"`
	// Comments are the representative's own words, verbatim.
	Comments string `json:"comments,omitempty"`
	// NotObtained is why no acknowledgement could be obtained (the
	// representative left, refused to sign…): it stands in for one.
	NotObtained string `json:"not_obtained_reason,omitempty"`
}

// Acknowledged reports whether the closing holds the auditee's word: a
// response with the representative's name and role, or the reason none
// could be had.
func (c Closing) Acknowledged() bool {
	if strings.TrimSpace(c.NotObtained) != "" {
		return true
	}
	return c.Response != "" && strings.TrimSpace(c.RepName) != "" && strings.TrimSpace(c.RepRole) != ""
}

// closingRecorded reports whether the header says anything of the
// closing meeting: the notes of older audits, or the meeting's date.
func closingRecorded(h Header) bool {
	return strings.TrimSpace(h.ClosingMeeting) != "" || strings.TrimSpace(h.Closing.Date) != ""
}

// validateClosing checks the closing record the way a form shows it, field
// by field: a real date, a known response, the representative's name and
// role once there is a response, and their comments when the response
// needs them.
func validateClosing(h Header) []FieldError {
	c := h.Closing
	var errs []FieldError
	if d := strings.TrimSpace(c.Date); d != "" {
		errs = append(errs, validateDate("closing.date", d)...)
	}
	if c.Response == "" {
		return errs
	}
	if !slices.Contains(Responses, c.Response) {
		return append(errs, FieldError{Field: "closing.response", Kind: ProblemUnknownChoice, Value: string(c.Response), Known: choices(Responses)})
	}
	if strings.TrimSpace(c.RepName) == "" {
		errs = append(errs, FieldError{Field: "closing.representative_name", Kind: ProblemRequired})
	}
	if strings.TrimSpace(c.RepRole) == "" {
		errs = append(errs, FieldError{Field: "closing.representative_role", Kind: ProblemRequired})
	}
	if c.Response.NeedsComments() && strings.TrimSpace(c.Comments) == "" {
		errs = append(errs, FieldError{Field: "closing.comments", Kind: ProblemRequired})
	}
	return errs
}

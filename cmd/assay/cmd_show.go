package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// showJSON is the stable shape of `assay show ID --json`: the audit at a
// glance for scripts. Keys and codes stay English (status, outcome, a
// reason's or blocker's kind, a corrective action's status); "text" and
// "message" are sentences in the UI language. Private data never appears:
// the header holds only what the report prints.
type showJSON struct {
	ID                string                `json:"id"`
	Status            audit.Status          `json:"status"`
	Revision          int                   `json:"revision"`
	ContentHash       string                `json:"content_hash"`
	Catalog           standards.Identity    `json:"catalog"`
	Header            audit.Header          `json:"header"`
	Previous          *previousJSON         `json:"previous"`
	Areas             []areaJSON            `json:"areas"`
	Total             areaJSON              `json:"total"`
	Recommendation    recommendationJSON    `json:"recommendation"`
	NonConformities   []ncJSON              `json:"non_conformities"`
	Blockers          []blockerJSON         `json:"blockers"`
	CorrectiveActions []caJSON              `json:"corrective_actions"`
	EscalationRule    *audit.EscalationRule `json:"escalation_rule"`
}

// previousJSON is the previous block without last year's findings (they
// are the previous audit's: 'assay show' of it, or its report, has them).
type previousJSON struct {
	Source         audit.PreviousSource `json:"source"`
	AuditID        string               `json:"audit_id"`
	ReportID       string               `json:"report_id"`
	File           string               `json:"file,omitempty"`
	Revision       int                  `json:"revision"`
	ContentHash    string               `json:"content_hash"`
	Signer         *audit.Signer        `json:"signer"`
	Catalog        standards.Identity   `json:"catalog"`
	AuditType      audit.AuditType      `json:"audit_type"`
	CertYear       int                  `json:"certification_year"`
	StartDate      string               `json:"start_date"`
	EndDate        string               `json:"end_date"`
	CatalogChanges audit.CatalogChanges `json:"catalog_changes"`
}

type areaJSON struct {
	Area        standards.Area        `json:"area"`
	Name        string                `json:"name"`
	Applicable  int                   `json:"applicable"`
	Assessed    int                   `json:"assessed"`
	Counts      map[audit.Verdict]int `json:"counts"`
	Informative int                   `json:"informative"`
	Excluded    int                   `json:"excluded"`
	Percent     int                   `json:"percent"`
}

type recommendationJSON struct {
	Outcome audit.Outcome `json:"outcome"`
	Text    string        `json:"text"`
	Reasons []reasonJSON  `json:"reasons"`
}

type reasonJSON struct {
	audit.Reason
	Message string `json:"message"`
}

type blockerJSON struct {
	audit.Blocker
	Message string `json:"message"`
}

type ncJSON struct {
	Requirement string        `json:"requirement"`
	Severity    audit.Verdict `json:"severity"`
	Action      string        `json:"action"`
	Due         string        `json:"due"`
	Critical    bool          `json:"critical"`
}

// caJSON is one corrective action of the previous audit: the issue's
// {requirement, severity, action, due, status}, and what this audit found
// and makes of it.
type caJSON struct {
	Requirement   string           `json:"requirement"`
	Severity      audit.Verdict    `json:"severity"`
	Action        string           `json:"action"`
	Due           string           `json:"due"`
	Status        audit.CAStatus   `json:"status"`
	Confirmed     bool             `json:"confirmed"`
	EvidenceNotes string           `json:"evidence_notes"`
	Overdue       bool             `json:"overdue"`
	CountsAs      audit.Weight     `json:"counts_as,omitempty"`
	CatalogChange audit.ChangeKind `json:"catalog_change,omitempty"`
}

// caJSONs are the corrective actions as show --json and actions list
// --json give them (never nil: JSON []).
func caJSONs(rs []audit.CAResult) []caJSON {
	out := make([]caJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, caJSON{Requirement: r.Requirement, Severity: r.Severity, Action: r.Action, Due: r.Due,
			Status: r.Status, Confirmed: !r.Proposed, EvidenceNotes: r.Notes, Overdue: r.Overdue, CountsAs: r.CountsAs,
			CatalogChange: r.Change})
	}
	return out
}

func runShow(e *env, args []string) int {
	fs := e.flags("show", e.t("synopsis_show", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "show", args)
	if !ok {
		return code
	}
	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.failErr(err)
	}
	if id, code, ok = e.auditID(s, id); !ok {
		return code
	}
	a, err := s.Load(id)
	if err != nil {
		return e.failErr(err)
	}
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return e.fail("audit_error", i18n.Args{"ID": a.ID, "Error": e.errText(err)})
	}
	sum := audit.Summarize(a, cat)
	if *asJSON {
		return printShowJSON(e, a, cat, sum)
	}
	printShow(e, a, cat, sum)
	return exitOK
}

func printShowJSON(e *env, a *audit.Audit, cat *standards.Catalog, sum audit.Summary) int {
	area := func(as audit.AreaSummary) areaJSON {
		name := e.areaText(as.Area)
		if as.Area == "" {
			name = e.t("glance_total", nil)
		}
		return areaJSON{Area: as.Area, Name: name, Applicable: as.Applicable, Assessed: as.Assessed, Counts: as.Counts,
			Informative: as.Informative, Excluded: as.Excluded, Percent: as.Percent}
	}
	out := showJSON{
		ID: a.ID, Status: a.Status, Revision: a.Revision, ContentHash: a.ContentHash, Catalog: a.Catalog, Header: a.Header,
		Areas: []areaJSON{}, Total: area(sum.Total), NonConformities: []ncJSON{}, Blockers: []blockerJSON{},
		EscalationRule: a.Escalation,
		Recommendation: recommendationJSON{Outcome: sum.Recommendation.Outcome, Text: e.outcomeText(sum.Recommendation.Outcome), Reasons: []reasonJSON{}},
	}
	if p := a.Previous; p != nil {
		out.Previous = &previousJSON{Source: p.Source, AuditID: p.AuditID, ReportID: p.ReportID, File: p.File,
			Revision: p.Revision, ContentHash: p.ContentHash, Signer: p.Signer, Catalog: p.Catalog, AuditType: p.AuditType,
			CertYear: p.CertYear, StartDate: p.StartDate, EndDate: p.EndDate, CatalogChanges: p.Changes}
	}
	for _, as := range sum.Areas {
		out.Areas = append(out.Areas, area(as))
	}
	for _, r := range sum.Recommendation.Reasons {
		out.Recommendation.Reasons = append(out.Recommendation.Reasons, reasonJSON{r, audit.Sanitize(e.reasonText(r, cat))})
	}
	for _, nc := range sum.NonConformities {
		out.NonConformities = append(out.NonConformities, ncJSON{Requirement: nc.RequirementID, Severity: nc.Severity,
			Action: nc.CorrectiveAction, Due: nc.DueDate, Critical: nc.Critical})
	}
	if a.Editable() {
		for _, b := range sum.Blockers {
			out.Blockers = append(out.Blockers, blockerJSON{b, audit.Sanitize(e.blockerText(b, cat))})
		}
	}
	out.CorrectiveActions = caJSONs(sum.CorrectiveActions)
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return e.failErr(err)
	}
	return exitOK
}

// printShow writes the audit at a glance in sentences.
func printShow(e *env, a *audit.Audit, cat *standards.Catalog, sum audit.Summary) {
	h := a.Header
	line := func(s string) { fmt.Fprintln(e.stdout, audit.Sanitize(s)) }
	status := e.t("status_draft", nil)
	if a.Status == audit.Finalized {
		status = e.t("status_finalized", nil)
	}
	line(e.t("glance_title", i18n.Args{"ID": a.ID, "ASMO": e.orNone(h.ASMO), "Status": status, "Revision": a.Revision}))
	line(e.t("glance_catalog", i18n.Args{"Catalog": a.Catalog.ID + " " + a.Catalog.Version}))
	typeArgs := i18n.Args{"Type": e.auditTypeText(h.AuditType), "Year": h.CertYear, "Start": h.StartDate, "End": h.EndDate}
	if strings.TrimSpace(h.StartDate) == "" || strings.TrimSpace(h.EndDate) == "" {
		// "from none to none" reads as nonsense: name each date, or
		// say it is not set yet.
		unset := e.t("date_unset", nil)
		typeArgs["Start"], typeArgs["End"] = cmp.Or(strings.TrimSpace(h.StartDate), unset), cmp.Or(strings.TrimSpace(h.EndDate), unset)
		line(e.t("glance_type_open", typeArgs))
	} else {
		line(e.t("glance_type", typeArgs))
	}
	if a.ContentHash != "" {
		line(e.t("glance_hash", i18n.Args{"Hash": a.ContentHash}))
	}
	if p := a.Previous; p != nil {
		line("")
		for _, l := range e.previousLines(p, h.AuditType) {
			line(l)
		}
	}
	line("")
	line(e.t("glance_areas", nil))
	for _, as := range append(append([]audit.AreaSummary{}, sum.Areas...), sum.Total) {
		name := e.areaText(as.Area)
		if as.Area == "" {
			name = e.t("glance_total", nil)
		}
		line(e.t("glance_area", i18n.Args{"Area": name, "Assessed": as.Assessed, "Applicable": as.Applicable, "Percent": as.Percent,
			"Conforms": as.Counts[audit.Conforms], "Minor": as.Counts[audit.Minor], "Major": as.Counts[audit.Major], "NA": as.Counts[audit.NA]}))
	}
	line("")
	line(e.t("glance_recommendation", i18n.Args{"Outcome": e.outcomeText(sum.Recommendation.Outcome)}))
	for _, r := range sum.Recommendation.Reasons {
		line("  • " + e.reasonText(r, cat))
	}
	if len(sum.CorrectiveActions) > 0 {
		line("")
		line(e.n("glance_cas", len(sum.CorrectiveActions), nil))
		for _, r := range sum.CorrectiveActions {
			line("  " + e.caLine(r, cat))
		}
	}
	if a.Editable() {
		line("")
		if len(sum.Blockers) == 0 {
			line(e.t("glance_no_blockers", nil))
		} else {
			line(e.n("glance_blockers", len(sum.Blockers), nil))
			for _, b := range sum.Blockers {
				line("  • " + e.blockerText(b, cat))
			}
		}
	}
}

// previousLines say where the audit started from and how the catalog
// changed since.
func (e *env) previousLines(p *audit.Previous, typ audit.AuditType) []string {
	src := e.t("glance_previous_home", i18n.Args{"Report": p.ReportID})
	if p.Source == audit.FromReport {
		src = e.t("glance_previous_report", i18n.Args{"Report": p.ReportID, "File": p.File})
	}
	out := []string{src, e.t("glance_previous_hash", i18n.Args{"Hash": p.ContentHash})}
	if p.Signer != nil {
		out = append(out, e.t("glance_previous_signer", i18n.Args{"Subject": p.Signer.Subject, "Fingerprint": p.Signer.Fingerprint}))
	}
	out = append(out, e.changesText(p.Changes))
	if typ == audit.FollowUp {
		out = append(out, e.t("glance_follow_up", nil))
	}
	return out
}

// changesText says in one sentence how the catalog changed.
func (e *env) changesText(c audit.CatalogChanges) string {
	from, to := c.From.ID+" "+c.From.Version, c.To.ID+" "+c.To.Version
	switch {
	case c.SameCatalog():
		return e.t("changes_same", i18n.Args{"Catalog": to})
	case !c.Compared:
		return e.n("changes_not_compared", len(c.Removed), i18n.Args{"From": from, "To": to, "IDs": idList(c.Removed)})
	case !c.Any():
		return e.t("changes_none", i18n.Args{"From": from, "To": to})
	}
	var parts []string
	for _, k := range []struct {
		ids  []string
		kind audit.ChangeKind
	}{{c.Changed, audit.ChangedText}, {c.New, audit.NewRequirement}, {c.Removed, audit.Removed}} {
		if len(k.ids) > 0 {
			parts = append(parts, e.sayCount(changeCountIDs[k.kind], len(k.ids), i18n.Args{"IDs": idList(k.ids)}))
		}
	}
	return e.t("changes_summary", i18n.Args{"From": from, "To": to, "List": strings.Join(parts, "; ")})
}

// idList shows the first ids of a list and how many more.
func idList(ids []string) string {
	const most = 8
	if len(ids) <= most {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:most], ", ") + ", …"
}

// orNone is s, or the word for none when it is blank.
func (e *env) orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return e.t("none", nil)
	}
	return s
}

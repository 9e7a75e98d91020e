package report

import (
	"bytes"
	_ "embed" // the findings schema travels in the binary
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The findings as data a certification body's system can load: one
// record per applicable requirement, keyed by the catalog's requirement
// ids, plus the non-conformity register and the evidence with its
// plausibility marks. The shape is versioned and documented by a JSON
// Schema (schema/findings-v1.schema.json, embedded: FindingsSchema); the
// CSV has the same findings, one row each. The signed PDF attaches the
// JSON as findings.json beside audit.json.
//
// What never goes in: anything but the audit's findings, header and
// evidence. Interview records (and any private name) are not read here at
// all.

// FindingsAttachmentName is the file name of the findings data attached to
// every report.
const FindingsAttachmentName = "findings.json"

// FindingsFormat and FindingsVersion name the data's shape; a change that
// could break a reader's import makes a new version and a new schema file.
const (
	FindingsFormat  = "assay-findings"
	FindingsVersion = 1
	// FindingsSchemaID is the schema's $id, which every document names in
	// its "$schema" key.
	FindingsSchemaID = "https://github.com/assay-dev/assay/report/schema/findings-v1.schema.json"
)

// FindingsSchema is the JSON Schema (draft 2020-12) of the findings data.
//
//go:embed schema/findings-v1.schema.json
var FindingsSchema []byte

// FindingsData is the findings document: see the schema for each field.
type FindingsData struct {
	Schema  string `json:"$schema"`
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Language is the language of titles, chapters and area names.
	Language string          `json:"language"`
	Audit    FindingsAudit   `json:"audit"`
	Catalog  FindingsCatalog `json:"catalog"`
	// Recommendation is audit.Summarize's outcome code.
	Recommendation  string             `json:"recommendation"`
	Totals          FindingsTotals     `json:"totals"`
	Findings        []FindingRecord    `json:"findings"`
	NonConformities []NCRecord         `json:"non_conformities"`
	Evidence        []EvidenceRecord   `json:"evidence"`
	Plausibility    audit.Plausibility `json:"plausibility"`
	// PreviousCorrectiveActions are the corrective actions of the previous
	// audit's non-conformities and what this audit found of them. An
	// optional key added within version 1: absent (nil) when the audit has
	// no previous audit, an empty array when the previous one had no
	// non-conformity.
	PreviousCorrectiveActions []PreviousCARecord `json:"previous_corrective_actions,omitzero"`
}

// FindingsAudit identifies the audit and its report.
type FindingsAudit struct {
	ID                string          `json:"id"`
	ReportID          string          `json:"report_id"`
	Revision          int             `json:"revision"`
	Status            string          `json:"status"`
	ContentHash       string          `json:"content_hash"`
	ASMO              string          `json:"asmo"`
	LegalID           string          `json:"legal_id"`
	Country           string          `json:"country"`
	Region            string          `json:"region"`
	Municipality      string          `json:"municipality"`
	Site              string          `json:"site"`
	Coordinates       *audit.GeoPoint `json:"coordinates"`
	AuditType         string          `json:"audit_type"`
	CertType          string          `json:"certification_type"`
	CertYear          int             `json:"certification_year"`
	StartDate         string          `json:"start_date"`
	EndDate           string          `json:"end_date"`
	LeadInspector     string          `json:"lead_inspector"`
	CoInspectors      []string        `json:"co_inspectors"`
	CertificationBody string          `json:"certification_body"`
	Signer            *audit.Signer   `json:"signer"`
}

// FindingsCatalog names the exact catalog the requirement ids belong to.
type FindingsCatalog struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// FindingsTotals counts the applicable requirements by verdict.
type FindingsTotals struct {
	Applicable    int `json:"applicable"`
	Conforms      int `json:"conforms"`
	Minor         int `json:"minor"`
	Major         int `json:"major"`
	NotApplicable int `json:"not_applicable"`
	Open          int `json:"open"`
}

// FindingRecord is the finding on one applicable requirement.
type FindingRecord struct {
	Requirement      string   `json:"requirement"`
	Area             string   `json:"area"`
	Chapter          string   `json:"chapter"`
	Title            string   `json:"title"`
	Level            string   `json:"level"`
	Critical         bool     `json:"critical"`
	Responsible      string   `json:"responsible"`
	Verdict          string   `json:"verdict"`
	Notes            string   `json:"notes"`
	Justification    string   `json:"justification"`
	Evidence         []string `json:"evidence"`
	CorrectiveAction string   `json:"corrective_action"`
	// DueDate is the effective due date of a non-conformity's corrective
	// action (the inspector's, else the audit's policy); null otherwise.
	DueDate *string `json:"due_date"`
}

// NCRecord is one line of the non-conformity register.
type NCRecord struct {
	Requirement      string  `json:"requirement"`
	Title            string  `json:"title"`
	Severity         string  `json:"severity"`
	Critical         bool    `json:"critical"`
	Responsible      string  `json:"responsible"`
	Finding          string  `json:"finding"`
	CorrectiveAction string  `json:"corrective_action"`
	DueDate          *string `json:"due_date"`
}

// EvidenceRecord is one evidence file: what it is, and why to doubt it.
type EvidenceRecord struct {
	SHA256       string               `json:"sha256"`
	Name         string               `json:"name"`
	Caption      string               `json:"caption"`
	MediaType    string               `json:"media_type"`
	Size         int64                `json:"size"`
	Captured     *string              `json:"captured"`
	GPS          *audit.GeoPoint      `json:"gps"`
	Requirements []string             `json:"requirements"`
	Flags        []audit.EvidenceFlag `json:"flags"`
}

// PreviousCARecord is one corrective action of the previous audit and what
// this audit found of it (audit.CorrectiveResults).
type PreviousCARecord struct {
	// PreviousReportID is the id of the report the action comes from (the
	// audit's previous block).
	PreviousReportID string `json:"previous_report_id"`
	Requirement      string `json:"requirement"`
	// Severity is how the non-conformity weighs: major, else minor (as
	// CorrectiveResults reads it).
	Severity string  `json:"severity"`
	Critical bool    `json:"critical"`
	Action   string  `json:"action"`
	DueDate  *string `json:"due_date"`
	// Status is one of audit.CAStatuses; a status a hand-edited file
	// invented reads to_verify, as it counts.
	Status string `json:"status"`
	// Assessed: the inspector decided the status (false for to_verify and
	// for a superseded assay proposed and nobody confirmed yet).
	Assessed      bool   `json:"assessed"`
	EvidenceNotes string `json:"evidence_notes"`
	Overdue       bool   `json:"overdue"`
	// CountsAs is the action's weight in this audit's recommendation, set
	// only when it was not closed.
	CountsAs *string `json:"counts_as"`
}

// previousCARecords are a's corrective actions as data: nil when a has no
// previous audit (the key is left out), else one record per action.
func previousCARecords(a *audit.Audit) []PreviousCARecord {
	if a.Previous == nil {
		return nil
	}
	out := []PreviousCARecord{}
	for _, r := range audit.CorrectiveResults(a) {
		rec := PreviousCARecord{
			PreviousReportID: a.Previous.ReportID, Requirement: r.Requirement, Severity: string(audit.Minor),
			Critical: r.Critical, Action: r.Action, Status: string(r.Status), Assessed: !r.Unassessed(),
			EvidenceNotes: r.Notes, Overdue: r.Overdue,
		}
		if r.Severity == audit.Major {
			rec.Severity = string(audit.Major)
		}
		if d, err := audit.ParseDate(r.Due); err == nil {
			rec.DueDate = optional(d.Format(audit.DateLayout))
		}
		if !slices.Contains(audit.CAStatuses, r.Status) {
			rec.Status = string(audit.CAToVerify)
		}
		if r.CountsAs != "" {
			rec.CountsAs = optional(string(r.CountsAs))
		}
		out = append(out, rec)
	}
	return out
}

// FindingsOptions says how to build the findings data.
type FindingsOptions struct {
	// Language of titles, chapters and area names: "" is English.
	Language string
	// Plausibility is how strict the evidence marks are (config.toml);
	// the zero value means audit.DefaultPlausibility.
	Plausibility audit.Plausibility
}

// Findings builds the findings data of a against its catalog.
func Findings(a *audit.Audit, cat *standards.Catalog, opts FindingsOptions) *FindingsData {
	lang := i18n.Normalize(opts.Language)
	if lang == "" {
		lang = i18n.English
	}
	rules := opts.Plausibility
	if rules == (audit.Plausibility{}) {
		rules = audit.DefaultPlausibility
	}
	h := a.Header
	d := &FindingsData{
		Schema: FindingsSchemaID, Format: FindingsFormat, Version: FindingsVersion, Language: lang,
		Audit: FindingsAudit{
			ID: a.ID, ReportID: ReportID(a), Revision: a.Revision, Status: string(a.Status), ContentHash: a.ContentHash,
			ASMO: h.ASMO, LegalID: h.LegalID, Country: h.Country, Region: h.Region, Municipality: h.Municipality,
			Site: h.Site, Coordinates: h.Coordinates, AuditType: string(h.AuditType), CertType: string(h.CertType),
			CertYear: h.CertYear, StartDate: h.StartDate, EndDate: h.EndDate, LeadInspector: h.LeadInspector,
			CoInspectors: nonNil(h.CoInspectors), CertificationBody: h.CertBody, Signer: a.Signer,
		},
		Catalog:         FindingsCatalog{ID: a.Catalog.ID, Version: a.Catalog.Version, SHA256: a.Catalog.SHA256},
		Findings:        []FindingRecord{},
		NonConformities: []NCRecord{},
		Evidence:        []EvidenceRecord{},
		Plausibility:    rules,

		PreviousCorrectiveActions: previousCARecords(a),
	}
	sum := audit.Summarize(a, cat)
	d.Recommendation = string(sum.Recommendation.Outcome)
	for _, area := range cat.WalkAreas() {
		reqs := cat.InArea(area)
		for i := range reqs {
			r := &reqs[i]
			if audit.ApplicabilityOf(r, h) != audit.Applies {
				continue
			}
			l := r.In(lang)
			rec := FindingRecord{
				Requirement: r.ID, Area: string(r.Area), Chapter: l.Chapter, Title: l.Title, Level: string(r.Level),
				Critical: r.Critical, Responsible: responsible(r), Verdict: dataVerdict(a.VerdictOf(r.ID)), Evidence: []string{},
			}
			if f := a.Findings[r.ID]; f != nil {
				rec.Notes, rec.Justification, rec.CorrectiveAction = f.Notes, f.Justification, f.CorrectiveAction
				rec.Evidence = nonNil(f.Evidence)
			}
			rec.DueDate = optional(a.DueDate(r.ID))
			d.Findings = append(d.Findings, rec)
			d.Totals.Applicable++
			switch a.VerdictOf(r.ID) {
			case audit.Conforms:
				d.Totals.Conforms++
			case audit.Minor:
				d.Totals.Minor++
			case audit.Major:
				d.Totals.Major++
			case audit.NA:
				d.Totals.NotApplicable++
			default:
				d.Totals.Open++
			}
		}
	}
	for _, nc := range sum.NonConformities {
		rec := NCRecord{Requirement: nc.RequirementID, Severity: string(nc.Severity), Critical: nc.Critical,
			Finding: nc.Finding, CorrectiveAction: nc.CorrectiveAction, DueDate: optional(nc.DueDate), Responsible: string(standards.PartyASMO)}
		if r, ok := cat.Requirement(nc.RequirementID); ok {
			rec.Title, rec.Responsible = r.In(lang).Title, responsible(r)
		}
		d.NonConformities = append(d.NonConformities, rec)
	}
	seen := map[string]bool{}
	for i := range a.Evidence {
		ev := &a.Evidence[i]
		if seen[ev.SHA256] {
			continue // one file, one record: its other names are in its marks
		}
		seen[ev.SHA256] = true
		rec := EvidenceRecord{SHA256: ev.SHA256, Name: ev.Name, Caption: ev.Caption, MediaType: ev.MediaType, Size: ev.Size,
			GPS: ev.GPS, Requirements: nonNil(ev.Requirements), Flags: audit.CheckEvidence(a, ev, rules)}
		if !ev.Captured.IsZero() {
			rec.Captured = optional(ev.Captured.Format(time.RFC3339))
		}
		if rec.Flags == nil {
			rec.Flags = []audit.EvidenceFlag{}
		}
		d.Evidence = append(d.Evidence, rec)
	}
	return d
}

// dataVerdict is v, or open for a verdict a hand-edited file invented
// (the export warns about it): the data's verdicts are a closed set.
func dataVerdict(v audit.Verdict) string {
	if slices.Contains(audit.Verdicts, v) {
		return string(v)
	}
	return string(audit.Open)
}

// responsible is who must meet r, as the catalog's code ("asmo" when the
// catalog does not say).
func responsible(r *standards.Requirement) string {
	if r.Responsible == "" {
		return string(standards.PartyASMO)
	}
	return string(r.Responsible)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return append([]string(nil), s...)
}

func optional(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

// JSON is the findings document as indented UTF-8 JSON with a final line
// break: the bytes export --format json writes and the PDF attaches.
func (d *FindingsData) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSVColumns are the CSV's header row, in order (documented in the
// README with the schema).
var CSVColumns = []string{"audit_id", "report_id", "catalog_id", "catalog_version", "requirement", "area", "chapter",
	"title", "level", "critical", "responsible", "verdict", "notes", "justification", "evidence_sha256",
	"corrective_action", "due_date",
	// Added within version 1, after the others so a reader by position
	// keeps its columns: the previous audit's corrective action on the
	// requirement, empty when there is none.
	"previous_ca_status", "previous_ca_action", "previous_ca_due", "previous_ca_counts_as", "previous_ca_evidence_notes"}

// CSV is the findings as RFC 4180 CSV (UTF-8, CRLF line ends, a header
// row): one row per applicable requirement, in the catalog's walk order.
// A non-conformity's row carries its corrective action and due date, so
// the register is the rows whose verdict is minor or major. Evidence is
// the SHA-256 of each file, separated by spaces. The previous audit's
// corrective action on a requirement is on its row; one whose requirement
// has no row (removed from the catalog, not applicable this year) is only
// in the JSON.
func (d *FindingsData) CSV() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(CSVColumns); err != nil {
		return nil, err
	}
	cas := map[string]PreviousCARecord{}
	for _, ca := range d.PreviousCorrectiveActions {
		if _, ok := cas[ca.Requirement]; !ok {
			cas[ca.Requirement] = ca
		}
	}
	for _, f := range d.Findings {
		due := ""
		if f.DueDate != nil {
			due = *f.DueDate
		}
		crit := "false"
		if f.Critical {
			crit = "true"
		}
		row := []string{d.Audit.ID, d.Audit.ReportID, d.Catalog.ID, d.Catalog.Version, f.Requirement, f.Area, csvText(f.Chapter),
			csvText(f.Title), f.Level, crit, f.Responsible, f.Verdict, csvText(f.Notes), csvText(f.Justification),
			strings.Join(f.Evidence, " "), csvText(f.CorrectiveAction), due}
		if ca, ok := cas[f.Requirement]; ok {
			row = append(row, ca.Status, csvText(ca.Action), deref(ca.DueDate), deref(ca.CountsAs), csvText(ca.EvidenceNotes))
		} else {
			row = append(row, "", "", "", "", "")
		}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// csvText keeps the inspector's line breaks (a quoted field may hold
// them) but defuses a leading =, +, - or @, which spreadsheets would run
// as a formula (CWE-1236): a tab before it keeps the text as typed.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "\t" + s
	}
	return s
}

// DataFormat is a machine-readable export format.
type DataFormat string

// The data formats of export --format.
const (
	FormatJSON DataFormat = "json"
	FormatCSV  DataFormat = "csv"
)

// DataExportOptions says how to export one audit's findings as data.
type DataExportOptions struct {
	Format DataFormat
	// Language of titles, chapters and area names (see FindingsOptions).
	Language string
	// UILanguage is the language of warnings and errors; "" is English.
	UILanguage string
	// Plausibility is how strict the evidence marks are.
	Plausibility audit.Plausibility
	// Catalogs resolves the audit's catalog; nil loads the built-ins and
	// the home's.
	Catalogs *standards.Set
	// Output, when set, is the file to write (atomically; an existing one
	// only with Force). Either way the bytes are returned.
	Output string
	Force  bool
	// Warn receives what does not stop the export (a changed catalog, a
	// verdict assay does not know); nil drops it.
	Warn func(string)
}

// ExportData returns the findings of audit id as JSON or CSV, and writes
// them to opts.Output when set. It reads the audit without locking it (it
// changes nothing), at any status: the data says whether it is a draft.
func ExportData(s *audit.Store, id string, opts DataExportOptions) ([]byte, error) {
	warn := opts.Warn
	if warn == nil {
		warn = func(string) {}
	}
	msgs, _ := LoadMessages(s.Home()) // Export reports the files' problems
	m := msgs.For(opts.UILanguage)
	if !msgs.Has(opts.Language) {
		return nil, errors.New(m.T("unknown_language", i18n.Args{
			"Lang": strconv.Quote(opts.Language), "Known": strings.Join(msgs.Languages(), ", ")}))
	}
	if opts.Format != FormatJSON && opts.Format != FormatCSV {
		return nil, fmt.Errorf("report: unknown data format %q", string(opts.Format))
	}
	if st, err := os.Stat(opts.Output); opts.Output != "" && err == nil && st.IsDir() {
		return nil, errors.New(m.T("output_is_dir", i18n.Args{"Path": opts.Output, "Example": filepath.Join(opts.Output, "findings."+string(opts.Format))}))
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return nil, errors.New(m.T("output_exists", i18n.Args{"Path": opts.Output}))
		}
	}
	a, err := s.Load(id)
	if err != nil {
		return nil, err
	}
	cats := opts.Catalogs
	if cats == nil {
		cats, _ = standards.Load(s.Home())
	}
	cat, err := cats.ForIdentity(a.Catalog)
	var changed *standards.ChangedError
	switch {
	case errors.As(err, &changed):
		warn(m.T("catalog_changed_warning", i18n.Args{"Recorded": prefix(changed.Want, 12), "Installed": prefix(changed.Got, 12)}))
	case err != nil:
		return nil, fmt.Errorf("%s: %w", m.T("err_audit", i18n.Args{"ID": id}), err)
	}
	if uv := audit.UnknownVerdicts(a); len(uv) > 0 {
		bad := make([]string, len(uv))
		for i, u := range uv {
			bad[i] = fmt.Sprintf("%s (%q)", u.Requirement, string(u.Verdict))
		}
		warn(m.T("unknown_verdicts", i18n.Args{"Findings": strings.Join(bad, ", ")}))
	}
	d := Findings(a, cat, FindingsOptions{Language: opts.Language, Plausibility: opts.Plausibility})
	var data []byte
	if opts.Format == FormatCSV {
		data, err = d.CSV()
	} else {
		data, err = d.JSON()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.T("err_encode", i18n.Args{"ID": id}), err)
	}
	if opts.Output != "" {
		if err := writeData(m, opts.Output, data, opts.Force); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// writeData writes data to path all or nothing: a temporary file beside
// it, then commitOutput (no existing file replaced without force).
func writeData(m *i18n.Localizer, path string, data []byte, force bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return outputError(m, path, err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return outputError(m, path, err)
	}
	return commitOutput(m, tmp.Name(), path, force)
}

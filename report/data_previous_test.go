package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"testing"

	"github.com/assay-dev/assay/audit"
)

// withPreviousActions makes a (testAudit's or flaggedAudit's, finalized) a surveillance audit
// of last year's with one corrective action in each decided state, and
// seals it again so verify accepts it.
func withPreviousActions(t testing.TB, a *audit.Audit) *audit.Audit {
	t.Helper()
	a.Header.AuditType, a.Header.CertYear = audit.Surveillance, 1
	a.Previous = &audit.Previous{
		Source: audit.FromReport, AuditID: "2025-11-19-coop-la-esperanza-1b2c", ReportID: "2025-11-19-coop-la-esperanza-1b2c-r1",
		File: "informe-2025.pdf", Revision: 1, ContentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		Catalog: a.Catalog, AuditType: audit.Initial, StartDate: "2025-11-17", EndDate: "2025-11-19",
	}
	a.CorrectiveActions = []audit.CorrectiveAction{
		{Requirement: "1.2", Severity: audit.Minor, Action: "Publish the assembly minutes.", Due: "2026-03-31",
			Status: audit.CAClosed, Notes: "Actas del 2 de abril de 2026 vistas en la cartelera.", Assessed: fixtureNow},
		// Due before this audit's end (2026-11-20): overdue, so by the
		// default rule it counts as a major.
		{Requirement: "2.2", Severity: audit.Minor, Action: "=Reconcile the premium account monthly.", Due: "2026-06-30",
			Status: audit.CANotClosed, Assessed: fixtureNow},
		{Requirement: "4.3", Severity: audit.Minor, Action: "Sign PPE deliveries.", Due: "2027-01-31",
			Status: audit.CANotClosed, Assessed: fixtureNow},
		{Requirement: "5.2", Severity: audit.Major, Critical: true, Action: "Install a retort.", Due: "2026-02-28",
			Status: audit.CAClosed, Notes: "Retorta instalada y en uso.", Assessed: fixtureNow},
		// A requirement gone from this catalog: it has no CSV row.
		{Requirement: "6.9", Severity: audit.Minor, Action: "Train the new members.", Status: audit.CASuperseded, Assessed: fixtureNow},
	}
	h, err := audit.ContentHash(a)
	if err != nil {
		t.Fatal(err)
	}
	a.ContentHash = h
	a.History = []audit.Revision{{Revision: 1, Finalized: fixtureNow, ContentHash: h}}
	return a
}

func TestPreviousCorrectiveActionsInTheData(t *testing.T) {
	cat := testCatalog(4)
	a := withPreviousActions(t, flaggedAudit(t))
	for _, lang := range []string{"en", "es"} {
		data, err := Findings(a, cat, FindingsOptions{Language: lang}).JSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := validateFindings(t, data); err != nil {
			t.Fatalf("%s: findings do not validate: %v\n%s", lang, err, data)
		}
	}
	d := Findings(a, cat, FindingsOptions{Language: "es"})
	type row struct{ req, status, due, countsAs, notes string }
	var got []row
	for _, ca := range d.PreviousCorrectiveActions {
		if ca.PreviousReportID != a.Previous.ReportID {
			t.Errorf("%s: previous report id %q", ca.Requirement, ca.PreviousReportID)
		}
		got = append(got, row{ca.Requirement, ca.Status, deref(ca.DueDate), deref(ca.CountsAs), ca.EvidenceNotes})
	}
	want := []row{
		{"1.2", "closed", "2026-03-31", "", "Actas del 2 de abril de 2026 vistas en la cartelera."},
		{"2.2", "not_closed", "2026-06-30", "major", ""},
		{"4.3", "not_closed", "2027-01-31", "minor", ""},
		{"5.2", "closed", "2026-02-28", "", "Retorta instalada y en uso."},
		{"6.9", "superseded", "", "", ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("previous corrective actions\n got %v\nwant %v", got, want)
	}
	if ca := d.PreviousCorrectiveActions[1]; !ca.Overdue || !ca.Assessed || ca.Severity != "minor" {
		t.Errorf("2.2: %+v", ca)
	}
	if ca := d.PreviousCorrectiveActions[3]; ca.Severity != "major" || !ca.Critical || ca.Overdue != true {
		t.Errorf("5.2: %+v", ca)
	}

	// The CSV: still one row per applicable requirement; the action on
	// the requirement's row, nothing on the others.
	data, err := d.CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if !slices.Equal(rows[0], CSVColumns) || len(rows)-1 != len(applicableIDs(cat, a)) {
		t.Fatalf("header %v, %d rows", rows[0], len(rows)-1)
	}
	col := func(name string) int { return slices.Index(CSVColumns, name) }
	byReq := map[string][]string{}
	for _, r := range rows[1:] {
		byReq[r[col("requirement")]] = r
	}
	cells := func(req string) []string {
		r := byReq[req]
		return []string{r[col("previous_ca_status")], r[col("previous_ca_action")], r[col("previous_ca_due")],
			r[col("previous_ca_counts_as")], r[col("previous_ca_evidence_notes")]}
	}
	for req, w := range map[string][]string{
		"1.2": {"closed", "Publish the assembly minutes.", "2026-03-31", "", "Actas del 2 de abril de 2026 vistas en la cartelera."},
		"2.2": {"not_closed", "\t=Reconcile the premium account monthly.", "2026-06-30", "major", ""},
		"4.3": {"not_closed", "Sign PPE deliveries.", "2027-01-31", "minor", ""},
		"5.2": {"closed", "Install a retort.", "2026-02-28", "", "Retorta instalada y en uso."},
		"1.1": {"", "", "", "", ""},
	} {
		if g := cells(req); !slices.Equal(g, w) {
			t.Errorf("CSV row %s: previous_ca_* %q, want %q", req, g, w)
		}
	}
	if _, ok := byReq["6.9"]; ok {
		t.Error("a removed requirement got a row")
	}
}

// A draft: actions still to verify, one superseded by assay and not yet
// confirmed, one with a status a hand edit invented.
func TestPreviousCorrectiveActionsOfADraft(t *testing.T) {
	cat := testCatalog(4)
	a := withPreviousActions(t, flaggedAudit(t))
	a.Status, a.ContentHash, a.Signer = audit.Draft, "", nil
	a.Header.StartDate, a.Header.EndDate = "", ""
	a.CorrectiveActions[0].Status = audit.CAToVerify
	a.CorrectiveActions[2].Status = "done"
	a.CorrectiveActions[4].Proposed = true
	a.CorrectiveActions[3].Due = "28/02/2026"
	d := Findings(a, cat, FindingsOptions{})
	data, _ := d.JSON()
	if err := validateFindings(t, data); err != nil {
		t.Fatalf("draft findings do not validate: %v\n%s", err, data)
	}
	cas := d.PreviousCorrectiveActions
	if cas[0].Status != "to_verify" || cas[0].Assessed || cas[2].Status != "to_verify" || cas[2].Assessed ||
		cas[4].Status != "superseded" || cas[4].Assessed || cas[3].DueDate != nil {
		t.Errorf("draft actions %+v", cas)
	}
	// No dates yet: every action reads overdue (the heavier reading).
	if !cas[2].Overdue || !cas[1].Overdue {
		t.Errorf("undated audit: %+v", cas)
	}
}

// Without a previous audit the key is absent and the new columns empty:
// the data of an initial audit is what it was.
func TestNoPreviousAuditNoActions(t *testing.T) {
	cat := testCatalog(4)
	a := flaggedAudit(t)
	d := Findings(a, cat, FindingsOptions{})
	data, _ := d.JSON()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["previous_corrective_actions"]; ok {
		t.Errorf("an audit without a previous one has previous_corrective_actions: %v", m["previous_corrective_actions"])
	}
	csvData, _ := d.CSV()
	rows, _ := csv.NewReader(bytes.NewReader(csvData)).ReadAll()
	first := slices.Index(CSVColumns, "previous_ca_status")
	if first < 0 || len(rows) < 2 {
		t.Fatalf("columns %v, %d rows", CSVColumns, len(rows))
	}
	for _, r := range rows[1:] {
		for i := first; i < len(CSVColumns); i++ {
			if r[i] != "" {
				t.Errorf("row %s: %s = %q", r[slices.Index(CSVColumns, "requirement")], CSVColumns[i], r[i])
			}
		}
	}

	// A previous audit without non-conformities: present, and empty.
	a.Previous = &audit.Previous{Source: audit.FromHome, AuditID: "x", ReportID: "x-r1", Revision: 1}
	data, _ = Findings(a, cat, FindingsOptions{}).JSON()
	m = nil
	json.Unmarshal(data, &m)
	if v, ok := m["previous_corrective_actions"].([]any); !ok || len(v) != 0 {
		t.Errorf("previous audit without NCs: %#v", m["previous_corrective_actions"])
	}
	if err := validateFindings(t, data); err != nil {
		t.Errorf("empty array does not validate: %v", err)
	}
}

func TestSchemaRefusesWrongPreviousActions(t *testing.T) {
	data, _ := Findings(withPreviousActions(t, flaggedAudit(t)), testCatalog(4), FindingsOptions{}).JSON()
	ca := func(m map[string]any) map[string]any {
		return m["previous_corrective_actions"].([]any)[1].(map[string]any)
	}
	for name, edit := range map[string]func(m map[string]any){
		"status in words":      func(m map[string]any) { ca(m)["status"] = "no cerrada" },
		"unknown weight":       func(m map[string]any) { ca(m)["counts_as"] = "critical" },
		"no previous report":   func(m map[string]any) { delete(ca(m), "previous_report_id") },
		"extra key":            func(m map[string]any) { ca(m)["owner"] = "Rosa" },
		"due date not a date":  func(m map[string]any) { ca(m)["due_date"] = "30/06/2026" },
		"an object, not array": func(m map[string]any) { m["previous_corrective_actions"] = map[string]any{} },
	} {
		var m map[string]any
		json.Unmarshal(data, &m)
		edit(m)
		bad, _ := json.Marshal(m)
		if err := validateFindings(t, bad); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

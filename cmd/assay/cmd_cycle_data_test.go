package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/pdfsign"
)

// The previous audit's corrective actions reach the certification body's
// data: export --format json and csv, and the findings.json the signed
// report attaches.

func cycValidate(t *testing.T, data []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.FindingsSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(report.FindingsSchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(report.FindingsSchemaID)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the findings do not validate: %v", err)
	}
}

// cycCSV exports id as CSV and returns its rows by requirement, with the
// header.
func cycCSV(t *testing.T, home, id string) (map[string][]string, []string) {
	t.Helper()
	r := audRun(t, home, "export", id, "--format", "csv")
	if r.code != 0 {
		t.Fatalf("export --format csv: %s", r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	by := map[string][]string{}
	req := slices.Index(rows[0], "requirement")
	for _, row := range rows[1:] {
		by[row[req]] = row
	}
	return by, rows[0]
}

func TestExportCarriesThePreviousCorrectiveActions(t *testing.T) {
	home, prevID, _ := cycLastYear(t)

	// Last year's audit had none: no key, the columns empty.
	r := audRun(t, home, "export", prevID, "--format", "json")
	if r.code != 0 || strings.Contains(r.stdout, "previous_corrective_actions") {
		t.Errorf("an initial audit's data: exit %d, has previous_corrective_actions: %v", r.code, strings.Contains(r.stdout, "previous_corrective_actions"))
	}
	rows, head := cycCSV(t, home, prevID)
	status := slices.Index(head, "previous_ca_status")
	if status < 0 || len(rows) == 0 {
		t.Fatalf("header %v", head)
	}
	for req, row := range rows {
		if strings.Join(row[status:], "") != "" {
			t.Errorf("%s: previous_ca_* of an initial audit: %q", req, row[status:])
		}
	}

	id := strings.TrimSpace(audRun(t, home, "new", "--from", prevID, "--start", "2027-11-16", "--end", "2027-11-19").stdout)
	set := func(f func(a *audit.Audit)) {
		t.Helper()
		s, err := audit.OpenStore(home, nil)
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.Open(id)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		a := h.Audit()
		f(a)
		if err := h.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	set(func(a *audit.Audit) {
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(a.SetCorrectiveAction(0, audit.CAClosed, now))
		must(a.NoteCorrectiveAction(0, "Padrón actualizado: 92 socios."))
		must(a.SetCorrectiveAction(1, audit.CANotClosed, now))
		must(a.SetCorrectiveAction(2, audit.CASuperseded, now))
	})

	// A draft: what show --json says, as data that validates.
	show := cycShow(t, home, id)["corrective_actions"].([]any)
	r = audRun(t, home, "export", id, "--format", "json")
	if r.code != 0 {
		t.Fatalf("export --format json: %s", r.stderr)
	}
	cycValidate(t, []byte(r.stdout))
	var d report.FindingsData
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.PreviousCorrectiveActions) != len(show) || len(show) != 4 {
		t.Fatalf("%d actions in the data, %d in show", len(d.PreviousCorrectiveActions), len(show))
	}
	for i, ca := range d.PreviousCorrectiveActions {
		s := show[i].(map[string]any)
		due, counts := "", ""
		if ca.DueDate != nil {
			due = *ca.DueDate
		}
		if ca.CountsAs != nil {
			counts = *ca.CountsAs
		}
		sc, _ := s["counts_as"].(string)
		if ca.PreviousReportID != prevID+"-r1" || ca.Requirement != s["requirement"] || ca.Status != s["status"] ||
			ca.Severity != s["severity"] || ca.Action != s["action"] || due != s["due"] || counts != sc ||
			ca.EvidenceNotes != s["evidence_notes"] || ca.Overdue != s["overdue"] {
			t.Errorf("action %d: data %+v, show %v", i, ca, s)
		}
	}
	if got := []string{d.PreviousCorrectiveActions[0].Status, d.PreviousCorrectiveActions[1].Status,
		d.PreviousCorrectiveActions[2].Status, d.PreviousCorrectiveActions[3].Status}; !slices.Equal(got, []string{"closed", "not_closed", "superseded", "to_verify"}) {
		t.Errorf("statuses %v", got)
	}
	rows, head = cycCSV(t, home, id)
	col := func(name string) int { return slices.Index(head, name) }
	withAction := map[string]bool{}
	for _, ca := range d.PreviousCorrectiveActions {
		withAction[ca.Requirement] = true
		row, ok := rows[ca.Requirement]
		if !ok {
			continue // superseded on a requirement with no row this year
		}
		due := ""
		if ca.DueDate != nil {
			due = *ca.DueDate
		}
		if row[col("previous_ca_status")] != ca.Status || row[col("previous_ca_action")] != ca.Action ||
			row[col("previous_ca_due")] != due || row[col("previous_ca_evidence_notes")] != ca.EvidenceNotes {
			t.Errorf("CSV row %s: %q, want %+v", ca.Requirement, row[col("previous_ca_status"):], ca)
		}
	}
	if n := len(rows); n != len(d.Findings) {
		t.Errorf("%d CSV rows for %d findings", n, len(d.Findings))
	}
	for req, row := range rows {
		if !withAction[req] && strings.Join(row[col("previous_ca_status"):], "") != "" {
			t.Errorf("%s has no action but %q", req, row[col("previous_ca_status"):])
		}
	}

	// Finalized and signed: the attached findings.json is the exported
	// data, statuses and all, and verify accepts it.
	walkTheRest(t, home, id)
	set(func(a *audit.Audit) {
		if err := a.SetCorrectiveAction(3, audit.CAClosed, now); err != nil {
			t.Fatal(err)
		}
		a.NoteCorrectiveAction(3, "Registro de capacitación visto.")
		a.Header.LeadInspector = "Ana Quispe"
	})
	if r := audRun(t, home, "finalize", id); r.code != 0 {
		t.Fatalf("finalize: %s", r.stderr)
	}
	pdf := filepath.Join(t.TempDir(), "informe-2027.pdf")
	if r := audRun(t, home, "export", id, "-o", pdf); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	files, err := pdfsign.Attachments(data)
	if err != nil {
		t.Fatal(err)
	}
	attached := files[report.FindingsAttachmentName]
	if r := audRun(t, home, "export", id, "--format", "json"); !bytes.Equal([]byte(r.stdout), attached) {
		t.Error("the attached findings.json differs from export --format json")
	}
	cycValidate(t, attached)
	for _, w := range []string{`"status": "not_closed"`, `"status": "superseded"`, `"previous_report_id": "` + prevID + `-r1"`, "Registro de capacitación visto."} {
		if !strings.Contains(string(attached), w) {
			t.Errorf("the attached findings lack %s", w)
		}
	}
	if r := audRun(t, home, "verify", pdf); r.code != 0 {
		t.Errorf("verify: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

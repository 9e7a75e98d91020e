package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	// A maintained validator of the whole of draft 2020-12 (its test suite
	// passes JSON-Schema-Test-Suite), rather than one of our own for the
	// subset the schema uses: a validator written with the schema would
	// share its author's misreadings. Test-only.
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/assay-dev/assay/audit"
)

// findingsValidator compiles the embedded schema.
func findingsValidator(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(FindingsSchema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(FindingsSchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(FindingsSchemaID)
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// validateFindings checks data against the schema.
func validateFindings(t testing.TB, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("findings are not JSON: %v", err)
	}
	return findingsValidator(t).Validate(inst)
}

// flaggedAudit is testAudit with one photo a year old and one 100 km
// away, the old one justified.
func flaggedAudit(t testing.TB) *audit.Audit {
	a, _ := testAudit(t, testCatalog(4), 3, 40)
	// The fixture's document has a 63-digit "digest": make it a real one.
	doc := &a.Evidence[len(a.Evidence)-1]
	old, sha := doc.SHA256, strings.Repeat("c0ffee", 10)+"0001"
	doc.SHA256 = sha
	for _, f := range a.Findings {
		for i := range f.Evidence {
			if f.Evidence[i] == old {
				f.Evidence[i] = sha
			}
		}
	}
	a.Evidence[0].Captured = time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC)
	a.Evidence[0].Justifications = map[audit.EvidenceFlagKind]string{audit.FlagOutsideDates: "Foto del informe anterior de la ASMO."}
	a.Evidence[1].GPS = &audit.GeoPoint{Lat: 7.1442, Lon: -75.5812}
	return a
}

func TestFindingsJSONValidatesAgainstSchema(t *testing.T) {
	cat := testCatalog(4)
	a := flaggedAudit(t)
	a.Signer = &audit.Signer{Subject: "CN=Ana María Gómez,E=ana@example.org", Fingerprint: strings.TrimSuffix(strings.Repeat("AB:", 32), ":")}
	for _, lang := range []string{"en", "es"} {
		data, err := Findings(a, cat, FindingsOptions{Language: lang}).JSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := validateFindings(t, data); err != nil {
			t.Fatalf("%s: findings do not validate: %v\n%s", lang, err, data)
		}
	}
	// A draft: no content hash, no signer, open findings, no dates.
	b := flaggedAudit(t)
	b.Status, b.ContentHash, b.Signer = audit.Draft, "", nil
	b.Header.StartDate, b.Header.EndDate, b.Header.Coordinates = "", "", nil
	delete(b.Findings, "1.1")
	b.Finding("1.3").Verdict = "unsure" // a hand-edited file
	data, _ := Findings(b, cat, FindingsOptions{}).JSON()
	if err := validateFindings(t, data); err != nil {
		t.Fatalf("draft findings do not validate: %v\n%s", err, data)
	}
}

func TestSchemaRefusesWhatIsWrong(t *testing.T) {
	// The validator is not a rubber stamp: each change breaks the schema.
	data, _ := Findings(flaggedAudit(t), testCatalog(4), FindingsOptions{}).JSON()
	for name, edit := range map[string]func(m map[string]any){
		"unknown verdict": func(m map[string]any) { m["findings"].([]any)[0].(map[string]any)["verdict"] = "maybe" },
		"missing requirement id": func(m map[string]any) {
			delete(m["findings"].([]any)[0].(map[string]any), "requirement")
		},
		"bad digest":    func(m map[string]any) { m["evidence"].([]any)[0].(map[string]any)["sha256"] = "xyz" },
		"extra key":     func(m map[string]any) { m["interviews"] = []any{} },
		"wrong version": func(m map[string]any) { m["version"] = 2 },
		"flag without its days": func(m map[string]any) {
			ev := m["evidence"].([]any)[0].(map[string]any)
			delete(ev["flags"].([]any)[0].(map[string]any), "days")
		},
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

func TestFindingsContent(t *testing.T) {
	cat := testCatalog(4)
	a := flaggedAudit(t)
	d := Findings(a, cat, FindingsOptions{Language: "es"})
	want := applicableIDs(cat, a)
	var got []string
	for _, f := range d.Findings {
		got = append(got, f.Requirement)
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings for %v, want one per applicable requirement %v", got, want)
	}
	if d.Totals.Applicable != len(want) || d.Totals.Minor != 2 || d.Totals.Major != 1 || d.Totals.NotApplicable != 1 {
		t.Errorf("totals %+v", d.Totals)
	}
	if len(d.NonConformities) != 3 {
		t.Fatalf("register has %d entries, want 3", len(d.NonConformities))
	}
	for _, nc := range d.NonConformities {
		if nc.DueDate == nil || nc.CorrectiveAction == "" {
			t.Errorf("NC %s without due date or action: %+v", nc.Requirement, nc)
		}
	}
	if d.Recommendation != string(audit.NotRecommended) {
		t.Errorf("recommendation %q", d.Recommendation)
	}
	marks := map[string][]audit.EvidenceFlagKind{}
	for _, ev := range d.Evidence {
		for _, f := range ev.Flags {
			marks[ev.Name] = append(marks[ev.Name], f.Kind)
		}
	}
	if !slices.Equal(marks["IMG_0100.jpg"], []audit.EvidenceFlagKind{audit.FlagOutsideDates}) ||
		!slices.Equal(marks["IMG_0101.jpg"], []audit.EvidenceFlagKind{audit.FlagFarFromSite}) || len(marks["IMG_0102.jpg"]) != 0 {
		t.Errorf("marks %v", marks)
	}
	if d.Evidence[0].Flags[0].Justification == "" {
		t.Error("the justification is not in the data")
	}
	// The Spanish data has the catalog's words in Spanish where it has
	// them, and codes in English.
	if d.Language != "es" || d.Findings[0].Verdict != "conforms" || d.Findings[0].Area != "social" {
		t.Errorf("language/codes: %q %q %q", d.Language, d.Findings[0].Verdict, d.Findings[0].Area)
	}
}

func TestFindingsCSV(t *testing.T) {
	cat := testCatalog(4)
	a := flaggedAudit(t)
	a.Finding("2.2").Notes = "=HYPERLINK(\"http://x\")\nsegunda línea, con coma; y \"comillas\""
	data, err := Findings(a, cat, FindingsOptions{}).CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if !slices.Equal(rows[0], CSVColumns) {
		t.Errorf("header %v", rows[0])
	}
	want := applicableIDs(cat, a)
	if len(rows)-1 != len(want) {
		t.Fatalf("%d rows, want one per applicable requirement (%d)", len(rows)-1, len(want))
	}
	col := func(name string) int { return slices.Index(CSVColumns, name) }
	for i, r := range rows[1:] {
		if r[col("requirement")] != want[i] || r[col("audit_id")] != a.ID {
			t.Errorf("row %d: %v", i+1, r[:6])
		}
		if r[col("requirement")] == "2.2" {
			if !strings.HasPrefix(r[col("notes")], "\t=HYPERLINK") || !strings.Contains(r[col("notes")], "\nsegunda línea, con coma; y \"comillas\"") {
				t.Errorf("notes: %q", r[col("notes")])
			}
			if r[col("verdict")] != "minor" || r[col("due_date")] == "" || r[col("corrective_action")] == "" {
				t.Errorf("NC row: %v", r)
			}
		}
		if r[col("verdict")] == "conforms" && r[col("due_date")] != "" {
			t.Errorf("a conforming requirement has a due date: %v", r)
		}
		if ev := r[col("evidence_sha256")]; ev != "" && len(strings.Fields(ev)[0]) != 64 {
			t.Errorf("evidence %q", ev)
		}
	}
}

package audit

import (
	"encoding/json"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// testCatalog is a small synthetic catalog, independent of the built-in
// files: per certification year 1 Fairmined audit, S-1 S-2 L-1 C-1 apply,
// S-3 and L-2 are informative and C-2 (ecological) is excluded.
func testCatalog() *standards.Catalog {
	return &standards.Catalog{
		ID: "test-1.0", Name: "Test catalog", Version: "1.0", SHA256: "0123abcd",
		Areas: []standards.Area{standards.Social, standards.Labour, standards.Chemicals},
		Requirements: []standards.Requirement{
			{ID: "S-1", Area: standards.Social, Title: "Organisation legally registered", Level: standards.Entry},
			{ID: "S-2", Area: standards.Social, Title: "Complaints mechanism", Level: standards.Progress, DueYear: 1},
			{ID: "S-3", Area: standards.Social, Title: "Gender equality plan", Level: standards.Progress, DueYear: 3},
			{ID: "L-1", Area: standards.Labour, Title: "No child labour", Level: standards.Entry, Critical: true},
			{ID: "L-2", Area: standards.Labour, Title: "Safety training programme", Level: standards.Progress, DueYear: 6},
			{ID: "C-1", Area: standards.Chemicals, Title: "Mercury only in retorts", Level: standards.Entry},
			{ID: "C-2", Area: standards.Chemicals, Title: "No mercury on site", Level: standards.Entry, AppliesTo: standards.AppliesEcological},
		},
	}
}

// newTestAudit is a draft of the test catalog with a valid year 1 header.
func newTestAudit() *Audit {
	return New(testCatalog(), validHeader(), time.Date(2026, 11, 21, 18, 0, 0, 0, time.UTC))
}

// set records a complete finding: what an inspector would write for v.
func set(a *Audit, id string, v Verdict) *Finding {
	f := a.Finding(id)
	f.Verdict = v
	switch v {
	case NA:
		f.Justification = "no plant on this site"
	case Minor, Major:
		f.Notes = "seen on site"
		f.CorrectiveAction = "fix it"
	}
	return f
}

// conformAll marks every applicable requirement as conforming.
func conformAll(a *Audit, cat *standards.Catalog) {
	for i := range cat.Requirements {
		if ApplicabilityOf(&cat.Requirements[i], a.Header) == Applies {
			set(a, cat.Requirements[i].ID, Conforms)
		}
	}
}

func TestApplicability(t *testing.T) {
	cat := testCatalog()
	req := func(id string) *standards.Requirement { r, _ := cat.Requirement(id); return r }
	tests := []struct {
		year int
		cert CertType
		want map[string]Applicability
	}{
		{0, Fairmined, map[string]Applicability{"S-1": Applies, "S-2": Informative, "S-3": Informative, "L-2": Informative, "C-2": Excluded}},
		{1, Fairmined, map[string]Applicability{"S-1": Applies, "S-2": Applies, "S-3": Informative, "L-2": Informative, "C-2": Excluded}},
		{3, Fairmined, map[string]Applicability{"S-1": Applies, "S-2": Applies, "S-3": Applies, "L-2": Informative, "C-2": Excluded}},
		{6, Fairmined, map[string]Applicability{"S-1": Applies, "S-2": Applies, "S-3": Applies, "L-2": Applies, "C-2": Excluded}},
		{0, Ecological, map[string]Applicability{"S-1": Applies, "S-2": Informative, "C-2": Applies}},
		{6, Ecological, map[string]Applicability{"L-2": Applies, "C-2": Applies}},
	}
	for _, tt := range tests {
		h := Header{CertYear: tt.year, CertType: tt.cert}
		for id, want := range tt.want {
			if got := ApplicabilityOf(req(id), h); got != want {
				t.Errorf("%s year %d, %s: %s, want %s", tt.cert, tt.year, id, got, want)
			}
		}
	}

	h := Header{CertYear: 1, CertType: Fairmined}
	for id, want := range map[string]ApplicabilityDetail{
		"S-1": {Applicability: Applies},
		"S-3": {Applicability: Informative, DueYear: 3, CertYear: 1},
		"C-2": {Applicability: Excluded, EcologicalOnly: true},
	} {
		if got := ExplainApplicability(req(id), h); got != want {
			t.Errorf("ExplainApplicability(%s) = %+v, want %+v", id, got, want)
		}
	}
	if got := ExplainApplicability(nil, h); got != (ApplicabilityDetail{Applicability: Excluded}) {
		t.Errorf("ExplainApplicability(nil) = %+v", got)
	}
	// JSON carries the stable names, not numbers.
	if b, _ := json.Marshal(ExplainApplicability(req("S-3"), h)); string(b) != `{"applicability":"informative","due_year":3,"certification_year":1}` {
		t.Errorf("JSON: %s", b)
	}
}

func TestSummaryCounts(t *testing.T) {
	cat := testCatalog()
	a := newTestAudit()
	set(a, "S-1", Conforms)
	set(a, "S-3", Major) // informative in year 1: counted apart, not in Counts
	set(a, "C-1", NA)
	set(a, "C-2", Conforms) // excluded

	s := Summarize(a, cat)
	type row struct {
		area                                    standards.Area
		counts                                  map[Verdict]int
		applicable, assessed, informative, excl int
		percent                                 int
	}
	want := []row{
		{standards.Social, map[Verdict]int{Open: 1, Conforms: 1, Minor: 0, Major: 0, NA: 0}, 2, 1, 1, 0, 50},
		{standards.Labour, map[Verdict]int{Open: 1, Conforms: 0, Minor: 0, Major: 0, NA: 0}, 1, 0, 1, 0, 0},
		{standards.Chemicals, map[Verdict]int{Open: 0, Conforms: 0, Minor: 0, Major: 0, NA: 1}, 1, 1, 0, 1, 100},
	}
	if len(s.Areas) != len(want) {
		t.Fatalf("got %d areas, want %d in the catalog's order", len(s.Areas), len(want))
	}
	for i, w := range want {
		g := s.Areas[i]
		got := row{g.Area, g.Counts, g.Applicable, g.Assessed, g.Informative, g.Excluded, g.Percent}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("area %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	tot := s.Total
	if tot.Applicable != 4 || tot.Assessed != 2 || tot.Informative != 2 || tot.Excluded != 1 || tot.Percent != 50 {
		t.Errorf("total = %+v, want 4 applicable, 2 assessed, 2 informative, 1 excluded, 50%%", tot)
	}
	if tot.Counts[Open] != 2 || tot.Counts[Major] != 0 {
		t.Errorf("total counts = %v: the informative major must not be counted", tot.Counts)
	}

	// Percent rounds down: 2 of 3 is 66, not 67.
	h := validHeader()
	h.CertYear = 3
	a.Header = h
	set(a, "S-2", Conforms)
	delete(a.Findings, "S-3")
	if p := Summarize(a, cat).Areas[0].Percent; p != 66 {
		t.Errorf("social 2 of 3 assessed: percent %d, want 66", p)
	}
}

func TestRecommendation(t *testing.T) {
	cat := testCatalog()
	tests := []struct {
		name    string
		change  func(a *Audit)
		outcome Outcome
		reasons []Reason
	}{
		{"nothing assessed", func(a *Audit) {}, Incomplete,
			[]Reason{{Kind: ReasonStillOpen, Open: 4, Applicable: 4,
				OpenByArea: []AreaCount{{standards.Social, 2}, {standards.Labour, 1}, {standards.Chemicals, 1}}}}},
		{"some open", func(a *Audit) { conformAll(a, cat); delete(a.Findings, "L-1") }, Incomplete,
			[]Reason{{Kind: ReasonStillOpen, Open: 1, Applicable: 4, OpenByArea: []AreaCount{{standards.Labour, 1}}}}},
		{"all conform", func(a *Audit) { conformAll(a, cat) }, Recommended,
			[]Reason{{Kind: ReasonAllConform, Applicable: 4, Conforming: 4}}},
		{"conform and na", func(a *Audit) { conformAll(a, cat); set(a, "C-1", NA) }, Recommended,
			[]Reason{{Kind: ReasonAllConform, Applicable: 4, Conforming: 3, NotApplicable: 1}}},
		{"minor", func(a *Audit) { conformAll(a, cat); set(a, "S-2", Minor) }, RecommendedWithConditions,
			[]Reason{{Kind: ReasonMinor, Requirement: "S-2", Severity: Minor, DueDate: "2027-02-19"}}},
		{"minor without end date", func(a *Audit) { conformAll(a, cat); set(a, "S-2", Minor); a.Header.EndDate = "" }, RecommendedWithConditions,
			[]Reason{{Kind: ReasonMinorNoDueDate, Requirement: "S-2", Severity: Minor}}},
		{"major", func(a *Audit) { conformAll(a, cat); set(a, "C-1", Major) }, NotRecommended,
			[]Reason{{Kind: ReasonMajor, Requirement: "C-1", Severity: Major}}},
		{"critical minor", func(a *Audit) { conformAll(a, cat); set(a, "L-1", Minor) }, NotRecommended,
			[]Reason{{Kind: ReasonCritical, Requirement: "L-1", Severity: Minor}}},
		{"major beats open", func(a *Audit) { set(a, "C-1", Major) }, NotRecommended,
			[]Reason{{Kind: ReasonMajor, Requirement: "C-1", Severity: Major},
				{Kind: ReasonStillOpen, Open: 3, Applicable: 4, OpenByArea: []AreaCount{{standards.Social, 2}, {standards.Labour, 1}}}}},
		{"informative major ignored", func(a *Audit) { conformAll(a, cat); set(a, "S-3", Major); set(a, "L-2", Minor) }, Recommended,
			[]Reason{{Kind: ReasonAllConform, Applicable: 4, Conforming: 4},
				{Kind: ReasonInformative, Requirements: []string{"S-3", "L-2"}}}},
		{"excluded major ignored", func(a *Audit) { conformAll(a, cat); set(a, "C-2", Major) }, Recommended,
			[]Reason{{Kind: ReasonAllConform, Applicable: 4, Conforming: 4}}},
		{"unknown verdict counts as open", func(a *Audit) { conformAll(a, cat); a.Findings["C-1"].Verdict = "observation" }, Incomplete,
			[]Reason{{Kind: ReasonStillOpen, Open: 1, Applicable: 4, OpenByArea: []AreaCount{{standards.Chemicals, 1}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestAudit()
			tt.change(a)
			rec := Summarize(a, cat).Recommendation
			if rec.Outcome != tt.outcome {
				t.Fatalf("outcome %s, want %s; reasons %+v", rec.Outcome, tt.outcome, rec.Reasons)
			}
			if !reflect.DeepEqual(rec.Reasons, tt.reasons) {
				t.Errorf("reasons\n got %+v\nwant %+v", rec.Reasons, tt.reasons)
			}
		})
	}

	// With nothing applicable at all (a wrong catalog), never recommended.
	empty := &standards.Catalog{ID: "x", Areas: standards.Areas}
	if rec := Summarize(newTestAudit(), empty).Recommendation; rec.Outcome != Incomplete ||
		!reflect.DeepEqual(rec.Reasons, []Reason{{Kind: ReasonNothingApplies}}) {
		t.Errorf("empty catalog: %+v", rec)
	}
}

// TestReasonKindsAreJSONValues: every kind, outcome, blocker and problem is
// a stable lower-case word a script can match, and the lists name each once.
func TestKindsAreStableJSONValues(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	check := func(what string, kinds []string) {
		seen := map[string]bool{}
		for _, k := range kinds {
			if !word.MatchString(k) || seen[k] {
				t.Errorf("%s kind %q is not a unique lower-case word", what, k)
			}
			seen[k] = true
		}
	}
	check("outcome", choices(Outcomes))
	check("reason", choices(ReasonKinds))
	check("blocker", choices(BlockerKinds))
	check("problem", choices(ProblemKinds))
	check("note", choices(NoteKinds))
	b, err := json.Marshal(Reason{Kind: ReasonMinor, Requirement: "S-2", Severity: Minor, DueDate: "2027-02-19"})
	if err != nil || string(b) != `{"kind":"minor","requirement_id":"S-2","severity":"minor","due_date":"2027-02-19"}` {
		t.Errorf("reason JSON: %s %v", b, err)
	}
}

func TestNonConformityRegister(t *testing.T) {
	cat := testCatalog()
	a := newTestAudit()
	conformAll(a, cat)
	set(a, "C-1", Minor).DueDate = "2027-01-15"
	f := set(a, "L-1", Major)
	f.Notes, f.CorrectiveAction = "a 14-year-old at the sluice", "remove minors, school agreement"
	set(a, "S-3", Major) // informative: reported with the findings, not in the register

	got := Summarize(a, cat).NonConformities
	want := []NonConformity{
		{RequirementID: "L-1", Area: standards.Labour, Severity: Major,
			Finding: "a 14-year-old at the sluice", CorrectiveAction: "remove minors, school agreement",
			DueDate: "2026-12-21", Critical: true},
		{RequirementID: "C-1", Area: standards.Chemicals, Severity: Minor,
			Finding: "seen on site", CorrectiveAction: "fix it", DueDate: "2027-01-15"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("register:\n got %+v\nwant %+v", got, want)
	}
}

func TestDueDate(t *testing.T) {
	a := newTestAudit() // end date 2026-11-21
	set(a, "S-1", Minor)
	set(a, "S-2", Major)
	set(a, "C-1", Conforms)
	tests := []struct {
		name   string
		change func(a *Audit)
		id     string
		want   string
	}{
		{"minor default 90 days", func(a *Audit) {}, "S-1", "2027-02-19"},
		{"major default 30 days", func(a *Audit) {}, "S-2", "2026-12-21"},
		{"override", func(a *Audit) { a.Findings["S-1"].DueDate = "2026-12-01" }, "S-1", "2026-12-01"},
		{"audit policy", func(a *Audit) { a.Policy = DatePolicy{MinorDays: 60, MajorDays: 14} }, "S-2", "2026-12-05"},
		{"missing policy falls back", func(a *Audit) { a.Policy = DatePolicy{} }, "S-1", "2027-02-19"},
		{"no end date", func(a *Audit) { a.Header.EndDate = "" }, "S-1", ""},
		{"not a non-conformity", func(a *Audit) {}, "C-1", ""},
		{"no finding", func(a *Audit) {}, "L-1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := *a
			b.Header = a.Header
			b.Findings = map[string]*Finding{}
			for id, f := range a.Findings {
				c := *f
				b.Findings[id] = &c
			}
			tt.change(&b)
			if got := b.DueDate(tt.id); got != tt.want {
				t.Errorf("DueDate(%s) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

func TestSummarizeNeverPanics(t *testing.T) {
	cat := testCatalog()
	a := newTestAudit()
	a.Findings["S-1"] = nil // "S-1": null in a hand-edited file
	a.Findings["ZZ-9"] = &Finding{Verdict: Major}
	s := Summarize(a, cat)
	if s.Total.Counts[Open] != 4 {
		t.Errorf("a null finding should count as open: %v", s.Total.Counts)
	}
	if s := Summarize(a, nil); s.Recommendation.Outcome != Incomplete || len(s.Areas) != 0 {
		t.Errorf("no catalog: %+v", s)
	}
	if s := Summarize(nil, cat); s.Recommendation.Outcome != Incomplete {
		t.Errorf("no audit: %+v", s)
	}
}

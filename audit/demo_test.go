package audit

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

func TestDemoIsCompleteAndNotRecommendedBecauseOfTheMajor(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	id, err := CreateDemo(s, cat, now)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != Draft || a.Header.ASMO == "" || a.Header.CertBody != "IMO Swiss AG" || a.Header.CertYear != 1 {
		t.Errorf("header: %+v", a.Header)
	}
	if errs := ValidateHeader(a.Header); len(errs) > 0 {
		t.Errorf("header invalid: %v", errs)
	}
	informative := 0
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		switch ApplicabilityOf(r, a.Header) {
		case Applies:
			if a.VerdictOf(r.ID) == Open {
				t.Errorf("applicable requirement %s left open", r.ID)
			}
		case Informative:
			informative++
		}
	}
	if informative == 0 {
		t.Error("a year-1 surveillance audit should leave later progress requirements informative")
	}
	if b := FinalizeBlockers(a, cat); len(b) > 0 {
		t.Errorf("demo cannot be finalized: %+v", b)
	}
	sum := Summarize(a, cat)
	if sum.Recommendation.Outcome != NotRecommended {
		t.Errorf("recommendation %q, want not-recommended: %v", sum.Recommendation.Outcome, sum.Recommendation.Reasons)
	}
	minors, majors, critical := 0, 0, 0
	for _, nc := range sum.NonConformities {
		switch nc.Severity {
		case Minor:
			minors++
		case Major:
			majors++
		}
		if nc.Critical {
			critical++
		}
		if nc.CorrectiveAction == "" || nc.DueDate == "" || nc.Finding == "" {
			t.Errorf("non-conformity %s incomplete: %+v", nc.RequirementID, nc)
		}
	}
	if minors != 3 || majors != 1 || critical != 0 {
		t.Errorf("%d minor, %d major, %d critical; want 3, 1, 0", minors, majors, critical)
	}
	if sum.Total.Counts[NA] == 0 {
		t.Error("no requirement marked not applicable")
	}
	found := false
	for _, f := range a.Findings {
		found = found || strings.Contains(f.Notes, "Una pallaquera confirmó que selecciona mineral desde 2023")
	}
	if !found {
		t.Error("the accented field note did not survive")
	}
	if len(a.Evidence) != 2 {
		t.Fatalf("%d evidence items, want 2", len(a.Evidence))
	}
	for _, ev := range a.Evidence {
		if len(ev.Requirements) == 0 || ev.Derived == "" || ev.GPS == nil || ev.Caption == "" {
			t.Errorf("evidence %s: %+v", ev.Name, ev)
		}
		if _, err := os.Stat(s.DerivedPath(id, &ev)); err != nil {
			t.Error(err)
		}
		for _, r := range ev.Requirements {
			if a.VerdictOf(r) == Open {
				t.Errorf("photo %s linked to open requirement %s", ev.Name, r)
			}
		}
	}
	// The whole flow works on it: finalize and save.
	h, err := s.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := Finalize(a, cat, testSigner, now); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
}

func TestDemoOnAnotherCatalog(t *testing.T) {
	// CRAFT has none of the Fairmined ids the demo prefers: the demo still
	// assesses everything and places its non-conformities.
	var craft *standards.Catalog
	for _, c := range standards.Builtin() {
		if c.ID == "craft-2.0" {
			craft = c
		}
	}
	if craft == nil {
		t.Skip("CRAFT catalog not built in")
	}
	s := stStore(t)
	id, err := CreateDemo(s, craft, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Load(id)
	if b := FinalizeBlockers(a, craft); len(b) > 0 {
		t.Errorf("blockers: %v", b)
	}
	if got := Summarize(a, craft).Recommendation.Outcome; got != NotRecommended {
		t.Errorf("recommendation %q", got)
	}
}

// TestDemoNotesFitTheirRequirements: with the built-in catalog every
// conforming finding has the note written for its own requirement (no note
// dealt out in rotation, so "1.3.1 Legally constituted organisation" no
// longer speaks of the gender policy), and no two findings share one.
func TestDemoNotesFitTheirRequirements(t *testing.T) {
	s := stStore(t)
	cat := testBuiltin(t)
	id, err := CreateDemo(s, cat, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Load(id)
	seen := map[string]string{}
	for rid, f := range a.Findings {
		if f.Verdict != Conforms {
			continue
		}
		want, ok := demoNotesByReq[rid]
		if !ok {
			t.Errorf("%s conforms with no note written for it: %q", rid, f.Notes)
			continue
		}
		if f.Notes != want.String() {
			t.Errorf("%s has another requirement's note: %q", rid, f.Notes)
		}
		if other, dup := seen[f.Notes]; dup {
			t.Errorf("%s and %s share a note", rid, other)
		}
		seen[f.Notes] = rid
		if !strings.Contains(f.Notes, "\n\n") {
			t.Errorf("%s: the note has no English line: %q", rid, f.Notes)
		}
	}
	if n := a.Findings["1.3.1"].Notes; !strings.Contains(n, "Cámara de Comercio") || strings.Contains(n, "género") {
		t.Errorf("1.3.1 Legally constituted organisation says: %q", n)
	}
	// The demo's register, sampling, plan and closing are all there.
	h := a.Header
	if len(h.Register) < 12 || h.Closing.Response == "" || h.Plan.Scope == "" || len(SamplePlan(h, DefaultSampleRule)) < 4 {
		t.Errorf("demo lacks its register (%d), closing (%q), scope or sampling", len(h.Register), h.Closing.Response)
	}
	if d := DanglingCitations(a, cat); len(d) > 0 {
		t.Errorf("demo notes cite interviews the register lacks: %+v", d)
	}
}

// testBuiltin is the built-in Fairmined catalog, the demo's own.
func testBuiltin(t *testing.T) *standards.Catalog {
	t.Helper()
	for _, c := range standards.Builtin() {
		if c.ID == standards.DefaultID {
			return c
		}
	}
	t.Fatal("no built-in Fairmined catalog")
	return nil
}

// The demo shows the plausibility marks as a reviewer meets them: one
// photo taken during the audit and unmarked, one taken days before it,
// marked, with the inspector's justification; whatever day the demo is
// made (its dates follow today's).
func TestDemoPhotoMarks(t *testing.T) {
	for _, now := range []time.Time{time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), time.Date(2029, 3, 2, 8, 0, 0, 0, time.UTC)} {
		s := stStore(t)
		id, err := CreateDemo(s, stCatalog(t), now)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Evidence) != 2 {
			t.Fatalf("%s: %d evidence files, want 2", now.Format(DateLayout), len(a.Evidence))
		}
		marked := 0
		for i := range a.Evidence {
			ev := &a.Evidence[i]
			flags := CheckEvidence(a, ev, DefaultPlausibility)
			if len(flags) == 0 {
				continue
			}
			marked++
			if len(flags) != 1 || flags[0].Kind != FlagOutsideDates || strings.TrimSpace(flags[0].Justification) == "" {
				t.Errorf("%s: %s marks %+v, want one justified outside-dates mark", now.Format(DateLayout), ev.Name, flags)
			}
		}
		if marked != 1 {
			t.Errorf("%s: %d photos marked, want 1", now.Format(DateLayout), marked)
		}
	}
}

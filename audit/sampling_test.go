package audit

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestSampleRuleSize(t *testing.T) {
	sqrt := DefaultSampleRule
	for n, want := range map[int]int{0: 0, 1: 1, 2: 2, 3: 3, 4: 3, 9: 3, 10: 4, 16: 4, 17: 5, 24: 5, 86: 10, 100: 10, 101: 11, 1000000: 1000} {
		if got := sqrt.Size(n); got != want {
			t.Errorf("√n, at least 3: Size(%d) = %d, want %d", n, got, want)
		}
	}
	pct := SampleRule{Kind: SamplePercent, Percent: 10, Minimum: 2}
	for n, want := range map[int]int{1: 1, 5: 2, 86: 9, 200: 20} {
		if got := pct.Size(n); got != want {
			t.Errorf("10 %%, at least 2: Size(%d) = %d, want %d", n, got, want)
		}
	}
	if got := (SampleRule{Kind: SampleAll}).Size(37); got != 37 {
		t.Errorf("all of 37 = %d", got)
	}
	if got := (SampleRule{Kind: "dice"}).Size(86); got != 10 {
		t.Errorf("an unknown rule counts as √n: %d", got)
	}
}

// TestSamplePlan: planned from the FSP counts and the groups the inspector
// lists, with the actual sample and whether it falls short.
func TestSamplePlan(t *testing.T) {
	h := Header{FSP: FSP{Mines: 3, Plants: 1, Miners: 86}}
	h.Sampling.Counts = []SampleCount{
		{Unit: UnitMines, Actual: 2, Rationale: "El Roble closed"},
		{Unit: UnitGroup, Name: "Pallaqueras", Size: 24, Actual: 6},
	}
	got := SamplePlan(h, DefaultSampleRule)
	want := []SampleLine{
		{Unit: UnitMines, Index: 0, Visit: true, Population: 3, Planned: 3, Actual: 2, Rationale: "El Roble closed", Short: true},
		{Unit: UnitPlants, Index: -1, Visit: true, Population: 1, Planned: 1},
		{Unit: UnitMiners, Index: -1, Population: 86, Planned: 10},
		{Unit: UnitGroup, Name: "Pallaqueras", Index: 1, Population: 24, Planned: 5, Actual: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SamplePlan =\n%+v\nwant\n%+v", got, want)
	}
	// The audit's own rule wins over the caller's fallback.
	h.Sampling.Rule = SampleRule{Kind: SampleAll}
	if l := SamplePlan(h, DefaultSampleRule)[2]; l.Planned != 86 {
		t.Errorf("with the audit's rule 'all' miners planned %d", l.Planned)
	}
	// A sample larger than its population, and negative numbers, are faulted.
	h.Sampling.Counts = append(h.Sampling.Counts, SampleCount{Unit: UnitPlants, Actual: 2}, SampleCount{Unit: UnitGroup, Size: 4})
	var kinds []ProblemKind
	for _, fe := range ValidateHeader(h) {
		if fe.Field == SampleCellKey(2, "actual") || fe.Field == SampleCellKey(3, "name") {
			kinds = append(kinds, fe.Kind)
		}
	}
	if !reflect.DeepEqual(kinds, []ProblemKind{ProblemSampleOver, ProblemRequired}) {
		t.Errorf("sampling problems = %v", kinds)
	}
}

// TestConfigSamplingRule: config.toml sets the rule of new audits; a rule
// it does not know is reported with its line, and the default used.
func TestConfigSamplingRule(t *testing.T) {
	home := t.TempDir()
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(home, ConfigFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := LoadConfig(home)
	if err != nil || c.SamplingRule() != DefaultSampleRule {
		t.Errorf("no config: rule %+v, %v", c.SamplingRule(), err)
	}
	write("sample_rule = \"percent\"\nsample_percent = 20\nsample_minimum = 5\n")
	c, err = LoadConfig(home)
	want := SampleRule{Kind: SamplePercent, Percent: 20, Minimum: 5}
	if err != nil || c.SamplingRule() != want {
		t.Errorf("percent rule: %+v, %v; want %+v", c.SamplingRule(), err, want)
	}
	if h := c.Defaults(Header{}); h.Sampling.Rule != want {
		t.Errorf("a new audit records rule %+v", h.Sampling.Rule)
	}
	if got := c.SamplingRule().Size(86); got != 18 {
		t.Errorf("20 %% of 86 = %d, want 18", got)
	}
	write("inspector = \"Ana\"\nsample_rule = \"cube-root\"\n")
	c, err = LoadConfig(home)
	probs := ConfigProblems(err)
	if len(probs) != 1 || probs[0].Kind != ConfigBadChoice || probs[0].Line != 2 || probs[0].Key != "sample_rule" {
		t.Fatalf("unknown rule: %+v", probs)
	}
	if c.SamplingRule() != DefaultSampleRule || c.Inspector != "Ana" {
		t.Errorf("the rest of config.toml is lost: %+v", c)
	}
}

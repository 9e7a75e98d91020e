package audit

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// SampleRuleKind names how a sample size follows from a population. The
// values are stable codes, written in config.toml (sample_rule) and in
// audit.json.
type SampleRuleKind string

// Sampling rules.
const (
	// SampleSqrt: the square root of the population, rounded up, the
	// common rule of group and multi-site certification and of social
	// audits for workers, members and sites.
	SampleSqrt SampleRuleKind = "sqrt"
	// SamplePercent: Percent of the population, rounded up.
	SamplePercent SampleRuleKind = "percent"
	// SampleAll: everyone and everything.
	SampleAll SampleRuleKind = "all"
)

// SampleRuleKinds lists every rule, for config.toml's check and the
// surfaces' words.
var SampleRuleKinds = []SampleRuleKind{SampleSqrt, SamplePercent, SampleAll}

// DefaultSampleMinimum is the smallest sample the default rule proposes
// (or the whole group, when smaller): fewer than three interviews in a
// group cannot keep what any one person said confidential, and fewer than
// three sites say little about the rest.
const DefaultSampleMinimum = 3

// SampleRule says how many of a population to visit or interview: Kind,
// never fewer than Minimum, never more than the population.
type SampleRule struct {
	Kind    SampleRuleKind `json:"kind"`
	Minimum int            `json:"minimum,omitempty"`
	// Percent is the share of SamplePercent, 1 to 100.
	Percent int `json:"percent,omitempty"`
}

// DefaultSampleRule is √n rounded up, at least 3: what config.toml gives
// unless it says otherwise.
var DefaultSampleRule = SampleRule{Kind: SampleSqrt, Minimum: DefaultSampleMinimum}

// Size is the sample the rule proposes for a population of n (0 for none).
// An unknown kind (a hand edit) counts as the square root.
func (r SampleRule) Size(n int) int {
	if n <= 0 {
		return 0
	}
	var k int
	switch r.Kind {
	case SampleAll:
		k = n
	case SamplePercent:
		p := min(max(r.Percent, 1), 100)
		k = (n*p + 99) / 100
	default:
		k = ceilSqrt(n)
	}
	return min(max(k, r.Minimum, 1), n)
}

// ceilSqrt is ⌈√n⌉ exactly, for any n ≥ 1 (the float root alone can be
// one off for large squares).
func ceilSqrt(n int) int {
	k := int(math.Sqrt(float64(n)))
	for k*k < n {
		k++
	}
	for k > 1 && (k-1)*(k-1) >= n {
		k--
	}
	return k
}

// SampleUnit is what a sample counts: the FSP's mines and plants (visited),
// its miners, or a group the inspector lists (interviewed).
type SampleUnit string

// Sample units.
const (
	UnitMines  SampleUnit = "mines"
	UnitPlants SampleUnit = "plants"
	UnitMiners SampleUnit = "miners"
	// UnitGroup: a group the inspector names (members, plant workers,
	// mineral selectors…) with its size.
	UnitGroup SampleUnit = "group"
)

// fspUnits are the units whose population is an FSP count, in order.
var fspUnits = []SampleUnit{UnitMines, UnitPlants, UnitMiners}

// SampleCount is the inspector's record for one unit: the actual sample
// and why it is what it is. A group also has its name and size.
type SampleCount struct {
	Unit SampleUnit `json:"unit"`
	// Name and Size describe a group (UnitGroup); the FSP's units take
	// their population from the header's FSP counts.
	Name string `json:"name,omitempty"`
	Size int    `json:"size,omitempty"`
	// Actual is how many were visited or interviewed; 0 is not recorded.
	Actual int `json:"actual,omitempty"`
	// Rationale says how the sample was chosen, and why it differs from
	// the plan when it does.
	Rationale string `json:"rationale,omitempty"`
}

// Sampling is the audit's sampling record: the rule the plan follows and
// the actual sample per unit.
type Sampling struct {
	// Rule is the rule of this audit, recorded from config.toml when the
	// audit is made, so that the report's plan does not change with the
	// inspector's settings later. Zero (audits made before) means the
	// caller's fallback.
	Rule   SampleRule    `json:"rule,omitzero"`
	Counts []SampleCount `json:"counts,omitempty"`
}

// RuleOr is the audit's rule, or fallback when it records none.
func (s Sampling) RuleOr(fallback SampleRule) SampleRule {
	if s.Rule.Kind == "" {
		return fallback
	}
	return s.Rule
}

// FSPCount returns the record of an FSP unit (mines, plants, miners),
// adding an empty one when there is none, for a form to edit.
func (s *Sampling) FSPCount(u SampleUnit) *SampleCount {
	i := slices.IndexFunc(s.Counts, func(c SampleCount) bool { return c.Unit == u })
	if i < 0 {
		s.Counts = append(s.Counts, SampleCount{Unit: u})
		i = len(s.Counts) - 1
	}
	return &s.Counts[i]
}

// SampleLine is one line of the sampling plan: the population, the sample
// the rule proposes, and what the inspector recorded.
type SampleLine struct {
	Unit SampleUnit `json:"unit"`
	// Name is a group's name; the FSP's units have none (surfaces word
	// the unit).
	Name string `json:"name,omitempty"`
	// Index is the line's record in Sampling.Counts, -1 when none yet.
	Index int `json:"-"`
	// Visit: the sample is of places visited (mines, plants); otherwise
	// of people interviewed.
	Visit      bool `json:"visit"`
	Population int  `json:"population"`
	Planned    int  `json:"planned"`
	// Actual is 0 when not recorded.
	Actual    int    `json:"actual"`
	Rationale string `json:"rationale,omitempty"`
	// Short: an actual sample was recorded and is below the plan (its
	// rationale should say why).
	Short bool `json:"short,omitempty"`
}

// SamplePlan is the sampling plan of an audit: for the FSP's mines, plants
// and miners (those it has, or has a record for), then each group the
// inspector listed, the population, the sample the audit's rule (or
// fallback, for an audit that records none) proposes, and the actual
// sample recorded.
func SamplePlan(h Header, fallback SampleRule) []SampleLine {
	rule := h.Sampling.RuleOr(fallback)
	var out []SampleLine
	for _, u := range fspUnits {
		pop := fspPopulation(h.FSP, u)
		i := slices.IndexFunc(h.Sampling.Counts, func(c SampleCount) bool { return c.Unit == u })
		var rec SampleCount
		if i >= 0 {
			rec = h.Sampling.Counts[i]
		}
		if pop <= 0 && rec.Actual == 0 && strings.TrimSpace(rec.Rationale) == "" {
			continue
		}
		out = append(out, sampleLine(u, "", i, max(pop, 0), rule, rec))
	}
	for i, c := range h.Sampling.Counts {
		if c.Unit != UnitGroup {
			continue
		}
		out = append(out, sampleLine(UnitGroup, c.Name, i, max(c.Size, 0), rule, c))
	}
	return out
}

func sampleLine(u SampleUnit, name string, index, pop int, rule SampleRule, rec SampleCount) SampleLine {
	l := SampleLine{Unit: u, Name: strings.TrimSpace(name), Index: index, Visit: u == UnitMines || u == UnitPlants,
		Population: pop, Planned: rule.Size(pop), Actual: max(rec.Actual, 0), Rationale: strings.TrimSpace(rec.Rationale)}
	l.Short = l.Actual > 0 && l.Actual < l.Planned
	return l
}

func fspPopulation(f FSP, u SampleUnit) int {
	switch u {
	case UnitMines:
		return f.Mines
	case UnitPlants:
		return f.Plants
	case UnitMiners:
		return f.Miners
	}
	return 0
}

// validateSampling faults negative numbers, a group without a name, and an
// actual sample larger than its population.
func validateSampling(h Header) []FieldError {
	var errs []FieldError
	for i, c := range h.Sampling.Counts {
		key := func(col string) string { return SampleCellKey(i, col) }
		name := strings.TrimSpace(c.Name)
		item := name
		if c.Unit != UnitGroup {
			item = string(c.Unit)
		}
		if c.Unit == UnitGroup && name == "" && (c.Size != 0 || c.Actual != 0 || strings.TrimSpace(c.Rationale) != "") {
			errs = append(errs, FieldError{Field: key("name"), Kind: ProblemRequired, Row: i})
		}
		if c.Size < 0 {
			errs = append(errs, FieldError{Field: key("size"), Kind: ProblemNegative, Number: c.Size, Row: i, Item: item})
		}
		if c.Actual < 0 {
			errs = append(errs, FieldError{Field: key("actual"), Kind: ProblemNegative, Number: c.Actual, Row: i, Item: item})
			continue
		}
		pop := c.Size
		if c.Unit != UnitGroup {
			pop = fspPopulation(h.FSP, c.Unit)
		}
		// A population of 0 is one not typed yet: nothing to compare with.
		if pop > 0 && c.Actual > pop {
			errs = append(errs, FieldError{Field: key("actual"), Kind: ProblemSampleOver, Number: c.Actual,
				Limit: pop, Row: i, Item: item})
		}
	}
	return errs
}

// SampleCellKey is the FieldError key of one value of a sampling record:
// "sampling.counts[2].actual".
func SampleCellKey(row int, col string) string {
	return "sampling.counts[" + strconv.Itoa(row) + "]." + col
}

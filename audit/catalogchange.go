package audit

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/standards"
)

// Catalog changes between years: last year's audit may have used another
// catalog version, or a catalog file edited since. Requirements are matched
// by id; what an inspector must re-read is a requirement whose text
// changed, one that is new, and one that is gone.

// ChangeKind says how one requirement changed between two catalogs. The
// values are stable: they appear in JSON and each surface words them.
type ChangeKind string

// Change kinds.
const (
	// Unchanged: the same id with the same text.
	Unchanged ChangeKind = "unchanged"
	// ChangedText: the same id, but its title, text, guidance, area,
	// level, due year, scope or critical flag differ.
	ChangedText ChangeKind = "changed"
	// NewRequirement: this catalog has the id, last year's did not.
	NewRequirement ChangeKind = "new"
	// Removed: last year's catalog had the id, this one does not.
	Removed ChangeKind = "removed"
)

// ChangeKinds lists every ChangeKind, so a surface's tests can check that
// it words each one.
var ChangeKinds = []ChangeKind{Unchanged, ChangedText, NewRequirement, Removed}

// CatalogChanges is how the catalog changed from the previous audit's
// (From) to this one's (To), by requirement id.
type CatalogChanges struct {
	From standards.Identity `json:"from"`
	To   standards.Identity `json:"to"`
	// Compared is false when last year's requirements were not at hand
	// (its catalog is not installed and the previous audit recorded no
	// prints of it): then only Removed is known (requirements last year's
	// audit has findings on that this catalog lacks), and no requirement
	// is reported changed or new.
	Compared bool `json:"compared"`
	// Changed, New and Removed list requirement ids in catalog order.
	Changed []string `json:"changed,omitempty"`
	New     []string `json:"new,omitempty"`
	Removed []string `json:"removed,omitempty"`
	// Unchanged counts the requirements with the same id and text.
	Unchanged int `json:"unchanged"`
}

// Any reports whether anything changed, or could not be compared.
func (c CatalogChanges) Any() bool {
	return !c.Compared || len(c.Changed)+len(c.New)+len(c.Removed) > 0
}

// SameCatalog reports whether both years used the very same catalog file.
func (c CatalogChanges) SameCatalog() bool {
	return c.From.ID == c.To.ID && c.From.Version == c.To.Version && c.From.SHA256 != "" && c.From.SHA256 == c.To.SHA256
}

// KindOf says how requirement id changed; Unchanged when nothing is known
// to have changed.
func (c CatalogChanges) KindOf(id string) ChangeKind {
	switch {
	case slices.Contains(c.Changed, id):
		return ChangedText
	case slices.Contains(c.New, id):
		return NewRequirement
	case slices.Contains(c.Removed, id):
		return Removed
	}
	return Unchanged
}

func (c CatalogChanges) clone() CatalogChanges {
	c.Changed, c.New, c.Removed = slices.Clone(c.Changed), slices.Clone(c.New), slices.Clone(c.Removed)
	return c
}

// RequirementPrint is a short digest of what a requirement asks and weighs
// in its catalog's own language: two catalogs whose requirement has the
// same print ask the same thing. Translations and references are left
// out: a better Spanish wording does not change what is audited.
func RequirementPrint(r *standards.Requirement) string {
	data, _ := json.Marshal(struct {
		Area      standards.Area  `json:"a"`
		Title     string          `json:"t"`
		Text      string          `json:"x"`
		Guidance  []string        `json:"g"`
		Level     standards.Level `json:"l"`
		DueYear   int             `json:"d"`
		AppliesTo string          `json:"s"`
		Critical  bool            `json:"c"`
	}{r.Area, squash(r.Title), squash(r.Text), squashAll(r.Guidance), r.Level, r.DueYear, appliesTo(r.AppliesTo), r.Critical})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// squash ignores differences of spacing only (a re-wrapped TOML string).
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func squashAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, squash(s))
	}
	return out
}

// appliesTo treats an unset scope as the default, "all".
func appliesTo(s string) string {
	if s == "" {
		return standards.AppliesAll
	}
	return s
}

// CatalogPrints are the prints of every requirement of cat, by id.
func CatalogPrints(cat *standards.Catalog) map[string]string {
	if cat == nil {
		return nil
	}
	out := make(map[string]string, len(cat.Requirements))
	for i := range cat.Requirements {
		out[cat.Requirements[i].ID] = RequirementPrint(&cat.Requirements[i])
	}
	return out
}

// printList is CatalogPrints as Audit.CatalogPrints keeps them: "ID
// PRINT" in catalog order (catalog ids have no spaces).
func printList(cat *standards.Catalog) []string {
	out := make([]string, len(cat.Requirements))
	for i := range cat.Requirements {
		out[i] = cat.Requirements[i].ID + " " + RequirementPrint(&cat.Requirements[i])
	}
	return out
}

// RequirementPrints are the prints the audit recorded of its catalog, by
// requirement id; nil for an audit made before assay recorded them.
func (a *Audit) RequirementPrints() map[string]string {
	if a == nil || len(a.CatalogPrints) == 0 {
		return nil
	}
	out := make(map[string]string, len(a.CatalogPrints))
	for _, p := range a.CatalogPrints {
		if id, pr, ok := strings.Cut(p, " "); ok && id != "" {
			out[id] = pr
		}
	}
	return out
}

// CompareCatalogs says how the catalog changed from the previous audit's
// to cur. from is the previous audit's catalog identity; fromCat is that
// very catalog (same id, version and SHA-256) when it is installed, else
// nil; fromPrints are the prints the previous audit recorded (nil for an
// audit made before assay recorded them); fromIDs are the requirements the
// previous audit has findings on, the last resort.
func CompareCatalogs(from standards.Identity, fromCat *standards.Catalog, fromPrints map[string]string, fromIDs []string, cur *standards.Catalog) CatalogChanges {
	c := CatalogChanges{From: from}
	if cur == nil {
		return c
	}
	c.To = cur.Identity()
	if c.SameCatalog() {
		c.Compared, c.Unchanged = true, len(cur.Requirements)
		return c
	}
	var order []string
	prints := fromPrints
	if fromCat != nil {
		prints = CatalogPrints(fromCat)
		for i := range fromCat.Requirements {
			order = append(order, fromCat.Requirements[i].ID)
		}
	} else {
		for id := range fromPrints {
			order = append(order, id)
		}
		slices.SortFunc(order, CompareIDs)
	}
	if prints == nil {
		// Nothing to compare the text with: what last year's audit assessed
		// and this catalog lacks is all that is known.
		ids := slices.Clone(fromIDs)
		slices.SortFunc(ids, CompareIDs)
		for _, id := range slices.Compact(ids) {
			if _, ok := cur.Requirement(id); !ok {
				c.Removed = append(c.Removed, id)
			}
		}
		return c
	}
	c.Compared = true
	for i := range cur.Requirements {
		r := &cur.Requirements[i]
		old, ok := prints[r.ID]
		switch {
		case !ok:
			c.New = append(c.New, r.ID)
		case old != RequirementPrint(r):
			c.Changed = append(c.Changed, r.ID)
		default:
			c.Unchanged++
		}
	}
	for _, id := range order {
		if _, ok := cur.Requirement(id); !ok {
			c.Removed = append(c.Removed, id)
		}
	}
	return c
}

// CompareIDs orders requirement ids as people number them: "1.2.10"
// after "1.2.9", parts compared as numbers where both are numbers.
func CompareIDs(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil:
			if na != nb {
				return cmp.Compare(na, nb)
			}
		case pa[i] != pb[i]:
			return strings.Compare(pa[i], pb[i])
		}
	}
	return len(pa) - len(pb)
}

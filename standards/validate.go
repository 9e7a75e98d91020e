package standards

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// valueKind is the TOML type a catalog key must have.
type valueKind int

const (
	kindString valueKind = iota
	kindStrings
	kindInt
	kindBool
	kindTables
)

// keyRequirement is the name of the array of requirement tables.
const keyRequirement = "requirement"

// maxDueYear bounds due_year: a progress requirement is due some years
// after certification, never centuries.
const maxDueYear = 100

// keySpec is one key a catalog table may hold.
type keySpec struct {
	name string
	kind valueKind
}

// catalogKeys are the top-level keys of a catalog file, in documented order.
var catalogKeys = []keySpec{
	{"id", kindString}, {"name", kindString}, {"version", kindString},
	{"publisher", kindString}, {"licence", kindString}, {"language", kindString},
	{"provenance", kindString}, {"areas_note", kindString}, {"areas", kindStrings},
	{keyRequirement, kindTables},
}

// requirementKeys are the keys of one [[requirement]] table.
var requirementKeys = []keySpec{
	{"id", kindString}, {"area", kindString}, {"chapter", kindString},
	{"title", kindString}, {"text", kindString}, {"guidance", kindStrings},
	{"evidence", kindStrings}, {"level", kindString}, {"due_year", kindInt},
	{"applies_to", kindString}, {"critical", kindBool}, {"references", kindStrings},
	{"responsible", kindString}, {"basis", kindString}, {"basis_note", kindString},
}

// Levels lists the known requirement levels.
var Levels = []Level{Entry, Progress}

// AppliesToValues lists the known applies_to values.
var AppliesToValues = []string{AppliesAll, AppliesEcological}

// table is one TOML table of a catalog file with the means to locate its
// keys, so every problem carries the best line the file allows.
type table struct {
	p       *parser
	m       map[string]any
	req     string               // requirement label, "" at the top
	keyLine func(key string) int // line of a key, or of the table when absent
	itemAt  func(key string, i int) int
	missing func(key string) // reports an absent required key
}

func (t *table) add(line int, format string, a ...any) { t.p.add(line, t.req, format, a...) }

func (t *table) unknownKeys(specs []keySpec) {
	known := make([]string, len(specs))
	for i, s := range specs {
		known[i] = s.name
	}
	var unknown []string
	for k := range t.m {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		t.add(t.keyLine(k), msgUnknownKey, k, strings.Join(known, ", "))
	}
}

// wrongType reports a value of the wrong TOML type.
func (t *table) wrongType(key string, want valueKind, v any) {
	t.add(t.keyLine(key), msgWrongType, key, typeNames[want], foundType(v))
}

// str returns a string key; ok is false when it is absent or not a string
// (the latter is reported).
func (t *table) str(key string) (string, bool) {
	v, present := t.m[key]
	if !present {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		t.wrongType(key, kindString, v)
		return s, false
	}
	if r, bad := controlChar(s); bad {
		t.add(t.keyLine(key), msgControlChar, key, r)
		return s, false
	}
	return s, true
}

// controlChar returns the first control character in s other than the
// line breaks and tabs a multi-line TOML string may hold. Catalog text
// reaches terminals and reports: an escape sequence in it could retitle
// the window, clear the screen or hide text, and is never meant.
func controlChar(s string) (rune, bool) {
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' {
			continue
		}
		if unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// required returns a string key that must be present and not blank.
func (t *table) required(key string) (string, bool) {
	if _, present := t.m[key]; !present {
		t.missing(key)
		return "", false
	}
	s, ok := t.str(key)
	if !ok {
		return "", false
	}
	if strings.TrimSpace(s) == "" {
		t.add(t.keyLine(key), msgFieldEmpty, key)
		return "", false
	}
	return s, true
}

// ident returns a required string key that must also be usable as an
// identifier: no spaces or control characters.
func (t *table) ident(key string) (string, bool) {
	s, ok := t.required(key)
	if !ok {
		return "", false
	}
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		t.add(t.keyLine(key), msgBadIdent, key, s)
		return "", false
	}
	return s, true
}

// strs returns an array-of-strings key; each element that is not a string
// is reported and dropped.
func (t *table) strs(key string) ([]string, bool) {
	v, present := t.m[key]
	if !present {
		return nil, false
	}
	arr, ok := v.([]any)
	if !ok {
		t.wrongType(key, kindStrings, v)
		return nil, false
	}
	out := make([]string, 0, len(arr))
	good := true
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.add(t.itemAt(key, i), msgWrongItemType, key, i+1, foundType(e))
			good = false
			continue
		}
		if r, bad := controlChar(s); bad {
			t.add(t.itemAt(key, i), msgControlItem, key, i+1, r)
			good = false
			continue
		}
		out = append(out, s)
	}
	return out, good
}

func (t *table) integer(key string) (int64, bool) {
	v, present := t.m[key]
	if !present {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		t.wrongType(key, kindInt, v)
	}
	return n, ok
}

func (t *table) boolean(key string) (bool, bool) {
	v, present := t.m[key]
	if !present {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		t.wrongType(key, kindBool, v)
	}
	return b, ok
}

// foundType names the TOML type of a decoded value.
func foundType(v any) string {
	switch v.(type) {
	case string:
		return foundString
	case int64:
		return foundInt
	case float64:
		return foundFloat
	case bool:
		return foundBool
	case time.Time:
		return foundDate
	case []any, []map[string]any:
		return foundArray
	case map[string]any:
		return foundTable
	}
	return foundUnknown
}

func lineOf(e *srcEntry) int {
	if e == nil {
		return 0
	}
	return e.line
}

func itemLine(e *srcEntry, i int) int {
	if e == nil {
		return 0
	}
	if i < len(e.items) {
		return e.items[i]
	}
	return e.line
}

func joinAreas(as []Area) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

// catalog checks the decoded file and builds the catalog.
func (p *parser) catalog(raw map[string]any) *Catalog {
	x := p.lines
	top := &table{
		p: p, m: raw,
		keyLine: func(k string) int { return lineOf(x.top(k)) },
		itemAt:  func(k string, i int) int { return itemLine(x.top(k), i) },
	}
	top.missing = func(k string) { top.add(0, msgCatalogMissing, k, k) }
	top.unknownKeys(catalogKeys)

	c := &Catalog{}
	c.ID, _ = top.ident("id")
	c.Version, _ = top.ident("version")
	c.Name, _ = top.str("name")
	c.Publisher, _ = top.str("publisher")
	c.Licence, _ = top.str("licence")
	c.Language, _ = top.str("language")
	c.Provenance, _ = top.str("provenance")
	c.AreasNote, _ = top.str("areas_note")

	if areas, ok := top.strs("areas"); ok {
		for i, a := range areas {
			switch {
			case !slices.Contains(Areas, Area(a)):
				top.add(top.itemAt("areas", i), msgUnknownArea, a, joinAreas(Areas))
			case slices.Contains(c.Areas, Area(a)):
				top.add(top.itemAt("areas", i), msgAreaTwice, a)
			default:
				c.Areas = append(c.Areas, Area(a))
			}
		}
	}

	reqs := p.requirementTables(top, raw[keyRequirement])
	usable := x.usable(len(reqs))
	firstLine := map[string]int{}
	for i, m := range reqs {
		r, idLine := p.requirement(c, i, m, usable)
		if r.ID != "" {
			if first, dup := firstLine[r.ID]; dup {
				if first > 0 {
					p.add(idLine, r.ID, msgDuplicateID, r.ID, first)
				} else {
					p.add(idLine, r.ID, msgDuplicateIDNoPos, r.ID)
				}
			} else {
				firstLine[r.ID] = idLine
			}
		}
		c.Requirements = append(c.Requirements, r)
	}
	return c
}

// requirementTables returns the [[requirement]] tables, reporting a
// missing, empty or mistyped requirement key.
func (p *parser) requirementTables(top *table, v any) []map[string]any {
	switch v := v.(type) {
	case nil:
		top.add(0, msgNoRequirements)
	case []map[string]any:
		if len(v) == 0 {
			top.add(top.keyLine(keyRequirement), msgNoRequirements)
		}
		return v
	case []any:
		// requirement = [ {...}, {...} ] is valid TOML for the same thing.
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				top.add(top.keyLine(keyRequirement), msgNotTables, foundType(v))
				return nil
			}
			out = append(out, m)
		}
		if len(out) == 0 {
			top.add(top.keyLine(keyRequirement), msgNoRequirements)
		}
		return out
	default:
		top.add(top.keyLine(keyRequirement), msgNotTables, foundType(v))
	}
	return nil
}

// requirement checks requirement i and returns it with the line of its id.
func (p *parser) requirement(c *Catalog, i int, m map[string]any, usable bool) (Requirement, int) {
	x := p.lines
	header := 0
	if usable {
		header = x.header(i)
	}
	at := func(k string) *srcEntry {
		if !usable {
			return nil
		}
		return x.reqKey(i, k)
	}
	label := fmt.Sprintf("#%d", i+1)
	if s, ok := m["id"].(string); ok && strings.TrimSpace(s) != "" {
		label = s
	}
	t := &table{
		p: p, m: m, req: label,
		keyLine: func(k string) int {
			if l := lineOf(at(k)); l > 0 {
				return l
			}
			return header
		},
		itemAt: func(k string, j int) int {
			if l := itemLine(at(k), j); l > 0 {
				return l
			}
			return header
		},
	}
	t.missing = func(k string) { t.add(header, msgFieldMissing, k) }
	t.unknownKeys(requirementKeys)

	r := Requirement{Line: header, AppliesTo: AppliesAll, Responsible: PartyASMO,
		Guidance: []string{}, Evidence: []string{}, References: []string{}}
	r.ID, _ = t.ident("id")
	if a, ok := t.required("area"); ok {
		switch {
		case !slices.Contains(Areas, Area(a)):
			t.add(t.keyLine("area"), msgUnknownArea, a, joinAreas(Areas))
		case len(c.Areas) > 0 && !slices.Contains(c.Areas, Area(a)):
			t.add(t.keyLine("area"), msgAreaNotListed, a, joinAreas(c.Areas))
		default:
			r.Area = Area(a)
		}
	}
	r.Chapter, _ = t.str("chapter")
	r.Title, _ = t.required("title")
	r.Text, _ = t.required("text")
	if g, _ := t.strs("guidance"); g != nil {
		for j, s := range g {
			if strings.TrimSpace(s) == "" {
				t.add(t.itemAt("guidance", j), msgEmptyGuidance, j+1)
			}
		}
		r.Guidance = g
	}
	if ev, _ := t.strs("evidence"); ev != nil {
		for j, s := range ev {
			switch {
			case !slices.Contains(EvidenceKinds, s):
				t.add(t.itemAt("evidence", j), msgUnknownEvidence, s, strings.Join(EvidenceKinds, ", "))
			case slices.Contains(r.Evidence, s):
				t.add(t.itemAt("evidence", j), msgEvidenceTwice, s)
			default:
				r.Evidence = append(r.Evidence, s)
			}
		}
	}
	if l, ok := t.required("level"); ok {
		if slices.Contains(Levels, Level(l)) {
			r.Level = Level(l)
		} else {
			levels := make([]string, len(Levels))
			for j, lv := range Levels {
				levels[j] = string(lv)
			}
			t.add(t.keyLine("level"), msgUnknownLevel, l, strings.Join(levels, ", "))
		}
	}
	_, hasDue := m["due_year"]
	due, dueOK := t.integer("due_year")
	switch {
	case r.Level == Progress && !hasDue:
		t.add(t.keyLine("level"), msgProgressNoYear)
	case r.Level == Progress && dueOK && (due < 1 || due > maxDueYear):
		t.add(t.keyLine("due_year"), msgDueYearRange, maxDueYear, due)
	case r.Level == Progress && dueOK:
		r.DueYear = int(due)
	case r.Level == Entry && hasDue:
		t.add(t.keyLine("due_year"), msgEntryWithYear)
	}
	if a, ok := t.str("applies_to"); ok {
		if slices.Contains(AppliesToValues, a) {
			r.AppliesTo = a
		} else {
			t.add(t.keyLine("applies_to"), msgUnknownApplies, a, strings.Join(AppliesToValues, ", "))
		}
	}
	r.Critical, _ = t.boolean("critical")
	p.provenance(t, &r)
	return r, lineOf(at("id"))
}

// provenance checks the keys that say where a requirement comes from, who
// must meet it and how sure the catalog is of it.
func (p *parser) provenance(t *table, r *Requirement) {
	if refs, _ := t.strs("references"); refs != nil {
		for j, s := range refs {
			if strings.TrimSpace(s) == "" {
				t.add(t.itemAt("references", j), msgEmptyReference, j+1)
			}
		}
		r.References = refs
	}
	if s, ok := t.str("responsible"); ok {
		if slices.Contains(Parties, Party(s)) {
			r.Responsible = Party(s)
		} else {
			t.add(t.keyLine("responsible"), msgUnknownResponsible, s, joinStrings(Parties))
		}
	}
	basisOK := false
	if s, ok := t.str("basis"); ok {
		if slices.Contains(Bases, Basis(s)) {
			r.Basis, basisOK = Basis(s), true
		} else {
			t.add(t.keyLine("basis"), msgUnknownBasis, s, joinStrings(Bases))
		}
	}
	_, hasBasis := t.m["basis"]
	_, hasNote := t.m["basis_note"]
	note, noteOK := t.str("basis_note")
	switch {
	case hasNote && noteOK && strings.TrimSpace(note) == "":
		t.add(t.keyLine("basis_note"), msgFieldEmpty, "basis_note")
	case hasNote && noteOK:
		r.BasisNote = note
	}
	switch {
	case hasNote && !hasBasis:
		t.add(t.keyLine("basis_note"), msgNoteWithoutBasis)
	case basisOK && r.Basis == BasisReconstructed && !hasNote:
		t.add(t.keyLine("basis"), msgReconstructedNoNote)
	}
}

// joinStrings lists the values of a string type for a message.
func joinStrings[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

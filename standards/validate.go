package standards

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// keyRequirement is the name of the array of requirement tables.
const keyRequirement = "requirement"

// keyTranslation is the top-level table of catalog translations:
// [translation.es] holds the Spanish name, provenance and so on.
const keyTranslation = "translation"

// maxDueYear bounds due_year: a progress requirement is due some years
// after certification, never centuries.
const maxDueYear = 100

// keySpec is one key a catalog table may hold.
type keySpec struct {
	name string
	kind ValueType
}

// catalogKeys are the top-level keys of a catalog file, in documented order.
var catalogKeys = []keySpec{
	{"id", TypeString}, {"name", TypeString}, {"version", TypeString},
	{"publisher", TypeString}, {"licence", TypeString}, {"language", TypeString},
	{"provenance", TypeString}, {"areas_note", TypeString}, {"areas", TypeStrings},
	{keyTranslation, TypeTable}, {keyRequirement, TypeTables},
}

// requirementKeys are the keys of one [[requirement]] table. Besides them,
// a requirement may hold one sub-table per language: its translation.
var requirementKeys = []keySpec{
	{"id", TypeString}, {"area", TypeString}, {"chapter", TypeString},
	{"title", TypeString}, {"text", TypeString}, {"guidance", TypeStrings},
	{"evidence", TypeStrings}, {"level", TypeString}, {"due_year", TypeInt},
	{"applies_to", TypeString}, {"critical", TypeBool}, {"references", TypeStrings},
	{"responsible", TypeString}, {"basis", TypeString}, {"basis_note", TypeString},
}

// requirementTranslationKeys are the keys of a [requirement.LANG] table.
var requirementTranslationKeys = []keySpec{
	{FieldTitle, TypeString}, {FieldText, TypeString}, {FieldGuidance, TypeStrings}, {FieldReferences, TypeStrings},
	{FieldBasisNote, TypeString},
}

// catalogTranslationKeys are the keys of a [translation.LANG] table.
var catalogTranslationKeys = []keySpec{
	{FieldName, TypeString}, {FieldProvenance, TypeString}, {FieldAreasNote, TypeString}, {FieldLicence, TypeString},
	{FieldChapters, TypeTable},
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
	prefix  string               // prepended to key names in problems: "es." in a translation
	keyLine func(key string) int // line of a key, or of the table when absent
	itemAt  func(key string, i int) int
	missing func(key string) // reports an absent required key
}

// add records a problem about this table, with its requirement and, when
// the problem names a key, the key as the author wrote it.
func (t *table) add(line int, pr Problem) {
	pr.Line, pr.Requirement = line, t.req
	if pr.Key != "" {
		pr.Key = t.prefix + pr.Key
	}
	t.p.add(pr)
}

// unknownKeys reports the keys of the table that are not in specs, except
// those skip accepts.
func (t *table) unknownKeys(specs []keySpec, skip func(string) bool) {
	known := make([]string, len(specs))
	for i, s := range specs {
		known[i] = s.name
	}
	var unknown []string
	for k := range t.m {
		if !slices.Contains(known, k) && (skip == nil || !skip(k)) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		t.add(t.keyLine(k), Problem{Kind: KindUnknownKey, Key: k, Allowed: known})
	}
}

// wrongType reports a value of the wrong TOML type.
func (t *table) wrongType(key string, want ValueType, v any) {
	t.add(t.keyLine(key), Problem{Kind: KindWrongType, Key: key, Want: want, Found: foundType(v)})
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
		t.wrongType(key, TypeString, v)
		return s, false
	}
	if r, bad := controlChar(s); bad {
		t.add(t.keyLine(key), Problem{Kind: KindControlChar, Key: key, Rune: r})
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
	return t.text(key)
}

// text returns a string key that, when present, must not be blank.
func (t *table) text(key string) (string, bool) {
	s, ok := t.str(key)
	if !ok {
		return "", false
	}
	if strings.TrimSpace(s) == "" {
		t.add(t.keyLine(key), Problem{Kind: KindFieldEmpty, Key: key})
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
		t.add(t.keyLine(key), Problem{Kind: KindBadIdent, Key: key, Value: s})
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
		t.wrongType(key, TypeStrings, v)
		return nil, false
	}
	out := make([]string, 0, len(arr))
	good := true
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.add(t.itemAt(key, i), Problem{Kind: KindWrongItemType, Key: key, Item: i + 1, Found: foundType(e), Want: TypeString})
			good = false
			continue
		}
		if r, bad := controlChar(s); bad {
			t.add(t.itemAt(key, i), Problem{Kind: KindControlChar, Key: key, Item: i + 1, Rune: r})
			good = false
			continue
		}
		out = append(out, s)
	}
	return out, good
}

// texts returns an array of strings whose items must not be blank.
func (t *table) texts(key string) []string {
	ss, _ := t.strs(key)
	for j, s := range ss {
		if strings.TrimSpace(s) == "" {
			t.add(t.itemAt(key, j), Problem{Kind: KindEmptyItem, Key: key, Item: j + 1})
		}
	}
	return ss
}

func (t *table) integer(key string) (int64, bool) {
	v, present := t.m[key]
	if !present {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		t.wrongType(key, TypeInt, v)
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
		t.wrongType(key, TypeBool, v)
	}
	return b, ok
}

// oneOf returns a string key that must be one of allowed, reporting any
// other value.
func oneOf[T ~string](t *table, key string, allowed []T) (T, bool) {
	s, ok := t.str(key)
	if !ok {
		return "", false
	}
	if !slices.Contains(allowed, T(s)) {
		t.add(t.keyLine(key), Problem{Kind: KindUnknownValue, Key: key, Value: s, Allowed: stringsOf(allowed)})
		return "", false
	}
	return T(s), true
}

// foundType names the TOML type of a decoded value.
func foundType(v any) ValueType {
	switch v.(type) {
	case string:
		return TypeString
	case int64:
		return TypeInt
	case float64:
		return TypeFloat
	case bool:
		return TypeBool
	case time.Time:
		return TypeDate
	case []any, []map[string]any:
		return TypeArray
	case map[string]any:
		return TypeTable
	}
	return TypeOther
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

// stringsOf converts a list of string-typed values for a problem's Allowed.
func stringsOf[T ~string](vs []T) []string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return s
}

// catalog checks the decoded file and builds the catalog.
func (p *parser) catalog(raw map[string]any) *Catalog {
	x := p.lines
	top := &table{
		p: p, m: raw,
		keyLine: func(k string) int { return lineOf(x.top(k)) },
		itemAt:  func(k string, i int) int { return itemLine(x.top(k), i) },
	}
	top.missing = func(k string) { top.add(0, Problem{Kind: KindCatalogKeyMissing, Key: k}) }
	top.unknownKeys(catalogKeys, nil)

	c := &Catalog{}
	c.ID, _ = top.ident("id")
	c.Version, _ = top.ident("version")
	c.Name, _ = top.str("name")
	c.Publisher, _ = top.str("publisher")
	c.Licence, _ = top.str("licence")
	c.Language, _ = top.str("language")
	c.Provenance, _ = top.str("provenance")
	c.AreasNote, _ = top.str("areas_note")
	c.nameLine = lineOf(x.top("name"))
	if c.nameLine == 0 {
		c.nameLine = lineOf(x.top("id"))
	}

	if areas, ok := top.strs("areas"); ok {
		for i, a := range areas {
			switch {
			case !slices.Contains(Areas, Area(a)):
				top.add(top.itemAt("areas", i), Problem{Kind: KindUnknownValue, Key: "areas", Item: i + 1, Value: a, Allowed: stringsOf(Areas)})
			case slices.Contains(c.Areas, Area(a)):
				top.add(top.itemAt("areas", i), Problem{Kind: KindListedTwice, Key: "areas", Value: a})
			default:
				c.Areas = append(c.Areas, Area(a))
			}
		}
	}
	p.catalogTranslations(c, top, raw[keyTranslation])

	reqs := p.requirementTables(top, raw[keyRequirement])
	usable := x.usable(len(reqs))
	firstLine := map[string]int{}
	for i, m := range reqs {
		r, idLine := p.requirement(c, i, m, usable)
		if r.ID != "" {
			if first, dup := firstLine[r.ID]; dup {
				p.add(Problem{Kind: KindDuplicateID, Line: idLine, Requirement: r.ID, Value: r.ID, Number: first})
			} else {
				firstLine[r.ID] = idLine
			}
		}
		c.Requirements = append(c.Requirements, r)
	}
	p.unusedChapters(c)
	return c
}

// unusedChapters reports a translated chapter heading that no requirement
// has: misspelt, or the chapter was renamed and its translation left.
func (p *parser) unusedChapters(c *Catalog) {
	used := map[string]bool{}
	for _, r := range c.Requirements {
		used[r.Chapter] = true
	}
	for _, lang := range slices.Sorted(maps.Keys(c.Translations)) {
		tr := c.Translations[lang]
		for _, h := range slices.Sorted(maps.Keys(tr.Chapters)) {
			if !used[h] {
				p.add(Problem{Kind: KindNothingToTranslate, Line: p.chapterLines[lang][h], Lang: lang,
					Key: keyTranslation + "." + lang + "." + FieldChapters, Value: h})
			}
		}
	}
}

// requirementTables returns the [[requirement]] tables, reporting a
// missing, empty or mistyped requirement key.
func (p *parser) requirementTables(top *table, v any) []map[string]any {
	switch v := v.(type) {
	case nil:
		top.add(0, Problem{Kind: KindNoRequirements})
	case []map[string]any:
		if len(v) == 0 {
			top.add(top.keyLine(keyRequirement), Problem{Kind: KindNoRequirements})
		}
		return v
	case []any:
		// requirement = [ {...}, {...} ] is valid TOML for the same thing.
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				top.add(top.keyLine(keyRequirement), Problem{Kind: KindNotTables, Found: foundType(v), Want: TypeTables})
				return nil
			}
			out = append(out, m)
		}
		if len(out) == 0 {
			top.add(top.keyLine(keyRequirement), Problem{Kind: KindNoRequirements})
		}
		return out
	default:
		top.add(top.keyLine(keyRequirement), Problem{Kind: KindNotTables, Found: foundType(v), Want: TypeTables})
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
	label := "#" + strconv.Itoa(i+1)
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
	t.missing = func(k string) { t.add(header, Problem{Kind: KindFieldMissing, Key: k}) }
	t.unknownKeys(requirementKeys, func(k string) bool { return isTranslationTable(m[k]) })

	r := Requirement{Line: header, AppliesTo: AppliesAll, Responsible: PartyASMO,
		Guidance: []string{}, Evidence: []string{}, References: []string{}, lang: c.Language, chapters: c.chapters}
	r.ID, _ = t.ident("id")
	if a, ok := t.required("area"); ok {
		switch {
		case !slices.Contains(Areas, Area(a)):
			t.add(t.keyLine("area"), Problem{Kind: KindUnknownValue, Key: "area", Value: a, Allowed: stringsOf(Areas)})
		case len(c.Areas) > 0 && !slices.Contains(c.Areas, Area(a)):
			t.add(t.keyLine("area"), Problem{Kind: KindAreaNotListed, Value: a, Allowed: stringsOf(c.Areas)})
		default:
			r.Area = Area(a)
		}
	}
	r.Chapter, _ = t.str("chapter")
	if r.Chapter != "" {
		r.chapterLine = lineOf(at("chapter"))
	}
	r.Title, _ = t.required("title")
	r.Text, _ = t.required("text")
	if g := t.texts("guidance"); g != nil {
		r.Guidance = g
	}
	if ev, _ := t.strs("evidence"); ev != nil {
		for j, s := range ev {
			switch {
			case !slices.Contains(EvidenceKinds, s):
				t.add(t.itemAt("evidence", j), Problem{Kind: KindUnknownValue, Key: "evidence", Item: j + 1, Value: s, Allowed: EvidenceKinds})
			case slices.Contains(r.Evidence, s):
				t.add(t.itemAt("evidence", j), Problem{Kind: KindListedTwice, Key: "evidence", Value: s})
			default:
				r.Evidence = append(r.Evidence, s)
			}
		}
	}
	if l, ok := t.required("level"); ok {
		if slices.Contains(Levels, Level(l)) {
			r.Level = Level(l)
		} else {
			t.add(t.keyLine("level"), Problem{Kind: KindUnknownValue, Key: "level", Value: l, Allowed: stringsOf(Levels)})
		}
	}
	_, hasDue := m["due_year"]
	due, dueOK := t.integer("due_year")
	switch {
	case r.Level == Progress && !hasDue:
		t.add(t.keyLine("level"), Problem{Kind: KindProgressNoYear})
	case r.Level == Progress && dueOK && (due < 1 || due > maxDueYear):
		t.add(t.keyLine("due_year"), Problem{Kind: KindDueYearRange, Key: "due_year", Value: strconv.FormatInt(due, 10), Number: maxDueYear})
	case r.Level == Progress && dueOK:
		r.DueYear = int(due)
	case r.Level == Entry && hasDue:
		t.add(t.keyLine("due_year"), Problem{Kind: KindEntryWithYear})
	}
	if a, ok := oneOf(t, "applies_to", AppliesToValues); ok {
		r.AppliesTo = a
	}
	r.Critical, _ = t.boolean("critical")
	p.provenance(t, &r)
	p.requirementTranslations(c, t, i, usable, &r)
	return r, lineOf(at("id"))
}

// provenance checks the keys that say where a requirement comes from, who
// must meet it and how sure the catalog is of it.
func (p *parser) provenance(t *table, r *Requirement) {
	if refs := t.texts("references"); refs != nil {
		r.References = refs
	}
	if s, ok := oneOf(t, "responsible", Parties); ok {
		r.Responsible = s
	}
	r.Basis, _ = oneOf(t, "basis", Bases)
	_, hasBasis := t.m["basis"]
	_, hasNote := t.m["basis_note"]
	r.BasisNote, _ = t.text("basis_note")
	switch {
	case hasNote && !hasBasis:
		t.add(t.keyLine("basis_note"), Problem{Kind: KindNoteWithoutBasis})
	case r.Basis == BasisReconstructed && !hasNote:
		t.add(t.keyLine("basis"), Problem{Kind: KindReconstructedNoNote})
	}
}

// isTranslationTable tells a requirement's translation sub-table from a
// mistyped key: only a table can be a translation.
func isTranslationTable(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// requirementTranslations reads the [requirement.LANG] sub-tables of
// requirement i.
func (p *parser) requirementTranslations(c *Catalog, t *table, i int, usable bool, r *Requirement) {
	var tags []string
	for k, v := range t.m {
		if isTranslationTable(v) && !slices.ContainsFunc(requirementKeys, func(s keySpec) bool { return s.name == k }) {
			tags = append(tags, k)
		}
	}
	sort.Strings(tags)
	for _, tag := range tags {
		sub := p.subTable(t, tag, func(path ...string) *srcEntry {
			if !usable {
				return nil
			}
			return p.lines.reqSub(i, path...)
		})
		lang, ok := p.checkLanguage(c, t, sub, tag, func(l string) bool { _, dup := r.Translations[l]; return dup })
		if !ok {
			continue
		}
		sub.unknownKeys(requirementTranslationKeys, nil)
		tr := Translation{Line: sub.keyLine("")}
		tr.Title, _ = sub.text(FieldTitle)
		tr.Text, _ = sub.text(FieldText)
		tr.Guidance = sub.texts(FieldGuidance)
		tr.References = sub.texts(FieldReferences)
		tr.BasisNote, _ = sub.text(FieldBasisNote)
		if tr.BasisNote != "" && r.BasisNote == "" {
			sub.add(sub.keyLine(FieldBasisNote), Problem{Kind: KindNothingToTranslate, Key: FieldBasisNote, Lang: lang})
		}
		if r.Translations == nil {
			r.Translations = map[string]Translation{}
		}
		r.Translations[lang] = tr
	}
}

// catalogTranslations reads the [translation.LANG] tables, and shares
// their chapter headings with the requirements to come (c.chapters).
func (p *parser) catalogTranslations(c *Catalog, top *table, v any) {
	c.chapters = map[string]map[string]string{}
	m, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			top.wrongType(keyTranslation, TypeTable, v)
		}
		return
	}
	outer := &table{p: p, m: m, prefix: keyTranslation + ".",
		keyLine: func(k string) int { return lineOf(p.lines.topSub(keyTranslation, k)) }}
	var tags []string
	for k := range m {
		tags = append(tags, k)
	}
	sort.Strings(tags)
	for _, tag := range tags {
		if !isTranslationTable(m[tag]) {
			outer.add(outer.keyLine(tag), Problem{Kind: KindBadLanguage, Key: tag})
			continue
		}
		sub := p.subTable(outer, tag, func(path ...string) *srcEntry {
			return p.lines.topSub(append([]string{keyTranslation}, path...)...)
		})
		lang, ok := p.checkLanguage(c, outer, sub, tag, func(l string) bool { _, dup := c.Translations[l]; return dup })
		if !ok {
			continue
		}
		sub.unknownKeys(catalogTranslationKeys, nil)
		var tr CatalogTranslation
		tr.Line = sub.keyLine("")
		tr.Name, _ = sub.text(FieldName)
		tr.Provenance, _ = sub.text(FieldProvenance)
		tr.AreasNote, _ = sub.text(FieldAreasNote)
		tr.Licence, _ = sub.text(FieldLicence)
		tr.Chapters = p.chapterTranslations(sub, tag, lang)
		if len(tr.Chapters) > 0 {
			c.chapters[lang] = tr.Chapters
		}
		if c.Translations == nil {
			c.Translations = map[string]CatalogTranslation{}
		}
		c.Translations[lang] = tr
	}
}

// chapterTranslations reads the chapters table of [translation.TAG]: each
// key a chapter heading as the requirements write it, each value its
// translation. It remembers each heading's line for unusedChapters.
func (p *parser) chapterTranslations(sub *table, tag, lang string) map[string]string {
	v, present := sub.m[FieldChapters]
	if !present {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		sub.wrongType(FieldChapters, TypeTable, v)
		return nil
	}
	at := func(k string) int {
		if l := lineOf(p.lines.topSub(keyTranslation, tag, FieldChapters, k)); l > 0 {
			return l
		}
		return sub.keyLine(FieldChapters)
	}
	ch := &table{p: p, m: m, prefix: sub.prefix + FieldChapters + ".", keyLine: at}
	out := map[string]string{}
	if p.chapterLines == nil {
		p.chapterLines = map[string]map[string]int{}
	}
	if p.chapterLines[lang] == nil {
		p.chapterLines[lang] = map[string]int{}
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if s, ok := ch.text(k); ok {
			out[k] = s
			p.chapterLines[lang][k] = at(k)
		}
	}
	return out
}

// subTable makes the table of one translation, whose keys are found with
// locate (a dotted path below the parent table); an absent key points to
// the translation's own header.
func (p *parser) subTable(parent *table, tag string, locate func(path ...string) *srcEntry) *table {
	m, _ := parent.m[tag].(map[string]any)
	own := func() int {
		if l := lineOf(locate(tag)); l > 0 {
			return l
		}
		return parent.keyLine(tag)
	}
	sub := &table{p: p, m: m, req: parent.req, prefix: parent.prefix + tag + "."}
	sub.keyLine = func(k string) int {
		if k != "" {
			if l := lineOf(locate(tag, k)); l > 0 {
				return l
			}
		}
		return own()
	}
	sub.itemAt = func(k string, i int) int {
		if l := itemLine(locate(tag, k), i); l > 0 {
			return l
		}
		return sub.keyLine(k)
	}
	return sub
}

// checkLanguage checks a translation's tag: a language tag, not the
// catalog's own language, given once (seen tells whether a tag already
// was). It returns the tag in canonical form.
func (p *parser) checkLanguage(c *Catalog, parent, sub *table, tag string, seen func(string) bool) (string, bool) {
	lang, ok := CanonicalLang(tag)
	if !ok {
		// The table's name, as the author would search for it.
		parent.add(sub.keyLine(""), Problem{Kind: KindBadLanguage, Key: tag})
		return "", false
	}
	if c.Language != "" && sameLang(lang, c.Language) {
		parent.add(sub.keyLine(""), Problem{Kind: KindOwnLanguage, Lang: lang})
		return "", false
	}
	if seen(lang) {
		parent.add(sub.keyLine(""), Problem{Kind: KindListedTwice, Key: "language", Value: tag})
		return "", false
	}
	return lang, true
}

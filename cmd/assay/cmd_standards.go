package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// Message keys of who must meet a requirement, and how sure the catalog is
// of it, as people read them.
var (
	partyIDs = map[standards.Party]string{
		standards.PartyASMO: "party_asmo", standards.PartyBuyer: "party_buyer", standards.PartyBoth: "party_both",
	}
	// partyMarkIDs flag buyer duties in one-line lists; the ASMO's own
	// duties, the common case, carry no mark.
	partyMarkIDs = map[standards.Party]string{standards.PartyBuyer: "mark_buyer", standards.PartyBoth: "mark_both"}
	basisIDs     = map[standards.Basis]string{
		standards.BasisConfirmed: "basis_confirmed", standards.BasisReconstructed: "basis_reconstructed",
	}
)

// nameWidth keeps the list table readable on an 80-column terminal.
const nameWidth = 40

func init() {
	register(command{name: "standards", run: runStandards, ownLang: func(args []string) bool {
		return len(args) > 0 && (args[0] == "show" || args[0] == "validate")
	}})
}

func runStandards(e *env, args []string) int {
	if len(args) == 0 {
		return e.usage("standards_no_sub", nil)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		e.out("standards_help", nil)
		return exitOK
	case "list":
		return standardsList(e, args[1:])
	case "show":
		return standardsShow(e, args[1:])
	case "validate":
		return standardsValidate(e, args[1:])
	}
	return e.usage("standards_unknown_sub", i18n.Args{"Sub": strconv.Quote(args[0])})
}

// parseAll parses flags wherever they are among the arguments ("show ID
// --json" as well as "show --json ID") and returns the other arguments.
func parseAll(e *env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var rest []string
	for {
		if code, ok := e.parse(fs, args); !ok {
			return nil, code, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, 0, true
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), 0, true
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// listEntry is one catalog in `standards list --json`.
type listEntry struct {
	ID           string         `json:"id"`
	Name         string         `json:"name"`
	Version      string         `json:"version"`
	Source       string         `json:"source"`
	Requirements int            `json:"requirements"`
	Areas        map[string]int `json:"areas"`
	SHA256       string         `json:"sha256"`
	SupersededBy string         `json:"superseded_by"`
	Translations []string       `json:"translations"`
}

func standardsList(e *env, args []string) int {
	fs := e.flags("standards list", e.t("synopsis_standards_list", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_table", nil))
	e.uiLang(fs)
	rest, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return e.usage("unexpected_argument", i18n.Args{"Command": "standards list", "Arg": strconv.Quote(rest[0])})
	}
	cats := e.catalogs().All()
	if *asJSON {
		out := make([]listEntry, 0, len(cats))
		for _, c := range cats {
			areas := map[string]int{}
			for _, r := range c.Requirements {
				areas[string(r.Area)]++
			}
			// The name in the UI language, as show gives it.
			out = append(out, listEntry{ID: c.ID, Name: c.In(showLang(e, c, "")).Name, Version: c.Version, Source: c.Source,
				Requirements: len(c.Requirements), Areas: areas, SHA256: c.SHA256, SupersededBy: c.SupersededBy,
				Translations: c.Languages()})
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("standards_list_header", nil))
	for _, c := range cats {
		source := e.sourceText(c.Source)
		if c.Superseded() {
			source = e.t("standards_superseded", i18n.Args{"Source": source, "Version": c.SupersededBy})
		}
		l := c.In(e.lang)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.ID, c.Version, clip(l.Name, nameWidth), len(c.Requirements), source)
	}
	tw.Flush()
	return exitOK
}

// clip shortens s to n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// showCatalog is `standards show --json`: every field of the catalog and
// of each requirement. In a language other than the catalog's own (--lang,
// else the UI language), the words are in that language where translated,
// lang says which, and untranslated lists the fields left in the catalog's
// own language. Keys and codes (area, level, responsible, basis) stay
// English.
type showCatalog struct {
	ID           string            `json:"id"`
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Publisher    string            `json:"publisher"`
	Licence      string            `json:"licence"`
	Language     string            `json:"language"`
	Provenance   string            `json:"provenance"`
	AreasNote    string            `json:"areas_note"`
	Areas        []standards.Area  `json:"areas"`
	Source       string            `json:"source"`
	SHA256       string            `json:"sha256"`
	SupersededBy string            `json:"superseded_by"`
	Translations []string          `json:"translations"`
	Lang         string            `json:"lang,omitempty"`
	Untranslated []string          `json:"untranslated,omitempty"`
	Requirements []showRequirement `json:"requirements"`
}

// showRequirement is one requirement in `standards show --json`.
type showRequirement struct {
	ID           string          `json:"id"`
	Area         standards.Area  `json:"area"`
	Chapter      string          `json:"chapter"`
	Title        string          `json:"title"`
	Text         string          `json:"text"`
	Guidance     []string        `json:"guidance"`
	Evidence     []string        `json:"evidence"`
	Level        standards.Level `json:"level"`
	DueYear      int             `json:"due_year"`
	AppliesTo    string          `json:"applies_to"`
	Critical     bool            `json:"critical"`
	References   []string        `json:"references"`
	Responsible  standards.Party `json:"responsible"`
	Basis        standards.Basis `json:"basis"`
	BasisNote    string          `json:"basis_note"`
	Lang         string          `json:"lang,omitempty"`
	Untranslated []string        `json:"untranslated,omitempty"`
}

// untranslated lists the fields whose language is not the one asked for.
func untranslated(lang string, fields ...[2]string) []string {
	var out []string
	for _, f := range fields {
		if f[1] != lang {
			out = append(out, f[0])
		}
	}
	return out
}

// newShowRequirement gives r in lang ("" for as written).
func newShowRequirement(r *standards.Requirement, lang string) showRequirement {
	l := r.In(lang)
	out := showRequirement{ID: r.ID, Area: r.Area, Chapter: l.Chapter, Title: l.Title, Text: l.Text,
		Guidance: l.Guidance, Evidence: r.Evidence, Level: r.Level, DueYear: r.DueYear, AppliesTo: r.AppliesTo,
		Critical: r.Critical, References: l.References, Responsible: r.Responsible, Basis: r.Basis, BasisNote: l.BasisNote}
	if lang != "" {
		out.Lang = l.Lang
		fields := [][2]string{{standards.FieldTitle, l.TitleLang}, {standards.FieldText, l.TextLang},
			{standards.FieldGuidance, l.GuidanceLang}}
		// Fields the requirement does not have are not untranslated.
		for _, f := range []struct {
			name, lang string
			has        bool
		}{
			{standards.FieldReferences, l.ReferencesLang, len(r.References) > 0},
			{standards.FieldChapter, l.ChapterLang, r.Chapter != ""},
			{standards.FieldBasisNote, l.BasisNoteLang, r.BasisNote != ""},
		} {
			if f.has {
				fields = append(fields, [2]string{f.name, f.lang})
			}
		}
		out.Untranslated = untranslated(l.Lang, fields...)
	}
	return out
}

// langFlag checks a --lang value; ok is false after a usage error.
func langFlag(e *env, cmd, lang string) (string, int, bool) {
	if lang == "" {
		return "", 0, true
	}
	canon, ok := standards.CanonicalLang(lang)
	if !ok {
		return "", e.usage("standards_bad_lang", i18n.Args{"Command": cmd, "Lang": strconv.Quote(lang)}), false
	}
	return canon, 0, true
}

// showLang is the language to show catalog c in: the one --lang asked for,
// else the UI language, except that a catalog in the UI language is shown
// as written ("").
func showLang(e *env, c *standards.Catalog, asked string) string {
	if asked != "" {
		return asked
	}
	if c.Language == "" || sameBase(c.Language, e.lang) {
		return ""
	}
	if canon, ok := standards.CanonicalLang(e.lang); ok {
		return canon
	}
	return ""
}

func standardsShow(e *env, args []string) int {
	fs := e.flags("standards show", e.t("synopsis_standards_show", nil))
	version := fs.String("version", "", e.t("flag_standards_version", nil))
	area := fs.String("area", "", e.t("flag_standards_area", nil))
	langArg := fs.String("lang", "", e.t("flag_standards_show_lang", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_table", nil))
	rest, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		return e.usage("standards_show_no_id", nil)
	}
	if len(rest) > 2 {
		return e.usage("unexpected_argument", i18n.Args{"Command": "standards show", "Arg": strconv.Quote(rest[2])})
	}
	if *area != "" && !slices.Contains(standards.Areas, standards.Area(*area)) {
		return e.usage("standards_unknown_area", i18n.Args{"Area": strconv.Quote(*area), "Known": areaList(standards.Areas)})
	}
	asked, code, ok := langFlag(e, "show", *langArg)
	if !ok {
		return code
	}
	set := e.catalogs()
	c, found := set.Find(rest[0], *version)
	if !found {
		return e.failText(e.notFoundText(rest[0], *version, set))
	}
	lang := showLang(e, c, asked)
	if len(rest) == 2 {
		r, ok := c.Requirement(rest[1])
		if !ok {
			return e.fail("standards_no_requirement", i18n.Args{"ID": c.ID, "Version": c.Version, "Requirement": strconv.Quote(rest[1])})
		}
		if *asJSON {
			return writeJSON(e, newShowRequirement(r, lang))
		}
		printRequirement(e, c, r, lang)
		return exitOK
	}
	areas := c.WalkAreas()
	if *area != "" {
		areas = []standards.Area{standards.Area(*area)}
	}
	if *asJSON {
		l := c.In(lang)
		out := showCatalog{ID: c.ID, Name: l.Name, Version: c.Version, Publisher: c.Publisher,
			Licence: l.Licence, Language: c.Language, Provenance: l.Provenance, AreasNote: l.AreasNote,
			Areas: c.WalkAreas(), Source: c.Source, SHA256: c.SHA256, SupersededBy: c.SupersededBy,
			Translations: c.Languages(), Requirements: []showRequirement{}}
		if lang != "" {
			out.Lang = l.Lang
			out.Untranslated = untranslated(l.Lang, [2]string{standards.FieldName, l.NameLang},
				[2]string{standards.FieldProvenance, l.ProvenanceLang}, [2]string{standards.FieldAreasNote, l.AreasNoteLang})
		}
		for i := range c.Requirements {
			r := &c.Requirements[i]
			if *area == "" || r.Area == standards.Area(*area) {
				out.Requirements = append(out.Requirements, newShowRequirement(r, lang))
			}
		}
		return writeJSON(e, out)
	}
	printCatalog(e, c, areas, lang)
	return exitOK
}

// markLang marks a text shown in another language than the one asked for,
// so an inspector sees at once what is not translated.
func markLang(e *env, text, got, want string) string {
	if want == "" || got == want || strings.TrimSpace(text) == "" {
		return text
	}
	return text + " " + e.t("untranslated_mark", i18n.Args{"Lang": got})
}

// printCatalog writes the provenance header, then the requirements of the
// given areas, one line each, in lang where translated.
func printCatalog(e *env, c *standards.Catalog, areas []standards.Area, lang string) {
	w := e.stdout
	l := c.In(lang)
	fmt.Fprintln(w, markLang(e, l.Name, l.NameLang, l.Lang))
	e.out("show_catalog", i18n.Args{"ID": c.ID, "Version": c.Version})
	if c.Publisher != "" {
		e.out("show_publisher", i18n.Args{"Publisher": c.Publisher})
	}
	if l.Licence != "" {
		e.out("show_licence", i18n.Args{"Licence": markLang(e, l.Licence, l.LicenceLang, l.Lang)})
	}
	switch {
	case lang != "" && c.Language != "":
		e.out("show_language_as", i18n.Args{"Lang": c.Language, "Shown": l.Lang})
	case c.Language != "":
		e.out("show_language", i18n.Args{"Lang": c.Language})
	}
	if langs := c.Languages(); len(langs) > 0 {
		e.out("show_translated", i18n.Args{"Langs": e.list(langs)})
	}
	e.out("show_source", i18n.Args{"Source": e.sourceText(c.Source)})
	e.out("show_sha", i18n.Args{"SHA": c.SHA256})
	if l.Provenance != "" {
		e.out("show_provenance", i18n.Args{"Provenance": markLang(e, l.Provenance, l.ProvenanceLang, l.Lang)})
	}
	if l.AreasNote != "" {
		e.out("show_areas", i18n.Args{"Note": markLang(e, l.AreasNote, l.AreasNoteLang, l.Lang)})
	}
	if c.Superseded() {
		e.out("show_superseded", i18n.Args{"Version": c.SupersededBy})
	}
	for _, a := range areas {
		reqs := c.InArea(a)
		fmt.Fprintln(w)
		e.out("show_area_head", i18n.Args{"Area": strings.ToUpper(e.areaText(a)), "Count": len(reqs)})
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range reqs {
			rl := r.In(lang)
			fmt.Fprintf(tw, "  %s\t%s%s\n", r.ID, markLang(e, rl.Title, rl.TitleLang, rl.Lang), marks(e, r))
			if len(rl.References) > 0 {
				// An empty first cell keeps the column aligned.
				refs := markLang(e, strings.Join(rl.References, e.t("refs_sep", nil)), rl.ReferencesLang, rl.Lang)
				fmt.Fprintf(tw, "  \t  %s\n", e.t("show_refs_line", i18n.Args{"Refs": refs}))
			}
		}
		tw.Flush()
	}
}

// marks lists what sets a requirement apart: level, scope, criticality,
// a duty of the buyer's, and how sure the catalog is of it.
func marks(e *env, r standards.Requirement) string {
	var m []string
	if r.Level == standards.Progress {
		m = append(m, e.t("mark_progress", i18n.Args{"Year": r.DueYear}))
	}
	if r.AppliesTo == standards.AppliesEcological {
		m = append(m, e.t("mark_ecological", nil))
	}
	if r.Critical {
		m = append(m, e.t("mark_critical", nil))
	}
	if id, ok := partyMarkIDs[r.Responsible]; ok {
		m = append(m, e.word(id, ""))
	}
	if id, ok := basisIDs[r.Basis]; ok {
		m = append(m, e.word(id, ""))
	}
	if len(m) == 0 {
		return ""
	}
	return " [" + e.list(m) + "]"
}

// printRequirement writes one requirement in full, in lang where
// translated, for an inspector checking what it asks and what it rests on.
func printRequirement(e *env, c *standards.Catalog, r *standards.Requirement, lang string) {
	l := r.In(lang)
	e.out("req_head", i18n.Args{"ID": r.ID, "Title": markLang(e, l.Title, l.TitleLang, l.Lang)})
	e.out("req_catalog", i18n.Args{"ID": c.ID, "Version": c.Version})
	if l.Chapter != "" {
		e.out("req_chapter", i18n.Args{"Chapter": markLang(e, l.Chapter, l.ChapterLang, l.Lang)})
	}
	e.out("req_area", i18n.Args{"Area": e.areaText(r.Area)})
	if r.Level == standards.Progress {
		e.out("req_progress", i18n.Args{"Year": r.DueYear})
	} else {
		e.out("req_entry", nil)
	}
	if r.AppliesTo == standards.AppliesEcological {
		e.out("req_ecological", nil)
	} else {
		e.out("req_all", nil)
	}
	if r.Critical {
		e.out("req_critical", nil)
	}
	e.out("req_responsible", i18n.Args{"Party": e.word(partyIDs[r.Responsible], string(r.Responsible))})
	if id, ok := basisIDs[r.Basis]; ok {
		if l.BasisNote != "" {
			e.out("req_basis_note", i18n.Args{"Basis": e.word(id, ""), "Note": markLang(e, l.BasisNote, l.BasisNoteLang, l.Lang)})
		} else {
			e.out("req_basis", i18n.Args{"Basis": e.word(id, "")})
		}
	}
	if len(l.References) > 0 {
		e.out("req_references", i18n.Args{"Mark": markLang(e, "", l.ReferencesLang, l.Lang)})
		for _, ref := range l.References {
			e.out("req_item", i18n.Args{"Text": ref})
		}
	}
	e.out("req_text", i18n.Args{"Mark": markLang(e, "", l.TextLang, l.Lang)})
	e.out("req_para", i18n.Args{"Text": l.Text})
	if len(l.Guidance) > 0 {
		e.out("req_guidance", i18n.Args{"Mark": markLang(e, "", l.GuidanceLang, l.Lang)})
		for _, g := range l.Guidance {
			e.out("req_item", i18n.Args{"Text": g})
		}
	}
	if len(r.Evidence) > 0 {
		ev := make([]string, len(r.Evidence))
		for i, k := range r.Evidence {
			ev[i] = e.word(evidenceIDs[k], k)
		}
		e.out("req_evidence", i18n.Args{"Kinds": e.list(ev)})
	}
}

// evidenceIDs name the kinds of evidence a requirement expects.
var evidenceIDs = map[string]string{
	"document": "evidence_document", "interview": "evidence_interview", "observation": "evidence_observation",
	"measurement": "evidence_measurement",
}

func areaList(as []standards.Area) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

func standardsValidate(e *env, args []string) int {
	fs := e.flags("standards validate", e.t("synopsis_standards_validate", nil))
	langArg := fs.String("lang", "", e.t("flag_standards_validate_lang", nil))
	files, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return e.usage("standards_validate_no_file", nil)
	}
	lang, code, ok := langFlag(e, "validate", *langArg)
	if !ok {
		return code
	}
	status := exitOK
	for _, r := range standards.CheckFiles(files...) {
		problems := r.Problems
		if r.Catalog != nil && lang != "" {
			problems = r.Catalog.MissingTranslations(lang)
		}
		if len(problems) == 0 {
			if lang != "" {
				fmt.Fprintln(e.stdout, e.n("validate_ok_lang", len(r.Catalog.Requirements), i18n.Args{"File": r.Path, "Lang": lang}))
			} else {
				fmt.Fprintln(e.stdout, e.n("validate_ok", len(r.Catalog.Requirements), i18n.Args{"File": r.Path}))
			}
			continue
		}
		status = exitFail
		for _, p := range problems {
			fmt.Fprintln(e.stderr, audit.Sanitize(e.describe(p)))
		}
	}
	return status
}

func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.failErr(err)
	}
	return exitOK
}

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/assay-dev/assay/standards"
)

// Words of the standards command, kept together for translation.
const (
	stdSummary      = "list, show and validate requirement catalogs"
	stdUsage        = "standards list|show|validate ..."
	stdListUsage    = "standards list [--json]"
	stdShowUsage    = "standards show ID [REQUIREMENT] [--version V] [--area AREA] [--lang LANG] [--json]"
	stdValUsage     = "standards validate [--lang LANG] FILE..."
	stdNoSub        = "standards: missing sub-command (list, show or validate)"
	stdUnknownSub   = "standards: unknown sub-command %q (list, show or validate)"
	stdShowNoID     = "standards show: missing catalog ID (see 'assay standards list')"
	stdShowNoReq    = "standards show: catalog %s version %s has no requirement %q"
	stdTooMany      = "standards %s: unexpected argument %q"
	stdUnknownArea  = "standards show: unknown area %q (known: %s)"
	stdValNoFile    = "standards validate: missing FILE"
	stdValOK        = "%s: ok (%d requirements)"
	stdValOKLang    = "%s: ok (%d requirements, %s translation complete)"
	stdBadLang      = "standards %s: %q is not a language tag (for example es, pt or pt-BR)"
	stdFlagJSON     = "print JSON instead of a table"
	stdFlagVersion  = "catalog version (default: the one new audits get)"
	stdFlagArea     = "show only this area"
	stdFlagShowLang = "show titles, text and guidance in this language where the catalog has them (es, pt-BR, ...)"
	stdFlagValLang  = "also report every requirement whose translation into this language is missing or incomplete"
	stdHeadID       = "ID"
	stdHeadVersion  = "VERSION"
	stdHeadName     = "NAME"
	stdHeadReqs     = "REQUIREMENTS"
	stdHeadSource   = "SOURCE"
	stdFieldID      = "Catalog:    %s, version %s\n"
	stdFieldPub     = "Publisher:  %s\n"
	stdFieldLicence = "Licence:    %s\n"
	stdFieldLang    = "Language:   %s\n"
	stdFieldLangAs  = "Language:   %s; shown in %s where translated, untranslated text marked [%s]\n"
	stdFieldTrans   = "Translated: %s\n"
	stdFieldSource  = "Source:     %s\n"
	stdFieldSHA     = "SHA-256:    %s\n"
	stdFieldProv    = "Provenance: %s\n"
	stdFieldAreas   = "Areas:      %s\n"
	stdFieldSuper   = "Superseded: by version %s. Kept so that audits made with this version still open, export and verify; new audits use %s.\n"
	stdAreaHead     = "%s (%d)\n"
	stdMarkYear     = "progress, year %d"
	stdMarkEco      = "ecological only"
	stdMarkCritical = "critical"
	stdSuperseded   = "%s, superseded by %s"
	stdRefsLine     = "see: %s"
	stdRefsSep      = "; "
	stdMarkLang     = "[%s]" // after a text shown in the catalog's own language

	// One requirement in full (standards show ID REQUIREMENT).
	stdReqHead      = "%s  %s\n"
	stdReqCatalog   = "Catalog:     %s, version %s\n"
	stdReqChapter   = "Chapter:     %s\n"
	stdReqArea      = "Area:        %s\n"
	stdReqEntry     = "Level:       entry (met at the first certification audit)\n"
	stdReqProgress  = "Level:       progress, due by year %d after certification\n"
	stdReqAll       = "Applies to:  every audit\n"
	stdReqEco       = "Applies to:  Fairmined Ecological audits only\n"
	stdReqCritical  = "Critical:    yes\n"
	stdReqResp      = "Responsible: %s\n"
	stdReqBasis     = "Basis:       %s\n"
	stdReqBasisNote = "Basis:       %s: %s\n"
	stdReqRefs      = "References:\n"
	stdReqText      = "Text:%s\n"
	stdReqGuidance  = "Guidance:%s\n"
	stdReqEvidence  = "Evidence:    %s\n"
	stdReqItem      = "  - %s\n"
	stdReqPara      = "  %s\n"
	stdHelp         = `Usage: assay standards list [--json]
       assay standards show ID [REQUIREMENT] [--version V] [--area AREA] [--lang LANG] [--json]
       assay standards validate [--lang LANG] FILE...

Requirement catalogs: the built-in ones plus every *.toml file in the
home's standards/ folder. A file with the same id and version as a built-in
catalog replaces it. Without --version, show uses the catalog new audits
get: a file from the home before a built-in, never a superseded edition.
With a REQUIREMENT id, show prints that requirement in full. With --lang,
show gives the catalog's translation into that language and marks, with
the catalog's own language in brackets, any text not translated.

'validate' checks files before they are installed. With --lang, it also
reports every requirement whose translation is missing or incomplete,
and fails when there is one.
`
)

// Who must meet a requirement, and how sure the catalog is of it, as
// people read them.
var (
	stdPartyNames = map[standards.Party]string{
		standards.PartyASMO:  "ASMO",
		standards.PartyBuyer: "buyer",
		standards.PartyBoth:  "ASMO and buyer",
	}
	// stdPartyMarks flag buyer duties in one-line lists; the ASMO's own
	// duties, the common case, carry no mark.
	stdPartyMarks = map[standards.Party]string{
		standards.PartyBuyer: "buyer's duty",
		standards.PartyBoth:  "ASMO and buyer",
	}
	stdBasisNames = map[standards.Basis]string{
		standards.BasisConfirmed:     "confirmed",
		standards.BasisReconstructed: "reconstructed",
	}
)

// nameWidth keeps the list table readable on an 80-column terminal.
const nameWidth = 40

func init() {
	register(command{name: "standards", summary: stdSummary, run: runStandards})
}

func runStandards(e *env, args []string) int {
	if len(args) == 0 {
		return e.usageErr(stdNoSub)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(e.stdout, stdHelp)
		return exitOK
	case "list":
		return standardsList(e, args[1:])
	case "show":
		return standardsShow(e, args[1:])
	case "validate":
		return standardsValidate(e, args[1:])
	}
	return e.usageErr(stdUnknownSub, args[0])
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
	fs := e.flags("standards list", stdListUsage)
	asJSON := fs.Bool("json", false, stdFlagJSON)
	rest, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return e.usageErr(stdTooMany, "list", rest[0])
	}
	cats := e.catalogs().All()
	if *asJSON {
		out := make([]listEntry, 0, len(cats))
		for _, c := range cats {
			areas := map[string]int{}
			for _, r := range c.Requirements {
				areas[string(r.Area)]++
			}
			out = append(out, listEntry{ID: c.ID, Name: c.Name, Version: c.Version, Source: c.Source,
				Requirements: len(c.Requirements), Areas: areas, SHA256: c.SHA256, SupersededBy: c.SupersededBy,
				Translations: c.Languages()})
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", stdHeadID, stdHeadVersion, stdHeadName, stdHeadReqs, stdHeadSource)
	for _, c := range cats {
		source := c.Source
		if c.Superseded() {
			source = fmt.Sprintf(stdSuperseded, source, c.SupersededBy)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.ID, c.Version, clip(c.Name, nameWidth), len(c.Requirements), source)
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
// of each requirement. With --lang, the words are in that language where
// translated, lang says which, and untranslated lists the fields left in
// the catalog's own language. Keys stay English.
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
	out := showRequirement{ID: r.ID, Area: r.Area, Chapter: r.Chapter, Title: l.Title, Text: l.Text,
		Guidance: l.Guidance, Evidence: r.Evidence, Level: r.Level, DueYear: r.DueYear, AppliesTo: r.AppliesTo,
		Critical: r.Critical, References: r.References, Responsible: r.Responsible, Basis: r.Basis, BasisNote: r.BasisNote}
	if lang != "" {
		out.Lang = l.Lang
		out.Untranslated = untranslated(l.Lang, [2]string{standards.FieldTitle, l.TitleLang},
			[2]string{standards.FieldText, l.TextLang}, [2]string{standards.FieldGuidance, l.GuidanceLang})
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
		return "", e.usageErr(stdBadLang, cmd, lang), false
	}
	return canon, 0, true
}

func standardsShow(e *env, args []string) int {
	fs := e.flags("standards show", stdShowUsage)
	version := fs.String("version", "", stdFlagVersion)
	area := fs.String("area", "", stdFlagArea)
	langArg := fs.String("lang", "", stdFlagShowLang)
	asJSON := fs.Bool("json", false, stdFlagJSON)
	rest, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		return e.usageErr(stdShowNoID)
	}
	if len(rest) > 2 {
		return e.usageErr(stdTooMany, "show", rest[2])
	}
	if *area != "" && !slices.Contains(standards.Areas, standards.Area(*area)) {
		return e.usageErr(stdUnknownArea, *area, areaList(standards.Areas))
	}
	lang, code, ok := langFlag(e, "show", *langArg)
	if !ok {
		return code
	}
	set := e.catalogs()
	c, found := set.Find(rest[0], *version)
	if !found {
		return e.errorf("%s", set.NotFoundMessage(rest[0], *version))
	}
	if len(rest) == 2 {
		r, ok := c.Requirement(rest[1])
		if !ok {
			return e.errorf(stdShowNoReq, c.ID, c.Version, rest[1])
		}
		if *asJSON {
			return writeJSON(e, newShowRequirement(r, lang))
		}
		printRequirement(e.stdout, c, r, lang)
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
	printCatalog(e.stdout, c, areas, lang)
	return exitOK
}

// inLang marks a text shown in another language than the one asked for,
// so an inspector sees at once what is not translated.
func inLang(text, got, want string) string {
	if want == "" || got == want {
		return text
	}
	return text + " " + fmt.Sprintf(stdMarkLang, got)
}

// printCatalog writes the provenance header, then the requirements of the
// given areas, one line each, in lang where translated.
func printCatalog(w io.Writer, c *standards.Catalog, areas []standards.Area, lang string) {
	l := c.In(lang)
	fmt.Fprintln(w, inLang(l.Name, l.NameLang, l.Lang))
	fmt.Fprintf(w, stdFieldID, c.ID, c.Version)
	for _, f := range []struct{ format, value string }{
		{stdFieldPub, c.Publisher}, {stdFieldLicence, inLang(l.Licence, l.LicenceLang, l.Lang)},
	} {
		if f.value != "" {
			fmt.Fprintf(w, f.format, f.value)
		}
	}
	switch {
	case lang != "" && c.Language != "":
		fmt.Fprintf(w, stdFieldLangAs, c.Language, l.Lang, c.Language)
	case c.Language != "":
		fmt.Fprintf(w, stdFieldLang, c.Language)
	}
	if langs := c.Languages(); len(langs) > 0 {
		fmt.Fprintf(w, stdFieldTrans, strings.Join(langs, ", "))
	}
	for _, f := range []struct{ format, value string }{
		{stdFieldSource, c.Source}, {stdFieldSHA, c.SHA256},
		{stdFieldProv, inLang(l.Provenance, l.ProvenanceLang, l.Lang)},
		{stdFieldAreas, inLang(l.AreasNote, l.AreasNoteLang, l.Lang)},
	} {
		if f.value != "" {
			fmt.Fprintf(w, f.format, f.value)
		}
	}
	if c.Superseded() {
		fmt.Fprintf(w, stdFieldSuper, c.SupersededBy, c.SupersededBy)
	}
	for _, a := range areas {
		reqs := c.InArea(a)
		fmt.Fprintf(w, "\n"+stdAreaHead, strings.ToUpper(string(a)), len(reqs))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range reqs {
			rl := r.In(lang)
			fmt.Fprintf(tw, "  %s\t%s%s\n", r.ID, inLang(rl.Title, rl.TitleLang, rl.Lang), marks(r))
			if len(r.References) > 0 {
				// An empty first cell keeps the column aligned.
				fmt.Fprintf(tw, "  \t  %s\n", fmt.Sprintf(stdRefsLine, strings.Join(r.References, stdRefsSep)))
			}
		}
		tw.Flush()
	}
}

// marks lists what sets a requirement apart: level, scope, criticality,
// a duty of the buyer's, and how sure the catalog is of it.
func marks(r standards.Requirement) string {
	var m []string
	if r.Level == standards.Progress {
		m = append(m, fmt.Sprintf(stdMarkYear, r.DueYear))
	}
	if r.AppliesTo == standards.AppliesEcological {
		m = append(m, stdMarkEco)
	}
	if r.Critical {
		m = append(m, stdMarkCritical)
	}
	if p, ok := stdPartyMarks[r.Responsible]; ok {
		m = append(m, p)
	}
	if b, ok := stdBasisNames[r.Basis]; ok {
		m = append(m, b)
	}
	if len(m) == 0 {
		return ""
	}
	return " [" + strings.Join(m, ", ") + "]"
}

// printRequirement writes one requirement in full, in lang where
// translated, for an inspector checking what it asks and what it rests on.
func printRequirement(w io.Writer, c *standards.Catalog, r *standards.Requirement, lang string) {
	l := r.In(lang)
	fmt.Fprintf(w, stdReqHead, r.ID, inLang(l.Title, l.TitleLang, l.Lang))
	fmt.Fprintf(w, stdReqCatalog, c.ID, c.Version)
	if r.Chapter != "" {
		fmt.Fprintf(w, stdReqChapter, r.Chapter)
	}
	fmt.Fprintf(w, stdReqArea, r.Area)
	if r.Level == standards.Progress {
		fmt.Fprintf(w, stdReqProgress, r.DueYear)
	} else {
		fmt.Fprint(w, stdReqEntry)
	}
	if r.AppliesTo == standards.AppliesEcological {
		fmt.Fprint(w, stdReqEco)
	} else {
		fmt.Fprint(w, stdReqAll)
	}
	if r.Critical {
		fmt.Fprint(w, stdReqCritical)
	}
	fmt.Fprintf(w, stdReqResp, stdPartyNames[r.Responsible])
	if b, ok := stdBasisNames[r.Basis]; ok {
		if r.BasisNote != "" {
			fmt.Fprintf(w, stdReqBasisNote, b, r.BasisNote)
		} else {
			fmt.Fprintf(w, stdReqBasis, b)
		}
	}
	if len(r.References) > 0 {
		fmt.Fprint(w, stdReqRefs)
		for _, ref := range r.References {
			fmt.Fprintf(w, stdReqItem, ref)
		}
	}
	fmt.Fprintf(w, stdReqText, inLang("", l.TextLang, l.Lang))
	fmt.Fprintf(w, stdReqPara, l.Text)
	if len(l.Guidance) > 0 {
		fmt.Fprintf(w, stdReqGuidance, inLang("", l.GuidanceLang, l.Lang))
		for _, g := range l.Guidance {
			fmt.Fprintf(w, stdReqItem, g)
		}
	}
	if len(r.Evidence) > 0 {
		fmt.Fprintf(w, stdReqEvidence, strings.Join(r.Evidence, ", "))
	}
}

func areaList(as []standards.Area) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

func standardsValidate(e *env, args []string) int {
	fs := e.flags("standards validate", stdValUsage)
	langArg := fs.String("lang", "", stdFlagValLang)
	files, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return e.usageErr(stdValNoFile)
	}
	lang, code, ok := langFlag(e, "validate", *langArg)
	if !ok {
		return code
	}
	words := &problemWordsEN
	status := exitOK
	for _, r := range standards.CheckFiles(files...) {
		problems := r.Problems
		if r.Catalog != nil && lang != "" {
			problems = r.Catalog.MissingTranslations(lang)
		}
		if len(problems) == 0 {
			if lang != "" {
				fmt.Fprintf(e.stdout, stdValOKLang+"\n", r.Path, len(r.Catalog.Requirements), lang)
			} else {
				fmt.Fprintf(e.stdout, stdValOK+"\n", r.Path, len(r.Catalog.Requirements))
			}
			continue
		}
		status = exitFail
		for _, p := range problems {
			fmt.Fprintln(e.stderr, words.describe(p))
		}
	}
	return status
}

func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.errorf("%v", err)
	}
	return exitOK
}

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
	stdShowUsage    = "standards show ID [--version V] [--area AREA] [--json]"
	stdValUsage     = "standards validate FILE..."
	stdNoSub        = "standards: missing sub-command (list, show or validate)"
	stdUnknownSub   = "standards: unknown sub-command %q (list, show or validate)"
	stdShowNoID     = "standards show: missing catalog ID (see 'assay standards list')"
	stdTooMany      = "standards %s: unexpected argument %q"
	stdUnknownArea  = "standards show: unknown area %q (known: %s)"
	stdValNoFile    = "standards validate: missing FILE"
	stdValOK        = "%s: ok (%d requirements)"
	stdFlagJSON     = "print JSON instead of a table"
	stdFlagVersion  = "catalog version (default: the highest)"
	stdFlagArea     = "show only this area"
	stdHeadID       = "ID"
	stdHeadVersion  = "VERSION"
	stdHeadName     = "NAME"
	stdHeadReqs     = "REQUIREMENTS"
	stdHeadSource   = "SOURCE"
	stdFieldID      = "Catalog:    %s, version %s\n"
	stdFieldPub     = "Publisher:  %s\n"
	stdFieldLicence = "Licence:    %s\n"
	stdFieldLang    = "Language:   %s\n"
	stdFieldSource  = "Source:     %s\n"
	stdFieldSHA     = "SHA-256:    %s\n"
	stdFieldProv    = "Provenance: %s\n"
	stdAreaHead     = "%s (%d)\n"
	stdMarkYear     = "progress, year %d"
	stdMarkEco      = "ecological only"
	stdMarkCritical = "critical"
	stdHelp         = `Usage: assay standards list [--json]
       assay standards show ID [--version V] [--area AREA] [--json]
       assay standards validate FILE...

Requirement catalogs: the built-in ones plus every *.toml file in the
home's standards/ folder. A file with the same id and version as a built-in
catalog replaces it. 'validate' checks files before they are installed.
`
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
				Requirements: len(c.Requirements), Areas: areas, SHA256: c.SHA256})
		}
		return writeJSON(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", stdHeadID, stdHeadVersion, stdHeadName, stdHeadReqs, stdHeadSource)
	for _, c := range cats {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", c.ID, c.Version, clip(c.Name, nameWidth), len(c.Requirements), c.Source)
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
// of each requirement.
type showCatalog struct {
	ID           string                  `json:"id"`
	Name         string                  `json:"name"`
	Version      string                  `json:"version"`
	Publisher    string                  `json:"publisher"`
	Licence      string                  `json:"licence"`
	Language     string                  `json:"language"`
	Provenance   string                  `json:"provenance"`
	Areas        []standards.Area        `json:"areas"`
	Source       string                  `json:"source"`
	SHA256       string                  `json:"sha256"`
	Requirements []standards.Requirement `json:"requirements"`
}

func standardsShow(e *env, args []string) int {
	fs := e.flags("standards show", stdShowUsage)
	version := fs.String("version", "", stdFlagVersion)
	area := fs.String("area", "", stdFlagArea)
	asJSON := fs.Bool("json", false, stdFlagJSON)
	rest, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		return e.usageErr(stdShowNoID)
	}
	if len(rest) > 1 {
		return e.usageErr(stdTooMany, "show", rest[1])
	}
	if *area != "" && !slices.Contains(standards.Areas, standards.Area(*area)) {
		return e.usageErr(stdUnknownArea, *area, areaList(standards.Areas))
	}
	set := e.catalogs()
	c, found := set.Find(rest[0], *version)
	if !found {
		return e.errorf("%s", set.NotFoundMessage(rest[0], *version))
	}
	areas := c.WalkAreas()
	if *area != "" {
		areas = []standards.Area{standards.Area(*area)}
	}
	if *asJSON {
		out := showCatalog{ID: c.ID, Name: c.Name, Version: c.Version, Publisher: c.Publisher,
			Licence: c.Licence, Language: c.Language, Provenance: c.Provenance, Areas: c.WalkAreas(),
			Source: c.Source, SHA256: c.SHA256, Requirements: []standards.Requirement{}}
		for _, r := range c.Requirements {
			if *area == "" || r.Area == standards.Area(*area) {
				out.Requirements = append(out.Requirements, r)
			}
		}
		return writeJSON(e, out)
	}
	printCatalog(e.stdout, c, areas)
	return exitOK
}

// printCatalog writes the provenance header, then the requirements of the
// given areas, one line each.
func printCatalog(w io.Writer, c *standards.Catalog, areas []standards.Area) {
	fmt.Fprintln(w, c.Name)
	fmt.Fprintf(w, stdFieldID, c.ID, c.Version)
	for _, f := range []struct{ format, value string }{
		{stdFieldPub, c.Publisher}, {stdFieldLicence, c.Licence}, {stdFieldLang, c.Language},
		{stdFieldSource, c.Source}, {stdFieldSHA, c.SHA256}, {stdFieldProv, c.Provenance},
	} {
		if f.value != "" {
			fmt.Fprintf(w, f.format, f.value)
		}
	}
	for _, a := range areas {
		reqs := c.InArea(a)
		fmt.Fprintf(w, "\n"+stdAreaHead, strings.ToUpper(string(a)), len(reqs))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range reqs {
			fmt.Fprintf(tw, "  %s\t%s%s\n", r.ID, r.Title, marks(r))
		}
		tw.Flush()
	}
}

// marks lists what sets a requirement apart: level, scope, criticality.
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
	if len(m) == 0 {
		return ""
	}
	return " [" + strings.Join(m, ", ") + "]"
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
	files, code, ok := parseAll(e, fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		return e.usageErr(stdValNoFile)
	}
	status := exitOK
	for _, r := range standards.CheckFiles(files...) {
		if r.Catalog != nil {
			fmt.Fprintf(e.stdout, stdValOK+"\n", r.Path, len(r.Catalog.Requirements))
			continue
		}
		status = exitFail
		for _, p := range r.Problems {
			fmt.Fprintln(e.stderr, p.String())
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

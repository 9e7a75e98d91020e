package report

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// What a reviewer sees page by page, read from the PDF as poppler lays
// its text out (pdftotext -bbox-layout): no heading is the last line above
// the footer, and no page holds only the tail of a section that would
// have fitted on the page before.

// pageLine is one line of text on a page, in PDF points from the top.
type pageLine struct {
	text         string
	yMin, yMax   float64
	wordH        float64 // the tallest word: the font size shows in it
	page, number int
}

// Page geometry in points, from the millimetres of the layout.
const (
	ptPerMM      = 72 / 25.4
	headerBottom = 17 * ptPerMM         // under the running head's rule
	footerTop    = (297 - 13) * ptPerMM // the footer's rule
	contentTop   = 24 * ptPerMM
	contentBot   = (297 - 20) * ptPerMM
	h1Height     = 16.5 // a word at least this tall is an h1 (16 pt)
	h2Height     = 12.5 // an h2 (11.5 pt) or an area heading (13 pt)
	titleHeight  = 10.5 // a requirement's title (9.5 pt bold) or taller
)

// pdfPages reads every page's lines between the running head and the
// footer.
func pdfPages(t *testing.T, pdf string) [][]pageLine {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	type word struct {
		YMin float64 `xml:"yMin,attr"`
		YMax float64 `xml:"yMax,attr"`
		Text string  `xml:",chardata"`
	}
	type line struct {
		YMin  float64 `xml:"yMin,attr"`
		YMax  float64 `xml:"yMax,attr"`
		Words []word  `xml:"word"`
	}
	type block struct {
		Lines []line `xml:"line"`
	}
	type flow struct {
		Blocks []block `xml:"block"`
	}
	type page struct {
		Flows []flow `xml:"flow"`
	}
	var doc struct {
		Pages []page `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	var pages [][]pageLine
	for pi, p := range doc.Pages {
		var lines []pageLine
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					if l.YMax <= headerBottom || l.YMin >= footerTop {
						continue
					}
					pl := pageLine{yMin: l.YMin, yMax: l.YMax, page: pi + 1}
					var ws []string
					for _, w := range l.Words {
						ws = append(ws, w.Text)
						pl.wordH = max(pl.wordH, w.YMax-w.YMin)
					}
					pl.text = strings.Join(ws, " ")
					lines = append(lines, pl)
				}
			}
		}
		// Top to bottom; a line split in flows (a title and its verdict
		// mark) sorts by its top.
		for i := range lines {
			for j := i + 1; j < len(lines); j++ {
				if lines[j].yMin < lines[i].yMin {
					lines[i], lines[j] = lines[j], lines[i]
				}
			}
		}
		pages = append(pages, lines)
	}
	return pages
}

// lastLine is the lowest line of a page.
func lastLine(lines []pageLine) pageLine {
	var last pageLine
	for _, l := range lines {
		if l.yMax > last.yMax {
			last = l
		}
	}
	return last
}

// headingKind says whether a line is a heading, and which. A label ends
// in a space when it heads a list on its own line ("Excluded — …:").
func headingKind(l pageLine, labels map[string]bool, reqTitle *regexp.Regexp) string {
	text := strings.TrimSpace(l.text)
	prefix := false
	for lb := range labels {
		prefix = prefix || strings.HasSuffix(lb, " ") && strings.HasPrefix(text, lb) && strings.HasSuffix(text, ":")
	}
	switch {
	case l.wordH >= h2Height:
		return "section heading"
	case labels[text] || prefix:
		return "field label"
	case l.wordH >= titleHeight && reqTitle.MatchString(l.text):
		return "requirement title"
	}
	return ""
}

var demoReports struct {
	once  sync.Once
	paths map[string]string
	err   error
}

// demoReport exports the demo audit, finalized and signed, in lang, once
// per test binary, and returns the PDF's path.
func demoReport(t *testing.T, lang string) string {
	t.Helper()
	needTool(t, "pdftotext")
	demoReports.once.Do(func() {
		dir, err := os.MkdirTemp("", "assay-layout-")
		if err != nil {
			demoReports.err = err
			return
		}
		demoReports.paths = map[string]string{}
		set := standards.NewSet(standards.Builtin()...)
		s, err := audit.OpenStore(dir, set)
		if err != nil {
			demoReports.err = err
			return
		}
		s.NoSync = true
		now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		id, err := audit.CreateDemo(s, set.Default(), now)
		if err != nil {
			demoReports.err = err
			return
		}
		ident := testIdentity(t)
		h, err := s.Open(id)
		if err != nil {
			demoReports.err = err
			return
		}
		a := h.Audit()
		if err := audit.Finalize(a, set.Default(), SignerRecord(ident.Cert), now); err != nil {
			demoReports.err = err
			return
		}
		if err := h.Save(a); err != nil {
			demoReports.err = err
			return
		}
		h.Close()
		for _, l := range []string{"en", "es"} {
			out := filepath.Join(dir, "demo-"+l+".pdf")
			if _, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: set, Output: out, Language: l}); err != nil {
				demoReports.err = fmt.Errorf("export %s: %w", l, err)
				return
			}
			demoReports.paths[l] = out
		}
	})
	if demoReports.err != nil {
		t.Fatal(demoReports.err)
	}
	return demoReports.paths[lang]
}

// reportHeadings are the words that head a part of the report in lang:
// a finding's field labels and the excluded list's label, and the
// pattern of a requirement's title line (its id, then its title).
func reportHeadings(lang string) (map[string]bool, *regexp.Regexp) {
	l := builtin().For(lang)
	labels := map[string]bool{l.T("excluded", nil) + " — ": true}
	for _, id := range []string{"label_notes", "label_justification", "col_corrective_action", "label_evidence"} {
		labels[l.T(id, nil)] = true
	}
	var ids []string
	for _, r := range standards.NewSet(standards.Builtin()...).Default().Requirements {
		ids = append(ids, regexp.QuoteMeta(r.ID))
	}
	return labels, regexp.MustCompile(`^(` + strings.Join(ids, "|") + `) \S`)
}

// TestNoHeadingIsTheLastLineOfAPage renders every page of the demo
// export, in English and Spanish, and checks that the lowest line above
// the footer is never a heading: a section or area heading, a finding's
// field label (Notes, Evidence …) or a requirement's title.
func TestNoHeadingIsTheLastLineOfAPage(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		pages := pdfPages(t, demoReport(t, lang))
		if len(pages) < 10 {
			t.Fatalf("%s: %d pages: not the demo report", lang, len(pages))
		}
		checkNoHeadingLast(t, lang, pages)
	}
}

// checkNoHeadingLast fails for each page whose lowest line is a heading.
func checkNoHeadingLast(t *testing.T, lang string, pages [][]pageLine) {
	t.Helper()
	labels, reqTitle := reportHeadings(lang)
	for i, lines := range pages {
		if len(lines) == 0 {
			t.Errorf("%s: page %d is empty", lang, i+1)
			continue
		}
		last := lastLine(lines)
		if k := headingKind(last, labels, reqTitle); k != "" {
			t.Errorf("%s: page %d ends with a %s: %q", lang, i+1, k, last.text)
		}
	}
}

// TestFindingsAreNotSplit: on the findings pages, each page after the
// first starts with a requirement's title or an area: no finding of the
// demo is longer than a page, so none may be split between two (its
// notes, corrective action or evidence at the top of the next page).
func TestFindingsAreNotSplit(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		labels, reqTitle := reportHeadings(lang)
		l := builtin().For(lang)
		pages := pdfPages(t, demoReport(t, lang))
		in := false
		for i, lines := range pages {
			if len(lines) == 0 {
				continue
			}
			first := lines[0]
			switch {
			case first.wordH >= h1Height && first.text == l.T("findings_title", nil):
				in = true
				continue
			case first.wordH >= h1Height:
				in = false
			}
			// A field label (Notes) at the top is a finding cut after its
			// title; the excluded list may start a page, being a block of
			// its own.
			if k := headingKind(first, labels, reqTitle); in && (k == "" || k == "field label" && !strings.HasPrefix(first.text, l.T("excluded", nil))) {
				t.Errorf("%s: findings page %d starts inside a finding: %q", lang, i+1, first.text)
			}
		}
	}
}

// TestNoPageHoldsOnlyATailThatFitsBefore: a page that continues a section
// (it does not start with a section of its own) and ends it (the next page
// starts a new section, or there is none) must not hold so little that it
// would have fitted in the room left on the page before, nor a line or
// two cut off from what precedes them.
func TestNoPageHoldsOnlyATailThatFitsBefore(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		checkNoLoneTail(t, lang, pdfPages(t, demoReport(t, lang)))
	}
}

// checkNoLoneTail fails for each page that only ends a section with what
// would have fitted on the page before, or with a line or two.
func checkNoLoneTail(t *testing.T, lang string, pages [][]pageLine) {
	t.Helper()
	startsSection := func(i int) bool {
		return i >= len(pages) || len(pages[i]) > 0 && pages[i][0].wordH >= h1Height
	}
	for i := 1; i < len(pages); i++ {
		if len(pages[i]) == 0 || startsSection(i) || !startsSection(i+1) {
			continue
		}
		used := lastLine(pages[i]).yMax - pages[i][0].yMin
		free := contentBot - lastLine(pages[i-1]).yMax
		// Text boxes are tighter than the layout's cells and gaps:
		// flag only a tail that clearly fits (with a line and the gaps to spare).
		if used+20 < free {
			t.Errorf("%s: page %d holds only %.0f pt (%q … %q), which fit in the %.0f pt left on page %d",
				lang, i+1, used, pages[i][0].text, lastLine(pages[i]).text, free, i)
		}
		if len(pages[i]) < 3 {
			t.Errorf("%s: page %d holds only %q, cut off from page %d", lang, i+1, pages[i][0].text, i)
		}
	}
}

// The checks above can fail: a page ending in a heading is caught.
func TestHeadingCheckCatchesAHeading(t *testing.T) {
	labels := map[string]bool{"Notes": true}
	re := regexp.MustCompile(`^(1\.3\.1) \S`)
	for _, l := range []pageLine{
		{text: "Meetings", wordH: 13.2},
		{text: "Notes", wordH: 9.2},
		{text: "1.3.1 Legally constituted organisation", wordH: 10.96},
	} {
		if headingKind(l, labels, re) == "" {
			t.Errorf("%q not seen as a heading", l.text)
		}
	}
	if k := headingKind(pageLine{text: "1.3.1 Ecological: no mercury used; 2.3.2 …", wordH: 9.8}, labels, re); k != "" {
		t.Errorf("a list of excluded requirements seen as a %s", k)
	}
}

package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/report/i18n"
)

// fitSamples are realistic values for every placeholder of the UI's
// messages: long ones where the value is long in life (an ASMO's name, a
// requirement's title, an audit id, a path typed or exported to).
var fitSamples = i18n.Args{
	"Applicable": 101, "Area": "environmental", "Areas": "social 1, economic 4, labour 2", "Audit": "fairmined-2.0 2.0",
	"Catalog": "fairmined-2.0 2.0-assay.2", "Choice": "‹ Fairmined Ecological ›", "Command": "assay keys create",
	"Conforming": "96 conform", "Count": 12, "Date": "2027-02-21", "Day": 23, "Degrees": "95.2", "Detail": "expected '=' after a key",
	"Due": "21 February 2027", "Email": "ana.restrepo@auditoresandinos.com.co", "End": "2026-11-19",
	"Error": "open /home/ana/Fotos/IMG_2031.jpg: permission denied", "Field": "number of miners",
	"File": "report-rev1-2026-11-23.pdf", "Folder": "~/.local/share/assay/audits/2026-11-20-cooperativa-la-esperanza-7f3a/exports",
	"Given": "fairmined-2.0 2.0", "Height": 23, "ID": "1.3.10", "IDs": "1.2.1, 1.2.2, 1.2.3 and 4 more", "Index": 3,
	"Issuer": "self-signed", "Key": "ctrl+c", "Keys": "emial, inspectr", "Kind": "named pipe",
	"Kinds": "document, interview, observation", "Known": "initial, surveillance, recertification, follow-up",
	"Lang": "en", "Language": "‹ English ›", "Limit": "50 MB", "Line": 12, "List": "1.2.2 Register of miners in the FSP",
	"Max": 100, "Min": 1, "MinHeight": 24, "MinWidth": 80, "Month": "Nov", "N": "1,2", "NA": "5 not applicable",
	"Name": "Ana María Restrepo Gómez", "Names": "IMG_2031.jpg  IMG_2032.jpg  IMG_2033.jpg", "Note": "assay's own grouping",
	"Now": "3f9a1c2e4b5d", "Number": -2, "Org": "Auditores Andinos SAS", "Outcome": "pending", "PID": 4242,
	"Party": "the ASMO", "Path": "~/Fotos/visita/IMG_20261120_101530.jpg", "Problem": "date \"2025-03-2\" is not in the form YYYY-MM-DD",
	"Problems": "line 3: expected '=' after a key", "Reason": "audit.json line 12: invalid character '}' looking for beginning of value",
	"Recorded": "3f9a1c2e4b5d", "Revision": 2, "Role": "Mineral selectors", "SHA": "3f9a1c2e4b5d", "Schema": 3,
	"Severity": "minor", "Sign": "†", "Size": "1,2 MB", "Source": "built-in", "Start": "2026-11-20", "Time": "10:22:01",
	"Title": "Register of miners in the FSP", "Type": "surveillance", "Until": "30 November 2029", "Value": "2025-03-202025-03-21",
	"Verdict": "conforms", "Version": "2.0-assay.2", "Width": 79, "Year": 3, "Kept": "2027-02-21", "Names2": "acta.jpg",
	"Fingerprint": "AB:CD:EF:01:23:45:67:89", "Also": "acta-firmada.jpg", "Other": "IMG_2031.jpg",
}

// fitOverrides replace a sample where a placeholder means something else
// in one message: an audit's or a catalog's id rather than a requirement's.
var fitOverrides = map[string]i18n.Args{
	"deleted":         {"ID": "2026-11-20-cooperativa-la-esperanza-7f3a"},
	"restored":        {"ID": "2026-11-20-cooperativa-la-esperanza-7f3a"},
	"catalog_missing": {"ID": "fairmined-2.0"},
	"catalog_changed": {"ID": "fairmined-2.0"},
	"demo_created":    {"ID": "2026-11-20-cooperativa-minera-la-7582"},
	// The file of an audit that cannot be read is its audit.json (the
	// UI names it, not its folder: the audit is the one selected).
	"corrupt":        {"File": "audit.json"},
	"corrupt_backup": {"File": "audit.json"},
}

// TestEveryMessageFitsTwoLines renders every entry of the UI's message
// files, in every language, with realistic values, at 80 columns: each
// wraps to at most two lines, so no message, error or confirmation is
// ever cut (the status line has two; panes are at least as generous).
func TestEveryMessageFitsTwoLines(t *testing.T) {
	m := builtinMessages()
	for _, lang := range m.Languages() {
		l := m.For(lang)
		for _, id := range m.IDs() {
			args := i18n.Args{}
			for k, v := range fitSamples {
				args[k] = v
			}
			for k, v := range fitOverrides[id] {
				args[k] = v
			}
			for form := range m.Forms(lang, id) {
				count := 12
				if form == "one" {
					count = 1
				}
				text := l.N(id, count, args)
				if strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
					t.Errorf("%s %s: a value is not filled: %q", lang, id, text)
				}
				var lines []string
				for _, line := range strings.Split(text, "\n") {
					lines = append(lines, wrap(line, minWidth)...)
				}
				if len(lines) > maxStatusLines {
					t.Errorf("%s %s (%s) takes %d lines at %d columns:\n%s", lang, id, form, len(lines), minWidth, strings.Join(lines, "\n"))
				}
			}
		}
	}
}

// TestSqueezeKeepsBothEnds: a message longer than the status line keeps
// what happened and what to do, and loses its middle, marked.
func TestSqueezeKeepsBothEnds(t *testing.T) {
	text := "cannot copy /media/ana/USB/" + strings.Repeat("carpeta/", 30) + "IMG_2031.jpg into the audit: disk full · a retries"
	lines := squeeze(text, 80, 2)
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "cannot copy") || !strings.HasPrefix(lines[1], "… ") ||
		!strings.HasSuffix(lines[1], "into the audit: disk full · a retries") {
		t.Errorf("squeezed:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line of %d cells: %q", w, l)
		}
	}
	if got := squeeze("short", 80, 2); len(got) != 1 || got[0] != "short" {
		t.Errorf("a short message: %q", got)
	}
}

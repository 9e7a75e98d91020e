package standards

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// folder does full Unicode case folding ("ß" and "ss" match), language
// neutral, so search behaves the same whatever the UI language.
var folder = cases.Fold()

// Fold returns s in the form search compares: decomposed (NFD), with
// combining marks dropped and case folded, so that "regalias",
// "REGALÍAS" and "regalías" are equal, and "ñ" matches "n". Inspectors
// type on keyboards with and without accents; a search that misses
// "regalías" for "regalias" loses a requirement.
func Fold(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return folder.String(b.String())
}

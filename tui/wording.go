package tui

import (
	"github.com/assay-dev/assay/standards"
)

// The functions here word the typed values of audit and standards with the
// words of text.go: the domain says what is the case, the UI says it.

// shortSHA abbreviates a digest for people: 12 digits tell files apart.
func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// catalogChangedText warns that an audit's catalog file changed since.
func catalogChangedText(e *standards.ChangedError) string {
	return sprintf(txt.catalogChanged, e.ID, e.Version, shortSHA(e.Want), shortSHA(e.Got), e.Source)
}

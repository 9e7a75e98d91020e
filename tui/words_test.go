package tui

import (
	"testing"

	"github.com/assay-dev/assay/report/i18n/i18ntest"
)

// TestMessageFiles: every message the UI's code asks for is in the English
// file with the values the code passes, every shipped language has every
// message with its plural forms, and no message is left unused.
func TestMessageFiles(t *testing.T) {
	i18ntest.CheckSurface(t, builtinMessages(), ".", []string{"t", "n", "bind", "say"}, []string{"n"})
	if got := builtinMessages().Languages(); len(got) != 2 || got[0] != "en" || got[1] != "es" {
		t.Errorf("built-in UI languages = %v, want [en es]", got)
	}
}

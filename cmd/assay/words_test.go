package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/assay-dev/assay/report/i18n/i18ntest"
)

// langEnv is an env that speaks lang with the built-in words, for tests
// that word a value without running a command.
func langEnv(lang string) *env {
	var out, errb bytes.Buffer
	return &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
		lang: lang, l: builtinWords().For(lang)}
}

// TestCLIMessages: every message of the command line's English file exists
// in every shipped language with the same values and plural forms; every
// message the code asks for exists, with the values it needs; none of the
// English file is left unused.
func TestCLIMessages(t *testing.T) {
	m := builtinWords()
	if got := strings.Join(m.Languages(), ","); got != "en,es" {
		t.Errorf("shipped languages: %s", got)
	}
	i18ntest.CheckSurface(t, m, ".", []string{"t", "n", "fail", "usage", "warn", "out"}, []string{"n"})
}

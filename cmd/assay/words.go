package main

import (
	"embed"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The command line's words are in locales/<lang>.toml (en.toml is the
// source; es.toml its Spanish), read through report/i18n like the report's:
// CLDR plurals, a user's cli.<lang>.toml in $ASSAY_HOME/locales/ adds a
// language or corrects a word, and anything a language lacks is English.
// Every word a person reads at the terminal goes through the helpers below
// (t, n, fail, usage, warn) with a literal message id, or through a table
// of ids named ...IDs; TestCLIMessages checks both against the files.

// cliSurface names the command line's message files: cli.<lang>.toml in the
// home's locales folder.
const cliSurface = "cli"

//go:embed locales/*.toml
var localeFiles embed.FS

// cliBundle is the command line's message files.
var cliBundle = i18n.NewBundle(cliSurface, localeFiles)

// builtinWords are the built-in files alone: what speaks before the home
// is known, and what the tests check.
var builtinWords = cliBundle.Builtin

// localizer returns e's words, English until run has chosen the language.
func (e *env) localizer() *i18n.Localizer {
	if e.l == nil {
		e.l = builtinWords().For(i18n.English)
	}
	return e.l
}

// t says message id in the UI language, filled with args.
func (e *env) t(id string, args i18n.Args) string { return e.localizer().T(id, args) }

// n says message id in the plural form the UI language uses for count.
func (e *env) n(id string, count int, args i18n.Args) string { return e.localizer().N(id, count, args) }

// word says message id from a table of ids (see ...IDs), which takes no
// values; "" (a value no table knows) gives fallback as it is.
func (e *env) word(id, fallback string) string {
	if id == "" {
		return fallback
	}
	return e.localizer().Word(id)
}

// sayTable says message id from a table of ids (see ...IDs) with args that
// every message of the table takes alike (a finding's fields, a catalog
// problem's). The table's ids are checked against the files; such args,
// built by one function, cannot be checked per call, so the call goes
// through a method value rather than T.
func (e *env) sayTable(id string, args i18n.Args) string {
	say := e.localizer().T
	return say(id, args)
}

// fail prints "assay: " and message id on stderr and returns exitFail.
// Words quote user data (file names, catalog and audit text), so escape
// sequences are stripped before they reach the terminal.
func (e *env) fail(id string, args i18n.Args) int { return e.failText(e.t(id, args)) }

// failText prints already worded text as an error and returns exitFail.
func (e *env) failText(text string) int {
	fmt.Fprintln(e.stderr, audit.Sanitize(e.t("error_line", i18n.Args{"Text": text})))
	return exitFail
}

// failErr prints an error from below, in the CLI's words where it is a
// typed one (see errText), and returns exitFail.
func (e *env) failErr(err error) int { return e.failText(e.errText(err)) }

// usage prints a usage error, with where to find help, and returns
// exitUsage.
func (e *env) usage(id string, args i18n.Args) int { return e.usageText(e.t(id, args)) }

// usageText is usage for already worded text.
func (e *env) usageText(text string) int {
	fmt.Fprintln(e.stderr, audit.Sanitize(e.t("error_line", i18n.Args{"Text": text})))
	fmt.Fprintln(e.stderr, e.runHelp())
	return exitUsage
}

// runHelp names the help to read after a usage error: the sub-command's
// own ("assay export --help"), else assay's.
func (e *env) runHelp() string {
	if e.cmd == "" {
		return e.t("run_help", nil)
	}
	return e.t("run_command_help", i18n.Args{"Command": e.cmd})
}

// warn prints "assay: warning: " and message id on stderr.
func (e *env) warn(id string, args i18n.Args) { e.warnText(e.t(id, args)) }

// warnText prints already worded text as a warning.
func (e *env) warnText(text string) {
	fmt.Fprintln(e.stderr, audit.Sanitize(e.t("warning_line", i18n.Args{"Text": text})))
}

// out prints message id and a line break on stdout.
func (e *env) out(id string, args i18n.Args) { fmt.Fprintln(e.stdout, e.t(id, args)) }

// list joins words the way the UI language lists them in a sentence.
func (e *env) list(items []string) string { return strings.Join(items, e.t("list_sep", nil)) }

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes shared by every sub-command.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is what a sub-command may touch: streams, the environment, the home
// and the words. Tests build one with buffers instead of the process's
// streams.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	home   string // resolved by run from --home, ASSAY_HOME or the XDG dir
	// lang is the UI language run resolved (--lang, config.toml, the
	// locale); l says the CLI's words in it. langFlag is the --lang given
	// for it, before or after the command ("" for none), for the TUI,
	// which also remembers a language of its own.
	lang     string
	l        *i18n.Localizer
	langFlag string
	// synopsis holds each FlagSet's usage line, for its help.
	synopsis map[*flag.FlagSet]string
	// cmd is the sub-command running ("export", "keys create"), so that a
	// usage error names its help: "assay export --help". "" before one
	// is known (a bad global flag, an unknown command).
	cmd string
}

func newEnv() *env {
	return &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
}

// command is one sub-command. Files cmd_*.go register theirs in init, and
// its one line for assay --help in summaryIDs.
type command struct {
	name string
	run  func(e *env, args []string) int
	// ownLang tells, from the command's arguments, whether its --lang is
	// its own rather than the UI language (export: the report's; standards
	// show and validate: the catalog's), which run then does not take.
	ownLang func(args []string) bool
}

var commands = map[string]command{}

// summaryIDs are the messages of each command's line in assay --help.
var summaryIDs = map[string]string{
	"list": "summary_list", "finalize": "summary_finalize", "amend": "summary_amend", "demo": "summary_demo",
	"recover": "summary_recover", "export": "summary_export", "verify": "summary_verify",
	"timestamp": "summary_timestamp", "keys": "summary_keys", "standards": "summary_standards",
}

func register(c command) { commands[c.name] = c }

// flags makes a FlagSet for a sub-command; synopsis is its usage line
// after "assay " (worded: placeholders such as FILE are words too). Its
// output is discarded: parse words its errors and prints the help, so help
// is never printed twice nor in English.
func (e *env) flags(name, synopsis string) *flag.FlagSet {
	e.cmd = name
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if e.synopsis == nil {
		e.synopsis = map[*flag.FlagSet]string{}
	}
	e.synopsis[fs] = synopsis
	return fs
}

// uiLang adds --lang to a command whose --lang is the UI language; run has
// already taken its value (see langArg), the flag only accepts it.
func (e *env) uiLang(fs *flag.FlagSet) {
	fs.String("lang", "", e.t("flag_lang", nil))
}

// parse parses args; it returns (exit code, false) when the command must
// stop: 0 after -h/--help (the help on stdout), 2 on a bad flag (the
// problem and the help on stderr).
func (e *env) parse(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		// Asked-for help is output, not an error.
		e.printUsage(e.stdout, fs)
		return exitOK, false
	}
	if err != nil {
		// The problem, the command's usage line and where its options
		// are explained: a typo is not answered with every option.
		fmt.Fprintln(e.stderr, audit.Sanitize(e.t("error_line", i18n.Args{"Text": e.flagError(err)})))
		fmt.Fprintln(e.stderr, e.t("usage_line", i18n.Args{"Synopsis": e.synopsis[fs]}))
		fmt.Fprintln(e.stderr, e.runHelp())
		return exitUsage, false
	}
	return 0, true
}

// printUsage writes a command's usage line and its flags.
func (e *env) printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, e.t("usage_line", i18n.Args{"Synopsis": e.synopsis[fs]}))
	e.printFlags(w, fs)
}

// printFlags lists a FlagSet's flags as the flag package does, in the UI
// language: a flag's argument is named by the word in backquotes in its
// help, and a default is worded.
func (e *env) printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			name = ""
		} else if !strings.Contains(f.Usage, "`") {
			name = e.t("flag_value", nil)
		}
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		if len(line) <= 4 {
			line += "\t"
		} else {
			line += "\n    \t"
		}
		line += strings.ReplaceAll(help, "\n", "\n    \t")
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += " " + e.t("flag_default", i18n.Args{"Value": f.DefValue})
		}
		fmt.Fprintln(w, line)
	})
}

// flagErrors recognise the flag package's errors, to word them.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: (-+\S+)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: (-+\S+)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag (-+\S+): `)
)

// flagError words an error of the flag package.
func (e *env) flagError(err error) string {
	msg := err.Error()
	if m := flagUndefined.FindStringSubmatch(msg); m != nil {
		return e.t("flag_unknown", i18n.Args{"Flag": m[1]})
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return e.t("flag_needs_value", i18n.Args{"Flag": m[1]})
	}
	if m := flagBadValue.FindStringSubmatch(msg); m != nil {
		return e.t("flag_bad_value", i18n.Args{"Flag": m[2], "Value": strconvQuote(m[1])})
	}
	return msg
}

// catalogs loads the built-in catalogs plus the home's; problems with user
// catalog files are reported on stderr but do not stop the command.
func (e *env) catalogs() *standards.Set {
	set, errs := standards.Load(e.home)
	for _, err := range errs {
		e.warnText(e.errText(err))
	}
	return set
}

// store opens the audit store at the home.
func (e *env) store() (*audit.Store, error) {
	s, err := audit.OpenStore(e.home, e.catalogs())
	if err != nil {
		return nil, err
	}
	s.MaxEvidenceBytes = e.config().MaxEvidenceBytes()
	return s, nil
}

// config reads the home's config.toml; a broken one is a warning, never a
// reason to stop (the defaults apply).
func (e *env) config() audit.Config {
	c, _ := e.configErr()
	return c
}

// configErr is config that also returns the problems it warned about, for
// the UI to show them too.
func (e *env) configErr() (audit.Config, error) {
	c, err := audit.LoadConfig(e.home)
	for _, p := range audit.ConfigProblems(err) {
		e.warnText(e.configProblemText(p))
	}
	return c, err
}

// firstNonEmpty returns the first of ss that is not blank.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// langArg finds the --lang a command's arguments give (--lang X, --lang=X,
// -lang X), "" when none, before the flag package reads them: the words of
// the command's own help and errors depend on it. It stops at "--".
func langArg(args []string) string {
	lang := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		for _, p := range []string{"--lang", "-lang"} {
			switch {
			case a == p && i+1 < len(args):
				lang = args[i+1]
			case strings.HasPrefix(a, p+"="):
				lang = strings.TrimPrefix(a, p+"=")
			}
		}
	}
	return lang
}

func run(args []string, e *env) int {
	global := flag.NewFlagSet("assay", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.Usage = func() {}
	// The global flags' help is worded once the language is known.
	home := global.String("home", "", "")
	showVersion := global.Bool("version", false, "")
	langFlag := global.String("lang", "", "")
	globalErr := global.Parse(args)
	rest := global.Args()

	// The home first (its locales folder may hold a language), then the
	// language: --lang before or after the sub-command, config.toml, the
	// locale. A language the CLI has no words for is a usage error.
	e.home = *home
	var homeErr error
	if e.home == "" {
		e.home, homeErr = audit.DefaultHome(e.getenv)
	}
	msgs, msgErrs := cliBundle.Load(e.home)
	asked := *langFlag
	if asked == "" && len(rest) > 0 {
		if c, ok := commands[rest[0]]; ok && (c.ownLang == nil || !c.ownLang(rest[1:])) {
			asked = langArg(rest[1:])
		}
	}
	var cfg audit.Config
	if homeErr == nil {
		cfg, _ = audit.LoadConfig(e.home) // its problems are warned about where it is used
	}
	e.langFlag = asked
	e.lang = i18n.UILanguage(asked, cfg.Language, e.getenv)
	e.l = msgs.For(e.lang)
	if asked != "" && !msgs.Has(asked) {
		e.l = msgs.For(i18n.UILanguage("", cfg.Language, e.getenv))
		return e.usage("unknown_language", i18n.Args{"Lang": strconvQuote(asked), "Known": e.list(msgs.Languages())})
	}
	for _, err := range msgErrs {
		e.warn("user_words_warning", i18n.Args{"Error": err.Error()})
	}

	global.Lookup("home").Usage = e.t("flag_home", nil)
	global.Lookup("version").Usage = e.t("flag_version", nil)
	global.Lookup("lang").Usage = e.t("flag_ui_lang", nil)
	if globalErr != nil {
		if errors.Is(globalErr, flag.ErrHelp) {
			e.printTopUsage(e.stdout, global)
			return exitOK
		}
		return e.usageText(e.flagError(globalErr))
	}
	if *showVersion {
		e.out("version", i18n.Args{"Version": version})
		return exitOK
	}
	if homeErr != nil {
		// DefaultHome fails only when no variable names a folder: the
		// message says which; the error's own text is English.
		return e.fail("no_home", nil)
	}
	if len(rest) == 0 {
		return runUI(e)
	}
	if rest[0] == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.run(e, []string{"--help"})
			}
		}
		e.printTopUsage(e.stdout, global)
		return exitOK
	}
	c, ok := commands[rest[0]]
	if !ok {
		return e.usage("unknown_command", i18n.Args{"Command": strconvQuote(rest[0])})
	}
	e.cmd = c.name
	return c.run(e, rest[1:])
}

// printTopUsage is assay --help: what assay is, the commands, the global
// flags.
func (e *env) printTopUsage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintln(w, e.t("top_title", i18n.Args{"Version": version}))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("top_usage", nil))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("top_commands", nil))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, e.word(summaryIDs[n], ""))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("top_global_flags", nil))
	e.printFlags(w, global)
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("top_languages", nil))
	fmt.Fprintln(w)
	fmt.Fprintln(w, e.t("top_exit_status", nil))
}

// strconvQuote quotes a value the user typed inside a sentence.
func strconvQuote(s string) string { return strconv.Quote(s) }

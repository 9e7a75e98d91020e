package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/assay-dev/assay/audit"
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

// env is what a sub-command may touch: streams, the environment and the home.
// Tests build one with buffers instead of the process's streams.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	home   string // resolved by run from --home, ASSAY_HOME or the XDG dir
}

func newEnv() *env {
	return &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
}

// command is one sub-command. Files cmd_*.go register theirs in init.
type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// errorf prints "assay: ..." on stderr and returns exitFail. Messages
// quote user data (file names, catalog and audit text), so escape
// sequences are stripped before they reach the terminal.
func (e *env) errorf(format string, a ...any) int {
	fmt.Fprintln(e.stderr, audit.Sanitize("assay: "+fmt.Sprintf(format, a...)))
	return exitFail
}

// usageErr prints a usage error and returns exitUsage.
func (e *env) usageErr(format string, a ...any) int {
	fmt.Fprintln(e.stderr, audit.Sanitize("assay: "+fmt.Sprintf(format, a...)))
	fmt.Fprintln(e.stderr, "Run 'assay --help' for usage.")
	return exitUsage
}

// flags makes a FlagSet for a sub-command. Its output is buffered: parse
// sends it to stdout when help was asked for and to stderr on a bad flag, so
// help is never printed twice.
func (e *env) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: assay %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args; it returns (exit code, false) when the command must stop:
// 0 after -h/--help, 2 on a bad flag.
func (e *env) parse(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	buf, _ := fs.Output().(*bytes.Buffer)
	if errors.Is(err, flag.ErrHelp) {
		// Asked-for help is output, not an error.
		fs.SetOutput(e.stdout)
		fs.Usage()
		return exitOK, false
	}
	if err != nil {
		if buf != nil {
			e.stderr.Write(buf.Bytes())
		}
		return exitUsage, false
	}
	return 0, true
}

// catalogs loads the built-in catalogs plus the home's; problems with user
// catalog files are reported on stderr but do not stop the command.
func (e *env) catalogs() *standards.Set {
	set, errs := standards.Load(e.home)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "assay: warning: %s\n", audit.Sanitize(describeError(&problemWordsEN, err)))
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
		fmt.Fprintf(e.stderr, "assay: warning: %s\n", audit.Sanitize(p.Error()))
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

func run(args []string, e *env) int {
	global := flag.NewFlagSet("assay", flag.ContinueOnError)
	var flagErrs bytes.Buffer
	global.SetOutput(&flagErrs)
	home := global.String("home", "", "data folder (default $ASSAY_HOME, else the XDG data dir)")
	showVersion := global.Bool("version", false, "print the version and exit")
	global.Usage = func() {}
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(e.stdout, global)
			return exitOK
		}
		e.stderr.Write(flagErrs.Bytes())
		fmt.Fprintln(e.stderr, "Run 'assay --help' for usage.")
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(e.stdout, "assay %s\n", version)
		return exitOK
	}
	e.home = *home
	if e.home == "" {
		h, err := audit.DefaultHome(e.getenv)
		if err != nil {
			return e.errorf("cannot find a home folder: %v (use --home DIR)", err)
		}
		e.home = h
	}
	rest := global.Args()
	if len(rest) == 0 {
		return runUI(e)
	}
	if rest[0] == "help" {
		if len(rest) > 1 {
			if c, ok := commands[rest[1]]; ok {
				return c.run(e, []string{"--help"})
			}
		}
		printUsage(e.stdout, global)
		return exitOK
	}
	c, ok := commands[rest[0]]
	if !ok {
		return e.usageErr("unknown command %q", rest[0])
	}
	return c.run(e, rest[1:])
}

func printUsage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprintf(w, "assay %s: Fairmined audits on site, signed PDF reports.\n\n", version)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  assay [--home DIR]              open the terminal UI")
	fmt.Fprintln(w, "  assay [--home DIR] COMMAND ...  run a sub-command (COMMAND --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	global.SetOutput(w)
	global.PrintDefaults()
	fmt.Fprintln(w, "\nExit status: 0 success, 1 failure, 2 bad usage.")
}

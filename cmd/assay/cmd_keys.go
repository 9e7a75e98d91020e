package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	xterm "github.com/charmbracelet/x/term"

	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"

	"github.com/assay-dev/assay/standards/safefile"
)

// What keys reads from the environment and the command line, not words.
const (
	keysPasswordEnv   = "ASSAY_P12_PASSWORD"
	keysSubCreate     = "create"
	keysSubCSR        = "csr"
	keysSubImport     = "import"
	keysSubShow       = "show"
	keysStdoutPath    = "-"
	keysHelpFlagShort = "-h"
)

func init() {
	register(command{name: "keys", run: runKeys})
}

func runKeys(e *env, args []string) int {
	if len(args) == 0 {
		return e.usage("keys_no_sub", nil)
	}
	switch args[0] {
	case keysSubCreate:
		return runKeysCreate(e, args[1:])
	case keysSubCSR:
		return runKeysCSR(e, args[1:])
	case keysSubImport:
		return runKeysImport(e, args[1:])
	case keysSubShow:
		return runKeysShow(e, args[1:])
	case keysHelpFlagShort, "--help", "-help", "help":
		e.out("usage_line", i18n.Args{"Synopsis": e.t("synopsis_keys", nil)})
		e.out("keys_help", nil)
		return exitOK
	}
	return e.usage("keys_unknown_sub", i18n.Args{"Sub": strconv.Quote(args[0])})
}

// noMoreArgs reports a usage error for leftover positional arguments.
func noMoreArgs(e *env, sub string, rest []string) (int, bool) {
	if len(rest) > 0 {
		return e.usage("unexpected_argument", i18n.Args{"Command": "keys " + sub, "Arg": strconv.Quote(rest[0])}), false
	}
	return 0, true
}

func runKeysCreate(e *env, args []string) int {
	fs := e.flags("keys create", e.t("synopsis_keys_create", nil))
	name := fs.String("name", "", e.t("flag_keys_name", nil))
	email := fs.String("email", "", e.t("flag_keys_email", nil))
	org := fs.String("org", "", e.t("flag_keys_org", nil))
	force := fs.Bool("force", false, e.t("flag_keys_force", nil))
	e.uiLang(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if code, ok := noMoreArgs(e, keysSubCreate, fs.Args()); !ok {
		return code
	}
	// Flags win; config.toml fills what was not given.
	cfg := e.config()
	*name = firstNonEmpty(*name, cfg.Inspector)
	*email = firstNonEmpty(*email, cfg.Email)
	*org = firstNonEmpty(*org, cfg.Organisation)
	if strings.TrimSpace(*name) == "" {
		return e.usage("keys_need_name", nil)
	}
	create := identity.Create
	if *force {
		create = identity.Replace
	}
	id, err := create(e.home, *name, *email, *org)
	if errors.Is(err, identity.ErrExists) {
		return e.fail("keys_exists", i18n.Args{"Dir": identity.Dir(e.home)})
	}
	if err != nil {
		return e.fail("keys_failed", i18n.Args{"Sub": keysSubCreate, "Error": e.errText(err)})
	}
	e.out("keys_created", nil)
	printIdentity(e, id)
	e.out("keys_created_hint", nil)
	return exitOK
}

func runKeysCSR(e *env, args []string) int {
	fs := e.flags("keys csr", e.t("synopsis_keys_csr", nil))
	out := fs.String("o", keysStdoutPath, e.t("flag_keys_out", nil))
	e.uiLang(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if code, ok := noMoreArgs(e, keysSubCSR, fs.Args()); !ok {
		return code
	}
	csr, err := identity.CSR(e.home)
	if err != nil {
		return keysLoadFailed(e, keysSubCSR, err)
	}
	if *out == keysStdoutPath || *out == "" {
		_, err = e.stdout.Write(csr)
		if err != nil {
			return e.fail("keys_failed", i18n.Args{"Sub": keysSubCSR, "Error": e.errText(err)})
		}
		return exitOK
	}
	if err := os.WriteFile(*out, csr, 0o644); err != nil {
		return e.fail("keys_failed", i18n.Args{"Sub": keysSubCSR, "Error": e.errText(err)}) // the error names the file
	}
	e.out("keys_csr_written", i18n.Args{"Path": *out})
	return exitOK
}

func runKeysImport(e *env, args []string) int {
	fs := e.flags("keys import", e.t("synopsis_keys_import", nil))
	e.uiLang(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return e.usage("keys_need_file", nil)
	}
	if code, ok := noMoreArgs(e, keysSubImport, fs.Args()[1:]); !ok {
		return code
	}
	file := fs.Arg(0)
	data, err := readKeyFile(file)
	if err != nil {
		return e.fail("keys_failed", i18n.Args{"Sub": keysSubImport, "Error": e.errText(err)})
	}
	id, err := identity.Import(e.home, data, e.p12Password(file))
	var cp *identity.CertProblem
	if errors.As(err, &cp) {
		return e.fail("keys_import_refused", i18n.Args{"Path": file, "Problem": e.certProblem(cp)})
	}
	if err != nil {
		return e.fail("keys_import_failed", i18n.Args{"Path": file, "Error": e.errText(err)})
	}
	e.out("keys_imported", nil)
	printIdentity(e, id)
	return exitOK
}

// readKeyFile reads the file given to keys import. One function, so a safer
// reader (regular files only, size cap) replaces it in one line.
func readKeyFile(path string) ([]byte, error) { return safefile.ReadFile(path, safefile.LimitCert) }

// p12Password returns the password source for a PKCS#12 import: the
// environment first (scripts), else a hidden prompt when stdin is a
// terminal; never an echoing read.
func (e *env) p12Password(file string) func() (string, error) {
	return func() (string, error) {
		if pw := e.getenv(keysPasswordEnv); pw != "" {
			return pw, nil
		}
		f, ok := e.stdin.(*os.File)
		if !ok || !xterm.IsTerminal(f.Fd()) {
			return "", errors.New(e.t("keys_no_password", i18n.Args{"Env": keysPasswordEnv}))
		}
		fmt.Fprint(e.stderr, e.t("keys_password_prompt", i18n.Args{"Path": file}))
		pw, err := xterm.ReadPassword(f.Fd())
		fmt.Fprintln(e.stderr)
		return string(pw), err
	}
}

// keysShowJSON is the stable shape of `assay keys show --json`.
type keysShowJSON struct {
	identity.Info
	KeyFile string `json:"key_file"`
}

func runKeysShow(e *env, args []string) int {
	fs := e.flags("keys show", e.t("synopsis_keys_show", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json", nil))
	e.uiLang(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if code, ok := noMoreArgs(e, keysSubShow, fs.Args()); !ok {
		return code
	}
	id, err := identity.Load(e.home)
	if err != nil {
		return keysLoadFailed(e, keysSubShow, err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(keysShowJSON{identity.Describe(id.Cert), id.KeyFile}); err != nil {
			return e.fail("keys_failed", i18n.Args{"Sub": keysSubShow, "Error": e.errText(err)})
		}
		return exitOK
	}
	printIdentity(e, id)
	return exitOK
}

// keysLoadFailed reports a missing identity with the command that makes
// one, and any other load error (e.g. key mode) as it is.
func keysLoadFailed(e *env, sub string, err error) int {
	if errors.Is(err, identity.ErrNoIdentity) {
		return e.fail("keys_no_identity", nil)
	}
	return e.fail("keys_failed", i18n.Args{"Sub": sub, "Error": e.errText(err)})
}

// printIdentity describes the signing certificate. Subject and issuer come
// from a certificate someone else may have made: no escape sequences or
// line breaks to the terminal.
func printIdentity(e *env, id *identity.Identity) {
	info := identity.Describe(id.Cert)
	e.out("keys_subject", i18n.Args{"Subject": verLine(info.Subject)})
	issuer := verLine(info.Issuer)
	if info.SelfSigned {
		issuer = e.t("keys_self_signed", nil)
	}
	e.out("keys_issuer", i18n.Args{"Issuer": issuer})
	const day = "2006-01-02"
	from, until := info.NotBefore.Format(day), info.NotAfter.Format(day)
	switch now := time.Now(); {
	case now.After(info.NotAfter):
		e.out("keys_valid_expired", i18n.Args{"From": from, "Until": until})
	case now.Before(info.NotBefore):
		e.out("keys_valid_not_yet", i18n.Args{"From": from, "Until": until})
	default:
		e.out("keys_valid", i18n.Args{"From": from, "Until": until})
	}
	e.out("keys_fingerprint", i18n.Args{"Fingerprint": info.FingerprintSHA256})
	if len(id.Chain) > 0 {
		fmt.Fprintln(e.stdout, e.n("keys_chain", len(id.Chain), nil))
	}
	e.out("keys_key_file", i18n.Args{"Path": id.KeyFile})
}

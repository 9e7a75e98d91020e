package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	xterm "github.com/charmbracelet/x/term"

	"github.com/assay-dev/assay/report/identity"

	"github.com/assay-dev/assay/standards/safefile"
)

// Words of the keys command, kept together for translation.
const (
	keysSummary       = "create, show or import the signing key and certificate for reports"
	keysUsage         = "keys create|csr|import|show [flags]"
	keysUsageCreate   = "keys create --name NAME [--email E] [--org O] [--force]"
	keysUsageCSR      = "keys csr [-o FILE]"
	keysUsageImport   = "keys import FILE   (PEM certificate(s) for your key, or a PKCS#12 .p12/.pfx)"
	keysUsageShow     = "keys show [--json]"
	keysHelp          = "Sub-commands:\n  create   make a new key and a self-signed certificate\n  csr      write a certificate signing request for a CA\n  import   install a CA-issued certificate or a PKCS#12 identity\n  show     describe the current certificate\n"
	keysNoSub         = "keys: missing sub-command (create, csr, import or show)"
	keysUnknownSub    = "keys: unknown sub-command %q (create, csr, import or show)"
	keysFlagName      = "your name as it will appear on signed reports (required)"
	keysFlagEmail     = "your e-mail address (optional)"
	keysFlagOrg       = "your organisation (optional)"
	keysFlagForce     = "replace an existing identity (the old files are kept in identity/old-*)"
	keysFlagOut       = "write the request to FILE instead of standard output"
	keysFlagJSON      = "print a JSON object instead of sentences"
	keysNeedName      = "keys create: --name is required (or set inspector in config.toml)"
	keysExtraArg      = "keys %s: unexpected argument %q"
	keysNeedFile      = "keys import: missing FILE"
	keysExists        = "a signing identity already exists in %s; use --force to replace it"
	keysNoIdentity    = "no signing identity: run 'assay keys create --name ...'"
	keysFailed        = "keys %s: %v"
	keysImportFailed  = "keys import: %s: %v"
	keysImportRefused = "keys import: %s: refused: %s; nothing was changed"
	keysCreated       = "Created a signing key and a self-signed certificate.\n"
	keysCreatedHint   = "Give this fingerprint to the certification body so they can trust your reports,\nor run 'assay keys csr -o request.pem' to get a certificate from a CA.\n"
	keysImported      = "Imported the certificate.\n"
	keysCSRWritten    = "Wrote a certificate signing request to %s.\nSend it to your certification authority, then run 'assay keys import CERT.pem'.\n"
	keysPasswordEnv   = "ASSAY_P12_PASSWORD"
	keysPasswordAsk   = "Password for %s: "
	keysNoPassword    = "the PKCS#12 file needs a password: set ASSAY_P12_PASSWORD or run in a terminal"
	keysLabelSubject  = "Subject:     %s\n"
	keysLabelIssuer   = "Issuer:      %s\n"
	keysSelfSigned    = "(self-signed)"
	keysLabelValid    = "Valid:       %s to %s%s\n"
	keysExpired       = "  EXPIRED"
	keysNotYet        = "  NOT YET VALID"
	keysLabelFinger   = "Fingerprint: SHA-256 %s\n"
	keysLabelChain    = "Chain:       %d CA certificate(s)\n"
	keysLabelKeyFile  = "Key file:    %s\n"
	keysDateLayout    = "2006-01-02"
	keysSubCreate     = "create"
	keysSubCSR        = "csr"
	keysSubImport     = "import"
	keysSubShow       = "show"
	keysStdoutPath    = "-"
	keysHelpFlagShort = "-h"
)

func init() {
	register(command{name: "keys", summary: keysSummary, run: runKeys})
}

func runKeys(e *env, args []string) int {
	if len(args) == 0 {
		return e.usageErr(keysNoSub)
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
		fmt.Fprintf(e.stdout, "Usage: assay %s\n%s", keysUsage, keysHelp)
		return exitOK
	}
	return e.usageErr(keysUnknownSub, args[0])
}

// noMoreArgs reports a usage error for leftover positional arguments.
func noMoreArgs(e *env, sub string, rest []string) (int, bool) {
	if len(rest) > 0 {
		return e.usageErr(keysExtraArg, sub, rest[0]), false
	}
	return 0, true
}

func runKeysCreate(e *env, args []string) int {
	fs := e.flags("keys create", keysUsageCreate)
	name := fs.String("name", "", keysFlagName)
	email := fs.String("email", "", keysFlagEmail)
	org := fs.String("org", "", keysFlagOrg)
	force := fs.Bool("force", false, keysFlagForce)
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
		return e.usageErr(keysNeedName)
	}
	create := identity.Create
	if *force {
		create = identity.Replace
	}
	id, err := create(e.home, *name, *email, *org)
	if errors.Is(err, identity.ErrExists) {
		return e.errorf(keysExists, identity.Dir(e.home))
	}
	if err != nil {
		return e.errorf(keysFailed, keysSubCreate, err)
	}
	fmt.Fprint(e.stdout, keysCreated)
	printIdentity(e.stdout, id)
	fmt.Fprint(e.stdout, keysCreatedHint)
	return exitOK
}

func runKeysCSR(e *env, args []string) int {
	fs := e.flags("keys csr", keysUsageCSR)
	out := fs.String("o", keysStdoutPath, keysFlagOut)
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
			return e.errorf(keysFailed, keysSubCSR, err)
		}
		return exitOK
	}
	if err := os.WriteFile(*out, csr, 0o644); err != nil {
		return e.errorf(keysFailed, keysSubCSR, err) // the error names the file
	}
	fmt.Fprintf(e.stdout, keysCSRWritten, *out)
	return exitOK
}

func runKeysImport(e *env, args []string) int {
	fs := e.flags("keys import", keysUsageImport)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return e.usageErr(keysNeedFile)
	}
	if code, ok := noMoreArgs(e, keysSubImport, fs.Args()[1:]); !ok {
		return code
	}
	file := fs.Arg(0)
	data, err := readKeyFile(file)
	if err != nil {
		return e.errorf(keysFailed, keysSubImport, err)
	}
	id, err := identity.Import(e.home, data, e.p12Password(file))
	var cp *identity.CertProblem
	if errors.As(err, &cp) {
		return e.errorf(keysImportRefused, file, verifyEnglish.certProblem(cp))
	}
	if err != nil {
		return e.errorf(keysImportFailed, file, err)
	}
	fmt.Fprint(e.stdout, keysImported)
	printIdentity(e.stdout, id)
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
			return "", errors.New(keysNoPassword)
		}
		fmt.Fprintf(e.stderr, keysPasswordAsk, file)
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
	fs := e.flags("keys show", keysUsageShow)
	asJSON := fs.Bool("json", false, keysFlagJSON)
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
			return e.errorf(keysFailed, keysSubShow, err)
		}
		return exitOK
	}
	printIdentity(e.stdout, id)
	return exitOK
}

// keysLoadFailed reports a missing identity with the command that makes
// one, and any other load error (e.g. key mode) as it is.
func keysLoadFailed(e *env, sub string, err error) int {
	if errors.Is(err, identity.ErrNoIdentity) {
		return e.errorf(keysNoIdentity)
	}
	return e.errorf(keysFailed, sub, err)
}

func printIdentity(w io.Writer, id *identity.Identity) {
	info := identity.Describe(id.Cert)
	// Subject and issuer come from a certificate someone else may have
	// made: no escape sequences or line breaks to the terminal.
	fmt.Fprintf(w, keysLabelSubject, verLine(info.Subject))
	issuer := verLine(info.Issuer)
	if info.SelfSigned {
		issuer = keysSelfSigned
	}
	fmt.Fprintf(w, keysLabelIssuer, issuer)
	state := ""
	switch now := time.Now(); {
	case now.After(info.NotAfter):
		state = keysExpired
	case now.Before(info.NotBefore):
		state = keysNotYet
	}
	fmt.Fprintf(w, keysLabelValid, info.NotBefore.Format(keysDateLayout), info.NotAfter.Format(keysDateLayout), state)
	fmt.Fprintf(w, keysLabelFinger, info.FingerprintSHA256)
	if len(id.Chain) > 0 {
		fmt.Fprintf(w, keysLabelChain, len(id.Chain))
	}
	fmt.Fprintf(w, keysLabelKeyFile, id.KeyFile)
}

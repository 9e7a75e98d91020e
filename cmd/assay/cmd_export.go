package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
)

// Words of the export command, kept together for translation.
const (
	expSummary   = "write the signed PDF report of a finalized audit"
	expUsage     = "export ID [-o FILE] [--force] [--draft] [--place PLACE] [--lang es|en] [--missing-evidence-ok] [--tsa URL]"
	expFlagTSA   = "time-stamp the signature at once with the RFC 3161 time-stamping authority at `URL` (needs the network; without it, run 'assay timestamp' later)"
	expMismatch  = "export: audit %s was finalized for the certificate %s (SHA-256 %s), but your signing key's certificate is %s (SHA-256 %s). Sign with the key it was finalized for, or amend the audit ('assay amend %s --reason TEXT') and finalize it again with this key"
	expFlagOut   = "also write the report to `FILE` (refused if it exists, unless --force)"
	expFlagForce = "let -o replace an existing file"
	expFlagDraft = "export an unsigned draft marked DRAFT on every page"
	expFlagPlace = "`PLACE` where you sign, printed on the signature page (default: the audit's site)"
	expFlagMissE = "sign even if evidence files are missing or changed in the audit folder (the report marks them)"
	expFlagLang  = "write the report in `LANG`: en, es or a language with files in the home's locales folder (default: report_language in config.toml, else language, else the environment's LANG, else en)"
	expBadLang   = "export: %v"
	expCfgLang   = "config.toml: %s %q has no report edition (known: %s); writing the report in English"
	expNoID      = "export: missing audit ID (see 'assay list')"
	expTooMany   = "export: unexpected argument %q"
	expFailed    = "export: %v"
	expWarning   = "assay: warning: %s\n"
)

// exportMemoryLimit is the soft heap limit while exporting.
const exportMemoryLimit = 48 << 20

func init() {
	register(command{name: "export", summary: expSummary, run: runExport})
}

// exportLanguage picks the report's language: the flag (an unknown one is a
// usage error), else config.toml's report_language, else the UI language
// (config.toml's language, else the environment's locale). One from
// config.toml without a report edition is warned about; one from the
// environment silently gives English.
func exportLanguage(e *env, flag string) (string, int, bool) {
	msgs, _ := report.LoadMessages(e.home) // Export reports the files' problems
	if flag != "" {
		if !msgs.Has(flag) {
			return "", e.usageErr(expBadLang, report.CheckLanguageIn(msgs, flag)), false
		}
		return flag, 0, true
	}
	cfg := e.config()
	language := i18n.ReportLanguage("", cfg.ReportLanguage, i18n.UILanguage("", cfg.Language, e.getenv))
	if msgs.Has(language) {
		return language, 0, true
	}
	for _, c := range []struct{ key, value string }{{"report_language", cfg.ReportLanguage}, {"language", cfg.Language}} {
		if c.value != "" && i18n.Normalize(c.value) == language {
			fmt.Fprintf(e.stderr, expWarning, fmt.Sprintf(expCfgLang, c.key, c.value, strings.Join(msgs.Languages(), ", ")))
			break
		}
	}
	return "", 0, true
}

func runExport(e *env, args []string) int {
	fs := e.flags("export", expUsage)
	out := fs.String("o", "", expFlagOut)
	force := fs.Bool("force", false, expFlagForce)
	draft := fs.Bool("draft", false, expFlagDraft)
	place := fs.String("place", "", expFlagPlace)
	missingOK := fs.Bool("missing-evidence-ok", false, expFlagMissE)
	lang := fs.String("lang", "", expFlagLang)
	tsa := fs.String("tsa", "", expFlagTSA)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	// Accept flags after the ID too: "assay export ID -o report.pdf".
	rest := fs.Args()
	if len(rest) == 0 {
		return e.usageErr(expNoID)
	}
	id := rest[0]
	if code, ok := e.parse(fs, rest[1:]); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usageErr(expTooMany, fs.Arg(0))
	}
	language, code, ok := exportLanguage(e, *lang)
	if !ok {
		return code
	}

	// A report holds every photo a few times over while it is drawn and
	// signed; a soft memory limit makes the GC collect those copies instead
	// of letting the heap double (measured on 20 photos of 1600 px: peak
	// RSS 80-100 MB without, about 66 MB with, +50 ms). A GOMEMLIMIT the
	// user set wins.
	if e.getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(exportMemoryLimit)
	}
	cats := e.catalogs()
	s, err := audit.OpenStore(e.home, cats)
	if err != nil {
		return e.errorf(expFailed, err)
	}
	opts := report.ExportOptions{
		Draft: *draft, Output: *out, Force: *force, Now: time.Now(), Place: *place, Catalogs: cats,
		AllowMissingEvidence: *missingOK, Language: language,
		Warn: func(w string) { fmt.Fprintf(e.stderr, expWarning, w) },
	}
	if *tsa != "" && !*draft {
		opts.Timestamper = pdfsign.HTTPTimestamper{URL: *tsa}
	}
	if !*draft {
		ident, err := identity.Load(e.home)
		switch {
		case errors.Is(err, identity.ErrNoIdentity):
			// Export names the fix ("assay keys create ...").
		case err != nil:
			return e.errorf(expFailed, err)
		default:
			opts.Identity = ident
		}
	}
	path, err := report.Export(s, id, opts)
	if path != "" {
		fmt.Fprintln(e.stdout, path)
	}
	var mm *report.SignerMismatchError
	if errors.As(err, &mm) {
		return e.errorf(expMismatch, id, mm.Recorded.Subject, mm.Recorded.Fingerprint, mm.Got.Subject, mm.Got.Fingerprint, id)
	}
	if err != nil {
		return e.errorf(expFailed, err)
	}
	if *out != "" {
		fmt.Fprintln(e.stdout, *out)
	}
	return exitOK
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
)

func init() {
	register(command{name: "export", run: runExport, ownLang: func([]string) bool { return true }})
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
			return "", e.usage("export_bad_lang", i18n.Args{"Lang": strconv.Quote(flag), "Known": e.list(msgs.Languages())}), false
		}
		return flag, 0, true
	}
	cfg := e.config()
	language := i18n.ReportLanguage("", cfg.ReportLanguage, e.lang)
	if msgs.Has(language) {
		return language, 0, true
	}
	for _, c := range []struct{ key, value string }{{"report_language", cfg.ReportLanguage}, {"language", cfg.Language}} {
		if c.value != "" && i18n.Normalize(c.value) == language {
			e.warn("export_config_lang", i18n.Args{"Key": c.key, "Lang": strconv.Quote(c.value), "Known": e.list(msgs.Languages())})
			break
		}
	}
	return "", 0, true
}

func runExport(e *env, args []string) int {
	fs := e.flags("export", e.t("synopsis_export", nil))
	out := fs.String("o", "", e.t("flag_export_out", nil))
	force := fs.Bool("force", false, e.t("flag_force", nil))
	draft := fs.Bool("draft", false, e.t("flag_export_draft", nil))
	place := fs.String("place", "", e.t("flag_export_place", nil))
	missingOK := fs.Bool("missing-evidence-ok", false, e.t("flag_export_missing_ok", nil))
	lang := fs.String("lang", "", e.t("flag_export_lang", nil))
	tsa := fs.String("tsa", "", e.t("flag_export_tsa", nil))
	format := fs.String("format", "pdf", e.t("flag_export_format", nil))
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	// Accept flags after the ID too: "assay export ID -o report.pdf".
	rest := fs.Args()
	if len(rest) == 0 {
		return e.usage("export_no_id", nil)
	}
	id := rest[0]
	if code, ok := e.parse(fs, rest[1:]); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage("unexpected_argument", i18n.Args{"Command": "export", "Arg": strconv.Quote(fs.Arg(0))})
	}
	language, code, ok := exportLanguage(e, *lang)
	if !ok {
		return code
	}
	if *format != "pdf" {
		return exportData(e, fs, id, *format, language, *out, *force)
	}

	cats := e.catalogs()
	s, err := audit.OpenStore(e.home, cats)
	if err != nil {
		return e.fail("export_failed", i18n.Args{"Error": e.errText(err)})
	}
	if id, code, ok = e.auditID(s, id); !ok {
		return code
	}
	opts := report.ExportOptions{
		Draft: *draft, Output: *out, Force: *force, Now: time.Now(), Place: *place, Catalogs: cats,
		AllowMissingEvidence: *missingOK, Language: language, UILanguage: e.lang,
		Warn: func(w string) { e.warnText(w) }, Plausibility: e.config().Plausibility(),
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
			return e.fail("export_failed", i18n.Args{"Error": e.errText(err)})
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
		return e.fail("export_signer_mismatch", i18n.Args{"ID": id, "RecordedSubject": mm.Recorded.Subject,
			"RecordedFingerprint": mm.Recorded.Fingerprint, "Subject": mm.Got.Subject, "Fingerprint": mm.Got.Fingerprint})
	}
	if err != nil {
		return e.fail("export_failed", i18n.Args{"Error": e.errText(err)})
	}
	if *out != "" {
		fmt.Fprintln(e.stdout, *out)
	}
	return exitOK
}

// pdfOnlyFlags are export's flags that only a PDF report takes.
var pdfOnlyFlags = []string{"draft", "place", "missing-evidence-ok", "tsa"}

// exportData writes the findings as JSON or CSV: to the -o file, else to
// stdout for a script to read.
func exportData(e *env, fs *flag.FlagSet, id, format, language, out string, force bool) int {
	f := report.DataFormat(format)
	if f != report.FormatJSON && f != report.FormatCSV {
		return e.usage("export_bad_format", i18n.Args{"Format": strconv.Quote(format)})
	}
	bad := ""
	fs.Visit(func(fl *flag.Flag) {
		if bad == "" && slices.Contains(pdfOnlyFlags, fl.Name) {
			bad = fl.Name
		}
	})
	if bad != "" {
		return e.usage("export_flag_pdf_only", i18n.Args{"Flag": "--" + bad, "Format": format})
	}
	cats := e.catalogs()
	s, err := audit.OpenStore(e.home, cats)
	if err != nil {
		return e.fail("export_failed", i18n.Args{"Error": e.errText(err)})
	}
	id, code, ok := e.auditID(s, id)
	if !ok {
		return code
	}
	data, err := report.ExportData(s, id, report.DataExportOptions{
		Format: f, Language: language, UILanguage: e.lang, Plausibility: e.config().Plausibility(),
		Catalogs: cats, Output: out, Force: force, Warn: func(w string) { e.warnText(w) },
	})
	if err != nil {
		return e.fail("export_failed", i18n.Args{"Error": e.errText(err)})
	}
	if out != "" {
		fmt.Fprintln(e.stdout, out)
		return exitOK
	}
	if _, err := e.stdout.Write(data); err != nil {
		return e.fail("export_failed", i18n.Args{"Error": err.Error()})
	}
	return exitOK
}

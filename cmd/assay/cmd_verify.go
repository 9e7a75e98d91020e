package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"

	"github.com/assay-dev/assay/standards/safefile"
)

// Words of the verify command, kept together for translation.
const (
	verSummary   = "check a report PDF's signature and attached audit data (offline)"
	verUsage     = "verify FILE [--ca ROOTS.pem | --fingerprint SHA256] [--json]"
	verFlagJSON  = "print a JSON object instead of sentences"
	verFlagCA    = "`ROOTS.pem`: the signer's certificate must be issued by one of these CA certificates"
	verFlagFP    = "the signer's certificate must have this SHA-256 `fingerprint` (colons optional)"
	verBothTrust = "verify: use --ca or --fingerprint, not both"
	verBadFP     = "verify: --fingerprint: %v"
	verRoots     = "verify: --ca: %v"
	verTrustLine = "  %s\n"
	verNoFile    = "verify: missing FILE (a report PDF)"
	verTooMany   = "verify: unexpected argument %q (one FILE at a time)"
	verRead      = "verify: %v"
	verNotFile   = "%s is not a regular file: give the path of a report PDF"
	verValid     = "%s: %s\n"
	verInvalid   = "%s: NOT VALID\n"
	verProblem   = "  - %s\n"
	verAuditLine = "  audit %s, revision %d, %s\n"
)

// verLine makes text from a PDF safe to print as part of one line.
func verLine(s string) string {
	return strings.Join(strings.Fields(audit.Sanitize(s)), " ")
}

func init() {
	register(command{name: "verify", summary: verSummary, run: runVerify})
}

// verifyJSON is the stable shape of `assay verify --json`: every key is
// always present so scripts need not guess.
type verifyJSON struct {
	File            string   `json:"file"`
	Valid           bool     `json:"valid"`
	Problems        []string `json:"problems"`
	Signer          string   `json:"signer"`
	Fingerprint     string   `json:"fingerprint_sha256"`
	SigningTime     string   `json:"signing_time"` // RFC 3339, "" when unsigned
	AuditID         string   `json:"audit_id"`
	Revision        int      `json:"revision"`
	ASMO            string   `json:"asmo"`
	CoversWholeFile bool     `json:"covers_whole_file"`
	Summary         string   `json:"summary"`
	Trusted         *bool    `json:"trusted"`     // null when no trust check was asked
	TrustCheck      string   `json:"trust_check"` // "ca", "fingerprint" or "none"
}

func runVerify(e *env, args []string) int {
	fs := e.flags("verify", verUsage)
	asJSON := fs.Bool("json", false, verFlagJSON)
	caFile := fs.String("ca", "", verFlagCA)
	fingerprint := fs.String("fingerprint", "", verFlagFP)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return e.usageErr(verNoFile)
	}
	// Accept flags after the file too: "assay verify FILE --json".
	file := fs.Arg(0)
	if code, ok := e.parse(fs, fs.Args()[1:]); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usageErr(verTooMany, fs.Arg(0))
	}
	var trust report.Trust
	switch {
	case *caFile != "" && *fingerprint != "":
		return e.usageErr(verBothTrust)
	case *caFile != "":
		roots, err := report.LoadRoots(*caFile)
		if err != nil {
			return e.errorf(verRoots, err) // the error names the file
		}
		trust = report.Trust{Roots: roots, RootsFile: *caFile}
	case *fingerprint != "":
		fp, err := report.ParseFingerprint(*fingerprint)
		if err != nil {
			return e.usageErr(verBadFP, err)
		}
		trust = report.Trust{Fingerprint: fp}
	}
	// A device or a pipe could be read forever; a report is a file.
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return e.errorf(verNotFile, file)
	}
	data, err := safefile.ReadFile(file, safefile.LimitPDF)
	if err != nil {
		return e.errorf(verRead, err) // the error names the file
	}
	v := report.VerifyTrusted(data, trust)
	if *asJSON {
		out := verifyJSON{
			File: file, Valid: v.Valid, Problems: v.Problems, Signer: v.Signer, Fingerprint: v.Fingerprint,
			AuditID: v.AuditID, Revision: v.Revision, ASMO: v.ASMO, CoversWholeFile: v.CoversWholeFile, Summary: v.Summary,
			Trusted: v.Trusted, TrustCheck: v.TrustCheck,
		}
		if !v.SigningTime.IsZero() {
			out.SigningTime = v.SigningTime.Format(time.RFC3339)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return e.errorf(verRead, err)
		}
	} else {
		// Everything below comes from the file (the embedded audit, the
		// signer's certificate): escape sequences in it must not reach
		// the terminal, nor line breaks that could forge a verdict line.
		if v.Valid {
			fmt.Fprintf(e.stdout, verValid, verLine(file), verLine(v.Summary))
		} else {
			fmt.Fprintf(e.stdout, verInvalid, verLine(file))
			for _, p := range v.Problems {
				fmt.Fprintf(e.stdout, verProblem, verLine(p))
			}
		}
		if v.AuditID != "" {
			fmt.Fprintf(e.stdout, verAuditLine, verLine(v.AuditID), v.Revision, verLine(v.ASMO))
		}
		if v.TrustNote != "" {
			fmt.Fprintf(e.stdout, verTrustLine, verLine(v.TrustNote))
		}
	}
	if !v.Valid {
		return exitFail
	}
	return exitOK
}

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

// Words of the verify command's usage and errors, kept together for
// translation; findings are worded in verify_words.go.
const (
	verSummary   = "check a report PDF's signatures, revisions, signer and attached audit data (offline)"
	verUsage     = "verify FILE [--ca ROOTS.pem | --fingerprint SHA256] [--signer \"CN or e-mail\"] [--tsa-ca TSA-ROOTS.pem] [--lang en|es] [--json]"
	verFlagJSON  = "print a JSON object (every signature and revision) instead of sentences"
	verFlagCA    = "`ROOTS.pem`: the signer's certificate must be issued by one of these CA certificates"
	verFlagFP    = "the signer's certificate must have this SHA-256 `fingerprint` (colons optional)"
	verFlagSign  = "the signer's certificate must be this person: its common `NAME` or e-mail address"
	verFlagTSA   = "`TSA-ROOTS.pem`: also trust time-stamps from authorities issued by these CAs"
	verFlagLang  = "words of the answer: `LANG` en or es"
	verBothTrust = "verify: use --ca or --fingerprint, not both"
	verBadFP     = "verify: --fingerprint: %v"
	verBadLang   = "verify: --lang: unknown language %q (en or es)"
	verRoots     = "verify: --ca: %v"
	verTSARoots  = "verify: --tsa-ca: %v"
	verNoFile    = "verify: missing FILE (a report PDF)"
	verTooMany   = "verify: unexpected argument %q (one FILE at a time)"
	verRead      = "verify: %v"
	verNotFile   = "%s is not a regular file: give the path of a report PDF"
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
	File            string                 `json:"file"`
	Valid           bool                   `json:"valid"`
	Summary         string                 `json:"summary"`
	Problems        []wordedFinding        `json:"problems"`
	Notes           []wordedFinding        `json:"notes"`
	Signer          string                 `json:"signer"`
	Issuer          string                 `json:"issuer"`
	Fingerprint     string                 `json:"fingerprint_sha256"`
	SigningTime     string                 `json:"signing_time"` // claimed by the signer, RFC 3339; "" when unsigned
	TrustedTime     string                 `json:"trusted_time"` // from a trusted time-stamp, RFC 3339; "" when none
	Certified       bool                   `json:"certified"`
	DocMDP          int                    `json:"docmdp_p"`
	Timestamps      []report.Timestamp     `json:"timestamps"`
	AuditID         string                 `json:"audit_id"`
	Revision        int                    `json:"revision"`
	ASMO            string                 `json:"asmo"`
	CoversWholeFile bool                   `json:"covers_whole_file"`
	SignerBound     *bool                  `json:"signer_bound"` // null when the audit records no signer
	Trusted         *bool                  `json:"trusted"`      // null when no trust check was asked
	TrustCheck      string                 `json:"trust_check"`  // "ca", "fingerprint" or "none"
	SignerPinned    bool                   `json:"signer_pinned"`
	Signatures      []report.SignatureInfo `json:"signatures"`
	Revisions       []revisionJSON         `json:"revisions"`
}

// wordedFinding is a finding with its sentence.
type wordedFinding struct {
	report.Finding
	Message string `json:"message"`
}

// revisionJSON is one revision and what it changed.
type revisionJSON struct {
	Number     int             `json:"number"`
	Start      int64           `json:"start"`
	End        int64           `json:"end"`
	XRefStream bool            `json:"xref_stream"`
	Changes    []wordedFinding `json:"changes"`
}

func runVerify(e *env, args []string) int {
	fs := e.flags("verify", verUsage)
	asJSON := fs.Bool("json", false, verFlagJSON)
	caFile := fs.String("ca", "", verFlagCA)
	fingerprint := fs.String("fingerprint", "", verFlagFP)
	signer := fs.String("signer", "", verFlagSign)
	tsaFile := fs.String("tsa-ca", "", verFlagTSA)
	lang := fs.String("lang", "en", verFlagLang)
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
	words, ok := verifyLanguages[*lang]
	if !ok {
		return e.usageErr(verBadLang, *lang)
	}
	trust := report.Trust{Signer: strings.TrimSpace(*signer)}
	switch {
	case *caFile != "" && *fingerprint != "":
		return e.usageErr(verBothTrust)
	case *caFile != "":
		roots, err := report.LoadRoots(*caFile)
		if err != nil {
			return e.errorf(verRoots, err) // the error names the file
		}
		trust.Roots, trust.RootsFile = roots, *caFile
	case *fingerprint != "":
		fp, err := report.ParseFingerprint(*fingerprint)
		if err != nil {
			return e.usageErr(verBadFP, err)
		}
		trust.Fingerprint = fp
	}
	if *tsaFile != "" {
		roots, err := report.LoadRoots(*tsaFile)
		if err != nil {
			return e.errorf(verTSARoots, err)
		}
		trust.TSARoots = roots
	}
	// A device or a pipe could be read forever; a report is a file.
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return e.errorf(verNotFile, file)
	}
	data, err := readReportFile(file)
	if err != nil {
		return e.errorf(verRead, err) // the error names the file
	}
	v := report.VerifyTrusted(data, trust)
	if *asJSON {
		if err := printVerifyJSON(e, file, v, words); err != nil {
			return e.errorf(verRead, err)
		}
	} else {
		printVerify(e, file, v, words)
	}
	if !v.Valid {
		return exitFail
	}
	return exitOK
}

// readReportFile reads the PDF given to verify. One function, so a safer
// reader (regular files only, size cap) replaces it in one line.
func readReportFile(path string) ([]byte, error) { return safefile.ReadFile(path, safefile.LimitPDF) }

// printVerify writes the answer in sentences. Everything from the file (the
// embedded audit, certificate names) is escaped: no escape sequences to the
// terminal, no line breaks that could forge a verdict line.
func printVerify(e *env, file string, v *report.Verification, w *verifyWords) {
	if v.Valid {
		fmt.Fprintf(e.stdout, "%s: %s\n", verLine(file), fmt.Sprintf(w.valid, verLine(v.Signer), v.Fingerprint))
	} else {
		fmt.Fprintf(e.stdout, w.invalid, verLine(file))
		for _, p := range v.Problems {
			fmt.Fprintf(e.stdout, w.problem, verLine(w.word(p)))
		}
	}
	if v.AuditID != "" {
		fmt.Fprintf(e.stdout, w.auditLine, verLine(v.AuditID), v.Revision, verLine(v.ASMO))
	}
	if !v.SigningTime.IsZero() {
		fmt.Fprintf(e.stdout, w.claimedTime, w.when(v.SigningTime))
	}
	for _, n := range v.Notes {
		fmt.Fprintf(e.stdout, w.note, verLine(w.word(n)))
	}
}

func printVerifyJSON(e *env, file string, v *report.Verification, w *verifyWords) error {
	worded := func(fs []report.Finding) []wordedFinding {
		out := make([]wordedFinding, 0, len(fs))
		for _, f := range fs {
			out = append(out, wordedFinding{f, audit.Sanitize(w.word(f))})
		}
		return out
	}
	out := verifyJSON{
		File: file, Valid: v.Valid, Problems: worded(v.Problems), Notes: worded(v.Notes),
		Signer: v.Signer, Issuer: v.Issuer, Fingerprint: v.Fingerprint, Certified: v.Certified, DocMDP: v.DocMDP,
		Timestamps: v.Timestamps, AuditID: v.AuditID, Revision: v.Revision, ASMO: v.ASMO,
		CoversWholeFile: v.CoversWholeFile, SignerBound: v.SignerBound, Trusted: v.Trusted, TrustCheck: v.TrustCheck,
		SignerPinned: v.SignerPinned, Signatures: v.Signatures, Revisions: []revisionJSON{},
	}
	if v.Valid {
		out.Summary = fmt.Sprintf(w.valid, audit.Sanitize(v.Signer), v.Fingerprint)
	} else if len(v.Problems) > 0 {
		out.Summary = out.Problems[0].Message
	}
	if !v.SigningTime.IsZero() {
		out.SigningTime = v.SigningTime.Format(time.RFC3339)
	}
	if !v.TrustedTime.IsZero() {
		out.TrustedTime = v.TrustedTime.Format(time.RFC3339)
	}
	for _, r := range v.Revisions {
		out.Revisions = append(out.Revisions, revisionJSON{Number: r.Number, Start: r.Start, End: r.End, XRefStream: r.XRefStream, Changes: worded(r.Changes)})
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

package main

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"

	"github.com/assay-dev/assay/standards/safefile"
)

// verLine makes text from a PDF safe to print as part of one line.
func verLine(s string) string {
	return strings.Join(strings.Fields(audit.Sanitize(s)), " ")
}

func init() {
	register(command{name: "verify", run: runVerify})
}

// verifyJSON is the stable shape of `assay verify --json`: every key is
// always present so scripts need not guess. Keys and kinds stay English;
// summary and each finding's message are sentences in the UI language.
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
	fs := e.flags("verify", e.t("synopsis_verify", nil))
	asJSON := fs.Bool("json", false, e.t("flag_verify_json", nil))
	caFile := fs.String("ca", "", e.t("flag_verify_ca", nil))
	fingerprint := fs.String("fingerprint", "", e.t("flag_verify_fingerprint", nil))
	signer := fs.String("signer", "", e.t("flag_verify_signer", nil))
	tsaFile := fs.String("tsa-ca", "", e.t("flag_verify_tsa_ca", nil))
	e.uiLang(fs)
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		return e.usage("verify_no_file", nil)
	}
	// Accept flags after the file too: "assay verify FILE --json".
	file := fs.Arg(0)
	if code, ok := e.parse(fs, fs.Args()[1:]); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.usage("verify_too_many", i18n.Args{"Arg": strconv.Quote(fs.Arg(0))})
	}
	trust := report.Trust{Signer: strings.TrimSpace(*signer)}
	switch {
	case *caFile != "" && *fingerprint != "":
		return e.usage("verify_both_trust", nil)
	case *caFile != "":
		roots, err := report.LoadRoots(*caFile)
		if err != nil {
			return e.fail("verify_flag_failed", i18n.Args{"Flag": "--ca", "Error": e.errText(err)}) // the error names the file
		}
		trust.Roots, trust.RootsFile = roots, *caFile
	case *fingerprint != "":
		fp, err := report.ParseFingerprint(*fingerprint)
		if err != nil {
			return e.usageText(e.t("verify_flag_failed", i18n.Args{"Flag": "--fingerprint", "Error": e.errText(err)}))
		}
		trust.Fingerprint = fp
	}
	if *tsaFile != "" {
		roots, err := report.LoadRoots(*tsaFile)
		if err != nil {
			return e.fail("verify_flag_failed", i18n.Args{"Flag": "--tsa-ca", "Error": e.errText(err)})
		}
		trust.TSARoots = roots
	}
	// A device or a pipe could be read forever; a report is a file.
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return e.fail("not_a_report_file", i18n.Args{"Path": file})
	}
	data, err := readReportFile(file)
	if err != nil {
		return e.fail("verify_failed", i18n.Args{"Error": e.errText(err)}) // the error names the file
	}
	v := report.VerifyTrusted(data, trust)
	if *asJSON {
		if err := printVerifyJSON(e, file, v); err != nil {
			return e.fail("verify_failed", i18n.Args{"Error": e.errText(err)})
		}
	} else {
		printVerify(e, file, v)
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
func printVerify(e *env, file string, v *report.Verification) {
	if v.Valid {
		e.out("verify_valid_line", i18n.Args{"File": verLine(file), "Signer": verLine(v.Signer), "Fingerprint": v.Fingerprint})
	} else {
		e.out("verify_invalid", i18n.Args{"File": verLine(file)})
		for _, p := range v.Problems {
			e.out("verify_problem", i18n.Args{"Text": verLine(e.findingText(p))})
		}
	}
	if v.AuditID != "" {
		e.out("verify_audit", i18n.Args{"ID": verLine(v.AuditID), "Revision": v.Revision, "ASMO": verLine(v.ASMO)})
	}
	if !v.SigningTime.IsZero() {
		e.out("verify_claimed_time", i18n.Args{"Time": when(v.SigningTime)})
	}
	for _, n := range v.Notes {
		e.out("verify_note", i18n.Args{"Text": verLine(e.findingText(n))})
	}
}

func printVerifyJSON(e *env, file string, v *report.Verification) error {
	worded := func(fs []report.Finding) []wordedFinding {
		out := make([]wordedFinding, 0, len(fs))
		for _, f := range fs {
			out = append(out, wordedFinding{f, audit.Sanitize(e.findingText(f))})
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
		out.Summary = e.t("verify_valid", i18n.Args{"Signer": audit.Sanitize(v.Signer), "Fingerprint": v.Fingerprint})
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

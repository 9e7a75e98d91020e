package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// Words of the audit sub-commands, kept together for translation.
const (
	audListSummary     = "list the audits in the home"
	audListUsage       = "list [--json]"
	audListJSONFlag    = "print a JSON array instead of a table"
	audListEmpty       = "No audits yet. Run 'assay demo' for a filled sample audit, or 'assay' to start one."
	audListHeader      = "ID\tASMO\tSTATUS\tREV\tDONE\tRECOMMENDATION\tUPDATED"
	audListNote        = "note: %s: %s"
	audListUnreadable  = "! unreadable (see below)"
	audListProblem     = "! %s: %s"
	audFinalizeSummary = "finalize a draft audit (freezes it, records its content hash)"
	audFinalizeUsage   = "finalize ID"
	audNoSigningKey    = "cannot finalize %s: no signing key yet. A finalized audit records which certificate signs its reports: run 'assay keys create --name \"Your Name\"' (or import your certificate with 'assay keys import'), then finalize again"
	audSigningKeyBad   = "cannot finalize %s with this signing key: %s (import a valid certificate with 'assay keys import')"
	audFinalizeBlocked = "audit %s cannot be finalized yet; fix these first:"
	audAlreadyFinal    = "audit %s revision %d is already finalized (content hash %s); to change it, run 'assay amend %s --reason TEXT'"
	audFinalized       = "finalized %s revision %d (content hash %s)"
	audAmendSummary    = "reopen a finalized audit as a new draft revision"
	audAmendUsage      = "amend ID --reason TEXT"
	audAmendReasonFlag = "why the finalized audit is being changed (required; kept in the history)"
	audAmendNoReason   = "amend needs --reason TEXT: the history keeps why each revision was reopened"
	audAmended         = "amended %s: revision %d is a draft (reason: %s)"
	audDemoSummary     = "create a filled sample audit and print its id"
	audDemoUsage       = "demo"
	audRecoverSummary  = "restore an unreadable audit from its backup (audit.json.bak)"
	audRecoverUsage    = "recover ID"
	audRecovered       = "restored audit %s from its backup; the unreadable file is kept beside it as audit.json.corrupt-<time>"
	audOneID           = "%s needs exactly one audit ID"
	audNoCatalog       = "audit %s: %v"
	audCatalogChanged  = "warning: %v"
	audDraftWord       = "draft"
	audFinalWord       = "finalized"
)

func init() {
	register(command{name: "list", summary: audListSummary, run: runList})
	register(command{name: "finalize", summary: audFinalizeSummary, run: runFinalize})
	register(command{name: "amend", summary: audAmendSummary, run: runAmend})
	register(command{name: "demo", summary: audDemoSummary, run: runDemo})
	register(command{name: "recover", summary: audRecoverSummary, run: runRecover})
}

// audParse parses flags that may come before or after the positional
// arguments ("amend ID --reason X" as well as "amend --reason X ID"), which
// the flag package alone does not allow.
func audParse(e *env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := e.parse(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return pos, 0, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// audOneArg parses args expecting exactly one audit id.
func audOneArg(e *env, fs *flag.FlagSet, name string, args []string) (string, int, bool) {
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return "", code, false
	}
	if len(pos) != 1 {
		return "", e.usageErr(audOneID, name), false
	}
	return pos[0], 0, true
}

// listJSON is one element of `assay list --json`: the public, stable shape.
type listJSON struct {
	ID             string `json:"id"`
	ASMO           string `json:"asmo"`
	Site           string `json:"site"`
	AuditType      string `json:"audit_type"`
	CertType       string `json:"certification_type"`
	Status         string `json:"status"`
	Revision       int    `json:"revision"`
	Percent        int    `json:"percent_complete"`
	Recommendation string `json:"recommendation"`
	Updated        string `json:"updated"`
	Error          string `json:"error,omitempty"`
	Note           string `json:"note,omitempty"`
}

func runList(e *env, args []string) int {
	fs := e.flags("list", audListUsage)
	asJSON := fs.Bool("json", false, audListJSONFlag)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usageErr("list takes no arguments (got %q)", pos[0])
	}
	s, err := e.store()
	if err != nil {
		return e.errorf("%v", err)
	}
	entries, err := s.List()
	if err != nil {
		return e.errorf("%v", err)
	}
	if *asJSON {
		out := make([]listJSON, 0, len(entries))
		for _, en := range entries {
			j := listJSON{
				ID: en.ID, ASMO: en.ASMO, Site: en.Site,
				AuditType: string(en.AuditType), CertType: string(en.CertType),
				Status: string(en.Status), Revision: en.Revision, Percent: en.Percent,
				Recommendation: string(en.Recommendation), Error: en.Err, Note: notesText(en.Notes),
			}
			if !en.Updated.IsZero() {
				j.Updated = en.Updated.UTC().Format(time.RFC3339)
			}
			out = append(out, j)
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return e.errorf("%v", err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return exitOK
	}
	if len(entries) == 0 {
		fmt.Fprintln(e.stdout, audListEmpty)
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, audListHeader)
	var notes, problems []string
	for _, en := range entries {
		updated := ""
		if !en.Updated.IsZero() {
			updated = en.Updated.Local().Format("2006-01-02 15:04")
		}
		if en.Err != "" {
			// The reason is long: it goes under the table, not in a cell.
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t%s\n", en.ID, audListUnreadable, updated)
			problems = append(problems, fmt.Sprintf(audListProblem, en.ID, audit.Sanitize(en.Err)))
			continue
		}
		status := audDraftWord
		if en.Status == audit.Finalized {
			status = "✓ " + audFinalWord
		}
		rec := ""
		if en.Recommendation != "" {
			rec = outcomeText(en.Recommendation)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d%%\t%s\t%s\n", en.ID, audClip(audit.Sanitize(en.ASMO), 40),
			status, en.Revision, en.Percent, rec, updated)
		if len(en.Notes) > 0 {
			notes = append(notes, fmt.Sprintf(audListNote, en.ID, audit.Sanitize(notesText(en.Notes))))
		}
	}
	tw.Flush()
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p)
	}
	for _, n := range notes {
		fmt.Fprintln(e.stdout, n)
	}
	return exitOK
}

// audClip shortens s to n characters for a table cell.
func audClip(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

// audCatalog finds the catalog an audit was made against; a changed
// catalog is used with a warning (the audit's findings are still keyed by
// its requirement ids).
func audCatalog(e *env, set *standards.Set, a *audit.Audit) (*standards.Catalog, error) {
	cat, err := set.ForIdentity(a.Catalog)
	if cat == nil {
		return nil, fmt.Errorf(audNoCatalog, a.ID, err)
	}
	var ce *standards.ChangedError
	if errors.As(err, &ce) {
		fmt.Fprintf(e.stderr, "assay: "+audCatalogChanged+"\n", err)
	}
	return cat, nil
}

func runFinalize(e *env, args []string) int {
	fs := e.flags("finalize", audFinalizeUsage)
	id, code, ok := audOneArg(e, fs, "finalize", args)
	if !ok {
		return code
	}
	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.errorf("%v", err)
	}
	h, err := s.Open(id)
	if err != nil {
		return e.errorf("%v", err)
	}
	defer h.Close()
	a := h.Audit()
	if a.Status == audit.Finalized {
		// Not a list of things to fix: there is nothing to fix.
		return e.errorf(audAlreadyFinal, id, a.Revision, a.ContentHash, id)
	}
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return e.errorf("%v", err)
	}
	// What to fix in the audit first; then the signing key it records.
	if blockers := audit.FinalizeBlockers(a, cat); len(blockers) > 0 {
		fmt.Fprintf(e.stderr, "assay: "+audFinalizeBlocked+"\n", id)
		for _, b := range blockers {
			fmt.Fprintln(e.stderr, audit.Sanitize(blockerText(b, cat)))
		}
		return exitFail
	}
	signer, code, ok := finalizeSigner(e, id)
	if !ok {
		return code
	}
	if err := audit.Finalize(a, cat, signer, time.Now().UTC()); err != nil {
		return e.errorf("%v", err)
	}
	if err := h.Save(a); err != nil {
		return e.errorf("%v", err)
	}
	fmt.Fprintf(e.stdout, audFinalized+"\n", id, a.Revision, a.ContentHash)
	return exitOK
}

// finalizeSigner is the certificate a finalized audit records: the home's
// signing key's, which must be able to sign reports now.
func finalizeSigner(e *env, id string) (*audit.Signer, int, bool) {
	ident, err := identity.Load(e.home)
	if errors.Is(err, identity.ErrNoIdentity) {
		return nil, e.errorf(audNoSigningKey, id), false
	}
	if err != nil {
		return nil, e.errorf("%v", err), false
	}
	var cp *identity.CertProblem
	if err := identity.CheckSigningCert(ident.Cert, time.Now()); errors.As(err, &cp) {
		return nil, e.errorf(audSigningKeyBad, id, verifyEnglish.certProblem(cp)), false
	}
	return report.SignerRecord(ident.Cert), 0, true
}

func runAmend(e *env, args []string) int {
	fs := e.flags("amend", audAmendUsage)
	reason := fs.String("reason", "", audAmendReasonFlag)
	id, code, ok := audOneArg(e, fs, "amend", args)
	if !ok {
		return code
	}
	if strings.TrimSpace(*reason) == "" {
		return e.usageErr(audAmendNoReason)
	}
	s, err := e.store()
	if err != nil {
		return e.errorf("%v", err)
	}
	h, err := s.Open(id)
	if err != nil {
		return e.errorf("%v", err)
	}
	defer h.Close()
	a := h.Audit()
	if err := audit.Amend(a, *reason, time.Now().UTC()); err != nil {
		return e.errorf("audit %s: %s", id, auditErrorText(err))
	}
	if err := h.Save(a); err != nil {
		return e.errorf("%v", err)
	}
	fmt.Fprintf(e.stdout, audAmended+"\n", id, a.Revision, a.AmendReason)
	return exitOK
}

func runDemo(e *env, args []string) int {
	fs := e.flags("demo", audDemoUsage)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usageErr("demo takes no arguments (got %q)", pos[0])
	}
	set := e.catalogs()
	cat := set.Default()
	if cat == nil {
		return e.errorf("no catalog %s to build the demo with", standards.DefaultID)
	}
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.errorf("%v", err)
	}
	id, err := audit.CreateDemo(s, cat, time.Now())
	if err != nil {
		return e.errorf("creating the demo audit: %v", err)
	}
	fmt.Fprintln(e.stdout, id)
	return exitOK
}

func runRecover(e *env, args []string) int {
	fs := e.flags("recover", audRecoverUsage)
	id, code, ok := audOneArg(e, fs, "recover", args)
	if !ok {
		return code
	}
	s, err := e.store()
	if err != nil {
		return e.errorf("%v", err)
	}
	if err := s.RestoreBackup(id); err != nil {
		return e.errorf("%v", err)
	}
	fmt.Fprintf(e.stdout, audRecovered+"\n", id)
	return exitOK
}

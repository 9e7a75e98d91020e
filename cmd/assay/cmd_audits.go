package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

func init() {
	register(command{name: "list", run: runList})
	register(command{name: "finalize", run: runFinalize})
	register(command{name: "amend", run: runAmend})
	register(command{name: "demo", run: runDemo})
	register(command{name: "recover", run: runRecover})
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
		return "", e.usage("needs_one_id", i18n.Args{"Command": name}), false
	}
	return pos[0], 0, true
}

// listJSON is one element of `assay list --json`: the public, stable shape.
// Keys and codes (status, audit_type, recommendation) stay English; note
// and error are sentences, in the UI language.
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
	// RecommendationText is the recommendation in words.
	RecommendationText string `json:"recommendation_text,omitempty"`
	Updated            string `json:"updated"`
	Error              string `json:"error,omitempty"`
	Note               string `json:"note,omitempty"`
}

func runList(e *env, args []string) int {
	fs := e.flags("list", e.t("synopsis_list", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_list", nil))
	e.uiLang(fs)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usage("takes_no_arguments", i18n.Args{"Command": "list", "Arg": strconv.Quote(pos[0])})
	}
	s, err := e.store()
	if err != nil {
		return e.failErr(err)
	}
	entries, err := s.List()
	if err != nil {
		return e.failErr(err)
	}
	if *asJSON {
		out := make([]listJSON, 0, len(entries))
		for _, en := range entries {
			j := listJSON{
				ID: en.ID, ASMO: en.ASMO, Site: en.Site,
				AuditType: string(en.AuditType), CertType: string(en.CertType),
				Status: string(en.Status), Revision: en.Revision, Percent: en.Percent,
				Recommendation: string(en.Recommendation), Error: e.entryError(en), Note: e.notesText(en.Notes),
			}
			if en.Recommendation != "" {
				j.RecommendationText = e.outcomeText(en.Recommendation)
			}
			if !en.Updated.IsZero() {
				j.Updated = en.Updated.UTC().Format(time.RFC3339)
			}
			out = append(out, j)
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return e.failErr(err)
		}
		fmt.Fprintln(e.stdout, string(b))
		return exitOK
	}
	if len(entries) == 0 {
		e.out("list_empty", nil)
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, e.t("list_header", nil))
	var notes, problems []string
	for _, en := range entries {
		updated := ""
		if !en.Updated.IsZero() {
			updated = en.Updated.Local().Format("2006-01-02 15:04")
		}
		if en.Err != "" {
			// The reason is long: it goes under the table, not in a cell.
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t%s\n", en.ID, e.t("list_unreadable", nil), updated)
			problems = append(problems, e.t("list_problem", i18n.Args{"ID": en.ID, "Error": audit.Sanitize(e.entryError(en))}))
			continue
		}
		status := e.t("status_draft", nil)
		if en.Status == audit.Finalized {
			status = e.t("status_finalized", nil)
		}
		rec := ""
		if en.Recommendation != "" {
			rec = e.outcomeText(en.Recommendation)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d%%\t%s\t%s\n", en.ID, audClip(audit.Sanitize(en.ASMO), 40),
			status, en.Revision, en.Percent, rec, updated)
		if len(en.Notes) > 0 {
			notes = append(notes, e.t("list_note", i18n.Args{"ID": en.ID, "Note": audit.Sanitize(e.notesText(en.Notes))}))
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
		return nil, err
	}
	var ce *standards.ChangedError
	if errors.As(err, &ce) {
		e.warnText(e.errText(err))
	}
	return cat, nil
}

func runFinalize(e *env, args []string) int {
	fs := e.flags("finalize", e.t("synopsis_finalize", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "finalize", args)
	if !ok {
		return code
	}
	o, code, ok := e.openAudit(id)
	if !ok {
		return code
	}
	defer o.h.Close()
	set, h, id := o.set, o.h, o.id
	a := h.Audit()
	if a.Status == audit.Finalized {
		// Not a list of things to fix: there is nothing to fix.
		return e.fail("already_finalized", i18n.Args{"ID": id, "Revision": a.Revision, "Hash": a.ContentHash})
	}
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return e.fail("audit_error", i18n.Args{"ID": a.ID, "Error": e.errText(err)})
	}
	// What to fix in the audit first; then the signing key it records.
	if blockers := audit.FinalizeBlockers(a, cat); len(blockers) > 0 {
		e.failText(e.n("finalize_blocked", len(blockers), i18n.Args{"ID": id}))
		for _, b := range blockers {
			fmt.Fprintln(e.stderr, audit.Sanitize(e.blockerText(b, cat)))
		}
		return exitFail
	}
	signer, code, ok := finalizeSigner(e, id)
	if !ok {
		return code
	}
	if err := audit.Finalize(a, cat, signer, time.Now().UTC()); err != nil {
		return e.failErr(err)
	}
	if err := h.Save(a); err != nil {
		return e.failErr(err)
	}
	e.out("finalized", i18n.Args{"ID": id, "Revision": a.Revision, "Hash": a.ContentHash})
	return exitOK
}

// finalizeSigner is the certificate a finalized audit records: the home's
// signing key's, which must be able to sign reports now.
func finalizeSigner(e *env, id string) (*audit.Signer, int, bool) {
	ident, err := identity.Load(e.home)
	if errors.Is(err, identity.ErrNoIdentity) {
		return nil, e.fail("finalize_no_key", i18n.Args{"ID": id}), false
	}
	if err != nil {
		return nil, e.failErr(err), false
	}
	var cp *identity.CertProblem
	if err := identity.CheckSigningCert(ident.Cert, time.Now()); errors.As(err, &cp) {
		return nil, e.fail("finalize_bad_key", i18n.Args{"ID": id, "Problem": e.certProblem(cp)}), false
	}
	return report.SignerRecord(ident.Cert), 0, true
}

func runAmend(e *env, args []string) int {
	fs := e.flags("amend", e.t("synopsis_amend", nil))
	reason := fs.String("reason", "", e.t("flag_amend_reason", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "amend", args)
	if !ok {
		return code
	}
	if strings.TrimSpace(*reason) == "" {
		return e.usage("amend_needs_reason", nil)
	}
	o, code, ok := e.openAudit(id)
	if !ok {
		return code
	}
	defer o.h.Close()
	h, id := o.h, o.id
	a := h.Audit()
	if err := audit.Amend(a, *reason, time.Now().UTC()); err != nil {
		return e.fail("audit_error", i18n.Args{"ID": id, "Error": e.errText(err)})
	}
	if err := h.Save(a); err != nil {
		return e.failErr(err)
	}
	e.out("amended", i18n.Args{"ID": id, "Revision": a.Revision, "Reason": a.AmendReason})
	return exitOK
}

func runDemo(e *env, args []string) int {
	fs := e.flags("demo", e.t("synopsis_demo", nil))
	e.uiLang(fs)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usage("takes_no_arguments", i18n.Args{"Command": "demo", "Arg": strconv.Quote(pos[0])})
	}
	set := e.catalogs()
	cat := set.Default()
	if cat == nil {
		return e.fail("demo_no_catalog", i18n.Args{"ID": standards.DefaultID})
	}
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.failErr(err)
	}
	id, err := audit.CreateDemo(s, cat, time.Now())
	if err != nil {
		return e.fail("demo_failed", i18n.Args{"Error": e.errText(err)})
	}
	fmt.Fprintln(e.stdout, id)
	return exitOK
}

func runRecover(e *env, args []string) int {
	fs := e.flags("recover", e.t("synopsis_recover", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "recover", args)
	if !ok {
		return code
	}
	s, err := e.store()
	if err != nil {
		return e.failErr(err)
	}
	if id, code, ok = e.auditID(s, id); !ok {
		return code
	}
	if err := s.RestoreBackup(id); err != nil {
		return e.failErr(err)
	}
	e.out("recovered", i18n.Args{"ID": id})
	return exitOK
}

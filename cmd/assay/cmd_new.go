package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

func init() {
	register(command{name: "new", run: runNew})
	register(command{name: "show", run: runShow})
	for name, id := range cycleSummaryIDs {
		summaryIDs[name] = id
	}
}

// cycleSummaryIDs are the lines of new and show in assay --help.
var cycleSummaryIDs = map[string]string{"new": "summary_new", "show": "summary_show"}

// newFlags are assay new's flags: where to start from, this year's type,
// catalog and dates, header fields, and the certification body's trust
// pins for a report (as assay verify takes them).
type newFlags struct {
	from, typ, catalog, start, end             *string
	asmo, legalID, site, country, region, muni *string
	cert, lead, body, year                     *string
	ca, fingerprint, signer, tsaCA             *string
}

func (e *env) newFlagSet() (*flag.FlagSet, newFlags) {
	fs := e.flags("new", e.t("synopsis_new", nil))
	f := newFlags{
		from:        fs.String("from", "", e.t("flag_new_from", nil)),
		typ:         fs.String("type", "", e.t("flag_new_type", nil)),
		catalog:     fs.String("catalog", "", e.t("flag_new_catalog", nil)),
		start:       fs.String("start", "", e.t("flag_new_start", nil)),
		end:         fs.String("end", "", e.t("flag_new_end", nil)),
		asmo:        fs.String("asmo", "", e.t("flag_new_asmo", nil)),
		legalID:     fs.String("legal-id", "", e.t("flag_new_legal_id", nil)),
		site:        fs.String("site", "", e.t("flag_new_site", nil)),
		country:     fs.String("country", "", e.t("flag_new_country", nil)),
		region:      fs.String("region", "", e.t("flag_new_region", nil)),
		muni:        fs.String("municipality", "", e.t("flag_new_municipality", nil)),
		cert:        fs.String("certification", "", e.t("flag_new_certification", nil)),
		year:        fs.String("year", "", e.t("flag_new_year", nil)),
		lead:        fs.String("lead", "", e.t("flag_new_lead", nil)),
		body:        fs.String("body", "", e.t("flag_new_body", nil)),
		ca:          fs.String("ca", "", e.t("flag_verify_ca", nil)),
		fingerprint: fs.String("fingerprint", "", e.t("flag_verify_fingerprint", nil)),
		signer:      fs.String("signer", "", e.t("flag_verify_signer", nil)),
		tsaCA:       fs.String("tsa-ca", "", e.t("flag_verify_tsa_ca", nil)),
	}
	e.uiLang(fs)
	return fs, f
}

func runNew(e *env, args []string) int {
	fs, f := e.newFlagSet()
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usage("takes_no_arguments", i18n.Args{"Command": "new", "Arg": strconv.Quote(pos[0])})
	}
	typ := audit.AuditType(strings.TrimSpace(*f.typ))
	if typ != "" && !slices.Contains(audit.AuditTypes, typ) {
		return e.usage("new_bad_type", i18n.Args{"Type": strconv.Quote(string(typ)), "Known": e.list(choiceList(audit.AuditTypes))})
	}
	cert := audit.CertType(strings.TrimSpace(*f.cert))
	if cert != "" && !slices.Contains(audit.CertTypes, cert) {
		return e.usage("new_bad_certification", i18n.Args{"Value": strconv.Quote(string(cert)), "Known": e.list(choiceList(audit.CertTypes))})
	}
	for _, d := range []struct{ flag, value string }{{"--start", *f.start}, {"--end", *f.end}} {
		if strings.TrimSpace(d.value) == "" {
			continue
		}
		if _, err := audit.ParseDate(d.value); err != nil {
			return e.usageText(e.t("new_bad_date", i18n.Args{"Flag": d.flag, "Problem": e.errText(err)}))
		}
	}
	if start, end := strings.TrimSpace(*f.start), strings.TrimSpace(*f.end); start != "" && end != "" && end < start {
		// Both are valid YYYY-MM-DD here, so they compare as text. A
		// swapped pair is a typing slip: refuse it now rather than save
		// an audit that cannot be finalized.
		fe := audit.FieldError{Field: "end_date", Kind: audit.ProblemEndBeforeStart, Value: end, Other: start}
		return e.usageText(e.t("new_bad_date", i18n.Args{"Flag": "--end", "Problem": e.problemText(fe)}))
	}
	year := -1
	if y := strings.TrimSpace(*f.year); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 0 {
			return e.usage("new_bad_year", i18n.Args{"Year": strconv.Quote(y)})
		}
		year = n
	}
	trust, code, ok := newTrust(e, f)
	if !ok {
		return code
	}
	if strings.TrimSpace(*f.from) == "" && (*f.ca != "" || *f.fingerprint != "" || *f.signer != "" || *f.tsaCA != "") {
		return e.usage("new_trust_without_report", nil)
	}

	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.failErr(err)
	}
	cfg := e.config()
	var a *audit.Audit
	if from := strings.TrimSpace(*f.from); from != "" {
		a, code, ok = newFrom(e, s, set, from, typ, trust, f, cfg)
		if !ok {
			return code
		}
	} else {
		cat, code, ok := newCatalog(e, set, *f.catalog, "")
		if !ok {
			return code
		}
		if typ == "" {
			typ = audit.Initial
		}
		h := cfg.Defaults(audit.Header{AuditType: typ, CertType: audit.Fairmined,
			StartDate: strings.TrimSpace(*f.start), EndDate: strings.TrimSpace(*f.end)})
		applyHeaderFlags(&h, f, cert, year) // before New: the id takes the ASMO's name
		a = audit.New(cat, h, time.Now())
		a.Policy = cfg.DatePolicy()
	}
	applyHeaderFlags(&a.Header, f, cert, year)
	h, err := s.Create(a)
	if err != nil {
		return e.failErr(err)
	}
	if err := h.Close(); err != nil {
		return e.failErr(err)
	}
	fmt.Fprintln(e.stdout, a.ID)
	return exitOK
}

// newFrom starts the new audit from the previous one that from names.
func newFrom(e *env, s *audit.Store, set *standards.Set, from string, typ audit.AuditType, trust report.Trust,
	f newFlags, cfg audit.Config) (*audit.Audit, int, bool) {
	if !report.IsReportPath(from) {
		// An audit of the home, by its id or any unique start of it.
		id, code, ok := e.auditID(s, from)
		if !ok {
			return nil, code, false
		}
		from = id
	}
	o, err := report.OpenPrevious(s, set, from, trust)
	var nv *report.NotVerifiedError
	switch {
	case errors.As(err, &nv):
		// Refused with the reasons, as assay verify words them.
		e.failText(e.t("new_report_refused", i18n.Args{"File": verLine(from)}))
		for _, p := range nv.Verification.Problems {
			fmt.Fprintln(e.stderr, audit.Sanitize(e.t("verify_problem", i18n.Args{"Text": verLine(e.findingText(p))})))
		}
		return nil, exitFail, false
	case errors.Is(err, audit.ErrPreviousNotFinalized):
		return nil, e.fail("new_previous_draft", i18n.Args{"ID": from}), false
	case err != nil:
		text := e.errText(err)
		if safefile.SystemPath(err) != "" {
			// The file is named once: "FILE: it does not exist".
			text = e.systemCause(err)
		}
		return nil, e.fail("new_previous_unreadable", i18n.Args{"From": verLine(from), "Error": text}), false
	}
	cat, code, ok := newCatalog(e, set, *f.catalog, o.Audit.Catalog.ID)
	if !ok {
		return nil, code, false
	}
	opts := o.CarryOptions()
	opts.Type, opts.Catalog, opts.Config, opts.Now = typ, cat, cfg, time.Now()
	opts.StartDate, opts.EndDate = *f.start, *f.end
	a, err := audit.NewFrom(o.Audit, opts)
	switch {
	case errors.Is(err, audit.ErrNothingToFollowUp):
		return nil, e.fail("new_nothing_to_follow_up", i18n.Args{"ID": o.Audit.ID}), false
	case errors.Is(err, audit.ErrPreviousHash):
		return nil, e.fail("new_previous_hash", i18n.Args{"ID": o.Audit.ID}), false
	case err != nil:
		return nil, e.failErr(err), false
	}
	return a, 0, true
}

// newCatalog is the catalog of the new audit: --catalog, else the previous
// audit's catalog id (its edition for new work), else the default.
func newCatalog(e *env, set *standards.Set, asked, prevID string) (*standards.Catalog, int, bool) {
	if id := strings.TrimSpace(asked); id != "" {
		if c, ok := set.Find(id, ""); ok && !c.Superseded() {
			return c, 0, true
		}
		return nil, e.fail("new_no_catalog", i18n.Args{"ID": strconv.Quote(id), "Known": e.list(currentCatalogs(set))}), false
	}
	if prevID != "" {
		if c, ok := set.Find(prevID, ""); ok && !c.Superseded() {
			return c, 0, true
		}
	}
	if c := set.Default(); c != nil {
		return c, 0, true
	}
	return nil, e.fail("demo_no_catalog", i18n.Args{"ID": standards.DefaultID}), false
}

// currentCatalogs names the catalogs new audits may use.
func currentCatalogs(set *standards.Set) []string {
	var out []string
	for _, c := range set.Current() {
		out = append(out, c.ID+" "+c.Version)
	}
	return out
}

// newTrust builds the trust policy for a report given to --from, as
// assay verify does from the same flags.
func newTrust(e *env, f newFlags) (report.Trust, int, bool) {
	t := report.Trust{Signer: strings.TrimSpace(*f.signer)}
	switch {
	case *f.ca != "" && *f.fingerprint != "":
		return t, e.usage("new_both_trust", nil), false
	case *f.ca != "":
		roots, err := report.LoadRoots(*f.ca)
		if err != nil {
			return t, e.fail("new_flag_failed", i18n.Args{"Flag": "--ca", "Error": e.errText(err)}), false
		}
		t.Roots, t.RootsFile = roots, *f.ca
	case *f.fingerprint != "":
		fp, err := report.ParseFingerprint(*f.fingerprint)
		if err != nil {
			return t, e.usageText(e.t("new_flag_failed", i18n.Args{"Flag": "--fingerprint", "Error": e.errText(err)})), false
		}
		t.Fingerprint = fp
	}
	if *f.tsaCA != "" {
		roots, err := report.LoadRoots(*f.tsaCA)
		if err != nil {
			return t, e.fail("new_flag_failed", i18n.Args{"Flag": "--tsa-ca", "Error": e.errText(err)}), false
		}
		t.TSARoots = roots
	}
	return t, 0, true
}

// applyHeaderFlags sets the header fields given as flags, over what was
// carried over or defaulted.
func applyHeaderFlags(h *audit.Header, f newFlags, cert audit.CertType, year int) {
	for _, s := range []struct {
		v  string
		at *string
	}{{*f.asmo, &h.ASMO}, {*f.legalID, &h.LegalID}, {*f.site, &h.Site}, {*f.country, &h.Country},
		{*f.region, &h.Region}, {*f.muni, &h.Municipality}, {*f.lead, &h.LeadInspector}, {*f.body, &h.CertBody}} {
		if v := strings.TrimSpace(audit.Sanitize(s.v)); v != "" {
			*s.at = v
		}
	}
	if cert != "" {
		h.CertType = cert
	}
	if year >= 0 {
		h.CertYear = year
	}
}

// choiceList turns typed choices into their codes.
func choiceList[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

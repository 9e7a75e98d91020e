package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// assay actions list|set: the previous audit's corrective actions, as the
// terminal UI's C screen verifies them, for scripts and for inspectors who
// prefer the command line. What a status means, and that a closed action
// needs the evidence seen before finalizing, is audit's rule: this file
// only sets through audit's setters and says what audit reports.

// actionsSummaryIDs is actions' line in assay --help.
var actionsSummaryIDs = map[string]string{"actions": "summary_actions"}

func init() {
	register(command{name: "actions", run: runActions})
	maps.Copy(summaryIDs, actionsSummaryIDs)
}

// caStatusTokens are the statuses as typed after --status: stable English
// tokens whatever the UI language, in the order the help lists them. JSON's
// spelling (not_closed, to_verify) is accepted too, so a script can feed
// back what it read.
var caStatusTokens = []struct {
	token  string
	status audit.CAStatus
}{{"closed", audit.CAClosed}, {"not-closed", audit.CANotClosed}, {"superseded", audit.CASuperseded}, {"to-verify", audit.CAToVerify}}

func parseCAStatus(s string) (audit.CAStatus, bool) {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
	for _, t := range caStatusTokens {
		if t.token == s {
			return t.status, true
		}
	}
	return "", false
}

func runActions(e *env, args []string) int {
	if len(args) == 0 {
		return e.usage("actions_no_sub", nil)
	}
	switch args[0] {
	case "list":
		return runActionsList(e, args[1:])
	case "set":
		return runActionsSet(e, args[1:])
	case keysHelpFlagShort, "--help", "-help", "help":
		e.out("usage_line", i18n.Args{"Synopsis": e.t("synopsis_actions", nil)})
		e.out("actions_help", nil)
		return exitOK
	}
	return e.usage("actions_unknown_sub", i18n.Args{"Sub": strconv.Quote(args[0])})
}

// actionsAudit resolves the typed id and loads the audit and its catalog
// (for the requirements' titles), without the lock: list only reads.
func actionsAudit(e *env, typed string) (*audit.Audit, *standards.Catalog, int, bool) {
	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return nil, nil, e.failErr(err), false
	}
	id, code, ok := e.auditID(s, typed)
	if !ok {
		return nil, nil, code, false
	}
	a, err := s.Load(id)
	if err != nil {
		return nil, nil, e.failErr(err), false
	}
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return nil, nil, e.fail("audit_error", i18n.Args{"ID": a.ID, "Error": e.errText(err)}), false
	}
	return a, cat, 0, true
}

func runActionsList(e *env, args []string) int {
	fs := e.flags("actions list", e.t("synopsis_actions_list", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_list", nil))
	e.uiLang(fs)
	typed, code, ok := audOneArg(e, fs, "actions list", args)
	if !ok {
		return code
	}
	a, cat, code, ok := actionsAudit(e, typed)
	if !ok {
		return code
	}
	rs := audit.CorrectiveResults(a)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(caJSONs(rs)); err != nil {
			return e.failErr(err)
		}
		return exitOK
	}
	line := func(s string) { fmt.Fprintln(e.stdout, audit.Sanitize(s)) }
	switch {
	case a.Previous == nil:
		line(e.t("actions_no_previous", i18n.Args{"ID": a.ID}))
		return exitOK
	case len(rs) == 0:
		line(e.t("actions_none", i18n.Args{"ID": a.ID, "Report": a.Previous.ReportID}))
		return exitOK
	}
	// The same words as assay show; an action that shares its requirement
	// with another also says how to select it.
	refs := actionRefs(a)
	line(e.n("glance_cas", len(rs), nil))
	for i, r := range rs {
		l := "  " + e.caLine(r, cat)
		if refs[i] != r.Requirement {
			l += " — " + e.t("actions_ref", i18n.Args{"Ref": refs[i]})
		}
		line(l)
	}
	if a.Editable() {
		var left []string
		for _, b := range audit.FinalizeBlockers(a, cat) {
			if isCABlocker(b) {
				left = append(left, e.blockerText(b, cat))
			}
		}
		if len(left) > 0 {
			line("")
			line(e.n("glance_blockers", len(left), nil))
			for _, l := range left {
				line("  • " + l)
			}
		}
	}
	return exitOK
}

func runActionsSet(e *env, args []string) int {
	fs := e.flags("actions set", e.t("synopsis_actions_set", nil))
	status := fs.String("status", "", e.t("flag_ca_status", nil))
	notes := fs.String("notes", "", e.t("flag_ca_notes", nil))
	e.uiLang(fs)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return e.usage("actions_set_needs", nil)
	}
	// --notes "" clears the notes: what was given counts, not its value.
	hasStatus, hasNotes := false, false
	fs.Visit(func(f *flag.Flag) {
		hasStatus = hasStatus || f.Name == "status"
		hasNotes = hasNotes || f.Name == "notes"
	})
	if !hasStatus && !hasNotes {
		return e.usage("actions_set_nothing", nil)
	}
	var st audit.CAStatus
	if hasStatus {
		if st, ok = parseCAStatus(*status); !ok {
			known := make([]string, len(caStatusTokens))
			for i, t := range caStatusTokens {
				known[i] = t.token
			}
			return e.usage("problem_unknown_choice", i18n.Args{"Field": "--status", "Value": strconv.Quote(*status), "Known": e.list(known)})
		}
	}
	req, nth, ok := splitActionRef(pos[1])
	if !ok {
		return e.usage("actions_bad_ref", i18n.Args{"Ref": strconv.Quote(pos[1])})
	}

	o, code, ok := e.openAudit(pos[0])
	if !ok {
		return code
	}
	defer o.h.Close()
	set, h, id := o.set, o.h, o.id
	a := h.Audit()
	switch {
	case !a.Editable():
		return e.fail("actions_read_only", i18n.Args{"ID": id, "Revision": a.Revision})
	case a.Previous == nil:
		return e.fail("actions_no_previous", i18n.Args{"ID": id})
	case len(a.CorrectiveActions) == 0:
		return e.fail("actions_none", i18n.Args{"ID": id, "Report": a.Previous.ReportID})
	}
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return e.fail("audit_error", i18n.Args{"ID": a.ID, "Error": e.errText(err)})
	}
	i, code, ok := e.pickAction(a, cat, req, nth)
	if !ok {
		return code
	}

	// As the terminal UI: the same status again changes nothing (the time
	// it was assessed stays), unless it confirms a status assay proposed.
	ca := a.CorrectiveActions[i]
	changed := false
	if hasStatus && (ca.Status != st || ca.Proposed) {
		if err := a.SetCorrectiveAction(i, st, time.Now().UTC()); err != nil {
			return e.failErr(err)
		}
		changed = true
	}
	if hasNotes && *notes != ca.Notes {
		if err := a.NoteCorrectiveAction(i, *notes); err != nil {
			return e.failErr(err)
		}
		changed = true
	}
	if changed {
		if err := h.Save(a); err != nil {
			return e.failErr(err)
		}
	}
	fmt.Fprintln(e.stdout, audit.Sanitize(e.caLine(audit.CorrectiveResults(a)[i], cat)))
	// What audit still holds against this action (a closed one without
	// the evidence seen): saved all the same, as in the terminal UI, but
	// said now rather than at finalize.
	ref := actionRefs(a)[i]
	for _, b := range audit.FinalizeBlockers(a, cat) {
		if !isCABlocker(b) || (b.Requirement != ca.Requirement && !slices.Contains(b.Requirements, ca.Requirement)) {
			continue
		}
		if b.Kind == audit.BlockCANoEvidence {
			e.warn("actions_blocks_notes", i18n.Args{"Blocker": e.blockerText(b, cat), "ID": id, "Ref": ref})
			continue
		}
		e.warn("actions_still_blocks", i18n.Args{"Blocker": e.blockerText(b, cat)})
	}
	return exitOK
}

// isCABlocker reports whether b is about the previous audit's corrective
// actions.
func isCABlocker(b audit.Blocker) bool {
	return b.Kind == audit.BlockCAToVerify || b.Kind == audit.BlockCAUnconfirmed || b.Kind == audit.BlockCANoEvidence
}

// splitActionRef reads REQ_ID or REQ_ID#N (the N-th action on that
// requirement, from 1); nth is 0 without #.
func splitActionRef(ref string) (string, int, bool) {
	ref = strings.TrimSpace(ref)
	req, num, hash := strings.Cut(ref, "#")
	if req == "" {
		return "", 0, false
	}
	if !hash {
		return req, 0, true
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return "", 0, false
	}
	return req, n, true
}

// actionRefs are what selects each corrective action of a: its
// requirement, or REQ_ID#N when several share the requirement.
func actionRefs(a *audit.Audit) []string {
	count := map[string]int{}
	for _, ca := range a.CorrectiveActions {
		count[ca.Requirement]++
	}
	seen := map[string]int{}
	out := make([]string, len(a.CorrectiveActions))
	for i, ca := range a.CorrectiveActions {
		seen[ca.Requirement]++
		out[i] = ca.Requirement
		if count[ca.Requirement] > 1 {
			out[i] += "#" + strconv.Itoa(seen[ca.Requirement])
		}
	}
	return out
}

// pickAction finds the corrective action on requirement req (the nth of
// them when nth > 0). No such action, or several without #N, fails with
// what there is to choose from (exit 1, as an id that names no audit or
// several: the arguments were well formed).
func (e *env) pickAction(a *audit.Audit, cat *standards.Catalog, req string, nth int) (int, int, bool) {
	var on []int
	var reqs []string
	for i, ca := range a.CorrectiveActions {
		if ca.Requirement == req {
			on = append(on, i)
		}
		if !slices.Contains(reqs, ca.Requirement) {
			reqs = append(reqs, ca.Requirement)
		}
	}
	switch {
	case len(on) == 0:
		return 0, e.fail("actions_unknown_req", i18n.Args{"Req": strconv.Quote(req), "ID": a.ID, "Reqs": e.list(reqs)}), false
	case nth > len(on):
		return 0, e.failText(e.n("actions_no_such_index", len(on), i18n.Args{"Ref": strconv.Quote(req + "#" + strconv.Itoa(nth)), "Req": req})), false
	case nth > 0:
		return on[nth-1], 0, true
	case len(on) == 1:
		return on[0], 0, true
	}
	e.failText(e.n("actions_ambiguous", len(on), i18n.Args{"Req": strconv.Quote(req)}))
	rs, refs := audit.CorrectiveResults(a), actionRefs(a)
	for _, i := range on {
		fmt.Fprintln(e.stderr, audit.Sanitize("  "+refs[i]+"  "+e.caLine(rs[i], cat)))
	}
	return 0, exitFail, false
}

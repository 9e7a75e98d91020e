package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// auditID turns the id an inspector typed, or any unique start of it
// ("2026-11-29-coop"), into the audit's id, through the store's Resolve:
// the terminal UI and every command that takes an id share the rule. Too
// short a start lists the audits it could be, with their ASMOs, and fails
// (exit 1, like an id that names no audit: the arguments were well formed,
// the store just does not have exactly one such audit).
func (e *env) auditID(s *audit.Store, typed string) (string, int, bool) {
	id, err := s.Resolve(typed)
	var amb *audit.AmbiguousIDError
	if errors.As(err, &amb) {
		e.failText(e.n("id_ambiguous", len(amb.Candidates), i18n.Args{"ID": strconv.Quote(typed)}))
		asmo := map[string]string{}
		if entries, lerr := s.List(); lerr == nil {
			for _, en := range entries {
				asmo[en.ID] = en.ASMO
			}
		}
		for _, c := range amb.Candidates {
			line := "  " + c
			if a := asmo[c]; a != "" {
				line += "  " + audClip(audit.Sanitize(a), 40)
			}
			fmt.Fprintln(e.stderr, line)
		}
		return "", exitFail, false
	}
	if err != nil {
		return "", e.failErr(err), false
	}
	return id, 0, true
}

// idErrText words Resolve's refusals, for errText.
func (e *env) idErrText(err error) (string, bool) {
	var unk *audit.UnknownIDError
	var amb *audit.AmbiguousIDError
	switch {
	case errors.As(err, &unk):
		return e.t("id_unknown", i18n.Args{"ID": strconv.Quote(unk.Prefix), "Dir": unk.Dir}), true
	case errors.As(err, &amb):
		return e.n("id_ambiguous", len(amb.Candidates), i18n.Args{"ID": strconv.Quote(amb.Prefix)}), true
	}
	return "", false
}

// openedAudit is an audit a command opened to change it: the catalogs and
// store it was read with, its handle (locked; the caller closes it) and
// its whole id.
type openedAudit struct {
	set   *standards.Set
	store *audit.Store
	h     *audit.Handle
	id    string
}

// openAudit opens the audit that typed names (its id, or a unique start of
// it) for a command that changes it. On failure it has said why, and code
// is the exit status.
func (e *env) openAudit(typed string) (openedAudit, int, bool) {
	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return openedAudit{}, e.failErr(err), false
	}
	id, code, ok := e.auditID(s, typed)
	if !ok {
		return openedAudit{}, code, false
	}
	h, err := s.Open(id)
	if err != nil {
		return openedAudit{}, e.failErr(err), false
	}
	return openedAudit{set: set, store: s, h: h, id: id}, 0, true
}

package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
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

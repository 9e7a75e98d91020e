package tui

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The words of the details screen's pages (the audit plan, the interview
// register, sampling, the closing meeting) for the domain's typed values.

var genderIDs = map[audit.Gender]string{
	audit.Woman: "gender_woman", audit.Man: "gender_man", audit.OtherGender: "gender_other", audit.Mixed: "gender_mixed",
}

// registerColIDs name a value of a register entry inside a problem's
// sentence, by the entry's key.
var registerColIDs = map[string]string{
	"role": "register_role", "gender": "register_gender", "date": "register_date", "group_size": "register_group",
}

// sampleColIDs name a value of a sampling record inside a problem's
// sentence.
var sampleColIDs = map[string]string{"actual": "sample_actual", "size": "sample_size"}

func (w *words) genderName(g audit.Gender) string { return wordOr(w, genderIDs, g, string(g)) }

func (w *words) responseName(r audit.Response) string {
	return w.choiceName("closing.response", string(r))
}

// sampleName is a sampling line's name: the unit's words, in the form
// that agrees with count ("1 plant", "3 plants"), or the group's name as
// typed.
func (w *words) sampleName(u audit.SampleUnit, name string, count int) string {
	if u == audit.UnitGroup {
		if n := sanitizeLine(strings.TrimSpace(name)); n != "" {
			return n
		}
		return w.t("sample_unnamed_group", nil)
	}
	switch u {
	case audit.UnitMines:
		return w.n("sample_unit_mines", count, nil)
	case audit.UnitPlants:
		return w.n("sample_unit_plants", count, nil)
	case audit.UnitMiners:
		return w.n("sample_unit_miners", count, nil)
	}
	return string(u)
}

// ruleText words a sampling rule: "√n rounded up, at least 3".
func (w *words) ruleText(r audit.SampleRule) string {
	switch r.Kind {
	case audit.SampleAll:
		return w.t("rule_all", nil)
	case audit.SamplePercent:
		return w.t("rule_percent", i18n.Args{"Percent": r.Percent, "Minimum": r.Minimum})
	}
	return w.t("rule_sqrt", i18n.Args{"Minimum": r.Minimum})
}

// recordLabel names a value of an interview register entry or a sampling
// record, or a field of the closing meeting, inside a problem's sentence.
func (w *words) recordLabel(e audit.FieldError) (string, bool) {
	col := e.Field[strings.LastIndexByte(e.Field, '.')+1:]
	switch {
	case strings.HasPrefix(e.Field, "interview_register["):
		if id, ok := registerColIDs[col]; ok {
			return w.t("register_field", i18n.Args{"Field": w.word(id), "Pseudonym": e.Item}), true
		}
	case strings.HasPrefix(e.Field, "sampling.counts["):
		item := w.sampleName(audit.SampleUnit(e.Item), e.Item, 2)
		if id, ok := sampleColIDs[col]; ok {
			return w.t("sample_field", i18n.Args{"Field": w.word(id), "Item": sanitizeLine(item)}), true
		}
		if col == "name" {
			return w.t("sample_group_name", i18n.Args{"Row": strconv.Itoa(e.Row + 1)}), true
		}
	}
	return "", false
}

// samplingProposal is the sampling plan in one sentence per line, for the
// details page: "Proposed: visit 3 of 3 mines, 1 of 1 plant; interview 10
// of 86 miners." Nothing when the FSP has no counts yet.
func (w *words) samplingProposal(lines []audit.SampleLine, width int) []string {
	var visit, talk []string
	for _, l := range lines {
		part := w.t("proposal_part", i18n.Args{"Planned": l.Planned, "Population": l.Population, "Name": w.sampleName(l.Unit, l.Name, l.Population)})
		if l.Visit {
			visit = append(visit, part)
		} else {
			talk = append(talk, part)
		}
	}
	var text string
	switch {
	case len(visit) > 0 && len(talk) > 0:
		text = w.t("proposal_both", i18n.Args{"Visit": strings.Join(visit, ", "), "Interview": strings.Join(talk, ", ")})
	case len(visit) > 0:
		text = w.t("proposal_visit", i18n.Args{"Visit": strings.Join(visit, ", ")})
	case len(talk) > 0:
		text = w.t("proposal_interview", i18n.Args{"Interview": strings.Join(talk, ", ")})
	default:
		return nil
	}
	return wrap(text, width)
}

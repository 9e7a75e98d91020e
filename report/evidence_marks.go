package report

import (
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The evidence index says which files a certification body should doubt:
// each plausibility mark audit computes (audit.CheckEvidence), worded here,
// with the inspector's justification beside it, never instead of it.

// flagText words one plausibility mark.
func (d *doc) flagText(f audit.EvidenceFlag) string {
	switch f.Kind {
	case audit.FlagOutsideDates:
		day := d.l.DateText(f.Captured)
		if f.Days < 0 {
			return d.n("mark_before", -f.Days, i18n.Args{"Date": day})
		}
		return d.n("mark_after", f.Days, i18n.Args{"Date": day})
	case audit.FlagFarFromSite:
		return d.t("mark_far", i18n.Args{"Km": d.l.Decimal(f.Km, 1), "Max": d.l.Int(d.rules.MaxKm)})
	case audit.FlagNoMetadata:
		return d.t("mark_no_metadata", nil)
	case audit.FlagSeveralNames:
		return d.n("mark_names", len(f.Names), i18n.Args{"Names": strings.Join(f.Names, ", ")})
	}
	return string(f.Kind)
}

// markLines words each mark of a file and what the inspector said of it.
func (d *doc) markLines(flags []audit.EvidenceFlag) []string {
	var out []string
	for _, f := range flags {
		s := "(!) " + d.flagText(f) + " "
		if strings.TrimSpace(f.Justification) != "" {
			s += d.t("mark_justified", i18n.Args{"Text": f.Justification})
		} else {
			s += d.t("mark_unjustified", nil)
		}
		out = append(out, s)
	}
	return out
}

// marksSection lists the marked files under the evidence index, after the
// rule that marks them, or says that none is marked.
func (d *doc) marksSection(a *audit.Audit, flags map[string][]audit.EvidenceFlag) {
	legend := d.t("marks_legend", i18n.Args{"Days": d.n("days_count", d.rules.DaysMargin, nil), "Km": d.l.Int(d.rules.MaxKm)})
	items := d.markItems(a, flags)
	first := lineH
	if len(items) > 0 {
		d.body()
		first = d.BulletHeight(items[0])
	}
	d.h2Keep(d.t("marks_title", nil), float64(d.Lines("I", 8, legend, contentW))*3.8+1.5+first)
	d.font("I", 8, colMuted)
	d.para(legend, contentW, 3.8)
	d.body()
	d.gap(1.5)
	if len(items) == 0 {
		d.para(d.t("marks_none", nil), contentW, lineH)
		return
	}
	d.bullets(items)
}

// markItems is one list item per marked file: its name and row in the
// index, then each mark with what the inspector said of it.
func (d *doc) markItems(a *audit.Audit, flags map[string][]audit.EvidenceFlag) []string {
	seen := map[string]bool{}
	var items []string
	for i, ev := range a.Evidence {
		fl, ok := flags[ev.SHA256]
		if !ok || seen[ev.SHA256] {
			continue
		}
		seen[ev.SHA256] = true
		item := d.t("marks_file", i18n.Args{"N": d.l.Int(i + 1), "Name": ev.Name})
		items = append(items, item+"\n"+strings.Join(d.markLines(fl), "\n"))
	}
	return items
}

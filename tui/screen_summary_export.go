package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
)

// ExportRequest is what the export dialog asks the Exporter for.
type ExportRequest struct {
	// Draft exports unsigned, marked DRAFT (an audit not yet finalized).
	Draft bool
	// Lang is the report's language, chosen in the dialog apart from the
	// UI's: an inspector may work in Spanish and send an English report.
	Lang string
	// UILang is the UI's language, for the export's own refusals and
	// errors, which the UI shows.
	UILang string
}

// exportDialog chooses the language of the report before exporting it.
type exportDialog struct {
	open  bool
	c     *common
	langs []string // the languages a report can be written in
	sel   int
}

// newExportDialog opens the dialog on the report languages there are,
// with config.toml's report_language, else the UI's language, chosen.
func newExportDialog(c *common) exportDialog {
	langs := c.deps.ReportLanguages
	if len(langs) == 0 {
		langs = report.Languages()
	}
	d := exportDialog{open: true, c: c, langs: langs}
	want := i18n.ReportLanguage("", c.deps.Config.ReportLanguage, c.w.lang)
	d.sel = slices.Index(langs, want)
	if d.sel < 0 {
		d.sel = slices.IndexFunc(langs, func(l string) bool { return sameBase(l, want) })
	}
	if d.sel < 0 {
		d.sel = max(slices.Index(langs, i18n.English), 0)
	}
	return d
}

// lang is the report language chosen.
func (d exportDialog) lang() string {
	if d.sel < len(d.langs) {
		return d.langs[d.sel]
	}
	return i18n.English
}

// updateExport takes the dialog's keys: ←/→ choose the language, enter
// exports, esc closes it.
func (m summaryModel) updateExport(msg tea.KeyMsg) (summaryModel, tea.Cmd) {
	d := &m.export
	n := max(len(d.langs), 1)
	switch {
	case key.Matches(msg, m.keys.Cancel):
		d.open = false
	case (key.Matches(msg, m.keys.LangPrev) || key.Matches(msg, m.keys.LangNext)) && n == 1:
		return m, m.c.say("export_one_language", i18n.Args{"Language": d.c.w.languageLabel(d.c.msgs, d.lang())})
	case key.Matches(msg, m.keys.LangPrev):

		d.sel = (d.sel + n - 1) % n
	case key.Matches(msg, m.keys.LangNext):
		d.sel = (d.sel + 1) % n
	case key.Matches(msg, m.keys.ExportGo):
		d.open = false
		return m.startExport()
	default:
		return m, m.c.noSuchKey(msg)
	}
	return m, nil

}

// view is the dialog's line: what is exported, in which language.
func (d exportDialog) view(draft bool) []string {
	w := d.c.w
	name := w.t("choice_hint", i18n.Args{"Choice": w.languageLabel(d.c.msgs, d.lang())})
	line := w.t("export_signed", i18n.Args{"Language": name})
	if draft {
		line = w.t("export_draft", i18n.Args{"Language": name})
	}
	var out []string
	for _, l := range wrap(line, d.c.width) {
		out = append(out, d.c.st.selected.Render(l))
	}
	return out
}

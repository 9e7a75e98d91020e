package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// summaryModel shows what the findings add up to, and finalizes and
// exports from there.
type summaryModel struct {
	c             *common
	s             *session
	keys          summaryKeys
	sum           audit.Summary
	lines         []string
	scroll        int
	confirming    bool
	exporting     bool
	exportPending bool // export once the pending save is done
	exportPath    string
}

func newSummaryModel(c *common, s *session) summaryModel {
	m := summaryModel{c: c, s: s, keys: newSummaryKeys(&c.g)}
	m.refresh()
	return m
}

// refresh recomputes the summary from the audit (pure computation).
func (m *summaryModel) refresh() {
	if m.s == nil || m.s.cat == nil {
		return
	}
	m.sum = audit.Summarize(m.s.a, m.s.cat)
	m.render()
}

func (m *summaryModel) setSize() { m.render() }

func (m summaryModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	idle := !m.confirming
	setEnabled(idle, &k.Up, &k.Down, &k.Back, &g.Quit, &g.Help)
	setEnabled(idle && m.s != nil && m.s.a.Editable(), &k.Finalize)
	setEnabled(idle && m.c.deps.Exporter != nil && !m.exporting, &k.Export)
	return k
}

func (m summaryModel) update(msg tea.Msg) (summaryModel, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		if msg.id != m.s.id {
			return m, nil
		}
		m.exporting = false
		if msg.err != nil {
			m.exportPath = ""
			m.render()
			return m, notify(sprintf(txt.exportFailed, msg.err), true)
		}
		m.exportPath = msg.path
		if !m.s.dirty() && !m.s.saving {
			// The export recorded itself in the saved audit's history;
			// keep that record in the audit the UI will save next.
			m.s.a.History = cloneAudit(m.s.h.Audit()).History
		}
		m.render()
		return m, notify(sprintf(txt.exported, msg.path), false)
	case tea.MouseMsg:
		if d, ok := isWheel(msg); ok {
			m.scrollBy(d)
		}
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil
}

func (m summaryModel) updateKey(msg tea.KeyMsg) (summaryModel, tea.Cmd) {
	if m.confirming {
		m.confirming = false
		if msg.String() != "y" {
			return m, nil
		}
		return m.finalize()
	}
	k := m.keyMap().(summaryKeys)
	switch {
	case key.Matches(msg, k.Up):
		m.scrollBy(-1)
	case key.Matches(msg, k.Down):
		m.scrollBy(1)
	case key.Matches(msg, k.Back):
		return m, navigate(screenWalk)
	case key.Matches(msg, k.Finalize):
		m.confirming = true
	case key.Matches(msg, k.Export):
		m.exporting, m.exportPath = true, ""
		m.render()
		if m.s.dirty() || m.s.saving {
			m.exportPending = true
			return m, m.s.flush(m.c.now)
		}
		return m, exportCmd(m.c.deps.Exporter, m.s.h, m.s.id, m.s.a.Status != audit.Finalized)
	}
	return m, nil
}

// afterSave starts an export that waited for the audit to reach disk.
func (m *summaryModel) afterSave() tea.Cmd {
	if !m.exportPending || m.s == nil || m.s.dirty() || m.s.saving {
		return nil
	}
	m.exportPending = false
	if m.s.err != nil {
		m.exporting = false
		m.render()
		return nil
	}
	return exportCmd(m.c.deps.Exporter, m.s.h, m.s.id, m.s.a.Status != audit.Finalized)
}

// finalize freezes the audit (pure) and saves it at once.
func (m summaryModel) finalize() (summaryModel, tea.Cmd) {
	err := audit.Finalize(m.s.a, m.s.cat, m.c.now())
	var blocked *audit.BlockedError
	if errors.As(err, &blocked) {
		return m, notify(sprintf(txt.finalizeBlocked, len(blocked.Reasons), strings.Join(blocked.Reasons, "; ")), true)
	}
	if err != nil {
		return m, notify(err.Error(), true)
	}
	m.s.touch()
	m.refresh()
	return m, tea.Batch(m.s.flush(m.c.now), notify(sprintf(txt.finalized, m.s.a.Revision), false))
}

func (m *summaryModel) scrollBy(d int) {
	m.scroll = min(max(m.scroll+d, 0), max(len(m.lines)-m.c.height+1, 0))
}

// render lays the summary out once per change or size, not per frame.
func (m *summaryModel) render() {
	if m.s == nil || m.s.cat == nil {
		return
	}
	st := m.c.st
	w := m.c.width
	a := m.s.a
	var l []string
	head := fmt.Sprintf("%s · %s %s · %s · %s", txt.summaryTitle, a.Catalog.ID, a.Catalog.Version,
		sprintf(txt.revisionLabel, a.Revision), a.Status)
	l = append(l, st.header.Render(truncate(head, w)))
	switch {
	case m.exporting:
		l = append(l, st.warn.Render(txt.exporting))
	case m.exportPath != "":
		l = append(l, st.good.Render(truncate("✓ "+sprintf(txt.exported, sanitizeLine(m.exportPath)), w)))
	default:
		l = append(l, "")
	}
	c := txt.summaryCols
	row := func(cells ...string) string {
		out := pad(cells[0], 15)
		for _, x := range cells[1:] {
			out += " " + fmt.Sprintf("%8s", x)
		}
		return out
	}
	l = append(l, st.header.Render(row(c[:]...)))
	for _, as := range append(append([]audit.AreaSummary{}, m.sum.Areas...), m.sum.Total) {
		name := areaName(as.Area)
		if as.Area == "" {
			name = txt.total
		}
		l = append(l, row(name, fmt.Sprint(as.Counts[audit.Conforms]), fmt.Sprint(as.Counts[audit.Minor]),
			fmt.Sprint(as.Counts[audit.Major]), fmt.Sprint(as.Counts[audit.NA]), fmt.Sprint(as.Counts[audit.Open]),
			fmt.Sprintf("%d/%d", as.Informative, as.Excluded), fmt.Sprintf("%d%%", as.Percent)))
	}
	l = append(l, "", st.label.Render(txt.recommend)+st.header.Render(m.sum.Recommendation.Outcome.Label()))
	for _, r := range m.sum.Recommendation.Reasons {
		l = append(l, bullet("• ", sanitizeLine(r), w)...)
	}
	l = append(l, "", st.section.Render(txt.register))
	if len(m.sum.NonConformities) == 0 {
		l = append(l, st.muted.Render(txt.noNC))
	}
	for _, nc := range m.sum.NonConformities {
		text := nc.RequirementID + " " + sanitizeLine(nc.Title) + " — " + verdictName(nc.Severity)
		if nc.Critical {
			text += txt.criticalMark
		}
		if nc.CorrectiveAction != "" {
			text += " — " + sanitizeLine(nc.CorrectiveAction)
		}
		if nc.DueDate != "" {
			text += " — " + txt.dueDate + nc.DueDate
		}
		l = append(l, bullet(st.verdict[string(nc.Severity)].Render(glyphs[nc.Severity])+" ", text, w)...)
	}
	l = append(l, "", st.section.Render(txt.blockers))
	if len(m.sum.Blockers) == 0 {
		l = append(l, st.good.Render("✓ "+txt.noBlockers))
	}
	for _, b := range m.sum.Blockers {
		l = append(l, bullet("• ", sanitizeLine(b), w)...)
	}
	m.lines = l
	m.scrollBy(0)
}

// bullet wraps text under a hanging mark.
func bullet(mark, text string, w int) []string {
	var out []string
	for i, line := range wrap(text, w-2) {
		if i == 0 {
			out = append(out, mark+line)
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

func (m summaryModel) view() string {
	h := m.c.height
	if m.confirming {
		h--
	}
	vis, _ := window(m.lines, m.scroll, h)
	out := strings.Join(vis, "\n")
	if m.confirming {
		out = m.c.st.warn.Render(truncate(txt.confirmFinal, m.c.width)) + "\n" + out
	}
	return out
}

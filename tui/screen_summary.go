package tui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

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
	exportErr     string
	amending      bool // the amendment's reason has the keys
	reason        textinput.Model
	reasonErr     string
	blockersAt    int // line of the "Before finalizing" section
}

func newSummaryModel(c *common, s *session) summaryModel {
	m := summaryModel{c: c, s: s, keys: newSummaryKeys(&c.g), reason: newInput(txt.amendPrompt)}
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

func (m *summaryModel) setSize() {
	if m.c == nil {
		return // no summary yet
	}
	m.reason.Width = max(m.c.width-lipgloss.Width(txt.amendPrompt)-2, 10)
	m.render()
}

// typing reports whether shortcuts are off: a question or the reason has
// the keys.
func (m summaryModel) typing() bool { return m.confirming || m.amending }

func (m summaryModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	idle := !m.confirming && !m.amending
	setEnabled(idle, &k.Up, &k.Down, &k.Back, &k.Details, &g.Quit, &g.Help)
	setEnabled(idle && m.s != nil && m.s.a.Editable(), &k.Finalize)
	setEnabled(idle && m.s != nil && m.s.a.Status == audit.Finalized, &k.Amend)
	setEnabled(idle && m.c.deps.Exporter != nil && !m.exporting, &k.Export)
	setEnabled(m.amending, &k.Accept, &k.Cancel, &g.ForceQuit)
	return k
}

func (m summaryModel) update(msg tea.Msg) (summaryModel, tea.Cmd) {
	switch msg := msg.(type) {
	case signerLoadedMsg:
		if m.s == nil || msg.id != m.s.id {
			return m, nil
		}
		return m.finalize(msg.signer, msg.err)
	case exportedMsg:
		if msg.id != m.s.id {
			return m, nil
		}
		m.exporting = false
		if msg.err != nil {
			// Kept on the screen, not only in the status line: it often
			// says what to do (make a signing key), which takes longer
			// to read and act on than a status message lasts.
			m.exportPath, m.exportErr = "", sprintf(txt.exportFailed, msg.err)
			m.render()
			return m, notify(sprintf(txt.exportFailed, msg.err), true)
		}
		m.exportPath, m.exportErr = msg.path, ""
		if !m.s.dirty() && !m.s.saving {
			// The export recorded itself in the saved audit's history;
			// keep that record in the audit the UI will save next.
			m.s.a.History = m.s.h.Audit().Clone().History
		}
		m.render()
		return m, notify(exportedText(msg.path), false)
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
		// Finalizing records the signing certificate: look it up first.
		return m, loadSignerCmd(m.c.deps.SigningKey, m.s.id)
	}
	if m.amending {
		return m.updateReason(msg)
	}
	k := m.keyMap().(summaryKeys)
	switch {
	case key.Matches(msg, k.Up):
		m.scrollBy(-1)
	case key.Matches(msg, k.Down):
		m.scrollBy(1)
	case key.Matches(msg, k.Back):
		m.c.goTo(screenWalk)
		return m, nil
	case key.Matches(msg, k.Finalize):
		// Say what blocks before asking: a question whose yes can only
		// fail wastes the inspector's time.
		if blockers := audit.FinalizeBlockers(m.s.a, m.s.cat); len(blockers) > 0 {
			m.scroll = m.blockersAt
			m.scrollBy(0)
			return m, notify(blockedText(blockerTexts(blockers, m.s.cat)), true)
		}
		m.confirming = true
	case key.Matches(msg, k.Details):
		m.c.goTo(screenDetails)
		return m, nil
	case key.Matches(msg, k.Amend):
		m.amending, m.reasonErr = true, ""
		m.reason.SetValue("")
		return m, m.reason.Focus()
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

// finalize freezes the audit for signer (pure) and saves it at once;
// without a signing key it says how to make one.
func (m summaryModel) finalize(signer *audit.Signer, keyErr error) (summaryModel, tea.Cmd) {
	if keyErr != nil && !errors.Is(keyErr, audit.ErrNoSigner) {
		return m, notify(sprintf(txt.signingKeyFailed, keyErr), true)
	}
	err := audit.Finalize(m.s.a, m.s.cat, signer, m.c.now())
	if errors.Is(err, audit.ErrNoSigner) {
		id := m.s.id
		return m, tea.Batch(notify(txt.noSigningKey, true), func() tea.Msg { return needSigningKeyMsg{id: id} })
	}
	var blocked *audit.BlockedError
	if errors.As(err, &blocked) {
		return m, notify(blockedText(blockerTexts(blocked.Blockers, m.s.cat)), true)
	}
	if err != nil {
		return m, notify(err.Error(), true)
	}
	m.s.touch()
	m.refresh()
	return m, tea.Batch(m.s.flush(m.c.now), notify(sprintf(txt.finalized, m.s.a.Revision), false))
}

// exportedText names the PDF first, then its folder: a path breaks
// badly across lines, and the file's name is what the inspector looks for.
func exportedText(path string) string {
	dir, file := filepath.Split(sanitizeLine(path))
	return sprintf(txt.exported, file, filepath.Clean(dir))
}

// blockedText says why finalizing cannot happen yet, and where the list is.
func blockedText(reasons []string) string {
	if len(reasons) == 1 {
		return sprintf(txt.finalizeBlocked1, reasons[0])
	}
	return sprintf(txt.finalizeBlocked, len(reasons), strings.Join(reasons, "; "))
}

// updateReason edits the amendment's reason; enter amends, esc gives up.
func (m summaryModel) updateReason(msg tea.KeyMsg) (summaryModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.amending, m.reasonErr = false, ""
		m.reason.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Accept):
		return m.amend()
	}
	var cmd tea.Cmd
	m.reason, cmd = m.reason.Update(cleanKey(msg, false))
	if strings.TrimSpace(m.reason.Value()) != "" {
		m.reasonErr = ""
	}
	return m, cmd
}

// amend reopens the finalized audit as a new draft revision (pure) and
// saves it at once.
func (m summaryModel) amend() (summaryModel, tea.Cmd) {
	reason := strings.TrimSpace(m.reason.Value())
	if reason == "" {
		m.reasonErr = txt.amendRequired
		return m, nil
	}
	if err := audit.Amend(m.s.a, reason, m.c.now()); err != nil {
		m.reasonErr = errorText(err)
		return m, nil
	}
	m.amending, m.reasonErr = false, ""
	m.reason.Blur()
	m.s.touch()
	m.refresh()
	return m, tea.Batch(m.s.flush(m.c.now), notify(sprintf(txt.amended, m.s.a.Revision), false))
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
	case m.exportErr != "":
		for _, line := range bullet("✗ ", sanitizeLine(m.exportErr), w) {
			l = append(l, st.errText.Render(line))
		}
	case m.exportPath != "":
		// The whole path: it is where the inspector goes to find the PDF.
		for _, line := range bullet("✓ ", exportedText(m.exportPath), w) {
			l = append(l, st.good.Render(line))
		}
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
	l = append(l, "", st.label.Render(txt.recommend)+st.header.Render(outcomeText(m.sum.Recommendation.Outcome)))
	for _, r := range m.sum.Recommendation.Reasons {
		l = append(l, bullet("• ", sanitizeLine(reasonText(r, m.s.cat)), w)...)
	}
	l = append(l, "", st.section.Render(txt.register))
	if len(m.sum.NonConformities) == 0 {
		l = append(l, st.muted.Render(txt.noNC))
	}
	for _, nc := range m.sum.NonConformities {
		text := nc.RequirementID + " " + reqTitle(m.s.cat, nc.RequirementID) + " — " + verdictName(nc.Severity)
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
	l = append(l, "")
	m.blockersAt = len(l)
	switch {
	case a.Status == audit.Finalized:
		// Its only "blocker" would be that it is final: say what can be
		// done with it instead.
		l = append(l, st.section.Render(txt.finalSection))
		next := txt.finalNext
		if m.c.deps.Exporter == nil {
			next = txt.finalNextNoExport
		}
		for _, line := range bullet("✓ ", sprintf(next, a.Revision), w) {
			l = append(l, st.good.Render(line))
		}
	default:
		l = append(l, st.section.Render(txt.blockers))
		if len(m.sum.Blockers) == 0 {
			l = append(l, st.good.Render("✓ "+txt.noBlockers))
		}
		for _, b := range m.sum.Blockers {
			l = append(l, bullet("• ", sanitizeLine(blockerText(b, m.s.cat)), w)...)
		}
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
	var top []string
	switch {
	case m.confirming:
		// Wrapped, not cut: its end says which key answers.
		for _, line := range wrap(txt.confirmFinal, m.c.width) {
			top = append(top, m.c.st.warn.Render(line))
		}
	case m.amending:
		top = append(top, truncate(m.reason.View(), m.c.width))
		if m.reasonErr != "" {
			top = append(top, m.c.st.errText.Render(truncate("✗ "+sanitizeLine(m.reasonErr), m.c.width)))
		}
	}
	vis, _ := window(m.lines, m.scroll, m.c.height-len(top))
	return strings.Join(append(top, vis...), "\n")
}

package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
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
	exportErr     error
	// export is the export dialog, open while it has the keys.
	export   exportDialog
	amending bool // the amendment's reason has the keys
	// discarding: esc was pressed with a reason typed; dropping it asks.
	discarding bool
	reason     textinput.Model
	reasonErr  string
	blockersAt int // line of the "Before finalizing" section
	// keyNote says the signing key was just made (by the key form that
	// finalizing or exporting opened).
	keyNote string
}

func newSummaryModel(c *common, s *session) summaryModel {
	m := summaryModel{c: c, s: s, keys: newSummaryKeys(&c.g), reason: newInput(c.w.t("amend_prompt", nil))}
	m.refresh()
	return m
}

// relang words the screen anew in the UI's language.
func (m *summaryModel) relang() {
	if m.c == nil {
		return
	}
	m.reason.Prompt = m.c.w.t("amend_prompt", nil)
	m.setSize()
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
	m.reason.Width = max(m.c.width-lipgloss.Width(m.reason.Prompt)-2, 10)
	m.render()
}

// typing reports whether shortcuts are off: a question, the reason or the
// export dialog has the keys.
func (m summaryModel) typing() bool { return m.confirming || m.amending || m.export.open }

// restoreReason puts a reason typed before assay stopped back, ahead of
// anything typed since the field opened.
func (m *summaryModel) restoreReason(reason string) {
	m.reason.SetValue(reason + m.reason.Value())
	m.reason.CursorEnd()
}

// reasonDraft is the reason as typed, for AmendDraftFile.
func (m summaryModel) reasonDraft() ([]byte, error) {
	return json.Marshal(amendDraft{Reason: m.reason.Value()})
}

func (m summaryModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	idle := !m.typing()
	setEnabled(idle, &k.Up, &k.Down, &k.Back, &k.Details, &g.Quit, &g.Help, &g.Language)
	setEnabled(m.confirming || m.discarding, &g.Yes, &g.No)
	setEnabled(idle && m.s != nil && m.s.a.Previous != nil, &k.Actions)
	setEnabled(idle && m.s != nil && m.s.a.Editable(), &k.Finalize)
	setEnabled(idle && m.s != nil && m.s.a.Status == audit.Finalized, &k.Amend)
	setEnabled(idle && m.c.deps.Exporter != nil && !m.exporting, &k.Export)
	setEnabled(m.amending && !m.discarding, &k.Accept)
	setEnabled(m.amending && !m.discarding || m.export.open, &k.Cancel)
	setEnabled(m.amending || m.export.open, &g.ForceQuit)
	setEnabled(m.export.open, &k.ExportGo)
	setEnabled(m.export.open && len(m.export.langs) > 1, &k.LangPrev, &k.LangNext)
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
		if msg.err != nil && errors.Is(msg.err, audit.ErrNoSigner) && m.c.deps.Keys != nil {
			// The key form opens; the export goes on once the key exists.
			m.render()
			id := m.s.id
			return m, func() tea.Msg { return needSigningKeyMsg{id: id, then: keyThenExport} }
		}
		if msg.err != nil {
			// Kept on the screen, not only in the status line: it often
			// says what to do, which takes longer to read and act on than
			// a status message lasts.
			m.exportPath, m.exportErr = "", msg.err
			m.scroll = 0
			m.render()
			return m, notify(m.c.exportFailedText(msg.err), true)

		}
		m.exportPath, m.exportErr = msg.path, nil
		m.scroll = 0 // the result is the summary's first line
		if !m.s.dirty() && !m.s.saving {
			// The export recorded itself in the saved audit's history;
			// keep that record in the audit the UI will save next.
			m.s.a.History = m.s.h.Audit().Clone().History
		}
		m.render()
		return m, notify(m.c.exportedText(msg.path), false)
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
		if !key.Matches(msg, m.c.g.Yes) {
			return m, m.c.answeredNo()
		}
		// Finalizing records the signing certificate: look it up first.
		return m, loadSignerCmd(m.c.deps.SigningKey, m.s.id)
	}
	if m.discarding {
		m.discarding = false
		if !key.Matches(msg, m.c.g.Yes) {
			return m, m.c.say("amend_reason_kept", nil)
		}
		m.amending, m.reasonErr = false, ""
		m.reason.Blur()
		return m, nil
	}
	if m.amending {
		return m.updateReason(msg)
	}
	if m.export.open {
		return m.updateExport(msg)
	}
	k := m.keys
	a := m.s.a
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down):
		d := 1
		if key.Matches(msg, k.Up) {
			d = -1
		}
		before := m.scroll
		if m.scrollBy(d); m.scroll == before {
			if d < 0 {
				return m, m.c.say("list_top", nil)
			}
			return m, m.c.say("list_end", nil)
		}
	case key.Matches(msg, k.Back):
		m.c.goTo(screenWalk)
		return m, nil
	case key.Matches(msg, k.Finalize) && !a.Editable():
		return m, m.c.say("summary_already_final", i18n.Args{"Revision": a.Revision})
	case key.Matches(msg, k.Amend) && a.Status != audit.Finalized:
		return m, m.c.say("summary_amend_draft", nil)
	case key.Matches(msg, k.Export) && m.c.deps.Exporter == nil:
		return m, m.c.say("summary_no_export", nil)
	case key.Matches(msg, k.Export) && m.exporting:
		return m, m.c.say("summary_exporting", nil)
	case key.Matches(msg, k.Finalize):
		// Say what blocks before asking: a question whose yes can only
		// fail wastes the inspector's time.
		if blockers := audit.FinalizeBlockers(m.s.a, m.s.cat); len(blockers) > 0 {
			m.scroll = m.blockersAt
			m.scrollBy(0)
			return m, notify(m.c.w.blockedText(m.c.w.blockerTexts(blockers, m.s.cat)), true)
		}
		m.confirming = true
	case key.Matches(msg, k.Details):
		m.c.goTo(screenDetails)
		return m, nil
	case key.Matches(msg, k.Actions) && a.Previous == nil:
		return m, m.c.say("no_previous_actions", i18n.Args{"Key": m.c.keyName(msg)})
	case key.Matches(msg, k.Actions):
		m.c.goTo(screenActions)
		return m, nil
	case key.Matches(msg, k.Amend):
		m.amending, m.reasonErr = true, ""
		m.reason.SetValue("")
		// A reason typed here before assay stopped comes back.
		return m, tea.Batch(m.reason.Focus(), loadAmendDraftCmd(m.s.id, auditFolder(m.c, m.s.id)))
	case key.Matches(msg, k.Export):
		m.export = newExportDialog(m.c)
		return m, nil
	default:
		return m, m.c.noSuchKey(msg)
	}
	return m, nil
}

// startExport exports in the language the dialog chose, once the audit
// on disk is the one on screen.
func (m summaryModel) startExport() (summaryModel, tea.Cmd) {
	m.exporting, m.exportPath, m.exportErr = true, "", nil
	m.render()
	if m.s.dirty() || m.s.saving {
		m.exportPending = true
		return m, m.s.flush(m.c.now)
	}
	return m, exportCmd(m.c.deps.Exporter, m.s.h, m.s.id, m.exportRequest())
}

// exportRequest is what is exported: a draft unless the audit is final,
// in the dialog's language.
func (m summaryModel) exportRequest() ExportRequest {
	return ExportRequest{Draft: m.s.a.Status != audit.Finalized, Lang: m.export.lang(), UILang: m.c.w.lang}
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
	return exportCmd(m.c.deps.Exporter, m.s.h, m.s.id, m.exportRequest())
}

// finalize freezes the audit for signer (pure) and saves it at once;
// without a signing key it says how to make one.
func (m summaryModel) finalize(signer *audit.Signer, keyErr error) (summaryModel, tea.Cmd) {
	w := m.c.w
	if keyErr != nil && !errors.Is(keyErr, audit.ErrNoSigner) {
		return m, notify(w.t("signing_key_failed", i18n.Args{"Error": w.errorText(keyErr)}), true)
	}
	err := audit.Finalize(m.s.a, m.s.cat, signer, m.c.now())
	if errors.Is(err, audit.ErrNoSigner) {
		// The key form opens (or, without one, the words of the
		// command that makes a key); finalizing goes on once it exists.
		id := m.s.id
		return m, func() tea.Msg { return needSigningKeyMsg{id: id, then: keyThenFinalize} }
	}
	var blocked *audit.BlockedError
	if errors.As(err, &blocked) {
		return m, notify(w.blockedText(w.blockerTexts(blocked.Blockers, m.s.cat)), true)
	}
	if err != nil {
		return m, notify(w.errorText(err), true)
	}
	m.s.touch()
	m.refresh()
	return m, tea.Batch(m.s.flush(m.c.now), notify(w.t("finalized", i18n.Args{"Revision": m.s.a.Revision}), false))
}

// exportedText names the PDF first, then its folder: a path breaks
// badly across lines, and the file's name is what the inspector looks for.
func (c *common) exportedText(path string) string {
	dir, file := filepath.Split(sanitizeLine(path))
	return c.w.t("exported", i18n.Args{"File": file, "Folder": c.tilde(filepath.Clean(dir))})
}

// tilde writes a folder inside the user's home as ~/…, as shells do: the
// folder of an export then fits its message's two lines.
func (c *common) tilde(dir string) string {
	if c.userHome == "" {
		return dir
	}
	if rel, err := filepath.Rel(c.userHome, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.Join("~", rel)
	}
	return dir
}

// exportFailedText says why an export failed; without a signing key, how
// to make one.
func (c *common) exportFailedText(err error) string {
	if errors.Is(err, audit.ErrNoSigner) && c.deps.Keys != nil {
		// The summary's export opens the key form: this is an export
		// that ended after the inspector left it.
		return c.w.t("no_signing_key_here", nil)
	}
	if errors.Is(err, audit.ErrNoSigner) {
		return c.w.t("no_signing_key_export", i18n.Args{"Command": c.keysCreateCommand()})
	}

	return c.w.t("export_failed", i18n.Args{"Error": c.w.errorText(err)})
}

// keysCreateCommand is the command that makes a signing key, as the
// inspector types it in another terminal (with this home, when it is
// not the default).
func (c *common) keysCreateCommand() string {
	name := strconv.Quote(c.w.t("keys_create_name", nil))
	if c.deps.Home == "" {
		return "assay keys create --name " + name
	}
	return "assay --home " + strconv.Quote(c.deps.Home) + " keys create --name " + name
}

// blockedText says why finalizing cannot happen yet, and where the list is.
func (w *words) blockedText(reasons []string) string {
	return w.n("finalize_blocked", len(reasons), i18n.Args{"List": strings.Join(reasons, "; ")})
}

// updateReason edits the amendment's reason; enter amends, esc gives up.
func (m summaryModel) updateReason(msg tea.KeyMsg) (summaryModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel) && strings.TrimSpace(m.reason.Value()) != "":
		// What was typed is not dropped on one key: ask.
		m.discarding = true
		return m, nil
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
		m.reasonErr = m.c.w.t("amend_required", nil)
		return m, nil
	}
	if err := audit.Amend(m.s.a, reason, m.c.now()); err != nil {
		m.reasonErr = m.c.w.errorText(err)
		return m, nil
	}
	m.amending, m.reasonErr = false, ""
	m.reason.Blur()
	m.s.touch()
	m.refresh()
	return m, tea.Batch(m.s.flush(m.c.now), notify(m.c.w.t("amended", i18n.Args{"Revision": m.s.a.Revision}), false))
}

func (m *summaryModel) scrollBy(d int) {
	m.scroll = min(max(m.scroll+d, 0), max(len(m.lines)-m.c.height+1, 0))
}

// render lays the summary out once per change, size or language, not per
// frame.
func (m *summaryModel) render() {
	if m.s == nil || m.s.cat == nil {
		return
	}
	st := m.c.st
	w := m.c.w
	width := m.c.width
	a := m.s.a
	var l []string
	head := strings.Join([]string{w.t("summary_title", nil), a.Catalog.ID + " " + a.Catalog.Version,
		w.t("revision_label", i18n.Args{"Revision": a.Revision}), wordOr(w, statusIDs, a.Status, string(a.Status))}, " · ")
	l = append(l, st.header.Render(truncate(head, width)))
	switch {
	case m.exporting:
		l = append(l, st.warn.Render(w.t("exporting", nil)))
	case m.exportErr != nil:
		for _, line := range bullet("✗ ", sanitizeLine(m.c.exportFailedText(m.exportErr)), width) {
			l = append(l, st.errText.Render(line))
		}
	case m.exportPath != "":
		// The whole path: it is where the inspector goes to find the PDF.
		for _, line := range bullet("✓ ", m.c.exportedText(m.exportPath), width) {
			l = append(l, st.good.Render(line))
		}
	case m.keyNote != "":
		l = append(l, st.good.Render(truncate("✓ "+m.keyNote, width)))
	default:

		l = append(l, "")
	}
	row := func(cells ...string) string {
		out := pad(cells[0], 15)
		for _, x := range cells[1:] {
			out += " " + strings.Repeat(" ", max(8-lipgloss.Width(x), 0)) + x
		}
		return out
	}
	cols := make([]string, len(summaryColIDs))
	for i, id := range summaryColIDs {
		cols[i] = w.word(id)
	}
	l = append(l, st.header.Render(row(cols...)))
	for _, as := range append(append([]audit.AreaSummary{}, m.sum.Areas...), m.sum.Total) {
		name := w.areaName(as.Area)
		if as.Area == "" {
			name = w.t("total", nil)
		}
		l = append(l, row(name, fmt.Sprint(as.Counts[audit.Conforms]), fmt.Sprint(as.Counts[audit.Minor]),
			fmt.Sprint(as.Counts[audit.Major]), fmt.Sprint(as.Counts[audit.NA]), fmt.Sprint(as.Counts[audit.Open]),
			fmt.Sprintf("%d/%d", as.Informative, as.Excluded), fmt.Sprintf("%d%%", as.Percent)))
	}
	l = append(l, "", st.label.Render(w.t("recommend", nil))+st.header.Render(w.outcomeText(m.sum.Recommendation.Outcome)))
	for _, r := range m.sum.Recommendation.Reasons {
		l = append(l, bullet("• ", sanitizeLine(w.reasonText(r, m.s.cat)), width)...)
	}
	l = append(l, "", st.section.Render(w.t("register", nil)))
	if len(m.sum.NonConformities) == 0 {
		l = append(l, st.muted.Render(w.t("no_nc", nil)))
	}
	for _, nc := range m.sum.NonConformities {
		l = append(l, bullet(st.verdict[string(nc.Severity)].Render(glyphs[nc.Severity])+" ", m.ncText(nc), width)...)
	}
	l = append(l, m.actionsSection()...)
	l = append(l, "")
	m.blockersAt = len(l)
	switch {
	case a.Status == audit.Finalized:
		// Its only "blocker" would be that it is final: say what can be
		// done with it instead.
		l = append(l, st.section.Render(w.t("final_section", nil)))
		next := w.t("final_next", i18n.Args{"Revision": a.Revision})
		if m.c.deps.Exporter == nil {
			next = w.t("final_next_no_export", i18n.Args{"Revision": a.Revision})
		}
		for _, line := range bullet("✓ ", next, width) {
			l = append(l, st.good.Render(line))
		}
	default:
		l = append(l, st.section.Render(w.t("blockers", nil)))
		if len(m.sum.Blockers) == 0 {
			l = append(l, st.good.Render("✓ "+w.t("no_blockers", nil)))
		}
		for _, b := range m.sum.Blockers {
			l = append(l, bullet("• ", sanitizeLine(w.blockerText(b, m.s.cat)), width)...)
		}
	}
	l = append(l, m.evidenceSection(width)...)
	if cl := m.s.cat.In(w.lang); strings.TrimSpace(cl.AreasNote) != "" {
		// What the areas above are (assay's grouping, not the Standard's
		// chapters), so the table is not read as the Standard's structure.
		note := w.t("areas_note", i18n.Args{"Note": w.marked(sanitizeLine(cl.AreasNote), cl.AreasNoteLang)})
		l = append(l, "")
		for _, line := range wrap(note, width) {
			l = append(l, st.muted.Render(line))
		}
	}
	m.lines = l
	m.scrollBy(0)
}

// ncText is one line of the non-conformity register: the requirement,
// the severity and critical flag, whose duty it is when it is the buyer's,
// the corrective action and its due date (data: ISO).
func (m *summaryModel) ncText(nc audit.NonConformity) string {
	w := m.c.w
	parts := []string{nc.RequirementID + " " + w.reqTitle(m.s.cat, nc.RequirementID), w.verdictName(nc.Severity)}
	if nc.Critical {
		parts[1] += " (" + w.t("critical_mark", nil) + ")"
	}
	if r, ok := m.s.cat.Requirement(nc.RequirementID); ok && r.BuyerDuty() {
		parts = append(parts, w.t("nc_buyer", nil))
	}
	if nc.CorrectiveAction != "" {
		parts = append(parts, sanitizeLine(nc.CorrectiveAction))
	}
	if nc.DueDate != "" {
		parts = append(parts, w.t("due_label", nil)+nc.DueDate)
	}
	return strings.Join(parts, " — ")
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
		for _, line := range wrap(m.c.w.t("confirm_final", nil), m.c.width) {
			top = append(top, m.c.st.warn.Render(line))
		}
	case m.discarding:
		for _, line := range wrap(m.c.w.t("confirm_discard_reason", nil), m.c.width) {
			top = append(top, m.c.st.warn.Render(line))
		}
		top = append(top, truncate(m.reason.View(), m.c.width))
	case m.amending:
		top = append(top, truncate(m.reason.View(), m.c.width))
		if m.reasonErr != "" {
			top = append(top, m.c.st.errText.Render(truncate("✗ "+sanitizeLine(m.reasonErr), m.c.width)))
		}
	case m.export.open:
		top = append(top, m.export.view(m.s.a.Status != audit.Finalized)...)
	}
	vis, _ := window(m.lines, m.scroll, m.c.height-len(top))
	return strings.Join(append(top, vis...), "\n")
}

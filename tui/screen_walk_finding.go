package tui

import (
	"errors"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// findingEvidence returns the evidence digests linked to a requirement,
// without creating a finding.
func findingEvidence(a *audit.Audit, reqID string) []string {
	if f, ok := a.Findings[reqID]; ok && f != nil {
		return f.Evidence
	}
	return nil
}

// fields lists the finding's text fields for the current verdict, in tab
// order.
func (m walkModel) fields() []walkFocus {
	fs := []walkFocus{focusNotes}
	r := m.current()
	if r == nil {
		return fs
	}
	switch v := m.s.a.VerdictOf(r.ID); {
	case v.IsNonConformity():
		fs = append(fs, focusAction, focusDue)
	case v == audit.NA:
		fs = append(fs, focusJust)
	}
	return fs
}

// Size rules for notes. They live here, in the finding's logic, not in the
// text field, so they hold whatever editor the field uses.

// maxNote is the largest note typed or pasted here (config.toml's
// max_note_kb): larger texts go through ctrl+e and $EDITOR.
func (m walkModel) maxNote() int { return m.c.deps.Config.MaxNoteBytes() }

// addedBytes is how much a key would add to a note: the typed or pasted
// text, or a newline.
func addedBytes(msg tea.KeyMsg) int {
	switch msg.Type {
	case tea.KeyRunes:
		return len(string(cleanKey(msg, true).Runes))
	case tea.KeySpace, tea.KeyEnter, tea.KeyTab:
		return 1
	}
	return 0
}

// noteRefusal is the message for a key that would take the note past its
// size limit, or "" when the key may go to the field.
func (m walkModel) noteRefusal(notes string, msg tea.KeyMsg) string {
	add := addedBytes(msg)
	if add > 0 && len(notes)+add > m.maxNote() {
		w := m.c.w
		return w.t("note_too_long", i18n.Args{"Size": w.size(int64(len(notes) + add)), "Limit": w.size(int64(m.maxNote()))})
	}
	return ""
}

// noteReadOnly is why a note cannot be typed in here (too big), or "".
func (m walkModel) noteReadOnly(notes string) string {
	if n := len(notes); n > m.maxNote() {
		w := m.c.w
		return w.t("note_read_only", i18n.Args{"Size": w.size(int64(n)), "Limit": w.size(int64(m.maxNote()))})
	}
	return ""
}

// focusField gives a text field the keys, loaded from the finding. A note
// over the size limit (edited outside assay) is not loaded: it stays
// read-only here and ctrl+e edits it.
func (m walkModel) focusField(f walkFocus) (walkModel, tea.Cmd) {
	r := m.current()
	if r == nil || !m.editable() {
		return m, nil
	}
	if why := m.noteReadOnly(m.s.a.Finding(r.ID).Notes); f == focusNotes && why != "" {
		return m, notify(why, true)
	}
	m.blurFields()
	m.focus, m.dueErr = f, nil
	fd := m.s.a.Finding(r.ID)
	defer m.sizeFields()
	switch f {
	case focusNotes:
		m.notes.SetValue(audit.Sanitize(fd.Notes))
		return m, m.notes.Focus()
	case focusAction:
		m.action.SetValue(audit.Sanitize(fd.CorrectiveAction))
		return m, m.action.Focus()
	case focusDue:
		// Selected: a date typed replaces the one shown.
		m.due.SetValue(m.s.a.DueDate(r.ID))
		return m, m.due.focusSelect()
	case focusJust:
		m.just.SetValue(audit.Sanitize(fd.Justification))
		return m, m.just.Focus()
	}
	return m, nil
}

func (m *walkModel) blurFields() {
	m.notes.Blur()
	m.action.Blur()
	m.due.Blur()
	m.just.Blur()
	m.attach.Blur()
	m.search.Blur()
	m.caption.Blur()
	m.justify.Blur()
}

// updateField passes keys to the focused text field and copies its value
// into the finding as it changes.
func (m walkModel) updateField(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Leave):
		m.blurFields()
		m.focus = focusList
		return m, m.s.flush(m.c.now)
	case key.Matches(msg, k.FieldNext), key.Matches(msg, k.FieldPrev):
		fs := m.fields()
		i := slices.Index(fs, m.focus)
		if key.Matches(msg, k.FieldNext) {
			i = (i + 1) % len(fs)
		} else {
			i = (i + len(fs) - 1) % len(fs)
		}
		return m.focusField(fs[i])
	case key.Matches(msg, k.Editor) && m.focus == focusNotes:
		return m.openEditor()
	}
	r := m.current()
	if r == nil {
		return m, nil
	}
	f := m.s.a.Finding(r.ID)
	var cmd tea.Cmd
	changed := false
	switch m.focus {
	case focusNotes, focusAction, focusJust:
		// The three texts are edited alike: multi-line, within the size
		// limit of a note typed here.
		e, text := m.textOf(f)
		if why := m.noteRefusal(*text, msg); why != "" {
			return m, notify(why, true)
		}
		// Value() is copied only when the text changed: a key that moves
		// the cursor costs nothing, whatever the note's length.
		rev := e.Rev()
		cmd = e.Update(cleanKey(msg, true))
		if e.Rev() != rev {
			*text, changed = e.Value(), true
		}
		m.sizeFields()
	case focusDue:
		cmd = m.due.update(cleanKey(msg, false))
		changed = m.applyDue(r.ID, f)
	}
	if changed {
		f.Updated = m.c.now().UTC()
		return m, tea.Batch(cmd, m.s.touch())
	}
	return m, cmd
}

// textOf is the editor of the focused text field and the finding's text
// it edits.
func (m *walkModel) textOf(f *audit.Finding) (*noteEditor, *string) {
	switch m.focus {
	case focusAction:
		return &m.action, &f.CorrectiveAction
	case focusJust:
		return &m.just, &f.Justification
	}
	return &m.notes, &f.Notes
}

// applyDue stores a valid due date (empty means the policy's default) and
// keeps an invalid one in the field with its error under it. "today" and
// "+30" (days after the audit's end) are dates too.
func (m *walkModel) applyDue(reqID string, f *audit.Finding) bool {
	v := strings.TrimSpace(m.due.Value())
	m.dueErr = nil
	if v == "" || v == m.s.a.DueDate(reqID) && f.DueDate == "" {
		return false
	}
	d, ok := m.c.typedDate(v, m.s.a.Header.EndDate)
	if !ok {
		_, m.dueErr = audit.ParseDate(v)
		if m.dueErr == nil {
			m.dueErr = audit.FieldError{Kind: audit.ProblemDateFormat, Value: v}
		}
		return false
	}
	v = d
	if v == f.DueDate {
		return false
	}
	f.DueDate = v
	return true
}

// commitField copies the focused field's text into the finding when the
// two differ. Keys do this as they come; a quit or a signal must not
// depend on it. It reports whether the finding changed.
func (m walkModel) commitField() bool {
	if m.s == nil || m.focus == focusList || !m.editable() {
		return false
	}
	r := m.current()
	if r == nil {
		return false
	}
	f := m.s.a.Finding(r.ID)
	changed := false
	switch m.focus {
	case focusNotes:
		if v := m.notes.Value(); v != f.Notes && len(v) <= m.maxNote() {
			f.Notes, changed = v, true
		}
	case focusAction:
		if v := m.action.Value(); v != f.CorrectiveAction && len(v) <= m.maxNote() {
			f.CorrectiveAction, changed = v, true
		}
	case focusJust:
		if v := m.just.Value(); v != f.Justification && len(v) <= m.maxNote() {
			f.Justification, changed = v, true
		}
	}

	if changed {
		f.Updated = m.c.now().UTC()
		m.s.rev++
	}
	return changed
}

// verdictChange is a verdict waiting for the inspector's yes, because it
// deletes the corrective action they wrote.
type verdictChange struct {
	reqID string
	to    audit.Verdict
}

// setVerdict records a verdict for the requirement in focus. Going from a
// non-conformity to conforms or n/a deletes the corrective action and due
// date from the record (they would stay in audit.json and in the signed
// attachment otherwise), after asking when the action has text.
func (m walkModel) setVerdict(v audit.Verdict) (walkModel, tea.Cmd) {
	r := m.current()
	if r == nil || !m.editable() {
		return m, nil
	}
	if m.s.a.VerdictOf(r.ID) == v {
		return m, m.c.say("verdict_same", i18n.Args{"ID": r.ID, "Verdict": m.c.w.verdictName(v)})
	}
	f := m.s.a.Finding(r.ID)
	if clearsAction(f.Verdict, v) && strings.TrimSpace(f.CorrectiveAction) != "" {
		m.clearing = &verdictChange{reqID: r.ID, to: v}
		return m, nil
	}
	return m, m.applyVerdict(f, v)
}

// clearsAction reports whether changing from one verdict to another drops
// the corrective action.
func clearsAction(from, to audit.Verdict) bool {
	return from.IsNonConformity() && (to == audit.Conforms || to == audit.NA)
}

// applyVerdict sets the verdict, dropping what it no longer has.
func (m walkModel) applyVerdict(f *audit.Finding, v audit.Verdict) tea.Cmd {
	if clearsAction(f.Verdict, v) {
		f.CorrectiveAction, f.DueDate = "", ""
	}
	f.Verdict = v
	f.Updated = m.c.now().UTC()
	return m.s.touch()
}

// answerClear takes the answer to "delete the corrective action?": y
// changes the verdict, any other key keeps everything as it was.
func (m walkModel) answerClear(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	ch := m.clearing
	m.clearing = nil
	if !key.Matches(msg, m.c.g.Yes) || !m.editable() {
		return m, m.c.answeredNo()
	}
	return m, m.applyVerdict(m.s.a.Finding(ch.reqID), ch.to)
}

// prompt is the walk's pending question, for the status line.
func (m walkModel) prompt() string {
	if m.clearing == nil {
		return ""
	}
	return m.c.w.t("confirm_clear", i18n.Args{"Verdict": m.c.w.verdictName(m.clearing.to)})
}

// updateEvidence moves through the finding's evidence and detaches.
func (m walkModel) updateEvidence(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	r := m.current()
	k := m.keys
	evs := findingEvidence(m.s.a, r.ID)
	switch {
	case key.Matches(msg, k.Leave):
		m.focus = focusList
	case (key.Matches(msg, k.Attach) || key.Matches(msg, k.Detach)) && !m.editable():
		return m, m.c.readOnlyKey(msg)
	case key.Matches(msg, k.Up):
		if m.evSel == 0 {
			return m, m.c.say("list_top", nil)
		}
		m.evSel--
	case key.Matches(msg, k.Down):
		if m.evSel >= len(evs)-1 {
			return m, m.c.say("list_end", nil)
		}
		m.evSel++
	case key.Matches(msg, k.Attach):
		m.focus = focusAttach
		m.attach.SetValue("")
		return m, m.attach.Focus()
	case key.Matches(msg, k.Caption):
		return m.startCaption()
	case key.Matches(msg, k.Justify):
		return m.startJustify()
	case key.Matches(msg, k.Detach) && m.evSel < len(evs):
		sha := evs[m.evSel]
		if err := m.s.h.DetachEvidence(m.s.a, sha, r.ID); err != nil {
			return m, notify(m.c.w.errorText(err), true)
		}
		name := sha[:min(12, len(sha))]
		if ev, ok := m.s.a.EvidenceBySHA(sha); ok {
			name = ev.Name
		}
		if len(findingEvidence(m.s.a, r.ID)) == 0 {
			m.focus = focusList
		}
		m.evSel = max(min(m.evSel, len(findingEvidence(m.s.a, r.ID))-1), 0)
		return m, tea.Batch(m.s.touch(), notify(m.c.w.t("detached", i18n.Args{"Name": escapeControls(name)}), false))
	default:
		return m, m.c.noSuchKey(msg)
	}
	return m, nil
}

// updateAttach edits the path of a file to attach, with tab completion.
func (m walkModel) updateAttach(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.attach.Blur()
		m.focus = focusList
		return m, nil
	case key.Matches(msg, k.Complete):
		return m, completeCmd(m.attach.Value())
	case key.Matches(msg, k.Accept):
		path := strings.TrimSpace(m.attach.Value())
		m.attach.Blur()
		m.focus = focusList
		r := m.current()
		if path == "" || r == nil {
			return m, nil
		}
		// In sequence, not a batch: a file that fails at once (missing, a
		// folder) must not have its reason overwritten by "importing…".
		return m, tea.Sequence(notify(m.c.w.t("attaching", i18n.Args{"Path": path}), false), storeEvidenceCmd(m.s.h, m.s.id, path, r.ID))

	}
	var cmd tea.Cmd
	m.attach, cmd = m.attach.Update(cleanKey(msg, false))
	return m, cmd
}

// evidenceStored links a file copied in by a command to its requirement.
func (m walkModel) evidenceStored(msg evidenceStoredMsg) (walkModel, tea.Cmd) {
	if msg.id != m.s.id {
		return m, nil
	}
	if msg.err != nil {
		return m, notify(m.c.w.errorText(msg.err), true)
	}
	ev, err := m.s.h.AttachEvidence(m.s.a, msg.ev.Clone(), msg.reqID)
	if err != nil {
		return m, notify(m.c.w.errorText(err), true)
	}
	said := m.c.w.t("attached", i18n.Args{"Name": escapeControls(ev.Name)})
	var marks []audit.EvidenceFlag
	for _, fl := range audit.CheckEvidence(m.s.a, ev, m.rules()) {
		// Two names is the point of the alias message below; the other
		// marks are news.
		if msg.ev.Name == ev.Name || fl.Kind != audit.FlagSeveralNames {
			marks = append(marks, fl)
		}
	}
	switch {
	case len(marks) > 0:
		// Said at import, not found later in the report: the inspector is
		// still on site and can take the photo again, or justify it.
		said = m.c.w.n("attached_marked", len(marks), i18n.Args{"Name": escapeControls(msg.ev.Name),
			"Mark": m.c.w.flagText(marks[0], m.rules())})
	case msg.ev.Name != ev.Name:
		// The same content was attached before under another name: one
		// file, known by both.
		said = m.c.w.t("attached_alias", i18n.Args{"Name": escapeControls(msg.ev.Name), "Other": escapeControls(ev.Name)})
	}
	cmds := []tea.Cmd{m.s.touch(), notify(said, false)}
	if audit.NeedsDerived(ev) && !m.preparing[ev.SHA256] {
		m.preparing[ev.SHA256] = true
		cmds = append(cmds, deriveEvidenceCmd(m.s.h, m.s.id, ev.Clone()))
	}
	return m, tea.Batch(cmds...)
}

// evidenceDerived records a photo's report-ready image. A photo too large
// to prepare, or one that cannot be decoded, stays attached: the report
// shows it as not available, and the inspector is told why now.
func (m walkModel) evidenceDerived(msg evidenceDerivedMsg) (walkModel, tea.Cmd) {
	if msg.id != m.s.id {
		return m, nil
	}
	delete(m.preparing, msg.sha)
	ev, ok := m.s.a.EvidenceBySHA(msg.sha)
	if !ok {
		return m, nil
	}
	var tooLarge *audit.ImageTooLargeError
	switch {
	case errors.As(msg.err, &tooLarge):
		return m, notify(m.c.w.t("photo_too_large", i18n.Args{"Name": sanitizeLine(ev.Name), "Width": tooLarge.Width,
			"Height": tooLarge.Height}), true)
	case msg.err != nil:
		return m, notify(m.c.w.t("photo_not_prepared", i18n.Args{"Name": sanitizeLine(ev.Name), "Error": m.c.w.errorText(msg.err)}), true)
	case msg.name == "" || ev.Derived == msg.name || !m.editable():
		// Finalized meanwhile: the export makes the image itself.
		return m, nil
	}
	ev.Derived = msg.name
	return m, m.s.touch()
}

// openEditor hands the notes to $EDITOR through a temp file.
func (m walkModel) openEditor() (walkModel, tea.Cmd) {
	r := m.current()
	if r == nil || !m.editable() {
		return m, nil
	}
	return m, editorFileCmd(r.ID, m.s.a.Finding(r.ID).Notes)
}

// editorClosed takes the edited notes back.
func (m walkModel) editorClosed(msg editorClosedMsg) (walkModel, tea.Cmd) {
	if msg.err != nil {
		return m, notify(m.c.w.t("editor_failed", i18n.Args{"Error": m.c.w.errorText(msg.err)}), true)
	}
	f := m.s.a.Finding(msg.reqID)
	text := audit.Sanitize(strings.TrimSuffix(msg.text, "\n"))
	if text == f.Notes {
		return m, nil
	}
	// Whatever the editor gave back is the inspector's text: kept, even
	// over the limit, which only makes it read-only here.
	f.Notes = text
	f.Updated = m.c.now().UTC()
	cmd := m.s.touch()
	if why := m.noteReadOnly(text); why != "" {
		if m.focus == focusNotes {
			m.blurFields()
			m.focus = focusList
		}
		return m, tea.Batch(cmd, notify(why, false))
	}
	if m.focus == focusNotes {
		m.notes.SetValue(text)
	}
	return m, cmd
}

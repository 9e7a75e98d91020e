package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// positionDebounce is how long after the last move the position is saved.
const positionDebounce = saveDebounce

// updateSession handles the open audit's saves, position and closing.
func (m Model) updateSession(msg tea.Msg) (tea.Model, tea.Cmd) {
	if c, ok := msg.(handleClosedMsg); ok {
		return m.closed(c)
	}
	s := m.s
	if s == nil {
		return m, nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case saveDueMsg:
		if msg.id == s.id {
			cmd = s.due(msg, m.c.now)
		}
	case auditSavedMsg:
		if msg.id != s.id {
			return m, nil
		}
		cmd = s.saved(msg, m.c.now)
		switch {
		case msg.err != nil && m.leaving:
			// Nothing is lost: the leaving stops, the save keeps being
			// retried, and only a second quit gives up on it (the status
			// line says so).
			m.leaving = false
			m.forceArmed = m.leaveTo == closeToQuit
		case msg.err == nil && s.saveFailure() == nil:
			m.forceArmed = false // saved after all: nothing to confirm
		}
		if m.screen == screenSummary {
			cmd = tea.Batch(cmd, m.summary.afterSave())
		}
	case positionDueMsg:
		if msg.moves == s.moves && !s.posBusy && m.screen == screenWalk {
			s.posBusy = true
			cmd = savePositionCmd(m.c.deps.Store, s.id, m.walk.position())
		}
	case positionSavedMsg:
		s.posBusy = false
	case privateLoadedMsg:
		s.privateLoaded(msg)
	case privateSaveDueMsg:
		cmd = s.privateDue(msg)
	case privateSavedMsg:
		cmd = s.privateSaved(msg)
		switch {
		case msg.id != s.id:
		case msg.err != nil && m.leaving:
			// As for the audit: the leaving stops, the write is retried,
			// and only a second quit gives the names up (without this,
			// quitting on a full disk waited for space for ever).
			m.leaving = false
			m.forceArmed = m.leaveTo == closeToQuit
		case msg.err == nil && s.saveFailure() == nil:
			m.forceArmed = false
		}
	}
	m.layout() // a save error takes status lines, or gives them back
	return m, tea.Batch(cmd, m.closeIfDone())
}

// leave saves the open audit and its position, then closes it (releasing
// the lock) and goes home or quits. Nothing is lost: a failed save stops
// the leaving, and only a second quit gives up on it.
func (m Model) leave(to afterClose) (tea.Model, tea.Cmd) {
	s := m.s
	if s == nil {
		if to == closeToQuit {
			return m, tea.Quit
		}
		m.screen = screenHome
		return m, m.home.init()
	}
	if m.forceArmed && to == closeToQuit {
		s.closing = true
		return m, closeCmd(s.h, to)
	}
	if m.leaving {
		m.leaveTo = max(m.leaveTo, to)
		return m, nil
	}
	m.leaving, m.leaveTo = true, to
	m.walk.commitField()
	cmds := []tea.Cmd{s.flush(m.c.now), s.flushPrivate()}
	if m.fatal == nil && !s.posBusy {
		s.posBusy = true
		cmds = append(cmds, savePositionCmd(m.c.deps.Store, s.id, m.walk.position()))
	}
	cmds = append(cmds, m.closeIfDone())
	return m, tea.Batch(cmds...)
}

// closeIfDone closes the audit once everything reached disk.
func (m Model) closeIfDone() tea.Cmd {
	s := m.s
	if !m.leaving || s == nil || s.closing || s.saving || s.dirty() || s.posBusy || s.pv.saving || s.privDirty() {
		return nil
	}
	s.closing = true
	return closeCmd(s.h, m.leaveTo)
}

// closed ends the session.
func (m Model) closed(msg handleClosedMsg) (tea.Model, tea.Cmd) {
	m.s = nil
	m.leaving, m.forceArmed, m.fatal = false, false, nil
	if msg.then == closeToQuit {
		return m, tea.Quit
	}
	m.screen = screenHome
	m.layout()
	cmd := m.home.init()
	if msg.err != nil {
		_, n := m.notify(m.c.w.errorText(msg.err), true)
		cmd = tea.Batch(cmd, n)
	}
	return m, cmd
}

// saveErrorLine is the status line while the open audit is not saved: the
// reason in a few words, that it is being retried, and the way out, in
// one line that fits 80 columns (the error itself follows on the next).
func (m Model) saveErrorLine() string {
	quit := m.c.g.Quit.Help().Key
	if m.typing() {
		quit = m.c.g.ForceQuit.Help().Key // q types a q in a field
	}
	w := m.c.w
	line := w.t("save_retrying", i18n.Args{"Problem": m.s.saveProblem(), "Key": quit})
	if m.forceArmed {
		line = w.t("quit_armed", i18n.Args{"Problem": m.s.saveProblem(), "Key": quit})
	}
	// The error itself, for whoever helps: one line, cut to the width.
	return line + "\n" + truncate(sanitizeLine(w.saveErrorDetail(m.s.saveFailure())), max(m.width, minWidth))
}

// createDraftAndQuit keeps what was typed in the new-audit form as a draft
// audit, then quits: ctrl+c saves everywhere. Should creating it fail,
// the form stays with the error, so nothing typed is lost.
func (m Model) createDraftAndQuit() (tea.Model, tea.Cmd) {
	m.quitAfterCreate = true
	if m.form.creating {
		return m, nil // being created already (ctrl+s): quit once it is
	}
	m.form.creating = true
	return m, createAuditCmd(m.c.deps.Store, m.form.draft())
}

// Flush saves, synchronously, what the UI holds and has not saved: the open
// audit's unsaved edits (the field being typed in included) and its
// position, or a new audit typed in the form (as a draft); then it releases
// the audit's lock. cmd calls it once the program has stopped, for a signal
// or a lost terminal, when no Update runs any more: it is the one place the
// UI does I/O outside a command. A save command still running is no
// danger: both go through the session's saver, which never writes an older
// revision over a newer one.
func (m Model) Flush() error {
	if m.c == nil {
		return nil
	}
	if m.screen == screenKey && m.kd.onDisk && m.key.form() && !m.key.creating {
		// The key form's fields come back when it next opens.
		if b, err := m.key.draft(); err == nil {
			m.kd.w.write(m.c.deps.Home, m.kd.file, b, m.kd.rev+1)
		}
	}
	if m.screen == screenSummary && m.summary.amending && m.ad.dir != "" && strings.TrimSpace(m.summary.reason.Value()) != "" {
		// The reason being typed comes back at the next A on this audit.
		if b, err := m.summary.reasonDraft(); err == nil {
			m.ad.w.write(m.ad.dir, m.ad.file, b, m.ad.rev+1)
		}
	}
	if m.s == nil {
		if m.screen == screenNew && m.form.typed() && !m.form.creating {
			h, err := m.c.deps.Store.Create(m.form.draft())
			if err != nil {
				return err // the draft file, if any, makes it at the next start
			}
			if m.c.deps.Home != "" {
				m.nd.w.remove(m.c.deps.Home, m.nd.file, m.nd.rev)
			}
			return h.Close()
		}
		return nil
	}
	s := m.s
	if m.walk.s == s {
		m.walk.commitField()
	}
	var err error
	if s.dirty() {
		err = s.sv.save(s.a.Clone(), s.rev)
	}
	if s.privDirty() {
		// A name typed in the register's form just before the signal.
		if perr := s.h.SavePrivate(s.pv.p.Clone()); err == nil {
			err = perr
		}
	}
	if m.fatal == nil && m.walk.s == s {
		if perr := m.c.deps.Store.SavePosition(s.id, m.walk.position()); err == nil {
			err = perr
		}
	}
	if cerr := s.h.Close(); err == nil {
		err = cerr
	}
	return err
}

// Unsaved is what a failed Flush could not write of the open audit: the
// audit as the UI holds it, in audit.json's form, and the text of the
// walk's field being typed. The interview register's real names are not
// in it: they are never written anywhere but the audit's private folder.
type Unsaved struct {
	ID    string
	Audit []byte
	// Requirement is the requirement whose field was being typed, Text
	// its text ("" when no field was).
	Requirement, Text string
}

// Unsaved is the open audit, when its last edits are not on disk (Flush
// failed on a full disk, say), for cmd to keep elsewhere.
func (m Model) Unsaved() (Unsaved, bool) {
	if m.c == nil || m.s == nil {
		return Unsaved{}, false
	}
	s := m.s
	s.sv.mu.Lock()
	onDisk := s.sv.rev
	s.sv.mu.Unlock()
	if s.rev <= onDisk {
		return Unsaved{}, false
	}
	data, err := audit.EncodeAudit(s.a.Clone())
	if err != nil {
		return Unsaved{}, false
	}
	u := Unsaved{ID: s.id, Audit: data}
	if m.walk.s == s {
		var text string
		switch m.walk.focus {
		case focusNotes:
			text = m.walk.notes.Value()
		case focusAction:
			text = m.walk.action.Value()
		case focusJust:
			text = m.walk.just.Value()
		}
		if r := m.walk.current(); r != nil && strings.TrimSpace(text) != "" {
			u.Requirement, u.Text = r.ID, text
		}
	}
	return u, true
}

package tui

import (
	tea "github.com/charmbracelet/bubbletea"
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
		if msg.id == s.id && msg.rev == s.rev {
			cmd = s.flush(m.c.now)
		}
	case auditSavedMsg:
		if msg.id != s.id {
			return m, nil
		}
		cmd = s.saved(msg, m.c.now)
		if msg.err != nil && m.leaving {
			m.leaving = false
			m.forceArmed = m.leaveTo == closeToQuit
			return m.notify(sprintf(txt.quitFailed, msg.err), true)
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
	cmds := []tea.Cmd{s.flush(m.c.now)}
	if m.fatal == "" && !s.posBusy {
		s.posBusy = true
		cmds = append(cmds, savePositionCmd(m.c.deps.Store, s.id, m.walk.position()))
	}
	cmds = append(cmds, m.closeIfDone())
	return m, tea.Batch(cmds...)
}

// closeIfDone closes the audit once everything reached disk.
func (m Model) closeIfDone() tea.Cmd {
	s := m.s
	if !m.leaving || s == nil || s.closing || s.saving || s.dirty() || s.posBusy {
		return nil
	}
	s.closing = true
	return closeCmd(s.h, m.leaveTo)
}

// closed ends the session.
func (m Model) closed(msg handleClosedMsg) (tea.Model, tea.Cmd) {
	m.s = nil
	m.leaving, m.forceArmed, m.fatal = false, false, ""
	if msg.then == closeToQuit {
		return m, tea.Quit
	}
	m.screen = screenHome
	m.layout()
	cmd := m.home.init()
	if msg.err != nil {
		_, n := m.notify(msg.err.Error(), true)
		cmd = tea.Batch(cmd, n)
	}
	return m, cmd
}

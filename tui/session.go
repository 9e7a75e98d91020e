package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// session is the audit open for editing, shared by the walk and the
// summary. Every edit bumps rev; a save carries the rev of the copy it
// wrote, so the model knows what reached disk. One save runs at a time.
type session struct {
	c        *common
	id       string
	h        Handle
	a        *audit.Audit
	cat      *standards.Catalog
	rev      int
	savedRev int
	saving   bool
	again    bool // a save was asked for while one was running
	savedAt  time.Time
	err      error
	moves    int  // navigation counter, for the debounced position save
	posBusy  bool // a position save is running
	closing  bool
}

func newSession(c *common, h Handle, cat *standards.Catalog) *session {
	// The UI edits its own copy: the handle's audit may be read by an
	// export running in a command.
	a := h.Audit().Clone()
	return &session{c: c, id: a.ID, h: h, a: a, cat: cat}
}

func (s *session) dirty() bool { return s.rev != s.savedRev }

// touch records an edit and schedules the debounced save.
func (s *session) touch() tea.Cmd {
	s.rev++
	return s.c.after(saveDebounce, saveDueMsg{id: s.id, rev: s.rev})
}

// flush starts a save now if anything is unsaved.
func (s *session) flush(now func() time.Time) tea.Cmd {
	if !s.dirty() {
		return nil
	}
	if s.saving {
		s.again = true
		return nil
	}
	s.saving = true
	return saveCmd(s.h, s.a.Clone(), s.rev, now)
}

// saved takes a save's result and starts the next save if more edits came
// in while it ran and a flush was asked for.
func (s *session) saved(msg auditSavedMsg, now func() time.Time) tea.Cmd {
	s.saving = false
	if msg.err != nil {
		s.err = msg.err
		s.again = false
		return nil
	}
	s.err = nil
	if msg.rev > s.savedRev {
		s.savedRev = msg.rev
	}
	s.savedAt = msg.at
	if s.again {
		s.again = false
		return s.flush(now)
	}
	return nil
}

// saveState is the status line's account of the audit on disk.
func (s *session) saveState() (string, bool) {
	switch {
	case s.err != nil:
		return sprintf(txt.saveFailed, s.err), true
	case s.saving:
		return txt.saving, false
	case s.dirty():
		return txt.unsaved, false
	case !s.savedAt.IsZero():
		return sprintf(txt.saved, s.savedAt.Format("15:04:05")), false
	}
	return "", false
}

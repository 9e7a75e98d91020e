package tui

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// Autosave timing. A pause saves saveDebounce after the last key; while
// keys keep coming, a save starts at the latest saveMaxWait after the
// first edit not yet on disk, so a crash loses at most about a second of
// typing even when the save itself and a loaded machine add their delay.
// A failed save is tried again every saveRetry.
const (
	saveDebounce = 500 * time.Millisecond
	saveMaxWait  = 750 * time.Millisecond
	saveRetry    = time.Second
)

// session is the audit open for editing, shared by the walk and the
// summary. Every edit bumps rev; a save carries the rev of the copy it
// wrote, so the model knows what reached disk. One save runs at a time;
// edits made meanwhile are saved right after it (coalesced, not queued).
type session struct {
	c        *common
	id       string
	h        Handle
	sv       *saver
	a        *audit.Audit
	cat      *standards.Catalog
	rev      int
	savedRev int
	saving   bool
	again    bool // a save was asked for while one was running
	savedAt  time.Time
	err      error
	// waiting is set from the first edit not yet on disk until a save of
	// it starts: that edit started the max-wait clock, numbered gen.
	waiting bool
	gen     int
	retries int  // numbers the retry timer, so only the latest one acts
	moves   int  // navigation counter, for the debounced position save
	posBusy bool // a position save is running
	closing bool
	// pv are the audit's private names (the interview register's real
	// names), saved apart from the audit (private.go).
	pv privateState
}

func newSession(c *common, h Handle, cat *standards.Catalog) *session {
	// The UI edits its own copy: the handle's audit may be read by an
	// export running in a command.
	a := h.Audit().Clone()
	return &session{c: c, id: a.ID, h: h, sv: &saver{h: h}, a: a, cat: cat}
}

func (s *session) dirty() bool { return s.rev != s.savedRev }

// touch records an edit and schedules its save: after the debounce, and no
// later than saveMaxWait after the first edit still unsaved.
func (s *session) touch() tea.Cmd {
	s.rev++
	debounce := s.c.after(saveDebounce, saveDueMsg{id: s.id, rev: s.rev})
	if s.waiting {
		return debounce
	}
	s.waiting = true
	s.gen++
	return tea.Batch(debounce, s.c.after(saveMaxWait, saveDueMsg{id: s.id, gen: s.gen, deadline: true}))
}

// due handles a save timer: the debounce of the latest edit, the max wait
// of the current unsaved edits, or a retry after a failure.
func (s *session) due(msg saveDueMsg, now func() time.Time) tea.Cmd {
	switch {
	case msg.retry:
		if msg.gen != s.retries || s.err == nil {
			return nil
		}
	case msg.deadline:
		if msg.gen != s.gen {
			return nil
		}
	case msg.rev != s.rev:
		return nil
	}
	return s.flush(now)
}

// flush starts a save now if anything is unsaved; if a save is running,
// another follows it as soon as it ends.
func (s *session) flush(now func() time.Time) tea.Cmd {
	if !s.dirty() {
		return nil
	}
	if s.saving {
		s.again = true
		return nil
	}
	s.saving = true
	s.waiting = false // edits from now on start a new max-wait clock
	return saveCmd(s.sv, s.a.Clone(), s.rev, now)
}

// saved takes a save's result. More edits made while it ran are saved at
// once when a flush was asked for; a failure is retried on the autosave
// schedule, and the first success after failures says so.
func (s *session) saved(msg auditSavedMsg, now func() time.Time) tea.Cmd {
	s.saving = false
	if msg.err != nil {
		s.err = msg.err
		s.again = false
		s.retries++
		return s.c.after(saveRetry, saveDueMsg{id: s.id, gen: s.retries, retry: true})
	}
	var cmds []tea.Cmd
	if s.err != nil {
		cmds = append(cmds, notify(s.c.w.t("saved_again", i18n.Args{"Time": msg.at.Format("15:04:05")}), false))
	}
	s.err = nil
	if msg.rev > s.savedRev {
		s.savedRev = msg.rev
	}
	s.savedAt = msg.at
	if s.again {
		// A timer fired while this save ran: the edits it was for are
		// saved now, not when the next timer comes.
		s.again = false
		cmds = append(cmds, s.flush(now))
	}
	return tea.Batch(cmds...)
}

// saveState is the title's account of the audit on disk; a failed save is
// the status line's (see saveProblem).
func (s *session) saveState() string {
	w := s.c.w
	switch {
	case s.err != nil:
		return ""
	case s.saving:
		return w.t("saving", nil)
	case s.dirty():
		return w.t("unsaved", nil)
	case !s.savedAt.IsZero():
		return w.t("saved_at", i18n.Args{"Time": s.savedAt.Format("15:04:05")})
	}
	return ""
}

// saveProblem words why the last save failed, in a few words that fit a
// status line with what to do next.
func (s *session) saveProblem() string {
	return wordOr(s.c.w, writeProblemIDs, audit.WriteProblemOf(s.saveFailure()), s.c.w.word(writeProblemIDs[audit.WriteFailed]))
}

// saver writes one audit's saves one at a time and never lets an older
// copy overwrite a newer one. Commands save through it, and so does Flush
// after the program has stopped, while a command may still be running: it
// is safe for concurrent use, unlike the model.
type saver struct {
	h   Handle
	mu  sync.Mutex
	rev int // the newest revision on disk
}

// save writes a (a private copy of edit revision rev) unless a newer
// revision is already on disk.
func (sv *saver) save(a *audit.Audit, rev int) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if rev <= sv.rev {
		return nil
	}
	if err := sv.h.Save(a); err != nil {
		return err
	}
	sv.rev = rev
	return nil
}

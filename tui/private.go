package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The interview register's private names: read when the register page
// opens, written (atomically, by the store) a moment after the last change,
// like the audit, but to the audit's private folder only.

// privateLoadedMsg carries the private names of audit id.
type privateLoadedMsg struct {
	id  string
	p   audit.Private
	err error
}

// privateSaveDueMsg fires a debounce after a change to the private names
// (only the latest revision's timer saves), the max wait of the changes
// not yet on disk (deadline, numbered gen), or a retry after a failed
// write (retry, numbered gen): the same schedule as the audit's.
type privateSaveDueMsg struct {
	id       string
	rev      int
	gen      int
	deadline bool
	retry    bool
}

// privateSavedMsg says revision rev of the private names is on disk, or why
// not.
type privateSavedMsg struct {
	id  string
	rev int
	err error
}

func loadPrivateCmd(h Handle, id string) tea.Cmd {
	return func() tea.Msg {
		p, err := h.LoadPrivate()
		return privateLoadedMsg{id: id, p: p, err: err}
	}
}

// savePrivateCmd writes p, a copy nobody else holds.
func savePrivateCmd(h Handle, id string, p audit.Private, rev int) tea.Cmd {
	return func() tea.Msg {
		return privateSavedMsg{id: id, rev: rev, err: h.SavePrivate(p)}
	}
}

// privateState is the open audit's private names, kept by the session so
// that they are saved before the audit is closed, whatever screen is in
// front: loaded when the register page first opens, saved a debounce after
// each change.
type privateState struct {
	p      audit.Private
	loaded bool
	err    error // why they could not be read: the fields stay locked
	rev    int   // bumped by each change
	saved  int   // the revision on disk
	saving bool
	// waiting is set from the first change not yet on disk until a write
	// of it starts: that change started the max-wait clock, numbered gen.
	// Without it a name typed without a pause is never written before a
	// crash: the debounce restarts on every key.
	waiting bool
	gen     int
	failed  error // why the last write failed: it is retried every saveRetry
	retries int   // numbers the retry timer, so only the latest one acts
}

// privDirty reports whether private names are not yet on disk.
func (s *session) privDirty() bool { return s.pv.loaded && s.pv.rev != s.pv.saved }

// loadPrivate reads the private names once per session.
func (s *session) loadPrivate() tea.Cmd {
	if s.pv.loaded || s.pv.err != nil {
		return nil
	}
	return loadPrivateCmd(s.h, s.id)
}

// privateLoaded takes the private names read.
func (s *session) privateLoaded(msg privateLoadedMsg) {
	if msg.id != s.id || s.pv.loaded {
		return
	}
	s.pv.p, s.pv.err, s.pv.loaded = msg.p, msg.err, msg.err == nil
	if s.pv.p.Interviewees == nil {
		s.pv.p.Interviewees = map[string]audit.Contact{}
	}
}

// setContact records (or forgets) the contact of a pseudonym and schedules
// the save.
func (s *session) setContact(pseudonym string, c audit.Contact) tea.Cmd {
	if !s.pv.loaded || c == s.pv.p.Of(pseudonym) {
		return nil
	}
	s.pv.p.Set(pseudonym, c)
	s.pv.rev++
	debounce := s.c.after(saveDebounce, privateSaveDueMsg{id: s.id, rev: s.pv.rev})
	if s.pv.waiting {
		return debounce
	}
	s.pv.waiting = true
	s.pv.gen++
	return tea.Batch(debounce, s.c.after(saveMaxWait, privateSaveDueMsg{id: s.id, gen: s.pv.gen, deadline: true}))
}

// privateDue handles a private names' timer: the debounce of the latest
// change, the max wait of the changes not yet on disk, or a retry.
func (s *session) privateDue(msg privateSaveDueMsg) tea.Cmd {
	switch {
	case msg.id != s.id:
		return nil
	case msg.retry:
		if msg.gen != s.pv.retries || s.pv.failed == nil {
			return nil
		}
	case msg.deadline:
		if msg.gen != s.pv.gen {
			return nil
		}
	case msg.rev != s.pv.rev:
		return nil
	}
	return s.flushPrivate()
}

// saveFailure is why the open audit or its private names are not on
// disk, nil when nothing failed.
func (s *session) saveFailure() error {
	if s.err != nil {
		return s.err
	}
	return s.pv.failed
}

// flushPrivate starts writing the private names now if they changed,
// unless a write is running (its end starts the next).
func (s *session) flushPrivate() tea.Cmd {
	if !s.privDirty() || s.pv.saving {
		return nil
	}
	s.pv.saving = true
	s.pv.waiting = false // changes from now on start a new max-wait clock
	return savePrivateCmd(s.h, s.id, s.pv.p.Clone(), s.pv.rev)
}

// privateSaved takes a write's result: a failure is said on the status
// line and retried on the autosave schedule (and at the next change or on
// leaving).
func (s *session) privateSaved(msg privateSavedMsg) tea.Cmd {
	if msg.id != s.id {
		return nil
	}
	s.pv.saving = false
	if msg.err != nil {
		// The status line says so for as long as it lasts (saveFailure),
		// as for the audit.
		s.pv.failed = msg.err
		s.pv.retries++
		return s.c.after(saveRetry, privateSaveDueMsg{id: s.id, gen: s.pv.retries, retry: true})
	}
	var said tea.Cmd
	if s.pv.failed != nil && s.err == nil {
		said = notify(s.c.w.t("saved_again", i18n.Args{"Time": s.c.now().Format("15:04:05")}), false)
	}
	s.pv.failed = nil
	s.pv.saved = max(s.pv.saved, msg.rev)
	return tea.Batch(said, s.flushPrivate())
}

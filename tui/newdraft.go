package tui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards/safefile"
)

// The new-audit form is not an audit yet: ctrl+c and the signals keep what
// was typed as a draft audit, but kill -9 (a dead battery) left nothing.
// So while the form is typed, the draft is also written to the home on the
// autosave schedule (debounce, max wait), and removed once the form is
// left; a file still there when the UI starts was cut short by a crash,
// and becomes the draft audit that ctrl+c would have made.

// NewDraftFile is the file in the assay home holding the new-audit form's
// draft while it is typed.
const NewDraftFile = "new-audit.draft.json"

// newDraftState is the Model's account of the form's draft on disk.
type newDraftState struct {
	rev     int  // bumped by each key in the form
	waiting bool // a max-wait clock runs for the keys not yet written
	gen     int  // numbers the max-wait clock
	onDisk  bool // a draft file may exist: remove it when the form is left
	w       *newDraftWriter
}

// newDraftDueMsg: the debounce after key rev, or the max wait gen.
type newDraftDueMsg struct {
	rev      int
	gen      int
	deadline bool
}

// newDraftRecoveredMsg: a draft left by a crash became audit ASMO (or
// could not, err).
type newDraftRecoveredMsg struct {
	asmo string
	err  error
}

// newDraftWriter writes drafts one at a time, never an older over a newer.
type newDraftWriter struct {
	mu  sync.Mutex
	rev int
}

func (w *newDraftWriter) write(home string, a *audit.Audit, rev int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if rev <= w.rev {
		return
	}
	data, err := json.Marshal(a)
	if err != nil {
		return
	}
	if writeFileAtomic(home, NewDraftFile, data) == nil {
		w.rev = rev
	}
}

// remove deletes the draft; later writes of older revisions stay out.
func (w *newDraftWriter) remove(home string, rev int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rev = max(w.rev, rev)
	os.Remove(filepath.Join(home, NewDraftFile))
}

// typedInForm schedules the draft's write after a key in the form.
func (m *Model) typedInForm() tea.Cmd {
	if m.c.deps.Home == "" || m.screen != screenNew || !m.form.typed() || m.form.creating {
		return nil
	}
	m.nd.rev++
	m.nd.onDisk = true
	debounce := m.c.after(saveDebounce, newDraftDueMsg{rev: m.nd.rev})
	if m.nd.waiting {
		return debounce
	}
	m.nd.waiting = true
	m.nd.gen++
	return tea.Batch(debounce, m.c.after(saveMaxWait, newDraftDueMsg{gen: m.nd.gen, deadline: true}))
}

// newDraftDue writes the form's draft when its timer is the current one.
func (m *Model) newDraftDue(msg newDraftDueMsg) tea.Cmd {
	if m.screen != screenNew || m.form.creating || !m.form.typed() ||
		msg.deadline && msg.gen != m.nd.gen || !msg.deadline && msg.rev != m.nd.rev {
		return nil
	}
	m.nd.waiting = false
	home, a, rev, w := m.c.deps.Home, m.form.draft(), m.nd.rev, m.nd.writer()
	return func() tea.Msg {
		w.write(home, a, rev)
		return nil
	}
}

// leftForm removes the draft file once the form is left (created,
// discarded, or kept as a draft audit by ctrl+c).
func (m *Model) leftForm() tea.Cmd {
	if !m.nd.onDisk || m.screen == screenNew {
		return nil
	}
	m.nd.onDisk, m.nd.waiting = false, false
	home, rev, w := m.c.deps.Home, m.nd.rev, m.nd.writer()
	return func() tea.Msg {
		w.remove(home, rev)
		return nil
	}
}

func (nd *newDraftState) writer() *newDraftWriter {
	if nd.w == nil {
		nd.w = &newDraftWriter{}
	}
	return nd.w
}

// recoverNewDraftCmd makes the draft audit from a draft file a crash left.
func recoverNewDraftCmd(home string, store Store) tea.Cmd {
	if home == "" {
		return nil
	}
	return func() tea.Msg {
		path := filepath.Join(home, NewDraftFile)
		data, err := safefile.ReadFile(path, safefile.LimitAudit)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return newDraftRecoveredMsg{err: err}
		}
		a, err := audit.DecodeAudit(data)
		if err != nil {
			return newDraftRecoveredMsg{err: &audit.CorruptError{Path: path, Reason: err.Error()}}
		}
		h, err := store.Create(a)
		if err != nil {
			return newDraftRecoveredMsg{err: err}
		}
		h.Close()
		os.Remove(path)
		return newDraftRecoveredMsg{asmo: a.Header.ASMO}
	}
}

// writeFileAtomic writes home/name through a synced temp file renamed
// over it: a crash leaves the old file or the new one, never a torn one.
func writeFileAtomic(home, name string, data []byte) (err error) {
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(home, "."+name+".tmp-"+strconv.FormatInt(time.Now().UnixNano(), 36))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(home, name))
}

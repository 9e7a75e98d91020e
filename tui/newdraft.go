package tui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
// and becomes the draft audit that ctrl+c would have made. The signing-key
// form's fields are kept the same way (and on a signal), and fill the form
// again when it next opens.

// NewDraftFile is the file in the assay home holding the new-audit form's
// draft while it is typed.
const NewDraftFile = "new-audit.draft.json"

// KeyDraftFile holds the signing-key form's fields while they are typed:
// the next opening of the form fills them in again.
const KeyDraftFile = "key-form.draft.json"

// AmendDraftFile, in the audit's own folder, holds the reason for an
// amendment while it is typed: the next A on that audit's summary fills it
// in again. It goes once the audit is amended, or the reason is dropped.
const AmendDraftFile = "amend-reason.draft.json"

// formDraft is the Model's account of one form's draft file.
type formDraft struct {
	file string
	// dir is the folder of the file when it is not the home (the amended
	// audit's folder).
	dir     string
	rev     int  // bumped by each key in the form
	waiting bool // a max-wait clock runs for the keys not yet written
	gen     int  // numbers the max-wait clock
	onDisk  bool // a draft file may exist: remove it when the form is left
	w       *draftWriter
}

func newFormDraft(file string) formDraft { return formDraft{file: file, w: &draftWriter{}} }

// draftDueMsg: the debounce after key rev of a form's draft, or its max
// wait gen.
type draftDueMsg struct {
	file     string
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

// draftWriter writes one form's drafts one at a time, never an older over
// a newer, and never one after the form was left.
type draftWriter struct {
	mu  sync.Mutex
	rev int
}

func (w *draftWriter) write(home, file string, data []byte, rev int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if rev <= w.rev {
		return
	}
	if writeFileAtomic(home, file, data) == nil {
		w.rev = rev
	}
}

// remove deletes the draft; later writes of older revisions stay out.
func (w *draftWriter) remove(home, file string, rev int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rev = max(w.rev, rev)
	os.Remove(filepath.Join(home, file))
}

// folder is where the draft file is: dir, else the home.
func (d *formDraft) folder(c *common) string {
	if d.dir != "" {
		return d.dir
	}
	return c.deps.Home
}

// touch schedules the draft's write after a key in its form.
func (d *formDraft) touch(c *common) tea.Cmd {
	if d.folder(c) == "" {
		return nil
	}
	d.rev++
	d.onDisk = true
	debounce := c.after(saveDebounce, draftDueMsg{file: d.file, rev: d.rev})
	if d.waiting {
		return debounce
	}
	d.waiting = true
	d.gen++
	return tea.Batch(debounce, c.after(saveMaxWait, draftDueMsg{file: d.file, gen: d.gen, deadline: true}))
}

// due writes data (made now, from the form as it is) when msg is the
// current timer.
func (d *formDraft) due(c *common, msg draftDueMsg, data func() ([]byte, error)) tea.Cmd {
	if !d.onDisk || msg.deadline && msg.gen != d.gen || !msg.deadline && msg.rev != d.rev {
		return nil
	}
	d.waiting = false
	b, err := data()
	if err != nil {
		return nil
	}
	home, file, rev, w := d.folder(c), d.file, d.rev, d.w
	return func() tea.Msg {
		w.write(home, file, b, rev)
		return nil
	}
}

// left removes the draft file once its form is left.
func (d *formDraft) left(c *common) tea.Cmd {
	if !d.onDisk {
		return nil
	}
	d.onDisk, d.waiting = false, false
	home, file, rev, w := d.folder(c), d.file, d.rev, d.w
	return func() tea.Msg {
		w.remove(home, file, rev)
		return nil
	}
}

// typedInForm schedules a form's draft after a key in it.
func (m *Model) typedInForm() tea.Cmd {
	switch {
	case m.screen == screenNew && m.form.typed() && !m.form.creating:
		return m.nd.touch(m.c)
	case m.screen == screenKey && m.key.form() && !m.key.creating:
		return m.kd.touch(m.c)
	case m.amendingReason():
		if m.ad.dir = m.amendFolder(); m.ad.dir == "" {
			return nil
		}
		return m.ad.touch(m.c)
	}
	return nil
}

// amendingReason reports whether the amendment's reason is being typed.
func (m *Model) amendingReason() bool {
	return m.screen == screenSummary && m.s != nil && m.summary.amending
}

// amendFolder is the open audit's folder, where its reason's draft is
// kept; "" without a home.
func (m *Model) amendFolder() string {
	if m.s == nil {
		return ""
	}
	return auditFolder(m.c, m.s.id)
}

// auditFolder is audit id's folder in the home; "" without a home.
func auditFolder(c *common, id string) string {
	if c.deps.Home == "" {
		return ""
	}
	dir, err := audit.Folder(c.deps.Home, id)
	if err != nil {
		return ""
	}
	return dir
}

// amendDraft is AmendDraftFile: the reason as typed.
type amendDraft struct {
	Reason string `json:"reason"`
}

// amendDraftLoadedMsg: the reason typed for audit id before assay stopped
// ("" when none), or why its draft file could not be read.
type amendDraftLoadedMsg struct {
	id, dir, reason string
	err             error
}

// loadAmendDraftCmd reads the draft of audit id's amendment reason in dir.
func loadAmendDraftCmd(id, dir string) tea.Cmd {
	if dir == "" {
		return nil
	}
	return func() tea.Msg {
		path := filepath.Join(dir, AmendDraftFile)
		data, err := safefile.ReadFile(path, safefile.LimitSmall)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return amendDraftLoadedMsg{id: id, dir: dir, err: err}
		}
		var d amendDraft
		if err := json.Unmarshal(data, &d); err != nil {
			return amendDraftLoadedMsg{id: id, dir: dir, err: &audit.CorruptError{Path: path, Reason: err.Error()}}
		}
		return amendDraftLoadedMsg{id: id, dir: dir, reason: d.Reason}
	}
}

// amendDraftLoaded puts a reason typed before assay stopped back in the
// field, and says so; an unreadable draft file is named.
func (m Model) amendDraftLoaded(msg amendDraftLoadedMsg) (tea.Model, tea.Cmd) {
	if !m.amendingReason() || msg.id != m.s.id {
		return m, nil
	}
	if msg.err != nil {
		return m.notify(m.c.w.errorText(msg.err), true)
	}
	reason := sanitizeLine(msg.reason)
	if strings.TrimSpace(reason) == "" {
		return m, nil
	}
	// The file goes when the reason is used or dropped.
	m.ad.dir, m.ad.onDisk = msg.dir, true
	m.summary.restoreReason(reason)
	return m.notify(m.c.w.t("amend_reason_restored", nil), false)
}

// draftDue writes a form's draft when its timer is the current one.
func (m *Model) draftDue(msg draftDueMsg) tea.Cmd {
	switch {
	case msg.file == NewDraftFile && m.screen == screenNew && !m.form.creating && m.form.typed():
		return m.nd.due(m.c, msg, func() ([]byte, error) {
			return json.Marshal(newDraftDoc{PID: os.Getpid(), Audit: m.form.draft()})
		})
	case msg.file == KeyDraftFile && m.screen == screenKey && m.key.form() && !m.key.creating:
		return m.kd.due(m.c, msg, m.key.draft)
	case msg.file == AmendDraftFile && m.amendingReason() && !m.summary.discarding:
		return m.ad.due(m.c, msg, m.summary.reasonDraft)
	}
	return nil
}

// leftForm removes the draft file of a form once it is left (created,
// discarded, or kept as a draft audit by ctrl+c).
func (m *Model) leftForm() tea.Cmd {
	var cmds []tea.Cmd
	if m.screen != screenNew {
		cmds = append(cmds, m.nd.left(m.c))
	}
	if m.screen != screenKey {
		if m.key.restored {
			m.key.restored, m.kd.onDisk = false, true
		}
		cmds = append(cmds, m.kd.left(m.c))
	}
	if !m.amendingReason() {
		cmds = append(cmds, m.ad.left(m.c))
	}
	return tea.Batch(cmds...)
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
		var doc struct {
			PID   int             `json:"pid"`
			Audit json.RawMessage `json:"audit"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return newDraftRecoveredMsg{err: &audit.CorruptError{Path: path, Reason: err.Error()}}
		}
		if doc.PID != os.Getpid() && processAlive(doc.PID) {
			return nil // another assay on this home is typing it now
		}
		a, err := audit.DecodeAudit(doc.Audit)
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

// newDraftDoc is NewDraftFile: the draft, and the process typing it, so
// that a second assay on the same home does not take a form still open in
// the first for one a crash left.
type newDraftDoc struct {
	PID   int          `json:"pid"`
	Audit *audit.Audit `json:"audit"`
}

// processAlive reports whether process pid runs (signal 0 tests it; where
// that cannot be asked, it is taken as gone and the draft recovered).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
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

package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// Messages are named for what happened and carry their error.

// entriesLoadedMsg: the store's audits were listed.
type entriesLoadedMsg struct {
	entries []audit.Entry
	err     error
}

// auditOpenedMsg: an audit was opened (locked) for editing, with the place
// the inspector left it.
type auditOpenedMsg struct {
	id  string
	h   Handle
	pos audit.Position
	err error
}

// auditCreatedMsg: a new audit was created and opened.
type auditCreatedMsg struct {
	h   Handle
	err error
}

// saveDueMsg: a save timer ran out: the debounce after edit rev, the
// max wait of the unsaved edits numbered gen (deadline), or the retry
// numbered gen after a failed save (retry).
type saveDueMsg struct {
	id       string
	rev      int
	gen      int
	deadline bool
	retry    bool
}

// auditSavedMsg: the copy of edit revision rev reached disk (or not).
type auditSavedMsg struct {
	id  string
	rev int
	at  time.Time
	err error
}

// positionSavedMsg: the walk position was written.
type positionSavedMsg struct {
	id  string
	err error
}

// handleClosedMsg: the audit's lock was released; then says what next.
type handleClosedMsg struct {
	then afterClose
	err  error
}

// auditDeletedMsg: an audit went to the trash.
type auditDeletedMsg struct {
	id  string
	err error
}

// backupRestoredMsg: an unreadable audit was replaced by its backup.
type backupRestoredMsg struct {
	id  string
	err error
}

// evidenceStoredMsg: a file was copied into the audit folder for reqID.
type evidenceStoredMsg struct {
	id    string // the audit, so a late result never lands in another one
	reqID string
	path  string
	ev    *audit.Evidence
	err   error
}

// evidenceDerivedMsg: the report-ready image of a stored picture was made
// (name is its file) or could not be.
type evidenceDerivedMsg struct {
	id   string // the audit
	sha  string
	name string
	err  error
}

// completedMsg: tab completion of a typed path found candidates.
type completedMsg struct {
	input string
	value string
	names []string // every name that fits what was typed, when several do
	err   error
}

// editorFileMsg: the notes were written to a temp file for the editor.
type editorFileMsg struct {
	reqID string
	path  string
	err   error
}

// editorClosedMsg: $EDITOR exited; text is the file's content.
type editorClosedMsg struct {
	reqID string
	text  string
	err   error
}

// exportedMsg: the report was written to path.
type exportedMsg struct {
	id   string
	path string
	err  error
}

// signerLoadedMsg: the signing key's certificate was looked up for
// finalizing audit id.
type signerLoadedMsg struct {
	id     string
	signer *audit.Signer
	err    error
}

// needSigningKeyMsg: finalizing or exporting audit id needs a signing key
// that does not exist yet: the root opens the key form, and once the key
// is made goes on with then.
type needSigningKeyMsg struct {
	id   string
	then keyThen
}

// keyStatusLoadedMsg: the signing key was looked up (info nil: none yet).
type keyStatusLoadedMsg struct {
	info *KeyInfo
	err  error
}

// keyCreatedMsg: the key form's key was made (or not).
type keyCreatedMsg struct {
	info *KeyInfo
	err  error
}

// demoCreatedMsg: the sample audit was made, with this id.
type demoCreatedMsg struct {
	id  string
	err error
}

// statusExpiredMsg: a transient status message's time is up.
type statusExpiredMsg struct{ seq int }

// notifyMsg asks the root to show a transient status message; a sticky
// one is not cleared by the next key.
type notifyMsg struct {
	text   string
	err    bool
	sticky bool
}

// languageKeptMsg: the language chosen was written to the home's state
// file (or not).
type languageKeptMsg struct {
	lang string
	err  error
}

// positionDueMsg: the debounce after a move in the walk ran out.
type positionDueMsg struct{ moves int }

func notify(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return notifyMsg{text: text, err: isErr} }
}

package tui

import (
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// Entry is one line of the home screen: an audit in the store, or the reason
// it cannot be read. The command wiring adapts the store's own listing to it.
type Entry struct {
	ID        string
	ASMO      string
	Site      string
	AuditType audit.AuditType
	Status    audit.Status
	Percent   int
	Updated   time.Time
	// Err says why the audit cannot be read; empty when it is fine.
	Err string
	// HasBackup reports that an unreadable audit has a backup to restore.
	HasBackup bool
}

// Position is where the inspector was in an audit, so opening it again
// resumes there.
type Position struct {
	Area        string
	Requirement string
	Scroll      int
}

// Store is what the UI needs from the audit store. The real one lives in
// package audit; tests use a fake.
type Store interface {
	List() ([]Entry, error)
	Create(a *audit.Audit) (Handle, error)
	// Open locks the audit; when another process holds it the error says so
	// in words fit for the inspector.
	Open(id string) (Handle, error)
	Delete(id string) error
	RestoreBackup(id string) error
	SavePosition(id string, p Position) error
	LoadPosition(id string) Position
}

// Handle is one audit opened for editing, holding its lock until Close.
type Handle interface {
	Audit() *audit.Audit
	// Save writes a to disk atomically. The UI always passes a private copy.
	Save(a *audit.Audit) error
	// StoreEvidence copies the file at path into the audit folder (the slow
	// part, run in a command); it does not touch the audit.
	StoreEvidence(path string) (*audit.Evidence, error)
	// AttachEvidence links stored evidence to requirements in a; no I/O.
	AttachEvidence(a *audit.Audit, ev audit.Evidence, reqIDs ...string) (*audit.Evidence, error)
	// DetachEvidence unlinks evidence from one requirement in a; no I/O.
	DetachEvidence(a *audit.Audit, sha, reqID string) error
	Close() error
}

// Exporter writes the report of a saved audit and returns the file's path.
// h is the UI's open handle on it, so the export can record itself in the
// audit's history without a second lock.
type Exporter interface {
	Export(h Handle, id string, draft bool) (string, error)
}

// Deps are the UI's dependencies. Exporter may be nil: the export key is then
// disabled and not shown.
type Deps struct {
	Store    Store
	Catalogs []*standards.Catalog
	Exporter Exporter
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Editor is the command for long notes; empty means $EDITOR, then vi.
	Editor string
	// Config holds the inspector's defaults for new audits (config.toml).
	Config audit.Config
	// ConfigErr is what was wrong with config.toml when it was read
	// (audit.ConfigProblems lists it), shown on the status line at start.
	ConfigErr error
}

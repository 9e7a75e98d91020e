package tui

import (
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// Store is what the UI needs from the audit store. The real one lives in
// package audit; tests use a fake.
type Store interface {
	// List is the home's listing; an unreadable audit's entry carries Err
	// and whether a backup can restore it.
	List() ([]audit.Entry, error)
	Create(a *audit.Audit) (Handle, error)
	// Open locks the audit; when another process holds it the error says so
	// in words fit for the inspector.
	Open(id string) (Handle, error)
	Delete(id string) error
	RestoreBackup(id string) error
	SavePosition(id string, p audit.Position) error
	LoadPosition(id string) audit.Position
}

// Handle is one audit opened for editing, holding its lock until Close.
type Handle interface {
	Audit() *audit.Audit
	// Save writes a to disk atomically. The UI always passes a private copy.
	Save(a *audit.Audit) error
	// StoreEvidence copies the file at path into the audit folder and reads
	// its EXIF (run in a command); it does not touch the audit.
	StoreEvidence(path string) (*audit.Evidence, error)
	// DeriveEvidence makes the report-ready image of a stored picture and
	// returns its file name (run in a command after the photo is attached,
	// so the inspector does not wait for it); it does not touch the audit.
	DeriveEvidence(ev audit.Evidence) (string, error)
	// AttachEvidence links stored evidence to requirements in a; no I/O.
	AttachEvidence(a *audit.Audit, ev audit.Evidence, reqIDs ...string) (*audit.Evidence, error)
	// DetachEvidence unlinks evidence from one requirement in a; no I/O.
	DetachEvidence(a *audit.Audit, sha, reqID string) error
	// LoadPrivate reads the audit's private names (interviewees' real
	// names and contacts); SavePrivate writes them to the audit's private
	// folder, never into the audit. Both run in commands.
	LoadPrivate() (audit.Private, error)
	SavePrivate(p audit.Private) error
	Close() error
}

// Exporter writes the report of a saved audit and returns the file's path.
// h is the UI's open handle on it, so the export can record itself in the
// audit's history without a second lock. An error wrapping
// audit.ErrNoSigner means there is no signing key yet: the UI says how to
// make one.
type Exporter interface {
	Export(h Handle, id string, req ExportRequest) (string, error)
}

// Deps are the UI's dependencies. Exporter may be nil: the export key is then
// disabled and not shown.
type Deps struct {
	Store Store
	// Catalogs are the catalogs a new audit may use and an audit is opened
	// with (found by its identity, warned about when changed).
	Catalogs *standards.Set
	Exporter Exporter
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Editor is the command for long notes; empty means $EDITOR, then vi.
	Editor string
	// Config holds the inspector's defaults for new audits (config.toml).
	Config audit.Config
	// SigningKey returns the certificate that will sign the reports (a
	// finalized audit records it); an error wrapping audit.ErrNoSigner, or
	// a nil func, means there is no signing key yet. It reads files: it is
	// called in a command.
	SigningKey func() (*audit.Signer, error)
	// ConfigErr is what was wrong with config.toml when it was read
	// (audit.ConfigProblems lists it), shown on the status line at start.
	ConfigErr error

	// Lang is the UI's language at start (see ResolveLanguage); "" is
	// English. The inspector switches it live (L), and the choice is
	// remembered in the home (see StateFile).
	Lang string
	// Messages are the UI's words (LoadMessages: the built-in languages
	// and the home's files); nil means the built-in ones only.
	Messages *i18n.Messages
	// MessageErrs are the problems with the home's message files, shown on
	// the status line at start.
	MessageErrs []error
	// StateErr is what was wrong with the home's StateFile (LoadState),
	// shown on the status line at start: the UI starts anyway.
	StateErr error
	// Rescued are the files an earlier stop on a full disk kept the open
	// audit in (cmd's rescue), oldest first: the status line names the
	// newest at start, since the terminal it was said on may be gone.
	Rescued []string
	// Home is the assay home: where the UI remembers the language chosen
	// (StateFile), and what a command it suggests names (--home). ""
	// remembers nothing.
	Home string
	// ReportLanguages are the languages a report can be written in (the
	// report's message files, the home's included), offered by the export
	// dialog; nil means the built-in ones.
	ReportLanguages []string

	// Keys is the inspector's signing identity: its status on the home,
	// and the form that makes one where finalizing or a signed export
	// needs it, so the first run needs no second terminal. nil: the UI
	// says how to make one with the command line.
	Keys Keys
	// Demo makes the filled sample audit (assay demo) and returns its id;
	// nil disables the key that asks for it.
	Demo func(now time.Time) (string, error)
	// Previous reads the audit a new one starts from: the id of a
	// finalized audit in the home, or the path of a signed report, which
	// must verify (a *report.NotVerifiedError otherwise). It reads files:
	// it is called in a command. Nil: the new-audit form offers a blank
	// audit only.
	Previous func(from string) (*report.Origin, error)
}

// KeyInfo is what the UI shows of the signing key's certificate.
type KeyInfo struct {
	// Name is the certificate's common name: the inspector's name.
	Name                string
	Subject, Issuer     string
	SelfSigned          bool
	NotBefore, NotAfter time.Time
	// Fingerprint is the certificate's SHA-256, as "AB:CD:…".
	Fingerprint string
	KeyFile     string
}

// Keys is the signing identity in the home. Both methods read or write
// files: the UI calls them in commands.
type Keys interface {
	// Status is the signing key's certificate, or nil (and no error)
	// when there is none yet.
	Status() (*KeyInfo, error)
	// Create makes a key and a self-signed certificate for name, e-mail
	// and organisation (report/identity's rules: a *identity.SubjectError
	// for a bad name or e-mail), atomically, as assay keys create does.
	Create(name, email, org string) (*KeyInfo, error)
}

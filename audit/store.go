package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/assay-dev/assay/standards"
)

// File and folder names inside the home and an audit folder.
const (
	auditsDir    = "audits"
	trashDir     = "trash"
	auditFile    = "audit.json"
	backupSuffix = ".bak"
	summaryFile  = "summary.json"
	positionFile = "position.json"
	evidenceDir  = "evidence"
	exportsDir   = "exports"
)

// DefaultMaxEvidenceBytes is the largest evidence file imported unless the
// store says otherwise: big enough for any phone photo or scanned PDF, small
// enough that a mistaken video does not fill the inspector's disk.
const DefaultMaxEvidenceBytes = 50 << 20

// DefaultHome returns the data folder: $ASSAY_HOME, else
// $XDG_DATA_HOME/assay, else ~/.local/share/assay.
func DefaultHome(getenv func(string) string) (string, error) {
	if h := getenv("ASSAY_HOME"); h != "" {
		return h, nil
	}
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "assay"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", fmt.Errorf(msgNoHome, err)
	}
	return filepath.Join(home, ".local", "share", "assay"), nil
}

// Store is the folder of audits under a home. It is safe for use by several
// goroutines; each audit is edited through one Handle at a time.
type Store struct {
	home string
	cats *standards.Set

	// MaxEvidenceBytes is the size limit for one evidence file.
	MaxEvidenceBytes int64
	// NoSync skips fsync. Only benchmarks set it, to measure the store's
	// own cost: without fsync a power cut can lose or tear a save.
	NoSync bool
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// HomeError is a home whose folders cannot be made (a file in the way, a
// path that does not exist, no permission): which folder, and the system's
// error for the surfaces to word.
type HomeError struct {
	Path string
	Err  error
}

// Error words it in English.
func (e *HomeError) Error() string { return fmt.Sprintf("creating %s: %v", e.Path, e.Err) }

// Unwrap gives the system's error.
func (e *HomeError) Unwrap() error { return e.Err }

// OpenStore opens (creating if needed) the store at home. cats resolves the
// catalog each audit was made against, for list summaries; it may be nil.
func OpenStore(home string, cats *standards.Set) (*Store, error) {
	if home == "" {
		return nil, fmt.Errorf(msgNoHome, "empty path")
	}
	for _, d := range []string{auditsDir, trashDir} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return nil, &HomeError{Path: filepath.Join(home, d), Err: err}
		}
	}
	return &Store{home: home, cats: cats, MaxEvidenceBytes: DefaultMaxEvidenceBytes, Now: time.Now}, nil
}

// Home returns the store's home folder.
func (s *Store) Home() string { return s.home }

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Store) writeOpts() writeOptions { return writeOptions{sync: !s.NoSync} }

// dir returns an audit's folder after checking that id cannot escape the
// store (ids come from the command line and from files).
func (s *Store) dir(id string) (string, error) {
	if !validID(id) {
		return "", fmt.Errorf(msgBadID, id)
	}
	return filepath.Join(s.home, auditsDir, id), nil
}

// Folder is audit id's folder under home, for the few files that belong
// to one audit but not to the store (the UI's draft of an amendment's
// reason, which goes with the audit to the trash); a bad id is refused.
func Folder(home, id string) (string, error) {
	return (&Store{home: home}).dir(id)
}

// validID accepts the ids New makes and anything similarly plain: letters,
// digits, '-', '_', '.', not starting with '.'.
func validID(id string) bool {
	if id == "" || len(id) > 200 || id[0] == '.' {
		return false
	}
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return true
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

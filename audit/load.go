package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/assay-dev/assay/standards/safefile"
)

// Reading an audit.json: the file, then its decoding, or why it cannot be read.

// CorruptError says an audit file cannot be read, why, and whether a backup
// exists. The file is never overwritten by the store.
type CorruptError struct {
	Path   string
	Reason string // in English, for programmers and logs
	// Cause is the reason as a value for the surfaces to word: a
	// *FileProblem, a *DateError, a *safefile.Error, or a system error.
	Cause     error
	HasBackup bool
	// ID is the audit id (the folder name), for the recovery hint.
	ID string
}

// Error names the file and the place in it.
func (e *CorruptError) Error() string {
	msg := fmt.Sprintf(msgCorrupt, e.Path, e.Reason)
	if e.HasBackup {
		return msg + fmt.Sprintf(msgCorruptBackup, e.ID)
	}
	return msg + msgCorruptNoBak
}

// Load reads an audit without locking it (for viewing, listing, export).
func (s *Store) Load(id string) (*Audit, error) {
	dir, err := s.dir(id)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, auditFile)
	data, err := readAuditFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, serr := os.Stat(dir); serr != nil {
				return nil, fmt.Errorf(msgNoSuchAudit, id, filepath.Join(s.home, auditsDir))
			}
			return nil, &CorruptError{Path: path, Reason: msgFileMissing, Cause: &FileProblem{Kind: FileMissing}, HasBackup: fileExists(path + backupSuffix), ID: id}
		}
		if r, odd := oddFileReason(err); odd {
			return nil, &CorruptError{Path: path, Reason: r, Cause: err, HasBackup: fileExists(path + backupSuffix), ID: id}
		}
		return nil, err
	}
	return s.decodeFile(id, path, data)
}

// readAuditFile reads audit.json or its backup: a regular file, capped.
func readAuditFile(path string) ([]byte, error) {
	return safefile.ReadFile(path, safefile.LimitAudit)
}

// oddFileReason words a file that safefile refused (a pipe, a device, a
// folder, too large) as the reason an audit file cannot be read.
func oddFileReason(err error) (string, bool) {
	var se *safefile.Error
	if !errors.As(err, &se) {
		return "", false
	}
	if se.Kind == safefile.TooLarge {
		return fmt.Sprintf(msgFileOverLimit, humanBytes(se.Size), humanBytes(se.Limit)), true
	}
	return fmt.Sprintf(msgNotRegularFile, se.Kind), true
}

// decodeFile decodes audit.json bytes read from path, turning any problem
// into a *CorruptError (or a schema refusal, which is not corruption).
func (s *Store) decodeFile(id, path string, data []byte) (*Audit, error) {
	a, err := DecodeAudit(data)
	if err != nil {
		var se *SchemaError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, &CorruptError{Path: path, Reason: err.Error(), Cause: err, HasBackup: fileExists(path + backupSuffix), ID: id}
	}
	if a.ID != id {
		p := &FileProblem{Kind: FileIDMismatch, InFile: a.ID, Folder: id}
		return nil, &CorruptError{Path: path, Reason: p.Error(), Cause: p, HasBackup: fileExists(path + backupSuffix), ID: id}
	}
	// A finalized revision is frozen: content that no longer matches its
	// recorded hash was edited outside assay or damaged. Opening it as if
	// nothing happened would let amend build on it and export sign it (a
	// signed report whose own verification then fails).
	if a.Status == Finalized {
		if sum, err := ContentHash(a); err != nil || sum != a.ContentHash {
			p := &FileProblem{Kind: FileHashMismatch, Revision: a.Revision, Recorded: shortHash(a.ContentHash), Now: shortHash(sum)}
			return nil, &CorruptError{Path: path, Reason: p.Error(), Cause: p, HasBackup: fileExists(path + backupSuffix), ID: id}
		}
	}
	return a, nil
}

// shortHash is the first 12 hex digits of a "sha256:..." content hash, enough
// to tell two apart in a message.
func shortHash(h string) string {
	h = strings.TrimPrefix(h, "sha256:")
	if h == "" {
		return "none"
	}
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

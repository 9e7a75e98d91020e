package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/assay-dev/assay/standards/safefile"
)

// Beside the audit record: the backup restored, the trash, the position.

// Position is where the inspector was in the walk, to resume there.
type Position struct {
	Area        string `json:"area,omitempty"`
	Requirement string `json:"requirement,omitempty"`
	Scroll      int    `json:"scroll,omitempty"`
}

// RecoverProblem is why RestoreBackup restored nothing.
type RecoverProblem int

// The reasons a backup is not restored.
const (
	// RecoverNoBackup: there is no audit.json.bak.
	RecoverNoBackup RecoverProblem = iota + 1
	// RecoverBackupUnreadable: the backup cannot be read either (Err).
	RecoverBackupUnreadable
	// RecoverNotNeeded: audit.json is readable; restoring would undo the
	// last save.
	RecoverNotNeeded
)

// RecoverError is RestoreBackup's refusal, for each surface to word.
type RecoverError struct {
	ID      string
	Problem RecoverProblem
	Err     error // why the backup is unreadable (RecoverBackupUnreadable)
}

// Error words the refusal for programmers and logs.
func (e *RecoverError) Error() string {
	switch e.Problem {
	case RecoverNoBackup:
		return fmt.Sprintf(msgNoBackup, e.ID)
	case RecoverBackupUnreadable:
		return fmt.Sprintf(msgBackupCorrupt, e.Err)
	}
	return fmt.Sprintf(msgNotCorrupt, e.ID)
}

// Unwrap gives the backup's own error.
func (e *RecoverError) Unwrap() error { return e.Err }

// MoveProblem says which housekeeping move failed.
type MoveProblem int

// The housekeeping moves that can fail.
const (
	MoveToTrash     MoveProblem = iota + 1 // Delete: the audit ID into the trash
	MoveKeepCorrupt                        // RestoreBackup: keeping the unreadable Path as Keep
)

// MoveError is a housekeeping move the system refused, as values for the
// surfaces to word; Error is English for programmers and logs.
type MoveError struct {
	Problem    MoveProblem
	ID         string
	Path, Keep string
	Err        error
}

// Error words the failure in English.
func (e *MoveError) Error() string {
	if e.Problem == MoveKeepCorrupt {
		return fmt.Sprintf(msgKeepCorrupt, e.Path, e.Keep, e.Err)
	}
	return fmt.Sprintf(msgToTrash, e.ID, e.Err)
}

// Unwrap gives the system's error.
func (e *MoveError) Unwrap() error { return e.Err }

// RestoreBackup replaces a corrupt audit.json with audit.json.bak, keeping
// the corrupt file as audit.json.corrupt-<time> for inspection.
func (s *Store) RestoreBackup(id string) error {
	dir, lk, err := s.lockExisting(id)
	if err != nil {
		return err
	}
	defer lk.unlock()
	path := filepath.Join(dir, auditFile)
	bak, err := readAuditFile(path + backupSuffix)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &RecoverError{ID: id, Problem: RecoverNoBackup}
		}
		return err
	}
	if _, err := s.decodeFile(id, path+backupSuffix, bak); err != nil {
		return &RecoverError{ID: id, Problem: RecoverBackupUnreadable, Err: err}
	}
	// Only an unreadable audit is replaced: on a good one this would
	// silently undo the last save.
	if cur, err := readAuditFile(path); err == nil {
		if _, err := s.decodeFile(id, path, cur); err == nil {
			return &RecoverError{ID: id, Problem: RecoverNotNeeded}
		}
	}
	if fileExists(path) {
		keep := path + ".corrupt-" + s.now().UTC().Format("20060102T150405.000000000Z")
		// A hard link keeps the corrupt bytes without ever leaving the
		// folder with no audit.json.
		if err := os.Link(path, keep); err != nil {
			return &MoveError{Problem: MoveKeepCorrupt, ID: id, Path: path, Keep: keep, Err: err}
		}
	}
	if err := writeAtomic(path, bak, s.writeOpts()); err != nil {
		return saveError(id, path, err)
	}
	os.Remove(filepath.Join(dir, summaryFile))
	return nil
}

// Delete moves an audit to <home>/trash/<id>-<time>, from where it can be
// moved back by hand. It needs the audit's lock.
func (s *Store) Delete(id string) error {
	dir, lk, err := s.lockExisting(id)
	if err != nil {
		return err
	}
	defer lk.unlock()
	to := filepath.Join(s.home, trashDir, id+"-"+s.now().UTC().Format("20060102T150405Z"))
	for n := 2; fileExists(to); n++ {
		to = filepath.Join(s.home, trashDir, fmt.Sprintf("%s-%s-%d", id, s.now().UTC().Format("20060102T150405Z"), n))
	}
	if err := os.MkdirAll(filepath.Join(s.home, trashDir), 0o755); err != nil {
		return &MoveError{Problem: MoveToTrash, ID: id, Err: err}
	}
	if err := os.Rename(dir, to); err != nil {
		return &MoveError{Problem: MoveToTrash, ID: id, Err: err}
	}
	if !s.NoSync {
		_ = syncDir(filepath.Join(s.home, auditsDir))
		_ = syncDir(filepath.Join(s.home, trashDir))
	}
	return nil
}

// SavePosition remembers where the inspector was in an audit.
func (s *Store) SavePosition(id string, p Position) error {
	dir, err := s.dir(id)
	if err != nil {
		return err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, positionFile)
	if err := writeAtomic(path, data, s.writeOpts()); err != nil {
		return writeError(path, err)
	}
	return nil
}

// LoadPosition returns the saved position, or the zero Position when there
// is none or it cannot be read (a lost position only costs a scroll).
func (s *Store) LoadPosition(id string) Position {
	var p Position
	dir, err := s.dir(id)
	if err != nil {
		return p
	}
	data, err := safefile.ReadFile(filepath.Join(dir, positionFile), safefile.LimitSmall)
	if err != nil {
		return p
	}
	if json.Unmarshal(data, &p) != nil {
		return Position{}
	}
	return p
}

package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/gofrs/flock"

	"github.com/assay-dev/assay/standards/safefile"
)

// ErrLocked is wrapped by the error Open returns when another process
// already has the audit open.
var ErrLocked = errors.New("audit is locked by another process")

// LockedError says which process holds an audit.
type LockedError struct {
	ID  string
	PID int // 0 when the holder did not record it
}

// Error words the refusal so the inspector knows what to do.
func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf(msgLocked, e.ID, e.PID)
	}
	return fmt.Sprintf(msgLockedNoPID, e.ID)
}

// Unwrap lets errors.Is(err, ErrLocked) match.
func (e *LockedError) Unwrap() error { return ErrLocked }

const (
	lockFile    = ".lock"
	lockPIDFile = ".lock.pid"
)

// auditLock is the exclusive lock on one audit folder. The OS releases it
// when the holding process dies, so a killed assay never leaves an audit
// locked.
type auditLock struct {
	fl  *flock.Flock
	dir string
}

// LockFailedError is a lock that could not be taken for another reason
// than another assay holding it (no permission, a read-only disk, a pipe
// in place of the lock file): the audit, and the error for the surfaces
// to word.
type LockFailedError struct {
	ID  string
	Err error
}

// Error words it in English.
func (e *LockFailedError) Error() string { return fmt.Sprintf("locking audit %s: %v", e.ID, e.Err) }

// Unwrap gives the cause.
func (e *LockFailedError) Unwrap() error { return e.Err }

// lockDir takes the exclusive lock of an audit folder without waiting. A
// lock file that is not a regular file (a pipe, a device, a folder put
// there by mistake) is reported, not waited on: opening a pipe would block
// until someone writes to it.
func lockDir(id, dir string) (*auditLock, error) {
	path := filepath.Join(dir, lockFile)
	if _, err := safefile.Check(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &LockFailedError{ID: id, Err: err}
	}
	// O_NONBLOCK: a pipe swapped in after the check cannot block the open.
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDONLY|syscall.O_NONBLOCK))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, &LockFailedError{ID: id, Err: err}
	}
	if !ok {
		return nil, &LockedError{ID: id, PID: readLockPID(dir)}
	}
	if st, err := fl.Stat(); err != nil || !st.Mode().IsRegular() {
		fl.Unlock()
		if err == nil {
			err = &safefile.Error{Path: path, Kind: safefile.Irregular}
		}
		return nil, &LockFailedError{ID: id, Err: err}
	}
	// The pid is only for the message another process shows; a failure to
	// write it does not make the lock any less held.
	_ = writeAtomic(filepath.Join(dir, lockPIDFile), []byte(strconv.Itoa(os.Getpid())+"\n"), writeOptions{})
	return &auditLock{fl: fl, dir: dir}, nil
}

// readLockPID returns the pid recorded by the lock holder, or 0.
func readLockPID(dir string) int {
	b, err := safefile.ReadFile(filepath.Join(dir, lockPIDFile), safefile.LimitSmall)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || !processAlive(pid) {
		return 0
	}
	return pid
}

// unlock releases the lock. The pid file stays: it is only read while the
// lock is held by someone, who rewrites it.
func (l *auditLock) unlock() error {
	if l == nil || l.fl == nil {
		return nil
	}
	return l.fl.Unlock()
}

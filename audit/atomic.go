package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// writeOptions tune one atomic write.
type writeOptions struct {
	// sync fsyncs the file and its folder; only benchmarks turn it off.
	sync bool
	// backup keeps the file being replaced as <name>.bak.
	backup bool
	perm   os.FileMode
}

// writeAtomic replaces path with data so that a crash at any instant leaves
// either the old or the new content, never a torn file: write a temp file in
// the same folder, fsync it, (keep the old file as .bak), rename it over the
// old one, fsync the folder. On failure the temp file is removed and the old
// file is untouched.
func writeAtomic(path string, data []byte, o writeOptions) (err error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	perm := o.perm
	if perm == 0 {
		perm = 0o644
	}
	f, tmp, err := createTemp(dir, name, perm)
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
	if o.sync {
		if err = f.Sync(); err != nil {
			return err
		}
	}
	if err = f.Close(); err != nil {
		return err
	}
	if o.backup {
		if err = backupFile(path); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if o.sync {
		return syncDir(dir)
	}
	return nil
}

// createTemp creates a new file named .<name>.tmp-<random> in dir with
// perm (less the umask, like any file the user creates), in one system call
// rather than os.CreateTemp's create-then-chmod.
func createTemp(dir, name string, perm os.FileMode) (*os.File, string, error) {
	for range 100 {
		p := filepath.Join(dir, "."+name+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, p, err
	}
	return nil, "", fmt.Errorf("cannot create a temp file in %s", dir)
}

// backupFile makes path.bak a copy of path, atomically: a hard link under a
// temp name renamed over the old .bak, so there is always an audit.json and
// always either the old or the new .bak, never neither. A missing path (first
// save) needs no backup.
func backupFile(path string) error {
	bak := path + ".bak"
	tmp := path + ".bak.tmp"
	os.Remove(tmp) // a leftover of a crash between link and rename
	if err := os.Link(path, tmp); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	return os.Rename(tmp, bak)
}

// syncDir fsyncs a folder so a rename in it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		// EINVAL: the file system cannot sync folders; nothing more to do.
		return err
	}
	return nil
}

// WriteProblem is why a write failed, for each surface to word: the
// inspector's next step depends on it (free space, ask for permission,
// change disks), not on the system's error text.
type WriteProblem int

// The write problems a person can act on.
const (
	// WriteFailed is any other failure (an I/O error, a vanished folder).
	WriteFailed WriteProblem = iota
	// WriteDiskFull: no space left, or the user's quota is used up.
	WriteDiskFull
	// WriteSizeLimit: a file size limit (ulimit -f, FAT32's 4 GB).
	WriteSizeLimit
	// WriteReadOnly: the file system is mounted read-only.
	WriteReadOnly
	// WriteDenied: no permission to write there.
	WriteDenied
)

// WriteProblemOf classifies a write error: a *SaveError's own problem, else
// the system error it wraps.
func WriteProblemOf(err error) WriteProblem {
	var se *SaveError
	if errors.As(err, &se) {
		return se.Problem
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return WriteDiskFull
	case errors.Is(err, syscall.EFBIG):
		return WriteSizeLimit
	case errors.Is(err, syscall.EROFS):
		return WriteReadOnly
	case errors.Is(err, fs.ErrPermission):
		return WriteDenied
	}
	return WriteFailed
}

// isDiskFull reports a write that failed because the disk or the user's
// quota is full.
func isDiskFull(err error) bool { return WriteProblemOf(err) == WriteDiskFull }

// isTooLarge reports a write refused by a file size limit (ulimit -f, FAT32).
func isTooLarge(err error) bool { return WriteProblemOf(err) == WriteSizeLimit }

// SaveError is a failed write of one of an audit's files (ID set) or of
// another file assay writes (ID empty): which file, and why in a form the
// surfaces word themselves. The audit on disk is the previous version.
type SaveError struct {
	ID      string
	Path    string
	Problem WriteProblem
	Err     error
}

// Error words the failure in English for the CLI.
func (e *SaveError) Error() string {
	if e.ID == "" {
		switch e.Problem {
		case WriteDiskFull:
			return fmt.Sprintf(msgDiskFullFile, e.Path, e.Err)
		case WriteSizeLimit:
			return fmt.Sprintf(msgSizeLimitFile, e.Path, e.Err)
		}
		return fmt.Sprintf(msgWriteFailed, e.Path, e.Err)
	}
	switch e.Problem {
	case WriteDiskFull:
		return fmt.Sprintf(msgDiskFull, e.ID, e.Path, e.Err)
	case WriteSizeLimit:
		return fmt.Sprintf(msgFileTooLarge, e.ID, e.Path, e.Err)
	}
	return fmt.Sprintf(msgSaveFailed, e.ID, e.Path, e.Err)
}

// Unwrap gives the system error.
func (e *SaveError) Unwrap() error { return e.Err }

// saveError is a failed write of one of an audit's files.
func saveError(id, path string, err error) error {
	return &SaveError{ID: id, Path: path, Problem: WriteProblemOf(err), Err: err}
}

// writeError is a failed write of a file that is not the audit record.
func writeError(path string, err error) error {
	return &SaveError{Path: path, Problem: WriteProblemOf(err), Err: err}
}

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

// isDiskFull reports a write that failed because the disk or the user's
// quota is full.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// isTooLarge reports a write refused by a file size limit (ulimit -f, FAT32).
func isTooLarge(err error) bool { return errors.Is(err, syscall.EFBIG) }

// saveError words a failed write of one of an audit's files.
func saveError(id, path string, err error) error {
	switch {
	case isDiskFull(err):
		return fmt.Errorf(msgDiskFull, id, path, err)
	case isTooLarge(err):
		return fmt.Errorf(msgFileTooLarge, id, path, err)
	}
	return fmt.Errorf(msgSaveFailed, id, path, err)
}

// writeError words a failed write of a file that is not the audit record.
func writeError(path string, err error) error {
	if isDiskFull(err) || isTooLarge(err) {
		return fmt.Errorf(msgDiskFullFile, path, err)
	}
	return fmt.Errorf(msgWriteFailed, path, err)
}

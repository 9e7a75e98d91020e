package identity

import (
	"bufio"
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/assay-dev/assay/standards/safefile"
)

// Writing an identity replaces a key and its certificate together: a new
// key beside an old certificate (or none) signs nothing, and a disk that
// fills up halfway must not leave the inspector with no identity at all.
// So a change is staged first and committed after:
//
//  1. every new file is written and fsynced beside the old ones, as
//     .<name>.new; the old identity is still the one in use;
//  2. when the old files are to be kept, they are hard-linked into
//     old-<time>/ (linking moves nothing: the old identity stays in place);
//  3. the list of files to install is written and fsynced as .replacing:
//     from here the change is decided;
//  4. the new files are renamed over the old ones, and .replacing removed.
//
// A failure in steps 1–3 removes what was staged and leaves the old
// identity untouched. A crash in step 4 is finished by the next Load (or
// write), which finds .replacing; a crash before it leaves only .new files,
// which are removed.

const (
	pendingMark   = ".replacing"
	pendingSuffix = ".new"
)

// identityFiles are the files that make up an identity, in install order.
var identityFiles = []string{KeyFile, CertFile, ChainFile}

// WriteError is a failed write of a new identity. Nothing was replaced:
// when Kept is true the previous key and certificate are still in place
// and in use; when false there was none.
type WriteError struct {
	Dir  string
	Kept bool
	Err  error
}

// Error says what failed and, as it matters most, that the old identity
// still works.
func (e *WriteError) Error() string {
	if e.Kept {
		return fmt.Sprintf(msgWriteKept, e.Dir, e.Err)
	}
	return fmt.Sprintf(msgWriteNone, e.Dir, e.Err)
}

// Unwrap gives the system error (errors.Is(err, syscall.ENOSPC)).
func (e *WriteError) Unwrap() error { return e.Err }

// staged is one file of a change: new content, or removal when remove.
type staged struct {
	name   string
	data   []byte
	perm   os.FileMode
	remove bool
}

// identityChange lists the files of key, cert and chain; a nil key leaves
// key.pem alone (a certificate imported for the current key).
func identityChange(key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate) ([]staged, error) {
	var files []staged
	if key != nil {
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return nil, err
		}
		files = append(files, staged{name: KeyFile, data: pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), perm: 0o600})
	}
	files = append(files, staged{name: CertFile, data: certsPEM([]*x509.Certificate{cert}), perm: 0o644})
	if len(chain) == 0 {
		files = append(files, staged{name: ChainFile, remove: true})
	} else {
		files = append(files, staged{name: ChainFile, data: certsPEM(chain), perm: 0o644})
	}
	return files, nil
}

// save installs key (nil: keep the current one), cert and chain as one
// change, keeping the old files in old-<time>/ when archive is set.
func save(home string, key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate, archive bool) error {
	files, err := identityChange(key, cert, chain)
	if err != nil {
		return err
	}
	dir := Dir(home)
	if err := stage(dir, files, archive); err != nil {
		return err
	}
	return commit(dir)
}

// stage does steps 1 to 3: after it returns nil the change is decided.
func stage(dir string, files []staged, archive bool) (err error) {
	kept := exists(dir)
	fail := func(e error) error {
		discard(dir)
		return &WriteError{Dir: dir, Kept: kept, Err: e}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return &WriteError{Dir: dir, Kept: kept, Err: err}
	}
	// An earlier change cut short by a crash is finished (or dropped)
	// first, so this one starts from a whole identity.
	if err := recoverPending(dir); err != nil {
		return &WriteError{Dir: dir, Kept: kept, Err: err}
	}
	var mark bytes.Buffer
	for _, f := range files {
		if f.remove {
			fmt.Fprintf(&mark, "remove %s\n", f.name)
			continue
		}
		if err := writeSynced(filepath.Join(dir, "."+f.name+pendingSuffix), f.data, f.perm); err != nil {
			return fail(err)
		}
		fmt.Fprintf(&mark, "install %s\n", f.name)
	}
	if err := syncDir(dir); err != nil {
		return fail(err)
	}
	if archive && kept {
		if err := archiveLinks(dir); err != nil {
			return fail(err)
		}
	}
	if err := writeSynced(filepath.Join(dir, pendingMark), mark.Bytes(), 0o600); err != nil {
		os.Remove(filepath.Join(dir, pendingMark))
		return fail(err)
	}
	if err := syncDir(dir); err != nil {
		// The mark may or may not be on disk: either way the next load
		// ends in a whole identity, old or new. Finish it now.
		return commit(dir)
	}
	return nil
}

// commit does step 4: rename the staged files into place as .replacing
// lists them, then forget the change.
func commit(dir string) error {
	data, err := safefile.ReadFile(filepath.Join(dir, pendingMark), safefile.LimitSmall)
	if err != nil {
		return &FolderError{Problem: FolderCommitFailed, Path: dir, Err: err}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		op, name, _ := strings.Cut(sc.Text(), " ")
		if !isIdentityFile(name) {
			continue
		}
		path := filepath.Join(dir, name)
		switch op {
		case "install":
			err := os.Rename(filepath.Join(dir, "."+name+pendingSuffix), path)
			if errors.Is(err, fs.ErrNotExist) {
				// Renamed already, before a crash: check it is there.
				_, err = os.Stat(path)
			}
			if err != nil {
				return &FolderError{Problem: FolderCommitFailed, Path: dir, Err: err}
			}
		case "remove":
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &FolderError{Problem: FolderCommitFailed, Path: dir, Err: err}
			}
		}
	}
	if err := syncDir(dir); err != nil {
		return &FolderError{Problem: FolderCommitFailed, Path: dir, Err: err}
	}
	if err := os.Remove(filepath.Join(dir, pendingMark)); err != nil {
		return &FolderError{Problem: FolderCommitFailed, Path: dir, Err: err}
	}
	return syncDir(dir)
}

// recoverPending finishes a change that was decided (.replacing exists)
// and drops one that was not (only .new files exist). It is a no-op on a
// folder with no change in progress, which is nearly always.
func recoverPending(dir string) error {
	if _, err := os.Lstat(filepath.Join(dir, pendingMark)); err == nil {
		return commit(dir)
	}
	discard(dir)
	return nil
}

// discard removes staged files that were never committed.
func discard(dir string) {
	for _, name := range identityFiles {
		os.Remove(filepath.Join(dir, "."+name+pendingSuffix))
	}
}

func isIdentityFile(name string) bool {
	for _, n := range identityFiles {
		if n == name {
			return true
		}
	}
	return false
}

// archiveLinks keeps the current files in old-<time>/ by hard links (a
// copy where the file system has none), without moving them.
func archiveLinks(dir string) error {
	stamp := now().UTC().Format("20060102T150405Z")
	old := filepath.Join(dir, "old-"+stamp)
	for n := 2; ; n++ {
		err := os.Mkdir(old, 0o700)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		old = filepath.Join(dir, fmt.Sprintf("old-%s-%d", stamp, n))
	}
	for _, f := range identityFiles {
		src, dst := filepath.Join(dir, f), filepath.Join(old, f)
		err := os.Link(src, dst)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			err = copyFile(src, dst)
		}
		if err != nil {
			os.RemoveAll(old)
			return err
		}
	}
	if err := syncDir(old); err != nil {
		os.RemoveAll(old)
		return err
	}
	return nil
}

// copyFile copies src to dst with src's permissions, fsynced.
func copyFile(src, dst string) error {
	in, st, err := safefile.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	data, err := safefile.ReadOpen(in, st, safefile.LimitCert)
	if err != nil {
		return err
	}
	return writeSynced(dst, data, st.Mode().Perm())
}

// writeSynced creates path with perm (a key is never briefly readable by
// others), writes data and fsyncs it. A partial file is removed.
func writeSynced(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if err := f.Chmod(perm); err != nil { // O_TRUNC kept an older file's mode
		f.Close()
		os.Remove(path)
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// syncDir fsyncs a folder so renames in it survive a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

func certsPEM(certs []*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ExportFile is a report being written into an audit's exports folder: a
// hidden temp file there until Commit gives it its name. A report is
// written into it as it is produced, so an export never holds a whole copy
// of a report of hundreds of photos in memory.
type ExportFile struct {
	*os.File
	store *Store
	dir   string
	done  bool
}

// partialPrefix starts the names of exports being written.
const partialPrefix = ".partial-"

// CreateExport creates the temp file for a new export of audit id. It also
// removes what exports cut short by a crash left behind (temp files over a
// day old).
func (s *Store) CreateExport(id string) (*ExportFile, error) {
	dir, err := s.dir(id)
	if err != nil {
		return nil, err
	}
	edir := filepath.Join(dir, exportsDir)
	if err := os.MkdirAll(edir, 0o755); err != nil {
		return nil, writeError(edir, err)
	}
	removeStalePartials(edir, time.Now().Add(-24*time.Hour))
	for range 100 {
		p := filepath.Join(edir, partialPrefix+strconv.FormatUint(rand.Uint64(), 36)+".pdf")
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, writeError(p, err)
		}
		return &ExportFile{File: f, store: s, dir: edir}, nil
	}
	return nil, fmt.Errorf(msgWriteFailed, edir, "cannot create a temp file")
}

// removeStalePartials removes temp exports older than before.
func removeStalePartials(dir string, before time.Time) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), partialPrefix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(before) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Commit makes the file durable, gives it name in the exports folder and
// returns its path. It never overwrites: an existing name gets -2, -3, ...
// before the extension. The file is closed afterwards, whatever happens;
// on error it is removed.
func (e *ExportFile) Commit(name string) (path string, err error) {
	if e.done {
		return "", errors.New("audit: export already committed or discarded")
	}
	defer func() {
		if err != nil {
			e.Discard()
		}
	}()
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return "", fmt.Errorf(msgBadExportName, name)
	}
	if !e.store.NoSync {
		if err := e.Sync(); err != nil {
			return "", writeError(e.Name(), err)
		}
	}
	if err := e.Close(); err != nil {
		return "", writeError(e.Name(), err)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 10000; n++ {
		cand := name
		if n > 1 {
			cand = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		path := filepath.Join(e.dir, cand)
		taken, err := linkNew(e.Name(), path)
		if taken {
			continue
		}
		if err != nil {
			return "", writeError(path, err)
		}
		e.done = true
		if !e.store.NoSync {
			_ = syncDir(e.dir)
		}
		return path, nil
	}
	return "", fmt.Errorf(msgWriteFailed, filepath.Join(e.dir, name), "too many exports with this name")
}

// linkNew gives the file tmp the name path unless path exists (taken), and
// removes the name tmp: a hard link refuses an existing file atomically;
// where there are no hard links (FAT on a USB stick) it checks, then
// renames.
func linkNew(tmp, path string) (taken bool, err error) {
	err = os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return true, nil
	}
	if err != nil {
		if _, serr := os.Lstat(path); serr == nil {
			return true, nil
		}
		return false, os.Rename(tmp, path)
	}
	os.Remove(tmp)
	return false, nil
}

// Discard closes and removes the temp file; after Commit it does nothing.
func (e *ExportFile) Discard() {
	if e.done {
		return
	}
	e.done = true
	e.Close()
	os.Remove(e.Name())
}

// SaveExport writes data as exports/<name> of an audit and returns its
// path. It never overwrites: an existing name gets -2, -3, ... before the
// extension.
func (s *Store) SaveExport(id, name string, data []byte) (string, error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf(msgBadExportName, name)
	}
	e, err := s.CreateExport(id)
	if err != nil {
		return "", err
	}
	if _, err := e.Write(data); err != nil {
		e.Discard()
		return "", writeError(e.Name(), err)
	}
	return e.Commit(name)
}

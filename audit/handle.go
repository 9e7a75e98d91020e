package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Handle is an audit opened for editing: it holds the audit's exclusive
// lock until Close.
type Handle struct {
	s    *Store
	id   string
	dir  string
	lock *auditLock

	mu     sync.Mutex
	a      *Audit
	closed bool
	// listed is the list entry this handle last wrote to summary.json.
	listed *Entry
}

// Create makes the folder for a new audit, locks it and saves a.
func (s *Store) Create(a *Audit) (*Handle, error) {
	if a == nil {
		return nil, errors.New("no audit to create")
	}
	dir, err := s.dir(a.ID)
	if err != nil {
		return nil, err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("audit %s already exists in %s", a.ID, dir)
		}
		return nil, saveError(a.ID, dir, err)
	}
	if !s.NoSync {
		_ = syncDir(filepath.Dir(dir))
	}
	lk, err := lockDir(a.ID, dir)
	if err != nil {
		return nil, err
	}
	h := &Handle{s: s, id: a.ID, dir: dir, lock: lk}
	if err := h.Save(a); err != nil {
		h.Close()
		// Leave no half-made audit behind: nothing else can refer to it yet.
		os.RemoveAll(dir)
		return nil, err
	}
	return h, nil
}

// Open locks an audit for editing and loads it. A second process gets an
// error wrapping ErrLocked.
func (s *Store) Open(id string) (*Handle, error) {
	dir, lk, err := s.lockExisting(id)
	if err != nil {
		return nil, err
	}
	a, err := s.Load(id)
	if err != nil {
		lk.unlock()
		return nil, err
	}
	return &Handle{s: s, id: id, dir: dir, lock: lk, a: a}, nil
}

// lockExisting takes the lock of an existing audit's folder.
func (s *Store) lockExisting(id string) (string, *auditLock, error) {
	dir, err := s.dir(id)
	if err != nil {
		return "", nil, err
	}
	if _, err := os.Stat(dir); err != nil {
		return "", nil, fmt.Errorf(msgNoSuchAudit, id, filepath.Join(s.home, auditsDir))
	}
	lk, err := lockDir(id, dir)
	if err != nil {
		return "", nil, err
	}
	return dir, lk, nil
}

// checkOwn refuses an audit that is not the one this handle locked.
func (h *Handle) checkOwn(a *Audit) error {
	if a == nil || a.ID != h.id {
		got := ""
		if a != nil {
			got = a.ID
		}
		return fmt.Errorf(msgWrongAudit, h.id, got)
	}
	return nil
}

// ID returns the audit id of the handle.
func (h *Handle) ID() string { return h.id }

// Audit returns the audit as last loaded or saved through this handle.
func (h *Handle) Audit() *Audit {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.a
}

// Save writes a crash-safely: the previous version is kept as
// audit.json.bak, and summary.json, the audit's line in the list, is
// rewritten when that line changes. A finalized audit may be saved only if
// its frozen content is unchanged (export bookkeeping); other changes need
// an amendment first.
func (h *Handle) Save(a *Audit) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return fmt.Errorf(msgClosed, h.id)
	}
	if err := h.checkOwn(a); err != nil {
		return err
	}
	if !a.Editable() {
		sum, err := ContentHash(a)
		if err != nil {
			return fmt.Errorf(msgSaveFailed, h.id, filepath.Join(h.dir, auditFile), err)
		}
		if sum != a.ContentHash {
			return errors.New(msgFinalized)
		}
	}
	prevUpdated, prevSchema := a.Updated, a.Schema
	a.Updated = h.s.now().UTC()
	if a.Schema == 0 {
		a.Schema = SchemaVersion
	}
	bumpSchema(a)
	data, err := encodeAudit(a)
	if err != nil {
		a.Updated, a.Schema = prevUpdated, prevSchema
		return fmt.Errorf(msgSaveFailed, h.id, filepath.Join(h.dir, auditFile), err)
	}
	path := filepath.Join(h.dir, auditFile)
	o := h.s.writeOpts()
	o.backup = true
	if err := writeAtomic(path, data, o); err != nil {
		a.Updated, a.Schema = prevUpdated, prevSchema
		return saveError(h.id, path, err)
	}
	h.a = a
	// Most saves change a note, not the audit's line in the list (verdict
	// counts, header, status): summary.json is then left as it is, and
	// goes stale (it records audit.json's size and time), so the next List
	// recomputes the line; writing it on every save was 40 % of a save.
	// It is derived: a failure to write it loses nothing either.
	e := h.s.entryFor(a)
	if h.listed == nil || !sameListing(*h.listed, e) {
		if st, err := os.Stat(path); err == nil && h.s.writeSummary(h.dir, a, e, st) == nil {
			h.listed = &e
		}
	}
	return nil
}

// Close releases the lock. The handle cannot save afterwards.
func (h *Handle) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	h.closed = true
	return h.lock.unlock()
}

package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
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

// OpenStore opens (creating if needed) the store at home. cats resolves the
// catalog each audit was made against, for list summaries; it may be nil.
func OpenStore(home string, cats *standards.Set) (*Store, error) {
	if home == "" {
		return nil, fmt.Errorf(msgNoHome, "empty path")
	}
	for _, d := range []string{auditsDir, trashDir} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", filepath.Join(home, d), err)
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

// Position is where the inspector was in the walk, to resume there.
type Position struct {
	Area        string `json:"area,omitempty"`
	Requirement string `json:"requirement,omitempty"`
	Scroll      int    `json:"scroll,omitempty"`
}

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
// audit.json.bak, and summary.json is refreshed for fast listing. A
// finalized audit may be saved only if its frozen content is unchanged
// (export bookkeeping); other changes need an amendment first.
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
	if a.Schema == 0 || a.Editable() {
		// A draft is written in today's schema; a finalized revision keeps
		// the number its content hash covers.
		a.Schema = SchemaVersion
	}
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
	// The summary is derived and recomputed when stale, so a failure to
	// write it loses nothing; the audit itself is safely saved.
	_ = h.s.writeSummary(h.dir, a, data)
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

// encodeAudit is the one place audit.json bytes are made: indented so the
// file reads well in a text editor and diffs well.
func encodeAudit(a *Audit) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return indentJSON(buf.Bytes()), nil
}

// indentJSON indents compact JSON as encoding/json's Indent(dst, src, "",
// "  ") does, byte for byte, in a third of its time: src is known to be
// valid (json.Encoder made it), so there is nothing to check, only strings
// to skip. Saving is on the autosave path, where this halves the cost.
func indentJSON(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/4)
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// The closing quote is the first one not escaped, i.e. not
			// preceded by an odd run of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				n := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			out = append(out, src[i:j+1]...)
			i = j
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

// CorruptError says an audit file cannot be read, why, and whether a backup
// exists. The file is never overwritten by the store.
type CorruptError struct {
	Path      string
	Reason    string
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
			return nil, &CorruptError{Path: path, Reason: "file is missing", HasBackup: fileExists(path + backupSuffix), ID: id}
		}
		if r, odd := oddFileReason(err); odd {
			return nil, &CorruptError{Path: path, Reason: r, HasBackup: fileExists(path + backupSuffix), ID: id}
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
		return nil, &CorruptError{Path: path, Reason: err.Error(), HasBackup: fileExists(path + backupSuffix), ID: id}
	}
	if a.ID != id {
		return nil, &CorruptError{Path: path, Reason: fmt.Sprintf(msgIDMismatch, a.ID, id), HasBackup: fileExists(path + backupSuffix), ID: id}
	}
	// A finalized revision is frozen: content that no longer matches its
	// recorded hash was edited outside assay or damaged. Opening it as if
	// nothing happened would let amend build on it and export sign it (a
	// signed report whose own verification then fails).
	if a.Status == Finalized {
		if sum, err := ContentHash(a); err != nil || sum != a.ContentHash {
			return nil, &CorruptError{Path: path, Reason: fmt.Sprintf(msgHashMismatch, a.Revision, shortHash(a.ContentHash), shortHash(sum)),
				HasBackup: fileExists(path + backupSuffix), ID: id}
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

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

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
			return fmt.Errorf(msgNoBackup, id)
		}
		return err
	}
	if _, err := s.decodeFile(id, path+backupSuffix, bak); err != nil {
		return fmt.Errorf(msgBackupCorrupt, err)
	}
	// Only an unreadable audit is replaced: on a good one this would
	// silently undo the last save.
	if cur, err := readAuditFile(path); err == nil {
		if _, err := s.decodeFile(id, path, cur); err == nil {
			return fmt.Errorf(msgNotCorrupt, id)
		}
	}
	if fileExists(path) {
		keep := path + ".corrupt-" + s.now().UTC().Format("20060102T150405.000000000Z")
		// A hard link keeps the corrupt bytes without ever leaving the
		// folder with no audit.json.
		if err := os.Link(path, keep); err != nil {
			return fmt.Errorf("keeping the unreadable %s as %s: %w", path, keep, err)
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
		return err
	}
	if err := os.Rename(dir, to); err != nil {
		return fmt.Errorf("moving audit %s to the trash: %w", id, err)
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

// SaveExport writes data as exports/<name> of an audit and returns its
// path. It never overwrites: an existing name gets -2, -3, ... before the
// extension.
func (s *Store) SaveExport(id, name string, data []byte) (string, error) {
	dir, err := s.dir(id)
	if err != nil {
		return "", err
	}
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf(msgBadExportName, name)
	}
	edir := filepath.Join(dir, exportsDir)
	if err := os.MkdirAll(edir, 0o755); err != nil {
		return "", writeError(edir, err)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 10000; n++ {
		cand := name
		if n > 1 {
			cand = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		path := filepath.Join(edir, cand)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", writeError(path, err)
		}
		if _, err = f.Write(data); err == nil && !s.NoSync {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return "", writeError(path, err)
		}
		if !s.NoSync {
			_ = syncDir(edir)
		}
		return path, nil
	}
	return "", fmt.Errorf(msgWriteFailed, filepath.Join(edir, name), "too many exports with this name")
}

// SchemaError refuses an audit file written by a newer assay: opening it
// here could silently drop what the newer version recorded.
type SchemaError struct {
	Schema int
}

// Error says what to do about it.
func (e *SchemaError) Error() string {
	return fmt.Sprintf(msgSchemaTooNew, e.Schema, SchemaVersion)
}

// DecodeAudit turns audit.json bytes into an Audit, migrating files written
// by older versions. Errors carry the line and column of the problem.
func DecodeAudit(data []byte) (*Audit, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, errors.New(msgEmpty)
	}
	if trimmed[0] != '{' {
		if !json.Valid(trimmed) {
			return nil, jsonProblem(data, json.Unmarshal(data, new(any)))
		}
		return nil, errors.New(msgNotObject)
	}
	var a Audit
	err := json.Unmarshal(data, &a)
	if err != nil {
		// A type error may come from a newer schema: say that instead.
		var probe struct {
			Schema *int `json:"schema"`
		}
		if json.Unmarshal(data, &probe) != nil {
			return nil, jsonProblem(data, err)
		}
		switch {
		case probe.Schema != nil && *probe.Schema > SchemaVersion:
			return nil, &SchemaError{Schema: *probe.Schema}
		case probe.Schema == nil || *probe.Schema < SchemaVersion:
			// Older files may hold shapes today's types reject.
			m, merr := migrate(data)
			if merr != nil {
				return nil, merr
			}
			return checkDecoded(m)
		}
		return nil, jsonProblem(data, err)
	}
	switch {
	case a.Schema > SchemaVersion:
		return nil, &SchemaError{Schema: a.Schema}
	case a.Schema < 0:
		return nil, fmt.Errorf(msgSchemaUnknown, a.Schema)
	case a.Schema < additiveSince:
		m, err := migrate(data)
		if err != nil {
			return nil, err
		}
		a = *m
	}
	// A file of schema additiveSince or later reads as it is, keeping its
	// schema number: later schemas only added optional fields, and a
	// finalized revision's content hash covers the number it was frozen
	// with. Save writes the current schema when the audit is a draft.
	return checkDecoded(&a)
}

// checkDecoded applies the checks every decoded audit must pass and fills
// what a reader may rely on being non-nil.
func checkDecoded(a *Audit) (*Audit, error) {
	if a.ID == "" {
		return nil, errors.New(msgNoID)
	}
	if a.Findings == nil {
		a.Findings = map[string]*Finding{}
	}
	for id, f := range a.Findings {
		if f == nil {
			delete(a.Findings, id)
		}
	}
	return a, nil
}

// jsonProblem words a JSON decoding error with the line and column where
// it happened.
func jsonProblem(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset)
		if syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return fmt.Errorf(msgTruncated, line, col)
		}
		return fmt.Errorf(msgSyntax, line, col, err)
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "(top level)"
		}
		return fmt.Errorf(msgWrongType, field, jsonKindWord(typ.Value), goKindWord(typ.Type), line, col)
	case err != nil && strings.Contains(err.Error(), "unexpected end of JSON input"):
		line, col := lineCol(data, int64(len(data)))
		return fmt.Errorf(msgTruncated, line, col)
	}
	// A date and time that does not parse comes back from time.Time as
	// Go's layout string, without the field: find it.
	if de := findBadTime(data); de != nil {
		return de
	}
	return err
}

// DateError is a date and time in audit.json that is not one: which field,
// what it holds, and where. (Dates typed by the inspector, like the audit's
// start date, are checked by ValidateHeader instead.)
type DateError struct {
	Field     string // e.g. "updated", `findings["1.1.1"].updated`
	Value     string // as written in the file, JSON quotes included
	Line, Col int
}

// Error names the field and the expected form.
func (e *DateError) Error() string {
	return fmt.Sprintf(msgBadTime, e.Field, e.Value, timeExample, e.Line, e.Col)
}

// timeKeys are the JSON names of the audit's time.Time fields.
var timeKeys = map[string]bool{"created": true, "updated": true, "imported": true, "captured": true, "finalized": true}

// timeExample shows the expected form of a date and time in audit.json.
const timeExample = "2026-11-23T10:22:01Z"

// findBadTime walks the JSON of an audit and returns the first time field
// whose value is not an RFC 3339 date and time (or null), or nil.
func findBadTime(data []byte) *DateError {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		path   string
		object bool
		key    string // object: the key whose value comes next
		want   bool   // object: the next token is a key
		index  int    // array: the next element's index
	}
	var stack []frame
	// child is the path of the value about to be read, and its key.
	child := func() (string, string) {
		if len(stack) == 0 {
			return "", ""
		}
		f := &stack[len(stack)-1]
		if f.object {
			switch {
			case f.path == "":
				return f.key, f.key
			case strings.HasSuffix(f.path, "findings"):
				return fmt.Sprintf("%s[%q]", f.path, f.key), f.key
			}
			return f.path + "." + f.key, f.key
		}
		return fmt.Sprintf("%s[%d]", f.path, f.index), ""
	}
	// done marks the value just read as finished in its container.
	done := func() {
		if len(stack) == 0 {
			return
		}
		f := &stack[len(stack)-1]
		if f.object {
			f.want = true
		} else {
			f.index++
		}
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p, _ := child()
				stack = append(stack, frame{path: p, object: d == '{', want: true})
			case '}', ']':
				stack = stack[:len(stack)-1]
				done()
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].want {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].want = false
			continue
		}
		path, key := child()
		if timeKeys[key] && len(stack) > 0 && stack[len(stack)-1].object && tok != nil {
			str, isStr := tok.(string)
			if _, perr := time.Parse(time.RFC3339Nano, str); !isStr || perr != nil {
				start := valueStart(data, before)
				line, col := lineCol(data, start)
				raw := string(data[start:dec.InputOffset()])
				if len(raw) > 80 {
					raw = strings.ToValidUTF8(raw[:80], "") + "…"
				}
				return &DateError{Field: path, Value: raw, Line: line, Col: col}
			}
		}
		done()
	}
}

// valueStart skips the separators and blanks between the end of the
// previous JSON token, at off, and the next value.
func valueStart(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off
}

// jsonKindWord names the kind of a JSON value as json.UnmarshalTypeError
// reports it ("string", "number", ...), in the words a reader expects.
func jsonKindWord(v string) string {
	switch {
	case v == "string":
		return kindText
	case v == "bool":
		return kindBool
	case v == "array":
		return kindList
	case v == "object":
		return kindObject
	case v == "null":
		return kindNull
	case v == "number" || strings.HasPrefix(v, "number "):
		return kindNumber
	}
	return kindOther
}

// goKindWord names what a Go type expects, in the same words.
func goKindWord(t reflect.Type) string {
	if t == nil {
		return kindOther
	}
	switch t.Kind() {
	case reflect.String:
		return kindText
	case reflect.Bool:
		return kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return kindNumber
	case reflect.Slice, reflect.Array:
		return kindList
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return kindObject
	}
	return kindOther
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// migrations[v] upgrades a generic JSON object from schema v to v+1.
var migrations = map[int]func(map[string]any) error{
	0: migrateV0,
	1: migrateV1,
}

// additiveSince is the first schema whose files need no migration: every
// schema after it only added optional fields.
const additiveSince = 1

// migrateV1 upgrades schema 1 to 2: nothing to change, schema 2 only adds
// optional fields (the yearly cycle's previous audit and corrective
// actions; issue 13's audit plan, interviews and closing meeting), each
// absent in a schema-1 file and in a schema-2 file that does not use it.
func migrateV1(map[string]any) error { return nil }

// migrate upgrades an older audit file step by step to SchemaVersion.
func migrate(data []byte) (*Audit, error) {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonProblem(data, err)
	}
	v := 0
	if s, ok := doc["schema"].(float64); ok {
		v = int(s)
	}
	for ; v < SchemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return nil, fmt.Errorf(msgSchemaUnknown, v)
		}
		if err := step(doc); err != nil {
			return nil, fmt.Errorf("migrating from schema %d: %w", v, err)
		}
		doc["schema"] = v + 1
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var a Audit
	if err := json.Unmarshal(out, &a); err != nil {
		return nil, fmt.Errorf("migrating from an older schema: %w", jsonProblem(out, err))
	}
	return &a, nil
}

// v0VerdictNames maps the verdict spellings of schema 0 (the prototype's
// files, which had no "schema" key) to today's.
var v0VerdictNames = map[string]Verdict{
	"":               Open,
	"open":           Open,
	"ok":             Conforms,
	"conforms":       Conforms,
	"nc-minor":       Minor,
	"minor":          Minor,
	"nc-major":       Major,
	"major":          Major,
	"n/a":            NA,
	"na":             NA,
	"not-applicable": NA,
}

// migrateV0 upgrades a prototype file: one "inspector" instead of
// lead_inspector and co_inspectors, verdicts spelled "ok"/"nc-minor"/
// "nc-major"/"n/a", findings that were a bare verdict string, no status,
// revision or due-date policy.
func migrateV0(doc map[string]any) error {
	if h, ok := doc["header"].(map[string]any); ok {
		if insp, ok := h["inspector"].(string); ok {
			if _, has := h["lead_inspector"]; !has {
				h["lead_inspector"] = insp
			}
			delete(h, "inspector")
		}
		if co, ok := h["co_inspector"].(string); ok {
			if _, has := h["co_inspectors"]; !has && co != "" {
				h["co_inspectors"] = []any{co}
			}
			delete(h, "co_inspector")
		}
	}
	if fs, ok := doc["findings"].(map[string]any); ok {
		for id, raw := range fs {
			var f map[string]any
			switch v := raw.(type) {
			case string:
				f = map[string]any{"verdict": v}
			case map[string]any:
				f = v
			case nil:
				delete(fs, id)
				continue
			default:
				return fmt.Errorf("finding %s is neither a verdict nor an object", id)
			}
			name, _ := f["verdict"].(string)
			verdict, ok := v0VerdictNames[strings.ToLower(strings.TrimSpace(name))]
			if !ok {
				return fmt.Errorf("finding %s has unknown verdict %q", id, name)
			}
			f["verdict"] = string(verdict)
			fs[id] = f
		}
	}
	if _, ok := doc["status"]; !ok {
		doc["status"] = string(Draft)
	}
	if r, ok := doc["revision"].(float64); !ok || r < 1 {
		doc["revision"] = 1
	}
	if _, ok := doc["due_date_policy"]; !ok {
		doc["due_date_policy"] = map[string]any{
			"minor_days": DefaultDatePolicy.MinorDays,
			"major_days": DefaultDatePolicy.MajorDays,
		}
	}
	return nil
}

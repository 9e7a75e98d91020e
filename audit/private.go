package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/assay-dev/assay/standards/safefile"
)

// The private folder of an audit holds what must never leave the
// inspector's laptop: the real names and contacts of the people
// interviewed. It is apart from audit.json on purpose: audit.json travels
// inside every signed report, this never does. Nothing in assay reads it
// except to show or edit it, and 'interviews list --include-private'.
const (
	privateDir  = "private"
	privateFile = "interviewees.json"
	// privateDirPerm and privateFilePerm keep the folder and the file to
	// the inspector's own account.
	privateDirPerm  = 0o700
	privateFilePerm = 0o600
)

// privateSchema is the version of interviewees.json.
const privateSchema = 1

// Contact is what the inspector recorded about who an interview heard:
// kept on the laptop only, so that the inspector can ask for the same
// person again and the certification body can, if it must, ask the
// inspector.
type Contact struct {
	Name    string `json:"name,omitempty"`
	Contact string `json:"contact,omitempty"`
}

// IsZero reports whether nothing is recorded.
func (c Contact) IsZero() bool {
	return strings.TrimSpace(c.Name) == "" && strings.TrimSpace(c.Contact) == ""
}

// Private is the content of an audit's private folder: each interviewee's
// name and contact, by pseudonym.
type Private struct {
	Interviewees map[string]Contact `json:"interviewees"`
}

// Clone copies p so that neither shares its map with the other.
func (p Private) Clone() Private {
	c := Private{Interviewees: make(map[string]Contact, len(p.Interviewees))}
	for k, v := range p.Interviewees {
		c.Interviewees[k] = v
	}
	return c
}

// Of returns the contact recorded for a pseudonym.
func (p Private) Of(pseudonym string) Contact { return p.Interviewees[pseudonym] }

// Set records (or, when c is empty, forgets) the contact of a pseudonym,
// its text made safe.
func (p *Private) Set(pseudonym string, c Contact) {
	c.Name = strings.TrimSpace(strings.ReplaceAll(Sanitize(c.Name), "\n", " "))
	c.Contact = strings.TrimSpace(strings.ReplaceAll(Sanitize(c.Contact), "\n", " "))
	if c.IsZero() {
		delete(p.Interviewees, pseudonym)
		return
	}
	if p.Interviewees == nil {
		p.Interviewees = map[string]Contact{}
	}
	p.Interviewees[pseudonym] = c
}

// privateRecord is interviewees.json: a schema number and the names.
type privateRecord struct {
	Schema       int                `json:"schema"`
	Interviewees map[string]Contact `json:"interviewees"`
}

// PrivateError says the private names of an audit could not be read or
// written: which file and why. The names are never part of the message.
type PrivateError struct {
	Path string
	Err  error
}

// Error names the file and the cause.
func (e *PrivateError) Error() string { return fmt.Sprintf("private names %s: %v", e.Path, e.Err) }

// Unwrap gives the cause.
func (e *PrivateError) Unwrap() error { return e.Err }

// privatePath is an audit's interviewees.json.
func (s *Store) privatePath(id string) (string, error) {
	dir, err := s.dir(id)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, privateDir, privateFile), nil
}

// LoadPrivate reads an audit's private names. An audit without any has an
// empty Private and no error.
func (s *Store) LoadPrivate(id string) (Private, error) {
	path, err := s.privatePath(id)
	if err != nil {
		return Private{}, err
	}
	data, err := safefile.ReadFile(path, safefile.LimitAudit)
	if errors.Is(err, fs.ErrNotExist) {
		return Private{Interviewees: map[string]Contact{}}, nil
	}
	if err != nil {
		return Private{}, &PrivateError{Path: path, Err: err}
	}
	var rec privateRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return Private{}, &PrivateError{Path: path, Err: jsonProblem(data, err)}
	}
	if rec.Schema > privateSchema {
		return Private{}, &PrivateError{Path: path, Err: fmt.Errorf("written by a newer assay (schema %d; this one reads %d)", rec.Schema, privateSchema)}
	}
	p := Private{Interviewees: map[string]Contact{}}
	for k, c := range rec.Interviewees {
		p.Set(k, c)
	}
	return p, nil
}

// LoadPrivate reads the private names of the handle's audit.
func (h *Handle) LoadPrivate() (Private, error) { return h.s.LoadPrivate(h.id) }

// SavePrivate writes the private names of the handle's audit crash-safely,
// as audit.json is written, into audits/<id>/private/ (mode 0700) as
// interviewees.json (mode 0600): only the inspector's account can read
// them. A folder or file found with wider permissions is narrowed first.
func (h *Handle) SavePrivate(p Private) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return fmt.Errorf(msgClosed, h.id)
	}
	dir := filepath.Join(h.dir, privateDir)
	path := filepath.Join(dir, privateFile)
	if err := os.Mkdir(dir, privateDirPerm); err != nil && !errors.Is(err, fs.ErrExist) {
		return &PrivateError{Path: path, Err: err}
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return &PrivateError{Path: path, Err: err}
	}
	if !st.IsDir() {
		return &PrivateError{Path: path, Err: &safefile.Error{Path: dir, Kind: safefile.Irregular}}
	}
	if st.Mode().Perm() != privateDirPerm {
		if err := os.Chmod(dir, privateDirPerm); err != nil {
			return &PrivateError{Path: path, Err: err}
		}
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode().Perm()&^privateFilePerm != 0 {
		// The old file is replaced below; until then nobody else may read it.
		if err := os.Chmod(path, privateFilePerm); err != nil {
			return &PrivateError{Path: path, Err: err}
		}
	}
	data, err := encodePrivate(p)
	if err != nil {
		return &PrivateError{Path: path, Err: err}
	}
	o := h.s.writeOpts()
	o.perm = privateFilePerm
	if err := writeAtomic(path, data, o); err != nil {
		return &PrivateError{Path: path, Err: err}
	}
	return nil
}

// encodePrivate is interviewees.json's bytes: indented, pseudonyms in
// order.
func encodePrivate(p Private) ([]byte, error) {
	keys := make([]string, 0, len(p.Interviewees))
	for k := range p.Interviewees {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rec := privateRecord{Schema: privateSchema, Interviewees: make(map[string]Contact, len(keys))}
	for _, k := range keys {
		if c := p.Interviewees[k]; !c.IsZero() {
			rec.Interviewees[k] = c
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

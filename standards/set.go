package standards

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/assay-dev/assay/standards/safefile"
)

// DefaultID is the catalog new audits use unless the inspector picks another.
const DefaultID = "fairmined-2.0"

// ErrNotFound is wrapped by the error ForIdentity returns when no loaded
// catalog has the audit's id and version.
var ErrNotFound = errors.New(msgErrNotFound)

// NotFoundError says which catalog is missing and which ones are loaded;
// errors.Is(err, ErrNotFound) holds for it. A surface words it from ID,
// Version and Available; Message is the English sentence for Error.
type NotFoundError struct {
	ID, Version string
	// Available are the catalogs loaded (id and version), sorted.
	Available []Identity
	Message   string // the whole sentence, with the available catalogs
}

// Error returns the sentence naming the missing and the available catalogs.
func (e *NotFoundError) Error() string { return e.Message }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// ChangedError says that the catalog an audit was made against is loaded
// but its file is no longer the same (its SHA-256 differs): the findings
// may not match the requirements any more.
type ChangedError struct {
	ID, Version string
	Want        string // SHA-256 the audit recorded
	Got         string // SHA-256 of the catalog loaded now
	Source      string // where the loaded catalog came from
}

// Error names both short digests and the file now in use.
func (e *ChangedError) Error() string {
	return fmt.Sprintf(msgChanged, e.ID, e.Version, short(e.Want), e.Source, short(e.Got))
}

// short abbreviates a hex digest for people; 12 digits are plenty to tell
// two files apart by eye.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// Set is the catalogs available to the program: the built-ins, replaced or
// completed by the files in the home's standards folder.
//
// Every set also knows the superseded built-in editions, without parsing
// them until it needs them: when All is called, or when Find or
// ForIdentity are asked for an id and version the set does not have. A
// catalog in the set with the same id and version wins over them.
type Set struct {
	mu         sync.Mutex
	cats       []*Catalog // sorted by id, then version
	superseded bool       // the superseded built-ins were added
}

// NewSet makes a set from catalogs; a later catalog with the same id and
// version replaces an earlier one, as a user file replaces a built-in.
func NewSet(cats ...*Catalog) *Set {
	s := &Set{}
	for _, c := range cats {
		s.put(c)
	}
	return s
}

// put adds c, replacing a catalog with the same id and version.
func (s *Set) put(c *Catalog) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.putLocked(c)
}

func (s *Set) putLocked(c *Catalog) {
	for i, old := range s.cats {
		if old.ID == c.ID && old.Version == c.Version {
			s.cats[i] = c
			return
		}
	}
	s.cats = append(s.cats, c)
	sort.SliceStable(s.cats, func(i, j int) bool {
		a, b := s.cats[i], s.cats[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return compareVersions(a.Version, b.Version) < 0
	})
}

// Load returns the built-in catalogs plus every *.toml file in
// home/standards/. A user file with the same id and version as a built-in
// replaces it (a certification body's official file wins over our
// paraphrase). Problems are returned, not fatal: a broken file is reported
// with its file and line and skipped, and a second user file with an id and
// version already loaded from another user file is reported and skipped.
func Load(home string) (*Set, []error) {
	s := NewSet(Builtin()...)
	if home == "" {
		return s, nil
	}
	dir := filepath.Join(home, "standards")
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	var errs []error
	if err != nil {
		errs = append(errs, Problem{Kind: KindCannotReadDir, File: dir, Message: err.Error(), System: safefile.SystemProblemOf(err)})
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
			path := filepath.Join(dir, e.Name())
			// Follow symlinks; a device or pipe would block or never end
			// and hang every command, so only regular files are read.
			if _, err := safefile.Check(path); errors.Is(err, safefile.ErrNotRegular) {
				errs = append(errs, Problem{Kind: KindNotRegular, File: path})
				continue
			}
			paths = append(paths, path)
		}
	}
	for _, r := range CheckFiles(paths...) {
		if r.Catalog == nil {
			for _, p := range r.Problems {
				errs = append(errs, p)
			}
			errs = append(errs, Problem{Kind: KindSkipped, File: r.Path})
			continue
		}
		s.put(r.Catalog)
	}
	return s, errs
}

// maxCatalogBytes bounds a catalog file: the built-in catalogs are about
// 100 KB, so 8 MB leaves room for any real one while a wrong file (a log,
// /dev/zero behind a symlink) is refused instead of read forever.
const maxCatalogBytes = safefile.LimitCatalog

// readCatalogFile reads at most maxCatalogBytes of a regular file; a file
// it refuses is a Problem of the file.
func readCatalogFile(path string) ([]byte, *Problem) {
	data, err := safefile.ReadFile(path, maxCatalogBytes)
	switch {
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, &Problem{Kind: KindTooBig, File: path, Number: maxCatalogBytes >> 20}
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, &Problem{Kind: KindNotRegular, File: path}
	case err != nil:
		return nil, &Problem{Kind: KindCannotRead, File: path, Message: systemError(err), System: safefile.SystemProblemOf(err)}
	}
	return data, nil
}

// systemError is the operating system's reason in err, without the path
// the Problem already names: "no such file or directory" rather than
// "open f.toml: no such file or directory".
func systemError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// FileReport is the outcome of checking one catalog file: its catalog when
// it is usable, else its problems.
type FileReport struct {
	Path     string
	Catalog  *Catalog
	Problems []Problem
}

// CheckFiles parses catalog files as Load does, in the order given, and
// also reports a file whose id and version were already seen in an earlier
// one (a duplicate catalog: which one should win would be a guess).
func CheckFiles(paths ...string) []FileReport {
	out := make([]FileReport, 0, len(paths))
	seen := map[[2]string]string{} // id, version -> first path
	for _, path := range paths {
		r := FileReport{Path: path}
		data, prob := readCatalogFile(path)
		if prob != nil {
			r.Problems = []Problem{*prob}
			out = append(out, r)
			continue
		}
		c, err := Parse(path, data)
		var ps *Problems
		switch {
		case errors.As(err, &ps):
			r.Problems = *ps
		case err != nil:
			r.Problems = []Problem{{File: path, Message: err.Error()}}
		default:
			key := [2]string{c.ID, c.Version}
			if first, dup := seen[key]; dup {
				r.Problems = []Problem{{
					Kind: KindDuplicateCatalog, File: path, Line: lineOf(newLineIndex(scanSource(data)).top("id")),
					Catalog: c.ID, Version: c.Version, Path: first,
				}}
			} else {
				seen[key] = path
				r.Catalog = c
			}
		}
		out = append(out, r)
	}
	return out
}

// addSuperseded adds the superseded built-in editions the set has no
// catalog for, once.
func (s *Set) addSuperseded() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.superseded {
		return
	}
	s.superseded = true
	for _, c := range SupersededBuiltin() {
		if s.findLocked(c.ID, c.Version) == nil {
			s.putLocked(c)
		}
	}
}

// All returns every catalog, sorted by id then version, the superseded
// built-in editions included.
func (s *Set) All() []*Catalog {
	if s == nil {
		return nil
	}
	s.addSuperseded()
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Catalog(nil), s.cats...)
}

// Current returns the catalogs offered for new audits, sorted like All:
// every catalog but the superseded built-in editions, which stay loadable
// only for the audits made with them.
func (s *Set) Current() []*Catalog {
	var out []*Catalog
	for _, c := range s.All() {
		if !c.Superseded() {
			out = append(out, c)
		}
	}
	return out
}

// findLocked returns the catalog with exactly id and version, or nil.
func (s *Set) findLocked(id, version string) *Catalog {
	for _, c := range s.cats {
		if c.ID == id && c.Version == version {
			return c
		}
	}
	return nil
}

// Find returns the catalog with the given id and version. An empty version
// means the one new work should use: not a superseded built-in; a file
// from the home before a built-in (a certification body's official file
// wins over assay's paraphrase even when the paraphrase has a higher
// edition number); then the highest version.
func (s *Set) Find(id, version string) (*Catalog, bool) {
	if s == nil {
		return nil, false
	}
	if version != "" {
		s.mu.Lock()
		c := s.findLocked(id, version)
		s.mu.Unlock()
		if c == nil {
			// Maybe an audit made with an earlier built-in edition.
			s.addSuperseded()
			s.mu.Lock()
			c = s.findLocked(id, version)
			s.mu.Unlock()
		}
		return c, c != nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var found *Catalog
	for _, c := range s.cats {
		if c.ID != id {
			continue
		}
		// Sorted by version: a later catalog of the same rank is higher.
		if found == nil || rank(c) >= rank(found) {
			found = c
		}
	}
	return found, found != nil
}

// rank orders the catalogs of one id for new work: superseded built-ins
// last, then the other built-ins, then files from the home.
func rank(c *Catalog) int {
	switch {
	case c.Superseded():
		return 0
	case c.Source == SourceBuiltin:
		return 1
	}
	return 2
}

// Default returns the Fairmined catalog, or the first catalog when it is
// missing (nil only for an empty set).
func (s *Set) Default() *Catalog {
	if c, ok := s.Find(DefaultID, ""); ok {
		return c
	}
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.cats) == 0 {
		return nil
	}
	return s.cats[0]
}

// ForIdentity finds the catalog an audit was made against. When no catalog
// has its id and version the error wraps ErrNotFound. When one does but its
// file has changed since (different SHA-256), the catalog is returned
// together with a *ChangedError, so the caller can still open the audit and
// warn. An identity without a digest matches any file.
func (s *Set) ForIdentity(id Identity) (*Catalog, error) {
	c, ok := s.Find(id.ID, id.Version)
	if !ok {
		var avail []Identity
		for _, c := range s.Current() {
			avail = append(avail, Identity{ID: c.ID, Version: c.Version})
		}
		return nil, &NotFoundError{ID: id.ID, Version: id.Version, Available: avail, Message: s.notFound(id.ID, id.Version)}
	}
	if id.SHA256 != "" && c.SHA256 != id.SHA256 {
		return c, &ChangedError{ID: c.ID, Version: c.Version, Want: id.SHA256, Got: c.SHA256, Source: c.Source}
	}
	return c, nil
}

// NotFoundMessage explains that id (and version, if given) is not loaded,
// listing what is.
func (s *Set) NotFoundMessage(id, version string) string { return s.notFound(id, version) }

func (s *Set) notFound(id, version string) string {
	var known []string
	for _, c := range s.Current() {
		known = append(known, c.ID+" "+c.Version)
	}
	list := strings.Join(known, ", ")
	if list == "" {
		list = msgNone
	}
	if version == "" {
		return fmt.Sprintf(msgNotFoundAny, id, list)
	}
	return fmt.Sprintf(msgNotFound, id, version, list)
}

// compareVersions orders "2.0" < "2.1" < "10.0": dot-separated parts are
// compared as numbers when both are numbers, else as text.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil && na != nb:
			if na < nb {
				return -1
			}
			return 1
		case (ea != nil || eb != nil) && pa[i] != pb[i]:
			return strings.Compare(pa[i], pb[i])
		}
	}
	return len(pa) - len(pb)
}

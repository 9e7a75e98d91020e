package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// UnknownIDError: no audit's id starts with Prefix. Dir is the folder
// looked in, for the message.
type UnknownIDError struct {
	Prefix string
	Dir    string
}

// Error says it as the store always has.
func (e *UnknownIDError) Error() string { return fmt.Sprintf(msgNoSuchAudit, e.Prefix, e.Dir) }

// AmbiguousIDError: several audits' ids start with Prefix; Candidates are
// those ids, sorted, so a surface can list them for the inspector to pick.
type AmbiguousIDError struct {
	Prefix     string
	Candidates []string
}

// Error lists the candidates, for programmers.
func (e *AmbiguousIDError) Error() string {
	return fmt.Sprintf(msgAmbiguousID, e.Prefix, strings.Join(e.Candidates, ", "))
}

// Resolve returns the id of the one audit whose id starts with prefix, so
// that "2026-11-29-coop" stands for 2026-11-29-cooperativa-minera-la-fcdb
// wherever an id is typed. An id typed in full wins over longer ids it is
// the start of. Audits whose audit.json cannot be read count too (they
// are what recover is for). No match is an *UnknownIDError, several an
// *AmbiguousIDError with every candidate.
func (s *Store) Resolve(prefix string) (string, error) {
	dir := filepath.Join(s.home, auditsDir)
	if prefix == "" || !validID(prefix) {
		return "", &UnknownIDError{Prefix: prefix, Dir: dir}
	}
	ents, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	var found []string
	for _, e := range ents {
		id := e.Name()
		if !e.IsDir() || !validID(id) || !strings.HasPrefix(id, prefix) {
			continue
		}
		if id == prefix {
			return id, nil
		}
		found = append(found, id)
	}
	switch len(found) {
	case 0:
		return "", &UnknownIDError{Prefix: prefix, Dir: dir}
	case 1:
		return found[0], nil
	}
	slices.Sort(found)
	return "", &AmbiguousIDError{Prefix: prefix, Candidates: found}
}

package audit

import (
	"os"
	"path/filepath"
	"strings"
)

// EvidenceIndex returns the stored original of every evidence file of
// audit id, by SHA-256, from one listing of the evidence folder: what
// EvidencePath finds for each, without listing the folder once per file
// (quadratic for an audit of hundreds of photos). A file that is not there
// is not in the map.
func (s *Store) EvidenceIndex(id string) map[string]string {
	dir, err := s.dir(id)
	if err != nil {
		return nil
	}
	dir = filepath.Join(dir, evidenceDir)
	entries, _ := os.ReadDir(dir) // sorted by name, as EvidencePath's glob
	out := make(map[string]string, len(entries)/2)
	for _, e := range entries {
		name := e.Name()
		if len(name) < 64 || strings.HasSuffix(name, derivedSuffix) || (len(name) > 64 && name[64] != '.') {
			continue
		}
		if sha := name[:64]; validSHA(sha) && out[sha] == "" {
			out[sha] = filepath.Join(dir, name)
		}
	}
	return out
}

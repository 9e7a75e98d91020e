package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/assay-dev/assay/audit"
)

// EvidenceProblem is an evidence file the audit lists that is not in the
// audit folder as it was imported.
type EvidenceProblem struct {
	SHA256 string
	Name   string // original file name, sanitized
	Path   string // where the file should be
	Reason string // short, for the evidence index and messages
}

// CheckEvidence checks that every evidence file of a is in the store with
// the SHA-256 the audit records. The report lists those hashes: a signed
// report vouches that the inspector holds these exact files. The derived
// report images are not checked: they are remade from the originals and
// the report falls back to the original when one is missing.
func CheckEvidence(s *audit.Store, id string, a *audit.Audit) []EvidenceProblem {
	var out []EvidenceProblem
	for i := range a.Evidence {
		ev := &a.Evidence[i]
		p := s.EvidencePath(id, ev.SHA256)
		reason := evidenceState(p, ev.SHA256)
		if reason == "" {
			continue
		}
		out = append(out, EvidenceProblem{SHA256: ev.SHA256, Name: clean(ev.Name), Path: p, Reason: reason})
	}
	return out
}

// evidenceState returns "" when the file at p has the given SHA-256, else
// why not.
func evidenceState(p, sha string) string {
	if p == "" {
		return msg.EvidenceBadRef
	}
	f, err := os.Open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return msg.EvidenceMissing
		}
		return fmt.Sprintf(msg.EvidenceUnreadFmt, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Sprintf(msg.EvidenceUnreadFmt, err)
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		return msg.EvidenceChanged
	}
	return ""
}

// evidenceError is the refusal of a signed export with evidence problems:
// which files, where they belong, and what to do.
func evidenceError(s *audit.Store, id string, probs []EvidenceProblem) error {
	// The folder from the store itself: a problem's Path is empty when the
	// audit's reference is not even a SHA-256.
	dir := filepath.Dir(s.EvidencePath(id, strings.Repeat("0", 64)))
	var b strings.Builder
	fmt.Fprintf(&b, msg.EvidenceRefuseFmt, id, len(probs), dir)
	for _, p := range probs {
		fmt.Fprintf(&b, "\n  - %s (%s): %s", p.Name, prefix(p.SHA256, 12), p.Reason)
	}
	b.WriteString("\n")
	b.WriteString(msg.EvidenceFixHint)
	return errors.New(b.String())
}

package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/assay-dev/assay/audit"

	"github.com/assay-dev/assay/standards/safefile"
)

// EvidenceProblem is an evidence file the audit lists that is not in the
// audit folder as it was imported.
type EvidenceProblem struct {
	SHA256 string
	Name   string // original file name, sanitized
	Path   string // where the file should be
	Reason string // short, for the evidence index and messages

	fault evidenceFault
	err   error // why the file cannot be read (faultUnread)
}

// evidenceFault is what is wrong with an evidence file, so the reason can
// be worded in the report's language as well as the terminal's.
type evidenceFault int

const (
	faultNone evidenceFault = iota
	faultBadRef
	faultMissing
	faultUnread
	faultChanged
)

// reason words the problem with table m.
func (p EvidenceProblem) reason(m *messages) string {
	switch p.fault {
	case faultBadRef:
		return m.EvidenceBadRef
	case faultMissing:
		return m.EvidenceMissing
	case faultUnread:
		return fmt.Sprintf(m.EvidenceUnreadFmt, p.err)
	case faultChanged:
		return m.EvidenceChanged
	}
	return p.Reason
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
		fault, err := evidenceState(p, ev.SHA256)
		if fault == faultNone {
			continue
		}
		pr := EvidenceProblem{SHA256: ev.SHA256, Name: clean(ev.Name), Path: p, fault: fault, err: err}
		pr.Reason = pr.reason(msg)
		out = append(out, pr)
	}
	return out
}

// evidenceState returns faultNone when the file at p has the given
// SHA-256, else what is wrong (and the read error for faultUnread).
func evidenceState(p, sha string) (evidenceFault, error) {
	if p == "" {
		return faultBadRef, nil
	}
	f, _, err := safefile.Open(p) // a pipe in the evidence folder must not hang the export
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return faultMissing, nil
		}
		return faultUnread, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return faultUnread, err
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		return faultChanged, nil
	}
	return faultNone, nil
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

package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"

	"github.com/assay-dev/assay/standards/safefile"
)

// EvidenceProblem is an evidence file the audit lists that is not in the
// audit folder as it was imported.
type EvidenceProblem struct {
	SHA256 string
	Name   string // original file name, sanitized
	Path   string // where the file should be
	Reason string // short, in English, for messages (the report words its own)

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

// reason words the problem in l's language.
func (p EvidenceProblem) reason(l *i18n.Localizer) string {
	switch p.fault {
	case faultBadRef:
		return l.T("evidence_bad_ref", nil)
	case faultMissing:
		return l.T("evidence_missing", nil)
	case faultUnread:
		return l.T("evidence_unreadable", i18n.Args{"Error": fmt.Sprint(p.err)})
	case faultChanged:
		return l.T("evidence_changed", nil)
	}
	return p.Reason
}

// CheckEvidence checks that every evidence file of a is in the store with
// the SHA-256 the audit records. The report lists those hashes: a signed
// report vouches that the inspector holds these exact files. The derived
// report images are not checked: they are remade from the originals and
// the report falls back to the original when one is missing.
func CheckEvidence(s *audit.Store, id string, a *audit.Audit) []EvidenceProblem {
	index := s.EvidenceIndex(id)
	type state struct {
		path  string
		fault evidenceFault
		err   error
	}
	states := make([]state, len(a.Evidence))
	for i := range a.Evidence {
		p := index[a.Evidence[i].SHA256]
		if p == "" {
			p = s.EvidencePath(id, a.Evidence[i].SHA256) // where it should be
		}
		states[i].path = p
	}
	// Hashing hundreds of photos is most of an export's work: use the
	// cores (each worker takes the next file).
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), 4, len(states)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(states); i = int(next.Add(1) - 1) {
				states[i].fault, states[i].err = evidenceState(states[i].path, a.Evidence[i].SHA256, a.Evidence[i].Size)
			}
		})
	}
	wg.Wait()
	var out []EvidenceProblem
	for i, st := range states {
		if st.fault == faultNone {
			continue
		}
		ev := &a.Evidence[i]
		pr := EvidenceProblem{SHA256: ev.SHA256, Name: clean(ev.Name), Path: st.path, fault: st.fault, err: st.err}
		pr.Reason = pr.reason(terminal())
		out = append(out, pr)
	}
	return out
}

// evidenceState returns faultNone when the file at p has the given
// SHA-256, else what is wrong (and the read error for faultUnread). A file
// whose size is not the size recorded at import (size 0: none recorded)
// has changed without reading it: a 3 GB file in a photo's place would
// otherwise be hashed to the end before the export says so.
func evidenceState(p, sha string, size int64) (evidenceFault, error) {
	if p == "" {
		return faultBadRef, nil
	}
	f, st, err := safefile.Open(p) // a pipe in the evidence folder must not hang the export
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return faultMissing, nil
		}
		return faultUnread, err
	}
	defer f.Close()
	if size > 0 && st.Size() != size {
		return faultChanged, nil
	}
	h := sha256.New()
	// Large reads: io.Copy's 32 KB would take 32 system calls a megabyte.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, make([]byte, 256<<10)); err != nil {
		return faultUnread, err
	}
	if hex.EncodeToString(h.Sum(nil)) != sha {
		return faultChanged, nil
	}
	return faultNone, nil
}

// evidenceError is the refusal of a signed export with evidence problems:
// which files, where they belong, and what to do, in l's language.
func evidenceError(l *i18n.Localizer, s *audit.Store, id string, probs []EvidenceProblem) error {
	// The folder from the store itself: a problem's Path is empty when the
	// audit's reference is not even a SHA-256.
	dir := filepath.Dir(s.EvidencePath(id, strings.Repeat("0", 64)))
	var b strings.Builder
	b.WriteString(l.N("evidence_refuse", len(probs), i18n.Args{"ID": id, "Folder": dir}))
	for _, p := range probs {
		fmt.Fprintf(&b, "\n  - %s (%s): %s", p.Name, prefix(p.SHA256, 12), p.reason(l))
	}
	b.WriteString("\n")
	b.WriteString(l.T("evidence_fix_hint", nil))
	return errors.New(b.String())
}

package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"time"

	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// Entry is one line of the audit list: what the CLI's list and the TUI's
// home show. Err is set (and the other fields mostly empty) when the audit
// cannot be read, and HasBackup says whether 'assay recover' can restore
// it; Notes explain a degraded entry, e.g. when the audit's catalog is not
// installed, as data for each surface to word.
type Entry struct {
	ID             string    `json:"id"`
	ASMO           string    `json:"asmo"`
	Site           string    `json:"site"`
	AuditType      AuditType `json:"audit_type"`
	CertType       CertType  `json:"certification_type"`
	Status         Status    `json:"status"`
	Revision       int       `json:"revision"`
	Percent        int       `json:"percent_complete"`
	Recommendation Outcome   `json:"recommendation"`
	Updated        time.Time `json:"updated"`
	Err            string    `json:"error,omitempty"`
	HasBackup      bool      `json:"has_backup,omitempty"`
	// Cause is why the audit is unreadable, as the typed error the
	// surfaces word (Err says it in English); nil when it is readable.
	Cause error  `json:"-"`
	Notes []Note `json:"notes,omitempty"`
}

// NoteKind names one kind of note on a list entry. The values are stable:
// they appear in JSON and each surface words them from its own messages.
type NoteKind string

// Note kinds. The comment says which Note fields are set.
const (
	// NoteCatalogChanged: the audit's Catalog (id, version and the SHA-256
	// it recorded) is installed with other content, InstalledSHA256, from
	// Source; the entry is counted with it.
	NoteCatalogChanged NoteKind = "catalog-changed"
	// NoteCatalogMissing: the audit's Catalog is not installed; the
	// percentage counts recorded findings only.
	NoteCatalogMissing NoteKind = "catalog-missing"
	// NoteUnknownVerdicts: Verdicts lists findings whose verdict this assay
	// does not know; they count as open.
	NoteUnknownVerdicts NoteKind = "unknown-verdicts"
)

// NoteKinds lists every NoteKind, so a surface's tests can check that it
// words each one.
var NoteKinds = []NoteKind{NoteCatalogChanged, NoteCatalogMissing, NoteUnknownVerdicts}

// Note is one note on a list entry, as data.
type Note struct {
	Kind            NoteKind            `json:"kind"`
	Catalog         *standards.Identity `json:"catalog,omitempty"`
	InstalledSHA256 string              `json:"installed_sha256,omitempty"`
	Source          string              `json:"source,omitempty"`
	Verdicts        []UnknownVerdict    `json:"verdicts,omitempty"`
}

// UnknownVerdict is a finding whose verdict this assay does not know (an
// audit.json edited by hand, or written by a newer assay).
type UnknownVerdict struct {
	Requirement string  `json:"requirement_id"`
	Verdict     Verdict `json:"verdict"`
}

// summaryVersion changes whenever what summary.json holds changes, so old
// summaries are recomputed rather than misread.
const summaryVersion = 4

// summaryRecord is summary.json: the list entry plus the identity of the
// audit.json it was derived from. Listing trusts it only while audit.json
// still has the recorded size and modification time.
type summaryRecord struct {
	Version int   `json:"version"`
	Entry   Entry `json:"entry"`
	// Catalog is the audit's catalog identity and CatalogUsed the SHA-256
	// of the catalog the entry was counted with ("" for none): a catalog
	// installed, changed or removed since makes the summary stale even
	// though audit.json did not change.
	Catalog     standards.Identity `json:"catalog"`
	CatalogUsed string             `json:"catalog_used"`
	Source      struct {
		Size  int64 `json:"size"`
		MTime int64 `json:"mtime_ns"`
	} `json:"source"`
}

// List returns every audit in the store, most recently updated first. It
// never stops on an unreadable audit: that one's Entry carries Err.
func (s *Store) List() ([]Entry, error) {
	root := filepath.Join(s.home, auditsDir)
	des, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", root, err)
	}
	out := make([]Entry, 0, len(des))
	for _, de := range des {
		if !de.IsDir() || !validID(de.Name()) {
			continue
		}
		out = append(out, s.entry(de.Name()))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// entry lists one audit, from summary.json when it is current.
func (s *Store) entry(id string) Entry {
	dir := filepath.Join(s.home, auditsDir, id)
	path := filepath.Join(dir, auditFile)
	// Stat before reading: should audit.json change in between, the
	// summary records the older identity and is simply recomputed next time.
	st, err := os.Stat(path)
	if err == nil {
		if e, ok := s.readSummary(dir, st); ok {
			e.ID = id
			return e
		}
	}
	a, err := s.Load(id)
	if err != nil {
		e := Entry{ID: id, Err: listError(err), Cause: err}
		var ce *CorruptError
		if errors.As(err, &ce) {
			e.HasBackup = ce.HasBackup
		}
		if st != nil {
			e.Updated = st.ModTime().UTC()
		}
		return e
	}
	e := s.entryFor(a)
	if st != nil {
		// Best effort: a read-only home still lists, only slower.
		_ = s.writeSummary(dir, a, e, st)
	}
	return e
}

// listError words an unreadable audit for the list.
func listError(err error) string {
	var ce *CorruptError
	if errors.As(err, &ce) {
		msg := fmt.Sprintf(msgListUnreadableFile, filepath.Base(ce.Path), ce.Reason)
		if ce.HasBackup {
			return msg + fmt.Sprintf(msgListBackup, ce.ID)
		}
		return msg + msgListNoBak
	}
	return fmt.Sprintf(msgListUnreadable, err.Error())
}

// readSummary returns the cached entry when it was derived from the
// audit.json described by st.
func (s *Store) readSummary(dir string, st os.FileInfo) (Entry, bool) {
	data, err := safefile.ReadFile(filepath.Join(dir, summaryFile), safefile.LimitSmall)
	if err != nil {
		return Entry{}, false
	}
	var rec summaryRecord
	if json.Unmarshal(data, &rec) != nil || rec.Version != summaryVersion {
		return Entry{}, false
	}
	if rec.Source.Size != st.Size() || rec.Source.MTime != st.ModTime().UnixNano() {
		return Entry{}, false
	}
	if rec.CatalogUsed != s.catalogUsed(rec.Catalog) {
		return Entry{}, false
	}
	return rec.Entry, true
}

// entryFor computes the list entry of a readable audit.
func (s *Store) entryFor(a *Audit) Entry {
	e := Entry{
		ID:        a.ID,
		ASMO:      a.Header.ASMO,
		Site:      a.Header.Site,
		AuditType: a.Header.AuditType,
		CertType:  a.Header.CertType,
		Status:    a.Status,
		Revision:  a.Revision,
		Updated:   a.Updated,
	}
	if cat := s.catalogOf(a); cat != nil {
		sum := summarizeCounts(a, cat)
		e.Percent = sum.Total.Percent
		e.Recommendation = sum.Recommendation.Outcome
		if a.Catalog.SHA256 != "" && cat.SHA256 != a.Catalog.SHA256 {
			id := a.Catalog
			e.Notes = append(e.Notes, Note{Kind: NoteCatalogChanged, Catalog: &id, InstalledSHA256: cat.SHA256, Source: cat.Source})
		}
		e.Notes = appendUnknownVerdicts(e.Notes, a)
		return e
	}
	// Without its catalog the audit cannot say what applies; the share of
	// recorded findings that are assessed is the best available hint.
	assessed := 0
	for _, f := range a.Findings {
		if f != nil && f.Verdict != "" && f.Verdict != Open {
			assessed++
		}
	}
	if n := len(a.Findings); n > 0 {
		e.Percent = assessed * 100 / n
	}
	id := a.Catalog
	e.Notes = appendUnknownVerdicts(append(e.Notes, Note{Kind: NoteCatalogMissing, Catalog: &id}), a)
	return e
}

// UnknownVerdicts lists the findings that hold a verdict this assay does
// not know, by requirement id; they count as open.
func UnknownVerdicts(a *Audit) []UnknownVerdict {
	var out []UnknownVerdict
	for id, f := range a.Findings {
		if f != nil && f.Verdict != "" && !knownVerdict(f.Verdict) {
			out = append(out, UnknownVerdict{Requirement: id, Verdict: f.Verdict})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Requirement < out[j].Requirement })
	return out
}

func appendUnknownVerdicts(notes []Note, a *Audit) []Note {
	if uv := UnknownVerdicts(a); len(uv) > 0 {
		notes = append(notes, Note{Kind: NoteUnknownVerdicts, Verdicts: uv})
	}
	return notes
}

// catalogOf returns the catalog an audit was made against, or nil. A
// catalog whose content changed since is still the best one to count with.
func (s *Store) catalogOf(a *Audit) *standards.Catalog {
	if s.cats == nil {
		return nil
	}
	cat, _ := s.cats.ForIdentity(a.Catalog)
	return cat
}

// catalogUsed is the SHA-256 of the catalog an audit with identity id is
// counted with now, or "".
func (s *Store) catalogUsed(id standards.Identity) string {
	if s.cats == nil {
		return ""
	}
	if cat, _ := s.cats.ForIdentity(id); cat != nil {
		return cat.SHA256
	}
	return ""
}

// writeSummary writes summary.json: e, the list entry of a, whose
// audit.json had the identity st. It is not fsynced: a summary lost or torn
// by a power cut is recomputed from audit.json.
func (s *Store) writeSummary(dir string, a *Audit, e Entry, st os.FileInfo) error {
	var rec summaryRecord
	rec.Version = summaryVersion
	rec.Entry = e
	rec.Catalog = a.Catalog
	rec.CatalogUsed = s.catalogUsed(a.Catalog)
	rec.Source.Size = st.Size()
	rec.Source.MTime = st.ModTime().UnixNano()
	out, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, summaryFile), out, writeOptions{})
}

// sameListing reports whether two entries of one audit show the same line
// in the list, its time of update apart.
func sameListing(a, b Entry) bool {
	a.Updated, b.Updated = time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}

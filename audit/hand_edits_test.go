package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// A finalized audit.json edited by hand (findings replaced by
// {"x": null}, a verdict changed to one assay does not know) no longer
// matches its content hash. It must be reported as unreadable, never opened
// for amend or export (a signed report of it would fail its own check), and
// left byte for byte as it was; recovery restores the backup.
func TestQAFinalizedAuditEditedOutsideIsRefused(t *testing.T) {
	edits := map[string]func(doc map[string]any){
		"findings-null": func(doc map[string]any) { doc["findings"] = map[string]any{"x": nil} },
		"verdict-observation": func(doc map[string]any) {
			for _, f := range doc["findings"].(map[string]any) {
				f.(map[string]any)["verdict"] = "observation"
				break
			}
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			s := stStore(t)
			cat := stCatalog(t)
			a := stFullAudit(cat, 2000)
			a.ID = name
			h, err := s.Create(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := Finalize(a, cat, testSigner, time.Now().UTC()); err != nil {
				t.Fatal(err)
			}
			if err := h.Save(a); err != nil {
				t.Fatal(err)
			}
			h.Close()
			if _, err := s.Load(name); err != nil {
				t.Fatalf("the untouched finalized audit must load: %v", err)
			}

			path := filepath.Join(s.Home(), "audits", name, "audit.json")
			var doc map[string]any
			if err := json.Unmarshal(readFile(t, path), &doc); err != nil {
				t.Fatal(err)
			}
			edit(doc)
			edited, _ := json.MarshalIndent(doc, "", "  ")
			if err := os.WriteFile(path, edited, 0o644); err != nil {
				t.Fatal(err)
			}

			_, err = s.Load(name)
			var ce *CorruptError
			if !errors.As(err, &ce) || !strings.Contains(ce.Reason, "changed afterwards") {
				t.Fatalf("Load: got %v, want a *CorruptError about the content hash", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "assay recover "+name) {
				t.Errorf("message does not name the file or the fix: %v", err)
			}
			if _, err := s.Open(name); !errors.As(err, &ce) {
				t.Errorf("Open of an edited finalized audit: %v", err)
			}
			entries, _ := s.List()
			if len(entries) != 1 || !strings.Contains(entries[0].Err, "changed afterwards") {
				t.Errorf("list entry: %+v", entries)
			}
			if !bytes.Equal(readFile(t, path), edited) {
				t.Fatal("the edited file was overwritten")
			}
			if err := s.RestoreBackup(name); err != nil {
				t.Fatalf("recover: %v", err)
			}
			if _, err := s.Load(name); err != nil {
				t.Fatalf("after recover: %v", err)
			}
		})
	}
}

// qaHomeCatalog writes the built-in Fairmined catalog under a new id into
// home/standards/qa.toml, plus extra, and returns the store over the loaded
// set (as every CLI command builds it).
func qaHomeCatalog(t *testing.T, home, extra string) *Store {
	t.Helper()
	src := readFile(t, filepath.Join("..", "standards", "superseded", "fairmined-2.0.toml")) // version "2.0", never edited
	text := strings.Replace(string(src), `id = "fairmined-2.0"`, `id = "qa-catalog"`, 1)
	if err := os.MkdirAll(filepath.Join(home, "standards"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "standards", "qa.toml"), []byte(text+extra), 0o644); err != nil {
		t.Fatal(err)
	}
	return qaReopen(t, home)
}

func qaReopen(t *testing.T, home string) *Store {
	t.Helper()
	set, _ := standards.Load(home)
	s, err := OpenStore(home, set)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The list must say when the catalog an audit was made with changed or
// vanished since, even though audit.json itself did not change (its cached
// summary.json used to be trusted and said nothing).
func TestQAListNotesChangedOrVanishedCatalog(t *testing.T) {
	home := t.TempDir()
	s := qaHomeCatalog(t, home, "")
	set, _ := standards.Load(home)
	cat, ok := set.Find("qa-catalog", "2.0")
	if !ok {
		t.Fatal("qa catalog not loaded")
	}
	a := stFullAudit(cat, 1000)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	entries, _ := s.List()
	if len(entries) != 1 || len(entries[0].Notes) != 0 || entries[0].Percent != 100 {
		t.Fatalf("fresh audit entry: %+v", entries)
	}

	s = qaHomeCatalog(t, home, "\n# edited after the audit was made\n")
	entries, _ = s.List()
	if n := entries[0].Notes; len(n) != 1 || n[0].Kind != NoteCatalogChanged || n[0].Catalog == nil ||
		n[0].Catalog.SHA256 != cat.SHA256 || n[0].InstalledSHA256 == cat.SHA256 || filepath.Base(n[0].Source) != "qa.toml" {
		t.Errorf("after the catalog changed, notes = %+v", n)
	}

	os.Remove(filepath.Join(home, "standards", "qa.toml"))
	s = qaReopen(t, home)
	entries, _ = s.List()
	if n := entries[0].Notes; len(n) != 1 || n[0].Kind != NoteCatalogMissing || n[0].Catalog.ID != "qa-catalog" || n[0].Catalog.Version != "2.0" {
		t.Errorf("after the catalog was removed, notes = %+v", n)
	}
}

// A draft whose audit.json holds a verdict assay does not know (edited by
// hand: "observation") still lists, and the list says which finding and
// what the known verdicts are, instead of a silent 99 %.
func TestQAListNotesUnknownVerdict(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := stFullAudit(cat, 500)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	path := filepath.Join(s.Home(), "audits", a.ID, "audit.json")
	data := readFile(t, path)
	first := cat.Requirements[0].ID
	var doc map[string]any
	json.Unmarshal(data, &doc)
	doc["findings"].(map[string]any)[first].(map[string]any)["verdict"] = "observation"
	edited, _ := json.MarshalIndent(doc, "", "  ")
	os.WriteFile(path, edited, 0o644)

	entries, _ := s.List()
	if len(entries) != 1 || entries[0].Err != "" {
		t.Fatalf("entries: %+v", entries)
	}
	want := []Note{{Kind: NoteUnknownVerdicts, Verdicts: []UnknownVerdict{{Requirement: first, Verdict: "observation"}}}}
	if !reflect.DeepEqual(entries[0].Notes, want) {
		t.Errorf("notes %+v, want %+v", entries[0].Notes, want)
	}
	if !bytes.Equal(readFile(t, path), edited) {
		t.Error("listing rewrote audit.json")
	}
}

// Values only a hand edit of audit.json can make, which the signed report
// would print under the signature, block finalizing with a reason: a
// revision below 1, an evidence item whose SHA-256 is a path.
func TestQAFinalizeRefusesHandEditedNonsense(t *testing.T) {
	cat := stCatalog(t)
	a := stFullAudit(cat, 100)
	a.Revision = -3
	a.Evidence = append(a.Evidence, Evidence{SHA256: "../../../etc/passwd", Name: "x.jpg"})
	err := Finalize(a, cat, testSigner, time.Now())
	var be *BlockedError
	if !errors.As(err, &be) {
		t.Fatalf("Finalize: %v", err)
	}
	for _, want := range []Blocker{{Kind: BlockBadRevision, Revision: -3},
		{Kind: BlockBadEvidenceRef, Index: len(a.Evidence), Name: "x.jpg", SHA256: "../../../etc/passwd"}} {
		if !slices.ContainsFunc(be.Blockers, func(b Blocker) bool { return reflect.DeepEqual(b, want) }) {
			t.Errorf("blockers lack %+v:\n%+v", want, be.Blockers)
		}
	}
	if a.Status == Finalized {
		t.Error("finalized anyway")
	}
}

package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// stCatalog is the built-in Fairmined catalog, the one inspectors use.
func stCatalog(t testing.TB) *standards.Catalog {
	t.Helper()
	for _, c := range standards.Builtin() {
		if c.ID == standards.DefaultID {
			return c
		}
	}
	t.Fatalf("built-in catalog %s missing", standards.DefaultID)
	return nil
}

// stStore opens a store in a fresh temp home that knows the built-ins.
func stStore(t testing.TB) *Store {
	t.Helper()
	s, err := OpenStore(t.TempDir(), standards.NewSet(standards.Builtin()...))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func stHeader() Header {
	return Header{
		ASMO:           "Cooperativa Minera La Esperanza",
		Country:        "Colombia",
		Region:         "Antioquia",
		Municipality:   "Segovia",
		Site:           "Mina La Esperanza",
		Coordinates:    &GeoPoint{Lat: 6.2442, Lon: -75.5812},
		AuditType:      Initial,
		CertType:       Fairmined,
		StartDate:      "2026-11-16",
		EndDate:        "2026-11-19",
		LeadInspector:  "Ana Quispe",
		CertBody:       "IMO Swiss AG",
		Interviews:     []Interviewed{{Role: "mineros", Men: 5, Women: 2}},
		ClosingMeeting: "Closing meeting held with the board.",
		Closing:        Closing{RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: Accepts},
	}
}

// stFullAudit assesses every requirement of cat as conforming with notes
// adding up to about noteBytes, the size of a real, thorough audit.
func stFullAudit(cat *standards.Catalog, noteBytes int) *Audit {
	a := New(cat, stHeader(), time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC))
	per := noteBytes / max(1, len(cat.Requirements))
	line := "Revisado en sitio con el presidente y la tesorera; registros completos y al día. "
	for _, r := range cat.Requirements {
		f := a.Finding(r.ID)
		f.Verdict = Conforms
		f.Notes = strings.Repeat(line, per/len(line)+1)[:per]
	}
	return a
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDefaultHome(t *testing.T) {
	env := func(m map[string]string) func(string) string {
		return func(k string) string { return m[k] }
	}
	got, err := DefaultHome(env(map[string]string{"ASSAY_HOME": "/srv/assay", "XDG_DATA_HOME": "/x"}))
	if err != nil || got != "/srv/assay" {
		t.Errorf("ASSAY_HOME: got %q, %v", got, err)
	}
	got, err = DefaultHome(env(map[string]string{"XDG_DATA_HOME": "/data"}))
	if err != nil || got != "/data/assay" {
		t.Errorf("XDG_DATA_HOME: got %q, %v", got, err)
	}
	home, herr := os.UserHomeDir()
	if herr != nil {
		t.Skip("no user home here")
	}
	// A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
	got, err = DefaultHome(env(map[string]string{"XDG_DATA_HOME": "rel"}))
	if err != nil || got != filepath.Join(home, ".local", "share", "assay") {
		t.Errorf("fallback: got %q, %v", got, err)
	}
}

func TestCreateSaveLoadKeepsBackup(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := New(cat, stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	dir := filepath.Join(s.Home(), "audits", a.ID)
	first := readFile(t, filepath.Join(dir, "audit.json"))
	if !strings.Contains(string(first), "\n  \"id\": ") {
		t.Errorf("audit.json is not indented JSON:\n%.200s", first)
	}

	a.Finding(cat.Requirements[0].ID).Verdict = Conforms
	a.Finding(cat.Requirements[0].ID).Notes = "Señora Núñez, pallaquera — ¿día 3?"
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	if bak := readFile(t, filepath.Join(dir, "audit.json.bak")); string(bak) != string(first) {
		t.Error("audit.json.bak is not the previous version")
	}
	got, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Findings[cat.Requirements[0].ID].Notes != "Señora Núñez, pallaquera — ¿día 3?" {
		t.Errorf("notes did not survive: %q", got.Findings[cat.Requirements[0].ID].Notes)
	}
	if !got.Updated.Equal(a.Updated) || got.Schema != SchemaVersion {
		t.Errorf("updated %v schema %d, want %v %d", got.Updated, got.Schema, a.Updated, SchemaVersion)
	}
	if h.Audit() != a {
		t.Error("Handle.Audit is not the last saved audit")
	}
	// No temp files are left behind.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("leftover temp file %s", e.Name())
		}
	}
}

func TestSaveFinalizedOnlyBookkeeping(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := stFullAudit(cat, 1000)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := Finalize(a, cat, testSigner, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := h.Save(a); err != nil {
		t.Fatalf("saving the finalized audit: %v", err)
	}
	// Recording an export is bookkeeping: the frozen content is unchanged.
	a.History[len(a.History)-1].Exports = append(a.History[len(a.History)-1].Exports, "report.pdf")
	if err := h.Save(a); err != nil {
		t.Fatalf("saving export bookkeeping: %v", err)
	}
	path := filepath.Join(s.Home(), "audits", a.ID, "audit.json")
	before := readFile(t, path)
	a.Findings[cat.Requirements[0].ID].Notes = "changed after finalizing"
	err = h.Save(a)
	if err == nil || !strings.Contains(err.Error(), "audit is finalized; amend it first") {
		t.Fatalf("changing a finalized audit: got %v", err)
	}
	if string(readFile(t, path)) != string(before) {
		t.Error("a refused save changed audit.json")
	}
}

func TestLoadRefusesNewerSchema(t *testing.T) {
	s := stStore(t)
	dir := filepath.Join(s.Home(), "audits", "future")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "audit.json"), []byte(`{"schema": 7, "id": "future", "findings": {"1.1": [1,2]}}`), 0o644)
	_, err := s.Load("future")
	var se *SchemaError
	if !errors.As(err, &se) || se.Schema != 7 || !strings.Contains(err.Error(), "newer assay") {
		t.Fatalf("got %v, want a refusal naming schema 7", err)
	}
	if !strings.Contains(err.Error(), filepath.Join(dir, "audit.json")) {
		t.Errorf("error does not name the file: %v", err)
	}
}

func TestMigrateV0File(t *testing.T) {
	s := stStore(t)
	data := readFile(t, filepath.Join("..", "testdata", "audits", "v0-prototype", "audit.json"))
	dir := filepath.Join(s.Home(), "audits", "v0-prototype")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "audit.json"), data, 0o644)
	a, err := s.Load("v0-prototype")
	if err != nil {
		t.Fatal(err)
	}
	if a.Schema != SchemaVersion || a.Status != Draft || a.Revision != 1 || a.Policy != DefaultDatePolicy {
		t.Errorf("schema %d status %q revision %d policy %+v", a.Schema, a.Status, a.Revision, a.Policy)
	}
	if a.Header.LeadInspector != "Rosa Mamani" || !reflect.DeepEqual(a.Header.CoInspectors, []string{"Julián Torres"}) {
		t.Errorf("inspectors: %q %q", a.Header.LeadInspector, a.Header.CoInspectors)
	}
	want := map[string]Verdict{"1.1": Conforms, "1.2": Minor, "2.1": Major, "3.1": NA, "3.2": Open}
	for id, v := range want {
		if got := a.VerdictOf(id); got != v {
			t.Errorf("finding %s: verdict %q, want %q", id, got, v)
		}
	}
	if a.Findings["1.2"].Notes == "" {
		t.Error("notes of a migrated finding were lost")
	}
	// The migrated audit saves as the current schema.
	h, err := s.Open("v0-prototype")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Save(h.Audit()); err != nil {
		t.Fatal(err)
	}
	var probe struct{ Schema int }
	json.Unmarshal(readFile(t, filepath.Join(dir, "audit.json")), &probe)
	if probe.Schema != SchemaVersion {
		t.Errorf("saved schema %d", probe.Schema)
	}
}

func TestCorruptFilesReportedNeverOverwritten(t *testing.T) {
	cases := []struct {
		name, data, reason string
	}{
		{"bad-json", "{\n  \"schema\": 1,\n  \"id\": \"bad-json\"\n  \"status\": \"draft\"\n}\n", "line 4"},
		{"truncated", "{\n  \"schema\": 1,\n  \"id\": \"truncated\",\n  \"header\": {\"asmo\": \"Coop", "truncated"},
		{"wrong-types", "{\n  \"schema\": 1,\n  \"id\": \"wrong-types\",\n  \"revision\": \"two\"\n}\n", `"revision"`},
		{"empty", "", "empty"},
		{"not-object", "[1, 2, 3]", "not an audit"},
	}
	s := stStore(t)
	cat := stCatalog(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A good audit saved twice, so a backup exists, then torn.
			a := New(cat, stHeader(), time.Now())
			a.ID = c.name
			h, err := s.Create(a)
			if err != nil {
				t.Fatal(err)
			}
			a.Finding(cat.Requirements[0].ID).Verdict = Conforms
			if err := h.Save(a); err != nil {
				t.Fatal(err)
			}
			h.Close()
			path := filepath.Join(s.Home(), "audits", c.name, "audit.json")
			os.WriteFile(path, []byte(c.data), 0o644)

			_, err = s.Load(c.name)
			var ce *CorruptError
			if !errors.As(err, &ce) {
				t.Fatalf("Load: got %v, want *CorruptError", err)
			}
			if ce.Path != path || !ce.HasBackup || !strings.Contains(ce.Reason, c.reason) {
				t.Errorf("got path %q backup %v reason %q; want reason with %q", ce.Path, ce.HasBackup, ce.Reason, c.reason)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "assay recover "+c.name) {
				t.Errorf("message: %v", err)
			}
			if _, err := s.Open(c.name); !errors.As(err, &ce) {
				t.Errorf("Open of a corrupt audit: %v", err)
			}

			entries, err := s.List()
			if err != nil {
				t.Fatal(err)
			}
			var found *Entry
			for i := range entries {
				if entries[i].ID == c.name {
					found = &entries[i]
				}
			}
			if found == nil || !strings.HasPrefix(found.Err, "unreadable audit.json: ") || !strings.Contains(found.Err, "a backup exists: run recovery") || !found.HasBackup {
				t.Fatalf("list entry: %+v", found)
			}
			if got := readFile(t, path); string(got) != c.data {
				t.Fatal("the corrupt file was overwritten")
			}

			if err := s.RestoreBackup(c.name); err != nil {
				t.Fatal(err)
			}
			got, err := s.Load(c.name)
			if err != nil {
				t.Fatalf("after recovery: %v", err)
			}
			if got.ID != c.name {
				t.Errorf("recovered id %q", got.ID)
			}
			kept, _ := filepath.Glob(path + ".corrupt-*")
			if len(kept) != 1 || string(readFile(t, kept[0])) != c.data {
				t.Errorf("the corrupt file was not kept: %v", kept)
			}
		})
	}
}

func TestRestoreBackupWithoutBackup(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	err = s.RestoreBackup(a.ID)
	if err == nil || !strings.Contains(err.Error(), "no backup") {
		t.Fatalf("got %v", err)
	}
	if h, err = s.Open(a.ID); err != nil {
		t.Fatal(err)
	}
	// With a backup but a readable audit, recovery would undo the last
	// save: refused.
	a.Finding("1.1.1").Verdict = Conforms
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	h.Close()
	err = s.RestoreBackup(a.ID)
	if err == nil || !strings.Contains(err.Error(), "nothing to recover") {
		t.Fatalf("recovering a good audit: %v", err)
	}
	if got, _ := s.Load(a.ID); got.VerdictOf("1.1.1") != Conforms {
		t.Error("the last save was undone")
	}
}

func TestListUsesAndRefreshesSummary(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	if entries, err := s.List(); err != nil || len(entries) != 0 {
		t.Fatalf("empty store: %v %v", entries, err)
	}
	full := stFullAudit(cat, 2000)
	h, err := s.Create(full)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	half := New(cat, stHeader(), time.Now())
	half.Header.ASMO = "Asociación de Mineros de Iquira"
	h2, err := s.Create(half)
	if err != nil {
		t.Fatal(err)
	}
	h2.Close()

	entries, err := s.List()
	if err != nil || len(entries) != 2 {
		t.Fatalf("%v %v", entries, err)
	}
	// Most recently updated first.
	if entries[0].ID != half.ID || entries[1].ID != full.ID {
		t.Errorf("order: %s, %s", entries[0].ID, entries[1].ID)
	}
	if e := entries[1]; e.Percent != 100 || e.Recommendation != Recommended || e.ASMO != "Cooperativa Minera La Esperanza" || e.Status != Draft || e.Revision != 1 {
		t.Errorf("full audit entry: %+v", e)
	}
	if e := entries[0]; e.Percent != 0 || e.Recommendation != Incomplete {
		t.Errorf("new audit entry: %+v", e)
	}

	// The summary is trusted while audit.json is unchanged ...
	sumPath := filepath.Join(s.Home(), "audits", full.ID, "summary.json")
	var rec summaryRecord
	json.Unmarshal(readFile(t, sumPath), &rec)
	if rec.Entry.ID != full.ID || rec.Source.MTime == 0 || rec.Source.Size == 0 {
		t.Fatalf("summary.json: %+v", rec)
	}
	rec.Entry.ASMO = "from the summary"
	b, _ := json.Marshal(rec)
	os.WriteFile(sumPath, b, 0o644)
	entries, _ = s.List()
	if entries[1].ASMO != "from the summary" {
		t.Errorf("List did not use the current summary.json: %q", entries[1].ASMO)
	}
	// ... and recomputed once audit.json changes behind its back.
	full.Findings[cat.Requirements[0].ID].Verdict = Major
	full.Findings[cat.Requirements[0].ID].CorrectiveAction = "x"
	data, _ := encodeAudit(full)
	os.WriteFile(filepath.Join(s.Home(), "audits", full.ID, "audit.json"), data, 0o644)
	entries, _ = s.List()
	if e := entries[1]; e.ASMO != "Cooperativa Minera La Esperanza" || e.Recommendation != NotRecommended {
		t.Errorf("stale summary used: %+v", e)
	}
}

func TestListWithoutCatalog(t *testing.T) {
	home := t.TempDir()
	cat := stCatalog(t)
	s, _ := OpenStore(home, standards.NewSet(standards.Builtin()...))
	a := New(cat, stHeader(), time.Now())
	a.Finding(cat.Requirements[0].ID).Verdict = Conforms
	a.Finding(cat.Requirements[1].ID)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	os.Remove(filepath.Join(home, "audits", a.ID, "summary.json"))
	bare, _ := OpenStore(home, nil)
	entries, err := bare.List()
	if err != nil || len(entries) != 1 {
		t.Fatalf("%v %v", entries, err)
	}
	e := entries[0]
	if e.Err != "" || e.Percent != 50 || len(e.Notes) != 1 || e.Notes[0].Kind != NoteCatalogMissing || e.Notes[0].Catalog.ID != "fairmined-2.0" {
		t.Errorf("entry without catalog: %+v", e)
	}
	a.Findings["ZZ"] = nil // "ZZ": null, from a hand edit: counted, never a panic
	if e := bare.entryFor(a); e.Percent != 33 {
		t.Errorf("entry with a null finding: %+v", e)
	}
}

func TestDeleteMovesToTrash(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(a.ID); !errors.Is(err, ErrLocked) {
		t.Fatalf("deleting an open audit: %v", err)
	}
	h.Close()
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.Home(), "audits", a.ID)); !os.IsNotExist(err) {
		t.Error("audit folder still there")
	}
	trashed, _ := filepath.Glob(filepath.Join(s.Home(), "trash", a.ID+"-*", "audit.json"))
	if len(trashed) != 1 {
		t.Errorf("trash holds %v", trashed)
	}
	if entries, _ := s.List(); len(entries) != 0 {
		t.Errorf("deleted audit still listed: %+v", entries)
	}
}

func TestPositionRoundTrip(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, _ := s.Create(a)
	defer h.Close()
	if p := s.LoadPosition(a.ID); p != (Position{}) {
		t.Errorf("missing position: %+v", p)
	}
	want := Position{Area: "labour", Requirement: "3.4.2", Scroll: 12}
	if err := s.SavePosition(a.ID, want); err != nil {
		t.Fatal(err)
	}
	if p := s.LoadPosition(a.ID); p != want {
		t.Errorf("got %+v", p)
	}
}

func TestSaveExportNeverOverwrites(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, _ := s.Create(a)
	defer h.Close()
	var paths []string
	for i := 1; i <= 3; i++ {
		p, err := s.SaveExport(a.ID, "report-r1.pdf", []byte(fmt.Sprint("pdf ", i)))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Base(p))
		if got := string(readFile(t, p)); got != fmt.Sprint("pdf ", i) {
			t.Errorf("%s holds %q", p, got)
		}
	}
	if want := []string{"report-r1.pdf", "report-r1-2.pdf", "report-r1-3.pdf"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("names %v, want %v", paths, want)
	}
	for _, bad := range []string{"", "../x.pdf", "a/b.pdf", ".."} {
		if _, err := s.SaveExport(a.ID, bad, nil); err == nil {
			t.Errorf("export name %q accepted", bad)
		}
	}
}

func TestIDsCannotEscapeTheStore(t *testing.T) {
	s := stStore(t)
	for _, id := range []string{"", "../etc", "a/b", ".hidden", "x\x00y"} {
		if _, err := s.Load(id); err == nil || !strings.Contains(err.Error(), "not a valid audit id") {
			t.Errorf("Load(%q): %v", id, err)
		}
		if _, err := s.Open(id); err == nil {
			t.Errorf("Open(%q) accepted", id)
		}
	}
	if _, err := s.Load("nope"); err == nil || !strings.Contains(err.Error(), `no audit "nope"`) {
		t.Errorf("missing audit: %v", err)
	}
}

// stCopyDir copies a sample audit folder into the store.
func stCopyDir(t *testing.T, s *Store, name string) {
	t.Helper()
	src := filepath.Join("..", "testdata", "audits", name)
	dst := filepath.Join(s.Home(), "audits", name)
	os.MkdirAll(dst, 0o755)
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		os.WriteFile(filepath.Join(dst, e.Name()), readFile(t, filepath.Join(src, e.Name())), 0o644)
	}
}

func TestListSampleAudits(t *testing.T) {
	s := stStore(t)
	for _, name := range []string{"complete", "partial", "corrupt", "v0-prototype"} {
		stCopyDir(t, s, name)
	}
	entries, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	if len(byID) != 4 {
		t.Fatalf("listed %d of 4: %+v", len(byID), entries)
	}
	if e := byID["complete"]; e.Err != "" || e.Percent != 100 || e.Recommendation != NotRecommended {
		t.Errorf("complete: %+v", e)
	}
	if e := byID["partial"]; e.Err != "" || e.HasBackup || e.Percent <= 0 || e.Percent >= 100 || e.Recommendation != Incomplete {
		t.Errorf("partial: %+v", e)
	}
	if e := byID["corrupt"]; !strings.Contains(e.Err, "truncated") || !strings.Contains(e.Err, "assay recover corrupt") {
		t.Errorf("corrupt: %+v", e)
	}
	if e := byID["v0-prototype"]; e.Err != "" || e.ASMO == "" {
		t.Errorf("v0: %+v", e)
	}
}

func TestIndentMatchesEncodingJSON(t *testing.T) {
	for _, name := range []string{"complete", "partial", "v0-prototype"} {
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, readFile(t, filepath.Join("..", "testdata", "audits", name, "audit.json"))); err != nil {
			t.Fatal(err)
		}
		compact.WriteString("\n")
		json.Indent(&want, compact.Bytes(), "", "  ")
		if got := indentJSON(compact.Bytes()); string(got) != want.String() {
			t.Errorf("%s: indentJSON differs from json.Indent", name)
		}
	}
}

// A save that changes only a note leaves summary.json alone (writing it was
// 40 % of a save), and the list is still right: the stale summary is
// recomputed, with the new time of update. A save that changes the audit's
// line in the list (a verdict) rewrites it at once.
func TestSaveRewritesSummaryOnlyWhenTheListLineChanges(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := stFullAudit(cat, 1000)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	sumPath := filepath.Join(s.Home(), "audits", a.ID, "summary.json")
	written := string(readFile(t, sumPath))

	a.Findings[cat.Requirements[0].ID].Notes = "una nota más"
	a.Updated = time.Time{}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	if got := string(readFile(t, sumPath)); got != written {
		t.Error("a save of a note rewrote summary.json")
	}
	entries, err := s.List()
	if err != nil || len(entries) != 1 || !entries[0].Updated.Equal(a.Updated) || entries[0].Percent != 100 {
		t.Fatalf("list after the note: %+v %v (updated %v)", entries, err, a.Updated)
	}
	if got := string(readFile(t, sumPath)); got == written {
		t.Error("the list did not refresh the stale summary.json")
	}

	a.Findings[cat.Requirements[0].ID].Verdict = Open
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	var rec summaryRecord
	if err := json.Unmarshal(readFile(t, sumPath), &rec); err != nil || rec.Entry.Percent == 100 || rec.Entry.Recommendation != Incomplete {
		t.Errorf("after a verdict changed, summary.json holds %+v (%v)", rec.Entry, err)
	}
}

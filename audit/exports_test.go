package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An export written through ExportFile is invisible in the exports folder
// until Commit names it; Discard (or a failed Commit) leaves nothing; and a
// temp file left by a crash more than a day ago is cleared by the next
// export, a recent one (an export under way) is not.
func TestExportFileCommitAndDiscard(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, _ := s.Create(a)
	defer h.Close()
	dir := filepath.Join(s.Home(), auditsDir, a.ID, exportsDir)
	listing := func() []string {
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}

	e, err := s.CreateExport(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.WriteString("%PDF-1.7 report")
	if got := listing(); len(got) != 1 || !strings.HasPrefix(got[0], ".") {
		t.Fatalf("while writing, the exports folder shows %v", got)
	}
	p, err := e.Commit("report-r1.pdf")
	if err != nil || filepath.Base(p) != "report-r1.pdf" || string(readFile(t, p)) != "%PDF-1.7 report" {
		t.Fatalf("commit: %s %v", p, err)
	}
	if got := listing(); len(got) != 1 || got[0] != "report-r1.pdf" {
		t.Errorf("after commit: %v", got)
	}

	e, _ = s.CreateExport(a.ID)
	e.WriteString("half a report")
	e.Discard()
	if got := listing(); len(got) != 1 {
		t.Errorf("after discard: %v", got)
	}
	e, _ = s.CreateExport(a.ID)
	if _, err := e.Commit(".hidden.pdf"); err == nil {
		t.Error("a hidden export name was accepted")
	}
	if got := listing(); len(got) != 1 {
		t.Errorf("after a refused commit: %v", got)
	}

	stale, fresh := filepath.Join(dir, partialPrefix+"crashed.pdf"), filepath.Join(dir, partialPrefix+"writing.pdf")
	os.WriteFile(stale, []byte("x"), 0o644)
	os.WriteFile(fresh, []byte("x"), 0o644)
	old := time.Now().Add(-25 * time.Hour)
	os.Chtimes(stale, old, old)
	e, _ = s.CreateExport(a.ID)
	defer e.Discard()
	if _, err := os.Stat(stale); err == nil {
		t.Error("a day-old temp export was left")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temp export under way was removed")
	}
}

// EvidenceIndex finds, from one listing, what EvidencePath finds file by
// file: the original (with or without an extension, the first by name if
// there are two), never the report image, never a hidden file.
func TestEvidenceIndexMatchesEvidencePath(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, _ := s.Create(a)
	defer h.Close()
	dir := filepath.Join(s.Home(), auditsDir, a.ID, evidenceDir)
	os.MkdirAll(dir, 0o755)
	sha := func(c byte) string { return strings.Repeat(string(c), 64) }
	for _, name := range []string{sha('a') + ".jpg", sha('a') + derivedSuffix, sha('b'), sha('c') + ".png", sha('c') + ".jpg",
		sha('d') + derivedSuffix, "." + sha('e') + ".jpg", sha('f') + "x.jpg", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	index := s.EvidenceIndex(a.ID)
	for _, c := range "abcdef" {
		want := s.EvidencePath(a.ID, sha(byte(c)))
		if _, err := os.Stat(want); err != nil {
			want = "" // EvidencePath's guess for a missing file
		}
		if got := index[sha(byte(c))]; got != want {
			t.Errorf("%c: index %q, EvidencePath %q", c, got, want)
		}
	}
	if len(index) != 3 {
		t.Errorf("index has %d files, want 3: %v", len(index), index)
	}
}

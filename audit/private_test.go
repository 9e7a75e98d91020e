package audit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPrivateNamesStayApart: real names go to audits/<id>/private/ (0700,
// file 0600), written atomically, and never into audit.json.
func TestPrivateNamesStayApart(t *testing.T) {
	s := stStore(t)
	a := New(testCatalog(), stHeader(), time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC))
	iv, err := AddInterview(&a.Header, Interview{Role: "pallaquera", Gender: Woman})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	const name = "Zenobia Quimbaya-Ortúzar"
	var p Private
	p.Set(iv.Pseudonym, Contact{Name: " " + name + "\x07\n", Contact: "+57 300 555 0199"})
	if err := h.SavePrivate(p); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(s.Home(), "audits", a.ID, "private")
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("private folder: %v, mode %v; want 0700", err, st.Mode().Perm())
	}
	fi, err := os.Stat(filepath.Join(dir, "interviewees.json"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("private file: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(s.Home(), "audits", a.ID, "audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Zenobia")) || bytes.Contains(data, []byte("555 0199")) {
		t.Error("a private name or contact reached audit.json")
	}
	got, err := s.LoadPrivate(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Of(iv.Pseudonym); c.Name != name || c.Contact != "+57 300 555 0199" {
		t.Errorf("read back %+v", c)
	}
	// No temp file left beside it.
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("private folder holds %d entries, want only interviewees.json", len(ents))
	}

	// A folder and file made readable by others (a careless copy) are
	// narrowed again by the next save.
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, "interviewees.json"), 0o644)
	p.Set(iv.Pseudonym, Contact{}) // forgetting the name
	if err := h.SavePrivate(p); err != nil {
		t.Fatal(err)
	}
	st, _ = os.Stat(dir)
	fi, _ = os.Stat(filepath.Join(dir, "interviewees.json"))
	if st.Mode().Perm() != 0o700 || fi.Mode().Perm() != 0o600 {
		t.Errorf("modes after a save: folder %v, file %v", st.Mode().Perm(), fi.Mode().Perm())
	}
	got, _ = s.LoadPrivate(a.ID)
	if len(got.Interviewees) != 0 {
		t.Errorf("a forgotten name is still there: %+v", got.Interviewees)
	}
}

func TestLoadPrivateMissingAndBroken(t *testing.T) {
	s := stStore(t)
	a := New(testCatalog(), stHeader(), time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC))
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	p, err := s.LoadPrivate(a.ID)
	if err != nil || len(p.Interviewees) != 0 {
		t.Errorf("an audit with no private folder: %+v, %v", p, err)
	}
	dir := filepath.Join(s.Home(), "audits", a.ID, "private")
	os.Mkdir(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "interviewees.json"), []byte(`{"interviewees": {"I-01": {"name": "Zenobia`), 0o600)
	_, err = s.LoadPrivate(a.ID)
	var pe *PrivateError
	if !errors.As(err, &pe) || bytes.Contains([]byte(err.Error()), []byte("Zenobia")) {
		t.Errorf("a torn private file: %v (must be a PrivateError naming no one)", err)
	}
	// Saving through a closed handle is refused.
	h.Close()
	if err := h.SavePrivate(Private{}); err == nil {
		t.Error("saved through a closed handle")
	}
}

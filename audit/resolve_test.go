package audit

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestResolveTakesAnyUniquePrefix: an inspector types as much of a long id
// as tells the audit apart; too little lists the audits it could be, a
// full id wins over longer ids it starts, and an unreadable audit counts
// (recover needs its id).
func TestResolveTakesAnyUniquePrefix(t *testing.T) {
	s := stStore(t)
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	mk := func(id string) {
		t.Helper()
		a := New(stCatalog(t), stHeader(), now)
		a.ID = id
		h, err := s.Create(a)
		if err != nil {
			t.Fatal(err)
		}
		h.Close()
	}
	mk("2026-11-29-cooperativa-minera-la-fcdb")
	mk("2026-11-29-cooperativa-minera-la-0a1b")
	mk("2026-10-02-asociacion-oro-verde-1b2c")
	mk("2026-10-02-asociacion-oro-verde-1b2c-old")
	// A folder whose audit.json is gone is still an audit to recover.
	if err := os.MkdirAll(filepath.Join(s.Home(), auditsDir, "2025-01-15-mina-rota-0000"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Files and odd names in audits/ are not audits.
	os.WriteFile(filepath.Join(s.Home(), auditsDir, "2026-notes.txt"), []byte("x"), 0o644)

	for prefix, want := range map[string]string{
		"2026-11-29-cooperativa-minera-la-fcdb": "2026-11-29-cooperativa-minera-la-fcdb",
		"2026-11-29-cooperativa-minera-la-f":    "2026-11-29-cooperativa-minera-la-fcdb",
		"2026-10-02-asociacion-oro-verde-1b2c":  "2026-10-02-asociacion-oro-verde-1b2c", // exact beats "-old"
		"2026-10-02-asociacion-oro-verde-1b2c-": "2026-10-02-asociacion-oro-verde-1b2c-old",
		"2025":                                  "2025-01-15-mina-rota-0000",
	} {
		if got, err := s.Resolve(prefix); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", prefix, got, err, want)
		}
	}

	_, err := s.Resolve("2026-11-29-coop")
	var amb *AmbiguousIDError
	if !errors.As(err, &amb) {
		t.Fatalf("Resolve of a shared prefix: %v, want an AmbiguousIDError", err)
	}
	want := []string{"2026-11-29-cooperativa-minera-la-0a1b", "2026-11-29-cooperativa-minera-la-fcdb"}
	if !slices.Equal(amb.Candidates, want) || amb.Prefix != "2026-11-29-coop" {
		t.Errorf("ambiguous: %+v, want the prefix and candidates %v", amb, want)
	}

	for _, bad := range []string{"2027", "", "../etc", "2026-notes.txt", "x/y"} {
		_, err := s.Resolve(bad)
		var unk *UnknownIDError
		if !errors.As(err, &unk) || unk.Prefix != bad {
			t.Errorf("Resolve(%q): %v, want an UnknownIDError naming it", bad, err)
		}
	}
}

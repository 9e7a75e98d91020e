package audit

import (
	"fmt"
	"testing"
	"time"
)

// Targets: Save <= 1.5 ms without fsync, Load <= 5 ms, for a full audit
// (every Fairmined requirement assessed, 200 KB of notes in total);
// List of 200 audits well inside the 50 ms a whole `assay list` may take.

func benchStore(b *testing.B) *Store {
	s := stStore(b)
	// fsync cost depends on the disk, not on this code; measured apart.
	s.NoSync = true
	return s
}

func BenchmarkSave(b *testing.B) {
	s := benchStore(b)
	a := stFullAudit(stCatalog(b), 200<<10)
	h, err := s.Create(a)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Findings["1.1.1"].Notes = fmt.Sprint("edit ", i)
		if err := h.Save(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveVerdict is a save that changes the audit's line in the list
// (a verdict, so the completion), which rewrites summary.json too; most
// saves (BenchmarkSave: a note) do not.
func BenchmarkSaveVerdict(b *testing.B) {
	s := benchStore(b)
	a := stFullAudit(stCatalog(b), 200<<10)
	h, err := s.Create(a)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Findings["1.1.1"].Verdict = []Verdict{Open, Conforms}[i%2]
		if err := h.Save(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSaveWithFsync(b *testing.B) {
	s := stStore(b)
	a := stFullAudit(stCatalog(b), 200<<10)
	h, err := s.Create(a)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := h.Save(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	s := benchStore(b)
	a := stFullAudit(stCatalog(b), 200<<10)
	h, err := s.Create(a)
	if err != nil {
		b.Fatal(err)
	}
	h.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Load(a.ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkList200(b *testing.B) {
	s := benchStore(b)
	cat := stCatalog(b)
	for i := 0; i < 200; i++ {
		a := stFullAudit(cat, 20<<10)
		a.ID = fmt.Sprintf("2026-11-%02d-coop-%03d", i%28+1, i)
		a.Updated = time.Now()
		h, err := s.Create(a)
		if err != nil {
			b.Fatal(err)
		}
		h.Close()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		entries, err := s.List()
		if err != nil || len(entries) != 200 {
			b.Fatalf("%d entries, %v", len(entries), err)
		}
	}
}

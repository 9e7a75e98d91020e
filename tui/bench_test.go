package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkWalkView measures one frame of the walk with a full-size
// catalog and 100 KB of notes on the requirement in focus.
func BenchmarkWalkView(b *testing.B) {
	cat := testCatalog(90)
	a := testAudit(cat, "a1")
	para := "Señora Núñez, pallaquera, explica cómo se registra el mineral seleccionado cada día en la bocamina. "
	a.Finding("1.1").Notes = strings.Repeat(para+"\n", 100*1024/len(para)+1)
	for i, r := range cat.Requirements {
		if i%3 == 0 {
			a.Finding(r.ID).Verdict = "conforms"
		}
	}
	st := newFakeStore(cat, a)
	d := newDriver(b, Deps{Store: st, Catalogs: catalogs(cat)}, 120, 40)
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	if !strings.Contains(d.view(), "Señora Núñez") {
		b.Fatalf("notes not in view:\n%s", d.view())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = d.m.View()
	}
}

// BenchmarkWalkViewEditingNotes is a frame while the 100 KB of notes are
// being edited in the textarea (bubbles re-wraps its lines every frame).
func BenchmarkWalkViewEditingNotes(b *testing.B) {
	cat := testCatalog(90)
	a := testAudit(cat, "a1")
	para := "Señora Núñez, pallaquera, explica cómo se registra el mineral seleccionado cada día en la bocamina. "
	a.Finding("1.1").Notes = strings.Repeat(para+"\n", 100*1024/len(para)+1)
	d := newDriver(b, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 120, 40)
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = d.m.View()
	}
}

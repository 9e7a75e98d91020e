package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// benchPara is one paragraph of notes as an inspector writes them: Spanish,
// with accents and ñ, so widths and graphemes are exercised.
const benchPara = "Señora Núñez, pallaquera, explica cómo se registra el mineral seleccionado cada día en la bocamina. "

// benchNotes returns about size bytes of notes, one paragraph a line.
func benchNotes(size int) string {
	return strings.Repeat(benchPara+"\n", size/(len(benchPara)+1)+1)
}

// benchNoteSizes are the two sizes the typing target compares: a keystroke
// in 100 KB of notes must cost no more than 1.5x one in a short note.
var benchNoteSizes = []struct {
	name string
	size int
}{{"300B", 300}, {"100KB", 100 * 1024}}

// BenchmarkWalkView measures one frame of the walk with a full-size
// catalog and 100 KB of notes on the requirement in focus.
func BenchmarkWalkView(b *testing.B) {
	cat := testCatalog(90)
	a := testAudit(cat, "a1")
	a.Finding("1.1").Notes = benchNotes(100 * 1024)
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

// editingDriver opens the walk with notes of the given size on the first
// requirement and puts the notes field in focus.
func editingDriver(b *testing.B, size int) *driver {
	cat := testCatalog(90)
	a := testAudit(cat, "a1")
	a.Finding("1.1").Notes = benchNotes(size)
	d := newDriver(b, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat)}, 120, 40)
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	d.send(tea.KeyMsg{Type: tea.KeyEnter})
	return d
}

// BenchmarkWalkViewEditingNotes is a frame while the notes are being
// edited, with a short note and with 100 KB: the typing target is the
// 100KB case at <= 2 ms/op and within 1.5x of the 300B case.
func BenchmarkWalkViewEditingNotes(b *testing.B) {
	for _, sz := range benchNoteSizes {
		b.Run(sz.name, func(b *testing.B) {
			d := editingDriver(b, sz.size)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = d.m.View()
			}
		})
	}
}

// BenchmarkWalkKeystrokeNotes is what one key costs from the keyboard to
// the screen while typing notes: Update with a typed letter then a
// backspace (so the note keeps its size), and a frame after each.
func BenchmarkWalkKeystrokeNotes(b *testing.B) {
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'ñ'}}, {Type: tea.KeyBackspace}}
	for _, sz := range benchNoteSizes {
		b.Run(sz.name, func(b *testing.B) {
			d := editingDriver(b, sz.size)
			var m tea.Model = d.m
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				for _, k := range keys {
					// The commands (a debounced save) are the program's
					// to run later, not part of the keystroke.
					m, _ = m.Update(k)
					_ = m.View()
				}
			}
			b.StopTimer()
			if got := m.(Model).s.a.Finding("1.1").Notes; len(got) != len(benchNotes(sz.size)) {
				b.Fatalf("notes changed size: %d bytes, want %d", len(got), len(benchNotes(sz.size)))
			}
		})
	}
}

// BenchmarkSearchKeystroke is one key typed in the walk's search over the
// built-in Fairmined catalog (both languages' text and the notes), with
// 100 KB of notes on one finding: the catalog's folded text is made once,
// not per key.
func BenchmarkSearchKeystroke(b *testing.B) {
	cat := builtinFairmined(b)
	a := testAudit(cat, "a1")
	a.Finding(cat.Requirements[0].ID).Notes = benchNotes(100 * 1024)
	d := newDriver(b, Deps{Store: newFakeStore(cat, a), Catalogs: catalogs(cat), Lang: "es"}, 120, 40)
	d.press(tea.KeyEnter)
	d.typeText("/regalia")
	var m tea.Model = d.m
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'s'}}, {Type: tea.KeyBackspace}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, k := range keys {
			m, _ = m.Update(k)
			_ = m.View()
		}
	}
}

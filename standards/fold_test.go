package standards

import (
	"strings"
	"testing"
)

// TestFold checks what an inspector expects of search: accents and case do
// not matter, in Spanish, Portuguese and French, and nothing else changes.
func TestFold(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"regalias", "REGALÍAS"},
		{"regalías", "Regalias"},
		{"pallaquera", "PALLAQUERA"},
		{"año", "ANO"},
		{"minería", "MINERIA"},
		{"contratação", "CONTRATACAO"},
		{"sécurité", "SECURITE"},
		{"Straße", "STRASSE"},
		{"e\u0301", "é"}, // decomposed and precomposed é
	} {
		if Fold(tt.a) != Fold(tt.b) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want equal", tt.a, Fold(tt.a), tt.b, Fold(tt.b))
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"mina", "mena"},
		{"4 g", "4g"},
		{"2.1.6", "2.1.5"},
	} {
		if Fold(tt.a) == Fold(tt.b) {
			t.Errorf("Fold(%q) == Fold(%q): different words must stay different", tt.a, tt.b)
		}
	}
	if got := Fold("Inventario de MERCURIO: 2.1.6"); got != "inventario de mercurio: 2.1.6" {
		t.Errorf("Fold kept or lost the wrong things: %q", got)
	}
	// Searching folded text finds the requirement either way round.
	title := "Impuestos y regalías pagados"
	for _, q := range []string{"regalias", "REGALÍAS", "regalías"} {
		if !strings.Contains(Fold(title), Fold(q)) {
			t.Errorf("%q does not find %q", q, title)
		}
	}
}

// BenchmarkFold measures folding one requirement's text, what the TUI
// search does per requirement and keystroke.
func BenchmarkFold(b *testing.B) {
	s := "El inventario de mercurio concilia compras, existencias y uso por lote; las regalías están pagadas."
	for b.Loop() {
		Fold(s)
	}
}

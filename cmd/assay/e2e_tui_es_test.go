package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// englishUIWords are words of the UI's English edition that a Spanish
// screen must not show, as whole words ("exportó" and "exportar" are
// Spanish: RE2's \b knows only ASCII letters, so the edges are letters of
// any script).
var englishUIWords = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(audits?|new audit|walk|summary|details|help|quit|search|finding|verdict|notes|evidence|required|conforms|minor|major|open|draft|saved|recommendation|export(?:ed)?|before finalizing|language|cancel|next|previous|none)(?:[^\p{L}]|$)`)

// checkSpanish fails t when a screen lacks the Spanish words wanted or
// shows an English word of the UI. Paths and file names (the export's
// folder holds "audits" and "exports") are data, not words.
func checkSpanish(t *testing.T, screen string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Errorf("Spanish screen lacks %q:\n%s", w, screen)
		}
	}
	var words []string
	for _, f := range strings.Fields(screen) {
		if !strings.Contains(f, "/") && !strings.HasSuffix(f, ".pdf") || strings.Contains(f, "c/m/M/n/o") {
			words = append(words, f)
		}
	}
	if bad := englishUIWords.FindAllString(strings.Join(words, " "), -1); len(bad) > 0 {
		for i := range bad {
			bad[i] = strings.TrimSpace(bad[i])
		}
		t.Errorf("Spanish screen shows English words %q:\n%s", bad, screen)
	}
}

// TestTmuxSpanishInspector is a Spanish-speaking inspector's whole job in
// the terminal UI with LANG=es_CO.UTF-8: the audits, a new audit, the
// walk, a search for "regalias" without its accent, the summary and a
// draft export, every screen in Spanish.
func TestTmuxSpanishInspector(t *testing.T) {
	requireTool(t, "pdftotext")
	home := t.TempDir()
	tm := startTerm(t, home, 80, 24, "LANG=es_CO.UTF-8")
	checkSpanish(t, tm.waitFor("auditorías", "Aún no hay auditorías"), "L idioma", "n nueva auditoría")

	tm.keys("n")
	checkSpanish(t, tm.waitFor("Nueva auditoría"), "OMAPE *", "País *", "obligatorio", "Catálogo", "incorporado")
	tm.focus("OMAPE")
	tm.text("Cooperativa Minera El Diamante")
	tm.focus("País")
	tm.text("Colombia")
	tm.focus("Sitio")
	tm.text("Mina La Esmeralda")
	tm.focus("Inspector líder")
	tm.text("Ana María Restrepo")
	tm.keys("C-s")
	checkSpanish(t, tm.waitFor("auditoría creada", "Hallazgo"), "requisitos", "social", "económica", "Veredicto:",
		"Notas", "Evidencias:", "sin evaluar")

	tm.keys("c")
	checkSpanish(t, tm.waitFor("✓ conforme"), "Veredicto: ✓ conforme")

	tm.keys("/")
	tm.text("regalias")
	checkSpanish(t, tm.waitFor("1.3.5", "Impuestos y regalías"), "buscar: regalias")
	tm.keys("Enter")
	checkSpanish(t, tm.waitFor("│ 1.3.5 Impuestos y regalías pagados"), "La OMAPE paga las regalías")

	tm.keys("s")
	checkSpanish(t, tm.waitFor("Resumen ·", "Recomendación: Incompleta"), "sin evaluar", "No conformidades",
		"ninguna", "borrador")

	tm.keys("x")
	checkSpanish(t, tm.waitFor("Exportar un borrador"), "‹ español ›", "enter exportar")
	tm.keys("Enter")
	checkSpanish(t, tm.waitFor("se exportó"), "Resumen ·")
	tm.keys("q")

	pdfs, _ := filepath.Glob(filepath.Join(home, "audits", "*", "exports", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("exports = %v, want one draft", pdfs)
	}
	if text, _ := tool(t, "pdftotext", "-enc", "UTF-8", pdfs[0], "-"); !strings.Contains(text, "Informe de auditoría Fairmined") ||
		!strings.Contains(text, "BORRADOR") {
		t.Errorf("the draft exported from the Spanish UI is not the Spanish report")
	}
	if _, err := os.Stat(filepath.Join(home, "ui-state.toml")); err == nil {
		t.Error("ui-state.toml written though the language was never switched")
	}
}

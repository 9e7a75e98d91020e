package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigWarningsInTheUILanguage: what is wrong with config.toml is
// said in the language of the command, with the file and line, not in the
// domain's English.
func TestConfigWarningsInTheUILanguage(t *testing.T) {
	for _, tt := range []struct{ config, lang, want string }{
		{"minor_due_days = 100000000\n", "es", "config.toml:1: minor_due_days = 100000000 está fuera de rango (1–3650); se usa el valor por defecto"},
		{"minor_due_days = 100000000\n", "en", "config.toml:1: minor_due_days = 100000000 is out of range (1–3650); the default is used"},
		{"Minor_due_days = 5\n", "es", "config.toml: ajuste desconocido Minor_due_days; no se usa ninguno de sus ajustes (los conocidos: inspector,"},
		{"sample_rule = \"raiz\"\n", "es", `config.toml:1: sample_rule = "raiz" no es ninguno de`},
		{"x = \n", "es", "config.toml:1:"},
	} {
		home := t.TempDir()
		if err := os.WriteFile(filepath.Join(home, "config.toml"), []byte(tt.config), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runIn(t, home, "--lang", tt.lang, "list")
		if !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%q in %s: stderr %q, want %q", tt.config, tt.lang, r.stderr, tt.want)
		}
		if tt.lang == "es" && (strings.Contains(r.stderr, "warning") || strings.Contains(r.stderr, "unknown") || strings.Contains(r.stderr, "out of range")) {
			t.Errorf("%q: English in the Spanish warning: %q", tt.config, r.stderr)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigDefaults: keys create takes the name from config.toml when no
// --name is given, and a broken config is a warning with file and line.
func TestConfigDefaults(t *testing.T) {
	home := t.TempDir()
	cfg := "inspector = \"Ana María Restrepo\"\norganisation = \"Auditores Andinos\"\n"
	if err := os.WriteFile(filepath.Join(home, "config.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runStd(t, home, "keys", "create")
	if r.code != 0 || !strings.Contains(r.stdout, "Ana María Restrepo") || !strings.Contains(r.stdout, "Auditores Andinos") {
		t.Fatalf("keys create with config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "config.toml"), []byte("inspector = \"x\"\nmax_evidence_mb = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runStd(t, bad, "keys", "create", "--name", "B")
	if r.code != 0 || !strings.Contains(r.stderr, "config.toml:2:") {
		t.Errorf("broken config: exit %d, stderr %q; want a warning with file:line and success", r.code, r.stderr)
	}
	if r := runStd(t, t.TempDir(), "keys", "create"); r.code != 2 || !strings.Contains(r.stderr, "config.toml") {
		t.Errorf("no name and no config: exit %d, stderr %q", r.code, r.stderr)
	}
}

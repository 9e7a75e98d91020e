package audit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards/safefile"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, ConfigFile), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

func TestLoadConfig(t *testing.T) {
	c, err := LoadConfig(t.TempDir())
	if err != nil || c != (Config{}) {
		t.Fatalf("missing config: %+v, %v; want zero and no error", c, err)
	}
	if c.MaxEvidenceBytes() != DefaultMaxEvidenceBytes || c.DatePolicy() != DefaultDatePolicy {
		t.Errorf("zero config does not give the defaults")
	}

	home := writeConfig(t, "inspector = \"Ana Quispe\"\ncertification_body = \"IMO Swiss AG\"\nmax_evidence_mb = 10\nminor_due_days = 60\n"+
		"language = \"es\"\nreport_language = \"en\"\n")
	c, err = LoadConfig(home)
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "es" || c.ReportLanguage != "en" {
		t.Errorf("languages = %q, %q", c.Language, c.ReportLanguage)
	}
	if c.MaxEvidenceBytes() != 10<<20 {
		t.Errorf("max evidence = %d", c.MaxEvidenceBytes())
	}
	if p := c.DatePolicy(); p.MinorDays != 60 || p.MajorDays != DefaultDatePolicy.MajorDays {
		t.Errorf("policy = %+v", p)
	}
	h := c.Defaults(Header{CertBody: "NaturaCert"})
	if h.LeadInspector != "Ana Quispe" || h.CertBody != "NaturaCert" {
		t.Errorf("defaults = %+v: want the config's inspector and the typed body kept", h)
	}
}

func TestLoadConfigProblems(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"inspector = \"Ana\nx", "config.toml:1:"},
		{"inspektor = \"Ana\"\n", `unknown setting(s) inspektor`},
		{"max_evidence_mb = \"ten\"\n", "config.toml"},
		{"minor_due_days = -5\n", "config.toml:1: minor_due_days = -5 is out of range (1 to 3650)"},
		// The decoder would fill MinorDays from another case, past the
		// range check (found by FuzzLoadConfig): an unknown key instead.
		{"'minor_due_dAYs' = 10000000000000\n", "unknown setting(s) minor_due_dAYs"},
		{"Max_Note_KB = 1\n", "unknown setting(s) Max_Note_KB"},
	} {
		_, err := LoadConfig(writeConfig(t, tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want it to contain %q", tt.text, err, tt.want)
		}
	}
}

// A number out of range is reported with its file and line when read (not
// later as an impossible due date), and only that setting falls back to its
// default: the rest of the file still applies.
func TestLoadConfigOutOfRangeNamesTheLineAndKeepsTheRest(t *testing.T) {
	home := writeConfig(t, "inspector = \"Ana\"\n\n# policy\n  minor_due_days = 100000000\nmajor_due_days = 20\nmax_note_kb = 1\n")
	c, err := LoadConfig(home)
	probs := ConfigProblems(err)
	if len(probs) != 2 {
		t.Fatalf("problems = %v, want two", err)
	}
	p := probs[0]
	if p.Kind != ConfigOutOfRange || p.Line != 4 || p.Key != "minor_due_days" || p.Value != 100000000 || p.Min != 1 || p.Max != 3650 {
		t.Errorf("problem = %+v", p)
	}
	if !strings.HasSuffix(p.Path, "config.toml") || !strings.Contains(err.Error(), "config.toml:4: minor_due_days = 100000000 is out of range") {
		t.Errorf("message %q", err)
	}
	if probs[1].Key != "max_note_kb" || probs[1].Line != 6 {
		t.Errorf("second problem = %+v", probs[1])
	}
	if c.Inspector != "Ana" || c.DatePolicy().MinorDays != DefaultDatePolicy.MinorDays || c.DatePolicy().MajorDays != 20 {
		t.Errorf("config = %+v: want the inspector and major days kept, minor days the default", c)
	}
	if c.MaxNoteBytes() != DefaultMaxNoteKB<<10 {
		t.Errorf("note limit = %d, want the default", c.MaxNoteBytes())
	}
}

// A config.toml that is a pipe, a device or a folder is reported at once,
// naming the file, and the defaults apply.
func TestLoadConfigOddFiles(t *testing.T) {
	for name, mk := range map[string]func(p string) error{
		"fifo":   func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"zero":   func(p string) error { return os.Symlink("/dev/zero", p) },
		"folder": func(p string) error { return os.Mkdir(p, 0o755) },
	} {
		home := t.TempDir()
		path := filepath.Join(home, ConfigFile)
		if err := mk(path); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		var c Config
		var err error
		go func() { c, err = LoadConfig(home); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: LoadConfig hangs", name)
		}
		probs := ConfigProblems(err)
		if len(probs) != 1 || probs[0].Kind != ConfigUnreadable || !errors.Is(err, safefile.ErrNotRegular) {
			t.Errorf("%s: err = %v, want one unreadable problem", name, err)
		}
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: message %v does not name %s", name, err, path)
		}
		if c != (Config{}) {
			t.Errorf("%s: config = %+v, want the defaults", name, c)
		}
	}
}

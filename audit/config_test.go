package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{"minor_due_days = -5\n", "cannot be negative"},
	} {
		_, err := LoadConfig(writeConfig(t, tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want it to contain %q", tt.text, err, tt.want)
		}
	}
}

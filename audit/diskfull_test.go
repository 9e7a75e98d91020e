package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDiskFullKeepsThePreviousVersion saves a big audit in a process whose
// file size limit (RLIMIT_FSIZE) it exceeds, which fails the write exactly
// as a full disk does: the error must say so and name the file, and the
// version on disk must still be the previous one, whole.
func TestDiskFullKeepsThePreviousVersion(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := New(cat, stHeader(), time.Now())
	a.Finding(cat.Requirements[0].ID).Notes = "versión anterior, pequeña"
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	dir := filepath.Join(s.Home(), "audits", a.ID)
	before, _ := os.ReadFile(filepath.Join(dir, "audit.json"))

	c := startChild(t, "diskfull", s.Home(), a.ID)
	defer c.kill()
	c.waitLine(t, "open", 20*time.Second)
	msg := c.waitLine(t, "SAVEERR ", 20*time.Second)
	c.cmd.Wait()

	path := filepath.Join(dir, "audit.json")
	for _, want := range []string{"saving audit " + a.ID, "disk full", path} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("audit.json changed after a failed save")
	}
	got, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Findings[cat.Requirements[0].ID].Notes != "versión anterior, pequeña" {
		t.Error("the previous version did not survive")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temp file %s left behind", e.Name())
		}
	}
}

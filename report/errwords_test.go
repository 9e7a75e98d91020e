package report

import (
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/audit"
)

// An export that could not be recorded says why in the UI's language: the
// audit open in another assay, a full disk.
func TestNotRecordedWarningIsWorded(t *testing.T) {
	es := builtin().For("es")
	got := es.T("not_recorded", map[string]any{"Error": errWords(es, &audit.LockedError{ID: "a1", PID: 42})})
	if !strings.Contains(got, "está abierta en otro proceso de assay (pid 42)") || strings.Contains(got, "open in another") {
		t.Errorf("locked audit in Spanish: %q", got)
	}
	full := errWords(es, &fs.PathError{Op: "write", Path: "/h/audit.json", Err: syscall.ENOSPC})
	if full != "/h/audit.json: no queda espacio en el disco" {
		t.Errorf("full disk in Spanish: %q", full)
	}
	if en := errWords(builtin().For("en"), &audit.LockedError{ID: "a1"}); !strings.Contains(en, "open in another assay process") {
		t.Errorf("locked audit in English: %q", en)
	}
}

package tui

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
)

// A damaged identity folder, a prototype audit that cannot be migrated
// and a refused move to the trash reach a Spanish inspector in Spanish.
func TestFolderAndMigrationErrorsInSpanish(t *testing.T) {
	es := newWords(builtinMessages(), "es")
	errs := []error{&audit.MoveError{Problem: audit.MoveToTrash, ID: "a", Err: syscall.EACCES},
		&audit.MoveError{Problem: audit.MoveKeepCorrupt, Path: "/h/audit.json", Keep: "/h/x", Err: syscall.ENOSPC},
		&audit.CorruptError{Path: "/h/audit.json", Cause: &audit.FileProblem{Kind: audit.FileOldFinding, Field: "1.2"}},
		&audit.CorruptError{Path: "/h/audit.json", Cause: &audit.FileProblem{Kind: audit.FileOldVerdict, Field: "1.2", Value: "ok?"}},
		&identity.WriteError{Dir: "/h/identity", Kept: true, Err: syscall.ENOSPC},
		&identity.WriteError{Dir: "/h/identity", Err: syscall.EROFS}}
	for p := identity.FolderUnreadable; p <= identity.FolderCommitFailed; p++ {
		errs = append(errs, &identity.FolderError{Problem: p, Path: "/h/identity/key.pem", Other: "/h/k", Err: errors.New("x509: bad")})
		if p == identity.FolderUnreadable || p == identity.FolderCommitFailed {
			errs[len(errs)-1].(*identity.FolderError).Err = syscall.EIO
		}
	}
	for _, err := range errs {
		got := es.errorText(err)
		for _, en := range []string{"cannot", "finding", "trash", "holds", "key in", "x509", "no space", "permission", "moving"} {
			if strings.Contains(got, en) {
				t.Errorf("%T %v is worded %q in Spanish (has %q)", err, err, got, en)
			}
		}
	}
}

// A refused rename says the system's reason once, not its two paths.
func TestTrashRenameCauseWithoutPaths(t *testing.T) {
	w := newWords(builtinMessages(), "es")
	err := &audit.MoveError{Problem: audit.MoveToTrash, ID: "a", Err: &os.LinkError{Op: "rename", Old: "/h/audits/a", New: "/h/trash/a-1", Err: syscall.EXDEV}}
	if got := w.errorText(err); strings.Contains(got, "/h/") || !strings.Contains(got, "papelera") {
		t.Errorf("worded %q", got)
	}
}

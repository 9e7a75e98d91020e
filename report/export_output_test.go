package report

import (
	"crypto"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"github.com/assay-dev/assay/report/identity"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// qaExportState is what a failed export must leave untouched.
func qaExportState(t *testing.T, s *audit.Store, id string) string {
	t.Helper()
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var exports []string
	for _, r := range a.History {
		exports = append(exports, r.Exports...)
	}
	return fmt.Sprintf("exports/=%v history=%v", exportsOf(t, s, id), exports)
}

// qaLeftovers lists files in dir (temporary copies included).
func qaLeftovers(dir string) []string {
	ents, _ := os.ReadDir(dir)
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// An -o path that cannot be written (here: its "folder" is a file) fails
// the whole export: a clear error naming the file, and no new file in
// exports/, no history entry, nothing at -o. It used to leave a signed copy
// in exports/ and the history on every retry.
func TestQAExportUnwritableOutputLeavesNothing(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 1, 300, true)
	before := qaExportState(t, s, id)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocker, []byte("x"), 0o644)
	out := filepath.Join(blocker, "report.pdf")
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Output: out})
	if err == nil || path != "" {
		t.Fatalf("got path %q err %v, want a failure", path, err)
	}
	if !strings.Contains(err.Error(), "writing "+out) || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("error: %v", err)
	}
	if after := qaExportState(t, s, id); after != before {
		t.Errorf("failed export changed the audit:\n before %s\n after  %s", before, after)
	}
}

// The same with a full disk, simulated in a child process by a file size
// limit (RLIMIT_FSIZE fails writes as ENOSPC would; we run as root, so
// permissions cannot). The report is written to the exports folder as it is
// produced, before the -o copy, so the limit stops it there (a limit cannot
// tell the two disks apart): the error names the folder, nothing is left in
// it, and the -o file stays as it was (--force) or absent, with no
// temporary file beside it.
func TestQAExportDiskFullAtOutput(t *testing.T) {
	if os.Getenv("QA_EXPORT_CHILD") != "" {
		qaExportChild()
		return
	}
	s, id, _ := storeAudit(t, 3, 2, 600, true)
	before := qaExportState(t, s, id)
	outDir := t.TempDir()
	keep := filepath.Join(outDir, "keep.pdf")
	os.WriteFile(keep, []byte("previous report"), 0o644)
	for _, c := range []struct {
		out   string
		force bool
	}{{filepath.Join(outDir, "new.pdf"), false}, {keep, true}} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestQAExportDiskFullAtOutput$")
		key, err := x509.MarshalPKCS8PrivateKey(newTestSigner(t).key)
		if err != nil {
			t.Fatal(err)
		}
		// The child signs with the key the audit was finalized for.
		cmd.Env = append(os.Environ(), "QA_EXPORT_CHILD=1", "QA_HOME="+s.Home(), "QA_ID="+id, "QA_OUT="+c.out,
			fmt.Sprintf("QA_FORCE=%v", c.force), "QA_KEY="+hex.EncodeToString(key), "QA_CERT="+hex.EncodeToString(newTestSigner(t).cert.Raw))
		got, _ := cmd.CombinedOutput()
		exports := filepath.Join(s.Home(), "audits", id, "exports")
		if !strings.Contains(string(got), "EXPORTERR writing "+exports+":") || !strings.Contains(string(got), "file too large") {
			t.Fatalf("child output:\n%s", got)
		}
	}
	if after := qaExportState(t, s, id); after != before {
		t.Errorf("failed export changed the audit:\n before %s\n after  %s", before, after)
	}
	if got, _ := os.ReadFile(keep); string(got) != "previous report" {
		t.Error("the existing -o file was damaged")
	}
	if left := qaLeftovers(outDir); len(left) != 1 {
		t.Errorf("files left in the -o folder: %v", left)
	}
}

// qaExportChild exports under a file size limit big enough for the store's
// small files, too small for the report.
func qaExportChild() {
	lim := &syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, lim); err != nil {
		fmt.Println("EXPORTERR setrlimit:", err)
		return
	}
	cats, _ := standards.Load(os.Getenv("QA_HOME"))
	s, err := audit.OpenStore(os.Getenv("QA_HOME"), cats)
	if err != nil {
		fmt.Println("EXPORTERR", err)
		return
	}
	s.NoSync = true
	keyDER, _ := hex.DecodeString(os.Getenv("QA_KEY"))
	certDER, _ := hex.DecodeString(os.Getenv("QA_CERT"))
	key, err := x509.ParsePKCS8PrivateKey(keyDER)
	cert, err2 := x509.ParseCertificate(certDER)
	if err != nil || err2 != nil {
		fmt.Println("EXPORTERR key:", err, err2)
		return
	}
	ident := &identity.Identity{Key: key.(crypto.Signer), Cert: cert}
	_, err = Export(s, os.Getenv("QA_ID"), ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: cats,
		Output: os.Getenv("QA_OUT"), Force: os.Getenv("QA_FORCE") == "true"})
	fmt.Println("EXPORTERR", err)
}

// -o naming a folder (with or without --force) is refused up front with a
// hint, not "file exists" after the whole report was rendered and signed.
func TestQAExportOutputIsAFolder(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, true)
	dir := t.TempDir()
	for _, force := range []bool{false, true} {
		_, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats, Output: dir, Force: force})
		if err == nil || !strings.Contains(err.Error(), dir+" is a folder") {
			t.Errorf("force=%v: %v", force, err)
		}
	}
	if got := exportsOf(t, s, id); len(got) != 0 {
		t.Errorf("exports/ holds %v", got)
	}
}

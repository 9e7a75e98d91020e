package identity

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// fileSnapshot is every file under dir with its bytes, to compare before
// and after a failed write.
func fileSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = string(b)
		}
		return nil
	})
	return out
}

// The disk fills up while `keys create --force` or `keys import` writes
// the new identity: simulated in a child process by a file size limit
// (RLIMIT_FSIZE fails a write with EFBIG exactly where a full disk fails it
// with ENOSPC). At each limit, one file or another of the new pair does not
// fit; every time the old key and certificate must still be in place, load
// and match, nothing staged may be left, and the error must say the old
// identity is still in use.
func TestKeyPairOnAFullDiskKeepsTheOldIdentity(t *testing.T) {
	if os.Getenv("IDENTITY_FULL_CHILD") != "" {
		fullDiskChild()
		return
	}
	src := t.TempDir()
	made, err := Create(src, "Ana P12", "ana@example.org", "")
	if err != nil {
		t.Fatal(err)
	}
	ca := newCA(t)
	p12, err := pkcs12.Modern.Encode(made.Key, made.Cert, []*x509.Certificate{ca.cert}, "pw")
	if err != nil {
		t.Fatal(err)
	}
	p12File := filepath.Join(src, "bundle.p12")
	os.WriteFile(p12File, p12, 0o644)

	// A file size limit is per file: a limit a little under each file's
	// size makes that file (and any larger) fail, after the smaller ones
	// were written.
	selfSigned, _ := identityChange(made.Key, made.Cert, nil)
	withChain, _ := identityChange(made.Key, made.Cert, []*x509.Certificate{ca.cert})
	for op, files := range map[string][]staged{"replace": selfSigned, "p12": withChain} {
		var limits []int
		for _, f := range files {
			if !f.remove {
				limits = append(limits, len(f.data)-8) // ECDSA signatures vary by a few bytes
			}
		}
		for _, limit := range limits {
			home := t.TempDir()
			old, err := Create(home, "Vieja", "", "")
			if err != nil {
				t.Fatal(err)
			}
			before := fileSnapshot(t, Dir(home))
			cmd := exec.Command(os.Args[0], "-test.run=^TestKeyPairOnAFullDiskKeepsTheOldIdentity$")
			cmd.Env = append(os.Environ(), "IDENTITY_FULL_CHILD=1", "IDENTITY_HOME="+home, "IDENTITY_OP="+op,
				"IDENTITY_P12="+p12File, "IDENTITY_LIMIT="+strconv.Itoa(limit))
			out, _ := cmd.CombinedOutput()
			res := string(out)
			if strings.Contains(res, "RESULT ok") {
				t.Errorf("%s at %d bytes: the write succeeded, the limit did not bite:\n%s", op, limit, res)
				continue
			}
			if !strings.Contains(res, "RESULT kept") || !strings.Contains(res, "previous key and certificate are unchanged and still in use") {
				t.Errorf("%s at %d bytes: child said:\n%s", op, limit, res)
			}
			loaded, err := Load(home)
			if err != nil {
				t.Fatalf("%s at %d bytes: the old identity does not load: %v", op, limit, err)
			}
			if !loaded.Cert.Equal(old.Cert) || !publicKeysEqual(loaded.Key.Public(), old.Key.Public()) {
				t.Errorf("%s at %d bytes: the identity in use is not the old one", op, limit)
			}
			after := fileSnapshot(t, Dir(home))
			for name, b := range before {
				if after[name] != b {
					t.Errorf("%s at %d bytes: %s changed", op, limit, name)
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok {
					t.Errorf("%s at %d bytes: %s left behind", op, limit, name)
				}
			}
		}
	}
}

// fullDiskChild writes a new identity under a file size limit and prints
// what happened.
func fullDiskChild() {
	signal.Ignore(syscall.SIGXFSZ) // fail the write with EFBIG instead
	limit, _ := strconv.ParseUint(os.Getenv("IDENTITY_LIMIT"), 10, 64)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("RESULT setrlimit:", err)
		return
	}
	home := os.Getenv("IDENTITY_HOME")
	var err error
	switch os.Getenv("IDENTITY_OP") {
	case "replace":
		_, err = Replace(home, "Ana P12", "ana@example.org", "")
	case "p12":
		data, _ := os.ReadFile(os.Getenv("IDENTITY_P12"))
		_, err = Import(home, data, func() (string, error) { return "pw", nil })
	}
	var we *WriteError
	switch {
	case err == nil:
		fmt.Println("RESULT ok")
	case errors.As(err, &we) && we.Kept && errors.Is(err, syscall.EFBIG):
		fmt.Println("RESULT kept:", err)
	default:
		fmt.Println("RESULT other:", err)
	}
}

// A crash after the new pair was staged and the change decided, but before
// it was renamed into place: the next Load finishes it and gives the new
// identity, whole.
func TestCrashAfterTheDecisionIsFinishedByLoad(t *testing.T) {
	home := t.TempDir()
	if _, err := Create(home, "Vieja", "", ""); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	made, err := Create(src, "Nueva", "", "")
	if err != nil {
		t.Fatal(err)
	}
	files, err := identityChange(made.Key, made.Cert, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := Dir(home)
	if err := stage(dir, files, true); err != nil {
		t.Fatal(err)
	}
	// Half the renames happened before the crash.
	os.Rename(filepath.Join(dir, "."+KeyFile+pendingSuffix), filepath.Join(dir, KeyFile))
	got, err := Load(home)
	if err != nil {
		t.Fatalf("Load after a crash mid-change: %v", err)
	}
	if !got.Cert.Equal(made.Cert) || !publicKeysEqual(got.Key.Public(), made.Key.Public()) {
		t.Error("Load did not finish the change to the new identity")
	}
	leftovers(t, dir)
	if olds, _ := filepath.Glob(filepath.Join(dir, "old-*", CertFile)); len(olds) != 1 {
		t.Errorf("the old identity was not kept: %v", olds)
	}
}

// A crash while the new files were still being written: the change was
// never decided, so the old identity stays and the staged files go.
func TestCrashBeforeTheDecisionKeepsTheOldIdentity(t *testing.T) {
	home := t.TempDir()
	old, err := Create(home, "Vieja", "", "")
	if err != nil {
		t.Fatal(err)
	}
	dir := Dir(home)
	os.WriteFile(filepath.Join(dir, "."+KeyFile+pendingSuffix), []byte("-----BEGIN PRIV"), 0o600)
	got, err := Load(home)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Cert.Equal(old.Cert) {
		t.Error("the identity in use is not the old one")
	}
	leftovers(t, dir)
}

// leftovers fails on staged files or a pending mark left in dir.
func leftovers(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), pendingSuffix) || e.Name() == pendingMark {
			t.Errorf("%s left in %s", e.Name(), dir)
		}
	}
}

// Replacing keeps the old files in old-*/ byte for byte, and the new key
// is private from the first byte written.
func TestReplaceKeepsTheOldFilesAndTheKeyPrivate(t *testing.T) {
	home := t.TempDir()
	if _, err := Create(home, "Vieja", "", ""); err != nil {
		t.Fatal(err)
	}
	before := fileSnapshot(t, Dir(home))
	if _, err := Replace(home, "Nueva", "", ""); err != nil {
		t.Fatal(err)
	}
	olds, _ := filepath.Glob(filepath.Join(Dir(home), "old-*"))
	if len(olds) != 1 {
		t.Fatalf("old folders: %v", olds)
	}
	for _, f := range []string{KeyFile, CertFile} {
		b, _ := os.ReadFile(filepath.Join(olds[0], f))
		if !bytes.Equal(b, []byte(before[f])) {
			t.Errorf("old-*/%s differs from the replaced file", f)
		}
	}
	if st, _ := os.Stat(filepath.Join(Dir(home), KeyFile)); st.Mode().Perm() != 0o600 {
		t.Errorf("new key mode %v", st.Mode().Perm())
	}
	leftovers(t, Dir(home))
}

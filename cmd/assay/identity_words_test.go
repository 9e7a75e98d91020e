package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
)

// A damaged identity folder and a prototype audit assay cannot migrate
// are named in the UI's language, not in the packages' English.
func TestDamagedFolderWordsInSpanish(t *testing.T) {
	home := t.TempDir()
	if r := runIn(t, home, "keys", "create", "--name", "Ana"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	key := filepath.Join(home, "identity", "key.pem")
	for content, want := range map[string]string{
		"basura\n": "no contiene ninguna clave privada",
		"-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n": "no se puede leer la clave privada",
	} {
		if err := os.WriteFile(key, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runInEnv(t, home, spanish, "keys", "show")
		wantAll(t, "keys show", r.stderr, want)
		wantNone(t, "keys show", r.stderr, "holds", "cannot", "x509")
	}
	old, err := os.ReadFile(filepath.Join("..", "..", "testdata", "audits", "v0-prototype", "audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(home, "audits", "v0-prototype")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "audit.json"), []byte(strings.Replace(string(old), `"nc-minor"`, `"quizá"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runInEnv(t, home, spanish, "show", "v0-prototype")
	wantAll(t, "show", r.stderr, "tiene un veredicto desconocido \"quizá\"")
	wantNone(t, "show", r.stderr, "finding", "unknown verdict")
}

// With no variable naming a data folder the refusal is in the UI's
// language (the system's "$HOME is not defined" was English).
func TestNoHomeInSpanish(t *testing.T) {
	t.Setenv("HOME", "")
	var out, errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return spanish[k] }}
	if code := run([]string{"list"}, e); code == exitOK {
		t.Fatalf("list without a home: exit 0")
	}
	wantAll(t, "list", errb.String(), "no está definida ninguna de ASSAY_HOME")
	wantNone(t, "list", errb.String(), "not defined", "no home folder")
}

// The identity and housekeeping values no test provokes on disk (a full
// disk, a trash on another disk) are worded in Spanish too.
func TestIdentityWriteAndMoveWordsInSpanish(t *testing.T) {
	e := &env{l: builtinWords().For("es")}
	for _, err := range []error{
		&identity.WriteError{Dir: "/h/identity", Kept: true, Err: syscall.ENOSPC},
		&identity.WriteError{Dir: "/h/identity", Err: syscall.EROFS},
		&identity.FolderError{Problem: identity.FolderCommitFailed, Path: "/h/identity", Err: syscall.EIO},
		&identity.FolderError{Problem: identity.FolderKeyType, Path: "/h/identity/key.pem"},
		&identity.FolderError{Problem: identity.FolderCertNotForKey, Path: "/h/identity/cert.pem", Other: "/h/identity/key.pem"},
		&audit.MoveError{Problem: audit.MoveToTrash, ID: "a", Err: syscall.EACCES},
		&audit.MoveError{Problem: audit.MoveKeepCorrupt, Path: "/h/a/audit.json", Keep: "/h/a/x", Err: syscall.ENOSPC},
	} {
		wantNone(t, err.Error(), e.errText(err), "could not", "cannot", "finishing", "moving", "keeping", "no space", "permission", "belong", "unsupported")
	}
}

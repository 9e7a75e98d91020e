package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The operating system's errors reach a Spanish-speaking inspector in
// Spanish: "no such file or directory" is English whatever LANG says.
func TestSystemErrorsInTheUILanguage(t *testing.T) {
	home := t.TempDir()
	missing := filepath.Join(t.TempDir(), "informe.pdf")
	for _, args := range [][]string{
		{"verify", missing},
		{"new", "--from", missing},
		{"timestamp", missing, "--tsa", "http://127.0.0.1:1"},
		{"standards", "validate", filepath.Join(home, "catalogo.toml")},
	} {
		r := runInEnv(t, home, spanish, args...)
		out := r.stdout + r.stderr
		wantAll(t, strings.Join(args, " "), out, "no existe")
		wantNone(t, strings.Join(args, " "), out, "no such file", "stat ", "open ")
		en := runIn(t, home, args...)
		wantAll(t, strings.Join(args, " ")+" in English", en.stdout+en.stderr, "does not exist")
	}
}

// assay recover on a readable audit refuses in the UI's language.
func TestRecoverRefusalInSpanish(t *testing.T) {
	home := t.TempDir()
	r := runInEnv(t, home, spanish, "demo")
	id := strings.TrimSpace(r.stdout)
	r = runInEnv(t, home, spanish, "recover", id)
	if r.code != exitFail {
		t.Fatalf("recover of a readable audit: code %d", r.code)
	}
	wantAll(t, "recover", r.stderr, "no hay nada que recuperar")
	wantNone(t, "recover", r.stderr, "readable", "nothing")
}

// show on an audit without dates names them as not set, rather than
// "from none to none".
func TestShowNamesUnsetDates(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(runInEnv(t, home, spanish, "new").stdout)
	r := runInEnv(t, home, spanish, "show", id)
	wantAll(t, "show", r.stdout, "fecha de inicio: aún sin fijar")
	wantNone(t, "show", r.stdout, "del ninguno al ninguno")
	en := runIn(t, home, "show", id)
	wantAll(t, "show in English", en.stdout, "start date: not set yet")
}

// show does not call a corrective action's date passed while the new
// audit has no dates of its own.
func TestShowDoesNotCallAnUndatedDuePassed(t *testing.T) {
	home := t.TempDir()
	prev := strings.TrimSpace(runIn(t, home, "demo").stdout)
	if r := runIn(t, home, "keys", "create", "--name", "Ana"); r.code != exitOK {
		t.Fatalf("keys create: %s", r.stderr)
	}
	if r := runIn(t, home, "finalize", prev); r.code != exitOK {
		t.Fatalf("finalize: %s", r.stderr)
	}
	id := strings.TrimSpace(runIn(t, home, "new", "--from", prev).stdout)
	r := runInEnv(t, home, spanish, "show", id)
	wantAll(t, "show", r.stdout, "(se cuenta como vencida hasta que esta auditoría tenga fechas)")
	wantNone(t, "show", r.stdout, "(vencida)")
}

// new refuses an end date before the start date (a swapped pair), in the
// UI's language, instead of saving an audit that cannot be finalized.
func TestNewRefusesEndBeforeStart(t *testing.T) {
	home := t.TempDir()
	r := runInEnv(t, home, spanish, "new", "--start", "2026-12-05", "--end", "2026-12-01")
	if r.code != exitUsage || r.stdout != "" {
		t.Fatalf("code %d, stdout %q: want a usage error and no audit", r.code, r.stdout)
	}
	wantAll(t, "new", r.stderr, "assay: --end: la fecha de fin 2026-12-01 es anterior a la fecha de inicio 2026-12-05", "assay new --help")
	if l := runIn(t, home, "list", "--json"); strings.Contains(l.stdout, "2026-12") {
		t.Errorf("an audit was made anyway:\n%s", l.stdout)
	}
}

// An unreadable audit.json is explained in the UI's language by list,
// list --json and show: the reason is a value, not the store's English.
func TestUnreadableAuditInSpanish(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(runIn(t, home, "demo").stdout)
	path := filepath.Join(home, "audits", id, "audit.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"show", id}} {
		r := runInEnv(t, home, spanish, args...)
		out := r.stdout + r.stderr
		wantAll(t, strings.Join(args, " "), out, "el archivo termina antes de tiempo en la línea", "assay recover "+id)
		wantNone(t, strings.Join(args, " "), out, "file ends early", "unreadable", "a backup exists")
	}
	en := runIn(t, home, "list")
	wantAll(t, "list in English", en.stdout, "unreadable audit.json: file ends early at line", "a backup exists")
}

// keys create and keys import refuse in the UI's language: the identity
// package's refusals are values, not English sentences.
func TestKeysRefusalsInSpanish(t *testing.T) {
	home := t.TempDir()
	r := runInEnv(t, home, spanish, "keys", "create", "--name", "Ana", "--email", "no correo")
	wantAll(t, "keys create", r.stderr, `no es una dirección de correo: "no correo"`)
	wantNone(t, "keys create", r.stderr, "not an e-mail")
	notCert := filepath.Join(t.TempDir(), "nota.txt")
	if err := os.WriteFile(notCert, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runInEnv(t, home, spanish, "keys", "import", notCert)
	wantAll(t, "keys import", r.stderr, notCert+": no se encontró ningún certificado")
	wantNone(t, "keys import", r.stderr, "no certificate found")
}

// A data folder that cannot be made (a file in its way) is said in the UI's
// language, with the way out, and no i18n warning about its locales.
func TestUnusableHomeInSpanish(t *testing.T) {
	file := filepath.Join(t.TempDir(), "no-es-carpeta")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runInEnv(t, file, spanish, "list")
	if r.code != exitFail {
		t.Fatalf("code %d", r.code)
	}
	wantAll(t, "list", r.stderr, "no se puede crear la carpeta "+filepath.Join(file, "audits"), "parte de la ruta es un archivo, no una carpeta", "--home o ASSAY_HOME")
	wantNone(t, "list", r.stderr, "creating", "not a directory", "i18n:")
}

// A lock that cannot be taken for another reason than another assay (here
// a folder where the lock file goes) is said in the UI's language.
func TestLockFailureInSpanish(t *testing.T) {
	home := t.TempDir()
	id := strings.TrimSpace(runIn(t, home, "demo").stdout)
	lock := filepath.Join(home, "audits", id, ".lock")
	if err := os.Remove(lock); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.Mkdir(lock, 0o755); err != nil {
		t.Fatal(err)
	}
	r := runInEnv(t, home, spanish, "interviews", "add", id, "--role", "minero", "--gender", "mujer")
	if r.code != exitFail {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}
	wantAll(t, "interviews add", r.stderr, "no se puede reservar la auditoría "+id)
	wantNone(t, "interviews add", r.stderr, "locking audit")
}

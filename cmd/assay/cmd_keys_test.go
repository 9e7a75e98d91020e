package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

type keysRun struct {
	code           int
	stdout, stderr string
}

// runKeysIn runs `assay --home home ARGS` in-process with the given
// environment and a non-terminal stdin.
func runKeysIn(t *testing.T, home string, envVars map[string]string, args ...string) keysRun {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return envVars[k] }}
	code := run(append([]string{"--home", home}, args...), e)
	return keysRun{code, out.String(), errb.String()}
}

func TestKeysShowWithoutIdentity(t *testing.T) {
	r := runKeysIn(t, t.TempDir(), nil, "keys", "show")
	if r.code != 1 || !strings.Contains(r.stderr, "no signing identity: run 'assay keys create --name ...'") {
		t.Fatalf("exit %d stderr %q", r.code, r.stderr)
	}
	r = runKeysIn(t, t.TempDir(), nil, "keys", "csr")
	if r.code != 1 || !strings.Contains(r.stderr, "no signing identity") {
		t.Fatalf("csr: exit %d stderr %q", r.code, r.stderr)
	}
}

func TestKeysUsage(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"keys"}, {"keys", "borrar"}, {"keys", "create"}, {"keys", "import"}, {"keys", "show", "extra"}} {
		if r := runKeysIn(t, home, nil, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
	}
	if r := runKeysIn(t, home, nil, "keys", "--help"); r.code != 0 || !strings.Contains(r.stdout, "csr") {
		t.Errorf("keys --help: exit %d stdout %q", r.code, r.stdout)
	}
	if r := runKeysIn(t, home, nil, "keys", "create", "--help"); r.code != 0 || !strings.Contains(r.stdout, "--name NAME") {
		t.Errorf("keys create --help: exit %d stdout %q", r.code, r.stdout)
	}
}

func TestKeysCreateShowForce(t *testing.T) {
	home := t.TempDir()
	r := runKeysIn(t, home, nil, "keys", "create", "--name", "Ana María Núñez", "--email", "ana@example.org", "--org", "Ñandú Auditores")
	if r.code != 0 {
		t.Fatalf("create: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "CN=Ana María Núñez") || !strings.Contains(r.stdout, "Fingerprint: SHA-256 ") || !strings.Contains(r.stdout, "(self-signed)") {
		t.Errorf("create output:\n%s", r.stdout)
	}

	r = runKeysIn(t, home, nil, "keys", "create", "--name", "Otra")
	if r.code != 1 || !strings.Contains(r.stderr, "already exists") || !strings.Contains(r.stderr, "--force") {
		t.Fatalf("second create: exit %d stderr %q", r.code, r.stderr)
	}

	show := keysShow(t, home)
	if show["subject"] != "CN=Ana María Núñez,E=ana@example.org,O=Ñandú Auditores" || show["self_signed"] != true ||
		show["key_file"] != filepath.Join(home, "identity", "key.pem") {
		t.Errorf("show --json: %v", show)
	}
	for _, k := range []string{"issuer", "not_before", "not_after"} {
		if s, _ := show[k].(string); s == "" {
			t.Errorf("show --json lacks %q: %v", k, show)
		}
	}
	if !regexp.MustCompile(`^([0-9A-F]{2}:){31}[0-9A-F]{2}$`).MatchString(show["fingerprint_sha256"].(string)) {
		t.Errorf("fingerprint %v", show["fingerprint_sha256"])
	}

	r = runKeysIn(t, home, nil, "keys", "create", "--name", "Otra", "--force")
	if r.code != 0 {
		t.Fatalf("create --force: exit %d: %s", r.code, r.stderr)
	}
	if again := keysShow(t, home); again["subject"] != "CN=Otra" || again["fingerprint_sha256"] == show["fingerprint_sha256"] {
		t.Errorf("after --force: %v", again)
	}
}

// keysShow runs `keys show --json` and decodes it.
func keysShow(t *testing.T, home string) map[string]any {
	t.Helper()
	r := runKeysIn(t, home, nil, "keys", "show", "--json")
	if r.code != 0 {
		t.Fatalf("show --json: exit %d: %s", r.code, r.stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("show --json is not JSON: %v\n%s", err, r.stdout)
	}
	return m
}

func TestKeysRefuseReadableKey(t *testing.T) {
	home := t.TempDir()
	if r := runKeysIn(t, home, nil, "keys", "create", "--name", "Ana"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	key := filepath.Join(home, "identity", "key.pem")
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runKeysIn(t, home, nil, "keys", "show")
	want := "key file " + key + " is readable by others (mode 0644); run chmod 600 " + key
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("exit %d stderr %q, want %q", r.code, r.stderr, want)
	}
}

func TestKeysCSRAndImportIssuedCertificate(t *testing.T) {
	home := t.TempDir()
	if r := runKeysIn(t, home, nil, "keys", "create", "--name", "Ana María Núñez", "--email", "ana@example.org"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	reqPath := filepath.Join(t.TempDir(), "request.pem")
	r := runKeysIn(t, home, nil, "keys", "csr", "-o", reqPath)
	if r.code != 0 || !strings.Contains(r.stdout, reqPath) {
		t.Fatalf("csr: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	reqPEM, _ := os.ReadFile(reqPath)
	block, _ := pem.Decode(reqPEM)
	if block == nil {
		t.Fatalf("not PEM: %q", reqPEM)
	}
	csr, err := x509.ParseCertificateRequest(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if err := csr.CheckSignature(); err != nil {
		t.Fatal(err)
	}
	if csr.Subject.CommonName != "Ana María Núñez" || len(csr.EmailAddresses) != 1 || csr.EmailAddresses[0] != "ana@example.org" {
		t.Errorf("CSR subject %v emails %v", csr.Subject, csr.EmailAddresses)
	}
	if r := runKeysIn(t, home, nil, "keys", "csr"); r.code != 0 || !strings.HasPrefix(r.stdout, "-----BEGIN CERTIFICATE REQUEST-----") {
		t.Errorf("csr to stdout: exit %d stdout %q", r.code, r.stdout)
	}

	// A CA signs the request; the inspector imports certificate + CA.
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CA de Prueba"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(5, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, _ := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, caKey.Public(), caKey)
	caCert, _ := x509.ParseCertificate(caDER)
	leafTmpl := &x509.Certificate{SerialNumber: big.NewInt(99), Subject: csr.Subject, EmailAddresses: csr.EmailAddresses,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, caCert, csr.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	certPath := filepath.Join(t.TempDir(), "issued.pem")
	certPEM := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leafDER}), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})...)
	if err := os.WriteFile(certPath, certPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	r = runKeysIn(t, home, nil, "keys", "import", certPath)
	if r.code != 0 || !strings.Contains(r.stdout, "Issuer:      CN=CA de Prueba") || !strings.Contains(r.stdout, "Chain:       1 CA") {
		t.Fatalf("import: exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if show := keysShow(t, home); show["self_signed"] != false || show["issuer"] != "CN=CA de Prueba" {
		t.Errorf("after import: %v", show)
	}

	// The CA certificate alone does not belong to the key.
	caPath := filepath.Join(t.TempDir(), "ca.pem")
	_ = os.WriteFile(caPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o644)
	r = runKeysIn(t, home, nil, "keys", "import", caPath)
	if r.code != 1 || !strings.Contains(r.stderr, caPath) || !strings.Contains(r.stderr, "belongs to your signing key") {
		t.Errorf("import of a foreign certificate: exit %d stderr %q", r.code, r.stderr)
	}
}

func TestKeysImportPKCS12(t *testing.T) {
	home := t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(5), Subject: pkix.Name{CommonName: "Ana desde P12"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	cert, _ := x509.ParseCertificate(der)
	p12, err := pkcs12.Modern.Encode(key, cert, nil, "secreto")
	if err != nil {
		t.Fatal(err)
	}
	p12Path := filepath.Join(t.TempDir(), "ana.p12")
	if err := os.WriteFile(p12Path, p12, 0o600); err != nil {
		t.Fatal(err)
	}

	// No password in the environment and no terminal: a clear error.
	r := runKeysIn(t, home, nil, "keys", "import", p12Path)
	if r.code != 1 || !strings.Contains(r.stderr, "ASSAY_P12_PASSWORD") {
		t.Fatalf("no password: exit %d stderr %q", r.code, r.stderr)
	}
	r = runKeysIn(t, home, map[string]string{"ASSAY_P12_PASSWORD": "mal"}, "keys", "import", p12Path)
	if r.code != 1 || !strings.Contains(r.stderr, "wrong password") {
		t.Fatalf("wrong password: exit %d stderr %q", r.code, r.stderr)
	}
	r = runKeysIn(t, home, map[string]string{"ASSAY_P12_PASSWORD": "secreto"}, "keys", "import", p12Path)
	if r.code != 0 {
		t.Fatalf("import: exit %d stderr %q", r.code, r.stderr)
	}
	if show := keysShow(t, home); show["subject"] != "CN=Ana desde P12" {
		t.Errorf("after PKCS#12 import: %v", show)
	}
	if st, err := os.Stat(filepath.Join(home, "identity", "key.pem")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("imported key file: %v %v", st, err)
	}
}

package main

import (
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
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// verCert is a certificate with its key.
type verCert struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// verIssue makes an ECDSA certificate for cn signed by parent, or
// self-signed when parent is nil.
func verIssue(t *testing.T, cn string, isCA bool, parent *verCert) verCert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: cn},
		NotBefore:    time.Now().Add(-24 * time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if isCA {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage = x509.KeyUsageCertSign
	}
	pc, pk := tmpl, key
	if parent != nil {
		pc, pk = parent.cert, parent.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, pc, key.Public(), pk)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return verCert{c, key}
}

// verPEM writes a certificate as PEM and returns the path.
func verPEM(t *testing.T, c *x509.Certificate) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "root.pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// verSigned exports a finalized audit signed by leaf (with chain) and
// returns the PDF's path.
func verSigned(t *testing.T, leaf verCert, chain ...*x509.Certificate) (home, pdf string) {
	t.Helper()
	home = t.TempDir()
	id := storeAudit(t, home, true, report.SignerRecord(leaf.cert))
	cats, _ := standards.Load(home)
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err = report.Export(s, id, report.ExportOptions{Catalogs: cats, Now: time.Now(),
		Identity: &identity.Identity{Key: leaf.key, Cert: leaf.cert, Chain: chain}})
	if err != nil {
		t.Fatal(err)
	}
	return home, pdf
}

func TestVerifyCommandTrustCA(t *testing.T) {
	root := verIssue(t, "Certificadora Andina Root CA", true, nil)
	inter := verIssue(t, "Certificadora Andina Issuing CA", true, &root)
	leaf := verIssue(t, "Ana María Gómez", false, &inter)
	home, pdf := verSigned(t, leaf, inter.cert)
	rootFile := verPEM(t, root.cert)

	r := runIn(t, home, "verify", pdf, "--ca", rootFile)
	if r.code != exitOK || !strings.Contains(r.stdout, "signer trusted: the certificate is issued by a CA in "+rootFile) {
		t.Errorf("--ca right root: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, home, "verify", "--json", "--ca", rootFile, pdf)
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitOK || got["trusted"] != true || got["trust_check"] != "ca" {
		t.Errorf("--json --ca: %d %v %q", r.code, err, r.stdout)
	}

	otherFile := verPEM(t, verIssue(t, "Some Other CA", true, nil).cert)
	r = runIn(t, home, "verify", pdf, "--ca", otherFile)
	want := "  - the signer's certificate is not issued by a trusted CA (" + otherFile + "): certificate signed by unknown authority"
	if r.code != exitFail || !strings.HasPrefix(r.stdout, pdf+": NOT VALID\n"+want) || strings.Contains(r.stdout, "signer trusted") {
		t.Errorf("--ca other root: %d %q", r.code, r.stdout)
	}
	r = runIn(t, home, "verify", pdf, "--ca", otherFile, "--json")
	got = nil
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitFail || got["trusted"] != false || got["valid"] != false {
		t.Errorf("--json --ca other root: %d %v %q", r.code, err, r.stdout)
	}

	// Without a check: valid as before, plus a line saying what was not checked.
	r = runIn(t, home, "verify", pdf)
	if r.code != exitOK || !strings.Contains(r.stdout, "signer not checked against a trusted CA or a known fingerprint: use --ca ROOTS.pem or --fingerprint SHA256") {
		t.Errorf("no check: %d %q", r.code, r.stdout)
	}
	r = runIn(t, home, "verify", pdf, "--json")
	got = nil
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitOK {
		t.Fatalf("--json: %d %v %q", r.code, err, r.stdout)
	}
	if v, ok := got["trusted"]; !ok || v != nil || got["trust_check"] != "none" {
		t.Errorf("--json without a check: trusted %v (present %v), trust_check %v", v, ok, got["trust_check"])
	}

	missing := filepath.Join(t.TempDir(), "cb-root.pem")
	if r := runIn(t, home, "verify", pdf, "--ca", missing); r.code != exitFail || !strings.Contains(r.stderr, missing) || r.stdout != "" {
		t.Errorf("--ca missing file: %d %q %q", r.code, r.stdout, r.stderr)
	}
	empty := filepath.Join(t.TempDir(), "empty.pem")
	os.WriteFile(empty, nil, 0o644)
	if r := runIn(t, home, "verify", pdf, "--ca", empty); r.code != exitFail || !strings.Contains(r.stderr, empty+": no certificates found") {
		t.Errorf("--ca empty file: %d %q", r.code, r.stderr)
	}
	if r := runIn(t, home, "verify", pdf, "--ca", rootFile, "--fingerprint", report.Fingerprint(leaf.cert)); r.code != exitUsage {
		t.Errorf("--ca with --fingerprint: %d %q", r.code, r.stderr)
	}
}

func TestVerifyCommandTrustFingerprint(t *testing.T) {
	self := verIssue(t, "Ana María Gómez", false, nil)
	home, pdf := verSigned(t, self)
	fp := report.Fingerprint(self.cert)

	for _, given := range []string{fp, strings.ToLower(fp), strings.ReplaceAll(strings.ToLower(fp), ":", "")} {
		r := runIn(t, home, "verify", pdf, "--fingerprint", given)
		if r.code != exitOK || !strings.Contains(r.stdout, "signer trusted: the certificate's SHA-256 fingerprint is the expected one") {
			t.Errorf("--fingerprint %s: %d %q", given, r.code, r.stdout)
		}
	}
	other := report.Fingerprint(verIssue(t, "Someone Else", false, nil).cert)
	r := runIn(t, home, "verify", pdf, "--fingerprint", strings.ToLower(other))
	want := "signed by a different certificate: fingerprint " + fp + ", expected " + other
	if r.code != exitFail || !strings.Contains(r.stdout, "NOT VALID") || !strings.Contains(r.stdout, want) {
		t.Errorf("--fingerprint wrong: %d %q", r.code, r.stdout)
	}
	r = runIn(t, home, "verify", pdf, "--fingerprint", "12:34", "--json")
	if r.code != exitUsage || !strings.Contains(r.stderr, `"12:34" is not a SHA-256 fingerprint`) {
		t.Errorf("--fingerprint too short: %d %q", r.code, r.stderr)
	}
}

// TestVerifyRefusesDevices: a device would be read forever (/dev/zero) or
// look like an empty file; a report is a regular file.
func TestVerifyRefusesDevices(t *testing.T) {
	r := runIn(t, t.TempDir(), "verify", "/dev/null")
	if r.code != exitFail || !strings.Contains(r.stderr, "/dev/null is not a regular file") {
		t.Errorf("verify /dev/null: exit %d, stderr %q", r.code, r.stderr)
	}
}

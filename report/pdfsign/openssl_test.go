package pdfsign_test

import (
	"crypto"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

// opensslTSA answers time-stamp requests with 'openssl ts -reply': a TSA
// implementation other than the library's, for interoperability.
type opensslTSA struct{ dir string }

func newOpensslTSA(t *testing.T) opensslTSA {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl not installed")
	}
	dir := t.TempDir()
	conf := fmt.Sprintf(`[ tsa ]
default_tsa = tsa1
[ tsa1 ]
serial = %[1]s/serial
crypto_device = builtin
signer_cert = %[1]s/tsa.pem
certs = %[1]s/root.pem
signer_key = %[1]s/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
[ ext ]
extendedKeyUsage = critical,timeStamping
keyUsage = critical,digitalSignature
`, dir)
	os.WriteFile(filepath.Join(dir, "tsa.cnf"), []byte(conf), 0o600)
	os.WriteFile(filepath.Join(dir, "serial"), []byte("01\n"), 0o600)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("openssl", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl %v: %v\n%s", args, err, out)
		}
	}
	run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-subj", "/CN=OpenSSL Test TSA Root", "-days", "3650")
	run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=OpenSSL Test TSA")
	run("x509", "-req", "-in", "tsa.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial", "-out", "tsa.pem", "-days", "3650", "-extfile", "tsa.cnf", "-extensions", "ext")
	return opensslTSA{dir}
}

func (o opensslTSA) Timestamp(digest []byte, h crypto.Hash) ([]byte, error) {
	if h != crypto.SHA256 {
		return nil, fmt.Errorf("hash %v", h)
	}
	q, r, tok := filepath.Join(o.dir, "q.tsq"), filepath.Join(o.dir, "r.tsr"), filepath.Join(o.dir, "token.der")
	for _, args := range [][]string{
		{"ts", "-query", "-digest", hex.EncodeToString(digest), "-sha256", "-cert", "-out", q},
		{"ts", "-reply", "-config", filepath.Join(o.dir, "tsa.cnf"), "-queryfile", q, "-out", r},
		{"ts", "-reply", "-in", r, "-token_out", "-out", tok},
	} {
		if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("openssl %v: %v %s", args, err, out)
		}
	}
	return os.ReadFile(tok)
}

// TestOpenSSLTimestamps: tokens from OpenSSL's TSA (RSA, the chain's ESS
// certificate IDs, accuracy, TSA name) pass the strict token check, as a
// signature time-stamp and as a document time-stamp.
func TestOpenSSLTimestamps(t *testing.T) {
	tsa := newOpensslTSA(t)
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	ins := ca.Issue(t, "Ana María Gómez", "", nil)
	signed, err := pdfsign.Sign(pdfsigntest.SmallPDF(t), ins.Key, []*x509.Certificate{ins.Cert, ca.Cert},
		pdfsign.Options{Time: time.Now(), Certify: 1, Timestamper: tsa})
	if err != nil {
		t.Fatal(err)
	}
	res, err := pdfsign.Verify(signed)
	if err != nil || !res.Valid || res.SignatureTimestamp == nil || res.SignatureTimestamp.TSA.Subject.CommonName != "OpenSSL Test TSA" {
		t.Fatalf("signature time-stamp by OpenSSL: %v %v", err, kinds(res.Problems))
	}
	stamped, err := pdfsign.AddDocTimestamp(signed, tsa, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res, err := pdfsign.Verify(stamped); err != nil || !res.Valid || len(res.DocumentTimestamps) != 1 {
		t.Fatalf("document time-stamp by OpenSSL: %v %v", err, kinds(res.Problems))
	}
}

package identity

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// FuzzImport feeds arbitrary bytes to `keys import` as it is today: PEM
// certificates, a DER certificate or a PKCS#12 bundle, into a home with an
// identity. It must never panic; whatever it accepts must load back as a
// key and certificate that belong together; whatever it refuses must leave
// the identity as it was.
func FuzzImport(f *testing.F) {
	src := f.TempDir()
	made, err := Create(src, "Ana", "ana@example.org", "")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(certsPEM([]*x509.Certificate{made.Cert}))
	f.Add(made.Cert.Raw)
	if p12, err := pkcs12.Modern.Encode(made.Key, made.Cert, nil, "pw"); err == nil {
		f.Add(p12)
	}
	if p12, err := pkcs12.LegacyRC2.Encode(made.Key, made.Cert, []*x509.Certificate{made.Cert}, "pw"); err == nil {
		f.Add(p12)
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
	f.Add([]byte{0x30, 0x82, 0xff, 0xff})
	f.Add([]byte(""))
	pw := func() (string, error) { return "pw", nil }
	// Each run starts from a copy of one home with an identity: making a
	// key per run would leave little time for the fuzzing itself.
	tmpl := f.TempDir()
	old, err := Create(tmpl, "Vieja", "", "")
	if err != nil {
		f.Fatal(err)
	}
	files := map[string][]byte{}
	for _, n := range []string{KeyFile, CertFile} {
		if files[n], err = os.ReadFile(filepath.Join(Dir(tmpl), n)); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		home := t.TempDir()
		os.Mkdir(Dir(home), 0o700)
		for n, b := range files {
			if err := os.WriteFile(filepath.Join(Dir(home), n), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, ierr := Import(home, data, pw)
		got, err := Load(home)
		if err != nil {
			t.Fatalf("after import (err %v) the identity does not load: %v", ierr, err)
		}
		if ierr != nil && (!got.Cert.Equal(old.Cert) || !publicKeysEqual(got.Key.Public(), old.Key.Public())) {
			t.Fatalf("a refused import (%v) changed the identity", ierr)
		}
	})
}

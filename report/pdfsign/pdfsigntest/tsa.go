// Package pdfsigntest gives tests a local RFC 3161 time-stamping
// authority behind httptest, so time-stamps are tested without the
// network. It is for tests only.
package pdfsigntest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/digitorus/timestamp"
)

// TSA is a running test time-stamping authority.
type TSA struct {
	URL  string            // where to POST time-stamp requests
	Root *x509.Certificate // the TSA's root CA, to trust in verify --tsa-ca
	Cert *x509.Certificate // the TSA's own certificate
	key  crypto.Signer

	mu    sync.Mutex
	clock func() time.Time
	count int
}

// NewTSA starts a TSA whose certificate chains to its own root and is valid
// from 2020 to 2099. It stops when the test ends.
func NewTSA(t testing.TB) *TSA {
	t.Helper()
	rootKey := newKey(t)
	root := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Sello de Tiempo de Prueba Root CA", Organization: []string{"TSA de Prueba"}},
		NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	rootCert := create(t, root, root, rootKey, rootKey)
	key := newKey(t)
	// RFC 3161 §2.3: one extended key usage, timeStamping, critical.
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 8}})
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "TSA de Prueba 1", Organization: []string{"TSA de Prueba"}, Country: []string{"CO"}},
		NotBefore: root.NotBefore, NotAfter: root.NotAfter, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtraExtensions: []pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 37}, Critical: true, Value: eku}},
	}
	cert := create(t, leaf, rootCert, key, rootKey)
	tsa := &TSA{Root: rootCert, Cert: cert, key: key, clock: time.Now}
	srv := httptest.NewServer(http.HandlerFunc(tsa.serve))
	t.Cleanup(srv.Close)
	tsa.URL = srv.URL
	return tsa
}

// SetClock makes the TSA stamp the times now returns (a TSA that lies, or a
// past date).
func (a *TSA) SetClock(now func() time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.clock = now
}

// Requests is how many time-stamps the TSA has issued.
func (a *TSA) Requests() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.count
}

// RootPEM writes the TSA's root certificate to a PEM file and returns its
// path.
func (a *TSA) RootPEM(t testing.TB) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "tsa-root.pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: a.Root.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (a *TSA) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	req, err := timestamp.ParseRequest(body)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	now := a.clock()
	a.count++
	a.mu.Unlock()
	ts := timestamp.Timestamp{
		HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage, Time: now.UTC().Truncate(time.Second),
		Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1, 1},
		AddTSACertificate: req.Certificates, Certificates: []*x509.Certificate{a.Root},
	}
	resp, err := ts.CreateResponseWithOpts(a.Cert, a.key, crypto.SHA256)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/timestamp-reply")
	w.Write(resp)
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func create(t testing.TB, tmpl, parent *x509.Certificate, key, parentKey *ecdsa.PrivateKey) *x509.Certificate {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), parentKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

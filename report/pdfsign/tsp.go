package pdfsign

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"

	"github.com/digitorus/timestamp"
)

// Timestamper obtains an RFC 3161 time-stamp token (a DER ContentInfo) for
// a digest computed with h. HTTPTimestamper asks a TSA over HTTP; tests
// give their own.
type Timestamper interface {
	Timestamp(digest []byte, h crypto.Hash) ([]byte, error)
}

// HTTPTimestamper asks the time-stamping authority at URL (RFC 3161 over
// HTTP, RFC 3161 §3.4).
type HTTPTimestamper struct {
	URL string
	// Client is the HTTP client; nil means one with a 30-second timeout.
	Client *http.Client
}

// maxTSAResponse bounds what is read from a TSA: a token with its
// certificate chain is a few kilobytes.
const maxTSAResponse = 1 << 20

// Timestamp sends a time-stamp request for digest and returns the token
// after checking that it answers this request (same imprint, same nonce)
// and that its signature verifies.
func (t HTTPTimestamper) Timestamp(digest []byte, h crypto.Hash) ([]byte, error) {
	nonce, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return nil, err
	}
	req, err := (&timestamp.Request{HashAlgorithm: h, HashedMessage: digest, Certificates: true, Nonce: nonce}).Marshal()
	if err != nil {
		return nil, err
	}
	client := t.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	hr, err := http.NewRequestWithContext(context.Background(), http.MethodPost, t.URL, bytes.NewReader(req))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/timestamp-query")
	resp, err := client.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTSAResponse+1))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf(msgTSAStatus, resp.Status)
	}
	if len(body) > maxTSAResponse {
		return nil, errors.New(msgTSATooLarge)
	}
	ts, err := timestamp.ParseResponse(body)
	if err != nil {
		return nil, fmt.Errorf(msgTSAResponse, err)
	}
	if ts.HashAlgorithm != h || !bytes.Equal(ts.HashedMessage, digest) {
		return nil, errors.New(msgTSAImprint)
	}
	if ts.Nonce == nil || ts.Nonce.Cmp(nonce) != 0 {
		return nil, errors.New(msgTSANonce)
	}
	if _, err := verifyToken(ts.RawToken, digest, h); err != nil {
		return nil, fmt.Errorf(msgTSAResponse, err)
	}
	return ts.RawToken, nil
}

// Timestamp is a verified RFC 3161 time-stamp token: a TSA's signed
// statement that some data existed at Time. Whether the TSA is trusted is
// the caller's decision (see TSAChain).
type Timestamp struct {
	Time     time.Time           // the TSA's genTime
	TSA      *x509.Certificate   // the certificate that signed the token
	TSAChain []*x509.Certificate // TSA first, then issuers found in the token
	Hash     crypto.Hash         // the imprint's hash algorithm
}

// tokenError says why a token is refused (a reason code for Finding.Detail).
type tokenError string

// Error says why the token is refused.
func (e tokenError) Error() string { return "time-stamp token: " + string(e) }

// Reasons a time-stamp token is refused (Finding.Detail of
// KindTimestampBad).
const (
	TokenMalformed  = "malformed"   // not a strict CMS SignedData with TSTInfo
	TokenImprint    = "imprint"     // it time-stamps other data
	TokenSignature  = "signature"   // its signature does not verify
	TokenCert       = "certificate" // no TSA certificate, or not bound, or not for time-stamping
	TokenTSAExpired = "tsa_expired" // the TSA certificate was not valid at genTime
)

// verifyToken checks a TimeStampToken against the digest of the data it
// must time-stamp (computed with want). It is strict for the same reason
// parseSignedData is: a token that carries anything unexpected is refused.
func verifyToken(der []byte, digest []byte, want crypto.Hash) (*Timestamp, error) {
	p, err := parseSignedData(der)
	if err != nil || !p.eContentType.Equal(oidTSTInfo) || p.eContent == nil || p.si.signedAttrs == nil || len(p.si.unsigned) > 0 {
		return nil, tokenError(TokenMalformed)
	}
	h, ok := hashFor(p.si.digestAlg)
	if !ok {
		return nil, tokenError(TokenMalformed)
	}
	ct, err := p.si.contentType()
	if err != nil || !ct.Equal(oidTSTInfo) {
		return nil, tokenError(TokenMalformed)
	}
	md, err := p.si.messageDigest()
	hh := h.New()
	hh.Write(p.eContent)
	if err != nil || !bytes.Equal(md, hh.Sum(nil)) {
		return nil, tokenError(TokenSignature)
	}
	tsa := p.signerCert()
	if tsa == nil {
		return nil, tokenError(TokenCert)
	}
	if err := p.verifySignature(tsa, h, nil); err != nil {
		return nil, tokenError(TokenSignature)
	}
	ids, has, err := p.si.essIDs()
	if err != nil || !has || !ids[0].matches(tsa) || p.unboundCert(ids) != nil {
		return nil, tokenError(TokenCert)
	}
	if !timeStampingOnly(tsa) {
		return nil, tokenError(TokenCert)
	}
	// The TSTInfo itself is covered by the signature checked above; the
	// library reads its fields (and checks the signature once more).
	ts, err := timestamp.Parse(der)
	if err != nil {
		return nil, tokenError(TokenMalformed)
	}
	if ts.HashAlgorithm != want || !bytes.Equal(ts.HashedMessage, digest) {
		return nil, tokenError(TokenImprint)
	}
	if ts.Time.Before(tsa.NotBefore) || ts.Time.After(tsa.NotAfter) {
		return nil, tokenError(TokenTSAExpired)
	}
	return &Timestamp{Time: ts.Time, TSA: tsa, TSAChain: buildChain(tsa, p.certs), Hash: ts.HashAlgorithm}, nil
}

// timeStampingOnly reports whether c is a TSA certificate as RFC 3161 §2.3
// wants: one extended key usage, timeStamping, in a critical extension.
func timeStampingOnly(c *x509.Certificate) bool {
	if len(c.ExtKeyUsage) != 1 || c.ExtKeyUsage[0] != x509.ExtKeyUsageTimeStamping || len(c.UnknownExtKeyUsage) > 0 {
		return false
	}
	for _, e := range c.Extensions {
		if e.Id.Equal(oidExtKeyUsage) {
			return e.Critical
		}
	}
	return false
}

var oidExtKeyUsage = asn1.ObjectIdentifier{2, 5, 29, 37}

// tokenHash returns the imprint hash algorithm a token uses, so the caller
// can hash the data with it before verifyToken.
func tokenHash(der []byte) (crypto.Hash, bool) {
	ts, err := timestamp.Parse(der)
	if err != nil {
		return 0, false
	}
	switch ts.HashAlgorithm {
	case crypto.SHA256, crypto.SHA384, crypto.SHA512:
		return ts.HashAlgorithm, true
	}
	return 0, false
}

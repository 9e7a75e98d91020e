package main

import (
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
	"github.com/assay-dev/assay/standards"
)

// caHome is a home whose signing identity (Ana María Gómez) was issued by
// a test CA, with one audit finalized for it.
type caHome struct {
	home, id  string
	ca        *pdfsigntest.CA
	inspector pdfsigntest.Signer
	rootFile  string
}

func newCAHome(t *testing.T) caHome {
	t.Helper()
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	ins := ca.Issue(t, "Ana María Gómez", "ana@example.org", nil)
	home := t.TempDir()
	id := storeAudit(t, home, true, report.SignerRecord(ins.Cert))
	root := filepath.Join(t.TempDir(), "cb-root.pem")
	if err := os.WriteFile(root, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return caHome{home: home, id: id, ca: ca, inspector: ins, rootFile: root}
}

// export signs the audit with the inspector's key (and the CA's
// certificate as chain) and returns the report's path.
func (h caHome) export(t *testing.T) string {
	t.Helper()
	cats, _ := standards.Load(h.home)
	s, err := audit.OpenStore(h.home, cats)
	if err != nil {
		t.Fatal(err)
	}
	path, err := report.Export(s, h.id, report.ExportOptions{Catalogs: cats, Now: time.Now(),
		Identity: &identity.Identity{Key: h.inspector.Key, Cert: h.inspector.Cert, Chain: []*x509.Certificate{h.ca.Cert}}})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// verifyJSONOf runs verify --json with args and decodes the answer.
func verifyJSONOf(t *testing.T, home string, args ...string) (int, map[string]any) {
	t.Helper()
	r := runIn(t, home, append([]string{"verify", "--json"}, args...)...)
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("verify --json %v: %v\n%s%s", args, err, r.stdout, r.stderr)
	}
	return r.code, got
}

// problemKinds lists the kinds of a verify --json answer's problems.
func problemKinds(got map[string]any) []string {
	var out []string
	ps, _ := got["problems"].([]any)
	for _, p := range ps {
		m := p.(map[string]any)
		out = append(out, m["kind"].(string))
	}
	return out
}

// TestVerifyCommandRefusesEveryAttack: each crafted attack file on a real
// report (certified, visible, CA-issued) is NOT VALID (exit 1) with its
// reason, in default mode, with --ca and with --fingerprint.
func TestVerifyCommandRefusesEveryAttack(t *testing.T) {
	h := newCAHome(t)
	pdf, err := os.ReadFile(h.export(t))
	if err != nil {
		t.Fatal(err)
	}
	fp := report.Fingerprint(h.inspector.Cert)
	modes := [][]string{{}, {"--ca", h.rootFile}, {"--fingerprint", fp}}
	for _, m := range modes {
		path := filepath.Join(t.TempDir(), "good.pdf")
		os.WriteFile(path, pdf, 0o644)
		if code, got := verifyJSONOf(t, h.home, append([]string{path}, m...)...); code != exitOK || got["valid"] != true {
			t.Fatalf("the untouched report %v: exit %d %v", m, code, problemKinds(got))
		}
	}
	attacker := pdfsigntest.SelfSigned(t, "Ana María Gómez", nil)
	colleague := h.ca.Issue(t, "Pedro Colega", "pedro@example.org", nil)
	tsa := pdfsigntest.NewTSA(t)
	attacks := pdfsigntest.Attacks(t, pdf, attacker, &colleague, pdfsign.HTTPTimestamper{URL: tsa.URL})
	if len(attacks) < 25 {
		t.Fatalf("only %d attacks", len(attacks))
	}
	other := sha256.Sum256([]byte("another signature value"))
	token, err := pdfsign.HTTPTimestamper{URL: tsa.URL}.Timestamp(other[:], crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	attacks = append(attacks, pdfsigntest.CMSAttacks(t, pdf, h.inspector, attacker, colleague, token)...)
	dir := t.TempDir()
	for _, a := range attacks {
		t.Run(a.Name, func(t *testing.T) {
			path := filepath.Join(dir, a.Name+".pdf")
			if err := os.WriteFile(path, a.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, m := range modes {
				code, got := verifyJSONOf(t, h.home, append([]string{path}, m...)...)
				kinds := problemKinds(got)
				if code != exitFail || got["valid"] != false {
					t.Fatalf("%v: exit %d, valid %v, problems %v", m, code, got["valid"], kinds)
				}
				ok := false
				for _, k := range kinds {
					for _, w := range a.Want {
						ok = ok || k == string(w)
					}
				}
				if !ok {
					t.Errorf("%v: problems %v, want one of %v", m, kinds, a.Want)
				}
			}
			// The sentences lead with the verdict and name the reason.
			r := runIn(t, h.home, "verify", path)
			if !strings.Contains(r.stdout, ": NOT VALID\n  - ") {
				t.Errorf("verify says:\n%s", r.stdout)
			}
		})
	}
}

// TestTimestampCommand: 'assay timestamp' adds a document time-stamp from a
// local TSA; verify reports its time and TSA and, with --tsa-ca, judges
// the certificate at that time. 'export --tsa' stamps the signature at
// once. A TSA that cannot be reached fails without touching the report.
func TestTimestampCommand(t *testing.T) {
	h := newCAHome(t)
	tsa := pdfsigntest.NewTSA(t)
	when := time.Date(2026, 11, 29, 8, 30, 0, 0, time.UTC)
	tsa.SetClock(func() time.Time { return when })
	pdf := h.export(t)
	before, _ := os.ReadFile(pdf)

	if r := runIn(t, h.home, "timestamp", pdf, "--tsa", "http://127.0.0.1:1/none"); r.code != exitFail || !strings.Contains(r.stderr, "timestamp: ") {
		t.Errorf("unreachable TSA: %d %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(pdf); string(after) != string(before) {
		t.Fatal("a failed time-stamp changed the report")
	}
	if r := runIn(t, h.home, "timestamp", pdf); r.code != exitUsage {
		t.Errorf("timestamp without --tsa: exit %d", r.code)
	}
	r := runIn(t, h.home, "timestamp", pdf, "--tsa", tsa.URL)
	if r.code != exitOK || !strings.Contains(r.stdout, "time-stamped "+pdf+": 2026-11-29 08:30:00 UTC by CN=TSA de Prueba 1") {
		t.Fatalf("timestamp: %d %q %q", r.code, r.stdout, r.stderr)
	}
	code, got := verifyJSONOf(t, h.home, pdf, "--ca", h.rootFile, "--tsa-ca", tsa.RootPEM(t))
	if code != exitOK || got["trusted_time"] != "2026-11-29T08:30:00Z" || got["certified"] != true {
		t.Fatalf("verify of the time-stamped report: %d %v", code, got)
	}
	revs := got["revisions"].([]any)
	last := revs[len(revs)-1].(map[string]any)["changes"].([]any)[0].(map[string]any)
	if last["kind"] != "adds_document_timestamp" || !strings.Contains(last["message"].(string), "adds a document time-stamp by CN=TSA de Prueba 1") {
		t.Errorf("the last revision says %v", last)
	}
	if sigs := got["signatures"].([]any); len(sigs) != 2 || sigs[1].(map[string]any)["kind"] != "document_timestamp" {
		t.Errorf("signatures %v", sigs)
	}
	text := runIn(t, h.home, "verify", pdf, "--tsa-ca", tsa.RootPEM(t)).stdout
	for _, w := range []string{"document time-stamp: 2026-11-29 08:30:00 UTC by CN=TSA de Prueba 1", "validity was checked at the trusted time 2026-11-29 08:30:00 UTC"} {
		if !strings.Contains(text, w) {
			t.Errorf("verify lacks %q:\n%s", w, text)
		}
	}
	if text := runIn(t, h.home, "verify", pdf).stdout; !strings.Contains(text, "TSA not trusted") || !strings.Contains(text, "checked at the time of verification") {
		t.Errorf("verify without --tsa-ca:\n%s", text)
	}
	// Only a valid report gets a time-stamp.
	bad := append([]byte(nil), before...)
	bad[len(bad)/3] ^= 1
	badPath := filepath.Join(t.TempDir(), "bad.pdf")
	os.WriteFile(badPath, bad, 0o644)
	if r := runIn(t, h.home, "timestamp", badPath, "--tsa", tsa.URL); r.code != exitFail || !strings.Contains(r.stderr, "NOT VALID") {
		t.Errorf("timestamp of a changed report: %d %q", r.code, r.stderr)
	}

	// export --tsa: a home whose own key (made just now) signs; the TSA
	// tells the time.
	home, id := exportHome(t, true)
	tsa.SetClock(time.Now)
	n := tsa.Requests()
	r = runIn(t, home, "export", id, "--tsa", tsa.URL)
	if r.code != exitOK || tsa.Requests() != n+1 {
		t.Fatalf("export --tsa: %d %q (TSA asked %d times)", r.code, r.stderr, tsa.Requests()-n)
	}
	out := strings.TrimSpace(r.stdout)
	code, got = verifyJSONOf(t, home, out, "--tsa-ca", tsa.RootPEM(t))
	ts := got["timestamps"].([]any)
	if code != exitOK || len(ts) != 1 || ts[0].(map[string]any)["kind"] != "signature" || got["trusted_time"] == "" {
		t.Errorf("export --tsa then verify: %d %v", code, got)
	}
	if r := runIn(t, home, "export", id, "--tsa", "http://127.0.0.1:1/none"); r.code != exitFail {
		t.Errorf("export --tsa with the TSA unreachable: exit %d", r.code)
	}
}

// TestVerifySpeaksSpanish: --lang es words every line in Spanish.
func TestVerifySpeaksSpanish(t *testing.T) {
	home, id := exportHome(t, true)
	r := runIn(t, home, "export", id)
	if r.code != exitOK {
		t.Fatal(r.stderr)
	}
	path := strings.TrimSpace(r.stdout)
	r = runIn(t, home, "verify", path, "--lang", "es")
	for _, w := range []string{"válido, sin cambios desde que lo firmó CN=Ana María Gómez,E=ana@example.org,O=Auditores Ñandú", "el firmante es el que registra la auditoría firmada", "certificado por el firmante"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("verify --lang es lacks %q:\n%s", w, r.stdout)
		}
	}
	data, _ := os.ReadFile(path)
	data[len(data)/2] ^= 1
	bad := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(bad, data, 0o644)
	r = runIn(t, home, "verify", bad, "--lang", "es")
	if r.code != exitFail || !strings.Contains(r.stdout, "NO VÁLIDO") {
		t.Errorf("verify --lang es of a changed file:\n%s", r.stdout)
	}
	if r := runIn(t, home, "verify", path, "--lang", "fr"); r.code != exitUsage {
		t.Errorf("--lang fr: exit %d", r.code)
	}
}

// TestVerifyWordsAreComplete: every finding kind and reason code has words
// in both languages, which differ, and none of them fails to fill on a
// finding with every field set (a misspelt value would leave the message's
// id or the English words).
func TestVerifyWordsAreComplete(t *testing.T) {
	en, es := langEnv("en"), langEnv("es")
	for kind, id := range verifyKindIDs {
		for _, detail := range []string{"d", "timestamp", "untrusted"} {
			f := report.Finding{Kind: kind, Revision: 3, Page: 2, Object: 9, Name: "n", Subject: "CN=x", Detail: detail,
				Time: time.Now(), Until: time.Now(), File: "f", Got: "g", Want: "w"}
			enText, esText := en.findingText(f), es.findingText(f)
			for lang, s := range map[string]string{"en": enText, "es": esText} {
				if s == id || strings.HasPrefix(s, "problem ") || strings.HasPrefix(s, "problema ") || strings.Contains(s, "<no value>") {
					t.Errorf("%s %s: %q", lang, kind, s)
				}
			}
			if enText == esText {
				t.Errorf("%s: the Spanish words are the English ones: %q", kind, enText)
			}
		}
	}
	for code, id := range verifyDetailIDs {
		if w := es.word(id, code); w == id || w == en.word(id, code) {
			t.Errorf("detail %s: %q", code, w)
		}
	}
}

// exportSigned exports a fresh home's audit, finalized for s, signed by s
// at now (optionally time-stamped), and returns home and the report path.
func exportSigned(t *testing.T, s pdfsigntest.Signer, chain []*x509.Certificate, now time.Time, ts *pdfsigntest.TSA) (string, string) {
	t.Helper()
	home := t.TempDir()
	id := storeAudit(t, home, true, report.SignerRecord(s.Cert))
	cats, _ := standards.Load(home)
	st, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	opts := report.ExportOptions{Catalogs: cats, Now: now, Identity: &identity.Identity{Key: s.Key, Cert: s.Cert, Chain: chain}}
	if ts != nil {
		opts.Timestamper = pdfsign.HTTPTimestamper{URL: ts.URL}
	}
	path, err := report.Export(st, id, opts)
	if err != nil {
		t.Fatal(err)
	}
	return home, path
}

// TestVerifyCommandTrustAttacks: certificates that must not pass, through
// 'assay verify' with and without --ca: exit 1 and the reason.
func TestVerifyCommandTrustAttacks(t *testing.T) {
	ca := pdfsigntest.NewCA(t, "Certificadora Andina Root CA")
	rootFile := filepath.Join(t.TempDir(), "root.pem")
	os.WriteFile(rootFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}), 0o644)
	tsa := pdfsigntest.NewTSA(t)
	tsaRoot := tsa.RootPEM(t)
	chain := []*x509.Certificate{ca.Cert}
	signedAt := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	expired := func(c *x509.Certificate) {
		c.NotBefore, c.NotAfter = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	type tc struct {
		name  string
		home  string
		path  string
		extra []string
		want  string
	}
	var cases []tc
	add := func(name string, s pdfsigntest.Signer, at time.Time, ts *pdfsigntest.TSA, want string, extra ...string) {
		home, path := exportSigned(t, s, chain, at, ts)
		cases = append(cases, tc{name, home, path, extra, want})
	}
	add("key usage without digitalSignature", ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.KeyUsage = x509.KeyUsageKeyEncipherment }),
		time.Now(), nil, "key_usage")
	add("extended key usage for TLS servers", ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth} }),
		time.Now(), nil, "ext_key_usage")
	old := ca.Issue(t, "Ana María Gómez", "", expired)
	add("expired certificate, /M backdated", old, signedAt, nil, "certificate_expired")
	tsa.SetClock(func() time.Time { return signedAt })
	add("expired certificate, time-stamp from a TSA not trusted", old, signedAt, tsa, "certificate_expired")
	tsa.SetClock(func() time.Time { return time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC) })
	add("time-stamp from before validity", ca.Issue(t, "Ana María Gómez", "", func(c *x509.Certificate) { c.NotBefore = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }),
		time.Now(), tsa, "certificate_not_yet_valid", "--tsa-ca", tsaRoot)
	tsa.SetClock(time.Now)
	{
		home, path := exportSigned(t, ca.Issue(t, "Ana María Gómez", "", nil), chain, time.Now(), tsa)
		data, _ := os.ReadFile(path)
		// A digit of the token's genTime ("20…" in hex) in the signature.
		i := strings.Index(string(data), hex.EncodeToString([]byte(time.Now().UTC().Format("2006")))+"3")
		if i < 0 {
			t.Fatal("no genTime in the time-stamp token")
		}
		data[i+3] ^= 1
		os.WriteFile(path, data, 0o644)
		cases = append(cases, tc{"tampered time-stamp token", home, path, []string{"--tsa-ca", tsaRoot}, "timestamp_invalid"})
	}
	other := pdfsigntest.NewCA(t, "Otra CA")
	add("certificate from another CA", other.Issue(t, "Ana María Gómez", "", nil), time.Now(), nil, "untrusted_ca", "--ca", rootFile)
	add("--signer names someone else", ca.Issue(t, "Pedro Colega", "pedro@example.org", nil), time.Now(), nil, "signer_name_mismatch", "--signer", "Ana María Gómez")

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			modes := [][]string{c.extra}
			if !containsArg(c.extra, "--ca") {
				modes = append(modes, append([]string{"--ca", rootFile}, c.extra...))
			}
			for _, m := range modes {
				code, got := verifyJSONOf(t, c.home, append([]string{c.path}, m...)...)
				if code != exitFail || !containsArg(problemKinds(got), c.want) {
					t.Errorf("%v: exit %d, problems %v, want %s", m, code, problemKinds(got), c.want)
				}
			}
		})
	}
}

func containsArg(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

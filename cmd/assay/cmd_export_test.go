package main

import (
	"bytes"
	"encoding/json"
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

// runIn runs assay in-process against home.
func runIn(t *testing.T, home string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(append([]string{"--home", home}, args...), e)
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// exportHome makes a home with one audit against the built-in catalog,
// every applicable requirement assessed as conforming. Finalized if asked,
// for the signing key it then creates in the home (Ana María Gómez).
func exportHome(t *testing.T, finalize bool) (home, id string) {
	t.Helper()
	home = t.TempDir()
	if !finalize {
		return home, storeAudit(t, home, false, nil)
	}
	ident, err := identity.Create(home, "Ana María Gómez", "ana@example.org", "Auditores Ñandú")
	if err != nil {
		t.Fatal(err)
	}
	return home, storeAudit(t, home, true, report.SignerRecord(ident.Cert))
}

// storeAudit stores exportHome's audit in home, finalized for signer when
// asked (a nil signer makes an audit finalized before signer records).
func storeAudit(t *testing.T, home string, finalize bool, signer *audit.Signer) string {
	t.Helper()
	cats, _ := standards.Load(home)
	cat := cats.Default()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	a := audit.New(cat, audit.Header{
		ASMO: "Asociación de Mineros Ñambí", LegalID: "RUC 20481234567", Country: "Perú", Region: "Puno",
		Site: "Mina Señor de la Peña", AuditType: audit.Initial, CertType: audit.Fairmined, CertYear: 0,
		StartDate: "2026-11-20", EndDate: "2026-11-22", LeadInspector: "Ana María Gómez", CertBody: "Certificadora Andina",
		Interviews:     []audit.Interviewed{{Role: "mineros", Women: 2, Men: 5}},
		ClosingMeeting: "Hallazgos leídos en la reunión de cierre.",
		Closing:        audit.Closing{RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: audit.Accepts},
	}, now)
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if audit.ApplicabilityOf(r, a.Header) == audit.Applies {
			f := a.Finding(r.ID)
			f.Verdict, f.Notes = audit.Conforms, "Revisado con la señora Núñez — ¿todo en orden? ¡Sí!"
		}
	}
	if finalize {
		s := signer
		if s == nil {
			s = &audit.Signer{Fingerprint: "old"}
		}
		if err := audit.Finalize(a, cat, s, now); err != nil {
			t.Fatal(err)
		}
		if signer == nil {
			// As finalized before assay recorded the signer.
			a.Signer = nil
			h, err := audit.ContentHash(a)
			if err != nil {
				t.Fatal(err)
			}
			a.ContentHash, a.History[len(a.History)-1].ContentHash = h, h
		}
	}
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	return a.ID
}

func TestExportCommandRefusals(t *testing.T) {
	home, id := exportHome(t, false)
	r := runIn(t, home, "export", id)
	if r.code != exitFail || !strings.Contains(r.stderr, "audit "+id+" is a draft: finalize it first, or export with --draft") {
		t.Errorf("draft export without --draft: %d %q", r.code, r.stderr)
	}
	home, id = exportHome(t, true)
	if err := os.RemoveAll(identity.Dir(home)); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, home, "export", id)
	if r.code != exitFail || !strings.Contains(r.stderr, "no signing identity: run 'assay keys create --name NAME'") {
		t.Errorf("export without identity: %d %q", r.code, r.stderr)
	}
	if r := runIn(t, home, "export"); r.code != exitUsage {
		t.Errorf("export without ID: exit %d", r.code)
	}
	if r := runIn(t, home, "export", "no-such-audit", "--draft"); r.code != exitFail || !strings.Contains(r.stderr, "no-such-audit") {
		t.Errorf("unknown audit: %d %q", r.code, r.stderr)
	}
}

func TestExportAndVerifyCommands(t *testing.T) {
	home, id := exportHome(t, true)
	out := filepath.Join(t.TempDir(), "informe.pdf")
	r := runIn(t, home, "export", id, "-o", out)
	if r.code != exitOK {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 || lines[1] != out || !strings.Contains(lines[0], filepath.Join("audits", id, "exports", id+"-r1-")) {
		t.Fatalf("export printed %q", r.stdout)
	}
	if r := runIn(t, home, "export", id, "-o", out); r.code != exitFail || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second -o to the same file: %d %q", r.code, r.stderr)
	}

	r = runIn(t, home, "verify", lines[0])
	if r.code != exitOK || !strings.Contains(r.stdout, "valid, unchanged since signed by CN=Ana María Gómez") || !strings.Contains(r.stdout, id) {
		t.Errorf("verify: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, home, "verify", out, "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != exitOK {
		t.Fatalf("verify --json: %d %v %q", r.code, err, r.stdout)
	}
	for _, k := range []string{"valid", "problems", "signer", "fingerprint_sha256", "signing_time", "audit_id", "revision", "asmo", "covers_whole_file"} {
		if _, ok := got[k]; !ok {
			t.Errorf("verify --json lacks %q", k)
		}
	}
	if got["valid"] != true || got["audit_id"] != id || got["asmo"] != "Asociación de Mineros Ñambí" || got["revision"] != float64(1) {
		t.Errorf("verify --json: %v", got)
	}

	// One byte changed: refused, and the words say so.
	data, _ := os.ReadFile(out)
	i := bytes.Index(data, []byte("/Producer"))
	data[i+12] ^= 0x01
	bad := filepath.Join(t.TempDir(), "changed.pdf")
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r = runIn(t, home, "verify", bad)
	if r.code != exitFail || !strings.Contains(r.stdout, "NOT VALID") || !strings.Contains(r.stdout, "the file was changed after it was signed") {
		t.Errorf("verify changed file: %d %q", r.code, r.stdout)
	}
}

func TestVerifyCommandDraftAndErrors(t *testing.T) {
	home, id := exportHome(t, false)
	r := runIn(t, home, "export", id, "--draft")
	if r.code != exitOK || !strings.HasSuffix(strings.TrimSpace(r.stdout), "-draft.pdf") {
		t.Fatalf("export --draft: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, home, "verify", strings.TrimSpace(r.stdout))
	if r.code != exitFail || !strings.Contains(r.stdout, "no signature: this is a draft export") {
		t.Errorf("verify draft: %d %q", r.code, r.stdout)
	}
	missing := filepath.Join(t.TempDir(), "nope.pdf")
	if r := runIn(t, home, "verify", missing); r.code != exitFail || !strings.Contains(r.stderr, missing) {
		t.Errorf("verify missing file: %d %q", r.code, r.stderr)
	}
	if r := runIn(t, home, "verify"); r.code != exitUsage {
		t.Errorf("verify without FILE: exit %d", r.code)
	}
	if r := runIn(t, home, "verify", "--help"); r.code != exitOK || !strings.Contains(r.stdout, "verify FILE") {
		t.Errorf("verify --help: %d %q", r.code, r.stdout)
	}
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// TestTmuxNextYearFromTheSignedReport is the yearly cycle end to end: last
// year's demo audit finalized and exported; on another laptop (another
// home), next year's audit made from the signed report alone; its
// corrective actions verified in the terminal UI; finalized and exported;
// the second report lists each action with its status, and the minor not
// closed by its due date weighs as a major.
func TestTmuxNextYearFromTheSignedReport(t *testing.T) {
	requireTool(t, "tmux")
	requireTool(t, "pdftotext")
	last := t.TempDir()
	prevID := strings.TrimSpace(mustAssay(t, last, "demo").stdout)
	mustAssay(t, last, "keys", "create", "--name", "Ana María Restrepo")
	mustAssay(t, last, "finalize", prevID)
	report1 := filepath.Join(t.TempDir(), "informe-2026.pdf")
	mustAssay(t, last, "export", prevID, "-o", report1)

	// This year's inspector, on her own laptop, with only the report.
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "config.toml"), []byte("inspector = \"Rosa Mamani\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustAssay(t, home, "keys", "create", "--name", "Rosa Mamani")
	next := time.Now().AddDate(1, 0, 0)
	id := strings.TrimSpace(mustAssay(t, home, "new", "--from", report1, "--type", "surveillance",
		"--start", next.Format(audit.DateLayout), "--end", next.AddDate(0, 0, 2).Format(audit.DateLayout)).stdout)
	cas := cycleActions(t, home, id)
	if len(cas) < 3 {
		t.Fatalf("the demo's non-conformities did not become corrective actions to verify: %v", cas)
	}
	walkTheRest(t, home, id)

	// The corrective actions, in the terminal UI: the first closed with
	// the evidence seen, the second not closed, the third closed, any
	// other superseded.
	tm := startTerm(t, home, 80, 24)
	tm.waitFor("Cooperativa Minera La Esperanza")
	tm.keys("Enter")
	tm.waitFor("Last year:")
	tm.keys("C")
	tm.waitFor(fmt.Sprintf("0 of %d assessed", len(cas)))
	tm.keys("c")
	tm.text("Padrón actualizado: 92 socios, 6 pallaqueras inscritas.")
	tm.keys("Escape")
	tm.keys("j", "n", "j", "c")
	tm.text("Investigación del accidente archivada; capacitación del 3 de marzo.")
	tm.keys("Escape")
	for range cas[3:] {
		tm.keys("j", "s")
	}
	tm.waitFor(fmt.Sprintf("%d of %d assessed", len(cas), len(cas)), "counts as major")
	tm.keys("Escape", "s", "f")
	tm.waitFor("Finalize this audit?")
	tm.keys("y")
	tm.waitFor("finalized")
	tm.keys("q")
	time.Sleep(300 * time.Millisecond)

	report2 := filepath.Join(t.TempDir(), "informe-2027.pdf")
	mustAssay(t, home, "export", id, "-o", report2)
	if out, code := tool(t, "pdftotext", "-enc", "UTF-8", report2, "-"); code != 0 {
		t.Fatalf("pdftotext: %s", out)
	} else {
		flat := strings.Join(strings.Fields(out), " ")
		want := []string{"Corrective actions from the previous audit", prevID + "-r1", "the signed report informe-2026.pdf",
			"Closed", "Not closed", "Padrón actualizado: 92 socios", "Counts as a major non-conformity", "Not recommended",
			"was not closed by its due date", "Interview register", "I-01", "The auditee's acknowledgement"}
		if len(cas) > 3 {
			want = append(want, "Superseded")
		}
		for _, ca := range cas {
			want = append(want, ca+" ")
		}
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("the second report lacks %q", w)
			}
		}
	}
	if r := assay(t, home, "verify", report2); r.code != 0 {
		t.Errorf("the second report does not verify: %s", r.stdout)
	}
}

// cycleActions lists the requirements of an audit's corrective actions.
func cycleActions(t *testing.T, home, id string) []string {
	t.Helper()
	s, err := audit.OpenStore(home, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ca := range a.CorrectiveActions {
		out = append(out, ca.Requirement)
	}
	return out
}

// walkTheRest assesses every requirement of this year's audit and records
// the interviews (two of last year's interviewees heard again), the
// closing meeting and the auditee's acknowledgement, as the inspector
// would over the days on site: not what this test is about, so done
// through the store.
func walkTheRest(t *testing.T, home, id string) {
	t.Helper()
	cats, _ := standards.Load(home)
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	a := h.Audit()
	cat, _ := cats.ForIdentity(a.Catalog)
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if audit.ApplicabilityOf(r, a.Header) == audit.Applies {
			f := a.Finding(r.ID)
			f.Verdict, f.Notes = audit.Conforms, "Revisado en sitio."
		}
	}
	// Last year's interviewees carried over (pseudonym, role, site, to
	// follow up): two of them heard again this year.
	if len(a.Header.Register) < 2 || a.Header.Register[0].Held() {
		t.Fatalf("last year's interview register did not carry over to follow up: %+v", a.Header.Register)
	}
	for i := range a.Header.Register[:2] {
		iv := &a.Header.Register[i]
		iv.FollowUp, iv.Gender, iv.Date = false, audit.Woman, a.Header.StartDate
	}
	a.Header.ClosingMeeting = "Hallazgos leídos y aceptados por la junta."
	a.Header.Closing = audit.Closing{Date: a.Header.EndDate, RepName: "María Eugenia Ospina Vélez", RepRole: "Representante legal",
		Response: audit.Accepts}
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
}

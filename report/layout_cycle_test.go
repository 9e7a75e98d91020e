package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// The second year's report keeps the layout a reviewer respects: the
// previous audit's scope, the corrective actions' section, the register
// with interviews carried over to follow up, and the closing meeting
// (pushed down the summary by the escalation's reason) all laid out as
// the demo's first-year report is.

var cycleReports struct {
	once  sync.Once
	paths map[string]string
	err   error
}

// cycleReport exports, once per test binary, next year's audit of the
// demo (started from it, every requirement assessed, its corrective
// actions closed, not closed or superseded, last year's interviewees
// partly heard again), finalized and signed, in English and Spanish.
func cycleReport(t *testing.T, lang string) string {
	t.Helper()
	needTool(t, "pdftotext")
	cycleReports.once.Do(func() { cycleReports.paths, cycleReports.err = makeCycleReports(t) })
	if cycleReports.err != nil {
		t.Fatal(cycleReports.err)
	}
	return cycleReports.paths[lang]
}

func makeCycleReports(t *testing.T) (map[string]string, error) {
	dir, err := os.MkdirTemp("", "assay-layout-cycle-")
	if err != nil {
		return nil, err
	}
	set := standards.NewSet(standards.Builtin()...)
	cat := set.Default()
	s, err := audit.OpenStore(dir, set)
	if err != nil {
		return nil, err
	}
	s.NoSync = true
	ident := testIdentity(t)
	signer := SignerRecord(ident.Cert)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	prevID, err := audit.CreateDemo(s, cat, now)
	if err != nil {
		return nil, err
	}
	if err := editAudit(s, prevID, func(a *audit.Audit) error { return audit.Finalize(a, cat, signer, now) }); err != nil {
		return nil, err
	}

	o, err := OpenPrevious(s, set, prevID, Trust{})
	if err != nil {
		return nil, err
	}
	opts := o.CarryOptions()
	opts.Type, opts.Catalog, opts.StartDate, opts.EndDate, opts.Now = audit.Surveillance, cat, "2027-11-16", "2027-11-18", now.AddDate(1, 0, 0)
	opts.Config = audit.Config{Inspector: "Rosa Mamani"}
	a, err := audit.NewFrom(o.Audit, opts)
	if err != nil {
		return nil, err
	}
	if len(a.CorrectiveActions) < 3 || len(a.Header.Register) < 4 {
		return nil, fmt.Errorf("the demo carried %d corrective actions and %d interviews over", len(a.CorrectiveActions), len(a.Header.Register))
	}
	for i := range cat.Requirements {
		if r := &cat.Requirements[i]; audit.ApplicabilityOf(r, a.Header) == audit.Applies {
			f := a.Finding(r.ID)
			f.Verdict, f.Notes = audit.Conforms, "Revisado en sitio con la junta y en los registros."
		}
	}
	for i := range a.Header.Register[:4] {
		iv := &a.Header.Register[i]
		iv.FollowUp, iv.Gender, iv.Date = false, audit.Woman, a.Header.StartDate
	}
	a.Header.ClosingMeeting = "Hallazgos leídos y aceptados por la junta."
	a.Header.Closing = audit.Closing{Date: a.Header.EndDate, RepName: "María Eugenia Ospina Vélez", RepRole: "Representante legal",
		Response: audit.AcceptsWithComments, Comments: "Pedimos plazo hasta marzo para el registro de accidentes."}
	statuses := []audit.CAStatus{audit.CAClosed, audit.CANotClosed, audit.CAClosed, audit.CASuperseded}
	for i := range a.CorrectiveActions {
		if err := a.SetCorrectiveAction(i, statuses[i%len(statuses)], opts.Now); err != nil {
			return nil, err
		}
		if err := a.NoteCorrectiveAction(i, "Visto en sitio: el registro está al día y firmado por la junta."); err != nil {
			return nil, err
		}
	}
	if err := audit.Finalize(a, cat, signer, opts.Now); err != nil {
		return nil, err
	}
	h, err := s.Create(a)
	if err != nil {
		return nil, err
	}
	h.Close()
	paths := map[string]string{}
	for _, l := range []string{"en", "es"} {
		out := filepath.Join(dir, "cycle-"+l+".pdf")
		if _, err := Export(s, a.ID, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: set, Output: out, Language: l}); err != nil {
			return nil, fmt.Errorf("export %s: %w", l, err)
		}
		paths[l] = out
	}
	return paths, nil
}

// editAudit opens an audit, changes it and saves it.
func editAudit(s *audit.Store, id string, change func(*audit.Audit) error) error {
	h, err := s.Open(id)
	if err != nil {
		return err
	}
	defer h.Close()
	a := h.Audit()
	if err := change(a); err != nil {
		return err
	}
	return h.Save(a)
}

// TestSecondYearReportLayout: the second year's report, in English and
// Spanish, ends no page with a heading, leaves no page holding only a tail
// that fitted before, and keeps the closing meeting with the auditee's
// word on one page.
func TestSecondYearReportLayout(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		pages := pdfPages(t, cycleReport(t, lang))
		l := builtin().For(lang)
		flat := ""
		for _, p := range pages {
			for _, ln := range p {
				flat += ln.text + " "
			}
		}
		for _, want := range []string{l.T("previous_title", nil), l.T("ca_title", nil), l.T("follow_up_title", nil), l.T("ack_title", nil)} {
			if !strings.Contains(flat, want) {
				t.Fatalf("%s: the second year's report lacks %q", lang, want)
			}
		}
		checkNoHeadingLast(t, lang, pages)
		checkNoLoneTail(t, lang, pages)
		closing, ack := pageOf(pages, l.T("closing_meeting", nil)), pageOf(pages, l.T("ack_title", nil))
		if closing == 0 || closing != ack {
			t.Errorf("%s: the closing meeting is on page %d, the auditee's word on page %d", lang, closing, ack)
		}
	}
}

// pageOf is the number of the first page with a line that is text, 0 for
// none.
func pageOf(pages [][]pageLine, text string) int {
	for i, p := range pages {
		for _, ln := range p {
			if strings.TrimSpace(ln.text) == text {
				return i + 1
			}
		}
	}
	return 0
}

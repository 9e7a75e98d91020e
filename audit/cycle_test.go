package audit

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// The yearly cycle: a new audit from last year's, its corrective actions
// followed up by a rule kept as data, the catalog's changes shown.

var cycleNow = time.Date(2027, 11, 10, 9, 0, 0, 0, time.UTC)

// lastYear is a finalized year-1 audit of the test catalog: S-1 conforms
// with notes and a photo, S-2 a minor non-conformity (due 90 days after
// 2026-11-21), C-1 a major one (due 30 days after), the rest conform.
func lastYear(t *testing.T) *Audit {
	t.Helper()
	cat := testCatalog()
	a := newTestAudit()
	a.Header.CoInspectors = []string{"Julián Torres"}
	a.Header.CertBody = "IMO Swiss AG"
	a.Header.LegalID = "NIT 901.234.567-8"
	a.Header.SitesVisited = []string{"Bocamina Nivel 2"}
	a.Header.Register = []Interview{
		{Pseudonym: "I-01", Role: "pallaquera", Gender: Woman, Site: "Bocamina Nivel 2", Date: "2026-11-20",
			Topics: []standards.Area{standards.Social}, Notes: "Dice que cobra cada quincena."},
		{Pseudonym: "I-02", Role: "junta directiva", Gender: Man, GroupSize: 3, Notes: "Presentan el libro de actas."},
	}
	conformAll(a, cat)
	a.Finding("S-1").Notes = "Estatutos vigentes, revisados con el presidente."
	a.Evidence = []Evidence{{SHA256: strings.Repeat("ab", 32), Name: "estatutos.jpg", Requirements: []string{"S-1"}}}
	a.Finding("S-1").Evidence = []string{strings.Repeat("ab", 32)}
	set(a, "S-2", Minor).CorrectiveAction = "Abrir un libro de quejas"
	set(a, "C-1", Major).CorrectiveAction = "Retortas en la planta"
	if err := Finalize(a, cat, &Signer{Subject: "CN=Ana María Quispe", Fingerprint: "AA:BB"}, a.Created.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	return a
}

// thisYear starts a surveillance audit a year later from prev.
func thisYear(t *testing.T, prev *Audit, cfg Config) *Audit {
	t.Helper()
	a, err := NewFrom(prev, CarryOptions{Catalog: testCatalog(), PrevCatalog: testCatalog(), Source: FromReport,
		ReportID: prev.ID + "-r1", File: "informe-2026.pdf", Signer: &Signer{Subject: "CN=Ana María Quispe", Fingerprint: "AA:BB"},
		StartDate: "2027-11-15", EndDate: "2027-11-17", Config: cfg, Now: cycleNow})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestNewFromCarriesOverAndPrejudgesNothing(t *testing.T) {
	prev := lastYear(t)
	a := thisYear(t, prev, Config{Inspector: "Rosa Mamani"})
	h, ph := a.Header, prev.Header
	if h.ASMO != ph.ASMO || h.LegalID != ph.LegalID || h.Site != ph.Site || h.Country != ph.Country ||
		*h.Coordinates != *ph.Coordinates || h.FSP != ph.FSP || h.CertType != ph.CertType || h.CertBody != ph.CertBody ||
		!slices.Equal(h.CoInspectors, ph.CoInspectors) {
		t.Errorf("header not carried over:\n%+v\nfrom\n%+v", h, ph)
	}
	if h.Coordinates == ph.Coordinates {
		t.Error("the coordinates are shared with last year's audit")
	}
	if h.AuditType != Surveillance || h.CertYear != 2 {
		t.Errorf("type %s year %d, want surveillance year 2", h.AuditType, h.CertYear)
	}
	if h.LeadInspector != "Rosa Mamani" {
		t.Errorf("lead inspector %q: this year's inspector is config's, not last year's", h.LeadInspector)
	}
	if len(h.Interviews) != 0 || len(h.SitesVisited) != 0 || h.ClosingMeeting != "" || h.Closing != (Closing{}) || h.Plan != (Plan{}) {
		t.Errorf("what people said last year carried over: %+v", h)
	}
	// Of the interview register, only whom to ask for again: pseudonym,
	// role and site, to follow up; nothing they said, nothing held.
	wantReg := []Interview{{Pseudonym: "I-01", Role: "pallaquera", Site: "Bocamina Nivel 2", FollowUp: true},
		{Pseudonym: "I-02", Role: "junta directiva", FollowUp: true}}
	if !reflect.DeepEqual(h.Register, wantReg) {
		t.Errorf("register carried over as %+v, want %+v", h.Register, wantReg)
	}
	if rows, _ := PeopleInterviewed(h); len(rows) != 0 {
		t.Errorf("last year's interviews count as this year's: %+v", rows)
	}
	if h.StartDate != "2027-11-15" || h.EndDate != "2027-11-17" {
		t.Errorf("dates %s..%s", h.StartDate, h.EndDate)
	}
	p := a.Previous
	if p == nil {
		t.Fatal("no previous block")
	}
	if p.AuditID != prev.ID || p.ReportID != prev.ID+"-r1" || p.Revision != 1 || p.ContentHash != prev.ContentHash ||
		p.Signer == nil || p.Signer.Fingerprint != "AA:BB" || p.Catalog != prev.Catalog || p.Source != FromReport || p.File != "informe-2026.pdf" {
		t.Errorf("previous block: %+v", p)
	}
	// Nothing pre-judged: every requirement is open this year.
	for _, r := range testCatalog().Requirements {
		if v := a.VerdictOf(r.ID); v != Open {
			t.Errorf("%s starts %s, want open", r.ID, v)
		}
	}
	if len(a.Evidence) != 0 {
		t.Error("evidence files were carried over")
	}
	// Last year's findings are there to read.
	f, ok := a.PreviousFinding("S-1")
	if !ok || f.Verdict != Conforms || !strings.Contains(f.Notes, "Estatutos") || len(f.Evidence) != 1 || f.Evidence[0].Name != "estatutos.jpg" {
		t.Errorf("last year's S-1: %+v %v", f, ok)
	}
	if f, _ := a.PreviousFinding("S-2"); f.Verdict != Minor || f.CorrectiveAction != "Abrir un libro de quejas" || f.DueDate != "2027-02-19" {
		t.Errorf("last year's S-2: %+v", f)
	}
	// Every non-conformity is a corrective action to verify.
	var got []string
	for _, ca := range a.CorrectiveActions {
		got = append(got, ca.Requirement+" "+string(ca.Severity)+" "+string(ca.Status)+" "+ca.Due)
	}
	want := []string{"S-2 minor to_verify 2027-02-19", "C-1 major to_verify 2026-12-21"}
	if !slices.Equal(got, want) {
		t.Errorf("corrective actions %q, want %q", got, want)
	}
	if !slices.Equal(a.Header.FollowUpScope, []string{"S-2", "C-1"}) {
		t.Errorf("follow-up scope %q", a.Header.FollowUpScope)
	}
	// The new audit is this year's: its own id, a draft, round-trips.
	if a.ID == prev.ID || a.Status != Draft || a.Revision != 1 || a.Schema != SchemaVersion {
		t.Errorf("new audit %s %s rev %d schema %d", a.ID, a.Status, a.Revision, a.Schema)
	}
	data, err := encodeAudit(a)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeAudit(data)
	if err != nil || back.Previous == nil || back.Previous.ContentHash != prev.ContentHash || len(back.CorrectiveActions) != 2 {
		t.Fatalf("does not round-trip: %v %+v", err, back)
	}
}

func TestNewFromRefusesADraftOrAnEditedAudit(t *testing.T) {
	draft := newTestAudit()
	if _, err := NewFrom(draft, CarryOptions{Catalog: testCatalog()}); !errors.Is(err, ErrPreviousNotFinalized) {
		t.Errorf("from a draft: %v", err)
	}
	edited := lastYear(t)
	edited.Finding("S-2").Verdict = Conforms
	if _, err := NewFrom(edited, CarryOptions{Catalog: testCatalog()}); !errors.Is(err, ErrPreviousHash) {
		t.Errorf("from an edited audit: %v", err)
	}
}

func TestNextCertificationYear(t *testing.T) {
	prev := lastYear(t)
	for typ, want := range map[AuditType]int{Surveillance: 2, Recertification: 2, FollowUp: 1, Initial: 0} {
		a, err := NewFrom(prev, CarryOptions{Type: typ, Catalog: testCatalog(), Now: cycleNow})
		if err != nil {
			t.Fatal(err)
		}
		if a.Header.CertYear != want || a.Header.AuditType != typ {
			t.Errorf("%s: year %d, want %d", typ, a.Header.CertYear, want)
		}
	}
}

// ready assesses everything of this year's audit as conforming, so only
// the corrective actions decide the recommendation.
func ready(a *Audit) {
	conformAll(a, testCatalog())
	a.Header.Interviews = []Interviewed{{Role: "mineros", Men: 3}}
	a.Header.ClosingMeeting = "Leídos y aceptados."
	a.Header.Closing = Closing{RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: Accepts}
}

func reasonKinds(s Summary) []ReasonKind {
	var out []ReasonKind
	for _, r := range s.Recommendation.Reasons {
		out = append(out, r.Kind)
	}
	return out
}

func TestEscalationRule(t *testing.T) {
	cat := testCatalog()
	prev := lastYear(t)

	// Everything to verify: incomplete, and finalizing is blocked.
	a := thisYear(t, prev, Config{Inspector: "Rosa"})
	ready(a)
	s := Summarize(a, cat)
	if s.Recommendation.Outcome != Incomplete || !slices.Contains(reasonKinds(s), ReasonPreviousToVerify) {
		t.Errorf("to verify: %s %v", s.Recommendation.Outcome, reasonKinds(s))
	}
	if b := FinalizeBlockers(a, cat); len(b) != 1 || b[0].Kind != BlockCAToVerify || !slices.Equal(b[0].Requirements, []string{"S-2", "C-1"}) {
		t.Errorf("blockers %+v", b)
	}

	// Closed: no effect, the audit is recommended.
	for i := range a.CorrectiveActions {
		must(t, a.SetCorrectiveAction(i, CAClosed, cycleNow))
		must(t, a.NoteCorrectiveAction(i, "Visto en sitio"))
	}
	if s := Summarize(a, cat); s.Recommendation.Outcome != Recommended {
		t.Errorf("all closed: %s %v", s.Recommendation.Outcome, reasonKinds(s))
	}
	if b := FinalizeBlockers(a, cat); len(b) != 0 {
		t.Errorf("all closed, still blocked: %+v", b)
	}
	// A status edited by hand into something assay does not know is no
	// decision.
	a.CorrectiveActions[1].Status = "cerrada"
	if b := FinalizeBlockers(a, cat); len(b) != 1 || b[0].Kind != BlockCAToVerify || !slices.Equal(b[0].Requirements, []string{"C-1"}) {
		t.Errorf("unknown status: %+v", b)
	}
	if err := a.SetCorrectiveAction(1, "cerrada", cycleNow); !errors.Is(err, ErrUnknownCAStatus) {
		t.Errorf("set an unknown status: %v", err)
	}
	must(t, a.SetCorrectiveAction(1, CAClosed, cycleNow))
	must(t, a.NoteCorrectiveAction(0, " "))
	if b := FinalizeBlockers(a, cat); len(b) != 1 || b[0].Kind != BlockCANoEvidence || b[0].Requirement != "S-2" {
		t.Errorf("closed without evidence: %+v", b)
	}

	// The minor not closed, overdue: a major now, naming the old NC.
	must(t, a.SetCorrectiveAction(0, CANotClosed, cycleNow))
	s = Summarize(a, cat)
	if s.Recommendation.Outcome != NotRecommended {
		t.Fatalf("minor overdue not closed: %s %v", s.Recommendation.Outcome, reasonKinds(s))
	}
	r := s.Recommendation.Reasons[0]
	if r.Kind != ReasonPreviousEscalated || r.Requirement != "S-2" || r.Severity != Minor || r.CountsAs != WeighMajor ||
		!r.Overdue || r.DueDate != "2027-02-19" || r.PreviousReport != prev.ID+"-r1" {
		t.Errorf("escalation reason %+v", r)
	}
	if s.CorrectiveActions[0].CountsAs != WeighMajor || !s.CorrectiveActions[0].Overdue {
		t.Errorf("corrective action result %+v", s.CorrectiveActions[0])
	}

	// The same minor, still in time (a follow-up before its due date):
	// a condition, not a major.
	a.Header.StartDate, a.Header.EndDate = "2027-01-10", "2027-01-11"
	s = Summarize(a, cat)
	if s.Recommendation.Outcome != RecommendedWithConditions || s.Recommendation.Reasons[0].Kind != ReasonPreviousNotClosed ||
		s.Recommendation.Reasons[0].Overdue {
		t.Errorf("minor in time: %s %+v", s.Recommendation.Outcome, s.Recommendation.Reasons)
	}
	a.Header.StartDate, a.Header.EndDate = "2027-11-15", "2027-11-17"

	// A major not closed: not recommended, whatever its date.
	must(t, a.SetCorrectiveAction(0, CAClosed, cycleNow))
	must(t, a.SetCorrectiveAction(1, CANotClosed, cycleNow))
	s = Summarize(a, cat)
	if s.Recommendation.Outcome != NotRecommended || s.Recommendation.Reasons[0].Kind != ReasonPreviousNotClosed ||
		s.Recommendation.Reasons[0].Requirement != "C-1" {
		t.Errorf("major not closed: %s %+v", s.Recommendation.Outcome, s.Recommendation.Reasons)
	}
}

// TestEscalationRuleFromConfig: the rule is config.toml's, recorded in the
// audit when it is made: change the file and a new audit weighs the same
// facts otherwise.
func TestEscalationRuleFromConfig(t *testing.T) {
	cat := testCatalog()
	prev := lastYear(t)
	outcome := func(cfg Config) (Outcome, []Reason) {
		a := thisYear(t, prev, cfg)
		ready(a)
		must(t, a.SetCorrectiveAction(0, CANotClosed, cycleNow)) // the minor, overdue
		must(t, a.SetCorrectiveAction(1, CAClosed, cycleNow))
		must(t, a.NoteCorrectiveAction(1, "Retortas en uso"))
		s := Summarize(a, cat)
		return s.Recommendation.Outcome, s.Recommendation.Reasons
	}
	if o, _ := outcome(Config{}); o != NotRecommended {
		t.Errorf("default rule: %s", o)
	}
	home := t.TempDir()
	write := func(text string) Config {
		if err := os.WriteFile(filepath.Join(home, ConfigFile), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := LoadConfig(home)
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	cfg := write("not_closed_minor_overdue = \"minor\"\n")
	if o, rs := outcome(cfg); o != RecommendedWithConditions || rs[0].CountsAs != WeighMinor {
		t.Errorf("rule minor_overdue = minor: %s %+v", o, rs)
	}
	cfg = write("not_closed_minor_overdue = \"none\"\n")
	if o, rs := outcome(cfg); o != Recommended || rs[len(rs)-1].Kind != ReasonPreviousNotClosed || rs[len(rs)-1].CountsAs != WeighNone {
		t.Errorf("rule minor_overdue = none: %s %+v", o, rs)
	}
	a := thisYear(t, prev, cfg)
	if a.Escalation == nil || a.Escalation.MinorOverdue != WeighNone || a.Escalation.Major != WeighMajor {
		t.Errorf("the audit does not record the rule it was made with: %+v", a.Escalation)
	}
	// A word the rule does not know is reported with its line; the
	// default applies.
	if err := os.WriteFile(filepath.Join(home, ConfigFile), []byte("inspector = \"R\"\nnot_closed_major = \"grave\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(home)
	ps := ConfigProblems(err)
	if len(ps) != 1 || ps[0].Kind != ConfigBadChoice || ps[0].Line != 2 || ps[0].Key != "not_closed_major" || cfg.EscalationRule() != DefaultEscalation {
		t.Errorf("bad rule word: %+v %+v", ps, cfg.EscalationRule())
	}
}

func TestFollowUpWalksOnlyTheCorrectiveActions(t *testing.T) {
	cat := testCatalog()
	prev := lastYear(t)
	a, err := NewFrom(prev, CarryOptions{Type: FollowUp, Catalog: cat, PrevCatalog: cat, StartDate: "2027-01-10", EndDate: "2027-01-10", Now: cycleNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.Requirements {
		ex := ExplainApplicability(&r, a.Header)
		inScope := r.ID == "S-2" || r.ID == "C-1"
		if inScope != (ex.Applicability == Applies) || !inScope && !ex.OutOfFollowUp {
			t.Errorf("%s in a follow-up: %+v", r.ID, ex)
		}
	}
	set(a, "S-2", Conforms)
	set(a, "C-1", Conforms)
	s := Summarize(a, cat)
	if s.Total.Applicable != 2 || s.Total.Assessed != 2 {
		t.Errorf("follow-up counts %d/%d, want the 2 requirements of its corrective actions", s.Total.Assessed, s.Total.Applicable)
	}
	// Without non-conformities there is nothing to follow up.
	clean := newTestAudit()
	conformAll(clean, cat)
	must(t, Finalize(clean, cat, &Signer{Subject: "CN=x", Fingerprint: "AA"}, cycleNow))
	if _, err := NewFrom(clean, CarryOptions{Type: FollowUp, Catalog: cat}); !errors.Is(err, ErrNothingToFollowUp) {
		t.Errorf("follow-up of a clean audit: %v", err)
	}
}

// userCatalog parses a small catalog file as a certification body writes
// one.
func userCatalog(t *testing.T, version string, reqs ...string) *standards.Catalog {
	t.Helper()
	src := "id = \"cb-official\"\nversion = \"" + version + "\"\nname = \"CB\"\nlanguage = \"en\"\n" + strings.Join(reqs, "")
	c, err := standards.Parse("cb-official.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func req(id, area, text string) string {
	return "\n[[requirement]]\nid = \"" + id + "\"\narea = \"" + area + "\"\ntitle = \"" + id + " title\"\ntext = \"" + text + "\"\nlevel = \"entry\"\n"
}

func TestCatalogChangesBetweenYears(t *testing.T) {
	v1 := userCatalog(t, "1", req("A-1", "social", "Statutes registered."), req("A-2", "social", "Minutes signed."),
		req("B-1", "labour", "No child labour."), req("B-2", "labour", "PPE worn."))
	// This year's file: A-2 reworded, B-2 gone, C-1 new.
	v2 := userCatalog(t, "2", req("A-1", "social", "Statutes   registered."), req("A-2", "social", "Minutes signed and shown to members."),
		req("B-1", "labour", "No child labour."), req("C-1", "chemicals", "Mercury stored locked."))
	h := validHeader()
	h.CertYear = 1
	prev := New(v1, h, cycleNow.AddDate(-1, 0, 0))
	for _, r := range v1.Requirements {
		set(prev, r.ID, Conforms)
	}
	set(prev, "B-2", Minor)
	must(t, Finalize(prev, v1, &Signer{Subject: "CN=x", Fingerprint: "AA"}, cycleNow.AddDate(-1, 0, 1)))

	check := func(name string, c CatalogChanges, compared bool) {
		t.Helper()
		if c.Compared != compared || !slices.Equal(c.Changed, []string{"A-2"}) && compared || !slices.Equal(c.New, []string{"C-1"}) && compared ||
			!slices.Equal(c.Removed, []string{"B-2"}) || compared && c.Unchanged != 2 {
			t.Errorf("%s: %+v", name, c)
		}
		if compared && (c.KindOf("A-1") != Unchanged || c.KindOf("A-2") != ChangedText || c.KindOf("C-1") != NewRequirement || c.KindOf("B-2") != Removed) {
			t.Errorf("%s: kinds of A-1 %s A-2 %s C-1 %s B-2 %s", name, c.KindOf("A-1"), c.KindOf("A-2"), c.KindOf("C-1"), c.KindOf("B-2"))
		}
	}
	// Last year's file installed beside this year's.
	a, err := NewFrom(prev, CarryOptions{Catalog: v2, PrevCatalog: v1, Now: cycleNow})
	must(t, err)
	check("both files", a.Previous.Changes, true)
	// Last year's file gone (edited in place): the prints recorded in last
	// year's audit still tell.
	a, err = NewFrom(prev, CarryOptions{Catalog: v2, Now: cycleNow})
	must(t, err)
	check("prints only", a.Previous.Changes, true)
	// An audit made before assay recorded prints, its catalog gone: only
	// what it assessed and this catalog lacks is known.
	old := prev.Clone()
	old.CatalogPrints = nil
	old.ContentHash, _ = ContentHash(old)
	a, err = NewFrom(old, CarryOptions{Catalog: v2, Now: cycleNow})
	must(t, err)
	check("ids only", a.Previous.Changes, false)
	// The same file both years: nothing changed.
	same, err := NewFrom(prev, CarryOptions{Catalog: v1, PrevCatalog: v1, Now: cycleNow})
	must(t, err)
	if c := same.Previous.Changes; !c.SameCatalog() || c.Any() || c.Unchanged != 4 {
		t.Errorf("same catalog: %+v", c)
	}

	// The removed requirement carried a non-conformity: its action is
	// superseded, for the inspector to confirm.
	a, err = NewFrom(prev, CarryOptions{Catalog: v2, PrevCatalog: v1, Now: cycleNow})
	must(t, err)
	if len(a.CorrectiveActions) != 1 || a.CorrectiveActions[0].Status != CASuperseded || !a.CorrectiveActions[0].Proposed {
		t.Fatalf("action on a removed requirement: %+v", a.CorrectiveActions)
	}
	var kinds []BlockerKind
	for _, b := range FinalizeBlockers(a, v2) {
		kinds = append(kinds, b.Kind)
	}
	if !slices.Contains(kinds, BlockCAUnconfirmed) || slices.Contains(kinds, BlockCAToVerify) {
		t.Errorf("blockers %v", kinds)
	}
	must(t, a.SetCorrectiveAction(0, CASuperseded, cycleNow))
	for _, b := range FinalizeBlockers(a, v2) {
		if b.Kind == BlockCAUnconfirmed || b.Kind == BlockCAToVerify {
			t.Errorf("confirmed, still blocked: %+v", b)
		}
	}
	if s := Summarize(a, v2); s.CorrectiveActions[0].Change != Removed {
		t.Errorf("result %+v", s.CorrectiveActions[0])
	}
}

// TestFinalizedOlderSchemaStillVerifies: a revision finalized under
// schema 1 keeps its schema number, so its content hash (which covers the
// number) still matches after this build reads it; a draft of schema 1 is
// saved in today's schema once it holds the yearly cycle's fields (an
// older assay would drop them).
func TestFinalizedOlderSchemaStillVerifies(t *testing.T) {
	cat := testCatalog()
	a := readyAudit()
	a.Schema = 1
	a.CatalogPrints = nil // schema 1 had none
	must(t, Finalize(a, cat, &Signer{Subject: "CN=x", Fingerprint: "AA"}, cycleNow))
	data, err := encodeAudit(a)
	must(t, err)
	back, err := DecodeAudit(data)
	must(t, err)
	if back.Schema != 1 {
		t.Errorf("schema %d, want the 1 the revision was finalized with", back.Schema)
	}
	if sum, _ := ContentHash(back); sum != a.ContentHash {
		t.Errorf("a schema-1 finalized audit no longer matches its hash")
	}

	home := t.TempDir()
	s, err := OpenStore(home, nil)
	must(t, err)
	h, err := s.Create(back)
	must(t, err)
	must(t, h.Close())
	got, err := s.Load(back.ID)
	if err != nil || got.Schema != 1 {
		t.Fatalf("load: %v schema %d", err, got.Schema)
	}
	draft := newTestAudit()
	draft.Header.Closing = Closing{}
	draft.CatalogPrints = nil
	draft.Schema = 1
	h, err = s.Create(draft)
	must(t, err)
	defer h.Close()
	if got, _ := s.Load(draft.ID); got.Schema != 1 {
		t.Errorf("a schema-1 draft saved unchanged became schema %d", got.Schema)
	}
	draft.Previous = &Previous{Source: FromHome, AuditID: "2025-11-20-prev-0001", Revision: 1}
	must(t, h.Save(draft))
	if got, _ := s.Load(draft.ID); got.Schema != SchemaVersion {
		t.Errorf("a draft with a previous audit saved in schema %d, want %d", got.Schema, SchemaVersion)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Without this audit's dates an action counts as overdue (the heavier
// reading) but is marked Undated, so no surface says its date has passed.
func TestCorrectiveResultUndatedUntilTheAuditHasDates(t *testing.T) {
	a := &Audit{CorrectiveActions: []CorrectiveAction{{Requirement: "1.1", Severity: Minor, Due: "2027-02-23", Status: CAToVerify}}}
	r := CorrectiveResults(a)[0]
	if !r.Overdue || !r.Undated {
		t.Errorf("no dates: overdue %v, undated %v; want both", r.Overdue, r.Undated)
	}
	a.Header.StartDate, a.Header.EndDate = "2026-12-01", "2026-12-02"
	r = CorrectiveResults(a)[0]
	if r.Overdue || r.Undated {
		t.Errorf("dated audit before the due date: overdue %v, undated %v; want neither", r.Overdue, r.Undated)
	}
}

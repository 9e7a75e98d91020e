package audit

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/assay-dev/assay/standards"
)

func TestAddInterviewAssignsPseudonymsInOrder(t *testing.T) {
	var h Header
	for i, want := range []string{"I-01", "I-02", "I-03"} {
		got, err := AddInterview(&h, Interview{Role: "minero", Gender: Man, Pseudonym: "I-77"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Pseudonym != want || h.Register[i].Pseudonym != want {
			t.Errorf("interview %d got %q, want %q", i+1, got.Pseudonym, want)
		}
	}
	// After a carried-over register (I-01..I-12, one removed) numbering
	// goes on from the highest: a pseudonym is never handed to someone else.
	h = Header{Register: []Interview{{Pseudonym: "I-12", Role: "x", FollowUp: true}, {Pseudonym: "I-03", Role: "y", FollowUp: true}}}
	got, _ := AddInterview(&h, Interview{Role: "pallaquera", Gender: Woman})
	if got.Pseudonym != "I-13" {
		t.Errorf("after I-12 the next is %q, want I-13", got.Pseudonym)
	}
	for n, want := range map[int]string{1: "I-01", 9: "I-09", 10: "I-10", 100: "I-100"} {
		if p := Pseudonym(n); p != want {
			t.Errorf("Pseudonym(%d) = %q", n, p)
		}
		if back, ok := PseudonymNumber(want); !ok || back != n {
			t.Errorf("PseudonymNumber(%q) = %d, %v", want, back, ok)
		}
	}
	for _, bad := range []string{"I-1", "i-01", "I-00", "X-01", "I-01a", ""} {
		if _, ok := PseudonymNumber(bad); ok {
			t.Errorf("%q read as a pseudonym", bad)
		}
	}
}

func TestAddInterviewRefusesWhatIsWrong(t *testing.T) {
	var h Header
	for _, c := range []struct {
		iv    Interview
		field string
		kind  ProblemKind
	}{
		{Interview{Gender: Woman}, "role", ProblemRequired},
		{Interview{Role: "minero"}, "gender", ProblemRequired},
		{Interview{Role: "minero", Gender: "alien"}, "gender", ProblemUnknownChoice},
		{Interview{Role: "minero", Gender: Man, Date: "23/11/2026"}, "date", ProblemDateFormat},
		{Interview{Role: "minero", Gender: Man, Date: "2026-02-30"}, "date", ProblemDateInvalid},
		{Interview{Role: "minero", Gender: Man, GroupSize: -2}, "group_size", ProblemNegative},
	} {
		_, err := AddInterview(&h, c.iv)
		var fe FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || fe.Kind != c.kind {
			t.Errorf("%+v: err %v, want %s on %s", c.iv, err, c.kind, c.field)
		}
	}
	if len(h.Register) != 0 {
		t.Errorf("refused entries reached the register: %+v", h.Register)
	}
	// Pasted escapes and line breaks do not reach the record.
	iv, err := AddInterview(&h, Interview{Role: " pallaquera\x1b[31m\n", Gender: Woman, Topics: []standards.Area{"labour", "social", "labour"}})
	if err != nil || iv.Role != "pallaquera" || !slices.Equal(iv.Topics, []standards.Area{"labour", "social"}) {
		t.Errorf("cleaned entry = %+v, %v", iv, err)
	}
}

func TestParseGender(t *testing.T) {
	for in, want := range map[string]Gender{"woman": Woman, "F": Woman, " mujer ": Woman, "man": Man, "hombre": Man,
		"M": Man, "other": OtherGender, "x": OtherGender, "mixed": Mixed, "Mixto": Mixed} {
		if g, ok := ParseGender(in); !ok || g != want {
			t.Errorf("ParseGender(%q) = %q, %v; want %q", in, g, ok, want)
		}
	}
	if _, ok := ParseGender("robot"); ok {
		t.Error("an unknown gender parsed")
	}
}

// TestPeopleInterviewedFromRegister: the counts by role and gender come
// from the register (groups count every person, roles match ignoring case
// and spaces, carried-over entries not held count nowhere); an older
// audit's hand-typed table is used only without a register.
func TestPeopleInterviewedFromRegister(t *testing.T) {
	h := Header{
		Interviews: []Interviewed{{Role: "typed by hand", Women: 40}},
		Register: []Interview{
			{Pseudonym: "I-01", Role: "Pallaquera", Gender: Woman},
			{Pseudonym: "I-02", Role: "pallaquera ", Gender: Woman, GroupSize: 5},
			{Pseudonym: "I-03", Role: "Minero", Gender: Man},
			{Pseudonym: "I-04", Role: "Comité de Prima", Gender: Mixed, GroupSize: 4},
			{Pseudonym: "I-05", Role: "Minero", Gender: OtherGender},
			{Pseudonym: "I-06", Role: "Minero", FollowUp: true},
		},
	}
	rows, fromReg := PeopleInterviewed(h)
	want := []PeopleCount{
		{Role: "Pallaquera", Women: 6, Interviews: 2},
		{Role: "Minero", Men: 1, Other: 1, Interviews: 2},
		{Role: "Comité de Prima", Mixed: 4, Interviews: 1},
	}
	if !fromReg || !reflect.DeepEqual(rows, want) {
		t.Errorf("PeopleInterviewed = %+v (from register %v), want %+v", rows, fromReg, want)
	}
	h.Register = []Interview{{Pseudonym: "I-01", Role: "Minero", FollowUp: true}}
	rows, fromReg = PeopleInterviewed(h)
	if fromReg || len(rows) != 1 || rows[0].Women != 40 {
		t.Errorf("without a held interview the table is used: %+v, %v", rows, fromReg)
	}
	if interviewed(h) != 40 {
		t.Errorf("interviewed = %d", interviewed(h))
	}
}

func TestCitations(t *testing.T) {
	got := Citations("Según [I-03] y [I-07, I-12]; otra vez [I-03]. No: [I-1], I-04, [X-05], [ I-09 ]")
	if want := []string{"I-03", "I-07", "I-12", "I-09"}; !slices.Equal(got, want) {
		t.Errorf("Citations = %q, want %q", got, want)
	}
}

// TestCitingFindingsAndDangling: the report lists, per interview, the
// findings citing it in walk order; a citation of an interview that is not
// in the register, or was not held, blocks finalizing.
func TestCitingFindingsAndDangling(t *testing.T) {
	cat := testCatalog()
	a := readyAudit()
	a.Header.Register = []Interview{
		{Pseudonym: "I-01", Role: "minero", Gender: Man},
		{Pseudonym: "I-02", Role: "pallaquera", Gender: Woman},
		{Pseudonym: "I-03", Role: "vecino", FollowUp: true},
	}
	a.Findings["C-1"].Justification = "No plant [I-01]."
	a.Findings["S-1"].Notes = "Confirmed [I-01, I-02]."
	a.Findings["L-1"].Notes = "Heard [I-03] and [I-09]."
	got := CitingFindings(a, cat)
	want := map[string][]string{"I-01": {"S-1", "C-1"}, "I-02": {"S-1"}, "I-03": {"L-1"}, "I-09": {"L-1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CitingFindings = %v, want %v", got, want)
	}
	var dangling []Blocker
	for _, b := range FinalizeBlockers(a, cat) {
		if b.Kind == BlockDanglingCitation {
			dangling = append(dangling, b)
		}
	}
	wantB := []Blocker{{Kind: BlockDanglingCitation, Requirement: "L-1", Name: "I-03"}, {Kind: BlockDanglingCitation, Requirement: "L-1", Name: "I-09"}}
	if !reflect.DeepEqual(dangling, wantB) {
		t.Errorf("dangling citations = %+v, want %+v", dangling, wantB)
	}
}

// TestCarryOverKeepsOnlyPseudonymRoleSite: what 'assay new --from' may take
// into next year's audit.
func TestCarryOverKeepsOnlyPseudonymRoleSite(t *testing.T) {
	reg := []Interview{
		{Pseudonym: "I-01", Role: "pallaquera", Gender: Woman, Site: "Cancha", Date: "2026-11-20", GroupSize: 5,
			Language: "es", Topics: []standards.Area{"labour"}, Notes: "dijo que…"},
		{Pseudonym: "bogus", Role: "x"},
	}
	got := CarryOver(reg)
	want := []Interview{{Pseudonym: "I-01", Role: "pallaquera", Site: "Cancha", FollowUp: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CarryOver = %+v, want %+v", got, want)
	}
	var h Header
	h.Register = got
	if rows, _ := PeopleInterviewed(h); len(rows) != 0 {
		t.Errorf("a carried-over entry counts as interviewed: %+v", rows)
	}
	if errs := ValidateHeader(h); slices.ContainsFunc(errs, func(fe FieldError) bool { return fe.Item == "I-01" }) {
		t.Errorf("a carried-over entry without gender is faulted: %+v", errs)
	}
}

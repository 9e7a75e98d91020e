package audit

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFinalizeNeedsTheAuditeesWord: without the representative's response
// or the reason none was had, finalize is blocked with its own kind; an
// incomplete response is faulted field by field.
func TestFinalizeNeedsTheAuditeesWord(t *testing.T) {
	cat := testCatalog()
	kinds := func(a *Audit) []BlockerKind {
		var ks []BlockerKind
		for _, b := range FinalizeBlockers(a, cat) {
			ks = append(ks, b.Kind)
		}
		return ks
	}
	a := readyAudit()
	a.Header.Closing = Closing{}
	if got := kinds(a); !reflect.DeepEqual(got, []BlockerKind{BlockNoAcknowledgement}) {
		t.Errorf("without the auditee's word: %v", got)
	}
	if err := Finalize(a, cat, testSigner, time.Now()); err == nil || a.Status == Finalized {
		t.Fatal("finalized without the auditee's word")
	}
	a.Header.Closing.NotObtained = "The representative left before the meeting ended."
	if got := kinds(a); len(got) != 0 {
		t.Errorf("with the reason it could not be obtained: %v", got)
	}
	a.Header.Closing = Closing{Response: Disputes}
	var fields []string
	for _, b := range FinalizeBlockers(a, cat) {
		if b.Kind == BlockHeader {
			fields = append(fields, b.Problem.Field)
		}
	}
	want := []string{"closing.representative_name", "closing.representative_role", "closing.comments"}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("a dispute without name, role or comments: %v, want %v", fields, want)
	}
	a.Header.Closing = Closing{Response: Disputes, RepName: "María Ospina", RepRole: "Representante legal",
		Comments: "No aceptamos la no conformidad 2.1.6."}
	if got := kinds(a); len(got) != 0 {
		t.Errorf("a complete dispute: %v", got)
	}
	if !a.Header.Closing.Acknowledged() {
		t.Error("a complete dispute is not an acknowledgement")
	}
	a.Header.Closing.Response = "maybe"
	if errs := ValidateHeader(a.Header); !slices.ContainsFunc(errs, func(fe FieldError) bool {
		return fe.Field == "closing.response" && fe.Kind == ProblemUnknownChoice
	}) {
		t.Errorf("an unknown response is not faulted: %+v", errs)
	}
}

// TestClosingMeetingRecordedByItsDate: the structured record counts as the
// closing meeting's record as the notes of older audits do.
func TestClosingMeetingRecordedByItsDate(t *testing.T) {
	a := readyAudit()
	a.Header.ClosingMeeting = ""
	if !slices.ContainsFunc(FinalizeBlockers(a, testCatalog()), func(b Blocker) bool { return b.Kind == BlockNoClosingMeeting }) {
		t.Error("no closing meeting recorded, and not blocked")
	}
	a.Header.Closing.Date = "2026-11-21"
	if b := FinalizeBlockers(a, testCatalog()); len(b) != 0 {
		t.Errorf("closing meeting with its date: %+v", b)
	}
	a.Header.Closing.Date = "21/11/2026"
	if errs := ValidateHeader(a.Header); len(errs) != 1 || errs[0].Field != "closing.date" || errs[0].Kind != ProblemDateFormat {
		t.Errorf("a closing date in another form: %+v", errs)
	}
}

// TestNewFieldsLeaveOldHashesAlone: an audit that uses none of the plan,
// register, sampling or closing hashes as before they existed, so reports
// signed before keep verifying.
func TestNewFieldsLeaveOldHashesAlone(t *testing.T) {
	a := readyAudit()
	a.Header.Closing = Closing{}
	data, err := encodeAudit(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"plan"`, `"interview_register"`, `"sampling"`, `"closing"`} {
		if strings.Contains(string(data), key) {
			t.Errorf("an empty %s is written to audit.json", key)
		}
	}
}

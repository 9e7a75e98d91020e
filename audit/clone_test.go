package audit

import (
	"reflect"
	"testing"
	"time"
)

// TestCloneSharesNothing: the copy equals the original, and changing
// anything reachable from the copy leaves the original as it was (the TUI
// edits one copy while a command saves another).
func TestCloneSharesNothing(t *testing.T) {
	a := readyAudit()
	a.Header.Coordinates = &GeoPoint{Lat: 6.2, Lon: -75.5}
	a.Header.CoInspectors = []string{"Luis"}
	a.Header.SitesVisited = []string{"bocamina 1"}
	a.Header.Interviews = []Interviewed{{Role: "miners", Women: 2}}
	a.Evidence = []Evidence{{SHA256: "ab", Name: "x.jpg", GPS: &GeoPoint{Lat: 1}, Requirements: []string{"S-1"}}}
	a.Findings["S-1"].Evidence = []string{"ab"}
	a.History = []Revision{{Revision: 1, Exports: []string{"r1.pdf"}, Finalized: time.Unix(1, 0)}}
	a.Findings["ZZ"] = nil

	c := a.Clone()
	delete(a.Findings, "ZZ") // a nil finding is dropped, not copied
	if !reflect.DeepEqual(a, c) {
		t.Fatalf("clone differs:\n%+v\n%+v", a, c)
	}
	c.Header.Coordinates.Lat = 0
	c.Header.CoInspectors[0] = "x"
	c.Header.SitesVisited[0] = "x"
	c.Header.Interviews[0].Women = 9
	c.Evidence[0].GPS.Lat = 9
	c.Evidence[0].Requirements[0] = "x"
	c.Findings["S-1"].Evidence[0] = "x"
	c.Findings["S-1"].Verdict = Major
	c.History[0].Exports[0] = "x"
	if a.Header.Coordinates.Lat != 6.2 || a.Header.CoInspectors[0] != "Luis" || a.Header.SitesVisited[0] != "bocamina 1" ||
		a.Header.Interviews[0].Women != 2 || a.Evidence[0].GPS.Lat != 1 || a.Evidence[0].Requirements[0] != "S-1" ||
		a.Findings["S-1"].Evidence[0] != "ab" || a.Findings["S-1"].Verdict != Conforms || a.History[0].Exports[0] != "r1.pdf" {
		t.Errorf("changing the clone changed the original: %+v", a)
	}
	if (*Audit)(nil).Clone() != nil {
		t.Error("nil clone is not nil")
	}
}

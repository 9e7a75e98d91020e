package audit

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A date and time in audit.json that is not one (edited by hand) is
// reported with the field, what it holds, the expected form and the line:
// not Go's layout string "2006-01-02T15:04:05Z07:00".
func TestBadTimeInAuditNamesTheFieldAndTheForm(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	a.Finding("1.1.1").Verdict = Conforms
	a.Evidence = []Evidence{{SHA256: strings.Repeat("a", 64), Name: "foto.jpg", Imported: time.Now()}}
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	path := filepath.Join(s.Home(), "audits", a.ID, "audit.json")
	good, _ := os.ReadFile(path)
	for _, tt := range []struct {
		edit        func(map[string]any)
		field, want string
	}{
		{func(m map[string]any) { m["updated"] = "ayer por la tarde" }, "updated", `"ayer por la tarde"`},
		{func(m map[string]any) {
			m["findings"].(map[string]any)["1.1.1"].(map[string]any)["updated"] = 12
		}, `findings["1.1.1"].updated`, "12"},
		{func(m map[string]any) {
			m["evidence"].([]any)[0].(map[string]any)["imported"] = "2026-13-01T00:00:00Z"
		}, "evidence[0].imported", `"2026-13-01T00:00:00Z"`},
	} {
		var m map[string]any
		json.Unmarshal(good, &m)
		tt.edit(m)
		data, _ := json.MarshalIndent(m, "", "  ")
		os.WriteFile(path, data, 0o644)
		_, err := s.Load(a.ID)
		var ce *CorruptError
		if !errors.As(err, &ce) {
			t.Fatalf("%s: err = %v, want a CorruptError", tt.field, err)
		}
		msg := err.Error()
		for _, w := range []string{"field " + tt.field + " holds " + tt.want, "2026-11-23T10:22:01Z", "line "} {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message %q lacks %q", tt.field, msg, w)
			}
		}
		if strings.Contains(msg, "2006-01-02") || strings.Contains(msg, "Z07:00") {
			t.Errorf("%s: message shows Go's layout string: %q", tt.field, msg)
		}
		de := findBadTime(data)
		if de == nil || de.Line < 2 || !strings.Contains(strings.Split(string(data), "\n")[de.Line-1], tt.want) {
			t.Errorf("%s: line %+v does not hold the value", tt.field, de)
		}
	}
}

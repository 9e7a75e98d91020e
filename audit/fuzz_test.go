package audit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDecodeAudit feeds arbitrary bytes to the audit file loader (decode,
// schema check, migration): it must never panic, and whatever it accepts
// must save and load back to the same record.
func FuzzDecodeAudit(f *testing.F) {
	// Only the small sample file: the fuzzer stalls on 40 KB seeds, and a
	// small current-schema audit below covers the same shapes.
	for _, name := range []string{"v0-prototype"} {
		if b, err := os.ReadFile(filepath.Join("..", "testdata", "audits", name, "audit.json")); err == nil {
			f.Add(b)
		}
	}
	small := New(nil, stHeader(), time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC))
	small.Finding("1.1.1").Verdict = Conforms
	small.Finding("1.2.2").Verdict = Minor
	small.Finding("1.2.2").Notes = "Señora Núñez, pallaquera — ¿día 3?"
	small.Evidence = []Evidence{{SHA256: "ab", Name: "f.jpg", GPS: &GeoPoint{Lat: 6.2, Lon: -75.5}, Requirements: []string{"1.2.2"}}}
	small.History = []Revision{{Revision: 1, ContentHash: "sha256:00", Exports: []string{"r.pdf"}}}
	if b, err := encodeAudit(small); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "{}", "null", "[]", `{"id":"x"}`, `{"schema":0,"id":"x","findings":{"1":"ok"}}`,
		`{"schema":1,"id":"x","findings":{"1":null}}`, `{"schema":99}`, `{"schema":-1,"id":"x"}`,
		`{"id":"x","header":{"inspector":"A","co_inspector":"B"},"findings":{"1":{"verdict":"NC-MAJOR"}}}`,
		`{"id":"x","findings":{"1":{"verdict":"maybe"}}}`, `{"id":"x","findings":[1]}`, "{\"id\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if json.Valid(data) {
			var compact, want bytes.Buffer
			json.Compact(&compact, data)
			json.Indent(&want, compact.Bytes(), "", "  ")
			if got := indentJSON(compact.Bytes()); string(got) != want.String() {
				t.Fatalf("indentJSON differs from json.Indent:\n%s\n---\n%s", got, want.Bytes())
			}
		}
		a, err := DecodeAudit(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("error without words")
			}
			return
		}
		// A file of an additive schema keeps its number (a finalized
		// revision's hash covers it); older ones are migrated to today's.
		if a.ID == "" || a.Findings == nil || a.Schema < additiveSince || a.Schema > SchemaVersion {
			t.Fatalf("accepted an audit without id, findings or a schema read as it is: %+v", a)
		}
		out, err := encodeAudit(a)
		if err != nil {
			// Values json cannot encode (none are expected) must not crash.
			t.Fatalf("re-encoding an accepted audit: %v", err)
		}
		b, err := DecodeAudit(out)
		if err != nil {
			t.Fatalf("a saved audit does not load back: %v\n%s", err, out)
		}
		again, _ := encodeAudit(b)
		if string(again) != string(out) {
			t.Fatalf("save/load is not stable:\n%s\n---\n%s", out, again)
		}
	})
}

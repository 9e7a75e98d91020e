package report

import (
	"testing"
)

// BenchmarkExport exports a full signed report: 100 requirements with
// notes, 20 photos of 1600 px with realistic grain (about 400 KB each as
// report-ready JPEGs made by the store). Target: <= 300 ms per export;
// peak memory is measured on the binary (/usr/bin/time -v assay export).
func BenchmarkExport(b *testing.B) {
	s, id, cats := storeAudit(b, 20, 20, 1600, true)
	ident := testIdentity(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: cats}); err != nil {
			b.Fatal(err)
		}
	}
}

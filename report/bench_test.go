package report

import (
	"os"
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

// BenchmarkVerify verifies that full report (every revision and object
// read, the digest, the CMS, the attached audit.json re-hashed).
func BenchmarkVerify(b *testing.B) {
	s, id, cats := storeAudit(b, 20, 20, 1600, true)
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(b), Now: fixtureNow, Catalogs: cats})
	if err != nil {
		b.Fatal(err)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(pdf)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if v := Verify(pdf); !v.Valid {
			b.Fatalf("%+v", v.Problems)
		}
	}
}

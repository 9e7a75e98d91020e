package report

import (
	"os"
	"testing"
)

// BenchmarkExport exports a full signed report: 100 requirements with
// notes, 20 photos of 1600 px with realistic grain (about 400 KB each as
// report-ready JPEGs made by the store). The whole process (demo + 20
// photos) must take <= 150 ms; peak memory and wall time are measured on
// the binary: go run ./cmd/assaybench export --photos 22.
func BenchmarkExport(b *testing.B) { benchExport(b, 20) }

// BenchmarkExport80 is BenchmarkExport with 80 photos: against it, the
// cost of one more photo (target <= 5 ms) and proof that what an export
// allocates does not grow with the photos' bytes.
func BenchmarkExport80(b *testing.B) { benchExport(b, 80) }

func benchExport(b *testing.B, photos int) {
	s, id, cats := storeAudit(b, 20, photos, 1600, true)
	ident := testIdentity(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		path, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: cats})
		if err != nil {
			b.Fatal(err)
		}
		os.Remove(path) // exports pile up otherwise; the disk is not what is measured
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

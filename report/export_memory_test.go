package report

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestExportMemoryDoesNotGrowWithPhotoBytes: an export writes the report to
// its file as it is produced, reading each photo from its file only as it
// is written, and signs the file there, so bigger photos cost disk, not
// memory. The same audit with photos of 600 px and of 1600 px lays out the
// same pages; the bytes the export allocates (a count, not a time or a
// peak) must not grow with the photos' bytes. The whole-process peak is
// measured by `go run ./cmd/assaybench export`.
func TestExportMemoryDoesNotGrowWithPhotoBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 32 photos")
	}
	const photos = 16
	// TotalAlloc counts the whole process (other tests of the package, the
	// race detector's own): the least of three exports of one audit is the
	// export's.
	least := func(px int) (allocated, photoBytes uint64) {
		s, id, cats := storeAudit(t, 4, photos, px, true)
		ev, _ := filepath.Glob(filepath.Join(s.Home(), "audits", id, "evidence", "*.report.jpg"))
		for _, p := range ev {
			if st, err := os.Stat(p); err == nil {
				photoBytes += uint64(st.Size())
			}
		}
		ident := testIdentity(t)
		for i := 0; i < 3; i++ {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			if _, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow.Add(time.Duration(i) * time.Second), Catalogs: cats}); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if a := after.TotalAlloc - before.TotalAlloc; i == 0 || a < allocated {
				allocated = a
			}
		}
		return allocated, photoBytes
	}
	small, smallBytes := least(600)
	big, bigBytes := least(1600)
	grew, more := int64(big)-int64(small), bigBytes-smallBytes
	t.Logf("%d photos of 600 px (%d KB): %d KB allocated; of 1600 px (%d KB): %d KB", photos, smallBytes>>10, small>>10, bigBytes>>10, big>>10)
	if more < 2<<20 {
		t.Fatalf("the big photos are only %d KB bigger: the test proves nothing", more>>10)
	}
	// Holding even one copy of the photos would add all of "more"; what
	// noise remains is well under half of it.
	if grew > int64(more/2) {
		t.Errorf("photos %d KB bigger made the export allocate %d KB more: it holds copies of them", more>>10, grew>>10)
	}
}

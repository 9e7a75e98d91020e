package report

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
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
	alloc := func(px int) (allocated, photoBytes uint64) {
		s, id, cats := storeAudit(t, 4, photos, px, true)
		ev, _ := filepath.Glob(filepath.Join(s.Home(), "audits", id, "evidence", "*.report.jpg"))
		for _, p := range ev {
			if st, err := os.Stat(p); err == nil {
				photoBytes += uint64(st.Size())
			}
		}
		ident := testIdentity(t)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := Export(s, id, ExportOptions{Identity: ident, Now: fixtureNow, Catalogs: cats}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, photoBytes
	}
	small, smallBytes := alloc(600)
	big, bigBytes := alloc(1600)
	grew, more := int64(big)-int64(small), bigBytes-smallBytes
	t.Logf("%d photos of 600 px (%d KB): %d KB allocated; of 1600 px (%d KB): %d KB", photos, smallBytes>>10, small>>10, bigBytes>>10, big>>10)
	if more < 2<<20 {
		t.Fatalf("the big photos are only %d KB bigger: the test proves nothing", more>>10)
	}
	// One copy of the photos would allocate about `more` again; half of
	// it is the cap, well above the ±1.5 MB that the same export
	// allocates from run to run under -race on a busy machine (seen at
	// 1/8: a false alarm about one run in three).
	if grew > int64(more/2) {
		t.Errorf("photos %d KB bigger made the export allocate %d KB more: it holds copies of them", more>>10, grew>>10)
	}
}

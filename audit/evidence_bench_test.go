package audit

import (
	"os"
	"path/filepath"
	"testing"
)

// Photo targets (issue 14): attaching a 12 MP JPEG returns in <= 150 ms
// (copy, hash, EXIF); making its report-ready copy takes <= 400 ms and
// <= 120 MB. B/op (-benchmem) bounds the heap a derive needs; the whole
// process's peak RSS is measured by `go run ./cmd/assaybench attach`.

// photo12MP writes a 4000×3000 JPEG (a 12 MP phone photo held upright:
// EXIF orientation 6) into a temp dir.
func photo12MP(b *testing.B) string {
	b.Helper()
	return writePhoto(b, b.TempDir(), "IMG_20261118_094217.jpg", 4000, 3000, 6)
}

// BenchmarkStoreEvidence12MP is what the inspector waits for when
// attaching a 12 MP photo.
func BenchmarkStoreEvidence12MP(b *testing.B) {
	src := photo12MP(b)
	s, h, _ := stOpenAudit(b)
	s.NoSync = true // fsync is the disk's cost, not this code's
	dir := filepath.Join(h.dir, evidenceDir)
	b.SetBytes(fileSize(b, src))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ev, err := h.StoreEvidence(src)
		if err != nil {
			b.Fatal(err)
		}
		// Import a new file every time, not a duplicate.
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
		_ = ev
	}
}

// BenchmarkDerive12MP makes the report-ready copy of a 12 MP photo.
func BenchmarkDerive12MP(b *testing.B) {
	src := photo12MP(b)
	dir := b.TempDir()
	sha := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		name, err := derive(src, dir, sha, 6, writeOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.Remove(filepath.Join(dir, name))
		b.StartTimer()
	}
}

func fileSize(b *testing.B, p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}

package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzLoadConfig feeds arbitrary bytes as config.toml: LoadConfig must not
// panic, every problem must name the file, and what it returns must be
// within the ranges it enforces.
func FuzzLoadConfig(f *testing.F) {
	for _, s := range []string{
		"", "inspector = \"Ana María\"\nmax_evidence_mb = 10\nminor_due_days = 60\n",
		"minor_due_days = 100000000\n", "max_note_kb = -1\nmajor_due_days = 0\n", "inspector = \"x\n",
		"inspektor = 1\n", "[table]\nx = 1\n", "max_evidence_mb = \"ten\"\n", "'minor_due_days' = 9999999999999999999\n",
		"language = \"es\"\nemail = \"\\u001b]0;t\\u0007a@b.c\"\n",
	} {
		f.Add([]byte(s))
	}
	home := f.TempDir()
	path := filepath.Join(home, ConfigFile)
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadConfig(home)
		for _, p := range ConfigProblems(err) {
			if p.Path != path || !strings.Contains(p.Error(), path) {
				t.Fatalf("problem %q does not name %s", p.Error(), path)
			}
		}
		for _, r := range configRanges {
			if v := *r.field(&c); v != 0 && (v < r.min || v > r.max) {
				t.Fatalf("%s = %d returned, outside %d..%d", r.key, v, r.min, r.max)
			}
		}
		if c.Inspector != Sanitize(c.Inspector) || c.Email != Sanitize(c.Email) {
			t.Fatalf("config keeps control characters: %+v", c)
		}
	})
}

// FuzzSummaryAndPosition feeds arbitrary bytes as an audit's summary.json
// and position.json, both derived files the store trusts only when they
// fit: listing must still give the audit's own entry, and the position
// must load or be the zero position, never panic.
func FuzzSummaryAndPosition(f *testing.F) {
	s := stStore(f)
	a := New(stCatalog(f), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		f.Fatal(err)
	}
	h.Close()
	dir := filepath.Join(s.Home(), "audits", a.ID)
	if _, err := s.List(); err != nil {
		f.Fatal(err)
	}
	good, _ := os.ReadFile(filepath.Join(dir, summaryFile))
	f.Add(good, []byte(`{"area":"social","requirement":"1.1.1","scroll":3}`))
	f.Add([]byte(`{"version":2,"entry":{"asmo":"otra"},"source":{"size":1}}`), []byte(`{"scroll":-5}`))
	f.Add([]byte("null"), []byte("[1,2]"))
	f.Add([]byte(""), []byte(`{"area":"`+strings.Repeat("x", 300)+`"}`))
	f.Fuzz(func(t *testing.T, summary, position []byte) {
		os.WriteFile(filepath.Join(dir, summaryFile), summary, 0o644)
		os.WriteFile(filepath.Join(dir, positionFile), position, 0o644)
		es, err := s.List()
		if err != nil || len(es) != 1 || es[0].ID != a.ID || es[0].Err != "" {
			t.Fatalf("List = %+v, %v", es, err)
		}
		if !bytes.Equal(summary, good) && es[0].ASMO != a.Header.ASMO {
			// A summary that does not match audit.json is recomputed.
			t.Fatalf("listed ASMO %q from a stale summary", es[0].ASMO)
		}
		_ = s.LoadPosition(a.ID)
	})
}

// FuzzEvidenceImage imports arbitrary bytes as a photo (.jpg or .png):
// sniffing, EXIF decoding and the report-ready image must never panic or
// hang, and what is stored is the file, byte for byte, under its SHA-256.
func FuzzEvidenceImage(f *testing.F) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := range 8 {
		img.Set(x, x%6, color.RGBA{200, 100, 50, 255})
	}
	var j, p bytes.Buffer
	jpeg.Encode(&j, img, nil)
	png.Encode(&p, img)
	f.Add(j.Bytes(), true)
	f.Add(p.Bytes(), false)
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "photos", "almacen-mercurio.jpg")); err == nil && len(b) < 64<<10 {
		f.Add(b, true)
	}
	// An EXIF header with nothing sane after it.
	f.Add(append([]byte("\xff\xd8\xff\xe1\x00\x20Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03"), make([]byte, 16)...), true)
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x7f\xff\xff\xff\x7f\xff\xff\xff\x08\x06"), false)

	s := stStore(f)
	s.NoSync = true
	a := New(stCatalog(f), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { h.Close() })
	src := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, isJPEG bool) {
		name := filepath.Join(src, "foto.png")
		if isJPEG {
			name = filepath.Join(src, "foto.jpg")
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ev, err := h.StoreEvidence(name)
		if err != nil {
			return // refused with a reason: fine
		}
		sum := sha256.Sum256(data)
		if ev.SHA256 != hex.EncodeToString(sum[:]) || ev.Size != int64(len(data)) {
			t.Fatalf("stored %s (%d bytes) for %d bytes", ev.SHA256, ev.Size, len(data))
		}
		stored, err := os.ReadFile(s.EvidencePath(a.ID, ev.SHA256))
		if err != nil || !bytes.Equal(stored, data) {
			t.Fatalf("the stored copy differs: %v", err)
		}
	})
}

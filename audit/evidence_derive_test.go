package audit

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Attaching is split in two: StoreEvidence (what the inspector waits for)
// and DeriveEvidence (the report-ready copy, made in the background).
func TestStoreEvidenceLeavesDerivingForLater(t *testing.T) {
	s, h, a := stOpenAudit(t)
	ev, err := h.StoreEvidence(photoPortrait)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Derived != "" || !NeedsDerived(ev) {
		t.Fatalf("stored evidence has Derived %q, NeedsDerived %v", ev.Derived, NeedsDerived(ev))
	}
	// EXIF is read at once: it is cheap and the finding shows it.
	if ev.Orientation != 6 || ev.GPS == nil || ev.Captured.IsZero() {
		t.Errorf("EXIF not read while storing: %+v", ev)
	}
	if _, err := os.Stat(filepath.Join(s.Home(), "audits", a.ID, "evidence", ev.SHA256+derivedSuffix)); err == nil {
		t.Fatal("StoreEvidence made the report copy already")
	}
	name, err := h.DeriveEvidence(*ev)
	if err != nil {
		t.Fatal(err)
	}
	ev.Derived = name
	img := decodeJPEGFile(t, s.DerivedPath(a.ID, ev))
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 1600 {
		t.Fatalf("derived is %dx%d, want 1200x1600 (portrait, upright)", b.Dx(), b.Dy())
	}
	if !bluish(img, 600, 40) || bluish(img, 600, 1560) {
		t.Error("derived image is not upright: expected sky at the top and ground at the bottom")
	}
	if NeedsDerived(ev) {
		t.Error("NeedsDerived after deriving")
	}
}

func TestDeriveEvidenceOfNonPictureIsNothing(t *testing.T) {
	_, h, _ := stOpenAudit(t)
	p := filepath.Join(t.TempDir(), "acta.csv")
	os.WriteFile(p, []byte("fecha,asistentes\n2026-10-02,41\n"), 0o644)
	ev, err := h.StoreEvidence(p)
	if err != nil {
		t.Fatal(err)
	}
	if NeedsDerived(ev) {
		t.Error("a CSV needs a report image")
	}
	if name, err := h.DeriveEvidence(*ev); name != "" || err != nil {
		t.Errorf("DeriveEvidence(csv) = %q, %v", name, err)
	}
}

// A photo attached just before assay closed has no Derived name: the
// report makes the copy when it needs it, once.
func TestDerivedImageMakesMissingCopyOnce(t *testing.T) {
	s, h, a := stOpenAudit(t)
	ev, err := h.StoreEvidence(photoPlain)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.DerivedImage(a.ID, ev)
	if err != nil || p == "" {
		t.Fatalf("DerivedImage = %q, %v", p, err)
	}
	st1, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(readFile(t, p))); err != nil || cfg.Width != 1600 || cfg.Height != 1200 {
		t.Errorf("report copy %dx%d %v, want 1600x1200", cfg.Width, cfg.Height, err)
	}
	p2, err := s.DerivedImage(a.ID, ev)
	st2, _ := os.Stat(p2)
	if err != nil || p2 != p || !st2.ModTime().Equal(st1.ModTime()) {
		t.Errorf("second DerivedImage = %q, %v; made again: %v", p2, err, !st2.ModTime().Equal(st1.ModTime()))
	}
}

// pngHeader is the start of a PNG (signature and IHDR) claiming w×h
// pixels: enough for the size check, which must refuse before decoding.
func pngHeader(w, h int, depth, colorType, interlace byte) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, depth, colorType, 0, 0, interlace)
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// The 10950×10950 PNG of issue 14 took 8 s and 1 GB to decode; now it is
// refused from its header, with the sizes to explain why.
func TestHugePNGRefusedBeforeDecoding(t *testing.T) {
	_, h, _ := stOpenAudit(t)
	cases := []struct {
		name                    string
		w, h                    int
		depth, colorType, inter byte
		maxPixels               int64
	}{
		{"rgba8.png", 10950, 10950, 8, 6, 0, maxDecodeBytes / 4},
		{"rgb16.png", 6000, 6000, 16, 2, 0, maxDecodeBytes / 8},
		{"interlaced.png", 6000, 6000, 8, 6, 1, maxDecodeBytes / 8},
	}
	for _, c := range cases {
		p := filepath.Join(t.TempDir(), c.name)
		os.WriteFile(p, pngHeader(c.w, c.h, c.depth, c.colorType, c.inter), 0o644)
		ev, err := h.StoreEvidence(p)
		if err != nil {
			t.Fatalf("%s: storing: %v", c.name, err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		_, err = h.DeriveEvidence(*ev)
		runtime.ReadMemStats(&ms)
		var tl *ImageTooLargeError
		if !errors.As(err, &tl) || tl.Width != c.w || tl.Height != c.h || tl.MaxPixels != c.maxPixels {
			t.Errorf("%s: got %v (%+v), want ImageTooLargeError %dx%d max %d", c.name, err, tl, c.w, c.h, c.maxPixels)
		}
		if got := ms.TotalAlloc - before; got > 10<<20 {
			t.Errorf("%s: refusing allocated %d MB", c.name, got>>20)
		}
	}
}

// A PNG within the budget is made into a JPEG, transparent parts on white
// as on paper (they came out black before).
func TestPNGScreenshotOnWhite(t *testing.T) {
	s, h, a := stOpenAudit(t)
	img := image.NewNRGBA(image.Rect(0, 0, 400, 300))
	for y := range 300 {
		for x := range 400 {
			if x < 200 {
				img.SetNRGBA(x, y, color.NRGBA{200, 30, 30, 255})
			} // the right half stays transparent
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	p := filepath.Join(t.TempDir(), "captura.png")
	os.WriteFile(p, buf.Bytes(), 0o644)
	ev, err := h.ImportEvidence(a, p, "1.1.1")
	if err != nil || ev.Derived == "" {
		t.Fatalf("import: %v, derived %q", err, ev.Derived)
	}
	out := decodeJPEGFile(t, s.DerivedPath(a.ID, ev))
	if !rgbNear(out, 100, 150, color.RGBA{200, 30, 30, 255}, 12) || !rgbNear(out, 300, 150, color.RGBA{255, 255, 255, 255}, 6) {
		t.Errorf("left %v right %v, want red then white", out.At(100, 150), out.At(300, 150))
	}
}

// scaleDown keeps colours and geometry through the box average and the
// filter, for every chroma layout a camera writes.
func TestScaleDownKeepsPicture(t *testing.T) {
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio444} {
		src := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), ratio)
		// Quadrants: red, green / blue, white.
		quad := []color.RGBA{{220, 20, 20, 255}, {20, 200, 20, 255}, {20, 20, 220, 255}, {250, 250, 250, 255}}
		for y := range 3000 {
			for x := range 4000 {
				c := quad[(y/1500)*2+x/2000]
				yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
				src.Y[src.YOffset(x, y)] = yy
				src.Cb[src.COffset(x, y)] = cb
				src.Cr[src.COffset(x, y)] = cr
			}
		}
		out := scaleDown(src, 1600)
		if b := out.Bounds(); b.Dx() != 1600 || b.Dy() != 1200 {
			t.Fatalf("%v: %dx%d, want 1600x1200", ratio, b.Dx(), b.Dy())
		}
		for i, at := range []image.Point{{400, 300}, {1200, 300}, {400, 900}, {1200, 900}} {
			if !rgbNear(out, at.X, at.Y, quad[i], 6) {
				t.Errorf("%v: quadrant %d is %v, want %v", ratio, i, out.At(at.X, at.Y), quad[i])
			}
		}
		// The edge between quadrants stays where it was (x = 800).
		if !rgbNear(out, 797, 300, quad[0], 10) || !rgbNear(out, 803, 300, quad[1], 10) {
			t.Errorf("%v: edge moved: %v | %v", ratio, out.At(797, 300), out.At(803, 300))
		}
	}
}

// Making the report copy of a 12 MP photo stays within its memory budget
// (issue 14: <= 120 MB; it allocated 180 MB before). Counted in bytes
// allocated, not timed.
func TestDerive12MPAllocatesUnderBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 12 MP photo")
	}
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7 >> 5)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "big.jpg")
	os.WriteFile(src, exifJPEG(t, img, 6), 0o644)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	name, err := derive(src, dir, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 6, writeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms)
	if got := ms.TotalAlloc - before; got > 80<<20 {
		t.Errorf("deriving a 12 MP photo allocated %d MB, budget 80 MB of heap", got>>20)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(readFile(t, filepath.Join(dir, name)))); err != nil || cfg.Width != 1200 || cfg.Height != 1600 {
		t.Errorf("derived %dx%d %v, want 1200x1600", cfg.Width, cfg.Height, err)
	}
}

func decodeJPEGFile(t *testing.T, p string) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(readFile(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

package audit

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// Test photographs are made in code, never committed as multi-MB files.

// photoScene draws a w×h picture with the statistics of a photograph:
// smooth regions of colour with sensor-like noise, so that its JPEG is as
// large and as slow to decode as a phone's (a 12 MP one is about 4.7 MB at
// quality 90). The top tenth is sky blue and the bottom tenth dark brown,
// so a test can tell which way up a derived copy is.
func photoScene(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 7))
	const cell = 64
	gw := w/cell + 2
	gh := h/cell + 2
	grid := make([][3]float32, gw*gh)
	for i := range grid {
		grid[i] = [3]float32{r.Float32() * 255, r.Float32() * 255, r.Float32() * 255}
	}
	sky, ground := [3]float32{70, 130, 220}, [3]float32{70, 45, 25}
	for y := range h {
		gy, fy := y/cell, float32(y%cell)/cell
		for x := range w {
			gx, fx := x/cell, float32(x%cell)/cell
			n := float32(r.IntN(25) - 12)
			var c [4]uint8
			for k := range 3 {
				a := grid[gy*gw+gx][k]*(1-fx) + grid[gy*gw+gx+1][k]*fx
				b := grid[(gy+1)*gw+gx][k]*(1-fx) + grid[(gy+1)*gw+gx+1][k]*fx
				v := a*(1-fy) + b*fy
				switch {
				case y < h/10:
					v = sky[k]
				case y >= h-h/10:
					v = ground[k]
				}
				c[k] = uint8(min(max(v+n, 0), 255))
			}
			c[3] = 255
			i := img.PixOffset(x, y)
			copy(img.Pix[i:i+4], c[:])
		}
	}
	return img
}

// exifJPEG encodes img as a JPEG with an EXIF block that gives the
// orientation (1..8), as a phone writes it.
func exifJPEG(t testing.TB, img image.Image, orientation int) []byte {
	t.Helper()
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	// TIFF header (big-endian) and one IFD with one entry: Orientation.
	var tiff bytes.Buffer
	be := binary.BigEndian
	tiff.WriteString("MM")
	binary.Write(&tiff, be, uint16(42))
	binary.Write(&tiff, be, uint32(8))
	binary.Write(&tiff, be, uint16(1))      // entries
	binary.Write(&tiff, be, uint16(0x0112)) // Orientation
	binary.Write(&tiff, be, uint16(3))      // SHORT
	binary.Write(&tiff, be, uint32(1))      // count
	binary.Write(&tiff, be, uint16(orientation))
	binary.Write(&tiff, be, uint16(0)) // padding of the 4-byte value
	binary.Write(&tiff, be, uint32(0)) // no next IFD
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(enc.Bytes()[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, be, uint16(len(payload)+2))
	out.Write(payload)
	out.Write(enc.Bytes()[2:])
	return out.Bytes()
}

// writePhoto writes a generated photo with EXIF orientation to dir and
// returns its path.
func writePhoto(t testing.TB, dir, name string, w, h, orientation int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, exifJPEG(t, photoScene(w, h, uint64(w*h+orientation)), orientation), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// rgbNear reports whether the pixel at x,y is within tol of c.
func rgbNear(img image.Image, x, y int, c color.RGBA, tol int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	d := func(a uint32, b uint8) bool { return abs(int(a>>8)-int(b)) <= tol }
	return d(r, c.R) && d(g, c.G) && d(b, c.B)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

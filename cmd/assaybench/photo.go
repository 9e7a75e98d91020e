package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"math/rand/v2"
)

// photo draws a w×h picture with the statistics of a photograph (smooth
// regions of colour with sensor-like noise), so its JPEG is as large and as
// slow to decode as a phone's: about 4.7 MB for 12 MP at quality 90. Each
// seed gives a different picture, hence a different evidence file.
func photo(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 7))
	const cell = 64
	gw, gh := w/cell+2, h/cell+2
	grid := make([][3]float32, gw*gh)
	for i := range grid {
		grid[i] = [3]float32{r.Float32() * 255, r.Float32() * 255, r.Float32() * 255}
	}
	for y := range h {
		gy, fy := y/cell, float32(y%cell)/cell
		for x := range w {
			gx, fx := x/cell, float32(x%cell)/cell
			n := float32(r.IntN(25) - 12)
			i := img.PixOffset(x, y)
			for k := range 3 {
				a := grid[gy*gw+gx][k]*(1-fx) + grid[gy*gw+gx+1][k]*fx
				b := grid[(gy+1)*gw+gx][k]*(1-fx) + grid[(gy+1)*gw+gx+1][k]*fx
				img.Pix[i+k] = uint8(min(max(a*(1-fy)+b*fy+n, 0), 255))
			}
			img.Pix[i+3] = 255
		}
	}
	return img
}

// photoJPEG encodes img as a phone does: quality 90, with an EXIF block
// giving the orientation, the capture time and a GPS position.
func photoJPEG(img image.Image, orientation int) ([]byte, error) {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 90}); err != nil {
		return nil, err
	}
	payload := append([]byte("Exif\x00\x00"), exifTIFF(orientation)...)
	var out bytes.Buffer
	out.Write(enc.Bytes()[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(payload)+2))
	out.Write(payload)
	out.Write(enc.Bytes()[2:])
	return out.Bytes(), nil
}

// exifTIFF writes the TIFF structure of an EXIF block by hand: IFD0 with
// Orientation and pointers to an EXIF IFD (DateTimeOriginal) and a GPS IFD
// (6.2442 N, 75.5812 W).
func exifTIFF(orientation int) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		value    []byte // inline when <= 4 bytes, else stored after the IFD
	}
	be := binary.BigEndian
	u16 := func(v uint16) []byte { return be.AppendUint16(nil, v) }
	u32 := func(v uint32) []byte { return be.AppendUint32(nil, v) }
	rat := func(pairs ...uint32) []byte {
		var b []byte
		for _, p := range pairs {
			b = be.AppendUint32(b, p)
		}
		return b
	}
	var buf bytes.Buffer
	buf.WriteString("MM")
	buf.Write(u16(42))
	buf.Write(u32(8))
	// writeIFD lays out an IFD at the current end of buf, its large values
	// right after it, and returns nothing: offsets are absolute in the TIFF.
	writeIFD := func(es []entry) {
		start := uint32(buf.Len())
		data := start + 2 + uint32(len(es))*12 + 4
		var extra bytes.Buffer
		buf.Write(u16(uint16(len(es))))
		for _, e := range es {
			buf.Write(u16(e.tag))
			buf.Write(u16(e.typ))
			buf.Write(u32(e.count))
			if len(e.value) <= 4 {
				v := make([]byte, 4)
				copy(v, e.value)
				buf.Write(v)
				continue
			}
			buf.Write(u32(data + uint32(extra.Len())))
			extra.Write(e.value)
			if extra.Len()%2 == 1 {
				extra.WriteByte(0)
			}
		}
		buf.Write(u32(0)) // no next IFD
		buf.Write(extra.Bytes())
	}
	// IFD0 is 3 entries with no large values: 2+36+4 = 42 bytes from 8.
	exifAt := uint32(8 + 2 + 3*12 + 4)
	exifLen := uint32(2 + 1*12 + 4 + 20)
	gpsAt := exifAt + exifLen
	writeIFD([]entry{
		{0x0112, 3, 1, u16(uint16(orientation))}, // Orientation
		{0x8769, 4, 1, u32(exifAt)},              // ExifIFDPointer
		{0x8825, 4, 1, u32(gpsAt)},               // GPSInfoIFDPointer
	})
	writeIFD([]entry{{0x9003, 2, 20, []byte("2026:11:18 09:42:17\x00")}}) // DateTimeOriginal
	writeIFD([]entry{
		{0x0001, 2, 2, []byte("N\x00")},
		{0x0002, 5, 3, rat(6, 1, 14, 1, 3912, 100)}, // 6° 14' 39.12"
		{0x0003, 2, 2, []byte("W\x00")},
		{0x0004, 5, 3, rat(75, 1, 34, 1, 5232, 100)}, // 75° 34' 52.32"
	})
	return buf.Bytes()
}

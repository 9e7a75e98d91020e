// Package exiftest makes JPEG photographs with an EXIF block written by
// hand (capture time, its UTC offset, GPS position, orientation), so tests
// in any package can import evidence whose metadata is exactly known
// without committing image files. It is for tests only.
package exiftest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"time"
)

// Photo says what a test photograph carries.
type Photo struct {
	// W and H are the pixel size; 0 means 64×48.
	W, H int
	// Seed varies the picture, so two photos differ in content (and
	// SHA-256) unless they are meant to be the same file.
	Seed uint8
	// Taken is DateTimeOriginal as the camera's clock shows it; zero
	// writes none. With Offset set (e.g. "-05:00") OffsetTimeOriginal is
	// written too.
	Taken  time.Time
	Offset string
	// GPS, when set, is written as GPSLatitude/GPSLongitude with their
	// N/S and E/W refs.
	GPS *[2]float64 // lat, lon in decimal degrees
	// Orientation 1..8; 0 writes none.
	Orientation int
}

// JPEG returns the photograph as a JPEG file with its EXIF block (none at
// all when the Photo asks for no field).
func JPEG(p Photo) []byte {
	w, h := p.W, p.H
	if w <= 0 || h <= 0 {
		w, h = 64, 48
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x*4) + p.Seed, uint8(y * 5), p.Seed * 3, 255})
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err) // an in-memory RGBA always encodes
	}
	tiff := p.tiff()
	if tiff == nil {
		return enc.Bytes()
	}
	payload := append([]byte("Exif\x00\x00"), tiff...)
	var out bytes.Buffer
	out.Write(enc.Bytes()[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(payload)+2))
	out.Write(payload)
	out.Write(enc.Bytes()[2:])
	return out.Bytes()
}

// entry is one IFD entry; data longer than four bytes goes after the IFD.
type entry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

// ifd lays out entries at offset off (from the TIFF header), followed by
// their out-of-line data; it has no next IFD.
func ifd(entries []entry, off uint32) []byte {
	be := binary.BigEndian
	var head, tail bytes.Buffer
	binary.Write(&head, be, uint16(len(entries)))
	dataAt := off + 2 + uint32(len(entries))*12 + 4
	for _, e := range entries {
		binary.Write(&head, be, e.tag)
		binary.Write(&head, be, e.typ)
		binary.Write(&head, be, e.count)
		if len(e.data) <= 4 {
			v := make([]byte, 4)
			copy(v, e.data)
			head.Write(v)
			continue
		}
		binary.Write(&head, be, dataAt+uint32(tail.Len()))
		tail.Write(e.data)
		if tail.Len()%2 == 1 {
			tail.WriteByte(0)
		}
	}
	binary.Write(&head, be, uint32(0)) // no next IFD
	return append(head.Bytes(), tail.Bytes()...)
}

const (
	typByte     = 1
	typASCII    = 2
	typShort    = 3
	typLong     = 4
	typRational = 5
)

func ascii(s string) entry {
	return entry{typ: typASCII, count: uint32(len(s) + 1), data: append([]byte(s), 0)}
}

func short(v int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(v)) }

func long(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// dms writes decimal degrees as three RATIONALs: degrees, minutes, and
// seconds in 1/10000.
func dms(deg float64) []byte {
	deg = math.Abs(deg)
	d := math.Floor(deg)
	m := math.Floor((deg - d) * 60)
	s := math.Round(((deg-d)*60 - m) * 60 * 10000)
	var b []byte
	for _, r := range [][2]uint32{{uint32(d), 1}, {uint32(m), 1}, {uint32(s), 10000}} {
		b = binary.BigEndian.AppendUint32(b, r[0])
		b = binary.BigEndian.AppendUint32(b, r[1])
	}
	return b
}

// tiff is the EXIF block's TIFF structure: IFD0 (orientation, pointers),
// the Exif IFD (capture time) and the GPS IFD; nil when there is nothing
// to write.
func (p Photo) tiff() []byte {
	if p.Taken.IsZero() && p.GPS == nil && p.Orientation == 0 {
		return nil
	}
	var exif, gps []entry
	if !p.Taken.IsZero() {
		e := ascii(p.Taken.Format("2006:01:02 15:04:05"))
		e.tag = 0x9003
		exif = append(exif, e)
		if p.Offset != "" {
			o := ascii(p.Offset)
			o.tag = 0x9011
			exif = append(exif, o)
		}
	}
	if p.GPS != nil {
		lat, lon := p.GPS[0], p.GPS[1]
		ns, ew := "N", "E"
		if lat < 0 {
			ns = "S"
		}
		if lon < 0 {
			ew = "W"
		}
		r1, r2 := ascii(ns), ascii(ew)
		r1.tag, r2.tag = 0x0001, 0x0003
		gps = []entry{
			{tag: 0x0000, typ: typByte, count: 4, data: []byte{2, 3, 0, 0}},
			r1, {tag: 0x0002, typ: typRational, count: 3, data: dms(lat)},
			r2, {tag: 0x0004, typ: typRational, count: 3, data: dms(lon)},
		}
	}
	// IFD0 first, at offset 8; its pointers are known once its size is.
	var ifd0 []entry
	if p.Orientation != 0 {
		ifd0 = append(ifd0, entry{tag: 0x0112, typ: typShort, count: 1, data: short(p.Orientation)})
	}
	if len(exif) > 0 {
		ifd0 = append(ifd0, entry{tag: 0x8769, typ: typLong, count: 1})
	}
	if len(gps) > 0 {
		ifd0 = append(ifd0, entry{tag: 0x8825, typ: typLong, count: 1})
	}
	size0 := uint32(len(ifd(ifd0, 8)))
	at := 8 + size0
	exifAt := at
	var exifBytes, gpsBytes []byte
	if len(exif) > 0 {
		exifBytes = ifd(exif, exifAt)
		at += uint32(len(exifBytes))
	}
	gpsAt := at
	if len(gps) > 0 {
		gpsBytes = ifd(gps, gpsAt)
	}
	for i := range ifd0 {
		switch ifd0[i].tag {
		case 0x8769:
			ifd0[i].data = long(exifAt)
		case 0x8825:
			ifd0[i].data = long(gpsAt)
		}
	}
	var out bytes.Buffer
	out.WriteString("MM")
	binary.Write(&out, binary.BigEndian, uint16(42))
	binary.Write(&out, binary.BigEndian, uint32(8))
	out.Write(ifd(ifd0, 8))
	out.Write(exifBytes)
	out.Write(gpsBytes)
	return out.Bytes()
}

package audit

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"io"

	"golang.org/x/image/draw"
)

// Making a report-ready image must stay fast and bounded in memory on an
// old laptop: a 12 MP photo in <= 400 ms and <= 120 MB, and no image may
// take more than about 250 MB. The decoded picture is the one big
// allocation, so its size is worked out from the file's header before
// decoding, and everything after it works on a copy at most twice the
// target size.

// maxDecodeBytes is what decoding one image may allocate; the rest of the
// 250 MB budget is the scaled copies, the encoder and the program itself.
const maxDecodeBytes = 200 << 20

// ImageTooLargeError says that a picture is too large to make its
// report-ready copy within the memory budget. The evidence itself is kept;
// the report shows the picture as not available.
type ImageTooLargeError struct {
	Width, Height int
	// MaxPixels is the most pixels an image of this kind (format, colour
	// depth, progressive or interlaced) may have.
	MaxPixels int64
}

// Error is for programmers; each surface words the fields itself.
func (e *ImageTooLargeError) Error() string {
	return fmt.Sprintf("image too large to prepare for the report: %dx%d (%d pixels, at most %d)",
		e.Width, e.Height, int64(e.Width)*int64(e.Height), e.MaxPixels)
}

// decodeCost returns the bytes that image/jpeg or image/png allocate to
// decode the image whose file r starts at: the pixels in the decoder's
// own layout, plus a progressive JPEG's coefficients or an interlaced
// PNG's passes. It reads only the header.
func decodeCost(r io.Reader, format string, cfg image.Config) (int64, error) {
	px := int64(cfg.Width) * int64(cfg.Height)
	switch format {
	case "jpeg":
		return jpegCost(bufio.NewReader(r), cfg)
	case "png":
		var h [33]byte // signature, IHDR length and type, IHDR data
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return 0, err
		}
		depth, colorType, interlace := int64(h[24]), h[25], h[28]
		bpp := int64(4) // RGB and RGBA decode to 8-bit RGBA or NRGBA
		switch colorType {
		case 0, 3: // grey, paletted
			bpp = 1
		}
		if depth == 16 {
			bpp *= 2
		}
		cost := px * bpp
		if interlace == 1 {
			cost *= 2 // each pass is decoded apart, then merged
		}
		return cost, nil
	}
	return px * 4, nil
}

// jpegCost reads the JPEG header up to its frame header (SOFn) and sums
// the component planes image/jpeg allocates, MCU-aligned.
func jpegCost(r *bufio.Reader, cfg image.Config) (int64, error) {
	var two [2]byte
	if _, err := io.ReadFull(r, two[:]); err != nil || two != [2]byte{0xFF, 0xD8} {
		return 0, fmt.Errorf("not a JPEG")
	}
	for {
		if _, err := io.ReadFull(r, two[:]); err != nil {
			return 0, err
		}
		for two[0] == 0xFF && two[1] == 0xFF { // fill bytes
			b, err := r.ReadByte()
			if err != nil {
				return 0, err
			}
			two[1] = b
		}
		if two[0] != 0xFF {
			return 0, fmt.Errorf("JPEG marker expected")
		}
		m := two[1]
		if m == 0xD8 || m == 0x01 || m >= 0xD0 && m <= 0xD7 {
			continue // no length
		}
		if _, err := io.ReadFull(r, two[:]); err != nil {
			return 0, err
		}
		n := int(binary.BigEndian.Uint16(two[:])) - 2
		if n < 0 {
			return 0, fmt.Errorf("bad JPEG segment length")
		}
		isSOF := m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
		if !isSOF {
			if _, err := r.Discard(n); err != nil {
				return 0, err
			}
			continue
		}
		seg := make([]byte, n)
		if _, err := io.ReadFull(r, seg); err != nil {
			return 0, err
		}
		if len(seg) < 6 {
			return 0, fmt.Errorf("short JPEG frame header")
		}
		nf := int(seg[5])
		if len(seg) < 6+3*nf || nf == 0 {
			return 0, fmt.Errorf("short JPEG frame header")
		}
		hmax, vmax := 1, 1
		for i := range nf {
			hv := seg[6+3*i+1]
			hmax, vmax = max(hmax, int(hv>>4)), max(vmax, int(hv&15))
		}
		mx := int64((cfg.Width + 8*hmax - 1) / (8 * hmax))
		my := int64((cfg.Height + 8*vmax - 1) / (8 * vmax))
		progressive := m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE
		var cost int64
		for i := range nf {
			hv := seg[6+3*i+1]
			plane := mx * int64(hv>>4) * 8 * my * int64(hv&15) * 8
			cost += plane
			if progressive {
				cost += plane * 4 // one int32 coefficient per sample
			}
		}
		if nf != 1 && nf != 3 || nf == 3 && hmax > 2 {
			// CMYK, RGB-transformed and unusual subsampling are converted
			// to a 4-byte-per-pixel image after decoding.
			cost += int64(cfg.Width) * int64(cfg.Height) * 4
		}
		return cost, nil
	}
}

// checkDecodable refuses, before decoding, an image whose decoding would
// take more than maxDecodeBytes.
func checkDecodable(r io.Reader, format string, cfg image.Config) error {
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("image has no pixels (%dx%d)", cfg.Width, cfg.Height)
	}
	cost, err := decodeCost(r, format, cfg)
	if err != nil {
		return err
	}
	if cost > maxDecodeBytes {
		px := int64(cfg.Width) * int64(cfg.Height)
		return &ImageTooLargeError{Width: cfg.Width, Height: cfg.Height, MaxPixels: px * maxDecodeBytes / cost}
	}
	return nil
}

// boxFactor is the integer factor a picture of long edge n is first
// averaged down by, so that the filter after it works on at most twice the
// target: 4000 -> 2000 for a 1600 target.
func boxFactor(n, target int) int {
	return max(n/target, 1)
}

// scaleDown returns img with its long edge at most maxEdge: an integer box
// average first (fast, and it is what removes aliasing), then a bilinear
// filter for the last factor below two. It never holds more than the
// source and two copies at most twice the target size, where a Catmull-Rom
// filter straight from 12 MP needs a 154 MB buffer. Transparent pixels are
// laid on white, as a PDF reader would show them on paper.
func scaleDown(img image.Image, maxEdge int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= maxEdge && h <= maxEdge {
		return onWhite(toRGBA(img))
	}
	var nw, nh int
	if w >= h {
		nw, nh = maxEdge, max(1, (h*maxEdge+w/2)/w)
	} else {
		nw, nh = max(1, (w*maxEdge+h/2)/h), maxEdge
	}
	if k := boxFactor(max(w, h), maxEdge); k > 1 {
		return onWhite(bilinear(boxDown(img, k), nw, nh))
	}
	dst := image.NewRGBA(image.Rect(0, 0, nw, nh))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return onWhite(dst)
}

// bilinear scales src down to nw×nh (by less than two, after boxDown) in
// 8-bit fixed point: x/image/draw's float version is three times slower.
func bilinear(src *image.RGBA, nw, nh int) *image.RGBA {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, nw, nh))
	cols := make([]tap, nw)
	for x := range cols {
		cols[x] = sample(x, nw, sw)
	}
	for y := range nh {
		r := sample(y, nh, sh)
		row0 := src.Pix[r.x0*src.Stride:]
		row1 := src.Pix[r.x1*src.Stride:]
		out := dst.Pix[y*dst.Stride:]
		fy := r.f
		for x, c := range cols {
			i0, i1, o := c.x0*4, c.x1*4, x*4
			for k := range 4 {
				top := int(row0[i0+k])*(256-c.f) + int(row0[i1+k])*c.f
				bot := int(row1[i0+k])*(256-c.f) + int(row1[i1+k])*c.f
				out[o+k] = uint8((top*(256-fy) + bot*fy + 1<<15) >> 16)
			}
		}
	}
	return dst
}

// tap is where an output pixel samples its source: the two source pixels
// around it and the weight of the second, in 1/256.
type tap struct{ x0, x1, f int }

// sample maps output pixel i of n onto a source of m pixels, pixel centres
// aligned.
func sample(i, n, m int) tap {
	// centre of i in source coordinates, in 1/256 of a pixel
	c := ((2*i+1)*m*256)/(2*n) - 128
	c = max(c, 0)
	x0 := min(c>>8, m-1)
	return tap{x0, min(x0+1, m-1), c & 255}
}

// boxDown averages k×k blocks of img (the last row and column of blocks
// may be partial) into a premultiplied RGBA image.
func boxDown(img image.Image, k int) *image.RGBA {
	if m, ok := img.(*image.YCbCr); ok && m.Rect.Min == (image.Point{}) {
		if hs, vs, ok := chromaShifts(m.SubsampleRatio); ok {
			return boxYCbCr(m, k, hs, vs)
		}
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	nw, nh := (w+k-1)/k, (h+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, nw, nh))
	row := make([]uint8, 4*w)
	sums := make([]uint32, 4*nw)
	for oy := range nh {
		clear(sums)
		y0, y1 := oy*k, min(oy*k+k, h)
		for y := y0; y < y1; y++ {
			rowRGBA(img, b.Min.Y+y, row)
			for x := range w {
				o, i := (x/k)*4, x*4
				sums[o] += uint32(row[i])
				sums[o+1] += uint32(row[i+1])
				sums[o+2] += uint32(row[i+2])
				sums[o+3] += uint32(row[i+3])
			}
		}
		out := dst.Pix[oy*dst.Stride:]
		for ox := range nw {
			n := uint32((min(ox*k+k, w) - ox*k) * (y1 - y0))
			for c := range 4 {
				out[ox*4+c] = uint8((sums[ox*4+c] + n/2) / n)
			}
		}
	}
	return dst
}

// chromaShifts returns how many bits a luma coordinate is shifted right by
// to give its chroma coordinate, across and down.
func chromaShifts(r image.YCbCrSubsampleRatio) (int, int, bool) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return 0, 0, true
	case image.YCbCrSubsampleRatio422:
		return 1, 0, true
	case image.YCbCrSubsampleRatio420:
		return 1, 1, true
	case image.YCbCrSubsampleRatio440:
		return 0, 1, true
	case image.YCbCrSubsampleRatio411:
		return 2, 0, true
	case image.YCbCrSubsampleRatio410:
		return 2, 1, true
	}
	return 0, 0, false
}

// boxYCbCr is boxDown for a decoded JPEG: it averages luma and chroma
// where they are stored and converts each output pixel to RGB once,
// instead of converting all 12 million source pixels (YCbCr to RGB is
// affine, so the two orders agree but for rounding).
func boxYCbCr(m *image.YCbCr, k, hs, vs int) *image.RGBA {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	nw, nh := (w+k-1)/k, (h+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, nw, nh))
	sy := make([]uint32, nw)
	sb := make([]uint32, nw)
	sr := make([]uint32, nw)
	for oy := range nh {
		clear(sy)
		clear(sb)
		clear(sr)
		y0, y1 := oy*k, min(oy*k+k, h)
		for y := y0; y < y1; y++ {
			yrow := m.Y[y*m.YStride : y*m.YStride+w]
			crow := (y >> vs) * m.CStride
			cb, cr := m.Cb[crow:], m.Cr[crow:]
			x := 0
			for ox := range nw {
				var a, b, c uint32
				for xe := min(x+k, w); x < xe; x++ {
					a += uint32(yrow[x])
					b += uint32(cb[x>>hs])
					c += uint32(cr[x>>hs])
				}
				sy[ox] += a
				sb[ox] += b
				sr[ox] += c
			}
		}
		out := dst.Pix[oy*dst.Stride:]
		for ox := range nw {
			n := uint32((min(ox*k+k, w) - ox*k) * (y1 - y0))
			r, g, bl := color.YCbCrToRGB(uint8((sy[ox]+n/2)/n), uint8((sb[ox]+n/2)/n), uint8((sr[ox]+n/2)/n))
			out[ox*4], out[ox*4+1], out[ox*4+2], out[ox*4+3] = r, g, bl, 0xFF
		}
	}
	return dst
}

// rowRGBA writes row y of img into dst as premultiplied RGBA, with fast
// paths for what image/jpeg and image/png return most often.
func rowRGBA(img image.Image, y int, dst []uint8) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.YCbCr:
		yi := m.YOffset(b.Min.X, y)
		for x := b.Min.X; x < b.Max.X; x++ {
			ci := m.COffset(x, y)
			r, g, bl := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
			i := (x - b.Min.X) * 4
			dst[i], dst[i+1], dst[i+2], dst[i+3] = r, g, bl, 0xFF
			yi++
		}
	case *image.RGBA:
		copy(dst, m.Pix[m.PixOffset(b.Min.X, y):])
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for i := 0; i < 4*b.Dx(); i += 4 {
			a := uint32(p[i+3])
			dst[i] = uint8((uint32(p[i])*a + 127) / 255)
			dst[i+1] = uint8((uint32(p[i+1])*a + 127) / 255)
			dst[i+2] = uint8((uint32(p[i+2])*a + 127) / 255)
			dst[i+3] = uint8(a)
		}
	case *image.Gray:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range b.Dx() {
			v := p[x]
			dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = v, v, v, 0xFF
		}
	default:
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			i := (x - b.Min.X) * 4
			dst[i], dst[i+1], dst[i+2], dst[i+3] = uint8(r>>8), uint8(g>>8), uint8(bl>>8), uint8(a>>8)
		}
	}
}

// onWhite lays a premultiplied image on a white background, in place.
func onWhite(m *image.RGBA) *image.RGBA {
	for y := range m.Rect.Dy() {
		p := m.Pix[y*m.Stride : y*m.Stride+4*m.Rect.Dx()]
		for i := 0; i < len(p); i += 4 {
			if a := p[i+3]; a != 0xFF {
				add := 0xFF - a
				p[i], p[i+1], p[i+2], p[i+3] = p[i]+add, p[i+1]+add, p[i+2]+add, 0xFF
			}
		}
	}
	return m
}

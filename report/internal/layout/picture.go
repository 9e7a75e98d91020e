package layout

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"

	"github.com/jung-kurt/gofpdf"
)

// JPEG is a picture for the document: a JPEG in grey or YCbCr, which PDF
// readers decode themselves (/DCTDecode), its size in pixels, and where its
// bytes are when the document is written.
type JPEG struct {
	Width, Height int
	Gray          bool
	// Path is the file holding the JPEG. It is read only when the document
	// is written, so a report of hundreds of photos never holds them all;
	// Size is its size now, and a file of another size then is an error.
	Path string
	Size int64
	// Data holds the JPEG instead, when there is no file.
	Data []byte
}

// size is the number of bytes the picture puts in the PDF.
func (j *JPEG) size() int64 {
	if j.Path != "" {
		return j.Size
	}
	return int64(len(j.Data))
}

// picture is a registered JPEG and the placeholder gofpdf holds for it.
type picture struct {
	jpeg        JPEG
	placeholder []byte
}

// AddJPEG registers pic under name; a name already registered keeps its
// picture. gofpdf gets a placeholder of a few dozen bytes with the
// picture's size and colour space, so it lays the picture out and refers to
// it as usual (and its buffer never holds the photos); Write puts the
// picture's bytes in the placeholder's place.
func (d *Doc) AddJPEG(name string, pic JPEG) error {
	if d.pics[name] != nil {
		return nil
	}
	switch {
	case pic.Width <= 0 || pic.Height <= 0 || pic.Width > 0xFFFF || pic.Height > 0xFFFF:
		return fmt.Errorf("layout: picture %s is %d×%d pixels", name, pic.Width, pic.Height)
	case pic.Path == "" && len(pic.Data) == 0, pic.Path != "" && pic.Size <= 0:
		return fmt.Errorf("layout: picture %s has no bytes", name)
	}
	pc := &picture{jpeg: pic, placeholder: placeholderJPEG(pic.Width, pic.Height, pic.Gray, len(d.picList), name)}
	d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(pc.placeholder))
	if err := d.pdf.Error(); err != nil {
		return err
	}
	d.pics[name] = pc
	d.picList = append(d.picList, pc)
	return nil
}

// HasImage reports whether a picture is registered under name.
func (d *Doc) HasImage(name string) bool { return d.pics[name] != nil }

// Image draws picture name into the box x, y, w, h (mm), turned rotate
// degrees counter-clockwise (0, 90, -90 or 180) about the box's centre:
// the stored picture is drawn centred at the box's size turned back, so
// that once turned it fills the box.
func (d *Doc) Image(name string, x, y, w, h, rotate float64) {
	p := d.pdf
	opt := gofpdf.ImageOptions{ImageType: "JPG"}
	if rotate == 0 {
		p.ImageOptions(name, x, y, w, h, false, opt, 0, "")
		return
	}
	cx, cy := x+w/2, y+h/2
	iw, ih := w, h
	if rotate != 180 {
		iw, ih = h, w
	}
	p.TransformBegin()
	p.TransformRotate(rotate, cx, cy)
	p.ImageOptions(name, cx-iw/2, cy-ih/2, iw, ih, false, opt, 0, "")
	p.TransformEnd()
}

// placeholderJPEG is the smallest JPEG that gofpdf (image/jpeg's
// DecodeConfig) reads as a w×h picture in grey or YCbCr: SOI, a JFIF
// marker, a comment naming the picture (so each placeholder is unique and
// the same input gives the same PDF), the frame header, EOI. Bytes 0xFF
// never occur in UTF-8 text, so no text of the report can look like it.
func placeholderJPEG(w, h int, gray bool, index int, name string) []byte {
	b := []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	comment := "assay layout picture " + strconv.Itoa(index) + " " + name
	if len(comment) > 1000 {
		comment = comment[:1000]
	}
	b = append(b, 0xFF, 0xFE)
	b = binary.BigEndian.AppendUint16(b, uint16(2+len(comment)))
	b = append(b, comment...)
	comps := 3
	if gray {
		comps = 1
	}
	b = append(b, 0xFF, 0xC0)
	b = binary.BigEndian.AppendUint16(b, uint16(8+3*comps))
	b = append(b, 8)
	b = binary.BigEndian.AppendUint16(b, uint16(h))
	b = binary.BigEndian.AppendUint16(b, uint16(w))
	b = append(b, byte(comps))
	for c := 1; c <= comps; c++ {
		b = append(b, byte(c), 0x11, 0)
	}
	return append(b, 0xFF, 0xD9)
}

// errChanged is a picture's file that is not the size it was when it was
// registered.
var errChanged = errors.New("changed while the report was being written")

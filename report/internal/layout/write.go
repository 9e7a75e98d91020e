package layout

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/assay-dev/assay/standards/safefile"
)

// Write finishes the document and writes the PDF to w as it goes: gofpdf's
// output, with each picture's bytes (read from its file now, never held
// whole) in place of its placeholder, /Lang in the catalog, and the
// cross-reference table moved to match. After Write the document is
// closed.
func (d *Doc) Write(w io.Writer) error {
	var body bytes.Buffer
	if err := d.pdf.Output(&body); err != nil {
		return err
	}
	pdf := body.Bytes()
	x, err := readXref(pdf)
	if err != nil {
		return err
	}
	var edits []edit
	for _, pc := range d.picList {
		e, err := pictureEdit(pdf[:x.at], pc)
		if err != nil {
			return err
		}
		edits = append(edits, e)
	}
	if e, ok := langEdit(pdf[:x.at], d.lang); ok {
		edits = append(edits, e)
	}
	pages, err := pageEdits(pdf[:x.at], x.offsets)
	if err != nil {
		return err
	}
	edits = append(edits, pages...)
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })

	// Where every object moves: by the growth of the edits before it.
	grown := make([]int, len(edits)+1) // grown[k]: of the first k edits
	for k, e := range edits {
		grown[k+1] = grown[k] + e.grow()
	}
	moved := func(off int) int {
		k, _ := slices.BinarySearchFunc(edits, off, func(e edit, off int) int { return e.at - off })
		return off + grown[k]
	}
	ew := &errWriter{w: w}
	pos := 0
	for _, e := range edits {
		ew.write(pdf[pos:e.at])
		ew.write(e.head)
		if e.pic != nil && ew.err == nil {
			ew.err = e.pic.copyTo(ew.w)
		}
		pos = e.end
	}
	ew.write(pdf[pos:x.at])
	var xref []byte
	xref = fmt.Appendf(xref, "xref\n0 %d\n", len(x.offsets))
	for i, off := range x.offsets {
		if i == 0 {
			xref = append(xref, "0000000000 65535 f \n"...)
			continue
		}
		xref = fmt.Appendf(xref, "%010d 00000 n \n", moved(off))
	}
	ew.write(xref)
	ew.write(x.trailer)
	ew.write(fmt.Appendf(nil, "startxref\n%d\n%%%%EOF\n", moved(x.at)))
	return ew.err
}

// edit replaces pdf[at:end] by head and, for a picture, the picture's
// bytes.
type edit struct {
	at, end int
	head    []byte
	pic     *picture
}

// grow is how many bytes longer the edit makes the file.
func (e edit) grow() int {
	n := len(e.head) - (e.end - e.at)
	if e.pic != nil {
		n += int(e.pic.jpeg.size())
	}
	return n
}

// pictureEdit finds a picture's placeholder in gofpdf's output, exactly
// once and in its image object's stream, and replaces the stream's length
// and data.
func pictureEdit(body []byte, pc *picture) (edit, error) {
	ph := pc.placeholder
	i := bytes.Index(body, ph)
	head := fmt.Appendf(nil, "/Length %d>>\nstream\n", len(ph))
	if i < len(head) || bytes.Contains(body[i+1:], ph) || !bytes.Equal(body[i-len(head):i], head) ||
		!bytes.HasPrefix(body[i+len(ph):], []byte("\nendstream\n")) {
		return edit{}, errors.New("layout: a picture's placeholder is not where gofpdf puts images")
	}
	return edit{at: i - len(head), end: i + len(ph), head: fmt.Appendf(nil, "/Length %d>>\nstream\n", pc.jpeg.size()), pic: pc}, nil
}

// pageEdits compresses the content stream of every page, which gofpdf
// wrote uncompressed (see New), as gofpdf would have: zlib at its best
// speed, "<</Filter /FlateDecode /Length N>>", but with one zlib writer
// for the whole document. gofpdf writes a page as "/Contents N 0 R>>" and
// object N as "N 0 obj", "<</Length L>>", the stream.
func pageEdits(body []byte, offsets []int) ([]edit, error) {
	var out []edit
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	done := map[int]bool{}
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("/Contents "))
		if j < 0 {
			return out, nil
		}
		i += j + len("/Contents ")
		k := bytes.Index(body[i:], []byte(" 0 R>>"))
		nr, err := strconv.Atoi(string(body[i : i+max(k, 0)]))
		if k < 0 || err != nil || nr <= 0 || nr >= len(offsets) {
			return nil, errors.New("layout: a page's contents are not where gofpdf puts them")
		}
		if done[nr] {
			continue
		}
		done[nr] = true
		at := offsets[nr]
		head := fmt.Sprintf("%d 0 obj\n<</Length ", nr)
		if !bytes.HasPrefix(body[at:], []byte(head)) {
			return nil, errors.New("layout: a page's contents are not where gofpdf puts them")
		}
		s := at + len(head)
		e := bytes.Index(body[s:], []byte(">>\nstream\n"))
		n, err := strconv.Atoi(string(body[s : s+max(e, 0)]))
		data := s + e + len(">>\nstream\n")
		if e < 0 || err != nil || n < 0 || data+n > len(body) || !bytes.HasPrefix(body[data+n:], []byte("\nendstream\n")) {
			return nil, errors.New("layout: a page's contents are not where gofpdf puts them")
		}
		buf.Reset()
		zw.Reset(&buf)
		zw.Write(body[data : data+n])
		zw.Close()
		compressed := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len())
		out = append(out, edit{at: at + len(fmt.Sprintf("%d 0 obj\n", nr)), end: data + n, head: append(compressed, buf.Bytes()...)})
	}
}

// langEdit adds /Lang to the document catalog, which gofpdf cannot do.
// gofpdf writes the catalog as the last object; a tag that is not plain
// letters, digits and hyphens is left out.
func langEdit(body []byte, lang string) (edit, bool) {
	if lang == "" || len(lang) > 35 || !isTag(lang) {
		return edit{}, false
	}
	const key = "/Type /Catalog"
	at := bytes.LastIndex(body, []byte(key))
	if at < 0 || bytes.Count(body[at:], []byte("endobj")) != 1 {
		return edit{}, false
	}
	at += len(key)
	return edit{at: at, end: at, head: []byte("\n/Lang (" + lang + ")")}, true
}

func isTag(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// xrefTable is gofpdf's cross-reference table: where it starts, the
// offset of each object (index 0 is the free head) and the trailer up to
// startxref.
type xrefTable struct {
	at      int
	offsets []int
	trailer []byte
}

// readXref reads the table gofpdf writes: "xref", "0 N", N entries of 20
// bytes, "trailer" … then "startxref N %%EOF". gofpdf is pinned; anything
// else is a programming error, reported rather than guessed at.
func readXref(pdf []byte) (xrefTable, error) {
	bad := errors.New("layout: gofpdf's output does not end as expected")
	s := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if s < 0 {
		return xrefTable{}, bad
	}
	rest := pdf[s+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || string(rest[nl:]) != "\n%%EOF\n" {
		return xrefTable{}, bad
	}
	at, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || at < 0 || at >= s || !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		return xrefTable{}, bad
	}
	i := at + len("xref\n0 ")
	nl = bytes.IndexByte(pdf[i:], '\n')
	n, err := strconv.Atoi(string(pdf[i : i+max(nl, 0)]))
	if nl < 0 || err != nil || n < 1 {
		return xrefTable{}, bad
	}
	i += nl + 1
	if i+20*n > s {
		return xrefTable{}, bad
	}
	x := xrefTable{at: at, offsets: make([]int, n)}
	for k := range n {
		e := pdf[i+20*k : i+20*k+20]
		if k == 0 {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off >= at {
			return xrefTable{}, bad
		}
		x.offsets[k] = off
	}
	x.trailer = pdf[i+20*n : s+1]
	if !bytes.HasPrefix(x.trailer, []byte("trailer\n")) {
		return xrefTable{}, bad
	}
	return x, nil
}

// copyTo writes the picture's bytes: from its file, which must still be
// the size it was, or from memory.
func (pc *picture) copyTo(w io.Writer) error {
	j := &pc.jpeg
	if j.Path == "" {
		_, err := w.Write(j.Data)
		return err
	}
	f, st, err := safefile.Open(j.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	if st.Size() != j.Size {
		return fmt.Errorf("%s: %w", j.Path, errChanged)
	}
	n, err := io.CopyN(w, f, j.Size)
	if err != nil && err != io.EOF {
		return err // a write (or read) error, the caller's to word
	}
	if n != j.Size {
		return fmt.Errorf("%s: %w", j.Path, errChanged)
	}
	return nil
}

// errWriter keeps the first write error and skips the writes after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) write(b []byte) {
	if ew.err == nil {
		_, ew.err = ew.w.Write(b)
	}
}

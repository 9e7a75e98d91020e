package pdfsign

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sort"
)

// The document model the verifier works on: every revision (each %%EOF with
// its cross-reference section and trailer, following /Prev), the objects
// each revision's cross-reference names, and the view of the document as
// of each revision.

// Limits that keep a crafted file from costing more than a real report.
const (
	maxSections     = 256 // revisions; each keeps a view of the whole document
	maxObjects      = 1 << 20
	maxViewEntries  = 1 << 20 // all revisions' views together
	maxDecodedBytes = 64 << 20
	// maxDecodedTotal bounds all streams decoded for one file: object
	// streams stay cached, and a few kilobytes of deflate each expand to
	// maxDecodedBytes (eight took 860 MB).
	maxDecodedTotal = 128 << 20
	maxObjStmCount  = 1 << 16
)

// xentry is one cross-reference entry.
type xentry struct {
	kind byte // 'n' in use at off, 'f' free, 'c' compressed (off: object stream, gen: index)
	off  int
	gen  int
}

// section is one cross-reference section (a table or a stream) with its
// trailer.
type section struct {
	at      int  // offset of "xref" or of the xref stream object
	stream  bool // a cross-reference stream
	hybrid  bool // a table whose trailer has /XRefStm
	entries map[int]xentry
	trailer dict
	bodyEnd int // after the trailer dictionary or the stream's "endobj"
	eofEnd  int // after the "%%EOF" that follows, -1 when none follows
	end     int // eofEnd plus one end-of-line marker
	chain   int // position in the /Prev chain, 0 = newest
	rev     int // index of the revision it belongs to
}

// revision is a span of the file ending in %%EOF.
type revision struct {
	start, end int
	sections   []*section // newest first
	view       map[int]xentry
	trailer    dict // the newest section's trailer
}

// object is one indirect object.
type object struct {
	nr, gen            int
	v                  value
	isStream           bool
	start, end         int    // "N G obj" … "endobj"; -1 for a compressed object
	dataStart, dataEnd int    // stream data span in the file
	data               []byte // nil when lazy
	lazy               bool   // data is read from the file when needed (see document.data)
	objStm             int    // the object stream holding it, 0 if none
}

// document is a parsed PDF.
type document struct {
	src      *source
	chain    []*section // newest first
	revs     []*revision
	eofEnd   int // end of the last usable %%EOF (plus EOL)
	objs     map[int]*object
	objErrs  map[int]error
	objStms  map[int]*objStream
	decoded  int          // bytes decoded so far, at most maxDecodedTotal
	lastXref int          // value of the final startxref
	reading  map[int]bool // offsets being parsed (an indirect /Length loop)
}

type objStream struct {
	offsets map[int]int // object number -> offset in data
	order   []int
	data    []byte
	first   int
	err     error
}

var (
	errNoXref     = errors.New("no cross-reference section found")
	errBadXref    = errors.New("malformed cross-reference section")
	errBadObject  = errors.New("malformed object")
	errTooLarge   = errors.New("limit exceeded")
	errBadFilter  = errors.New("unsupported stream filter")
	errXrefLoop   = errors.New("cross-reference /Prev loop")
	errWrongObjNr = errors.New("object number does not match its cross-reference entry")
)

// loadDocument reads the revisions of the PDF in src. It fails only when
// no cross-reference chain can be read at all.
func loadDocument(src *source) (*document, error) {
	d := &document{src: src, objs: map[int]*object{}, objErrs: map[int]error{}, objStms: map[int]*objStream{}, reading: map[int]bool{}}
	start, eofEnd, ok := d.lastStartxref()
	if !ok {
		return nil, errNoXref
	}
	d.eofEnd, d.lastXref = eofEnd, start
	seen := map[int]bool{}
	for off := start; ; {
		if seen[off] {
			return nil, errXrefLoop
		}
		if len(d.chain) >= maxSections {
			return nil, errTooLarge
		}
		seen[off] = true
		s, err := d.readSection(off)
		if err != nil {
			return nil, err
		}
		s.chain = len(d.chain)
		d.chain = append(d.chain, s)
		prev, ok := s.trailer["Prev"]
		if !ok {
			break
		}
		p, ok := intValue(prev.v)
		if !ok || p < 0 || p >= src.size {
			return nil, errBadXref
		}
		off = p
	}
	if err := d.groupRevisions(); err != nil {
		return nil, err
	}
	return d, nil
}

// skippedRevisions counts "startxref N %%EOF" markers whose N names no
// section of the chain: a revision left out of the document's history (an
// update whose /Prev jumps over it). N = 0 is left alone (linearized files
// write it).
func (d *document) skippedRevisions() int {
	inChain := map[int]bool{}
	for _, s := range d.chain {
		inChain[s.at] = true
	}
	n := 0
	d.src.each([]byte("%%EOF"), func(at int) bool {
		if x, ok := d.startxrefBefore(at); ok && x > 0 && !inChain[x] {
			n++
		}
		return true
	})
	return n
}

// startxrefBefore is startxrefBefore on the file.
func (d *document) startxrefBefore(at int) (n int, ok bool) {
	d.src.before(at, func(b []byte, i int) int {
		var low int
		n, ok, low = startxrefBefore(b, i)
		return low
	})
	return n, ok
}

// lastStartxref is lastStartxref on the file: in memory on all of it, from
// a file on a window at its end that grows until the answer cannot depend
// on the bytes before it.
func (d *document) lastStartxref() (xref, end int, ok bool) {
	s := d.src
	if s.inMemory() {
		xref, end, ok, _ = lastStartxref(s.mem, len(s.mem), false)
		return xref, end, ok
	}
	for n := firstWindow; ; n *= 4 {
		from := max(0, s.size-n)
		b := s.slice(from, s.size)
		xref, end, ok, low := lastStartxref(b, len(b), from > 0)
		if low > 0 || from == 0 || s.err != nil {
			return xref, from + end, ok
		}
	}
}

// lastStartxref finds the last "startxref N %%EOF" ending at or before
// limit and returns N and the offset after %%EOF and its end-of-line. In a
// partial window (the end of a file) it stops at the first %%EOF (from the
// end) whose startxref may lie before pdf[0] (low is then 0), so that the
// window can be grown.
func lastStartxref(pdf []byte, limit int, partial bool) (xref, end int, ok bool, low int) {
	for limit > 0 {
		i := bytes.LastIndex(pdf[:limit], []byte("%%EOF"))
		if i < 0 {
			return 0, 0, false, 0
		}
		n, ok, low := startxrefBefore(pdf, i)
		if ok {
			return n, eolAfter(pdf, i+5), true, low
		}
		if partial && low == 0 {
			return 0, 0, false, 0
		}
		limit = i
	}
	return 0, 0, false, 0
}

// startxrefBefore reads "startxref <digits>" right before offset at (white
// space between). low is the lowest index it read, 0 when it may have
// wanted a byte before pdf[0].
func startxrefBefore(pdf []byte, at int) (n int, ok bool, low int) {
	j := at
	for j > 0 && isWhite(pdf[j-1]) {
		j--
	}
	k := j
	for k > 0 && pdf[k-1] >= '0' && pdf[k-1] <= '9' {
		k--
	}
	if k == j || j-k > 10 {
		return 0, false, max(k-1, 0)
	}
	n, _ = uintToken(token(pdf[k:j]))
	m := k
	for m > 0 && isWhite(pdf[m-1]) {
		m--
	}
	if m == k || m < 9 || !bytes.Equal(pdf[m-9:m], []byte("startxref")) {
		return 0, false, max(m-9, 0)
	}
	if m-9 > 0 && !isDelim(pdf[m-10]) {
		return 0, false, m - 10
	}
	return n, true, max(m-10, 0)
}

// eolAfter returns i moved past one end-of-line marker, if any.
func eolAfter(b []byte, i int) int {
	switch {
	case i+1 < len(b) && b[i] == '\r' && b[i+1] == '\n':
		return i + 2
	case i < len(b) && (b[i] == '\n' || b[i] == '\r'):
		return i + 1
	}
	return i
}

// readSection reads the cross-reference section at off.
func (d *document) readSection(off int) (*section, error) {
	if off < 0 || off >= d.src.size {
		return nil, errBadXref
	}
	var s *section
	var err error
	if head, base := d.src.window(off, 4); bytes.HasPrefix(head[off-base:], []byte("xref")) {
		base, err = d.src.within(off, func(b []byte, i int) (int, error) {
			var err error
			if s, err = parseXrefTable(b, i, false); err != nil {
				return i, err
			}
			return s.bodyEnd, nil
		})
		if err == nil {
			s.shift(base)
			if x, ok := s.trailer["XRefStm"]; ok {
				// A hybrid file: the table's entries win over the stream's.
				s.hybrid = true
				if p, ok := intValue(x.v); ok {
					if xs, err := d.parseXrefStream(p); err == nil {
						for nr, e := range xs.entries {
							if _, ok := s.entries[nr]; !ok {
								s.entries[nr] = e
							}
						}
					}
				}
			}
		}
	} else {
		s, err = d.parseXrefStream(off)
	}
	if err != nil {
		return nil, err
	}
	s.eofEnd, s.end = -1, -1
	base, _ := d.src.within(s.bodyEnd, func(b []byte, i int) (int, error) {
		s.eofEnd, s.end = -1, -1
		i = skipSpace(b, i)
		if !bytes.HasPrefix(b[i:], []byte("startxref")) {
			return i, errBadXref
		}
		j := skipSpace(b, i+9)
		k := j
		for k < len(b) && b[k] >= '0' && b[k] <= '9' {
			k++
		}
		m := skipSpace(b, k)
		if k > j && bytes.HasPrefix(b[m:], []byte("%%EOF")) {
			s.eofEnd = m + 5
			s.end = eolAfter(b, s.eofEnd)
			return s.end, nil
		}
		return m, errBadXref
	})
	if s.eofEnd >= 0 {
		s.eofEnd += base
		s.end += base
	}
	return s, nil
}

// shift moves the section's offsets by base (from a window of a file to
// the file).
func (s *section) shift(base int) {
	if base == 0 {
		return
	}
	s.at += base
	s.bodyEnd += base
	shiftDict(s.trailer, base)
}

// parseXrefTable reads "xref … trailer <<…>>" at off. Strict demands the
// exact 20-byte entries of ISO 32000 and nothing but white space between the
// parts.
func parseXrefTable(b []byte, off int, strict bool) (*section, error) {
	s := &section{at: off, entries: map[int]xentry{}}
	i := off + 4
	i = eolOrSpace(b, i, strict)
	if i < 0 {
		return nil, errBadXref
	}
	for {
		if strict {
			i = skipSpace(b, i)
		} else {
			i = skipWhite(b, i)
		}
		if bytes.HasPrefix(b[i:], []byte("trailer")) {
			break
		}
		first, j, ok := readUint(b, i)
		if !ok || j >= len(b) || b[j] != ' ' {
			return nil, errBadXref
		}
		count, k, ok := readUint(b, j+1)
		if !ok {
			return nil, errBadXref
		}
		k = eolOrSpace(b, k, strict)
		if k < 0 || count > maxObjects || first > maxObjects {
			return nil, errBadXref
		}
		for n := 0; n < count; n++ {
			e, next, ok := xrefEntry(b, k, strict)
			if !ok {
				return nil, errBadXref
			}
			if _, dup := s.entries[first+n]; dup {
				return nil, errBadXref
			}
			s.entries[first+n] = e
			k = next
		}
		i = k
	}
	i += len("trailer")
	t, end, err := parseDict(b, i, 0)
	if err != nil {
		return nil, errBadXref
	}
	if strict {
		if j := skipSpace(b, i); j != skipWhite(b, i) {
			return nil, errBadXref
		}
	}
	s.trailer, s.bodyEnd = t, end
	return s, nil
}

// eolOrSpace expects an end-of-line after a keyword or a subsection header
// (strict), or any white space.
func eolOrSpace(b []byte, i int, strict bool) int {
	if !strict {
		j := skipSpace(b, i)
		if j == i {
			return -1
		}
		return j
	}
	j := i
	for j < len(b) && b[j] == ' ' {
		j++
	}
	k := eolAfter(b, j)
	if k == j {
		return -1
	}
	return k
}

// readUint reads decimal digits at b[i:].
func readUint(b []byte, i int) (int, int, bool) {
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == i || j-i > 10 {
		return 0, i, false
	}
	n, _ := uintToken(token(b[i:j]))
	return n, j, true
}

// xrefEntry reads one "oooooooooo ggggg n" entry.
func xrefEntry(b []byte, i int, strict bool) (xentry, int, bool) {
	if strict {
		if i+20 > len(b) {
			return xentry{}, i, false
		}
		e := b[i : i+20]
		for k, c := range e[:18] {
			switch {
			case k == 10 || k == 16:
				if c != ' ' {
					return xentry{}, i, false
				}
			case k == 17:
				if c != 'n' && c != 'f' {
					return xentry{}, i, false
				}
			default:
				if c < '0' || c > '9' {
					return xentry{}, i, false
				}
			}
		}
		if tail := string(e[18:]); tail != " \n" && tail != " \r" && tail != "\r\n" {
			return xentry{}, i, false
		}
		off, _ := uintToken(token(e[:10]))
		gen, _ := uintToken(token(e[11:16]))
		return xentry{kind: e[17], off: off, gen: gen}, i + 20, true
	}
	i = skipSpace(b, i)
	off, j, ok := readUint(b, i)
	if !ok || j >= len(b) || b[j] != ' ' {
		return xentry{}, i, false
	}
	gen, k, ok := readUint(b, j+1)
	if !ok || k+1 >= len(b) || b[k] != ' ' || (b[k+1] != 'n' && b[k+1] != 'f') {
		return xentry{}, i, false
	}
	m := k + 2
	for m < len(b) && (b[m] == ' ' || b[m] == '\r' || b[m] == '\n') && m < k+4 {
		m++
	}
	return xentry{kind: b[k+1], off: off, gen: gen}, m, true
}

// parseXrefStream reads a cross-reference stream object at off.
func (d *document) parseXrefStream(off int) (*section, error) {
	o, err := d.parseObject(off, false, nil)
	if err != nil || !o.isStream {
		return nil, errBadXref
	}
	dd, _ := o.v.(dict)
	if dd.name("Type") != "XRef" {
		return nil, errBadXref
	}
	data, err := d.decode(dd, d.data(o))
	if err != nil {
		return nil, errBadXref
	}
	w, ok := dd["W"].v.([]value)
	if !ok || len(w) != 3 {
		return nil, errBadXref
	}
	var widths [3]int
	row := 0
	for i, x := range w {
		n, ok := intValue(x)
		if !ok || n < 0 || n > 8 {
			return nil, errBadXref
		}
		widths[i] = n
		row += n
	}
	size, ok := intValue(dd["Size"].v)
	if !ok || size < 0 || size > maxObjects || row == 0 {
		return nil, errBadXref
	}
	index := []int{0, size}
	if ix, ok := dd["Index"].v.([]value); ok {
		index = index[:0]
		for _, x := range ix {
			n, ok := intValue(x)
			if !ok || n < 0 || n > maxObjects {
				return nil, errBadXref
			}
			index = append(index, n)
		}
		if len(index)%2 != 0 {
			return nil, errBadXref
		}
	}
	s := &section{at: off, stream: true, entries: map[int]xentry{}, trailer: dd, bodyEnd: o.end}
	pos := 0
	field := func(k int) int {
		n := 0
		for i := 0; i < widths[k]; i++ {
			n = n<<8 | int(data[pos])
			pos++
		}
		return n
	}
	for i := 0; i < len(index); i += 2 {
		for n := 0; n < index[i+1]; n++ {
			if pos+row > len(data) {
				return nil, errBadXref
			}
			typ := 1
			if widths[0] > 0 {
				typ = field(0)
			}
			a, b := field(1), field(2)
			nr := index[i] + n
			switch typ {
			case 0:
				s.entries[nr] = xentry{kind: 'f', off: a, gen: b}
			case 1:
				s.entries[nr] = xentry{kind: 'n', off: a, gen: b}
			case 2:
				s.entries[nr] = xentry{kind: 'c', off: a, gen: b}
			}
		}
	}
	return s, nil
}

// groupRevisions sorts the sections by offset into revisions, each ending
// at a %%EOF, and builds every revision's view of the document. The views
// together may hold at most maxViewEntries: many revisions over many
// objects would otherwise cost memory and time by their product (a 9 MB
// file of 200,000 objects and 250 empty updates took 3.6 GB).
func (d *document) groupRevisions() error {
	byOff := append([]*section(nil), d.chain...)
	sort.Slice(byOff, func(i, j int) bool { return byOff[i].at < byOff[j].at })
	var cur *revision
	start := 0
	for _, s := range byOff {
		if cur == nil {
			cur = &revision{start: start}
		}
		cur.sections = append(cur.sections, s)
		s.rev = len(d.revs)
		if s.eofEnd >= 0 {
			cur.end = s.end
			start = s.end
			d.revs = append(d.revs, cur)
			cur = nil
		}
	}
	if cur != nil {
		cur.end = d.src.size
		d.revs = append(d.revs, cur)
	}
	total := 0
	for ri, r := range d.revs {
		sort.Slice(r.sections, func(i, j int) bool { return r.sections[i].chain < r.sections[j].chain })
		r.trailer = r.sections[0].trailer
		// Sections of this revision and earlier, oldest first in the chain.
		var ss []*section
		for _, s := range d.chain {
			if s.rev <= ri {
				ss = append(ss, s)
			}
		}
		for _, s := range ss {
			if total += len(s.entries); total > maxViewEntries {
				return errTooLarge
			}
		}
		view := map[int]xentry{}
		for i := len(ss) - 1; i >= 0; i-- {
			for nr, e := range ss[i].entries {
				view[nr] = e
			}
		}
		r.view = view
	}
	return nil
}

// last is the document's newest revision.
func (d *document) last() *revision { return d.revs[len(d.revs)-1] }

// object returns object nr as revision r sees it, nil when it is free,
// missing or unreadable.
func (d *document) object(r *revision, nr int) *object {
	e, ok := r.view[nr]
	if !ok {
		return nil
	}
	o, _ := d.objectAt(r, nr, e)
	return o
}

// objectAt reads the object an entry points to.
func (d *document) objectAt(r *revision, nr int, e xentry) (*object, error) {
	switch e.kind {
	case 'n':
		if o, ok := d.objs[e.off]; ok {
			if o.nr != nr || o.gen != e.gen {
				return nil, errWrongObjNr
			}
			return o, nil
		}
		if err, ok := d.objErrs[e.off]; ok {
			return nil, err
		}
		if d.reading[e.off] {
			return nil, errBadObject
		}
		d.reading[e.off] = true
		defer delete(d.reading, e.off)
		o, err := d.parseObject(e.off, false, func(v value) (int, bool) {
			rr, ok := v.(ref)
			if !ok || rr.nr == nr {
				return 0, false
			}
			lo := d.object(r, rr.nr)
			if lo == nil || lo.isStream {
				return 0, false
			}
			return intValue(lo.v)
		})
		if err != nil {
			d.objErrs[e.off] = err
			return nil, err
		}
		d.objs[e.off] = o
		if o.nr != nr || o.gen != e.gen {
			return nil, errWrongObjNr
		}
		return o, nil
	case 'c':
		st := d.objStm(r, e.off)
		if st.err != nil {
			return nil, st.err
		}
		at, ok := st.offsets[nr]
		if !ok || e.gen >= len(st.order) || st.order[e.gen] != nr {
			return nil, errWrongObjNr
		}
		v, _, err := parseValue(st.data, st.first+at, 0)
		if err != nil {
			return nil, errBadObject
		}
		return &object{nr: nr, v: v, start: -1, end: -1, objStm: e.off}, nil
	}
	return nil, nil
}

// objStm decodes object stream nr (cached).
func (d *document) objStm(r *revision, nr int) *objStream {
	if st, ok := d.objStms[nr]; ok {
		return st
	}
	st := &objStream{}
	d.objStms[nr] = st
	e, ok := r.view[nr]
	if !ok || e.kind != 'n' {
		st.err = errBadObject
		return st
	}
	o, err := d.objectAt(r, nr, e)
	if err != nil || o == nil || !o.isStream {
		st.err = errBadObject
		return st
	}
	dd, _ := o.v.(dict)
	n, ok1 := intValue(dd["N"].v)
	first, ok2 := intValue(dd["First"].v)
	if dd.name("Type") != "ObjStm" || !ok1 || !ok2 || n < 0 || n > maxObjStmCount || first < 0 {
		st.err = errBadObject
		return st
	}
	data, err := d.decode(dd, d.data(o))
	if err != nil || first > len(data) {
		st.err = errBadObject
		return st
	}
	st.data, st.first, st.offsets = data, first, map[int]int{}
	i := 0
	for k := 0; k < n; k++ {
		var objNr, at int
		var ok bool
		i = skipWhite(data[:first], i)
		if objNr, i, ok = readUint(data[:first], i); !ok {
			st.err = errBadObject
			return st
		}
		i = skipWhite(data[:first], i)
		if at, i, ok = readUint(data[:first], i); !ok || first+at > len(data) {
			st.err = errBadObject
			return st
		}
		st.offsets[objNr] = at
		st.order = append(st.order, objNr)
	}
	return st
}

// resolve follows a reference (one level at a time, bounded) in revision r.
func (d *document) resolve(r *revision, v value) value {
	for i := 0; i < 8; i++ {
		rr, ok := v.(ref)
		if !ok {
			return v
		}
		o := d.object(r, rr.nr)
		if o == nil || o.gen != rr.gen {
			return nil
		}
		v = o.v
	}
	return nil
}

// dictOf resolves v to a dictionary (nil when it is not one).
func (d *document) dictOf(r *revision, v value) dict {
	dd, _ := d.resolve(r, v).(dict)
	return dd
}

// arrayOf resolves v to an array.
func (d *document) arrayOf(r *revision, v value) []value {
	a, _ := d.resolve(r, v).([]value)
	return a
}

// catalog returns revision r's document catalog.
func (d *document) catalog(r *revision) dict {
	return d.dictOf(r, r.trailer["Root"].v)
}

// parseObjectAt reads "N G obj … endobj" at off. length resolves an
// indirect stream /Length; strict (for revisions added after signing)
// wants the object to start exactly at off, a direct /Length and plain
// white space around the keywords.
func parseObjectAt(b []byte, off int, strict bool, length func(value) (int, bool)) (*object, error) {
	o, k, err := parseObjectHead(b, off, strict)
	if err != nil || !o.isStream {
		return o, err
	}
	n, ok := streamLength(o, strict, length)
	if !ok || n < 0 || k+n > len(b) {
		return nil, errBadObject
	}
	o.dataStart, o.dataEnd, o.data = k, k+n, b[k:k+n]
	if o.end, err = streamTail(b, k+n, strict); err != nil {
		return nil, err
	}
	return o, nil
}

// parseObjectHead reads "N G obj" and the value after it. For a stream it
// returns the offset of the data (after "stream" and its end of line); for
// anything else the object is complete, up to "endobj".
func parseObjectHead(b []byte, off int, strict bool) (*object, int, error) {
	if off < 0 || off >= len(b) {
		return nil, 0, errBadObject
	}
	i := off
	if !strict {
		i = skipWhite(b, i)
	}
	nr, i, ok := readUint(b, i)
	if !ok || i >= len(b) || !isWhite(b[i]) {
		return nil, 0, errBadObject
	}
	i = skipSpace(b, i)
	gen, i, ok := readUint(b, i)
	if !ok || i >= len(b) || !isWhite(b[i]) || gen > 65535 {
		return nil, 0, errBadObject
	}
	i = skipSpace(b, i)
	if !bytes.HasPrefix(b[i:], []byte("obj")) || (i+3 < len(b) && !isDelim(b[i+3])) {
		return nil, 0, errBadObject
	}
	o := &object{nr: nr, gen: gen, start: off}
	v, j, err := parseValue(b, i+3, 0)
	if err != nil {
		return nil, 0, errBadObject
	}
	if r, j2, ok := asRef(b, v, j); ok {
		v, j = r, j2
	}
	o.v = v
	if strict {
		j = skipSpace(b, j)
	} else {
		j = skipWhite(b, j)
	}
	if bytes.HasPrefix(b[j:], []byte("stream")) {
		if _, ok := v.(dict); !ok {
			return nil, 0, errBadObject
		}
		k := j + 6
		switch {
		case bytes.HasPrefix(b[k:], []byte("\r\n")):
			k += 2
		case k < len(b) && b[k] == '\n':
			k++
		case !strict && k < len(b) && b[k] == '\r':
			k++
		default:
			return nil, 0, errBadObject
		}
		o.isStream = true
		return o, k, nil
	}
	if o.end, err = endobj(b, j); err != nil {
		return nil, 0, err
	}
	return o, 0, nil
}

// streamLength is a stream's /Length: direct, or (unless strict) through
// length for an indirect one.
func streamLength(o *object, strict bool, length func(value) (int, bool)) (int, bool) {
	dd, _ := o.v.(dict)
	n, ok := intValue(dd["Length"].v)
	if !ok && !strict && length != nil {
		n, ok = length(dd["Length"].v)
	}
	return n, ok
}

// streamTail reads "endstream … endobj" after a stream's data, which ends
// at at; it returns the offset after "endobj".
func streamTail(b []byte, at int, strict bool) (int, error) {
	m := eolAfter(b, at)
	if !strict {
		m = skipSpace(b, m)
	}
	if !bytes.HasPrefix(b[m:], []byte("endstream")) {
		return 0, errBadObject
	}
	j := m + 9
	if strict {
		j = skipSpace(b, j)
	} else {
		j = skipWhite(b, j)
	}
	return endobj(b, j)
}

// endobj expects the keyword endobj at j and returns the offset after it.
func endobj(b []byte, j int) (int, error) {
	if !bytes.HasPrefix(b[j:], []byte("endobj")) || (j+6 < len(b) && !isDelim(b[j+6])) {
		return 0, errBadObject
	}
	return j + 6, nil
}

// parseObject is parseObjectAt on the file: in memory at once, from a file
// on windows (the object's head, then the end of its stream), leaving the
// stream data on disk until data asks for it.
func (d *document) parseObject(off int, strict bool, length func(value) (int, bool)) (*object, error) {
	src := d.src
	if src.inMemory() {
		return parseObjectAt(src.mem, off, strict, length)
	}
	if off < 0 || off >= src.size {
		return nil, errBadObject
	}
	var o *object
	var k int
	var win []byte
	base, err := src.within(off, func(b []byte, i int) (int, error) {
		var err error
		if o, k, err = parseObjectHead(b, i, strict); err != nil {
			return i, err
		}
		win = b
		if o.isStream {
			return k, nil
		}
		return o.end, nil
	})
	if err != nil {
		return nil, err
	}
	o.shift(base)
	if !o.isStream {
		return o, nil
	}
	n, ok := streamLength(o, strict, length)
	k += base
	if !ok || n < 0 || k+n > src.size {
		return nil, errBadObject
	}
	o.dataStart, o.dataEnd = k, k+n
	if k+n <= base+len(win) {
		o.data = win[k-base : k+n-base]
	} else {
		o.lazy = true
	}
	tail, err := src.within(k+n, func(b []byte, i int) (int, error) {
		end, err := streamTail(b, i, strict)
		if err != nil {
			return i, err
		}
		o.end = end
		return end, nil
	})
	if err != nil {
		return nil, err
	}
	o.end += tail
	return o, nil
}

// data returns a stream object's data, reading it from the file if it was
// left there.
func (d *document) data(o *object) []byte {
	if o == nil || !o.lazy {
		if o == nil {
			return nil
		}
		return o.data
	}
	return d.src.slice(o.dataStart, o.dataEnd)
}

// shift moves the object's offsets by base (from a window of a file to
// the file).
func (o *object) shift(base int) {
	if base == 0 {
		return
	}
	if o.start >= 0 {
		o.start += base
	}
	if o.end >= 0 {
		o.end += base
	}
	if o.isStream {
		o.dataStart += base
		o.dataEnd += base
	}
	o.v = shiftValue(o.v, base)
}

// shiftValue moves the offsets recorded in v's dictionaries by base.
func shiftValue(v value, base int) value {
	switch x := v.(type) {
	case dict:
		shiftDict(x, base)
	case []value:
		for _, e := range x {
			shiftValue(e, base)
		}
	}
	return v
}

func shiftDict(d dict, base int) {
	for k, e := range d {
		e.key += base
		e.start += base
		e.end += base
		shiftValue(e.v, base)
		d[k] = e
	}
}

// decode is decodeStream within what is left of the file's budget.
func (d *document) decode(dd dict, raw []byte) ([]byte, error) {
	limit := min(maxDecodedBytes, maxDecodedTotal-d.decoded)
	if limit <= 0 {
		return nil, errTooLarge
	}
	out, err := decodeStream(dd, raw, limit)
	d.decoded += len(out)
	if errors.Is(err, errTooLarge) && limit < maxDecodedBytes {
		// The file's budget is spent: later streams are refused at once
		// rather than each inflating up to what is left.
		d.decoded = maxDecodedTotal
	}
	return out, err
}

// readLimited reads r to its end, refusing more than limit bytes. It
// fills chunks of growing size and joins them once, so a stream that
// inflates to the limit allocates about twice its size, where
// io.ReadAll's repeated growth allocated three to five times (a file of
// deflate bombs is bounded by what its decoding allocates).
func readLimited(r io.Reader, limit int) ([]byte, error) {
	var chunks [][]byte
	total, next := 0, 32<<10
	cur := make([]byte, 0, min(next, limit+1))
	for {
		if len(cur) == cap(cur) {
			chunks = append(chunks, cur)
			next = min(2*next, 4<<20)
			cur = make([]byte, 0, max(1, min(next, limit+1-total)))
		}
		n, err := r.Read(cur[len(cur):cap(cur)])
		cur, total = cur[:len(cur)+n], total+n
		if total > limit {
			return nil, errTooLarge
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 0 {
		return cur, nil
	}
	out := make([]byte, 0, total)
	for _, c := range append(chunks, cur) {
		out = append(out, c...)
	}
	return out, nil
}

// decodeStream undoes /FlateDecode (with a PNG predictor) or nothing,
// refusing more than limit decoded bytes.
func decodeStream(d dict, raw []byte, limit int) ([]byte, error) {
	var filters []value
	switch f := d["Filter"].v.(type) {
	case nil:
	case pdfName:
		filters = []value{f}
	case []value:
		filters = f
	default:
		return nil, errBadFilter
	}
	if len(filters) == 0 {
		return raw, nil
	}
	if len(filters) != 1 || filters[0] != pdfName("FlateDecode") {
		return nil, errBadFilter
	}
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	out, err := readLimited(zr, limit)
	if err != nil {
		return nil, err
	}
	var parms dict
	switch p := d["DecodeParms"].v.(type) {
	case dict:
		parms = p
	case []value:
		if len(p) == 1 {
			parms, _ = p[0].(dict)
		}
	}
	pred := 1
	if parms != nil {
		if n, ok := intValue(parms["Predictor"].v); ok {
			pred = n
		}
	}
	switch {
	case pred == 1:
		return out, nil
	case pred >= 10:
		cols := 1
		if n, ok := intValue(parms["Columns"].v); ok {
			cols = n
		}
		colors, bpc := 1, 8
		if n, ok := intValue(parms["Colors"].v); ok {
			colors = n
		}
		if n, ok := intValue(parms["BitsPerComponent"].v); ok {
			bpc = n
		}
		if cols < 1 || cols > 1<<16 || colors < 1 || colors > 4 || bpc != 8 {
			return nil, errBadFilter
		}
		return unPNG(out, cols*colors, colors)
	}
	return nil, errBadFilter
}

// unPNG reverses PNG row predictors (rows of width bytes, bpp bytes a pixel).
func unPNG(in []byte, width, bpp int) ([]byte, error) {
	row := width + 1
	if len(in)%row != 0 {
		return nil, fmt.Errorf("%w: predictor rows", errBadFilter)
	}
	out := make([]byte, 0, len(in)/row*width)
	prev := make([]byte, width)
	cur := make([]byte, width)
	for i := 0; i < len(in); i += row {
		typ := in[i]
		copy(cur, in[i+1:i+row])
		for x := 0; x < width; x++ {
			var a, b, c byte
			if x >= bpp {
				a, c = cur[x-bpp], prev[x-bpp]
			}
			b = prev[x]
			switch typ {
			case 0:
			case 1:
				cur[x] += a
			case 2:
				cur[x] += b
			case 3:
				cur[x] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[x] += paeth(a, b, c)
			default:
				return nil, errBadFilter
			}
		}
		out = append(out, cur...)
		prev, cur = cur, prev
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

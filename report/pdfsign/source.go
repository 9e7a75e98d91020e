package pdfsign

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"io"
)

// source is the bytes of a PDF: all in memory (Verify, Sign), or a file
// read a window at a time (VerifyReader, SignFile), so that signing and
// checking a report of hundreds of photos never holds the whole file. In
// memory the whole file is one window at offset 0, so the verifier reads
// exactly the bytes it always did; from a file every parse runs on a
// window that is grown until the parse no longer depends on where the
// window was cut (see within), so both give the same answer.
type source struct {
	mem  []byte      // the whole file, when in memory
	r    io.ReaderAt // else the file
	size int
	err  error // the first read error from r; sticks
	buf  []byte
}

// The window sizes: the first read for one object or one cross-reference
// table, and the chunk of whole-file passes (hashing, searching). Tests
// shrink firstWindow to a byte to make every parse grow its window.
var (
	firstWindow = 4096
	chunkSize   = 1 << 20
)

// lookahead is how far past the end of what a parse consumed it may have
// looked (the delimiter after "endobj", the end of line after "stream"):
// a window must reach that far, or to the end of the file, for its parse to
// stand.
const lookahead = 16

func memSource(pdf []byte) *source { return &source{mem: pdf, size: len(pdf)} }

func fileSource(r io.ReaderAt, size int64) (*source, error) {
	if size < 0 || size > int64(maxInt) {
		return nil, fmt.Errorf(msgParse, "file too large")
	}
	return &source{r: r, size: int(size)}, nil
}

const maxInt = int(^uint(0) >> 1)

// inMemory reports whether the whole file is one window.
func (s *source) inMemory() bool { return s.r == nil }

// slice returns bytes [from, to) (clipped to the file): a sub-slice in
// memory, a fresh copy from a file.
func (s *source) slice(from, to int) []byte {
	from, to = max(from, 0), min(to, s.size)
	if from >= to {
		return nil
	}
	if s.inMemory() {
		return s.mem[from:to]
	}
	b := make([]byte, to-from)
	if n, err := s.r.ReadAt(b, int64(from)); n < len(b) {
		if err == nil || errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		s.fail(err)
		return b[:n]
	}
	return b
}

func (s *source) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

// window returns the bytes from off on, at least n of them when the file
// has them, and the file offset of the window's first byte: the whole file
// and 0 in memory.
func (s *source) window(off, n int) ([]byte, int) {
	if s.inMemory() {
		return s.mem, 0
	}
	off = min(max(off, 0), s.size)
	return s.slice(off, off+n), off
}

// within runs parse on a window starting at off (parse gets the window and
// off's index in it, and returns the index just past what it consumed),
// growing the window until the result stands: parse succeeded with
// lookahead bytes to spare, or the window reaches the end of the file. It
// returns the window's file offset.
func (s *source) within(off int, parse func(b []byte, i int) (int, error)) (int, error) {
	for n := firstWindow; ; n *= 4 {
		b, base := s.window(off, n)
		end, err := parse(b, off-base)
		if s.inMemory() || base+len(b) >= s.size || (err == nil && end+lookahead <= len(b)) || s.err != nil {
			return base, err
		}
	}
}

// before runs scan on a window ending at end, growing it backwards until
// the scan did not need the byte before the window (scan returns the lowest
// index it read; 0 means it may have wanted more) or the window starts the
// file. It returns the window's file offset.
func (s *source) before(end int, scan func(b []byte, i int) (low int)) int {
	for n := firstWindow; ; n *= 4 {
		from := max(0, end-n)
		if s.inMemory() {
			scan(s.mem, end)
			return 0
		}
		b := s.slice(from, min(end+lookahead, s.size))
		if low := scan(b, end-from); low > 0 || from == 0 || s.err != nil {
			return from
		}
	}
}

// each calls found with the offset of every occurrence of pat, in order,
// reading a file a chunk at a time; found returns false to stop.
func (s *source) each(pat []byte, found func(at int) bool) {
	if s.inMemory() {
		for i := 0; ; {
			j := bytes.Index(s.mem[i:], pat)
			if j < 0 || !found(i+j) {
				return
			}
			i += j + len(pat)
		}
	}
	buf := s.chunk()
	if len(buf) < 2*len(pat) {
		buf = make([]byte, 2*len(pat)) // a match must fit in a chunk
	}
	next := 0 // the first offset a match may start at
	for off := 0; off < s.size; {
		n := min(len(buf), s.size-off)
		if _, err := s.r.ReadAt(buf[:n], int64(off)); err != nil && !errors.Is(err, io.EOF) {
			s.fail(err)
			return
		}
		b := buf[:n]
		for i := max(next-off, 0); ; {
			j := bytes.Index(b[i:], pat)
			if j < 0 {
				break
			}
			if !found(off + i + j) {
				return
			}
			i += j + len(pat)
			next = off + i
		}
		if off+n >= s.size {
			return
		}
		// The next chunk starts early enough to catch a match cut in two.
		off += max(n-len(pat)+1, 1)
	}
}

// contains reports whether pat occurs anywhere in the file.
func (s *source) contains(pat []byte) bool {
	found := false
	s.each(pat, func(int) bool { found = true; return false })
	return found
}

// hash writes bytes [from, to) into h.
func (s *source) hash(h hash.Hash, from, to int) {
	from, to = max(from, 0), min(to, s.size)
	if s.inMemory() {
		if from < to {
			h.Write(s.mem[from:to])
		}
		return
	}
	buf := s.chunk()
	for off := from; off < to; {
		n := min(len(buf), to-off)
		if _, err := s.r.ReadAt(buf[:n], int64(off)); err != nil && !errors.Is(err, io.EOF) {
			s.fail(err)
			return
		}
		h.Write(buf[:n])
		off += n
	}
}

// chunk is the buffer of the whole-file passes, made once.
func (s *source) chunk() []byte {
	if s.buf == nil {
		s.buf = make([]byte, max(min(chunkSize, s.size), 1))
	}
	return s.buf
}

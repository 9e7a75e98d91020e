package pdfsign

import (
	"bytes"
	"encoding/hex"
	"errors"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// A tiny reader for the few uncompressed PDF objects the verifier needs
// (the signature dictionary and its field). The signed bytes are judged by
// the verifier itself rather than by a general parser, so a damaged file is
// reported as damaged instead of being "repaired" first.

// value is one parsed PDF object: string/hex ([]byte), name (pdfName),
// number or keyword (token), array ([]value), dictionary (dict), reference (ref).
type value any

type pdfName string
type token string
type ref struct{ nr, gen int }

// entry is a dictionary value with the span [start, end) of its bytes.
type entry struct {
	v          value
	start, end int
}

type dict map[string]entry

var errSyntax = errors.New("PDF syntax error")

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return isWhite(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// skipWhite skips white space and comments.
func skipWhite(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isWhite(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// parseValue reads one object at b[i:] and returns it and the offset after it.
func parseValue(b []byte, i int, depth int) (value, int, error) {
	if depth > 32 {
		return nil, i, errSyntax
	}
	i = skipWhite(b, i)
	if i >= len(b) {
		return nil, i, errSyntax
	}
	switch c := b[i]; {
	case c == '/':
		j := i + 1
		for j < len(b) && !isDelim(b[j]) {
			j++
		}
		return pdfName(b[i+1 : j]), j, nil
	case c == '(':
		return parseLiteral(b, i)
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		d, j, err := parseDict(b, i, depth)
		return d, j, err
	case c == '<':
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return nil, i, errSyntax
		}
		digits := make([]byte, 0, j)
		for _, d := range b[i+1 : i+j] {
			if !isWhite(d) {
				digits = append(digits, d)
			}
		}
		if len(digits)%2 == 1 {
			digits = append(digits, '0')
		}
		out := make([]byte, len(digits)/2)
		if _, err := hex.Decode(out, digits); err != nil {
			return nil, i, errSyntax
		}
		return out, i + j + 1, nil
	case c == '[':
		var arr []value
		j := i + 1
		for {
			j = skipWhite(b, j)
			if j >= len(b) {
				return nil, j, errSyntax
			}
			if b[j] == ']' {
				return arr, j + 1, nil
			}
			v, k, err := parseValue(b, j, depth+1)
			if err != nil {
				return nil, k, err
			}
			if r, k2, ok := asRef(b, v, k); ok {
				v, k = r, k2
			}
			arr = append(arr, v)
			j = k
		}
	case isDelim(c):
		return nil, i, errSyntax
	default:
		j := i
		for j < len(b) && !isDelim(b[j]) {
			j++
		}
		return token(b[i:j]), j, nil
	}
}

// asRef turns "N G R" into a ref when v is N and the next two tokens are G R.
func asRef(b []byte, v value, i int) (ref, int, bool) {
	t, ok := v.(token)
	if !ok {
		return ref{}, i, false
	}
	nr, err := strconv.Atoi(string(t))
	if err != nil {
		return ref{}, i, false
	}
	j := skipWhite(b, i)
	k := j
	for k < len(b) && b[k] >= '0' && b[k] <= '9' {
		k++
	}
	if k == j {
		return ref{}, i, false
	}
	gen, _ := strconv.Atoi(string(b[j:k]))
	m := skipWhite(b, k)
	if m < len(b) && b[m] == 'R' && (m+1 == len(b) || isDelim(b[m+1])) {
		return ref{nr, gen}, m + 1, true
	}
	return ref{}, i, false
}

// parseDict reads "<< ... >>" at b[i:].
func parseDict(b []byte, i int, depth int) (dict, int, error) {
	i = skipWhite(b, i)
	if !bytes.HasPrefix(b[i:], []byte("<<")) {
		return nil, i, errSyntax
	}
	d := dict{}
	j := i + 2
	for {
		j = skipWhite(b, j)
		if j >= len(b) {
			return nil, j, errSyntax
		}
		if bytes.HasPrefix(b[j:], []byte(">>")) {
			return d, j + 2, nil
		}
		k, next, err := parseValue(b, j, depth+1)
		if err != nil {
			return nil, next, err
		}
		key, ok := k.(pdfName)
		if !ok {
			return nil, next, errSyntax
		}
		start := skipWhite(b, next)
		v, end, err := parseValue(b, start, depth+1)
		if err != nil {
			return nil, end, err
		}
		if r, e2, ok := asRef(b, v, end); ok {
			v, end = r, e2
		}
		d[string(key)] = entry{v: v, start: start, end: end}
		j = end
	}
}

// parseLiteral reads a literal string "( ... )" and decodes its escapes.
func parseLiteral(b []byte, i int) (value, int, error) {
	var out []byte
	depth := 0
	for j := i; j < len(b); j++ {
		c := b[j]
		switch {
		case c == '\\' && j+1 < len(b):
			j++
			switch e := b[j]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if j+1 < len(b) && b[j+1] == '\n' {
					j++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					n := 0
					k := j
					for ; k < len(b) && k < j+3 && b[k] >= '0' && b[k] <= '7'; k++ {
						n = n*8 + int(b[k]-'0')
					}
					out = append(out, byte(n))
					j = k - 1
				} else {
					out = append(out, e)
				}
			}
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return out, j + 1, nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return nil, len(b), errSyntax
}

// text decodes a PDF text string: UTF-16BE with a BOM, else PDFDocEncoding
// (read as Latin-1, which agrees for the characters people type).
func text(v value) string {
	s, ok := v.([]byte)
	if !ok {
		return ""
	}
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(s))
	for i, c := range s {
		r[i] = rune(c)
	}
	return string(r)
}

var objHeaderRe = regexp.MustCompile(`(\d+)\s+(\d+)\s+obj\b`)

// objectBefore finds the header "N G obj" of the object that contains
// offset at and returns its number, generation and the offset after "obj".
func objectBefore(pdf []byte, at int) (nr, gen, body int, ok bool) {
	from := max(0, at-4096)
	// The dictionary text before /ByteRange is short; search a window first.
	for _, lo := range []int{from, 0} {
		ms := objHeaderRe.FindAllSubmatchIndex(pdf[lo:at], -1)
		if len(ms) > 0 {
			m := ms[len(ms)-1]
			nr, _ = strconv.Atoi(string(pdf[lo+m[2] : lo+m[3]]))
			gen, _ = strconv.Atoi(string(pdf[lo+m[4] : lo+m[5]]))
			return nr, gen, lo + m[1], true
		}
		if lo == 0 {
			break
		}
	}
	return 0, 0, 0, false
}

package pdfsign

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf16"
)

// A small strict reader for PDF objects. The verifier judges the bytes
// itself rather than through a general parser, so a damaged or crafted file
// is reported as such instead of being "repaired" first.

// value is one parsed PDF object: string ([]byte), name (pdfName), number
// or keyword (token), array ([]value), dictionary (dict) or reference (ref).
type value any

type pdfName string
type token string
type ref struct{ nr, gen int }

// badHex is a hex string holding a byte that is not a hex digit: kept as
// a value (not a syntax error) so a signature's /Contents can be reported
// as damaged rather than the whole dictionary as unreadable.
type badHex []byte

// entry is a dictionary value with the span [start, end) of its bytes and
// the offset of its key.
type entry struct {
	v          value
	key        int
	start, end int
}

// dict is a parsed dictionary. Duplicate keys are a syntax error: readers
// disagree on which one wins, which is exactly what an attacker wants.
type dict map[string]entry

var errSyntax = errors.New("PDF syntax error")

// maxDepth bounds nesting of arrays and dictionaries.
const maxDepth = 64

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return isWhite(c)
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

// skipSpace skips white space only (no comments).
func skipSpace(b []byte, i int) int {
	for i < len(b) && isWhite(b[i]) {
		i++
	}
	return i
}

// parseValue reads one object at b[i:] and returns it and the offset after
// it. "N G R" inside arrays and dictionaries becomes a ref.
func parseValue(b []byte, i int, depth int) (value, int, error) {
	if depth > maxDepth {
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
		return parseDict(b, i, depth)
	case c == '<':
		return parseHex(b, i)
	case c == '[':
		var arr []value
		j := i + 1
		for {
			j = skipWhite(b, j)
			if j >= len(b) {
				return nil, j, errSyntax
			}
			if b[j] == ']' {
				if arr == nil {
					arr = []value{}
				}
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

// parseHex reads a hex string "<...>"; white space between digits is allowed
// here (the signature's /Contents is checked byte by byte elsewhere).
func parseHex(b []byte, i int) (value, int, error) {
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 {
		return nil, i, errSyntax
	}
	out := make([]byte, 0, j/2)
	var hi byte
	odd := false
	for _, d := range b[i+1 : i+j] {
		if isWhite(d) {
			continue
		}
		n, ok := hexDigit(d)
		if !ok {
			return badHex(b[i+1 : i+j]), i + j + 1, nil
		}
		if odd {
			out = append(out, hi<<4|n)
		} else {
			hi = n
		}
		odd = !odd
	}
	if odd {
		out = append(out, hi<<4)
	}
	return out, i + j + 1, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// asRef turns "N G R" into a ref when v is N and the next two tokens are G R.
func asRef(b []byte, v value, i int) (ref, int, bool) {
	t, ok := v.(token)
	if !ok {
		return ref{}, i, false
	}
	nr, ok := uintToken(t)
	if !ok {
		return ref{}, i, false
	}
	j := skipWhite(b, i)
	k := j
	for k < len(b) && b[k] >= '0' && b[k] <= '9' {
		k++
	}
	if k == j || k-j > 5 || k >= len(b) || !isDelim(b[k]) {
		return ref{}, i, false
	}
	gen, _ := strconv.Atoi(string(b[j:k]))
	m := skipWhite(b, k)
	if m < len(b) && b[m] == 'R' && (m+1 == len(b) || isDelim(b[m+1])) {
		return ref{nr, gen}, m + 1, true
	}
	return ref{}, i, false
}

// uintToken reads a token made only of decimal digits (at most 10).
func uintToken(t token) (int, bool) {
	if len(t) == 0 || len(t) > 10 {
		return 0, false
	}
	n := 0
	for _, c := range []byte(t) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// intValue reads an integer token (optionally signed).
func intValue(v value) (int, bool) {
	t, ok := v.(token)
	if !ok || len(t) == 0 || len(t) > 11 {
		return 0, false
	}
	n, err := strconv.Atoi(string(t))
	return n, err == nil
}

// numValue reads an integer or real token.
func numValue(v value) (float64, bool) {
	t, ok := v.(token)
	if !ok || len(t) == 0 || len(t) > 32 {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(t), 64)
	return f, err == nil
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
		keyAt := j
		k, next, err := parseValue(b, j, depth+1)
		if err != nil {
			return nil, next, err
		}
		key, ok := k.(pdfName)
		if !ok {
			return nil, next, errSyntax
		}
		if _, dup := d[string(key)]; dup {
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
		d[string(key)] = entry{v: v, key: keyAt, start: start, end: end}
		j = end
	}
}

// parseLiteral reads a literal string "( ... )" and decodes its escapes.
func parseLiteral(b []byte, i int) (value, int, error) {
	out := []byte{}
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

// name returns d[key] as a name, "" if absent or not a name.
func (d dict) name(key string) string {
	n, _ := d[key].v.(pdfName)
	return string(n)
}

// equalValue compares two parsed values: the same structure, the same
// numbers written the same way, the same string bytes, the same references.
func equalValue(a, b value) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case pdfName:
		y, ok := b.(pdfName)
		return ok && x == y
	case token:
		y, ok := b.(token)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		fx, ok1 := numValue(x)
		fy, ok2 := numValue(y)
		return ok1 && ok2 && fx == fy
	case []byte:
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	case badHex:
		y, ok := b.(badHex)
		return ok && bytes.Equal(x, y)
	case ref:
		y, ok := b.(ref)
		return ok && x == y
	case []value:
		y, ok := b.([]value)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case dict:
		y, ok := b.(dict)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, e := range x {
			f, ok := y[k]
			if !ok || !equalValue(e.v, f.v) {
				return false
			}
		}
		return true
	}
	return false
}

// dictExcept compares two dictionaries ignoring the given keys.
func dictExcept(a, b dict, ignore ...string) bool {
	skip := func(k string) bool {
		for _, s := range ignore {
			if s == k {
				return true
			}
		}
		return false
	}
	for k, e := range a {
		if skip(k) {
			continue
		}
		f, ok := b[k]
		if !ok || !equalValue(e.v, f.v) {
			return false
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok && !skip(k) {
			return false
		}
	}
	return true
}

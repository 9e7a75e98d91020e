package standards

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Parse reads one catalog file. source is what problems and the catalog's
// Source name: the file's path, or the built-in file's name. On success the
// catalog has its Source, SHA256 and each requirement's Line set, and
// applies_to defaults to "all" and responsible to "asmo". Otherwise the
// error is a *Problems listing everything wrong, not just the first thing.
func Parse(source string, data []byte) (*Catalog, error) {
	p := &parser{file: source}
	c := p.parse(data)
	if len(p.problems) > 0 {
		ps := Problems(p.problems)
		sort.SliceStable(ps, func(i, j int) bool { return lineKey(ps[i]) < lineKey(ps[j]) })
		return nil, &ps
	}
	sum := sha256.Sum256(data)
	c.Source, c.file = source, source
	c.SHA256 = hex.EncodeToString(sum[:])
	return c, nil
}

// lineKey sorts problems by line, unlocated ones last.
func lineKey(p Problem) int {
	if p.Line <= 0 {
		return int(^uint(0) >> 1)
	}
	return p.Line
}

// parser collects the problems of one file.
type parser struct {
	file     string
	problems []Problem
	lines    *lineIndex
	// chapterLines are the lines of the translated chapter headings, by
	// language and heading.
	chapterLines map[string]map[string]int
}

// add records a problem of this file.
func (p *parser) add(pr Problem) {
	pr.File = p.file
	p.problems = append(p.problems, pr)
}

func (p *parser) parse(data []byte) *Catalog {
	if len(bytes.TrimSpace(data)) == 0 {
		p.add(Problem{Kind: KindEmptyFile})
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.add(Problem{Kind: KindSyntax, Line: pe.Position.Line, Message: pe.Message})
		} else {
			p.add(Problem{Kind: KindSyntax, Message: err.Error()})
		}
		return nil
	}
	if len(raw) == 0 { // only comments
		p.add(Problem{Kind: KindEmptyFile})
		return nil
	}
	p.lines = newLineIndex(scanSource(data))
	return p.catalog(raw)
}

// entryKind tells a key line from a table header.
type entryKind int

const (
	entryKey        entryKind = iota // key = value
	entryTable                       // [table]
	entryArrayTable                  // [[table]]
)

// srcEntry is one key or header of a TOML file with its line. The TOML
// library only keeps one position per dotted key, which is useless for the
// hundred requirement.id keys of a catalog; this scan keeps them all.
type srcEntry struct {
	kind  entryKind
	key   []string
	line  int
	items []int // for an array value: the line of each element
}

// scanSource finds the keys and headers of a TOML file that has already
// parsed, skipping strings, comments and multi-line values. It never fails:
// on odd input it finds less.
func scanSource(src []byte) []srcEntry {
	const (
		stNormal = iota
		stBasic
		stLiteral
		stMLBasic
		stMLLiteral
	)
	var (
		entries    []srcEntry
		line       = 1
		state      = stNormal
		depth      = 0
		lineStart  = true
		cur        = -1    // entry whose value is being read
		inArray    = false // the current value is an array
		expectElem = false // next token at depth 1 starts an element
	)
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		if state == stNormal && lineStart {
			lineStart = false
			if depth == 0 {
				for i < n && (src[i] == ' ' || src[i] == '\t') {
					i++
				}
				if i >= n {
					break
				}
				switch src[i] {
				case '\n', '\r', '#':
					// blank or comment line: handled below
				case '[':
					kind, start := entryTable, i+1
					if i+1 < n && src[i+1] == '[' {
						kind, start = entryArrayTable, i+2
					}
					key, _ := readKey(src, start, ']')
					entries = append(entries, srcEntry{kind: kind, key: key, line: line})
					cur = -1
					for i < n && src[i] != '\n' {
						i++
					}
					continue
				default:
					key, next := readKey(src, i, '=')
					if next < n && src[next] == '=' {
						entries = append(entries, srcEntry{kind: entryKey, key: key, line: line})
						cur = len(entries) - 1
						inArray = false
						expectElem = false
						i = next + 1
						continue
					}
				}
				c = src[i]
			}
		}
		switch state {
		case stNormal:
			if expectElem && depth == 1 && !strings.ContainsRune(" \t\r\n,#]", rune(c)) {
				if cur >= 0 {
					entries[cur].items = append(entries[cur].items, line)
				}
				expectElem = false
			}
			switch c {
			case '\n':
				line++
				lineStart = true
			case '#':
				for i < n && src[i] != '\n' {
					i++
				}
				continue
			case '"':
				if bytes.HasPrefix(src[i:], []byte(`"""`)) {
					state = stMLBasic
					i += 3
					continue
				}
				state = stBasic
			case '\'':
				if bytes.HasPrefix(src[i:], []byte(`'''`)) {
					state = stMLLiteral
					i += 3
					continue
				}
				state = stLiteral
			case '[', '{':
				depth++
				if depth == 1 {
					inArray = c == '['
					expectElem = inArray
				}
			case ']', '}':
				if depth > 0 {
					depth--
				}
			case ',':
				if depth == 1 && inArray {
					expectElem = true
				}
			}
		case stBasic, stLiteral:
			switch {
			case c == '\\' && state == stBasic:
				i += 2
				continue
			case (c == '"' && state == stBasic) || (c == '\'' && state == stLiteral):
				state = stNormal
			case c == '\n': // unterminated: cannot happen in a parsed file
				state = stNormal
				line++
				lineStart = true
			}
		case stMLBasic, stMLLiteral:
			q := byte('"')
			if state == stMLLiteral {
				q = '\''
			}
			switch {
			case c == '\\' && state == stMLBasic:
				if i+1 < n && src[i+1] == '\n' {
					line++
				}
				i += 2
				continue
			case c == '\n':
				line++
			case c == q && i+2 < n && src[i+1] == q && src[i+2] == q:
				i += 3
				// Up to two more quotes belong to the string's content.
				for k := 0; k < 2 && i < n && src[i] == q; k++ {
					i++
				}
				state = stNormal
				continue
			}
		}
		i++
	}
	return entries
}

// readKey reads a possibly dotted, possibly quoted key starting at i and
// stopping at stop (or the end of the line). It returns the parts and the
// index of stop (or of the newline / end of input when stop is missing).
func readKey(src []byte, i int, stop byte) ([]string, int) {
	var parts []string
	var b strings.Builder
	n := len(src)
	flush := func() {
		parts = append(parts, strings.TrimSpace(b.String()))
		b.Reset()
	}
	for i < n {
		c := src[i]
		switch {
		case c == stop:
			flush()
			return parts, i
		case c == '\n' || c == '#':
			flush()
			return parts, i
		case c == '.':
			flush()
		case c == '"' || c == '\'':
			i++
			for i < n && src[i] != c && src[i] != '\n' {
				if c == '"' && src[i] == '\\' && i+1 < n {
					i++
				}
				b.WriteByte(src[i])
				i++
			}
		default:
			b.WriteByte(c)
		}
		i++
	}
	flush()
	return parts, n
}

// lineIndex answers "on which line is this key" for the top of a catalog
// file and for each [[requirement]] table.
type lineIndex struct {
	entries []srcEntry
	reqs    []int // index in entries of each [[requirement]] header
}

func newLineIndex(entries []srcEntry) *lineIndex {
	x := &lineIndex{entries: entries}
	for i, e := range entries {
		if e.kind == entryArrayTable && len(e.key) == 1 && e.key[0] == keyRequirement {
			x.reqs = append(x.reqs, i)
		}
	}
	return x
}

// usable reports whether the scan found exactly the requirement tables the
// TOML library decoded; otherwise lines inside requirements are not
// trusted (for example when they are written as an inline array).
func (x *lineIndex) usable(nreq int) bool { return x != nil && len(x.reqs) == nreq }

// top finds a top-level key, or else the header of a [name] table.
func (x *lineIndex) top(name string) *srcEntry {
	if x == nil {
		return nil
	}
	for i := range x.entries {
		e := &x.entries[i]
		if e.kind != entryKey {
			break
		}
		if len(e.key) > 0 && e.key[0] == name {
			return e
		}
	}
	for i := range x.entries {
		e := &x.entries[i]
		if e.kind != entryKey && len(e.key) > 0 && e.key[0] == name {
			return e
		}
	}
	return nil
}

// header is the line of requirement i's [[requirement]] header.
func (x *lineIndex) header(i int) int {
	if i < 0 || i >= len(x.reqs) {
		return 0
	}
	return x.entries[x.reqs[i]].line
}

// reqKey finds key name inside requirement i's own table (not inside one
// of its sub-tables, such as a translation), or else the header of a
// [requirement.name] sub-table.
func (x *lineIndex) reqKey(i int, name string) *srcEntry {
	if i < 0 || i >= len(x.reqs) {
		return nil
	}
	inSub := false
	for j := x.reqs[i] + 1; j < len(x.entries); j++ {
		e := &x.entries[j]
		if e.kind != entryKey {
			// [requirement.sub] tables still belong to requirement i, but
			// the keys after them are the sub-table's.
			if len(e.key) < 2 || e.key[0] != keyRequirement {
				return nil
			}
			if e.key[1] == name {
				return e
			}
			inSub = true
			continue
		}
		if !inSub && len(e.key) > 0 && e.key[0] == name {
			return e
		}
	}
	return nil
}

// reqEnd is the index of the first entry after requirement i.
func (x *lineIndex) reqEnd(i int) int {
	if i+1 < len(x.reqs) {
		return x.reqs[i+1]
	}
	return len(x.entries)
}

// find returns the first entry among entries[from:to] whose full dotted
// path (its table's header, then its own key) starts with path, preferring
// one that is exactly path. It finds a key whichever way TOML lets it be
// written: under a [a.b] header, as a dotted key b.c = under [a], or an
// inline table b = {c = ...}, in which case the line is the inline table's.
func (x *lineIndex) find(from, to int, table []string, path ...string) *srcEntry {
	if x == nil {
		return nil
	}
	var prefix *srcEntry
	cur := table
	for j := from; j < to && j < len(x.entries); j++ {
		e := &x.entries[j]
		full := e.key
		if e.kind == entryKey {
			full = append(append([]string(nil), cur...), e.key...)
		} else {
			cur = e.key
		}
		switch {
		case equalPath(full, path):
			return e
		case prefix == nil && hasPrefix(full, path):
			prefix = e
		case prefix == nil && e.kind == entryKey && hasPrefix(path, full):
			prefix = e // an inline table holding the key
		}
	}
	return prefix
}

// reqSub finds path (a sub-table and maybe a key in it) within requirement i.
func (x *lineIndex) reqSub(i int, path ...string) *srcEntry {
	if x == nil || i < 0 || i >= len(x.reqs) {
		return nil
	}
	return x.find(x.reqs[i], x.reqEnd(i), nil, append([]string{keyRequirement}, path...)...)
}

// topSub finds a dotted path among the top-level keys and tables.
func (x *lineIndex) topSub(path ...string) *srcEntry {
	if x == nil {
		return nil
	}
	return x.find(0, len(x.entries), nil, path...)
}

func equalPath(a, b []string) bool {
	return len(a) == len(b) && hasPrefix(a, b)
}

func hasPrefix(a, prefix []string) bool {
	if len(a) < len(prefix) {
		return false
	}
	for i := range prefix {
		if a[i] != prefix[i] {
			return false
		}
	}
	return true
}

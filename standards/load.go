package standards

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Problem is one thing wrong with a catalog file, located as precisely as
// the file allows so its author can go straight to it.
type Problem struct {
	File        string // path of the file, or the built-in file's name
	Line        int    // 1-based line, 0 when unknown
	Requirement string // requirement id (or "#N" when it has none), "" for the whole file
	Message     string
}

// String formats the problem the way compilers do, so editors can jump to
// it: "FILE:LINE: message", else "FILE: requirement ID: message", else
// "FILE: message".
func (p Problem) String() string {
	switch {
	case p.Line > 0 && p.Requirement != "":
		return fmt.Sprintf(fmtProblemLineReq, p.File, p.Line, p.Requirement, p.Message)
	case p.Line > 0:
		return fmt.Sprintf(fmtProblemLine, p.File, p.Line, p.Message)
	case p.Requirement != "":
		return fmt.Sprintf(fmtProblemReq, p.File, p.Requirement, p.Message)
	default:
		return fmt.Sprintf(fmtProblem, p.File, p.Message)
	}
}

// Error makes a single Problem usable as an error (Load reports each
// problem of a user file as its own error).
func (p Problem) Error() string { return p.String() }

// Problems is every problem found in one catalog file, in line order.
// Parse returns it as its error.
type Problems []Problem

// Error joins the problems, one per line.
func (ps *Problems) Error() string {
	lines := make([]string, len(*ps))
	for i, p := range *ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Parse reads one catalog file. source is what problems and the catalog's
// Source name: the file's path, or the built-in file's name. On success the
// catalog has its Source, SHA256 and each requirement's Line set, and
// applies_to defaults to "all". Otherwise the error is a *Problems listing
// everything wrong, not just the first thing.
func Parse(source string, data []byte) (*Catalog, error) {
	p := &parser{file: source}
	c := p.parse(data)
	if len(p.problems) > 0 {
		ps := Problems(p.problems)
		sort.SliceStable(ps, func(i, j int) bool { return lineKey(ps[i]) < lineKey(ps[j]) })
		return nil, &ps
	}
	sum := sha256.Sum256(data)
	c.Source = source
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
}

func (p *parser) add(line int, req, format string, a ...any) {
	p.problems = append(p.problems, Problem{File: p.file, Line: line, Requirement: req, Message: fmt.Sprintf(format, a...)})
}

func (p *parser) parse(data []byte) *Catalog {
	if len(bytes.TrimSpace(data)) == 0 {
		p.add(0, "", msgEmptyFile)
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.add(pe.Position.Line, "", msgSyntax, pe.Message)
		} else {
			p.add(0, "", msgSyntax, err.Error())
		}
		return nil
	}
	if len(raw) == 0 { // only comments
		p.add(0, "", msgEmptyFile)
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

// reqKey finds key name inside requirement i's table.
func (x *lineIndex) reqKey(i int, name string) *srcEntry {
	if i < 0 || i >= len(x.reqs) {
		return nil
	}
	for j := x.reqs[i] + 1; j < len(x.entries); j++ {
		e := &x.entries[j]
		if e.kind != entryKey {
			// [requirement.sub] tables still belong to requirement i.
			if len(e.key) < 2 || e.key[0] != keyRequirement {
				return nil
			}
			if e.key[1] == name {
				return e
			}
			continue
		}
		if len(e.key) > 0 && e.key[0] == name {
			return e
		}
	}
	return nil
}

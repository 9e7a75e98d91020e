package audit

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes user text safe to store and to show on a terminal or in a
// report: pasted text may carry colour codes, terminal-title or clipboard
// escapes (OSC 52), bells and stray control bytes that would corrupt the
// screen or hide text.
//
// It removes ANSI escape sequences (CSI "ESC [ … final", OSC "ESC ] … BEL
// or ST", DCS/SOS/PM/APC strings, other two- or three-byte ESC sequences,
// a lone ESC, and the 8-bit C1 forms), every other C0 and C1 control
// character and DEL, and bytes that are not valid UTF-8. It keeps "\n" and
// "\t" and turns "\r\n" and a lone "\r" into "\n". Printable text in any
// script is kept exactly.
//
// An escape string (OSC and the like) that never ends stops at the first
// control character, so one malformed paste loses at most the rest of its
// line, not the rest of the text.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++ // invalid UTF-8 byte
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r == '\r':
			b.WriteByte('\n')
			i += size
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == 0x1b:
			i = skipEscape(s, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// clean reports whether s needs no change, the common case, so Sanitize
// can return it without copying.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 {
			return cleanSlow(s)
		}
	}
	return true
}

func cleanSlow(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}

// skipEscape skips what follows an ESC at s[i-1] and returns where normal
// text resumes.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2f:
		// nF sequence: intermediates then one final byte ("ESC ( B").
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return i + 1 // two-byte sequence ("ESC 7", "ESC c")
	}
	return i // lone ESC before a control or non-ASCII: drop the ESC only
}

// skipCSI skips a control sequence's parameter and intermediate bytes and
// its final byte. A malformed sequence ends at the first byte that cannot
// belong to it, which is then read as normal text.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC string up to and including its
// terminator: BEL, ESC \ or the C1 ST (U+009C). Any other control character
// ends it early and is then read normally.
func skipString(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c == 0x07:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // another escape begins: let the caller handle it
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		case c < 0x20 || c == 0x7f:
			return i
		}
		i++
	}
	return i
}

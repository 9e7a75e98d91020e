package audit

import (
	"bytes"
	"encoding/json"
)

// The bytes of audit.json: encoded, then indented by hand.

// encodeAudit is the one place audit.json bytes are made: indented so the
// file reads well in a text editor and diffs well.
func encodeAudit(a *Audit) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return indentJSON(buf.Bytes()), nil
}

// EncodeAudit is a's audit.json, as a save writes it: for a copy kept
// elsewhere when the home cannot be written (DecodeAudit reads it back).
func EncodeAudit(a *Audit) ([]byte, error) { return encodeAudit(a) }

// indentJSON indents compact JSON as encoding/json's Indent(dst, src, "",
// "  ") does, byte for byte, in a third of its time: src is known to be
// valid (json.Encoder made it), so there is nothing to check, only strings
// to skip. Saving is on the autosave path, where this halves the cost.
func indentJSON(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/4)
	depth := 0
	newline := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// The closing quote is the first one not escaped, i.e. not
			// preceded by an odd run of backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src) - 1
					break
				}
				j += k
				n := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			out = append(out, src[i:j+1]...)
			i = j
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

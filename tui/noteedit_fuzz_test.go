package tui

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// fuzzInserts are the texts the fuzzer types or pastes: accents, a
// combining mark, an emoji sequence, CJK (two cells), tabs, newlines.
var fuzzInserts = []string{"a", " ", "ñ", "e", "\u0301", "👩‍🌾", "日本", "\t", "\n", "palabra ", "x\ny\n\nz", strings.Repeat("larga", 9)}

var fuzzMoves = []tea.KeyMsg{
	{Type: tea.KeyLeft}, {Type: tea.KeyRight}, {Type: tea.KeyUp}, {Type: tea.KeyDown},
	{Type: tea.KeyHome}, {Type: tea.KeyEnd}, {Type: tea.KeyCtrlHome}, {Type: tea.KeyCtrlEnd},
	{Type: tea.KeyPgUp}, {Type: tea.KeyPgDown}, {Type: tea.KeyLeft, Alt: true}, {Type: tea.KeyRight, Alt: true},
}

// FuzzNoteEditor runs random edit sequences against a plain string and
// string operations: after every step Value() must be the string, the
// cursor a valid place in it, the cached wrap of every line equal to
// wrapping it afresh, and the view no wider or taller than the editor.
func FuzzNoteEditor(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 20, 21, 30, 31, 40})
	f.Add([]byte("\x05\x05\x05\x28\x29\x0b\x0b\x0b\x1e\x1f\x32\x33\x34"))
	f.Add([]byte("\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x01\x01\x01\x14\x14\x03\x16\x16\x03\x1f\x1e\x1e"))
	f.Fuzz(runNoteOps)
}

// runNoteOps applies ops, one byte each, to an editor and to the model.
func runNoteOps(t *testing.T, ops []byte) {
	{
		e := newNoteEditor(lipgloss.NewStyle())
		e.Prompt = "│ "
		e.SetWidth(14)
		e.SetHeight(4)
		e.SetValue("uno dos\ntres")
		e.Focus()
		e.MaxBytes = 400
		ref := "uno dos\ntres"
		history := []string{ref}
		for i, op := range ops {
			if i > 200 {
				break
			}
			off := offsetOf(&e)
			switch {
			case op < 20: // type or paste
				s := fuzzInserts[int(op)%len(fuzzInserts)]
				e.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: len(s) > 1})
				if len(ref)+len(s) <= e.MaxBytes {
					ref = ref[:off] + s + ref[off:]
				} else if !e.Refused() {
					t.Fatalf("insert over MaxBytes not refused")
				}
			case op < 40:
				e.Update(fuzzMoves[int(op)%len(fuzzMoves)])
			case op < 44:
				e.Update(tea.KeyMsg{Type: tea.KeyBackspace})
				ref = ref[:prevBoundary(ref, off)] + ref[off:]
			case op < 48:
				e.Update(tea.KeyMsg{Type: tea.KeyDelete})
				ref = ref[:off] + ref[nextBoundary(ref, off):]
			case op < 50:
				e.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
				ref = ref[:lineStart(ref, off)] + ref[off:]
			case op < 52:
				e.Update(tea.KeyMsg{Type: tea.KeyCtrlK})
				end := lineEnd(ref, off)
				if end == off {
					end = nextBoundary(ref, off)
				}
				ref = ref[:off] + ref[end:]
			case op < 54:
				e.Update(tea.KeyMsg{Type: tea.KeyCtrlW})
				ref = ref[:wordStart(ref, off)] + ref[off:]
			case op < 58:
				e.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
				ref = e.Value()
				if !slices.Contains(history, ref) {
					t.Fatalf("undo gave %q, never a state of the text", ref)
				}
			case op < 60:
				e.Update(tea.KeyMsg{Type: tea.KeyCtrlY})
				ref = e.Value()
				if !slices.Contains(history, ref) {
					t.Fatalf("redo gave %q, never a state of the text", ref)
				}
			default:
				e.SetWidth(6 + int(op)%30)
				e.SetHeight(1 + int(op)%5)
			}
			history = append(history, ref)
			checkEditor(t, &e, ref)
		}
	}
}

func checkEditor(t *testing.T, e *noteEditor, ref string) {
	t.Helper()
	if got := e.Value(); got != ref {
		t.Fatalf("Value() = %q, want %q", got, ref)
	}
	if e.Len() != len(ref) {
		t.Fatalf("Len() = %d, want %d", e.Len(), len(ref))
	}
	if e.cur.line < 0 || e.cur.line >= len(e.lines) || e.cur.col < 0 || e.cur.col > len(e.lines[e.cur.line].text) ||
		e.cur.col < len(e.lines[e.cur.line].text) && !utf8.RuneStart(e.lines[e.cur.line].text[e.cur.col]) {
		t.Fatalf("cursor %+v out of the text", e.cur)
	}
	for i, l := range e.lines {
		if l.starts == nil {
			continue
		}
		if want := wrapFrom(l.text, l.wrapW, []int{0}, -1, 0, nil); !slices.Equal(l.starts, want) {
			t.Fatalf("line %d %q: cached wrap %v, wrapped afresh %v", i, l.text, l.starts, want)
		}
	}
	view := strings.Split(ansi.Strip(e.View()), "\n")
	if len(view) != e.height {
		t.Fatalf("view has %d rows, want %d", len(view), e.height)
	}
	for _, r := range view {
		if w := lipgloss.Width(r); w > e.width && !strings.Contains(r, "👩") && !strings.Contains(r, "日") {
			t.Fatalf("row %q is %d cells, wider than %d", r, w, e.width)
		}
	}
}

// offsetOf is the editor's cursor as a byte offset in Value().
func offsetOf(e *noteEditor) int {
	off := 0
	for i := range e.cur.line {
		off += len(e.lines[i].text) + 1
	}
	return off + e.cur.col
}

// The reference model's idea of graphemes and words, on the whole string.

func lineStart(s string, off int) int { return strings.LastIndexByte(s[:off], '\n') + 1 }

func lineEnd(s string, off int) int {
	if i := strings.IndexByte(s[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(s)
}

func prevBoundary(s string, off int) int {
	if off == 0 {
		return 0
	}
	if s[off-1] == '\n' {
		return off - 1
	}
	prev := lineStart(s, off)
	for i := prev; i < off; {
		c, _ := ansi.FirstGraphemeCluster(s[i:lineEnd(s, off)], ansi.GraphemeWidth)
		prev = i
		i += max(len(c), 1)
	}
	return prev
}

func nextBoundary(s string, off int) int {
	if off == len(s) {
		return off
	}
	if s[off] == '\n' {
		return off + 1
	}
	c, _ := ansi.FirstGraphemeCluster(s[off:lineEnd(s, off)], ansi.GraphemeWidth)
	return off + max(len(c), 1)
}

// wordStart is where ctrl+w deletes back to: over spaces, then over the
// word, within the line; at a line start it joins the previous line.
func wordStart(s string, off int) int {
	ls := lineStart(s, off)
	if off == ls {
		return prevBoundary(s, off)
	}
	i := off
	for i > ls {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	for i > ls {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	// Back to a grapheme boundary, as the editor keeps its cursor.
	b := ls
	for j := ls; j < i; {
		c, _ := ansi.FirstGraphemeCluster(s[j:lineEnd(s, off)], ansi.GraphemeWidth)
		if j+len(c) > i {
			break
		}
		j += max(len(c), 1)
		b = j
	}
	return b
}

package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// noteEditor is the multi-line field for notes (and, later, corrective
// actions and justifications): a keystroke costs the same in 100 KB of
// notes as in an empty field. bubbles' textarea re-wraps and redraws every
// line on every frame and rebuilds its whole value on every key; here the
// text is a slice of lines, each wrapped lazily and cached until it
// changes, and a frame draws only the rows on screen.
//
// Positions are a line index and a byte offset in that line, always on a
// grapheme boundary. Every change goes through replace, which keeps the
// undo history, the size and the cached value right.
type noteEditor struct {
	// Prompt starts every row; Placeholder shows while the text is empty.
	Prompt      string
	Placeholder string
	// MaxBytes refuses an insert that would make the text longer than it
	// (0: no limit); Refused reports it. Nothing is ever cut.
	MaxBytes int

	keys        noteKeys
	cursorStyle lipgloss.Style
	mutedStyle  lipgloss.Style

	lines   []noteLine
	cur     notePos
	goal    int // visual column kept by up/down; -1 when none
	topLine int // first row on screen: a line, and a row in it
	topRow  int
	width   int // cells, prompt included
	height  int // rows
	focused bool
	size    int // bytes of Value()
	value   string
	valueOK bool
	rev     int  // bumped by every change of the text
	refused bool // the last Update dropped an insert over MaxBytes
	undo    []noteEdit
	redo    []noteEdit
	undoLen int // bytes held by undo
}

// noteLine is one line of text (no newline) and its soft wrap.
type noteLine struct {
	text string
	// starts are the byte offsets where its visual rows begin (starts[0]
	// is 0), for wrapW; nil when not yet computed.
	starts []int
	wrapW  int
}

// notePos is a place in the text: line index and byte offset.
type notePos struct{ line, col int }

func (p notePos) before(q notePos) bool {
	return p.line < q.line || p.line == q.line && p.col < q.col
}

// noteKeys are the editor's own keys. tab, esc and ctrl+e belong to the
// screen around it.
type noteKeys struct {
	Left, Right, Up, Down, WordLeft, WordRight       key.Binding
	Home, End, DocStart, DocEnd, PageUp, PageDown    key.Binding
	Backspace, Delete, DeleteWordBack, DeleteWordFwd key.Binding
	KillToEnd, KillToStart, Newline, Undo, Redo      key.Binding
}

func newNoteKeys() noteKeys {
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	return noteKeys{
		Left: b("left", "ctrl+b"), Right: b("right", "ctrl+f"), Up: b("up", "ctrl+p"), Down: b("down", "ctrl+n"),
		WordLeft: b("alt+left", "ctrl+left"), WordRight: b("alt+right", "ctrl+right"),
		// Not ctrl+e: it opens $EDITOR.
		Home: b("home", "ctrl+a"), End: b("end"), DocStart: b("ctrl+home"), DocEnd: b("ctrl+end"),
		PageUp: b("pgup"), PageDown: b("pgdown"),
		Backspace: b("backspace", "ctrl+h"), Delete: b("delete", "ctrl+d"),
		DeleteWordBack: b("alt+backspace", "ctrl+w"), DeleteWordFwd: b("alt+delete"),
		KillToEnd: b("ctrl+k"), KillToStart: b("ctrl+u"),
		Newline: b("enter"), Undo: b("ctrl+z"), Redo: b("ctrl+y"),
	}
}

// newNoteEditor makes an empty editor; muted styles the placeholder.
func newNoteEditor(muted lipgloss.Style) noteEditor {
	return noteEditor{
		keys:        newNoteKeys(),
		cursorStyle: lipgloss.NewStyle().Reverse(true),
		mutedStyle:  muted,
		lines:       []noteLine{{}},
		goal:        -1,
		width:       40,
		height:      3,
	}
}

// SetValue replaces the text (a load, not an edit: no undo, Rev unchanged)
// and puts the cursor at its end, where an inspector goes on writing.
func (e *noteEditor) SetValue(s string) {
	parts := strings.Split(s, "\n")
	e.lines = make([]noteLine, len(parts))
	for i, p := range parts {
		e.lines[i].text = p
	}
	e.size, e.value, e.valueOK = len(s), s, true
	e.undo, e.redo, e.undoLen = nil, nil, 0
	e.topLine, e.topRow = 0, 0
	e.cur = notePos{len(e.lines) - 1, len(e.lines[len(e.lines)-1].text)}
	e.goal = -1
	e.ensureVisible()
}

// Value returns the text; it is built once per change.
func (e *noteEditor) Value() string {
	if !e.valueOK {
		var b strings.Builder
		b.Grow(e.size)
		for i, l := range e.lines {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l.text)
		}
		e.value, e.valueOK = b.String(), true
	}
	return e.value
}

// Len is the text's size in bytes.
func (e *noteEditor) Len() int { return e.size }

// Rev changes whenever the text does, so a caller copies Value only then.
func (e *noteEditor) Rev() int { return e.rev }

// Refused reports that the last Update dropped text that would have made
// the note longer than MaxBytes.
func (e *noteEditor) Refused() bool { return e.refused }

// Focus gives the editor the keys and shows its cursor.
func (e *noteEditor) Focus() tea.Cmd {
	e.focused = true
	return nil
}

// Blur takes the keys away.
func (e *noteEditor) Blur() { e.focused = false }

// Focused reports whether the editor has the keys.
func (e *noteEditor) Focused() bool { return e.focused }

// SetWidth sets the width in cells, prompt included.
func (e *noteEditor) SetWidth(w int) {
	if w != e.width {
		e.width = w
		e.ensureVisible()
	}
}

// SetHeight sets the rows shown.
func (e *noteEditor) SetHeight(h int) {
	if h != e.height {
		e.height = h
		e.ensureVisible()
	}
}

// Update handles a key while focused.
func (e *noteEditor) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok || !e.focused {
		return nil
	}
	e.refused = false
	k := e.keys
	keepGoal := false
	switch {
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace:
		// Typed keys, keys typed faster than read, and a bracketed paste
		// (Paste: true) all go in as one insert.
		e.insert(string(km.Runes))
	case key.Matches(km, k.Newline):
		e.insert("\n")
	case key.Matches(km, k.Left):
		e.cur = e.prevPos(e.cur)
	case key.Matches(km, k.Right):
		e.cur = e.nextPos(e.cur)
	case key.Matches(km, k.Up):
		e.vertical(-1)
		keepGoal = true
	case key.Matches(km, k.Down):
		e.vertical(1)
		keepGoal = true
	case key.Matches(km, k.PageUp):
		e.page(-1)
		keepGoal = true
	case key.Matches(km, k.PageDown):
		e.page(1)
		keepGoal = true
	case key.Matches(km, k.WordLeft):
		e.cur = e.wordLeft(e.cur)
	case key.Matches(km, k.WordRight):
		e.cur = e.wordRight(e.cur)
	case key.Matches(km, k.Home):
		e.cur.col = 0
	case key.Matches(km, k.End):
		e.cur.col = len(e.lines[e.cur.line].text)
	case key.Matches(km, k.DocStart):
		e.cur = notePos{}
	case key.Matches(km, k.DocEnd):
		e.cur = e.end()
	case key.Matches(km, k.Backspace):
		e.delete(e.prevPos(e.cur), e.cur, editDeleteBack)
	case key.Matches(km, k.Delete):
		e.delete(e.cur, e.nextPos(e.cur), editDeleteFwd)
	case key.Matches(km, k.DeleteWordBack):
		e.delete(e.wordLeft(e.cur), e.cur, editOther)
	case key.Matches(km, k.DeleteWordFwd):
		e.delete(e.cur, e.wordRight(e.cur), editOther)
	case key.Matches(km, k.KillToEnd):
		to := notePos{e.cur.line, len(e.lines[e.cur.line].text)}
		if to == e.cur {
			to = e.nextPos(e.cur) // at the end: join the next line, as emacs does
		}
		e.delete(e.cur, to, editOther)
	case key.Matches(km, k.KillToStart):
		e.delete(notePos{e.cur.line, 0}, e.cur, editOther)
	case key.Matches(km, k.Undo):
		e.undoLast()
	case key.Matches(km, k.Redo):
		e.redoLast()
	default:
		return nil
	}
	if !keepGoal {
		e.goal = -1
	}
	e.ensureVisible()
	return nil
}

// end is the position after the last character.
func (e *noteEditor) end() notePos {
	n := len(e.lines) - 1
	return notePos{n, len(e.lines[n].text)}
}

// insert puts s at the cursor, unless MaxBytes refuses it whole.
func (e *noteEditor) insert(s string) {
	if s == "" {
		return
	}
	if e.MaxBytes > 0 && e.size+len(s) > e.MaxBytes {
		e.refused = true
		return
	}
	e.edit(e.cur, e.cur, s, editTyping)
}

// delete removes the text between two positions (in either order).
func (e *noteEditor) delete(a, b notePos, kind editKind) {
	if b.before(a) {
		a, b = b, a
	}
	if a == b {
		return
	}
	e.edit(a, b, "", kind)
}

// prevPos is the grapheme boundary before p; the start of a line steps to
// the end of the previous one.
func (e *noteEditor) prevPos(p notePos) notePos {
	if p.col == 0 {
		if p.line == 0 {
			return p
		}
		return notePos{p.line - 1, len(e.lines[p.line-1].text)}
	}
	s := e.lines[p.line].text
	// Graphemes are found from a known boundary: the start of the visual
	// row (or the one before, when p starts a row), so the cost is a row's
	// width, not the line's length.
	starts := e.wrapped(p.line)
	r := rowIndex(starts, p.col)
	if starts[r] == p.col && r > 0 {
		r--
	}
	prev := starts[r]
	for i := starts[r]; i < p.col; {
		n, _ := clusterAt(s, i)
		prev = i
		i += n
	}
	return notePos{p.line, prev}
}

// nextPos is the grapheme boundary after p; the end of a line steps to the
// start of the next one.
func (e *noteEditor) nextPos(p notePos) notePos {
	s := e.lines[p.line].text
	if p.col >= len(s) {
		if p.line == len(e.lines)-1 {
			return p
		}
		return notePos{p.line + 1, 0}
	}
	n, _ := clusterAt(s, p.col)
	return notePos{p.line, p.col + n}
}

// wordLeft moves to the start of the word before p, across lines.
func (e *noteEditor) wordLeft(p notePos) notePos {
	if p.col == 0 {
		return e.prevPos(p)
	}
	s := e.lines[p.line].text
	i := p.col
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return e.snap(notePos{p.line, i})
}

// wordRight moves to the end of the word after p, across lines.
func (e *noteEditor) wordRight(p notePos) notePos {
	s := e.lines[p.line].text
	if p.col >= len(s) {
		return e.nextPos(p)
	}
	i := p.col
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return e.snap(notePos{p.line, i})
}

// snap moves p back to a grapheme boundary (a word move counts runes; a
// combining mark after a space would otherwise split a grapheme).
func (e *noteEditor) snap(p notePos) notePos {
	s := e.lines[p.line].text
	if p.col >= len(s) {
		return notePos{p.line, len(s)}
	}
	starts := e.wrapped(p.line)
	i := starts[rowIndex(starts, p.col)]
	for i < p.col {
		n, _ := clusterAt(s, i)
		if i+n > p.col {
			break
		}
		i += n
	}
	return notePos{p.line, i}
}

// editKind groups edits for undo: a run of typing, or of backspaces, is
// undone in one step.
type editKind int

const (
	editOther editKind = iota
	editTyping
	editDeleteBack
	editDeleteFwd
)

// noteEdit is one step of the undo history: at at, del was replaced by ins.
type noteEdit struct {
	at            notePos
	del, ins      string
	before, after notePos // cursor
	kind          editKind
}

// Undo history bounds: old steps are dropped past either.
const (
	maxUndoSteps = 2000
	maxUndoBytes = 8 << 20
)

// edit replaces the text between a and b with s, records it for undo and
// leaves the cursor after s.
func (e *noteEditor) edit(a, b notePos, s string, kind editKind) {
	del := e.slice(a, b)
	before := e.cur
	e.cur = e.replace(a, b, s)
	e.redo = nil
	e.record(noteEdit{at: a, del: del, ins: s, before: before, after: e.cur, kind: kind})
}

// record adds an edit to the history, merging it into the last step when
// it continues it: typing on (up to the end of a word), or deleting on.
func (e *noteEditor) record(ed noteEdit) {
	if n := len(e.undo); n > 0 {
		last := &e.undo[n-1]
		switch {
		case ed.kind == editTyping && last.kind == editTyping && last.del == "" && ed.del == "" &&
			ed.at == last.after && !strings.ContainsRune(ed.ins, '\n') &&
			!(strings.HasSuffix(last.ins, " ") && !strings.HasPrefix(ed.ins, " ")):
			last.ins += ed.ins
			last.after = ed.after
			e.undoLen += len(ed.ins)
			return
		case ed.kind == editDeleteBack && last.kind == editDeleteBack && ed.ins == "" && last.ins == "" &&
			!strings.ContainsRune(ed.del, '\n') && e.endOf(ed.at, ed.del) == last.at:
			last.at, last.del, last.after = ed.at, ed.del+last.del, ed.after
			e.undoLen += len(ed.del)
			return
		case ed.kind == editDeleteFwd && last.kind == editDeleteFwd && ed.ins == "" && last.ins == "" &&
			!strings.ContainsRune(ed.del, '\n') && ed.at == last.at:
			last.del += ed.del
			last.after = ed.after
			e.undoLen += len(ed.del)
			return
		}
	}
	e.undo = append(e.undo, ed)
	e.undoLen += len(ed.del) + len(ed.ins)
	for len(e.undo) > 1 && (len(e.undo) > maxUndoSteps || e.undoLen > maxUndoBytes) {
		e.undoLen -= len(e.undo[0].del) + len(e.undo[0].ins)
		e.undo = e.undo[1:]
	}
}

func (e *noteEditor) undoLast() {
	n := len(e.undo)
	if n == 0 {
		return
	}
	ed := e.undo[n-1]
	e.undo = e.undo[:n-1]
	e.undoLen -= len(ed.del) + len(ed.ins)
	e.replace(ed.at, e.endOf(ed.at, ed.ins), ed.del)
	e.cur = ed.before
	e.redo = append(e.redo, ed)
}

func (e *noteEditor) redoLast() {
	n := len(e.redo)
	if n == 0 {
		return
	}
	ed := e.redo[n-1]
	e.redo = e.redo[:n-1]
	e.replace(ed.at, e.endOf(ed.at, ed.del), ed.ins)
	e.cur = ed.after
	e.undo = append(e.undo, ed)
	e.undoLen += len(ed.del) + len(ed.ins)
}

// endOf is the position after s when s starts at p.
func (e *noteEditor) endOf(p notePos, s string) notePos {
	nl := strings.Count(s, "\n")
	if nl == 0 {
		return notePos{p.line, p.col + len(s)}
	}
	return notePos{p.line + nl, len(s) - strings.LastIndexByte(s, '\n') - 1}
}

// slice returns the text between a and b (a not after b).
func (e *noteEditor) slice(a, b notePos) string {
	if a.line == b.line {
		return e.lines[a.line].text[a.col:b.col]
	}
	var sb strings.Builder
	sb.WriteString(e.lines[a.line].text[a.col:])
	for i := a.line + 1; i < b.line; i++ {
		sb.WriteByte('\n')
		sb.WriteString(e.lines[i].text)
	}
	sb.WriteByte('\n')
	sb.WriteString(e.lines[b.line].text[:b.col])
	return sb.String()
}

// replace puts s in place of the text between a and b and returns the
// position after s. Only the lines it touches are re-made; their wrap is
// computed again when they are next shown.
func (e *noteEditor) replace(a, b notePos, s string) notePos {
	removed := e.slice(a, b)
	head := e.lines[a.line].text[:a.col]
	tail := e.lines[b.line].text[b.col:]
	var end notePos
	if !strings.ContainsRune(s, '\n') {
		l := noteLine{text: head + s + tail}
		if a.line == b.line {
			l.starts, l.wrapW = rewrapEdit(e.lines[a.line], l.text, a.col, b.col, len(s))
		}
		e.lines[a.line] = l
		if b.line > a.line {
			e.lines = append(e.lines[:a.line+1], e.lines[b.line+1:]...)
		}
		end = notePos{a.line, a.col + len(s)}
	} else {
		parts := strings.Split(s, "\n")
		endCol := len(parts[len(parts)-1])
		parts[0] = head + parts[0]
		parts[len(parts)-1] += tail
		nl := make([]noteLine, len(parts))
		for i, p := range parts {
			nl[i].text = p
		}
		rest := append([]noteLine(nil), e.lines[b.line+1:]...)
		e.lines = append(append(e.lines[:a.line], nl...), rest...)
		end = notePos{a.line + len(parts) - 1, endCol}
	}
	e.size += len(s) - len(removed)
	e.valueOK = false
	e.rev++
	return end
}

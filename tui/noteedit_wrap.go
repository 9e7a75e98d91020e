package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Soft wrap and drawing of the noteEditor. Rows break after a space (a
// hyphen does not break, as in wrap()); a word longer than the row is cut.
// The wrap is one cell narrower than the text area so that a space hanging
// at the end of a row, or the cursor after the last character, always
// fits.

// clusterAt returns the byte length and width in cells of the grapheme
// starting at s[i], measured as lipgloss.Width measures it. A tab shows as
// one space.
func clusterAt(s string, i int) (int, int) {
	c := s[i]
	if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
		// Plain ASCII not followed by a combining mark: the common case.
		if c == '\t' || c >= 0x20 && c < 0x7f {
			return 1, 1
		}
		return 1, 0
	}
	cl, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
	if cl == "" {
		return 1, 0
	}
	if cl[0] == '\t' {
		w = 1
	}
	return len(cl), w
}

// textWidth is the cells for text on a row, and wrapWidth what the wrap
// fills of it.
func (e *noteEditor) textWidth() int { return max(e.width-lipgloss.Width(e.Prompt), 1) }

func (e *noteEditor) wrapWidth() int { return max(e.textWidth()-1, 1) }

// wrapped returns the row starts of line i, wrapping it if needed.
func (e *noteEditor) wrapped(i int) []int {
	l := &e.lines[i]
	w := e.wrapWidth()
	if l.starts == nil || l.wrapW != w {
		l.starts, l.wrapW = wrapFrom(l.text, w, []int{0}, -1, 0, nil), w
	}
	return l.starts
}

// wrapFrom wraps s at width w from the row starting at starts[last],
// appending row starts. When old is given (the starts of the line before
// an edit that ended at byte resync of the new text and moved what follows
// by delta), it stops as soon as a row starts where an old row started
// after the edit: from there on the rows are the old ones, moved.
func wrapFrom(s string, w int, starts []int, resync, delta int, old []int) []int {
	rowStart := starts[len(starts)-1]
	col, lastBreak := 0, -1
	for i := rowStart; i < len(s); {
		n, cw := clusterAt(s, i)
		space := s[i] == ' ' || s[i] == '\t'
		if col+cw > w && col > 0 {
			brk := i
			switch {
			case space:
				brk = i + n // the space hangs in the spare cell
			case lastBreak > rowStart:
				brk = lastBreak
			}
			starts = append(starts, brk)
			if old != nil && brk >= resync {
				if k := sort.SearchInts(old, brk-delta); k < len(old) && old[k] == brk-delta {
					for _, o := range old[k+1:] {
						starts = append(starts, o+delta)
					}
					return starts
				}
			}
			rowStart, col, lastBreak = brk, 0, -1
			i = brk
			continue
		}
		col += cw
		i += n
		if space {
			lastBreak = i
		}
	}
	return starts
}

// rewrapEdit gives the row starts of a line after an edit that replaced
// old.text[a:b] with ins bytes, re-wrapping only from shortly before the
// edit until the rows fall in step with the old ones: typing into one huge
// paragraph costs a row or two, not the paragraph. nil when the old line
// was never wrapped.
func rewrapEdit(old noteLine, text string, a, b, ins int) ([]int, int) {
	if old.starts == nil {
		return nil, 0
	}
	r := rowIndex(old.starts, a)
	// A row's break depends on the text up to where it overflowed, which
	// can reach into the next row: start two rows back.
	r0 := max(r-2, 0)
	starts := append(make([]int, 0, len(old.starts)+1), old.starts[:r0+1]...)
	return wrapFrom(text, old.wrapW, starts, a+ins, ins-(b-a), old.starts), old.wrapW
}

// rowIndex is the row of starts that holds byte col.
func rowIndex(starts []int, col int) int {
	return max(sort.SearchInts(starts, col+1)-1, 0)
}

// rowEnd is where row r of line i ends (exclusive).
func (e *noteEditor) rowEnd(i, r int) int {
	starts := e.wrapped(i)
	if r+1 < len(starts) {
		return starts[r+1]
	}
	return len(e.lines[i].text)
}

// colWidth is the width in cells of line i from byte from to byte to.
func (e *noteEditor) colWidth(i, from, to int) int {
	s, w := e.lines[i].text, 0
	for j := from; j < to; {
		n, cw := clusterAt(s, j)
		w += cw
		j += n
	}
	return w
}

// colAt is the position on row r of line i closest to visual column goal
// without passing it.
func (e *noteEditor) colAt(i, r, goal int) int {
	starts := e.wrapped(i)
	s := e.lines[i].text
	last := r == len(starts)-1
	to := e.rowEnd(i, r)
	j, col := starts[r], 0
	for j < to {
		n, cw := clusterAt(s, j)
		if col+cw > goal || !last && j+n >= to {
			break // the end of a row that is not the last belongs to the next
		}
		col += cw
		j += n
	}
	return j
}

// vertical moves the cursor one visual row up (d < 0) or down, keeping
// the column it started from; past the first or last row it goes to the
// start or the end.
func (e *noteEditor) vertical(d int) {
	starts := e.wrapped(e.cur.line)
	r := rowIndex(starts, e.cur.col)
	if e.goal < 0 {
		e.goal = e.colWidth(e.cur.line, starts[r], e.cur.col)
	}
	var line, row int
	var ok bool
	if d < 0 {
		line, row, ok = e.prevRow(e.cur.line, r)
		if !ok {
			e.cur.col = 0
			return
		}
	} else {
		line, row, ok = e.nextRow(e.cur.line, r)
		if !ok {
			e.cur = e.end()
			return
		}
	}
	e.cur = notePos{line, e.colAt(line, row, e.goal)}
}

// page moves the cursor and the view by a screen less one row.
func (e *noteEditor) page(d int) {
	n := max(e.height-1, 1)
	for range n {
		e.vertical(d)
	}
	l, r := e.topLine, e.topRow
	for range n {
		var ok bool
		if d < 0 {
			l, r, ok = e.prevRow(l, r)
		} else {
			l, r, ok = e.nextRow(l, r)
		}
		if !ok {
			break
		}
	}
	e.topLine, e.topRow = l, r
}

// nextRow and prevRow step between visual rows across lines.
func (e *noteEditor) nextRow(l, r int) (int, int, bool) {
	if r+1 < len(e.wrapped(l)) {
		return l, r + 1, true
	}
	if l+1 < len(e.lines) {
		return l + 1, 0, true
	}
	return l, r, false
}

func (e *noteEditor) prevRow(l, r int) (int, int, bool) {
	if r > 0 {
		return l, r - 1, true
	}
	if l > 0 {
		return l - 1, len(e.wrapped(l-1)) - 1, true
	}
	return l, r, false
}

// ensureVisible scrolls as little as needed to show the cursor's row, and
// keeps the window full when the text allows. It looks at no more than a
// screen of rows, whatever the text's length.
func (e *noteEditor) ensureVisible() {
	e.showCursor()
	e.fillWindow()
}

func (e *noteEditor) showCursor() {
	if e.topLine >= len(e.lines) {
		e.topLine, e.topRow = len(e.lines)-1, 0
	}
	e.topRow = min(e.topRow, len(e.wrapped(e.topLine))-1)
	cl, cr := e.cur.line, rowIndex(e.wrapped(e.cur.line), e.cur.col)
	if cl < e.topLine || cl == e.topLine && cr < e.topRow {
		e.topLine, e.topRow = cl, cr
		return
	}
	l, r := e.topLine, e.topRow
	for range max(e.height-1, 0) {
		if l == cl && r == cr {
			return
		}
		var ok bool
		if l, r, ok = e.nextRow(l, r); !ok {
			break
		}
	}
	if l == cl && r == cr {
		return
	}
	l, r = cl, cr
	for range max(e.height-1, 0) {
		var ok bool
		if l, r, ok = e.prevRow(l, r); !ok {
			break
		}
	}
	e.topLine, e.topRow = l, r
}

// fillWindow moves the first row up when the rows from it to the end of
// the text leave the window partly empty (the window grew, or text was
// deleted at the end).
func (e *noteEditor) fillWindow() {
	l, r, n := e.topLine, e.topRow, 1
	for ; n < e.height; n++ {
		var ok bool
		if l, r, ok = e.nextRow(l, r); !ok {
			break
		}
	}
	for ; n < e.height; n++ {
		var ok bool
		if e.topLine, e.topRow, ok = e.prevRow(e.topLine, e.topRow); !ok {
			break
		}
	}
}

// View draws the rows on screen, each after the prompt. Rows are not
// padded to the width.
func (e *noteEditor) View() string {
	var b strings.Builder
	if e.size == 0 && e.Placeholder != "" {
		b.WriteString(e.Prompt)
		ph := ansi.Truncate(e.Placeholder, e.textWidth(), "…")
		if e.focused {
			n, _ := clusterAt(ph, 0)
			b.WriteString(e.cursorStyle.Render(ph[:n]))
			ph = ph[n:]
		}
		b.WriteString(e.mutedStyle.Render(ph))
		for range e.height - 1 {
			b.WriteByte('\n')
			b.WriteString(e.Prompt)
		}
		return b.String()
	}
	l, r, more := e.topLine, e.topRow, true
	for i := range e.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Prompt)
		if !more {
			continue
		}
		e.writeRow(&b, l, r)
		l, r, more = e.nextRow(l, r)
	}
	return b.String()
}

// writeRow draws row r of line i, with the cursor when it is there.
func (e *noteEditor) writeRow(b *strings.Builder, i, r int) {
	s := e.lines[i].text
	from, to := e.wrapped(i)[r], e.rowEnd(i, r)
	if !e.focused || e.cur.line != i || rowIndex(e.wrapped(i), e.cur.col) != r {
		writeShown(b, s[from:to])
		return
	}
	c := e.cur.col
	writeShown(b, s[from:c])
	if c >= len(s) {
		b.WriteString(e.cursorStyle.Render(" "))
		return
	}
	n, _ := clusterAt(s, c)
	g := s[c : c+n]
	if g == "\t" {
		g = " "
	}
	b.WriteString(e.cursorStyle.Render(g))
	writeShown(b, s[c+n:to])
}

// writeShown writes text as shown: a tab is one space (a terminal would
// jump to its own tab stop and break the layout).
func writeShown(b *strings.Builder, s string) {
	if strings.IndexByte(s, '\t') < 0 {
		b.WriteString(s)
		return
	}
	b.WriteString(strings.ReplaceAll(s, "\t", " "))
}

// Rows is how many rows the whole text takes wrapped: a short field (the
// corrective action, the justification) is sized to show all of it.
func (e *noteEditor) Rows() int {
	n := 0
	for i := range e.lines {
		n += len(e.wrapped(i))
	}
	return n
}

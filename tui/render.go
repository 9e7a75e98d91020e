package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/audit"
)

// sanitizeLine makes user text safe for one line of the terminal: no
// escape sequences or control characters, newlines as spaces.
func sanitizeLine(s string) string {
	s = audit.Sanitize(s)
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
}

// truncate cuts s to w cells, with an ellipsis when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// pad fills s with spaces to w cells (truncating when longer).
func pad(s string, w int) string {
	n := ansi.StringWidth(s)
	if n > w {
		s = truncate(s, w)
		n = ansi.StringWidth(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// fit makes s exactly w cells wide and h lines high, cutting or padding
// each line. It is the cheap way to lay out a frame: lipgloss' Width and
// Height re-wrap every line on every frame.
func fit(s string, w, h int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		lines[i] = pad(lines[i], w)
	}
	blank := strings.Repeat(" ", w)
	for len(lines) < h {
		lines = append(lines, blank)
	}
	return lines
}

// spread puts left and right on one line of width w.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return truncate(left, w-lipgloss.Width(right)-1) + " " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

// wrap breaks text into lines of at most w cells at spaces, keeping its
// own line breaks. Hyphens do not break a line (ansi.Wrap would): a date
// cut as "2027-02-" / "23" reads as another date. A word longer than w is
// cut where it must.
func wrap(text string, w int) []string {
	if w < 1 {
		w = 1
	}
	text = strings.ReplaceAll(text, "-", nbHyphen)
	return strings.Split(strings.ReplaceAll(ansi.Wrap(text, w, ""), nbHyphen, "-"), "\n")
}

// nbHyphen stands in for "-" while wrapping: one cell wide, and not a
// breakpoint for ansi.Wrap.
const nbHyphen = "\u2011"

// bar draws a progress bar of w cells for percent, with the number, so the
// bar never speaks by colour alone.
func bar(st *styles, percent, w int) string {
	percent = min(max(percent, 0), 100)
	full := percent * w / 100
	return st.barFull.Render(strings.Repeat("█", full)) + st.barEmpty.Render(strings.Repeat("░", w-full)) +
		fmt.Sprintf(" %3d%%", percent)
}

// window returns the lines[off:off+h], clamping off, and the clamped off.
func window[T any](lines []T, off, h int) ([]T, int) {
	off = min(off, max(len(lines)-h, 0))
	off = max(off, 0)
	end := min(off+h, len(lines))
	return lines[off:end], off
}

// cell is one cell of a table row: its column's name, its whole text and
// the width the table gives it.
type cell struct {
	label, text string
	width       int
}

// wholeCells is the selected row's cut cells shown whole under a table,
// wrapped to width and kept to at most most lines: a table may cut a
// cell, but the sentence must be readable without leaving the screen.
// Nil when nothing was cut.
func wholeCells(st *styles, width, most int, cells ...cell) []string {
	var parts []string
	for _, c := range cells {
		if ansi.StringWidth(c.text) > c.width {
			parts = append(parts, c.label+": "+c.text)
		}
	}
	if len(parts) == 0 || most < 1 {
		return nil
	}
	lines := wrap(strings.Join(parts, " · "), width)
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = truncate(lines[most-1]+" …", width)
	}
	for i := range lines {
		lines[i] = st.muted.Render(lines[i])
	}
	return lines
}

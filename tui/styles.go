package tui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
)

// palette names colours by what they mean, each adapted to light and dark
// terminals. Colour always comes with a glyph or a word.
var palette = struct {
	accent, muted, good, warn, bad, text, subtle lipgloss.AdaptiveColor
}{
	accent: lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B7A6FF"},
	muted:  lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"},
	good:   lipgloss.AdaptiveColor{Light: "#1F7A3A", Dark: "#5FD38A"},
	warn:   lipgloss.AdaptiveColor{Light: "#9A6200", Dark: "#F2B84B"},
	bad:    lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF6B6B"},
	text:   lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E8E8E8"},
	subtle: lipgloss.AdaptiveColor{Light: "#D0D0D0", Dark: "#3A3A3A"},
}

// styles is the one theme, built once in newStyles and shared through
// common: View functions never build styles.
type styles struct {
	title, header, muted, selected, cursor, label, errText, good, warn, bad  lipgloss.Style
	plain, section, status, statusErr, rule, barFull, barEmpty, focusedField lipgloss.Style
	// selection marks a field's selected value: typing replaces it.
	selection lipgloss.Style
	verdict   map[string]lipgloss.Style
}

func newStyles() *styles {
	s := &styles{
		title:        lipgloss.NewStyle().Bold(true).Foreground(palette.accent),
		header:       lipgloss.NewStyle().Bold(true),
		muted:        lipgloss.NewStyle().Foreground(palette.muted),
		selected:     lipgloss.NewStyle().Bold(true).Foreground(palette.accent),
		cursor:       lipgloss.NewStyle().Foreground(palette.accent),
		label:        lipgloss.NewStyle().Foreground(palette.muted),
		errText:      lipgloss.NewStyle().Foreground(palette.bad),
		good:         lipgloss.NewStyle().Foreground(palette.good),
		warn:         lipgloss.NewStyle().Foreground(palette.warn),
		bad:          lipgloss.NewStyle().Foreground(palette.bad),
		plain:        lipgloss.NewStyle(),
		section:      lipgloss.NewStyle().Bold(true).Underline(true),
		status:       lipgloss.NewStyle().Foreground(palette.muted),
		statusErr:    lipgloss.NewStyle().Bold(true).Foreground(palette.bad),
		rule:         lipgloss.NewStyle().Foreground(palette.subtle),
		barFull:      lipgloss.NewStyle().Foreground(palette.good),
		barEmpty:     lipgloss.NewStyle().Foreground(palette.subtle),
		focusedField: lipgloss.NewStyle().Foreground(palette.accent).Bold(true),
		selection:    lipgloss.NewStyle().Reverse(true),
	}

	s.verdict = map[string]lipgloss.Style{
		"open":     s.muted,
		"conforms": s.good,
		"minor":    s.warn,
		"major":    s.bad,
		"na":       s.muted,
	}
	return s
}

// glyphs pair every verdict with a sign, so state never rests on colour.
var glyphs = map[audit.Verdict]string{
	audit.Open: "·", audit.Conforms: "✓", audit.Minor: "!", audit.Major: "✗", audit.NA: "–",
}

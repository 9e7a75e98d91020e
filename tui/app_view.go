package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/report/i18n"
)

// appName is the program's name, in every language.
const appName = "assay"

// layout gives each screen the body's size: the terminal less the title,
// status and help lines.
func (m *Model) layout() {
	m.help.Width = m.width
	m.help.ShowAll = m.fullHelp
	w := max(m.width, minWidth)
	h := max(m.height, minHeight) - 1 - lipgloss.Height(m.statusView()) - lipgloss.Height(m.helpView())
	m.c.width, m.c.height = w, max(h, 3)
	m.home.setSize()
	m.form.setSize()
	m.key.setSize()
	if m.s != nil {
		m.walk.setSize()
		m.summary.setSize()
		m.details.setSize()
		m.actions.setSize()
	}
}

// helpView shows the keys that work now. It is cut to the width: bubbles'
// help overflows when the ellipsis itself does not fit.
func (m Model) helpView() string {
	var k help.KeyMap
	switch m.screen {
	case screenHome:
		k = m.home.keyMap()
	case screenNew:
		k = m.form.keyMap()
	case screenWalk:
		k = m.walk.keyMap()
	case screenSummary:
		k = m.summary.keyMap()
	case screenDetails:
		k = m.details.keyMap()
	case screenKey:
		k = m.key.keyMap()
	case screenActions:
		k = m.actions.keyMap()
	default:
		return ""
	}
	return m.c.st.plain.MaxWidth(max(m.width, minWidth)).Render(m.help.View(localKeys{km: k, w: m.c.w}))
}

// View implements tea.Model.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		msg := m.c.w.t("too_small", i18n.Args{"Width": m.width, "Height": m.height, "MinWidth": minWidth, "MinHeight": minHeight})
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center,
			m.c.st.plain.Width(max(m.width, 1)).Align(lipgloss.Center).Render(msg))
	}
	var body string
	switch {
	case m.fatal != nil:
		msg := m.c.w.t("catalog_missing", i18n.Args{"ID": sanitizeLine(m.fatal.ID), "Version": sanitizeLine(m.fatal.Version)})
		body = m.c.st.plain.Width(m.c.width).Render(m.c.st.errText.Render(msg) + "\n\n" + m.c.w.t("fatal_back", nil))
	case m.screen == screenHome:
		body = m.home.view()
	case m.screen == screenNew:
		body = m.form.view()
	case m.screen == screenWalk:
		body = m.walk.view()
	case m.screen == screenSummary:
		body = m.summary.view()
	case m.screen == screenDetails:
		body = m.details.view()
	case m.screen == screenKey:
		body = m.key.view()
	case m.screen == screenActions:
		body = m.actions.view()
	}

	w := max(m.width, minWidth)
	lines := []string{pad(m.titleView(), w)}
	lines = append(lines, fit(body, m.c.width, m.c.height)...)
	status := m.statusView()
	lines = append(lines, fit(status, w, lipgloss.Height(status))...)
	help := m.helpView()
	lines = append(lines, fit(help, w, lipgloss.Height(help))...)
	return strings.Join(lines, "\n")
}

func (m Model) titleView() string {
	left := m.c.st.title.Render(appName) + " · " + m.c.w.word(screenIDs[m.screen])
	right := ""
	if m.s != nil {
		if st := m.s.saveState(); st != "" {
			right = m.c.st.muted.Render(st)
		}
		// The ASMO's name takes what the save state leaves, so a wide
		// terminal shows all of it.
		room := m.width - lipgloss.Width(left) - lipgloss.Width(right) - 5
		left += " · " + truncate(sanitizeLine(m.s.a.Header.ASMO), max(room, 20))
	}
	return spread(left, right, m.width)
}

func (m Model) statusView() string {
	text, isErr := m.status, m.statusErr
	switch {
	case m.prompt() != "":
		// A question waits for its answer: nothing may hide it.
		text, isErr = m.prompt(), false
	case m.s != nil && m.s.saveFailure() != nil && (!isErr || m.forceArmed):
		text, isErr = m.saveErrorLine(), true
	}
	// A long message (a lock held elsewhere, a disk error) wraps onto a
	// second line rather than losing its end; longer still, its middle
	// gives way (see squeeze).
	lines := squeeze(text, max(m.width, minWidth), maxStatusLines)
	st := m.c.st.status
	if isErr {
		st = m.c.st.statusErr
	}
	for i := range lines {
		lines[i] = st.Render(lines[i])
	}
	return strings.Join(lines, "\n")
}

// prompt is the question the screen in front is asking (y/n), if any.
func (m Model) prompt() string {
	switch m.screen {
	case screenNew:
		return m.form.prompt()
	case screenWalk:
		return m.walk.prompt()
	case screenDetails:
		return m.details.prompt()
	}
	return ""
}

// maxStatusLines bounds how much of the screen a status message may take:
// every message of the message files fits in it at 80 columns (see
// TestEveryMessageFitsTwoLines); the key hints keep their own line.
const maxStatusLines = 2

// squeeze wraps text (its own line breaks kept) to at most n lines of w
// cells. Text longer than that keeps its beginning (what happened) and its
// end (what to do about it: the keys are at the end of a message), and
// loses the middle, where the data a message quotes (a path, a list)
// stands, marked "…".
func squeeze(text string, w, n int) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, wrap(l, w)...)
	}
	if len(lines) <= n {
		return lines
	}
	head := lines[:n-1]
	// The end: as many of the last words as fit one line after "… ".
	words := strings.Fields(strings.Join(lines[n-1:], " "))
	tail := ""
	for i := len(words) - 1; i >= 0; i-- {
		next := words[i]
		if tail != "" {
			next += " " + tail
		}
		if lipgloss.Width("… "+next) > w {
			break
		}
		tail = next
	}
	if tail == "" {
		// One word longer than the line: its end.
		last := words[len(words)-1]
		tail = ansi.TruncateLeft(last, lipgloss.Width(last)-(w-2), "")
	}
	return append(append([]string{}, head...), "… "+tail)
}

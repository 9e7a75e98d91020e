package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/report/i18n"
)

// Every key answers: a key a screen has no use for, or that cannot act
// now (a verdict on a finalized audit), says so on the status line, in a
// message that the next key clears. A newcomer never presses a key that
// silently does nothing.

// keyName is a key as its keycap reads, for a message: "z", "ctrl+x",
// "space". A paste that reached a screen without a field is cut short.
func (c *common) keyName(msg tea.KeyMsg) string {
	if msg.Type == tea.KeySpace || msg.String() == " " {
		return c.w.word("keyname_space")
	}
	return truncate(sanitizeLine(msg.String()), 12)
}

// noSuchKey answers a key the screen in front has no use for.
func (c *common) noSuchKey(msg tea.KeyMsg) tea.Cmd {
	return notify(c.w.t("key_unknown", i18n.Args{"Key": c.keyName(msg)}), false)
}

// readOnlyKey answers a key that would change a finalized audit.
func (c *common) readOnlyKey(msg tea.KeyMsg) tea.Cmd {
	return notify(c.w.t("key_read_only", i18n.Args{"Key": c.keyName(msg)}), true)
}

// answeredNo says that a question was answered no: nothing changed.
func (c *common) answeredNo() tea.Cmd { return notify(c.w.t("answered_no", nil), false) }

// say is a status message for a key that had nothing to do.
func (c *common) say(id string, args i18n.Args) tea.Cmd { return notify(c.w.t(id, args), false) }

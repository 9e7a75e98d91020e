package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/report/i18n"
)

// The signing key on the root: the form opens where finalizing or a
// signed export needs a key, and what needed it goes on once it is made.

// needKey opens the key form for what needs a key (finalize, export).
// Without Keys (a UI wired without them) it says how to make one with the
// command line, as before.
func (m Model) needKey(msg needSigningKeyMsg) (tea.Model, tea.Cmd) {
	if m.s == nil || msg.id != m.s.id {
		return m, nil
	}
	if m.c.deps.Keys == nil {
		text := m.c.w.t("no_signing_key", i18n.Args{"Command": m.c.keysCreateCommand()})
		if msg.then == keyThenExport {
			text = m.c.w.t("no_signing_key_export", i18n.Args{"Command": m.c.keysCreateCommand()})
		}
		return m.notify(text, true)
	}
	m.key = newKeyModel(m.c, m.screen, msg.then, nil, true, m.s.a.Header.LeadInspector)
	m.screen, m.fullHelp = screenKey, false
	m.layout()
	return m, loadKeyDraftCmd(m.c.deps.Home)
}

// keyCreated takes the key form's result: the key is shown on the home
// from now on, and the finalize or export that asked for it goes on.
func (m Model) keyCreated(msg keyCreatedMsg) (tea.Model, tea.Cmd) {
	if m.screen != screenKey {
		return m, nil
	}
	if msg.err != nil {
		var cmd tea.Cmd
		m.key, cmd = m.key.update(msg)
		return m, cmd
	}
	m.home.key, m.home.keyDone, m.home.keyErr = msg.info, true, nil
	said := m.c.w.t("key_created", i18n.Args{"Name": sanitizeLine(msg.info.Name)})
	from, then := m.key.from, m.key.then
	nm, cmd := m.navigate(from)
	mm := nm.(Model)
	cmd = tea.Batch(cmd, mm.leftForm()) // the key is made: its draft goes
	var after tea.Cmd
	if mm.s != nil && mm.screen == screenSummary {
		// The summary says it on its own line: the finalize or export
		// that goes on now has its own message for the status line.
		mm.summary.keyNote = said
		switch then {
		case keyThenFinalize:
			after = loadSignerCmd(mm.c.deps.SigningKey, mm.s.id)
		case keyThenExport:
			mm.summary, after = mm.summary.startExport()
		}
		mm.summary.render()
	}
	nm2, ncmd := mm.notify(said, false)
	return nm2, tea.Batch(cmd, after, ncmd)
}

// demoCreated lists the sample audit, selected, and says how to open it.
func (m Model) demoCreated(msg demoCreatedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		return m.notify(m.c.w.t("demo_failed", i18n.Args{"Error": m.c.w.errorText(msg.err)}), true)
	}
	m.home.want = msg.id
	nm, cmd := m.notify(m.c.w.t("demo_created", i18n.Args{"ID": msg.id}), false)
	return nm, tea.Batch(cmd, m.home.init())
}

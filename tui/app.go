// Package tui is assay's terminal UI: the audit list, the new-audit form,
// the walk through every requirement, and the summary. It reaches the disk
// only through the Store, Handle and Exporter interfaces, in commands.
package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// Minimum terminal size the layout is designed for.
const (
	minWidth  = 80
	minHeight = 24
)

// screen is which screen the root shows.
type screen int

const (
	screenHome screen = iota
	screenNew
	screenWalk
	screenSummary
	screenDetails
	screenKey
	screenActions
)

// String names the screen for logs and tests.
func (s screen) String() string {
	switch s {
	case screenHome:
		return "home"
	case screenNew:
		return "new"
	case screenWalk:
		return "walk"
	case screenSummary:
		return "summary"
	case screenDetails:
		return "details"
	case screenKey:
		return "key"
	case screenActions:
		return "actions"
	}
	return fmt.Sprintf("screen(%d)", int(s))
}

// common is what every screen shares: size, theme, keys, words and
// dependencies.
type common struct {
	width, height int // the body's size, between the title and status lines
	st            *styles
	g             globalKeys
	// w says the UI's words in its language; switching the language
	// replaces it, and every screen words itself from it when drawn.
	w *words
	// msgs are the UI's words in every language it has files for.
	msgs *i18n.Messages
	// cats holds each catalog's text in the UI's language (see catText).
	cats   *catalogTexts
	deps   Deps
	now    func() time.Time
	editor string
	// userHome is the user's home folder, for writing paths as ~/…; ""
	// writes them whole.
	userHome string
	// timer replaces tea.Tick in tests; nil in the program.
	timer func(d time.Duration, msg tea.Msg) tea.Cmd
	// next is the screen a screen asked to move to, taken by the root as
	// soon as the screen's update returns: a move through a command would
	// let keys typed right after it reach the old screen.
	next *screen
}

// goTo asks the root to show another screen once this update returns.
func (c *common) goTo(s screen) { c.next = &s }

// Model is the root of the UI: it routes messages to the screen in front,
// owns the open audit's session and the status and help lines.
type Model struct {
	c         *common
	screen    screen
	home      homeModel
	form      formModel
	walk      walkModel
	summary   summaryModel
	details   detailsModel
	key       keyModel
	actions   actionsModel
	s         *session
	help      help.Model
	fullHelp  bool
	width     int
	height    int
	status    string
	statusErr bool
	statusSeq int
	// statusSticky: the status line's message stays until its time is up,
	// whatever keys come (what was wrong at start).
	statusSticky bool
	// fatal is the catalog an opened audit needs and that is not
	// installed: the screen says so until esc.
	fatal      *standards.Identity
	leaving    bool
	leaveTo    afterClose
	forceArmed bool
	// quitAfterCreate: ctrl+c in the new-audit form is creating the draft;
	// quit once it exists.
	quitAfterCreate bool
	// nd and kd are the new-audit and signing-key forms' drafts on disk
	// (newdraft.go).
	nd, kd formDraft
	// ad is the draft of the amendment's reason, in the audit's folder.
	ad formDraft
}

// New builds the UI on its dependencies.
func New(d Deps) Model {
	msgs := d.Messages
	if msgs == nil {
		msgs = builtinMessages()
	}
	c := &common{st: newStyles(), g: newGlobalKeys(), msgs: msgs, w: newWords(msgs, d.Lang), cats: newCatalogTexts(),
		deps: d, now: d.Now, editor: d.Editor}
	if c.now == nil {
		c.now = time.Now
	}
	if c.editor == "" {
		c.editor = os.Getenv("EDITOR")
	}
	if c.editor == "" {
		c.editor = "vi"
	}
	c.userHome, _ = os.UserHomeDir()
	h := help.New()
	// Narrower than bubbles' four spaces, so the walk's four columns of
	// keys fit 80 columns in Spanish too.
	h.FullSeparator = "   "
	h.Styles.ShortKey = c.st.header
	h.Styles.FullKey = c.st.header
	// One writer for the form's drafts, shared by every copy of the model,
	// so a removal is never undone by an older write still running.
	return Model{c: c, home: newHomeModel(c), help: h, nd: newFormDraft(NewDraftFile), kd: newFormDraft(KeyDraftFile),
		ad: newFormDraft(AmendDraftFile)}
}

// Init lists the audits, and says what was wrong with config.toml or the
// home's message files.
func (m Model) Init() tea.Cmd {
	var warn []string
	for _, s := range []string{m.c.w.configWarning(m.c.deps.ConfigErr), m.c.w.messagesWarning(m.c.deps.MessageErrs),
		m.c.w.stateWarning(m.c.deps.StateErr), m.c.w.rescuedWarning(m.c.deps.Rescued)} {
		if s != "" {
			warn = append(warn, s)
		}
	}
	recovered := recoverNewDraftCmd(m.c.deps.Home, m.c.deps.Store)
	if len(warn) > 0 {
		// Kept until read: a key does not clear it, only its time does.
		warning := func() tea.Msg { return notifyMsg{text: strings.Join(warn, "\n"), err: true, sticky: true} }
		return tea.Batch(m.home.init(), warning, recovered)
	}
	return tea.Batch(m.home.init(), recovered)
}

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.KeyMsg:
		return m.updateKey(msg)
	case notifyMsg:
		nm, cmd := m.notify(msg.text, msg.err)
		if msg.sticky {
			mm := nm.(Model)
			mm.statusSticky = true
			return mm, m.c.after(2*statusTTL, statusExpiredMsg{seq: mm.statusSeq})
		}
		return nm, cmd
	case statusExpiredMsg:
		if msg.seq == m.statusSeq {
			m.status, m.statusErr, m.statusSticky = "", false, false
			m.layout()
		}
		return m, nil
	case draftDueMsg:
		cmd := m.draftDue(msg)
		return m, cmd
	case amendDraftLoadedMsg:
		return m.amendDraftLoaded(msg)
	case newDraftRecoveredMsg:
		if msg.err != nil {
			return m.notify(m.c.w.errorText(msg.err), true)
		}
		nm, cmd := m.notify(m.c.w.t("new_draft_recovered", i18n.Args{"ASMO": sanitizeLine(msg.asmo)}), false)
		if mm := nm.(Model); mm.screen == screenHome {
			return mm, tea.Batch(cmd, mm.home.init())
		}
		return nm, cmd
	case auditOpenedMsg, auditCreatedMsg:
		nm, cmd := m.opened(msg)
		mm := nm.(Model)
		cmd = tea.Batch(cmd, mm.leftForm()) // created: the form's draft file goes
		nm = mm
		if mm.quitAfterCreate {
			mm.quitAfterCreate = false
			if mm.s != nil {
				q, qcmd := mm.leave(closeToQuit)
				return q, tea.Batch(cmd, qcmd)
			}
			return mm, cmd // not created: the form and its error stay
		}
		return nm, cmd
	case saveDueMsg, auditSavedMsg, positionDueMsg, positionSavedMsg, handleClosedMsg, privateSaveDueMsg, privateSavedMsg:
		return m.updateSession(msg)
	case privateLoadedMsg:
		// The session keeps them; the register's form, if open, shows them.
		nm, cmd := m.updateSession(msg)
		mm := nm.(Model)
		if mm.screen == screenDetails {
			var scmd tea.Cmd
			mm.details, scmd = mm.details.update(msg)
			cmd = tea.Batch(cmd, scmd)
		}
		return mm, cmd
	case completedMsg:
		if m.screen == screenNew {
			return m.updateScreen(msg) // a report's path in the new-audit form
		}
		if m.s == nil || m.walk.s != m.s {
			return m, nil
		}
		var cmd tea.Cmd
		m.walk, cmd = m.walk.update(msg)
		return m, cmd
	case evidenceStoredMsg, evidenceDerivedMsg, editorFileMsg, editorClosedMsg:
		// Results of the walk's own work reach it even if the inspector
		// has gone to the summary meanwhile.
		if m.s == nil || m.walk.s != m.s {
			return m, nil
		}
		var cmd tea.Cmd
		m.walk, cmd = m.walk.update(msg)
		return m, cmd
	case exportedMsg:
		if m.screen != screenSummary {
			if msg.err != nil {
				return m.notify(m.c.exportFailedText(msg.err), true)
			}
			return m.notify(m.c.exportedText(msg.path), false)
		}
	case languageKeptMsg:
		if msg.err != nil {
			return m.notify(m.c.w.t("language_not_kept", i18n.Args{"Name": languageName(m.c.msgs, msg.lang),
				"Error": m.c.w.errorText(msg.err)}), true)
		}
		return m, nil
	case needSigningKeyMsg:
		return m.needKey(msg)
	case keyStatusLoadedMsg:
		m.home.keyLoaded(msg)
		if m.screen == screenKey {
			m.key, _ = m.key.update(msg)
		}
		return m, nil
	case keyCreatedMsg:
		return m.keyCreated(msg)
	case demoCreatedMsg:
		return m.demoCreated(msg)
	}
	return m.updateScreen(msg)
}

// updateKey handles the global keys, then gives the key to the screen.
func (m Model) updateKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.status != "" && !m.statusSticky {
		// A message is about what came before: the next key moves on, and
		// what this key has to say replaces it.
		m.status, m.statusErr = "", false
		m.layout()
	}
	if m.forceArmed && !key.Matches(msg, m.c.g.ForceQuit) && (m.typing() || !key.Matches(msg, m.c.g.Quit)) {
		// Any other key than the quit asked for keeps assay open; the
		// save goes on being retried.
		m.forceArmed = false
		m.layout()
	}
	if key.Matches(msg, m.c.g.ForceQuit) {
		if m.screen == screenNew && m.form.typed() {
			// ctrl+c saves everywhere: what was typed becomes a draft.
			return m.createDraftAndQuit()
		}
		return m.leave(closeToQuit)
	}
	if msg.Alt && !msg.Paste && (msg.Type == tea.KeyRunes || msg.Type == tea.KeyEsc) {
		// assay binds no alt keys: alt+x is esc typed just before x (the
		// terminal sends both in one read, over ssh or from a fast typist).
		// Take it as the two keys, else the x lands in the field esc left.
		tm, escCmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
		msg.Alt = false
		tm, cmd := tm.Update(msg)
		return tm, tea.Batch(escCmd, cmd)
	}
	if m.width < minWidth || m.height < minHeight {
		if key.Matches(msg, m.c.g.Quit) {
			return m.leave(closeToQuit)
		}
		return m, nil
	}
	if m.fatal != nil {
		if msg.Type == tea.KeyEsc {
			m.fatal = nil
			return m.leave(closeToHome)
		}
		return m, nil
	}
	if !m.typing() && msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		return m.splitRunes(msg)
	}
	if !m.typing() {
		switch {
		case key.Matches(msg, m.c.g.Quit):
			return m.leave(closeToQuit)
		case key.Matches(msg, m.c.g.Help):
			m.fullHelp = !m.fullHelp
			m.layout()
			return m, nil
		case m.fullHelp && msg.Type == tea.KeyEsc:
			// esc closes the help the inspector is reading; it must not
			// also leave the screen under it (the walk would close).
			m.fullHelp = false
			m.layout()
			return m, nil
		case key.Matches(msg, m.c.g.Language):
			// On every screen: whoever cannot read the screen's language
			// can change it wherever they are.
			return m.switchLanguage()

		}
	}
	return m.updateScreen(msg)
}

// splitRunes handles keys typed faster than the terminal is read (they
// arrive as one message) one by one, as shortcuts.
func (m Model) splitRunes(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var tm tea.Model = m
	for _, r := range msg.Runes {
		var cmd tea.Cmd
		tm, cmd = tm.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tm, tea.Batch(cmds...)
}

// typing reports whether a text field has the keys, so that single-letter
// shortcuts are off.
func (m Model) typing() bool {
	switch m.screen {
	case screenHome:
		return m.home.typing()
	case screenNew:
		return true
	case screenWalk:
		return m.walk.typing()
	case screenSummary:
		return m.summary.typing()
	case screenDetails:
		return m.details.typing()
	case screenKey:
		return m.key.typing()
	case screenActions:
		return m.actions.typing()
	}
	return false
}

func (m Model) updateScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		m.home, cmd = m.home.update(msg)
	case screenNew:
		m.form, cmd = m.form.update(msg)
	case screenWalk:
		m.walk, cmd = m.walk.update(msg)
	case screenSummary:
		m.summary, cmd = m.summary.update(msg)
	case screenDetails:
		m.details, cmd = m.details.update(msg)
	case screenKey:
		m.key, cmd = m.key.update(msg)
	case screenActions:
		m.actions, cmd = m.actions.update(msg)
	}
	if _, key := msg.(tea.KeyMsg); key {
		cmd = tea.Batch(cmd, m.typedInForm())
	}
	if m.screen == screenSummary && m.ad.onDisk && !m.amendingReason() {
		// Amended, or the reason dropped: its draft goes.
		cmd = tea.Batch(cmd, m.ad.left(m.c))
	}
	if to := m.c.next; to != nil {
		m.c.next = nil
		nm, ncmd := m.navigate(*to)
		mm := nm.(Model)
		return mm, tea.Batch(cmd, ncmd, mm.leftForm())
	}
	if m.screen != screenHome {
		m.layout() // a field may have changed the help line
	}
	return m, cmd
}

// navigate moves between screens; leaving an audit goes through leave so
// it is saved and unlocked first.
func (m Model) navigate(to screen) (tea.Model, tea.Cmd) {
	switch to {
	case screenHome:
		if m.s != nil {
			return m.leave(closeToHome)
		}
		m.screen = screenHome
		m.layout()
		return m, m.home.init()
	case screenNew:
		m.form = newFormModel(m.c, m.home.entries)
	case screenDetails:
		m.details = newDetailsModel(m.c, m.s, m.screen)
	case screenActions:
		m.actions = newActionsModel(m.c, m.s, m.screen)
	case screenWalk:
		m.walk.refresh()
	case screenSummary:
		if m.screen == screenKey {
			// Back from the key form: the summary as it was (its export
			// dialog's language kept).
			m.summary.refresh()
			break
		}
		m.summary = newSummaryModel(m.c, m.s)
	case screenKey:
		if m.screen == screenHome {
			m.key = newKeyModel(m.c, screenHome, keyThenNothing, m.home.key, m.home.keyDone, "")
			m.screen, m.fullHelp = screenKey, false
			m.layout()
			if m.home.keyDone {
				return m, loadKeyDraftCmd(m.c.deps.Home)
			}
			return m, tea.Batch(keyStatusCmd(m.c.deps.Keys), loadKeyDraftCmd(m.c.deps.Home))
		}
	}

	m.screen = to
	m.fullHelp = false
	m.layout()
	var cmd tea.Cmd
	if m.s != nil {
		cmd = m.s.flush(m.c.now)
	}
	return m, cmd
}

// opened starts a session on a freshly opened or created audit.
func (m Model) opened(msg tea.Msg) (tea.Model, tea.Cmd) {
	var h Handle
	var err error
	var pos audit.Position
	switch msg := msg.(type) {
	case auditOpenedMsg:
		h, err, pos = msg.h, msg.err, msg.pos
	case auditCreatedMsg:
		h, err = msg.h, msg.err
	}
	if err != nil {
		if m.screen == screenNew {
			m.form.creating = false
		}
		return m.notify(m.c.w.errorText(err), true)
	}
	a := h.Audit().Clone()
	cat, catErr := m.c.deps.Catalogs.ForIdentity(a.Catalog)
	m.s = newSession(m.c, h, cat)
	if cat == nil {
		m.fatal = &a.Catalog
		return m, nil
	}
	m.walk = newWalkModel(m.c, m.s, pos)
	m.screen = screenWalk
	m.fullHelp = false
	m.layout()
	var changed *standards.ChangedError
	if errors.As(catErr, &changed) {
		// Still usable (findings are keyed by requirement id), but the
		// inspector must know the texts may not be those audited against.
		return m.notify(m.c.w.catalogChangedText(changed), true)
	}
	if _, created := msg.(auditCreatedMsg); created {
		// Replaces "creating…", and tells a first-time user where to start.
		return m.notify(m.c.w.t("created", nil), false)
	}
	return m, nil
}

// notify shows a transient message on the status line.
func (m Model) notify(text string, isErr bool) (tea.Model, tea.Cmd) {
	m.statusSeq++
	m.status, m.statusErr, m.statusSticky = sanitizeLine(text), isErr, false
	m.layout()
	return m, m.c.after(statusTTL, statusExpiredMsg{seq: m.statusSeq})
}

// switchLanguage moves the UI to the next language it has words for: the
// next frame is in it, and the choice is remembered in the home for the
// next start (in a command: no I/O here).
func (m Model) switchLanguage() (tea.Model, tea.Cmd) {
	lang := nextLanguage(m.c.msgs, m.c.w.lang)
	m.c.w = newWords(m.c.msgs, lang)
	m.relang()
	nm, cmd := m.notify(m.c.w.t("language_switched", i18n.Args{"Name": languageName(m.c.msgs, lang)}), false)
	return nm, tea.Batch(cmd, keepLanguageCmd(m.c.deps.Home, lang))
}

// relang words anew what the screens keep worded (field prompts and
// placeholders, the summary's lines); everything else is worded when drawn.
func (m *Model) relang() {
	m.home.relang()
	if m.form.c != nil {
		m.form.f.relang()
	}
	if m.s != nil {
		if m.walk.c != nil {
			m.walk.relang()
		}
		if m.summary.c != nil {
			m.summary.relang()
		}
		if m.details.c != nil {
			m.details.relang()
		}
	}
	m.layout()
}

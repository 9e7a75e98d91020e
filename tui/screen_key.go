package tui

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards/safefile"
)

// keyThen is what the key form goes on with once the key exists: the
// finalize or the signed export that asked for it.
type keyThen int

const (
	keyThenNothing keyThen = iota
	keyThenFinalize
	keyThenExport
)

// The key form's fields, in tab order.
const (
	keyFieldName = iota
	keyFieldEmail
	keyFieldOrg
	keyFields
)

// keyInfoIDs label the key's description, in order (see infoLines).
var keyInfoIDs = []string{"key_label_name", "key_label_subject", "key_label_issuer", "key_label_valid",
	"key_label_fingerprint", "key_label_file"}

// keyWhyIDs say why the form is asked for, by what it goes on with.

var keyWhyIDs = map[keyThen]string{keyThenNothing: "key_why", keyThenFinalize: "key_why_finalize", keyThenExport: "key_why_export"}

// keyFieldIDs are the form's labels, and keyFieldKeys what

// identity.SubjectError calls each field.
var (
	keyFieldIDs  = [keyFields]string{"key_label_name", "key_label_email", "key_label_org"}
	keyFieldKeys = [keyFields]string{"name", "email", "org"}
)

// keyModel is the signing key: shown when there is one, else a short form
// (name, e-mail, organisation, from config.toml and the audit) that makes
// it as assay keys create does, then goes on with what needed it. The
// first run needs no second terminal.
type keyModel struct {
	c        *common
	keys     keyKeys
	from     screen  // where esc, and a key made, go back to
	then     keyThen // what goes on once the key exists
	info     *KeyInfo
	loading  bool
	fields   [keyFields]lineInput
	focus    int
	fieldErr [keyFields]error // what is wrong with each field
	err      error            // why the last attempt failed otherwise
	creating bool
	tried    bool // ctrl+s was pressed: every field's error shows
	// restored: the fields came from KeyDraftFile, which goes when the
	// form is left.
	restored bool
	// typed: a key changed a field since the form opened (a draft read
	// later does not overwrite it).
	typed bool
}

// newKeyModel opens the key screen: info is the key there is, if known
// (loaded false: not looked up yet); lead is the open audit's lead
// inspector, the name's default after config.toml's.
func newKeyModel(c *common, from screen, then keyThen, info *KeyInfo, loaded bool, lead string) keyModel {
	m := keyModel{c: c, keys: newKeyKeys(&c.g), from: from, then: then, info: info, loading: !loaded}
	cfg := c.deps.Config
	values := [keyFields]string{firstSet(cfg.Inspector, lead), cfg.Email, cfg.Organisation}
	for i := range m.fields {
		m.fields[i] = newLineInput("", c.st.selection)
		m.fields[i].SetValue(sanitizeLine(values[i]))
	}
	m.fields[0].focusSelect()
	m.setSize()
	return m
}

// keyDraft is the key form's fields as typed, kept in KeyDraftFile.
type keyDraft struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	Org   string `json:"organisation,omitempty"`
}

// draft is the form's fields for KeyDraftFile.
func (m keyModel) draft() ([]byte, error) {
	return json.Marshal(keyDraft{Name: m.fields[keyFieldName].Value(), Email: m.fields[keyFieldEmail].Value(), Org: m.fields[keyFieldOrg].Value()})
}

// keyDraftLoadedMsg: the key form's fields as typed before assay stopped.
type keyDraftLoadedMsg struct{ d keyDraft }

// loadKeyDraftCmd reads KeyDraftFile for the form just opened.
func loadKeyDraftCmd(home string) tea.Cmd {
	if home == "" {
		return nil
	}
	return func() tea.Msg {
		if d, ok := loadKeyDraft(home); ok {
			return keyDraftLoadedMsg{d}
		}
		return nil
	}
}

// restore puts what was typed before assay stopped (newdraft.go) in the
// fields, over the defaults; not once a field was typed in since the form
// opened, nor while the key is being made.
func (m keyModel) restore(d keyDraft) keyModel {
	if !m.form() || m.creating || m.typed {
		return m
	}
	for i, v := range [keyFields]string{d.Name, d.Email, d.Org} {
		if strings.TrimSpace(v) != "" {
			// Not selected, the cursor at its end: typing goes on after
			// what was typed, rather than replacing it.
			m.fields[i].SetValue(sanitizeLine(v))
			m.fields[i].CursorEnd()
			m.restored = true
		}
	}
	return m
}

// loadKeyDraft reads KeyDraftFile; a missing, odd or broken one is none.
func loadKeyDraft(home string) (keyDraft, bool) {
	var d keyDraft
	if home == "" {
		return d, false
	}
	data, err := safefile.ReadFile(filepath.Join(home, KeyDraftFile), safefile.LimitSmall)
	if err != nil || json.Unmarshal(data, &d) != nil {
		return d, false
	}
	return d, true
}

// firstSet is the first of ss that is not blank.
func firstSet(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func (m *keyModel) setSize() {
	if m.c == nil {
		return
	}
	for i := range m.fields {
		m.fields[i].Width = max(m.c.width-labelWidth-4, 10)
	}
}

// form reports whether the screen is the form (no key yet).
func (m keyModel) form() bool { return m.info == nil && !m.loading }

// typing: the form's fields take every key.
func (m keyModel) typing() bool { return m.form() }

func (m keyModel) update(msg tea.Msg) (keyModel, tea.Cmd) {
	switch msg := msg.(type) {
	case keyDraftLoadedMsg:
		return m.restore(msg.d), nil
	case keyStatusLoadedMsg:
		m.loading = false
		m.info, m.err = msg.info, msg.err
		return m, nil
	case keyCreatedMsg:
		m.creating = false
		var se *identity.SubjectError
		switch {
		case errors.As(msg.err, &se):
			for i, k := range keyFieldKeys {
				if k == se.Field {
					m.fieldErr[i], m.focus = se, i
				}
			}
			m.refocus()
		case msg.err != nil:
			m.err = msg.err
		}
		return m, nil
	case tea.KeyMsg:
		return m.updateKey(msg)
	}
	return m, nil
}

func (m keyModel) updateKey(msg tea.KeyMsg) (keyModel, tea.Cmd) {
	k := m.keys
	if key.Matches(msg, k.Cancel) {
		m.c.goTo(m.from)
		if m.then != keyThenNothing && m.info == nil {
			return m, m.c.say("key_cancelled", nil)
		}
		return m, nil
	}
	if !m.form() || m.creating {
		if m.creating {
			return m, m.c.say("key_creating", nil)
		}
		return m, m.c.noSuchKey(msg)
	}
	switch {
	case key.Matches(msg, k.Create):
		return m.create()
	case key.Matches(msg, k.Next):
		m.focus = (m.focus + 1) % keyFields
		m.refocus()
		return m, nil
	case key.Matches(msg, k.Prev):
		m.focus = (m.focus + keyFields - 1) % keyFields
		m.refocus()
		return m, nil
	}
	before := m.fields[m.focus].Value()
	cmd := m.fields[m.focus].update(cleanKey(msg, false))
	m.typed = m.typed || m.fields[m.focus].Value() != before
	m.check()
	return m, cmd
}

// refocus gives the focused field the keys, its value selected.
func (m *keyModel) refocus() {
	for i := range m.fields {
		m.fields[i].Blur()
	}
	m.fields[m.focus].focusSelect()
}

// check applies report/identity's rule to what is typed, so a wrong
// e-mail shows under its field before ctrl+s.
func (m *keyModel) check() {
	m.fieldErr = [keyFields]error{}
	// Each field on its own, so both say what is wrong with them.
	for _, err := range []error{identity.CheckSubject(m.value(keyFieldName), ""), identity.CheckSubject("-", m.value(keyFieldEmail))} {
		var se *identity.SubjectError
		if errors.As(err, &se) {
			for i, k := range keyFieldKeys {
				if k == se.Field {
					m.fieldErr[i] = se
				}
			}
		}
	}
}

func (m keyModel) value(i int) string { return strings.TrimSpace(m.fields[i].Value()) }

// create makes the key, once the fields are right.
func (m keyModel) create() (keyModel, tea.Cmd) {
	m.tried, m.err = true, nil
	m.check()
	for i, e := range m.fieldErr {
		if e != nil {
			m.focus = i
			m.refocus()
			return m, nil
		}
	}
	m.creating = true
	return m, createKeyCmd(m.c.deps.Keys, m.value(keyFieldName), m.value(keyFieldEmail), m.value(keyFieldOrg))
}

// fieldError words field i's problem, shown once the field was left or
// ctrl+s pressed (a half-typed e-mail is not yet wrong).
func (m keyModel) fieldError(i int) string {
	var se *identity.SubjectError
	if !errors.As(m.fieldErr[i], &se) || (!m.tried && i == m.focus) {
		return ""
	}
	if se.Field == "name" {
		return m.c.w.t("key_name_required", nil)
	}
	return m.c.w.t("key_bad_email", i18n.Args{"Email": sanitizeLine(se.Value)})
}

func (m keyModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	f := m.form()
	setEnabled(f && !m.creating, &k.Create, &k.Next, &k.Prev, &k.Clear, &g.ForceQuit)
	setEnabled(f && m.fields[m.focus].selected, &k.Replace)
	setEnabled(!f, &g.Quit, &g.Help, &g.Language)
	return k
}

func (m keyModel) view() string {
	st := m.c.st
	w := m.c.width
	lines := []string{st.header.Render(m.c.w.t("key_title", nil)), ""}
	para := func(style lipgloss.Style, text string) {
		for _, l := range wrap(text, w) {
			lines = append(lines, style.Render(l))
		}
	}
	switch {
	case m.loading:
		lines = append(lines, m.c.w.t("loading", nil))
	case m.info != nil:
		lines = append(lines, m.infoLines()...)
		if m.err != nil {
			para(st.errText, "✗ "+m.c.w.errorText(m.err))
		}
	default:
		para(st.warn, m.c.w.word(keyWhyIDs[m.then]))
		lines = append(lines, "")
		for i := range m.fields {
			label := m.c.w.word(keyFieldIDs[i])
			var row string
			if i == m.focus {
				row = st.focusedField.Render(pad("› "+label, labelWidth)) + m.fields[i].View()
			} else {
				v := m.fields[i].Value()
				if v == "" {
					v = st.muted.Render(m.c.w.t("key_empty", nil))
				}
				row = st.label.Render(pad("  "+label, labelWidth)) + truncate(sanitizeLine(v), w-labelWidth)
			}
			lines = append(lines, truncate(row, w))
			if e := m.fieldError(i); e != "" {
				for j, l := range wrap(e, w-4) {
					mark := "    "
					if j == 0 {
						mark = "  ✗ "
					}
					lines = append(lines, st.errText.Render(mark+l))
				}
			}
		}
		lines = append(lines, "")
		para(st.muted, m.c.w.t("key_self_signed_note", nil))
		switch {
		case m.creating:
			lines = append(lines, st.warn.Render(m.c.w.t("key_creating", nil)))
		case m.err != nil:
			para(st.errText, "✗ "+m.c.w.t("key_failed", i18n.Args{"Error": m.c.w.errorText(m.err)}))
		default:
			para(st.muted, m.c.w.t("key_form_hint", nil))
		}
	}
	vis, _ := window(lines, 0, m.c.height)
	return strings.Join(vis, "\n")
}

// infoLines describe the key there is: whose, who vouches for it, how
// long it is valid, its fingerprint (what a certification body compares)
// and where it is.
func (m keyModel) infoLines() []string {
	st := m.c.st
	w := m.c.w
	in := m.info
	issuer := sanitizeLine(in.Issuer)
	if in.SelfSigned {
		issuer = w.t("key_self_signed", nil)
	}
	values := []string{sanitizeLine(in.Name), sanitizeLine(in.Subject), issuer,
		w.t("key_valid", i18n.Args{"From": w.l.Date(in.NotBefore.UTC()), "Until": w.l.Date(in.NotAfter.UTC())}),
		in.Fingerprint, m.c.tilde(sanitizeLine(in.KeyFile))}
	var out []string
	for i, v := range values {
		for j, l := range wrap(v, m.c.width-labelWidth) {
			label := ""
			if j == 0 {
				label = w.word(keyInfoIDs[i])
			}
			out = append(out, st.label.Render(pad("  "+label, labelWidth))+l)
		}
	}
	out = append(out, "")
	for _, l := range wrap(w.t("key_info_note", nil), m.c.width) {
		out = append(out, st.muted.Render(l))
	}
	return out
}

// keyKeys are the key screen's keys.
type keyKeys struct {
	Next, Prev, Create, Cancel, Clear, Replace key.Binding
	g                                          *globalKeys
}

func newKeyKeys(g *globalKeys) keyKeys {
	return keyKeys{
		Next:    bind("key_next_field", "tab/↓", "tab", "down"),
		Prev:    bind("key_prev_field", "shift+tab/↑", "shift+tab", "up"),
		Create:  bind("key_create_key", "ctrl+s", "ctrl+s"),
		Cancel:  bind("key_back", "esc", "esc"),
		Clear:   bind("key_clear_field", "ctrl+u", "ctrl+u"),
		Replace: bind("key_replace", "type", "type"),
		g:       g,
	}
}

// ShortHelp implements help.KeyMap.
func (k keyKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Replace, k.Create, k.Cancel, k.Next, k.Prev, k.Clear, k.g.Help, k.g.Quit, k.g.ForceQuit}
}

// FullHelp implements help.KeyMap.
func (k keyKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Replace, k.Clear}, {k.Create, k.Cancel, k.g.Language, k.g.Help, k.g.Quit, k.g.ForceQuit}}
}

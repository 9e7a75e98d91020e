package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// walkFocus is what has the keys in the walk.
type walkFocus int

const (
	focusList walkFocus = iota
	focusNotes
	focusAction
	focusDue
	focusJust
	focusEvidence
	focusAttach
	focusSearch
	focusCaption // a file's caption, from the evidence list
	focusJustify // a justification of a file's mark, from the evidence list
)

// walkItem is one requirement in an area's list, with whether it counts.
type walkItem struct {
	req *standards.Requirement
	ap  audit.Applicability
}

// walkModel walks the catalog area by area: the list on the left, the
// requirement and its finding on the right.
type walkModel struct {
	c       *common
	s       *session
	keys    walkKeys
	areas   []standards.Area
	items   [][]walkItem // per area: applicable, then informative, then excluded
	area    int
	sel     int
	listOff int
	scroll  int // detail pane offset
	focus   walkFocus
	notes   noteEditor
	action  noteEditor // multi-line, as the notes: read whole as written
	due     lineInput
	just    noteEditor
	attach  textinput.Model
	search  textinput.Model
	// caption and justify edit the selected file's caption and the
	// justification of its mark justKind.
	caption  textinput.Model
	justify  textinput.Model
	justKind audit.EvidenceFlagKind
	// evOrig is the caption or justification as it was when its editing
	// started: what is typed is saved as it is typed (a crash must not
	// lose it), so esc puts this back.
	evOrig string
	// wide gives the list most of the width while it has the keys (w).
	wide bool
	// dueErr is why the due date typed does not parse, worded when drawn.
	dueErr  error
	evSel   int
	results []*standards.Requirement
	resSel  int
	cache   *walkCache
	// found keeps the folded text of the findings for search (shared by
	// copies of the model).
	found findingSearch
	// preparing holds the digests of photos whose report-ready image is
	// being made in the background (shared by copies of the model).
	preparing map[string]bool
	clearing  *verdictChange // asking before a verdict change deletes text
}

func newWalkModel(c *common, s *session, pos audit.Position) walkModel {
	m := walkModel{
		c: c, s: s, keys: newWalkKeys(&c.g),
		notes: newNotes(c.st.muted), action: newNotes(c.st.muted), due: newLineInput("", c.st.selection),
		just: newNotes(c.st.muted), attach: newInput(""), search: newInput(""),
		caption: newInput(""), justify: newInput(""),
		cache: newWalkCache(), preparing: map[string]bool{}, found: findingSearch{},
	}
	m.buildItems()
	m.resume(pos)
	m.relang() // the prompts, then the sizes that depend on them
	return m
}

// relang words the fields' prompts in the UI's language; the rest is
// worded when drawn (the cache of wrapped text knows its language).
func (m *walkModel) relang() {
	w := m.c.w
	m.due.Prompt = w.t("due_label", nil)
	m.attach.Prompt = w.t("attach_prompt", nil)

	m.search.Prompt = w.t("search_prompt", nil)
	m.caption.Prompt = w.t("caption_prompt", nil)
	m.justify.Prompt = w.t("justify_prompt", nil)
	m.caption.CharLimit, m.justify.CharLimit = audit.MaxCaptionRunes, audit.MaxJustificationRunes
	m.setSize()
}

// buildItems sorts each area's requirements by applicability, keeping file
// order within each group.
func (m *walkModel) buildItems() {
	m.areas = m.s.cat.WalkAreas()
	m.items = make([][]walkItem, len(m.areas))
	for i, ar := range m.areas {
		var groups [3][]walkItem
		for j := range m.s.cat.Requirements {
			r := &m.s.cat.Requirements[j]
			if r.Area != ar {
				continue
			}
			ex := audit.ExplainApplicability(r, m.s.a.Header)
			if ex.OutOfFollowUp {
				continue // a follow-up audit walks its corrective actions only
			}
			ap := ex.Applicability
			g := min(max(int(ap), 0), 2)
			groups[g] = append(groups[g], walkItem{req: r, ap: ap})
		}
		m.items[i] = append(append(groups[0], groups[1]...), groups[2]...)
	}
}

// resume puts the walk where the inspector left it.
func (m *walkModel) resume(p audit.Position) {
	for i, ar := range m.areas {
		if string(ar) == p.Area {
			m.area = i
		}
	}
	for i, it := range m.items[m.area] {
		if it.req.ID == p.Requirement {
			m.sel = i
		}
	}
	m.scroll = max(p.Scroll, 0)
}

// position is where the walk is now, for the store.
func (m walkModel) position() audit.Position {
	p := audit.Position{Scroll: m.scroll}
	if m.area < len(m.areas) {
		p.Area = string(m.areas[m.area])
	}
	if r := m.current(); r != nil {
		p.Requirement = r.ID
	}
	return p
}

func (m walkModel) current() *standards.Requirement {
	if m.area < len(m.items) && m.sel < len(m.items[m.area]) {
		return m.items[m.area][m.sel].req
	}
	return nil
}

func (m walkModel) editable() bool { return m.s.a.Editable() }

func (m walkModel) typing() bool { return m.focus != focusList || m.clearing != nil }

// refresh recomputes what depends on the audit's header and status.
func (m *walkModel) refresh() {
	if m.s == nil || m.s.cat == nil {
		return
	}
	id := ""
	if r := m.current(); r != nil {
		id = r.ID
	}
	m.buildItems()
	m.resume(audit.Position{Area: string(m.areas[m.area]), Requirement: id, Scroll: m.scroll})
}

func (m walkModel) update(msg tea.Msg) (walkModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if m.clearing != nil {
			return m.answerClear(msg)
		}
		switch m.focus {
		case focusList:
			return m.updateList(msg)
		case focusSearch:
			return m.updateSearch(msg)
		case focusEvidence:
			return m.updateEvidence(msg)
		case focusAttach:
			return m.updateAttach(msg)
		case focusCaption, focusJustify:
			return m.updateEvidenceText(msg)
		}
		return m.updateField(msg)
	case tea.MouseMsg:
		if d, ok := isWheel(msg); ok {
			if msg.X < m.leftWidth() && m.focus == focusList {
				return m.moveBy(d)
			}
			m.scroll = min(max(m.scroll+d, 0), m.maxScroll())
		}
	case completedMsg:
		if m.focus == focusAttach && m.attach.Value() == msg.input {
			m.attach.SetValue(msg.value)
			m.attach.CursorEnd()
			if msg.value == msg.input && len(msg.names) > 1 {
				// Nothing more to add: show the choices, as a shell does.
				return m, notify(m.c.w.t("candidates", i18n.Args{"Names": strings.Join(msg.names, "  ")}), false)
			}
			if msg.err != nil {
				return m, notify(m.c.w.errorText(msg.err), true)
			}
			if msg.value == msg.input && len(msg.names) == 0 {
				return m, notify(m.c.w.t("no_candidates", nil), true)
			}
		}
	case evidenceStoredMsg:
		return m.evidenceStored(msg)
	case evidenceDerivedMsg:
		return m.evidenceDerived(msg)
	case editorFileMsg:
		if msg.err != nil {
			return m, notify(m.c.w.t("editor_failed", i18n.Args{"Error": m.c.w.errorText(msg.err)}), true)
		}
		return m, editorCmd(m.c.editor, msg.reqID, msg.path)
	case editorClosedMsg:
		return m.editorClosed(msg)
	}
	return m, nil
}

// updateList handles keys while the list has focus: moving and verdicts.
// A key that would change a finalized audit says why it cannot; any other
// key the walk does not know says so (see answer.go).
func (m walkModel) updateList(msg tea.KeyMsg) (walkModel, tea.Cmd) {
	k := m.keys
	if m.writes(msg) && !(m.editable() && m.current() != nil) {
		if m.current() == nil {
			return m, m.c.say("no_requirement", nil)
		}
		return m, m.c.readOnlyKey(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		if m.sel == 0 {
			return m, m.c.say("walk_first", i18n.Args{"Area": m.c.w.areaName(m.areas[m.area])})
		}
		return m.moveBy(-1)
	case key.Matches(msg, k.Down):
		if m.sel >= len(m.items[m.area])-1 {
			return m, m.c.say("walk_last", i18n.Args{"Area": m.c.w.areaName(m.areas[m.area])})
		}
		return m.moveBy(1)
	case key.Matches(msg, k.NextArea):
		return m.moveTo((m.area+1)%len(m.areas), 0)
	case key.Matches(msg, k.PrevArea):
		return m.moveTo((m.area+len(m.areas)-1)%len(m.areas), 0)
	case key.Matches(msg, k.NextOpen):
		return m.nextOpen()
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.PageUp):
		return m.page(key.Matches(msg, k.PageUp))
	case key.Matches(msg, k.Search):
		m.focus = focusSearch
		m.search.SetValue("")
		m.results, m.resSel = nil, 0
		return m, m.search.Focus()
	case key.Matches(msg, k.Summary):
		m.c.goTo(screenSummary)
		return m, nil
	case key.Matches(msg, k.Details):
		m.c.goTo(screenDetails)
		return m, nil
	case key.Matches(msg, k.Back):
		m.c.goTo(screenHome)
		return m, nil
	case key.Matches(msg, k.Conforms):
		return m.setVerdict(audit.Conforms)
	case key.Matches(msg, k.Minor):
		return m.setVerdict(audit.Minor)
	case key.Matches(msg, k.Major):
		return m.setVerdict(audit.Major)
	case key.Matches(msg, k.NA):
		return m.setVerdict(audit.NA)
	case key.Matches(msg, k.Open):
		return m.setVerdict(audit.Open)
	case key.Matches(msg, k.Notes):
		return m.focusField(focusNotes)
	case key.Matches(msg, k.Editor):
		return m.openEditor()
	case key.Matches(msg, k.Attach):
		m.focus = focusAttach
		m.attach.SetValue("")
		return m, m.attach.Focus()
	case key.Matches(msg, k.Evidence):
		if r := m.current(); r == nil || len(findingEvidence(m.s.a, r.ID)) == 0 {
			return m, m.c.say("walk_no_evidence", nil)
		}
		m.focus, m.evSel = focusEvidence, 0
	case key.Matches(msg, k.Wide):
		m.wide = !m.wide
		m.setSize()
	case key.Matches(msg, k.CopyPrevious), key.Matches(msg, k.Actions):
		switch {
		case m.s.a.Previous == nil && key.Matches(msg, k.CopyPrevious):
			return m, m.c.say("no_previous_notes", i18n.Args{"Key": m.c.keyName(msg)})
		case m.s.a.Previous == nil:
			return m, m.c.say("no_previous_actions", i18n.Args{"Key": m.c.keyName(msg)})
		case key.Matches(msg, k.CopyPrevious):
			return m.copyPrevious()
		}
		m.c.goTo(screenActions)
	default:
		return m, m.c.noSuchKey(msg)
	}
	return m, nil
}

// page scrolls the requirement's text by half its pane, or says why it
// cannot: all of it is on screen, or it is at an end already.
func (m walkModel) page(up bool) (walkModel, tea.Cmd) {
	if m.maxScroll() == 0 {
		return m, m.c.say("walk_no_scroll", nil)
	}
	d := max(m.detailHeight()/2, 1)
	if up {
		d = -d
	}
	if to := min(max(m.scroll+d, 0), m.maxScroll()); to != m.scroll {
		m.scroll = to
		return m, nil
	}
	if up {
		return m, m.c.say("list_top", nil)
	}
	return m, m.c.say("list_end", nil)
}

// writes reports whether a key of the list would change the finding: a
// verdict, the notes (last year's copied in too) and the files.
func (m walkModel) writes(msg tea.KeyMsg) bool {
	k := m.keys
	for _, b := range []key.Binding{k.Conforms, k.Minor, k.Major, k.NA, k.Open, k.Notes, k.Editor, k.Attach, k.CopyPrevious} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

// moveBy moves the selection within the area.
func (m walkModel) moveBy(d int) (walkModel, tea.Cmd) {
	n := len(m.items[m.area])
	return m.moveTo(m.area, min(max(m.sel+d, 0), max(n-1, 0)))
}

// moveTo selects a requirement; every move saves pending edits now and the
// position after a pause.
func (m walkModel) moveTo(area, sel int) (walkModel, tea.Cmd) {
	if area == m.area && sel == m.sel {
		return m, nil
	}
	m.area, m.sel, m.scroll = area, sel, 0
	m.dueErr = nil
	m.keepVisible()
	m.s.moves++
	return m, tea.Batch(m.s.flush(m.c.now), m.c.after(positionDebounce, positionDueMsg{moves: m.s.moves}))
}

// nextOpen jumps to the next applicable requirement without a verdict,
// across areas.
func (m walkModel) nextOpen() (walkModel, tea.Cmd) {
	a, i := m.area, m.sel
	for range len(m.s.cat.Requirements) + len(m.areas) {
		i++
		if i >= len(m.items[a]) {
			a, i = (a+1)%len(m.areas), -1
			continue
		}
		it := m.items[a][i]
		if it.ap == audit.Applies && m.s.a.VerdictOf(it.req.ID) == audit.Open {
			return m.moveTo(a, i)
		}
	}
	return m, notify(m.c.w.t("all_assessed", nil), false)
}

// maxScroll is the detail's last useful offset, so that scrolling back up
// starts moving at once.
func (m walkModel) maxScroll() int {
	r := m.current()
	if r == nil {
		return 0
	}
	return max(len(m.detailLines(r, m.items[m.area][m.sel].ap))-m.detailHeight(), 0)
}

func (m *walkModel) keepVisible() {
	row := m.rowOf(m.sel)
	h := m.listHeight()
	if row < m.listOff {
		m.listOff = row
	}
	if row >= m.listOff+h {
		m.listOff = row - h + 1
	}
	m.listOff = max(m.listOff, 0)
}

func (m walkModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	k.field = m.focus != focusList || m.clearing != nil
	all := []*key.Binding{&k.Up, &k.Down, &k.NextArea, &k.PrevArea, &k.NextOpen, &k.PageUp, &k.PageDown,
		&k.Conforms, &k.Minor, &k.Major, &k.NA, &k.Open, &k.Notes, &k.Editor, &k.Attach, &k.Evidence, &k.Detach, &k.Caption, &k.Justify,
		&k.Search, &k.Summary, &k.Details, &k.Back, &k.FieldNext, &k.FieldPrev, &k.Leave, &k.Complete, &k.Accept, &k.Cancel,
		&k.Verdicts, &k.Wide, &k.Replace, &k.Clear, &k.CopyPrevious, &k.Actions, &g.Quit, &g.Help, &g.Language, &g.Yes, &g.No}
	setEnabled(false, all...)
	ed := m.editable() && m.current() != nil
	switch {
	case m.clearing != nil:
		// A question: its answer is all the keys do.
		setEnabled(true, &g.Yes, &g.No)
	case m.focus == focusList:
		setEnabled(true, &k.Up, &k.Down, &k.NextArea, &k.PrevArea, &k.NextOpen, &k.PageUp, &k.PageDown,
			&k.Search, &k.Summary, &k.Details, &k.Back, &k.Wide, &g.Quit, &g.Help, &g.Language)
		setEnabled(ed, &k.Conforms, &k.Minor, &k.Major, &k.NA, &k.Open, &k.Verdicts, &k.Notes, &k.Editor, &k.Attach)
		setEnabled(m.current() != nil && len(findingEvidence(m.s.a, m.current().ID)) > 0, &k.Evidence)
		setEnabled(ed && m.previousNotes() != "", &k.CopyPrevious)
		setEnabled(m.s.a.Previous != nil, &k.Actions)
	case m.focus == focusNotes:
		setEnabled(true, &k.FieldNext, &k.FieldPrev, &k.Leave, &k.Editor)
	case m.focus == focusAction, m.focus == focusJust:
		setEnabled(true, &k.FieldNext, &k.FieldPrev, &k.Leave)
	case m.focus == focusDue:
		setEnabled(true, &k.FieldNext, &k.FieldPrev, &k.Leave, &k.Clear)
		setEnabled(m.due.selected, &k.Replace)
	case m.focus == focusEvidence:
		setEnabled(true, &k.Up, &k.Down, &k.Leave)
		setEnabled(ed, &k.Detach, &k.Attach, &k.Caption)
		ev := m.selectedEvidence()
		setEnabled(ed && ev != nil && len(audit.CheckEvidence(m.s.a, ev, m.rules())) > 0, &k.Justify)
	case m.focus == focusCaption:
		setEnabled(true, &k.Accept, &k.Cancel)
	case m.focus == focusJustify:
		setEnabled(true, &k.Accept, &k.Cancel, &k.FieldNext)
	case m.focus == focusAttach:
		setEnabled(true, &k.Complete, &k.Accept, &k.Cancel)
	case m.focus == focusSearch:
		setEnabled(true, &k.Up, &k.Down, &k.Accept, &k.Cancel)
	}

	return k
}

package tui

import (
	"reflect"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// detailsPage is which page of the details screen is in front.
type detailsPage int

const (
	pageHeader detailsPage = iota
	pagePlan
	pageInterviews
	pageSampling
	pageClosing
)

// detailsLinks are the lines on top of the header page that open the other
// pages, by their form key.
var detailsLinks = []struct {
	key  string
	page detailsPage
}{{"link.plan", pagePlan}, {"link.interviews", pageInterviews}, {"link.sampling", pageSampling}, {"link.closing", pageClosing}}

// detailsModel edits the open audit's whole header: what the inspector
// fills in during and at the end of the visit, and the report prints. The
// header page holds the audit's particulars and opens four pages of its
// own: the audit plan and scope, the interview register, sampling, and the
// closing meeting with the auditee's word. Every change goes into the
// session's audit and through its debounced save, like an edit in the
// walk; a field that is wrong shows its error and keeps its last good
// value in the audit.
type detailsModel struct {
	c    *common
	s    *session
	keys formKeys
	f    form
	from screen // where esc goes back to
	page detailsPage
	sec  form // the plan or closing page's form
	iv   interviewsModel
	smp  samplingModel
}

// relatedFields are the fields that audit.ValidateHeader checks together
// with the field it names in the error.
var relatedFields = map[string][]string{
	"certification_year":          {"audit_type"},
	"end_date":                    {"start_date"},
	"closing.representative_name": {"closing.response"},
	"closing.representative_role": {"closing.response"},
	"closing.comments":            {"closing.response"},
}

func newDetailsModel(c *common, s *session, from screen) detailsModel {
	m := detailsModel{c: c, s: s, keys: newFormKeys(&c.g), from: from}
	m.keys.Open.SetEnabled(true) // the link lines' key (the help shows it on them only)
	h := s.a.Header
	var links []formField
	for _, l := range detailsLinks {
		links = append(links, formField{key: l.key, kind: kindLink})
	}
	// The hand-typed table of an older audit stays where it was while it
	// has rows and the audit no register; people are counted from the
	// register as soon as it has an interview.
	_, fromRegister := audit.PeopleInterviewed(h)
	m.f = newSectionForm(c, h, func(hf audit.HeaderField) bool {
		return hf.Section == "" || hf.Section == audit.SectionLegacy && len(h.Interviews) > 0 && !fromRegister
	}, links...)
	m.f.readOnly = !s.a.Editable()
	m.f.submitted = true // the audit exists: what is wrong with it shows at once
	m.f.focusOn(len(links))
	m.smp = newSamplingModel(c, s)
	return m
}

// typing reports whether a field or a question has the keys.
func (m detailsModel) typing() bool {
	if m.s == nil {
		return false
	}
	switch m.page {
	case pageInterviews:
		return m.iv.typing()
	case pageSampling:
		return m.smp.typing()
	}
	return !m.f.readOnly
}

// prompt is the question the page in front is asking, if any.
func (m detailsModel) prompt() string {
	switch m.page {
	case pageInterviews:
		return m.iv.prompt()
	case pageSampling:
		return m.smp.prompt()
	}
	return ""
}

func (m *detailsModel) setSize() {
	if m.c == nil || m.s == nil {
		return
	}
	m.f.setSize()
	switch m.page {
	case pagePlan, pageClosing:
		m.sec.setSize()
	case pageInterviews:
		m.iv.setSize()
	case pageSampling:
		m.smp.setSize()
	}
}

// relang words the pages anew in the UI's language.
func (m *detailsModel) relang() {
	m.f.relang()
	if m.page == pagePlan || m.page == pageClosing {
		m.sec.relang()
		m.placeholders()
	}
}

func (m detailsModel) keyMap() help.KeyMap {
	switch m.page {
	case pageInterviews:
		return m.iv.keyMap()
	case pageSampling:
		return m.smp.keyMap()
	}
	f := m.f
	if m.page != pageHeader {
		f = m.sec
	}
	k := m.keys
	g := *k.g
	k.g = &g
	fl := f.focused()
	ro := f.readOnly
	setEnabled(false, &k.Create, &k.Cancel, &k.PageUp, &k.PageDown)
	setEnabled(!ro && fl.kind == kindChoice, &k.Left, &k.Right)
	setEnabled(!ro && f.inTable(), &k.AddRow)
	setEnabled(!ro && fl.kind == kindCell, &k.DelRow)
	setEnabled(fl.kind == kindLink, &k.Open)
	setEnabled(ro, &g.Quit, &g.Help, &g.Language)
	setEnabled(!ro, &g.ForceQuit)
	setEnabled(false, &g.Yes, &g.No)
	text := fl.kind == kindText || fl.kind == kindCell
	setEnabled(!ro && text, &k.Clear)
	setEnabled(!ro && text && fl.input.selected, &k.Replace)
	return k

}

func (m detailsModel) update(msg tea.Msg) (detailsModel, tea.Cmd) {
	if m.s == nil {
		return m, nil
	}
	switch m.page {
	case pageInterviews:
		var cmd tea.Cmd
		var done bool
		m.iv, cmd, done = m.iv.update(msg)
		if done {
			m.page = pageHeader
		}
		return m, cmd
	case pageSampling:
		var cmd tea.Cmd
		var done bool
		m.smp, cmd, done = m.smp.update(msg)
		if done {
			m.page = pageHeader
		}
		return m, cmd
	}
	if _, private := msg.(privateSavedMsg); private {
		// A save the register page started finished after it was left.
		m.iv, _, _ = m.iv.update(msg)
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.page == pagePlan || m.page == pageClosing {
		if key.Matches(k, m.keys.Done) {
			m.page = pageHeader
			return m, nil
		}
		if m.sec.readOnly && !key.Matches(k, m.keys.Next) && !key.Matches(k, m.keys.Prev) {
			return m, m.c.readOnlyKey(k)
		}
		cmd, changed := m.sec.update(k, m.keys)
		if changed && !m.sec.readOnly {
			cmd = tea.Batch(cmd, m.apply(&m.sec))
		}
		return m, cmd
	}
	if key.Matches(k, m.keys.Done) {
		m.c.goTo(m.from)
		return m, nil
	}
	if fl := m.f.focused(); fl.kind == kindLink && key.Matches(k, m.keys.Open) {
		return m.open(fl.key)
	}
	if m.f.readOnly && !key.Matches(k, m.keys.Next) && !key.Matches(k, m.keys.Prev) {
		// q, ? and L were the root's: anything else would change it.
		return m, m.c.readOnlyKey(k)
	}
	cmd, changed := m.f.update(k, m.keys)
	if changed && !m.f.readOnly {
		cmd = tea.Batch(cmd, m.apply(&m.f))
	}
	return m, cmd
}

// open shows the page a link line stands for.
func (m detailsModel) open(link string) (detailsModel, tea.Cmd) {
	for _, l := range detailsLinks {
		if l.key != link {
			continue
		}
		m.page = l.page
		switch l.page {
		case pagePlan, pageClosing:
			section := audit.SectionPlan
			if l.page == pageClosing {
				section = audit.SectionClosing
			}
			m.sec = newSectionForm(m.c, m.s.a.Header, func(hf audit.HeaderField) bool { return hf.Section == section })
			m.sec.readOnly = m.f.readOnly
			m.sec.submitted = true
			m.placeholders()
			return m, m.sec.focusOn(0)
		case pageInterviews:
			var cmd tea.Cmd
			m.iv, cmd = newInterviewsModel(m.c, m.s)
			return m, cmd
		case pageSampling:
			m.smp = newSamplingModel(m.c, m.s)
		}
	}
	return m, nil
}

// placeholders show, in an empty objectives or sampling statement, the
// default text the report then prints in its language.
func (m *detailsModel) placeholders() {
	for i := range m.sec.fields {
		switch m.sec.fields[i].key {
		case "plan.objectives":
			m.sec.fields[i].area.Placeholder = m.c.w.t("default_objectives", nil)
		case "plan.sampling_statement":
			m.sec.fields[i].area.Placeholder = m.c.w.t("default_sampling_statement", nil)
		case "closing.date":
			m.sec.fields[i].input.Placeholder = m.c.w.t("date_placeholder", nil)
		}
	}
}

// apply puts form f's valid fields into the audit and schedules the save,
// when anything changed.
func (m *detailsModel) apply(f *form) tea.Cmd {
	cur := m.s.a.Header
	_, skip := f.build(cur, nil)
	h, left := f.build(cur, skip)
	// A rule between two fields faults one of them for a change of the
	// other (an initial audit has year 0; the end is not before the
	// start): keep the other as it was too.
	widened := false
	for field := range left {
		for _, p := range relatedFields[field] {
			if _, ok := skip[p]; !ok {
				skip[p], widened = left[field], true
			}
		}
	}
	if widened {
		h, _ = f.build(cur, skip)
	}
	if reflect.DeepEqual(h, cur) {
		return nil
	}
	m.s.a.Header = h
	return m.s.touch()
}

func (m detailsModel) view() string {
	st := m.c.st
	w := m.c.w
	switch m.page {
	case pageInterviews:
		return m.iv.view()
	case pageSampling:
		return m.smp.view()
	case pagePlan, pageClosing:
		title := w.t("plan_title", nil)
		hint := w.t("plan_hint", nil)
		if m.page == pageClosing {
			title, hint = w.t("closing_title", nil), w.t("closing_hint", nil)
		}
		if m.sec.readOnly {
			hint = w.t("details_read_only", nil)
		}
		return m.sec.view(st.header.Render(title) + "  " + st.muted.Render(hint))
	}
	hint := st.muted.Render(w.t("details_hint", nil))
	if m.f.readOnly {
		hint = st.warn.Render(w.t("details_read_only", nil))
	}
	m.links()
	return m.f.view(st.header.Render(w.t("details_title", nil)) + "  " + hint)
}

// links words the link lines with what their pages hold, and the sampling
// plan the audit's FSP counts give, under the sampling line.
func (m *detailsModel) links() {
	w := m.c.w
	h := m.s.a.Header
	for i := range m.f.fields {
		fl := &m.f.fields[i]
		switch fl.key {
		case "link.plan":
			fl.link = w.t("plan_link", i18n.Args{"Filled": planFilled(h.Plan), "Total": planFields})
		case "link.interviews":
			rows, fromRegister := audit.PeopleInterviewed(h)
			people, held := 0, 0
			for _, r := range rows {
				people += r.Total()
				held += r.Interviews
			}
			fl.link = w.n("interviews_count", held, i18n.Args{"People": w.n("people_count", people, nil)})
			if !fromRegister && people > 0 {
				// An audit made before the register: its table counts.
				fl.link = w.t("interviews_legacy", i18n.Args{"People": w.n("people_count", people, nil)})
			}
		case "link.sampling":
			lines := audit.SamplePlan(h, m.c.deps.Config.SamplingRule())
			short := 0
			for _, l := range lines {
				if l.Short {
					short++
				}
			}
			fl.link = w.ruleText(h.Sampling.RuleOr(m.c.deps.Config.SamplingRule()))
			if short > 0 {
				fl.link += " · " + w.n("sampling_short", short, nil)
			}
			fl.below = w.samplingProposal(lines, m.c.width-labelWidth)
		case "link.closing":
			fl.link = w.closingLink(h.Closing)
		}
	}
}

// planFields is how many fields the plan page has.
const planFields = 8

// planFilled counts the plan's fields written (the defaults aside).
func planFilled(p audit.Plan) int {
	n := 0
	for _, s := range []string{p.Objectives, p.Scope, p.Period, p.Criteria, p.NotCovered, p.Obstacles, p.Diverging, p.SamplingStatement} {
		if strings.TrimSpace(s) != "" {
			n++
		}
	}
	return n
}

// closingLink says what the closing meeting's record holds: the response
// and by whom, why there is none, or that it is still missing.
func (w *words) closingLink(c audit.Closing) string {
	switch {
	case c.Response != "":
		return w.t("closing_link_response", i18n.Args{"Response": w.responseName(c.Response), "Name": sanitizeLine(c.RepName)})
	case strings.TrimSpace(c.NotObtained) != "":
		return w.t("closing_link_not_obtained", nil)
	}
	return "✗ " + w.t("closing_link_missing", nil)
}

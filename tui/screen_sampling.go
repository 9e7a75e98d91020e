package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// samplingModel is the details screen's sampling page: for the FSP's mines,
// plants and miners and each group the inspector lists, the population, the
// sample the audit's rule proposes, and the actual sample with its
// rationale, which the inspector records in a small form.
type samplingModel struct {
	c       *common
	s       *session
	keys    recordKeys
	cursor  int
	editing bool
	line    audit.SampleLine // the line being edited
	added   bool
	form    recordForm
	confirm int // 1 + the Counts index of the group whose removal is asked; 0 for none
}

func newSamplingModel(c *common, s *session) samplingModel {
	return samplingModel{c: c, s: s, keys: newRecordKeys(&c.g)}
}

func (m samplingModel) readOnly() bool { return !m.s.a.Editable() }

func (m samplingModel) typing() bool { return m.editing || m.confirm > 0 }

// rule is the audit's sampling rule, or config.toml's for an audit that
// records none yet.
func (m samplingModel) rule() audit.SampleRule {
	return m.s.a.Header.Sampling.RuleOr(m.c.deps.Config.SamplingRule())
}

// lines is the sampling plan as the audit has it.
func (m samplingModel) lines() []audit.SampleLine {
	return audit.SamplePlan(m.s.a.Header, m.c.deps.Config.SamplingRule())
}

func (m samplingModel) prompt() string {
	if m.confirm == 0 {
		return ""
	}
	c := m.s.a.Header.Sampling.Counts[m.confirm-1]
	return m.c.w.t("confirm_remove_group", i18n.Args{"Name": m.c.w.sampleName(c.Unit, c.Name, 2)})
}

func (m samplingModel) keyMap() help.KeyMap {
	k := m.keys
	g := *k.g
	k.g = &g
	k.editing = m.editing
	ro := m.readOnly()
	lines := m.lines()
	setEnabled(!ro, &k.Add)
	setEnabled(!ro && m.cursor < len(lines) && lines[m.cursor].Unit == audit.UnitGroup, &k.Remove)
	setEnabled(len(lines) > 0, &k.Edit)
	setEnabled(false, &k.Toggle)
	if m.editing {
		setEnabled(false, &k.Left, &k.Right)
	}
	return k
}

func (m samplingModel) update(msg tea.Msg) (samplingModel, tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil, false
	}
	lines := m.lines()
	switch {
	case m.confirm > 0:
		i := m.confirm - 1
		m.confirm = 0
		if key.Matches(k, m.c.g.Yes) {
			m.s.a.Header.Sampling.Counts = slices.Delete(m.s.a.Header.Sampling.Counts, i, i+1)
			m.cursor = min(m.cursor, max(len(m.lines())-1, 0))
			return m, m.s.touch(), false
		}
		return m, nil, false
	case m.editing:
		if key.Matches(k, m.keys.Done) {
			return m, m.closeForm(), false
		}
		cmd, changed := m.form.update(k, m.keys)
		if changed && !m.readOnly() {
			cmd = tea.Batch(cmd, m.apply())
		}
		return m, cmd, false
	case key.Matches(k, m.keys.Back):
		return m, nil, true
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, max(len(lines)-1, 0))
	case key.Matches(k, m.keys.Edit) && len(lines) > 0:
		m.openForm(lines[m.cursor])
		return m, m.form.focusOn(0), false
	case key.Matches(k, m.keys.Add) && !m.readOnly():
		m.pinRule()
		sp := &m.s.a.Header.Sampling
		sp.Counts = append(sp.Counts, audit.SampleCount{Unit: audit.UnitGroup})
		lines = m.lines()
		m.cursor, m.added = len(lines)-1, true
		m.openForm(lines[m.cursor])
		return m, tea.Batch(m.form.focusOn(0), m.s.touch()), false
	case key.Matches(k, m.keys.Remove) && !m.readOnly() && m.cursor < len(lines) && lines[m.cursor].Unit == audit.UnitGroup:
		m.confirm = lines[m.cursor].Index + 1
	}
	return m, nil, false
}

// pinRule records the rule of an audit that has none yet (made before
// assay recorded it) from config.toml, at the first change to its sample:
// the plan the report prints must not move with the settings later.
func (m *samplingModel) pinRule() {
	if sp := &m.s.a.Header.Sampling; sp.Rule.Kind == "" {
		sp.Rule = m.c.deps.Config.SamplingRule()
	}
}

// sampleLabelIDs label the fields of a sampling record's form, by key.
var sampleLabelIDs = map[string]string{
	"name": "smp_label_name", "size": "smp_label_size", "actual": "smp_label_actual", "rationale": "smp_label_rationale",
}

// openForm opens the form on one line of the plan.
func (m *samplingModel) openForm(l audit.SampleLine) {
	r := recordForm{c: m.c, readOnly: m.readOnly(), errs: map[string]error{}}
	var rec audit.SampleCount
	if l.Index >= 0 {
		rec = m.s.a.Header.Sampling.Counts[l.Index]
	}
	if l.Unit == audit.UnitGroup {
		r.textField("name", sampleLabelIDs["name"], rec.Name)
		r.countField("size", sampleLabelIDs["size"], rec.Size)
	}
	r.countField("actual", sampleLabelIDs["actual"], rec.Actual)
	r.areaField("rationale", sampleLabelIDs["rationale"], rec.Rationale)
	r.fields[r.fieldIndex("actual")].input.Placeholder = m.c.w.t("smp_actual_placeholder", i18n.Args{"Planned": l.Planned})
	m.form, m.line, m.editing = r, l, true
	m.form.setSize()
}

// record returns the Counts index of the line being edited, adding the
// record of an FSP unit that has none yet.
func (m *samplingModel) record() int {
	sp := &m.s.a.Header.Sampling
	if m.line.Index < 0 {
		sp.FSPCount(m.line.Unit)
		m.line.Index = len(sp.Counts) - 1
	}
	return m.line.Index
}

// apply puts the form's valid values into the record; a value that is
// wrong keeps the record's last good one and shows its problem.
func (m *samplingModel) apply() tea.Cmd {
	m.pinRule()
	i := m.record()
	sp := &m.s.a.Header.Sampling
	cur := sp.Counts[i]
	next := cur
	errs := map[string]error{}
	r := m.form
	if m.line.Unit == audit.UnitGroup {
		next.Name = r.field("name").text()
		if n, err := r.field("size").count(); err != nil {
			errs["size"] = err
		} else {
			next.Size = n
		}
	}
	if n, err := r.field("actual").count(); err != nil {
		errs["actual"] = err
	} else {
		next.Actual = n
	}
	next.Rationale = r.field("rationale").text()
	sp.Counts[i] = next
	for _, fe := range audit.ValidateHeader(m.s.a.Header) {
		for _, col := range []string{"name", "size", "actual"} {
			if fe.Field == audit.SampleCellKey(i, col) {
				if _, ok := errs[col]; !ok {
					errs[col] = fe
				}
			}
		}
	}
	if _, bad := errs["size"]; bad {
		next.Size = cur.Size
	}
	if _, bad := errs["actual"]; bad {
		next.Actual = cur.Actual
	}
	sp.Counts[i] = next
	m.form.errs = errs
	if next == cur {
		return nil
	}
	return m.s.touch()
}

// closeForm leaves the form; a group just added and left empty goes away.
func (m *samplingModel) closeForm() tea.Cmd {
	m.editing = false
	if !m.added {
		return nil
	}
	m.added = false
	sp := &m.s.a.Header.Sampling
	if i := m.line.Index; i >= 0 && i < len(sp.Counts) && sp.Counts[i] == (audit.SampleCount{Unit: audit.UnitGroup}) {
		sp.Counts = slices.Delete(sp.Counts, i, i+1)
		m.cursor = min(m.cursor, max(len(m.lines())-1, 0))
		return m.s.touch()
	}
	return nil
}

func (m *samplingModel) setSize() {
	if m.editing {
		m.form.setSize()
	}
}

func (m samplingModel) view() string {
	w := m.c.w
	st := m.c.st
	source := w.t("rule_from_audit", nil)
	if m.s.a.Header.Sampling.Rule.Kind == "" {
		source = w.t("rule_from_config", nil)
	}
	if m.editing {
		name := w.sampleName(m.line.Unit, m.form.field("name").text(), 2)
		head := wrap(st.header.Render(w.t("sample_title_one", i18n.Args{"Name": name}))+"  "+
			st.muted.Render(w.t("sample_hint_one", i18n.Args{"Population": m.line.Population, "Planned": m.line.Planned,
				"Rule": w.ruleText(m.rule())})), m.c.width)
		return m.form.view(head, "")
	}
	lines := wrap(st.header.Render(w.t("sampling_title", nil))+"  "+st.muted.Render(w.t("sampling_rule", i18n.Args{"Rule": w.ruleText(m.rule()), "Source": source})), m.c.width)
	lines = append(lines, wrap(st.muted.Render(w.t("sampling_note", nil)), m.c.width)...)
	lines = append(lines, "")
	plan := m.lines()
	if len(plan) == 0 {
		return strings.Join(append(lines, wrap(st.muted.Render(w.t("sampling_none", nil)), m.c.width)...), "\n")
	}
	c := m.columns()
	lines = append(lines, st.label.Render(m.row("  ", w.t("col_sample", nil), w.t("col_population", nil), w.t("col_planned", nil),
		w.t("col_actual", nil), "", w.t("col_rationale", nil), c)))
	var body, foot []string
	for i, l := range plan {
		actual, mark := "—", ""
		if l.Actual > 0 {
			actual = strconv.Itoa(l.Actual)
			mark = "✓"
			if l.Short {
				mark = "!"
			}
		}
		name := w.sampleName(l.Unit, l.Name, 2)
		if l.Visit {
			name = w.t("sample_visit", i18n.Args{"Name": name})
		} else {
			name = w.t("sample_interview", i18n.Args{"Name": name})
		}
		line := m.row("  ", name, strconv.Itoa(l.Population), strconv.Itoa(l.Planned), actual, mark, sanitizeLine(l.Rationale), c)
		if i == m.cursor {
			line = st.selected.Render(m.row("› ", name, strconv.Itoa(l.Population), strconv.Itoa(l.Planned), actual, mark, sanitizeLine(l.Rationale), c))
		}
		body = append(body, line)
		if i == m.cursor {
			foot = wholeCells(st, m.c.width, m.c.height-len(lines)-1,
				cell{w.t("col_sample", nil), name, c.name - 1}, cell{w.t("col_rationale", nil), sanitizeLine(l.Rationale), c.rationale})
		}
	}
	h := m.c.height - len(lines) - len(foot)
	off := 0
	if m.cursor >= h {
		off = m.cursor - h + 1
	}
	vis, _ := window(body, off, h)
	return strings.Join(append(append(lines, vis...), foot...), "\n")
}

// samplingCols are the list's column widths.
type samplingCols struct{ name, population, planned, actual, rationale int }

func (m samplingModel) columns() samplingCols {
	w := m.c.w
	head := func(id string, least int) int { return max(least, lipgloss.Width(w.word(id))+2) }
	c := samplingCols{population: head("col_population", 8), planned: head("col_planned", 8), actual: head("col_actual", 7)}
	rest := m.c.width - 2 - c.population - c.planned - c.actual - 2
	c.name = min(max(rest*11/20, 14), 34)
	c.rationale = max(rest-c.name, 8)
	return c
}

func (m samplingModel) row(mark, name, pop, planned, actual, flag, why string, c samplingCols) string {
	return mark + pad(name, c.name-1) + " " + padLeft(pop, c.population-1) + " " + padLeft(planned, c.planned-1) + " " +
		padLeft(actual, c.actual-1) + " " + pad(flag, 2) + truncate(why, c.rationale)
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return truncate(s, w)
}

package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// formField is one line of the new-audit form: a text input, or a choice
// among values when choices is set.
type formField struct {
	key     string // the header field's JSON name, as in audit.FieldError
	input   textinput.Model
	choices []string // values
	labels  []string // what the choices look like
	choice  int
	touched bool
}

func (f formField) value() string {
	if f.choices != nil {
		return f.choices[f.choice]
	}
	return strings.TrimSpace(f.input.Value())
}

// formModel is the new-audit form with field-level errors under the
// fields.
type formModel struct {
	c         *common
	keys      formKeys
	fields    []formField
	focus     int
	errs      map[string]string
	submitted bool
	creating  bool
	off       int
}

const labelWidth = 20

func newFormModel(c *common) formModel {
	m := formModel{c: c, keys: newFormKeys(&c.g)}
	today := c.now().Format(audit.DateLayout)
	text := func(k, v string) formField {
		ti := newInput("")
		ti.SetValue(v)
		return formField{key: k, input: ti}
	}
	var catIDs, catLabels []string
	def := 0
	for i, cat := range c.deps.Catalogs {
		catIDs = append(catIDs, strconv.Itoa(i))
		catLabels = append(catLabels, sprintf(txt.catalogFormat, sanitizeLine(cat.ID), sanitizeLine(cat.Version), sanitizeLine(cat.Source)))
		if cat.ID == standards.DefaultID && cat.Source == standards.SourceBuiltin {
			def = i
		}
	}
	var auditTypes, certTypes []string
	for _, t := range audit.AuditTypes {
		auditTypes = append(auditTypes, string(t))
	}
	for _, t := range audit.CertTypes {
		certTypes = append(certTypes, string(t))
	}
	m.fields = []formField{
		{key: "catalog", choices: catIDs, labels: catLabels, choice: def},
		text("asmo", ""), text("legal_id", ""), text("country", ""), text("region", ""),
		text("municipality", ""), text("site", ""), text("coordinates", ""),
		{key: "audit_type", choices: auditTypes, labels: auditTypes},
		{key: "certification_type", choices: certTypes, labels: certTypes},
		text("certification_year", "0"), text("start_date", today), text("end_date", today),
		text("lead_inspector", ""), text("certification_body", ""),
	}
	m.focusOn(1)
	m.setSize()
	return m
}

// keyMap offers ←/→ only on a choice.
func (m formModel) keyMap() help.KeyMap {
	k := m.keys
	choice := m.focus < len(m.fields) && m.fields[m.focus].choices != nil
	setEnabled(choice, &k.Left, &k.Right)
	setEnabled(!m.creating, &k.Create, &k.Next, &k.Prev)
	return k
}

func (m *formModel) setSize() {
	for i := range m.fields {
		m.fields[i].input.Width = max(m.c.width-labelWidth-4, 10)
	}
}

func (m *formModel) focusOn(i int) tea.Cmd {
	m.fields[m.focus].input.Blur()
	m.fields[m.focus].touched = true
	m.focus = (i + len(m.fields)) % len(m.fields)
	m.validate()
	if m.fields[m.focus].choices == nil {
		return m.fields[m.focus].input.Focus()
	}
	return nil
}

func (m formModel) update(msg tea.Msg) (formModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || m.creating {
		return m, nil
	}
	f := &m.fields[m.focus]
	switch {
	case key.Matches(k, m.keys.Cancel):
		return m, navigate(screenHome)
	case key.Matches(k, m.keys.Create):
		return m.create()
	case key.Matches(k, m.keys.Next):
		return m, m.focusOn(m.focus + 1)
	case key.Matches(k, m.keys.Prev):
		return m, m.focusOn(m.focus - 1)
	case f.choices != nil && key.Matches(k, m.keys.Left):
		f.choice = (f.choice + len(f.choices) - 1) % len(f.choices)
	case f.choices != nil && key.Matches(k, m.keys.Right):
		f.choice = (f.choice + 1) % len(f.choices)
	case f.choices != nil:
		return m, nil
	default:
		var cmd tea.Cmd
		f.input, cmd = f.input.Update(cleanKey(k, false))
		m.validate()
		return m, cmd
	}
	m.validate()
	return m, nil
}

// header builds the audit header from the fields, with the errors of the
// fields that do not even parse.
func (m formModel) header() (audit.Header, map[string]string) {
	v := map[string]string{}
	for _, f := range m.fields {
		v[f.key] = f.value()
	}
	errs := map[string]string{}
	h := audit.Header{
		ASMO: v["asmo"], LegalID: v["legal_id"], Country: v["country"], Region: v["region"],
		Municipality: v["municipality"], Site: v["site"], AuditType: audit.AuditType(v["audit_type"]),
		CertType: audit.CertType(v["certification_type"]), StartDate: v["start_date"], EndDate: v["end_date"],
		LeadInspector: v["lead_inspector"], CertBody: v["certification_body"],
	}
	if p, err := audit.ParseCoordinates(v["coordinates"]); err != nil {
		errs["coordinates"] = err.Error()
	} else {
		h.Coordinates = p
	}
	if y, err := strconv.Atoi(v["certification_year"]); err != nil {
		errs["certification_year"] = err.Error()
	} else {
		h.CertYear = y
	}
	for _, fe := range audit.ValidateHeader(h) {
		if _, ok := errs[fe.Field]; !ok {
			errs[fe.Field] = fe.Message
		}
	}
	return h, errs
}

func (m *formModel) validate() { _, m.errs = m.header() }

// shownError is the error under field i: shown once the inspector has
// left the field or tried to create the audit.
func (m formModel) shownError(i int) string {
	f := m.fields[i]
	if !f.touched && !m.submitted {
		return ""
	}
	return m.errs[f.key]
}

func (m formModel) create() (formModel, tea.Cmd) {
	m.submitted = true
	h, errs := m.header()
	m.errs = errs
	if len(errs) > 0 {
		for i, f := range m.fields {
			if _, bad := errs[f.key]; bad {
				cmd := m.focusOn(i)
				return m, tea.Batch(cmd, notify(txt.formInvalid, true))
			}
		}
	}
	i, _ := strconv.Atoi(m.fields[0].value())
	cat := m.c.deps.Catalogs[i]
	m.creating = true
	a := audit.New(cat, h, m.c.now())
	return m, tea.Batch(createAuditCmd(m.c.deps.Store, a), notify(txt.creating, false))
}

func (m formModel) view() string {
	st := m.c.st
	w := m.c.width
	var lines []string
	focusLine := 0
	for i, f := range m.fields {
		var label string
		if i == m.focus {
			focusLine = len(lines)
			label = st.focusedField.Render(pad("› "+txt.formLabels[f.key], labelWidth))
		} else {
			label = st.label.Render(pad("  "+txt.formLabels[f.key], labelWidth))
		}
		var value string
		switch {
		case f.choices != nil && i == m.focus:
			value = st.selected.Render(sprintf(txt.choiceHint, f.labels[f.choice]))
		case f.choices != nil:
			value = f.labels[f.choice]
		default:
			value = f.input.View()
		}
		lines = append(lines, truncate(label+value, w))
		if f.key == "catalog" && f.choice < len(m.c.deps.Catalogs) {
			prov := sanitizeLine(m.c.deps.Catalogs[f.choice].Provenance)
			lines = append(lines, st.muted.Render(truncate(strings.Repeat(" ", labelWidth)+prov, w)))
		}
		if e := m.shownError(i); e != "" {
			lines = append(lines, st.errText.Render(truncate(strings.Repeat(" ", labelWidth)+"✗ "+sanitizeLine(e), w)))
		}
	}
	h := m.c.height - 2
	off := 0
	if focusLine >= h {
		off = focusLine - h + 2
	}
	vis, _ := window(lines, off, h)
	head := st.header.Render(txt.formTitle) + "  " + st.muted.Render(txt.formHint)
	return truncate(head, w) + "\n\n" + strings.Join(vis, "\n")
}

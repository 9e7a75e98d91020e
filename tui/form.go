package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// fieldKind is how a form field is edited.
type fieldKind int

const (
	kindText   fieldKind = iota // one line
	kindChoice                  // one of a few values, ←/→
	kindArea                    // several lines
	kindCell                    // one cell of the interviews table
	kindAddRow                  // the "add a row" line under the table
	kindLink                    // a line that opens another page (enter)
)

// interviewCols are the interviews table's columns, in order (their keys
// are those of audit.FieldError: "interviews[2].women").
var interviewCols = audit.InterviewColumns

// Layout of the form.
const (
	maxProvenanceRows = 3
	labelWidth        = 20
	areaRows          = 3
	roleWidth         = 24
	countWidth        = 5
)

// formField is one field of the header form. key is the header field's
// JSON name, as in audit.FieldError, so errors land under their field.
type formField struct {
	key      string
	kind     fieldKind
	input    lineInput
	area     textarea.Model
	choices  []string // values (the catalog choice: indices into the set's Current)
	choice   int
	row, col int // kindCell: table row and column
	touched  bool
	// link is what a kindLink line shows after its label (its owner words
	// it when drawn); below are muted lines drawn under any field.
	link  string
	below []string
	// label words a choice's value, for choices that are not header
	// fields (the new-audit form's source); nil for the usual words.
	label func(value string) string
}

func (f formField) value() string {
	switch f.kind {
	case kindChoice:
		return f.choices[f.choice]
	case kindArea:
		return strings.TrimSpace(audit.Sanitize(f.area.Value()))
	case kindAddRow, kindLink:
		return ""
	}
	return strings.TrimSpace(f.input.Value())
}

// form edits an audit header: the new-audit form and the details screen
// are both one. It knows nothing of saving: its owner reads the header back
// with build after each change.
type form struct {
	c      *common
	fields []formField
	focus  int
	// errs are what is wrong with each field, by key, worded when drawn.
	errs      map[string]error
	submitted bool // show every error, not only those of visited fields
	readOnly  bool
	// catalogNote adds lines under the catalog choice (how it changed
	// since last year's audit); nil for none.
	catalogNote func(cat *standards.Catalog) []string
	// provOff is the first line of the catalog's provenance shown while
	// the catalog line has the focus (pgup/pgdn scroll it).
	provOff int
}

// newHeaderForm builds a form on h's header section (what the new-audit
// form asks), after the extra fields given (the new-audit form's catalog
// choice).
func newHeaderForm(c *common, h audit.Header, extra ...formField) form {
	return newSectionForm(c, h, func(hf audit.HeaderField) bool { return hf.Section == "" }, extra...)
}

// newSectionForm builds a form on the fields of h that include keeps, in
// HeaderFields order, after the extra fields given.
func newSectionForm(c *common, h audit.Header, include func(audit.HeaderField) bool, extra ...formField) form {
	f := form{c: c, fields: extra}
	for _, hf := range audit.HeaderFields {
		if !include(hf) {
			continue
		}
		k := hf.Key
		switch hf.Kind {
		case audit.ChoiceField:
			f.fields = append(f.fields, choiceField(k, hf.Get(h), hf.Choices))
		case audit.LinesField:
			ta := newArea()
			ta.SetValue(hf.Get(h))
			f.fields = append(f.fields, formField{key: k, kind: kindArea, area: ta})
		case audit.TableField:
			for i, iv := range h.Interviews {
				f.fields = append(f.fields, rowFields(c, i, iv)...)
			}
			f.fields = append(f.fields, formField{key: k, kind: kindAddRow})
		default:
			ti := newLineInput("", c.st.selection)
			ti.SetValue(sanitizeLine(hf.Get(h)))
			f.fields = append(f.fields, formField{key: k, input: ti})
		}
	}
	f.relang()
	f.setSize()
	return f
}

func choiceField[T ~string](k, cur string, values []T) formField {
	f := formField{key: k, kind: kindChoice}
	for i, v := range values {
		f.choices = append(f.choices, string(v))
		if string(v) == cur {
			f.choice = i
		}
	}
	if cur != "" && !slices.Contains(f.choices, cur) {
		// A hand-edited value stays what it is until changed.
		f.choices = append(f.choices, sanitizeLine(cur))
		f.choice = len(f.choices) - 1
	}
	return f
}

// rowFields makes the cells of interviews row i.
func rowFields(cm *common, i int, iv audit.Interviewed) []formField {
	out := make([]formField, len(interviewCols))
	for col, c := range audit.InterviewColumns {
		ti := newLineInput("", cm.st.selection)
		ti.SetValue(sanitizeLine(c.Get(iv)))
		ti.Width = countWidth
		if col == 0 {
			ti.Width = roleWidth
		}
		out[col] = formField{key: cellKey(i, col), kind: kindCell, input: ti, row: i, col: col}
	}
	return out
}

func cellKey(row, col int) string {
	return audit.InterviewCellKey(row, audit.InterviewColumns[col].Key)
}

// rows counts the interviews table's rows.
func (f form) rows() int {
	n := 0
	for _, fl := range f.fields {
		if fl.kind == kindCell && fl.col == 0 {
			n++
		}
	}
	return n
}

// build reads the header back from the fields on top of base, with the
// errors of fields that do not parse or that audit.ValidateHeader faults.
// Fields named in skip are left as base has them: the details screen saves
// only what is valid.
func (f form) build(base audit.Header, skip map[string]error) (audit.Header, map[string]error) {
	h := base
	if slices.ContainsFunc(f.fields, func(fl formField) bool { return fl.kind == kindAddRow }) {
		// The table is the form's to rebuild only when the form shows it.
		h.Interviews = nil
		if n := f.rows(); n > 0 {
			h.Interviews = make([]audit.Interviewed, n)
			copy(h.Interviews, base.Interviews)
		}
	}
	errs := map[string]error{}
	for _, fl := range f.fields {
		if _, bad := skip[fl.key]; bad {
			continue
		}
		v := fl.value()
		if d, ok := f.c.typedDate(v, ""); ok && dateFields[fl.key] {
			v = d // "today"
		}
		if err := fl.setValue(&h, v); err != nil {
			errs[fl.key] = err
		}
	}
	for _, fe := range audit.ValidateHeader(h) {
		if _, ok := errs[fe.Field]; !ok {
			errs[fe.Field] = fe
		}
	}
	return h, errs
}

func (f *form) validate() { _, f.errs = f.build(audit.Header{}, nil) }

// shownError is the error under field i: shown once the inspector has left
// the field or tried to submit.
func (f form) shownError(i int) string {
	fl := f.fields[i]
	if !fl.touched && !f.submitted {
		return ""
	}
	return f.c.w.errorText(f.errs[fl.key])
}

// firstError focuses the first field with an error; false when none.
func (f *form) firstError() (tea.Cmd, bool) {
	for i, fl := range f.fields {
		if _, bad := f.errs[fl.key]; bad {
			return f.focusOn(i), true
		}
	}
	return nil, false
}

func (f *form) setSize() {
	w := f.c.width - labelWidth - 4
	for i := range f.fields {
		switch f.fields[i].kind {
		case kindText:
			f.fields[i].input.Width = max(w, 10)
		case kindArea:
			f.fields[i].area.SetWidth(max(w+2, 12))
			f.fields[i].area.SetHeight(areaRows)
		}
	}
}

func (f *form) blur() {
	fl := &f.fields[f.focus]
	fl.input.Blur()
	fl.area.Blur()
}

// focusOn moves the focus to field i (wrapping); a read-only form only
// moves its marker.
func (f *form) focusOn(i int) tea.Cmd {
	f.blur()
	f.fields[f.focus].touched = true
	f.settleDate(f.focus)
	f.focus = (i + len(f.fields)) % len(f.fields)
	f.provOff = 0
	f.validate()
	fl := &f.fields[f.focus]
	switch {
	case f.readOnly:
	case fl.kind == kindText || fl.kind == kindCell:
		return fl.input.focusSelect()
	case fl.kind == kindArea:
		return fl.area.Focus()
	}
	return nil
}

// settleDate writes the date a date field's words stand for ("today")
// into the field as it is left, so the inspector sees the date kept.
func (f *form) settleDate(i int) {
	fl := &f.fields[i]
	if !dateFields[fl.key] {
		return
	}
	if d, ok := f.c.typedDate(fl.input.Value(), ""); ok && d != strings.TrimSpace(fl.input.Value()) {
		fl.input.SetValue(d)
	}
}

// step moves the focus to the next (d=1) or previous (d=-1) field that is
// shown; a read-only table has no "add a row" line.
func (f *form) step(d int) tea.Cmd {
	i := (f.focus + d + len(f.fields)) % len(f.fields)
	if f.readOnly && f.fields[i].kind == kindAddRow && f.rows() > 0 {
		i = (i + d + len(f.fields)) % len(f.fields)
	}
	return f.focusOn(i)
}

// focused is the field with the keys.
func (f form) focused() formField { return f.fields[f.focus] }

// inTable reports whether the focus is in the interviews table or on its
// "add a row" line.
func (f form) inTable() bool {
	k := f.focused().kind
	return k == kindCell || k == kindAddRow
}

// update handles a key; changed reports that a value may have changed. A
// key a field cannot take (a letter on a choice) says what the field
// takes instead.
func (f *form) update(msg tea.KeyMsg, keys formKeys) (cmd tea.Cmd, changed bool) {
	fl := &f.fields[f.focus]
	switch {
	case fl.kind == kindArea && !f.readOnly && f.areaKeepsKey(msg):
		fl.area, cmd = fl.area.Update(cleanKey(msg, true))
		f.validate()
		return cmd, true
	case key.Matches(msg, keys.Next):
		return f.step(1), false
	case key.Matches(msg, keys.Prev):
		return f.step(-1), false
	case msg.Type == tea.KeyEnter && (fl.kind == kindText || fl.kind == kindCell):
		// A one-line field has no use for enter: it goes on to the next
		// field, as in a paper form, instead of doing nothing.
		return f.step(1), false
	case fl.key == "catalog" && (msg.Type == tea.KeyPgDown || msg.Type == tea.KeyPgUp):
		page := max(f.provRoom(*fl)-1, 1)
		if msg.Type == tea.KeyPgUp {
			page = -page
		}
		f.provOff = min(max(f.provOff+page, 0), max(len(f.provLines(*fl))-f.provRoom(*fl), 0))
		return nil, false
	case f.readOnly:
		return nil, false
	case f.inTable() && key.Matches(msg, keys.AddRow), fl.kind == kindAddRow && msg.Type == tea.KeyEnter:
		return f.addRow(), true
	case fl.kind == kindCell && key.Matches(msg, keys.DelRow):
		return f.deleteRow(fl.row), true
	case fl.kind == kindChoice && key.Matches(msg, keys.Left):
		fl.choice = (fl.choice + len(fl.choices) - 1) % len(fl.choices)
		f.provOff = 0
	case fl.kind == kindChoice && key.Matches(msg, keys.Right):
		fl.choice = (fl.choice + 1) % len(fl.choices)
		f.provOff = 0
	case fl.kind == kindChoice:
		return f.c.say("form_choice_key", i18n.Args{"Key": f.c.keyName(msg)}), false
	case fl.kind == kindAddRow:
		return f.c.say("form_add_row_key", i18n.Args{"Key": f.c.keyName(msg)}), false
	case fl.kind == kindLink:
		return f.c.say("form_link_key", i18n.Args{"Key": f.c.keyName(msg)}), false
	default:
		cmd = fl.input.update(cleanKey(msg, false))
	}
	f.validate()
	return cmd, true
}

// areaKeepsKey reports whether a multi-line field uses the key itself:
// everything but tab, and ↑/↓ except past its first or last line.
func (f form) areaKeepsKey(msg tea.KeyMsg) bool {
	a := f.fields[f.focus].area
	switch msg.Type {
	case tea.KeyTab, tea.KeyShiftTab:
		return false
	case tea.KeyUp:
		return a.Line() > 0 || a.LineInfo().RowOffset > 0
	case tea.KeyDown:
		li := a.LineInfo()
		return a.Line() < a.LineCount()-1 || li.RowOffset < li.Height-1
	}
	return true
}

// addRow appends an empty row to the interviews table and focuses its
// role.
func (f *form) addRow() tea.Cmd {
	at := slices.IndexFunc(f.fields, func(fl formField) bool { return fl.kind == kindAddRow })
	n := f.rows()
	f.blur()
	f.fields = slices.Insert(f.fields, at, rowFields(f.c, n, audit.Interviewed{})...)

	f.relang()
	f.focus = at
	return f.focusOn(at)
}

// deleteRow removes row r and renumbers the rows after it.
func (f *form) deleteRow(r int) tea.Cmd {
	f.blur()
	first := slices.IndexFunc(f.fields, func(fl formField) bool { return fl.kind == kindCell && fl.row == r })
	f.fields = slices.DeleteFunc(f.fields, func(fl formField) bool { return fl.kind == kindCell && fl.row == r })
	for i := range f.fields {
		if fl := &f.fields[i]; fl.kind == kindCell && fl.row > r {
			fl.row--
			fl.key = cellKey(fl.row, fl.col)
		}
	}
	f.focus = min(max(first, 0), len(f.fields)-1)
	return f.focusOn(f.focus)
}

// view draws the form under head, scrolled so the focused field shows.
func (f form) view(head string) string {
	st := f.c.st
	w := f.c.width
	var lines []string
	focusFrom, focusTo := 0, 0
	indent := strings.Repeat(" ", labelWidth)
	for i := 0; i < len(f.fields); i++ {
		fl := f.fields[i]
		start := len(lines)
		switch fl.kind {
		case kindCell:
			n := len(interviewCols)
			if fl.row == 0 {
				lines = append(lines, f.tableHead())
			}
			lines = append(lines, f.rowLine(i))
			for j := i; j < i+n && j < len(f.fields); j++ {
				lines = append(lines, f.errorLines(j)...)
			}
			if f.focus >= i && f.focus < i+n {
				focusFrom, focusTo = start, len(lines)-1
			}
			i += n - 1
			continue
		case kindAddRow:
			v := "+ " + f.c.w.t("add_row", nil)
			switch {
			case f.readOnly && f.rows() > 0:
				continue // nothing to add to a finalized audit
			case f.readOnly:
				v = st.muted.Render(f.c.w.t("no_rows", nil))
			case i == f.focus:
				v = st.selected.Render(v)
			}
			if f.rows() == 0 {
				lines = append(lines, f.tableHead())
			}
			lines = append(lines, f.label(i, "")+v)
		case kindLink:
			v := fl.link + " ›"
			if i == f.focus {
				v = st.selected.Render(v)
			}
			lines = append(lines, truncate(f.label(i, f.c.w.word(formLabelIDs[fl.key]))+v, w))
		case kindArea:
			for j, l := range strings.Split(fl.area.View(), "\n") {
				if j == 0 {
					lines = append(lines, truncate(f.label(i, f.c.w.word(formLabelIDs[fl.key]))+l, w))
				} else {
					lines = append(lines, truncate(indent+l, w))
				}
			}
		default:
			lines = append(lines, truncate(f.label(i, f.c.w.word(formLabelIDs[fl.key]))+f.valueView(i), w))
		}
		if cats := f.c.deps.Catalogs.Current(); fl.key == "catalog" && fl.choice < len(cats) {
			// The catalog's caveat (paraphrased wording…) is read whole,
			// in the UI's language where the catalog has it.
			l := cats[fl.choice].In(f.c.w.lang)
			if name := sanitizeLine(l.Name); name != "" {
				// Wrapped, not cut: the Spanish name is longer than a line.
				for _, nl := range wrap(f.c.w.marked(name, l.NameLang), w-labelWidth) {
					lines = append(lines, st.muted.Render(indent+nl))
				}
			}
			prov := f.provLines(fl)
			switch room := f.provRoom(fl); {
			case i == f.focus && len(prov) > room:
				// On the catalog's own line the inspector reads it all:
				// a page at a time where it is longer than the screen.
				off := min(f.provOff, len(prov)-room)
				more := f.c.w.t("prov_scroll", i18n.Args{"From": off + 1, "To": off + room, "N": len(prov)})
				prov = append(slices.Clone(prov[off:off+room]), truncate(more, w-labelWidth))
			case len(prov) > maxProvenanceRows && i != f.focus:
				prov = prov[:maxProvenanceRows]
				prov[maxProvenanceRows-1] = truncate(prov[maxProvenanceRows-1]+" …", w-labelWidth)
			}
			for _, l := range prov {
				lines = append(lines, st.muted.Render(indent+l))
			}
			if f.catalogNote != nil {
				for _, l := range f.catalogNote(cats[fl.choice]) {
					lines = append(lines, st.warn.Render(indent+l))
				}
			}
		}
		for _, b := range fl.below {
			lines = append(lines, st.muted.Render(indent+truncate(b, w-labelWidth)))
		}
		lines = append(lines, f.errorLines(i)...)
		if i == f.focus {
			focusFrom, focusTo = start, len(lines)-1
		}
	}
	// The head (title and hint) wraps rather than lose its end: a hint is
	// longer in some languages than in others.
	heads := wrap(head, w)
	if len(heads) > 2 {
		heads = heads[:2]
		heads[1] = truncate(heads[1]+" …", w)
	}
	h := f.c.height - 1 - len(heads)
	off := 0
	if focusTo+1 >= h {
		off = min(focusTo+2-h, focusFrom)
	}
	vis, _ := window(lines, off, h)
	return strings.Join(heads, "\n") + "\n\n" + strings.Join(vis, "\n")
}

// provLines is the provenance of the catalog chosen in fl, wrapped to
// the value column.
func (f form) provLines(fl formField) []string {
	cats := f.c.deps.Catalogs.Current()
	if fl.choice >= len(cats) {
		return nil
	}
	l := cats[fl.choice].In(f.c.w.lang)
	return wrap(f.c.w.marked(sanitizeLine(l.Provenance), l.ProvenanceLang), f.c.width-labelWidth)
}

// provRoom is how many provenance lines fit under the catalog line with
// its name, its note, a two-line head and the scroll line.
func (f form) provRoom(fl formField) int {
	cats := f.c.deps.Catalogs.Current()
	used := 1 + 2 + 2 + 1 // gap, head, catalog line and scroll line
	if fl.choice < len(cats) {
		l := cats[fl.choice].In(f.c.w.lang)
		if name := sanitizeLine(l.Name); name != "" {
			used += len(wrap(f.c.w.marked(name, l.NameLang), f.c.width-labelWidth))
		}
		if f.catalogNote != nil {
			used += len(f.catalogNote(cats[fl.choice]))
		}
	}
	return max(f.c.height-used, maxProvenanceRows)
}

// errorLines is field i's error, if shown: wrapped across the width under
// the field (from the label column, where it has room), never cut.
func (f form) errorLines(i int) []string {
	e := f.shownError(i)
	if e == "" {
		return nil
	}
	var out []string
	for j, l := range wrap(sanitizeLine(e), f.c.width-4) {
		mark := "    "
		if j == 0 {
			mark = "  ✗ "
		}
		out = append(out, f.c.st.errText.Render(mark+l))
	}
	return out

}

// label is the label column of field i, marked when it has the focus.

func (f form) label(i int, text string) string {
	if i == f.focus {
		return f.c.st.focusedField.Render(pad("› "+text, labelWidth))
	}
	return f.c.st.label.Render(pad("  "+text, labelWidth))
}

func (f form) valueView(i int) string {
	fl := f.fields[i]
	switch {
	case fl.kind == kindChoice && i == f.focus && !f.readOnly:
		return f.c.st.selected.Render(f.c.w.t("choice_hint", i18n.Args{"Choice": f.choiceLabel(fl)}))
	case fl.kind == kindChoice:
		return f.choiceLabel(fl)
	}
	return f.inputView(i)
}

// inputView is a text field: the live input while it has the keys, else
// its value from the start (a blurred input would show where its cursor
// left it: the end of a long ASMO name).
func (f form) inputView(i int) string {
	fl := f.fields[i]
	if i == f.focus && !f.readOnly {
		return fl.input.View()
	}
	v := sanitizeLine(fl.input.Value())
	if v == "" {
		return f.c.st.muted.Render(truncate(fl.input.Placeholder, fl.input.Width))
	}
	return truncate(v, fl.input.Width)
}

// tableHead names the interviews table and its columns.
func (f form) tableHead() string {
	w := f.c.w
	head := ""
	for i, c := range interviewCols {
		width := countWidth
		if i == 0 {
			width = roleWidth
		}
		head += pad(w.word(interviewColIDs[c.Key]), width+1) + " "
	}
	return truncate(f.c.st.label.Render(pad("  "+w.word(formLabelIDs["interviews"]), labelWidth))+f.c.st.muted.Render(head), f.c.width)
}

// rowLine draws the interviews row whose first cell is field i.
func (f form) rowLine(i int) string {
	fl := f.fields[i]
	label := "#" + strconv.Itoa(fl.row+1)
	var l string
	if f.focus >= i && f.focus < i+len(interviewCols) {
		l = f.c.st.focusedField.Render(pad("› "+label, labelWidth))
	} else {
		l = f.c.st.label.Render(pad("  "+label, labelWidth))
	}
	for j := i; j < i+len(interviewCols) && j < len(f.fields); j++ {
		l += pad(f.inputView(j), f.fields[j].input.Width+1) + " "
	}
	return truncate(l, f.c.width)
}

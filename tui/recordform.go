package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// recordKind is how a record form's field is edited.
type recordKind int

const (
	recText    recordKind = iota // one line
	recCount                     // a whole number; empty is 0
	recChoice                    // one of a few values, ←/→
	recArea                      // several lines
	recToggles                   // several values on or off: ←/→ move, space toggles
)

// recordField is one field of a record form: an interview's role, a
// sampling group's size. private marks what never leaves the laptop (a
// name): it is drawn apart, under a warning.
type recordField struct {
	key     string
	label   string // message id
	kind    recordKind
	input   textinput.Model
	area    textarea.Model
	choices []string // recChoice and recToggles: the values
	words   []string // what each choice says
	choice  int      // recChoice: the value; recToggles: the cursor
	on      []bool   // recToggles
	private bool
	// locked refuses edits (private names not loaded, or unreadable).
	locked bool
}

// text is the field's value as typed (trimmed), or its choice.
func (f recordField) text() string {
	switch f.kind {
	case recChoice:
		return f.choices[f.choice]
	case recArea:
		return strings.TrimSpace(audit.Sanitize(f.area.Value()))
	case recToggles:
		var out []string
		for i, on := range f.on {
			if on {
				out = append(out, f.choices[i])
			}
		}
		return strings.Join(out, ",")
	}
	return strings.TrimSpace(sanitizeLine(f.input.Value()))
}

// count reads a count field; empty is 0.
func (f recordField) count() (int, error) {
	v := f.text()
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, audit.FieldError{Field: f.key, Kind: audit.ProblemNotNumber, Value: v}
	}
	return n, nil
}

// recordForm edits one record, field by field; its owner reads the values
// back after each change and says what is wrong with them (errs, by key).
type recordForm struct {
	c        *common
	fields   []recordField
	focus    int
	errs     map[string]error
	readOnly bool
}

func (r *recordForm) textField(key, label, value string) {
	ti := newInput("")
	ti.SetValue(sanitizeLine(value))
	r.fields = append(r.fields, recordField{key: key, label: label, kind: recText, input: ti})
}

func (r *recordForm) countField(key, label string, n int) {
	r.textField(key, label, countText(n))
	r.fields[len(r.fields)-1].kind = recCount
}

func (r *recordForm) choiceField(key, label string, cur string, values, words []string) {
	f := recordField{key: key, label: label, kind: recChoice, choices: values, words: words}
	if i := slices.Index(values, cur); i >= 0 {
		f.choice = i
	} else if cur != "" {
		// A hand-edited value stays until changed.
		f.choices = append(slices.Clone(values), cur)
		f.words = append(slices.Clone(words), sanitizeLine(cur))
		f.choice = len(f.choices) - 1
	}
	r.fields = append(r.fields, f)
}

func (r *recordForm) areaField(key, label, value string) {
	ta := newArea()
	ta.SetValue(value)
	r.fields = append(r.fields, recordField{key: key, label: label, kind: recArea, area: ta})
}

func (r *recordForm) togglesField(key, label string, values, words []string, on []string) {
	f := recordField{key: key, label: label, kind: recToggles, choices: values, words: words, on: make([]bool, len(values))}
	for i, v := range values {
		f.on[i] = slices.Contains(on, v)
	}
	r.fields = append(r.fields, f)
}

// countText shows a count in a field: zero as empty.
func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// field returns the field with key k.
func (r recordForm) field(k string) recordField {
	i := slices.IndexFunc(r.fields, func(f recordField) bool { return f.key == k })
	if i < 0 {
		return recordField{}
	}
	return r.fields[i]
}

// setPrivate marks the fields with keys ks as private.
func (r *recordForm) setPrivate(ks ...string) {
	for i := range r.fields {
		if slices.Contains(ks, r.fields[i].key) {
			r.fields[i].private = true
		}
	}
}

func (r *recordForm) setSize() {
	w := r.c.width - labelWidth - 4
	for i := range r.fields {
		switch r.fields[i].kind {
		case recText, recCount:
			r.fields[i].input.Width = max(w, 10)
		case recArea:
			r.fields[i].area.SetWidth(max(w+2, 12))
			r.fields[i].area.SetHeight(areaRows)
		}
	}
}

// focusOn moves the focus to field i (wrapping).
func (r *recordForm) focusOn(i int) tea.Cmd {
	f := &r.fields[r.focus]
	f.input.Blur()
	f.area.Blur()
	r.focus = (i + len(r.fields)) % len(r.fields)
	f = &r.fields[r.focus]
	switch {
	case r.readOnly:
	case f.kind == recText || f.kind == recCount:
		return f.input.Focus()
	case f.kind == recArea:
		return f.area.Focus()
	}
	return nil
}

// update handles a key; changed reports that a value may have changed.
func (r *recordForm) update(msg tea.KeyMsg, k recordKeys) (cmd tea.Cmd, changed bool) {
	f := &r.fields[r.focus]
	switch {
	case f.kind == recArea && !r.readOnly && !f.locked && r.areaKeepsKey(msg):
		f.area, cmd = f.area.Update(cleanKey(msg, true))
		return cmd, true
	case key.Matches(msg, k.Next):
		return r.focusOn(r.focus + 1), false
	case key.Matches(msg, k.Prev):
		return r.focusOn(r.focus - 1), false
	case r.readOnly, f.locked:
		return nil, false
	case f.kind == recChoice && key.Matches(msg, k.Left):
		f.choice = (f.choice + len(f.choices) - 1) % len(f.choices)
	case f.kind == recChoice && key.Matches(msg, k.Right):
		f.choice = (f.choice + 1) % len(f.choices)
	case f.kind == recToggles && key.Matches(msg, k.Left):
		f.choice = (f.choice + len(f.choices) - 1) % len(f.choices)
		return nil, false
	case f.kind == recToggles && key.Matches(msg, k.Right):
		f.choice = (f.choice + 1) % len(f.choices)
		return nil, false
	case f.kind == recToggles && key.Matches(msg, k.Toggle):
		f.on[f.choice] = !f.on[f.choice]
	case f.kind == recChoice, f.kind == recToggles:
		return nil, false
	default:
		f.input, cmd = f.input.Update(cleanKey(msg, false))
	}
	return cmd, true
}

// areaKeepsKey reports whether a multi-line field uses the key itself, as
// in the header form.
func (r recordForm) areaKeepsKey(msg tea.KeyMsg) bool {
	a := r.fields[r.focus].area
	switch msg.Type {
	case tea.KeyTab, tea.KeyShiftTab, tea.KeyEsc:
		return false
	case tea.KeyUp:
		return a.Line() > 0 || a.LineInfo().RowOffset > 0
	case tea.KeyDown:
		li := a.LineInfo()
		return a.Line() < a.LineCount()-1 || li.RowOffset < li.Height-1
	}
	return true
}

// focusedKind is the kind of the field with the keys.
func (r recordForm) focusedKind() recordKind { return r.fields[r.focus].kind }

// view draws the form under head, scrolled so the focused field shows;
// the private fields come last, under privateHead.
func (r recordForm) view(head []string, privateHead string) string {
	st := r.c.st
	w := r.c.width
	indent := strings.Repeat(" ", labelWidth)
	var lines []string
	focusFrom, focusTo := 0, 0
	shownPrivate := false
	for i, f := range r.fields {
		if f.private && !shownPrivate {
			shownPrivate = true
			lines = append(lines, "")
			for _, l := range wrap("! "+privateHead, w) {
				lines = append(lines, st.warn.Render(l))
			}
		}
		start := len(lines)
		label := r.label(i, r.c.w.word(f.label))
		switch f.kind {
		case recArea:
			for j, l := range strings.Split(f.area.View(), "\n") {
				if j == 0 {
					lines = append(lines, truncate(label+l, w))
				} else {
					lines = append(lines, truncate(indent+l, w))
				}
			}
		case recChoice:
			v := f.words[f.choice]
			if i == r.focus && !r.readOnly {
				v = st.selected.Render(r.c.w.t("choice_hint", i18n.Args{"Choice": v}))
			}
			lines = append(lines, truncate(label+v, w))
		case recToggles:
			var parts []string
			for j, word := range f.words {
				box := "[ ] "
				if f.on[j] {
					box = "[x] "
				}
				p := box + word
				if i == r.focus && j == f.choice && !r.readOnly {
					p = st.selected.Render(p)
				}
				parts = append(parts, p)
			}
			// Several lines when the choices do not fit on one.
			row := label
			for _, p := range parts {
				if lipgloss.Width(row)+lipgloss.Width(p)+2 > w && row != label {
					lines = append(lines, row)
					row = indent
				}
				row += p + "  "
			}
			lines = append(lines, strings.TrimRight(row, " "))
		default:
			v := sanitizeLine(f.input.Value())
			switch {
			case i == r.focus && !r.readOnly:
				v = f.input.View()
			case v == "":
				v = st.muted.Render(truncate(f.input.Placeholder, f.input.Width))
			default:
				v = truncate(v, f.input.Width)
			}
			lines = append(lines, truncate(label+v, w))
		}
		if e := r.c.w.errorText(r.errs[f.key]); e != "" {
			lines = append(lines, st.errText.Render(truncate(indent+"✗ "+sanitizeLine(e), w)))
		}
		if i == r.focus {
			focusFrom, focusTo = start, len(lines)-1
		}
	}
	h := r.c.height - 1 - len(head)
	off := 0
	if focusTo+1 >= h {
		off = min(focusTo+2-h, focusFrom)
	}
	vis, _ := window(lines, off, h)
	return strings.Join(head, "\n") + "\n\n" + strings.Join(vis, "\n")
}

// label is the label column of field i, marked when it has the focus.
func (r recordForm) label(i int, text string) string {
	if i == r.focus {
		return r.c.st.focusedField.Render(pad("› "+text, labelWidth))
	}
	return r.c.st.label.Render(pad("  "+text, labelWidth))
}

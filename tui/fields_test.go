package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// walkOnNC opens the walk on a minor non-conformity whose due date is the
// policy's default (the audit ends 2026-11-23).
func walkOnNC(t *testing.T, lang string) (*driver, *fakeStore) {
	t.Helper()
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	f := a.Finding("1.1")
	f.Verdict, f.CorrectiveAction = audit.Minor, "Completar el registro."
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: lang}, 80, 24)
	d.press(tea.KeyEnter)
	return d, st
}

// keysToDue puts the keys in the due date: enter (notes), tab (action),
// tab (due date).
func keysToDue(d *driver) {
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.press(tea.KeyTab)
}

// TestDueDateIsSelectedSoTypingReplacesIt: the date shown is selected when
// the field gets the keys, as in any form: typing a date replaces it (no
// "2027-02-212027-03-01"), the help says so and names ctrl+u; → keeps it
// and moves the cursor, so typing then appends.
func TestDueDateIsSelectedSoTypingReplacesIt(t *testing.T) {
	d, st := walkOnNC(t, "en")
	keysToDue(d)
	if h := helpOf(d); !strings.Contains(h, "typing replaces") || !strings.Contains(h, "ctrl+u clear") {
		t.Errorf("the due date's hints: %q", h)
	}
	d.typeText("2027-03-01")
	d.press(tea.KeyEsc)
	d.fire()
	if got := st.saved("a1").Findings["1.1"].DueDate; got != "2027-03-01" {
		t.Errorf("due date typed over the selected one = %q, want 2027-03-01", got)
	}
	keysToDue(d)
	d.press(tea.KeyRight) // keeps the text: the cursor at its end
	d.press(tea.KeyBackspace)
	d.typeText("9")
	d.press(tea.KeyEsc)
	d.fire()
	if got := st.saved("a1").Findings["1.1"].DueDate; got != "2027-03-09" {
		t.Errorf("due date after → backspace 9 = %q, want 2027-03-09", got)
	}
	keysToDue(d)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	if d.m.walk.due.Value() != "" {
		t.Errorf("ctrl+u left %q in the field", d.m.walk.due.Value())
	}
}

// TestDueDateTakesTodayAndDaysAfterTheEnd: "+30" is 30 days after the
// audit's end date, "today" (or "hoy" in Spanish) the day; what they stand
// for shows under the field as it is typed.
func TestDueDateTakesTodayAndDaysAfterTheEnd(t *testing.T) {
	for _, tt := range []struct{ lang, typed, want string }{
		{"en", "+30", "2026-12-23"},
		{"en", "+0", "2026-11-23"},
		{"en", "today", testNow.Format(audit.DateLayout)},
		{"en", "TODAY", testNow.Format(audit.DateLayout)},
		{"es", "hoy", testNow.Format(audit.DateLayout)},
		{"es", "+90", "2027-02-21"},
	} {
		d, st := walkOnNC(t, tt.lang)
		keysToDue(d)
		d.typeText(tt.typed)
		if v := d.view(); !strings.Contains(v, "= "+tt.want) {
			t.Errorf("%s %q: the field does not show the date it stands for (%s):\n%s", tt.lang, tt.typed, tt.want, v)
		}
		d.press(tea.KeyEsc)
		d.fire()
		if got := st.saved("a1").Findings["1.1"].DueDate; got != tt.want {
			t.Errorf("%s %q: due date %q, want %q", tt.lang, tt.typed, got, tt.want)
		}
	}
	d, st := walkOnNC(t, "en")
	keysToDue(d)
	if v := wordsOf(d.view()); !strings.Contains(v, "YYYY-MM-DD, today, or +30: 30 days after the audit's end (2026-11-23)") {
		t.Errorf("the due date does not say what it takes:\n%s", v)
	}
	d.typeText("+x")
	if v := d.view(); !strings.Contains(v, "✗ due date:") {
		t.Errorf("+x is taken as a date:\n%s", v)
	}
	d.press(tea.KeyEsc)
	d.fire()
	if got := st.saved("a1").Findings["1.1"].DueDate; got != "" {
		t.Errorf("a bad date was kept: %q", got)
	}
}

// TestFormFieldsSelectOnFocus: tabbing into a filled field of the
// new-audit form selects it; typing replaces the date; "today" is a
// date, written out as the field is left; ctrl+u is in the help.
func TestFormFieldsSelectOnFocus(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Now: func() time.Time { return testNow }}, 80, 24)
	d.typeText("n")
	if h := helpOf(d); !strings.Contains(h, "ctrl+u clear") {
		t.Errorf("ctrl+u is not in the form's help: %q", h)
	}
	focusField(t, d, func(m Model) form { return m.form.f }, "start_date")
	d.typeText("2026-11-20")
	focusField(t, d, func(m Model) form { return m.form.f }, "end_date")
	d.typeText("today")
	focusField(t, d, func(m Model) form { return m.form.f }, "asmo")
	h, errs := d.m.form.header()
	if h.StartDate != "2026-11-20" || h.EndDate != "2026-11-23" || errs["start_date"] != nil || errs["end_date"] != nil {
		t.Errorf("dates: start %q end %q (%v, %v); want the start replaced and today's date", h.StartDate, h.EndDate,
			errs["start_date"], errs["end_date"])
	}
	if v := d.view(); !strings.Contains(v, "2026-11-23") || strings.Contains(v, "today") {
		t.Errorf("today is not written out once the field is left:\n%s", v)
	}
}

// TestFieldErrorIsWrappedNotCut: a field's error reads to its end at 80
// columns, in both languages.
func TestFieldErrorIsWrappedNotCut(t *testing.T) {
	for lang, want := range map[string]string{"en": "(for example 2026-11-20)", "es": "(por ejemplo 2026-11-20)"} {
		cat := testCatalog(30)
		d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Lang: lang}, 80, 24)
		d.typeText("n")
		focusField(t, d, func(m Model) form { return m.form.f }, "start_date")
		d.typeText("2025-03-202025-03-21")
		focusField(t, d, func(m Model) form { return m.form.f }, "asmo")
		if v := wordsOf(d.view()); !strings.Contains(v, want) {
			t.Errorf("%s: the date's error is cut:\n%s", lang, d.view())
		}
	}
}

// TestCorrectiveActionIsMultiLine: the corrective action is edited as the
// notes are (enter is a new line), and read whole once left.
func TestCorrectiveActionIsMultiLine(t *testing.T) {
	d, st := walkOnNC(t, "en")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	if d.m.walk.focus != focusAction {
		t.Fatalf("focus %v, want the corrective action", d.m.walk.focus)
	}
	d.typeText(" Presentarlo en la próxima asamblea general de socios, con la lista de las pallaqueras.")
	d.press(tea.KeyEnter)
	d.typeText("Plazo: la asamblea de marzo.")
	d.press(tea.KeyEsc)
	d.fire()
	want := "Completar el registro. Presentarlo en la próxima asamblea general de socios, con la lista de las pallaqueras.\nPlazo: la asamblea de marzo."
	if got := st.saved("a1").Findings["1.1"].CorrectiveAction; got != want {
		t.Errorf("saved action = %q, want %q", got, want)
	}
	if !strings.Contains(wordsOf(d.view()), "con la lista de las pallaqueras. Plazo: la asamblea de marzo.") {
		t.Errorf("the action is not read whole:\n%s", d.view())
	}
	// The justification too.
	d.typeText("n")
	d.typeText("y")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.typeText("No hay planta.")
	d.press(tea.KeyEnter)
	d.typeText("Se verificó en la visita.")
	d.press(tea.KeyEsc)
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Justification; got != "No hay planta.\nSe verificó en la visita." {
		t.Errorf("saved justification = %q", got)
	}
}

// TestListWidensAndTitleStaysOnTop: at 80 columns w gives the list the
// width its titles need (and back); the selected requirement's full title
// is the right pane's first line, even scrolled; at 120 columns titles
// are whole where they fit.
func TestListWidensAndTitleStaysOnTop(t *testing.T) {
	d := longCatalogWalk(t)
	d.press(tea.KeyTab)
	d.press(tea.KeyTab) // environmental: the longest area name in the titles
	title := "3.1 Requirement 1 of environmental"
	right := func() string { return strings.SplitN(strings.Split(d.view(), "\n")[1], "│ ", 2)[1] }
	if !strings.HasPrefix(right(), title) {
		t.Errorf("the right pane does not start with the full title: %q", right())
	}
	for range 5 {
		d.press(tea.KeyPgDown)
	}
	if !strings.HasPrefix(right(), title) {
		t.Errorf("scrolled, the title is gone: %q", right())
	}
	if strings.Contains(d.view(), "  · "+title+" ") {
		t.Fatalf("the list shows the title whole at 80 columns already: nothing to test")
	}
	d.typeText("w")
	if !strings.Contains(d.view(), "› · "+title) {
		t.Errorf("w does not show the titles whole:\n%s", d.view())
	}
	d.typeText("w")
	if strings.Contains(d.view(), "› · "+title) {
		t.Errorf("w again does not give the width back:\n%s", d.view())
	}

	cat := builtinFairmined(t)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	wide := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 120, 40)
	wide.press(tea.KeyEnter)
	if v := wide.view(); !strings.Contains(v, "1.1.2 Members informed of the Standard ") {
		t.Errorf("at 120 columns a title that fits is cut:\n%s", v)
	}
}

// TestReattachedFileKeepsBothNames: a file whose content is already
// attached under another name is the same evidence, known by both names.
func TestReattachedFileKeepsBothNames(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	st.content = map[string]string{"/fotos/IMG_2031.jpg": "acta", "/fotos/acta-firmada.jpg": "acta"}
	for _, p := range []string{"/fotos/IMG_2031.jpg", "/fotos/acta-firmada.jpg"} {
		d.typeText("a")
		d.typeText(p)
		d.press(tea.KeyEnter)
	}
	if s := wordsOf(statusOf(d)); !strings.Contains(s, "attached acta-firmada.jpg: the same file as IMG_2031.jpg") || !strings.Contains(s, "both names are kept") {
		t.Errorf("re-attaching under another name says: %q", s)
	}
	if v := d.view(); !strings.Contains(v, "IMG_2031.jpg (also acta-firmada.jpg)") {
		t.Errorf("the finding does not show both names:\n%s", v)
	}
	if ev := d.m.s.a.Evidence; len(ev) != 1 || len(ev[0].Aliases) != 1 {
		t.Errorf("evidence = %+v, want one file with one alias", ev)
	}
}

// wordsOf is a view's words, one space apart: a text wrapped across lines
// (and a pane's "│ " margin) read as the sentence it is.
func wordsOf(view string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(view, "│", " ")), " ")
}

// TestLongCorrectiveActionSaysItGoesOn: an action longer than the pane has
// room for shows what fits and says how to read the rest, in words that
// fit the pane in both languages.
func TestLongCorrectiveActionSaysItGoesOn(t *testing.T) {
	for lang, want := range map[string]string{"en": "more lines: enter, then tab", "es": "líneas más: enter, luego tab"} {
		d, _ := walkOnNC(t, lang)
		d.m.s.a.Finding("1.1").CorrectiveAction = strings.Repeat("Capacitar a los operarios del molino en el manejo seguro. ", 20)
		d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := d.view(); !strings.Contains(v, want+" ") {
			t.Errorf("%s: a long action does not say, whole, that it goes on:\n%s", lang, v)
		}
	}

}

// TestEnterInAOneLineFieldGoesOn: enter in a one-line field moves to the
// next field instead of silently doing nothing.
func TestEnterInAOneLineFieldGoesOn(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Lang: "es"}, 80, 24)
	d.typeText("n")
	focusField(t, d, func(m Model) form { return m.form.f }, "asmo")
	d.typeText("Cooperativa El Sol")
	at := d.m.form.f.focus
	d.press(tea.KeyEnter)
	f := d.m.form.f
	if f.focus != at+1 {
		t.Fatalf("enter left the focus on field %d, want %d", f.focus, at+1)
	}
	if got := f.fields[at].input.Value(); got != "Cooperativa El Sol" {
		t.Errorf("enter changed the field it left: %q", got)
	}
}

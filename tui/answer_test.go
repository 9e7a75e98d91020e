package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// statusLines are the lines between the body and the key hints: the
// status line's one or two.
func statusOf(d *driver) string {
	lines := strings.Split(d.view(), "\n")
	n := statusHeight(d.m.statusView())
	return strings.Join(lines[len(lines)-1-n:len(lines)-1], "\n")
}

func statusHeight(s string) int { return strings.Count(s, "\n") + 1 }

// helpOf is the key hints' line.
func helpOf(d *driver) string {
	lines := strings.Split(d.view(), "\n")
	return lines[len(lines)-1]
}

// finalizedStore has one finalized audit, complete.
func finalizedStore() *fakeStore {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	a.Finding("1.2").Notes = "Registro revisado."
	a.Status = audit.Finalized
	return newFakeStore(cat, a)
}

// TestFinalizedWalkSaysItIsReadOnlyAndWhy: the walk of a finalized audit
// says so above the panes, and each key that would change it says why it
// cannot, instead of doing nothing; nothing changes.
func TestFinalizedWalkSaysItIsReadOnlyAndWhy(t *testing.T) {
	st := finalizedStore()
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat)}, 80, 24)
	d.press(tea.KeyEnter)
	if v := d.view(); !strings.Contains(strings.Split(v, "\n")[1], "finalized — read-only; A on the summary amends") {
		t.Fatalf("the finalized walk does not say it is read-only in its header:\n%s", v)
	}
	for _, k := range []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("c")}, {Type: tea.KeyRunes, Runes: []rune("m")}, {Type: tea.KeyRunes, Runes: []rune("M")},
		{Type: tea.KeyRunes, Runes: []rune("n")}, {Type: tea.KeyRunes, Runes: []rune("o")}, {Type: tea.KeyRunes, Runes: []rune("a")},
		{Type: tea.KeyEnter}, {Type: tea.KeyCtrlE},
	} {
		d.send(k)
		want := k.String() + ": this audit is finalized, read-only · A on the summary amends it"
		if s := statusOf(d); !strings.Contains(s, want) {
			t.Errorf("%s on a finalized audit: status %q, want %q", k, s, want)
		}
		if d.m.walk.focus != focusList {
			t.Errorf("%s opened a field on a finalized audit", k)
		}
	}
	d.fire()
	if a := st.saved("a1"); a.VerdictOf("1.1") != audit.Conforms || st.saves != 0 {
		t.Errorf("a finalized audit changed: verdict %s, %d saves", a.VerdictOf("1.1"), st.saves)
	}
	// Spanish says it too.
	d.typeText("L")
	d.typeText("c")
	if s := statusOf(d); !strings.Contains(s, "c: esta auditoría está finalizada, solo lectura") {
		t.Errorf("Spanish read-only answer: %q", s)
	}
	if v := d.view(); !strings.Contains(v, "finalizada — solo lectura; A en el resumen la enmienda") {
		t.Errorf("Spanish read-only header:\n%s", v)
	}
}

// keyStore is the store of TestEveryKeyAnswers's screens: a draft with
// findings and a finalized audit, on cat (parsed once: the test makes a
// thousand UIs).
func keyStore(cat *standards.Catalog) *fakeStore {
	a := testAudit(cat, "2026-11-20-cooperativa-la-esperanza-7f3a")
	a.Finding("1.1").Verdict = audit.Conforms
	f := a.Finding("1.2")
	f.Verdict, f.Notes, f.CorrectiveAction = audit.Minor, "Registro incompleto.", "Completar el registro."
	b := testAudit(cat, "2026-10-02-asociacion-oro-verde-1b2c")
	b.Header.ASMO = "Asociación Oro Verde"
	completeAudit(b)
	b.Status = audit.Finalized
	return newFakeStore(cat, a, b)
}

// screenSetups reach every screen where keys are shortcuts, on a fresh
// UI each time.
var screenSetups = []struct {
	name  string
	setup func(t *testing.T, cat *standards.Catalog) *driver
}{
	{"home empty", func(t *testing.T, cat *standards.Catalog) *driver {
		return newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Keys: &fakeKeys{}}, 80, 24)
	}},
	{"home", func(t *testing.T, cat *standards.Catalog) *driver {
		return newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Keys: &fakeKeys{}, Exporter: &fakeExporter{}}, 80, 24)
	}},
	{"walk", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
		d.typeText("j")
		d.press(tea.KeyEnter)
		return d
	}},
	{"walk finalized", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
		d.press(tea.KeyEnter)
		return d
	}},
	{"summary draft", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
		d.typeText("j")
		d.press(tea.KeyEnter)
		d.typeText("s")
		return d
	}},
	{"summary finalized", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
		d.press(tea.KeyEnter)
		d.typeText("s")
		return d
	}},
	{"details finalized", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat)}, 80, 24)
		d.press(tea.KeyEnter)
		d.typeText("h")
		return d
	}},
	{"export dialog", func(t *testing.T, cat *standards.Catalog) *driver {
		d := newDriver(t, Deps{Store: keyStore(cat), Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
		d.press(tea.KeyEnter)
		d.typeText("sx")
		return d
	}},
	{"walk from last year", func(t *testing.T, cat *standards.Catalog) *driver {
		return cycleStoreDriver(t, cat, false, "")
	}},
	{"walk from last year finalized", func(t *testing.T, cat *standards.Catalog) *driver {
		return cycleStoreDriver(t, cat, true, "")
	}},
	{"corrective actions", func(t *testing.T, cat *standards.Catalog) *driver {
		return cycleStoreDriver(t, cat, false, "C")
	}},
	{"corrective actions finalized", func(t *testing.T, cat *standards.Catalog) *driver {
		return cycleStoreDriver(t, cat, true, "sC")
	}},
	{"key", func(t *testing.T, cat *standards.Catalog) *driver {
		k := &fakeKeys{}
		k.Create("Ana María Restrepo Gómez", "", "")
		d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Keys: k}, 80, 24)
		d.typeText("K")
		if d.m.screen != screenKey {
			t.Fatalf("K on the home did not show the signing key:\n%s", d.view())
		}
		return d
	}},
}

// cycleStoreDriver opens this year's audit, started from last year's (a
// finalized one when final), in the walk, and types keys there.
func cycleStoreDriver(t *testing.T, cat *standards.Catalog, final bool, keys string) *driver {
	a := thisYearAudit(t, cat, lastYearAudit(t, cat), audit.Surveillance)
	if final {
		completeAudit(a)
		for i := range a.CorrectiveActions {
			a.CorrectiveActions[i].Status, a.CorrectiveActions[i].Notes = audit.CAClosed, "Visto en sitio."
		}
		a.Status = audit.Finalized
	}
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: &fakeExporter{}}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText(keys)
	return d
}

// everyKey is each key a newcomer might press where keys are shortcuts:
// every printable character and the keys of a keyboard's usual block.
func everyKey() []tea.KeyMsg {
	var out []tea.KeyMsg
	for r := '!'; r <= '~'; r++ {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for _, k := range []tea.KeyType{tea.KeySpace, tea.KeyEnter, tea.KeyEsc, tea.KeyTab, tea.KeyShiftTab, tea.KeyUp, tea.KeyDown,
		tea.KeyLeft, tea.KeyRight, tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd, tea.KeyBackspace, tea.KeyDelete,
		tea.KeyCtrlS, tea.KeyCtrlX, tea.KeyF1} {

		out = append(out, tea.KeyMsg{Type: k})
	}
	return out
}

// TestEveryKeyAnswers: on every screen where keys are shortcuts, every key
// a newcomer may press at 80x24 changes what the screen shows: it acts, or
// the status line says why it cannot or that it does nothing there. No
// key is silently ignored. (q quits: that answers too.)
func TestEveryKeyAnswers(t *testing.T) {
	cat := testCatalog(30)
	for _, sc := range screenSetups {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel() // a thousand UIs: both cores
			for _, k := range everyKey() {
				d := sc.setup(t, cat)
				before := d.view()
				d.send(k)
				if d.quit {
					continue
				}
				if d.view() == before {
					t.Errorf("%q changes nothing on screen:\n%s", k.String(), before)
				}
			}
		})
	}
}

// TestUnknownKeySaysSo: a key a screen has no use for says so, and where
// to find the ones that work.
func TestUnknownKeySaysSo(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("z")
	if s := statusOf(d); !strings.Contains(s, "z does nothing here · ? shows the keys that work") {
		t.Errorf("z in the walk: status %q", s)
	}
}

// TestMessagesClearOnTheNextKey: a message is about what came before: the
// next key clears it (and may say its own), so "cannot finalize yet" does
// not follow the inspector to the details; a tick clears it too.
func TestMessagesClearOnTheNextKey(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("s")
	d.typeText("f")
	if !strings.Contains(statusOf(d), "cannot finalize yet") {
		t.Fatalf("no blocked message:\n%s", d.view())
	}
	d.typeText("h")
	if d.m.screen != screenDetails || strings.Contains(d.view(), "cannot finalize yet") {
		t.Errorf("the blocked message followed to the details:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	d.typeText("f")
	d.fire() // the message's time is up
	if strings.Contains(d.view(), "cannot finalize yet") {
		t.Errorf("the message outlived its time:\n%s", d.view())
	}
}

// TestMessagesNeverReplaceKeyHints: a message has its own line; the key
// hints stay under it, and a question's hints say how to answer it.
func TestMessagesNeverReplaceKeyHints(t *testing.T) {
	st := finalizedStore()
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sA")
	d.typeText("Acta corregida")
	d.press(tea.KeyEnter)
	if s, h := statusOf(d), helpOf(d); !strings.Contains(s, "revision 2 opened for amendment") || !strings.Contains(h, "f finalize") {
		t.Errorf("after amending: status %q, hints %q", s, h)
	}
	// A question says its answers where the hints are.
	completeAudit(d.m.s.a)
	d.typeText("f")
	if h := helpOf(d); !strings.Contains(h, "y yes") || !strings.Contains(h, "other key no") {
		t.Errorf("the finalize question's hints: %q", h)
	}
	d.typeText("n")
	if s := statusOf(d); !strings.Contains(s, "no: nothing changed") {
		t.Errorf("answering no says nothing: %q", s)
	}
}

// TestLongMessageKeepsItsEnd: a message longer than two lines at 80
// columns loses its middle, never its end (what to do).
func TestLongMessageKeepsItsEnd(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	long := "cannot copy " + strings.Repeat("/media/ana/USB/fotos/", 12) + "IMG_2031.jpg: disk full · a tries again"
	d.send(notifyMsg{text: long, err: true})
	s := statusOf(d)
	if n := strings.Count(s, "\n") + 1; n != 2 || !strings.HasSuffix(strings.TrimRight(s, " "), "disk full · a tries again") {
		t.Errorf("long message on %d lines, or without its end:\n%s", n, s)
	}
}

// TestEveryKeyAnswersInSpanishToo: the answers are words of the message
// files, so a Spanish screen answers in Spanish.
func TestEveryKeyAnswersInSpanishToo(t *testing.T) {
	st := finalizedStore()
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Lang: "es"}, 80, 24)
	d.typeText("z")
	if s := statusOf(d); !strings.Contains(s, "z no hace nada aquí") {
		t.Errorf("Spanish unknown key: %q", s)
	}
	d.typeText("r")
	if s := statusOf(d); !strings.Contains(s, fmt.Sprintf("r restaura desde su copia una auditoría ilegible")) {
		t.Errorf("Spanish restore of a readable audit: %q", s)
	}
}

// TestListEdgesAndSingleChoicesAnswer: ↑ at the top of search results,
// and ←/→ in an export dialog with one report language, say why nothing
// moved.
func TestListEdgesAndSingleChoicesAnswer(t *testing.T) {
	d, _ := openWalk(t, 80, 24)
	d.typeText("/records")
	d.press(tea.KeyUp)
	if s := statusOf(d); !strings.Contains(s, "already at the top") {
		t.Errorf("↑ at the top of the results: %q", s)
	}
	st := finalizedStore()
	d = newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}, ReportLanguages: []string{"en"}}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyRight)
	if s := statusOf(d); !strings.Contains(s, "reports can be written in English only here") {
		t.Errorf("→ with one report language: %q", s)
	}
}

// TestFullHelpFitsEveryKey: ? shows every key that works, at 80 columns in
// both languages: no column of keys is dropped for want of room.
func TestFullHelpFitsEveryKey(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		for name, keys := range map[string]string{"home": "", "walk": "jj\r", "summary": "jj\rs", "finalized walk": "j\r",
			"finalized summary": "j\rs", "finalized details": "j\rh"} {
			st := goldenStore()
			d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}, Lang: lang, Keys: &fakeKeys{},
				Demo: func(time.Time) (string, error) { return "", nil }}, 80, 24)
			for _, r := range keys {
				if r == '\r' {
					d.press(tea.KeyEnter)
				} else {
					d.typeText(string(r))
				}
			}
			d.typeText("?")
			help := d.m.helpView()
			if !d.m.fullHelp || strings.Contains(help, "…") {
				t.Errorf("%s %s: the full help drops keys:\n%s", lang, name, help)
			}
		}
		// The walk of an audit started from last year's has two keys more
		// (p, C), and the corrective actions' screen its own.
		d, _, _ := cycleDriver(t, audit.Surveillance, lang, 80, 24)
		for _, step := range []struct{ keys, want string }{{"?", "p "}, {"?", ""}, {"C?", "o "}} {
			d.typeText(step.keys)
			if step.want == "" {
				continue // ? closed the help
			}
			help := d.m.helpView()
			if !d.m.fullHelp || strings.Contains(help, "…") || !strings.Contains(help, step.want) || !strings.Contains(help, "esc") {
				t.Errorf("%s %s: the full help drops keys:\n%s", lang, step.keys, help)
			}
		}
	}
}

// TestFinalizedNoteIsReadWhole: a finalized audit's note longer than the
// finding panel cannot be opened for typing, so its hint says pgdn, and
// paging the detail reaches the note's last line.
func TestFinalizedNoteIsReadWhole(t *testing.T) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	var lines []string
	for i := 1; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf("Observación %d del registro.", i))
	}
	a.Finding("1.1").Notes = strings.Join(lines, "\n")
	a.Status = audit.Finalized
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat)}, 80, 24)
	d.press(tea.KeyEnter)
	v := d.view()
	if !strings.Contains(v, "more lines (pgdn to read them)") || strings.Contains(v, "enter to edit") {
		t.Fatalf("the finalized note's hint:\n%s", v)
	}
	heading := false
	for i := 0; i < 20 && !strings.Contains(d.view(), "Observación 30 del registro."); i++ {
		d.press(tea.KeyPgDown)
		heading = heading || strings.Contains(d.view(), "Notes, whole (finalized)")
	}
	if v := d.view(); !strings.Contains(v, "Observación 30 del registro.") || !heading {
		t.Errorf("paging never showed the whole note under its heading (heading seen: %v):\n%s", heading, v)
	}
}

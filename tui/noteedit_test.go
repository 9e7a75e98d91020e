package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// newTestEditor is a focused editor of w×h cells with the notes prompt.
func newTestEditor(w, h int, text string) *noteEditor {
	e := newNoteEditor(lipgloss.NewStyle())
	e.Prompt = "│ "
	e.SetWidth(w)
	e.SetHeight(h)
	e.SetValue(text)
	e.Focus()
	return &e
}

func keys(e *noteEditor, ks ...tea.KeyMsg) {
	for _, k := range ks {
		e.Update(k)
	}
}

func typ(e *noteEditor, s string) {
	for _, r := range s {
		e.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func k(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

func alt(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t, Alt: true} }

// rows is the editor's view as the inspector reads it, prompts included,
// trailing spaces dropped.
func rows(e *noteEditor) []string {
	out := strings.Split(ansi.Strip(e.View()), "\n")
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
	}
	return out
}

func wantRows(t *testing.T, e *noteEditor, want ...string) {
	t.Helper()
	if got := rows(e); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("view:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNoteEditorTypesAndWrapsAtSpaces(t *testing.T) {
	// 20 cells: 2 for the prompt, 17 for text, 1 spare for the cursor.
	e := newTestEditor(20, 4, "")
	typ(e, "Señora Núñez explica cómo se registra el mineral")
	if got := e.Value(); got != "Señora Núñez explica cómo se registra el mineral" {
		t.Fatalf("value %q", got)
	}
	wantRows(t, e,
		"│ Señora Núñez",
		"│ explica cómo se",
		"│ registra el",
		"│ mineral")
	for _, r := range strings.Split(ansi.Strip(e.View()), "\n") {
		if w := lipgloss.Width(r); w > 20 {
			t.Errorf("row %q is %d cells wide, more than 20", r, w)
		}
	}
}

func TestNoteEditorCutsAWordLongerThanARow(t *testing.T) {
	e := newTestEditor(12, 3, "https://anm.gov.co/registro")
	wantRows(t, e, "│ https://a", "│ nm.gov.co", "│ /registro")
}

func TestNoteEditorMovesByGrapheme(t *testing.T) {
	// é written as e + combining acute, a farmer emoji (a ZWJ sequence,
	// two cells), and ñ: each is one step and one backspace.
	e := newTestEditor(40, 2, "cafe\u0301 👩‍🌾 ñ")
	keys(e, k(tea.KeyHome), k(tea.KeyRight), k(tea.KeyRight), k(tea.KeyRight), k(tea.KeyRight))
	if e.cur.col != len("cafe\u0301") {
		t.Fatalf("after 4 rights the cursor is at byte %d, want %d (after é)", e.cur.col, len("cafe\u0301"))
	}
	keys(e, k(tea.KeyRight), k(tea.KeyRight))
	if e.cur.col != len("cafe\u0301 👩‍🌾") {
		t.Fatalf("the emoji took more than one step: byte %d", e.cur.col)
	}
	keys(e, k(tea.KeyBackspace))
	if got := e.Value(); got != "cafe\u0301  ñ" {
		t.Errorf("backspace over the emoji left %q", got)
	}
	keys(e, k(tea.KeyLeft), k(tea.KeyBackspace))
	if got := e.Value(); got != "caf  ñ" {
		t.Errorf("backspace over é left %q", got)
	}
	keys(e, k(tea.KeyEnd), k(tea.KeyBackspace))
	if got := e.Value(); got != "caf  " {
		t.Errorf("backspace over ñ left %q", got)
	}
}

func TestNoteEditorUpDownByVisualRowKeepColumn(t *testing.T) {
	e := newTestEditor(20, 6, "uno dos tres cuatro cinco seis siete\ncorto\nocho nueve diez")
	keys(e, k(tea.KeyCtrlHome), k(tea.KeyRight), k(tea.KeyRight), k(tea.KeyRight), k(tea.KeyRight), k(tea.KeyRight))
	wantRows(t, e, "│ uno dos tres", "│ cuatro cinco seis", "│ siete", "│ corto", "│ ocho nueve diez", "│")
	keys(e, k(tea.KeyDown))
	if got := e.lines[0].text[e.cur.col:]; !strings.HasPrefix(got, "o cinco") {
		t.Errorf("down: cursor before %q, want before \"o cinco\" (column 5 of the second row)", got)
	}
	keys(e, k(tea.KeyDown))
	if e.cur != (notePos{0, len(e.lines[0].text)}) {
		t.Errorf("down to the short last row: %+v, want its end", e.cur)
	}
	keys(e, k(tea.KeyDown))
	if e.cur != (notePos{1, 5}) {
		t.Errorf("down to the next line: %+v, want (1,5)", e.cur)
	}
	keys(e, k(tea.KeyDown))
	if e.cur != (notePos{2, 5}) {
		t.Errorf("down again keeps column 5: %+v", e.cur)
	}
	keys(e, k(tea.KeyUp), k(tea.KeyUp), k(tea.KeyUp))
	if got := e.lines[0].text[e.cur.col:]; e.cur.line != 0 || !strings.HasPrefix(got, "o cinco") {
		t.Errorf("up three times: %+v", e.cur)
	}
}

func TestNoteEditorHomeEndAndDocumentEnds(t *testing.T) {
	e := newTestEditor(30, 3, "primera línea\nsegunda\ntercera")
	keys(e, k(tea.KeyCtrlHome))
	if e.cur != (notePos{0, 0}) {
		t.Errorf("ctrl+home: %+v", e.cur)
	}
	keys(e, k(tea.KeyEnd))
	if e.cur != (notePos{0, len("primera línea")}) {
		t.Errorf("end: %+v", e.cur)
	}
	keys(e, k(tea.KeyCtrlEnd))
	if e.cur != (notePos{2, len("tercera")}) {
		t.Errorf("ctrl+end: %+v", e.cur)
	}
	keys(e, k(tea.KeyHome))
	if e.cur != (notePos{2, 0}) {
		t.Errorf("home: %+v", e.cur)
	}
}

func TestNoteEditorShowsOnlyItsWindowAndPages(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		b.WriteString("línea ")
		b.WriteString(string(rune('0' + i%10)))
		if i < 99 {
			b.WriteByte('\n')
		}
	}
	e := newTestEditor(30, 5, b.String())
	// The cursor starts at the end, where the inspector goes on writing.
	wantRows(t, e, "│ línea 5", "│ línea 6", "│ línea 7", "│ línea 8", "│ línea 9")
	keys(e, k(tea.KeyPgUp))
	if e.cur.line != 95 {
		t.Errorf("pgup moved the cursor to line %d, want 95", e.cur.line)
	}
	// A page is the window less one row: line 95 stays on screen.
	if got := rows(e); got[0] != "│ línea 1" || got[4] != "│ línea 5" {
		t.Errorf("after pgup the window is %q", got)
	}
	keys(e, k(tea.KeyCtrlHome))
	wantRows(t, e, "│ línea 0", "│ línea 1", "│ línea 2", "│ línea 3", "│ línea 4")
	keys(e, k(tea.KeyPgDown))
	if e.cur.line != 4 || rows(e)[0] != "│ línea 4" {
		t.Errorf("pgdown: cursor line %d, window %q", e.cur.line, rows(e))
	}
}

// Opening a long note in a small window and then giving it the whole pane
// (as the walk does) shows a full window, not the last rows and blanks.
func TestNoteEditorWindowFillsWhenItGrows(t *testing.T) {
	var lines []string
	for i := range 30 {
		lines = append(lines, "fila "+string(rune('a'+i%26)))
	}
	e := newTestEditor(30, 3, strings.Join(lines, "\n"))
	e.SetHeight(6)
	wantRows(t, e, "│ fila y", "│ fila z", "│ fila a", "│ fila b", "│ fila c", "│ fila d")
	keys(e, k(tea.KeyCtrlU), k(tea.KeyBackspace), k(tea.KeyCtrlU), k(tea.KeyBackspace))
	wantRows(t, e, "│ fila w", "│ fila x", "│ fila y", "│ fila z", "│ fila a", "│ fila b")
}

func TestNoteEditorWordMovesAndDeletes(t *testing.T) {
	e := newTestEditor(40, 2, "acta de la asamblea")
	keys(e, alt(tea.KeyLeft))
	if e.cur.col != len("acta de la ") {
		t.Errorf("alt+left: %d", e.cur.col)
	}
	keys(e, k(tea.KeyCtrlLeft), k(tea.KeyCtrlLeft))
	if e.cur.col != len("acta ") {
		t.Errorf("ctrl+left twice: %d", e.cur.col)
	}
	keys(e, alt(tea.KeyRight))
	if e.cur.col != len("acta de") {
		t.Errorf("alt+right: %d", e.cur.col)
	}
	keys(e, k(tea.KeyCtrlW))
	if got := e.Value(); got != "acta  la asamblea" {
		t.Errorf("ctrl+w left %q", got)
	}
	keys(e, k(tea.KeyCtrlK))
	if got := e.Value(); got != "acta " {
		t.Errorf("ctrl+k left %q", got)
	}
	keys(e, k(tea.KeyCtrlU))
	if got := e.Value(); got != "" {
		t.Errorf("ctrl+u left %q", got)
	}
}

func TestNoteEditorEnterAndJoiningLines(t *testing.T) {
	e := newTestEditor(40, 4, "")
	typ(e, "uno")
	keys(e, k(tea.KeyEnter))
	typ(e, "dos")
	if got := e.Value(); got != "uno\ndos" {
		t.Fatalf("value %q", got)
	}
	wantRows(t, e, "│ uno", "│ dos", "│", "│")
	keys(e, k(tea.KeyHome), k(tea.KeyBackspace))
	if got := e.Value(); got != "unodos" || e.cur != (notePos{0, 3}) {
		t.Errorf("backspace at a line start: %q at %+v", got, e.cur)
	}
	keys(e, k(tea.KeyEnter), k(tea.KeyUp), k(tea.KeyEnd), k(tea.KeyDelete))
	if got := e.Value(); got != "unodos" {
		t.Errorf("delete at a line end: %q", got)
	}
}

func TestNoteEditorPasteIsOneStep(t *testing.T) {
	e := newTestEditor(60, 4, "Notas: ")
	paste := "Registro de producción revisado.\nBalance de masas: 0,8 %.\n\tFirmado."
	e.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(paste), Paste: true})
	if got := e.Value(); got != "Notas: "+paste {
		t.Fatalf("after paste %q", got)
	}
	if e.cur != (notePos{2, len("\tFirmado.")}) {
		t.Errorf("cursor after paste %+v", e.cur)
	}
	// A tab shows as a space, never as a jump to the terminal's tab stop.
	if got := rows(e); got[2] != "│  Firmado." {
		t.Errorf("tab row %q", got[2])
	}
	keys(e, k(tea.KeyCtrlZ))
	if got := e.Value(); got != "Notas: " {
		t.Errorf("undo of a paste left %q", got)
	}
}

func TestNoteEditorRefusesInsertsOverMaxBytes(t *testing.T) {
	e := newTestEditor(40, 2, "12345")
	e.MaxBytes = 10
	e.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("678901"), Paste: true})
	if !e.Refused() || e.Value() != "12345" {
		t.Errorf("over the limit: refused %v, value %q", e.Refused(), e.Value())
	}
	typ(e, "6")
	if e.Refused() || e.Value() != "123456" {
		t.Errorf("within the limit: refused %v, value %q", e.Refused(), e.Value())
	}
}

func TestNoteEditorUndoRedoByWords(t *testing.T) {
	e := newTestEditor(40, 2, "")
	typ(e, "mina La Esperanza")
	keys(e, k(tea.KeyBackspace), k(tea.KeyBackspace))
	rev := e.Rev()
	keys(e, k(tea.KeyCtrlZ))
	if got := e.Value(); got != "mina La Esperanza" || e.Rev() == rev {
		t.Errorf("undo of two backspaces: %q (rev changed: %v)", got, e.Rev() != rev)
	}
	keys(e, k(tea.KeyCtrlZ))
	if got := e.Value(); got != "mina La " {
		t.Errorf("undo of the last word: %q", got)
	}
	keys(e, k(tea.KeyCtrlZ), k(tea.KeyCtrlZ), k(tea.KeyCtrlZ))
	if got := e.Value(); got != "" {
		t.Errorf("undo to the start: %q", got)
	}
	keys(e, k(tea.KeyCtrlY), k(tea.KeyCtrlY))
	if got := e.Value(); got != "mina La " || e.cur.col != len("mina La ") {
		t.Errorf("redo twice: %q at %d", got, e.cur.col)
	}
	typ(e, "X")
	keys(e, k(tea.KeyCtrlY))
	if got := e.Value(); got != "mina La X" {
		t.Errorf("redo after a new edit must do nothing: %q", got)
	}
}

func TestNoteEditorPlaceholderAndBlur(t *testing.T) {
	e := newTestEditor(40, 2, "")
	e.Placeholder = "qué se vio, quién lo dijo"
	wantRows(t, e, "│ qué se vio, quién lo dijo", "│")
	typ(e, "x")
	wantRows(t, e, "│ x", "│")
	e.Blur()
	typ(e, "y")
	if e.Value() != "x" {
		t.Errorf("a blurred editor took a key: %q", e.Value())
	}
}

// A keystroke in 100 KB of notes allocates what one in a short note does:
// the text is not rebuilt or re-wrapped whole. Counted, not timed.
func TestNoteEditorKeystrokeWorkDoesNotGrowWithTheNote(t *testing.T) {
	cost := func(size int) float64 {
		e := newTestEditor(80, 30, benchNotes(size))
		ks := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'ñ'}}, {Type: tea.KeyBackspace}}
		return testing.AllocsPerRun(50, func() {
			for _, km := range ks {
				e.Update(km)
				_ = e.View()
			}
		})
	}
	// 4 KB already fills the window: what differs after that is the size.
	small, big := cost(4*1024), cost(100*1024)
	if big > small*1.5+10 {
		t.Errorf("a keystroke allocates %.0f times in 100 KB of notes against %.0f in 4 KB", big, small)
	}
}

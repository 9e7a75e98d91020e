package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// esc in the new-audit form leaves at once when nothing was typed, and
// asks first when something was: y discards, any other key keeps the text.
func TestEscInTheNewAuditFormAsksBeforeDiscarding(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	d.press(tea.KeyEsc)
	if d.m.screen != screenHome {
		t.Fatalf("esc on an untouched form: screen %v, want home", d.m.screen)
	}
	d.typeText("n")
	d.typeText("Cooperativa El Roble")
	d.press(tea.KeyEsc)
	if d.m.screen != screenNew || !strings.Contains(d.view(), "discard this new audit? y/n") {
		t.Fatalf("esc after typing did not ask:\n%s", d.view())
	}
	d.typeText("n")
	if d.m.screen != screenNew || d.m.form.f.fields[1].input.Value() != "Cooperativa El Roble" {
		t.Fatalf("n did not keep the form as typed: screen %v", d.m.screen)
	}
	if strings.Contains(d.view(), "discard this new audit") {
		t.Errorf("the question stays after the answer:\n%s", d.view())
	}
	d.press(tea.KeyEsc)
	d.typeText("y")
	if d.m.screen != screenHome {
		t.Errorf("y did not discard: screen %v", d.m.screen)
	}
}

// ctrl+c in the new-audit form keeps what was typed as a draft audit, then
// quits; with nothing typed it just quits.
func TestCtrlCInTheNewAuditFormKeepsADraft(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !d.quit || len(st.files) != 0 {
		t.Fatalf("ctrl+c on an untouched form: quit %v, %d audits", d.quit, len(st.files))
	}

	d = newDriver(t, Deps{Store: st, Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("n")
	d.typeText("Mina Ñuñoa")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
	if !d.quit {
		t.Fatal("ctrl+c with a typed form did not quit")
	}
	if len(st.files) != 1 || len(st.open) != 0 {
		t.Fatalf("%d audits, open %v: want the draft, closed", len(st.files), st.open)
	}
	for id := range st.files {
		if a := st.saved(id); a.Header.ASMO != "Mina Ñuñoa" || a.Status != audit.Draft || a.Catalog.ID != cat.ID {
			t.Errorf("draft = %+v %+v", a.Header, a.Catalog)
		}
	}
}

// A new audit typed without a pause is written to the home by the max
// wait; kill -9 then leaves the file, and the next start makes it the
// draft audit that ctrl+c would have made. Leaving the form removes it.
func TestNewAuditFormSurvivesACrash(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat)
	home := t.TempDir()
	draft := filepath.Join(home, NewDraftFile)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Home: home}, 80, 24)
	d.typeText("n")
	d.typeText("Mina Ñuñoa")
	d.fireDeadlines()
	if _, err := os.Stat(draft); err != nil {
		t.Fatalf("the form typed without a pause is not on disk: %v", err)
	}
	// A second assay started on the same home meanwhile leaves it alone:
	// the first is still typing it.
	var doc newDraftDoc
	raw, _ := os.ReadFile(draft)
	if err := json.Unmarshal(raw, &doc); err != nil || doc.PID != os.Getpid() {
		t.Fatalf("draft file: pid %d, %v", doc.PID, err)
	}
	doc.PID = os.Getppid() // alive, and not this process
	raw, _ = json.Marshal(doc)
	os.WriteFile(draft, raw, 0o600)
	newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Home: home}, 80, 24)
	if len(st.files) != 0 {
		t.Fatalf("a second assay took the form still typed in the first: %d audits", len(st.files))
	}
	// kill -9: the process is gone. The next start:
	doc.PID = 0
	raw, _ = json.Marshal(doc)
	os.WriteFile(draft, raw, 0o600)
	d = newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Home: home}, 80, 24)
	if len(st.files) != 1 {
		t.Fatalf("%d audits after the restart, want the draft", len(st.files))
	}
	for id := range st.files {
		if a := st.saved(id); a.Header.ASMO != "Mina Ñuñoa" || a.Status != audit.Draft {
			t.Errorf("draft = %+v", a.Header)
		}
	}
	if _, err := os.Stat(draft); err == nil {
		t.Error("the draft file stays after it became an audit")
	}
	if v := flat(d.view()); !strings.Contains(v, "kept as a draft: Mina Ñuñoa") {
		t.Errorf("the recovery is not said:\n%s", d.view())
	}
	// Typed, then discarded: no file is left to come back.
	d.typeText("n")
	d.typeText("Otra")
	d.fireDeadlines()
	d.press(tea.KeyEsc)
	d.typeText("y")
	d.fire()
	if _, err := os.Stat(draft); err == nil {
		t.Error("the draft file stays after the form was discarded")
	}
}

// Going from a non-conformity to conforms asks before deleting a written
// corrective action: no keeps everything, yes deletes action and due date
// from the record. A due date alone goes without asking.
func TestConformsAfterANonConformityDeletesTheActionOnYes(t *testing.T) {
	d, st := openWalk(t, 80, 24)
	d.typeText("m")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.typeText("Comprar retortas")
	d.press(tea.KeyEsc)
	d.typeText("c")
	if !strings.Contains(d.view(), "conforms has no corrective action: delete this one and its due date? y/n") {
		t.Fatalf("no question:\n%s", d.view())
	}
	d.typeText("n")
	if f := d.m.s.a.Findings["1.1"]; f.Verdict != audit.Minor || f.CorrectiveAction != "Comprar retortas" {
		t.Fatalf("no changed the finding: %+v", f)
	}
	d.typeText("c")
	d.typeText("y")
	d.fire()
	if f := st.saved("a1").Findings["1.1"]; f.Verdict != audit.Conforms || f.CorrectiveAction != "" || f.DueDate != "" {
		t.Errorf("on disk after yes: %+v", f)
	}

	// A due date typed without an action: deleted with the verdict change.
	d.typeText("j")
	d.typeText("M")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	d.press(tea.KeyTab)
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.typeText("2027-03-01")
	d.press(tea.KeyEsc)
	d.typeText("n")
	if strings.Contains(d.view(), "y/n") {
		t.Errorf("asked although there was no action text:\n%s", d.view())
	}
	d.fire()
	if f := st.saved("a1").Findings["1.2"]; f.Verdict != audit.NA || f.DueDate != "" {
		t.Errorf("on disk: %+v, want n/a without the due date", f)
	}
}

// noteLimitWalk opens the walk with notes limited to 16 KB.
func noteLimitWalk(t *testing.T, notes string) (*driver, *fakeStore) {
	t.Helper()
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	if notes != "" {
		a.Finding("1.1").Notes = notes
	}
	st := newFakeStore(cat, a)
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Config: audit.Config{MaxNoteKB: 16}}, 80, 24)
	d.press(tea.KeyEnter)
	return d, st
}

// A paste that would take a note over its limit is refused whole, with a
// message, and the note stays as it was; typing up to the limit works.
func TestAPasteOverTheNoteLimitIsRefused(t *testing.T) {
	d, _ := noteLimitWalk(t, "")
	d.press(tea.KeyEnter)
	d.typeText("inicio ")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("x", 20<<10)), Paste: true})
	if got := d.m.s.a.Findings["1.1"].Notes; got != "inicio " {
		t.Errorf("note after a refused paste has %d bytes", len(got))
	}
	if v := flat(d.view()); !strings.Contains(v, "not added: the note would be 20.0 KB, over its 16.0 KB limit") {
		t.Errorf("no message:\n%s", d.view())
	}
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("y", 8<<10)), Paste: true})
	if got := d.m.s.a.Findings["1.1"].Notes; len(got) != 7+8<<10 {
		t.Errorf("a paste within the limit gave %d bytes", len(got))
	}
}

// A note over the limit, written outside assay, opens read-only with the
// way to edit it; the editor's text is kept whatever its size.
func TestANoteOverTheLimitIsReadOnlyHere(t *testing.T) {
	big := strings.Repeat("línea de notas escrita fuera de assay\n", 1000) // 38 KB
	d, st := noteLimitWalk(t, big)
	d.press(tea.KeyEnter)
	if d.m.walk.focus != focusList {
		t.Fatalf("a note over the limit got the keys (focus %v)", d.m.walk.focus)
	}
	if v := flat(d.view()); !strings.Contains(v, "over the 16.0 KB limit for typing here: read-only · ctrl+e edits it in $EDITOR") {
		t.Errorf("no read-only hint:\n%s", d.view())
	}
	if !strings.Contains(d.view(), "línea de notas escrita fuera de assay") {
		t.Errorf("the note is not shown:\n%s", d.view())
	}
	bigger := big + strings.Repeat("más\n", 1000)
	d.send(editorClosedMsg{reqID: "1.1", text: bigger})
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Notes; got != strings.TrimSuffix(bigger, "\n") {
		t.Errorf("the editor's %d bytes were not kept (%d on disk)", len(bigger), len(got))
	}
}

// A file whose name holds control characters can still be attached: tab
// completion shows the name escaped, accepting finds the file, and the
// evidence list shows the name escaped, never the raw bytes.
func TestEvidenceNamesWithControlCharacters(t *testing.T) {
	dir := t.TempDir()
	name := "foto\x01pozo\x1b[31m.jpg"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	d, _ := openWalk(t, 120, 30)
	d.typeText("a")
	d.typeText(dir + "/fo")
	d.press(tea.KeyTab)
	want := dir + `/foto\x01pozo\x1b[31m.jpg`
	if got := d.m.walk.attach.Value(); got != want {
		t.Fatalf("tab completed to %q, want %q", got, want)
	}
	d.press(tea.KeyEnter)
	ev := d.m.s.a.Evidence
	if len(ev) != 1 || ev[0].Name != name {
		t.Fatalf("evidence = %+v, want the file with its real name", ev)
	}
	v := d.m.View()
	if strings.ContainsAny(v, "\x01") || strings.Contains(v, "\x1b[31m") {
		t.Errorf("the raw name reached the terminal: %q", v)
	}
	if !strings.Contains(d.view(), `foto\x01pozo\x1b[31m.jpg`) {
		t.Errorf("the escaped name is not shown:\n%s", d.view())
	}
}

// bubbles' textarea held at most 10,000 lines and dropped the rest without
// a word; the notes editor has no line cap: a long note (under the size
// limit) opens for typing, a key adds to it, and nothing is cut.
func TestLongNotesAreNeverCut(t *testing.T) {
	const lines = 10000
	long := strings.Repeat("línea\n", lines) + "última"
	d, st := noteLimitWalk(t, long)
	d.deps().Config.MaxNoteKB = 1024
	d.press(tea.KeyEnter)
	if d.m.walk.focus != focusNotes {
		t.Fatal("a long note under the size limit did not open for typing")
	}
	d.press(tea.KeyCtrlEnd)
	d.typeText("x")
	d.fire()
	if got := st.saved("a1").Findings["1.1"].Notes; got != long+"x" {
		t.Fatalf("the note is %d bytes, want %d (the long note plus the key)", len(got), len(long)+1)
	}

	d, _ = noteLimitWalk(t, "")
	d.deps().Config.MaxNoteKB = 1024
	d.press(tea.KeyEnter)
	d.typeText("inicio")
	paste := strings.Repeat("a\n", lines)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(paste), Paste: true})
	if got := d.m.s.a.Findings["1.1"].Notes; got != "inicio"+paste {
		t.Errorf("a paste of %d lines left the note at %d bytes, want %d", lines, len(got), len("inicio"+paste))
	}
}

// deps are the UI's dependencies, to change one mid-test.
func (d *driver) deps() *Deps { return &d.m.c.deps }

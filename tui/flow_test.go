package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/assay-dev/assay/audit"
)

// TestFlowThroughTheWholeApp drives the real program (its goroutines,
// real timers): open a draft, record a verdict and notes, look at the
// summary, quit; the audit on disk has it all and the lock is released.
func TestFlowThroughTheWholeApp(t *testing.T) {
	st := goldenStore()
	x := &fakeExporter{}
	m := New(Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: x, Now: func() time.Time { return testNow }})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	typeText := func(s string) {
		// teatest's Type sends bytes, not runes; send what a terminal would.
		for _, r := range s {
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	waitFor("Cooperativa")
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("Verdict")
	typeText("jj") // to 1.3, which is open
	typeText("M")
	waitFor("major NC")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	typeText("Niños de 15 años en el socavón")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	typeText("Retirar a los menores")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	waitFor("saved 10:22:01")
	typeText("s")
	waitFor("Recommendation")
	typeText("x") // the export dialog: the report's language, then enter
	waitFor("in: ‹ English ›")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("exported report-rev1.pdf")
	typeText("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	a := st.saved("2026-11-20-cooperativa-la-esperanza-7f3a")
	f := a.Findings["1.3"]
	if f == nil || f.Verdict != audit.Major || f.Notes != "Niños de 15 años en el socavón" ||
		f.CorrectiveAction != "Retirar a los menores" {
		t.Errorf("finding on disk = %+v", f)
	}
	if st.closed != 1 || len(st.open) != 0 {
		t.Errorf("closed %d, open %v: the lock was not released", st.closed, st.open)
	}
	if len(x.calls) != 1 || !strings.HasSuffix(x.calls[0], "draft=true") {
		t.Errorf("exports = %v, want one draft", x.calls)
	}
	if p := st.positions[a.ID]; p.Requirement != "1.3" {
		t.Errorf("position on disk = %+v, want 1.3", p)
	}
}

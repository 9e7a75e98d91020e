package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
)

// keyDeps is a UI on a complete draft audit, in a home without a signing
// key: finalizing and signed exports need one.
func keyDeps(cfg audit.Config) (Deps, *fakeStore, *fakeKeys) {
	cat := testCatalog(30)
	a := testAudit(cat, "a1")
	completeAudit(a)
	st := newFakeStore(cat, a)
	k := &fakeKeys{}
	return Deps{Store: st, Catalogs: catalogs(cat), Exporter: &fakeExporter{}, Keys: k, SigningKey: k.signer, Config: cfg}, st, k
}

// TestFinalizeWithoutAKeyMakesOneHereAndGoesOn: the first finalize in a
// home without a key opens a short form (the name from config.toml), makes
// the key with what was typed, and finalizes: no second terminal.
func TestFinalizeWithoutAKeyMakesOneHereAndGoesOn(t *testing.T) {
	deps, st, k := keyDeps(audit.Config{Inspector: "Ana María Restrepo Gómez", Organisation: "Auditores Andinos SAS"})
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	if d.m.screen != screenKey {
		t.Fatalf("finalizing without a key: screen %v, want the key form:\n%s", d.m.screen, d.view())
	}
	v := d.view()
	for _, want := range []string{"Your signing key", "Finalizing records which certificate signs the reports",
		"Ana María Restrepo Gómez", "Auditores Andinos SAS", "ctrl+s make key"} {
		if !strings.Contains(v, want) {
			t.Errorf("key form lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "another terminal") {
		t.Errorf("the key form sends the inspector to another terminal:\n%s", v)
	}
	d.press(tea.KeyTab)
	d.typeText("ana@auditoresandinos.co")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if want := []string{"Ana María Restrepo Gómez|ana@auditoresandinos.co|Auditores Andinos SAS"}; !slices.Equal(k.created, want) {
		t.Errorf("keys made %q, want %q", k.created, want)
	}
	d.fire()
	if d.m.screen != screenSummary || st.saved("a1").Status != audit.Finalized {
		t.Fatalf("after the key: screen %v, status %s; want the summary, finalized:\n%s", d.m.screen, st.saved("a1").Status, d.view())
	}
	if a := st.saved("a1"); a.Signer == nil || a.Signer.Subject != "CN=Ana María Restrepo Gómez" {
		t.Errorf("the finalized audit records signer %+v", a.Signer)
	}
	if v := d.view(); !strings.Contains(v, "signing key made: Ana María Restrepo Gómez, self-signed") {
		t.Errorf("the summary does not say the key was made:\n%s", v)
	}
}

// refusingExporter refuses a signed export until keys has a key, as the
// real one does without an identity.
type refusingExporter struct {
	keys  *fakeKeys
	calls int
}

func (x *refusingExporter) Export(_ Handle, id string, req ExportRequest) (string, error) {
	x.calls++
	if info, _ := x.keys.Status(); !req.Draft && info == nil {
		return "", fmt.Errorf("%w: no identity", audit.ErrNoSigner)
	}
	return "/home/ana/assay/audits/" + id + "/exports/" + id + "-r1.pdf", nil
}

// TestSignedExportWithoutAKeyMakesOneAndExports: a finalized audit whose
// key is gone (or made before keys were recorded) exports once the form
// has made one.
func TestSignedExportWithoutAKeyMakesOneAndExports(t *testing.T) {
	deps, st, k := keyDeps(audit.Config{})
	a := st.saved("a1")
	a.Status = audit.Finalized
	st.put(a)
	x := &refusingExporter{keys: k}
	deps.Exporter = x
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyEnter)
	if d.m.screen != screenKey || !strings.Contains(d.view(), "A signed report needs your key") {
		t.Fatalf("signed export without a key: screen %v:\n%s", d.m.screen, d.view())
	}
	// The name defaults to the audit's lead inspector when config.toml
	// has none.
	if v := d.view(); !strings.Contains(v, "Ana Torres") {
		t.Errorf("the name is not the lead inspector's:\n%s", v)
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if x.calls != 2 || d.m.screen != screenSummary || !strings.Contains(d.view(), "exported a1-r1.pdf") {
		t.Errorf("after the key: %d export calls, screen %v:\n%s", x.calls, d.m.screen, d.view())
	}
}

// TestKeyFormSaysWhatIsWrongUnderTheField: an e-mail a certificate cannot
// hold, or no name, is said under its field, and no key is made; esc goes
// back and says nothing was done.
func TestKeyFormSaysWhatIsWrongUnderTheField(t *testing.T) {
	deps, st, k := keyDeps(audit.Config{})
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.press(tea.KeyTab)
	d.typeText("ana(at)example.org")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	v := wordsOf(d.view())
	for _, want := range []string{"✗ a name is required: the certificate says whose signature it is",
		"✗ ana(at)example.org is not an e-mail address a certificate can hold"} {
		if !strings.Contains(v, want) {
			t.Errorf("key form lacks %q:\n%s", want, d.view())
		}
	}
	if len(k.created) != 0 {
		t.Errorf("a key was made from wrong fields: %q", k.created)
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenSummary || !strings.Contains(statusOf(d), "no signing key made: nothing was finalized or exported") {
		t.Errorf("esc from the key form: screen %v, status %q", d.m.screen, statusOf(d))
	}
	if st.saved("a1").Status != audit.Draft {
		t.Error("finalized without a key")
	}
}

// TestKeyFailureIsShownAndKeptTyped: a key that cannot be written (a full
// disk) says why on the form, which keeps what was typed.
func TestKeyFailureIsShownAndKeptTyped(t *testing.T) {
	deps, _, k := keyDeps(audit.Config{Inspector: "Ana"})
	k.err = errors.New("no space left on device")
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if v := d.view(); d.m.screen != screenKey || !strings.Contains(v, "✗ the key was not made: no space left on device") || !strings.Contains(v, "Ana") {
		t.Errorf("a failed key:\n%s", v)
	}
}

// TestHomeShowsTheSigningKey: the home says whose key signs, or that there
// is none yet and which key makes one; K shows the key's certificate.
func TestHomeShowsTheSigningKey(t *testing.T) {
	deps, _, k := keyDeps(audit.Config{})
	d := newDriver(t, deps, 80, 24)
	if v := d.view(); !strings.Contains(v, "signing key: none yet · K makes one (finalizing needs it)") {
		t.Errorf("home without a key:\n%s", v)
	}
	d.typeText("K")
	d.typeText("Ana María Restrepo Gómez")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	if d.m.screen != screenHome || len(k.created) != 1 {
		t.Fatalf("K, name, ctrl+s: screen %v, keys %q", d.m.screen, k.created)
	}
	if v := d.view(); !strings.Contains(v, "✓ signing key: Ana María Restrepo Gómez, self-signed") {
		t.Errorf("home with a key:\n%s", v)
	}
	d.typeText("K")
	v := d.view()
	for _, want := range []string{"Your signing key", "CN=Ana María Restrepo Gómez", "self-signed", "AB:CD:EF", "assay verify --fingerprint"} {
		if !strings.Contains(wordsOf(v), want) {
			t.Errorf("the key's description lacks %q:\n%s", want, v)
		}
	}
	d.press(tea.KeyEsc)
	if d.m.screen != screenHome {
		t.Errorf("esc from the key: screen %v", d.m.screen)
	}
}

// TestSampleAuditFromTheHome: D makes the filled sample audit and selects
// it, so a newcomer sees the whole flow without the command line.
func TestSampleAuditFromTheHome(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "2026-01-01-a"))
	demo := func(time.Time) (string, error) {
		a := testAudit(cat, "2026-11-15-cooperativa-minera-la-7582")
		a.Header.ASMO = "Cooperativa Minera La Esperanza"
		st.mu.Lock()
		st.put(a)
		st.mu.Unlock()
		return a.ID, nil
	}
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Demo: demo}, 80, 24)
	d.typeText("D")
	if s := statusOf(d); !strings.Contains(s, "sample audit 2026-11-15-cooperativa-minera-la-7582 made · enter opens it") {
		t.Errorf("D says %q", s)
	}
	d.press(tea.KeyEnter)
	if d.m.screen != screenWalk || d.m.s.id != "2026-11-15-cooperativa-minera-la-7582" {
		t.Errorf("enter after D: screen %v", d.m.screen)
	}
}

// The key form's fields typed without a pause are kept in the home on the
// autosave schedule: after kill -9 (or a signal) the form opens with them
// again; once the key is made, the file goes.
func TestKeyFormKeepsWhatWasTypedAcrossACrash(t *testing.T) {
	deps, _, k := keyDeps(audit.Config{})
	deps.Home = t.TempDir()
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	d.typeText("Zenobia Quimbaya")
	d.fireDeadlines()
	// kill -9; the next start opens the form again.
	d = newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	if v := d.view(); d.m.screen != screenKey || !strings.Contains(v, "Zenobia Quimbaya") {
		t.Fatalf("the key form lost the name typed before the crash:\n%s", v)
	}
	d.typeText(" Ruiz")
	if err := d.m.Flush(); err != nil { // SIGTERM
		t.Fatal(err)
	}
	d = newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	if !strings.Contains(d.view(), "Zenobia Quimbaya Ruiz") {
		t.Fatalf("the key form lost the name typed before a signal:\n%s", d.view())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
	d.fire()
	if len(k.created) != 1 {
		t.Fatalf("keys made: %q", k.created)
	}
	if _, err := os.Stat(filepath.Join(deps.Home, KeyDraftFile)); err == nil {
		t.Error("the key form's draft stays after the key was made")
	}
}

// The key form's draft is read in a command, after the form opened: a
// name typed before it arrives is not overwritten by it.
func TestKeyFormDraftDoesNotOverwriteTyping(t *testing.T) {
	deps, _, _ := keyDeps(audit.Config{})
	deps.Home = t.TempDir()
	d := newDriver(t, deps, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sfy")
	if d.m.screen != screenKey {
		t.Fatalf("no key form: screen %v", d.m.screen)
	}
	d.typeText("Zenobia")
	d.send(keyDraftLoadedMsg{keyDraft{Name: "Otra Persona"}})
	if v := d.view(); !strings.Contains(v, "Zenobia") || strings.Contains(v, "Otra Persona") {
		t.Errorf("a late draft replaced what was typed:\n%s", v)
	}
}

package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-isatty"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/tui"
)

// Stopping on a signal: SIGTERM (shutdown), SIGHUP (the terminal or tmux
// window closed) and SIGINT (kill -INT; ctrl+c in the UI is a key) save
// what is open and exit with 128 + the signal's number, as shells expect.
// stopGrace is how long the UI has to finish what it is doing before the
// process exits anyway: atomic saves make an exit at any instant safe.
const stopGrace = 2 * time.Second

// stopDrain is how long keys typed just before the signal get to arrive.
const stopDrain = 150 * time.Millisecond

// stopSignals are the signals the UI handles itself.
var stopSignals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT}

// signalStatus is the conventional exit status for a signal.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFail
}

// runUI opens the terminal UI on the home's store. It refuses to start
// without a terminal, pointing to the sub-commands instead.
func runUI(e *env) int {
	in, inOK := e.stdin.(*os.File)
	out, outOK := e.stdout.(*os.File)
	if !inOK || !outOK || !isTTY(in) || !isTTY(out) {
		return e.fail("ui_no_terminal", nil)
	}
	cats := e.catalogs()
	cfg, cfgErr := e.configErr()
	s, err := audit.OpenStore(e.home, cats)
	if err != nil {
		return e.failErr(err)
	}
	s.MaxEvidenceBytes = cfg.MaxEvidenceBytes()
	// The UI's language: --lang, else the one last chosen in the UI, else
	// config.toml's, else the locale. A broken state file is as none (the
	// next choice rewrites it), and the status line says so.
	state, stateErr := tui.LoadState(e.home)
	msgs, msgErrs := tui.LoadMessages(e.home)
	reportMsgs, _ := report.LoadMessages(e.home)
	m := tui.New(tui.Deps{
		Store:     uiStore{s},
		Catalogs:  cats,
		Exporter:  uiExporter{s: s, home: e.home, cats: cats, rules: cfg.Plausibility()},
		Editor:    e.getenv("EDITOR"),
		Config:    cfg,
		ConfigErr: cfgErr,
		SigningKey: func() (*audit.Signer, error) {
			ident, err := identity.Load(e.home)
			if errors.Is(err, identity.ErrNoIdentity) {
				return nil, audit.ErrNoSigner
			}
			if err != nil {
				return nil, err
			}
			if err := identity.CheckSigningCert(ident.Cert, time.Now()); err != nil {
				return nil, err // a *identity.CertProblem: the UI words it
			}
			return report.SignerRecord(ident.Cert), nil
		},
		Lang:            tui.ResolveLanguage(uiLangFlag(e), state.Language, cfg.Language, e.getenv),
		Messages:        msgs,
		MessageErrs:     msgErrs,
		StateErr:        stateErr,
		Rescued:         rescuedFiles(e),
		Home:            e.home,
		ReportLanguages: reportMsgs.Languages(),
		Keys:            uiKeys{home: e.home},
		Demo: func(now time.Time) (string, error) {
			cat := cats.Default()
			if cat == nil {
				return "", fmt.Errorf("no catalog %s for the sample audit", standards.DefaultID)
			}
			return audit.CreateDemo(s, cat, now)
		},
		// Last year's audit, from the list or a signed report (verified
		// as assay verify does; the UI has no trust pins to give).
		Previous: func(from string) (*report.Origin, error) { return report.OpenPrevious(s, cats, from, report.Trust{}) },
	})
	// Bubble Tea's own handler would quit without saving; these signals
	// are ours.
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithInput(in), tea.WithOutput(out),
		tea.WithoutSignalHandler())
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	caught := make(chan os.Signal, 1)
	go func() {
		sig, ok := <-sigs
		if !ok {
			return
		}
		caught <- sig
		// Should saving not be done in time (a disk that hangs), exit
		// anyway: every write is atomic.
		time.AfterFunc(stopGrace, func() { os.Exit(signalStatus(sig)) })
		// Keys already typed may still be on their way from the terminal:
		// let them in, then stop. Whatever the model holds unsaved is
		// saved by Flush below.
		time.Sleep(stopDrain)
		p.Quit()
	}()
	final, runErr := p.Run()
	code := exitOK
	if runErr != nil {
		code = exitFail
	}
	var sig os.Signal
	select {
	case sig = <-caught:
	default:
		if runErr != nil {
			// A closed terminal fails the read before its SIGHUP may be
			// handled: give the signal a moment to tell which it was.
			select {
			case sig = <-caught:
			case <-time.After(250 * time.Millisecond):
			}
		}
	}
	if sig != nil {
		code = signalStatus(sig)
	}
	// Save what the UI holds and had not saved yet: the note being typed
	// when the signal came, or when the terminal went away.
	if fm, ok := final.(tui.Model); ok {
		if err := fm.Flush(); err != nil {
			e.fail("ui_not_saved", i18n.Args{"Error": e.errText(err)})
			if u, ok := fm.Unsaved(); ok {
				e.rescue(u)
			}
			if code == exitOK {
				code = exitFail
			}
		}
	}
	if runErr != nil && sig == nil {
		e.fail("ui_failed", i18n.Args{"Error": runErr.Error()})
	}
	return code
}

// rescue keeps what could not be saved on stopping (a full disk): the
// audit as the UI held it, in a new file of the user's runtime or temp
// folder, often another file system than the home; failing that, the text
// being typed, on stderr. Either way the message says where it is. The
// register's real names are never in it (tui.Unsaved leaves them out).
func (e *env) rescue(u tui.Unsaved) {
	name := "assay-unsaved-" + u.ID + "-" + time.Now().UTC().Format("20060102T150405Z") + ".json"
	for _, dir := range rescueDirs(e.getenv) {
		path := filepath.Join(dir, name)
		if writeNewFile(path, u.Audit) == nil {
			e.fail("ui_rescued", i18n.Args{"Path": path, "File": filepath.Join(e.home, "audits", u.ID, "audit.json")})
			return
		}
	}
	if u.Text != "" {
		e.fail("ui_rescued_text", i18n.Args{"Requirement": u.Requirement})
		fmt.Fprintln(e.stderr, audit.Sanitize(u.Text))
	}
}

// rescuedFiles are the files rescue left for this home's audits (the
// user's own), oldest first.
func rescuedFiles(e *env) []string {
	const stamp = len("-20060102T150405Z.json")
	var out []string
	for _, dir := range rescueDirs(e.getenv) {
		paths, _ := filepath.Glob(filepath.Join(dir, "assay-unsaved-*.json"))
		for _, p := range paths {
			name := strings.TrimPrefix(filepath.Base(p), "assay-unsaved-")
			if len(name) <= stamp {
				continue
			}
			id := name[:len(name)-stamp]
			st, err := os.Lstat(p)
			if err != nil || !st.Mode().IsRegular() || !ownedByMe(st) {
				continue
			}
			if folder, err := audit.Folder(e.home, id); err != nil || !isDir(folder) {
				continue
			}
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(a[len(a)-stamp:], b[len(b)-stamp:]) })
	return out
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// rescueDirs are the folders rescue tries: $XDG_RUNTIME_DIR, then $TMPDIR
// (else /tmp).
func rescueDirs(getenv func(string) string) []string {
	tmp := getenv("TMPDIR")
	if tmp == "" {
		tmp = "/tmp"
	}
	var out []string
	for _, d := range []string{getenv("XDG_RUNTIME_DIR"), tmp} {
		if filepath.IsAbs(d) && !slices.Contains(out, filepath.Clean(d)) {
			out = append(out, filepath.Clean(d))
		}
	}
	return out
}

// writeNewFile writes data to a file that must not exist yet (O_EXCL: in a
// shared folder, never through a link someone else put there), readable by
// the user only, synced.
func writeNewFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func isTTY(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// uiStore is the audit store as the UI's Store: the store already lists
// audit.Entry and keeps audit.Position; only Create and Open differ, in
// returning the UI's Handle interface.
type uiStore struct{ *audit.Store }

func (u uiStore) Create(a *audit.Audit) (tui.Handle, error) {
	h, err := u.Store.Create(a)
	if err != nil {
		return nil, err
	}
	return h, nil
}

func (u uiStore) Open(id string) (tui.Handle, error) {
	h, err := u.Store.Open(id)
	if err != nil {
		return nil, err
	}
	return h, nil
}

// uiKeys is the home's signing identity for the UI: its status on the
// home, and the key the UI's form makes (as assay keys create does).
type uiKeys struct{ home string }

// Status describes the signing key, nil when there is none yet.
func (k uiKeys) Status() (*tui.KeyInfo, error) {
	ident, err := identity.Load(k.home)
	if errors.Is(err, identity.ErrNoIdentity) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return keyInfo(ident), nil
}

// Create makes a key and a self-signed certificate, atomically (a key
// made meanwhile elsewhere is kept, and described).
func (k uiKeys) Create(name, email, org string) (*tui.KeyInfo, error) {
	ident, err := identity.Create(k.home, name, email, org)
	if errors.Is(err, identity.ErrExists) {
		return k.Status()
	}
	if err != nil {
		return nil, err
	}
	return keyInfo(ident), nil
}

func keyInfo(id *identity.Identity) *tui.KeyInfo {
	d := identity.Describe(id.Cert)
	return &tui.KeyInfo{Name: id.Cert.Subject.CommonName, Subject: d.Subject, Issuer: d.Issuer, SelfSigned: d.SelfSigned,
		NotBefore: d.NotBefore, NotAfter: d.NotAfter, Fingerprint: d.FingerprintSHA256, KeyFile: id.KeyFile}
}

// uiLangFlag is the global --lang flag's value for the UI's language, ""

// when not given. The CLI's own parser owns that flag (cli.go).
func uiLangFlag(e *env) string { return e.langFlag }

// uiExporter exports through report.Export: drafts unsigned, finalized
// audits signed with the inspector's identity from the home, in the
// language the UI's export dialog chose.
type uiExporter struct {
	s    *audit.Store
	home string
	cats *standards.Set
	// rules is how strict the evidence marks are (config.toml).
	rules audit.Plausibility
}

func (x uiExporter) Export(h tui.Handle, id string, req tui.ExportRequest) (string, error) {
	opts := report.ExportOptions{Draft: req.Draft, Catalogs: x.cats, UILanguage: req.UILang, Plausibility: x.rules}
	if msgs, _ := report.LoadMessages(x.home); msgs.Has(req.Lang) {
		opts.Language = req.Lang // else English: a language without a report edition
	}
	if ah, ok := h.(*audit.Handle); ok {
		opts.Handle = ah
	}
	if !req.Draft {
		ident, err := identity.Load(x.home)
		if errors.Is(err, identity.ErrNoIdentity) {
			// The screen is all the inspector has: the UI says how to
			// make one.
			return "", fmt.Errorf("%w: %w", audit.ErrNoSigner, err)
		}
		if err != nil {
			return "", err
		}
		opts.Identity = ident
	}
	return report.Export(x.s, id, opts)
}

package main

import (
	"errors"
	"fmt"
	"os"
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

// uiMessages are the words runUI prints itself.
var uiMessages = struct {
	noTerminal string
	failed     string
	noIdentity string // %s: the home, so the command works as typed
}{
	noTerminal: "the terminal UI needs a terminal (stdin and stdout are not both one).\n" +
		"Without one, use the sub-commands: 'assay --help' lists them; 'assay list' shows the audits;\n" +
		"'assay demo' creates a filled sample audit.",
	failed: "terminal UI: %v",
	noIdentity: "no signing key yet. In another terminal run: assay --home %q keys create --name \"Your Name\"" +
		" — then press x again",
}

// runUI opens the terminal UI on the home's store. It refuses to start
// without a terminal, pointing to the sub-commands instead.
func runUI(e *env) int {
	in, inOK := e.stdin.(*os.File)
	out, outOK := e.stdout.(*os.File)
	if !inOK || !outOK || !isTTY(in) || !isTTY(out) {
		return e.errorf("%s", uiMessages.noTerminal)
	}
	cats := e.catalogs()
	cfg := e.config()
	s, err := audit.OpenStore(e.home, cats)
	if err != nil {
		return e.errorf("%v", err)
	}
	s.MaxEvidenceBytes = cfg.MaxEvidenceBytes()
	m := tui.New(tui.Deps{
		Store:    uiStore{s},
		Catalogs: cats,
		Exporter: uiExporter{s: s, home: e.home, cats: cats, lang: reportLanguage(e, cfg)},
		Editor:   e.getenv("EDITOR"),
		Config:   cfg,
		SigningKey: func() (*audit.Signer, error) {
			ident, err := identity.Load(e.home)
			if errors.Is(err, identity.ErrNoIdentity) {
				return nil, audit.ErrNoSigner
			}
			if err != nil {
				return nil, err
			}
			var cp *identity.CertProblem
			if err := identity.CheckSigningCert(ident.Cert, time.Now()); errors.As(err, &cp) {
				return nil, errors.New(verifyEnglish.certProblem(cp))
			}
			return report.SignerRecord(ident.Cert), nil
		},
	})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithInput(in), tea.WithOutput(out))
	if _, err := p.Run(); err != nil {
		return e.errorf(uiMessages.failed, err)
	}
	return exitOK
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

// reportLanguage is the language of the TUI's exports: report_language,
// else the UI language (config.toml's language, else the locale).
func reportLanguage(e *env, cfg audit.Config) string {
	return i18n.ReportLanguage("", cfg.ReportLanguage, i18n.UILanguage("", cfg.Language, e.getenv))
}

// uiExporter exports through report.Export: drafts unsigned, finalized
// audits signed with the inspector's identity from the home.
type uiExporter struct {
	s    *audit.Store
	home string
	cats *standards.Set
	lang string // the report language; one without a report edition gives English
}

func (x uiExporter) Export(h tui.Handle, id string, draft bool) (string, error) {
	opts := report.ExportOptions{Draft: draft, Catalogs: x.cats}
	if msgs, _ := report.LoadMessages(x.home); msgs.Has(x.lang) {
		opts.Language = x.lang
	}
	if ah, ok := h.(*audit.Handle); ok {
		opts.Handle = ah
	}
	if !draft {
		ident, err := identity.Load(x.home)
		if errors.Is(err, identity.ErrNoIdentity) {
			// The screen is all the inspector has: say how to make one.
			return "", fmt.Errorf(uiMessages.noIdentity, x.home)
		}
		if err != nil {
			return "", err
		}
		opts.Identity = ident
	}
	return report.Export(x.s, id, opts)
}

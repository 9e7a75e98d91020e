package report

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/standards"
)

// ExportOptions says how to export one audit's report.
type ExportOptions struct {
	// Draft exports unsigned, with DRAFT on every page. A draft audit can
	// only be exported this way.
	Draft bool
	// Identity signs the report; required unless Draft.
	Identity *identity.Identity
	// Output, when set, is a second copy written outside the store (the
	// -o flag). An existing file is refused unless Force.
	Output string
	// Force lets Output replace an existing file.
	Force bool
	// Now is the export and signing time; zero means time.Now().
	Now time.Time
	// Place is where the inspector signs; empty means the audit's site.
	Place string
	// Catalogs resolves the audit's catalog; nil loads the built-ins and
	// the store home's standards folder.
	Catalogs *standards.Set
	// Handle is the caller's open (locked) handle on the audit, if it has
	// one (the TUI does): the export is then recorded through it instead
	// of opening the audit a second time, which the lock would refuse.
	Handle *audit.Handle
	// AllowMissingEvidence signs even when evidence files are missing or
	// changed in the audit folder; the report then says so in its evidence
	// index, so the signature vouches for what is really there.
	AllowMissingEvidence bool
	// Warn receives warnings that do not stop the export (changed catalog,
	// export not recorded in the history); nil drops them.
	Warn func(string)
	// Language of the report: "en" (the default when empty) or "es"; see
	// Languages. Warnings and errors stay in the terminal's words.
	Language string
}

// Export renders the report of audit id, signs it (unless Draft), saves it
// in the audit's exports folder under a new name and, if asked, copies it
// to opts.Output. It returns the path in the exports folder. A signed
// export is recorded in the current revision's history.
func Export(s *audit.Store, id string, opts ExportOptions) (string, error) {
	m := msg
	warn := opts.Warn
	if warn == nil {
		warn = func(string) {}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	// Refuse an unknown language before anything is read or locked.
	rm, err := messagesFor(opts.Language)
	if err != nil {
		return "", err
	}
	var (
		a *audit.Audit
		h = opts.Handle
	)
	if h != nil {
		a = h.Audit()
	} else if a, err = s.Load(id); err != nil {
		return "", err
	}
	if a.Status != audit.Finalized && !opts.Draft {
		return "", fmt.Errorf(m.DraftNeedsFlagFmt, id)
	}
	ident := opts.Identity
	if !opts.Draft && (ident == nil || ident.Key == nil || ident.Cert == nil) {
		return "", errors.New(m.NoIdentity)
	}
	if st, err := os.Stat(opts.Output); opts.Output != "" && err == nil && st.IsDir() {
		return "", fmt.Errorf(m.OutputIsDirFmt, opts.Output, filepath.Join(opts.Output, "report.pdf"))
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return "", fmt.Errorf(m.OutputExistsFmt, opts.Output)
		}
	}

	cats := opts.Catalogs
	if cats == nil {
		// Problems with user catalog files belong to 'assay standards
		// validate'; the export only needs the audit's own catalog.
		cats, _ = standards.Load(s.Home())
	}
	cat, err := cats.ForIdentity(a.Catalog)
	warning := ""
	var changed *standards.ChangedError
	switch {
	case errors.As(err, &changed):
		warning = fmt.Sprintf(m.CatalogChangedWarn, prefix(changed.Want, 12), prefix(changed.Got, 12))
		warn(warning)
	case err != nil:
		return "", fmt.Errorf(m.ErrAuditFmt, id, err)
	}

	// Record the export only for a signed export of a finalized revision
	// that has a history entry; take the lock now so nothing changes the
	// audit between rendering and recording.
	record := !opts.Draft && a.Status == audit.Finalized
	if record && h == nil {
		oh, err := s.Open(id)
		if err != nil {
			warn(fmt.Sprintf(m.NotRecordedFmt, err))
			record = false
		} else {
			defer oh.Close()
			h, a = oh, oh.Audit()
			if a.Status != audit.Finalized {
				return "", fmt.Errorf(m.DraftNeedsFlagFmt, id)
			}
		}
	}

	if note := audit.UnknownVerdictsNote(a); note != "" {
		warn(note)
	}

	// The evidence index vouches for each file's SHA-256: a signed report
	// is refused while a file is missing or changed (the inspector can
	// usually put it back) unless asked to sign anyway; either way the
	// report marks the file and a warning names it.
	var evProblems map[string]string
	if probs := CheckEvidence(s, id, a); len(probs) > 0 {
		if !opts.Draft && !opts.AllowMissingEvidence {
			return "", evidenceError(s, id, probs)
		}
		evProblems = map[string]string{}
		for _, p := range probs {
			evProblems[p.SHA256] = p.reason(rm)
			warn(fmt.Sprintf(m.EvidenceWarnFmt, p.Name, prefix(p.SHA256, 12), p.Reason, p.Path))
		}
	}

	data, err := AuditJSON(a)
	if err != nil {
		return "", fmt.Errorf(m.ErrEncodeFmt, id, err)
	}
	place := opts.Place
	if place == "" {
		place = joinNonEmpty(", ", a.Header.Site, a.Header.Municipality, a.Header.Country)
	}
	if warning != "" && rm != msg {
		warning = fmt.Sprintf(rm.CatalogChangedWarn, prefix(changed.Want, 12), prefix(changed.Got, 12))
	}
	ro := RenderOptions{Draft: opts.Draft, Now: opts.Now, Place: place, CatalogWarning: warning, AuditJSON: data, EvidenceProblems: evProblems, Language: opts.Language}
	if !opts.Draft {
		ro.Signer = SignerFromCert(ident.Cert.Subject.CommonName, ident.Cert)
		if ro.Signer.Name == "" {
			ro.Signer.Name = a.Header.LeadInspector
		}
	}
	pdf, err := Render(a, cat, StoreEvidence{Store: s, ID: id}, ro)
	if err != nil {
		return "", err
	}
	// The renderer's copies of every photo are garbage now; collect them
	// before signing makes its own copies, so peak memory stays near one
	// report's size instead of two (measured: BenchmarkExport).
	runtime.GC()
	suffix := ""
	if opts.Draft {
		suffix = "-draft"
	} else {
		chain := append([]*x509.Certificate{ident.Cert}, ident.Chain...)
		pdf, err = pdfsign.Sign(pdf, ident.Key, chain, pdfsign.Options{
			Name:     ro.Signer.Name,
			Reason:   fmt.Sprintf(rm.SignReasonFmt, a.ID, a.Revision),
			Location: a.Header.Site,
			Time:     opts.Now,
		})
		if err != nil {
			return "", fmt.Errorf(m.ErrSignFmt, id, err)
		}
	}
	name := fmt.Sprintf("%s-%s%s.pdf", ReportID(a), opts.Now.Format("20060102T150405"), suffix)
	// All or nothing: the -o copy is written to a temporary file first, so
	// a full disk or a read-only folder fails the export before anything
	// lands in exports/ or the history, and a retry does not pile up
	// copies.
	var tmp string
	if opts.Output != "" {
		if tmp, err = stageOutput(opts.Output, pdf); err != nil {
			return "", err
		}
	}
	path, err := s.SaveExport(id, name, pdf)
	if err != nil {
		if tmp != "" {
			os.Remove(tmp)
		}
		return "", err
	}
	if tmp != "" {
		if err := commitOutput(tmp, opts.Output, opts.Force); err != nil {
			os.Remove(path)
			return "", err
		}
	}
	if record {
		if err := recordExport(h, a, filepath.Base(path)); err != nil {
			warn(fmt.Sprintf(m.NotRecordedFmt, err))
		}
	}
	return path, nil
}

// recordExport saves a copy of a with the file name added to its
// revision's history entry. It works on a copy because a may be shared with
// the caller (the TUI's open audit), which must not change under it.
func recordExport(h *audit.Handle, a *audit.Audit, name string) error {
	c := *a
	c.History = append([]audit.Revision(nil), a.History...)
	for i := len(c.History) - 1; i >= 0; i-- {
		if c.History[i].Revision == c.Revision {
			c.History[i].Exports = append(append([]string(nil), c.History[i].Exports...), name)
			return h.Save(&c)
		}
	}
	return fmt.Errorf(msg.ErrNoHistoryFmt, a.Revision)
}

// stageOutput writes data to a temporary file beside path (same folder,
// so the final rename or link cannot cross file systems) and returns its
// name. On error nothing is left behind.
func stageOutput(path string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", outputError(path, err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", outputError(path, err)
	}
	return tmp.Name(), nil
}

// commitOutput moves the staged file to path: replacing it only with
// force; without, a hard link refuses an existing file atomically (a file
// made there since the check at the start is not clobbered either). The
// staged file is gone afterwards either way.
func commitOutput(tmp, path string, force bool) error {
	defer os.Remove(tmp)
	if force {
		if err := os.Rename(tmp, path); err != nil {
			return outputError(path, err)
		}
		return nil
	}
	err := os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf(msg.OutputExistsFmt, path)
	}
	if err != nil {
		// Some file systems (FAT on a USB stick) have no hard links:
		// check, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf(msg.OutputExistsFmt, path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return outputError(path, err)
		}
	}
	return nil
}

// outputError words a failure to write the -o file: the file, then the
// system's reason alone (not the temporary file's name).
func outputError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	if p := audit.WriteProblemOf(err); p == audit.WriteDiskFull || p == audit.WriteSizeLimit {
		// "disk full or file size limit reached", as for the audit's own files.
		return &audit.SaveError{Path: path, Problem: p, Err: err}
	}
	return fmt.Errorf(msg.ErrWriteFmt, path, err)
}

// prefix returns the first n bytes of s (all of s if shorter).
func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

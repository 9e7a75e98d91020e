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
	// Warn receives warnings that do not stop the export (changed catalog,
	// export not recorded in the history); nil drops them.
	Warn func(string)
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
	var (
		a   *audit.Audit
		h   = opts.Handle
		err error
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

	data, err := AuditJSON(a)
	if err != nil {
		return "", fmt.Errorf(m.ErrEncodeFmt, id, err)
	}
	place := opts.Place
	if place == "" {
		place = joinNonEmpty(", ", a.Header.Site, a.Header.Municipality, a.Header.Country)
	}
	ro := RenderOptions{Draft: opts.Draft, Now: opts.Now, Place: place, CatalogWarning: warning, AuditJSON: data}
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
			Reason:   fmt.Sprintf(m.SignReasonFmt, a.ID, a.Revision),
			Location: a.Header.Site,
			Time:     opts.Now,
		})
		if err != nil {
			return "", fmt.Errorf(m.ErrSignFmt, id, err)
		}
	}
	name := fmt.Sprintf("%s-%s%s.pdf", ReportID(a), opts.Now.Format("20060102T150405"), suffix)
	path, err := s.SaveExport(id, name, pdf)
	if err != nil {
		return "", err
	}
	if record {
		if err := recordExport(h, a, filepath.Base(path)); err != nil {
			warn(fmt.Sprintf(m.NotRecordedFmt, err))
		}
	}
	if opts.Output != "" {
		if err := writeOutput(opts.Output, pdf, opts.Force); err != nil {
			return path, err
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

// writeOutput writes the -o copy: refusing to replace a file unless force,
// and never leaving a half-written file.
func writeOutput(path string, data []byte, force bool) error {
	if !force {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf(msg.OutputExistsFmt, path)
		}
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
			return fmt.Errorf(msg.ErrWriteFmt, path, err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
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
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf(msg.ErrWriteFmt, path, err)
	}
	return nil
}

// prefix returns the first n bytes of s (all of s if shorter).
func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

package report

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
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
	// Language of the report: "en" (the default when empty), "es", or a
	// language with message files in the home's locales folder (see
	// LoadMessages).
	Language string
	// UILanguage is the language of the warnings and errors (the
	// terminal's); empty means English.
	UILanguage string
	// Timestamper, when set, time-stamps the signature at once (PAdES
	// B-T); without one the signature is made offline and
	// 'assay timestamp' adds the trusted time later.
	Timestamper pdfsign.Timestamper
}

// Export renders the report of audit id, signs it (unless Draft), saves it
// in the audit's exports folder under a new name and, if asked, copies it
// to opts.Output. It returns the path in the exports folder. A signed
// export is recorded in the current revision's history.
func Export(s *audit.Store, id string, opts ExportOptions) (string, error) {
	warn := opts.Warn
	if warn == nil {
		warn = func(string) {}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	msgs, problems := LoadMessages(s.Home())
	m := msgs.For(opts.UILanguage) // the terminal's words
	for _, p := range problems {
		warn(m.T("user_messages_warning", i18n.Args{"Error": p.Error()}))
	}
	// Refuse an unknown language before anything is read or locked.
	if !msgs.Has(opts.Language) {
		return "", errors.New(m.T("unknown_language", i18n.Args{
			"Lang": strconv.Quote(opts.Language), "Known": strings.Join(msgs.Languages(), ", ")}))
	}
	rm := msgs.For(opts.Language) // the report's words
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
		return "", errors.New(m.T("draft_needs_flag", i18n.Args{"ID": id}))
	}
	ident := opts.Identity
	if !opts.Draft && (ident == nil || ident.Key == nil || ident.Cert == nil) {
		return "", errors.New(m.T("no_identity", nil))
	}
	// The finalized audit names the certificate that must sign it (it
	// travels in the signed audit.json, and verify checks it).
	if !opts.Draft && a.Signer != nil && a.Signer.Fingerprint != Fingerprint(ident.Cert) {
		return "", &SignerMismatchError{Recorded: *a.Signer, Got: *SignerRecord(ident.Cert)}
	}
	if st, err := os.Stat(opts.Output); opts.Output != "" && err == nil && st.IsDir() {
		return "", errors.New(m.T("output_is_dir", i18n.Args{"Path": opts.Output, "Example": filepath.Join(opts.Output, "report.pdf")}))
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return "", errors.New(m.T("output_exists", i18n.Args{"Path": opts.Output}))
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
		shas := i18n.Args{"Recorded": prefix(changed.Want, 12), "Installed": prefix(changed.Got, 12)}
		warn(m.T("catalog_changed_warning", shas))
		warning = rm.T("catalog_changed_warning", shas)
	case err != nil:
		return "", fmt.Errorf("%s: %w", m.T("err_audit", i18n.Args{"ID": id}), err)
	}

	// Record the export only for a signed export of a finalized revision
	// that has a history entry; take the lock now so nothing changes the
	// audit between rendering and recording.
	record := !opts.Draft && a.Status == audit.Finalized
	if record && h == nil {
		oh, err := s.Open(id)
		if err != nil {
			warn(m.T("not_recorded", i18n.Args{"Error": err.Error()}))
			record = false
		} else {
			defer oh.Close()
			h, a = oh, oh.Audit()
			if a.Status != audit.Finalized {
				return "", errors.New(m.T("draft_needs_flag", i18n.Args{"ID": id}))
			}
		}
	}

	if uv := audit.UnknownVerdicts(a); len(uv) > 0 {
		bad := make([]string, len(uv))
		for i, u := range uv {
			bad[i] = fmt.Sprintf("%s (%q)", u.Requirement, string(u.Verdict))
		}
		warn(m.T("unknown_verdicts", i18n.Args{"Findings": strings.Join(bad, ", ")}))
	}

	// The evidence index vouches for each file's SHA-256: a signed report
	// is refused while a file is missing or changed (the inspector can
	// usually put it back) unless asked to sign anyway; either way the
	// report marks the file and a warning names it.
	var evProblems map[string]string
	if probs := CheckEvidence(s, id, a); len(probs) > 0 {
		if !opts.Draft && !opts.AllowMissingEvidence {
			return "", evidenceError(m, s, id, probs)
		}
		evProblems = map[string]string{}
		for _, p := range probs {
			evProblems[p.SHA256] = p.reason(rm)
			warn(m.T("evidence_warning", i18n.Args{"Name": p.Name, "SHA": prefix(p.SHA256, 12), "Reason": p.reason(m), "Path": p.Path}))
		}
	}

	data, err := AuditJSON(a)
	if err != nil {
		return "", fmt.Errorf("%s: %w", m.T("err_encode", i18n.Args{"ID": id}), err)
	}
	place := opts.Place
	if place == "" {
		place = joinNonEmpty(", ", a.Header.Site, a.Header.Municipality, a.Header.Country)
	}
	ro := RenderOptions{Draft: opts.Draft, Now: opts.Now, Place: place, CatalogWarning: warning, AuditJSON: data,
		EvidenceProblems: evProblems, Language: opts.Language, Messages: msgs}
	if !opts.Draft {
		ro.Signer = SignerFromCert(ident.Cert.Subject.CommonName, ident.Cert)
		if ro.Signer.Name == "" {
			ro.Signer.Name = a.Header.LeadInspector
		}
	}
	pdf, box, err := render(a, cat, StoreEvidence{Store: s, ID: id}, ro)
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
		so := pdfsign.Options{
			Name:        ro.Signer.Name,
			Reason:      rm.T("sign_reason", i18n.Args{"ID": a.ID, "Revision": a.Revision}),
			Location:    a.Header.Site,
			Time:        opts.Now,
			Certify:     1, // no change after signing; a DSS and time-stamps may follow
			Timestamper: opts.Timestamper,
		}
		if box != nil {
			so.Appearance = &pdfsign.Appearance{Page: box.Page, Rect: box.Rect, Lines: []string{
				rm.T("sig_box_signed", i18n.Args{"Name": ro.Signer.Name}),
				rm.T("sig_box_date", i18n.Args{"When": opts.Now.Format("2006-01-02 15:04 MST")}),
				rm.T("sig_box_place", i18n.Args{"Place": orDash(place)}),
				rm.T("sig_box_check", nil),
			}}
		}
		pdf, err = pdfsign.Sign(pdf, ident.Key, chain, so)
		if err != nil {
			return "", fmt.Errorf("%s: %w", m.T("err_sign", i18n.Args{"ID": id}), err)
		}
	}
	name := fmt.Sprintf("%s-%s%s.pdf", ReportID(a), opts.Now.Format("20060102T150405"), suffix)
	// All or nothing: the -o copy is written to a temporary file first, so
	// a full disk or a read-only folder fails the export before anything
	// lands in exports/ or the history, and a retry does not pile up
	// copies.
	var tmp string
	if opts.Output != "" {
		if tmp, err = stageOutput(m, opts.Output, pdf); err != nil {
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
		if err := commitOutput(m, tmp, opts.Output, opts.Force); err != nil {
			os.Remove(path)
			return "", err
		}
	}
	if record {
		if err := recordExport(h, a, filepath.Base(path)); err != nil {
			warn(m.T("not_recorded", i18n.Args{"Error": err.Error()}))
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
	return fmt.Errorf("report: revision %d has no history entry", a.Revision)
}

// stageOutput writes data to a temporary file beside path (same folder,
// so the final rename or link cannot cross file systems) and returns its
// name. On error nothing is left behind.
func stageOutput(m *i18n.Localizer, path string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", outputError(m, path, err)
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
		return "", outputError(m, path, err)
	}
	return tmp.Name(), nil
}

// commitOutput moves the staged file to path: replacing it only with
// force; without, a hard link refuses an existing file atomically (a file
// made there since the check at the start is not clobbered either). The
// staged file is gone afterwards either way.
func commitOutput(m *i18n.Localizer, tmp, path string, force bool) error {
	defer os.Remove(tmp)
	if force {
		if err := os.Rename(tmp, path); err != nil {
			return outputError(m, path, err)
		}
		return nil
	}
	err := os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return errors.New(m.T("output_exists", i18n.Args{"Path": path}))
	}
	if err != nil {
		// Some file systems (FAT on a USB stick) have no hard links:
		// check, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return errors.New(m.T("output_exists", i18n.Args{"Path": path}))
		}
		if err := os.Rename(tmp, path); err != nil {
			return outputError(m, path, err)
		}
	}
	return nil
}

// outputError words a failure to write the -o file: the file, then the
// system's reason alone (not the temporary file's name).
func outputError(m *i18n.Localizer, path string, err error) error {
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
	return fmt.Errorf("%s: %w", m.T("err_write", i18n.Args{"Path": path}), err)
}

// prefix returns the first n bytes of s (all of s if shorter).
func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

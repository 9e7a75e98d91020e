package report

import (
	"bufio"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
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
	// Plausibility is how strict the evidence marks are (config.toml's
	// evidence_days_margin and evidence_max_km); zero is the default.
	Plausibility audit.Plausibility
	// Timestamper, when set, time-stamps the signature at once (PAdES
	// B-T); without one the signature is made offline and
	// 'assay timestamp' adds the trusted time later.
	Timestamper pdfsign.Timestamper
}

// Export renders the report of audit id, signs it (unless Draft), saves it
// in the audit's exports folder under a new name and, if asked, copies it
// to opts.Output. It returns the path in the exports folder. A signed
// export is recorded in the current revision's history.
//
// It runs in four stages: prepare (read, check and lock what the report
// says), render (write the PDF to a temp file in the exports folder as it
// is produced), sign (in that file) and write (name it, copy it to -o,
// record it). No stage holds a whole copy of the report: memory stays flat
// however many photos it has.
func Export(s *audit.Store, id string, opts ExportOptions) (string, error) {
	x, err := prepareExport(s, id, opts)
	if err != nil {
		return "", err
	}
	defer x.close()
	f, box, err := x.render()
	if err != nil {
		return "", err
	}
	defer f.Discard()
	if err := x.sign(f, box); err != nil {
		return "", err
	}
	return x.write(f)
}

// exportJob is one export between its stages.
type exportJob struct {
	s    *audit.Store
	id   string
	opts ExportOptions
	warn func(string)
	m    *i18n.Localizer // the terminal's words
	rm   *i18n.Localizer // the report's words
	a    *audit.Audit
	h    *audit.Handle
	// closeH closes h when this export opened it.
	closeH func()
	cat    *standards.Catalog
	// record: a signed export of a finalized revision, recorded in its
	// history through h.
	record bool
	ro     RenderOptions
}

// prepareExport reads the audit (through the caller's handle, or locking
// it when the export is recorded), its catalog and its evidence, and
// refuses what cannot be exported, before anything is written.
func prepareExport(s *audit.Store, id string, opts ExportOptions) (*exportJob, error) {
	x := &exportJob{s: s, id: id, opts: opts, warn: opts.Warn, closeH: func() {}}
	if x.warn == nil {
		x.warn = func(string) {}
	}
	if x.opts.Now.IsZero() {
		x.opts.Now = time.Now()
	}
	msgs, problems := LoadMessages(s.Home())
	m := msgs.For(opts.UILanguage)
	x.m = m
	for _, p := range problems {
		x.warn(m.T("user_messages_warning", i18n.Args{"Error": p.Error()}))
	}
	// Refuse an unknown language before anything is read or locked.
	if !msgs.Has(opts.Language) {
		return nil, errors.New(m.T("unknown_language", i18n.Args{
			"Lang": strconv.Quote(opts.Language), "Known": strings.Join(msgs.Languages(), ", ")}))
	}
	x.rm = msgs.For(opts.Language)
	x.h = opts.Handle
	if x.h != nil {
		x.a = x.h.Audit()
	} else {
		a, err := s.Load(id)
		if err != nil {
			return nil, err
		}
		x.a = a
	}
	a := x.a
	if a.Status != audit.Finalized && !opts.Draft {
		return nil, errors.New(m.T("draft_needs_flag", i18n.Args{"ID": id}))
	}
	ident := opts.Identity
	if !opts.Draft && (ident == nil || ident.Key == nil || ident.Cert == nil) {
		return nil, errors.New(m.T("no_identity", nil))
	}
	// The finalized audit names the certificate that must sign it (it
	// travels in the signed audit.json, and verify checks it).
	if !opts.Draft && a.Signer != nil && a.Signer.Fingerprint != Fingerprint(ident.Cert) {
		return nil, &SignerMismatchError{Recorded: *a.Signer, Got: *SignerRecord(ident.Cert)}
	}
	if st, err := os.Stat(opts.Output); opts.Output != "" && err == nil && st.IsDir() {
		return nil, errors.New(m.T("output_is_dir", i18n.Args{"Path": opts.Output, "Example": filepath.Join(opts.Output, "report.pdf")}))
	}
	if opts.Output != "" && !opts.Force {
		if _, err := os.Lstat(opts.Output); err == nil {
			return nil, errors.New(m.T("output_exists", i18n.Args{"Path": opts.Output}))
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
		x.warn(m.T("catalog_changed_warning", shas))
		warning = x.rm.T("catalog_changed_warning", shas)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", m.T("err_audit", i18n.Args{"ID": id}), err)
	}
	x.cat = cat

	// Record the export only for a signed export of a finalized revision
	// that has a history entry; take the lock now so nothing changes the
	// audit between rendering and recording.
	x.record = !opts.Draft && a.Status == audit.Finalized
	if x.record && x.h == nil {
		oh, err := s.Open(id)
		if err != nil {
			x.warn(m.T("not_recorded", i18n.Args{"Error": errWords(m, err)}))
			x.record = false
		} else {
			x.h, x.a, x.closeH = oh, oh.Audit(), func() { oh.Close() }
			a = x.a
			if a.Status != audit.Finalized {
				x.close()
				return nil, errors.New(m.T("draft_needs_flag", i18n.Args{"ID": id}))
			}
		}
	}

	if uv := audit.UnknownVerdicts(a); len(uv) > 0 {
		bad := make([]string, len(uv))
		for i, u := range uv {
			bad[i] = fmt.Sprintf("%s (%q)", u.Requirement, string(u.Verdict))
		}
		x.warn(m.T("unknown_verdicts", i18n.Args{"Findings": strings.Join(bad, ", ")}))
	}

	// The evidence index vouches for each file's SHA-256: a signed report
	// is refused while a file is missing or changed (the inspector can
	// usually put it back) unless asked to sign anyway; either way the
	// report marks the file and a warning names it.
	var evProblems map[string]string
	if probs := CheckEvidence(s, id, a); len(probs) > 0 {
		if !opts.Draft && !opts.AllowMissingEvidence {
			x.close()
			return nil, evidenceError(m, s, id, probs)
		}
		evProblems = map[string]string{}
		for _, p := range probs {
			evProblems[p.SHA256] = p.reason(x.rm)
			x.warn(m.T("evidence_warning", i18n.Args{"Name": p.Name, "SHA": prefix(p.SHA256, 12), "Reason": p.reason(m), "Path": p.Path}))
		}
	}

	data, err := AuditJSON(a)
	if err != nil {
		x.close()
		return nil, fmt.Errorf("%s: %w", m.T("err_encode", i18n.Args{"ID": id}), err)
	}
	place := opts.Place
	if place == "" {
		place = joinNonEmpty(", ", a.Header.Site, a.Header.Municipality, a.Header.Country)
	}
	x.ro = RenderOptions{Draft: opts.Draft, Now: x.opts.Now, Place: place, CatalogWarning: warning, AuditJSON: data,
		EvidenceProblems: evProblems, Language: opts.Language, Messages: msgs, Plausibility: opts.Plausibility}
	if !opts.Draft {
		x.ro.Signer = SignerFromCert(ident.Cert.Subject.CommonName, ident.Cert)
		if x.ro.Signer.Name == "" {
			x.ro.Signer.Name = a.Header.LeadInspector
		}
	}
	return x, nil
}

// close releases the lock the export took, if it took one.
func (x *exportJob) close() {
	x.closeH()
	x.closeH = func() {}
}

// render lays the report out and writes it, as it is produced, to a temp
// file in the audit's exports folder; each photo is read from its file
// only as it is written.
func (x *exportJob) render() (*audit.ExportFile, *sigBox, error) {
	d, err := build(x.a, x.cat, StoreEvidence{Store: x.s, ID: x.id}, x.ro)
	if err != nil {
		return nil, nil, err
	}
	f, err := x.s.CreateExport(x.id)
	if err != nil {
		return nil, nil, err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	err = d.write(w)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		f.Discard()
		if p := audit.WriteProblemOf(err); p != audit.WriteFailed {
			// The folder, not the temp file's name, which is gone.
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, nil, &audit.SaveError{Path: filepath.Dir(f.Name()), Problem: p, Err: err}
		}
		return nil, nil, err
	}
	return f, d.sigBox, nil
}

// sign signs the report in f, in place (a draft is not signed).
func (x *exportJob) sign(f *audit.ExportFile, box *sigBox) error {
	if x.opts.Draft {
		return nil
	}
	ident, rm, a := x.opts.Identity, x.rm, x.a
	chain := append([]*x509.Certificate{ident.Cert}, ident.Chain...)
	so := pdfsign.Options{
		Name:        x.ro.Signer.Name,
		Reason:      rm.T("sign_reason", i18n.Args{"ID": a.ID, "Revision": a.Revision}),
		Location:    a.Header.Site,
		Time:        x.opts.Now,
		Certify:     1, // no change after signing; a DSS and time-stamps may follow
		Timestamper: x.opts.Timestamper,
	}
	if box != nil {
		so.Appearance = &pdfsign.Appearance{Page: box.Page, Rect: box.Rect, Lines: []string{
			rm.T("sig_box_signed", i18n.Args{"Name": x.ro.Signer.Name}),
			rm.T("sig_box_date", i18n.Args{"When": x.opts.Now.Format("2006-01-02 15:04 MST")}),
			rm.T("sig_box_place", i18n.Args{"Place": orDash(x.ro.Place)}),
			rm.T("sig_box_check", nil),
		}}
	}
	if err := pdfsign.SignFile(f.File, ident.Key, chain, so); err != nil {
		return fmt.Errorf("%s: %w", x.m.T("err_sign", i18n.Args{"ID": x.id}), err)
	}
	return nil
}

// write names the report in the exports folder, copies it to -o and
// records it in the history. All or nothing: the -o copy is staged first,
// so a full disk or a read-only folder fails the export before anything
// lands in exports/ or the history, and a retry does not pile up copies.
func (x *exportJob) write(f *audit.ExportFile) (string, error) {
	suffix := ""
	if x.opts.Draft {
		suffix = "-draft"
	}
	name := fmt.Sprintf("%s-%s%s.pdf", ReportID(x.a), x.opts.Now.Format("20060102T150405"), suffix)
	var tmp string
	if x.opts.Output != "" {
		var err error
		if tmp, err = stageOutput(x.m, x.opts.Output, f.File); err != nil {
			return "", err
		}
	}
	path, err := f.Commit(name)
	if err != nil {
		if tmp != "" {
			os.Remove(tmp)
		}
		return "", err
	}
	if tmp != "" {
		if err := commitOutput(x.m, tmp, x.opts.Output, x.opts.Force); err != nil {
			os.Remove(path)
			return "", err
		}
	}
	if x.record {
		if err := recordExport(x.h, x.a, filepath.Base(path)); err != nil {
			x.warn(x.m.T("not_recorded", i18n.Args{"Error": errWords(x.m, err)}))
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

// stageOutput copies the report in src, file to file, to a temporary file
// beside path (same folder, so the final rename or link cannot cross file
// systems) and returns its name. On error nothing is left behind.
func stageOutput(m *i18n.Localizer, path string, src *os.File) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", outputError(m, path, err)
	}
	if _, err = src.Seek(0, io.SeekStart); err == nil {
		_, err = io.Copy(tmp, src) // the kernel copies where it can (copy_file_range)
	}
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

// errWords words what kept an export from being recorded (the audit open
// in another assay, a full disk) in the UI's language; an error assay has
// no words for is given as it says.
func errWords(m *i18n.Localizer, err error) string {
	var locked *audit.LockedError
	if errors.As(err, &locked) {
		if locked.PID > 0 {
			return m.T("audit_locked_pid", i18n.Args{"ID": locked.ID, "PID": locked.PID})
		}
		return m.T("audit_locked", i18n.Args{"ID": locked.ID})
	}
	if id, ok := systemIDs[safefile.SystemProblemOf(err)]; ok {
		return safefile.Reword(err, m.Word(id))
	}
	return err.Error()
}

// systemIDs word what the operating system said about a file: its own
// text is English whatever the inspector's language.
var systemIDs = map[safefile.SystemProblem]string{
	safefile.SystemNotExist: "sys_not_exist", safefile.SystemPermission: "sys_permission",
	safefile.SystemDiskFull: "sys_disk_full", safefile.SystemReadOnly: "sys_read_only",
	safefile.SystemIsDir: "sys_is_dir", safefile.SystemNotDir: "sys_not_dir",
	safefile.SystemFileTooLarge: "sys_file_too_large", safefile.SystemNameTooLong: "sys_name_too_long",
	safefile.SystemIO: "sys_io",
}

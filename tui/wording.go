package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// The functions here word the typed values of audit and standards in the
// UI's language: the domain says what is the case, the UI says it.

// maxIDsShown bounds the requirement ids listed in one line, so a half-done
// area gives one readable line rather than fifty ids.
const maxIDsShown = 3

// shortSHA abbreviates a digest for people: 12 digits tell files apart.
func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// areaName returns the display name of an area, or its id for areas a
// user catalog invents.
func (w *words) areaName(a standards.Area) string { return wordOr(w, areaIDs, a, string(a)) }

// verdictName returns a verdict's words.
func (w *words) verdictName(v audit.Verdict) string { return wordOr(w, verdictIDs, v, string(v)) }

func (w *words) severity(v audit.Verdict) string { return wordOr(w, severityIDs, v, string(v)) }

// choiceName words one value of a choice field (an audit type).
func (w *words) choiceName(field, value string) string {
	return wordOr(w, choiceIDs[field], value, value)
}

// sourceName words where a catalog comes from: built in, or its file.
func (w *words) sourceName(source string) string {
	if source == standards.SourceBuiltin {
		return w.t("source_builtin", nil)
	}
	return source
}

// size writes a byte count as a file manager does, in the language's
// digits: "1.5 MB", "1,5 MB".
func (w *words) size(n int64) string {
	const unit = 1024
	if n < unit {
		return w.t("size_bytes", i18n.Args{"N": w.l.Int(int(n))})
	}
	f, exp := float64(n)/unit, 1
	for f >= unit && exp < 4 {
		f /= unit
		exp++
	}
	d := w.l.Decimal(f, 1)
	switch exp {
	case 1:
		return w.t("size_kb", i18n.Args{"N": d})
	case 2:
		return w.t("size_mb", i18n.Args{"N": d})
	case 3:
		return w.t("size_gb", i18n.Args{"N": d})
	}
	return w.t("size_tb", i18n.Args{"N": d})
}

// shortDate is a day as the audits list shows it: "Nov 23", "23 nov".
func (w *words) shortDate(t time.Time) string {
	return w.t("date_short", i18n.Args{"Month": w.word(monthShortIDs[t.Month()-1]), "Day": t.Day()})
}

// catalogChangedText warns that an audit's catalog file changed since.
func (w *words) catalogChangedText(e *standards.ChangedError) string {
	return w.t("catalog_changed", i18n.Args{"ID": e.ID, "Version": e.Version, "Recorded": shortSHA(e.Want),
		"Now": shortSHA(e.Got), "Source": w.sourceName(e.Source)})
}

// reqTitle is a requirement's title from the catalog in the UI's language
// (marked when untranslated), the one place the UI looks titles up for
// typed values (the domain does not copy them), or "" for a requirement
// the catalog lacks.
func (w *words) reqTitle(cat *standards.Catalog, id string) string {
	if cat == nil {
		return ""
	}
	if r, ok := cat.Requirement(id); ok {
		l := r.In(w.lang)
		return w.marked(sanitizeLine(l.Title), l.TitleLang)
	}
	return ""
}

// outcomeText words the recommendation's outcome.
func (w *words) outcomeText(o audit.Outcome) string {
	if id, ok := outcomeIDs[o]; ok {
		return w.word(id)
	}
	return w.t("outcome_unknown", i18n.Args{"Outcome": strconv.Quote(string(o))})
}

// reasonText words one reason for the recommendation.
func (w *words) reasonText(r audit.Reason, cat *standards.Catalog) string {
	title := w.reqTitle(cat, r.Requirement)
	switch r.Kind {
	case audit.ReasonMajor:
		return w.t("reason_major", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonCritical:
		return w.t("reason_critical", i18n.Args{"ID": r.Requirement, "Title": title, "Severity": w.severity(r.Severity)})
	case audit.ReasonMinor:
		return w.t("reason_minor", i18n.Args{"ID": r.Requirement, "Title": title, "Due": w.l.DateText(r.DueDate)})
	case audit.ReasonMinorNoDueDate:
		return w.t("reason_minor_no_due", i18n.Args{"ID": r.Requirement, "Title": title})
	case audit.ReasonStillOpen:
		areas := make([]string, len(r.OpenByArea))
		for i, ac := range r.OpenByArea {
			areas[i] = w.t("reason_open_area", i18n.Args{"Area": w.areaName(ac.Area), "Count": w.l.Int(ac.Count)})
		}
		return w.n("reason_still_open", r.Open, i18n.Args{"Applicable": w.l.Int(r.Applicable), "Areas": strings.Join(areas, ", ")})
	case audit.ReasonAllConform:
		return w.n("reason_all_conform", r.Applicable, i18n.Args{
			"Conforming": w.n("conforming_count", r.Conforming, nil), "NA": w.n("not_applicable_count", r.NotApplicable, nil)})
	case audit.ReasonNothingApplies:
		return w.t("reason_nothing_applies", nil)
	case audit.ReasonInformative:
		return w.n("reason_informative", len(r.Requirements), i18n.Args{"IDs": strings.Join(r.Requirements, ", ")})
	}
	return w.cycleReasonText(r, title)
}

// listIDs joins the first few ids and says how many more there are.
func (w *words) listIDs(ids []string) string {
	if len(ids) <= maxIDsShown {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:maxIDsShown], ", ") + " " + w.n("more_ids", len(ids)-maxIDsShown, nil)
}

func identityText(id *standards.Identity) string {
	if id == nil {
		return ""
	}
	return strings.TrimSpace(id.ID + " " + id.Version)
}

// blockerText words one thing that keeps the audit from being finalized.
func (w *words) blockerText(b audit.Blocker, cat *standards.Catalog) string {
	title := w.reqTitle(cat, b.Requirement)
	nc := i18n.Args{"ID": b.Requirement, "Title": title, "Severity": w.severity(b.Severity)}
	switch b.Kind {
	case audit.BlockFinalized:
		return w.t("block_finalized", i18n.Args{"Revision": b.Revision})
	case audit.BlockBadRevision:
		return w.t("block_revision", i18n.Args{"Revision": b.Revision})
	case audit.BlockBadEvidenceRef:
		return w.t("block_evidence_ref", i18n.Args{"Index": b.Index, "Name": strconv.Quote(b.Name), "SHA": strconv.Quote(b.SHA256)})
	case audit.BlockOtherCatalog:
		return w.t("block_catalog", i18n.Args{"Audit": identityText(b.Catalog), "Given": identityText(b.Given)})
	case audit.BlockHeader:
		p := ""
		if b.Problem != nil {
			p = w.problemText(*b.Problem)
		}
		return w.t("block_header", i18n.Args{"Problem": p})
	case audit.BlockNoInterviews:
		return w.t("block_no_interviews", nil)
	case audit.BlockNoClosingMeeting:
		return w.t("block_no_closing", nil)
	case audit.BlockNoAcknowledgement:
		return w.t("block_no_acknowledgement", nil)
	case audit.BlockDanglingCitation:
		return w.t("block_dangling_citation", i18n.Args{"ID": b.Requirement, "Title": title, "Pseudonym": b.Name})
	case audit.BlockOpen:
		return w.n("block_open", len(b.Requirements), i18n.Args{"Area": w.areaName(b.Area), "IDs": w.listIDs(b.Requirements)})
	case audit.BlockNAJustification:
		return w.t("block_na_justify", i18n.Args{"ID": b.Requirement, "Title": title})
	case audit.BlockNCNotes:
		return w.l.T("block_nc_notes", nc)
	case audit.BlockNCAction:
		return w.l.T("block_nc_action", nc)
	case audit.BlockNCNoDueDate:
		return w.l.T("block_nc_no_due", nc)
	case audit.BlockNCBadDueDate:
		return w.t("block_nc_bad_due", i18n.Args{"ID": b.Requirement, "Title": title, "Date": strconv.Quote(b.DueDate)})
	case audit.BlockUnknownRequirement:
		return w.t("block_unknown_req", i18n.Args{"ID": b.Requirement, "Catalog": identityText(b.Given)})
	case audit.BlockUnknownVerdict:
		return w.t("block_unknown_verdict", i18n.Args{"ID": b.Requirement, "Verdict": strconv.Quote(string(b.Verdict))})
	case audit.BlockDanglingEvidence:
		return w.t("block_evidence", i18n.Args{"ID": b.Requirement, "SHA": b.SHA256})
	}
	return w.cycleBlockerText(b, title)
}

// blockerTexts words every blocker.
func (w *words) blockerTexts(bs []audit.Blocker, cat *standards.Catalog) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = w.blockerText(b, cat)
	}
	return out
}

// problemLabel names a header field inside a problem's sentence.
func (w *words) problemLabel(e audit.FieldError) string {
	if id, ok := problemLabelIDs[e.Field]; ok {
		return w.word(id)
	}
	if l, ok := w.recordLabel(e); ok {
		return l
	}
	i := strings.LastIndexByte(e.Field, '.')
	if !strings.HasPrefix(e.Field, "interviews[") || i < 0 {
		return e.Field
	}
	role := e.Role
	if role == "" {
		role = strconv.Itoa(e.Row + 1)
	}
	role = sanitizeLine(role)
	switch e.Field[i+1:] {
	case "women":
		return w.t("interviewed_women", i18n.Args{"Role": role})
	case "men":
		return w.t("interviewed_men", i18n.Args{"Role": role})
	case "other":
		return w.t("interviewed_other", i18n.Args{"Role": role})
	}
	return e.Field
}

// problemText words a problem with a header field, a date or coordinates.
func (w *words) problemText(e audit.FieldError) string {
	q := strconv.Quote(e.Value)
	switch e.Kind {
	case audit.ProblemRequired:
		return w.t("required", i18n.Args{"Field": w.problemLabel(e)})
	case audit.ProblemUnknownChoice:
		known := make([]string, len(e.Known))
		for i, k := range e.Known {
			known[i] = w.choiceName(e.Field, k)
		}
		return w.t("unknown_choice", i18n.Args{"Field": w.problemLabel(e), "Value": q, "Known": strings.Join(known, ", ")})
	case audit.ProblemDateFormat:
		return w.t("date_format", i18n.Args{"Value": q})
	case audit.ProblemDateInvalid:
		return w.t("date_invalid", i18n.Args{"Value": q})
	case audit.ProblemEndBeforeStart:
		return w.t("end_before_start", i18n.Args{"End": e.Value, "Start": e.Other})
	case audit.ProblemNegativeYear:
		return w.t("negative_year", i18n.Args{"Year": e.Number})
	case audit.ProblemInitialNotYearZero:
		return w.t("initial_not_year_zero", i18n.Args{"Year": e.Number})
	case audit.ProblemLaterAuditYearZero:
		return w.t("later_audit_year_zero", i18n.Args{"Type": w.choiceName("audit_type", e.Value)})
	case audit.ProblemNegative:
		return w.t("negative_count", i18n.Args{"Field": w.problemLabel(e), "Number": e.Number})
	case audit.ProblemNotNumber:
		return w.t("not_number", i18n.Args{"Value": q})
	case audit.ProblemCoordFormat:
		return w.t("coord_format", i18n.Args{"Value": q})
	case audit.ProblemCoordNumber:
		return w.t("coord_number", i18n.Args{"Value": q})
	case audit.ProblemLatitudeRange:
		return w.t("lat_range", i18n.Args{"Degrees": strconv.FormatFloat(e.Degrees, 'g', -1, 64)})
	case audit.ProblemLongitudeRange:
		return w.t("lon_range", i18n.Args{"Degrees": strconv.FormatFloat(e.Degrees, 'g', -1, 64)})
	case audit.ProblemCoordNotFinite:
		return w.t("coord_not_finite", nil)
	case audit.ProblemSampleOver:
		return w.t("sample_over", i18n.Args{"Field": w.problemLabel(e), "Number": e.Number, "Limit": e.Limit})
	}
	return e.Error()
}

// errorText words an error the UI shows: the domain's typed problems and
// refusals, a lock held elsewhere, a failed write, an odd or oversized
// file, a signing certificate that cannot sign, in the UI's words; any
// other error as it says itself (a system error the program cannot word).
func (w *words) errorText(err error) string {
	var (
		fe       audit.FieldError
		locked   *audit.LockedError
		saveErr  *audit.SaveError
		odd      *safefile.Error
		schema   *audit.SchemaError
		corrupt  *audit.CorruptError
		evErr    *audit.EvidenceError
		certProb *identity.CertProblem
	)
	var private *audit.PrivateError
	var recovered *audit.RecoverError
	var keyMode *identity.KeyModeError
	var lockFailed *audit.LockFailedError
	var folder *identity.FolderError
	var identWrite *identity.WriteError
	var moved *audit.MoveError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &private):
		// Before the causes it wraps: the inspector must know it is the
		// private names that are not saved.
		var inner *safefile.Error
		if errors.As(private.Err, &inner) && inner.Path == private.Path {
			// The cause names the file itself: once is enough on a line.
			return w.t("private_error", i18n.Args{"Path": private.Path, "Error": w.oddFileKindText(inner)})
		}
		return w.t("private_error", i18n.Args{"Path": private.Path, "Error": w.errorText(private.Err)})
	case errors.As(err, &fe):
		return w.problemText(fe)
	case errors.As(err, &recovered):
		switch recovered.Problem {
		case audit.RecoverNoBackup:
			return w.t("recover_no_backup", nil)
		case audit.RecoverBackupUnreadable:
			return w.t("recover_backup_unreadable", i18n.Args{"Reason": w.errorText(recovered.Err)})
		}
		return w.t("recover_not_needed", nil)
	case errors.Is(err, audit.ErrNotFinalized):
		return w.t("amend_not_finalized", nil)
	case errors.Is(err, audit.ErrNoAmendReason):
		return w.t("amend_no_reason", nil)
	case errors.As(err, &locked):
		if locked.PID > 0 {
			return w.t("locked", i18n.Args{"PID": locked.PID})
		}
		return w.t("locked_no_pid", nil)
	case errors.As(err, &evErr):
		return w.evidenceErrorText(evErr)
	case errors.As(err, &saveErr):
		return w.word(writeProblemIDs[saveErr.Problem]) + " — " + w.t("save_detail", i18n.Args{"Path": saveErr.Path, "Error": w.systemCause(saveErr.Err)})
	case errors.As(err, &odd):
		return w.oddFileText(odd)
	case errors.As(err, &schema):
		return w.t("schema_too_new", i18n.Args{"Schema": schema.Schema})
	case errors.As(err, &corrupt):
		// The audit is the one selected: its file's name says enough,
		// and leaves the line to the reason.
		reason := corrupt.Reason
		if text, ok := w.fileProblemText(corrupt.Cause); ok {
			reason = text
		}
		args := i18n.Args{"File": filepath.Base(corrupt.Path), "Reason": reason}
		if corrupt.HasBackup {
			return w.l.T("corrupt_backup", args)
		}
		return w.l.T("corrupt", args)
	case errors.As(err, &certProb):
		return w.certProblemText(certProb)
	case errors.As(err, &lockFailed):
		return w.t("lock_failed", i18n.Args{"Problem": w.errorText(lockFailed.Err)})
	case errors.As(err, &folder):
		return w.identityFolderText(folder)
	case errors.As(err, &identWrite):
		args := i18n.Args{"Path": identWrite.Dir, "Error": w.errorText(identWrite.Err)}
		if identWrite.Kept {
			return w.t("identity_write_kept", args)
		}
		return w.t("identity_write_none", args)
	case errors.As(err, &moved):
		if moved.Problem == audit.MoveKeepCorrupt {
			return w.t("keep_corrupt_failed", i18n.Args{"File": filepath.Base(moved.Path), "Error": w.systemCause(moved.Err)})
		}
		return w.t("trash_failed", i18n.Args{"Error": w.systemCause(moved.Err)})
	case errors.As(err, &keyMode):
		return w.t("key_readable", i18n.Args{"Path": keyMode.Path, "Mode": fmt.Sprintf("%04o", uint32(keyMode.Mode))})
	}
	if id, ok := systemIDs[safefile.SystemProblemOf(err)]; ok {
		return safefile.Reword(err, w.word(id))
	}
	return err.Error()
}

// identityFolderText words a damaged or unwritable identity folder; the
// parser's own (English) detail is left out: the inspector needs the file.
func (w *words) identityFolderText(fe *identity.FolderError) string {
	args := i18n.Args{"Path": fe.Path, "Key": filepath.Base(fe.Other)}
	switch fe.Problem {
	case identity.FolderUnreadable:
		return w.t("identity_unreadable", i18n.Args{"Path": fe.Path, "Error": w.errorText(fe.Err)})
	case identity.FolderCommitFailed:
		return w.t("identity_commit_failed", i18n.Args{"Path": fe.Path, "Error": w.errorText(fe.Err)})
	case identity.FolderNoKey:
		return w.t("identity_no_key", args)
	case identity.FolderBadKey:
		return w.t("identity_bad_key", args)
	case identity.FolderKeyType:
		return w.t("identity_key_type", args)
	case identity.FolderNoCert:
		return w.t("identity_no_cert", args)
	case identity.FolderBadCert:
		return w.t("identity_bad_cert", args)
	case identity.FolderCertNotForKey:
		return w.t("identity_cert_not_for_key", args)
	}
	return fe.Error()
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

// oddFileText says a file is not one assay reads: a pipe, a folder, or too
// large.
func (w *words) oddFileText(e *safefile.Error) string {
	if e.Kind == safefile.TooLarge {
		return w.t("file_over_limit", i18n.Args{"Path": e.Path, "Size": w.size(e.Size), "Limit": w.size(e.Limit)})
	}
	return w.t("odd_file", i18n.Args{"Path": e.Path, "Kind": wordOr(w, fileKindIDs, e.Kind, e.Kind.String())})
}

// oddFileKindText is oddFileText without the path, for a line that
// already names the file.
func (w *words) oddFileKindText(e *safefile.Error) string {
	if e.Kind == safefile.TooLarge {
		return w.t("over_limit", i18n.Args{"Size": w.size(e.Size), "Limit": w.size(e.Limit)})
	}
	return w.t("odd_kind", i18n.Args{"Kind": wordOr(w, fileKindIDs, e.Kind, e.Kind.String())})
}

// evidenceErrorText says why a file could not be imported as evidence.
func (w *words) evidenceErrorText(e *audit.EvidenceError) string {
	cause := ""
	if e.Err != nil {
		cause = w.errorText(e.Err)
	}
	switch e.Kind {
	case audit.EvidenceMissing:
		return w.t("evidence_missing", i18n.Args{"Path": e.Path})
	case audit.EvidenceFolder:
		return w.t("evidence_folder", i18n.Args{"Path": e.Path})
	case audit.EvidenceTooBig:
		return w.t("evidence_too_big", i18n.Args{"Path": e.Path, "Size": w.size(e.Size), "Limit": w.size(e.Limit)})
	case audit.EvidenceNotCopied:
		return w.t("evidence_not_copied", i18n.Args{"Path": e.Path, "Error": cause})
	}
	return w.t("evidence_unreadable", i18n.Args{"Path": e.Path, "Error": cause})
}

// saveErrorDetail is the file a save could not write and the system's
// reason, under the line that says what it means and what happens next.
func (w *words) saveErrorDetail(err error) string {
	var se *audit.SaveError
	if errors.As(err, &se) {
		return w.t("save_detail", i18n.Args{"Path": se.Path, "Error": w.systemCause(se.Err)})
	}
	var pe *audit.PrivateError
	if errors.As(err, &pe) {
		return w.t("save_detail", i18n.Args{"Path": pe.Path, "Error": rootCause(pe.Err)})
	}
	return w.errorText(err)
}

// rootCause is the system's own words at the bottom of a wrapped error
// ("no space left on device"), without the paths the wrappers repeat.
// systemCause is rootCause in the UI's words where assay has them.
func (w *words) systemCause(err error) string {
	if id, ok := systemIDs[safefile.SystemProblemOf(err)]; ok {
		return w.word(id)
	}
	return rootCause(err)
}

func rootCause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError // a rename: its two paths would fill the line
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// certProblemText words why the signing certificate cannot sign.
func (w *words) certProblemText(p *identity.CertProblem) string {
	switch p.Reason {
	case identity.CertExpired:
		return w.t("cert_expired", i18n.Args{"Date": w.l.Date(p.NotAfter.UTC())})
	case identity.CertNotYetValid:
		return w.t("cert_not_yet_valid", i18n.Args{"Date": w.l.Date(p.NotBefore.UTC())})
	}
	if id, ok := certProblemIDs[p.Reason]; ok {
		return w.word(id)
	}
	return w.t("cert_unusable", i18n.Args{"Reason": p.Reason})
}

// applicabilityText says why a requirement does not apply, or that it does.
func (w *words) applicabilityText(d audit.ApplicabilityDetail) string {
	switch {
	case d.Applicability == audit.Informative:
		return w.t("informative_due", i18n.Args{"Due": d.DueYear, "Year": d.CertYear})
	case d.Applicability == audit.Excluded && d.EcologicalOnly:
		return w.t("excluded_ecological", nil)
	}
	return wordOr(w, applicabilityIDs, d.Applicability, d.Applicability.String())
}

// configWarning words what was wrong with config.toml, "" when nothing.
func (w *words) configWarning(err error) string {
	var parts []string
	for _, p := range audit.ConfigProblems(err) {
		var odd *safefile.Error
		switch {
		case p.Kind == audit.ConfigSyntax:
			parts = append(parts, w.t("config_syntax", i18n.Args{"Line": p.Line, "Detail": sanitizeLine(p.Detail)}))
		case p.Kind == audit.ConfigUnknownKeys:
			parts = append(parts, w.n("config_unknown", len(p.Keys), i18n.Args{"Keys": sanitizeLine(strings.Join(p.Keys, ", "))}))
		case p.Kind == audit.ConfigOutOfRange:
			parts = append(parts, w.t("config_range", i18n.Args{"Line": p.Line, "Key": p.Key, "Value": p.Value, "Min": p.Min, "Max": p.Max}))
		case p.Kind == audit.ConfigBadChoice:
			parts = append(parts, w.t("config_choice", i18n.Args{"Line": p.Line, "Key": p.Key, "Value": strconv.Quote(sanitizeLine(p.Detail)),
				"Known": strings.Join(p.Keys, ", ")}))
		case errors.As(p.Err, &odd) && odd.Kind == safefile.TooLarge:
			parts = append(parts, w.t("config_too_large", i18n.Args{"Size": w.size(odd.Size), "Limit": w.size(odd.Limit)}))
		case errors.As(p.Err, &odd):
			parts = append(parts, w.t("config_odd", i18n.Args{"Kind": wordOr(w, fileKindIDs, odd.Kind, odd.Kind.String())}))
		default:
			parts = append(parts, w.t("config_unreadable", i18n.Args{"Error": p.Err}))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return w.t("config_problem", i18n.Args{"Problems": strings.Join(parts, " · ")})
}

// stateWarning says what was wrong with the UI's state file, "" when
// nothing.
func (w *words) stateWarning(err error) string {
	if err == nil {
		return ""
	}
	return w.t("state_problem", i18n.Args{"Error": sanitizeLine(w.errorText(err))})
}

// rescuedWarning says where an earlier stop kept unsaved changes
// (Deps.Rescued), "" when none: the folder and the files' pattern, since
// a whole path (the audit's id and a time) does not fit two lines.
func (w *words) rescuedWarning(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	newest := paths[len(paths)-1]
	return w.t("rescued_at_start", i18n.Args{"Files": sanitizeLine(filepath.Join(filepath.Dir(newest), "assay-unsaved-*.json"))})
}

// messagesWarning words the problems with the home's message files, ""
// when none.
func (w *words) messagesWarning(errs []error) string {
	if len(errs) == 0 {
		return ""
	}
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = sanitizeLine(e.Error())
	}
	return w.t("messages_problem", i18n.Args{"Problems": strings.Join(parts, " · ")})
}

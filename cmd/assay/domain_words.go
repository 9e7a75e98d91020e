package main

import (
	"errors"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
	"github.com/assay-dev/assay/standards/safefile"
)

// The CLI's words for what audit, standards and report return as data
// (outcomes, finalize blockers, header problems, list notes, typed errors):
// small functions that put the data into the messages of locales/.

// Message keys of the CLI's words for the domain's values.
var (
	outcomeIDs = map[audit.Outcome]string{
		audit.Incomplete: "outcome_incomplete", audit.Recommended: "outcome_recommended",
		audit.RecommendedWithConditions: "outcome_with_conditions", audit.NotRecommended: "outcome_not_recommended",
	}
	severityIDs = map[audit.Verdict]string{audit.Minor: "severity_minor", audit.Major: "severity_major"}
	areaIDs     = map[standards.Area]string{
		standards.Social: "area_social", standards.Economic: "area_economic", standards.Environmental: "area_environmental",
		standards.Labour: "area_labour", standards.Chemicals: "area_chemicals",
	}
	// fieldIDs name a header field inside a problem's sentence.
	fieldIDs = map[string]string{
		"asmo": "field_asmo", "site": "field_site", "country": "field_country", "audit_type": "field_audit_type",
		"certification_type": "field_certification_type", "certification_year": "field_certification_year",
		"start_date": "field_start_date", "end_date": "field_end_date", "lead_inspector": "field_lead_inspector",
		"coordinates": "field_coordinates", "fsp.mines": "field_fsp_mines", "fsp.plants": "field_fsp_plants",
		"fsp.miners": "field_fsp_miners",
	}
	// closingFieldIDs name a field of the closing meeting's record inside
	// a problem's sentence.
	closingFieldIDs = map[string]string{
		"closing.date": "field_closing_date", "closing.response": "field_closing_response",
		"closing.representative_name": "field_closing_rep_name", "closing.representative_role": "field_closing_rep_role",
		"closing.comments": "field_closing_comments",
	}
	// sampleUnitIDs name an FSP sampling unit.
	sampleUnitIDs = map[audit.SampleUnit]string{
		audit.UnitMines: "sample_unit_mines", audit.UnitPlants: "sample_unit_plants", audit.UnitMiners: "sample_unit_miners",
	}
	// safefileIDs name what a refused file is.
	safefileIDs = map[safefile.Kind]string{
		safefile.Directory: "file_kind_directory", safefile.FIFO: "file_kind_fifo", safefile.Device: "file_kind_device",
		safefile.Socket: "file_kind_socket", safefile.Irregular: "file_kind_irregular",
	}
)

// systemIDs word what the operating system said about a file: its own
// text is English whatever the inspector's language.
var systemIDs = map[safefile.SystemProblem]string{
	safefile.SystemNotExist: "sys_not_exist", safefile.SystemPermission: "sys_permission",
	safefile.SystemDiskFull: "sys_disk_full", safefile.SystemReadOnly: "sys_read_only",
	safefile.SystemIsDir: "sys_is_dir", safefile.SystemNotDir: "sys_not_dir",
	safefile.SystemFileTooLarge: "sys_file_too_large", safefile.SystemNameTooLong: "sys_name_too_long",
	safefile.SystemIO: "sys_io",
}

// systemCause words the system's reason in err without its path ("it does
// not exist"), or gives the system's text when assay has no words for it.
func (e *env) systemCause(err error) string {
	if err == nil {
		return ""
	}
	if id, ok := systemIDs[safefile.SystemProblemOf(err)]; ok {
		return e.word(id, "")
	}
	return err.Error()
}

// systemText words an error from the system with the file it names and
// the context it was given: "/x.pdf: no existe". ok is false for an error
// assay has no words for.
func (e *env) systemText(err error) (string, bool) {
	id, ok := systemIDs[safefile.SystemProblemOf(err)]
	if !ok {
		return "", false
	}
	return safefile.Reword(err, e.word(id, "")), true
}

// cliMaxIDs bounds the requirement ids listed in one blocker line.
const cliMaxIDs = 3

// outcomeText words a recommendation's outcome.
func (e *env) outcomeText(o audit.Outcome) string {
	if id, ok := outcomeIDs[o]; ok {
		return e.word(id, "")
	}
	return e.t("outcome_unknown", i18n.Args{"Outcome": strconv.Quote(string(o))})
}

func (e *env) severityText(v audit.Verdict) string { return e.word(severityIDs[v], string(v)) }

func (e *env) areaText(a standards.Area) string { return e.word(areaIDs[a], string(a)) }

func cliShortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

func identityText(id *standards.Identity) string {
	if id == nil {
		return ""
	}
	return strings.TrimSpace(id.ID + " " + id.Version)
}

// reqTitle is a requirement's title from the catalog in the UI language,
// marked when the catalog has no translation ("" when it lacks the
// requirement).
func (e *env) reqTitle(cat *standards.Catalog, id string) string {
	if cat == nil {
		return ""
	}
	if r, ok := cat.Requirement(id); ok {
		l := r.In(e.lang)
		return e.inLang(l.Title, l.TitleLang)
	}
	return ""
}

// inLang marks catalog text shown in another language than the UI's (the
// catalog has no translation of it) with that language: "Royalties paid
// [en]". Text of unknown language is left as it is.
func (e *env) inLang(text, lang string) string {
	if strings.TrimSpace(text) == "" || lang == "" || sameBase(lang, e.lang) {
		return text
	}
	return text + " " + e.t("untranslated_mark", i18n.Args{"Lang": lang})
}

// sameBase reports whether two language tags name the same language.
func sameBase(a, b string) bool {
	base := func(t string) string {
		if i := strings.IndexAny(t, "-_"); i > 0 {
			t = t[:i]
		}
		return strings.ToLower(t)
	}
	return base(a) == base(b)
}

// blockerText words one thing that keeps an audit from being finalized.
func (e *env) blockerText(b audit.Blocker, cat *standards.Catalog) string {
	title := e.reqTitle(cat, b.Requirement)
	req := i18n.Args{"ID": b.Requirement, "Title": title, "Severity": e.severityText(b.Severity)}
	switch b.Kind {
	case audit.BlockFinalized:
		return e.t("block_finalized", i18n.Args{"Revision": b.Revision})
	case audit.BlockBadRevision:
		return e.t("block_bad_revision", i18n.Args{"Revision": b.Revision})
	case audit.BlockBadEvidenceRef:
		return e.t("block_bad_evidence_ref", i18n.Args{"Item": b.Index, "Name": strconv.Quote(b.Name), "SHA": strconv.Quote(b.SHA256)})
	case audit.BlockOtherCatalog:
		return e.t("block_other_catalog", i18n.Args{"Catalog": identityText(b.Catalog), "Given": identityText(b.Given)})
	case audit.BlockHeader:
		problem := ""
		if b.Problem != nil {
			problem = e.problemText(*b.Problem)
		}
		return e.t("block_header", i18n.Args{"Problem": problem})
	case audit.BlockNoInterviews:
		return e.t("block_no_interviews", nil)
	case audit.BlockNoClosingMeeting:
		return e.t("block_no_closing_meeting", nil)
	case audit.BlockNoAcknowledgement:
		return e.t("block_no_acknowledgement", nil)
	case audit.BlockDanglingCitation:
		return e.t("block_dangling_citation", i18n.Args{"ID": b.Requirement, "Title": title, "Pseudonym": b.Name})
	case audit.BlockOpen:
		ids := strings.Join(b.Requirements, ", ")
		if n := len(b.Requirements); n > cliMaxIDs {
			ids = strings.Join(b.Requirements[:cliMaxIDs], ", ") + " " + e.n("more_ids", n-cliMaxIDs, nil)
		}
		return e.n("block_open", len(b.Requirements), i18n.Args{"Area": e.areaText(b.Area), "IDs": ids})
	case audit.BlockNAJustification:
		return e.t("block_na_justification", i18n.Args{"ID": req["ID"], "Title": title})
	case audit.BlockNCNotes:
		return e.t("block_nc_notes", i18n.Args{"ID": req["ID"], "Title": title, "Severity": req["Severity"]})
	case audit.BlockNCAction:
		return e.t("block_nc_action", i18n.Args{"ID": req["ID"], "Title": title, "Severity": req["Severity"]})
	case audit.BlockNCNoDueDate:
		return e.t("block_nc_no_due_date", i18n.Args{"ID": req["ID"], "Title": title, "Severity": req["Severity"]})
	case audit.BlockNCBadDueDate:
		return e.t("block_nc_bad_due_date", i18n.Args{"ID": req["ID"], "Title": title, "Date": strconv.Quote(b.DueDate)})
	case audit.BlockUnknownRequirement:
		return e.t("block_unknown_requirement", i18n.Args{"ID": b.Requirement, "Catalog": identityText(b.Given)})
	case audit.BlockUnknownVerdict:
		return e.t("block_unknown_verdict", i18n.Args{"ID": b.Requirement, "Verdict": strconv.Quote(string(b.Verdict))})
	case audit.BlockDanglingEvidence:
		return e.t("block_dangling_evidence", i18n.Args{"ID": b.Requirement, "SHA": b.SHA256})
	}
	if s := e.cycleBlockerText(b, title); s != "" {
		return s
	}
	return string(b.Kind)
}

// fieldLabel names a header field inside a problem's sentence.
func (e *env) fieldLabel(fe audit.FieldError) string {
	if id, ok := fieldIDs[fe.Field]; ok {
		return e.word(id, "")
	}
	if id, ok := closingFieldIDs[fe.Field]; ok {
		return e.word(id, "")
	}
	if l, ok := e.registerFieldLabel(fe); ok {
		return l
	}
	if i := strings.LastIndexByte(fe.Field, '.'); strings.HasPrefix(fe.Field, "interviews[") && i > 0 {
		role := fe.Role
		if role == "" {
			role = strconv.Itoa(fe.Row + 1)
		}
		switch fe.Field[i+1:] {
		case "women":
			return e.t("field_interviews_women", i18n.Args{"Role": role})
		case "men":
			return e.t("field_interviews_men", i18n.Args{"Role": role})
		case "other":
			return e.t("field_interviews_other", i18n.Args{"Role": role})
		}
	}
	return fe.Field
}

// problemText words a problem with a header field, a date or coordinates.
func (e *env) problemText(fe audit.FieldError) string {
	switch fe.Kind {
	case audit.ProblemRequired:
		return e.t("problem_required", i18n.Args{"Field": e.fieldLabel(fe)})
	case audit.ProblemUnknownChoice:
		return e.t("problem_unknown_choice", i18n.Args{"Field": e.fieldLabel(fe), "Value": strconv.Quote(fe.Value), "Known": e.list(fe.Known)})
	case audit.ProblemDateFormat:
		return e.t("problem_date_format", i18n.Args{"Value": strconv.Quote(fe.Value)})
	case audit.ProblemDateInvalid:
		return e.t("problem_date_invalid", i18n.Args{"Value": strconv.Quote(fe.Value)})
	case audit.ProblemEndBeforeStart:
		return e.t("problem_end_before_start", i18n.Args{"End": fe.Value, "Start": fe.Other})
	case audit.ProblemNegativeYear:
		return e.t("problem_negative_year", i18n.Args{"Year": fe.Number})
	case audit.ProblemInitialNotYearZero:
		return e.t("problem_initial_not_year_zero", i18n.Args{"Year": fe.Number})
	case audit.ProblemLaterAuditYearZero:
		return e.t("problem_later_audit_year_zero", i18n.Args{"Type": fe.Value})
	case audit.ProblemNegative:
		return e.t("problem_negative", i18n.Args{"Field": e.fieldLabel(fe), "Number": fe.Number})
	case audit.ProblemNotNumber:
		return e.t("problem_not_number", i18n.Args{"Value": strconv.Quote(fe.Value)})
	case audit.ProblemCoordFormat:
		return e.t("problem_coord_format", i18n.Args{"Value": strconv.Quote(fe.Value)})
	case audit.ProblemCoordNumber:
		return e.t("problem_coord_number", i18n.Args{"Value": strconv.Quote(fe.Value)})
	case audit.ProblemLatitudeRange:
		return e.t("problem_latitude_range", i18n.Args{"Degrees": fe.Degrees})
	case audit.ProblemLongitudeRange:
		return e.t("problem_longitude_range", i18n.Args{"Degrees": fe.Degrees})
	case audit.ProblemCoordNotFinite:
		return e.t("problem_coord_not_finite", nil)
	case audit.ProblemSampleOver:
		return e.t("problem_sample_over", i18n.Args{"Field": e.fieldLabel(fe), "Number": fe.Number, "Limit": fe.Limit})
	}
	return fe.Error()
}

// registerFieldLabel names a value of an interview register entry or of a
// sampling record inside a problem's sentence: "the date of interview
// I-03", "the actual sample of Pallaqueras".
func (e *env) registerFieldLabel(fe audit.FieldError) (string, bool) {
	col := fe.Field[strings.LastIndexByte(fe.Field, '.')+1:]
	switch {
	case strings.HasPrefix(fe.Field, "interview_register["):
		args := i18n.Args{"Pseudonym": fe.Item}
		switch col {
		case "role":
			return e.t("field_register_role", args), true
		case "gender":
			return e.t("field_register_gender", args), true
		case "date":
			return e.t("field_register_date", args), true
		case "group_size":
			return e.t("field_register_group", args), true
		}
	case strings.HasPrefix(fe.Field, "sampling.counts["):
		item := fe.Item
		if id, ok := sampleUnitIDs[audit.SampleUnit(item)]; ok {
			item = e.word(id, item)
		}
		switch col {
		case "actual":
			return e.t("field_sample_actual", i18n.Args{"Item": item}), true
		case "size":
			return e.t("field_sample_size", i18n.Args{"Item": item}), true
		case "name":
			return e.t("field_sample_name", i18n.Args{"Row": fe.Row + 1}), true
		}
	}
	return "", false
}

// noteText words one note on a list entry.
func (e *env) noteText(n audit.Note) string {
	var id standards.Identity
	if n.Catalog != nil {
		id = *n.Catalog
	}
	switch n.Kind {
	case audit.NoteCatalogChanged:
		return e.t("note_catalog_changed", i18n.Args{"ID": id.ID, "Version": id.Version, "Recorded": cliShortSHA(id.SHA256),
			"Installed": cliShortSHA(n.InstalledSHA256), "Source": e.sourceText(n.Source)})
	case audit.NoteCatalogMissing:
		return e.t("note_catalog_missing", i18n.Args{"ID": id.ID, "Version": id.Version})
	case audit.NoteUnknownVerdicts:
		bad := make([]string, len(n.Verdicts))
		for i, uv := range n.Verdicts {
			bad[i] = uv.Requirement + " (" + strconv.Quote(string(uv.Verdict)) + ")"
		}
		known := make([]string, len(audit.Verdicts))
		for i, v := range audit.Verdicts {
			known[i] = string(v)
		}
		return e.t("note_unknown_verdicts", i18n.Args{"Findings": e.list(bad), "Known": e.list(known)})
	}
	return string(n.Kind)
}

// notesText words an entry's notes on one line ("" for none).
func (e *env) notesText(ns []audit.Note) string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = e.noteText(n)
	}
	return strings.Join(out, e.t("notes_sep", nil))
}

// sourceText names where a catalog came from: a file's path, or "built-in".
func (e *env) sourceText(source string) string {
	if source == standards.SourceBuiltin {
		return e.t("source_builtin", nil)
	}
	return source
}

// catalogList names catalogs "id version, id version", or "none".
func (e *env) catalogList(ids []standards.Identity) string {
	if len(ids) == 0 {
		return e.t("none", nil)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.ID + " " + id.Version
	}
	return e.list(out)
}

// notFoundText says that a catalog is not loaded, listing those that are.
func (e *env) notFoundText(id, version string, set *standards.Set) string {
	var avail []standards.Identity
	for _, c := range set.Current() {
		avail = append(avail, c.Identity())
	}
	if version == "" {
		return e.t("catalog_not_found_any", i18n.Args{"ID": id, "Known": e.catalogList(avail)})
	}
	return e.t("catalog_not_found", i18n.Args{"ID": id, "Version": version, "Known": e.catalogList(avail)})
}

// certProblem words identity.CheckSigningCert's refusal.
func (e *env) certProblem(p *identity.CertProblem) string {
	switch p.Reason {
	case identity.CertExpired:
		return e.t("cert_expired", i18n.Args{"Date": p.NotAfter.UTC().Format("2006-01-02")})
	case identity.CertNotYetValid:
		return e.t("cert_not_yet_valid", i18n.Args{"Date": p.NotBefore.UTC().Format("2006-01-02")})
	case identity.CertNoDigSig:
		return e.t("cert_no_digital_signature", nil)
	case identity.CertEKU:
		return e.t("cert_ext_key_usage", nil)
	}
	return e.t("cert_unusable", i18n.Args{"Reason": p.Reason})
}

// errText words an error from below: its typed values in the CLI's words,
// anything else as the error says it (Go error text, the system's).
func (e *env) errText(err error) string {
	var (
		fe  audit.FieldError
		sp  standards.Problem
		nf  *standards.NotFoundError
		ch  *standards.ChangedError
		le  *audit.LockedError
		se  *audit.SaveError
		sc  *audit.SchemaError
		ce  *audit.CorruptError
		re  *report.RootsError
		fpe *report.FingerprintError
		cp  *identity.CertProblem
		sfe *safefile.Error
	)
	if text, ok := e.idErrText(err); ok {
		return text
	}
	if text, ok := e.identityErrText(err); ok {
		return text
	}
	var lf *audit.LockFailedError
	if errors.As(err, &lf) {
		return e.t("lock_failed", i18n.Args{"ID": lf.ID, "Problem": e.errText(lf.Err)})
	}
	var he *audit.HomeError
	if errors.As(err, &he) {
		return e.t("home_unusable", i18n.Args{"Path": he.Path, "Problem": e.systemCause(he.Err)})
	}
	var mv *audit.MoveError
	if errors.As(err, &mv) {
		if mv.Problem == audit.MoveKeepCorrupt {
			return e.t("keep_corrupt_failed", i18n.Args{"Path": mv.Path, "Keep": mv.Keep, "Error": e.systemCause(mv.Err)})
		}
		return e.t("trash_failed", i18n.Args{"ID": mv.ID, "Error": e.systemCause(mv.Err)})
	}
	var rec *audit.RecoverError
	if errors.As(err, &rec) {
		switch rec.Problem {
		case audit.RecoverNoBackup:
			return e.t("recover_no_backup", i18n.Args{"ID": rec.ID})
		case audit.RecoverBackupUnreadable:
			return e.t("recover_backup_unreadable", i18n.Args{"Reason": e.errText(rec.Err)})
		}
		return e.t("recover_not_needed", i18n.Args{"ID": rec.ID})
	}
	switch {
	case errors.As(err, &sp):
		return e.describe(sp)
	case errors.As(err, &fe):
		return e.problemText(fe)
	case errors.Is(err, audit.ErrNotFinalized):
		return e.t("amend_not_finalized", nil)
	case errors.Is(err, audit.ErrNoAmendReason):
		return e.t("amend_no_reason", nil)
	case errors.As(err, &nf):
		return e.catalogMissingText(nf)
	case errors.As(err, &ch):
		return e.t("catalog_changed", i18n.Args{"ID": ch.ID, "Version": ch.Version, "Recorded": cliShortSHA(ch.Want),
			"Installed": cliShortSHA(ch.Got), "Source": e.sourceText(ch.Source)})
	case errors.As(err, &le):
		if le.PID > 0 {
			return e.t("audit_locked_pid", i18n.Args{"ID": le.ID, "PID": le.PID})
		}
		return e.t("audit_locked", i18n.Args{"ID": le.ID})
	case errors.As(err, &se):
		return e.saveErrorText(se)
	case errors.As(err, &sc):
		return e.t("audit_schema_too_new", i18n.Args{"Schema": sc.Schema, "Supported": audit.SchemaVersion})
	case errors.As(err, &ce):
		reason := ce.Reason
		if text, ok := e.fileProblemText(ce.Cause); ok {
			reason = text
		}
		if ce.HasBackup {
			return e.t("audit_corrupt_backup", i18n.Args{"Path": ce.Path, "Reason": reason, "ID": ce.ID})
		}
		return e.t("audit_corrupt", i18n.Args{"Path": ce.Path, "Reason": reason})
	case errors.As(err, &re):
		if re.Cert == 0 {
			return e.t("roots_empty", i18n.Args{"Path": re.Path})
		}
		return e.t("roots_bad", i18n.Args{"Path": re.Path, "N": re.Cert, "Error": re.Err.Error()})
	case errors.As(err, &fpe):
		return e.t("bad_fingerprint", i18n.Args{"Given": strconv.Quote(fpe.Given)})
	case errors.As(err, &cp):
		return e.certProblem(cp)
	case errors.As(err, &sfe):
		if sfe.Kind == safefile.TooLarge {
			return e.t("file_too_large", i18n.Args{"Path": sfe.Path, "Size": e.size(sfe.Size), "Limit": e.size(sfe.Limit)})
		}
		return e.t("file_not_regular", i18n.Args{"Path": sfe.Path, "Kind": e.word(safefileIDs[sfe.Kind], sfe.Kind.String())})
	}
	if text, ok := e.systemText(err); ok {
		return text
	}
	return err.Error()
}

// configProblemText words one problem of config.toml, with its file and
// line, in the UI's language (the config may be what chose it: then the
// words are those known before it was read).
func (e *env) configProblemText(p *audit.ConfigError) string {
	args := i18n.Args{"Path": p.Path, "Line": p.Line, "Key": p.Key}
	switch p.Kind {
	case audit.ConfigSyntax:
		args["Detail"] = audit.Sanitize(p.Detail)
		return e.t("config_syntax", args)
	case audit.ConfigUnknownKeys:
		args["Keys"], args["Known"] = audit.Sanitize(strings.Join(p.Keys, ", ")), strings.Join(audit.ConfigKeys(), ", ")
		return e.n("config_unknown", len(p.Keys), args)
	case audit.ConfigOutOfRange:
		args["Value"], args["Min"], args["Max"] = p.Value, p.Min, p.Max
		return e.t("config_range", args)
	case audit.ConfigBadChoice:
		args["Value"], args["Known"] = strconv.Quote(audit.Sanitize(p.Detail)), strings.Join(p.Keys, ", ")
		return e.t("config_choice", args)
	}
	return e.t("config_unreadable", i18n.Args{"Path": p.Path, "Error": e.errText(p.Err)})
}

// catalogMissingText words a catalog an audit needs that is not loaded.
func (e *env) catalogMissingText(nf *standards.NotFoundError) string {
	return e.t("catalog_not_found", i18n.Args{"ID": nf.ID, "Version": nf.Version, "Known": e.catalogList(nf.Available)})
}

// saveErrorText words a failed write: which audit and file, and why.
func (e *env) saveErrorText(se *audit.SaveError) string {
	args := i18n.Args{"ID": se.ID, "Path": se.Path, "Error": e.systemCause(se.Err)}
	switch {
	case se.ID == "" && se.Problem == audit.WriteDiskFull:
		return e.t("write_disk_full", args)
	case se.ID == "" && se.Problem == audit.WriteSizeLimit:
		return e.t("write_size_limit", args)
	case se.ID == "":
		return e.t("write_failed", args)
	case se.Problem == audit.WriteDiskFull:
		return e.t("save_disk_full", args)
	case se.Problem == audit.WriteSizeLimit:
		return e.t("save_size_limit", args)
	}
	return e.t("save_failed", args)
}

// size words a number of bytes in the UI language ("1,2 MB").
func (e *env) size(n int64) string {
	switch {
	case n >= 1<<20:
		return e.t("size_mb", i18n.Args{"N": e.localizer().Decimal(float64(n)/(1<<20), 1)})
	case n >= 1<<10:
		return e.t("size_kb", i18n.Args{"N": e.localizer().Int(int(n >> 10))})
	}
	return e.t("size_b", i18n.Args{"N": e.localizer().Int(int(n))})
}

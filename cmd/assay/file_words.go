package main

import (
	"errors"
	"path/filepath"
	"strconv"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards/safefile"
)

// valueKindIDs name a kind of JSON value inside a file problem's sentence.
var valueKindIDs = map[audit.ValueKind]string{
	audit.ValueText: "value_text", audit.ValueNumber: "value_number", audit.ValueBool: "value_bool",
	audit.ValueList: "value_list", audit.ValueObject: "value_object", audit.ValueNull: "value_null",
	audit.ValueOther: "value_other",
}

// fileProblemText words why an audit file cannot be read (a corrupt
// audit's Cause) in the UI's language; ok is false for a cause it has no
// words for.
func (e *env) fileProblemText(cause error) (string, bool) {
	var (
		fp  *audit.FileProblem
		de  *audit.DateError
		sfe *safefile.Error
	)
	switch {
	case errors.As(cause, &fp):
		return e.filePartText(fp), true
	case errors.As(cause, &de):
		return e.t("file_bad_time", i18n.Args{"Field": de.Field, "Value": de.Value, "Line": de.Line, "Col": de.Col}), true
	case errors.As(cause, &sfe):
		return e.errText(sfe), true
	}
	return e.systemText(cause)
}

func (e *env) filePartText(p *audit.FileProblem) string {
	at := i18n.Args{"Line": p.Line, "Col": p.Col}
	switch p.Kind {
	case audit.FileMissing:
		return e.t("file_missing", nil)
	case audit.FileEmpty:
		return e.t("file_empty", nil)
	case audit.FileNotObject:
		return e.t("file_not_object", nil)
	case audit.FileSchemaBad:
		return e.t("file_schema_unknown", i18n.Args{"Schema": p.Schema})
	case audit.FileNoID:
		return e.t("file_no_id", nil)
	case audit.FileTruncated:
		return e.t("file_truncated", at)
	case audit.FileSyntax:
		return e.t("file_syntax", at)
	case audit.FileWrongType:
		field := p.Field
		if field == "" {
			field = e.t("file_top_level", nil)
		}
		return e.t("file_wrong_type", i18n.Args{"Field": field, "Found": e.word(valueKindIDs[p.Found], string(p.Found)),
			"Want": e.word(valueKindIDs[p.Want], string(p.Want)), "Line": p.Line, "Col": p.Col})
	case audit.FileIDMismatch:
		return e.t("file_id_mismatch", i18n.Args{"InFile": p.InFile, "Folder": p.Folder})
	case audit.FileHashMismatch:
		return e.t("file_hash_mismatch", i18n.Args{"Revision": p.Revision, "Recorded": p.Recorded, "Now": p.Now})
	case audit.FileOldFinding:
		return e.t("file_old_finding", i18n.Args{"ID": p.Field})
	case audit.FileOldVerdict:
		return e.t("file_old_verdict", i18n.Args{"ID": p.Field, "Verdict": strconv.Quote(p.Value)})
	}
	return p.Error()
}

// entryError words why a listed audit cannot be read, with the recovery
// hint: in the UI's language where the list gave the reason as a value,
// else as the list said it.
func (e *env) entryError(en audit.Entry) string {
	var ce *audit.CorruptError
	if errors.As(en.Cause, &ce) {
		text, ok := e.fileProblemText(ce.Cause)
		if !ok {
			return en.Err
		}
		if ce.HasBackup {
			return e.t("list_unreadable_backup", i18n.Args{"File": filepath.Base(ce.Path), "Reason": text, "ID": ce.ID})
		}
		return e.t("list_unreadable_no_backup", i18n.Args{"File": filepath.Base(ce.Path), "Reason": text})
	}
	if en.Cause != nil {
		if text, ok := e.systemText(en.Cause); ok {
			return text
		}
	}
	return en.Err
}

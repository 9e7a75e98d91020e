package tui

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
func (w *words) fileProblemText(cause error) (string, bool) {
	var (
		fp  *audit.FileProblem
		de  *audit.DateError
		odd *safefile.Error
	)
	switch {
	case errors.As(cause, &fp):
		return w.filePartText(fp), true
	case errors.As(cause, &de):
		return w.t("file_bad_time", i18n.Args{"Field": de.Field, "Value": de.Value, "Line": de.Line, "Col": de.Col}), true
	case errors.As(cause, &odd):
		return w.oddFileText(odd), true
	}
	if _, ok := systemIDs[safefile.SystemProblemOf(cause)]; ok {
		return w.errorText(cause), true
	}
	return "", false
}

func (w *words) filePartText(p *audit.FileProblem) string {
	at := i18n.Args{"Line": p.Line, "Col": p.Col}
	switch p.Kind {
	case audit.FileMissing:
		return w.t("file_missing", nil)
	case audit.FileEmpty:
		return w.t("file_empty", nil)
	case audit.FileNotObject:
		return w.t("file_not_object", nil)
	case audit.FileSchemaBad:
		return w.t("file_schema_unknown", i18n.Args{"Schema": p.Schema})
	case audit.FileNoID:
		return w.t("file_no_id", nil)
	case audit.FileTruncated:
		return w.t("file_truncated", at)
	case audit.FileSyntax:
		return w.t("file_syntax", at)
	case audit.FileWrongType:
		field := p.Field
		if field == "" {
			field = w.t("file_top_level", nil)
		}
		return w.t("file_wrong_type", i18n.Args{"Field": field, "Found": w.word(valueKindIDs[p.Found]),
			"Want": w.word(valueKindIDs[p.Want]), "Line": p.Line, "Col": p.Col})
	case audit.FileIDMismatch:
		return w.t("file_id_mismatch", i18n.Args{"InFile": p.InFile, "Folder": p.Folder})
	case audit.FileHashMismatch:
		return w.t("file_hash_mismatch", i18n.Args{"Revision": p.Revision, "Recorded": p.Recorded, "Now": p.Now})
	case audit.FileOldFinding:
		return w.t("file_old_finding", i18n.Args{"ID": p.Field})
	case audit.FileOldVerdict:
		return w.t("file_old_verdict", i18n.Args{"ID": p.Field, "Verdict": strconv.Quote(p.Value)})
	}
	return p.Error()
}

// entryError words why a listed audit cannot be read: the file and the
// reason in the UI's language where the list gave it as a value, else as
// the list said it.
func (w *words) entryError(e audit.Entry) string {
	var ce *audit.CorruptError
	if errors.As(e.Cause, &ce) {
		if text, ok := w.fileProblemText(ce.Cause); ok {
			return w.t("unreadable_file", i18n.Args{"File": filepath.Base(ce.Path), "Reason": text})
		}
		return e.Err
	}
	if e.Cause != nil {
		if _, ok := systemIDs[safefile.SystemProblemOf(e.Cause)]; ok {
			return w.errorText(e.Cause)
		}
	}
	return e.Err
}

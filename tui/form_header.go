package tui

import (
	"github.com/assay-dev/assay/audit"
)

// The header form's fields are audit.HeaderFields: the table says each
// field's kind and reads and writes it; the form only edits the text.

// set writes the field's value into h, or returns the audit.FieldError
// that says why it does not parse.
func (f formField) set(h *audit.Header) error {
	v := f.value()
	switch f.kind {
	case kindAddRow:
		return nil
	case kindCell:
		if f.row >= len(h.Interviews) || f.col >= len(audit.InterviewColumns) {
			return nil
		}
		return audit.InterviewColumns[f.col].Set(&h.Interviews[f.row], v)
	}
	hf, ok := audit.HeaderFieldByKey(f.key)
	if !ok || hf.Set == nil {
		return nil // the new-audit form's catalog choice, not a header field
	}
	return hf.Set(h, v)
}

package tui

import (
	"strconv"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// The header form's fields are audit.HeaderFields: the table says each
// field's kind and reads and writes it; the form only edits the text.

// setValue writes v, the field's value (a date field's "today" already
// read as a date), into h, or returns the audit.FieldError that says why
// it does not parse.
func (f formField) setValue(h *audit.Header, v string) error {

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

// relang words the fields' placeholders in the UI's language; everything
// else is worded when drawn.
func (f *form) relang() {
	for i := range f.fields {
		fl := &f.fields[i]
		if fl.kind != kindText && fl.kind != kindCell {
			continue
		}
		switch hf, _ := audit.HeaderFieldByKey(fl.key); {
		case fl.key == "certification_year":
			fl.input.Placeholder = f.c.w.t("year_placeholder", nil)
		case hf.Kind == audit.CountField, fl.kind == kindCell && fl.col > 0:
			fl.input.Placeholder = f.c.w.t("count_placeholder", nil)
		}
	}
}

// choiceLabel is what a choice field's value looks like: a catalog's
// identity and source, or the value's words (an audit type).
func (f form) choiceLabel(fl formField) string {
	v := fl.choices[fl.choice]
	if fl.label != nil {
		return fl.label(v)
	}
	if fl.key != "catalog" {
		return f.c.w.choiceName(fl.key, v)
	}
	cats := f.c.deps.Catalogs.Current()
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i >= len(cats) {
		return v
	}
	cat := cats[i]
	return f.c.w.t("catalog_choice", i18n.Args{"ID": sanitizeLine(cat.ID), "Version": sanitizeLine(cat.Version),
		"Source": sanitizeLine(f.c.w.sourceName(cat.Source))})
}

package main

import (
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The CLI's words for the catalog problems the standards package reports as
// typed values. A problem's message is looked up by kind with a variant
// first ("kind/variant"), then by kind alone (see variant); every message
// of the table takes the same values, the problem's fields (see
// problemArgs), and is then placed in a layout with the file, line and
// requirement, the way compilers print errors so that editors can jump to
// it. Keys, values and TOML stay as written in the file: they are what the
// author must type.

// problemIDs are the messages of catalog problems, by kind[/variant].
var problemIDs = map[string]string{
	string(standards.KindOther):               "catalog_problem_other",
	string(standards.KindEmptyFile):           "catalog_problem_empty_file",
	string(standards.KindSyntax):              "catalog_problem_syntax",
	string(standards.KindCatalogKeyMissing):   "catalog_problem_catalog_key_missing",
	string(standards.KindNoRequirements):      "catalog_problem_no_requirements",
	string(standards.KindNotTables):           "catalog_problem_not_tables",
	string(standards.KindBadIdent):            "catalog_problem_bad_ident",
	string(standards.KindUnknownKey):          "catalog_problem_unknown_key",
	string(standards.KindWrongType):           "catalog_problem_wrong_type",
	string(standards.KindWrongItemType):       "catalog_problem_wrong_item_type",
	string(standards.KindControlChar):         "catalog_problem_control_char",
	"control-char/item":                       "catalog_problem_control_char_item",
	string(standards.KindFieldMissing):        "catalog_problem_field_missing",
	string(standards.KindFieldEmpty):          "catalog_problem_field_empty",
	string(standards.KindEmptyItem):           "catalog_problem_empty_item",
	string(standards.KindDuplicateID):         "catalog_problem_duplicate_id",
	"duplicate-id/noline":                     "catalog_problem_duplicate_id_noline",
	string(standards.KindUnknownValue):        "catalog_problem_unknown_value",
	string(standards.KindAreaNotListed):       "catalog_problem_area_not_listed",
	"listed-twice/areas":                      "catalog_problem_listed_twice_areas",
	"listed-twice/evidence":                   "catalog_problem_listed_twice_evidence",
	"listed-twice/language":                   "catalog_problem_listed_twice_language",
	string(standards.KindListedTwice):         "catalog_problem_listed_twice",
	string(standards.KindProgressNoYear):      "catalog_problem_progress_no_year",
	string(standards.KindDueYearRange):        "catalog_problem_due_year_range",
	string(standards.KindEntryWithYear):       "catalog_problem_entry_with_year",
	string(standards.KindReconstructedNoNote): "catalog_problem_reconstructed_no_note",
	string(standards.KindNoteWithoutBasis):    "catalog_problem_note_without_basis",
	string(standards.KindBadLanguage):         "catalog_problem_bad_language",
	"bad-language/catalog":                    "catalog_problem_bad_language_catalog",
	string(standards.KindOwnLanguage):         "catalog_problem_own_language",
	"own-language/catalog":                    "catalog_problem_own_language_catalog",
	string(standards.KindMissingTranslation):  "catalog_problem_missing_translation",
	"missing-translation/catalog":             "catalog_problem_missing_translation_catalog",
	"missing-translation/chapter":             "catalog_problem_missing_translation_chapter",
	string(standards.KindNothingToTranslate):  "catalog_problem_nothing_to_translate",
	"nothing-to-translate/chapter":            "catalog_problem_nothing_to_translate_chapter",
	string(standards.KindDuplicateCatalog):    "catalog_problem_duplicate_catalog",
	string(standards.KindSkipped):             "catalog_problem_skipped",
	string(standards.KindCannotReadDir):       "catalog_problem_cannot_read_dir",
	string(standards.KindNotRegular):          "catalog_problem_not_regular",
	string(standards.KindTooBig):              "catalog_problem_too_big",
	string(standards.KindCannotRead):          "catalog_problem_cannot_read",
}

// Words inside catalog problems: what an unknown value was meant to be (by
// key), the TOML type a key needs and the one the file has.
var (
	nounIDs = map[string]string{
		"area": "noun_area", "areas": "noun_area", "level": "noun_level", "evidence": "noun_evidence",
		"applies_to": "noun_applies_to", "responsible": "noun_responsible", "basis": "noun_basis",
	}
	wantIDs = map[standards.ValueType]string{
		standards.TypeString: "want_string", standards.TypeStrings: "want_strings", standards.TypeInt: "want_int",
		standards.TypeBool: "want_bool", standards.TypeTables: "want_tables", standards.TypeTable: "want_table",
	}
	foundIDs = map[standards.ValueType]string{
		standards.TypeString: "found_string", standards.TypeInt: "found_int", standards.TypeFloat: "found_float",
		standards.TypeBool: "found_bool", standards.TypeDate: "found_date", standards.TypeArray: "found_array",
		standards.TypeTable: "found_table", standards.TypeOther: "found_other",
	}
)

// variant picks the message variant a problem needs, "" for none.
func variant(p standards.Problem) string {
	switch p.Kind {
	case standards.KindControlChar:
		if p.Item > 0 {
			return "item"
		}
	case standards.KindDuplicateID:
		if p.Number == 0 {
			return "noline"
		}
	case standards.KindListedTwice:
		return p.Key
	case standards.KindNothingToTranslate:
		if p.Value != "" {
			return "chapter"
		}
	case standards.KindMissingTranslation:
		if p.Value != "" {
			return "chapter"
		}
		if p.Requirement == "" {
			return "catalog"
		}
	case standards.KindBadLanguage, standards.KindOwnLanguage:
		if p.Requirement == "" {
			return "catalog"
		}
	}
	return ""
}

// problemID returns the message of p's kind, "" when the table lacks it.
func problemID(p standards.Problem) string {
	if v := variant(p); v != "" {
		if id, ok := problemIDs[string(p.Kind)+"/"+v]; ok {
			return id
		}
	}
	return problemIDs[string(p.Kind)]
}

// problemArgs are the values every catalog problem's message may use.
func (e *env) problemArgs(p standards.Problem) i18n.Args {
	noun := e.word(nounIDs[p.Key], p.Key)
	return i18n.Args{
		"Key": p.Key, "QKey": strconv.Quote(p.Key), "Value": strconv.Quote(p.Value), "Raw": p.Value,
		"Allowed": e.list(p.Allowed), "Fields": e.list(p.Fields), "Item": p.Item, "Number": p.Number,
		"Want": e.word(wantIDs[p.Want], string(p.Want)), "Found": e.word(foundIDs[p.Found], string(p.Found)),
		"Rune": fmt.Sprintf("%U", p.Rune), "Noun": noun, "Lang": p.Lang, "Catalog": p.Catalog,
		"Version": p.Version, "Path": p.Path, "File": p.File, "Message": e.problemMessage(p),
	}
}

// describe words a problem the way compilers print errors, so editors can
// jump to it: "FILE:LINE: requirement ID: what is wrong".
func (e *env) describe(p standards.Problem) string {
	id := problemID(p)
	if id == "" {
		return p.Error() // a kind newer than this table: still located
	}
	text := e.sayTable(id, e.problemArgs(p))
	switch {
	case p.Line > 0 && p.Requirement != "":
		return e.t("at_line_requirement", i18n.Args{"File": p.File, "Line": p.Line, "Requirement": p.Requirement, "Text": text})
	case p.Line > 0:
		return e.t("at_line", i18n.Args{"File": p.File, "Line": p.Line, "Text": text})
	case p.Requirement != "":
		return e.t("at_requirement", i18n.Args{"File": p.File, "Requirement": p.Requirement, "Text": text})
	}
	return e.t("at_file", i18n.Args{"File": p.File, "Text": text})
}

// problemMessage is a problem's outside text: the system's reason in the
// UI's words where assay has them, else as the system or parser gave it.
func (e *env) problemMessage(p standards.Problem) string {
	if id, ok := systemIDs[p.System]; ok {
		return e.word(id, p.Message)
	}
	return p.Message
}

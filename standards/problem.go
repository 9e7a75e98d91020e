package standards

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/standards/safefile"
)

// ProblemKind says what is wrong with a catalog file. Each surface words a
// kind in its reader's language from the Problem's fields; this package
// returns no sentences.
type ProblemKind string

// What can be wrong with a catalog file. The fields of Problem each kind
// fills are listed after it.
const (
	// KindOther is a problem described by Message alone: text from outside
	// the catalog check (the operating system, a file check).
	KindOther ProblemKind = ""
	// KindEmptyFile: the file holds nothing but blanks or comments.
	KindEmptyFile ProblemKind = "empty-file"
	// KindSyntax: the file is not valid TOML. Message is the TOML parser's.
	KindSyntax ProblemKind = "syntax"
	// KindCatalogKeyMissing: a required top-level key is absent. Key.
	KindCatalogKeyMissing ProblemKind = "catalog-key-missing"
	// KindNoRequirements: there is no requirement table.
	KindNoRequirements ProblemKind = "no-requirements"
	// KindNotTables: requirement is not a list of tables. Found.
	KindNotTables ProblemKind = "not-tables"
	// KindBadIdent: an id or version with spaces or control characters. Key, Value.
	KindBadIdent ProblemKind = "bad-ident"
	// KindUnknownKey: a key the format does not have. Key, Allowed.
	KindUnknownKey ProblemKind = "unknown-key"
	// KindWrongType: a value of the wrong TOML type. Key, Want, Found.
	KindWrongType ProblemKind = "wrong-type"
	// KindWrongItemType: an array item that is not a string. Key, Item, Found.
	KindWrongItemType ProblemKind = "wrong-item-type"
	// KindControlChar: text holding an escape or invisible control
	// character. Key, Item (0 when the key is not an array), Rune.
	KindControlChar ProblemKind = "control-char"
	// KindFieldMissing: a requirement lacks a required key. Key.
	KindFieldMissing ProblemKind = "field-missing"
	// KindFieldEmpty: a text key is blank. Key.
	KindFieldEmpty ProblemKind = "field-empty"
	// KindEmptyItem: a blank item in a list of texts. Key, Item.
	KindEmptyItem ProblemKind = "empty-item"
	// KindDuplicateID: a requirement id used twice. Value, Number (the line
	// of its first use, 0 when unknown).
	KindDuplicateID ProblemKind = "duplicate-id"
	// KindUnknownValue: a value a key does not take (an area, level,
	// evidence kind, applies_to, responsible, basis). Key, Value, Allowed.
	KindUnknownValue ProblemKind = "unknown-value"
	// KindAreaNotListed: a requirement's area is not in the catalog's areas.
	// Value, Allowed.
	KindAreaNotListed ProblemKind = "area-not-listed"
	// KindListedTwice: a value given twice in a list (areas, evidence) or a
	// translation given twice. Key, Value.
	KindListedTwice ProblemKind = "listed-twice"
	// KindProgressNoYear: a progress requirement without due_year.
	KindProgressNoYear ProblemKind = "progress-no-year"
	// KindDueYearRange: due_year out of range. Value, Number (the maximum).
	KindDueYearRange ProblemKind = "due-year-range"
	// KindEntryWithYear: due_year on an entry requirement.
	KindEntryWithYear ProblemKind = "entry-with-year"
	// KindReconstructedNoNote: basis "reconstructed" without a basis_note.
	KindReconstructedNoNote ProblemKind = "reconstructed-no-note"
	// KindNoteWithoutBasis: a basis_note without a basis.
	KindNoteWithoutBasis ProblemKind = "note-without-basis"
	// KindBadLanguage: a sub-table that is not named by a language tag
	// (translations are, e.g. [requirement.es]). Key (the table's name).
	KindBadLanguage ProblemKind = "bad-language"
	// KindOwnLanguage: a translation into the catalog's own language. Lang.
	KindOwnLanguage ProblemKind = "own-language"
	// KindMissingTranslation: a translation lacks fields the catalog's own
	// language has (only from MissingTranslations). Lang, Fields; for a
	// chapter heading, Fields is [chapters] and Value the heading.
	KindMissingTranslation ProblemKind = "missing-translation"
	// KindNothingToTranslate: a translation of something the catalog does
	// not have: a [requirement.LANG] basis_note on a requirement without
	// one (Key), or a heading in [translation.LANG.chapters] that is no
	// requirement's chapter (Key, Value: the heading).
	KindNothingToTranslate ProblemKind = "nothing-to-translate"
	// KindDuplicateCatalog: a second file with an id and version already
	// loaded. Catalog, Version, Path (the first file).
	KindDuplicateCatalog ProblemKind = "duplicate-catalog"
	// KindSkipped: a broken file in the home was left out. File.
	KindSkipped ProblemKind = "skipped"
	// KindCannotReadDir: the home's standards folder cannot be listed.
	// File (the folder), Message (the system's error).
	KindCannotReadDir ProblemKind = "cannot-read-dir"
	// KindNotRegular: the file is a device, pipe, socket or folder, which
	// is never read (it could block or never end). File.
	KindNotRegular ProblemKind = "not-regular"
	// KindTooBig: the file is larger than any catalog. File, Number (the
	// limit in MB).
	KindTooBig ProblemKind = "too-big"
	// KindCannotRead: the file cannot be read. File, Message (the system's
	// error).
	KindCannotRead ProblemKind = "cannot-read"
)

// ProblemKinds lists every kind, so a surface can check it words them all.
var ProblemKinds = []ProblemKind{
	KindOther, KindEmptyFile, KindSyntax, KindCatalogKeyMissing, KindNoRequirements, KindNotTables,
	KindBadIdent, KindUnknownKey, KindWrongType, KindWrongItemType, KindControlChar, KindFieldMissing,
	KindFieldEmpty, KindEmptyItem, KindDuplicateID, KindUnknownValue, KindAreaNotListed, KindListedTwice,
	KindProgressNoYear, KindDueYearRange, KindEntryWithYear, KindReconstructedNoNote, KindNoteWithoutBasis,
	KindBadLanguage, KindOwnLanguage, KindMissingTranslation, KindNothingToTranslate, KindDuplicateCatalog, KindSkipped,
	KindCannotReadDir, KindNotRegular, KindTooBig, KindCannotRead,
}

// ValueType is a TOML value type, as the format expects it or as a file
// has it.
type ValueType string

// TOML value types.
const (
	TypeString  ValueType = "string"
	TypeStrings ValueType = "strings" // an array of strings
	TypeInt     ValueType = "integer"
	TypeFloat   ValueType = "float"
	TypeBool    ValueType = "boolean"
	TypeDate    ValueType = "datetime"
	TypeArray   ValueType = "array"
	TypeTable   ValueType = "table"
	TypeTables  ValueType = "tables" // [[requirement]] tables
	TypeOther   ValueType = "other"
)

// Problem is one thing wrong with a catalog file, located as precisely as
// the file allows so its author can go straight to it. Kind says what is
// wrong; the other fields are the facts a surface needs to say it.
type Problem struct {
	Kind        ProblemKind
	File        string // path of the file, or the built-in file's name
	Line        int    // 1-based line, 0 when unknown
	Requirement string // requirement id (or "#N" when it has none), "" for the whole file

	Key     string    // the key concerned; "es.title" inside a translation
	Item    int       // 1-based item of an array, 0 when not about an item
	Value   string    // the value found, as written
	Allowed []string  // the values or keys allowed
	Want    ValueType // the type the key needs
	Found   ValueType // the type the file has
	Number  int       // a limit or a line, as the kind says
	Rune    rune      // the control character found
	Lang    string    // a translation's language tag
	Fields  []string  // the fields a translation lacks: title, text, guidance, name, ...

	Catalog, Version string // a duplicate catalog's identity
	Path             string // the file a duplicate catalog was first loaded from

	// Message is text from outside the catalog check (the TOML parser, the
	// operating system), shown as is; for KindOther, the whole description.
	Message string
	// System is what the operating system's Message says, as a value a
	// surface words in the inspector's language (KindCannotRead,
	// KindCannotReadDir); SystemOther leaves Message as it is.
	System safefile.SystemProblem
}

// Error gives the problem for programmers and logs, compiler style so
// editors can jump to it: "FILE:LINE: requirement ID: kind key=... value=...".
// People read problems worded by a surface instead.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":" + strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	if p.Requirement != "" {
		b.WriteString("requirement " + p.Requirement + ": ")
	}
	if p.Kind == KindOther {
		b.WriteString(p.Message)
		return b.String()
	}
	b.WriteString(string(p.Kind))
	field := func(name string, v any) { fmt.Fprintf(&b, " %s=%v", name, v) }
	if p.Key != "" {
		field("key", p.Key)
	}
	if p.Item > 0 {
		field("item", p.Item)
	}
	if p.Value != "" {
		field("value", strconv.Quote(p.Value))
	}
	if p.Found != "" {
		field("want", p.Want)
		field("found", p.Found)
	}
	if p.Rune != 0 {
		field("char", fmt.Sprintf("%U", p.Rune))
	}
	if p.Number != 0 {
		field("n", p.Number)
	}
	if p.Lang != "" {
		field("lang", p.Lang)
	}
	if len(p.Fields) > 0 {
		field("fields", strings.Join(p.Fields, ","))
	}
	if p.Catalog != "" {
		field("catalog", p.Catalog+" "+p.Version)
	}
	if p.Path != "" {
		field("first", p.Path)
	}
	if len(p.Allowed) > 0 {
		field("allowed", strings.Join(p.Allowed, ","))
	}
	if p.Message != "" {
		b.WriteString(": " + p.Message)
	}
	return b.String()
}

// Problems is every problem found in one catalog file, in line order.
// Parse returns it as its error.
type Problems []Problem

// Error joins the problems, one per line.
func (ps *Problems) Error() string {
	lines := make([]string, len(*ps))
	for i, p := range *ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

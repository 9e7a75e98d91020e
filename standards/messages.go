package standards

// Words people read, kept together so that a Spanish edition is a
// translation of this file and nothing else. Every format string is used
// with fmt; the arguments are noted where they are not obvious.
const (
	// Whole-file problems.
	msgEmptyFile      = "the file is empty: a catalog needs id, version and [[requirement]] tables"
	msgSyntax         = "TOML syntax error: %s"
	msgCannotRead     = "cannot read the file: %v"
	msgNotRegular     = "not a regular file (a device, pipe or folder): skipped"
	msgTooBig         = "the file is over %d MB: not a catalog"
	msgCatalogMissing = "catalog %s is missing: add %s = \"...\" at the top of the file"
	msgNoRequirements = "the catalog has no requirements: add [[requirement]] tables"
	msgNotTables      = "requirement must be written as [[requirement]] tables, not %s"
	msgBadIdent       = "%s %q must not contain spaces or control characters"

	// Keys and types: key name, expected type, found type.
	msgUnknownKey    = "unknown key %q (known keys: %s)"
	msgWrongType     = "%s must be %s, not %s"
	msgWrongItemType = "%s item %d must be a string, not %s"
	// key (and item number), the character
	msgControlChar = "%s contains the control character %U (an escape sequence or invisible byte): remove it"
	msgControlItem = "%s item %d contains the control character %U (an escape sequence or invisible byte): remove it"

	// Requirement fields.
	msgFieldMissing     = "requirement has no %s"
	msgFieldEmpty       = "%s is empty"
	msgDuplicateID      = "duplicate requirement id %q (first used at line %d)"
	msgDuplicateIDNoPos = "duplicate requirement id %q"
	msgUnknownArea      = "unknown area %q (known: %s)"
	msgAreaNotListed    = "area %q is not in the catalog's areas list (%s)"
	msgAreaTwice        = "area %q is listed twice in areas"
	msgUnknownLevel     = "unknown level %q (known: %s)"
	msgUnknownEvidence  = "unknown evidence kind %q (known: %s)"
	msgEvidenceTwice    = "evidence kind %q is listed twice"
	msgUnknownApplies   = "unknown applies_to %q (known: %s)"
	msgProgressNoYear   = "progress requirement needs due_year: the number of years after certification (at least 1)"
	msgDueYearRange     = "due_year must be between 1 and %d, not %d"
	msgEntryWithYear    = "due_year is only for progress requirements; this one is entry"
	msgEmptyGuidance    = "guidance item %d is empty"

	// Provenance of a requirement: value, allowed values.
	msgEmptyReference      = "references item %d is empty"
	msgUnknownResponsible  = "unknown responsible %q (known: %s)"
	msgUnknownBasis        = "unknown basis %q (known: %s)"
	msgReconstructedNoNote = "basis \"reconstructed\" needs a basis_note saying what is reconstructed and why"
	msgNoteWithoutBasis    = "basis_note explains a basis: add basis = \"confirmed\" or \"reconstructed\""

	// Sets of catalogs: id, version, path.
	msgDuplicateCatalog = "duplicate catalog %s version %s: already loaded from %s"
	msgSkipped          = "catalog not loaded; check it with: assay standards validate %s"
	msgCannotReadDir    = "%s: cannot list catalog files: %v"
	msgNotFound         = "catalog %s version %s is not available (available: %s)"
	msgNotFoundAny      = "catalog %s is not available (available: %s)"
	msgChanged          = "catalog %s version %s changed since the audit was made: the audit recorded sha256 %s, the catalog now in use (%s) has %s"
	msgNone             = "none"
	msgErrNotFound      = "catalog not found"

	// Problem.String layouts: file, line or requirement, message.
	fmtProblemLine = "%s:%d: %s"
	// fmtProblemLineReq keeps the FILE:LINE: prefix editors jump to, and
	// still names the requirement.
	fmtProblemLineReq = "%s:%d: requirement %s: %s"
	fmtProblemReq     = "%s: requirement %s: %s"
	fmtProblem        = "%s: %s"
)

// Names of TOML value types, as a catalog author sees them.
var typeNames = map[valueKind]string{
	kindString:  "a string (in quotes)",
	kindStrings: "an array of strings",
	kindInt:     "a whole number",
	kindBool:    "true or false",
	kindTables:  "[[requirement]] tables",
}

// Names of the TOML types found in a file, for "..., not X".
const (
	foundString  = "a string"
	foundInt     = "a whole number"
	foundFloat   = "a decimal number"
	foundBool    = "true/false"
	foundDate    = "a date/time"
	foundArray   = "an array"
	foundTable   = "a table"
	foundUnknown = "another type"
)

package audit

import "fmt"

// FileProblemKind says why an audit file cannot be read. The values are
// stable; each surface words them from its own messages.
type FileProblemKind string

// The kinds of unreadable audit file. The comment names the FileProblem
// fields each sets.
const (
	FileMissing      FileProblemKind = "missing"        // audit.json is gone
	FileEmpty        FileProblemKind = "empty"          // nothing in it
	FileNotObject    FileProblemKind = "not-object"     // JSON, but not an object
	FileSchemaBad    FileProblemKind = "schema-unknown" // Schema
	FileNoID         FileProblemKind = "no-id"          // no audit id
	FileTruncated    FileProblemKind = "truncated"      // Line, Col: ends early
	FileSyntax       FileProblemKind = "syntax"         // Line, Col; Err: the parser's
	FileWrongType    FileProblemKind = "wrong-type"     // Field, Found, Want, Line, Col
	FileIDMismatch   FileProblemKind = "id-mismatch"    // InFile, Folder
	FileHashMismatch FileProblemKind = "hash-mismatch"  // Revision, Recorded, Now
	FileOldFinding   FileProblemKind = "old-finding"    // Field: a schema 0 finding neither verdict nor object
	FileOldVerdict   FileProblemKind = "old-verdict"    // Field, Value: a schema 0 verdict spelling unknown
)

// ValueKind names a kind of JSON value, for FileWrongType; stable codes.
type ValueKind string

// The kinds of JSON value.
const (
	ValueText   ValueKind = "text"
	ValueNumber ValueKind = "number"
	ValueBool   ValueKind = "bool"
	ValueList   ValueKind = "list"
	ValueObject ValueKind = "object"
	ValueNull   ValueKind = "null"
	ValueOther  ValueKind = "other"
)

// FileProblem is why an audit file cannot be read, as values for the
// surfaces to word; Error is English for programmers and logs.
type FileProblem struct {
	Kind        FileProblemKind
	Line, Col   int
	Field       string // the JSON field ("" for the top level)
	Found, Want ValueKind
	Schema      int
	InFile      string // the audit id the file holds
	Folder      string // the folder it sits in
	Revision    int
	Recorded    string // short content hashes
	Now         string
	Value       string // FileOldVerdict: the verdict as written
	Err         error  // FileSyntax: the JSON parser's own error
}

var valueKindWords = map[ValueKind]string{
	ValueText: kindText, ValueNumber: kindNumber, ValueBool: kindBool, ValueList: kindList,
	ValueObject: kindObject, ValueNull: kindNull, ValueOther: kindOther,
}

// Error words the problem in English.
func (p *FileProblem) Error() string {
	switch p.Kind {
	case FileMissing:
		return msgFileMissing
	case FileEmpty:
		return msgEmpty
	case FileNotObject:
		return msgNotObject
	case FileSchemaBad:
		return fmt.Sprintf(msgSchemaUnknown, p.Schema)
	case FileNoID:
		return msgNoID
	case FileTruncated:
		return fmt.Sprintf(msgTruncated, p.Line, p.Col)
	case FileSyntax:
		return fmt.Sprintf(msgSyntax, p.Line, p.Col, p.Err)
	case FileWrongType:
		field := p.Field
		if field == "" {
			field = "(top level)"
		}
		return fmt.Sprintf(msgWrongType, field, valueKindWords[p.Found], valueKindWords[p.Want], p.Line, p.Col)
	case FileIDMismatch:
		return fmt.Sprintf(msgIDMismatch, p.InFile, p.Folder)
	case FileHashMismatch:
		return fmt.Sprintf(msgHashMismatch, p.Revision, p.Recorded, p.Now)
	case FileOldFinding:
		return fmt.Sprintf(msgOldFinding, p.Field)
	case FileOldVerdict:
		return fmt.Sprintf(msgOldVerdict, p.Field, p.Value)
	}
	return string(p.Kind)
}

// Unwrap gives the parser's error of a FileSyntax problem.
func (p *FileProblem) Unwrap() error { return p.Err }

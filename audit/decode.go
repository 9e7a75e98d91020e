package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Decoding audit.json: its schema, errors worded with line and column, and
// the migration of files written by older versions.

// SchemaError refuses an audit file written by a newer assay: opening it
// here could silently drop what the newer version recorded.
type SchemaError struct {
	Schema int
}

// Error says what to do about it.
func (e *SchemaError) Error() string {
	return fmt.Sprintf(msgSchemaTooNew, e.Schema, SchemaVersion)
}

// DecodeAudit turns audit.json bytes into an Audit, migrating files written
// by older versions. Errors carry the line and column of the problem.
func DecodeAudit(data []byte) (*Audit, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &FileProblem{Kind: FileEmpty}
	}
	if trimmed[0] != '{' {
		if !json.Valid(trimmed) {
			return nil, jsonProblem(data, json.Unmarshal(data, new(any)))
		}
		return nil, &FileProblem{Kind: FileNotObject}
	}
	var a Audit
	err := json.Unmarshal(data, &a)
	if err != nil {
		// A type error may come from a newer schema: say that instead.
		var probe struct {
			Schema *int `json:"schema"`
		}
		if json.Unmarshal(data, &probe) != nil {
			return nil, jsonProblem(data, err)
		}
		switch {
		case probe.Schema != nil && *probe.Schema > SchemaVersion:
			return nil, &SchemaError{Schema: *probe.Schema}
		case probe.Schema == nil || *probe.Schema < SchemaVersion:
			// Older files may hold shapes today's types reject.
			m, merr := migrate(data)
			if merr != nil {
				return nil, merr
			}
			if probe.Schema != nil {
				keepSchema(m, *probe.Schema)
			}
			return checkDecoded(m)
		}
		return nil, jsonProblem(data, err)
	}
	switch {
	case a.Schema > SchemaVersion:
		return nil, &SchemaError{Schema: a.Schema}
	case a.Schema < 0:
		return nil, &FileProblem{Kind: FileSchemaBad, Schema: a.Schema}
	case a.Schema < SchemaVersion:
		written := a.Schema
		m, err := migrate(data)
		if err != nil {
			return nil, err
		}
		a = *m
		keepSchema(&a, written)
	}
	return checkDecoded(&a)
}

// checkDecoded applies the checks every decoded audit must pass and fills
// what a reader may rely on being non-nil.
func checkDecoded(a *Audit) (*Audit, error) {
	if a.ID == "" {
		return nil, &FileProblem{Kind: FileNoID}
	}
	if a.Findings == nil {
		a.Findings = map[string]*Finding{}
	}
	for id, f := range a.Findings {
		if f == nil {
			delete(a.Findings, id)
		}
	}
	return a, nil
}

// jsonProblem words a JSON decoding error with the line and column where
// it happened.
func jsonProblem(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset)
		if syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return &FileProblem{Kind: FileTruncated, Line: line, Col: col}
		}
		return &FileProblem{Kind: FileSyntax, Line: line, Col: col, Err: err}
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		return &FileProblem{Kind: FileWrongType, Field: typ.Field, Found: jsonKindWord(typ.Value), Want: goKindWord(typ.Type), Line: line, Col: col}
	case err != nil && strings.Contains(err.Error(), "unexpected end of JSON input"):
		line, col := lineCol(data, int64(len(data)))
		return &FileProblem{Kind: FileTruncated, Line: line, Col: col}
	}
	// A date and time that does not parse comes back from time.Time as
	// Go's layout string, without the field: find it.
	if de := findBadTime(data); de != nil {
		return de
	}
	return err
}

// DateError is a date and time in audit.json that is not one: which field,
// what it holds, and where. (Dates typed by the inspector, like the audit's
// start date, are checked by ValidateHeader instead.)
type DateError struct {
	Field     string // e.g. "updated", `findings["1.1.1"].updated`
	Value     string // as written in the file, JSON quotes included
	Line, Col int
}

// Error names the field and the expected form.
func (e *DateError) Error() string {
	return fmt.Sprintf(msgBadTime, e.Field, e.Value, timeExample, e.Line, e.Col)
}

// timeKeys are the JSON names of the audit's time.Time fields.
var timeKeys = map[string]bool{"created": true, "updated": true, "imported": true, "captured": true, "finalized": true}

// timeExample shows the expected form of a date and time in audit.json.
const timeExample = "2026-11-23T10:22:01Z"

// findBadTime walks the JSON of an audit and returns the first time field
// whose value is not an RFC 3339 date and time (or null), or nil.
func findBadTime(data []byte) *DateError {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		path   string
		object bool
		key    string // object: the key whose value comes next
		want   bool   // object: the next token is a key
		index  int    // array: the next element's index
	}
	var stack []frame
	// child is the path of the value about to be read, and its key.
	child := func() (string, string) {
		if len(stack) == 0 {
			return "", ""
		}
		f := &stack[len(stack)-1]
		if f.object {
			switch {
			case f.path == "":
				return f.key, f.key
			case strings.HasSuffix(f.path, "findings"):
				return fmt.Sprintf("%s[%q]", f.path, f.key), f.key
			}
			return f.path + "." + f.key, f.key
		}
		return fmt.Sprintf("%s[%d]", f.path, f.index), ""
	}
	// done marks the value just read as finished in its container.
	done := func() {
		if len(stack) == 0 {
			return
		}
		f := &stack[len(stack)-1]
		if f.object {
			f.want = true
		} else {
			f.index++
		}
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p, _ := child()
				stack = append(stack, frame{path: p, object: d == '{', want: true})
			case '}', ']':
				stack = stack[:len(stack)-1]
				done()
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].want {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].want = false
			continue
		}
		path, key := child()
		if timeKeys[key] && len(stack) > 0 && stack[len(stack)-1].object && tok != nil {
			str, isStr := tok.(string)
			if _, perr := time.Parse(time.RFC3339Nano, str); !isStr || perr != nil {
				start := valueStart(data, before)
				line, col := lineCol(data, start)
				raw := string(data[start:dec.InputOffset()])
				if len(raw) > 80 {
					raw = strings.ToValidUTF8(raw[:80], "") + "…"
				}
				return &DateError{Field: path, Value: raw, Line: line, Col: col}
			}
		}
		done()
	}
}

// valueStart skips the separators and blanks between the end of the
// previous JSON token, at off, and the next value.
func valueStart(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off
}

// jsonKindWord names the kind of a JSON value as json.UnmarshalTypeError
// reports it ("string", "number", ...), in the words a reader expects.
func jsonKindWord(v string) ValueKind {
	switch {
	case v == "string":
		return ValueText
	case v == "bool":
		return ValueBool
	case v == "array":
		return ValueList
	case v == "object":
		return ValueObject
	case v == "null":
		return ValueNull
	case v == "number" || strings.HasPrefix(v, "number "):
		return ValueNumber
	}
	return ValueOther
}

// goKindWord names what a Go type expects, in the same words.
func goKindWord(t reflect.Type) ValueKind {
	if t == nil {
		return ValueOther
	}
	switch t.Kind() {
	case reflect.String:
		return ValueText
	case reflect.Bool:
		return ValueBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return ValueNumber
	case reflect.Slice, reflect.Array:
		return ValueList
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return ValueObject
	}
	return ValueOther
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// migrations[v] upgrades a generic JSON object from schema v to v+1.
var migrations = map[int]func(map[string]any) error{
	0: migrateV0,
}

// migrate upgrades an older audit file step by step to SchemaVersion.
func migrate(data []byte) (*Audit, error) {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonProblem(data, err)
	}
	v := 0
	if s, ok := doc["schema"].(float64); ok {
		v = int(s)
	}
	for ; v < SchemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return nil, &FileProblem{Kind: FileSchemaBad, Schema: v}
		}
		if err := step(doc); err != nil {
			return nil, err // a *FileProblem the surfaces word
		}
		doc["schema"] = v + 1
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var a Audit
	if err := json.Unmarshal(out, &a); err != nil {
		return nil, fmt.Errorf("migrating from an older schema: %w", jsonProblem(out, err))
	}
	return &a, nil
}

// v0VerdictNames maps the verdict spellings of schema 0 (the prototype's
// files, which had no "schema" key) to today's.
var v0VerdictNames = map[string]Verdict{
	"":               Open,
	"open":           Open,
	"ok":             Conforms,
	"conforms":       Conforms,
	"nc-minor":       Minor,
	"minor":          Minor,
	"nc-major":       Major,
	"major":          Major,
	"n/a":            NA,
	"na":             NA,
	"not-applicable": NA,
}

// migrateV0 upgrades a prototype file: one "inspector" instead of
// lead_inspector and co_inspectors, verdicts spelled "ok"/"nc-minor"/
// "nc-major"/"n/a", findings that were a bare verdict string, no status,
// revision or due-date policy.
func migrateV0(doc map[string]any) error {
	if h, ok := doc["header"].(map[string]any); ok {
		if insp, ok := h["inspector"].(string); ok {
			if _, has := h["lead_inspector"]; !has {
				h["lead_inspector"] = insp
			}
			delete(h, "inspector")
		}
		if co, ok := h["co_inspector"].(string); ok {
			if _, has := h["co_inspectors"]; !has && co != "" {
				h["co_inspectors"] = []any{co}
			}
			delete(h, "co_inspector")
		}
	}
	if fs, ok := doc["findings"].(map[string]any); ok {
		for id, raw := range fs {
			var f map[string]any
			switch v := raw.(type) {
			case string:
				f = map[string]any{"verdict": v}
			case map[string]any:
				f = v
			case nil:
				delete(fs, id)
				continue
			default:
				return &FileProblem{Kind: FileOldFinding, Field: id}
			}
			name, _ := f["verdict"].(string)
			verdict, ok := v0VerdictNames[strings.ToLower(strings.TrimSpace(name))]
			if !ok {
				return &FileProblem{Kind: FileOldVerdict, Field: id, Value: name}
			}
			f["verdict"] = string(verdict)
			fs[id] = f
		}
	}
	if _, ok := doc["status"]; !ok {
		doc["status"] = string(Draft)
	}
	if r, ok := doc["revision"].(float64); !ok || r < 1 {
		doc["revision"] = 1
	}
	if _, ok := doc["due_date_policy"]; !ok {
		doc["due_date_policy"] = map[string]any{
			"minor_days": DefaultDatePolicy.MinorDays,
			"major_days": DefaultDatePolicy.MajorDays,
		}
	}
	return nil
}

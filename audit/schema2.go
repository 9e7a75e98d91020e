package audit

// Schema 2 only adds fields, each left out of audit.json while empty (see
// SchemaVersion): a schema 1 file needs nothing changed to read as one.
func init() { migrations[1] = func(map[string]any) error { return nil } }

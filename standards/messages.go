package standards

// Text this package still puts into Go errors, for programmers and logs.
// Catalog problems, the file checks before parsing included, are typed
// values (Problem, by ProblemKind) that each surface words itself; so are
// NotFoundError and ChangedError, whose fields a surface words.
const (
	// Sets of catalogs: id, version, path.
	msgNotFound    = "catalog %s version %s is not available (available: %s)"
	msgNotFoundAny = "catalog %s is not available (available: %s)"
	msgChanged     = "catalog %s version %s changed since the audit was made: the audit recorded sha256 %s, the catalog now in use (%s) has %s"
	msgNone        = "none"
	msgErrNotFound = "catalog not found"
)

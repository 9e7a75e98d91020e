package standards

// Text this package still puts into Go errors. Catalog problems are typed
// values (Problem, by ProblemKind) that each surface words itself; what
// remains here is error text for programmers and for the file checks that
// set.go's loader runs before parsing.
const (
	// File checks before parsing.
	msgCannotRead = "cannot read the file: %v"
	msgNotRegular = "not a regular file (a device, pipe or folder): skipped"
	msgTooBig     = "the file is over %d MB: not a catalog"

	// Sets of catalogs: id, version, path.
	msgNotFound    = "catalog %s version %s is not available (available: %s)"
	msgNotFoundAny = "catalog %s is not available (available: %s)"
	msgChanged     = "catalog %s version %s changed since the audit was made: the audit recorded sha256 %s, the catalog now in use (%s) has %s"
	msgNone        = "none"
	msgErrNotFound = "catalog not found"
)

package standards

// Exact returns the catalog with exactly id's id, version and SHA-256: the
// very file an audit was made against, for comparing it with another. It
// looks in the set (the home's files and the built-ins it holds), then in
// every built-in edition, since a home file with the same id and version
// replaces a built-in in the set but not in the binary. Nil when no
// catalog matches, or id has no digest to match.
func (s *Set) Exact(id Identity) *Catalog {
	if id.SHA256 == "" {
		return nil
	}
	match := func(c *Catalog) bool { return c.ID == id.ID && c.Version == id.Version && c.SHA256 == id.SHA256 }
	for _, c := range s.All() {
		if match(c) {
			return c
		}
	}
	for _, c := range append(Builtin(), SupersededBuiltin()...) {
		if match(c) {
			return c
		}
	}
	return nil
}

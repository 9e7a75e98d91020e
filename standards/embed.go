package standards

import (
	"embed"
	"io/fs"
	"path"
	"sync"
)

// builtinFiles are the catalogs shipped inside the binary, so an inspector
// on a site without network has the Standard from the first run.
//
//go:embed *.toml
var builtinFiles embed.FS

var (
	builtinOnce     sync.Once
	builtinCatalogs []*Catalog
	builtinErrors   []error
)

// Builtin returns the embedded catalogs, parsed once, in file-name order.
// The catalogs are shared: callers must treat them as read-only. A broken
// built-in file is a programming error that the package tests catch; at run
// time it is left out rather than stopping the program.
func Builtin() []*Catalog {
	builtinOnce.Do(loadBuiltin)
	return append([]*Catalog(nil), builtinCatalogs...)
}

func loadBuiltin() {
	names, err := fs.Glob(builtinFiles, "*.toml")
	if err != nil {
		builtinErrors = append(builtinErrors, err)
		return
	}
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			builtinErrors = append(builtinErrors, err)
			continue
		}
		// Problems name the file as it sits in the source tree.
		c, err := Parse(path.Join("standards", name), data)
		if err != nil {
			builtinErrors = append(builtinErrors, err)
			continue
		}
		c.Source = SourceBuiltin
		builtinCatalogs = append(builtinCatalogs, c)
	}
}

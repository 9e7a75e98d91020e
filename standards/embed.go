package standards

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// builtinFiles are the catalogs shipped inside the binary, so an inspector
// on a site without network has the Standard from the first run. The files
// in superseded/ are earlier editions, byte for byte as they shipped: audits
// made with them record their SHA-256, so they must never change. They are
// kept so that those audits still open, export and verify, and are not
// offered for new audits.
//
//go:embed *.toml superseded/*.toml
var builtinFiles embed.FS

// supersededDir holds the earlier editions of the built-in catalogs.
const supersededDir = "superseded"

var (
	builtinOnce     sync.Once
	builtinCatalogs []*Catalog
	builtinErrors   []error
)

// Builtin returns the embedded catalogs, parsed once: the current ones in
// file-name order, then the superseded ones, each with SupersededBy set to
// the version of the current catalog with its id. The catalogs are shared:
// callers must treat them as read-only. A broken built-in file is a
// programming error that the package tests catch; at run time it is left
// out rather than stopping the program.
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
	old, err := fs.Glob(builtinFiles, supersededDir+"/*.toml")
	if err != nil {
		builtinErrors = append(builtinErrors, err)
		return
	}
	current := map[string]string{} // id -> version of the current edition
	for _, name := range append(names, old...) {
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
		if path.Dir(name) == supersededDir {
			c.SupersededBy = current[c.ID]
			if c.SupersededBy == "" {
				builtinErrors = append(builtinErrors, fmt.Errorf("%s: no current built-in catalog %s supersedes it", name, c.ID))
				continue
			}
		} else {
			current[c.ID] = c.Version
		}
		builtinCatalogs = append(builtinCatalogs, c)
	}
	for _, c := range builtinCatalogs {
		if c.Superseded() {
			for _, cur := range builtinCatalogs {
				if cur.ID == c.ID && cur.Version == c.SupersededBy {
					borrowTranslations(c, cur)
				}
			}
		}
	}
}

// borrowTranslations gives a superseded edition, whose file cannot change,
// the translations of the current edition wherever the text is the same:
// a requirement whose title, text and guidance are unchanged, and the
// catalog's name and licence. An old audit exported in Spanish then reads
// in Spanish like a new one; a requirement that changed keeps its own
// language, marked as untranslated.
func borrowTranslations(old, cur *Catalog) {
	for i := range old.Requirements {
		r := &old.Requirements[i]
		n, ok := cur.Requirement(r.ID)
		if !ok || r.Translations != nil || n.Title != r.Title || n.Text != r.Text || !slices.Equal(n.Guidance, r.Guidance) {
			continue
		}
		r.Translations = n.Translations
	}
	if old.Translations != nil {
		return
	}
	for lang, tr := range cur.Translations {
		var b CatalogTranslation
		if cur.Name == old.Name {
			b.Name = tr.Name
		}
		if cur.Licence == old.Licence {
			b.Licence = tr.Licence
		}
		if b != (CatalogTranslation{}) {
			if old.Translations == nil {
				old.Translations = map[string]CatalogTranslation{}
			}
			old.Translations[lang] = b
		}
	}
}

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

	supersededOnce     sync.Once
	supersededCatalogs []*Catalog
	supersededErrors   []error
)

// Builtin returns the current embedded catalogs, parsed once, in file-name
// order. The catalogs are shared: callers must treat them as read-only. A
// broken built-in file is a programming error that the package tests
// catch; at run time it is left out rather than stopping the program.
func Builtin() []*Catalog {
	builtinOnce.Do(loadBuiltin)
	return append([]*Catalog(nil), builtinCatalogs...)
}

// SupersededBuiltin returns the earlier editions of the built-in catalogs,
// each with SupersededBy set to the version of the current one. They are
// parsed on first use only: every command would otherwise pay for parsing
// editions that only old audits need. A Set adds them by itself when it
// has to (see Set).
func SupersededBuiltin() []*Catalog {
	supersededOnce.Do(loadSuperseded)
	return append([]*Catalog(nil), supersededCatalogs...)
}

func loadBuiltin() {
	builtinCatalogs, builtinErrors = parseEmbedded("*.toml")
}

func loadSuperseded() {
	cur := Builtin()
	supersededCatalogs, supersededErrors = parseEmbedded(supersededDir + "/*.toml")
	kept := supersededCatalogs[:0]
	for _, c := range supersededCatalogs {
		for _, n := range cur {
			if n.ID == c.ID {
				c.SupersededBy = n.Version
				borrowTranslations(c, n)
			}
		}
		if c.SupersededBy == "" {
			supersededErrors = append(supersededErrors, fmt.Errorf("%s: no current built-in catalog %s supersedes it", c.file, c.ID))
			continue
		}
		kept = append(kept, c)
	}
	supersededCatalogs = kept
}

// parseEmbedded parses the embedded files matching pattern.
func parseEmbedded(pattern string) ([]*Catalog, []error) {
	names, err := fs.Glob(builtinFiles, pattern)
	if err != nil {
		return nil, []error{err}
	}
	var cats []*Catalog
	var errs []error
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		// Problems name the file as it sits in the source tree.
		c, err := Parse(path.Join("standards", name), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.Source = SourceBuiltin
		cats = append(cats, c)
	}
	return cats, errs
}

// borrowTranslations gives a superseded edition, whose file cannot change,
// the translations of the current edition wherever the text is the same:
// a requirement whose title, text and guidance are unchanged, the chapter
// headings both editions have, and the catalog's name and licence. An old
// audit exported in Spanish then reads in Spanish like a new one; a
// requirement that changed keeps its own language, marked as untranslated.
func borrowTranslations(old, cur *Catalog) {
	for i := range old.Requirements {
		r := &old.Requirements[i]
		n, ok := cur.Requirement(r.ID)
		if !ok || r.Translations != nil || n.Title != r.Title || n.Text != r.Text || !slices.Equal(n.Guidance, r.Guidance) {
			continue
		}
		r.Translations = n.Translations
	}
	// old.chapters is the map its requirements share: fill it in place.
	for lang, headings := range cur.chapters {
		if _, own := old.chapters[lang]; own {
			continue
		}
		for _, r := range old.Requirements {
			if t, ok := headings[r.Chapter]; ok {
				if old.chapters[lang] == nil {
					old.chapters[lang] = map[string]string{}
				}
				old.chapters[lang][r.Chapter] = t
			}
		}
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
		if b.Name != "" || b.Licence != "" {
			if old.Translations == nil {
				old.Translations = map[string]CatalogTranslation{}
			}
			old.Translations[lang] = b
		}
	}
}

package i18n

import (
	"embed"
	"io/fs"
	"sync"
)

// Bundle is one surface's messages: the files it embeds and the home's
// files that add to them. Each surface (tui, cli, report) declares one.
type Bundle struct {
	surface string
	files   fs.FS
	builtin func() *Messages
}

// NewBundle makes a surface's bundle from files embedded as
// "locales/<lang>.toml". The embedded files are read on first use, not
// when the program starts: most commands never need most surfaces.
func NewBundle(surface string, embedded embed.FS) *Bundle {
	sub, err := fs.Sub(embedded, "locales")
	if err != nil {
		panic(err) // a constant path in the surface's package
	}
	b := &Bundle{surface: surface, files: sub}
	b.builtin = sync.OnceValue(func() *Messages { return MustLoad(surface, sub) })
	return b
}

// Surface is the bundle's name, as in <surface>.<lang>.toml.
func (b *Bundle) Surface() string { return b.surface }

// Files are the embedded message files, <lang>.toml at the root.
func (b *Bundle) Files() fs.FS { return b.files }

// Builtin returns the embedded messages alone: what speaks before the
// home is known, and what the tests check.
func (b *Bundle) Builtin() *Messages { return b.builtin() }

// Load returns the embedded messages plus the message files in
// home/locales/. Problems with those files are returned, not fatal: each is
// reported with its path and skipped, and the built-in words still speak.
func (b *Bundle) Load(home string) (*Messages, []error) {
	m, errs := Load(b.surface, b.files, home)
	if m == nil {
		return b.Builtin(), errs
	}
	return m, errs
}

// Package i18n is how every surface of assay (the report, the terminal UI,
// the command line) finds its words: message files a translator edits
// without Go, with CLDR plural rules, dates and numbers in each language's
// form.
//
// A surface ships its files embedded, one per language, named <lang>.toml
// (en.toml, es.toml). An inspector or translator adds or corrects a
// language with files in $ASSAY_HOME/locales/ named <surface>.<lang>.toml
// (report.pt.toml, tui.pt-BR.toml), plus common.<lang>.toml for the words
// every surface shares (month names, the date's form). A user file wins
// over the built-in one for the keys it has; any key a language lacks falls
// back to English. A third language is files only.
//
// A message file is TOML. A plain key is one message; a table with one and
// other (and, where the language needs them, zero, two, few, many) is a
// message with plural forms, picked by the count's CLDR plural category;
// {{.Name}} is a value the code passes in, {{.Count}} the count:
//
//	report_title = "Fairmined audit report"
//
//	[fsp_plants]
//	description = "how many processing plants the system of production has"
//	one = "{{.Count}} plant"
//	other = "{{.Count}} plants"
//
// It lives under report because report is imported by both tui and cmd.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	texttemplate "text/template"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/assay-dev/assay/standards/safefile"
)

// English is the source language: every message exists in it, and any
// message another language lacks is said in it.
const English = "en"

// LocalesDir is the folder of the assay home that holds the user's message
// files.
const LocalesDir = "locales"

// CommonSurface names the files of the words every surface shares.
const CommonSurface = "common"

// Args are the named values a message's placeholders take: Args{"ID":
// "2.1.6"} fills {{.ID}}.
type Args map[string]any

// parser executes templates with missingkey=error, so a placeholder the
// code does not pass is an error (the English message is used instead),
// not "<no value>" in a signed report.
var parser = &template.TextParser{Option: "missingkey=error"}

// Messages are one surface's words in every language it has files for.
type Messages struct {
	surface string
	bundle  *goi18n.Bundle
	// base holds the embedded messages alone: English said from it is
	// the last word when a user file's English cannot be filled (a
	// misspelt placeholder in tui.en.toml), instead of the bare id.
	base *goi18n.Bundle
	// langs are the languages the surface has a file for, English first.
	langs []language.Tag
	// msgs holds every message by language tag and id, for Check.
	msgs map[string]map[string]*goi18n.Message
	// own are the ids of the surface's English file (not the common ones).
	own map[string]bool
}

// Load reads a surface's messages: the common words embedded in this
// package, the surface's embedded files (fsys holds <lang>.toml at its
// root), then the user's files in home/locales/ (common.<lang>.toml and
// <surface>.<lang>.toml; home "" skips them). A broken user file is
// reported, with its path, and skipped; a broken embedded file is a bug and
// fails the load.
func Load(surface string, fsys fs.FS, home string) (*Messages, []error) {
	m := &Messages{
		surface: surface,
		bundle:  goi18n.NewBundle(language.English),
		base:    goi18n.NewBundle(language.English),
		msgs:    map[string]map[string]*goi18n.Message{},
		own:     map[string]bool{},
	}
	m.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var errs []error
	for _, src := range []struct {
		fsys    fs.FS
		surface string
	}{{commonFS, CommonSurface}, {fsys, surface}} {
		files, err := fs.Glob(src.fsys, "*.toml")
		if err != nil {
			return nil, []error{err}
		}
		sort.Strings(files)
		for _, f := range files {
			data, err := fs.ReadFile(src.fsys, f)
			if err == nil {
				err = m.add(src.surface, strings.TrimSuffix(f, ".toml"), data, true)
			}
			if err != nil {
				return nil, []error{fmt.Errorf("i18n: built-in %s/%s: %w", src.surface, f, err)}
			}
		}
	}
	if _, ok := m.msgs[English]; !ok || !m.hasSurfaceFile(English) {
		return nil, []error{fmt.Errorf("i18n: surface %s has no built-in %s.toml", surface, English)}
	}
	if home != "" {
		errs = append(errs, m.loadUser(filepath.Join(home, LocalesDir))...)
	}
	return m, errs
}

// MustLoad is Load of the embedded files only, for a package's built-in
// default; it panics on a broken embedded file (a bug caught by any test).
func MustLoad(surface string, fsys fs.FS) *Messages {
	m, errs := Load(surface, fsys, "")
	if len(errs) > 0 {
		panic(errors.Join(errs...))
	}
	return m
}

// loadUser reads dir/common.<lang>.toml and dir/<surface>.<lang>.toml,
// common first so a surface file can correct a shared word.
func (m *Messages) loadUser(dir string) []error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		// No locales folder (or the home is not a folder at all, which
		// the program says in its own words): nothing to add.
		return nil
	}
	if err != nil {
		return []error{fmt.Errorf("i18n: %w", err)}
	}
	var errs []error
	for _, surface := range []string{CommonSurface, m.surface} {
		for _, e := range entries {
			name := e.Name()
			rest, ok := strings.CutPrefix(name, surface+".")
			if !ok || !strings.HasSuffix(rest, ".toml") || strings.Count(rest, ".") != 1 {
				continue
			}
			path := filepath.Join(dir, name)
			lang := Normalize(strings.TrimSuffix(rest, ".toml"))
			if lang == "" {
				errs = append(errs, fmt.Errorf("%s: %q is not a language code (use e.g. %s.pt.toml or %s.pt-BR.toml)", path, strings.TrimSuffix(rest, ".toml"), surface, surface))
				continue
			}
			// Checked and read in one go (safefile opens without
			// blocking): a pipe put there between a check and a read
			// would hang every start.
			data, err := safefile.ReadFile(path, maxFileBytes)
			if errors.As(err, new(*safefile.Error)) {
				errs = append(errs, fmt.Errorf("%s: not a regular message file of at most %d KB: skipped", path, maxFileBytes>>10))
				continue
			}
			if err == nil {
				err = m.add(surface, lang, data, false)
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w: skipped", path, err))
			}
		}
	}
	return errs
}

// maxFileBytes bounds a user message file: real ones are tens of KB.
const maxFileBytes = 1 << 20

// add parses one file's messages for lang and adds them to the bundle.
func (m *Messages) add(surface, lang string, data []byte, builtin bool) error {
	tag, err := language.Parse(lang)
	if err != nil {
		return fmt.Errorf("language %q: %w", lang, err)
	}
	msgs, err := goi18n.ParseMessageBytes(data, toml.Unmarshal)
	if err != nil {
		return err
	}
	for _, msg := range msgs {
		if !validID(msg.ID) {
			return fmt.Errorf("message key %q: use lower-case letters, digits and _", msg.ID)
		}
		if msg.Other == "" {
			return fmt.Errorf("message %s has no text (a plural message needs \"other\")", msg.ID)
		}
		if err := parses(msg); err != nil {
			return err
		}
	}
	if err := m.bundle.AddMessages(tag, msgs...); err != nil {
		return err
	}
	if builtin {
		if err := m.base.AddMessages(tag, msgs...); err != nil {
			return err
		}
	}
	key := tag.String()
	if m.msgs[key] == nil {
		m.msgs[key] = map[string]*goi18n.Message{}
	}
	for _, msg := range msgs {
		m.msgs[key][msg.ID] = msg
		if surface == m.surface && key == English {
			m.own[msg.ID] = true
		}
	}
	if surface == m.surface && !slices.Contains(m.langs, tag) {
		m.langs = append(m.langs, tag)
		slices.SortFunc(m.langs, func(a, b language.Tag) int {
			switch {
			case a.String() == English:
				return -1
			case b.String() == English:
				return 1
			}
			return strings.Compare(a.String(), b.String())
		})
	}
	return nil
}

// parses checks that every form of msg is a template that parses, so a
// file with "{{.Count" is refused when it is read, naming the message,
// rather than showing the message's id wherever it is used.
func parses(msg *goi18n.Message) error {
	for _, form := range []string{msg.Zero, msg.One, msg.Two, msg.Few, msg.Many, msg.Other} {
		if !strings.Contains(form, "{{") {
			continue
		}
		if _, err := texttemplate.New(msg.ID).Option(parser.Option).Parse(form); err != nil {
			return fmt.Errorf("message %s: %w", msg.ID, err)
		}
	}
	return nil
}

// hasSurfaceFile reports whether the surface itself has a file for lang.
func (m *Messages) hasSurfaceFile(lang string) bool {
	return slices.ContainsFunc(m.langs, func(t language.Tag) bool { return t.String() == lang })
}

// validID accepts message keys a translator can type and code can check:
// lower-case letters, digits and underscores, starting with a letter.
func validID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// Surface names the surface the messages are for.
func (m *Messages) Surface() string { return m.surface }

// Languages returns the BCP 47 tags of the languages the surface has a
// file for, English first.
func (m *Messages) Languages() []string {
	out := make([]string, len(m.langs))
	for i, t := range m.langs {
		out[i] = t.String()
	}
	return out
}

// IDs returns the keys of the surface's English file, sorted (not the
// common words): what code may ask for.
func (m *Messages) IDs() []string {
	return slices.Sorted(maps.Keys(m.own))
}

// match returns the surface's language for lang ("es-CO" -> "es"), or
// false when it has none.
func (m *Messages) match(lang string) (language.Tag, bool) {
	norm := Normalize(lang)
	if norm == "" {
		// "" asks for the default, English; "C" or junk names no language.
		return language.English, strings.TrimSpace(lang) == ""
	}
	want, err := language.Parse(norm)
	if err != nil {
		return language.English, false
	}
	// Exact tag first, then the same base language (es-CO, es-419 -> es;
	// pt -> pt-BR when only that exists).
	for _, t := range m.langs {
		if t == want {
			return t, true
		}
	}
	wb, _ := want.Base()
	for _, t := range m.langs {
		if tb, _ := t.Base(); tb == wb {
			return t, true
		}
	}
	return language.English, false
}

// Has reports whether the surface speaks lang (a region or encoding
// suffix ignored when only the language has a file); "" is English.
func (m *Messages) Has(lang string) bool {
	_, ok := m.match(lang)
	return ok
}

// For returns the localizer for lang; a language the surface has no file
// for gets English (check with Has first when that matters).
func (m *Messages) For(lang string) *Localizer {
	tag, _ := m.match(lang)
	l := &Localizer{m: m, tag: tag, loc: goi18n.NewLocalizer(m.bundle, tag.String()), printer: message.NewPrinter(tag)}
	if tag != language.English {
		l.english = m.For(English)
	} else {
		l.base = goi18n.NewLocalizer(m.base, English)
	}
	return l
}

// Localizer says a surface's messages in one language.
type Localizer struct {
	m       *Messages
	tag     language.Tag
	loc     *goi18n.Localizer
	printer *message.Printer
	english *Localizer // nil when this is English
	// base says the built-in English, when this is English.
	base *goi18n.Localizer
}

// Lang is the BCP 47 tag of the language the localizer speaks ("en",
// "es"), e.g. for a PDF's /Lang.
func (l *Localizer) Lang() string { return l.tag.String() }

// T returns message id filled with args.
func (l *Localizer) T(id string, args Args) string {
	return l.localize(id, nil, args)
}

// Word returns message id, which takes no values, for an id from a table
// (kind to key): such tables are package variables named ...IDs, which
// i18ntest checks, while T's ids are literals it checks at each call.
func (l *Localizer) Word(id string) string { return l.localize(id, nil, nil) }

// N returns message id in the plural form the language uses for count,
// with args and {{.Count}} (count in the language's digits) filled in.
func (l *Localizer) N(id string, count int, args Args) string {
	a := Args{"Count": l.Int(count)}
	maps.Copy(a, args)
	return l.localize(id, count, a)
}

// localize looks id up. A message missing in this language comes in
// English, and a plural form the translation lacks (Spanish "many" for a
// million) in its "other" form, both from go-i18n with an error that is
// only a notice. A translation that cannot be filled at all (a misspelt
// placeholder) falls back to English, a user's English that cannot be to
// the built-in English, and an id no file has comes back as itself, so a
// missing word shows instead of vanishing.
func (l *Localizer) localize(id string, count any, args Args) string {
	s, err := l.loc.Localize(&goi18n.LocalizeConfig{
		MessageID: id, TemplateData: map[string]any(args), PluralCount: count, TemplateParser: parser,
	})
	switch {
	case err == nil, s != "":
		return s
	case l.english != nil:
		return l.english.localize(id, count, args)
	case l.base != nil:
		cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: map[string]any(args), PluralCount: count, TemplateParser: parser}
		if s, err := l.base.Localize(cfg); err == nil || s != "" {
			return s
		}
	}
	return id
}

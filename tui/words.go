package tui

import (
	"embed"
	"slices"
	"strings"
	"sync"

	"github.com/assay-dev/assay/report/i18n"
)

// Surface is the name of the terminal UI's message files: tui.<lang>.toml
// in $ASSAY_HOME/locales/ adds a language or corrects a word.
const Surface = "tui"

//go:embed locales/*.toml
var localeFiles embed.FS

// bundle is the UI's message files: the built-in English and Spanish plus
// tui.<lang>.toml and common.<lang>.toml in the home's locales folder.
var bundle = i18n.NewBundle(Surface, localeFiles)

// builtinMessages are the UI's words without the home's files: what a
// Deps without Messages (the tests) speaks.
var builtinMessages = bundle.Builtin

// LoadMessages returns the UI's words: the built-in English and Spanish
// plus the message files in home/locales/. A broken file there is returned
// as a problem, with its path, and skipped: the UI still starts.
func LoadMessages(home string) (*i18n.Messages, []error) { return bundle.Load(home) }

// words says the UI's messages in one language. Messages that take no
// values are looked up once and remembered: a frame asks for dozens.
type words struct {
	l    *i18n.Localizer
	lang string // the language the UI asked for, normalized ("es-CO")
	mu   sync.Mutex
	memo map[string]string
}

func newWords(m *i18n.Messages, lang string) *words {
	if n := i18n.Normalize(lang); n != "" {
		lang = n
	} else {
		lang = i18n.English
	}
	return &words{l: m.For(lang), lang: lang, memo: map[string]string{}}
}

// t says message id (a literal, which the tests check) with args.
func (w *words) t(id string, args i18n.Args) string {
	if args != nil {
		return w.l.T(id, args)
	}
	return w.word(id)
}

// n says message id in the plural form for count.
func (w *words) n(id string, count int, args i18n.Args) string { return w.l.N(id, count, args) }

// word says message id, which takes no values, for an id from a table
// named ...IDs (which the tests check); an empty id is an empty word.
func (w *words) word(id string) string {
	if id == "" {
		return ""
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	s, ok := w.memo[id]
	if !ok {
		s = w.l.Word(id)
		w.memo[id] = s
	}
	return s
}

// wordOr says the message a table gives for a value, or the value itself
// for one the table does not know (a hand-edited audit, a user catalog's
// own area).
func wordOr[K comparable](w *words, table map[K]string, k K, fallback string) string {
	if id, ok := table[k]; ok {
		return w.word(id)
	}
	return fallback
}

// sameBase reports whether two language tags name the same language,
// regions aside: text in "es" serves an "es-CO" reader.
func sameBase(a, b string) bool {
	base := func(s string) string {
		s = strings.ToLower(s)
		if i := strings.IndexAny(s, "-_"); i >= 0 {
			s = s[:i]
		}
		return s
	}
	return base(a) == base(b)
}

// mark is the visible sign on catalog text shown in another language than
// the UI's (an untranslated field): "[en]". Text whose language the
// catalog does not say is not marked: nothing true could be said.
func (w *words) mark(textLang string) string {
	if textLang == "" || sameBase(textLang, w.lang) {
		return ""
	}
	return w.t("untranslated_mark", i18n.Args{"Lang": textLang})
}

// marked puts the mark, if any, before text.
func (w *words) marked(text, textLang string) string {
	if m := w.mark(textLang); m != "" {
		return m + " " + text
	}
	return text
}

// languageName is a language's name in itself ("español"), from its own
// message file; a language the UI has no file for is shown as its tag.
func languageName(m *i18n.Messages, lang string) string {
	if !m.Has(lang) {
		return lang
	}
	return m.For(lang).T("language_name", nil)
}

// languageNameIDs name the built-in languages in the UI's language.
var languageNameIDs = map[string]string{"en": "lang_name_en", "es": "lang_name_es"}

// languageLabel names a language in the UI's language with its own name
// beside it where they differ ("inglés (English)"), so that whoever
// reads either finds it. A language the UI's files do not name (a third
// one dropped in the home's locales folder) goes by its own name.
func (w *words) languageLabel(m *i18n.Messages, lang string) string {
	own := languageName(m, lang)
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	in := wordOr(w, languageNameIDs, base, "")
	if in == "" || strings.EqualFold(in, own) {
		return own
	}
	return in + " (" + own + ")"
}

// nextLanguage is the language after cur among those the UI has files
// for, in their order (English first), for the key that switches.
func nextLanguage(m *i18n.Messages, cur string) string {
	langs := m.Languages()
	if len(langs) == 0 {
		return i18n.English
	}
	i := slices.IndexFunc(langs, func(l string) bool { return l == cur })
	if i < 0 {
		i = slices.IndexFunc(langs, func(l string) bool { return sameBase(l, cur) })
	}
	return langs[(i+1)%len(langs)]
}

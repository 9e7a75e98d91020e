package report

import (
	"embed"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/assay-dev/assay/report/i18n"
)

// Surface is the name of the report's message files: report.<lang>.toml in
// $ASSAY_HOME/locales/ adds or corrects a report language.
const Surface = "report"

//go:embed locales/*.toml
var localeFiles embed.FS

// bundle is the report's message files.
var bundle = i18n.NewBundle(Surface, localeFiles)

// builtin returns the report's built-in words, for a render or a check
// that has no home (read on first use: most commands never write a report).
var builtin = bundle.Builtin

// LoadMessages returns the report's words: the built-in languages plus the
// message files in home/locales/. Problems with those files are returned,
// not fatal: each is reported with its path and skipped.
func LoadMessages(home string) (*i18n.Messages, []error) { return bundle.Load(home) }

// Languages returns the languages a report can be written in with the
// built-in message files ("en", "es"); files in the home may add more.
func Languages() []string { return builtin().Languages() }

// CheckLanguage returns nil when lang names a built-in report language
// ("", English, is one; a region or encoding is ignored: "es-CO",
// "es_PE.UTF-8"), else an error that lists the known ones.
func CheckLanguage(lang string) error { return checkLanguage(builtin(), lang) }

// CheckLanguageIn is CheckLanguage against msgs, e.g. the home's (see
// LoadMessages).
func CheckLanguageIn(msgs *i18n.Messages, lang string) error { return checkLanguage(msgs, lang) }

// checkLanguage is CheckLanguage against msgs.
func checkLanguage(msgs *i18n.Messages, lang string) error {
	if msgs.Has(lang) {
		return nil
	}
	return errors.New(terminal().T("unknown_language", i18n.Args{
		"Lang": strconv.Quote(lang), "Known": strings.Join(msgs.Languages(), ", ")}))
}

// terminal says the export's refusals, warnings and errors: English, the
// language of the command line around them for now (ExportOptions'
// UILanguage picks another).
var terminal = sync.OnceValue(func() *i18n.Localizer { return builtin().For(i18n.English) })

// t says message id in the report's language.
func (d *doc) t(id string, args i18n.Args) string { return d.l.T(id, args) }

// n says message id in the plural form for count.
func (d *doc) n(id string, count int, args i18n.Args) string { return d.l.N(id, count, args) }

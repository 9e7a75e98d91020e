package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Normalize turns a language as people and systems write it ("es", "ES",
// "es_CO.UTF-8", "pt-BR", "es_PE@euro") into a BCP 47 tag ("es", "es-CO",
// "pt-BR"), or "" when it names no language ("", "C", "POSIX", "xx-!!").
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i] // encoding or modifier of a POSIX locale
	}
	s = strings.ReplaceAll(s, "_", "-")
	switch strings.ToUpper(s) {
	case "", "C", "POSIX":
		return ""
	}
	t, err := language.Parse(s)
	if err != nil {
		return ""
	}
	if b, conf := t.Base(); conf == language.No || b.String() == "und" {
		return ""
	}
	return t.String()
}

// UILanguage picks the language of screens and command-line messages: the
// --lang flag, else config.toml's language, else the locale of the
// environment (the first of LC_ALL, LC_MESSAGES, LANG that is set, as
// POSIX orders them: LC_ALL=C means English even when LANG says Spanish),
// else English. Each is normalized ("es_CO.UTF-8" -> "es-CO"); one that
// names no language is skipped.
func UILanguage(flag, config string, getenv func(string) string) string {
	for _, s := range []string{flag, config} {
		if l := Normalize(s); l != "" {
			return l
		}
	}
	if getenv != nil {
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if s := strings.TrimSpace(getenv(v)); s != "" {
				if l := Normalize(s); l != "" {
					return l
				}
				return English // C, POSIX: the untranslated locale
			}
		}
	}
	return English
}

// ReportLanguage picks the language of a report, which is chosen apart
// from the UI's (an inspector may work in Spanish and send an English
// report): the export's --lang, else config.toml's report_language, else
// the UI language.
func ReportLanguage(flag, config, ui string) string {
	for _, s := range []string{flag, config, ui} {
		if l := Normalize(s); l != "" {
			return l
		}
	}
	return English
}

package i18n

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	texttemplate "text/template"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// placeholder finds the names a template fills: {{.ID}}, {{ .Count }}.
var placeholder = regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)`)

// Placeholders returns the sorted names the English message id fills in,
// or false when English has no such message.
func (m *Messages) Placeholders(id string) ([]string, bool) {
	msg, ok := m.msgs[English][id]
	if !ok {
		return nil, false
	}
	return placeholders(msg), true
}

func placeholders(msg *goi18n.Message) []string {
	seen := map[string]bool{}
	for _, form := range forms(msg) {
		for _, sub := range placeholder.FindAllStringSubmatch(form, -1) {
			seen[sub[1]] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Forms returns the texts of message id in lang's own files (no English
// fallback) by plural category ("other", "one", ...); nil when lang has no
// such message. lang is a tag from Languages.
func (m *Messages) Forms(lang, id string) map[string]string {
	msg, ok := m.msgs[lang][id]
	if !ok {
		return nil
	}
	return forms(msg)
}

// forms returns a message's texts by plural category name.
func forms(msg *goi18n.Message) map[string]string {
	out := map[string]string{}
	for name, s := range map[string]string{"zero": msg.Zero, "one": msg.One, "two": msg.Two, "few": msg.Few, "many": msg.Many, "other": msg.Other} {
		if s != "" {
			out[name] = s
		}
	}
	return out
}

// pluralNames are CLDR's plural category names by x/text's Form.
var pluralNames = map[plural.Form]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

// neededForms are the plural categories whole numbers up to 1000 take in
// lang: what a plural message must give in that language ("one" and
// "other" in English and Spanish; "few" and "many" too in Polish).
func neededForms(tag language.Tag) []string {
	seen := map[string]bool{}
	for n := 0; n <= 1000; n++ {
		seen[pluralNames[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Check lists what is wrong with the surface's message files, for the
// tests and for a translator: in each language, a message English has that
// is missing, one English does not have (misspelt or stale), a
// placeholder English does not fill, a plural message without a form the
// language needs, or a text that is not a valid template. Empty means
// every language is complete.
func (m *Messages) Check() []string {
	en := m.msgs[English]
	var out []string
	for _, tag := range m.langs {
		lang := tag.String()
		msgs := m.msgs[lang]
		for _, id := range slices.Sorted(maps.Keys(en)) {
			want := en[id]
			got, ok := msgs[id]
			if !ok {
				if lang != English {
					out = append(out, fmt.Sprintf("%s %s: %s is missing", m.surface, lang, id))
				}
				continue
			}
			allowed := placeholders(want)
			for _, p := range placeholders(got) {
				if !slices.Contains(allowed, p) {
					out = append(out, fmt.Sprintf("%s %s: %s uses {{.%s}}, which the program does not fill (it fills: %s)",
						m.surface, lang, id, p, strings.Join(allowed, ", ")))
				}
			}
			if want.One != "" || got.One != "" {
				for _, f := range neededForms(tag) {
					if forms(got)[f] == "" {
						out = append(out, fmt.Sprintf("%s %s: %s needs the plural form %q", m.surface, lang, id, f))
					}
				}
			}
			for name, text := range forms(got) {
				if _, err := texttemplate.New("").Parse(text); err != nil {
					out = append(out, fmt.Sprintf("%s %s: %s (%s) is not a valid template: %v", m.surface, lang, id, name, err))
				}
			}
		}
		for id := range msgs {
			if _, ok := en[id]; !ok {
				out = append(out, fmt.Sprintf("%s %s: %s is not an English message (misspelt, or no longer used)", m.surface, lang, id))
			}
		}
	}
	sort.Strings(out)
	return out
}

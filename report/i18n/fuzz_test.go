package i18n

import (
	"testing"
	"time"
)

// FuzzUserMessageFile: a message file from the home, whatever its bytes,
// is either refused with an error or loaded; saying its words, dates and
// plurals, and checking it, never panics.
func FuzzUserMessageFile(f *testing.F) {
	for _, seed := range []string{
		"title = \"Relatório\"\n[plants]\none = \"{{.Count}} usina\"\nother = \"{{.Count}} usinas\"\n",
		"plants = { one = \"{{.Count}} usina\", other = \"{{.Count}} usinas\" }\n",
		"greeting = \"Olá {{.Nome}}\"\n",
		"greeting = \"{{template \\\"x\\\"}}\"\n",
		"date_long = \"{{.Day}}/{{.Month}\"\nnumber_min_grouping = \"x\"\n",
		"[a.b]\nc = \"d\"\n",
		"x = 1\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, errs := Load("demo", demo, "")
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := m.add("demo", "pt", data, false); err != nil {
			return
		}
		l := m.For("pt")
		for _, id := range []string{"title", "greeting", "date_long", "no_such"} {
			_ = l.T(id, Args{"Name": "Ana"})
		}
		_ = l.N("plants", 2, nil)
		_ = l.Date(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
		_ = l.Int(12345)
		_ = m.Check()
	})
}

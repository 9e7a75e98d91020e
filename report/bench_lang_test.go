package report

import "testing"

// BenchmarkRenderText renders a text-only report (100 requirements with
// notes, no photos) in English and in Spanish: the cost of the words
// themselves (message lookups, plurals, dates), which photos hide in
// BenchmarkExport.
func BenchmarkRenderText(b *testing.B) {
	cat := testCatalog(20)
	a, _ := testAudit(b, cat, 0, 0)
	for _, lang := range []string{"en", "es"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Render(a, cat, nil, RenderOptions{Now: fixtureNow, Language: lang}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadMessages reads the report's built-in message files, as
// every export does (plus the home's).
func BenchmarkLoadMessages(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, errs := LoadMessages(""); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

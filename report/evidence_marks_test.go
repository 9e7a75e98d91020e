package report

import (
	"regexp"
	"strings"
	"testing"
)

// A photo a year old and one 100 km from the site are marked in the
// evidence index and under the photos, with the inspector's justification
// or its absence, in English and in Spanish; the others are not.
func TestReportMarksDoubtfulPhotos(t *testing.T) {
	cat := testCatalog(4)
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Plausibility marks", "(!) 1 plausibility mark",
			"Taken 2 November 2025, 381 days before the audit's first day.", "Inspector's justification: Foto del informe anterior de la ASMO.",
			"Taken 100.1 km from the site's coordinates (more than 5 km).", "No justification given.",
			"more than 1 day before the audit's first day"}},
		{"es", []string{"Marcas de verosimilitud", "(!) 1 marca de verosimilitud",
			"Tomada el 2 de noviembre de 2025, 381 días antes del primer día de la auditoría.", "Justificación del inspector: Foto del informe anterior de la ASMO.",
			"Tomada a 100,1 km de las coordenadas del sitio (más de 5 km).", "Sin justificación.", "más de 1 día antes"}},
	} {
		a := flaggedAudit(t)
		_, imgs := testAudit(t, cat, 3, 40)
		pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, Draft: true, Language: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")
		flat := regexp.MustCompile(`\s+`).ReplaceAllString(text, " ")
		for _, w := range c.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: the report lacks %q", c.lang, w)
			}
		}
		// Each marked photo twice (index list, under the picture); the
		// third photo is not marked.
		if n := strings.Count(flat, "(!) "); n != 2+2*2 {
			t.Errorf("%s: %d marks printed, want 6 (2 in the index table, 2 in the list, 2 under the photos)", c.lang, n)
		}
	}
}

package report

import (
	"strings"
	"testing"
)

// TestEvidenceIndexShowsAliases: one file attached under two names is one
// row of the evidence index, under both names.
func TestEvidenceIndexShowsAliases(t *testing.T) {
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 1, 320)
	a.Evidence[0].Aliases = []string{"acta-firmada.jpg"}
	data, err := AuditJSON(a)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(a, cat, imgs, RenderOptions{Draft: true, Now: fixtureNow, AuditJSON: data})
	if err != nil {
		t.Fatal(err)
	}
	// A narrow column wraps the words: compare them, not the lines.
	all := strings.Join(strings.Fields(strings.Join(pdfText(t, writeTemp(t, "r.pdf", pdf)), "\n")), " ")
	for _, want := range []string{a.Evidence[0].Name, "also attached as acta-firmada.jpg"} {
		if !strings.Contains(all, want) {
			t.Errorf("report text lacks %q", want)
		}
	}
}

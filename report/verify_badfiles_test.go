package report

import (
	"bytes"
	"os"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// Verify on files that are not good reports says what they are in plain
// words, first: an empty file, a non-PDF, a signed report cut short (not
// "a draft export"), and a PDF made by another tool without audit data.
func TestQAVerifyPlainWordsForBadFiles(t *testing.T) {
	s, id, cats := storeAudit(t, 3, 0, 0, true)
	path, err := Export(s, id, ExportOptions{Identity: testIdentity(t), Now: fixtureNow, Catalogs: cats})
	if err != nil {
		t.Fatal(err)
	}
	signed, _ := os.ReadFile(path)
	var other bytes.Buffer
	p := gofpdf.New("P", "mm", "A4", "")
	p.AddPage()
	if err := p.Output(&other); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name  string
		data  []byte
		first Kind
		not   Kind
	}{
		{"empty", nil, KindFileEmpty, ""},
		{"blank", []byte("\n \n"), KindFileEmpty, ""},
		{"text", []byte("hello, not a pdf\n"), KindFileNotPDF, ""},
		{"truncated", signed[:len(signed)/2], KindFileTruncated, KindNoSignature},
		{"other tool", other.Bytes(), KindNoSignature, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Verify(c.data)
			if v.Valid || len(v.Problems) == 0 || v.Problems[0].Kind != c.first {
				t.Fatalf("got %+v, want first problem %q", v, c.first)
			}
			if c.not != "" && hasKind(v.Problems, c.not) {
				t.Errorf("problems %+v include the misleading %q", v.Problems, c.not)
			}
		})
	}
	if v := Verify(other.Bytes()); !hasKind(v.Problems, KindNoSignature) {
		t.Errorf("PDF without signature or attachments: %+v, want %q", v.Problems, KindNoSignature)
	}
	if v := Verify(signed); !v.Valid {
		t.Fatalf("the intact report: %+v", v)
	}
}

package report

import (
	"bytes"
	"os"
	"slices"
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
		first string
		not   string
	}{
		{"empty", nil, msg.FileEmpty, ""},
		{"blank", []byte("\n \n"), msg.FileEmpty, ""},
		{"text", []byte("hello, not a pdf\n"), msg.FileNotPDF, ""},
		{"truncated", signed[:len(signed)/2], msg.FileTruncated, msg.NoSignature},
		{"other tool", other.Bytes(), msg.NoSignature, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Verify(c.data)
			if v.Valid || len(v.Problems) == 0 || v.Problems[0] != c.first || v.Summary != c.first {
				t.Fatalf("got %+v, want first problem %q", v, c.first)
			}
			if c.not != "" && slices.Contains(v.Problems, c.not) {
				t.Errorf("problems %q include the misleading %q", v.Problems, c.not)
			}
		})
	}
	if v := Verify(other.Bytes()); !slices.Contains(v.Problems, msg.NoAuditData) {
		t.Errorf("PDF without attachments: %q, want %q", v.Problems, msg.NoAuditData)
	}
	if v := Verify(signed); !v.Valid {
		t.Fatalf("the intact report: %+v", v)
	}
}

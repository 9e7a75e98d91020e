package pdfsign_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/report/pdfsign"
)

// FuzzVerifyFile feeds whole files to Verify, seeded with a small
// certified report (testdata/attacks/base.pdf) and one crafted attack per
// published class. Verify must never panic, and no mutation of the signed
// report may verify: a file Verify calls valid must start with the base's
// signed bytes unchanged (only allowed additions may follow them).
// VerifyReader, reading the same bytes a few at a time, must find exactly
// what Verify finds.
func FuzzVerifyFile(f *testing.F) {
	base, err := os.ReadFile(filepath.Join("testdata", "attacks", "base.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "attacks", "*.pdf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(base[:len(base)/2])
	f.Add([]byte("%PDF-1.7\n1 0 obj <</ByteRange [0 5 9 1] /Contents <00>>> endobj\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, pdf []byte) {
		res, err := pdfsign.Verify(pdf)
		defer pdfsign.SetWindows(3, 16)()
		got, gotErr := pdfsign.VerifyReader(bytes.NewReader(pdf), int64(len(pdf)))
		if !errors.Is(gotErr, err) || !reflect.DeepEqual(got, res) {
			t.Fatalf("VerifyReader and Verify differ: %v, %v against %v, %v", got, gotErr, res, err)
		}
		if err != nil || !res.Valid {
			return
		}
		end := res.SignedBytes[1][1]
		if res.Inspector == nil || end > int64(len(pdf)) || !bytes.Equal(pdf[:end], base[:min(int(end), len(base))]) || end != int64(len(base)) {
			t.Fatalf("a file that is not the signed base verifies (signed ranges %v, %d bytes)", res.SignedBytes, len(pdf))
		}
	})
}

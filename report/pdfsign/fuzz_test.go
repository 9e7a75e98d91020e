package pdfsign

import (
	"bytes"
	"testing"
)

// FuzzVerify feeds damaged signed PDFs to Verify: it must never panic, and
// whatever it accepts as valid must have signed ranges inside the file.
func FuzzVerify(f *testing.F) {
	id := ecdsaSelfSigned(f)
	signed, err := Sign(makePDF(f, 1, 0), id.key, id.chain, testOpts)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(signed)
	f.Add(signed[:len(signed)/2])
	f.Add(bytes.Replace(signed, []byte("/ByteRange [0"), []byte("/ByteRange [1"), 1))
	f.Add(bytes.Replace(signed, []byte("/Contents <"), []byte("/Contents ("), 1))
	f.Add([]byte("%PDF-1.7\n1 0 obj <</ByteRange [0 5 9 1] /Contents <00>>> endobj"))
	f.Add([]byte("/ByteRange [ 0 1 2"))
	f.Fuzz(func(t *testing.T, pdf []byte) {
		res, err := Verify(pdf)
		if err != nil || !res.Valid {
			return
		}
		if res.SignedBytes[1][1] != int64(len(pdf)) || res.Signer == nil {
			t.Fatalf("valid result with ranges %v for %d bytes", res.SignedBytes, len(pdf))
		}
	})
}

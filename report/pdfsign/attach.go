package pdfsign

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

// Attachments returns the document-level embedded files of pdf (the
// EmbeddedFiles name tree), keyed by file name, as the current revision
// shows them. It does not say whether they are signed: call Verify and
// check Result.CoversWholeFile, since anything outside the signed ranges
// could only have been appended after signing. To read exactly what was
// signed even when bytes were appended, pass pdf[:res.SignedBytes[1][1]].
func Attachments(pdf []byte) (map[string][]byte, error) {
	conf := config()
	aa, err := api.ExtractAttachmentsRaw(bytes.NewReader(pdf), "", nil, conf)
	if err != nil {
		return nil, fmt.Errorf(msgAttachments, err)
	}
	out := make(map[string][]byte, len(aa))
	for _, a := range aa {
		if a.Reader == nil {
			continue
		}
		data, err := io.ReadAll(a.Reader)
		if err != nil {
			return nil, fmt.Errorf(msgAttachments, err)
		}
		name := a.FileName
		if name == "" {
			name = a.ID
		}
		out[name] = data
	}
	return out, nil
}

package pdfsign

import (
	"crypto"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// DocTimestampPlaceholder is the room (bytes of DER) reserved for a
// document time-stamp token: a token with a TSA chain of three RSA-4096
// certificates still fits.
const DocTimestampPlaceholder = 16384

// AddDocTimestamp appends a document time-stamp (PAdES B-T for a signature
// made offline): an incremental update with an ETSI.RFC3161 signature
// dictionary whose token, from ts, covers the whole file before it. It
// adds an invisible field, nothing else, so a verifier accepts it after a
// certification signature (ISO 32000-2 lets document time-stamps follow
// P=1). now only names the revision (/ID); the time is the TSA's.
func AddDocTimestamp(pdf []byte, ts Timestamper, now time.Time) ([]byte, error) {
	if ts == nil {
		return nil, errors.New(msgNoTimestamper)
	}
	u, err := newUpdater(memSource(pdf))
	if err != nil {
		return nil, err
	}
	p, err := u.page(0)
	if err != nil {
		return nil, err
	}
	placeholder := DocTimestampPlaceholder
	sigNr, widgetNr := u.newObject(), u.newObject()
	u.set(sigNr, 0, fmt.Sprintf("<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0 0 0%s] /Contents <%s>>>",
		strings.Repeat(" ", byteRangeWidth-9), strings.Repeat("0", 2*placeholder)))
	u.set(widgetNr, 0, fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /T %s /V %d 0 R /F 132 /Rect [0 0 0 0] /P %d %d R>>",
		textString(u.fieldName("Timestamp")), sigNr, p.nr, gen(u, p.nr)))
	u.addAnnot(p, widgetNr)
	u.addField(widgetNr, nil)
	upd, at, err := u.write(now, sigNr, "[0 0 0 0", "/Contents <")
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(pdf)+len(upd))
	out = append(append(out, pdf...), upd...)
	base := len(pdf)
	contentsStart := base + at[1] + len("/Contents ")
	contentsEnd := contentsStart + 2 + 2*placeholder
	br := fmt.Sprintf("[0 %d %d %d", contentsStart, contentsEnd, len(out)-contentsEnd)
	br += strings.Repeat(" ", byteRangeWidth-1-len(br)) + "]"
	copy(out[base+at[0]:], br)

	h := sha256.New()
	h.Write(out[:contentsStart])
	h.Write(out[contentsEnd:])
	token, err := ts.Timestamp(h.Sum(nil), crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf(msgTimestampFailed, err)
	}
	if len(token) > placeholder {
		return nil, fmt.Errorf(msgPlaceholderSmall, len(token), placeholder)
	}
	hex.Encode(out[contentsStart+1:], token)

	res, err := Verify(out)
	if err != nil {
		return nil, fmt.Errorf(msgSelfCheck, err)
	}
	for _, s := range res.Signatures {
		if s.Object == sigNr && (!s.Intact || !s.CoversWholeFile) {
			return nil, fmt.Errorf(msgSelfCheck, problemKinds(res.Problems))
		}
	}
	for _, f := range res.Problems {
		if f.Revision == len(res.Revisions) {
			return nil, fmt.Errorf(msgSelfCheck, problemKinds(res.Problems))
		}
	}
	return out, nil
}

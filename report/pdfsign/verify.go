package pdfsign

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// ErrNotSigned is returned by Verify for a PDF without a signature.
var ErrNotSigned = errors.New(msgNotSigned)

// Result is what Verify found about the last signature of a PDF. Trust in
// the signer (is this the inspector we expect?) is the caller's decision:
// compare Signer's fingerprint or check Chain against known roots.
type Result struct {
	// Valid is true when Problems is empty: the signed bytes are unchanged,
	// the signature verifies with Signer's key, the embedded certificate is
	// the one that was signed, it was valid at SigningTime and the
	// signature covers the whole file.
	Valid    bool
	Problems []string // plain-words reasons why Valid is false

	Signer *x509.Certificate   // the signing certificate, nil if not found
	Chain  []*x509.Certificate // Signer first, then each issuer found among the embedded certificates

	SigningTime time.Time // claimed time (/M, else the CMS signing-time); zero if none
	SubFilter   string    // e.g. "ETSI.CAdES.detached"
	FieldName   string    // the signature field's /T, "" if not found
	Name        string    // /Name
	Reason      string    // /Reason
	Location    string    // /Location
	ContactInfo string    // /ContactInfo

	// CoversWholeFile is true when the signed ranges reach the end of the
	// file, i.e. nothing was appended after signing.
	CoversWholeFile bool
	// SignedBytes are the two signed ranges as [start, end) offsets.
	SignedBytes [2][2]int64
}

func (r *Result) problem(format string, a ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, a...))
}

var byteRangeKey = []byte("/ByteRange")

// Verify checks the last signature in pdf. It returns ErrNotSigned when
// there is none, and otherwise a Result whose Problems say what is wrong.
// It never uses the network.
func Verify(pdf []byte) (*Result, error) {
	at := lastByteRange(pdf)
	if at < 0 {
		return nil, ErrNotSigned
	}
	res := &Result{}
	defer func() { res.Valid = len(res.Problems) == 0 }()

	objNr, objGen, body, ok := objectBefore(pdf, at)
	if !ok {
		res.problem(msgProblemByteRange, "no enclosing object")
		return res, nil
	}
	sig, _, err := parseDict(pdf, body, 0)
	if err != nil {
		res.problem(msgProblemByteRange, "the signature dictionary cannot be read")
		return res, nil
	}
	if n, ok := sig["SubFilter"].v.(pdfName); ok {
		res.SubFilter = string(n)
	}
	res.Name, res.Reason = text(sig["Name"].v), text(sig["Reason"].v)
	res.Location, res.ContactInfo = text(sig["Location"].v), text(sig["ContactInfo"].v)
	if t, ok := parsePDFDate(text(sig["M"].v)); ok {
		res.SigningTime = t
	}
	res.FieldName = fieldName(pdf, objNr, objGen)

	br, why := byteRange(sig["ByteRange"].v, len(pdf))
	if why != "" {
		res.problem(msgProblemByteRange, why)
		return res, nil
	}
	res.SignedBytes = [2][2]int64{{br[0], br[0] + br[1]}, {br[2], br[2] + br[3]}}
	end := br[2] + br[3]
	switch {
	case end > int64(len(pdf)):
		res.problem(msgProblemTruncated)
		return res, nil
	case end < int64(len(pdf)):
		res.problem(msgProblemAppended, int64(len(pdf))-end)
	default:
		res.CoversWholeFile = true
	}
	gapStart, gapEnd := int(br[1]), int(br[2])
	contents := sig["Contents"]
	cmsDER, isBytes := contents.v.([]byte)
	if !isBytes || contents.start != gapStart || contents.end != gapEnd || pdf[gapStart] != '<' || !allHex(pdf[gapStart+1:gapEnd-1]) {
		res.problem(msgProblemGap)
		return res, nil
	}

	p, err := parseCMS(cmsDER)
	if err != nil {
		res.problem(msgProblemCMS, err)
		return res, nil
	}
	if res.SigningTime.IsZero() && !p.signingTime.IsZero() {
		res.SigningTime = p.signingTime
	}
	h, ok := hashFor(p.digestAlg)
	if !ok {
		res.problem(msgProblemDigestAlg, p.digestAlg)
		return res, nil
	}
	hh := h.New()
	hh.Write(pdf[br[0] : br[0]+br[1]])
	hh.Write(pdf[br[2]:end])
	docDigest := hh.Sum(nil)

	if p.signedAttrs != nil {
		switch {
		case p.messageDigest == nil:
			res.problem(msgProblemNoDigest)
		case !bytes.Equal(p.messageDigest, docDigest):
			res.problem(msgProblemDigest)
		}
		if p.contentType != nil && !p.contentType.Equal(oidData) {
			res.problem(msgProblemContentType)
		}
	}

	leaf := p.signer()
	if leaf == nil {
		why := p.certErr
		if why == nil {
			why = errors.New(msgCertNotFound)
		}
		res.problem(msgProblemNoSigner, why)
		return res, nil
	}
	res.Signer = leaf
	res.Chain = buildChain(leaf, p.certs)
	if err := p.verifySignature(leaf, h, docDigest); err != nil {
		res.problem("%s", err.Error())
	}
	if len(p.certV2Hashes) > 0 {
		sum := sha256.Sum256(leaf.Raw)
		if !p.certV2Alg[0].Equal(oidSHA256) || !bytes.Equal(p.certV2Hashes[0], sum[:]) {
			res.problem(msgProblemCertV2)
		}
	} else if res.SubFilter == SubFilter {
		res.problem(msgProblemNoCertV2)
	}
	switch {
	case res.SigningTime.IsZero():
		res.problem(msgProblemNoTime)
	case res.SigningTime.Before(leaf.NotBefore):
		res.problem(msgProblemNotYetValid, res.SigningTime.Format(time.RFC3339), leaf.NotBefore.Format(time.RFC3339))
	case res.SigningTime.After(leaf.NotAfter):
		res.problem(msgProblemExpired, res.SigningTime.Format(time.RFC3339), leaf.NotAfter.Format(time.RFC3339))
	}
	return res, nil
}

// lastByteRange returns the offset of the last "/ByteRange" key followed by
// an array, or -1.
func lastByteRange(pdf []byte) int {
	end := len(pdf)
	for {
		i := bytes.LastIndex(pdf[:end], byteRangeKey)
		if i < 0 {
			return -1
		}
		j := skipWhite(pdf, i+len(byteRangeKey))
		if j < len(pdf) && pdf[j] == '[' {
			return i
		}
		end = i
	}
}

// byteRange checks the /ByteRange array: four non-negative integers, the
// first range starting at 0 and the gap between the two ranges.
func byteRange(v value, size int) ([4]int64, string) {
	var br [4]int64
	arr, ok := v.([]value)
	if !ok || len(arr) != 4 {
		return br, "it is not an array of four numbers"
	}
	for i, x := range arr {
		t, ok := x.(token)
		n, err := strconv.ParseInt(string(t), 10, 64)
		if !ok || err != nil || n < 0 {
			return br, "it is not an array of four numbers"
		}
		br[i] = n
	}
	switch {
	case br[0] != 0:
		return br, "the first range does not start at the beginning of the file"
	case br[2] < br[1]+2:
		return br, "the two ranges overlap"
	case br[2] > int64(size):
		return br, "it points past the end of the file"
	}
	return br, ""
}

func allHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// fieldName returns /T of the field whose /V is the signature object.
func fieldName(pdf []byte, nr, gen int) string {
	re := regexp.MustCompile(fmt.Sprintf(`/V\s*%d\s+%d\s+R\b`, nr, gen))
	ms := re.FindAllIndex(pdf, -1)
	if len(ms) == 0 {
		return ""
	}
	at := ms[len(ms)-1][0]
	_, _, body, ok := objectBefore(pdf, at)
	if !ok {
		return ""
	}
	d, _, err := parseDict(pdf, body, 0)
	if err != nil {
		return ""
	}
	return text(d["T"].v)
}

// buildChain orders the embedded certificates from leaf up through issuers
// whose signatures check; unrelated certificates are left out.
func buildChain(leaf *x509.Certificate, certs []*x509.Certificate) []*x509.Certificate {
	chain := []*x509.Certificate{leaf}
	cur := leaf
	for len(chain) <= len(certs) {
		if bytes.Equal(cur.RawIssuer, cur.RawSubject) {
			break
		}
		var next *x509.Certificate
		for _, c := range certs {
			if c != cur && bytes.Equal(c.RawSubject, cur.RawIssuer) && cur.CheckSignatureFrom(c) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		chain = append(chain, next)
		cur = next
	}
	return chain
}

var pdfDateRe = regexp.MustCompile(`^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?$`)

// parsePDFDate reads a PDF date (D:YYYYMMDDHHmmSSOHH'mm', trailing parts optional).
func parsePDFDate(s string) (time.Time, bool) {
	m := pdfDateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	num := func(i, def int) int {
		if m[i] == "" {
			return def
		}
		n, _ := strconv.Atoi(m[i])
		return n
	}
	loc := time.UTC
	if m[7] == "+" || m[7] == "-" {
		off := num(8, 0)*3600 + num(9, 0)*60
		if m[7] == "-" {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(num(1, 0), time.Month(num(2, 1)), num(3, 1), num(4, 0), num(5, 0), num(6, 0), 0, loc)
	return t, true
}

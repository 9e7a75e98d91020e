// Package pdfsign signs any PDF with one invisible PAdES baseline B-B
// signature (ETSI.CAdES.detached, SHA-256) appended as an incremental
// update, and verifies the last signature of a PDF without the network.
//
// The update is written by hand (the pages and catalog are found with
// pdfcpu, which only parses): the Sig dictionary, one signature
// field/widget, the last page with the widget in /Annots, the catalog with
// /AcroForm, a classic xref section and a trailer with /Prev. The CMS is
// built here on x/crypto/cryptobyte from a precomputed digest, so any
// crypto.Signer (key file, HSM, KMS) can sign.
package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/md5"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// DefaultPlaceholder is the room (in bytes of DER) reserved for the CMS when
// Options.Placeholder is zero: enough for an RSA key with a chain of three
// certificates, not for embedded timestamps or revocation data.
const DefaultPlaceholder = 8192

// SubFilter is the signature format written by Sign (PAdES baseline).
const SubFilter = "ETSI.CAdES.detached"

// Options describe the signature dictionary. Text fields are free text shown
// by PDF viewers; empty ones are left out.
type Options struct {
	Name        string    // signer's name (/Name)
	Reason      string    // why the document is signed (/Reason)
	Location    string    // where it was signed (/Location)
	ContactInfo string    // how to reach the signer (/ContactInfo)
	Time        time.Time // claimed signing time (/M); zero means now
	Placeholder int       // bytes reserved for the CMS; 0 means DefaultPlaceholder
}

// byteRangeWidth is the fixed width of the /ByteRange array, room for four
// 10-digit numbers, so filling it in moves no offsets.
const byteRangeWidth = 48

var configOnce sync.Once

// config returns a pdfcpu configuration that never touches the user's
// config directory (pdfcpu would otherwise create ~/.config/pdfcpu) unless
// the program already chose a config path itself.
func config() *model.Configuration {
	configOnce.Do(func() {
		if model.ConfigPath == "default" {
			api.DisableConfigDir()
		}
	})
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Offline = true
	return conf
}

// Sign returns pdf with one signature appended by signer, whose certificate
// is chain[0]; the rest of chain (intermediates, root) is embedded too so
// verifiers can build the path. The input is not modified. Nothing is
// written after the signature, so the signature covers the whole file. The
// result is verified before it is returned.
func Sign(pdf []byte, signer crypto.Signer, chain []*x509.Certificate, opts Options) ([]byte, error) {
	if signer == nil || len(chain) == 0 || chain[0] == nil {
		return nil, errors.New(msgNoCertificate)
	}
	if !publicKeysEqual(signer.Public(), chain[0].PublicKey) {
		return nil, errors.New(msgKeyCertMismatch)
	}
	if opts.Placeholder <= 0 {
		opts.Placeholder = DefaultPlaceholder
	}
	if opts.Time.IsZero() {
		opts.Time = time.Now()
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New(msgNotPDF)
	}
	out := make([]byte, len(pdf), len(pdf)+2*opts.Placeholder+4096)
	copy(out, pdf)
	upgradeHeader(out)

	upd, err := buildUpdate(out, opts)
	if err != nil {
		return nil, err
	}
	out = append(out, upd.text...)
	contentsStart := upd.contentsAt + len(pdf)
	contentsEnd := contentsStart + 2 + 2*opts.Placeholder
	br := fmt.Sprintf("[0 %d %d %d", contentsStart, contentsEnd, len(out)-contentsEnd)
	br += strings.Repeat(" ", byteRangeWidth-1-len(br)) + "]"
	copy(out[upd.byteRangeAt+len(pdf):], br)

	h := sha256.New()
	h.Write(out[:contentsStart])
	h.Write(out[contentsEnd:])
	cms, err := buildCMS(h.Sum(nil), signer, chain)
	if err != nil {
		return nil, err
	}
	if len(cms) > opts.Placeholder {
		return nil, fmt.Errorf(msgPlaceholderSmall, len(cms), opts.Placeholder)
	}
	hex.Encode(out[contentsStart+1:], cms)

	res, err := Verify(out)
	if err != nil {
		return nil, fmt.Errorf(msgSelfCheck, err)
	}
	if !res.Valid {
		return nil, fmt.Errorf(msgSelfCheck, strings.Join(res.Problems, "; "))
	}
	return out, nil
}

// upgradeHeader rewrites a %PDF-1.0 … %PDF-1.6 header to %PDF-1.7 in place
// (same length, no offset moves): gofpdf writes 1.3 but uses 1.4+ features,
// and AcroForm signatures with SHA-256 belong to 1.7.
func upgradeHeader(pdf []byte) {
	if len(pdf) >= 8 && bytes.HasPrefix(pdf, []byte("%PDF-1.")) && pdf[7] >= '0' && pdf[7] < '7' {
		pdf[7] = '7'
	}
}

// update is the text of the incremental update and where its placeholders
// are, relative to the start of text.
type update struct {
	text        []byte
	byteRangeAt int // offset of the /ByteRange array's '['
	contentsAt  int // offset of the /Contents string's '<'
}

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// buildUpdate writes the incremental update for pdf (whose header was
// already upgraded) with placeholders for /ByteRange and /Contents.
func buildUpdate(pdf []byte, opts Options) (*update, error) {
	tail := pdf
	if len(tail) > 1024 {
		tail = tail[len(tail)-1024:]
	}
	m := startxrefRe.FindSubmatch(tail)
	if m == nil {
		return nil, errors.New(msgNoStartxref)
	}
	prev, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil {
		return nil, errors.New(msgNoStartxref)
	}

	ctx, err := readContext(pdf)
	if err != nil {
		return nil, err
	}
	xt := ctx.XRefTable
	if xt.Encrypt != nil || xt.E != nil {
		return nil, errors.New(msgEncrypted)
	}
	if xt.Root == nil || xt.Size == nil {
		return nil, fmt.Errorf(msgParse, "no catalog")
	}
	if err := xt.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf(msgParse, err)
	}
	if xt.PageCount < 1 {
		return nil, fmt.Errorf(msgParse, "no pages")
	}
	pageDict, pageRef, _, err := xt.PageDict(xt.PageCount, false)
	if err != nil || pageDict == nil || pageRef == nil {
		return nil, fmt.Errorf(msgParse, fmt.Sprint("last page: ", err))
	}
	catalog, err := xt.Catalog()
	if err != nil {
		return nil, fmt.Errorf(msgParse, err)
	}

	size := *xt.Size
	sigNr, widgetNr := size, size+1
	widgetRef := *types.NewIndirectRef(widgetNr, 0)

	// Last page with the widget appended to its annotations.
	page := pageDict.Clone().(types.Dict)
	annots := types.Array{}
	if o, ok := page.Find("Annots"); ok && o != nil {
		arr, err := xt.DereferenceArray(o)
		if err != nil {
			return nil, fmt.Errorf(msgParse, err)
		}
		annots = append(annots, arr...)
	}
	page["Annots"] = append(annots, widgetRef)

	// Catalog with an AcroForm that lists the new field, merging any form.
	cat := catalog.Clone().(types.Dict)
	form := types.NewDict()
	fields := types.Array{}
	if o, ok := cat.Find("AcroForm"); ok && o != nil {
		d, err := xt.DereferenceDict(o)
		if err != nil {
			return nil, fmt.Errorf(msgParse, err)
		}
		if d != nil {
			form = d.Clone().(types.Dict)
		}
		if fo, ok := form.Find("Fields"); ok && fo != nil {
			arr, err := xt.DereferenceArray(fo)
			if err != nil {
				return nil, fmt.Errorf(msgParse, err)
			}
			fields = append(fields, arr...)
		}
	}
	fieldName := freeFieldName(xt, fields)
	form["Fields"] = append(fields, widgetRef)
	form["SigFlags"] = types.Integer(3)
	cat["AcroForm"] = form

	var b bytes.Buffer
	if pdf[len(pdf)-1] != '\n' && pdf[len(pdf)-1] != '\r' {
		b.WriteByte('\n')
	}
	offsets := map[int]int{} // object number -> offset within b
	gens := map[int]int{}

	offsets[sigNr] = b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /%s /ByteRange ", sigNr, SubFilter)
	u := &update{byteRangeAt: b.Len()}
	b.WriteString("[0 0 0 0" + strings.Repeat(" ", byteRangeWidth-9) + "]")
	b.WriteString(" /Contents ")
	u.contentsAt = b.Len()
	b.WriteByte('<')
	b.Write(bytes.Repeat([]byte{'0'}, 2*opts.Placeholder))
	b.WriteByte('>')
	fmt.Fprintf(&b, "\n/M %s", pdfDate(opts.Time))
	for _, kv := range [][2]string{{"Name", opts.Name}, {"Reason", opts.Reason}, {"Location", opts.Location}, {"ContactInfo", opts.ContactInfo}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " /%s %s", kv[0], textString(kv[1]))
		}
	}
	b.WriteString(">>\nendobj\n")

	offsets[widgetNr] = b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<</Type /Annot /Subtype /Widget /FT /Sig /T %s /V %d 0 R /F 132 /Rect [0 0 0 0] /P %s>>\nendobj\n",
		widgetNr, textString(fieldName), sigNr, pageRef.PDFString())

	pageNr, pageGen := pageRef.ObjectNumber.Value(), pageRef.GenerationNumber.Value()
	offsets[pageNr], gens[pageNr] = b.Len(), pageGen
	fmt.Fprintf(&b, "%d %d obj\n%s\nendobj\n", pageNr, pageGen, page.PDFString())

	rootNr, rootGen := xt.Root.ObjectNumber.Value(), xt.Root.GenerationNumber.Value()
	offsets[rootNr], gens[rootNr] = b.Len(), rootGen
	fmt.Fprintf(&b, "%d %d obj\n%s\nendobj\n", rootNr, rootGen, cat.PDFString())

	base := len(pdf)
	xrefAt := base + b.Len()
	b.WriteString("xref\n")
	nrs := make([]int, 0, len(offsets))
	for nr := range offsets {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	for i := 0; i < len(nrs); {
		j := i
		for j+1 < len(nrs) && nrs[j+1] == nrs[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nrs[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(&b, "%010d %05d n\r\n", base+offsets[nrs[k]], gens[nrs[k]])
		}
		i = j + 1
	}

	// A fresh second ID marks this revision; the first ID is kept if present.
	idNew := md5.Sum(append([]byte(pdfDate(opts.Time)), pdf[len(pdf)-min(len(pdf), 4096):]...))
	idFirst := idNew[:]
	if len(xt.ID) == 2 {
		if s, ok := idString(xt.ID[0]); ok {
			idFirst = s
		}
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %s", size+2, xt.Root.PDFString())
	if xt.Info != nil {
		fmt.Fprintf(&b, " /Info %s", xt.Info.PDFString())
	}
	fmt.Fprintf(&b, " /ID [<%X> <%X>] /Prev %d>>\nstartxref\n%d\n%%%%EOF\n", idFirst, idNew[:], prev, xrefAt)
	u.text = b.Bytes()
	return u, nil
}

// readContext parses pdf with pdfcpu.
func readContext(pdf []byte) (*model.Context, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), config())
	if err != nil {
		return nil, fmt.Errorf(msgParse, err)
	}
	return ctx, nil
}

// freeFieldName returns "Signature1", or the first "SignatureN" that no
// existing top-level field uses.
func freeFieldName(xt *model.XRefTable, fields types.Array) string {
	used := map[string]bool{}
	for _, f := range fields {
		d, err := xt.DereferenceDict(f)
		if err != nil || d == nil {
			continue
		}
		if s, err := d.StringOrHexLiteralEntry("T"); err == nil && s != nil {
			used[*s] = true
		}
	}
	for n := 1; ; n++ {
		name := fmt.Sprintf("Signature%d", n)
		if !used[name] {
			return name
		}
	}
}

// idString returns the bytes of a trailer /ID element.
func idString(o types.Object) ([]byte, bool) {
	switch v := o.(type) {
	case types.HexLiteral:
		b, err := v.Bytes()
		return b, err == nil
	case types.StringLiteral:
		b, err := types.Unescape(v.Value())
		return b, err == nil
	}
	return nil, false
}

// pdfDate formats t as a PDF date, D:YYYYMMDDHHmmSS+HH'mm'.
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("(D:%s%c%02d'%02d')", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}

// textString encodes s as a PDF text string: a literal string in UTF-16BE
// with a byte-order mark, non-printable bytes as octal escapes. Literal
// rather than hex because pdfcpu only reports literal /Name /Reason etc.
func textString(s string) string {
	var raw []byte
	raw = append(raw, 0xFE, 0xFF)
	for _, u := range utf16.Encode([]rune(s)) {
		raw = append(raw, byte(u>>8), byte(u))
	}
	var b strings.Builder
	b.WriteByte('(')
	for _, c := range raw {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7F:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

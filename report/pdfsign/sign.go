// Package pdfsign signs a PDF with one PAdES baseline signature
// (ETSI.CAdES.detached, SHA-256) appended as an incremental update,
// optionally certifying it (DocMDP), with a visible appearance and an RFC
// 3161 signature time-stamp; adds document time-stamps later; and verifies
// every signature and every revision of a PDF without the network.
//
// The update is written by hand: the Sig dictionary, one signature
// field/widget (and its appearance), the page with the widget in /Annots,
// the catalog with /AcroForm (and /Perms), a classic xref section and a
// trailer with /Prev. The CMS is built here on x/crypto/cryptobyte from a
// precomputed digest, so any crypto.Signer (key file, HSM, KMS) can sign.
package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// DefaultPlaceholder is the room (in bytes of DER) reserved for the CMS when
// Options.Placeholder is zero: enough for an RSA key with a chain of three
// certificates, not for embedded time-stamps or revocation data.
const DefaultPlaceholder = 8192

// TimestampRoom is added to the default placeholder when the signature is
// time-stamped: a token with its TSA chain takes a few kilobytes.
const TimestampRoom = 16384

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
	Placeholder int       // bytes reserved for the CMS; 0 means DefaultPlaceholder (+TimestampRoom)
	// Certify makes this a certification signature with DocMDP
	// permissions P=Certify (1: no changes; validation data and document
	// time-stamps may still follow). 0 makes an approval signature.
	Certify int
	// Appearance, when set, makes the signature visible.
	Appearance *Appearance
	// Timestamper, when set, time-stamps the signature value at once
	// (PAdES B-T).
	Timestamper Timestamper
}

// byteRangeWidth is the fixed width of the /ByteRange array, room for four
// 10-digit numbers, so filling it in moves no offsets.
const byteRangeWidth = 48

// ErrAlreadySigned is returned by Sign for a PDF that already carries a
// signature: a report is signed once, and a second signature would make
// verify refuse it.
var ErrAlreadySigned = errors.New(msgAlreadySigned)

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
	if err := checkSigner(signer, chain, &opts); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New(msgNotPDF)
	}
	if _, err := Verify(pdf); !errors.Is(err, ErrNotSigned) {
		return nil, ErrAlreadySigned
	}
	out := make([]byte, len(pdf), len(pdf)+2*opts.Placeholder+8192)
	copy(out, pdf)
	upgradeHeader(out)

	u, err := prepare(memSource(out), opts)
	if err != nil {
		return nil, err
	}
	out = append(out, u.bytes...)
	h := sha256.New()
	h.Write(out[:u.contentsStart])
	h.Write(out[u.contentsEnd:])
	cms, err := u.cms(h.Sum(nil), signer, chain, opts)
	if err != nil {
		return nil, err
	}
	hex.Encode(out[u.contentsStart+1:], cms)

	res, err := Verify(out)
	if err := selfCheck(res, err); err != nil {
		return nil, err
	}
	return out, nil
}

// SignFile is Sign on the PDF in f, in place: the header is upgraded, the
// signature's update appended and its /Contents written where it belongs;
// the signed ranges are hashed, and the result verified (VerifyReader),
// by reading f a chunk at a time. Memory stays near the size of the update
// whatever the size of the file. On error f is cut back to its size before
// the update (its header may already say %PDF-1.7).
func SignFile(f *os.File, signer crypto.Signer, chain []*x509.Certificate, opts Options) (err error) {
	if err := checkSigner(signer, chain, &opts); err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf(msgRead, err)
	}
	size := st.Size()
	head := make([]byte, 8)
	if n, _ := f.ReadAt(head, 0); !bytes.HasPrefix(head[:n], []byte("%PDF-")) {
		return errors.New(msgNotPDF)
	}
	if _, err := VerifyReader(f, size); !errors.Is(err, ErrNotSigned) {
		if err != nil {
			return err // it could not be read
		}
		return ErrAlreadySigned
	}
	if upgradeHeader(head) {
		if _, err := f.WriteAt(head[7:8], 7); err != nil {
			return err
		}
	}
	src, err := fileSource(f, size)
	if err != nil {
		return err
	}
	u, err := prepare(src, opts)
	if err == nil && src.err != nil {
		err = fmt.Errorf(msgRead, src.err)
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Truncate(size)
		}
	}()
	if _, err := f.WriteAt(u.bytes, size); err != nil {
		return err
	}
	total := size + int64(len(u.bytes))
	if src, err = fileSource(f, total); err != nil {
		return err
	}
	h := sha256.New()
	src.hash(h, 0, u.contentsStart)
	src.hash(h, u.contentsEnd, src.size)
	if src.err != nil {
		return fmt.Errorf(msgRead, src.err)
	}
	cms, err := u.cms(h.Sum(nil), signer, chain, opts)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(hex.EncodeToString(cms)), int64(u.contentsStart+1)); err != nil {
		return err
	}
	res, err := VerifyReader(f, total)
	return selfCheck(res, err)
}

// checkSigner checks the key and certificate and fills in the defaults of
// opts.
func checkSigner(signer crypto.Signer, chain []*x509.Certificate, opts *Options) error {
	if signer == nil || len(chain) == 0 || chain[0] == nil {
		return errors.New(msgNoCertificate)
	}
	if !publicKeysEqual(signer.Public(), chain[0].PublicKey) {
		return errors.New(msgKeyCertMismatch)
	}
	if opts.Placeholder <= 0 {
		opts.Placeholder = DefaultPlaceholder
		if opts.Timestamper != nil {
			opts.Placeholder += TimestampRoom
		}
	}
	if opts.Time.IsZero() {
		opts.Time = time.Now()
	}
	if c := chain[0]; opts.Time.Before(c.NotBefore) || opts.Time.After(c.NotAfter) {
		return fmt.Errorf(msgCertNotValidAt, opts.Time.Format(time.RFC3339), c.NotBefore.Format(time.RFC3339), c.NotAfter.Format(time.RFC3339))
	}
	return nil
}

// selfCheck turns the verification of a file just signed into an error
// unless the inspector's signature is valid and covers the whole file.
func selfCheck(res *Result, err error) error {
	if err != nil {
		return fmt.Errorf(msgSelfCheck, err)
	}
	if !res.Valid || res.Inspector == nil || !res.CoversWholeFile {
		return fmt.Errorf(msgSelfCheck, problemKinds(res.Problems))
	}
	return nil
}

// update is a signature's incremental update, ready to append: /ByteRange
// filled in, /Contents still zeros. contentsStart and contentsEnd are the
// file offsets of the /Contents string, "<" to after ">".
type update struct {
	bytes                      []byte
	contentsStart, contentsEnd int
	placeholder                int
}

// prepare writes the update that signs the PDF in src (header already
// upgraded).
func prepare(src *source, opts Options) (*update, error) {
	u, err := newUpdater(src)
	if err != nil {
		return nil, err
	}
	sigNr, widgetNr := u.newObject(), u.newObject()
	p, err := u.page(pageOf(opts.Appearance))
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /%s /ByteRange [0 0 0 0%s] /Contents <%s>\n/M %s",
		SubFilter, strings.Repeat(" ", byteRangeWidth-9), strings.Repeat("0", 2*opts.Placeholder), pdfDate(opts.Time))
	for _, kv := range [][2]string{{"Name", opts.Name}, {"Reason", opts.Reason}, {"Location", opts.Location}, {"ContactInfo", opts.ContactInfo}} {
		if kv[1] != "" {
			fmt.Fprintf(&sb, " /%s %s", kv[0], textString(kv[1]))
		}
	}
	if opts.Certify > 0 {
		fmt.Fprintf(&sb, "\n/Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P %d /V /1.2>>>>]", min(opts.Certify, 3))
	}
	sb.WriteString(">>")
	u.set(sigNr, 0, sb.String())

	widget := fmt.Sprintf("<</Type /Annot /Subtype /Widget /FT /Sig /T %s /V %d 0 R /F 132 /P %d %d R",
		textString(u.fieldName("Signature")), sigNr, p.nr, gen(u, p.nr))
	if a := opts.Appearance; a != nil && a.Rect[2] > a.Rect[0] && a.Rect[3] > a.Rect[1] {
		apNr, fontNr, fdNr := u.newObject(), u.newObject(), u.newObject()
		content := appearanceStream(a)
		w, h := a.Rect[2]-a.Rect[0], a.Rect[3]-a.Rect[1]
		u.set(apNr, 0, fmt.Sprintf("<</Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] /Resources <</Font <</F1 %d 0 R>> /ProcSet [/PDF /Text]>> /Length %d>>\nstream\n%s\nendstream",
			w, h, fontNr, len(content), content))
		u.set(fontNr, 0, fontDict(fdNr))
		u.set(fdNr, 0, helveticaDescriptor)
		widget += fmt.Sprintf(" /Rect [%.2f %.2f %.2f %.2f] /AP <</N %d 0 R>>>>", a.Rect[0], a.Rect[1], a.Rect[2], a.Rect[3], apNr)
	} else {
		widget += " /Rect [0 0 0 0]>>"
	}
	u.set(widgetNr, 0, widget)
	u.addAnnot(p, widgetNr)
	u.addField(widgetNr, func(cat dict) bool {
		if opts.Certify <= 0 {
			return false
		}
		perms := cloneDict(u.d.dictOf(u.last, cat["Perms"].v))
		perms["DocMDP"] = entry{v: ref{sigNr, 0}}
		cat["Perms"] = entry{v: perms}
		return true
	})

	upd, at, err := u.write(opts.Time, sigNr, "[0 0 0 0", "/Contents <")
	if err != nil {
		return nil, err
	}
	at[1] += len("/Contents ")
	base := src.size
	contentsStart := base + at[1]
	contentsEnd := contentsStart + 2 + 2*opts.Placeholder
	br := fmt.Sprintf("[0 %d %d %d", contentsStart, contentsEnd, base+len(upd)-contentsEnd)
	br += strings.Repeat(" ", byteRangeWidth-1-len(br)) + "]"
	copy(upd[at[0]:], br)
	return &update{bytes: upd, contentsStart: contentsStart, contentsEnd: contentsEnd, placeholder: opts.Placeholder}, nil
}

// cms signs digest and checks that the CMS fits the placeholder.
func (u *update) cms(digest []byte, signer crypto.Signer, chain []*x509.Certificate, opts Options) ([]byte, error) {
	cms, err := buildCMS(digest, signer, chain, opts.Timestamper)
	if err != nil {
		return nil, err
	}
	if len(cms) > u.placeholder {
		return nil, fmt.Errorf(msgPlaceholderSmall, len(cms), u.placeholder)
	}
	return cms, nil
}

func pageOf(a *Appearance) int {
	if a == nil {
		return 0
	}
	return a.Page
}

func gen(u *updater, nr int) int {
	if o := u.d.object(u.last, nr); o != nil {
		return o.gen
	}
	return 0
}

// problemKinds lists the kinds of findings, for an error message.
func problemKinds(fs []Finding) string {
	var out []string
	for _, f := range fs {
		s := string(f.Kind)
		if f.Detail != "" {
			s += " (" + f.Detail + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// upgradeHeader rewrites a %PDF-1.0 … %PDF-1.6 header to %PDF-1.7 in place
// (same length, no offset moves): gofpdf writes 1.3 but uses 1.4+ features,
// and AcroForm signatures with SHA-256 belong to 1.7.
func upgradeHeader(pdf []byte) bool {
	if len(pdf) >= 8 && bytes.HasPrefix(pdf, []byte("%PDF-1.")) && pdf[7] >= '0' && pdf[7] < '7' {
		pdf[7] = '7'
		return true
	}
	return false
}

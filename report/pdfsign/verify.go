package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// ErrNotSigned is returned by Verify for a PDF without any signature.
var ErrNotSigned = errors.New(msgNotSigned)

// SigKind says what a signature is for.
type SigKind string

// Signature kinds.
const (
	SigApproval      SigKind = "approval"
	SigCertification SigKind = "certification" // approval plus DocMDP permissions
	SigDocTimestamp  SigKind = "document_timestamp"
)

// Signature is one signature dictionary of the file and what checking it
// found.
type Signature struct {
	Kind      SigKind
	Object    int    // the signature dictionary's object number
	FieldName string // fully qualified name of the field whose /V it is
	SubFilter string
	// Revision is the 1-based revision the signature ends at: it covers
	// that revision and every earlier one.
	Revision        int
	ByteRange       [4]int64
	CoversWholeFile bool
	// Signer is the CMS signer's certificate (the TSA's for a document
	// time-stamp); Chain is Signer then the issuers found in the CMS.
	Signer *x509.Certificate
	Chain  []*x509.Certificate
	// ClaimedTime is the signer's own claim (/M, else the CMS
	// signing-time): never evidence of when the signature was made.
	ClaimedTime                         time.Time
	Name, Reason, Location, ContactInfo string
	DocMDP                              int // P of a certification signature, else 0
	// Timestamp is the verified RFC 3161 token: over the signature value
	// for an approval signature (nil when it has none), the token itself
	// for a document time-stamp.
	Timestamp *Timestamp
	// Intact: the signature's own checks passed (ranges, CMS, digest,
	// signature value, certificate binding, token).
	Intact bool
}

// Revision is one revision of the file (a span ending in %%EOF) and what
// it did.
type Revision struct {
	Number     int // 1-based, in file order
	Start, End int64
	XRefStream bool
	Changes    []Finding
}

// Result is what Verify found. Trust in the signer (is this the inspector
// we expect, was the certificate valid) is the caller's decision: the
// result gives the certificates and the verified time-stamps to decide it.
type Result struct {
	// Valid is true when Problems is empty: the inspector's signature
	// (the first approval or certification signature) is intact, covers
	// its revision, and everything after that revision is an allowed
	// addition (validation data, intact document time-stamps).
	Valid    bool
	Problems []Finding

	Signatures []*Signature
	Revisions  []Revision
	Inspector  *Signature // nil when no approval signature was found

	// The inspector's signature, copied for convenience.
	Signer                              *x509.Certificate
	Chain                               []*x509.Certificate
	SigningTime                         time.Time // claimed, see Signature.ClaimedTime
	SubFilter, FieldName                string
	Name, Reason, Location, ContactInfo string
	CoversWholeFile                     bool
	SignedBytes                         [2][2]int64
	Certified                           bool
	DocMDP                              int
	// SignatureTimestamp is the verified token over the inspector's
	// signature value; DocumentTimestamps are intact document time-stamps
	// added after it. Either proves the signature existed at its Time.
	SignatureTimestamp *Timestamp
	DocumentTimestamps []*Timestamp
}

// sigObj is a signature dictionary found in the final view.
type sigObj struct {
	nr  int
	obj *object
	d   dict
}

// fieldInfo is a signature field of the final view.
type fieldInfo struct {
	nr   int
	name string
}

type verifier struct {
	src     *source
	d       *document
	res     *Result
	sigs    []*sigObj
	fields  map[int][]fieldInfo // signature object -> fields whose /V it is
	known   [][2]int            // spans holding a known /ByteRange (signature objects)
	data    [][2]int            // stream data spans of every object read
	allowed map[int][]Finding   // revision index -> allowed additions it made
}

// Verify checks every signature and every revision of pdf. It returns
// ErrNotSigned when there is no trace of a signature, and otherwise a
// Result whose Problems say what is wrong. It never uses the network.
func Verify(pdf []byte) (*Result, error) {
	return verify(memSource(pdf))
}

// VerifyReader is Verify for a PDF of size bytes read from r (a file): it
// reads the objects it needs and hashes the signed ranges a chunk at a
// time, so memory stays small whatever the file's size, and it finds what
// Verify finds in the same bytes. A read error is returned as an error.
func VerifyReader(r io.ReaderAt, size int64) (*Result, error) {
	src, err := fileSource(r, size)
	if err != nil {
		return nil, err
	}
	res, err := verify(src)
	if src.err != nil {
		return nil, fmt.Errorf(msgRead, src.err)
	}
	return res, err
}

func verify(src *source) (*Result, error) {
	v := &verifier{src: src, res: &Result{}, fields: map[int][]fieldInfo{}, allowed: map[int][]Finding{}}
	d, err := loadDocument(src)
	if err != nil {
		if src.contains(byteRangeKey) {
			v.problem(Finding{Kind: KindStructure, Detail: structureDetail(err)})
			return v.finish(), nil
		}
		return nil, ErrNotSigned
	}
	v.d = d
	if d.skippedRevisions() > 0 {
		v.problem(Finding{Kind: KindStructure, Detail: "xref_chain"})
	}
	v.collectObjects()
	// In file order before anything reports on them: the final view is a
	// map, and the same file must give the same findings in the same order.
	sort.Slice(v.sigs, func(i, j int) bool { return v.sigs[i].obj.start < v.sigs[j].obj.start })
	v.collectFields()
	orphans := v.rawScan()
	if len(v.sigs) == 0 && orphans == 0 && len(v.res.Problems) == 0 {
		return nil, ErrNotSigned
	}
	// Each signature's own problems, to list them after what matters more:
	// the inspector's first, then "a second signature was added", then
	// what is wrong with that second signature itself.
	own := map[*Signature][]Finding{}
	for _, so := range v.sigs {
		before := len(v.res.Problems)
		s := v.checkSig(so)
		own[s] = append([]Finding(nil), v.res.Problems[before:]...)
		v.res.Problems = v.res.Problems[:before]
		v.res.Signatures = append(v.res.Signatures, s)
	}
	var insp *Signature
	for _, s := range v.res.Signatures {
		if s.Kind != SigDocTimestamp && insp == nil {
			insp = s
			v.res.Problems = append(v.res.Problems, own[s]...)
		}
	}
	for _, s := range v.res.Signatures {
		if s == insp {
			continue
		}
		if s.Kind != SigDocTimestamp {
			v.problem(Finding{Kind: KindSecondSignature, Revision: s.Revision, Subject: subjectOf(s.Signer), Object: s.Object})
		}
		v.res.Problems = append(v.res.Problems, own[s]...)
	}
	if insp == nil && len(v.res.Problems) == 0 {
		return nil, ErrNotSigned
	}
	v.res.Inspector = insp
	if d.eofEnd < src.size {
		v.problem(Finding{Kind: KindDataAfterEOF, Revision: len(d.revs)})
	}
	ri := -1
	if insp != nil && insp.Revision > 0 {
		ri = insp.Revision - 1
		v.inspector(insp)
		v.checkCertification(insp)
		for k := ri + 1; k < len(d.revs); k++ {
			v.checkRevision(k)
		}
		for _, s := range v.res.Signatures {
			if s.Kind == SigDocTimestamp && s.Intact && s.Revision > insp.Revision && s.Timestamp != nil {
				v.res.DocumentTimestamps = append(v.res.DocumentTimestamps, s.Timestamp)
			}
		}
	}
	v.listRevisions(ri)
	return v.finish(), nil
}

// structureDetail is the reason code of a document that cannot be read,
// for the caller to word (the error texts are English).
func structureDetail(err error) string {
	for _, c := range []struct {
		err  error
		code string
	}{
		{errNoXref, "structure_no_xref"}, {errBadXref, "structure_bad_xref"}, {errXrefLoop, "structure_xref_loop"},
		{errTooLarge, "structure_limit"}, {errBadObject, "structure_bad_object"}, {errWrongObjNr, "structure_bad_object"},
		{errBadFilter, "structure_filter"}, {errSyntax, "structure_bad_object"},
	} {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return err.Error()
}

func (v *verifier) finish() *Result {
	v.res.Valid = len(v.res.Problems) == 0
	return v.res
}

func (v *verifier) problem(f Finding) { v.res.Problems = append(v.res.Problems, f) }

var byteRangeKey = []byte("/ByteRange")

// maxStrayFindings bounds the stray signature dictionaries rawScan names.
const maxStrayFindings = 16

// collectObjects reads every object every cross-reference section names
// (so their stream data is known), and the signature dictionaries of the
// final view.
func (v *verifier) collectObjects() {
	d := v.d
	for _, s := range d.chain {
		r := d.revs[s.rev]
		for nr, e := range s.entries {
			if e.kind != 'n' {
				continue
			}
			if o, err := d.objectAt(r, nr, e); err == nil && o.isStream {
				v.data = append(v.data, [2]int{o.dataStart, o.dataEnd})
			}
		}
	}
	last := d.last()
	for nr, e := range last.view {
		if e.kind == 'f' {
			continue
		}
		o, err := d.objectAt(last, nr, e)
		if err != nil || o == nil {
			continue
		}
		if dd, ok := o.v.(dict); ok && isSigDict(dd) {
			v.sigs = append(v.sigs, &sigObj{nr: nr, obj: o, d: dd})
			if o.start >= 0 {
				v.known = append(v.known, [2]int{o.start, o.end})
			}
		}
	}
}

// isSigDict reports whether dd looks like a signature dictionary.
func isSigDict(dd dict) bool {
	switch dd.name("Type") {
	case "Sig", "DocTimeStamp":
		return true
	}
	if _, ok := dd["ByteRange"]; ok {
		return true
	}
	_, c := dd["Contents"]
	_, f := dd["SubFilter"]
	return c && f
}

// collectFields walks the final view's AcroForm field tree and records
// which field refers to which signature dictionary.
func (v *verifier) collectFields() {
	d := v.d
	last := d.last()
	cat := d.catalog(last)
	form := d.dictOf(last, cat["AcroForm"].v)
	seen := map[int]bool{}
	count := 0
	var walk func(arr []value, parent, ft string, depth int)
	walk = func(arr []value, parent, ft string, depth int) {
		if depth > 32 {
			return
		}
		for _, kid := range arr {
			if count++; count > maxObjects {
				return
			}
			r, ok := kid.(ref)
			if !ok || seen[r.nr] {
				continue
			}
			seen[r.nr] = true
			f := d.dictOf(last, r)
			if f == nil {
				continue
			}
			name := parent
			if t, ok := f["T"].v.([]byte); ok {
				if name != "" {
					name += "."
				}
				name += text(t)
			}
			fft := ft
			if n := f.name("FT"); n != "" {
				fft = n
			}
			if fft == "Sig" {
				switch val := f["V"].v.(type) {
				case ref:
					v.fields[val.nr] = append(v.fields[val.nr], fieldInfo{nr: r.nr, name: name})
				case dict:
					if isSigDict(val) {
						// A signature stored inside its field, not as its own
						// object: its /Contents cannot be a clean gap.
						v.problem(Finding{Kind: KindSigDamaged, Detail: DamageDictionary, Name: name, Object: r.nr})
						if o := d.object(last, r.nr); o != nil && o.start >= 0 {
							v.known = append(v.known, [2]int{o.start, o.end})
						}
					}
				}
			}
			walk(d.arrayOf(last, f["Kids"].v), name, fft, depth+1)
		}
	}
	walk(d.arrayOf(last, form["Fields"].v), "", "", 0)
	for _, so := range v.sigs {
		if len(v.fields[so.nr]) == 0 {
			v.problem(Finding{Kind: KindSigUnreferenced, Object: so.nr})
		}
	}
}

// rawScan looks for "/ByteRange" anywhere outside stream data and outside
// the signature dictionaries already found: a signature dictionary that the
// document's structure does not show (a byte search would still find it).
// It returns how many it found.
func (v *verifier) rawScan() int {
	in := func(spans [][2]int, at int) bool {
		for _, s := range spans {
			if at >= s[0] && at < s[1] {
				return true
			}
		}
		return false
	}
	// The final view's objects by offset, to tell a signature dictionary
	// that cannot be read (its field refers to it) from a stray one.
	type at struct{ off, nr int }
	var objs []at
	for nr, e := range v.d.last().view {
		if e.kind == 'n' {
			objs = append(objs, at{e.off, nr})
		}
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	n := 0
	v.src.each(byteRangeKey, func(off int) bool {
		if in(v.known, off) || in(v.data, off) {
			return true
		}
		// A few are enough to refuse the file and say why; a file made of
		// millions would otherwise cost a finding (and time) each.
		if n++; n > maxStrayFindings {
			return false
		}
		k := sort.Search(len(objs), func(k int) bool { return objs[k].off > off }) - 1
		if k >= 0 && len(v.fields[objs[k].nr]) > 0 {
			if o := v.d.object(v.d.last(), objs[k].nr); o == nil {
				v.problem(Finding{Kind: KindSigDamaged, Detail: DamageDictionary, Object: objs[k].nr, Name: v.fields[objs[k].nr][0].name})
				return true
			}
		}
		v.problem(Finding{Kind: KindSigUnreferenced, Detail: "offset " + strconv.Itoa(off)})
		return true
	})
	return n
}

// revisionOf returns the index of the revision holding offset at.
func (v *verifier) revisionOf(at int) int {
	for i, r := range v.d.revs {
		if at >= r.start && at < r.end {
			return i
		}
	}
	return len(v.d.revs) - 1
}

// revisionEnding returns the revision whose %%EOF ends at end (allowing the
// one end-of-line marker after it), or -1.
func (v *verifier) revisionEnding(end int) int {
	for i, r := range v.d.revs {
		eof := -1
		for _, s := range r.sections {
			if s.end == r.end {
				eof = s.eofEnd
			}
		}
		if eof >= 0 && end >= eof && end <= r.end {
			return i
		}
	}
	return -1
}

// checkSig checks one signature dictionary and its CMS.
func (v *verifier) checkSig(so *sigObj) *Signature {
	dd := so.d
	s := &Signature{Object: so.nr, SubFilter: dd.name("SubFilter"), Kind: SigApproval}
	if fs := v.fields[so.nr]; len(fs) > 0 {
		s.FieldName = fs[0].name
	}
	if so.obj.start >= 0 {
		s.Revision = v.revisionOf(so.obj.start) + 1
	}
	typ := dd.name("Type")
	if typ == "DocTimeStamp" || s.SubFilter == "ETSI.RFC3161" {
		s.Kind = SigDocTimestamp
	}
	s.Name, s.Reason = text(dd["Name"].v), text(dd["Reason"].v)
	s.Location, s.ContactInfo = text(dd["Location"].v), text(dd["ContactInfo"].v)
	if t, ok := parsePDFDate(text(dd["M"].v)); ok {
		s.ClaimedTime = t
	}
	if s.Kind == SigApproval {
		// What the dictionary claims, even when the rest is damaged, so a
		// damaged certification signature is not also "inconsistent".
		if s.DocMDP = docMDP(v.d, dd); s.DocMDP > 0 {
			s.Kind = SigCertification
		}
	}
	before := len(v.res.Problems)
	defer func() { s.Intact = len(v.res.Problems) == before }()
	damaged := func(detail string) *Signature {
		v.problem(Finding{Kind: KindSigDamaged, Detail: detail, Revision: s.Revision, Object: so.nr, Name: s.FieldName})
		return s
	}

	if so.obj.objStm != 0 || so.obj.start < 0 {
		return damaged(DamageCompressed)
	}
	switch {
	case s.Kind == SigDocTimestamp && (typ != "DocTimeStamp" && typ != "" || s.SubFilter != "ETSI.RFC3161"):
		return damaged(DamageType)
	case s.Kind != SigDocTimestamp && typ != "" && typ != "Sig":
		return damaged(DamageType)
	case s.Kind != SigDocTimestamp && s.SubFilter != "adbe.pkcs7.detached" && s.SubFilter != SubFilter:
		if s.SubFilter == "" {
			return damaged(DamageDictionary)
		}
		v.problem(Finding{Kind: KindSigUnsupported, Name: s.SubFilter, Revision: s.Revision, Object: so.nr})
		return s
	}

	// /ByteRange [0 a b c]: four plain non-negative integers.
	arr, ok := dd["ByteRange"].v.([]value)
	if !ok || len(arr) != 4 {
		return damaged(DamageByteRange)
	}
	var br [4]int64
	for i, x := range arr {
		t, ok := x.(token)
		n, ok2 := uintToken(t)
		if !ok || !ok2 {
			return damaged(DamageByteRange)
		}
		br[i] = int64(n)
	}
	s.ByteRange = br
	if br[0] != 0 || br[1] <= 0 {
		return damaged(DamageByteRange)
	}
	ce := dd["Contents"]
	switch raw := ce.v.(type) {
	case []byte:
		if len(raw) == 0 {
			return damaged(DamageNoContents)
		}
	case badHex: // decodeContents names the bad byte
	default:
		return damaged(DamageNoContents)
	}
	end := br[2] + br[3]
	if end > int64(v.src.size) {
		v.problem(Finding{Kind: KindTruncated, Revision: s.Revision})
		return s
	}
	// The unsigned gap is exactly the /Contents string, "<" hex ">".
	if br[1] != int64(ce.start) || br[2] != int64(ce.end) || ce.end-ce.start < 4 {
		return damaged(DamageGap)
	}
	gap := v.src.slice(ce.start, ce.end)
	if len(gap) != ce.end-ce.start || gap[0] != '<' {
		return damaged(DamageGap)
	}
	der, why := decodeContents(gap[1 : len(gap)-1])
	if why != "" {
		return damaged(why)
	}
	ri := v.revisionEnding(int(end))
	if ri < 0 || so.obj.start < v.d.revs[ri].start || so.obj.end > int(end) {
		return damaged(DamageByteRangeEnd)
	}
	s.Revision = ri + 1
	s.CoversWholeFile = end == int64(v.src.size)

	if s.Kind == SigDocTimestamp {
		v.checkDocTimestamp(s, der, br)
		return s
	}
	v.checkCMS(s, der, br)
	return s
}

// decodeContents reads the hex digits of /Contents: only hex digits, one
// letter case, one DER CMS followed by zero padding only. Anything else
// means the bytes outside the signature were changed.
func decodeContents(h []byte) ([]byte, string) {
	if len(h)%2 != 0 {
		return nil, DamageNotHex
	}
	upper, lower := false, false
	for _, c := range h {
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'f':
			lower = true
		case c >= 'A' && c <= 'F':
			upper = true
		default:
			return nil, DamageNotHex
		}
	}
	if upper && lower {
		return nil, DamageHexCase
	}
	raw := make([]byte, len(h)/2)
	for i := range raw {
		hi, _ := hexDigit(h[2*i])
		lo, _ := hexDigit(h[2*i+1])
		raw[i] = hi<<4 | lo
	}
	in := cryptobyte.String(raw)
	var el cryptobyte.String
	if !in.ReadASN1Element(&el, cbasn1.SEQUENCE) {
		return nil, DamageCMS
	}
	for _, c := range in {
		if c != 0 {
			return nil, DamagePadding
		}
	}
	return el, ""
}

// rangeDigest hashes the two signed ranges.
func (v *verifier) rangeDigest(h crypto.Hash, br [4]int64) []byte {
	hh := h.New()
	v.src.hash(hh, int(br[0]), int(br[0]+br[1]))
	v.src.hash(hh, int(br[2]), int(br[2]+br[3]))
	return hh.Sum(nil)
}

// checkDocTimestamp checks an ETSI.RFC3161 document time-stamp: its token
// must time-stamp exactly the signed ranges.
func (v *verifier) checkDocTimestamp(s *Signature, der []byte, br [4]int64) {
	h, ok := tokenHash(der)
	if !ok {
		v.problem(Finding{Kind: KindTimestampBad, Name: "document", Detail: TokenMalformed, Revision: s.Revision, Object: s.Object})
		return
	}
	ts, err := verifyToken(der, v.rangeDigest(h, br), h)
	if err != nil {
		var te tokenError
		detail := TokenMalformed
		if errors.As(err, &te) {
			detail = string(te)
		}
		v.problem(Finding{Kind: KindTimestampBad, Name: "document", Detail: detail, Revision: s.Revision, Object: s.Object})
		return
	}
	s.Timestamp, s.Signer, s.Chain, s.ClaimedTime = ts, ts.TSA, ts.TSAChain, ts.Time
}

// checkCMS checks an approval signature's CMS over the signed ranges.
func (v *verifier) checkCMS(s *Signature, der []byte, br [4]int64) {
	at := Finding{Revision: s.Revision, Object: s.Object, Name: s.FieldName}
	with := func(k Kind, f func(*Finding)) {
		p := at
		p.Kind = k
		if f != nil {
			f(&p)
		}
		v.problem(p)
	}
	p, err := parseSignedData(der)
	if err != nil || !p.eContentType.Equal(oidData) || p.eContent != nil {
		with(KindSigDamaged, func(f *Finding) { f.Detail = DamageCMS })
		return
	}
	h, ok := hashFor(p.si.digestAlg)
	if !ok {
		with(KindSigUnsupported, func(f *Finding) { f.Name = p.si.digestAlg.String() })
		return
	}
	for oid := range p.si.unsigned {
		if oid != oidAttrTimeStamp.String() {
			with(KindSigDamaged, func(f *Finding) { f.Detail = DamageCMS })
			return
		}
	}
	digest := v.rangeDigest(h, br)
	if p.si.signedAttrs != nil {
		md, err := p.si.messageDigest()
		ct, err2 := p.si.contentType()
		if err != nil || err2 != nil || !ct.Equal(oidData) {
			with(KindSigDamaged, func(f *Finding) { f.Detail = DamageCMS })
			return
		}
		if !bytes.Equal(md, digest) {
			with(KindChanged, nil)
		}
	} else if s.SubFilter == SubFilter {
		with(KindSigDamaged, func(f *Finding) { f.Detail = DamageCMS })
		return
	}
	if t := p.si.signingTime(); s.ClaimedTime.IsZero() && !t.IsZero() {
		s.ClaimedTime = t
	}
	leaf := p.signerCert()
	if leaf == nil {
		with(KindSigDamaged, func(f *Finding) { f.Detail = DamageNoSigner })
		return
	}
	s.Signer, s.Chain = leaf, buildChain(leaf, p.certs)
	switch err := p.verifySignature(leaf, h, digest); {
	case errors.Is(err, errUnsupportedAlg):
		with(KindSigUnsupported, func(f *Finding) { f.Name = p.si.sigAlg.String() })
	case err != nil:
		with(KindSigInvalid, nil)
	}
	ids, has, err := p.si.essIDs()
	switch {
	case err != nil:
		with(KindSigDamaged, func(f *Finding) { f.Detail = DamageCMS })
	case has && !ids[0].matches(leaf), !has && s.SubFilter == SubFilter:
		with(KindCertNotSigned, nil)
	}
	if c := p.unboundCert(ids); c != nil {
		with(KindCertUnbound, func(f *Finding) { f.Subject = subjectOf(c) })
	}
	if tok, ok := p.si.unsigned[oidAttrTimeStamp.String()]; ok {
		th, ok := tokenHash(tok)
		var ts *Timestamp
		var err error = tokenError(TokenMalformed)
		if ok {
			hh := th.New()
			hh.Write(p.si.signature)
			ts, err = verifyToken(tok, hh.Sum(nil), th)
		}
		if err != nil {
			var te tokenError
			detail := TokenMalformed
			if errors.As(err, &te) {
				detail = string(te)
			}
			with(KindTimestampBad, func(f *Finding) { f.Name = "signature"; f.Detail = detail })
		} else {
			s.Timestamp = ts
		}
	}
}

// docMDP returns P of a DocMDP transform in the signature's /Reference, or 0.
func docMDP(d *document, sig dict) int {
	last := d.last()
	for _, x := range d.arrayOf(last, sig["Reference"].v) {
		r := d.dictOf(last, x)
		if r.name("TransformMethod") != "DocMDP" {
			continue
		}
		p := 2 // ISO 32000: the default
		if tp := d.dictOf(last, r["TransformParams"].v); tp != nil {
			if n, ok := intValue(tp["P"].v); ok {
				p = n
			}
		}
		if p < 1 || p > 3 {
			p = 1
		}
		return p
	}
	return 0
}

// checkCertification checks that a certification signature and the
// catalog's /Perms /DocMDP name each other, and that no other signature
// claims to certify.
func (v *verifier) checkCertification(insp *Signature) {
	d := v.d
	var sigRev *revision
	if insp.Revision > 0 {
		sigRev = d.revs[insp.Revision-1]
	} else {
		sigRev = d.last()
	}
	perms := d.dictOf(sigRev, d.catalog(sigRev)["Perms"].v)
	pr, hasPerms := perms["DocMDP"].v.(ref)
	switch {
	case insp.Kind == SigCertification && (!hasPerms || pr.nr != insp.Object):
		v.problem(Finding{Kind: KindCertification, Revision: insp.Revision})
	case insp.Kind != SigCertification && perms["DocMDP"].v != nil:
		v.problem(Finding{Kind: KindCertification, Revision: insp.Revision})
	}
	for _, s := range v.res.Signatures {
		if s != insp && s.Kind == SigCertification {
			v.problem(Finding{Kind: KindCertification, Revision: s.Revision})
		}
	}
}

// inspector copies the inspector's signature into the result.
func (v *verifier) inspector(s *Signature) {
	r := v.res
	r.Signer, r.Chain, r.SigningTime = s.Signer, s.Chain, s.ClaimedTime
	r.SubFilter, r.FieldName = s.SubFilter, s.FieldName
	r.Name, r.Reason, r.Location, r.ContactInfo = s.Name, s.Reason, s.Location, s.ContactInfo
	r.CoversWholeFile = s.CoversWholeFile
	br := s.ByteRange
	r.SignedBytes = [2][2]int64{{br[0], br[0] + br[1]}, {br[2], br[2] + br[3]}}
	r.Certified, r.DocMDP = s.Kind == SigCertification, s.DocMDP
	r.SignatureTimestamp = s.Timestamp
}

// listRevisions fills Result.Revisions; ri is the inspector's revision
// index (-1 when unknown). Later revisions already have their changes.
func (v *verifier) listRevisions(ri int) {
	changes := map[int][]Finding{}
	for _, p := range v.res.Problems {
		if p.Revision > 0 && p.Revision-1 > ri && ri >= 0 {
			changes[p.Revision-1] = append(changes[p.Revision-1], p)
		}
	}
	for i, r := range v.d.revs {
		rv := Revision{Number: i + 1, Start: int64(r.start), End: int64(r.end)}
		for _, s := range r.sections {
			rv.XRefStream = rv.XRefStream || s.stream
		}
		switch {
		case ri < 0:
		case i < ri:
			rv.Changes = []Finding{{Kind: KindRevBeforeSigned}}
		case i == ri:
			rv.Changes = []Finding{{Kind: KindRevSigned, Subject: subjectOf(v.res.Signer)}}
		default:
			rv.Changes = append(v.allowed[i], changes[i]...)
			if len(rv.Changes) == 0 {
				rv.Changes = []Finding{{Kind: KindRevNothing, Revision: i + 1}}
			}
		}
		v.res.Revisions = append(v.res.Revisions, rv)
	}
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

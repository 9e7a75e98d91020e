package pdfsign

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// updater writes one incremental update: changed and new objects, a
// classic cross-reference table and a trailer chained with /Prev to the
// revision before. The same writer adds the inspector's signature and a
// later document time-stamp, so both look alike to the verifier.
type updater struct {
	d    *document
	last *revision
	size int
	objs map[int]string // object number -> its value as PDF text
	gens map[int]int
}

func newUpdater(src *source) (*updater, error) {
	d, err := loadDocument(src)
	if err != nil {
		return nil, fmt.Errorf(msgParse, err)
	}
	if d.eofEnd != src.size {
		return nil, fmt.Errorf(msgParse, "data after the last %%EOF")
	}
	last := d.last()
	if last.trailer["Encrypt"].v != nil {
		return nil, errors.New(msgEncrypted)
	}
	size, ok := intValue(last.trailer["Size"].v)
	if !ok || size < 1 || size > maxObjects {
		return nil, fmt.Errorf(msgParse, "no /Size in the trailer")
	}
	if _, ok := last.trailer["Root"].v.(ref); !ok || d.catalog(last) == nil {
		return nil, fmt.Errorf(msgParse, "no catalog")
	}
	return &updater{d: d, last: last, size: size, objs: map[int]string{}, gens: map[int]int{}}, nil
}

// newObject reserves a new object number.
func (u *updater) newObject() int {
	u.size++
	return u.size - 1
}

// set writes object nr (generation gen) with the given value text.
func (u *updater) set(nr, gen int, body string) {
	u.objs[nr], u.gens[nr] = body, gen
}

// setValue writes a parsed value back, for an object that existed.
func (u *updater) setValue(nr int, v value) {
	gen := 0
	if o := u.d.object(u.last, nr); o != nil {
		gen = o.gen
	}
	u.set(nr, gen, writeValue(v))
}

// lastPage returns page n (1-based; 0 = last) as an indirect object.
func (u *updater) page(n int) (page, error) {
	pages, _, ok := u.d.pageList(u.last)
	if !ok || len(pages) == 0 {
		return page{}, fmt.Errorf(msgParse, "no pages")
	}
	if n == 0 {
		n = len(pages)
	}
	if n < 1 || n > len(pages) || pages[n-1].nr == 0 {
		return page{}, fmt.Errorf(msgBadPage, n, len(pages))
	}
	return pages[n-1], nil
}

// addAnnot appends widget to page p's /Annots (rewriting the page, or its
// indirect /Annots array).
func (u *updater) addAnnot(p page, widget int) {
	w := ref{widget, 0}
	if r, ok := p.d["Annots"].v.(ref); ok {
		u.setValue(r.nr, append(append([]value{}, u.d.arrayOf(u.last, r)...), w))
		return
	}
	nd := cloneDict(p.d)
	arr, _ := nd["Annots"].v.([]value)
	nd["Annots"] = entry{v: append(append([]value{}, arr...), w)}
	u.setValue(p.nr, nd)
}

// addField appends field to the AcroForm /Fields (creating the AcroForm
// when there is none) and sets /SigFlags 3; edit may change the catalog
// further (it is then written even if the AcroForm is indirect).
func (u *updater) addField(field int, edit func(cat dict) bool) {
	root := u.last.trailer["Root"].v.(ref)
	cat := cloneDict(u.d.catalog(u.last))
	catChanged := edit != nil && edit(cat)
	f := ref{field, 0}
	switch form := cat["AcroForm"].v.(type) {
	case ref:
		fd := cloneDict(u.d.dictOf(u.last, form))
		if fr, ok := fd["Fields"].v.(ref); ok {
			u.setValue(fr.nr, append(append([]value{}, u.d.arrayOf(u.last, fr)...), f))
		} else {
			arr, _ := fd["Fields"].v.([]value)
			fd["Fields"] = entry{v: append(append([]value{}, arr...), f)}
		}
		fd["SigFlags"] = entry{v: token("3")}
		u.setValue(form.nr, fd)
	default:
		fd, _ := form.(dict)
		fd = cloneDict(fd)
		if fr, ok := fd["Fields"].v.(ref); ok {
			u.setValue(fr.nr, append(append([]value{}, u.d.arrayOf(u.last, fr)...), f))
		} else {
			arr, _ := fd["Fields"].v.([]value)
			fd["Fields"] = entry{v: append(append([]value{}, arr...), f)}
		}
		fd["SigFlags"] = entry{v: token("3")}
		cat["AcroForm"] = entry{v: fd}
		catChanged = true
	}
	if catChanged {
		u.setValue(root.nr, cat)
	}
}

// fieldName returns "Signature1", or the first "SignatureN" (or prefix+N)
// no top-level field uses.
func (u *updater) fieldName(prefix string) string {
	used := map[string]bool{}
	form := u.d.dictOf(u.last, u.d.catalog(u.last)["AcroForm"].v)
	for _, x := range u.d.arrayOf(u.last, form["Fields"].v) {
		used[text(u.d.dictOf(u.last, x)["T"].v)] = true
	}
	for n := 1; ; n++ {
		name := prefix + strconv.Itoa(n)
		if !used[name] {
			return name
		}
	}
}

// write returns the update's bytes (to append to the file) and the
// offsets, in the update, of marker1 and marker2 inside object sig.
func (u *updater) write(stamp time.Time, sig int, markers ...string) ([]byte, []int, error) {
	var b bytes.Buffer
	size := u.d.src.size
	tail := u.d.src.slice(size-4096, size) // names the revision (/ID)
	if len(tail) == 0 {
		return nil, nil, fmt.Errorf(msgParse, "empty file")
	}
	if c := tail[len(tail)-1]; c != '\n' && c != '\r' {
		b.WriteByte('\n')
	}
	nrs := make([]int, 0, len(u.objs))
	for nr := range u.objs {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	offsets := map[int]int{}
	var at []int
	for _, nr := range nrs {
		offsets[nr] = b.Len()
		fmt.Fprintf(&b, "%d %d obj\n", nr, u.gens[nr])
		start := b.Len()
		b.WriteString(u.objs[nr])
		if nr == sig {
			for _, m := range markers {
				i := bytes.Index(b.Bytes()[start:], []byte(m))
				if i < 0 {
					return nil, nil, errors.New("pdfsign: placeholder not found")
				}
				at = append(at, start+i)
			}
		}
		b.WriteString("\nendobj\n")
	}
	base := size
	xrefAt := base + b.Len()
	b.WriteString("xref\n")
	for i := 0; i < len(nrs); {
		j := i
		for j+1 < len(nrs) && nrs[j+1] == nrs[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nrs[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(&b, "%010d %05d n\r\n", base+offsets[nrs[k]], u.gens[nrs[k]])
		}
		i = j + 1
	}
	// A fresh second ID marks this revision; the first ID is kept.
	idNew := md5.Sum(append([]byte(stamp.UTC().Format(time.RFC3339Nano)), tail...))
	idFirst := idNew[:]
	if id, ok := u.last.trailer["ID"].v.([]value); ok && len(id) == 2 {
		if s, ok := id[0].([]byte); ok && len(s) > 0 {
			idFirst = s
		}
	}
	prevAt := -1
	for _, s := range u.last.sections {
		if s.end == u.last.end {
			prevAt = s.at
		}
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %s", u.size, writeValue(u.last.trailer["Root"].v))
	if info := u.last.trailer["Info"].v; info != nil {
		fmt.Fprintf(&b, " /Info %s", writeValue(info))
	}
	fmt.Fprintf(&b, " /ID [<%X> <%X>] /Prev %d>>\nstartxref\n%d\n%%%%EOF\n", idFirst, idNew[:], prevAt, xrefAt)
	return b.Bytes(), at, nil
}

func cloneDict(d dict) dict {
	out := dict{}
	for k, e := range d {
		out[k] = entry{v: e.v}
	}
	return out
}

// writeValue writes a parsed value as PDF text (dictionary keys sorted).
func writeValue(v value) string {
	var b strings.Builder
	writeTo(&b, v)
	return b.String()
}

func writeTo(b *strings.Builder, v value) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case pdfName:
		b.WriteString("/" + string(x))
	case token:
		b.WriteString(string(x))
	case []byte:
		fmt.Fprintf(b, "<%X>", x)
	case ref:
		fmt.Fprintf(b, "%d %d R", x.nr, x.gen)
	case []value:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeTo(b, e)
		}
		b.WriteByte(']')
	case dict:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("<<")
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("/" + k + " ")
			writeTo(b, x[k].v)
		}
		b.WriteString(">>")
	}
}

// pdfDate formats t as a PDF date string, (D:YYYYMMDDHHmmSS+HH'mm').
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
	raw := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		raw = append(raw, byte(u>>8), byte(u))
	}
	return pdfLiteral(raw)
}

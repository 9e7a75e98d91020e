package layout

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
)

// What gofpdf cannot write and PDF/A-3 asks for, added by Write: embedded
// files as associated files (/AF on the catalog, /AFRelationship, the MIME
// type and date of each), the XMP metadata stream, the output intent with
// its ICC profile, a file identifier, the binary comment after the header,
// and time zones on the document information's dates. The report gives the
// content (the files, the XMP packet, the profile); layout the structure.

// File is a file embedded in the document as an associated file.
type File struct {
	Name        string // its file name
	Description string // shown by viewers beside the name
	MIME        string // media type, e.g. "application/json"
	// Relationship is how it relates to the document: "Source" (what the
	// document was made from), "Data" (what its tables show),
	// "Alternative", "Supplement" or "Unspecified".
	Relationship string
	Content      []byte
}

// PDFA is the document-level structure of PDF/A-3b.
type PDFA struct {
	// XMP is the metadata packet (it must agree with Options' title,
	// subject, author, Created and the producer).
	XMP []byte
	// ICC is the output intent's profile, for the RGB the pages use, and
	// Condition names it ("sRGB IEC61966-2.1").
	ICC       []byte
	Condition string
}

// pdfDate is a PDF date with its time zone, in UTC.
func pdfDate(t time.Time) string { return "D:" + t.UTC().Format("20060102150405") + utcZone }

// utcZone is UTC in a PDF date, in the form PDF 1.7 gives (and strict
// readers want) rather than a bare Z.
const utcZone = "+00'00'"

// pdfText writes s as a PDF text string: a literal when it is printable
// ASCII, else UTF-16BE with a byte-order mark, in hex.
func pdfText(s string) string {
	ascii := true
	for _, r := range s {
		ascii = ascii && r >= 0x20 && r < 0x7f
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfName writes s as a PDF name, # escaping what a name cannot hold
// ("application/json" is /application#2Fjson).
func pdfName(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for _, c := range []byte(s) {
		if c < '!' || c > '~' || strings.IndexByte("#/()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// relationships PDF/A-3 allows for an associated file.
var relationships = []string{"Source", "Data", "Alternative", "Supplement", "Unspecified"}

// extra is what Write appends after gofpdf's last object and puts in the
// catalog: numbered from first.
type extra struct {
	objs    [][]byte // each object's bytes, "N 0 obj" … "endobj\n"
	catalog string   // entries to add to the catalog
}

// extraObjects builds the objects for the files and the PDF/A structure,
// numbered from first, and the catalog entries that refer to them.
func (d *Doc) extraObjects(first int) (extra, error) {
	var x extra
	nr := first
	add := func(body []byte) int {
		o := fmt.Appendf(nil, "%d 0 obj\n", nr)
		o = append(o, body...)
		o = append(o, "\nendobj\n"...)
		x.objs = append(x.objs, o)
		nr++
		return nr - 1
	}
	stream := func(dict string, data []byte, compress bool) []byte {
		if compress {
			var z bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
			zw.Write(data)
			zw.Close()
			data = z.Bytes()
			dict += " /Filter /FlateDecode"
		}
		b := fmt.Appendf(nil, "<<%s /Length %d>>\nstream\n", dict, len(data))
		b = append(b, data...)
		return append(b, "\nendstream"...)
	}
	var cat strings.Builder
	if len(d.files) > 0 {
		files := slices.Clone(d.files)
		// A name tree's keys are sorted.
		slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
		var names, af []string
		mod := pdfText(pdfDate(d.created))
		for _, f := range files {
			if !slices.Contains(relationships, f.Relationship) {
				return extra{}, fmt.Errorf("layout: %s: relationship %q is not one PDF/A-3 allows", f.Name, f.Relationship)
			}
			sum := md5.Sum(f.Content)
			ef := add(stream(fmt.Sprintf(" /Type /EmbeddedFile /Subtype %s /Params <</Size %d /CreationDate %s /ModDate %s /CheckSum <%X>>>",
				pdfName(f.MIME), len(f.Content), mod, mod, sum[:]), f.Content, true))
			spec := add(fmt.Appendf(nil, "<</Type /Filespec /F %s /UF %s /Desc %s /AFRelationship /%s /EF <</F %d 0 R /UF %d 0 R>>>>",
				pdfText(f.Name), pdfText(f.Name), pdfText(f.Description), f.Relationship, ef, ef))
			names = append(names, fmt.Sprintf("%s %d 0 R", pdfText(f.Name), spec))
			af = append(af, fmt.Sprintf("%d 0 R", spec))
		}
		fmt.Fprintf(&cat, "\n/Names <</EmbeddedFiles <</Names [%s]>>>>\n/AF [%s]", strings.Join(names, " "), strings.Join(af, " "))
	}
	if p := d.pdfa; p != nil {
		if len(p.XMP) == 0 || len(p.ICC) == 0 {
			return extra{}, errors.New("layout: PDF/A needs XMP metadata and an ICC profile")
		}
		meta := add(stream(" /Type /Metadata /Subtype /XML", p.XMP, false))
		icc := add(stream(" /N 3", p.ICC, true))
		intent := add(fmt.Appendf(nil, "<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier %s /Info %s /DestOutputProfile %d 0 R>>",
			pdfText(p.Condition), pdfText(p.Condition), icc))
		fmt.Fprintf(&cat, "\n/Metadata %d 0 R\n/OutputIntents [%d 0 R]", meta, intent)
	}
	x.catalog = cat.String()
	return x, nil
}

// catalogEdit puts extra entries (and /Lang) in gofpdf's catalog, the
// last object, replacing the empty name tree gofpdf writes when it has no
// attachments of its own.
func catalogEdit(body []byte, entries, lang string) (edit, error) {
	const key = "/Type /Catalog"
	at := bytes.LastIndex(body, []byte(key))
	if at < 0 || bytes.Count(body[at:], []byte("endobj")) != 1 {
		return edit{}, errors.New("layout: gofpdf's catalog is not where it puts it")
	}
	if lang != "" && len(lang) <= 35 && isTag(lang) {
		entries = "\n/Lang (" + lang + ")" + entries
	}
	e := edit{at: at + len(key), end: at + len(key), head: []byte(entries)}
	const empty = "\n/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>"
	if i := bytes.Index(body[at:], []byte(empty)); i >= 0 && strings.Contains(entries, "/Names ") {
		// Move the insertion to the empty tree's place and drop it.
		e.at, e.end = at+i, at+i+len(empty)
	}
	return e, nil
}

// headerEdit makes the header %PDF-1.7 (what PDF/A-3 is built on) and adds
// the comment of four bytes over 127 that marks the file as binary.
func headerEdit(body []byte) (edit, bool) {
	if len(body) < 9 || !bytes.HasPrefix(body, []byte("%PDF-1.")) || body[8] != '\n' {
		return edit{}, false
	}
	return edit{at: 0, end: 9, head: []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")}, true
}

// infoDateEdits gives the document information's dates a time zone (UTC),
// as their XMP copies have; gofpdf writes them without.
func infoDateEdits(body []byte, infoAt int) []edit {
	var out []edit
	end := bytes.Index(body[infoAt:], []byte("endobj"))
	if end < 0 {
		return nil
	}
	for _, k := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		i := bytes.Index(body[infoAt:infoAt+end], []byte(k))
		if i < 0 {
			continue
		}
		s := infoAt + i + len(k)
		if s+15 <= len(body) && body[s+14] == ')' {
			out = append(out, edit{at: s + 14, end: s + 14, head: []byte(utcZone)})
		}
	}
	return out
}

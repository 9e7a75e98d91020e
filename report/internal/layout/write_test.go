package layout

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// testJPEG encodes a w×h picture (grey or colour) with a seed of noise so
// that each is different and incompressible.
func testJPEG(t *testing.T, w, h int, gray bool, seed int) []byte {
	t.Helper()
	var img image.Image
	if gray {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for i := range g.Pix {
			g.Pix[i] = byte(i*7 + seed*31)
		}
		img = g
	} else {
		c := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				c.Set(x, y, color.RGBA{byte(x + seed), byte(y * seed), byte(x ^ y), 255})
			}
		}
		img = c
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pictureDoc lays out a page with the pictures registered under their
// names, the first turned a quarter, and writes it.
func pictureDoc(t *testing.T, pics map[string]JPEG, lang string) ([]byte, error) {
	t.Helper()
	d := New(Options{Title: "Informe", Lang: lang, Running: Running{Title: "Informe de auditoría", ID: "R-1",
		PageOf: func(p int, total string) string { return fmt.Sprintf("Página %d de %s", p, total) }}})
	d.pdf.AddPage()
	d.Para("Fotografías: ¿están todas? ¡Sí!", ContentW, LineH)
	y, rot := 40.0, 90.0
	for _, name := range sortedNames(pics) {
		if err := d.AddJPEG(name, pics[name]); err != nil {
			t.Fatal(err)
		}
		d.Image(name, MarginL, y, 60, 40, rot)
		y, rot = y+50, 0
	}
	var out bytes.Buffer
	err := d.Write(&out)
	return out.Bytes(), err
}

func sortedNames(m map[string]JPEG) []string { return slices.Sorted(maps.Keys(m)) }

// TestWriteStreamsPictures: pictures given as files and in memory land in
// the PDF byte for byte, once each, in streams of the right length; every
// cross-reference entry points at its object; the catalog says the
// language; pdfcpu accepts the file and poppler lists the pictures with
// their sizes and colours.
func TestWriteStreamsPictures(t *testing.T) {
	dir := t.TempDir()
	colour, grey, mem := testJPEG(t, 320, 200, false, 1), testJPEG(t, 90, 160, true, 2), testJPEG(t, 64, 48, false, 3)
	pc, pg := filepath.Join(dir, "colour.jpg"), filepath.Join(dir, "grey.jpg")
	os.WriteFile(pc, colour, 0o600)
	os.WriteFile(pg, grey, 0o600)
	pics := map[string]JPEG{
		"a-colour": {Width: 320, Height: 200, Path: pc, Size: int64(len(colour))},
		"b-grey":   {Width: 90, Height: 160, Gray: true, Path: pg, Size: int64(len(grey))},
		"c-memory": {Width: 64, Height: 48, Data: mem},
	}
	pdf, err := pictureDoc(t, pics, "es-CO")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"colour": colour, "grey": grey, "memory": mem} {
		i := bytes.Index(pdf, data)
		if i < 0 || bytes.Contains(pdf[i+1:], data) {
			t.Errorf("the %s picture is not in the PDF exactly once", name)
			continue
		}
		if head := fmt.Sprintf("/Length %d>>\nstream\n", len(data)); !bytes.HasSuffix(pdf[:i], []byte(head)) {
			t.Errorf("the %s picture's stream is not introduced by %q", name, head)
		}
	}
	if bytes.Contains(pdf, []byte("assay layout picture")) {
		t.Error("a placeholder is left in the PDF")
	}
	checkXref(t, pdf)
	if !bytes.Contains(pdf, []byte("/Type /Catalog\n/Lang (es-CO)")) {
		t.Error("no /Lang in the catalog")
	}

	if model.ConfigPath == "default" {
		api.DisableConfigDir() // pdfcpu must not create ~/.config/pdfcpu
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("pdfcpu strict validation: %v", err)
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		path := filepath.Join(t.TempDir(), "p.pdf")
		os.WriteFile(path, pdf, 0o600)
		out, err := exec.Command("pdfimages", "-list", path).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages: %v\n%s", err, out)
		}
		for _, want := range []string{`image\s+320\s+200\s+rgb\s+3\s+8\s+jpeg`, `image\s+90\s+160\s+gray\s+1\s+8\s+jpeg`, `image\s+64\s+48\s+rgb\s+3\s+8\s+jpeg`} {
			if !regexp.MustCompile(want).Match(out) {
				t.Errorf("pdfimages -list lacks %s:\n%s", want, out)
			}
		}
	}
}

// checkXref checks that startxref names the table and every entry in use
// points at "N 0 obj".
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", at)
	}
	lines := strings.Split(string(pdf[at:]), "\n")
	n, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	for k := 1; k < n; k++ {
		off, _ := strconv.Atoi(lines[2+k][:10])
		if want := fmt.Sprintf("%d 0 obj", k); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("object %d: the table says %d, where %q starts", k, off, pdf[off:min(off+12, len(pdf))])
		}
	}
}

// TestWriteRefusesChangedPicture: a picture file that changed size since it
// was laid out fails the write rather than corrupting the PDF, and one that
// is gone fails it too.
func TestWriteRefusesChangedPicture(t *testing.T) {
	dir := t.TempDir()
	data := testJPEG(t, 100, 80, false, 4)
	p := filepath.Join(dir, "p.jpg")
	os.WriteFile(p, data, 0o600)
	pics := map[string]JPEG{"p": {Width: 100, Height: 80, Path: p, Size: int64(len(data)) + 1}}
	if _, err := pictureDoc(t, pics, ""); !errors.Is(err, errChanged) {
		t.Errorf("a picture of another size: err = %v", err)
	}
	pics["p"] = JPEG{Width: 100, Height: 80, Path: filepath.Join(dir, "gone.jpg"), Size: 10}
	if _, err := pictureDoc(t, pics, ""); err == nil {
		t.Error("a missing picture file was written")
	}
}

// TestAddJPEGRefusesNonsense: a picture without pixels or bytes is refused
// before gofpdf sees it (gofpdf's errors are sticky).
func TestAddJPEGRefusesNonsense(t *testing.T) {
	d := New(Options{})
	for _, j := range []JPEG{{Width: 0, Height: 10, Data: []byte{1}}, {Width: 70000, Height: 10, Data: []byte{1}},
		{Width: 10, Height: 10}, {Width: 10, Height: 10, Path: "x.jpg"}} {
		if err := d.AddJPEG("x", j); err == nil {
			t.Errorf("%+v was accepted", j)
		}
	}
	if d.Err() != nil {
		t.Errorf("gofpdf saw a refused picture: %v", d.Err())
	}
}

// TestPlaceholderReadsAsThePicture: the placeholder gofpdf parses has the
// picture's size and colour model.
func TestPlaceholderReadsAsThePicture(t *testing.T) {
	for _, gray := range []bool{false, true} {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(placeholderJPEG(4032, 3024, gray, 7, "ev-abc")))
		want := color.YCbCrModel
		if gray {
			want = color.GrayModel
		}
		if err != nil || format != "jpeg" || cfg.Width != 4032 || cfg.Height != 3024 || cfg.ColorModel != want {
			t.Errorf("gray=%v: %v %s %+v", gray, err, format, cfg)
		}
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (w *failingWriter) Write(b []byte) (int, error) {
	if len(b) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(b)
	return len(b), nil
}

// TestWriteReportsWriteErrors: a write that fails (a full disk) in the
// middle of a picture or of the text is reported as itself, not as a
// changed picture.
func TestWriteReportsWriteErrors(t *testing.T) {
	data := testJPEG(t, 200, 150, false, 5)
	p := filepath.Join(t.TempDir(), "p.jpg")
	os.WriteFile(p, data, 0o600)
	write := func(w io.Writer) error {
		d := New(Options{})
		d.pdf.AddPage()
		if err := d.AddJPEG("p", JPEG{Width: 200, Height: 150, Path: p, Size: int64(len(data))}); err != nil {
			t.Fatal(err)
		}
		d.Image("p", MarginL, 40, 60, 45, 0)
		return d.Write(w)
	}
	var whole bytes.Buffer
	if err := write(&whole); err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(whole.Bytes(), data)
	for _, n := range []int{0, 100, at, at + len(data)/2, whole.Len() - 10} {
		if err := write(&failingWriter{n: n}); !errors.Is(err, errDiskFull) {
			t.Errorf("failing after %d bytes of %d: err = %v", n, whole.Len(), err)
		}
	}
}

// TestPagesCompressedAsGofpdfWould: gofpdf writes the pages uncompressed and
// Write compresses them with one zlib writer (gofpdf made one of 1 MB per
// page); the file is byte for byte the one gofpdf writes compressing them
// itself.
func TestPagesCompressedAsGofpdfWould(t *testing.T) {
	when := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	fill := func(d *Doc) {
		d.pdf.SetCreationDate(when)
		d.pdf.SetModificationDate(when)
		for p := range 3 {
			d.H1(fmt.Sprintf("Sección %d", p+1))
			d.Para(strings.Repeat("Inventario de mercurio conciliado con las compras. ", 40), ContentW, LineH)
			d.Table([]Column{{Title: "Requisito", W: 40}, {Title: "Hallazgo", W: ContentW - 40}},
				[][]Cell{{{Text: "2.1.6", Bold: true}, {Text: "Conforme: «registro diario»"}}, {{Text: "3.2.1"}, {Text: "No conforme"}}})
		}
	}
	opts := Options{Title: "Informe", Running: Running{Title: "Informe", ID: "R-1", Draft: true, Banner: "BORRADOR", Watermark: "BORRADOR",
		PageOf: func(p int, total string) string { return fmt.Sprintf("Página %d de %s", p, total) }}}
	ref := New(opts)
	ref.pdf.SetCompression(true)
	fill(ref)
	var want bytes.Buffer
	if err := ref.pdf.Output(&want); err != nil {
		t.Fatal(err)
	}
	d := New(opts)
	fill(d)
	var got bytes.Buffer
	if err := d.Write(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("Write's PDF (%d bytes) differs from gofpdf's compressed one (%d bytes)", got.Len(), want.Len())
	}
	if n := bytes.Count(got.Bytes(), []byte("/Filter /FlateDecode /Length")); n < 3 {
		t.Errorf("only %d compressed streams", n)
	}
}

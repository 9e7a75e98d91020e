package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/assay-dev/assay/audit"
)

// originals serves evidence as original files (not yet turned upright).
type originals map[string][]byte

func (o originals) Image(ev *audit.Evidence) ([]byte, bool, error) { return o[ev.SHA256], false, nil }

// bandBox renders a report whose only photo is a landscape picture with a
// red band across its upper third, stored with the given EXIF orientation,
// and returns the bounding box of the band on the rendered page.
func bandBox(t *testing.T, orientation int) (band image.Rectangle) {
	t.Helper()
	needTool(t, "pdftoppm")
	cat := testCatalog(3)
	a, _ := testAudit(t, cat, 0, 0)
	data := makeJPEG(t, 400, 300, 3)
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	a.Evidence = []audit.Evidence{{SHA256: sha, Name: "band.jpg", MediaType: "image/jpeg", Orientation: orientation}}
	pdf, err := Render(a, cat, originals{sha: data}, RenderOptions{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := writeTemp(t, "o.pdf", pdf)
	pages := len(pdfText(t, path))
	// The photographs are on the page before the signature page.
	n := pages - 1
	prefix := filepath.Join(dir, "p")
	if out, err := exec.Command("pdftoppm", "-r", "40", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-png", "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	raw, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	band = image.Rectangle{Min: image.Pt(1<<30, 1<<30)}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			if r > 170 && r < 230 && g > 35 && g < 90 && bl > 20 && bl < 70 {
				band.Min.X, band.Min.Y = min(band.Min.X, x), min(band.Min.Y, y)
				band.Max.X, band.Max.Y = max(band.Max.X, x+1), max(band.Max.Y, y+1)
			}
		}
	}
	if band.Empty() {
		t.Fatal("band not found on the page")
	}
	return band
}

func TestPhotoOrientationFromEXIF(t *testing.T) {
	up := bandBox(t, 1)
	if up.Dx() < 3*up.Dy() {
		t.Fatalf("upright band is not horizontal: %v", up)
	}
	for _, c := range []struct {
		orientation int
		rightSide   bool // where the band's side ends up after turning
	}{{6, true}, {8, false}} {
		b := bandBox(t, c.orientation)
		if b.Dy() < 3*b.Dx() {
			t.Errorf("orientation %d: band not vertical: %v", c.orientation, b)
			continue
		}
		// The picture is centred in a box; compare the band's position
		// with the centre of that box (the page's left column).
		centre := (up.Min.X + up.Max.X) / 2
		if got := b.Min.X > centre; got != c.rightSide {
			t.Errorf("orientation %d: band at x %d..%d, want right side %v of %d", c.orientation, b.Min.X, b.Max.X, c.rightSide, centre)
		}
	}
	down := bandBox(t, 3)
	if down.Min.Y <= up.Min.Y {
		t.Errorf("orientation 3: band at y %d, upright at %d: not turned", down.Min.Y, up.Min.Y)
	}
}

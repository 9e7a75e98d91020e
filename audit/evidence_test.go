package audit

import (
	"errors"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	photoPortrait = "../testdata/photos/bocamina-orientation6.jpg"
	photoPlain    = "../testdata/photos/almacen-mercurio.jpg"
)

func stOpenAudit(t testing.TB) (*Store, *Handle, *Audit) {
	t.Helper()
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return s, h, a
}

func TestImportPhotoReadsEXIFAndMakesUprightCopy(t *testing.T) {
	s, h, a := stOpenAudit(t)
	ev, err := h.ImportEvidence(a, photoPortrait, "1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	if ev.Name != "bocamina-orientation6.jpg" || ev.MediaType != "image/jpeg" || len(ev.SHA256) != 64 {
		t.Errorf("evidence: %+v", ev)
	}
	st, _ := os.Stat(photoPortrait)
	if ev.Size != st.Size() {
		t.Errorf("size %d, want %d", ev.Size, st.Size())
	}
	if ev.Orientation != 6 {
		t.Errorf("orientation %d, want 6", ev.Orientation)
	}
	// 09:42:17 at UTC-5 on the site.
	if want := time.Date(2026, 11, 18, 14, 42, 17, 0, time.UTC); !ev.Captured.Equal(want) {
		t.Errorf("captured %v, want %v", ev.Captured, want)
	}
	if ev.GPS == nil || math.Abs(ev.GPS.Lat-6.2442) > 1e-4 || math.Abs(ev.GPS.Lon-(-75.5812)) > 1e-4 {
		t.Errorf("GPS %+v, want 6.2442, -75.5812", ev.GPS)
	}
	// The stored original is byte for byte the file imported.
	orig := s.EvidencePath(a.ID, ev.SHA256)
	if filepath.Base(orig) != ev.SHA256+".jpg" || string(readFile(t, orig)) != string(readFile(t, photoPortrait)) {
		t.Errorf("stored original %s differs", orig)
	}
	// The report copy is upright: portrait, long edge 1600, sky at the top.
	dp := s.DerivedPath(a.ID, ev)
	if dp == "" || filepath.Base(dp) != ev.SHA256+".report.jpg" {
		t.Fatalf("derived %q", dp)
	}
	f, err := os.Open(dp)
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 1600 {
		t.Fatalf("derived is %dx%d, want 1200x1600 (portrait)", b.Dx(), b.Dy())
	}
	if !bluish(img, 600, 40) || bluish(img, 600, 1560) {
		t.Error("derived image is not upright: expected sky at the top and ground at the bottom")
	}
	// Linked both ways.
	if got := a.Findings["1.1.1"].Evidence; len(got) != 1 || got[0] != ev.SHA256 {
		t.Errorf("finding evidence %v", got)
	}
	if len(a.Evidence) != 1 || a.Evidence[0].Requirements[0] != "1.1.1" {
		t.Errorf("audit evidence %+v", a.Evidence)
	}
	// And it survives a save.
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Load(a.ID)
	if e, ok := back.EvidenceBySHA(ev.SHA256); !ok || e.Orientation != 6 || e.Derived == "" {
		t.Errorf("after save: %+v", e)
	}
}

// bluish reports whether the pixel at x,y is sky-coloured.
func bluish(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return b > r+0x2000 && b > g
}

func TestImportLandscapePhoto(t *testing.T) {
	s, h, a := stOpenAudit(t)
	ev, err := h.ImportEvidence(a, photoPlain, "2.1.5")
	if err != nil {
		t.Fatal(err)
	}
	if ev.Orientation != 1 || ev.GPS == nil || ev.Captured.IsZero() {
		t.Errorf("evidence %+v", ev)
	}
	f, _ := os.Open(s.DerivedPath(a.ID, ev))
	defer f.Close()
	cfg, err := jpeg.DecodeConfig(f)
	if err != nil || cfg.Width != 1600 || cfg.Height != 1200 {
		t.Errorf("derived %dx%d %v, want 1600x1200", cfg.Width, cfg.Height, err)
	}
}

func TestImportSameContentTwiceStoredOnce(t *testing.T) {
	s, h, a := stOpenAudit(t)
	first, err := h.ImportEvidence(a, photoPlain, "2.1.5")
	if err != nil {
		t.Fatal(err)
	}
	// Same bytes under another name, for another requirement.
	copyPath := filepath.Join(t.TempDir(), "IMG_2041.JPG")
	os.WriteFile(copyPath, readFile(t, photoPlain), 0o644)
	second, err := h.ImportEvidence(a, copyPath, "2.1.6", "2.1.5")
	if err != nil {
		t.Fatal(err)
	}
	if second.SHA256 != first.SHA256 || len(a.Evidence) != 1 {
		t.Fatalf("duplicate evidence entries: %+v", a.Evidence)
	}
	if got := a.Evidence[0].Requirements; strings.Join(got, ",") != "2.1.5,2.1.6" {
		t.Errorf("requirements %v", got)
	}
	if got := a.Findings["2.1.5"].Evidence; len(got) != 1 {
		t.Errorf("2.1.5 linked %d times", len(got))
	}
	// Both names are kept: the second is an alias, not lost to the first.
	if second.Name != filepath.Base(photoPlain) || !slices.Equal(second.Aliases, []string{"IMG_2041.JPG"}) {
		t.Errorf("names after a second import: %q aliases %q, want %q and [IMG_2041.JPG]", second.Name, second.Aliases, filepath.Base(photoPlain))
	}
	// The same name again adds nothing.
	if again, err := h.ImportEvidence(a, copyPath, "2.1.6"); err != nil || len(again.Aliases) != 1 {
		t.Errorf("third import under a known name: aliases %v, %v", again.Aliases, err)
	}
	if c := a.Clone(); &c.Evidence[0].Aliases[0] == &a.Evidence[0].Aliases[0] {
		t.Error("Clone shares the aliases")
	}
	files, _ := os.ReadDir(filepath.Join(s.Home(), "audits", a.ID, "evidence"))
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if len(files) != 2 { // the original and its report copy
		t.Errorf("evidence folder holds %v", names)
	}

	if err := h.DetachEvidence(a, first.SHA256, "2.1.5"); err != nil {
		t.Fatal(err)
	}
	if len(a.Findings["2.1.5"].Evidence) != 0 || strings.Join(a.Evidence[0].Requirements, ",") != "2.1.6" {
		t.Errorf("after detach: finding %v, evidence %v", a.Findings["2.1.5"].Evidence, a.Evidence[0].Requirements)
	}
	if err := h.DetachEvidence(a, first.SHA256, "2.1.5"); err == nil {
		t.Error("detaching twice succeeded")
	}
}

func TestImportRefusals(t *testing.T) {
	s, h, a := stOpenAudit(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "video.mp4")
	os.WriteFile(big, make([]byte, 4096), 0o644)
	s.MaxEvidenceBytes = 1024
	cases := []struct {
		path, want string
		kind       EvidenceProblem
	}{
		{filepath.Join(dir, "missing.jpg"), "does not exist", EvidenceMissing},
		{dir, "is a folder", EvidenceFolder},
		{big, "over the 1.0 KB limit", EvidenceTooBig},
	}
	for _, c := range cases {
		_, err := h.ImportEvidence(a, c.path, "1.1.1")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: got %v, want %q naming the path", c.path, err, c.want)
		}
		// As data too, for the UI to word in its language.
		var ee *EvidenceError
		if !errors.As(err, &ee) || ee.Kind != c.kind || ee.Path != c.path {
			t.Errorf("%s: error %#v is not an EvidenceError of kind %d", c.path, err, c.kind)
		}
	}
	s.MaxEvidenceBytes = DefaultMaxEvidenceBytes
	if _, err := h.ImportEvidence(a, photoPlain, "99.99"); err == nil || !strings.Contains(err.Error(), "99.99") {
		t.Errorf("unknown requirement: %v", err)
	}
	if len(a.Evidence) != 0 {
		t.Error("a refused import changed the audit")
	}
	files, _ := os.ReadDir(filepath.Join(s.Home(), "audits", a.ID, "evidence"))
	if len(files) != 0 {
		t.Errorf("refused imports left files: %d", len(files))
	}
}

func TestImportIntoFinalizedAuditRefused(t *testing.T) {
	s := stStore(t)
	cat := stCatalog(t)
	a := stFullAudit(cat, 100)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := Finalize(a, cat, testSigner, time.Now()); err != nil {
		t.Fatal(err)
	}
	_, err = h.ImportEvidence(a, photoPlain, "1.1.1")
	if err == nil || !strings.Contains(err.Error(), "amend it first") {
		t.Errorf("got %v", err)
	}
}

func TestImportTextFile(t *testing.T) {
	_, h, a := stOpenAudit(t)
	p := filepath.Join(t.TempDir(), "acta asamblea.csv")
	os.WriteFile(p, []byte("fecha,asistentes\n2026-10-02,41\n"), 0o644)
	ev, err := h.ImportEvidence(a, p, "1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ev.MediaType, "text/csv") || ev.Derived != "" || ev.GPS != nil {
		t.Errorf("csv evidence: %+v", ev)
	}
	if errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
}

func TestOrientAllEight(t *testing.T) {
	// A 3x2 image with distinct pixels; after applying each orientation the
	// pixel that was at the top-left of the upright scene must be there.
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	px := func(img image.Image, x, y int) uint32 { r, _, _, _ := img.At(x, y).RGBA(); return r >> 8 }
	// Where the stored pixel (sx, sy) lands for each orientation, per EXIF.
	type point struct{ x, y int }
	want := map[int]struct {
		w, h int
		at   map[point]point // output point -> source point
	}{
		1: {3, 2, map[point]point{{0, 0}: {0, 0}, {2, 1}: {2, 1}}},
		2: {3, 2, map[point]point{{0, 0}: {2, 0}}},
		3: {3, 2, map[point]point{{0, 0}: {2, 1}}},
		4: {3, 2, map[point]point{{0, 0}: {0, 1}}},
		5: {2, 3, map[point]point{{0, 0}: {0, 0}, {1, 0}: {0, 1}}},
		6: {2, 3, map[point]point{{0, 0}: {0, 1}, {1, 0}: {0, 0}}},
		7: {2, 3, map[point]point{{0, 0}: {2, 1}}},
		8: {2, 3, map[point]point{{0, 0}: {2, 0}, {0, 2}: {0, 0}}},
	}
	for o, w := range want {
		got := orient(src, o)
		if b := got.Bounds(); b.Dx() != w.w || b.Dy() != w.h {
			t.Errorf("orientation %d: %dx%d, want %dx%d", o, b.Dx(), b.Dy(), w.w, w.h)
			continue
		}
		for out, in := range w.at {
			if px(got, out.x, out.y) != px(src, in.x, in.y) {
				t.Errorf("orientation %d: pixel %v should come from %v", o, out, in)
			}
		}
	}
}

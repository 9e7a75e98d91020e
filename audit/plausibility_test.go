package audit

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit/exiftest"
)

// The site of stHeader is at 6.2442 N, 75.5812 W; the audit runs from
// 2026-11-16 to 2026-11-19.
var (
	onSite     = &[2]float64{6.2469, -75.5790} // the mercury store, 0.4 km away
	medellin   = &[2]float64{6.2518, -75.5636} // 2.1 km: inside the default 5 km
	hundredKm  = &[2]float64{7.1442, -75.5812} // 0.9° north: 100 km
	bogota     = &[2]float64{4.7110, -74.0721} // 240 km
	colombiaTZ = time.FixedZone("-05:00", -5*3600)
)

// importPhoto writes a photo with the given EXIF under name and imports it
// for requirement 1.1.1.
func importPhoto(t *testing.T, h *Handle, a *Audit, name string, p exiftest.Photo) *Evidence {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, exiftest.JPEG(p), 0o644); err != nil {
		t.Fatal(err)
	}
	ev, err := h.ImportEvidence(a, path, "1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func kinds(flags []EvidenceFlag) []EvidenceFlagKind {
	var out []EvidenceFlagKind
	for _, f := range flags {
		out = append(out, f.Kind)
	}
	return out
}

func TestPlausibilityMarksFromEXIF(t *testing.T) {
	_, h, a := stOpenAudit(t)
	cases := []struct {
		name  string
		photo exiftest.Photo
		want  []EvidenceFlagKind
		check func(t *testing.T, f []EvidenceFlag)
	}{
		{"during.jpg", exiftest.Photo{Seed: 1, Taken: time.Date(2026, 11, 17, 10, 0, 0, 0, colombiaTZ), Offset: "-05:00", GPS: onSite}, nil, nil},
		{"day-before.jpg", exiftest.Photo{Seed: 2, Taken: time.Date(2026, 11, 15, 17, 0, 0, 0, time.UTC), GPS: medellin}, nil, nil},
		// 23:30 on the last day +1 at UTC-5 is 04:30 UTC two days after:
		// the camera's own day counts, so it stays inside the margin.
		{"late.jpg", exiftest.Photo{Seed: 3, Taken: time.Date(2026, 11, 20, 23, 30, 0, 0, colombiaTZ), Offset: "-05:00", GPS: onSite}, nil, nil},
		{"year-before.jpg", exiftest.Photo{Seed: 4, Taken: time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC), GPS: onSite},
			[]EvidenceFlagKind{FlagOutsideDates}, func(t *testing.T, f []EvidenceFlag) {
				if f[0].Days != -379 || f[0].Captured != "2025-11-02" {
					t.Errorf("year-before: %+v, want 379 days before, captured 2025-11-02", f[0])
				}
			}},
		{"after.jpg", exiftest.Photo{Seed: 5, Taken: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)},
			[]EvidenceFlagKind{FlagOutsideDates}, func(t *testing.T, f []EvidenceFlag) {
				if f[0].Days != 3 {
					t.Errorf("after: %+v, want 3 days after the last day", f[0])
				}
			}},
		{"far.jpg", exiftest.Photo{Seed: 6, Taken: time.Date(2026, 11, 17, 9, 0, 0, 0, time.UTC), GPS: hundredKm},
			[]EvidenceFlagKind{FlagFarFromSite}, func(t *testing.T, f []EvidenceFlag) {
				if f[0].Km < 99.5 || f[0].Km > 100.5 {
					t.Errorf("far: %.1f km, want about 100", f[0].Km)
				}
			}},
		{"bare.jpg", exiftest.Photo{Seed: 7}, []EvidenceFlagKind{FlagNoMetadata}, nil},
		{"both.jpg", exiftest.Photo{Seed: 8, Taken: time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC), GPS: bogota},
			[]EvidenceFlagKind{FlagOutsideDates, FlagFarFromSite}, nil},
	}
	for _, c := range cases {
		ev := importPhoto(t, h, a, c.name, c.photo)
		got := CheckEvidence(a, ev, DefaultPlausibility)
		if strings.Join(kindStrings(kinds(got)), ",") != strings.Join(kindStrings(c.want), ",") {
			t.Errorf("%s: marks %v, want %v (captured %v, GPS %+v)", c.name, kinds(got), c.want, ev.Captured, ev.GPS)
			continue
		}
		if c.check != nil {
			c.check(t, got)
		}
	}
	// A document is not a picture: no EXIF is expected of it.
	pdf := filepath.Join(t.TempDir(), "permiso.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n%%EOF\n"), 0o644)
	ev, err := h.ImportEvidence(a, pdf, "1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	if f := CheckEvidence(a, ev, DefaultPlausibility); len(f) != 0 {
		t.Errorf("a PDF document got marks %v", kinds(f))
	}
}

func kindStrings(ks []EvidenceFlagKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

func TestPlausibilityFollowsRulesAndHeader(t *testing.T) {
	_, h, a := stOpenAudit(t)
	ev := importPhoto(t, h, a, "two-days.jpg", exiftest.Photo{Seed: 9, Taken: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), GPS: medellin})
	if f := CheckEvidence(a, ev, DefaultPlausibility); len(f) != 1 || f[0].Kind != FlagOutsideDates || f[0].Days != 2 {
		t.Fatalf("default rules: %+v, want outside-dates by 2 days", f)
	}
	if f := CheckEvidence(a, ev, Plausibility{DaysMargin: 2, MaxKm: 5}); len(f) != 0 {
		t.Errorf("2-day margin: %+v, want no mark", f)
	}
	if f := CheckEvidence(a, ev, Plausibility{DaysMargin: 2, MaxKm: 1}); len(f) != 1 || f[0].Kind != FlagFarFromSite {
		t.Errorf("1 km limit: %+v, want far-from-site (2.1 km)", f)
	}
	// The inspector corrects the audit's end date: the mark goes at once.
	a.Header.EndDate = "2026-11-21"
	if f := CheckEvidence(a, ev, DefaultPlausibility); len(f) != 0 {
		t.Errorf("after the end date was corrected: %+v, want no mark", f)
	}
	// Without dates or coordinates there is nothing to compare with.
	a.Header.StartDate, a.Header.EndDate, a.Header.Coordinates = "", "", nil
	far := importPhoto(t, h, a, "far.jpg", exiftest.Photo{Seed: 10, Taken: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), GPS: bogota})
	if f := CheckEvidence(a, far, DefaultPlausibility); len(f) != 0 {
		t.Errorf("no dates, no coordinates: %+v, want no mark", f)
	}
}

func TestSameFileUnderTwoNamesIsMarked(t *testing.T) {
	_, h, a := stOpenAudit(t)
	ev := importPhoto(t, h, a, "frente.jpg", exiftest.Photo{Seed: 11, Taken: time.Date(2026, 11, 17, 9, 0, 0, 0, time.UTC), GPS: onSite})
	if f := CheckEvidence(a, ev, DefaultPlausibility); len(f) != 0 {
		t.Fatalf("one name: %+v", f)
	}
	// An audit.json that lists the same file twice, under two names (by
	// hand, or from a version that kept both entries).
	dup := ev.Clone()
	dup.Name = "frente-copia.jpg"
	a.Evidence = append(a.Evidence, dup)
	f := CheckEvidence(a, &a.Evidence[0], DefaultPlausibility)
	if len(f) != 1 || f[0].Kind != FlagSeveralNames || strings.Join(f[0].Names, "|") != "frente.jpg|frente-copia.jpg" {
		t.Errorf("two names: %+v", f)
	}
	// Once per file, not once per entry.
	if got := EvidenceFlags(a, DefaultPlausibility); len(got) != 1 {
		t.Errorf("EvidenceFlags has %d files, want 1", len(got))
	}
}

// The usual way one file gets two names: attached again under another
// name, which the record keeps as an alias.
func TestAliasedFileIsMarked(t *testing.T) {
	_, h, a := stOpenAudit(t)
	ev := importPhoto(t, h, a, "IMG_2031.jpg", exiftest.Photo{Seed: 12, Taken: time.Date(2026, 11, 17, 9, 0, 0, 0, time.UTC), GPS: onSite})
	ev.Aliases = append(ev.Aliases, "acta-firmada.jpg")
	f := CheckEvidence(a, ev, DefaultPlausibility)
	if len(f) != 1 || f[0].Kind != FlagSeveralNames || strings.Join(f[0].Names, "|") != "IMG_2031.jpg|acta-firmada.jpg" {
		t.Errorf("aliased file: %+v", f)
	}
}

func TestCaptionAndJustification(t *testing.T) {
	s, h, a := stOpenAudit(t)
	ev := importPhoto(t, h, a, "almacen.jpg", exiftest.Photo{Seed: 12, Taken: time.Date(2025, 11, 2, 9, 0, 0, 0, time.UTC), GPS: onSite})
	if _, err := h.SetCaption(a, ev.SHA256[:8], "  Almacén de mercurio\ncon candado  "); err != nil {
		t.Fatal(err)
	}
	if ev.Caption != "Almacén de mercurio con candado" {
		t.Errorf("caption %q: one tidy line expected", ev.Caption)
	}
	if _, err := h.Justify(a, "almacen.jpg", FlagOutsideDates, "Foto del informe de la ASMO de 2025; muestra el almacén antes de la obra."); err != nil {
		t.Fatal(err)
	}
	f := CheckEvidence(a, ev, DefaultPlausibility)
	if len(f) != 1 || !strings.HasPrefix(f[0].Justification, "Foto del informe") || Unjustified(f) != 0 {
		t.Errorf("justified mark: %+v", f)
	}
	// Saved and read back: the caption and justification are in audit.json.
	if err := h.Save(a); err != nil {
		t.Fatal(err)
	}
	h.Close()
	b, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Evidence[0]; got.Caption != ev.Caption || got.Justifications[FlagOutsideDates] == "" {
		t.Errorf("read back: %+v", got)
	}
	raw, _ := os.ReadFile(filepath.Join(s.Home(), "audits", a.ID, "audit.json"))
	if !strings.Contains(string(raw), `"outside-dates": "Foto del informe`) {
		t.Errorf("audit.json does not key the justification by the mark's code")
	}
	// The clone does not share the justifications.
	c := b.Clone()
	c.Evidence[0].Justifications[FlagOutsideDates] = "x"
	if b.Evidence[0].Justifications[FlagOutsideDates] == "x" {
		t.Error("Clone shares the justifications map")
	}
}

func TestEvidenceEditsRefused(t *testing.T) {
	_, h, a := stOpenAudit(t)
	one := importPhoto(t, h, a, "uno.jpg", exiftest.Photo{Seed: 13})
	importPhoto(t, h, a, "dos.jpg", exiftest.Photo{Seed: 14})
	var ee *EvidenceEditError
	if _, err := h.SetCaption(a, "nada.jpg", "x"); !errors.As(err, &ee) || ee.Kind != EvidenceNotFound {
		t.Errorf("unknown file: %v", err)
	}
	if _, err := h.SetCaption(a, "abc", "x"); !errors.As(err, &ee) || ee.Kind != EvidenceNotFound {
		t.Errorf("a 3-digit prefix matches by accident and must not: %v", err)
	}
	if _, err := h.SetCaption(a, one.SHA256, strings.Repeat("é", MaxCaptionRunes+1)); !errors.As(err, &ee) || ee.Kind != EvidenceTextTooLong {
		t.Errorf("long caption: %v", err)
	}
	if _, err := h.Justify(a, one.SHA256, "made-up", "x"); !errors.As(err, &ee) || ee.Kind != EvidenceFlagUnknown {
		t.Errorf("unknown mark: %v", err)
	}
	// Two files whose digests share a prefix: the prefix is ambiguous.
	a.Evidence[1].SHA256 = one.SHA256[:10] + strings.Repeat("0", 54)
	if _, err := h.SetCaption(a, one.SHA256[:8], "x"); !errors.As(err, &ee) || ee.Kind != EvidenceAmbiguous || len(ee.Candidates) != 2 {
		t.Errorf("ambiguous prefix: %v", err)
	}
	// A finalized audit is read-only.
	a.Status = Finalized
	if _, err := h.SetCaption(a, one.SHA256, "x"); err == nil {
		t.Error("caption of a finalized audit accepted")
	}
	if _, err := h.Justify(a, one.SHA256, FlagNoMetadata, "x"); err == nil {
		t.Error("justification on a finalized audit accepted")
	}
}

func TestPlausibilityConfig(t *testing.T) {
	home := t.TempDir()
	write := func(s string) (Config, error) {
		os.WriteFile(filepath.Join(home, ConfigFile), []byte(s), 0o644)
		return LoadConfig(home)
	}
	c, err := write("")
	if err != nil || c.Plausibility() != DefaultPlausibility {
		t.Errorf("no keys: %+v %v", c.Plausibility(), err)
	}
	c, err = write("evidence_days_margin = 0\nevidence_max_km = 12\n")
	if err != nil || c.Plausibility() != (Plausibility{DaysMargin: 0, MaxKm: 12}) {
		t.Errorf("0 days, 12 km: %+v %v", c.Plausibility(), err)
	}
	c, err = write("inspector = \"Ana\"\nevidence_days_margin = -3\nevidence_max_km = 0\n")
	probs := ConfigProblems(err)
	if len(probs) != 2 || probs[0].Key != "evidence_days_margin" || probs[0].Line != 2 || probs[1].Key != "evidence_max_km" {
		t.Errorf("out of range: %v", err)
	}
	if c.Plausibility() != DefaultPlausibility || c.Inspector != "Ana" {
		t.Errorf("out of range falls back to the defaults alone: %+v", c)
	}
}

func TestEvidenceFlagJSONIsStable(t *testing.T) {
	b, _ := json.Marshal(EvidenceFlag{Kind: FlagFarFromSite, Km: 134.2})
	if string(b) != `{"kind":"far-from-site","km":134.2}` {
		t.Errorf("JSON %s", b)
	}
}

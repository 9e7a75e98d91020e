package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"os/exec"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// spanishNote is a field note an inspector really writes: accents, ñ,
// inverted marks and an em dash must survive into the PDF text.
const spanishNote = "Señora Núñez, pallaquera — ¿día 3? ¡Sí! Revisó el acopio con el señor Peña."

var fixtureNow = time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC)

// testCatalog builds a catalog with all five areas and perArea requirements
// in each: the last of every area is a progress requirement due later
// (informative) and in the environmental area one applies only to
// Ecological audits (excluded for a Fairmined audit).
func testCatalog(perArea int) *standards.Catalog {
	cat := &standards.Catalog{
		ID: "fairmined-2.0", Name: "Fairmined Standard (test)", Version: "2.0",
		Provenance: "Paraphrased requirements for tests; numbering follows chapter order.",
		Areas:      standards.Areas, Source: standards.SourceBuiltin,
		SHA256: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12",
	}
	for ai, area := range standards.Areas {
		for i := 1; i <= perArea; i++ {
			r := standards.Requirement{
				ID: fmt.Sprintf("%d.%d", ai+1, i), Area: area, Chapter: fmt.Sprintf("%d Chapter of %s", ai+1, area),
				Title: fmt.Sprintf("Requirement %d of the %s area about records and practice", i, area),
				Text:  "The organisation keeps records.", Level: standards.Entry, AppliesTo: standards.AppliesAll,
				Evidence: []string{"document"},
			}
			if i == perArea {
				r.Level, r.DueYear = standards.Progress, 3
			}
			if area == standards.Environmental && i == perArea-1 {
				r.AppliesTo = standards.AppliesEcological
			}
			if i == 1 {
				r.Critical = true
			}
			cat.Requirements = append(cat.Requirements, r)
		}
	}
	return cat
}

// fixtureImages maps evidence digests to picture bytes.
type fixtureImages map[string][]byte

func (f fixtureImages) Image(ev *audit.Evidence) ([]byte, bool, error) {
	return f[ev.SHA256], true, nil
}

// makeJPEG draws a w×h picture with a gradient and a band, so pages that
// show it are visibly not blank.
func makeJPEG(t testing.TB, w, h, seed int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := uint32(seed + 1)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		band := y > h/3 && y < h/3+h/10
		for x := 0; x < w; x++ {
			px := row[x*4 : x*4+4]
			if band {
				px[0], px[1], px[2] = 200, 60, 40
			} else {
				// Grain like a real photo's, so JPEG sizes are realistic.
				rnd = rnd*1103515245 + 12345
				n := uint8(rnd>>16) & 31
				px[0], px[1], px[2] = uint8(x*200/w)+n, uint8(y*200/h)+n, uint8(seed*40)+n
			}
			px[3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testAudit builds a complete audit on cat: every applicable requirement
// assessed, two minor and one major non-conformity, one N/A, photos.
func testAudit(t testing.TB, cat *standards.Catalog, photos, px int) (*audit.Audit, fixtureImages) {
	t.Helper()
	a := &audit.Audit{
		Schema: audit.SchemaVersion, ID: "2026-11-20-coop-la-esperanza-7f3a", Status: audit.Finalized, Revision: 1,
		Created: fixtureNow.Add(-72 * time.Hour), Updated: fixtureNow,
		Catalog: cat.Identity(), Policy: audit.DefaultDatePolicy, Findings: map[string]*audit.Finding{},
		Header: audit.Header{
			ASMO: "Cooperativa Minera La Esperanza", LegalID: "NIT 900.123.456-7", Country: "Colombia",
			Region: "Antioquia", Municipality: "Íquira", Site: "Mina El Cañón",
			Coordinates: &audit.GeoPoint{Lat: 6.2442, Lon: -75.5812},
			FSP:         audit.FSP{Description: "Two underground mines and one gravity plant.", Mines: 2, Plants: 1, Miners: 64},
			AuditType:   audit.Initial, CertType: audit.Fairmined, CertYear: 0,
			StartDate: "2026-11-18", EndDate: "2026-11-20",
			LeadInspector: "Ana María Gómez", CoInspectors: []string{"Luis Peña"},
			CertBody:     "Certificadora Andina S.A.S.",
			SitesVisited: []string{"Bocamina 1 (El Cañón)", "Planta de beneficio La Quebrada", "Almacén de insumos"},
			Interviews: []audit.Interviewed{
				{Role: "Miners", Women: 3, Men: 11}, {Role: "Pallaqueras (mineral selectors)", Women: 6},
				{Role: "Board members", Women: 1, Men: 3, Other: 1},
			},
			OpeningMeeting: "Held on 18 November with the board. " + spanishNote,
			ClosingMeeting: "Findings read out and agreed; corrective action dates set.",
			Closing:        audit.Closing{RepName: "Rosa Elvira Cano", RepRole: "President", Response: audit.Accepts},
		},
	}
	imgs := fixtureImages{}
	for i := 0; i < photos; i++ {
		data := makeJPEG(t, px, px*3/4, i)
		sum := sha256.Sum256(data)
		sha := hex.EncodeToString(sum[:])
		imgs[sha] = data
		a.Evidence = append(a.Evidence, audit.Evidence{
			SHA256: sha, Name: fmt.Sprintf("IMG_%04d.jpg", 100+i), Size: int64(len(data)), MediaType: "image/jpeg",
			Imported: fixtureNow, Captured: fixtureNow.Add(-time.Duration(50+i) * time.Hour),
			GPS: &audit.GeoPoint{Lat: 6.2442, Lon: -75.5812}, Caption: "Almacén de mercurio, candado y rótulo",
		})
	}
	a.Evidence = append(a.Evidence, audit.Evidence{SHA256: "c0ffee" + fmt.Sprint(len(imgs)) + "00000000000000000000000000000000000000000000000000000001",
		Name: "acta-asamblea.pdf", Size: 182734, MediaType: "application/pdf", Imported: fixtureNow})
	n := 0
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if audit.ApplicabilityOf(r, a.Header) != audit.Applies {
			continue
		}
		f := a.Finding(r.ID)
		f.Verdict = audit.Conforms
		f.Notes = fmt.Sprintf("Checked the %s records for 2025 and 2026 with the treasurer; consistent.", r.Area)
		if len(a.Evidence) > 0 {
			f.Evidence = []string{a.Evidence[n%len(a.Evidence)].SHA256}
			a.Evidence[n%len(a.Evidence)].Requirements = append(a.Evidence[n%len(a.Evidence)].Requirements, r.ID)
		}
		n++
	}
	a.Finding("1.2").Notes = spanishNote
	a.Finding("2.2").Verdict = audit.Minor
	a.Finding("2.2").Justification = "Premium spending not reconciled for two months."
	a.Finding("2.2").CorrectiveAction = "Reconcile premium account monthly and present to the assembly."
	a.Finding("4.3").Verdict = audit.Minor
	a.Finding("4.3").CorrectiveAction = "Issue PPE register and sign deliveries."
	a.Finding("5.2").Verdict = audit.Major
	a.Finding("5.2").Justification = "Open burning of amalgam observed behind the plant."
	a.Finding("5.2").CorrectiveAction = "Install a retort and train operators; stop open burning now."
	a.Finding("3.2").Verdict = audit.NA
	a.Finding("3.2").Justification = "No processing plant discharges to surface water at this site."
	h, err := audit.ContentHash(a)
	if err != nil {
		t.Fatal(err)
	}
	a.ContentHash = h
	a.History = []audit.Revision{{Revision: 1, Finalized: fixtureNow, ContentHash: h}}
	return a, imgs
}

// needTool skips the test when a poppler tool is not installed.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
}

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/audit/exiftest"
	"github.com/assay-dev/assay/standards"
)

// evAudit creates a draft audit of the built-in catalog at the site of
// La Esperanza (6.2442 N, 75.5812 W), 16-19 November 2026, and returns
// its id.
func evAudit(t *testing.T, home string) string {
	t.Helper()
	set := standards.NewSet(standards.Builtin()...)
	s, err := audit.OpenStore(home, set)
	if err != nil {
		t.Fatal(err)
	}
	a := audit.New(set.Default(), audit.Header{
		ASMO: "Cooperativa Minera La Esperanza", Site: "Mina La Esperanza", Country: "Colombia",
		Coordinates: &audit.GeoPoint{Lat: 6.2442, Lon: -75.5812}, AuditType: audit.Initial, CertType: audit.Fairmined,
		StartDate: "2026-11-16", EndDate: "2026-11-19", LeadInspector: "Ana Quispe",
	}, time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC))
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()
	return a.ID
}

// evPhotos writes the day's photos: one on site during the audit, one a
// year old, one 100 km away.
func evPhotos(t *testing.T) (onSite, yearOld, far string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, p exiftest.Photo) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, exiftest.JPEG(p), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	co := time.FixedZone("", -5*3600)
	onSite = write("frente.jpg", exiftest.Photo{Seed: 1, Taken: time.Date(2026, 11, 17, 9, 42, 0, 0, co), Offset: "-05:00", GPS: &[2]float64{6.2445, -75.5810}})
	yearOld = write("almacen-2025.jpg", exiftest.Photo{Seed: 2, Taken: time.Date(2025, 11, 2, 10, 0, 0, 0, co), Offset: "-05:00", GPS: &[2]float64{6.2445, -75.5810}})
	far = write("planta.jpg", exiftest.Photo{Seed: 3, Taken: time.Date(2026, 11, 18, 15, 0, 0, 0, co), Offset: "-05:00", GPS: &[2]float64{7.1442, -75.5812}})
	return
}

func evList(t *testing.T, home, id string) []map[string]any {
	t.Helper()
	r := audRun(t, home, "evidence", "list", id, "--json")
	if r.code != 0 {
		t.Fatalf("evidence list --json: exit %d: %s", r.code, r.stderr)
	}
	var out []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	return out
}

func flagKinds(item map[string]any) []string {
	var out []string
	for _, f := range item["flags"].([]any) {
		out = append(out, f.(map[string]any)["kind"].(string))
	}
	return out
}

func TestEvidenceAddListCaption(t *testing.T) {
	home := t.TempDir()
	id := evAudit(t, home)
	onSite, yearOld, far := evPhotos(t)
	r := audRun(t, home, "evidence", "add", id, onSite, yearOld, far, "--req", "1.1.1", "--req", "2.1.5,2.1.6", "--caption", "Frente de trabajo")
	if r.code != 0 {
		t.Fatalf("evidence add: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The marks are said at import, under the file they concern.
	for _, want := range []string{"added almacen-2025.jpg", "  ! taken 2 November 2025, 379 days before the audit's first day",
		"added planta.jpg", "  ! taken 100.1 km from the site's coordinates (more than 5 km)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("evidence add output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Count(r.stdout, "!") != 2 {
		t.Errorf("the photo taken on site is marked:\n%s", r.stdout)
	}

	list := evList(t, home, id)
	if len(list) != 3 {
		t.Fatalf("%d files listed, want 3", len(list))
	}
	byName := map[string]map[string]any{}
	for _, it := range list {
		byName[it["name"].(string)] = it
	}
	if k := flagKinds(byName["frente.jpg"]); len(k) != 0 {
		t.Errorf("frente.jpg marked %v", k)
	}
	if k := flagKinds(byName["almacen-2025.jpg"]); strings.Join(k, ",") != "outside-dates" {
		t.Errorf("almacen-2025.jpg marked %v, want outside-dates", k)
	}
	if k := flagKinds(byName["planta.jpg"]); strings.Join(k, ",") != "far-from-site" {
		t.Errorf("planta.jpg marked %v, want far-from-site", k)
	}
	old := byName["almacen-2025.jpg"]
	fl := old["flags"].([]any)[0].(map[string]any)
	if fl["days"].(float64) != -379 || fl["captured"] != "2025-11-02" || !strings.Contains(fl["message"].(string), "379 days before") {
		t.Errorf("outside-dates mark: %v", fl)
	}
	if old["captured"] != "2025-11-02T10:00:00-05:00" || old["gps"] == nil || old["caption"] != "Frente de trabajo" ||
		len(old["sha256"].(string)) != 64 || old["size"].(float64) <= 0 {
		t.Errorf("fields: %v", old)
	}
	if reqs := old["requirements"].([]any); len(reqs) != 3 || reqs[0] != "1.1.1" || reqs[2] != "2.1.6" {
		t.Errorf("requirements %v", reqs)
	}

	// Caption by an 8-digit prefix of the digest.
	sha := old["sha256"].(string)
	r = audRun(t, home, "evidence", "caption", id, sha[:8], "Almacén de mercurio (foto de 2025 del informe de la ASMO)")
	if r.code != 0 || !strings.Contains(r.stdout, "caption of almacen-2025.jpg: Almacén de mercurio") {
		t.Fatalf("caption: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if c := evList(t, home, id)[1]["caption"]; c != "Almacén de mercurio (foto de 2025 del informe de la ASMO)" {
		t.Errorf("caption after edit: %v", c)
	}
	// Text output, in Spanish.
	r = audRun(t, home, "--lang", "es", "evidence", "list", id)
	for _, want := range []string{"2. almacen-2025.jpg", "leyenda: Almacén de mercurio", "   ! tomada el 2 de noviembre de 2025, 379 días antes del primer día de la auditoría",
		"   ! tomada a 100,1 km de las coordenadas del sitio (más de 5 km)", "requisitos: 1.1.1, 2.1.5, 2.1.6"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("Spanish list lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestEvidenceRefusals(t *testing.T) {
	home := t.TempDir()
	id := evAudit(t, home)
	onSite, _, _ := evPhotos(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"evidence"}, 2, "which? add, list or caption"},
		{[]string{"evidence", "remove", id}, 2, `unknown sub-command "remove"`},
		{[]string{"evidence", "add", id}, 2, "at least one file"},
		{[]string{"evidence", "add", id, onSite, "--req", "9.9.9"}, 1, `requirement "9.9.9" is not in catalog fairmined-2.0`},
		{[]string{"evidence", "add", id, filepath.Join(home, "nada.jpg")}, 1, "nada.jpg does not exist"},
		{[]string{"evidence", "caption", id, "abc"}, 2, "needs an audit ID, a file"},
		{[]string{"evidence", "caption", id, "0000000", "x"}, 1, `no evidence file "0000000"`},
		{[]string{"evidence", "list", "no-such-audit"}, 1, "no-such-audit"},
	}
	for _, c := range cases {
		r := audRun(t, home, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q lacks %q", c.args, r.code, c.code, r.stderr, c.want)
		}
	}
	// Nothing was added by the refused commands.
	if l := evList(t, home, id); len(l) != 0 {
		t.Errorf("refused commands added %d files", len(l))
	}
	// One good file and one missing: the good one is kept, the exit says
	// something failed.
	r := audRun(t, home, "evidence", "add", id, onSite, filepath.Join(home, "nada.jpg"))
	if r.code != 1 || len(evList(t, home, id)) != 1 {
		t.Errorf("partial add: exit %d, %d files", r.code, len(evList(t, home, id)))
	}
}

func TestExportFindingsData(t *testing.T) {
	home := t.TempDir()
	r := audRun(t, home, "demo")
	if r.code != 0 {
		t.Fatalf("demo: %s", r.stderr)
	}
	id := strings.TrimSpace(r.stdout)
	set := standards.NewSet(standards.Builtin()...)
	s, _ := audit.OpenStore(home, set)
	a, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	applicable := 0
	for i := range set.Default().Requirements {
		if audit.ApplicabilityOf(&set.Default().Requirements[i], a.Header) == audit.Applies {
			applicable++
		}
	}

	r = audRun(t, home, "export", id, "--format", "csv")
	if r.code != 0 {
		t.Fatalf("export --format csv: exit %d: %s", r.code, r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(rows)-1 != applicable || rows[0][4] != "requirement" {
		t.Errorf("CSV: %d rows, want one per applicable requirement (%d); header %v", len(rows)-1, applicable, rows[0])
	}

	out := filepath.Join(t.TempDir(), "hallazgos.json")
	r = audRun(t, home, "export", id, "--format", "json", "--lang", "es", "-o", out)
	if r.code != 0 || strings.TrimSpace(r.stdout) != out {
		t.Fatalf("export --format json -o: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(out)
	var doc struct {
		Format   string           `json:"format"`
		Language string           `json:"language"`
		Findings []map[string]any `json:"findings"`
		NCs      []map[string]any `json:"non_conformities"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "assay-findings" || doc.Language != "es" || len(doc.Findings) != applicable || len(doc.NCs) != 4 {
		t.Errorf("JSON: format %q language %q, %d findings (want %d), %d NCs (want 4)", doc.Format, doc.Language, len(doc.Findings), applicable, len(doc.NCs))
	}
	// The same data on stdout as in the file.
	if r := audRun(t, home, "export", id, "--format", "json", "--lang", "es"); !bytes.Equal([]byte(r.stdout), data) {
		t.Error("stdout and -o differ")
	}
	// An existing file is not replaced without --force; PDF-only flags are
	// usage errors.
	if r := audRun(t, home, "export", id, "--format", "json", "-o", out); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("existing -o: exit %d %s", r.code, r.stderr)
	}
	if r := audRun(t, home, "export", id, "--format", "json", "-o", out, "--force"); r.code != 0 {
		t.Errorf("--force: exit %d %s", r.code, r.stderr)
	}
	if r := audRun(t, home, "export", id, "--format", "csv", "--draft"); r.code != 2 || !strings.Contains(r.stderr, "--draft is for the PDF report") {
		t.Errorf("--draft with csv: exit %d %s", r.code, r.stderr)
	}
	if r := audRun(t, home, "export", id, "--format", "xml"); r.code != 2 || !strings.Contains(r.stderr, "choose pdf, csv or json") {
		t.Errorf("--format xml: exit %d %s", r.code, r.stderr)
	}
}

// The signed report attaches the same findings data export --format json
// writes, beside audit.json (pdfdetach sees both), and verify accepts it.
func TestSignedReportAttachesTheFindingsData(t *testing.T) {
	requireTool(t, "pdfdetach")
	home := t.TempDir()
	id := strings.TrimSpace(audRun(t, home, "demo").stdout)
	for _, args := range [][]string{{"keys", "create", "--name", "Ana María Restrepo Gómez"}, {"finalize", id}} {
		if r := audRun(t, home, args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	pdf := filepath.Join(t.TempDir(), "informe.pdf")
	if r := audRun(t, home, "export", id, "-o", pdf); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	dir := t.TempDir()
	if out, code := tool(t, "pdfdetach", "-saveall", "-o", dir, pdf); code != 0 {
		t.Fatalf("pdfdetach: %s", out)
	}
	attached, err := os.ReadFile(filepath.Join(dir, "findings.json"))
	if err != nil {
		t.Fatalf("no findings.json attached: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "audit.json")); err != nil {
		t.Errorf("no audit.json attached: %v", err)
	}
	r := audRun(t, home, "export", id, "--format", "json")
	if r.code != 0 || !bytes.Equal([]byte(r.stdout), attached) {
		t.Errorf("the attached findings.json differs from export --format json")
	}
	if r := audRun(t, home, "verify", pdf); r.code != 0 {
		t.Errorf("verify: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// The marks follow config.toml's limits.
func TestEvidenceMarksFollowConfig(t *testing.T) {
	home := t.TempDir()
	id := evAudit(t, home)
	_, yearOld, far := evPhotos(t)
	if r := audRun(t, home, "evidence", "add", id, yearOld, far); r.code != 0 {
		t.Fatal(r.stderr)
	}
	marked := func() int {
		n := 0
		for _, it := range evList(t, home, id) {
			n += len(flagKinds(it))
		}
		return n
	}
	if n := marked(); n != 2 {
		t.Fatalf("%d marks with the default limits, want 2", n)
	}
	// 150 km takes the 100 km photo in; no margin reaches back a year.
	os.WriteFile(filepath.Join(home, "config.toml"), []byte("evidence_days_margin = 366\nevidence_max_km = 150\n"), 0o644)
	if n := marked(); n != 1 {
		t.Errorf("%d marks with a 366-day margin and a 150 km limit, want 1 (the year-old photo)", n)
	}
}

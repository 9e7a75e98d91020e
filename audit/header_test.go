package audit

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
)

// validHeader is a complete header for a surveillance audit in year 1.
func validHeader() Header {
	return Header{
		ASMO:           "Cooperativa Minera La Esperanza",
		Country:        "Colombia",
		Site:           "Mina El Cóndor",
		AuditType:      Surveillance,
		CertType:       Fairmined,
		CertYear:       1,
		StartDate:      "2026-11-20",
		EndDate:        "2026-11-21",
		LeadInspector:  "Ana María Quispe",
		Coordinates:    &GeoPoint{Lat: 6.2442, Lon: -75.5812},
		FSP:            FSP{Mines: 2, Plants: 1, Miners: 48},
		Interviews:     []Interviewed{{Role: "pallaqueras", Women: 6}},
		ClosingMeeting: "Hallazgos leídos y aceptados por la junta.",
	}
}

func TestNewAudit(t *testing.T) {
	cat := testCatalog()
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	h := validHeader()
	h.ASMO = "Cooperativa Minera La Esperanza de Ñuñoa"
	a := New(cat, h, now)

	re := regexp.MustCompile(`^2026-11-23-cooperativa-minera-la-[0-9a-f]{4}$`)
	if !re.MatchString(a.ID) {
		t.Errorf("ID = %q, want the date, an ASCII slug of at most %d characters and 4 hex digits", a.ID, maxSlug)
	}
	if a.Schema != SchemaVersion || a.Status != Draft || a.Revision != 1 {
		t.Errorf("new audit: schema %d status %q revision %d, want %d draft 1", a.Schema, a.Status, a.Revision, SchemaVersion)
	}
	if a.Policy != DefaultDatePolicy {
		t.Errorf("policy = %+v, want the default %+v", a.Policy, DefaultDatePolicy)
	}
	if a.Catalog != cat.Identity() {
		t.Errorf("catalog = %+v, want %+v", a.Catalog, cat.Identity())
	}
	if !a.Created.Equal(now) || !a.Updated.Equal(now) {
		t.Errorf("created %v updated %v, want both %v", a.Created, a.Updated, now)
	}
	if a.Findings == nil || len(a.Findings) != 0 {
		t.Errorf("findings = %v, want an empty map", a.Findings)
	}
	if !a.Editable() {
		t.Error("a new draft should be editable")
	}
	if b := New(cat, h, now); b.ID == a.ID {
		t.Errorf("two audits of the same ASMO on the same day share the id %q", a.ID)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Coop La Esperanza", "coop-la-esperanza"},
		{"  Asociación de Mineros   Artesanales ", "asociacion-de-mineros"},
		{"Señora Núñez & Hijos S.A.S.", "senora-nunez-hijos-s-a-s"},
		{"Große Mühle", "grosse-muhle"},
		{"金矿合作社", "audit"},
		{"", "audit"},
		{"ASMO-123", "asmo-123"},
	}
	for _, tt := range tests {
		got := slug(tt.name)
		if got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if len(got) > maxSlug {
			t.Errorf("slug(%q) is %d characters, more than %d", tt.name, len(got), maxSlug)
		}
	}
}

func TestValidateHeader(t *testing.T) {
	if errs := ValidateHeader(validHeader()); len(errs) != 0 {
		t.Fatalf("a complete header has errors: %v", errs)
	}
	tests := []struct {
		name   string
		change func(h *Header)
		field  string
		want   string // part of the message
	}{
		{"no ASMO", func(h *Header) { h.ASMO = "  " }, "asmo", "ASMO name is required"},
		{"no site", func(h *Header) { h.Site = "" }, "site", "site is required"},
		{"no country", func(h *Header) { h.Country = "" }, "country", "country is required"},
		{"no audit type", func(h *Header) { h.AuditType = "" }, "audit_type", "audit type is required"},
		{"unknown audit type", func(h *Header) { h.AuditType = "desk" }, "audit_type", `audit type "desk" is not known (use one of: initial, surveillance`},
		{"unknown cert type", func(h *Header) { h.CertType = "gold" }, "certification_type", `certification type "gold" is not known (use one of: fairmined, ecological)`},
		{"no start date", func(h *Header) { h.StartDate = "" }, "start_date", "start date is required"},
		{"bad start date", func(h *Header) { h.StartDate = "20/11/2026" }, "start_date", `date "20/11/2026" is not in the form YYYY-MM-DD`},
		{"impossible end date", func(h *Header) { h.EndDate = "2026-02-30" }, "end_date", `date "2026-02-30" does not exist`},
		{"end before start", func(h *Header) { h.StartDate, h.EndDate = "2026-11-21", "2026-11-20" }, "end_date", "end date 2026-11-20 is before start date 2026-11-21"},
		{"no lead inspector", func(h *Header) { h.LeadInspector = "\t" }, "lead_inspector", "lead inspector is required"},
		{"negative year", func(h *Header) { h.CertYear = -1 }, "certification_year", "certification year -1 cannot be negative"},
		{"initial in year 2", func(h *Header) { h.AuditType, h.CertYear = Initial, 2 }, "certification_year", "an initial audit is certification year 0, not year 2"},
		{"latitude", func(h *Header) { h.Coordinates = &GeoPoint{Lat: 96, Lon: -75} }, "coordinates", "latitude 96 is out of range"},
		{"longitude", func(h *Header) { h.Coordinates = &GeoPoint{Lat: 6, Lon: -275} }, "coordinates", "longitude -275 is out of range"},
		{"NaN", func(h *Header) { h.Coordinates = &GeoPoint{Lat: math.NaN(), Lon: 1} }, "coordinates", "finite"},
		{"negative miners", func(h *Header) { h.FSP.Miners = -3 }, "fsp.miners", "number of miners cannot be negative (got -3)"},
		{"negative interviews", func(h *Header) { h.Interviews[0].Women = -1 }, "interviews[0].women", "women interviewed (pallaqueras) cannot be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := validHeader()
			h.Interviews = append([]Interviewed(nil), h.Interviews...)
			tt.change(&h)
			errs := ValidateHeader(h)
			if len(errs) != 1 {
				t.Fatalf("got %d errors %v, want exactly one on %s", len(errs), errs, tt.field)
			}
			if errs[0].Field != tt.field || !strings.Contains(errs[0].Message, tt.want) {
				t.Errorf("got %s: %q, want %s: …%q…", errs[0].Field, errs[0].Message, tt.field, tt.want)
			}
		})
	}

	// An empty header names every required field, each once.
	errs := ValidateHeader(Header{})
	got := map[string]int{}
	for _, e := range errs {
		got[e.Field]++
	}
	for _, f := range []string{"asmo", "site", "country", "audit_type", "certification_type", "start_date", "end_date", "lead_inspector"} {
		if got[f] != 1 {
			t.Errorf("empty header: %d errors for %s, want 1 (all: %v)", got[f], f, errs)
		}
	}
	if len(errs) != 8 {
		t.Errorf("empty header: %d errors, want 8: %v", len(errs), errs)
	}
	// Initial audits in year 0 and no coordinates are fine.
	h := validHeader()
	h.AuditType, h.CertYear, h.Coordinates = Initial, 0, nil
	if errs := ValidateHeader(h); len(errs) != 0 {
		t.Errorf("initial audit in year 0: %v", errs)
	}
}

func TestParseCoordinates(t *testing.T) {
	tests := []struct {
		in       string
		lat, lon float64
		err      string // part of the error, "" for success
	}{
		{"6.2442, -75.5812", 6.2442, -75.5812, ""},
		{"6.2442,-75.5812", 6.2442, -75.5812, ""},
		{"  6.2442   -75.5812 ", 6.2442, -75.5812, ""},
		{"-14.6, +70", -14.6, 70, ""},
		{"90, 180", 90, 180, ""},
		{"91, 0", 0, 0, "latitude 91 is out of range (-90 to 90)"},
		{"0 -180.5", 0, 0, "longitude -180.5 is out of range (-180 to 180)"},
		{"NaN, 1", 0, 0, `"NaN" is not a decimal number`},
		{"1, Inf", 0, 0, `"Inf" is not a decimal number`},
		{"1e1, 2", 0, 0, `"1e1" is not a decimal number`},
		{"6,2442 -75,5812", 0, 0, "should be latitude and longitude"},
		{"6.2442", 0, 0, "should be latitude and longitude"},
		{"6.2442,", 0, 0, "should be latitude and longitude"},
		{"6°14'N 75°34'W", 0, 0, "is not a decimal number"},
	}
	for _, tt := range tests {
		p, err := ParseCoordinates(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseCoordinates(%q) error = %v, want …%q…", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || p == nil || p.Lat != tt.lat || p.Lon != tt.lon {
			t.Errorf("ParseCoordinates(%q) = %+v, %v; want %v, %v", tt.in, p, err, tt.lat, tt.lon)
		}
	}
	if p, err := ParseCoordinates("  "); p != nil || err != nil {
		t.Errorf("blank coordinates = %+v, %v; want nil, nil", p, err)
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate(" 2028-02-29 ")
	if err != nil || !d.Equal(time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseDate(leap day) = %v, %v", d, err)
	}
	for _, bad := range []string{"2026-1-5", "2026/11/20", "2026-11-20T00:00", "2027-02-29", ""} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted a bad date", bad)
		}
	}
}

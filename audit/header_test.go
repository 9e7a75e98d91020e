package audit

import (
	"errors"
	"math"
	"reflect"
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
		Closing:        Closing{RepName: "Rosa Elvira Cano", RepRole: "Presidenta", Response: Accepts},
	}
}

func TestNewAudit(t *testing.T) {
	cat := testCatalog()
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	h := validHeader()
	h.ASMO = "Cooperativa Minera La Esperanza de Ñuñoa"
	a := New(cat, h, now)

	// The audit's start date, not the day it was typed in.
	re := regexp.MustCompile(`^2026-11-20-cooperativa-minera-la-[0-9a-f]{4}$`)
	if !re.MatchString(a.ID) {
		t.Errorf("ID = %q, want the start date, an ASCII slug of at most %d characters and 4 hex digits", a.ID, maxSlug)
	}
	// No valid start date yet (a draft kept on ctrl+c): the creation date.
	for _, start := range []string{"", "2026-13-40", "20/11/2026"} {
		h2 := h
		h2.StartDate = start
		if id := New(cat, h2, now).ID; !strings.HasPrefix(id, "2026-11-23-cooperativa-minera-la-") {
			t.Errorf("start date %q: ID = %q, want the creation date 2026-11-23", start, id)
		}
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
		want   FieldError
	}{
		{"no ASMO", func(h *Header) { h.ASMO = "  " }, FieldError{Field: "asmo", Kind: ProblemRequired}},
		{"no site", func(h *Header) { h.Site = "" }, FieldError{Field: "site", Kind: ProblemRequired}},
		{"no country", func(h *Header) { h.Country = "" }, FieldError{Field: "country", Kind: ProblemRequired}},
		{"no audit type", func(h *Header) { h.AuditType = "" }, FieldError{Field: "audit_type", Kind: ProblemRequired}},
		{"unknown audit type", func(h *Header) { h.AuditType = "desk" },
			FieldError{Field: "audit_type", Kind: ProblemUnknownChoice, Value: "desk", Known: []string{"initial", "surveillance", "recertification", "follow-up"}}},
		{"unknown cert type", func(h *Header) { h.CertType = "gold" },
			FieldError{Field: "certification_type", Kind: ProblemUnknownChoice, Value: "gold", Known: []string{"fairmined", "ecological"}}},
		{"no start date", func(h *Header) { h.StartDate = "" }, FieldError{Field: "start_date", Kind: ProblemRequired}},
		{"bad start date", func(h *Header) { h.StartDate = "20/11/2026" }, FieldError{Field: "start_date", Kind: ProblemDateFormat, Value: "20/11/2026"}},
		{"impossible end date", func(h *Header) { h.EndDate = "2026-02-30" }, FieldError{Field: "end_date", Kind: ProblemDateInvalid, Value: "2026-02-30"}},
		{"end before start", func(h *Header) { h.StartDate, h.EndDate = "2026-11-21", "2026-11-20" },
			FieldError{Field: "end_date", Kind: ProblemEndBeforeStart, Value: "2026-11-20", Other: "2026-11-21"}},
		{"no lead inspector", func(h *Header) { h.LeadInspector = "\t" }, FieldError{Field: "lead_inspector", Kind: ProblemRequired}},
		{"negative year", func(h *Header) { h.CertYear = -1 }, FieldError{Field: "certification_year", Kind: ProblemNegativeYear, Number: -1}},
		{"initial in year 2", func(h *Header) { h.AuditType, h.CertYear = Initial, 2 },
			FieldError{Field: "certification_year", Kind: ProblemInitialNotYearZero, Number: 2}},
		{"latitude", func(h *Header) { h.Coordinates = &GeoPoint{Lat: 96, Lon: -75} }, FieldError{Field: "coordinates", Kind: ProblemLatitudeRange, Degrees: 96}},
		{"longitude", func(h *Header) { h.Coordinates = &GeoPoint{Lat: 6, Lon: -275} }, FieldError{Field: "coordinates", Kind: ProblemLongitudeRange, Degrees: -275}},
		{"NaN", func(h *Header) { h.Coordinates = &GeoPoint{Lat: math.NaN(), Lon: 1} }, FieldError{Field: "coordinates", Kind: ProblemCoordNotFinite}},
		{"negative miners", func(h *Header) { h.FSP.Miners = -3 }, FieldError{Field: "fsp.miners", Kind: ProblemNegative, Number: -3}},
		{"negative interviews", func(h *Header) { h.Interviews[0].Women = -1 },
			FieldError{Field: "interviews[0].women", Kind: ProblemNegative, Number: -1, Role: "pallaqueras"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := validHeader()
			h.Interviews = append([]Interviewed(nil), h.Interviews...)
			tt.change(&h)
			errs := ValidateHeader(h)
			if !reflect.DeepEqual(errs, []FieldError{tt.want}) {
				t.Errorf("got %+v, want exactly %+v", errs, tt.want)
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
		err      FieldError // Kind "" for success
	}{
		{"6.2442, -75.5812", 6.2442, -75.5812, FieldError{}},
		{"6.2442,-75.5812", 6.2442, -75.5812, FieldError{}},
		{"  6.2442   -75.5812 ", 6.2442, -75.5812, FieldError{}},
		{"-14.6, +70", -14.6, 70, FieldError{}},
		{"90, 180", 90, 180, FieldError{}},
		{"91, 0", 0, 0, FieldError{Kind: ProblemLatitudeRange, Degrees: 91}},
		{"0 -180.5", 0, 0, FieldError{Kind: ProblemLongitudeRange, Degrees: -180.5}},
		{"NaN, 1", 0, 0, FieldError{Kind: ProblemCoordNumber, Value: "NaN"}},
		{"1, Inf", 0, 0, FieldError{Kind: ProblemCoordNumber, Value: "Inf"}},
		{"1e1, 2", 0, 0, FieldError{Kind: ProblemCoordNumber, Value: "1e1"}},
		{"6,2442 -75,5812", 0, 0, FieldError{Kind: ProblemCoordFormat, Value: "6,2442 -75,5812"}},
		{"6.2442", 0, 0, FieldError{Kind: ProblemCoordFormat, Value: "6.2442"}},
		{"6.2442,", 0, 0, FieldError{Kind: ProblemCoordFormat, Value: "6.2442,"}},
		{"6°14'N 75°34'W", 0, 0, FieldError{Kind: ProblemCoordNumber, Value: "6°14'N"}},
	}
	for _, tt := range tests {
		p, err := ParseCoordinates(tt.in)
		if tt.err.Kind != "" {
			tt.err.Field = "coordinates"
			var fe FieldError
			if !errors.As(err, &fe) || !reflect.DeepEqual(fe, tt.err) {
				t.Errorf("ParseCoordinates(%q) error = %#v, want %#v", tt.in, err, tt.err)
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
	for bad, kind := range map[string]ProblemKind{"2026-1-5": ProblemDateFormat, "2026/11/20": ProblemDateFormat,
		"2026-11-20T00:00": ProblemDateFormat, "2027-02-29": ProblemDateInvalid, "": ProblemDateFormat} {
		var fe FieldError
		if _, err := ParseDate(bad); !errors.As(err, &fe) || fe.Kind != kind || fe.Value != bad {
			t.Errorf("ParseDate(%q) error = %#v, want %s", bad, err, kind)
		}
	}
}

// TestHeaderFieldsRoundTrip: every field of the table reads back what it
// writes, so a form built on it loses nothing; counts that do not parse are
// a not-a-number problem on the field, and the header keeps its value.
func TestHeaderFieldsRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	h := validHeader()
	for _, f := range HeaderFields {
		if seen[f.Key] {
			t.Errorf("field %s twice", f.Key)
		}
		seen[f.Key] = true
		if f.Kind == TableField {
			if f.Get != nil || f.Set != nil {
				t.Errorf("%s: a table has per-cell Get and Set", f.Key)
			}
			continue
		}
		want := map[HeaderFieldKind]string{TextField: "Río Negro", CountField: "42", LinesField: "uno\ndos"}[f.Kind]
		switch f.Key {
		case "coordinates":
			want = "6.2442, -75.5812"
		case "start_date", "end_date":
			want = "2026-11-20"
		case "co_inspectors":
			want = "Luis Mamani, Rosa Quispe"
		}
		if f.Kind == ChoiceField {
			want = f.Choices[len(f.Choices)-1]
		}
		if err := f.Set(&h, want); err != nil {
			t.Errorf("%s.Set(%q): %v", f.Key, want, err)
		}
		if got := f.Get(h); got != want {
			t.Errorf("%s: set %q, got back %q", f.Key, want, got)
		}
		if f.Kind == CountField {
			var fe FieldError
			if err := f.Set(&h, "doce"); !errors.As(err, &fe) || fe.Kind != ProblemNotNumber || fe.Field != f.Key || fe.Value != "doce" {
				t.Errorf("%s.Set(doce) = %v", f.Key, err)
			}
			if got := f.Get(h); got != want {
				t.Errorf("%s: a refused value changed the field to %q", f.Key, got)
			}
		}
	}
	if _, ok := HeaderFieldByKey("fsp.plants"); !ok {
		t.Error("fsp.plants not found by key")
	}

	iv := Interviewed{}
	for _, c := range InterviewColumns {
		v := "7"
		if !c.Count {
			v = "pallaqueras"
		}
		if err := c.Set(&iv, v); err != nil || c.Get(iv) != v {
			t.Errorf("interview column %s: %v, got %q", c.Key, err, c.Get(iv))
		}
	}
	var fe FieldError
	if err := InterviewColumns[1].Set(&iv, "7.5"); !errors.As(err, &fe) || fe.Kind != ProblemNotNumber {
		t.Errorf("7.5 women: %v", err)
	}
	if k := InterviewCellKey(2, "women"); k != "interviews[2].women" {
		t.Errorf("cell key %q", k)
	}
}

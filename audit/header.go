package audit

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/standards"
)

// DateLayout is the only date form the audit record uses (ISO 8601
// calendar date), so that dates sort as text and read the same everywhere.
const DateLayout = "2006-01-02"

// maxSlug bounds the ASMO part of an audit id so folder names stay short.
const maxSlug = 30

// New starts a draft audit of cat for the header h. The id is
// "<start date>-<ASMO slug>-<4 random hex>": readable in a folder listing,
// sorted by when the audits took place (an audit typed in days after the
// visit still sorts by the visit), and unique even for two audits of one
// ASMO on one day. Without a valid start date the creation date (in now's
// location) stands in. The id never changes, even when the header does.
func New(cat *standards.Catalog, h Header, now time.Time) *Audit {
	day := now.Format(DateLayout)
	if t, err := ParseDate(h.StartDate); err == nil {
		day = t.Format(DateLayout)
	}
	a := &Audit{
		Schema:   SchemaVersion,
		ID:       day + "-" + slug(h.ASMO) + "-" + randomHex(2),
		Created:  now,
		Updated:  now,
		Status:   Draft,
		Revision: 1,
		Header:   h,
		Policy:   DefaultDatePolicy,
		Findings: map[string]*Finding{},
	}
	if cat != nil {
		a.Catalog = cat.Identity()
		a.CatalogPrints = printList(cat)
	}
	return a
}

// randomHex returns n random bytes as hex. crypto/rand does not fail on
// supported platforms; should it, the time's nanoseconds still separate ids.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		ns := time.Now().UnixNano()
		for i := range b {
			b[i] = byte(ns >> (8 * i))
		}
	}
	return hex.EncodeToString(b)
}

// foldExtra covers Latin letters that Unicode does not decompose into a
// base letter plus accent.
var foldExtra = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// slug turns an ASMO name into lower-case ASCII words joined by hyphens,
// dropping accents ("Cooperativa Minera Ñuñoa" -> "cooperativa-minera-nunoa"),
// cut at a word boundary to at most maxSlug characters. Names with no
// Latin letters or digits give "audit".
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // accent split off by NFD
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case foldExtra[r] != "":
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(foldExtra[r])
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return "audit"
	}
	return s
}

// ProblemKind names what is wrong with a header field (or a date or
// coordinates typed elsewhere). The values are stable: they appear in JSON
// and each surface words them from its own messages.
type ProblemKind string

// Problem kinds. The comment says which FieldError fields are set.
const (
	// ProblemRequired: the field is empty.
	ProblemRequired ProblemKind = "required"
	// ProblemUnknownChoice: Value is not one of Known (audit or
	// certification type edited by hand).
	ProblemUnknownChoice ProblemKind = "unknown-choice"
	// ProblemDateFormat: Value is not in the form YYYY-MM-DD.
	ProblemDateFormat ProblemKind = "date-format"
	// ProblemDateInvalid: Value has the form but is no day of the calendar.
	ProblemDateInvalid ProblemKind = "date-invalid"
	// ProblemEndBeforeStart: the end date Value is before the start date
	// Other.
	ProblemEndBeforeStart ProblemKind = "end-before-start"
	// ProblemNegativeYear: the certification year Number is negative.
	ProblemNegativeYear ProblemKind = "negative-year"
	// ProblemInitialNotYearZero: an initial audit in year Number, not 0.
	ProblemInitialNotYearZero ProblemKind = "initial-not-year-zero"
	// ProblemLaterAuditYearZero: an audit of type Value (surveillance,
	// recertification) in year 0.
	ProblemLaterAuditYearZero ProblemKind = "later-audit-year-zero"
	// ProblemNegative: the count Number is negative. In the interviews
	// table, Row and Role say which row.
	ProblemNegative ProblemKind = "negative"
	// ProblemNotNumber: Value is not a whole number.
	ProblemNotNumber ProblemKind = "not-a-number"
	// ProblemCoordFormat: Value is not "latitude, longitude".
	ProblemCoordFormat ProblemKind = "coordinates-format"
	// ProblemCoordNumber: Value, one part of the coordinates, is not a
	// decimal number of degrees.
	ProblemCoordNumber ProblemKind = "coordinates-number"
	// ProblemLatitudeRange: the latitude Degrees is outside -90..90.
	ProblemLatitudeRange ProblemKind = "latitude-range"
	// ProblemLongitudeRange: the longitude Degrees is outside -180..180.
	ProblemLongitudeRange ProblemKind = "longitude-range"
	// ProblemCoordNotFinite: a coordinate is NaN or infinite.
	ProblemCoordNotFinite ProblemKind = "coordinates-not-finite"
	// ProblemSampleOver: the actual sample Number is more than the
	// population Limit of Item (a sampling unit or group).
	ProblemSampleOver ProblemKind = "sample-over-population"
)

// ProblemKinds lists every ProblemKind, so a surface's tests can check that
// it words each one.
var ProblemKinds = []ProblemKind{
	ProblemRequired, ProblemUnknownChoice, ProblemDateFormat, ProblemDateInvalid, ProblemEndBeforeStart,
	ProblemNegativeYear, ProblemInitialNotYearZero, ProblemLaterAuditYearZero, ProblemNegative, ProblemNotNumber,
	ProblemCoordFormat, ProblemCoordNumber, ProblemLatitudeRange, ProblemLongitudeRange, ProblemCoordNotFinite,
	ProblemSampleOver,
}

// FieldError is one problem with one header field, as data: Field is the
// field's key ("asmo", "start_date", "coordinates", "fsp.miners",
// "interviews[2].women"), so a form shows it under the field, and Kind with
// the other fields says what is wrong, so each surface words it in its
// language. Error is English for programmers and logs.
type FieldError struct {
	Field string      `json:"field"`
	Kind  ProblemKind `json:"kind"`
	// Value is the text at fault: a date, a number, the coordinates or one
	// part of them, an unknown choice, an audit type.
	Value string `json:"value,omitempty"`
	// Other is the second text a problem names (the start date).
	Other string `json:"other,omitempty"`
	// Number is the year or count at fault.
	Number int `json:"number,omitempty"`
	// Degrees is the latitude or longitude out of range.
	Degrees float64 `json:"degrees,omitempty"`
	// Known are the values a choice accepts.
	Known []string `json:"known,omitempty"`
	// Row (from 0) and Role (as typed, maybe empty) name an interviews row.
	Row  int    `json:"row,omitempty"`
	Role string `json:"role,omitempty"`
	// Item names the register entry (its pseudonym) or sampling unit
	// (mines, plants, miners, or a group's name) a problem is in.
	Item string `json:"item,omitempty"`
	// Limit is the bound a number exceeds (a sample's population).
	Limit int `json:"limit,omitempty"`
}

// Error describes the problem for programmers: field, kind and value.
func (e FieldError) Error() string {
	field := e.Field
	if field == "" {
		field = "value"
	}
	switch {
	case e.Value != "":
		return fmt.Sprintf("%s: %s %q", field, e.Kind, e.Value)
	case e.Kind == ProblemLatitudeRange || e.Kind == ProblemLongitudeRange:
		return fmt.Sprintf("%s: %s %v", field, e.Kind, e.Degrees)
	case e.Number != 0:
		return fmt.Sprintf("%s: %s %d", field, e.Kind, e.Number)
	}
	return fmt.Sprintf("%s: %s", field, e.Kind)
}

// ValidateHeader checks what the report cover and the applicability rules
// need, field by field in HeaderFields order: the required fields, known
// audit and certification types, real dates with the end not before the
// start, a certification year that fits the audit type, coordinates on the
// globe and no negative counts. It returns nil when the header is complete.
func ValidateHeader(h Header) []FieldError {
	var errs []FieldError
	for _, f := range HeaderFields {
		if f.Required && strings.TrimSpace(f.Get(h)) == "" {
			errs = append(errs, FieldError{Field: f.Key, Kind: ProblemRequired})
			continue
		}
		if f.Validate != nil {
			errs = append(errs, f.Validate(h)...)
		}
	}
	errs = append(errs, validateSampling(h)...)
	return append(errs, validateRegister(h)...)
}

// validateChoice faults a value that is not one of known.
func validateChoice[T ~string](field string, v T, known []T) []FieldError {
	if slices.Contains(known, v) {
		return nil
	}
	return []FieldError{{Field: field, Kind: ProblemUnknownChoice, Value: string(v), Known: choices(known)}}
}

// validateYear checks the certification year against the audit type.
func validateYear(h Header) []FieldError {
	e := FieldError{Field: "certification_year", Number: h.CertYear}
	switch {
	case h.CertYear < 0:
		e.Kind = ProblemNegativeYear
	case h.AuditType == Initial && h.CertYear != 0:
		e.Kind = ProblemInitialNotYearZero
	case (h.AuditType == Surveillance || h.AuditType == Recertification) && h.CertYear == 0:
		e.Kind, e.Value = ProblemLaterAuditYearZero, string(h.AuditType)
	default:
		return nil
	}
	return []FieldError{e}
}

// validateDate faults a date that does not parse.
func validateDate(field, s string) []FieldError {
	if _, err := ParseDate(s); err != nil {
		return []FieldError{asFieldError(field, err)}
	}
	return nil
}

// validateEnd checks the end date, and that it is not before the start.
func validateEnd(h Header) []FieldError {
	end, err := ParseDate(h.EndDate)
	if err != nil {
		return []FieldError{asFieldError("end_date", err)}
	}
	if start, err := ParseDate(h.StartDate); err == nil && end.Before(start) {
		return []FieldError{{Field: "end_date", Kind: ProblemEndBeforeStart,
			Value: strings.TrimSpace(h.EndDate), Other: strings.TrimSpace(h.StartDate)}}
	}
	return nil
}

// validateNotNegative faults a negative count.
func validateNotNegative(field string, n int) []FieldError {
	if n < 0 {
		return []FieldError{{Field: field, Kind: ProblemNegative, Number: n}}
	}
	return nil
}

// validateInterviews faults negative counts in the interviews table.
func validateInterviews(h Header) []FieldError {
	var errs []FieldError
	for i, iv := range h.Interviews {
		for _, c := range InterviewColumns[1:] {
			if n := c.count(iv); n < 0 {
				errs = append(errs, FieldError{Field: InterviewCellKey(i, c.Key), Kind: ProblemNegative,
					Number: n, Row: i, Role: strings.TrimSpace(iv.Role)})
			}
		}
	}
	return errs
}

// asFieldError puts err under field: a FieldError keeps its kind, any other
// error becomes a format problem with its text.
func asFieldError(field string, err error) FieldError {
	var fe FieldError
	if errors.As(err, &fe) {
		fe.Field = field
		return fe
	}
	return FieldError{Field: field, Kind: ProblemDateFormat, Value: err.Error()}
}

func choices[T ~string](xs []T) []string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return s
}

// datePattern is checked before time.Parse so that a wrong shape and an
// impossible day ("2026-02-30") get different, clearer messages.
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ParseDate reads a YYYY-MM-DD date (surrounding spaces ignored) as
// midnight UTC. Its error is a FieldError (date-format or date-invalid)
// without a Field: the caller knows which field it read.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if !datePattern.MatchString(s) {
		return time.Time{}, FieldError{Kind: ProblemDateFormat, Value: s}
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, FieldError{Kind: ProblemDateInvalid, Value: s}
	}
	return t, nil
}

// degreesPattern accepts plain decimal numbers only: no exponents, hex,
// "NaN" or "Inf", which strconv would otherwise let through.
var degreesPattern = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)

// ParseCoordinates reads "latitude, longitude" in decimal degrees, as GPS
// apps and maps show them: "6.2442, -75.5812", "6.2442,-75.5812" or
// "6.2442 -75.5812". An empty string means no coordinates (nil, nil).
// Decimal commas ("6,2442 -75,5812") are refused rather than guessed. Its
// error is a FieldError on "coordinates".
func ParseCoordinates(s string) (*GeoPoint, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var parts []string
	if strings.Contains(s, ",") {
		parts = strings.Split(s, ",")
	} else {
		parts = strings.Fields(s)
	}
	if len(parts) != 2 {
		return nil, coordError(ProblemCoordFormat, s)
	}
	var v [2]float64
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !degreesPattern.MatchString(p) {
			if p == "" {
				return nil, coordError(ProblemCoordFormat, s)
			}
			return nil, coordError(ProblemCoordNumber, p)
		}
		f, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return nil, coordError(ProblemCoordNumber, p)
		}
		v[i] = f
	}
	if err := checkPoint(v[0], v[1]); err != nil {
		return nil, err
	}
	return &GeoPoint{Lat: v[0], Lon: v[1]}, nil
}

// coordError is a problem with typed coordinates.
func coordError(kind ProblemKind, value string) FieldError {
	return FieldError{Field: "coordinates", Kind: kind, Value: value}
}

// checkPoint range-checks a position in decimal degrees; the error is a
// FieldError on "coordinates".
func checkPoint(lat, lon float64) error {
	switch {
	case math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lat, 0) || math.IsInf(lon, 0):
		return coordError(ProblemCoordNotFinite, "")
	case lat < -90 || lat > 90:
		return FieldError{Field: "coordinates", Kind: ProblemLatitudeRange, Degrees: lat}
	case lon < -180 || lon > 180:
		return FieldError{Field: "coordinates", Kind: ProblemLongitudeRange, Degrees: lon}
	}
	return nil
}

package audit

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"regexp"
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
// "<creation date>-<ASMO slug>-<4 random hex>": readable in a folder
// listing, and unique even for two audits of one ASMO on one day. The
// creation date (in now's location) is used rather than the audit's start
// date because the header may still change; the id never does.
func New(cat *standards.Catalog, h Header, now time.Time) *Audit {
	a := &Audit{
		Schema:   SchemaVersion,
		ID:       now.Format(DateLayout) + "-" + slug(h.ASMO) + "-" + randomHex(2),
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

// FieldError is one problem with one header field. Field is the field's
// JSON name ("asmo", "start_date", "coordinates", "fsp.miners",
// "interviews[2].women"), so a form can show the message under the field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error returns the message, so a FieldError can travel as an error.
func (e FieldError) Error() string { return e.Message }

// ValidateHeader checks what the report cover and the applicability rules
// need: the required fields, known audit and certification types, real
// dates with the end not before the start, a certification year that fits
// the audit type, coordinates on the globe and no negative counts. It
// returns nil when the header is complete.
func ValidateHeader(h Header) []FieldError {
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	for _, f := range []struct{ field, value string }{
		{"asmo", h.ASMO}, {"site", h.Site}, {"country", h.Country},
	} {
		if strings.TrimSpace(f.value) == "" {
			add(f.field, msg.required, msg.label(f.field))
		}
	}

	switch {
	case strings.TrimSpace(string(h.AuditType)) == "":
		add("audit_type", msg.required, msg.label("audit_type"))
	case !knownAuditType(h.AuditType):
		add("audit_type", msg.unknownAuditType, string(h.AuditType), joinAny(AuditTypes))
	}
	switch {
	case strings.TrimSpace(string(h.CertType)) == "":
		add("certification_type", msg.required, msg.label("certification_type"))
	case !knownCertType(h.CertType):
		add("certification_type", msg.unknownCertType, string(h.CertType), joinAny(CertTypes))
	}
	switch {
	case h.CertYear < 0:
		add("certification_year", msg.negativeYear, h.CertYear)
	case h.AuditType == Initial && h.CertYear != 0:
		add("certification_year", msg.initialNotYearZero, h.CertYear)
	case (h.AuditType == Surveillance || h.AuditType == Recertification) && h.CertYear == 0:
		add("certification_year", msg.laterAuditYearZero, h.AuditType)
	}

	start, startErr := checkDate(h.StartDate, "start_date", add)
	end, endErr := checkDate(h.EndDate, "end_date", add)
	if startErr == nil && endErr == nil && end.Before(start) {
		add("end_date", msg.endBeforeStart, strings.TrimSpace(h.EndDate), strings.TrimSpace(h.StartDate))
	}

	if strings.TrimSpace(h.LeadInspector) == "" {
		add("lead_inspector", msg.required, msg.label("lead_inspector"))
	}
	if c := h.Coordinates; c != nil {
		if err := checkPoint(c.Lat, c.Lon); err != nil {
			add("coordinates", "%s", err.Error())
		}
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"fsp.mines", h.FSP.Mines}, {"fsp.plants", h.FSP.Plants}, {"fsp.miners", h.FSP.Miners}} {
		if c.n < 0 {
			add(c.field, msg.negativeCount, msg.label(c.field), c.n)
		}
	}
	for i, iv := range h.Interviews {
		role := strings.TrimSpace(iv.Role)
		if role == "" {
			role = strconv.Itoa(i + 1)
		}
		for _, c := range []struct {
			key string
			n   int
		}{{"women", iv.Women}, {"men", iv.Men}, {"other", iv.Other}} {
			if c.n < 0 {
				add(fmt.Sprintf("interviews[%d].%s", i, c.key), msg.negativeCount,
					fmt.Sprintf(msg.label("interviews."+c.key), role), c.n)
			}
		}
	}
	return errs
}

// checkDate reports a missing or malformed date under field.
func checkDate(s, field string, add func(field, format string, args ...any)) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		add(field, msg.required, msg.label(field))
		return time.Time{}, errMissing
	}
	t, err := ParseDate(s)
	if err != nil {
		add(field, "%s", err.Error())
	}
	return t, err
}

var errMissing = errors.New("missing")

func knownAuditType(t AuditType) bool {
	for _, k := range AuditTypes {
		if t == k {
			return true
		}
	}
	return false
}

func knownCertType(t CertType) bool {
	for _, k := range CertTypes {
		if t == k {
			return true
		}
	}
	return false
}

func joinAny[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// datePattern is checked before time.Parse so that a wrong shape and an
// impossible day ("2026-02-30") get different, clearer messages.
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ParseDate reads a YYYY-MM-DD date (surrounding spaces ignored) as
// midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if !datePattern.MatchString(s) {
		return time.Time{}, fmt.Errorf(msg.dateFormat, s)
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf(msg.dateInvalid, s)
	}
	return t, nil
}

// degreesPattern accepts plain decimal numbers only: no exponents, hex,
// "NaN" or "Inf", which strconv would otherwise let through.
var degreesPattern = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)

// ParseCoordinates reads "latitude, longitude" in decimal degrees, as GPS
// apps and maps show them: "6.2442, -75.5812", "6.2442,-75.5812" or
// "6.2442 -75.5812". An empty string means no coordinates (nil, nil).
// Decimal commas ("6,2442 -75,5812") are refused rather than guessed.
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
		return nil, fmt.Errorf(msg.coordFormat, s)
	}
	var v [2]float64
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !degreesPattern.MatchString(p) {
			if p == "" {
				return nil, fmt.Errorf(msg.coordFormat, s)
			}
			return nil, fmt.Errorf(msg.coordNumber, p)
		}
		f, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return nil, fmt.Errorf(msg.coordNumber, p)
		}
		v[i] = f
	}
	if err := checkPoint(v[0], v[1]); err != nil {
		return nil, err
	}
	return &GeoPoint{Lat: v[0], Lon: v[1]}, nil
}

// checkPoint range-checks a position in decimal degrees.
func checkPoint(lat, lon float64) error {
	switch {
	case math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lat, 0) || math.IsInf(lon, 0):
		return errors.New(msg.coordNotFinite)
	case lat < -90 || lat > 90:
		return fmt.Errorf(msg.latRange, lat)
	case lon < -180 || lon > 180:
		return fmt.Errorf(msg.lonRange, lon)
	}
	return nil
}

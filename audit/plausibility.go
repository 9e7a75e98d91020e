package audit

import (
	"math"
	"slices"
	"strings"
	"time"
)

// A certification body reading a report must see which photographs to
// doubt: one taken a year before the audit, or 134 km from the site, proves
// nothing about the mine today. The marks are computed from what the
// import read from the file (EXIF capture time and GPS position) against
// the audit's dates and site, every time they are shown, so a corrected
// date or position takes effect at once; the inspector's justification of
// a mark is kept with the evidence and printed beside it, never in its
// place.

// EvidenceFlagKind is a stable code for one reason to doubt an evidence
// file. The codes travel in --json output and in the findings data.
type EvidenceFlagKind string

// The plausibility marks.
const (
	// FlagOutsideDates: the capture time lies more than the margin before
	// the audit's first day or after its last (Days, Captured).
	FlagOutsideDates EvidenceFlagKind = "outside-dates"
	// FlagFarFromSite: the GPS position is further than the limit from the
	// site's coordinates (Km).
	FlagFarFromSite EvidenceFlagKind = "far-from-site"
	// FlagNoMetadata: a picture with neither a capture time nor a GPS
	// position: nothing in it says when or where it was taken.
	FlagNoMetadata EvidenceFlagKind = "no-metadata"
	// FlagSeveralNames: the same file (same SHA-256) is in the audit under
	// more than one name (Names).
	FlagSeveralNames EvidenceFlagKind = "several-names"
)

// EvidenceFlagKinds lists every mark in the order surfaces show them.
var EvidenceFlagKinds = []EvidenceFlagKind{FlagOutsideDates, FlagFarFromSite, FlagNoMetadata, FlagSeveralNames}

// Known reports whether k is one of EvidenceFlagKinds.
func (k EvidenceFlagKind) Known() bool { return slices.Contains(EvidenceFlagKinds, k) }

// EvidenceFlag is one mark on an evidence file, with what a surface needs
// to word it.
type EvidenceFlag struct {
	Kind EvidenceFlagKind `json:"kind"`
	// Days, for FlagOutsideDates: how many days before the audit's first
	// day (negative) or after its last (positive) the picture was taken.
	Days int `json:"days,omitempty"`
	// Captured, for FlagOutsideDates: the capture day as the camera
	// recorded it (YYYY-MM-DD).
	Captured string `json:"captured,omitempty"`
	// Km, for FlagFarFromSite: the distance from the site, rounded to
	// 0.1 km.
	Km float64 `json:"km,omitempty"`
	// Names, for FlagSeveralNames: every name the file has in the audit.
	Names []string `json:"names,omitempty"`
	// Justification is the inspector's reason to keep the file despite the
	// mark; "" when none was given.
	Justification string `json:"justification,omitempty"`
}

// Plausibility is how strict the marks are: config.toml sets it
// (evidence_days_margin, evidence_max_km); DefaultPlausibility otherwise.
type Plausibility struct {
	// DaysMargin is how many days before the audit's first day or after
	// its last a picture may be taken without a mark (a site visit the day
	// before, a photo sent the day after).
	DaysMargin int `json:"days_margin"`
	// MaxKm is how far from the site's coordinates a picture may be taken
	// without a mark.
	MaxKm int `json:"max_km"`
}

// DefaultPlausibility is ±1 day and 5 km: a mine's workings, its plant
// and the cooperative's office are usually within a few kilometres.
var DefaultPlausibility = Plausibility{DaysMargin: 1, MaxKm: 5}

// CheckEvidence returns the marks on ev in audit a under rules p, in the
// order of EvidenceFlagKinds, each with the inspector's justification if
// one was given. A check whose reference is missing (no audit dates, no
// site coordinates) gives no mark: there is nothing to compare with.
func CheckEvidence(a *Audit, ev *Evidence, p Plausibility) []EvidenceFlag {
	if a == nil || ev == nil {
		return nil
	}
	var out []EvidenceFlag
	if !ev.Captured.IsZero() {
		if days, ok := daysOutside(ev.Captured, a.Header.StartDate, a.Header.EndDate, max(p.DaysMargin, 0)); ok {
			out = append(out, EvidenceFlag{Kind: FlagOutsideDates, Days: days, Captured: ev.Captured.Format(DateLayout)})
		}
	}
	if ev.GPS != nil && a.Header.Coordinates != nil && validPoint(*ev.GPS) && validPoint(*a.Header.Coordinates) {
		km := DistanceKm(*ev.GPS, *a.Header.Coordinates)
		if km > float64(max(p.MaxKm, 0)) {
			out = append(out, EvidenceFlag{Kind: FlagFarFromSite, Km: math.Round(km*10) / 10})
		}
	}
	if isImage(ev.MediaType) && ev.Captured.IsZero() && ev.GPS == nil {
		out = append(out, EvidenceFlag{Kind: FlagNoMetadata})
	}
	if names := EvidenceNames(a, ev); len(names) > 1 {
		out = append(out, EvidenceFlag{Kind: FlagSeveralNames, Names: names})
	}
	for i := range out {
		out[i].Justification = ev.Justifications[out[i].Kind]
	}
	return out
}

// EvidenceFlags returns the marks of every evidence file of a that has
// any, by SHA-256.
func EvidenceFlags(a *Audit, p Plausibility) map[string][]EvidenceFlag {
	out := map[string][]EvidenceFlag{}
	if a == nil {
		return out
	}
	for i := range a.Evidence {
		if fl := CheckEvidence(a, &a.Evidence[i], p); len(fl) > 0 {
			out[a.Evidence[i].SHA256] = fl
		}
	}
	return out
}

// Unjustified counts the marks that have no justification.
func Unjustified(flags []EvidenceFlag) int {
	n := 0
	for _, f := range flags {
		if strings.TrimSpace(f.Justification) == "" {
			n++
		}
	}
	return n
}

// EvidenceNames returns every name under which the file of ev is in the
// audit, first seen first: its own, and those of any other entry with the
// same SHA-256 (an audit.json edited by hand, or written before names were
// merged). Names differing only in case are one name.
func EvidenceNames(a *Audit, ev *Evidence) []string {
	var names []string
	add := func(n string) {
		n = strings.TrimSpace(n)
		if n == "" {
			return
		}
		for _, have := range names {
			if strings.EqualFold(have, n) {
				return
			}
		}
		names = append(names, n)
	}
	for _, n := range ev.Names() {
		add(n)
	}
	if a != nil {
		// A hand-edited file may still list the same content twice.
		for i := range a.Evidence {
			if a.Evidence[i].SHA256 == ev.SHA256 {
				for _, n := range a.Evidence[i].Names() {
					add(n)
				}
			}
		}
	}
	return names
}

// daysOutside says by how many days the capture day lies outside
// [start-margin, end+margin]: negative before, positive after (counted from
// the audit's first or last day). The capture day is the camera's own
// calendar day, so a time zone cannot move a photo across midnight. ok is
// false inside the window or when the audit's dates are not set.
func daysOutside(captured time.Time, start, end string, margin int) (int, bool) {
	s, err := time.Parse(DateLayout, strings.TrimSpace(start))
	if err != nil {
		return 0, false
	}
	e, err := time.Parse(DateLayout, strings.TrimSpace(end))
	if err != nil || e.Before(s) {
		e = s
	}
	y, m, d := captured.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch {
	case day.Before(s.AddDate(0, 0, -margin)):
		return -daysBetween(day, s), true
	case day.After(e.AddDate(0, 0, margin)):
		return daysBetween(e, day), true
	}
	return 0, false
}

// daysBetween counts whole days from a to b (both UTC midnights).
func daysBetween(a, b time.Time) int {
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// DistanceKm is the great-circle distance between two points, in km: a
// few metres' error at these distances is of no account.
func DistanceKm(a, b GeoPoint) float64 {
	const earthKm = 6371.0088 // mean radius (IUGG)
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// validPoint refuses what a hand-edited file may hold: NaN, out of range.
func validPoint(p GeoPoint) bool {
	return !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) && math.Abs(p.Lat) <= 90 && math.Abs(p.Lon) <= 180
}

// isImage reports whether a media type is a picture, which a camera would
// have dated and placed.
func isImage(mediaType string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(mediaType)), "image/")
}

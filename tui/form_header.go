package tui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
)

// The header form's fields, each read from and written to audit.Header.

// headerKeys lists the header's fields in form order: the fields of the
// first form come first, unchanged, then what the report adds.
var headerKeys = []string{
	"asmo", "legal_id", "country", "region", "municipality", "site", "coordinates",
	"audit_type", "certification_type", "certification_year", "start_date", "end_date",
	"lead_inspector", "certification_body", "co_inspectors",
	"fsp.description", "fsp.mines", "fsp.plants", "fsp.miners",
	"sites_visited", "interviews", "opening_meeting", "closing_meeting",
}

// headerText is a header field as the form shows it.
func headerText(h audit.Header, k string) string {
	switch k {
	case "asmo":
		return h.ASMO
	case "legal_id":
		return h.LegalID
	case "country":
		return h.Country
	case "region":
		return h.Region
	case "municipality":
		return h.Municipality
	case "site":
		return h.Site
	case "coordinates":
		if p := h.Coordinates; p != nil {
			return strconv.FormatFloat(p.Lat, 'f', -1, 64) + ", " + strconv.FormatFloat(p.Lon, 'f', -1, 64)
		}
	case "certification_year":
		return countText(h.CertYear)
	case "start_date":
		return h.StartDate
	case "end_date":
		return h.EndDate
	case "lead_inspector":
		return h.LeadInspector
	case "certification_body":
		return h.CertBody
	case "co_inspectors":
		return strings.Join(h.CoInspectors, ", ")
	case "fsp.description":
		return h.FSP.Description
	case "fsp.mines":
		return countText(h.FSP.Mines)
	case "fsp.plants":
		return countText(h.FSP.Plants)
	case "fsp.miners":
		return countText(h.FSP.Miners)
	case "sites_visited":
		return strings.Join(h.SitesVisited, "\n")
	case "opening_meeting":
		return h.OpeningMeeting
	case "closing_meeting":
		return h.ClosingMeeting
	}
	return ""
}

// countKeys are the header fields that hold whole numbers.
var countKeys = map[string]bool{"certification_year": true, "fsp.mines": true, "fsp.plants": true, "fsp.miners": true}

// countText shows a count; zero is left empty (the field's placeholder
// shows it), so that typing a number replaces it rather than making "012".
func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// set writes the field's value into h, or says why it does not parse.
func (f formField) set(h *audit.Header) error {
	v := f.value()
	var err error
	switch f.kind {
	case kindAddRow:
		return nil
	case kindCell:
		iv := &h.Interviews[f.row]
		switch f.col {
		case 0:
			iv.Role = v
		case 1:
			iv.Women, err = parseCount(v)
		case 2:
			iv.Men, err = parseCount(v)
		case 3:
			iv.Other, err = parseCount(v)
		}
		return err
	}
	switch f.key {
	case "asmo":
		h.ASMO = v
	case "legal_id":
		h.LegalID = v
	case "country":
		h.Country = v
	case "region":
		h.Region = v
	case "municipality":
		h.Municipality = v
	case "site":
		h.Site = v
	case "coordinates":
		var p *audit.GeoPoint
		if p, err = audit.ParseCoordinates(v); err == nil {
			h.Coordinates = p
		}
	case "audit_type":
		h.AuditType = audit.AuditType(v)
	case "certification_type":
		h.CertType = audit.CertType(v)
	case "certification_year":
		h.CertYear, err = parseCount(v)
	case "start_date":
		h.StartDate = v
	case "end_date":
		h.EndDate = v
	case "lead_inspector":
		h.LeadInspector = v
	case "certification_body":
		h.CertBody = v
	case "co_inspectors":
		h.CoInspectors = splitList(v, ",")
	case "fsp.description":
		h.FSP.Description = v
	case "fsp.mines":
		h.FSP.Mines, err = parseCount(v)
	case "fsp.plants":
		h.FSP.Plants, err = parseCount(v)
	case "fsp.miners":
		h.FSP.Miners, err = parseCount(v)
	case "sites_visited":
		h.SitesVisited = splitList(v, "\n;")
	case "opening_meeting":
		h.OpeningMeeting = v
	case "closing_meeting":
		h.ClosingMeeting = v
	}
	return err
}

// parseCount reads a whole number; empty is 0. Negative numbers parse, so
// that audit.ValidateHeader names them.
func parseCount(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New(sprintf(txt.notNumber, s))
	}
	return n, nil
}

// splitList splits on any of seps, dropping blanks; nil when empty.
func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

package tui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// The functions here word the typed values of audit and standards with the
// words of text.go: the domain says what is the case, the UI says it.

// maxIDsShown bounds the requirement ids listed in one line, so a half-done
// area gives one readable line rather than fifty ids.
const maxIDsShown = 3

// shortSHA abbreviates a digest for people: 12 digits tell files apart.
func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// catalogChangedText warns that an audit's catalog file changed since.
func catalogChangedText(e *standards.ChangedError) string {
	return sprintf(txt.catalogChanged, e.ID, e.Version, shortSHA(e.Want), shortSHA(e.Got), e.Source)
}

// reqTitle is a requirement's title from the catalog, the one place the UI
// looks titles up for typed values (the domain does not copy them), or ""
// for a requirement the catalog lacks.
func reqTitle(cat *standards.Catalog, id string) string {
	if cat == nil {
		return ""
	}
	if r, ok := cat.Requirement(id); ok {
		return sanitizeLine(r.Title)
	}
	return ""
}

// outcomeText words the recommendation's outcome.
func outcomeText(o audit.Outcome) string {
	if s, ok := txt.domain.outcomes[o]; ok {
		return s
	}
	return sprintf(txt.domain.outcomeUnknown, string(o))
}

func severityText(v audit.Verdict) string {
	if s, ok := txt.domain.severity[v]; ok {
		return s
	}
	return string(v)
}

// reasonText words one reason for the recommendation.
func reasonText(r audit.Reason, cat *standards.Catalog) string {
	d := txt.domain
	title := reqTitle(cat, r.Requirement)
	switch r.Kind {
	case audit.ReasonMajor:
		return sprintf(d.reasonMajor, r.Requirement, title)
	case audit.ReasonCritical:
		return sprintf(d.reasonCritical, r.Requirement, title, severityText(r.Severity))
	case audit.ReasonMinor:
		return sprintf(d.reasonMinor, r.Requirement, title, r.DueDate)
	case audit.ReasonMinorNoDueDate:
		return sprintf(d.reasonMinorNoDue, r.Requirement, title)
	case audit.ReasonStillOpen:
		areas := make([]string, len(r.OpenByArea))
		for i, ac := range r.OpenByArea {
			areas[i] = sprintf(d.reasonOpenArea, areaName(ac.Area), ac.Count)
		}
		return sprintf(d.reasonStillOpen, r.Open, r.Applicable, strings.Join(areas, ", "))
	case audit.ReasonAllConform:
		return sprintf(d.reasonAllConform, r.Applicable, r.Conforming, r.NotApplicable)
	case audit.ReasonNothingApplies:
		return d.reasonNothingApplies
	case audit.ReasonInformative:
		return sprintf(d.reasonInformative, len(r.Requirements), strings.Join(r.Requirements, ", "))
	}
	return string(r.Kind)
}

// listIDs joins the first few ids and says how many more there are.
func listIDs(ids []string) string {
	if len(ids) <= maxIDsShown {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:maxIDsShown], ", ") + " " + sprintf(txt.domain.moreIDs, len(ids)-maxIDsShown)
}

func identityText(id *standards.Identity) string {
	if id == nil {
		return ""
	}
	return strings.TrimSpace(id.ID + " " + id.Version)
}

// blockerText words one thing that keeps the audit from being finalized.
func blockerText(b audit.Blocker, cat *standards.Catalog) string {
	d := txt.domain
	title := reqTitle(cat, b.Requirement)
	switch b.Kind {
	case audit.BlockFinalized:
		return sprintf(d.blockFinalized, b.Revision)
	case audit.BlockBadRevision:
		return sprintf(d.blockRevision, b.Revision)
	case audit.BlockBadEvidenceRef:
		return sprintf(d.blockEvidenceRef, b.Index, b.Name, b.SHA256)
	case audit.BlockOtherCatalog:
		return sprintf(d.blockCatalog, identityText(b.Catalog), identityText(b.Given))
	case audit.BlockHeader:
		if b.Problem == nil {
			return sprintf(d.blockHeader, "")
		}
		return sprintf(d.blockHeader, problemText(*b.Problem))
	case audit.BlockNoInterviews:
		return d.blockNoInterviews
	case audit.BlockNoClosingMeeting:
		return d.blockNoClosing
	case audit.BlockOpen:
		return sprintf(d.blockOpen, areaName(b.Area), len(b.Requirements), listIDs(b.Requirements))
	case audit.BlockNAJustification:
		return sprintf(d.blockNAJustify, b.Requirement, title)
	case audit.BlockNCNotes:
		return sprintf(d.blockNCNotes, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCAction:
		return sprintf(d.blockNCAction, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCNoDueDate:
		return sprintf(d.blockNCNoDue, b.Requirement, title, severityText(b.Severity))
	case audit.BlockNCBadDueDate:
		return sprintf(d.blockNCBadDue, b.Requirement, title, b.DueDate)
	case audit.BlockUnknownRequirement:
		return sprintf(d.blockUnknownReq, b.Requirement, identityText(b.Given))
	case audit.BlockUnknownVerdict:
		return sprintf(d.blockUnknownVerdict, b.Requirement, string(b.Verdict))
	case audit.BlockDanglingEvidence:
		return sprintf(d.blockEvidence, b.Requirement, b.SHA256)
	}
	return string(b.Kind)
}

// blockerTexts words every blocker.
func blockerTexts(bs []audit.Blocker, cat *standards.Catalog) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = blockerText(b, cat)
	}
	return out
}

// problemLabel names a header field inside a problem's sentence.
func problemLabel(e audit.FieldError) string {
	d := txt.domain
	if l, ok := d.problemLabels[e.Field]; ok {
		return l
	}
	if i := strings.LastIndexByte(e.Field, '.'); strings.HasPrefix(e.Field, "interviews[") && i > 0 {
		if l, ok := d.interviewLabels[e.Field[i+1:]]; ok {
			role := e.Role
			if role == "" {
				role = strconv.Itoa(e.Row + 1)
			}
			return sprintf(l, role)
		}
	}
	return e.Field
}

// problemText words a problem with a header field, a date or coordinates.
func problemText(e audit.FieldError) string {
	d := txt.domain
	switch e.Kind {
	case audit.ProblemRequired:
		return sprintf(d.required, problemLabel(e))
	case audit.ProblemUnknownChoice:
		return sprintf(d.unknownChoice, problemLabel(e), e.Value, strings.Join(e.Known, ", "))
	case audit.ProblemDateFormat:
		return sprintf(d.dateFormat, e.Value)
	case audit.ProblemDateInvalid:
		return sprintf(d.dateInvalid, e.Value)
	case audit.ProblemEndBeforeStart:
		return sprintf(d.endBeforeStart, e.Value, e.Other)
	case audit.ProblemNegativeYear:
		return sprintf(d.negativeYear, e.Number)
	case audit.ProblemInitialNotYearZero:
		return sprintf(d.initialNotYearZero, e.Number)
	case audit.ProblemLaterAuditYearZero:
		return sprintf(d.laterAuditYearZero, e.Value)
	case audit.ProblemNegative:
		return sprintf(d.negativeCount, problemLabel(e), e.Number)
	case audit.ProblemNotNumber:
		return sprintf(d.notNumber, e.Value)
	case audit.ProblemCoordFormat:
		return sprintf(d.coordFormat, e.Value)
	case audit.ProblemCoordNumber:
		return sprintf(d.coordNumber, e.Value)
	case audit.ProblemLatitudeRange:
		return sprintf(d.latRange, e.Degrees)
	case audit.ProblemLongitudeRange:
		return sprintf(d.lonRange, e.Degrees)
	case audit.ProblemCoordNotFinite:
		return d.coordNotFinite
	}
	return e.Error()
}

// errorText words an error from audit: its typed problems and refusals in
// the UI's words, anything else as the error says it.
func errorText(err error) string {
	var fe audit.FieldError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe):
		return problemText(fe)
	case errors.Is(err, audit.ErrNotFinalized):
		return txt.domain.amendNotFinalized
	case errors.Is(err, audit.ErrNoAmendReason):
		return txt.domain.amendNoReason
	}
	return err.Error()
}

// applicabilityText says why a requirement does not apply, or that it does.
func applicabilityText(d audit.ApplicabilityDetail) string {
	switch {
	case d.Applicability == audit.Informative:
		return sprintf(txt.domain.informativeDue, d.DueYear, d.CertYear)
	case d.Applicability == audit.Excluded && d.EcologicalOnly:
		return txt.domain.excludedEcological
	}
	if s, ok := txt.domain.applicability[d.Applicability]; ok {
		return s
	}
	return d.Applicability.String()
}

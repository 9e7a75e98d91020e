package report

import "github.com/assay-dev/assay/audit"

// messages holds every word the report and the verifier show a person, so a
// Spanish edition is a second table, not a code change. Format strings take
// their arguments in the order given in the comment.
type messages struct {
	// Document and running header/footer.
	Title        string
	PageFmt      string // page number; the total is the gofpdf alias
	DraftBanner  string
	DraftWater   string
	SignedFooter string
	DraftFooter  string

	// Cover.
	CoverSubtitle    string
	ASMO             string
	LegalID          string
	Site             string
	Location         string
	Coordinates      string
	FSP              string
	FSPCountsFmt     string // mines, plants, miners
	Dates            string
	DatesFmt         string // start, end
	AuditType        string
	Certification    string
	CertFmt          string // type, year
	Standard         string
	StandardFmt      string // name, id, version, sha short
	Provenance       string
	CatalogChanged   string
	LeadInspector    string
	CoInspectors     string
	CertBody         string
	ReportID         string
	Revision         string
	RevisionFmt      string // n
	AmendedFmt       string // reason
	Status           string
	StatusDraft      string
	StatusFinalized  string
	ContentHash      string
	Exported         string
	AuditTypeNames   map[audit.AuditType]string
	CertTypeNames    map[audit.CertType]string
	AreaNames        map[string]string
	VerdictWords     map[audit.Verdict]string
	VerdictShort     map[audit.Verdict]string
	AttachedDataNote string

	// Summary.
	SummaryTitle     string
	Area             string
	Applicable       string
	Complete         string
	Total            string
	Progress         string
	SummaryNoteFmt   string // informative, excluded
	Recommendation   string
	People           string
	Role             string
	Women            string
	Men              string
	Other            string
	NoInterviews     string
	SitesVisited     string
	NoSites          string
	Meetings         string
	OpeningMeeting   string
	ClosingMeeting   string
	NoMeetingNotes   string
	NCTitle          string
	NCNone           string
	Requirement      string
	Severity         string
	Finding          string
	CorrectiveAction string
	DueDate          string
	Critical         string

	// Findings.
	FindingsTitle     string
	AreaCountsFmt     string // applicable, informative, excluded
	Notes             string
	Justification     string
	EvidenceRefs      string
	FigureFmt         string // figure number
	InformativeFmt    string // due year
	Informative       string
	Excluded          string
	ExcludedWhyFmt    string // certification type name
	NoRequirements    string
	RequirementNotFnd string

	// Evidence.
	EvidenceTitle  string
	EvidenceNone   string
	File           string
	SHA256         string
	Size           string
	Captured       string
	GPS            string
	PhotosTitle    string
	CaptionFmt     string // figure number, name
	ForReqsFmt     string // requirement ids
	ImageMissing   string
	ImageUnreadFmt string // name

	// Signature page.
	SignatureTitle  string
	Inspector       string
	Date            string
	Place           string
	CertSubject     string
	CertIssuer      string
	Fingerprint     string
	SignedStatement string
	DraftStatement  string
	HowToVerify     string
	VerifyAssay     string
	VerifyPdfsig    string
	VerifyData      string
	VerifyTrust     string

	// Verification results.
	VerifyValidFmt    string // subject, fingerprint, time
	NoSignature       string
	ChangedAfterSign  string
	NotWholeFile      string
	BadSignature      string
	NoAuditData       string
	AuditDataBadFmt   string // error
	HashMismatch      string
	HashMissing       string
	AuditNotFinalized string
	SignatureErrorFmt string // error
	FileEmpty         string
	FileNotPDF        string
	FileTruncated     string

	// Export refusals and warnings.
	NoIdentity         string
	DraftNeedsFlagFmt  string // id
	OutputExistsFmt    string // path
	OutputIsDirFmt     string // path, example file path
	NotRecordedFmt     string // reason
	CatalogChangedWarn string
	SignReasonFmt      string // audit id, revision

	// Evidence files missing or changed in the audit folder.
	EvidenceMissing   string
	EvidenceChanged   string
	EvidenceBadRef    string
	EvidenceUnreadFmt string // error
	EvidenceRefuseFmt string // audit id, count, folder
	EvidenceFixHint   string
	EvidenceWarnFmt   string // name, sha prefix, reason, path
	EvidenceMark      string // reason; under the file name in the evidence index

	// Errors.
	ErrNoAudit      string
	ErrNoCatalogFmt string // audit id
	ErrEncodeFmt    string // audit id, error
	ErrRenderFmt    string // audit id, error
	ErrAuditFmt     string // audit id, error
	ErrSignFmt      string // audit id, error
	ErrNoHistoryFmt string // revision
	ErrWriteFmt     string // path, error
}

// english is the report's English table.
var english = messages{
	Title:        "Fairmined audit report",
	PageFmt:      "Page %d of {nb}",
	DraftBanner:  "DRAFT — not signed, not for certification",
	DraftWater:   "DRAFT",
	SignedFooter: "Digitally signed. Check with: assay verify FILE",
	DraftFooter:  "Draft export: not signed",

	CoverSubtitle:    "Independent third-party audit against the requirements listed below",
	ASMO:             "ASMO",
	LegalID:          "Legal identity",
	Site:             "Site",
	Location:         "Region, country",
	Coordinates:      "Coordinates",
	FSP:              "System of production (FSP)",
	FSPCountsFmt:     "%d mines, %d plants, %d miners",
	Dates:            "Audit dates",
	DatesFmt:         "%s to %s",
	AuditType:        "Audit type",
	Certification:    "Certification",
	CertFmt:          "%s, certification year %d",
	Standard:         "Requirements catalog",
	StandardFmt:      "%s (%s, version %s, SHA-256 %s…)",
	Provenance:       "Catalog provenance",
	CatalogChanged:   "Warning",
	LeadInspector:    "Lead inspector",
	CoInspectors:     "Co-inspectors",
	CertBody:         "Certification body",
	ReportID:         "Report id",
	Revision:         "Revision",
	RevisionFmt:      "%d",
	AmendedFmt:       "%d (amended: %s)",
	Status:           "Status",
	StatusDraft:      "Draft (not finalized)",
	StatusFinalized:  "Finalized",
	ContentHash:      "Audit content hash",
	Exported:         "Exported",
	AttachedDataNote: "The complete audit record is attached to this PDF as audit.json.",
	AuditTypeNames: map[audit.AuditType]string{
		audit.Initial:         "Initial certification audit",
		audit.Surveillance:    "Surveillance audit",
		audit.Recertification: "Re-certification audit",
		audit.FollowUp:        "Follow-up audit",
	},
	CertTypeNames: map[audit.CertType]string{
		audit.Fairmined:  "Fairmined",
		audit.Ecological: "Fairmined Ecological",
	},
	AreaNames: map[string]string{
		"social":        "Social",
		"economic":      "Economic",
		"environmental": "Environmental",
		"labour":        "Labour",
		"chemicals":     "Chemicals",
	},
	VerdictWords: map[audit.Verdict]string{
		audit.Open:     "Not assessed",
		audit.Conforms: "Conforms",
		audit.Minor:    "Minor non-conformity",
		audit.Major:    "Major non-conformity",
		audit.NA:       "Not applicable",
	},
	VerdictShort: map[audit.Verdict]string{
		audit.Open:     "Open",
		audit.Conforms: "Conforms",
		audit.Minor:    "Minor",
		audit.Major:    "Major",
		audit.NA:       "N/A",
	},

	SummaryTitle:     "Summary",
	Area:             "Area",
	Applicable:       "Applicable",
	Complete:         "Complete",
	Total:            "Total",
	Progress:         "Assessment by area",
	SummaryNoteFmt:   "Counts cover applicable requirements only. Not counted: %d informative progress requirements, %d excluded for this certification type.",
	Recommendation:   "Recommendation",
	People:           "People interviewed",
	Role:             "Role",
	Women:            "Women",
	Men:              "Men",
	Other:            "Other",
	NoInterviews:     "No interviews recorded.",
	SitesVisited:     "Sites visited",
	NoSites:          "No sites recorded.",
	Meetings:         "Meetings",
	OpeningMeeting:   "Opening meeting",
	ClosingMeeting:   "Closing meeting",
	NoMeetingNotes:   "No notes recorded.",
	NCTitle:          "Non-conformity register",
	NCNone:           "No non-conformities were found.",
	Requirement:      "Requirement",
	Severity:         "Severity",
	Finding:          "Finding",
	CorrectiveAction: "Corrective action",
	DueDate:          "Due",
	Critical:         "critical",

	FindingsTitle:     "Findings",
	AreaCountsFmt:     "%d applicable requirements, %d informative, %d excluded",
	Notes:             "Notes",
	Justification:     "Justification",
	EvidenceRefs:      "Evidence",
	FigureFmt:         "figure %d",
	Informative:       "Informative",
	InformativeFmt:    "Informative: progress requirement due in certification year %d; not counted in this audit.",
	Excluded:          "Excluded",
	ExcludedWhyFmt:    "Do not apply to a %s audit:",
	NoRequirements:    "The catalog has no requirements in this area.",
	RequirementNotFnd: "requirement not in the catalog",

	EvidenceTitle:  "Evidence index",
	EvidenceNone:   "No evidence files were attached to this audit.",
	File:           "File",
	SHA256:         "SHA-256",
	Size:           "Size",
	Captured:       "Taken",
	GPS:            "GPS",
	PhotosTitle:    "Photographs",
	CaptionFmt:     "Figure %d. %s",
	ForReqsFmt:     "Requirements: %s",
	ImageMissing:   "The image file is missing from the audit folder.",
	ImageUnreadFmt: "The image %s could not be read.",

	SignatureTitle:  "Signature",
	Inspector:       "Inspector",
	Date:            "Date",
	Place:           "Place",
	CertSubject:     "Certificate subject",
	CertIssuer:      "Certificate issuer",
	Fingerprint:     "Certificate SHA-256 fingerprint",
	SignedStatement: "This report is digitally signed by the inspector named above (PDF signature, CMS detached, SHA-256). The signature covers the whole file, including the attached audit data.",
	DraftStatement:  "This is a draft export. It is not signed and must not be used for a certification decision.",
	HowToVerify:     "How to verify this report",
	VerifyAssay:     "With assay: assay verify FILE  (checks the signature and the attached audit data; no network needed).",
	VerifyPdfsig:    "With poppler: pdfsig FILE  (expect \"Signature is Valid.\" and \"Total document signed\").",
	VerifyData:      "The audit data is attached to this PDF as audit.json and is covered by the signature; its content hash is recomputed by assay verify.",
	VerifyTrust:     "Compare the certificate fingerprint above with the one the inspector or the certification body published.",

	VerifyValidFmt:    "valid, unchanged since signed by %s (SHA-256 %s) at %s",
	NoSignature:       "no signature: this is a draft export or an unsigned file",
	ChangedAfterSign:  "the file was changed after it was signed",
	NotWholeFile:      "the signature does not cover the whole file: something was appended after signing",
	BadSignature:      "the signature value is not valid for the signed bytes and certificate",
	NoAuditData:       "no attached audit.json: this is not an assay report",
	AuditDataBadFmt:   "the attached audit.json cannot be read: %v",
	HashMismatch:      "the embedded audit data does not match its content hash",
	HashMissing:       "the embedded audit data has no content hash (the audit was not finalized)",
	AuditNotFinalized: "the embedded audit is a draft, not a finalized audit",
	SignatureErrorFmt: "the signature cannot be checked: %v",
	FileEmpty:         "the file is empty: it is not a report",
	FileNotPDF:        "not a PDF file (it does not start with %PDF-): it is not a report",
	FileTruncated:     "the PDF is incomplete (it does not end with %%EOF): it was cut short, e.g. by an interrupted copy or download; ask for the file again",

	NoIdentity:         "no signing identity: run 'assay keys create --name NAME'",
	DraftNeedsFlagFmt:  "audit %s is a draft: finalize it first, or export with --draft",
	OutputExistsFmt:    "%s already exists: choose another file or use --force",
	OutputIsDirFmt:     "%s is a folder: give a file name for the report, e.g. %s",
	NotRecordedFmt:     "the export was written but not recorded in the audit history: %v",
	CatalogChangedWarn: "The requirements catalog installed now differs from the one this audit was made against (SHA-256 recorded %s…, installed %s…). Titles and texts are from the installed catalog.",
	SignReasonFmt:      "Fairmined audit report %s revision %d",

	EvidenceMissing:   "missing from the audit folder",
	EvidenceChanged:   "content changed since import (SHA-256 differs)",
	EvidenceBadRef:    "not a valid evidence reference",
	EvidenceUnreadFmt: "cannot be read: %v",
	EvidenceRefuseFmt: "audit %s: not signing: %d evidence file(s) listed in the audit are not as imported in %s:",
	EvidenceFixHint:   "Put the original files back in that folder under the same name (the SHA-256 and the extension; e.g. from a backup of the home: 'sha256sum FILE' must print that hash), then export again. If a file is lost for good, export with --missing-evidence-ok: the signed report then marks it as missing in the evidence index. A --draft export always works and marks it too.",
	EvidenceWarnFmt:   "evidence %s (%s) %s: %s; the report marks it in the evidence index",
	EvidenceMark:      "(!) %s",

	ErrNoAudit:      "report: no audit to render",
	ErrNoCatalogFmt: "report: no requirements catalog for audit %s",
	ErrEncodeFmt:    "report: encoding audit %s: %w",
	ErrRenderFmt:    "report: rendering audit %s: %w",
	ErrAuditFmt:     "audit %s: %w",
	ErrSignFmt:      "audit %s: signing the report: %w",
	ErrNoHistoryFmt: "revision %d has no history entry",
	ErrWriteFmt:     "writing %s: %w",
}

// msg is the table used now; a language switch will pick another one.
var msg = &english

package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards"
)

// messages holds every word the report and the verifier show a person, so a
// Spanish edition is a second table, not a code change. Format strings take
// their arguments in the order given in the comment; every table must keep
// the same verbs in the same order (TestMessageTablesMatch checks).
//
// The report's pages use the table of RenderOptions.Language. Words for the
// terminal (verify results, export refusals and warnings, errors) come from
// msg, the English table, because the command line around them is English;
// their translations are kept here ready for a Spanish command line.
type messages struct {
	// Lang is the BCP 47 tag written as the PDF's /Lang.
	Lang string

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
	AttachmentDesc   string // description of audit.json in the PDF's attachment list

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

	// Recommendation: the outcome audit.Summarize computed, and its reasons
	// rebuilt from the Summary in the report's language (the same sentences
	// as audit's own, translated).
	OutcomeLabels        map[audit.Outcome]string
	ReasonMajorFmt       string // id, title
	ReasonCriticalFmt    string // id, title, severity word
	ReasonStillOpenFmt   string // open, applicable, per-area list
	ReasonOpenAreaFmt    string // area name, open count
	ReasonMinorFmt       string // id, title, due date
	ReasonMinorNoDueFmt  string // id, title
	ReasonAllConformFmt  string // applicable, conforming, not applicable
	ReasonNothingApplies string
	ReasonInformativeFmt string // count, ids
	SeverityMinor        string
	SeverityMajor        string

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
	LevelNames        map[standards.Level]string

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

	// Visible signature, drawn by the signer into the box the signature
	// page leaves free.
	SigBoxSignedFmt string // signer's name
	SigBoxDateFmt   string // date and time
	SigBoxPlaceFmt  string // place
	SigBoxCheck     string

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

	// Trust in the signer (assay verify --ca / --fingerprint).
	TrustCAFmt         string // roots file
	TrustFingerprint   string
	TrustNotChecked    string
	UntrustedCAFmt     string // roots file, reason
	FingerprintDiffFmt string // fingerprint found, fingerprint expected
	RootsEmptyFmt      string // roots file
	RootsBadFmt        string // roots file, certificate number, error
	BadFingerprintFmt  string // what was given

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
	UnknownLangFmt  string // language, known languages
}

// english is the report's English table.
var english = messages{
	Lang: "en",

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
	AttachmentDesc:   "Audit data (assay)",
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

	OutcomeLabels: map[audit.Outcome]string{
		audit.Recommended:               "Recommended for certification",
		audit.RecommendedWithConditions: "Recommended with conditions",
		audit.NotRecommended:            "Not recommended",
		audit.Incomplete:                "Incomplete",
	},
	ReasonMajorFmt:       "major non-conformity on %s %s",
	ReasonCriticalFmt:    "critical requirement %s %s has a %s non-conformity",
	ReasonStillOpenFmt:   "%d of %d applicable requirements still open (%s)",
	ReasonOpenAreaFmt:    "%s %d",
	ReasonMinorFmt:       "minor non-conformity on %s %s: corrective action due %s",
	ReasonMinorNoDueFmt:  "minor non-conformity on %s %s: corrective action has no due date yet",
	ReasonAllConformFmt:  "all %d applicable requirements assessed: %d conform, %d not applicable",
	ReasonNothingApplies: "no requirement of the catalog applies to this audit",
	ReasonInformativeFmt: "%d non-conformities on progress requirements not yet due are reported for information only: %s",
	SeverityMinor:        "minor",
	SeverityMajor:        "major",

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
	LevelNames: map[standards.Level]string{
		standards.Entry:    "entry",
		standards.Progress: "progress",
	},

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
	SignedStatement: "This report is digitally signed and certified by the inspector named above (PDF certification signature, CMS detached, SHA-256): it allows no change after signing. The signature covers the whole file, including the attached audit data; only a time-stamp may be added later.",
	DraftStatement:  "This is a draft export. It is not signed and must not be used for a certification decision.",
	HowToVerify:     "How to verify this report",
	VerifyAssay:     "With assay: assay verify FILE  (checks the signature and the attached audit data; no network needed).",
	VerifyPdfsig:    "With poppler: pdfsig FILE  (expect \"Signature is Valid.\" and \"Total document signed\").",
	VerifyData:      "The audit data is attached to this PDF as audit.json and is covered by the signature; its content hash is recomputed by assay verify.",
	VerifyTrust:     "The fingerprint printed above proves nothing by itself: whoever alters a report can print another. Compare the signer with what the certification body holds: assay verify FILE --fingerprint SHA256 (the fingerprint it recorded for the inspector), or --ca ROOTS.pem --signer \"NAME\" (a certificate its CA issued to this inspector).",

	SigBoxSignedFmt: "Digitally signed by %s",
	SigBoxDateFmt:   "Date: %s",
	SigBoxPlaceFmt:  "Place: %s",
	SigBoxCheck:     "digitally signed; check with assay verify",

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

	TrustCAFmt:         "signer trusted: the certificate is issued by a CA in %s",
	TrustFingerprint:   "signer trusted: the certificate's SHA-256 fingerprint is the expected one",
	TrustNotChecked:    "signer not checked against a trusted CA or a known fingerprint: use --ca ROOTS.pem or --fingerprint SHA256",
	UntrustedCAFmt:     "the signer's certificate is not issued by a trusted CA (%s): %v",
	FingerprintDiffFmt: "signed by a different certificate: fingerprint %s, expected %s",
	RootsEmptyFmt:      "%s: no certificates found (expected the certification body's root CA certificates in PEM)",
	RootsBadFmt:        "%s: certificate %d cannot be read: %v",
	BadFingerprintFmt:  "%q is not a SHA-256 fingerprint (64 hex digits; colons and spaces are allowed)",

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
	UnknownLangFmt:  "unknown report language %q (known: %s)",
}

// msg is the table for words shown at the terminal (see messages).
var msg = &english

// tables maps a language code to its table.
var tables = map[string]*messages{"en": &english, "es": &spanish}

// Languages returns the codes of the languages a report can be written in.
func Languages() []string {
	out := make([]string, 0, len(tables))
	for k := range tables {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// CheckLanguage returns nil when lang names a report language (see
// messagesFor for the accepted spellings), else an error that lists the
// known ones.
func CheckLanguage(lang string) error {
	_, err := messagesFor(lang)
	return err
}

// messagesFor returns the table for lang: "" is English; case and a region
// suffix ("es-CO", "es_PE") are ignored, since the report is one Spanish
// edition for every Spanish-speaking country.
func messagesFor(lang string) (*messages, error) {
	code := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	if code == "" {
		return &english, nil
	}
	if m, ok := tables[code]; ok {
		return m, nil
	}
	return nil, fmt.Errorf(msg.UnknownLangFmt, lang, strings.Join(Languages(), ", "))
}

// spanish is the report's Spanish table: Latin-American usage, as a
// certification body in Colombia, Peru or Bolivia writes its reports.
// Commands, file names and tool output (assay verify, pdfsig, audit.json,
// "Signature is Valid.") stay as the tools print them.
var spanish = messages{
	Lang: "es",

	Title:        "Informe de auditoría Fairmined",
	PageFmt:      "Página %d de {nb}",
	DraftBanner:  "BORRADOR — sin firmar, no válido para certificación",
	DraftWater:   "BORRADOR",
	SignedFooter: "Firmado digitalmente. Verificar con: assay verify ARCHIVO",
	DraftFooter:  "Exportación en borrador: sin firmar",

	CoverSubtitle:    "Auditoría independiente de tercera parte frente a los requisitos indicados a continuación",
	ASMO:             "Organización minera (OMAPE)",
	LegalID:          "Identificación legal",
	Site:             "Sitio",
	Location:         "Ubicación",
	Coordinates:      "Coordenadas",
	FSP:              "Sistema de producción (SPF)",
	FSPCountsFmt:     "minas: %d · plantas: %d · mineros: %d",
	Dates:            "Fechas de auditoría",
	DatesFmt:         "%s a %s",
	AuditType:        "Tipo de auditoría",
	Certification:    "Certificación",
	CertFmt:          "%s, año de certificación %d",
	Standard:         "Catálogo de requisitos",
	StandardFmt:      "%s (%s, versión %s, SHA-256 %s…)",
	Provenance:       "Procedencia del catálogo",
	CatalogChanged:   "Advertencia",
	LeadInspector:    "Inspector líder",
	CoInspectors:     "Coinspectores",
	CertBody:         "Organismo de certificación",
	ReportID:         "N.º de informe",
	Revision:         "Revisión",
	RevisionFmt:      "%d",
	AmendedFmt:       "%d (enmendada: %s)",
	Status:           "Estado",
	StatusDraft:      "Borrador (no finalizada)",
	StatusFinalized:  "Finalizada",
	ContentHash:      "Hash del contenido",
	Exported:         "Exportado",
	AttachedDataNote: "El registro completo de la auditoría va adjunto a este PDF como audit.json.",
	AttachmentDesc:   "Datos de la auditoría (assay)",
	AuditTypeNames: map[audit.AuditType]string{
		audit.Initial:         "Auditoría de certificación inicial",
		audit.Surveillance:    "Auditoría de vigilancia",
		audit.Recertification: "Auditoría de recertificación",
		audit.FollowUp:        "Auditoría de seguimiento (cierre de acciones correctivas)",
	},
	CertTypeNames: map[audit.CertType]string{
		audit.Fairmined:  "Fairmined",
		audit.Ecological: "Fairmined Ecológico",
	},
	AreaNames: map[string]string{
		"social":        "Social",
		"economic":      "Económica",
		"environmental": "Ambiental",
		"labour":        "Laboral",
		"chemicals":     "Químicos",
	},
	VerdictWords: map[audit.Verdict]string{
		audit.Open:     "Sin evaluar",
		audit.Conforms: "Conforme",
		audit.Minor:    "No conformidad menor",
		audit.Major:    "No conformidad mayor",
		audit.NA:       "No aplica",
	},
	VerdictShort: map[audit.Verdict]string{
		audit.Open:     "Abierto",
		audit.Conforms: "Conforme",
		audit.Minor:    "Menor",
		audit.Major:    "Mayor",
		audit.NA:       "N/A",
	},

	SummaryTitle:     "Resumen",
	Area:             "Área",
	Applicable:       "Aplicables",
	Complete:         "Avance",
	Total:            "Total",
	Progress:         "Evaluación por área",
	SummaryNoteFmt:   "Los conteos incluyen solo los requisitos aplicables. No se cuentan los requisitos de progreso informativos (%d) ni los excluidos para este tipo de certificación (%d).",
	Recommendation:   "Recomendación",
	People:           "Personas entrevistadas",
	Role:             "Función",
	Women:            "Mujeres",
	Men:              "Hombres",
	Other:            "Otras",
	NoInterviews:     "No se registraron entrevistas.",
	SitesVisited:     "Sitios visitados",
	NoSites:          "No se registraron sitios.",
	Meetings:         "Reuniones",
	OpeningMeeting:   "Reunión de apertura",
	ClosingMeeting:   "Reunión de cierre",
	NoMeetingNotes:   "No se registraron notas.",
	NCTitle:          "No conformidades",
	NCNone:           "No se encontraron no conformidades.",
	Requirement:      "Requisito",
	Severity:         "Gravedad",
	Finding:          "Hallazgo",
	CorrectiveAction: "Acción correctiva",
	DueDate:          "Plazo",
	Critical:         "crítico",

	OutcomeLabels: map[audit.Outcome]string{
		audit.Recommended:               "Certificación recomendada",
		audit.RecommendedWithConditions: "Recomendada con condiciones",
		audit.NotRecommended:            "No recomendada",
		audit.Incomplete:                "Incompleta",
	},
	ReasonMajorFmt:       "no conformidad mayor en %s %s",
	ReasonCriticalFmt:    "el requisito crítico %s %s tiene una no conformidad %s",
	ReasonStillOpenFmt:   "requisitos aplicables aún abiertos: %d de %d (%s)",
	ReasonOpenAreaFmt:    "%s %d",
	ReasonMinorFmt:       "no conformidad menor en %s %s: acción correctiva con plazo hasta el %s",
	ReasonMinorNoDueFmt:  "no conformidad menor en %s %s: la acción correctiva aún no tiene plazo",
	ReasonAllConformFmt:  "todos los requisitos aplicables (%d) están evaluados; conformes: %d; no aplica: %d",
	ReasonNothingApplies: "ningún requisito del catálogo aplica a esta auditoría",
	ReasonInformativeFmt: "no conformidades en requisitos de progreso aún no exigibles, informadas solo a título informativo (%d): %s",
	SeverityMinor:        "menor",
	SeverityMajor:        "mayor",

	FindingsTitle:     "Hallazgos",
	AreaCountsFmt:     "Requisitos aplicables: %d · informativos: %d · excluidos: %d",
	Notes:             "Notas",
	Justification:     "Justificación",
	EvidenceRefs:      "Evidencias",
	FigureFmt:         "figura %d",
	Informative:       "Informativo",
	InformativeFmt:    "Informativo: requisito de progreso exigible en el año de certificación %d; no se cuenta en esta auditoría.",
	Excluded:          "Excluidos",
	ExcludedWhyFmt:    "No aplican a una auditoría %s:",
	NoRequirements:    "El catálogo no tiene requisitos en esta área.",
	RequirementNotFnd: "requisito que no está en el catálogo",
	LevelNames: map[standards.Level]string{
		standards.Entry:    "requisito de entrada",
		standards.Progress: "requisito de progreso",
	},

	EvidenceTitle:  "Índice de evidencias",
	EvidenceNone:   "No se adjuntaron archivos de evidencia a esta auditoría.",
	File:           "Archivo",
	SHA256:         "SHA-256",
	Size:           "Tamaño",
	Captured:       "Tomada",
	GPS:            "GPS",
	PhotosTitle:    "Fotografías",
	CaptionFmt:     "Figura %d. %s",
	ForReqsFmt:     "Requisitos: %s",
	ImageMissing:   "El archivo de imagen no está en la carpeta de la auditoría.",
	ImageUnreadFmt: "No se pudo leer la imagen %s.",

	SignatureTitle:  "Firma",
	Inspector:       "Inspector",
	Date:            "Fecha",
	Place:           "Lugar",
	CertSubject:     "Titular del certificado",
	CertIssuer:      "Emisor del certificado",
	Fingerprint:     "Huella SHA-256 del certificado",
	SignedStatement: "Este informe está firmado y certificado digitalmente por el inspector indicado arriba (firma de certificación PDF, CMS separada, SHA-256): no admite cambios después de firmado. La firma cubre el archivo completo, incluidos los datos de auditoría adjuntos; después solo se le puede añadir un sello de tiempo.",
	DraftStatement:  "Esta es una exportación en borrador. No está firmada y no debe usarse para una decisión de certificación.",
	HowToVerify:     "Cómo verificar este informe",
	VerifyAssay:     "Con assay: assay verify ARCHIVO  (verifica la firma y los datos de auditoría adjuntos; no requiere conexión a internet).",
	VerifyPdfsig:    "Con poppler: pdfsig ARCHIVO  (debe mostrar \"Signature is Valid.\" y \"Total document signed\").",
	VerifyData:      "Los datos de la auditoría van adjuntos a este PDF como audit.json y están cubiertos por la firma; assay verify vuelve a calcular su hash de contenido.",
	VerifyTrust:     "La huella impresa arriba no prueba nada por sí sola: quien altere un informe puede imprimir otra. Compare el firmante con lo que tiene el organismo de certificación: assay verify ARCHIVO --fingerprint SHA256 (la huella que registró para el inspector), o --ca RAICES.pem --signer \"NOMBRE\" (un certificado que su CA emitió a este inspector).",

	SigBoxSignedFmt: "Firmado digitalmente por %s",
	SigBoxDateFmt:   "Fecha: %s",
	SigBoxPlaceFmt:  "Lugar: %s",
	SigBoxCheck:     "firmado digitalmente; verifíquelo con assay verify",

	VerifyValidFmt:    "válido, sin cambios desde que lo firmó %s (SHA-256 %s) el %s",
	NoSignature:       "sin firma: es una exportación en borrador o un archivo sin firmar",
	ChangedAfterSign:  "el archivo se modificó después de firmarlo",
	NotWholeFile:      "la firma no cubre el archivo completo: se agregó algo después de firmar",
	BadSignature:      "el valor de la firma no es válido para los bytes firmados y el certificado",
	NoAuditData:       "no tiene audit.json adjunto: no es un informe de assay",
	AuditDataBadFmt:   "no se puede leer el audit.json adjunto: %v",
	HashMismatch:      "los datos de auditoría adjuntos no coinciden con su hash de contenido",
	HashMissing:       "los datos de auditoría adjuntos no tienen hash de contenido (la auditoría no se finalizó)",
	AuditNotFinalized: "la auditoría adjunta es un borrador, no una auditoría finalizada",
	SignatureErrorFmt: "no se puede verificar la firma: %v",
	FileEmpty:         "el archivo está vacío: no es un informe",
	FileNotPDF:        "no es un archivo PDF (no empieza con %PDF-): no es un informe",
	FileTruncated:     "el PDF está incompleto (no termina con %%EOF): se cortó, p. ej. por una copia o descarga interrumpida; pida el archivo de nuevo",

	TrustCAFmt:         "firmante de confianza: el certificado lo emitió una CA de %s",
	TrustFingerprint:   "firmante de confianza: la huella SHA-256 del certificado es la esperada",
	TrustNotChecked:    "no se verificó el firmante con una CA de confianza ni con una huella conocida: use --ca RAICES.pem o --fingerprint SHA256",
	UntrustedCAFmt:     "el certificado del firmante no lo emitió una CA de confianza (%s): %v",
	FingerprintDiffFmt: "firmado con otro certificado: huella %s, se esperaba %s",
	RootsEmptyFmt:      "%s: no contiene certificados (se esperaban los certificados raíz de la CA del organismo de certificación en PEM)",
	RootsBadFmt:        "%s: no se puede leer el certificado %d: %v",
	BadFingerprintFmt:  "%q no es una huella SHA-256 (64 dígitos hexadecimales; se permiten dos puntos y espacios)",

	NoIdentity:         "no hay identidad de firma: ejecute 'assay keys create --name NOMBRE'",
	DraftNeedsFlagFmt:  "la auditoría %s es un borrador: finalícela primero o exporte con --draft",
	OutputExistsFmt:    "%s ya existe: elija otro archivo o use --force",
	OutputIsDirFmt:     "%s es una carpeta: indique un nombre de archivo para el informe, p. ej. %s",
	NotRecordedFmt:     "el informe se escribió pero no quedó registrado en el historial de la auditoría: %v",
	CatalogChangedWarn: "El catálogo de requisitos instalado ahora es distinto de aquel con el que se hizo esta auditoría (SHA-256 registrado %s…, instalado %s…). Los títulos y textos son los del catálogo instalado.",
	SignReasonFmt:      "Informe de auditoría Fairmined %s, revisión %d",

	EvidenceMissing:   "no está en la carpeta de la auditoría",
	EvidenceChanged:   "el contenido cambió desde que se importó (el SHA-256 no coincide)",
	EvidenceBadRef:    "no es una referencia de evidencia válida",
	EvidenceUnreadFmt: "no se puede leer: %v",
	EvidenceRefuseFmt: "auditoría %s: no se firma: %d archivo(s) de evidencia de la auditoría no están como se importaron en %s:",
	EvidenceFixHint:   "Vuelva a poner los archivos originales en esa carpeta con el mismo nombre (el SHA-256 y la extensión; p. ej. desde una copia de seguridad del directorio de assay: 'sha256sum ARCHIVO' debe mostrar ese hash) y exporte de nuevo. Si un archivo se perdió definitivamente, exporte con --missing-evidence-ok: el informe firmado lo marca entonces como faltante en el índice de evidencias. Una exportación con --draft siempre funciona y también lo marca.",
	EvidenceWarnFmt:   "evidencia %s (%s) %s: %s; el informe lo marca en el índice de evidencias",
	EvidenceMark:      "(!) %s",

	ErrNoAudit:      "report: no hay auditoría para generar el informe",
	ErrNoCatalogFmt: "report: no hay catálogo de requisitos para la auditoría %s",
	ErrEncodeFmt:    "report: codificando la auditoría %s: %w",
	ErrRenderFmt:    "report: generando el informe de la auditoría %s: %w",
	ErrAuditFmt:     "auditoría %s: %w",
	ErrSignFmt:      "auditoría %s: firmando el informe: %w",
	ErrNoHistoryFmt: "la revisión %d no tiene entrada en el historial",
	ErrWriteFmt:     "escribiendo %s: %w",
	UnknownLangFmt:  "idioma de informe desconocido %q (disponibles: %s)",
}

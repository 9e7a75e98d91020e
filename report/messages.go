package report

import (
	"strings"
)

// messages holds the words of the signature page and of the verifier
// (verify.go, trust.go), which are being reworked on their own; every other
// word of the report is in the message files of locales/ (see words.go).
// Format strings take their arguments in the order given in the comment;
// every table must keep the same verbs in the same order
// (TestMessageTablesMatch checks).
//
// The signature page uses the table of the report's language (English for a
// language that has message files but no table here). The verifier's words
// come from msg, the English table, because the command line around them is
// English; their translations are kept here ready for a Spanish one.
type messages struct {
	// Lang is the BCP 47 tag of the table's language.
	Lang string

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
}

// english is the English table.
var english = messages{
	Lang: "en",

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
}

// msg is the table for words shown at the terminal (see messages).
var msg = &english

// tables maps a language code to its table.
var tables = map[string]*messages{"en": &english, "es": &spanish}

// messagesFor returns the table for lang ("es-CO" is "es"); a language
// without a table gets English.
func messagesFor(lang string) *messages {
	code := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	if m, ok := tables[code]; ok {
		return m
	}
	return &english
}

// spanish is the Spanish table: Latin-American usage, as a certification
// body in Colombia, Peru or Bolivia writes its reports.
// Commands, file names and tool output (assay verify, pdfsig, audit.json,
// "Signature is Valid.") stay as the tools print them.
var spanish = messages{
	Lang: "es",

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
}

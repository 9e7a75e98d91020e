package main

import (
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/report/pdfsign"
)

// The words of `assay verify` and of the refusals it shares with keys
// import, finalize and export: one table per language. Each finding kind is
// a text/template over report.Finding (fields .Revision .Page .Object .Name
// .Subject .Detail .Time .Until .File .Got .Want; "when" formats a time,
// "detail" words a reason code), so moving them to message files is
// mechanical.

// verifyWords is one language's wording.
type verifyWords struct {
	kinds   map[report.Kind]string
	details map[string]string
	// Fixed lines.
	valid       string // signer, fingerprint
	invalid     string // file
	claimedTime string // time
	auditLine   string // id, revision, ASMO
	problem     string // text
	note        string // text
	unknownKind string // kind code
	// Certificate refusals (keys import, finalize).
	certExpired   string // not after
	certNotYet    string // not before
	certNoDigSig  string
	certEKU       string
	certUnusable  string // reason code
	dateLayout    string
	timeLayout    string
	timeLayoutUTC string
}

var verifyEnglish = verifyWords{
	valid:         "valid, unchanged since signed by %s (SHA-256 %s)",
	invalid:       "%s: NOT VALID\n",
	claimedTime:   "  signing time claimed by the signer: %s\n",
	auditLine:     "  audit %s, revision %d, %s\n",
	problem:       "  - %s\n",
	note:          "  %s\n",
	unknownKind:   "problem %s",
	certExpired:   "the certificate expired on %s",
	certNotYet:    "the certificate is not valid before %s",
	certNoDigSig:  "the certificate's key usage does not include digitalSignature, so it cannot sign reports",
	certEKU:       "the certificate's extended key usage does not allow signing documents",
	certUnusable:  "the certificate cannot sign reports (%s)",
	dateLayout:    "2006-01-02",
	timeLayout:    "2006-01-02 15:04:05 MST",
	timeLayoutUTC: "2006-01-02 15:04:05 UTC",
	kinds: map[report.Kind]string{
		// The file.
		report.KindFileEmpty:     "the file is empty: it is not a report",
		report.KindFileNotPDF:    "not a PDF file (it does not start with %PDF-): it is not a report",
		report.KindFileTruncated: "the PDF is incomplete (it does not end with %%EOF): it was cut short, e.g. by an interrupted copy or download; ask for the file again",
		report.KindNoSignature:   "no signature: this is a draft export or an unsigned file",
		pdfsign.KindStructure:    "the file's structure cannot be read ({{detail .Detail}})",
		pdfsign.KindDataAfterEOF: "data was added after the end of the document (after its last %%EOF)",
		pdfsign.KindTruncated:    "the file is shorter than its signature says: it was cut short",

		// Signatures.
		pdfsign.KindSigDamaged:      "the signature is damaged: {{detail .Detail}}",
		pdfsign.KindSigUnsupported:  "the signature uses an unsupported format or algorithm ({{.Name}})",
		pdfsign.KindChanged:         "the file was changed after it was signed",
		pdfsign.KindSigInvalid:      "the signature value is not valid for the signed bytes and certificate",
		pdfsign.KindCertNotSigned:   "the certificate in the signature is not the one that signed",
		pdfsign.KindCertUnbound:     "the signature carries a certificate nothing signed vouches for ({{.Subject}})",
		pdfsign.KindSigUnreferenced: "the file holds a signature dictionary that no signature field refers to",
		pdfsign.KindSecondSignature: "a second signature by {{.Subject}} was added after the inspector's (revision {{.Revision}})",
		pdfsign.KindTimestampBad:    "{{if eq .Name \"document\"}}a document time-stamp (revision {{.Revision}}){{else}}the signature's time-stamp{{end}} is not valid: {{detail .Detail}}",
		pdfsign.KindCertification:   "the file's certification (DocMDP) entries do not agree with its signatures",

		// Revisions added after signing.
		pdfsign.KindRevMalformed:       "a revision after signing is malformed: {{detail .Detail}} (revision {{.Revision}})",
		pdfsign.KindRevXrefStream:      "a revision after signing uses a cross-reference stream (revision {{.Revision}})",
		pdfsign.KindRevObjectStream:    "a revision after signing adds an object stream (revision {{.Revision}})",
		pdfsign.KindRevAddsPage:        "a revision after signing adds a page (revision {{.Revision}}, page {{.Page}})",
		pdfsign.KindRevRemovesPage:     "a revision after signing removes a page (revision {{.Revision}})",
		pdfsign.KindRevChangesPage:     "a revision after signing changes page {{.Page}} (revision {{.Revision}})",
		pdfsign.KindRevChangesContent:  "a revision after signing changes the content of page {{.Page}} (revision {{.Revision}})",
		pdfsign.KindRevChangesPages:    "a revision after signing changes the page tree (revision {{.Revision}})",
		pdfsign.KindRevAddsAnnot:       "a revision after signing adds an annotation{{if .Name}} ({{.Name}}){{end}} to page {{.Page}} (revision {{.Revision}})",
		pdfsign.KindRevChangesAnnot:    "a revision after signing changes an annotation on page {{.Page}} (revision {{.Revision}})",
		pdfsign.KindRevAddsField:       "a revision after signing adds a form field{{if .Name}} {{.Name}}{{end}} (revision {{.Revision}})",
		pdfsign.KindRevChangesField:    "a revision after signing changes the form field {{.Name}} (revision {{.Revision}})",
		pdfsign.KindRevRemovesField:    "a revision after signing removes the form field {{.Name}} (revision {{.Revision}})",
		pdfsign.KindRevChangesForm:     "a revision after signing changes the form settings (/AcroForm /{{.Name}}) (revision {{.Revision}})",
		report.KindRevReplacesAudit:    "a revision after signing replaces the attached audit.json (revision {{.Revision}})",
		pdfsign.KindRevAddsAttachment:  "a revision after signing adds an attachment {{.Name}} (revision {{.Revision}})",
		pdfsign.KindRevChangesAttach:   "a revision after signing changes the attachment {{.Name}} (revision {{.Revision}})",
		pdfsign.KindRevRemovesAttach:   "a revision after signing removes the attachment {{.Name}} (revision {{.Revision}})",
		pdfsign.KindRevChangesCatalog:  "a revision after signing changes the document catalog (/{{.Name}}) (revision {{.Revision}})",
		pdfsign.KindRevReplacesCatalog: "a revision after signing replaces the document catalog (revision {{.Revision}})",
		pdfsign.KindRevChangesInfo:     "a revision after signing changes the document information (title, author, dates) (revision {{.Revision}})",
		pdfsign.KindRevChangesTrailer:  "a revision after signing changes the trailer (/{{.Name}}) (revision {{.Revision}})",
		pdfsign.KindRevChangesSig:      "a revision after signing changes a signature{{if .Name}} ({{.Name}}){{end}} (revision {{.Revision}})",
		pdfsign.KindRevDeletesObject:   "a revision after signing deletes object {{.Object}}{{if .Name}} ({{.Name}}){{end}} (revision {{.Revision}})",
		pdfsign.KindRevChangesObject:   "a revision after signing changes object {{.Object}}{{if .Name}} ({{.Name}}){{end}} (revision {{.Revision}})",
		pdfsign.KindRevAddsObject:      "a revision after signing adds object {{.Object}}{{if .Name}} ({{.Name}}){{end}}{{if eq .Detail \"referenced_before\"}}, which the signed document already referred to{{end}} (revision {{.Revision}})",

		// What a revision did (verify --json, and notes).
		pdfsign.KindRevOriginal:     "the document before signing",
		pdfsign.KindRevBeforeSigned: "covered by the inspector's signature",
		pdfsign.KindRevSigned:       "adds the inspector's signature by {{.Subject}}",
		pdfsign.KindRevTimestamp:    "adds a document time-stamp by {{.Subject}} at {{when .Time}} (revision {{.Revision}})",
		pdfsign.KindRevDSS:          "adds validation data (DSS) (revision {{.Revision}})",
		pdfsign.KindRevNothing:      "changes nothing (revision {{.Revision}})",

		// The audit data.
		report.KindNoAuditData:    "no attached audit.json: this is not an assay report",
		report.KindAuditDataBad:   "the attached audit.json cannot be read: {{.Detail}}",
		report.KindHashMissing:    "the embedded audit data has no content hash (the audit was not finalized)",
		report.KindHashMismatch:   "the embedded audit data does not match its content hash",
		report.KindNotFinalized:   "the embedded audit is a draft, not a finalized audit",
		report.KindSignerNotBound: "the signer {{.Subject}} (SHA-256 {{.Got}}) is not the one the signed audit records: {{.Name}} (SHA-256 {{.Want}})",

		// The signer's certificate and the trust policy.
		report.KindKeyUsage:    "the signer's certificate does not allow signing (its key usage has neither digitalSignature nor nonRepudiation)",
		report.KindEKU:         "the signer's certificate is not for signing documents (its extended key usage)",
		report.KindCertExpired: "the signer's certificate had expired {{if eq .Detail \"timestamp\"}}at the time-stamped time {{when .Time}}{{else}}at the time of verification, {{when .Time}} (there is no trusted time-stamp){{end}}: it was valid until {{when .Until}}",
		report.KindCertNotYet:  "the signer's certificate was not yet valid {{if eq .Detail \"timestamp\"}}at the time-stamped time {{when .Time}}{{else}}at the time of verification, {{when .Time}}{{end}}: it is valid from {{when .Until}}",
		report.KindUntrustedCA: "the signer's certificate is not issued by a trusted CA ({{.File}}): {{.Detail}}",
		report.KindFingerprint: "signed by a different certificate: fingerprint {{.Got}}, expected {{.Want}}",
		report.KindSignerName:  "the signer is {{.Subject}}, not {{.Want}}",

		// Notes.
		report.NoteTrustNotChecked:    "signer not checked against a trusted CA or a known fingerprint: use --ca ROOTS.pem or --fingerprint SHA256 (and --signer NAME)",
		report.NoteTrustedCA:          "signer trusted: the certificate is issued by a CA in {{.File}}",
		report.NoteTrustedFingerprint: "signer trusted: the certificate's SHA-256 fingerprint is the expected one",
		report.NoteSignerName:         "the signer is {{.Want}}, as asked",
		report.NoteSignerBound:        "the signer is the one the signed audit records",
		report.NoteSignerNotBound:     "the audit was finalized before assay recorded its signer: the signer is not bound to the audit data",
		report.NoteValidityNow:        "no trusted time-stamp: the certificate's validity was checked at the time of verification, {{when .Time}}",
		report.NoteValidityAt:         "the certificate's validity was checked at the trusted time {{when .Time}} (TSA {{.Subject}})",
		report.NoteTimestamp:          "{{if eq .Name \"signature\"}}signature{{else}}document{{end}} time-stamp: {{when .Time}} by {{.Subject}}{{if eq .Detail \"untrusted\"}} (TSA not trusted, so its time is not used: give its root with --tsa-ca){{end}}",
		report.NoteCertified:          "certified by the signer (DocMDP P={{.Detail}}): no change is allowed after signing",
	},
	details: map[string]string{
		pdfsign.DamageDictionary:   "its signature dictionary cannot be read",
		pdfsign.DamageByteRange:    "its byte range is missing or malformed",
		pdfsign.DamageByteRangeEnd: "its byte range does not end where a revision of the file ends",
		pdfsign.DamageNoContents:   "it holds no signature data (/Contents)",
		pdfsign.DamageGap:          "the unsigned gap is not exactly its /Contents string",
		pdfsign.DamageNotHex:       "a byte in /Contents is not a hex digit",
		pdfsign.DamageHexCase:      "/Contents mixes upper- and lower-case hex digits, so it was changed",
		pdfsign.DamagePadding:      "something other than zeros follows the signature data in /Contents",
		pdfsign.DamageCMS:          "its signature data (CMS) cannot be read or carries unexpected parts",
		pdfsign.DamageCompressed:   "its dictionary is inside a compressed object stream",
		pdfsign.DamageType:         "its /Type and /SubFilter disagree",
		pdfsign.DamageNoSigner:     "no certificate in it matches the signer",
		pdfsign.TokenMalformed:     "it cannot be read",
		pdfsign.TokenImprint:       "it time-stamps other data",
		pdfsign.TokenSignature:     "its signature does not verify",
		pdfsign.TokenCert:          "its TSA certificate is missing, not bound to it, or not for time-stamping",
		pdfsign.TokenTSAExpired:    "the TSA certificate was not valid at the stamped time",
		"xref_chain":               "a revision is left out of the file's cross-reference chain",
		"sections":                 "it has more than one cross-reference section",
		"no_xref":                  "it has no cross-reference table",
		"object_syntax":            "an object in it cannot be read",
		"object_not_in_xref":       "it holds an object its cross-reference table does not list",
		"xref_syntax":              "its cross-reference table is malformed",
		"startxref":                "its startxref does not point to its cross-reference table",
		"eof":                      "it does not end with %%EOF",
		"xref_points_outside":      "its cross-reference table points outside the revision",
		"prev":                     "its /Prev does not chain to the revision before",
		"size":                     "its /Size is wrong",
	},
}

var verifySpanish = verifyWords{
	valid:         "válido, sin cambios desde que lo firmó %s (SHA-256 %s)",
	invalid:       "%s: NO VÁLIDO\n",
	claimedTime:   "  hora de firma declarada por el firmante: %s\n",
	auditLine:     "  auditoría %s, revisión %d, %s\n",
	problem:       "  - %s\n",
	note:          "  %s\n",
	unknownKind:   "problema %s",
	certExpired:   "el certificado venció el %s",
	certNotYet:    "el certificado no es válido antes del %s",
	certNoDigSig:  "el uso de clave del certificado no incluye digitalSignature, así que no puede firmar informes",
	certEKU:       "el uso extendido de clave del certificado no permite firmar documentos",
	certUnusable:  "el certificado no puede firmar informes (%s)",
	dateLayout:    "2006-01-02",
	timeLayout:    "2006-01-02 15:04:05 MST",
	timeLayoutUTC: "2006-01-02 15:04:05 UTC",
	kinds: map[report.Kind]string{
		report.KindFileEmpty:     "el archivo está vacío: no es un informe",
		report.KindFileNotPDF:    "no es un archivo PDF (no empieza con %PDF-): no es un informe",
		report.KindFileTruncated: "el PDF está incompleto (no termina con %%EOF): se cortó, p. ej. por una copia o descarga interrumpida; pida el archivo de nuevo",
		report.KindNoSignature:   "sin firma: es una exportación en borrador o un archivo sin firmar",
		pdfsign.KindStructure:    "no se puede leer la estructura del archivo ({{detail .Detail}})",
		pdfsign.KindDataAfterEOF: "se agregaron datos después del final del documento (después de su último %%EOF)",
		pdfsign.KindTruncated:    "el archivo es más corto de lo que indica su firma: está incompleto",

		pdfsign.KindSigDamaged:      "la firma está dañada: {{detail .Detail}}",
		pdfsign.KindSigUnsupported:  "la firma usa un formato o un algoritmo no admitido ({{.Name}})",
		pdfsign.KindChanged:         "el archivo se modificó después de firmarlo",
		pdfsign.KindSigInvalid:      "el valor de la firma no es válido para los bytes firmados y el certificado",
		pdfsign.KindCertNotSigned:   "el certificado que trae la firma no es el que firmó",
		pdfsign.KindCertUnbound:     "la firma trae un certificado que nada firmado respalda ({{.Subject}})",
		pdfsign.KindSigUnreferenced: "el archivo contiene un diccionario de firma al que no remite ningún campo de firma",
		pdfsign.KindSecondSignature: "se agregó una segunda firma, de {{.Subject}}, después de la del inspector (revisión {{.Revision}})",
		pdfsign.KindTimestampBad:    "{{if eq .Name \"document\"}}un sello de tiempo del documento (revisión {{.Revision}}){{else}}el sello de tiempo de la firma{{end}} no es válido: {{detail .Detail}}",
		pdfsign.KindCertification:   "las entradas de certificación (DocMDP) del archivo no concuerdan con sus firmas",

		pdfsign.KindRevMalformed:       "una revisión posterior a la firma está mal formada: {{detail .Detail}} (revisión {{.Revision}})",
		pdfsign.KindRevXrefStream:      "una revisión posterior a la firma usa un flujo de referencias cruzadas (revisión {{.Revision}})",
		pdfsign.KindRevObjectStream:    "una revisión posterior a la firma agrega un flujo de objetos (revisión {{.Revision}})",
		pdfsign.KindRevAddsPage:        "una revisión posterior a la firma agrega una página (revisión {{.Revision}}, página {{.Page}})",
		pdfsign.KindRevRemovesPage:     "una revisión posterior a la firma elimina una página (revisión {{.Revision}})",
		pdfsign.KindRevChangesPage:     "una revisión posterior a la firma modifica la página {{.Page}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesContent:  "una revisión posterior a la firma modifica el contenido de la página {{.Page}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesPages:    "una revisión posterior a la firma modifica el árbol de páginas (revisión {{.Revision}})",
		pdfsign.KindRevAddsAnnot:       "una revisión posterior a la firma agrega una anotación{{if .Name}} ({{.Name}}){{end}} a la página {{.Page}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesAnnot:    "una revisión posterior a la firma modifica una anotación de la página {{.Page}} (revisión {{.Revision}})",
		pdfsign.KindRevAddsField:       "una revisión posterior a la firma agrega un campo de formulario{{if .Name}} {{.Name}}{{end}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesField:    "una revisión posterior a la firma modifica el campo de formulario {{.Name}} (revisión {{.Revision}})",
		pdfsign.KindRevRemovesField:    "una revisión posterior a la firma elimina el campo de formulario {{.Name}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesForm:     "una revisión posterior a la firma modifica la configuración del formulario (/AcroForm /{{.Name}}) (revisión {{.Revision}})",
		report.KindRevReplacesAudit:    "una revisión posterior a la firma reemplaza el audit.json adjunto (revisión {{.Revision}})",
		pdfsign.KindRevAddsAttachment:  "una revisión posterior a la firma agrega el adjunto {{.Name}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesAttach:   "una revisión posterior a la firma modifica el adjunto {{.Name}} (revisión {{.Revision}})",
		pdfsign.KindRevRemovesAttach:   "una revisión posterior a la firma elimina el adjunto {{.Name}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesCatalog:  "una revisión posterior a la firma modifica el catálogo del documento (/{{.Name}}) (revisión {{.Revision}})",
		pdfsign.KindRevReplacesCatalog: "una revisión posterior a la firma reemplaza el catálogo del documento (revisión {{.Revision}})",
		pdfsign.KindRevChangesInfo:     "una revisión posterior a la firma modifica la información del documento (título, autor, fechas) (revisión {{.Revision}})",
		pdfsign.KindRevChangesTrailer:  "una revisión posterior a la firma modifica el tráiler (/{{.Name}}) (revisión {{.Revision}})",
		pdfsign.KindRevChangesSig:      "una revisión posterior a la firma modifica una firma{{if .Name}} ({{.Name}}){{end}} (revisión {{.Revision}})",
		pdfsign.KindRevDeletesObject:   "una revisión posterior a la firma elimina el objeto {{.Object}}{{if .Name}} ({{.Name}}){{end}} (revisión {{.Revision}})",
		pdfsign.KindRevChangesObject:   "una revisión posterior a la firma modifica el objeto {{.Object}}{{if .Name}} ({{.Name}}){{end}} (revisión {{.Revision}})",
		pdfsign.KindRevAddsObject:      "una revisión posterior a la firma agrega el objeto {{.Object}}{{if .Name}} ({{.Name}}){{end}}{{if eq .Detail \"referenced_before\"}}, al que el documento firmado ya remitía{{end}} (revisión {{.Revision}})",

		pdfsign.KindRevOriginal:     "el documento antes de la firma",
		pdfsign.KindRevBeforeSigned: "cubierta por la firma del inspector",
		pdfsign.KindRevSigned:       "agrega la firma del inspector, de {{.Subject}}",
		pdfsign.KindRevTimestamp:    "agrega un sello de tiempo del documento de {{.Subject}}, del {{when .Time}} (revisión {{.Revision}})",
		pdfsign.KindRevDSS:          "agrega datos de validación (DSS) (revisión {{.Revision}})",
		pdfsign.KindRevNothing:      "no cambia nada (revisión {{.Revision}})",

		report.KindNoAuditData:    "no tiene audit.json adjunto: no es un informe de assay",
		report.KindAuditDataBad:   "no se puede leer el audit.json adjunto: {{.Detail}}",
		report.KindHashMissing:    "los datos de auditoría adjuntos no tienen hash de contenido (la auditoría no se finalizó)",
		report.KindHashMismatch:   "los datos de auditoría adjuntos no coinciden con su hash de contenido",
		report.KindNotFinalized:   "la auditoría adjunta es un borrador, no una auditoría finalizada",
		report.KindSignerNotBound: "el firmante {{.Subject}} (SHA-256 {{.Got}}) no es el que registra la auditoría firmada: {{.Name}} (SHA-256 {{.Want}})",

		report.KindKeyUsage:    "el certificado del firmante no permite firmar (su uso de clave no incluye digitalSignature ni nonRepudiation)",
		report.KindEKU:         "el certificado del firmante no sirve para firmar documentos (por su uso extendido de clave)",
		report.KindCertExpired: "el certificado del firmante estaba vencido {{if eq .Detail \"timestamp\"}}a la hora del sello de tiempo, {{when .Time}}{{else}}en el momento de la verificación, {{when .Time}} (no hay un sello de tiempo de confianza){{end}}: era válido hasta el {{when .Until}}",
		report.KindCertNotYet:  "el certificado del firmante todavía no era válido {{if eq .Detail \"timestamp\"}}a la hora del sello de tiempo, {{when .Time}}{{else}}en el momento de la verificación, {{when .Time}}{{end}}: es válido desde el {{when .Until}}",
		report.KindUntrustedCA: "el certificado del firmante no lo emitió una CA de confianza ({{.File}}): {{.Detail}}",
		report.KindFingerprint: "firmado con otro certificado: huella {{.Got}}, se esperaba {{.Want}}",
		report.KindSignerName:  "el firmante es {{.Subject}}, no {{.Want}}",

		report.NoteTrustNotChecked:    "no se verificó el firmante con una CA de confianza ni con una huella conocida: use --ca RAICES.pem o --fingerprint SHA256 (y --signer NOMBRE)",
		report.NoteTrustedCA:          "firmante de confianza: el certificado lo emitió una CA de {{.File}}",
		report.NoteTrustedFingerprint: "firmante de confianza: la huella SHA-256 del certificado es la esperada",
		report.NoteSignerName:         "el firmante es {{.Want}}, como se pidió",
		report.NoteSignerBound:        "el firmante es el que registra la auditoría firmada",
		report.NoteSignerNotBound:     "la auditoría se finalizó antes de que assay registrara su firmante: el firmante no queda vinculado a los datos de la auditoría",
		report.NoteValidityNow:        "sin sello de tiempo de confianza: la validez del certificado se comprobó en el momento de la verificación, {{when .Time}}",
		report.NoteValidityAt:         "la validez del certificado se comprobó a la hora de confianza {{when .Time}} (TSA {{.Subject}})",
		report.NoteTimestamp:          "sello de tiempo {{if eq .Name \"signature\"}}de la firma{{else}}del documento{{end}}: {{when .Time}}, de {{.Subject}}{{if eq .Detail \"untrusted\"}} (la TSA no es de confianza, así que su hora no se usa: indique su raíz con --tsa-ca){{end}}",
		report.NoteCertified:          "certificado por el firmante (DocMDP P={{.Detail}}): no admite cambios después de firmado",
	},
	details: map[string]string{
		pdfsign.DamageDictionary:   "no se puede leer su diccionario de firma",
		pdfsign.DamageByteRange:    "su rango de bytes falta o está mal formado",
		pdfsign.DamageByteRangeEnd: "su rango de bytes no termina donde termina una revisión del archivo",
		pdfsign.DamageNoContents:   "no contiene datos de firma (/Contents)",
		pdfsign.DamageGap:          "el hueco sin firmar no es exactamente su cadena /Contents",
		pdfsign.DamageNotHex:       "un byte de /Contents no es un dígito hexadecimal",
		pdfsign.DamageHexCase:      "/Contents mezcla dígitos hexadecimales en mayúscula y en minúscula, así que fue modificado",
		pdfsign.DamagePadding:      "después de los datos de firma, /Contents contiene algo distinto de ceros",
		pdfsign.DamageCMS:          "sus datos de firma (CMS) no se pueden leer o traen partes inesperadas",
		pdfsign.DamageCompressed:   "su diccionario está dentro de un flujo de objetos comprimido",
		pdfsign.DamageType:         "su /Type y su /SubFilter no concuerdan",
		pdfsign.DamageNoSigner:     "ningún certificado que trae coincide con el firmante",
		pdfsign.TokenMalformed:     "no se puede leer",
		pdfsign.TokenImprint:       "sella otros datos",
		pdfsign.TokenSignature:     "su firma no se verifica",
		pdfsign.TokenCert:          "el certificado de la TSA falta, no está vinculado al sello o no sirve para sellar tiempo",
		pdfsign.TokenTSAExpired:    "el certificado de la TSA no era válido a la hora sellada",
		"xref_chain":               "una revisión quedó fuera de la cadena de referencias cruzadas del archivo",
		"sections":                 "tiene más de una sección de referencias cruzadas",
		"no_xref":                  "no tiene tabla de referencias cruzadas",
		"object_syntax":            "no se puede leer uno de sus objetos",
		"object_not_in_xref":       "contiene un objeto que su tabla de referencias cruzadas no lista",
		"xref_syntax":              "su tabla de referencias cruzadas está mal formada",
		"startxref":                "su startxref no apunta a su tabla de referencias cruzadas",
		"eof":                      "no termina con %%EOF",
		"xref_points_outside":      "su tabla de referencias cruzadas apunta fuera de la revisión",
		"prev":                     "su /Prev no enlaza con la revisión anterior",
		"size":                     "su /Size es incorrecto",
	},
}

// verifyLanguages are the languages verify speaks, by --lang code.
var verifyLanguages = map[string]*verifyWords{"en": &verifyEnglish, "es": &verifySpanish}

// word turns a finding into a sentence of w's language. Text from the file
// (names, subjects) is sanitized by the caller's printing.
func (w *verifyWords) word(f report.Finding) string {
	src, ok := w.kinds[f.Kind]
	if !ok {
		return fmt.Sprintf(w.unknownKind, f.Kind)
	}
	t, err := template.New("").Funcs(template.FuncMap{
		"when":   w.when,
		"detail": func(code string) string { return w.detail(code) },
	}).Parse(src)
	if err != nil {
		return fmt.Sprintf(w.unknownKind, f.Kind)
	}
	var b strings.Builder
	if err := t.Execute(&b, f); err != nil {
		return fmt.Sprintf(w.unknownKind, f.Kind)
	}
	return b.String()
}

func (w *verifyWords) detail(code string) string {
	if s, ok := w.details[code]; ok {
		return s
	}
	return code
}

// when formats a time in UTC, the same for every reader.
func (w *verifyWords) when(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.UTC().Format(w.timeLayoutUTC)
}

// certProblem words identity.CheckSigningCert's refusal.
func (w *verifyWords) certProblem(p *identity.CertProblem) string {
	switch p.Reason {
	case identity.CertExpired:
		return fmt.Sprintf(w.certExpired, p.NotAfter.UTC().Format(w.dateLayout))
	case identity.CertNotYetValid:
		return fmt.Sprintf(w.certNotYet, p.NotBefore.UTC().Format(w.dateLayout))
	case identity.CertNoDigSig:
		return w.certNoDigSig
	case identity.CertEKU:
		return w.certEKU
	}
	return fmt.Sprintf(w.certUnusable, p.Reason)
}

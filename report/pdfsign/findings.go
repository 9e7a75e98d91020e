package pdfsign

import "time"

// Kind is a stable code for something the verifier found: usable in JSON
// and as the key of a surface's wording table. Never reword a Kind; add
// one.
type Kind string

// Finding is one thing the verifier found about a file, a signature or a
// revision: a Kind plus the fields the wording needs. Fields that do not
// apply are zero.
type Finding struct {
	Kind     Kind      `json:"kind"`
	Revision int       `json:"revision,omitempty"` // 1-based revision of the file
	Page     int       `json:"page,omitempty"`     // 1-based page number
	Object   int       `json:"object,omitempty"`   // PDF object number
	Name     string    `json:"name,omitempty"`     // attachment, field, catalog key, object type, algorithm …
	Subject  string    `json:"subject,omitempty"`  // a certificate subject (RFC 4514)
	Detail   string    `json:"detail,omitempty"`   // a programmer-level reason code
	Time     time.Time `json:"time,omitzero"`      // the time a check was made at
	Until    time.Time `json:"until,omitzero"`     // the other end of a validity period
	File     string    `json:"file,omitempty"`     // a file given by the user (roots)
	Got      string    `json:"got,omitempty"`      // what was found
	Want     string    `json:"want,omitempty"`     // what was expected
}

// Problems: each makes a file NOT VALID.
const (
	// The file as a whole.
	KindStructure    Kind = "structure_unreadable" // Detail: why
	KindDataAfterEOF Kind = "data_after_eof"
	KindTruncated    Kind = "truncated"

	// A signature.
	KindSigDamaged      Kind = "signature_damaged"     // Detail: what (byte_range, contents_not_hex, …)
	KindSigUnsupported  Kind = "signature_unsupported" // Name: the sub-filter or algorithm
	KindChanged         Kind = "changed_after_signing" // digest mismatch
	KindSigInvalid      Kind = "signature_invalid"     // the signature value does not verify
	KindCertNotSigned   Kind = "certificate_not_signed"
	KindCertUnbound     Kind = "certificate_unbound"    // Subject: the embedded certificate
	KindSigUnreferenced Kind = "signature_unreferenced" // Object
	KindSecondSignature Kind = "second_signature"       // Subject, Revision
	KindTimestampBad    Kind = "timestamp_invalid"      // Name: signature|document, Detail
	KindCertification   Kind = "certification_inconsistent"

	// A revision added after the inspector signed. Revision is set.
	KindRevMalformed       Kind = "revision_malformed" // Detail
	KindRevXrefStream      Kind = "revision_xref_stream"
	KindRevObjectStream    Kind = "revision_object_stream"
	KindRevAddsPage        Kind = "revision_adds_page"
	KindRevRemovesPage     Kind = "revision_removes_page"
	KindRevChangesPage     Kind = "revision_changes_page"    // Page
	KindRevChangesContent  Kind = "revision_changes_content" // Page
	KindRevChangesPages    Kind = "revision_changes_page_tree"
	KindRevAddsAnnot       Kind = "revision_adds_annotation"     // Page, Name: subtype
	KindRevChangesAnnot    Kind = "revision_changes_annotation"  // Page
	KindRevAddsField       Kind = "revision_adds_form_field"     // Name
	KindRevChangesField    Kind = "revision_changes_form_field"  // Name
	KindRevRemovesField    Kind = "revision_removes_form_field"  // Name
	KindRevChangesForm     Kind = "revision_changes_form"        // Name: AcroForm key
	KindRevReplacesAudit   Kind = "revision_replaces_audit_json" // Name
	KindRevAddsAttachment  Kind = "revision_adds_attachment"     // Name
	KindRevChangesAttach   Kind = "revision_changes_attachment"  // Name
	KindRevRemovesAttach   Kind = "revision_removes_attachment"  // Name
	KindRevChangesCatalog  Kind = "revision_changes_catalog"     // Name: catalog key
	KindRevReplacesCatalog Kind = "revision_replaces_catalog"
	KindRevChangesInfo     Kind = "revision_changes_info"
	KindRevChangesTrailer  Kind = "revision_changes_trailer"   // Name: trailer key
	KindRevChangesSig      Kind = "revision_changes_signature" // Name: field
	KindRevDeletesObject   Kind = "revision_deletes_object"    // Object
	KindRevChangesObject   Kind = "revision_changes_object"    // Object, Name: type
	KindRevAddsObject      Kind = "revision_adds_object"       // Object, Name: type
	KindRevEmpty           Kind = "revision_adds_nothing_allowed"
	KindRevDSSBad          Kind = "revision_bad_validation_data" // Name: the DSS key or what it holds
)

// What a revision did, when it is allowed or covered by a signature.
const (
	KindRevOriginal     Kind = "original"                 // the document before signing
	KindRevSigned       Kind = "adds_inspector_signature" // Subject
	KindRevTimestamp    Kind = "adds_document_timestamp"  // Subject: the TSA, Time
	KindRevDSS          Kind = "adds_validation_data"
	KindRevNothing      Kind = "changes_nothing"
	KindRevBeforeSigned Kind = "before_signature" // a revision covered by the signature
)

// Reasons a signature is damaged (Finding.Detail of KindSigDamaged).
const (
	DamageDictionary   = "dictionary"       // the signature dictionary cannot be read
	DamageByteRange    = "byte_range"       // missing, not four numbers, out of range
	DamageByteRangeEnd = "byte_range_end"   // does not end where a revision ends
	DamageNoContents   = "contents_missing" // no /Contents string, or empty
	DamageGap          = "contents_gap"     // the unsigned gap is not exactly /Contents
	DamageNotHex       = "contents_not_hex" // a byte in /Contents is not a hex digit
	DamageHexCase      = "contents_case"    // upper- and lower-case hex digits mixed
	DamagePadding      = "contents_padding" // something after the CMS other than zeros
	DamageCMS          = "cms"              // the CMS cannot be read
	DamageCompressed   = "compressed"       // the dictionary is inside an object stream
	DamageType         = "type"             // /Type and /SubFilter disagree
	DamageNoSigner     = "no_signer"        // no certificate matches the signer
)

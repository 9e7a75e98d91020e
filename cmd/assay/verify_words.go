package main

import (
	"time"

	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/pdfsign"
)

// The words of assay verify's findings and notes, which report and pdfsign
// return as typed values (report.Finding: a kind and its fields). Each kind
// has a message in locales/ (finding_..., verify_note_...); every one takes
// the same values, the finding's fields (see findingArgs), and words a
// reason code (Detail) through verifyDetailIDs.

// verifyKindIDs are the messages of the findings and notes, by kind.
var verifyKindIDs = map[report.Kind]string{
	report.KindFileEmpty:           "finding_file_empty",
	report.KindFileNotPDF:          "finding_file_not_pdf",
	report.KindFileTruncated:       "finding_file_truncated",
	report.KindNoSignature:         "finding_no_signature",
	pdfsign.KindStructure:          "finding_structure",
	pdfsign.KindDataAfterEOF:       "finding_data_after_eof",
	pdfsign.KindTruncated:          "finding_truncated",
	pdfsign.KindSigDamaged:         "finding_sig_damaged",
	pdfsign.KindSigUnsupported:     "finding_sig_unsupported",
	pdfsign.KindChanged:            "finding_changed",
	pdfsign.KindSigInvalid:         "finding_sig_invalid",
	pdfsign.KindCertNotSigned:      "finding_cert_not_signed",
	pdfsign.KindCertUnbound:        "finding_cert_unbound",
	pdfsign.KindSigUnreferenced:    "finding_sig_unreferenced",
	pdfsign.KindSecondSignature:    "finding_second_signature",
	pdfsign.KindTimestampBad:       "finding_timestamp_bad",
	pdfsign.KindCertification:      "finding_certification",
	pdfsign.KindRevMalformed:       "finding_rev_malformed",
	pdfsign.KindRevXrefStream:      "finding_rev_xref_stream",
	pdfsign.KindRevObjectStream:    "finding_rev_object_stream",
	pdfsign.KindRevAddsPage:        "finding_rev_adds_page",
	pdfsign.KindRevRemovesPage:     "finding_rev_removes_page",
	pdfsign.KindRevChangesPage:     "finding_rev_changes_page",
	pdfsign.KindRevChangesContent:  "finding_rev_changes_content",
	pdfsign.KindRevChangesPages:    "finding_rev_changes_pages",
	pdfsign.KindRevAddsAnnot:       "finding_rev_adds_annot",
	pdfsign.KindRevChangesAnnot:    "finding_rev_changes_annot",
	pdfsign.KindRevAddsField:       "finding_rev_adds_field",
	pdfsign.KindRevChangesField:    "finding_rev_changes_field",
	pdfsign.KindRevRemovesField:    "finding_rev_removes_field",
	pdfsign.KindRevChangesForm:     "finding_rev_changes_form",
	report.KindRevReplacesAudit:    "finding_rev_replaces_audit",
	pdfsign.KindRevAddsAttachment:  "finding_rev_adds_attachment",
	pdfsign.KindRevChangesAttach:   "finding_rev_changes_attach",
	pdfsign.KindRevRemovesAttach:   "finding_rev_removes_attach",
	pdfsign.KindRevChangesCatalog:  "finding_rev_changes_catalog",
	pdfsign.KindRevReplacesCatalog: "finding_rev_replaces_catalog",
	pdfsign.KindRevChangesInfo:     "finding_rev_changes_info",
	pdfsign.KindRevChangesTrailer:  "finding_rev_changes_trailer",
	pdfsign.KindRevChangesSig:      "finding_rev_changes_sig",
	pdfsign.KindRevDeletesObject:   "finding_rev_deletes_object",
	pdfsign.KindRevChangesObject:   "finding_rev_changes_object",
	pdfsign.KindRevAddsObject:      "finding_rev_adds_object",
	pdfsign.KindRevEmpty:           "finding_rev_empty",
	pdfsign.KindRevDSSBad:          "finding_rev_dss_bad",
	pdfsign.KindRevOriginal:        "finding_rev_original",
	pdfsign.KindRevBeforeSigned:    "finding_rev_before_signed",
	pdfsign.KindRevSigned:          "finding_rev_signed",
	pdfsign.KindRevTimestamp:       "finding_rev_timestamp",
	pdfsign.KindRevDSS:             "finding_rev_dss",
	pdfsign.KindRevNothing:         "finding_rev_nothing",
	report.KindNoAuditData:         "finding_no_audit_data",
	report.KindAuditDataBad:        "finding_audit_data_bad",
	report.KindHashMissing:         "finding_hash_missing",
	report.KindHashMismatch:        "finding_hash_mismatch",
	report.KindNotFinalized:        "finding_not_finalized",
	report.KindSignerNotBound:      "finding_signer_not_bound",
	report.KindKeyUsage:            "finding_key_usage",
	report.KindEKU:                 "finding_eku",
	report.KindCertExpired:         "finding_cert_expired",
	report.KindCertNotYet:          "finding_cert_not_yet",
	report.KindUntrustedCA:         "finding_untrusted_ca",
	report.KindFingerprint:         "finding_fingerprint",
	report.KindSignerName:          "finding_signer_name",
	report.NoteTrustNotChecked:     "verify_note_trust_not_checked",
	report.NoteTrustedCA:           "verify_note_trusted_ca",
	report.NoteTrustedFingerprint:  "verify_note_trusted_fingerprint",
	report.NoteSignerName:          "verify_note_signer_name",
	report.NoteSignerBound:         "verify_note_signer_bound",
	report.NoteSignerNotBound:      "verify_note_signer_not_bound",
	report.NoteValidityNow:         "verify_note_validity_now",
	report.NoteValidityAt:          "verify_note_validity_at",
	report.NoteTimestamp:           "verify_note_timestamp",
	report.NoteCertified:           "verify_note_certified",
}

// verifyDetailIDs word the reason codes of damaged signatures, time-stamps
// and revisions (a finding's Detail).
var verifyDetailIDs = map[string]string{
	pdfsign.DamageDictionary:   "detail_dictionary",
	pdfsign.DamageByteRange:    "detail_byte_range",
	pdfsign.DamageByteRangeEnd: "detail_byte_range_end",
	pdfsign.DamageNoContents:   "detail_no_contents",
	pdfsign.DamageGap:          "detail_gap",
	pdfsign.DamageNotHex:       "detail_not_hex",
	pdfsign.DamageHexCase:      "detail_hex_case",
	pdfsign.DamagePadding:      "detail_padding",
	pdfsign.DamageCMS:          "detail_cms",
	pdfsign.DamageCompressed:   "detail_compressed",
	pdfsign.DamageType:         "detail_type",
	pdfsign.DamageNoSigner:     "detail_no_signer",
	pdfsign.TokenMalformed:     "detail_token_malformed",
	pdfsign.TokenImprint:       "detail_token_imprint",
	pdfsign.TokenSignature:     "detail_token_signature",
	pdfsign.TokenCert:          "detail_token_cert",
	pdfsign.TokenTSAExpired:    "detail_token_tsa_expired",
	"xref_chain":               "detail_xref_chain",
	"sections":                 "detail_sections",
	"no_xref":                  "detail_no_xref",
	"object_syntax":            "detail_object_syntax",
	"object_not_in_xref":       "detail_object_not_in_xref",
	"xref_syntax":              "detail_xref_syntax",
	"startxref":                "detail_startxref",
	"eof":                      "detail_eof",
	"xref_points_outside":      "detail_xref_points_outside",
	"prev":                     "detail_prev",
	"structure_no_xref":        "detail_structure_no_xref",
	"structure_bad_xref":       "detail_structure_bad_xref",
	"structure_xref_loop":      "detail_structure_xref_loop",
	"structure_limit":          "detail_structure_limit",
	"structure_bad_object":     "detail_structure_bad_object",
	"structure_filter":         "detail_structure_filter",
	"size":                     "detail_size",
}

// findingText words a finding in the UI language. Text from the file
// (names, subjects) is sanitized by the caller's printing.
func (e *env) findingText(f report.Finding) string {
	id, ok := verifyKindIDs[f.Kind]
	if !ok {
		return e.t("finding_unknown", i18n.Args{"Kind": string(f.Kind)})
	}
	return e.sayTable(id, e.findingArgs(f))
}

// findingArgs are the values every finding's message may use: its fields,
// with times and reason codes worded (DetailCode is the code itself, for
// messages that say one thing or another by it).
func (e *env) findingArgs(f report.Finding) i18n.Args {
	return i18n.Args{
		"Revision": f.Revision, "Page": f.Page, "Object": f.Object, "Name": f.Name, "Subject": f.Subject,
		"Detail": e.word(verifyDetailIDs[f.Detail], f.Detail), "DetailCode": f.Detail,
		"Time": when(f.Time), "Until": when(f.Until), "File": f.File, "Got": f.Got, "Want": f.Want,
	}
}

// when writes a time in UTC, the same for every reader in every language.
func when(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

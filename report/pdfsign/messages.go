package pdfsign

// Error texts for programmers and logs (a surface words Findings itself).
const (
	msgNoCertificate    = "no signing certificate given"
	msgUnsupportedKey   = "unsupported signing key type %T (use ECDSA or RSA)"
	msgKeyCertMismatch  = "the signing key does not belong to the certificate"
	msgSignerFailed     = "signing failed: %v"
	msgNotPDF           = "not a PDF file (no %PDF- header)"
	msgEncrypted        = "encrypted PDFs cannot be signed"
	msgParse            = "cannot read the PDF: %v"
	msgRead             = "reading the PDF: %w"
	msgBadPage          = "page %d does not exist (the document has %d)"
	msgPlaceholderSmall = "signature is %d bytes, placeholder only %d; use a bigger Options.Placeholder"
	msgSelfCheck        = "the signed PDF failed its own check: %v"
	msgNotSigned        = "the PDF has no signature"
	msgAlreadySigned    = "the PDF is already signed"
	msgCertNotValidAt   = "the certificate is not valid at the signing time %s (valid %s to %s)"
	msgAttachments      = "cannot read the attachments: %v"
	msgTimestampFailed  = "time-stamp: %v"
	msgNoTimestamper    = "no time-stamping authority given"
	msgTSAStatus        = "the time-stamping authority answered %s"
	msgTSATooLarge      = "the time-stamping authority's answer is too large"
	msgTSAResponse      = "the time-stamping authority's answer cannot be used: %v"
	msgTSAImprint       = "the time-stamping authority stamped other data than was asked"
	msgTSANonce         = "the time-stamping authority's answer does not carry the request's nonce"
)

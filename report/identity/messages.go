package identity

// Words people read, kept together so a Spanish edition is a translation.
const (
	msgNoIdentity     = "no signing identity in %s"
	msgExists         = "a signing identity already exists in %s"
	msgNameRequired   = "a name is required for the certificate"
	msgBadEmail       = "not an e-mail address: %q"
	msgKeyReadable    = "key file %s is readable by others (mode %04o); run chmod 600 %s"
	msgReadFile       = "cannot read %s: %v"
	msgNoKeyPEM       = "%s holds no private key"
	msgBadKey         = "%s: cannot read the private key: %v"
	msgKeyType        = "%s: unsupported key type (use ECDSA or RSA)"
	msgBadPEMCert     = "cannot read a certificate: %v"
	msgNoCertPEM      = "%s holds no certificate"
	msgBadCert        = "%s: cannot read a certificate: %v"
	msgCertNotForKey  = "the certificate in %s does not belong to the key in %s"
	msgImportNoMatch  = "none of the certificates belongs to your signing key (was it issued for the request from 'assay keys csr'?)"
	msgImportNoCerts  = "no certificate found (expected PEM certificates or a PKCS#12 file)"
	msgImportPEMKey   = "the PEM file holds a private key; import keys as a PKCS#12 (.p12/.pfx) file"
	msgWrongPassword  = "wrong password for the PKCS#12 file"
	msgBadP12         = "neither a certificate nor a readable PKCS#12 file (%v)"
	msgP12NoKey       = "the PKCS#12 file holds no usable private key"
	msgP12Mismatch    = "the PKCS#12 file's certificate does not belong to its key"
	msgPassword       = "cannot get the PKCS#12 password: %v"
	msgImportNeedsKey = "importing a certificate needs your signing key first: %v"
	msgBadName        = "cannot read the certificate subject: %v"
	// folder, cause
	msgWriteKept = "could not write the new identity in %s: %v; nothing was replaced: your previous key and certificate are unchanged and still in use"
	// folder, cause
	msgWriteNone = "could not write the identity in %s: %v; no key was created"
	// folder, cause
	msgCommitFailed = "finishing the new identity in %s: %v"
)

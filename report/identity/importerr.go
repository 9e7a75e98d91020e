package identity

import (
	"fmt"
	"io/fs"
)

// ImportProblem says why Import refused a file, for each surface to word.
type ImportProblem int

// The reasons Import refuses a file.
const (
	ImportNoCerts       ImportProblem = iota + 1 // neither PEM certificates nor PKCS#12
	ImportPEMKey                                 // a PEM file holding a private key
	ImportBadPEM                                 // PEM that holds no readable certificate (Err)
	ImportNeedsKey                               // a certificate, but no signing key yet (Err)
	ImportNoMatch                                // no certificate belongs to the signing key
	ImportWrongPassword                          // the PKCS#12 password is wrong
	ImportBadP12                                 // not a readable PKCS#12 file (Err)
	ImportP12NoKey                               // the PKCS#12 file has no usable key
	ImportP12Mismatch                            // its certificate is not for its key
	ImportNoPassword                             // the password could not be read (Err)
)

// ImportError is Import's refusal as a value; Error is English for
// programmers and logs.
type ImportError struct {
	Problem ImportProblem
	Err     error
}

// Error words the refusal in English.
func (e *ImportError) Error() string {
	switch e.Problem {
	case ImportNoCerts:
		return msgImportNoCerts
	case ImportPEMKey:
		return msgImportPEMKey
	case ImportBadPEM:
		return fmt.Sprintf(msgBadPEMCert, e.Err)
	case ImportNeedsKey:
		return fmt.Sprintf(msgImportNeedsKey, e.Err)
	case ImportNoMatch:
		return msgImportNoMatch
	case ImportWrongPassword:
		return msgWrongPassword
	case ImportBadP12:
		return fmt.Sprintf(msgBadP12, e.Err)
	case ImportP12NoKey:
		return msgP12NoKey
	case ImportP12Mismatch:
		return msgP12Mismatch
	case ImportNoPassword:
		return fmt.Sprintf(msgPassword, e.Err)
	}
	return fmt.Sprintf("import refused (%d)", e.Problem)
}

// Unwrap gives the cause, where there is one.
func (e *ImportError) Unwrap() error { return e.Err }

// KeyModeError refuses a private key file others can read: the surfaces
// say which file and the chmod that fixes it.
type KeyModeError struct {
	Path string
	Mode fs.FileMode
}

// Error words the refusal in English.
func (e *KeyModeError) Error() string {
	return fmt.Sprintf(msgKeyReadable, e.Path, e.Mode, e.Path)
}

// FolderProblem says what is wrong with a file of the identity folder.
type FolderProblem int

// The ways an identity folder's file can be damaged.
const (
	FolderUnreadable    FolderProblem = iota + 1 // Path cannot be read (Err)
	FolderNoKey                                  // Path holds no private key
	FolderBadKey                                 // Path's private key cannot be read (Err)
	FolderKeyType                                // Path's key is neither ECDSA nor RSA
	FolderNoCert                                 // Path holds no certificate
	FolderBadCert                                // Path's certificate cannot be read (Err)
	FolderCertNotForKey                          // the certificate Path is not for the key Other
	FolderCommitFailed                           // finishing a new identity in the folder Path failed (Err)
)

// FolderError is a damaged or unwritable identity folder, as values for
// the surfaces to word; Error is English for programmers and logs.
type FolderError struct {
	Problem FolderProblem
	Path    string // the file (the folder for FolderCommitFailed)
	Other   string // FolderCertNotForKey: the key file
	Err     error
}

// Error words the problem in English.
func (e *FolderError) Error() string {
	switch e.Problem {
	case FolderUnreadable:
		return fmt.Sprintf(msgReadFile, e.Path, e.Err)
	case FolderNoKey:
		return fmt.Sprintf(msgNoKeyPEM, e.Path)
	case FolderBadKey:
		return fmt.Sprintf(msgBadKey, e.Path, e.Err)
	case FolderKeyType:
		return fmt.Sprintf(msgKeyType, e.Path)
	case FolderNoCert:
		return fmt.Sprintf(msgNoCertPEM, e.Path)
	case FolderBadCert:
		return fmt.Sprintf(msgBadCert, e.Path, e.Err)
	case FolderCertNotForKey:
		return fmt.Sprintf(msgCertNotForKey, e.Path, e.Other)
	case FolderCommitFailed:
		return fmt.Sprintf(msgCommitFailed, e.Path, e.Err)
	}
	return fmt.Sprintf("identity folder problem (%d) in %s", e.Problem, e.Path)
}

// Unwrap gives the cause, where there is one.
func (e *FolderError) Unwrap() error { return e.Err }

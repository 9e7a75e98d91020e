package identity

import (
	"crypto/x509"
	"errors"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// decodeP12 reads a PKCS#12 file, telling a wrong password apart from a
// damaged file.
func decodeP12(data []byte, password string) (any, *x509.Certificate, []*x509.Certificate, error) {
	key, cert, cas, err := pkcs12.DecodeChain(data, password)
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword), errors.Is(err, pkcs12.ErrDecryption):
		return nil, nil, nil, &ImportError{Problem: ImportWrongPassword}
	case err != nil:
		return nil, nil, nil, &ImportError{Problem: ImportBadP12, Err: err}
	}
	return key, cert, cas, nil
}

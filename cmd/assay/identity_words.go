package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/identity"
)

// identityErrText words the signing identity's refusals (a new
// certificate's name or e-mail, a file keys import cannot use); ok is
// false for any other error.
func (e *env) identityErrText(err error) (string, bool) {
	var (
		se *identity.SubjectError
		ie *identity.ImportError
		km *identity.KeyModeError
	)
	switch {
	case errors.As(err, &km):
		return e.t("key_readable", i18n.Args{"Path": km.Path, "Mode": fmt.Sprintf("%04o", uint32(km.Mode))}), true
	case errors.As(err, &se):
		if se.Field == "name" {
			return e.t("identity_name_required", nil), true
		}
		return e.t("identity_bad_email", i18n.Args{"Email": strconv.Quote(se.Value)}), true
	case errors.As(err, &ie):
		switch ie.Problem {
		case identity.ImportNoCerts:
			return e.t("import_no_certs", nil), true
		case identity.ImportPEMKey:
			return e.t("import_pem_key", nil), true
		case identity.ImportBadPEM:
			return e.t("import_bad_pem", nil), true
		case identity.ImportNeedsKey:
			if errors.Is(ie.Err, identity.ErrNoIdentity) {
				return e.t("import_needs_key", nil), true
			}
			return e.t("import_needs_key_because", i18n.Args{"Error": e.errText(ie.Err)}), true
		case identity.ImportNoMatch:
			return e.t("import_no_match", nil), true
		case identity.ImportWrongPassword:
			return e.t("import_wrong_password", nil), true
		case identity.ImportBadP12:
			return e.t("import_bad_p12", nil), true
		case identity.ImportP12NoKey:
			return e.t("import_p12_no_key", nil), true
		case identity.ImportP12Mismatch:
			return e.t("import_p12_mismatch", nil), true
		case identity.ImportNoPassword:
			return e.t("import_no_password", i18n.Args{"Error": e.errText(ie.Err)}), true
		}
	}
	return "", false
}

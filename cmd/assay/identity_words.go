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
		fe *identity.FolderError
		we *identity.WriteError
	)
	switch {
	case errors.As(err, &fe):
		return e.identityFolderText(fe), true
	case errors.As(err, &we):
		args := i18n.Args{"Path": we.Dir, "Error": e.errText(we.Err)}
		if we.Kept {
			return e.t("identity_write_kept", args), true
		}
		return e.t("identity_write_none", args), true
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

// identityFolderText words a damaged or unwritable identity folder. The
// parser's own detail (x509's English) is left to --debug-free logs: the
// inspector needs the file and what to do.
func (e *env) identityFolderText(fe *identity.FolderError) string {
	args := i18n.Args{"Path": fe.Path, "Key": fe.Other}
	switch fe.Problem {
	case identity.FolderUnreadable:
		return e.t("identity_unreadable", i18n.Args{"Path": fe.Path, "Error": e.errText(fe.Err)})
	case identity.FolderCommitFailed:
		return e.t("identity_commit_failed", i18n.Args{"Path": fe.Path, "Error": e.errText(fe.Err)})
	case identity.FolderNoKey:
		return e.t("identity_no_key", args)
	case identity.FolderBadKey:
		return e.t("identity_bad_key", args)
	case identity.FolderKeyType:
		return e.t("identity_key_type", args)
	case identity.FolderNoCert:
		return e.t("identity_no_cert", args)
	case identity.FolderBadCert:
		return e.t("identity_bad_cert", args)
	case identity.FolderCertNotForKey:
		return e.t("identity_cert_not_for_key", args)
	}
	return fe.Error()
}

package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigFile is the name of the inspector's settings file in the home.
const ConfigFile = "config.toml"

// Config is what an inspector sets once instead of typing it into every
// audit: it fills the defaults of a new audit and of a new signing key.
// It is TOML because people write it by hand.
type Config struct {
	// Inspector is the default lead inspector of new audits and the
	// default name of a new signing key.
	Inspector string `toml:"inspector"`
	// Email goes into a new signing certificate.
	Email string `toml:"email"`
	// Organisation is the inspector's employer, for the certificate.
	Organisation string `toml:"organisation"`
	// CertificationBody is the default certification body of new audits.
	CertificationBody string `toml:"certification_body"`
	// Language is the inspector's language ("en", "es"): of screens and
	// messages, and of reports unless ReportLanguage says otherwise. Unset,
	// the environment's locale (LANG) decides.
	Language string `toml:"language"`
	// ReportLanguage is the language reports are written in when the export
	// does not say; unset, it is Language.
	ReportLanguage string `toml:"report_language"`
	// MaxEvidenceMB limits the size of one evidence file (default 50).
	MaxEvidenceMB int `toml:"max_evidence_mb"`
	// MinorDays and MajorDays set the corrective-action due date policy of
	// new audits (days after the audit's end date; 0 = the default).
	MinorDays int `toml:"minor_due_days"`
	MajorDays int `toml:"major_due_days"`
}

// LoadConfig reads home/config.toml. A missing file is not an error: the
// zero Config means "no defaults". A broken file is reported with its path
// and line, and the zero Config is returned with the error so the caller
// can warn and carry on.
func LoadConfig(home string) (Config, error) {
	path := filepath.Join(home, ConfigFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, fmt.Errorf(msgConfigRead, path, err)
	}
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Config{}, fmt.Errorf(msgConfigLine, path, pe.Position.Line, pe.Message)
		}
		return Config{}, fmt.Errorf(msgConfigRead, path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return Config{}, fmt.Errorf(msgConfigUnknown, path, strings.Join(keys, ", "))
	}
	if c.MaxEvidenceMB < 0 || c.MinorDays < 0 || c.MajorDays < 0 {
		return Config{}, fmt.Errorf(msgConfigNegative, path)
	}
	c.Inspector = strings.TrimSpace(Sanitize(c.Inspector))
	c.CertificationBody = strings.TrimSpace(Sanitize(c.CertificationBody))
	c.Organisation = strings.TrimSpace(Sanitize(c.Organisation))
	c.Email = strings.TrimSpace(Sanitize(c.Email))
	return c, nil
}

// MaxEvidenceBytes is the configured evidence size limit, or the default.
func (c Config) MaxEvidenceBytes() int64 {
	if c.MaxEvidenceMB > 0 {
		return int64(c.MaxEvidenceMB) << 20
	}
	return DefaultMaxEvidenceBytes
}

// DatePolicy is the configured due-date policy for new audits.
func (c Config) DatePolicy() DatePolicy {
	p := DefaultDatePolicy
	if c.MinorDays > 0 {
		p.MinorDays = c.MinorDays
	}
	if c.MajorDays > 0 {
		p.MajorDays = c.MajorDays
	}
	return p
}

// Defaults fills the header fields a new audit takes from the config,
// leaving what is already typed.
func (c Config) Defaults(h Header) Header {
	if h.LeadInspector == "" {
		h.LeadInspector = c.Inspector
	}
	if h.CertBody == "" {
		h.CertBody = c.CertificationBody
	}
	return h
}

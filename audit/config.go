package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/assay-dev/assay/standards/safefile"
)

// ConfigFile is the name of the inspector's settings file in the home.
const ConfigFile = "config.toml"

// DefaultMaxNoteKB is the largest note, in KB, typed or pasted in the UI
// unless config.toml says otherwise: a day's notes on one requirement are
// a few KB; a megabyte is a pasted document, and the UI's editor slows
// down well before many megabytes.
const DefaultMaxNoteKB = 1024

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
	// MaxNoteKB limits one note typed or pasted in the UI (default 1024).
	MaxNoteKB int `toml:"max_note_kb"`
	// EvidenceDaysMargin is how many days before or after the audit's
	// dates a photo may be taken without a plausibility mark (default 1;
	// 0 is allowed, hence a pointer: unset is not zero).
	EvidenceDaysMargin *int `toml:"evidence_days_margin"`
	// EvidenceMaxKm is how far, in km, from the site's coordinates a photo
	// may be taken without a plausibility mark (default 5).
	EvidenceMaxKm int `toml:"evidence_max_km"`
	// SampleRule, SampleMinimum and SamplePercent set the sampling rule of
	// new audits (see SampleRule): "sqrt" (the default), "percent" or
	// "all"; 0 = the default minimum (3) and share (10 %).
	SampleRule    string `toml:"sample_rule"`
	SampleMinimum int    `toml:"sample_minimum"`
	SamplePercent int    `toml:"sample_percent"`
	// NotClosedMinorOverdue, NotClosedMinorInTime and NotClosedMajor are
	// the escalation rule of new audits started from a previous one: what
	// a corrective action not closed counts as in the recommendation,
	// "major", "minor" or "none" ("" = DefaultEscalation's).
	NotClosedMinorOverdue string `toml:"not_closed_minor_overdue"`
	NotClosedMinorInTime  string `toml:"not_closed_minor_in_time"`
	NotClosedMajor        string `toml:"not_closed_major"`
}

// configChoice is a setting that takes one of a few words.
type configChoice struct {
	key   string
	field func(*Config) *string
}

var configChoices = []configChoice{
	{"not_closed_minor_overdue", func(c *Config) *string { return &c.NotClosedMinorOverdue }},
	{"not_closed_minor_in_time", func(c *Config) *string { return &c.NotClosedMinorInTime }},
	{"not_closed_major", func(c *Config) *string { return &c.NotClosedMajor }},
}

// configRange is the accepted range of a number in config.toml. Outside
// it the value is reported (with its line) and the default used, rather
// than turning into an impossible due date or limit later.
type configRange struct {
	key      string
	min, max int
	field    func(*Config) *int
	// reset restores the default; nil means setting the field to 0.
	reset func(*Config)
}

var configRanges = []configRange{
	{"max_evidence_mb", 1, 4096, func(c *Config) *int { return &c.MaxEvidenceMB }, nil},
	{"minor_due_days", 1, 3650, func(c *Config) *int { return &c.MinorDays }, nil},
	{"major_due_days", 1, 3650, func(c *Config) *int { return &c.MajorDays }, nil},
	{"max_note_kb", 16, 4096, func(c *Config) *int { return &c.MaxNoteKB }, nil},
	{"evidence_days_margin", 0, 366, func(c *Config) *int {
		if c.EvidenceDaysMargin == nil {
			return new(int)
		}
		return c.EvidenceDaysMargin
	}, func(c *Config) { c.EvidenceDaysMargin = nil }},
	{"evidence_max_km", 1, 20000, func(c *Config) *int { return &c.EvidenceMaxKm }, nil},
	{"sample_minimum", 1, 1000, func(c *Config) *int { return &c.SampleMinimum }, nil},
	{"sample_percent", 1, 100, func(c *Config) *int { return &c.SamplePercent }, nil},
}

// defaultSamplePercent is the share of the "percent" rule when
// config.toml gives none.
const defaultSamplePercent = 10

// ConfigProblemKind says what is wrong with config.toml.
type ConfigProblemKind int

// The kinds of config problems.
const (
	// ConfigUnreadable: the file cannot be read (Err says why: a folder,
	// a pipe, too large, no permission).
	ConfigUnreadable ConfigProblemKind = iota + 1
	// ConfigSyntax: the TOML does not parse (Line, Detail).
	ConfigSyntax
	// ConfigUnknownKeys: settings assay does not know (Keys).
	ConfigUnknownKeys
	// ConfigOutOfRange: a number outside what makes sense (Line, Key,
	// Value, Min, Max); the default is used instead.
	ConfigOutOfRange
	// ConfigBadChoice: a setting that is none of the values it accepts
	// (Line, Key, Detail: the value, Keys: the values accepted); the
	// default is used instead.
	ConfigBadChoice
)

// ConfigError is one problem with config.toml, with what a surface needs to
// word it: the file, the line where known, and the key, value and range.
type ConfigError struct {
	Path     string
	Kind     ConfigProblemKind
	Line     int // 1-based; 0 when not known
	Key      string
	Keys     []string // ConfigUnknownKeys
	Value    int64
	Min, Max int64
	Detail   string // the parser's words, for ConfigSyntax; the word, for ConfigBadChoice
	Err      error  // ConfigUnreadable
}

// Error words the problem in English for the CLI's warning line.
func (e *ConfigError) Error() string {
	switch e.Kind {
	case ConfigSyntax:
		return fmt.Sprintf(msgConfigLine, e.Path, e.Line, e.Detail)
	case ConfigUnknownKeys:
		return fmt.Sprintf(msgConfigUnknown, e.Path, strings.Join(e.Keys, ", "))
	case ConfigOutOfRange:
		return fmt.Sprintf(msgConfigRange, e.Path, e.Line, e.Key, e.Value, e.Min, e.Max)
	case ConfigBadChoice:
		return fmt.Sprintf(msgConfigChoice, e.Path, e.Line, e.Key, e.Detail, strings.Join(e.Keys, ", "))
	}
	var odd *safefile.Error
	if errors.As(e.Err, &odd) {
		return odd.Error() // it names the file and what it is
	}
	return fmt.Sprintf(msgConfigRead, e.Path, e.Err)
}

// Unwrap gives the read error of an unreadable file.
func (e *ConfigError) Unwrap() error { return e.Err }

// ConfigProblems lists the problems in an error from LoadConfig, which may
// join several.
func ConfigProblems(err error) []*ConfigError {
	if err == nil {
		return nil
	}
	var out []*ConfigError
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, ConfigProblems(e)...)
		}
		return out
	}
	var ce *ConfigError
	if errors.As(err, &ce) {
		out = append(out, ce)
	}
	return out
}

// LoadConfig reads home/config.toml. A missing file is not an error: the
// zero Config means "no defaults". A file that does not parse, or is not a
// regular file, is reported with its path (and line) and the zero Config
// is returned with the error so the caller can warn and carry on. A number
// out of range is reported with its line and only that setting falls back
// to its default.
func LoadConfig(home string) (Config, error) {
	path := filepath.Join(home, ConfigFile)
	data, err := safefile.ReadFile(path, safefile.LimitConfig)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, &ConfigError{Path: path, Kind: ConfigUnreadable, Err: err}
	}
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Config{}, &ConfigError{Path: path, Kind: ConfigSyntax, Line: pe.Position.Line, Detail: pe.Message}
		}
		return Config{}, &ConfigError{Path: path, Kind: ConfigUnreadable, Err: err}
	}
	var unknown []string
	for _, k := range md.Undecoded() {
		unknown = append(unknown, k.String())
	}
	// TOML keys are case-sensitive, but the decoder also fills a field
	// from a key spelled in another case ("minor_due_dAYs"), which the
	// checks below (by exact key) would then miss: such a key is unknown.
	for _, k := range md.Keys() {
		if name := k.String(); !slices.Contains(unknown, name) && !slices.Contains(ConfigKeys(), name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		return Config{}, &ConfigError{Path: path, Kind: ConfigUnknownKeys, Keys: unknown}
	}
	var errs []error
	for _, r := range configRanges {
		p := r.field(&c)
		if !md.IsDefined(r.key) || *p >= r.min && *p <= r.max {
			continue
		}
		errs = append(errs, &ConfigError{Path: path, Kind: ConfigOutOfRange, Line: keyLine(data, r.key),
			Key: r.key, Value: int64(*p), Min: int64(r.min), Max: int64(r.max)})
		if r.reset != nil {
			r.reset(&c)
		} else {
			*p = 0 // the default
		}
	}
	if r := strings.TrimSpace(c.SampleRule); md.IsDefined("sample_rule") && !slices.Contains(SampleRuleKinds, SampleRuleKind(r)) {
		errs = append(errs, &ConfigError{Path: path, Kind: ConfigBadChoice, Line: keyLine(data, "sample_rule"),
			Key: "sample_rule", Detail: Sanitize(c.SampleRule), Keys: choices(SampleRuleKinds)})
		c.SampleRule = "" // the default
	}
	c.SampleRule = strings.TrimSpace(c.SampleRule)
	for _, ch := range configChoices {
		p := ch.field(&c)
		*p = strings.TrimSpace(*p)
		if *p == "" || validWeight(Weight(*p)) {
			continue
		}
		errs = append(errs, &ConfigError{Path: path, Kind: ConfigBadChoice, Line: keyLine(data, ch.key),
			Key: ch.key, Detail: Sanitize(*p), Keys: choices(Weights)})
		*p = "" // the default
	}
	c.Inspector = strings.TrimSpace(Sanitize(c.Inspector))
	c.CertificationBody = strings.TrimSpace(Sanitize(c.CertificationBody))
	c.Organisation = strings.TrimSpace(Sanitize(c.Organisation))
	c.Email = strings.TrimSpace(Sanitize(c.Email))
	return c, errors.Join(errs...)
}

// ConfigKeys are the keys config.toml knows, as its tags spell them.
func ConfigKeys() []string {
	t := reflect.TypeFor[Config]()
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// keyLine finds the line that sets a top-level key (config.toml has no
// tables), or 0. The TOML decoder keeps key positions to itself.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`^[ \t]*(` + regexp.QuoteMeta(key) + `|"` + regexp.QuoteMeta(key) + `"|'` + regexp.QuoteMeta(key) + `')[ \t]*=`)
	for i, l := range strings.Split(string(data), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

// MaxEvidenceBytes is the configured evidence size limit, or the default.
func (c Config) MaxEvidenceBytes() int64 {
	if c.MaxEvidenceMB > 0 {
		return int64(c.MaxEvidenceMB) << 20
	}
	return DefaultMaxEvidenceBytes
}

// MaxNoteBytes is the configured limit of one note typed in the UI, or the
// default.
func (c Config) MaxNoteBytes() int {
	if c.MaxNoteKB > 0 {
		return c.MaxNoteKB << 10
	}
	return DefaultMaxNoteKB << 10
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

// Plausibility is the configured strictness of the evidence marks, or the
// default.
func (c Config) Plausibility() Plausibility {
	p := DefaultPlausibility
	if c.EvidenceDaysMargin != nil && *c.EvidenceDaysMargin >= 0 {
		p.DaysMargin = *c.EvidenceDaysMargin
	}
	if c.EvidenceMaxKm > 0 {
		p.MaxKm = c.EvidenceMaxKm
	}
	return p
}

// SamplingRule is the configured sampling rule of new audits, or the
// default (√n rounded up, at least 3).
func (c Config) SamplingRule() SampleRule {
	r := DefaultSampleRule
	if k := SampleRuleKind(c.SampleRule); slices.Contains(SampleRuleKinds, k) {
		r.Kind = k
	}
	if c.SampleMinimum > 0 {
		r.Minimum = c.SampleMinimum
	}
	if r.Kind == SamplePercent {
		r.Percent = defaultSamplePercent
		if c.SamplePercent > 0 {
			r.Percent = c.SamplePercent
		}
	}
	return r
}

// EscalationRule is the configured rule for corrective actions not
// closed, each setting left out taking DefaultEscalation's.
func (c Config) EscalationRule() EscalationRule {
	return EscalationRule{MinorOverdue: Weight(c.NotClosedMinorOverdue), MinorInTime: Weight(c.NotClosedMinorInTime),
		Major: Weight(c.NotClosedMajor)}.orDefault()
}

// Defaults fills the header fields a new audit takes from the config,
// leaving what is already typed: the lead inspector, the certification
// body and the sampling rule the audit's plan will follow.
func (c Config) Defaults(h Header) Header {
	if h.LeadInspector == "" {
		h.LeadInspector = c.Inspector
	}
	if h.CertBody == "" {
		h.CertBody = c.CertificationBody
	}
	if h.Sampling.Rule.Kind == "" {
		h.Sampling.Rule = c.SamplingRule()
	}
	return h
}

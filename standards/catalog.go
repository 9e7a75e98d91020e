// Package standards holds requirement catalogs (the Fairmined Standard, the
// CRAFT Code, or a certification body's official file) as data: TOML files,
// embedded or loaded from the home, validated with file and line in errors.
//
// It imports no UI package: everything here is usable from the CLI and tests.
package standards

// Area is one of the five audit areas an inspector walks.
type Area string

// The five audit areas, in the order inspectors walk them by default.
const (
	Social        Area = "social"
	Economic      Area = "economic"
	Environmental Area = "environmental"
	Labour        Area = "labour"
	Chemicals     Area = "chemicals"
)

// Areas lists every known area in the default walk order.
var Areas = []Area{Social, Economic, Environmental, Labour, Chemicals}

// Level says when a requirement must be met: at the first certification
// audit (entry) or by a given year after certification (progress).
type Level string

// Requirement levels.
const (
	Entry    Level = "entry"
	Progress Level = "progress"
)

// AppliesTo values: every audit, or only Fairmined Ecological audits.
const (
	AppliesAll        = "all"
	AppliesEcological = "ecological"
)

// EvidenceKinds are the kinds of evidence a requirement may expect.
var EvidenceKinds = []string{"document", "interview", "observation", "measurement"}

// Party says who must meet a requirement. The inspector checks everything
// at the ASMO, but some duties (paying the price and the premium, the terms
// of a contract or of pre-finance) are the buyer's: a non-conformity there
// must say whose it is, because the ASMO cannot fail it on its own.
type Party string

// Who must meet a requirement.
const (
	PartyASMO  Party = "asmo"       // the mining organisation (the default)
	PartyBuyer Party = "buyer"      // the buyer, usually the First Authorized Buyer
	PartyBoth  Party = "asmo+buyer" // both, for example the two signatories of a contract
)

// Parties lists the known responsible values.
var Parties = []Party{PartyASMO, PartyBuyer, PartyBoth}

// Basis says how sure a catalog is of a requirement as written: what it
// demands and how much it weighs (level, due year, critical flag, figures).
type Basis string

// Bases of a requirement.
const (
	// BasisConfirmed: a public source establishes it; the requirement's
	// references or basis note name the source.
	BasisConfirmed Basis = "confirmed"
	// BasisReconstructed: it is the catalog author's reading; the basis
	// note says what is uncertain.
	BasisReconstructed Basis = "reconstructed"
)

// Bases lists the known basis values.
var Bases = []Basis{BasisConfirmed, BasisReconstructed}

// Requirement is one auditable requirement of a catalog.
type Requirement struct {
	ID        string   `toml:"id" json:"id"`
	Area      Area     `toml:"area" json:"area"`
	Chapter   string   `toml:"chapter" json:"chapter"`
	Title     string   `toml:"title" json:"title"`
	Text      string   `toml:"text" json:"text"`
	Guidance  []string `toml:"guidance" json:"guidance"`
	Evidence  []string `toml:"evidence" json:"evidence"`
	Level     Level    `toml:"level" json:"level"`
	DueYear   int      `toml:"due_year" json:"due_year"`
	AppliesTo string   `toml:"applies_to" json:"applies_to"`
	Critical  bool     `toml:"critical" json:"critical"`
	// References cite the public sources the requirement rests on or
	// relates to ("ILO C182 Art. 3"); never nil.
	References []string `toml:"references" json:"references"`
	// Responsible is who must meet the requirement; PartyASMO by default.
	Responsible Party `toml:"responsible" json:"responsible"`
	// Basis is empty when the catalog makes no claim.
	Basis     Basis  `toml:"basis" json:"basis"`
	BasisNote string `toml:"basis_note" json:"basis_note"`

	// Translations are the requirement's title, text and guidance in other
	// languages, by canonical language tag ("es", "pt-BR"). Read them
	// through In, which falls back to the catalog's own language.
	Translations map[string]Translation `toml:"-" json:"-"`

	// Line is where the requirement starts in its file (0 if unknown).
	Line int `toml:"-" json:"-"`
	// lang is the catalog's own language, what In falls back to.
	lang string
	// chapters are the catalog's chapter headings in other languages
	// (language, then heading as written, then its translation), shared by
	// every requirement of the catalog so that In can give the chapter.
	chapters map[string]map[string]string
	// chapterLine is the line of the chapter key (0 if unknown), where a
	// missing translation of the heading points.
	chapterLine int
}

// Identity names one exact catalog: an audit records it so it can later
// tell whether the catalog it was made against has changed.
type Identity struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Catalog is a set of requirements with its provenance.
type Catalog struct {
	ID         string `toml:"id" json:"id"`
	Name       string `toml:"name" json:"name"`
	Version    string `toml:"version" json:"version"`
	Publisher  string `toml:"publisher" json:"publisher"`
	Licence    string `toml:"licence" json:"licence"`
	Language   string `toml:"language" json:"language"`
	Provenance string `toml:"provenance" json:"provenance"`
	// AreasNote says what the areas are: for the built-ins, assay's own
	// grouping of the Standard's chapters, which a report must not pass off
	// as the Standard's structure.
	AreasNote    string        `toml:"areas_note" json:"areas_note"`
	Areas        []Area        `toml:"areas" json:"areas"`
	Requirements []Requirement `toml:"requirement" json:"requirements"`
	// Translations are the catalog's description in other languages, by
	// canonical language tag. Read them through In.
	Translations map[string]CatalogTranslation `toml:"-" json:"-"`

	// Source is "built-in" or the path of the file the catalog came from.
	Source string `toml:"-" json:"source"`
	// SHA256 is the hex digest of the catalog file's bytes.
	SHA256 string `toml:"-" json:"sha256"`
	// SupersededBy is, for a built-in kept only so that audits made with it
	// still open, export and verify, the version that replaces it for new
	// audits; empty otherwise.
	SupersededBy string `toml:"-" json:"superseded_by"`

	// chapters are the chapter headings' translations, shared with the
	// requirements (see Requirement.chapters); never nil once parsed.
	chapters map[string]map[string]string
	// nameLine is where a missing translation of the description points
	// when the file has no [translation.LANG] table.
	nameLine int
	// file is the name the catalog was parsed under, kept for problems
	// even when Source says "built-in".
	file string
}

// SourceBuiltin is the Source of catalogs embedded in the binary.
const SourceBuiltin = "built-in"

// Identity returns the catalog's id, version and content digest.
func (c *Catalog) Identity() Identity {
	return Identity{ID: c.ID, Version: c.Version, SHA256: c.SHA256}
}

// BuyerDuty reports whether the buyer shares or holds the duty, so that a
// non-conformity can name the buyer.
func (r *Requirement) BuyerDuty() bool {
	return r.Responsible == PartyBuyer || r.Responsible == PartyBoth
}

// Superseded reports whether the catalog is kept only for the audits
// already made with it.
func (c *Catalog) Superseded() bool { return c.SupersededBy != "" }

// Requirement returns the requirement with the given id.
func (c *Catalog) Requirement(id string) (*Requirement, bool) {
	for i := range c.Requirements {
		if c.Requirements[i].ID == id {
			return &c.Requirements[i], true
		}
	}
	return nil, false
}

// InArea returns the requirements of one area, in file order.
func (c *Catalog) InArea(a Area) []Requirement {
	var out []Requirement
	for _, r := range c.Requirements {
		if r.Area == a {
			out = append(out, r)
		}
	}
	return out
}

// WalkAreas returns the catalog's area order, or the default order when the
// catalog does not give one.
func (c *Catalog) WalkAreas() []Area {
	if len(c.Areas) > 0 {
		return c.Areas
	}
	return Areas
}

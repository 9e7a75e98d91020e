package audit

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/standards"
)

// Gender is how an interview is counted in the people-interviewed table.
// The values are stable codes: they appear in JSON and each surface words
// them.
type Gender string

// Genders. A group interview of women and men together is Mixed.
const (
	Woman Gender = "woman"
	Man   Gender = "man"
	// OtherGender: another gender, or not stated.
	OtherGender Gender = "other"
	// Mixed: a group of several genders.
	Mixed Gender = "mixed"
)

// Genders lists every gender in display order.
var Genders = []Gender{Woman, Man, OtherGender, Mixed}

// genderAliases are the spellings ParseGender accepts besides the codes,
// in the languages inspectors type on site.
var genderAliases = map[string]Gender{
	"w": Woman, "f": Woman, "women": Woman, "female": Woman, "mujer": Woman, "mujeres": Woman,
	"m": Man, "men": Man, "male": Man, "hombre": Man, "hombres": Man, "varón": Man, "varon": Man,
	"o": OtherGender, "x": OtherGender, "otro": OtherGender, "otra": OtherGender, "other": OtherGender,
	"mixto": Mixed, "mixta": Mixed,
}

// ParseGender reads a gender code ("woman", "man", "other", "mixed") or a
// common alias ("f", "mujer", "hombre", "mixto"), ignoring case and
// spaces.
func ParseGender(s string) (Gender, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if g := Gender(s); slices.Contains(Genders, g) {
		return g, true
	}
	g, ok := genderAliases[s]
	return g, ok
}

// Interview is one entry of the interview register. The person is named
// by a pseudonym assay assigns (I-01, I-02 …); a real name and contact,
// when the inspector records them, live apart in the audit's private
// folder and never in the audit, the report or anything it attaches.
type Interview struct {
	// Pseudonym is "I-" and a number of at least two digits, assigned
	// once and never reused within the audit: findings cite it ([I-03]).
	Pseudonym string `json:"pseudonym"`
	// Role is what the person does ("pallaquera", "junta directiva").
	Role   string `json:"role"`
	Gender Gender `json:"gender"`
	// Site is where the interview took place.
	Site string `json:"site,omitempty"`
	// Date is YYYY-MM-DD; empty when not recorded.
	Date string `json:"date,omitempty"`
	// GroupSize is the number of people in a group interview; 0 or 1 is
	// an individual interview.
	GroupSize int `json:"group_size,omitempty"`
	// Language is the language the interview was held in.
	Language string `json:"language,omitempty"`
	// Topics are the areas the interview covered.
	Topics []standards.Area `json:"topics,omitempty"`
	// Notes are the inspector's notes: they travel with the audit (and so
	// inside the signed report's attachment), so they must not name
	// anyone who spoke in confidence.
	Notes string `json:"notes,omitempty"`
	// FollowUp marks an interview carried over from the previous audit
	// (pseudonym, role and site only) for the inspector to ask for the same
	// person again; it is not an interview of this audit until held, and
	// counts nowhere.
	FollowUp bool `json:"follow_up,omitempty"`
}

// People is how many people the interview heard: the group's size, or 1.
func (iv Interview) People() int {
	if iv.GroupSize > 1 {
		return iv.GroupSize
	}
	return 1
}

// IsGroup reports whether the interview heard a group.
func (iv Interview) IsGroup() bool { return iv.GroupSize > 1 }

// Held reports whether the interview took place in this audit.
func (iv Interview) Held() bool { return !iv.FollowUp }

// clone copies iv with its own topics.
func (iv Interview) clone() Interview {
	iv.Topics = slices.Clone(iv.Topics)
	return iv
}

func cloneRegister(r []Interview) []Interview {
	if r == nil {
		return nil
	}
	out := make([]Interview, len(r))
	for i, iv := range r {
		out[i] = iv.clone()
	}
	return out
}

// pseudonymPattern is the form of a pseudonym: I- and two or more digits.
var pseudonymPattern = regexp.MustCompile(`^I-(\d{2,})$`)

// PseudonymNumber returns the number of a pseudonym ("I-07" -> 7), or
// false when p is not one.
func PseudonymNumber(p string) (int, bool) {
	m := pseudonymPattern.FindStringSubmatch(strings.TrimSpace(p))
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// Pseudonym formats interview number n: I-01 … I-99, I-100 ….
func Pseudonym(n int) string { return fmt.Sprintf("I-%02d", n) }

// NextPseudonym is the pseudonym the next interview gets: one more than
// the highest in the register, so a number once given is not given again
// while the register holds it (carried-over pseudonyms included).
func NextPseudonym(reg []Interview) string {
	hi := 0
	for _, iv := range reg {
		if n, ok := PseudonymNumber(iv.Pseudonym); ok && n > hi {
			hi = n
		}
	}
	return Pseudonym(hi + 1)
}

// InterviewByPseudonym finds an interview of the register.
func InterviewByPseudonym(reg []Interview, p string) (int, bool) {
	i := slices.IndexFunc(reg, func(iv Interview) bool { return iv.Pseudonym == p })
	return i, i >= 0
}

// ValidateInterview checks one register entry as a form or a script gives
// it: a role, a known gender (a carried-over entry not yet held may have
// none), a real date when there is one and no negative group size. Field
// is the entry's key ("role", "gender", "date", "group_size"). Topics are
// the catalog's areas, which a surface offers as choices.
func ValidateInterview(iv Interview) []FieldError {
	var errs []FieldError
	if strings.TrimSpace(iv.Role) == "" {
		errs = append(errs, FieldError{Field: "role", Kind: ProblemRequired})
	}
	switch {
	case iv.Gender == "" && iv.FollowUp:
	case iv.Gender == "":
		errs = append(errs, FieldError{Field: "gender", Kind: ProblemRequired})
	case !slices.Contains(Genders, iv.Gender):
		errs = append(errs, FieldError{Field: "gender", Kind: ProblemUnknownChoice, Value: string(iv.Gender), Known: choices(Genders)})
	}
	if d := strings.TrimSpace(iv.Date); d != "" {
		errs = append(errs, validateDate("date", d)...)
	}
	if iv.GroupSize < 0 {
		errs = append(errs, FieldError{Field: "group_size", Kind: ProblemNegative, Number: iv.GroupSize})
	}
	return errs
}

// AddInterview appends iv to the register with the next pseudonym (any
// pseudonym iv carries is replaced), its text made safe, and returns the
// entry as stored. It refuses an entry ValidateInterview faults, with the
// first problem (a FieldError); the register is then unchanged.
func AddInterview(h *Header, iv Interview) (Interview, error) {
	iv = cleanInterview(iv)
	if errs := ValidateInterview(iv); len(errs) > 0 {
		return Interview{}, errs[0]
	}
	iv.Pseudonym = NextPseudonym(h.Register)
	h.Register = append(h.Register, iv)
	return iv.clone(), nil
}

// cleanInterview makes the typed text of an entry safe and trims it.
func cleanInterview(iv Interview) Interview {
	line := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(Sanitize(s), "\n", " ")) }
	iv.Role, iv.Site, iv.Language = line(iv.Role), line(iv.Site), line(iv.Language)
	iv.Date = strings.TrimSpace(iv.Date)
	iv.Notes = strings.TrimSpace(Sanitize(iv.Notes))
	iv = iv.clone()
	slices.Sort(iv.Topics)
	iv.Topics = slices.Compact(iv.Topics)
	return iv
}

// PeopleCount is one row of the people-interviewed table: a role, how
// many women, men and others were heard in it, and how many of them in
// groups of mixed gender.
type PeopleCount struct {
	Role  string `json:"role"`
	Women int    `json:"women"`
	Men   int    `json:"men"`
	Other int    `json:"other"`
	Mixed int    `json:"mixed"`
	// Interviews is how many interviews (individual or group) the row
	// counts; 0 for a row of the hand-typed table.
	Interviews int `json:"interviews"`
}

// Total is everyone the row counts.
func (p PeopleCount) Total() int { return p.Women + p.Men + p.Other + p.Mixed }

// PeopleInterviewed is the people-interviewed table the report and the
// summary show. It is computed from the interview register when it holds
// an interview held in this audit: one row per role (roles that differ
// only in case or spaces are one), in the order roles first appear. An
// older audit without a register gives its hand-typed table (fromRegister
// false), rows with neither a role nor a count left out.
func PeopleInterviewed(h Header) (rows []PeopleCount, fromRegister bool) {
	index := map[string]int{}
	for _, iv := range h.Register {
		if !iv.Held() {
			continue
		}
		fromRegister = true
		k := strings.ToLower(strings.Join(strings.Fields(iv.Role), " "))
		i, ok := index[k]
		if !ok {
			i = len(rows)
			index[k] = i
			rows = append(rows, PeopleCount{Role: strings.TrimSpace(iv.Role)})
		}
		r := &rows[i]
		r.Interviews++
		n := iv.People()
		switch iv.Gender {
		case Woman:
			r.Women += n
		case Man:
			r.Men += n
		case Mixed:
			r.Mixed += n
		default:
			r.Other += n
		}
	}
	if fromRegister {
		return rows, true
	}
	for _, iv := range filledInterviews(h.Interviews) {
		rows = append(rows, PeopleCount{Role: iv.Role, Women: iv.Women, Men: iv.Men, Other: iv.Other})
	}
	return rows, false
}

// citePattern finds interview citations in a finding's text: "[I-03]",
// and several in one pair of brackets, "[I-03, I-07]".
var citePattern = regexp.MustCompile(`\[\s*(I-\d{2,}(?:\s*[,;]\s*I-\d{2,})*)\s*\]`)

// Citations returns the pseudonyms text cites, each once, in the order
// they first appear.
func Citations(text string) []string {
	var out []string
	for _, m := range citePattern.FindAllStringSubmatch(text, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// findingCitations are the pseudonyms a finding's notes and justification
// cite.
func findingCitations(f *Finding) []string {
	if f == nil {
		return nil
	}
	return Citations(f.Notes + "\n" + f.Justification)
}

// CitingFindings maps each pseudonym cited by a finding's notes or
// justification to the requirements that cite it, in the catalog's walk
// order (requirements cat lacks, or every one when cat is nil, after, in
// id order). Pseudonyms not in the register are included too: Dangling
// tells them apart.
func CitingFindings(a *Audit, cat *standards.Catalog) map[string][]string {
	out := map[string][]string{}
	if a == nil {
		return out
	}
	for _, id := range findingOrder(a, cat) {
		for _, p := range findingCitations(a.Findings[id]) {
			out[p] = append(out[p], id)
		}
	}
	return out
}

// findingOrder lists the ids of a's findings in walk order, then the rest
// in id order.
func findingOrder(a *Audit, cat *standards.Catalog) []string {
	var ids []string
	seen := map[string]bool{}
	for _, ar := range walk(cat) {
		for _, r := range ar.reqs {
			if _, ok := a.Findings[r.ID]; ok && !seen[r.ID] {
				seen[r.ID] = true
				ids = append(ids, r.ID)
			}
		}
	}
	var rest []string
	for id := range a.Findings {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(ids, rest...)
}

// DanglingCitation is a finding that cites an interview the register does
// not hold as held in this audit.
type DanglingCitation struct {
	Requirement string `json:"requirement_id"`
	Pseudonym   string `json:"pseudonym"`
}

// DanglingCitations lists the citations of interviews that are not in the
// register, or are only carried over (not held), in walk order: the report
// would send the reader to nobody.
func DanglingCitations(a *Audit, cat *standards.Catalog) []DanglingCitation {
	var out []DanglingCitation
	if a == nil {
		return out
	}
	for _, id := range findingOrder(a, cat) {
		for _, p := range findingCitations(a.Findings[id]) {
			if i, ok := InterviewByPseudonym(a.Header.Register, p); !ok || !a.Header.Register[i].Held() {
				out = append(out, DanglingCitation{Requirement: id, Pseudonym: p})
			}
		}
	}
	return out
}

// CarryOver is what of an audit's interview register may travel into the
// next audit of the same ASMO ('assay new --from'): each interview's
// pseudonym, role and site, marked FollowUp so next year's inspector can
// ask the ASMO for the same people. Nothing else: no gender, date, notes
// or topics, and never a name (names are in the private folder, which is
// not read here).
func CarryOver(reg []Interview) []Interview {
	var out []Interview
	for _, iv := range reg {
		if _, ok := PseudonymNumber(iv.Pseudonym); !ok {
			continue
		}
		out = append(out, Interview{Pseudonym: iv.Pseudonym, Role: iv.Role, Site: iv.Site, FollowUp: true})
	}
	return out
}

// RegisterKey is the FieldError key of one value of a register entry:
// "interview_register[I-03].date".
func RegisterKey(pseudonym, col string) string {
	return "interview_register[" + pseudonym + "]." + col
}

// validateRegister checks every entry of the interview register (as
// ValidateInterview does), naming the entry by its pseudonym in Item.
func validateRegister(h Header) []FieldError {
	var errs []FieldError
	for _, iv := range h.Register {
		for _, fe := range ValidateInterview(iv) {
			fe.Field, fe.Item = RegisterKey(iv.Pseudonym, fe.Field), iv.Pseudonym
			errs = append(errs, fe)
		}
	}
	return errs
}

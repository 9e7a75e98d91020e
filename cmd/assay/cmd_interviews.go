package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

func init() {
	register(command{name: "interviews", run: runInterviews})
	summaryIDs["interviews"] = interviewsSummaryIDs["interviews"]
}

// interviewsSummaryIDs is the command's line in assay --help.
var interviewsSummaryIDs = map[string]string{"interviews": "summary_interviews"}

// genderIDs word a gender in the CLI's tables.
var genderIDs = map[audit.Gender]string{
	audit.Woman: "gender_woman", audit.Man: "gender_man", audit.OtherGender: "gender_other", audit.Mixed: "gender_mixed",
}

// interviewFlags are the flags of 'interviews add' that set each field of
// an entry, to name the flag at fault in a problem.
var interviewFlags = map[string]string{"role": "--role", "gender": "--gender", "date": "--date", "group_size": "--group"}

// runInterviews dispatches 'assay interviews add|list'.
func runInterviews(e *env, args []string) int {
	// No sub-command is a usage error like any other: "assay:" first,
	// then where the help is (not the help itself on stderr).
	if len(args) == 0 {
		return e.usage("interviews_no_sub", nil)
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(e.stdout, e.t("interviews_usage", nil))
		return exitOK
	}
	switch args[0] {
	case "add":
		return runInterviewsAdd(e, args[1:])
	case "list":
		return runInterviewsList(e, args[1:])
	}
	return e.usage("interviews_unknown", i18n.Args{"Sub": strconv.Quote(args[0])})
}

// runInterviewsAdd records one interview and prints the pseudonym assay
// gave it: that is all a script needs to cite it ([I-03]). The real name,
// when given, goes to the audit's private folder only.
func runInterviewsAdd(e *env, args []string) int {
	fs := e.flags("interviews add", e.t("synopsis_interviews_add", nil))
	role := fs.String("role", "", e.t("flag_interview_role", nil))
	gender := fs.String("gender", "", e.t("flag_interview_gender", nil))
	site := fs.String("site", "", e.t("flag_interview_site", nil))
	date := fs.String("date", "", e.t("flag_interview_date", nil))
	group := fs.Int("group", 0, e.t("flag_interview_group", nil))
	language := fs.String("language", "", e.t("flag_interview_language", nil))
	topics := fs.String("topics", "", e.t("flag_interview_topics", nil))
	notes := fs.String("notes", "", e.t("flag_interview_notes", nil))
	name := fs.String("name", "", e.t("flag_interview_name", nil))
	contact := fs.String("contact", "", e.t("flag_interview_contact", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "interviews add", args)
	if !ok {
		return code
	}
	iv := audit.Interview{Role: *role, Site: *site, Date: *date, GroupSize: *group, Language: *language, Notes: *notes}
	if strings.TrimSpace(*gender) != "" {
		g, ok := audit.ParseGender(*gender)
		if !ok {
			return e.usage("problem_unknown_choice", i18n.Args{"Field": "--gender", "Value": strconv.Quote(*gender),
				"Known": e.list(codes(audit.Genders))})
		}
		iv.Gender = g
	}
	if *group == 1 {
		iv.GroupSize = 0 // one person: an individual interview
	}
	o, code, ok := e.openAudit(id)
	if !ok {
		return code
	}
	defer o.h.Close()
	set, h, id := o.set, o.h, o.id
	a := h.Audit()
	if !a.Editable() {
		return e.fail("interviews_finalized", i18n.Args{"ID": id, "Revision": a.Revision})
	}
	if t := strings.TrimSpace(*topics); t != "" {
		areas := standards.Areas
		if cat, _ := set.ForIdentity(a.Catalog); cat != nil {
			areas = cat.WalkAreas()
		}
		for _, p := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ' ' }) {
			ar := standards.Area(strings.ToLower(p))
			if !slices.Contains(areas, ar) {
				return e.usage("problem_unknown_choice", i18n.Args{"Field": "--topics", "Value": strconv.Quote(p), "Known": e.list(codes(areas))})
			}
			iv.Topics = append(iv.Topics, ar)
		}
	}
	added, err := audit.AddInterview(&a.Header, iv)
	var fe audit.FieldError
	if errors.As(err, &fe) {
		if f, ok := interviewFlags[fe.Field]; ok {
			fe.Field = f
		}
		return e.usage("interviews_bad_entry", i18n.Args{"Problem": e.problemText(fe)})
	}
	if err != nil {
		return e.failErr(err)
	}
	if err := h.Save(a); err != nil {
		return e.failErr(err)
	}
	// The audit first: a name saved for a pseudonym the audit does not
	// hold could later be read as someone else's.
	fmt.Fprintln(e.stdout, added.Pseudonym)
	if c := (audit.Contact{Name: *name, Contact: *contact}); !c.IsZero() {
		p, err := h.LoadPrivate()
		if err == nil {
			p.Set(added.Pseudonym, c)
			err = h.SavePrivate(p)
		}
		if err != nil {
			return e.fail("interviews_private_failed", i18n.Args{"Pseudonym": added.Pseudonym, "Error": e.privateErrText(err)})
		}
	}
	return exitOK
}

// interviewJSON is one element of 'interviews list --json': the stable
// shape scripts read. Keys and codes stay English. Name and contact are
// there only with --include-private.
type interviewJSON struct {
	Pseudonym string   `json:"pseudonym"`
	Role      string   `json:"role"`
	Gender    string   `json:"gender"`
	Site      string   `json:"site"`
	Date      string   `json:"date"`
	GroupSize int      `json:"group_size"` // 0: an individual interview
	Language  string   `json:"language"`
	Topics    []string `json:"topics"`
	Notes     string   `json:"notes"`
	FollowUp  bool     `json:"follow_up"`
	CitedBy   []string `json:"cited_by"`
	Name      *string  `json:"name,omitempty"`
	Contact   *string  `json:"contact,omitempty"`
}

// runInterviewsList prints the register: a table, or JSON. Real names are
// read, and shown, only when asked for with --include-private.
func runInterviewsList(e *env, args []string) int {
	fs := e.flags("interviews list", e.t("synopsis_interviews_list", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_list", nil))
	private := fs.Bool("include-private", false, e.t("flag_include_private", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "interviews list", args)
	if !ok {
		return code
	}
	set := e.catalogs()
	s, err := audit.OpenStore(e.home, set)
	if err != nil {
		return e.failErr(err)
	}
	if id, code, ok = e.auditID(s, id); !ok {
		return code
	}
	a, err := s.Load(id)
	if err != nil {
		return e.failErr(err)
	}
	var priv audit.Private
	if *private {
		if priv, err = s.LoadPrivate(id); err != nil {
			return e.fail("interviews_private_unreadable", i18n.Args{"Error": e.privateErrText(err)})
		}
	}
	cat, _ := set.ForIdentity(a.Catalog)
	cited := audit.CitingFindings(a, cat)
	if *asJSON {
		return e.printInterviewsJSON(a.Header.Register, cited, priv, *private)
	}
	if len(a.Header.Register) == 0 {
		e.out("interviews_none", i18n.Args{"ID": id})
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	head := e.t("interviews_header", nil)
	if *private {
		head += "\t" + e.t("interviews_header_private", nil)
	}
	fmt.Fprintln(tw, head)
	for _, iv := range a.Header.Register {
		people := e.t("interviews_individual", nil)
		if iv.IsGroup() {
			people = e.t("interviews_group", i18n.Args{"N": iv.GroupSize})
		}
		gender := e.word(genderIDs[iv.Gender], string(iv.Gender))
		if iv.FollowUp {
			gender, people = "—", e.t("interviews_follow_up", nil)
		}
		topics := make([]string, len(iv.Topics))
		for i, t := range iv.Topics {
			topics[i] = e.areaText(t)
		}
		line := strings.Join([]string{iv.Pseudonym, audClip(iv.Role, 30), gender, audClip(iv.Site, 28), orNone(iv.Date), people,
			orNone(strings.Join(topics, ", ")), orNone(strings.Join(cited[iv.Pseudonym], ", "))}, "\t")
		if *private {
			c := priv.Of(iv.Pseudonym)
			line += "\t" + orNone(strings.TrimSpace(c.Name+" "+c.Contact))
		}
		fmt.Fprintln(tw, audit.Sanitize(line))
	}
	tw.Flush()
	if *private {
		e.warn("interviews_private_shown", nil)
	}
	return exitOK
}

// printInterviewsJSON writes the register as a JSON array.
func (e *env) printInterviewsJSON(reg []audit.Interview, cited map[string][]string, priv audit.Private, private bool) int {
	out := make([]interviewJSON, 0, len(reg))
	for _, iv := range reg {
		j := interviewJSON{Pseudonym: iv.Pseudonym, Role: iv.Role, Gender: string(iv.Gender), Site: iv.Site, Date: iv.Date,
			GroupSize: iv.GroupSize, Language: iv.Language, Topics: codes(iv.Topics), Notes: iv.Notes, FollowUp: iv.FollowUp,
			CitedBy: cited[iv.Pseudonym]}
		if j.CitedBy == nil {
			j.CitedBy = []string{}
		}
		if private {
			c := priv.Of(iv.Pseudonym)
			j.Name, j.Contact = &c.Name, &c.Contact
		}
		out = append(out, j)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return e.failErr(err)
	}
	fmt.Fprintln(e.stdout, string(b))
	return exitOK
}

// privateErrText words a failure to read or write the private names: the
// file and the cause, never a name.
func (e *env) privateErrText(err error) string {
	var pe *audit.PrivateError
	if errors.As(err, &pe) {
		return e.t("private_file_error", i18n.Args{"Path": pe.Path, "Error": e.errText(pe.Err)})
	}
	return e.errText(err)
}

// codes turns typed codes into strings, never nil (JSON: []).
func codes[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// orNone is a table cell that may be empty.
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

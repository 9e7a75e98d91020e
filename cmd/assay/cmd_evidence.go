package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
)

// assay evidence add|list|caption: what the TUI's walk does with evidence,
// for scripts (a folder of photos from the day's visit) and for the
// certification body's questions (which photos are marked, and why).

// The evidence sub-commands, as typed.
const (
	evidenceSubAdd     = "add"
	evidenceSubList    = "list"
	evidenceSubCaption = "caption"
)

// evidenceSummaryIDs is evidence's line in assay --help, added to
// summaryIDs here so the commands' table need not change.
var evidenceSummaryIDs = map[string]string{"evidence": "summary_evidence"}

func init() {
	register(command{name: "evidence", run: runEvidence})
	maps.Copy(summaryIDs, evidenceSummaryIDs)
}

func runEvidence(e *env, args []string) int {
	if len(args) == 0 {
		return e.usage("evidence_no_sub", nil)
	}
	switch args[0] {
	case evidenceSubAdd:
		return runEvidenceAdd(e, args[1:])
	case evidenceSubList:
		return runEvidenceList(e, args[1:])
	case evidenceSubCaption:
		return runEvidenceCaption(e, args[1:])
	case keysHelpFlagShort, "--help", "-help", "help":
		e.out("usage_line", i18n.Args{"Synopsis": e.t("synopsis_evidence", nil)})
		e.out("evidence_help", nil)
		return exitOK
	}
	return e.usage("evidence_unknown_sub", i18n.Args{"Sub": strconv.Quote(args[0])})
}

// reqList is a repeatable --req; "1.1.1,3.8.5" gives two.
type reqList []string

func (r *reqList) String() string { return strings.Join(*r, ",") }

func (r *reqList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*r = append(*r, id)
		}
	}
	return nil
}

func runEvidenceAdd(e *env, args []string) int {
	fs := e.flags("evidence add", e.t("synopsis_evidence_add", nil))
	var reqs reqList
	fs.Var(&reqs, "req", e.t("flag_evidence_req", nil))
	caption := fs.String("caption", "", e.t("flag_evidence_caption", nil))
	e.uiLang(fs)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) < 2 {
		return e.usage("evidence_add_needs", nil)
	}
	id, files := pos[0], pos[1:]
	o, code, ok := e.openAudit(id)
	if !ok {
		return code
	}
	defer o.h.Close()
	set, s, h, id := o.set, o.store, o.h, o.id
	cfg := e.config()
	s.MaxEvidenceBytes = cfg.MaxEvidenceBytes()
	a := h.Audit()
	if !a.Editable() {
		return e.fail("evidence_read_only", i18n.Args{"ID": id, "Revision": a.Revision})
	}
	// Every file would fail alike on a requirement the catalog lacks: say
	// it once, before copying anything.
	cat, err := audCatalog(e, set, a)
	if err != nil {
		return e.fail("audit_error", i18n.Args{"ID": a.ID, "Error": e.errText(err)})
	}
	for _, r := range reqs {
		if _, ok := cat.Requirement(r); !ok {
			return e.fail("evidence_unknown_req", i18n.Args{"Req": strconv.Quote(r), "Catalog": cat.ID, "Version": cat.Version})
		}
	}
	rules := cfg.Plausibility()
	failed := 0
	for _, f := range files {
		ev, err := h.ImportEvidence(a, f, reqs...)
		if err == nil && *caption != "" {
			_, err = h.SetCaption(a, ev.SHA256, *caption)
		}
		if err != nil {
			failed++
			e.failText(e.evidenceErrText(err))
			continue
		}
		e.out("evidence_added", i18n.Args{"Name": audit.Sanitize(ev.Name), "SHA": ev.SHA256, "Size": e.size(ev.Size),
			"Reqs": e.reqsText(ev.Requirements)})
		for _, fl := range audit.CheckEvidence(a, ev, rules) {
			fmt.Fprintln(e.stdout, "  ! "+audit.Sanitize(e.flagText(fl, rules)))
		}
	}
	if failed < len(files) {
		if err := h.Save(a); err != nil {
			return e.failErr(err)
		}
	}
	if failed > 0 {
		return exitFail
	}
	return exitOK
}

// evidenceListJSON is one element of `assay evidence list --json`: keys and
// codes stay English; message is a sentence in the UI language.
type evidenceListJSON struct {
	SHA256       string             `json:"sha256"`
	Name         string             `json:"name"`
	Aliases      []string           `json:"aliases"` // other names the same file was attached under
	Caption      string             `json:"caption"`
	MediaType    string             `json:"media_type"`
	Size         int64              `json:"size"`
	Captured     *string            `json:"captured"`
	GPS          *audit.GeoPoint    `json:"gps"`
	Requirements []string           `json:"requirements"`
	Flags        []evidenceFlagJSON `json:"flags"`
}

// evidenceFlagJSON is a plausibility mark with its words.
type evidenceFlagJSON struct {
	audit.EvidenceFlag
	Message string `json:"message"`
}

func runEvidenceList(e *env, args []string) int {
	fs := e.flags("evidence list", e.t("synopsis_evidence_list", nil))
	asJSON := fs.Bool("json", false, e.t("flag_json_list", nil))
	e.uiLang(fs)
	id, code, ok := audOneArg(e, fs, "evidence list", args)
	if !ok {
		return code
	}
	s, err := e.store()
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
	rules := e.config().Plausibility()
	seen := map[string]bool{}
	var evs []*audit.Evidence
	for i := range a.Evidence {
		if !seen[a.Evidence[i].SHA256] {
			seen[a.Evidence[i].SHA256] = true
			evs = append(evs, &a.Evidence[i])
		}
	}
	if *asJSON {
		out := make([]evidenceListJSON, 0, len(evs))
		for _, ev := range evs {
			j := evidenceListJSON{SHA256: ev.SHA256, Name: ev.Name, Aliases: append([]string{}, ev.Aliases...), Caption: ev.Caption, MediaType: ev.MediaType, Size: ev.Size,
				GPS: ev.GPS, Requirements: append([]string{}, ev.Requirements...), Flags: []evidenceFlagJSON{}}
			if !ev.Captured.IsZero() {
				c := ev.Captured.Format(time.RFC3339)
				j.Captured = &c
			}
			for _, fl := range audit.CheckEvidence(a, ev, rules) {
				j.Flags = append(j.Flags, evidenceFlagJSON{EvidenceFlag: fl, Message: e.flagText(fl, rules)})
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
	if len(evs) == 0 {
		e.out("evidence_none", i18n.Args{"ID": a.ID})
		return exitOK
	}
	var lines []string
	for i, ev := range evs {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, e.t("evidence_item", i18n.Args{"N": i + 1, "Name": ev.Name, "SHA": ev.SHA256, "Size": e.size(ev.Size), "Type": ev.MediaType}))
		if len(ev.Aliases) > 0 {
			lines = append(lines, "   "+e.t("evidence_aliases_line", i18n.Args{"Names": strings.Join(ev.Aliases, ", ")}))
		}
		if ev.Caption != "" {
			lines = append(lines, "   "+e.t("evidence_caption_line", i18n.Args{"Caption": ev.Caption}))
		}
		taken, gps := e.t("evidence_unknown", nil), e.t("evidence_unknown", nil)
		if !ev.Captured.IsZero() {
			taken = ev.Captured.Format("2006-01-02 15:04 -07:00")
		}
		if ev.GPS != nil {
			gps = fmt.Sprintf("%.5f, %.5f", ev.GPS.Lat, ev.GPS.Lon)
		}
		lines = append(lines, "   "+e.t("evidence_taken_line", i18n.Args{"Taken": taken, "GPS": gps}))
		lines = append(lines, "   "+e.t("evidence_reqs_line", i18n.Args{"Reqs": e.reqsText(ev.Requirements)}))
		for _, fl := range audit.CheckEvidence(a, ev, rules) {
			lines = append(lines, "   ! "+e.flagText(fl, rules))
			if fl.Justification != "" {
				lines = append(lines, "     "+e.t("evidence_justified", i18n.Args{"Text": fl.Justification}))
			}
		}
	}
	for _, l := range lines {
		fmt.Fprintln(e.stdout, audit.Sanitize(l))
	}
	return exitOK
}

func runEvidenceCaption(e *env, args []string) int {
	fs := e.flags("evidence caption", e.t("synopsis_evidence_caption", nil))
	e.uiLang(fs)
	pos, code, ok := audParse(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 3 {
		return e.usage("evidence_caption_needs", nil)
	}
	id, ref, text := pos[0], pos[1], pos[2]
	o, code, ok := e.openAudit(id)
	if !ok {
		return code
	}
	defer o.h.Close()
	h, id := o.h, o.id
	a := h.Audit()
	if !a.Editable() {
		return e.fail("evidence_read_only", i18n.Args{"ID": id, "Revision": a.Revision})
	}
	ev, err := h.SetCaption(a, ref, text)
	if err != nil {
		return e.failText(e.evidenceErrText(err))
	}
	if err := h.Save(a); err != nil {
		return e.failErr(err)
	}
	if ev.Caption == "" {
		e.out("evidence_caption_removed", i18n.Args{"Name": audit.Sanitize(ev.Name)})
		return exitOK
	}
	e.out("evidence_captioned", i18n.Args{"Name": audit.Sanitize(ev.Name), "Caption": audit.Sanitize(ev.Caption)})
	return exitOK
}

// reqsText lists requirement ids, or says there are none.
func (e *env) reqsText(ids []string) string {
	if len(ids) == 0 {
		return e.t("evidence_no_reqs", nil)
	}
	return e.list(ids)
}

// flagText words one plausibility mark.
func (e *env) flagText(f audit.EvidenceFlag, rules audit.Plausibility) string {
	switch f.Kind {
	case audit.FlagOutsideDates:
		day := e.localizer().DateText(f.Captured)
		if f.Days < 0 {
			return e.n("evidence_flag_before", -f.Days, i18n.Args{"Date": day})
		}
		return e.n("evidence_flag_after", f.Days, i18n.Args{"Date": day})
	case audit.FlagFarFromSite:
		return e.t("evidence_flag_far", i18n.Args{"Km": e.localizer().Decimal(f.Km, 1), "Max": rules.MaxKm})
	case audit.FlagNoMetadata:
		return e.t("evidence_flag_no_metadata", nil)
	case audit.FlagSeveralNames:
		return e.n("evidence_flag_names", len(f.Names), i18n.Args{"Names": e.list(f.Names)})
	}
	return string(f.Kind)
}

// evidenceErrText words what went wrong importing or editing evidence.
func (e *env) evidenceErrText(err error) string {
	var (
		ie *audit.EvidenceError
		ee *audit.EvidenceEditError
	)
	switch {
	case errors.As(err, &ee):
		switch ee.Kind {
		case audit.EvidenceNotFound:
			return e.t("evidence_not_found", i18n.Args{"Ref": strconv.Quote(ee.Ref)})
		case audit.EvidenceAmbiguous:
			return e.t("evidence_ambiguous", i18n.Args{"Ref": strconv.Quote(ee.Ref), "Candidates": strings.Join(ee.Candidates, "; ")})
		case audit.EvidenceTextTooLong:
			return e.t("evidence_text_too_long", i18n.Args{"Max": ee.Max})
		}
		return err.Error()
	case errors.As(err, &ie):
		args := i18n.Args{"Path": ie.Path}
		if ie.Err != nil {
			args["Error"] = e.errText(ie.Err)
		}
		switch ie.Kind {
		case audit.EvidenceMissing:
			return e.t("evidence_missing", args)
		case audit.EvidenceFolder:
			return e.t("evidence_folder", args)
		case audit.EvidenceTooBig:
			args["Size"], args["Limit"] = e.size(ie.Size), e.size(ie.Limit)
			return e.t("evidence_too_big", args)
		case audit.EvidenceNotCopied:
			return e.t("evidence_not_copied", args)
		}
		return e.t("evidence_unreadable", args)
	}
	return e.errText(err)
}

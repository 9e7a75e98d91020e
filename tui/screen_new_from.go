package tui

import (
	"errors"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards"
)

// The new-audit form's first field, "Start from": a blank audit, last
// year's audit from the list (finalized ones), or last year's signed
// report (a PDF, path completion as for evidence, read and verified in a
// command). Once read, the header is filled with what carries over, the
// head says how many corrective actions wait, and the catalog field says
// how the chosen catalog changed since last year's.

// Values of the source field besides "audit:<id>".
const (
	sourceBlank  = "blank"
	sourceReport = "report"
	sourceAudit  = "audit:"
)

// newFrom is where a new audit starts from.
type newFrom struct {
	entries []audit.Entry // the finalized audits offered
	origin  *report.Origin
	seq     int  // numbers the reads, so a stale one is dropped
	loading bool // a read is running
	// createAfter: ctrl+s was pressed before the previous audit was read;
	// create once it is.
	createAfter bool
	// changes caches the catalog's changes per catalog chosen (shared by
	// copies of the model; only the UI goroutine uses it).
	changes map[*standards.Catalog]audit.CatalogChanges
}

// previousLoadedMsg: the previous audit named in the form was read (or
// refused).
type previousLoadedMsg struct {
	seq    int
	origin *report.Origin
	err    error
}

// previousCmd reads the previous audit that from names (an audit id or a
// report's path) through the dependency that knows the store and the
// catalogs.
func previousCmd(load func(string) (*report.Origin, error), from string, seq int) tea.Cmd {
	return func() tea.Msg {
		o, err := load(from)
		return previousLoadedMsg{seq: seq, origin: o, err: err}
	}
}

// cycleFormLabelIDs label the source and report fields.
var cycleFormLabelIDs = map[string]string{"source": "label_source", "report_path": "label_report_path"}

// problemClassIDs word why a report cannot be last year's audit.
var problemClassIDs = map[report.ProblemClass]string{
	report.ClassNotReport: "class_not_report", report.ClassUnsigned: "class_unsigned", report.ClassChanged: "class_changed",
	report.ClassSignature: "class_signature", report.ClassAuditData: "class_audit_data", report.ClassCertificate: "class_certificate",
	report.ClassTrust: "class_trust",
}

func init() {
	for k, v := range cycleFormLabelIDs {
		formLabelIDs[k] = v
	}
}

// sourceField is the "Start from" choice: blank, each finalized audit of
// the list, a report file.
func sourceField(c *common, entries []audit.Entry) formField {
	f := formField{key: "source", kind: kindChoice, choices: []string{sourceBlank}}
	for _, e := range entries {
		f.choices = append(f.choices, sourceAudit+e.ID)
	}
	f.choices = append(f.choices, sourceReport)
	f.label = func(v string) string { return sourceLabel(c, entries, v) }
	return f
}

// sourceLabel words one value of the source field.
func sourceLabel(c *common, entries []audit.Entry, v string) string {
	w := c.w
	switch {
	case v == sourceBlank:
		return w.t("source_blank", nil)
	case v == sourceReport:
		return w.t("source_report", nil)
	}
	id := strings.TrimPrefix(v, sourceAudit)
	for _, e := range entries {
		if e.ID == id {
			// Two audits of one ASMO differ by their date.
			date := id
			if !e.Updated.IsZero() {
				date = e.Updated.Format(audit.DateLayout)
			}
			return w.t("source_audit", i18n.Args{"ASMO": sanitizeLine(e.ASMO), "Revision": e.Revision, "Date": date})
		}
	}
	return id
}

// finalizedEntries are the audits a new one may start from.
func finalizedEntries(es []audit.Entry) []audit.Entry {
	var out []audit.Entry
	for _, e := range es {
		if e.Err == "" && e.Status == audit.Finalized {
			out = append(out, e)
		}
	}
	return out
}

// fieldIndex is the index of the form's field key, or -1.
func (m formModel) fieldIndex(key string) int {
	return slices.IndexFunc(m.f.fields, func(fl formField) bool { return fl.key == key })
}

// source is the source field's value ("" when the form has none).
func (m formModel) source() string {
	if i := m.fieldIndex("source"); i >= 0 {
		return m.f.fields[i].value()
	}
	return ""
}

// catalog is the catalog chosen.
func (m formModel) catalog() *standards.Catalog {
	cats := m.c.deps.Catalogs.Current()
	if i := m.fieldIndex("catalog"); i >= 0 {
		if n := m.f.fields[i].choice; n >= 0 && n < len(cats) {
			return cats[n]
		}
	}
	return nil
}

// updateFrom handles the keys the source and report fields take before
// the form: tab completes a report's path, enter reads it.
func (m formModel) updateFrom(k tea.KeyMsg) (formModel, tea.Cmd, bool) {
	if i := m.f.focus; m.f.fields[i].key == "report_path" {
		switch k.Type {
		case tea.KeyTab:
			return m, completeCmd(m.f.fields[i].input.Value()), true
		case tea.KeyEnter:
			nm, cmd := m.readReport(false)
			return nm, cmd, true
		}
	}
	return m, nil, false
}

// sourceChanged follows a new choice of source: the report's path field
// shows only for a report, and an audit of the list is read at once.
func (m formModel) sourceChanged() (formModel, tea.Cmd) {
	src := m.source()
	m.from.origin, m.from.createAfter, m.from.loading = nil, false, false
	m.from.seq++
	at := m.fieldIndex("report_path")
	switch {
	case src == sourceReport && at < 0:
		ti := newLineInput("", m.c.st.selection)
		ti.Placeholder = m.c.w.t("report_path_placeholder", nil)
		i := m.fieldIndex("source") + 1
		m.f.fields = slices.Insert(m.f.fields, i, formField{key: "report_path", input: ti})
		if m.f.focus >= i {
			m.f.focus++
		}
		m.f.setSize()
	case src != sourceReport && at >= 0:
		m.f.fields = slices.Delete(m.f.fields, at, at+1)
		if m.f.focus > at {
			m.f.focus--
		}
	}
	if id, ok := strings.CutPrefix(src, sourceAudit); ok {
		m.from.loading = true
		return m, previousCmd(m.c.deps.Previous, id, m.from.seq)
	}
	return m, nil
}

// readReport reads and verifies the report whose path was typed;
// createAfter creates the audit once it is read.
func (m formModel) readReport(createAfter bool) (formModel, tea.Cmd) {
	i := m.fieldIndex("report_path")
	if i < 0 {
		return m, nil
	}
	path := strings.TrimSpace(unescapeControls(m.f.fields[i].input.Value()))
	if path == "" {
		return m, notify(m.c.w.t("report_path_required", nil), true)
	}
	m.from.seq++
	m.from.loading, m.from.createAfter = true, createAfter
	return m, previousCmd(m.c.deps.Previous, resolvePath(path), m.from.seq)
}

// previousLoaded takes a read previous audit: the header is filled with
// what carries over (the source, report and catalog fields stay as
// chosen), or the refusal is said.
func (m formModel) previousLoaded(msg previousLoadedMsg) (formModel, tea.Cmd) {
	if msg.seq != m.from.seq {
		return m, nil // the inspector chose another source meanwhile
	}
	m.from.loading = false
	if msg.err != nil {
		m.from.createAfter = false
		return m, notify(m.c.w.previousErrorText(msg.err), true)
	}
	m.from.origin = msg.origin
	m.from.changes = map[*standards.Catalog]audit.CatalogChanges{}
	cat := m.catalog()
	if a, err := audit.NewFrom(msg.origin.Audit, m.carryOptions(cat, "", "", "")); err == nil {
		h := a.Header
		// This year's dates as typed, or today as for a blank audit.
		cur, _ := m.header()
		h.StartDate, h.EndDate = cur.StartDate, cur.EndDate
		keep := m.fieldIndex("catalog") + 1
		focus := m.f.focus
		m.f = newHeaderForm(m.c, h, m.f.fields[:keep]...)
		m.f.catalogNote = m.changesNote
		m.f.focusOn(min(focus, len(m.f.fields)-1))
	}
	if m.from.createAfter {
		m.from.createAfter = false
		return m.create()
	}
	return m, nil
}

// carryOptions are audit.NewFrom's options for the chosen catalog and
// this year's type and dates ("" for the defaults).
func (m formModel) carryOptions(cat *standards.Catalog, typ audit.AuditType, start, end string) audit.CarryOptions {
	o := m.from.origin.CarryOptions()
	o.Type, o.Catalog, o.Config, o.Now = typ, cat, m.c.deps.Config, m.c.now()
	o.StartDate, o.EndDate = start, end
	return o
}

// createFrom makes the new audit from the previous one, with the header
// as the inspector left it in the form.
func (m formModel) createFrom(h audit.Header, cat *standards.Catalog) (*audit.Audit, error) {
	a, err := audit.NewFrom(m.from.origin.Audit, m.carryOptions(cat, h.AuditType, h.StartDate, h.EndDate))
	if err != nil {
		return nil, err
	}
	scope := a.Header.FollowUpScope
	a.Header = h
	a.Header.FollowUpScope = scope
	return a, nil
}

// waitingForPrevious reports whether the source chosen still has to be
// read before creating; it starts the read if none is running.
func (m formModel) waitingForPrevious() (formModel, tea.Cmd, bool) {
	src := m.source()
	if src == "" || src == sourceBlank || m.from.origin != nil {
		return m, nil, false
	}
	m.from.createAfter = true
	if m.from.loading {
		return m, nil, true
	}
	if src == sourceReport {
		nm, cmd := m.readReport(true)
		return nm, cmd, true
	}
	nm, cmd := m.sourceChanged()
	nm.from.createAfter = true
	return nm, cmd, true
}

// fromHead is the form's title and hint once a previous audit is read:
// which one, and how many corrective actions wait.
func (m formModel) fromHead() (string, string, bool) {
	o := m.from.origin
	w := m.c.w
	switch {
	case m.from.loading:
		return w.t("form_title_from", nil), w.t("reading_previous", nil), true
	case o == nil:
		return "", "", false
	}
	src := w.t("source_from_home", nil)
	if o.Source == audit.FromReport {
		src = w.t("source_from_report", nil)
	}
	n := 0
	for _, f := range o.Audit.Findings {
		if f != nil && f.Verdict.IsNonConformity() {
			n++
		}
	}
	return w.t("form_title_from", nil), w.n("form_hint_from", n, i18n.Args{"Source": src}), true
}

// changesNote says, under the catalog field, how the catalog chosen
// changed since last year's audit.
func (m formModel) changesNote(cat *standards.Catalog) []string {
	o := m.from.origin
	if o == nil || cat == nil {
		return nil
	}
	c, ok := m.from.changes[cat]
	if !ok {
		var ids []string
		for id := range o.Audit.Findings {
			ids = append(ids, id)
		}
		c = audit.CompareCatalogs(o.Audit.Catalog, o.PrevCatalog, o.Audit.RequirementPrints(), ids, cat)
		m.from.changes[cat] = c
	}
	return wrap(m.c.w.changesText(c), m.c.width-labelWidth)
}

// changesText sums up how the catalog changed since last year's audit.
func (w *words) changesText(c audit.CatalogChanges) string {
	from := sanitizeLine(c.From.ID + " " + c.From.Version)
	switch {
	case c.SameCatalog():
		return w.t("changes_same", nil)
	case !c.Compared:
		return w.t("changes_not_compared", i18n.Args{"From": from, "Removed": len(c.Removed)})
	case !c.Any():
		return w.t("changes_none", i18n.Args{"From": from})
	}
	var parts []string
	if len(c.Changed) > 0 {
		parts = append(parts, w.n("changes_changed", len(c.Changed), i18n.Args{"IDs": w.listIDs(c.Changed)}))
	}
	if len(c.New) > 0 {
		parts = append(parts, w.n("changes_new", len(c.New), i18n.Args{"IDs": w.listIDs(c.New)}))
	}
	if len(c.Removed) > 0 {
		parts = append(parts, w.n("changes_removed", len(c.Removed), i18n.Args{"IDs": w.listIDs(c.Removed)}))
	}
	return w.t("changes_since", i18n.Args{"From": from, "List": strings.Join(parts, "; ")})
}

// previousErrorText says why the previous audit could not be read: a
// report that does not verify in one phrase, pointing to assay verify.
func (w *words) previousErrorText(err error) string {
	var nv *report.NotVerifiedError
	switch {
	case errors.As(err, &nv):
		class := report.ClassNotReport
		if ps := nv.Verification.Problems; len(ps) > 0 {
			class = report.Class(ps[0].Kind)
		}
		return w.t("previous_refused", i18n.Args{"File": sanitizeLine(nv.File), "Why": wordOr(w, problemClassIDs, class, string(class))})
	case errors.Is(err, audit.ErrPreviousNotFinalized):
		return w.t("previous_draft", nil)
	case errors.Is(err, audit.ErrNothingToFollowUp):
		return w.t("nothing_to_follow_up", nil)
	case errors.Is(err, audit.ErrPreviousHash):
		return w.t("previous_hash", nil)
	}
	return w.errorText(err)
}

// completed takes a completed report path, as the walk's attach field
// does.
func (m formModel) completed(msg completedMsg) (formModel, tea.Cmd) {
	i := m.fieldIndex("report_path")
	if i < 0 || m.f.fields[i].input.Value() != msg.input {
		return m, nil
	}
	m.f.fields[i].input.SetValue(msg.value)
	m.f.fields[i].input.CursorEnd()
	switch {
	case msg.value == msg.input && len(msg.names) > 1:
		return m, notify(m.c.w.t("candidates", i18n.Args{"Names": strings.Join(msg.names, "  ")}), false)
	case msg.err != nil:
		return m, notify(m.c.w.errorText(msg.err), true)
	case msg.value == msg.input && len(msg.names) == 0:
		return m, notify(m.c.w.t("no_candidates", nil), true)
	}
	return m, nil
}

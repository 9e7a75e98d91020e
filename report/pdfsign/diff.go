package pdfsign

import (
	"bytes"
	"maps"
	"slices"
	"sort"
)

// Difference analysis of a revision appended after the inspector signed.
//
// ISO 32000-2 and PAdES let validation data (a DSS dictionary) and document
// time-stamps follow even a certification signature with P=1. Everything
// else an incremental update can do (change or add a page, content,
// annotation, form field, attachment, catalog entry, the trailer, or
// redirect objects to bytes hidden elsewhere) is what the published
// attacks use, so it is refused and named. The revision must also be
// syntactically exact: one classic cross-reference table whose entries
// point only into the revision itself, nothing in the revision that the
// table does not name, and a /Prev that chains to the revision before.

// maxObjectFindings bounds the added or changed objects named one by one
// per revision.
const maxObjectFindings = 64

// revCheck is the state of one revision's analysis.
type revCheck struct {
	v         *verifier
	d         *document
	k         int // revision index
	rev, prev *revision
	objs      map[int]*object // objects the revision defines
	added     map[int]*object // new object numbers
	changed   map[int]*object // object numbers that existed before, now different
	allowed   map[int]bool    // new or changed objects that are allowed additions
	explained map[int]bool    // new or changed objects a finding already names
	dtsSigs   map[int]bool
	widgets   map[int]bool // new document time-stamp field widgets
	found     map[Kind]bool
}

func (c *revCheck) add(f Finding) {
	f.Revision = c.k + 1
	c.found[f.Kind] = true
	c.v.problem(f)
}

func (c *revCheck) touched(nr int) bool { return c.added[nr] != nil || c.changed[nr] != nil }

func (c *revCheck) explain(nrs ...int) {
	for _, nr := range nrs {
		if c.touched(nr) {
			c.explained[nr] = true
		}
	}
}

// checkRevision analyses revision k (after the inspector's).
func (v *verifier) checkRevision(k int) {
	d := v.d
	c := &revCheck{v: v, d: d, k: k, rev: d.revs[k], prev: d.revs[k-1],
		added: map[int]*object{}, changed: map[int]*object{}, allowed: map[int]bool{}, explained: map[int]bool{},
		dtsSigs: map[int]bool{}, widgets: map[int]bool{}, found: map[Kind]bool{}}
	if len(c.rev.sections) != 1 {
		c.add(Finding{Kind: KindRevMalformed, Detail: "sections"})
		return
	}
	s := c.rev.sections[0]
	switch {
	case s.stream:
		c.add(Finding{Kind: KindRevXrefStream})
		return
	case s.hybrid:
		c.add(Finding{Kind: KindRevChangesTrailer, Name: "XRefStm"})
		return
	}
	if detail := c.tile(s); detail != "" {
		c.add(Finding{Kind: KindRevMalformed, Detail: detail})
		return
	}
	if !c.trailer(s) {
		return
	}
	c.classify(s)
	c.danglingRefs()
	c.signatures()
	c.form()
	c.pages()
	c.attachments()
	c.catalog()
	c.dss()
	c.info()
	nrs := make([]int, 0, len(c.added)+len(c.changed))
	for nr := range c.added {
		nrs = append(nrs, nr)
	}
	for nr := range c.changed {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	defer c.empty()
	named := 0
	for _, nr := range nrs {
		if c.allowed[nr] || c.explained[nr] {
			continue
		}
		// Enough to refuse the revision and show what it does; a million
		// objects would otherwise be a million lines.
		if named++; named > maxObjectFindings {
			break
		}
		o := c.objs[nr]
		kind := KindRevChangesObject
		if c.added[nr] != nil {
			kind = KindRevAddsObject
		}
		c.add(Finding{Kind: kind, Object: nr, Name: typeOf(o)})
	}
}

// empty refuses a revision that neither adds an allowed addition nor is
// refused for something else: after the signature only validation data
// and time-stamps may follow, and a revision that adds nothing (or
// rewrites signed objects unchanged) is neither.
func (c *revCheck) empty() {
	if len(c.v.allowed[c.k]) > 0 {
		return
	}
	for _, p := range c.v.res.Problems {
		if p.Revision == c.k+1 {
			return
		}
	}
	c.add(Finding{Kind: KindRevEmpty})
}

// tile parses the revision byte by byte: objects the table names, then the
// table, trailer, startxref and %%EOF; nothing else.
func (c *revCheck) tile(s *section) string {
	// The revision's bytes (all of the file in memory): offsets in pdf are
	// the file's less base.
	pdf, base := c.d.src.window(c.rev.start, c.rev.end-c.rev.start+lookahead)
	c.objs = map[int]*object{}
	i := c.rev.start - base
	for {
		i = skipSpace(pdf, i)
		if i >= c.rev.end-base {
			return "no_xref"
		}
		if i == s.at-base {
			break
		}
		o, err := parseObjectAt(pdf, i, true, nil)
		if err != nil {
			return "object_syntax"
		}
		o.shift(base)
		e, ok := s.entries[o.nr]
		if !ok || e.kind != 'n' || e.off != i+base || e.gen != o.gen || c.objs[o.nr] != nil {
			return "object_not_in_xref"
		}
		c.objs[o.nr] = o
		i = o.end - base
		if i < len(pdf) && !isWhite(pdf[i]) {
			return "object_syntax"
		}
	}
	strict, err := parseXrefTable(pdf, s.at-base, true)
	if err != nil || len(strict.entries) != len(s.entries) {
		return "xref_syntax"
	}
	j := skipSpace(pdf, strict.bodyEnd)
	if !bytes.HasPrefix(pdf[j:], []byte("startxref")) {
		return "xref_syntax"
	}
	n, k, ok := readUint(pdf, skipSpace(pdf, j+9))
	if !ok || n != s.at {
		return "startxref"
	}
	k = skipSpace(pdf, k)
	if !bytes.HasPrefix(pdf[k:], []byte("%%EOF")) || eolAfter(pdf, k+5)+base != c.rev.end {
		return "eof"
	}
	for nr, e := range s.entries {
		if e.kind == 'n' && c.objs[nr] == nil {
			return "xref_points_outside"
		}
		if e.kind == 'c' {
			return "xref_syntax"
		}
	}
	return ""
}

// trailer checks the trailer; false when the revision cannot be analysed
// further.
func (c *revCheck) trailer(s *section) bool {
	t, pt := s.trailer, c.prev.trailer
	var prevAt = -1
	for _, ps := range c.prev.sections {
		if ps.end == c.prev.end {
			prevAt = ps.at
		}
	}
	p, ok := intValue(t["Prev"].v)
	if !ok || p != prevAt {
		c.add(Finding{Kind: KindRevMalformed, Detail: "prev"})
		return false
	}
	keys := make([]string, 0, len(t))
	for key := range t {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		switch key {
		case "Size", "Root", "Info", "ID", "Prev":
		default:
			c.add(Finding{Kind: KindRevChangesTrailer, Name: key})
		}
	}
	size, ok := intValue(t["Size"].v)
	psize, _ := intValue(pt["Size"].v)
	if !ok || size < psize {
		c.add(Finding{Kind: KindRevMalformed, Detail: "size"})
		return false
	}
	for nr := range s.entries {
		if nr >= size {
			c.add(Finding{Kind: KindRevMalformed, Detail: "size"})
			return false
		}
	}
	if !equalValue(t["Root"].v, pt["Root"].v) {
		c.add(Finding{Kind: KindRevReplacesCatalog})
		return false
	}
	if !equalValue(t["Info"].v, pt["Info"].v) {
		c.add(Finding{Kind: KindRevChangesInfo})
	}
	if pid, ok := pt["ID"].v.([]value); ok && len(pid) == 2 {
		id, ok := t["ID"].v.([]value)
		if !ok || len(id) != 2 || !equalValue(id[0], pid[0]) {
			c.add(Finding{Kind: KindRevChangesTrailer, Name: "ID"})
		}
	}
	return true
}

// classify sorts the revision's entries into new, changed (and deleted)
// objects; rewriting an object with the same value is no change.
func (c *revCheck) classify(s *section) {
	for _, nr := range slices.Sorted(maps.Keys(s.entries)) {
		e := s.entries[nr]
		pe, existed := c.prev.view[nr]
		existed = existed && pe.kind != 'f'
		switch e.kind {
		case 'f':
			if nr != 0 && existed {
				c.add(Finding{Kind: KindRevDeletesObject, Object: nr, Name: typeOf(c.d.object(c.prev, nr))})
			}
		case 'n':
			o := c.objs[nr]
			if !existed {
				c.added[nr] = o
				break
			}
			po := c.d.object(c.prev, nr)
			if po != nil && po.gen == o.gen && po.isStream == o.isStream && equalValue(po.v, o.v) && bytes.Equal(c.d.data(po), c.d.data(o)) {
				continue
			}
			c.changed[nr] = o
		}
	}
	for _, nr := range slices.Sorted(maps.Keys(c.objs)) {
		switch typeOf(c.objs[nr]) {
		case "ObjStm":
			c.add(Finding{Kind: KindRevObjectStream, Object: nr})
			c.explained[nr] = true
		case "XRef":
			c.add(Finding{Kind: KindRevXrefStream, Object: nr})
			c.explained[nr] = true
		}
	}
}

// danglingRefs refuses a new object whose number something already in
// the document refers to: a reference the signed revision left dangling
// (or to a freed object) would otherwise show whatever the update puts
// there, even under a name (validation data, a time-stamp) that is
// allowed.
func (c *revCheck) danglingRefs() {
	if len(c.added) == 0 {
		return
	}
	referenced := map[int]bool{}
	for nr, e := range c.prev.view {
		if e.kind == 'f' || c.changed[nr] != nil {
			continue
		}
		if o := c.d.object(c.prev, nr); o != nil {
			directRefs(o.v, referenced, 0)
		}
	}
	for _, nr := range c.sortedAdded() {
		if referenced[nr] {
			c.add(Finding{Kind: KindRevAddsObject, Object: nr, Name: typeOf(c.added[nr]), Detail: "referenced_before"})
			c.explained[nr] = true
		}
	}
}

// directRefs records the object numbers v refers to, without following
// the references.
func directRefs(v value, into map[int]bool, depth int) {
	if depth > maxDepth {
		return
	}
	switch x := v.(type) {
	case ref:
		into[x.nr] = true
	case []value:
		for _, e := range x {
			directRefs(e, into, depth+1)
		}
	case dict:
		for _, e := range x {
			directRefs(e.v, into, depth+1)
		}
	}
}

func (c *revCheck) sortedAdded() []int {
	nrs := make([]int, 0, len(c.added))
	for nr := range c.added {
		nrs = append(nrs, nr)
	}
	sort.Ints(nrs)
	return nrs
}

// signatures notes new document time-stamps (allowed) and changes to
// signature dictionaries that existed before (refused).
func (c *revCheck) signatures() {
	for _, nr := range c.sortedAdded() {
		dd, ok := c.added[nr].v.(dict)
		if !ok || !isSigDict(dd) {
			continue
		}
		if dd.name("Type") == "DocTimeStamp" || dd.name("SubFilter") == "ETSI.RFC3161" {
			c.dtsSigs[nr] = true
			c.allowed[nr] = true
			f := Finding{Kind: KindRevTimestamp, Revision: c.k + 1, Object: nr}
			for _, s := range c.v.res.Signatures {
				if s.Object == nr && s.Timestamp != nil {
					f.Subject, f.Time = subjectOf(s.Timestamp.TSA), s.Timestamp.Time
				}
			}
			c.v.allowed[c.k] = append(c.v.allowed[c.k], f)
		} else {
			// Named by the second-signature finding.
			c.explained[nr] = true
		}
	}
	for _, nr := range slices.Sorted(maps.Keys(c.changed)) {
		if po := c.d.object(c.prev, nr); po != nil {
			if dd, ok := po.v.(dict); ok && isSigDict(dd) {
				c.add(Finding{Kind: KindRevChangesSig, Object: nr})
				c.explained[nr] = true
			}
		}
	}
}

// form checks the AcroForm: only new document time-stamp fields may be
// appended to /Fields, and nothing else may change.
func (c *revCheck) form() {
	d := c.d
	pcat, ccat := d.catalog(c.prev), d.catalog(c.rev)
	pf, cf := d.dictOf(c.prev, pcat["AcroForm"].v), d.dictOf(c.rev, ccat["AcroForm"].v)
	if r, ok := ccat["AcroForm"].v.(ref); ok {
		defer func() {
			if !c.found[KindRevChangesForm] && !c.found[KindRevAddsField] {
				c.allowed[r.nr] = c.touched(r.nr)
			}
			c.explain(r.nr)
		}()
	}
	for _, key := range unionKeys(pf, cf) {
		if key == "Fields" || key == "SigFlags" {
			continue
		}
		if !equalValue(pf[key].v, cf[key].v) {
			c.add(Finding{Kind: KindRevChangesForm, Name: key})
		}
	}
	// SigFlags may only become 3 (signatures exist, append only), as a
	// time-stamping tool sets it; clearing a bit would tell a viewer the
	// document has no signatures or may be rewritten.
	pflags, cflags := d.resolve(c.prev, pf["SigFlags"].v), d.resolve(c.rev, cf["SigFlags"].v)
	if n, ok := intValue(cflags); cf["SigFlags"].v != nil && (!ok || !equalValue(pflags, cflags) && n != 3) {
		c.add(Finding{Kind: KindRevChangesForm, Name: "SigFlags"})
	}
	prevFields, curFields := d.arrayOf(c.prev, pf["Fields"].v), d.arrayOf(c.rev, cf["Fields"].v)
	if r, ok := cf["Fields"].v.(ref); ok {
		defer func() {
			if !c.found[KindRevChangesForm] && !c.found[KindRevAddsField] {
				c.allowed[r.nr] = c.touched(r.nr)
			}
			c.explain(r.nr)
		}()
	}
	if len(curFields) < len(prevFields) || !equalValue(curFields[:len(prevFields)], prevFields) {
		c.add(Finding{Kind: KindRevChangesForm, Name: "Fields"})
	} else {
		// A new field named like an existing one would be the same field
		// to a viewer (ISO 32000 12.7.4): its value would stand for the
		// inspector's signature.
		names := map[string]bool{}
		for _, x := range prevFields {
			names[text(d.dictOf(c.prev, x)["T"].v)] = true
		}
		for _, x := range curFields[len(prevFields):] {
			r, isRef := x.(ref)
			f := d.dictOf(c.rev, x)
			name := text(f["T"].v)
			fresh := !names[name]
			names[name] = true
			if isRef && c.added[r.nr] != nil && fresh && c.dtsField(f) {
				c.allowed[r.nr] = true
				c.widgets[r.nr] = true
				continue
			}
			c.add(Finding{Kind: KindRevAddsField, Name: text(f["T"].v)})
			if isRef {
				c.explain(r.nr)
			}
		}
	}
	// Fields that existed before must not change.
	seen := map[int]bool{}
	var walk func(arr []value, parent string, depth int)
	walk = func(arr []value, parent string, depth int) {
		if depth > 32 {
			return
		}
		for _, x := range arr {
			r, ok := x.(ref)
			if !ok || seen[r.nr] {
				continue
			}
			seen[r.nr] = true
			f := d.dictOf(c.prev, r)
			name := parent
			if t, ok := f["T"].v.([]byte); ok {
				if name != "" {
					name += "."
				}
				name += text(t)
			}
			if c.changed[r.nr] != nil {
				kind := KindRevChangesField
				if f.name("FT") == "Sig" {
					kind = KindRevChangesSig
				}
				c.add(Finding{Kind: kind, Name: name, Object: r.nr})
				c.explained[r.nr] = true
			}
			walk(d.arrayOf(c.prev, f["Kids"].v), name, depth+1)
		}
	}
	walk(prevFields, "", 0)
}

// dtsField reports whether f is a new document time-stamp field: a
// signature field (merged with its widget) whose /V is a new document
// time-stamp, with no kids and nothing visible (a zero-area /Rect; an
// appearance, if any, made only of new objects).
func (c *revCheck) dtsField(f dict) bool {
	if f == nil || f.name("FT") != "Sig" || f["Kids"].v != nil {
		return false
	}
	// No actions (/A, /AA run on page open), no parent, nothing else a
	// viewer acts on.
	for key := range f {
		switch key {
		case "Type", "Subtype", "FT", "T", "TU", "TM", "V", "F", "Ff", "Rect", "P", "AP", "DA", "MK", "NM", "M":
		default:
			return false
		}
	}
	if st := f.name("Subtype"); st != "" && st != "Widget" {
		return false
	}
	r, ok := f["V"].v.(ref)
	if !ok || !c.dtsSigs[r.nr] {
		return false
	}
	if f["Rect"].v != nil && !zeroArea(c.d.arrayOf(c.rev, f["Rect"].v)) {
		return false
	}
	if ap := f["AP"].v; ap != nil {
		for _, nr := range refsIn(c.d, c.rev, ap, 4) {
			if c.added[nr] == nil {
				return false
			}
			c.allowed[nr] = true
		}
	}
	return true
}

func zeroArea(rect []value) bool {
	if len(rect) != 4 {
		return false
	}
	var n [4]float64
	for i, x := range rect {
		f, ok := numValue(x)
		if !ok {
			return false
		}
		n[i] = f
	}
	return n[0] == n[2] || n[1] == n[3]
}

// page is one leaf of the page tree.
type page struct {
	nr int
	d  dict
}

// pageList walks revision r's page tree; nodes gets the object numbers of
// its inner nodes. ok is false when the tree cannot be walked.
func (d *document) pageList(r *revision) (pages []page, nodes []int, ok bool) {
	seen := map[int]bool{}
	var walk func(v value, depth int) bool
	walk = func(v value, depth int) bool {
		if depth > 64 || len(pages) > maxObjects {
			return false
		}
		nr := 0
		if rr, isRef := v.(ref); isRef {
			if seen[rr.nr] {
				return false
			}
			seen[rr.nr], nr = true, rr.nr
		}
		n := d.dictOf(r, v)
		if n == nil {
			return false
		}
		if n.name("Type") == "Page" || (n["Kids"].v == nil && n.name("Type") != "Pages") {
			pages = append(pages, page{nr, n})
			return true
		}
		if nr != 0 {
			nodes = append(nodes, nr)
		}
		for _, kid := range d.arrayOf(r, n["Kids"].v) {
			if !walk(kid, depth+1) {
				return false
			}
		}
		return true
	}
	ok = walk(d.catalog(r)["Pages"].v, 0)
	return pages, nodes, ok
}

// pages compares the page tree, each page, its content and annotations.
func (c *revCheck) pages() {
	d := c.d
	pp, pnodes, ok1 := d.pageList(c.prev)
	cp, cnodes, ok2 := d.pageList(c.rev)
	if !ok1 || !ok2 {
		c.add(Finding{Kind: KindRevChangesPages})
		return
	}
	switch {
	case len(cp) > len(pp):
		c.add(Finding{Kind: KindRevAddsPage, Page: len(pp) + 1})
	case len(cp) < len(pp):
		c.add(Finding{Kind: KindRevRemovesPage})
	}
	for i := range cp {
		c.explain(cp[i].nr)
		for _, nr := range refsIn(d, c.rev, cp[i].d["Contents"].v, 2) {
			c.explain(nr)
		}
		if i < len(pp) {
			c.page(i+1, pp[i], cp[i])
		}
	}
	for _, nr := range append(pnodes, cnodes...) {
		if c.touched(nr) && !c.explained[nr] {
			if !c.found[KindRevAddsPage] && !c.found[KindRevRemovesPage] {
				c.add(Finding{Kind: KindRevChangesPages})
			}
			c.explained[nr] = true
		}
	}
}

// page compares one page; only an appended document time-stamp widget in
// /Annots is allowed.
func (c *revCheck) page(n int, p, q page) {
	d := c.d
	before := len(c.v.res.Problems)
	if p.nr != q.nr {
		c.add(Finding{Kind: KindRevChangesPage, Page: n})
		return
	}
	if !dictExcept(p.d, q.d, "Annots") {
		if dictExcept(p.d, q.d, "Annots", "Contents") {
			c.add(Finding{Kind: KindRevChangesContent, Page: n})
		} else {
			c.add(Finding{Kind: KindRevChangesPage, Page: n})
		}
	} else {
		for _, nr := range refsIn(d, c.rev, q.d["Contents"].v, 2) {
			if c.touched(nr) {
				c.add(Finding{Kind: KindRevChangesContent, Page: n})
				break
			}
		}
	}
	pa, qa := d.arrayOf(c.prev, p.d["Annots"].v), d.arrayOf(c.rev, q.d["Annots"].v)
	if r, ok := q.d["Annots"].v.(ref); ok {
		defer func() {
			if len(c.v.res.Problems) == before {
				c.allowed[r.nr] = c.touched(r.nr)
			}
			c.explain(r.nr)
		}()
	}
	if len(qa) < len(pa) || !equalValue(qa[:len(pa)], pa) {
		c.add(Finding{Kind: KindRevChangesAnnot, Page: n})
	} else {
		for _, x := range qa[len(pa):] {
			if r, ok := x.(ref); ok && c.widgets[r.nr] {
				continue
			}
			c.add(Finding{Kind: KindRevAddsAnnot, Page: n, Name: d.dictOf(c.rev, x).name("Subtype")})
			if r, ok := x.(ref); ok {
				c.explain(r.nr)
			}
		}
	}
	for _, x := range pa {
		if r, ok := x.(ref); ok && c.changed[r.nr] != nil && !c.explained[r.nr] {
			c.add(Finding{Kind: KindRevChangesAnnot, Page: n, Object: r.nr})
			c.explained[r.nr] = true
		}
	}
	if len(c.v.res.Problems) == before && c.touched(q.nr) {
		c.allowed[q.nr] = true
	}
}

// attachment is one embedded file of the EmbeddedFiles name tree.
type attachment struct {
	spec value
	data []byte
}

// attachmentsOf reads revision r's embedded files by file name, and the
// objects that make them up.
func (d *document) attachmentsOf(r *revision) (map[string]attachment, []int) {
	out := map[string]attachment{}
	var objs []int
	names := d.dictOf(r, d.catalog(r)["Names"].v)
	if rr, ok := d.catalog(r)["Names"].v.(ref); ok {
		objs = append(objs, rr.nr)
	}
	seen := map[int]bool{}
	var walk func(v value, depth int)
	walk = func(v value, depth int) {
		if depth > 32 {
			return
		}
		if rr, ok := v.(ref); ok {
			if seen[rr.nr] {
				return
			}
			seen[rr.nr] = true
			objs = append(objs, rr.nr)
		}
		n := d.dictOf(r, v)
		arr := d.arrayOf(r, n["Names"].v)
		for i := 0; i+1 < len(arr); i += 2 {
			spec := d.dictOf(r, arr[i+1])
			objs = append(objs, refsIn(d, r, arr[i+1], 3)...)
			name := text(spec["UF"].v)
			if name == "" {
				name = text(spec["F"].v)
			}
			if name == "" {
				name = text(arr[i])
			}
			ef := d.dictOf(r, spec["EF"].v)
			var data []byte
			for _, key := range []string{"F", "UF"} {
				if rr, ok := ef[key].v.(ref); ok {
					if o := d.object(r, rr.nr); o != nil {
						data = d.data(o)
						break
					}
				}
			}
			out[name] = attachment{spec: d.resolve(r, arr[i+1]), data: data}
		}
		for _, kid := range d.arrayOf(r, n["Kids"].v) {
			walk(kid, depth+1)
		}
	}
	walk(names["EmbeddedFiles"].v, 0)
	return out, objs
}

// attachments compares the embedded files.
func (c *revCheck) attachments() {
	pa, pobjs := c.d.attachmentsOf(c.prev)
	ca, cobjs := c.d.attachmentsOf(c.rev)
	before := len(c.v.res.Problems)
	for _, name := range unionNames(pa, ca) {
		p, had := pa[name]
		q, has := ca[name]
		switch {
		case !had:
			c.add(Finding{Kind: KindRevAddsAttachment, Name: name})
		case !has:
			c.add(Finding{Kind: KindRevRemovesAttach, Name: name})
		case !bytes.Equal(p.data, q.data) || !equalValue(p.spec, q.spec):
			c.add(Finding{Kind: KindRevChangesAttach, Name: name})
		}
	}
	// Without a finding here, a changed name dictionary (a JavaScript
	// name tree, say) is left for the generic "changes object" finding.
	if len(c.v.res.Problems) > before {
		c.explain(append(pobjs, cobjs...)...)
	}
}

// catalog compares the document catalog entry by entry.
func (c *revCheck) catalog() {
	pcat, ccat := c.d.catalog(c.prev), c.d.catalog(c.rev)
	before := len(c.v.res.Problems)
	for _, key := range unionKeys(pcat, ccat) {
		if equalValue(pcat[key].v, ccat[key].v) {
			continue
		}
		switch key {
		case "Extensions":
			// Only declares the PDF extension level a DSS needs: names,
			// numbers and strings, nothing a reader could show or run.
			if !extensionsShape(c.d, c.rev, ccat[key].v) {
				c.add(Finding{Kind: KindRevChangesCatalog, Name: key})
			}
		case "DSS", "AcroForm":
			// Checked by dss and form.
		case "Pages":
			if !c.found[KindRevAddsPage] && !c.found[KindRevRemovesPage] && !c.found[KindRevChangesPages] {
				c.add(Finding{Kind: KindRevChangesCatalog, Name: key})
			}
		case "Names":
			if !c.found[KindRevAddsAttachment] && !c.found[KindRevChangesAttach] && !c.found[KindRevRemovesAttach] {
				c.add(Finding{Kind: KindRevChangesCatalog, Name: key})
			}
		default:
			c.add(Finding{Kind: KindRevChangesCatalog, Name: key})
		}
	}
	if r, ok := c.rev.trailer["Root"].v.(ref); ok && c.touched(r.nr) {
		if len(c.v.res.Problems) == before {
			c.allowed[r.nr] = true
		}
		c.explained[r.nr] = true
	}
	if ext := ccat["Extensions"].v; ext != nil && !equalValue(pcat["Extensions"].v, ext) {
		for _, nr := range refsIn(c.d, c.rev, ext, 3) {
			if c.added[nr] != nil {
				c.allowed[nr] = true
			}
		}
	}
}

// extensionsShape reports whether v is a catalog /Extensions dictionary
// of developer extensions (ISO 32000-2 7.12): each a dictionary, or an
// array of them, of Type, BaseVersion, ExtensionLevel, URL and
// ExtensionRevision with direct values.
func extensionsShape(d *document, r *revision, v value) bool {
	ext := d.dictOf(r, v)
	if ext == nil {
		return false
	}
	one := func(x value) bool {
		e, ok := d.resolve(r, x).(dict)
		if !ok {
			return false
		}
		for key, val := range e {
			switch key {
			case "Type", "BaseVersion", "ExtensionLevel", "URL", "ExtensionRevision":
			default:
				return false
			}
			switch val.v.(type) {
			case pdfName, token, []byte:
			default:
				return false
			}
		}
		return true
	}
	for key, x := range ext {
		if key == "Type" {
			continue
		}
		if arr, ok := d.resolve(r, x.v).([]value); ok {
			for _, e := range arr {
				if !one(e) {
					return false
				}
			}
		} else if !one(x.v) {
			return false
		}
	}
	return true
}

// dss allows the validation data reachable from the catalog's /DSS.
func (c *revCheck) dss() {
	pcat, ccat := c.d.catalog(c.prev), c.d.catalog(c.rev)
	cur := ccat["DSS"].v
	if cur == nil {
		if pcat["DSS"].v != nil {
			c.add(Finding{Kind: KindRevChangesCatalog, Name: "DSS"})
		}
		return
	}
	// Validation data added after signing may be updated; an object the
	// inspector signed never becomes "validation data" by being linked
	// from a DSS (two updates could otherwise swap a signed image).
	before := map[int]bool{}
	signed := c.d.revs[c.v.res.Inspector.Revision-1].view
	for _, nr := range refsIn(c.d, c.prev, pcat["DSS"].v, 6) {
		if e, ok := signed[nr]; !ok || e.kind == 'f' {
			before[nr] = true
		}
	}
	touchedDSS := false
	for _, nr := range refsIn(c.d, c.rev, cur, 6) {
		if c.added[nr] != nil || (c.changed[nr] != nil && before[nr]) {
			c.allowed[nr] = true
			touchedDSS = true
		}
	}
	if d := c.d.dictOf(c.rev, cur); d == nil {
		c.add(Finding{Kind: KindRevChangesCatalog, Name: "DSS"})
		return
	}
	if touchedDSS || !equalValue(pcat["DSS"].v, cur) {
		if bad := c.dssShape(cur); bad != "" {
			c.add(Finding{Kind: KindRevDSSBad, Name: bad})
			return
		}
		c.v.allowed[c.k] = append(c.v.allowed[c.k], Finding{Kind: KindRevDSS, Revision: c.k + 1})
	}
}

// dssShape checks that a DSS holds validation data only (ISO 32000-2
// 12.8.4.3): certificates, OCSP responses and CRLs as streams, and VRI
// entries naming them. Anything else (an action, a page, an unknown key)
// could be shown or run by some reader, so it is not validation data. It
// returns the offending key, "" when the DSS is clean.
func (c *revCheck) dssShape(v value) string {
	d := c.d
	streams := func(x value) bool {
		if x == nil {
			return true
		}
		if _, ok := d.resolve(c.rev, x).([]value); !ok {
			return false
		}
		for _, e := range d.arrayOf(c.rev, x) {
			r, ok := e.(ref)
			if !ok {
				return false
			}
			if o := d.object(c.rev, r.nr); o == nil || !o.isStream {
				return false
			}
		}
		return true
	}
	dss := d.dictOf(c.rev, v)
	for _, key := range slices.Sorted(maps.Keys(dss)) {
		switch key {
		case "Type":
			if dss.name("Type") != "DSS" {
				return key
			}
		case "Certs", "OCSPs", "CRLs":
			if !streams(dss[key].v) {
				return key
			}
		case "VRI":
			vri := d.dictOf(c.rev, dss[key].v)
			if vri == nil {
				return key
			}
			for _, h := range slices.Sorted(maps.Keys(vri)) {
				e := d.dictOf(c.rev, vri[h].v)
				if e == nil {
					return key
				}
				for _, k := range slices.Sorted(maps.Keys(e)) {
					switch k {
					case "Type":
						if e.name("Type") != "VRI" {
							return key
						}
					case "Cert", "CRL", "OCSP":
						if !streams(e[k].v) {
							return key
						}
					case "TU":
						if _, ok := d.resolve(c.rev, e[k].v).([]byte); !ok {
							return key
						}
					case "TS":
						r, ok := e[k].v.(ref)
						if o := d.object(c.rev, r.nr); !ok || o == nil || !o.isStream {
							return key
						}
					default:
						return key
					}
				}
			}
		default:
			return key
		}
	}
	return ""
}

// info refuses a changed document information dictionary.
func (c *revCheck) info() {
	if r, ok := c.rev.trailer["Info"].v.(ref); ok && c.touched(r.nr) {
		if !c.found[KindRevChangesInfo] {
			c.add(Finding{Kind: KindRevChangesInfo})
		}
		c.explained[r.nr] = true
	}
}

// refsIn lists the object numbers reachable from v in revision r, to the
// given depth of indirection.
func refsIn(d *document, r *revision, v value, depth int) []int {
	var out []int
	seen := map[int]bool{}
	var walk func(v value, level, nest int)
	walk = func(v value, level, nest int) {
		if nest > maxDepth || len(out) > 4096 {
			return
		}
		switch x := v.(type) {
		case ref:
			if seen[x.nr] || level >= depth {
				return
			}
			seen[x.nr] = true
			out = append(out, x.nr)
			if o := d.object(r, x.nr); o != nil {
				walk(o.v, level+1, nest+1)
			}
		case []value:
			for _, e := range x {
				walk(e, level, nest+1)
			}
		case dict:
			for _, e := range x {
				walk(e.v, level, nest+1)
			}
		}
	}
	walk(v, 0, 0)
	return out
}

// typeOf names an object for a finding: its /Type, else /Subtype, else
// "stream" or "".
func typeOf(o *object) string {
	if o == nil {
		return ""
	}
	if dd, ok := o.v.(dict); ok {
		if t := dd.name("Type"); t != "" {
			return t
		}
		if t := dd.name("Subtype"); t != "" {
			return t
		}
	}
	if o.isStream {
		return "stream"
	}
	return ""
}

func unionKeys(a, b dict) []string {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func unionNames(a, b map[string]attachment) []string {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

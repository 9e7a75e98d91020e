package tui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// testNow is the fixed clock of every test.
var testNow = time.Date(2026, 11, 23, 10, 22, 1, 0, time.UTC)

// testCatalog builds a synthetic catalog of n requirements over the five
// areas, as a catalog file (so it reads like one: its own language is
// English, and every requirement but 1.3 has a Spanish translation); in
// each area the last but one is a progress requirement due in year 3 and
// the last is for Ecological audits only. 1.2 is a buyer's duty, with
// references and a reconstructed basis.
func testCatalog(n int) *standards.Catalog {
	var b strings.Builder
	b.WriteString(`id = "test"
name = "Test catalog"
version = "1.0"
language = "en"
provenance = "Synthetic requirements for tests."
areas_note = "The five areas are assay's grouping, not the Standard's chapters."

[translation.es]
name = "Catálogo de prueba"
provenance = "Requisitos sintéticos para las pruebas."
areas_note = "Las cinco áreas son la agrupación de assay, no los capítulos del Estándar."
`)
	esArea := map[standards.Area]string{standards.Social: "social", standards.Economic: "económica",
		standards.Environmental: "ambiental", standards.Labour: "laboral", standards.Chemicals: "químicos"}
	per := max(n/len(standards.Areas), 3)
	for ai, ar := range standards.Areas {
		for i := range per {
			id := fmt.Sprintf("%d.%d", ai+1, i+1)
			fmt.Fprintf(&b, "\n[[requirement]]\nid = %q\narea = %q\nchapter = \"%d Chapter of %s\"\n", id, ar, ai+1, ar)
			fmt.Fprintf(&b, "title = \"Requirement %d of %s\"\n", i+1, ar)
			b.WriteString(`text = "The organisation keeps written records of what it does and shows them to the inspector on request, in full."
guidance = ["Read the records for the last twelve months.", "Interview two members about how the records are kept."]
evidence = ["document", "interview"]
`)
			switch i {
			case per - 2:
				b.WriteString("level = \"progress\"\ndue_year = 3\n")
			default:
				b.WriteString("level = \"entry\"\n")
			}
			if i == per-1 {
				b.WriteString("applies_to = \"ecological\"\n")
			}
			if id == "1.2" {
				b.WriteString(`responsible = "buyer"
references = ["ILO C182 Art. 3"]
basis = "reconstructed"
basis_note = "What it demands is assay's reading."
`)
			}
			if id == "1.3" {
				continue // left untranslated: shown in English, marked
			}
			fmt.Fprintf(&b, "\n[requirement.es]\ntitle = \"Requisito %d %s\"\n", i+1, esArea[ar])
			b.WriteString(`text = "La organización lleva registros escritos de lo que hace y los muestra completos al inspector cuando los pide."
guidance = ["Leer los registros de los últimos doce meses.", "Entrevistar a dos socios sobre cómo se llevan los registros."]
`)
		}
	}
	cat, err := standards.Parse("test.toml", []byte(b.String()))
	if err != nil {
		panic(err)
	}
	cat.Source, cat.SHA256 = standards.SourceBuiltin, "abc"
	return cat
}

func testHeader() audit.Header {
	return audit.Header{ASMO: "Cooperativa La Esperanza", Country: "Colombia", Site: "Mina El Roble",
		AuditType: audit.Initial, CertType: audit.Fairmined, StartDate: "2026-11-20", EndDate: "2026-11-23",
		LeadInspector: "Ana Torres"}
}

func testAudit(cat *standards.Catalog, id string) *audit.Audit {
	a := audit.New(cat, testHeader(), testNow)
	a.ID = id
	return a
}

// fakeStore keeps audits as JSON, so nothing the UI holds is shared with
// what was "written".
type fakeStore struct {
	mu        sync.Mutex
	cat       *standards.Catalog
	files     map[string][]byte
	broken    map[string]audit.Entry
	positions map[string]audit.Position
	openErr   error
	saveErr   error
	deriveErr error
	// storeErr, when set, is what StoreEvidence returns (a missing file).
	storeErr error
	saves    int
	closed   int
	open     map[string]bool
	deleted  []string
	restored []string
	// content gives a path's bytes, for files with the same content under
	// two names; by default a path's content is the path.
	content map[string]string
	// private holds the private names by audit id; privErr fails their
	// reads and writes.
	private map[string]audit.Private
	privErr error
}

func newFakeStore(cat *standards.Catalog, audits ...*audit.Audit) *fakeStore {
	s := &fakeStore{cat: cat, files: map[string][]byte{}, broken: map[string]audit.Entry{},
		positions: map[string]audit.Position{}, open: map[string]bool{}}
	for _, a := range audits {
		s.put(a)
	}
	return s
}

func (s *fakeStore) put(a *audit.Audit) {
	b, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	s.files[a.ID] = b
}

// saved returns the audit as last written.
func (s *fakeStore) saved(id string) *audit.Audit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var a audit.Audit
	if err := json.Unmarshal(s.files[id], &a); err != nil {
		panic(err)
	}
	return &a
}

func (s *fakeStore) List() ([]audit.Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []audit.Entry
	for id := range s.files {
		var a audit.Audit
		if err := json.Unmarshal(s.files[id], &a); err != nil {
			return nil, err
		}
		out = append(out, audit.Entry{ID: a.ID, ASMO: a.Header.ASMO, Site: a.Header.Site, AuditType: a.Header.AuditType,
			Status: a.Status, Revision: a.Revision, Percent: audit.Summarize(&a, s.cat).Total.Percent, Updated: a.Updated})
	}
	for _, e := range s.broken {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *fakeStore) Create(a *audit.Audit) (Handle, error) {
	s.mu.Lock()
	s.put(a)
	s.mu.Unlock()
	return s.Open(a.ID)
}

func (s *fakeStore) Open(id string) (Handle, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.openErr != nil {
		return nil, s.openErr
	}
	b, ok := s.files[id]
	if !ok {
		return nil, fmt.Errorf("no audit %q", id)
	}
	var a audit.Audit
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	s.open[id] = true
	return &fakeHandle{s: s, a: &a}, nil
}

func (s *fakeStore) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.files, id)
	s.deleted = append(s.deleted, id)
	return nil
}

func (s *fakeStore) RestoreBackup(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.broken, id)
	s.restored = append(s.restored, id)
	return nil
}

func (s *fakeStore) SavePosition(id string, p audit.Position) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.positions[id] = p
	return nil
}

func (s *fakeStore) LoadPosition(id string) audit.Position {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.positions[id]
}

type fakeHandle struct {
	s *fakeStore
	a *audit.Audit
}

func (h *fakeHandle) Audit() *audit.Audit { return h.a }

func (h *fakeHandle) Save(a *audit.Audit) error {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.saveErr != nil {
		return h.s.saveErr
	}
	if a == h.a {
		return errors.New("fake store: Save got the UI's own audit, not a copy")
	}
	h.s.put(a)
	h.s.saves++
	return nil
}

func (h *fakeHandle) StoreEvidence(path string) (*audit.Evidence, error) {
	content := path
	h.s.mu.Lock()
	if err := h.s.storeErr; err != nil {
		h.s.mu.Unlock()
		return nil, err
	}
	if c, ok := h.s.content[path]; ok {
		content = c // two paths, one content: one file, as the store sees it
	}
	h.s.mu.Unlock()
	sum := sha256.Sum256([]byte(content))
	return &audit.Evidence{SHA256: hex.EncodeToString(sum[:]), Name: filepath.Base(path), Size: 10}, nil
}

func (h *fakeHandle) DeriveEvidence(ev audit.Evidence) (string, error) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.deriveErr != nil {
		return "", h.s.deriveErr
	}
	return ev.SHA256 + ".report.jpg", nil
}

func (h *fakeHandle) AttachEvidence(a *audit.Audit, ev audit.Evidence, reqIDs ...string) (*audit.Evidence, error) {
	cur, ok := a.EvidenceBySHA(ev.SHA256)
	if !ok {
		a.Evidence = append(a.Evidence, ev)
		cur = &a.Evidence[len(a.Evidence)-1]
	} else if !slices.Contains(cur.Names(), ev.Name) {
		cur.Aliases = append(cur.Aliases, ev.Name) // as audit's Handle does
	}

	for _, id := range reqIDs {
		cur.Requirements = append(cur.Requirements, id)
		f := a.Finding(id)
		f.Evidence = append(f.Evidence, ev.SHA256)
	}
	return cur, nil
}

func (h *fakeHandle) DetachEvidence(a *audit.Audit, sha, reqID string) error {
	f := a.Finding(reqID)
	f.Evidence = slices.DeleteFunc(f.Evidence, func(s string) bool { return s == sha })
	return nil
}

// LoadPrivate returns the private names saved through the fake.
func (h *fakeHandle) LoadPrivate() (audit.Private, error) {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.privErr != nil {
		return audit.Private{}, h.s.privErr
	}
	return h.s.private[h.a.ID].Clone(), nil
}

// SavePrivate keeps a copy of the private names, apart from the audit.
func (h *fakeHandle) SavePrivate(p audit.Private) error {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	if h.s.privErr != nil {
		return h.s.privErr
	}
	if h.s.private == nil {
		h.s.private = map[string]audit.Private{}
	}
	h.s.private[h.a.ID] = p.Clone()
	return nil
}

func (h *fakeHandle) Close() error {
	h.s.mu.Lock()
	defer h.s.mu.Unlock()
	h.s.closed++
	delete(h.s.open, h.a.ID)
	return nil
}

// fakeExporter records exports.
type fakeExporter struct {
	mu    sync.Mutex
	calls []string
	reqs  []ExportRequest
}

func (x *fakeExporter) Export(_ Handle, id string, req ExportRequest) (string, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.calls = append(x.calls, fmt.Sprintf("%s draft=%v", id, req.Draft))
	x.reqs = append(x.reqs, req)
	return "/home/ana/assay/audits/" + id + "/exports/report-rev1.pdf", nil
}

// fakeKeys is a home's signing identity: none until Create.
type fakeKeys struct {
	mu      sync.Mutex
	info    *KeyInfo
	created []string // "name|email|org" of each Create
	err     error    // what Create fails with, if anything
	// statusErr is what Status fails with (a key file others can read).
	statusErr error
}

func (k *fakeKeys) Status() (*KeyInfo, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.info, k.statusErr
}

func (k *fakeKeys) Create(name, email, org string) (*KeyInfo, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.created = append(k.created, name+"|"+email+"|"+org)
	if k.err != nil {
		return nil, k.err
	}
	if err := identity.CheckSubject(name, email); err != nil {
		return nil, err
	}
	k.info = &KeyInfo{Name: name, Subject: "CN=" + name, Issuer: "CN=" + name, SelfSigned: true,
		NotBefore: testNow, NotAfter: testNow.AddDate(3, 0, 0), Fingerprint: "AB:CD:EF", KeyFile: "/home/ana/assay/identity/key.pem"}
	return k.info, nil
}

// signer is the finalize's signing key lookup on these keys: none until
// one is made.
func (k *fakeKeys) signer() (*audit.Signer, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.info == nil {
		return nil, audit.ErrNoSigner
	}
	return &audit.Signer{Subject: k.info.Subject, Fingerprint: k.info.Fingerprint}, nil
}

// timerMsg is a timer the test fires when it chooses.

type timerMsg struct{ msg tea.Msg }

// driver runs the model as the program would, synchronously: it feeds
// every command's message back, and holds timers until fire.
//
// Unless told otherwise it has a signing key (testSigner).
type driver struct {
	t      testing.TB
	m      Model
	timers []tea.Msg
	quit   bool
	// lastFirst runs a batch's commands last to first: the runtime runs
	// them concurrently, so their messages may arrive in any order.
	lastFirst bool
}

func newDriver(t testing.TB, d Deps, w, h int) *driver {
	t.Helper()
	if d.Now == nil {
		d.Now = func() time.Time { return testNow }
	}
	if d.SigningKey == nil {
		d.SigningKey = func() (*audit.Signer, error) { return testSigner, nil }
	}
	m := New(d)
	m.c.timer = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return timerMsg{msg} } }
	dr := &driver{t: t, m: m}
	dr.send(tea.WindowSizeMsg{Width: w, Height: h})
	dr.run(m.Init())
	return dr
}

func (d *driver) send(msg tea.Msg) {
	nm, cmd := d.m.Update(msg)
	d.m = nm.(Model)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(2 * time.Second):
		return // a blink or other long-running command: not part of the test
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		if d.lastFirst {
			for i := len(msg) - 1; i >= 0; i-- {
				d.run(msg[i])
			}
			break
		}
		for _, c := range msg {
			d.run(c)
		}
	case timerMsg:
		d.timers = append(d.timers, msg.msg)

	case tea.QuitMsg:
		d.quit = true
	default:
		if cmds, ok := sequenceCmds(msg); ok {
			// tea.Sequence: one after the other, in order, whatever
			// lastFirst says.
			for _, c := range cmds {
				d.run(c)
			}
			return
		}
		d.send(msg)
	}
}

// sequenceCmds are the commands of tea.Sequence's message (its type is
// unexported: recognised by its shape and name).
func sequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Name() != "sequenceMsg" || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// fire delivers every pending timer.
func (d *driver) fire() {
	ts := d.timers
	d.timers = nil
	for _, m := range ts {
		d.send(m)
	}
}

// typeText types s one character at a time.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (d *driver) press(t tea.KeyType) { d.send(tea.KeyMsg{Type: t}) }

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

func catalogs(cs ...*standards.Catalog) *standards.Set { return standards.NewSet(cs...) }

// testSigner is the certificate the tests' signing key has.
var testSigner = &audit.Signer{Subject: "CN=Ana María Gómez", Fingerprint: "AA:BB"}

// builtinFairmined is the built-in Fairmined catalog, as new audits get it.
func builtinFairmined(t testing.TB) *standards.Catalog {
	t.Helper()
	for _, c := range standards.Builtin() {
		if c.ID == standards.DefaultID {
			return c
		}
	}
	t.Fatal("no built-in Fairmined catalog")
	return nil
}

package tui

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// placeholderRE finds the values a message's text leaves to the program.
var placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)

// uiFragments are the literal pieces of every message of lang: the words
// the UI itself says, between the values it fills in.
func uiFragments(t *testing.T, lang string) []string {
	t.Helper()
	m := builtinMessages()
	var out []string
	for _, id := range m.IDs() {
		for _, text := range m.Forms(lang, id) {
			for _, line := range strings.Split(text, "\n") {
				for _, f := range placeholderRE.Split(line, -1) {
					if f = strings.TrimSpace(f); len([]rune(f)) >= 3 {
						out = append(out, f)
					}
				}
			}
		}
	}
	if len(out) < 200 {
		t.Fatalf("only %d fragments in the %s messages", len(out), lang)
	}
	return out
}

// cutWords returns the UI words of fragments cut in the middle in view:
// text ending in "…" right after a letter, where the letters before it are
// the start of a fragment cut between two letters. Data (an ASMO's name, a
// catalog title) may be cut: the UI's own words may not.
func cutWords(view string, fragments []string) []string {
	var cuts []string
	for _, line := range strings.Split(view, "\n") {
		for i := strings.Index(line, "…"); i >= 0; {
			before := []rune(line[:i])
			if len(before) > 0 && unicode.IsLetter(before[len(before)-1]) {
				for _, f := range fragments {
					fr := []rune(f)
					for k := 3; k < len(fr); k++ {
						if unicode.IsLetter(fr[k-1]) && unicode.IsLetter(fr[k]) && strings.HasSuffix(string(before), string(fr[:k])) {
							cuts = append(cuts, string(fr[:k])+"… (of “"+f+"”)")
						}
					}
				}
			}
			next := strings.Index(line[i+len("…"):], "…")
			if next < 0 {
				break
			}
			i += len("…") + next
		}
	}
	return cuts
}

// checkFits fails t for a view that is not exactly w x h cells, or that
// cuts a word of the UI's own.
func checkFits(t *testing.T, name, view string, w, h int, fragments []string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("%s: line %d is %d cells wide, over %d: %q", name, i+1, lw, w, l)
		}
	}
	for _, c := range cutWords(view, fragments) {
		t.Errorf("%s: the UI's words are cut: %s\n%s", name, c, view)
	}
}

// TestSpanishFitsAt80Columns: every screen, and the longest status lines
// (questions, refusals, errors), in Spanish at 80x24 stay within the
// terminal and never cut a word of the UI's own mid-word. Spanish runs
// about a fifth longer than English.
func TestSpanishFitsAt80Columns(t *testing.T) {
	frags := uiFragments(t, "es")
	for _, sc := range goldenScreens {
		st := goldenStore()
		d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}, Lang: "es"}, 80, 24)
		sc.keys(d)
		checkFits(t, sc.name, d.view(), 80, 24, frags)
	}
	states := map[string]func(d *driver){
		"created": func(d *driver) {
			d.typeText("n")
			d.typeText("Cooperativa Multiactiva de Mineros Artesanales del Bajo Cauca")
			for range 2 {
				d.press(tea.KeyTab)
			}
			d.typeText("Colombia")
			for range 3 {
				d.press(tea.KeyTab)
			}
			d.typeText("Mina La Esperanza")
			for range 7 {
				d.press(tea.KeyTab)
			}
			d.typeText("Ana Torres")
			d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
		},
		"finalize blocked": func(d *driver) {
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("sf")
		},
		"no signing key": func(d *driver) {
			d.m.c.deps.SigningKey = func() (*audit.Signer, error) { return nil, audit.ErrNoSigner }
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("sA")
			d.typeText("revisión")
			d.press(tea.KeyEnter)
			completeAudit(d.m.s.a)
			d.typeText("f")
			d.typeText("y")
		},
		"confirm delete": func(d *driver) {
			d.typeText("jjd")
		},
		"confirm finalize": func(d *driver) {
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("sA")
			d.typeText("revisión")
			d.press(tea.KeyEnter)
			completeAudit(d.m.s.a)
			d.typeText("f")
		},
		"search none": func(d *driver) {
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("/zzzz")
		},
		"discard": func(d *driver) {
			d.typeText("n")
			d.typeText("Cooperativa")
			d.press(tea.KeyEsc)
		},
		"key form from finalize": func(d *driver) {
			k := &fakeKeys{}
			d.m.c.deps.Keys, d.m.c.deps.SigningKey = k, k.signer
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("sA")
			d.typeText("revisión")
			d.press(tea.KeyEnter)
			completeAudit(d.m.s.a)
			d.typeText("fy")
			d.press(tea.KeyTab)
			d.typeText("ana(at)example.org")
			d.send(tea.KeyMsg{Type: tea.KeyCtrlS})
		},
		"key described": func(d *driver) {
			k := &fakeKeys{}
			k.Create("Ana María Restrepo Gómez", "ana@example.org", "Auditores Andinos SAS")
			d.m.c.deps.Keys = k
			d.typeText("K")
		},
		"walk widened": func(d *driver) {
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("w")
		},
		"due date": func(d *driver) {
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.press(tea.KeyTab)
			d.press(tea.KeyTab)
		},
		"read-only key": func(d *driver) {
			d.typeText("j")
			d.press(tea.KeyEnter)
			d.typeText("c")
		},
		"unknown key": func(d *driver) {
			d.typeText("jj")
			d.press(tea.KeyEnter)
			d.typeText("z")
		},
	}

	for name, keys := range states {
		st := goldenStore()
		d := newDriver(t, Deps{Store: st, Catalogs: catalogs(st.cat), Exporter: &fakeExporter{}, Lang: "es"}, 80, 24)
		keys(d)
		checkFits(t, name, d.view(), 80, 24, frags)
	}
}

// TestCutWordsFindsACut: the check above can fail.
func TestCutWordsFindsACut(t *testing.T) {
	frags := []string{"— informativos: no exigibles —"}
	if got := cutWords("  — informativos: no exig…  │", frags); len(got) == 0 {
		t.Error("a heading cut mid-word was not found")
	}
	if got := cutWords("  Quebrada Ho… · vigilancia", frags); len(got) != 0 {
		t.Errorf("data cut counted as the UI's words: %v", got)
	}
}

// TestThirdLanguageIsFilesOnly: a Portuguese file in the home's locales
// folder gives a Portuguese screen, and the language key offers it; what
// the file lacks is English.
func TestThirdLanguageIsFilesOnly(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "locales")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pt := `language_name = "português"
screen_home = "auditorias"
no_audits = "Ainda não há auditorias. Tecle n para começar uma."
key_new_audit = "nova auditoria"
`
	if err := os.WriteFile(filepath.Join(dir, "tui.pt.toml"), []byte(pt), 0o644); err != nil {
		t.Fatal(err)
	}
	msgs, errs := LoadMessages(home)
	if len(errs) > 0 {
		t.Fatalf("loading the Portuguese file: %v", errs)
	}
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Messages: msgs, Lang: "pt-BR"}, 80, 24)
	v := d.view()
	for _, want := range []string{"assay · auditorias", "Ainda não há auditorias", "n nova auditoria", "? help"} {
		if !strings.Contains(v, want) {
			t.Errorf("Portuguese screen lacks %q:\n%s", want, v)
		}
	}
	if got := msgs.Languages(); !slices.Contains(got, "pt") {
		t.Errorf("languages = %v, want pt among them", got)
	}
	// L goes on from Portuguese to the first language again.
	d.typeText("L")
	if v := d.view(); !strings.Contains(v, "No audits yet") {
		t.Errorf("L after Portuguese did not go round to English:\n%s", v)
	}
}

// TestLanguageKeySwitchesLiveAndIsRemembered: L on the home puts the very
// next frame in the other language and writes the choice to the home's
// state file; in the help of the walk it does the same, catalog text and
// field prompts included.
func TestLanguageKeySwitchesLiveAndIsRemembered(t *testing.T) {
	home := t.TempDir()
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Home: home}, 80, 24)
	if v := d.view(); !strings.Contains(v, "assay · audits") || !strings.Contains(v, "L language") {
		t.Fatalf("home not in English, or no language key:\n%s", v)
	}
	d.typeText("L")
	v := d.view()
	for _, want := range []string{"assay · auditorías", "avance · estado", "L idioma", "idioma: español"} {
		if !strings.Contains(v, want) {
			t.Errorf("after L the home lacks %q:\n%s", want, v)
		}
	}
	if s, err := LoadState(home); err != nil || s.Language != "es" {
		t.Errorf("remembered language = %q, %v; want es", s.Language, err)
	}
	data, _ := os.ReadFile(filepath.Join(home, StateFile))
	if !strings.Contains(string(data), `language = "es"`) {
		t.Errorf("state file:\n%s", data)
	}
	left, _ := filepath.Glob(filepath.Join(home, ".*tmp*"))
	if len(left) > 0 {
		t.Errorf("temp files left in the home: %v", left)
	}

	// In the walk, L works from the help and words everything anew.
	d.press(tea.KeyEnter)
	d.typeText("j")
	if v := d.view(); !strings.Contains(v, "Requisito 2 social") || !strings.Contains(v, "Veredicto:") {
		t.Fatalf("walk not in Spanish:\n%s", v)
	}
	// L works in the walk too, as on every screen; and from the help.
	d.typeText("L")
	if !strings.Contains(d.view(), "language: English") {
		t.Fatal("L did not switch the language in the walk")
	}
	d.typeText("L?L")
	v = d.view()

	for _, want := range []string{"assay · walk", "Requirement 2 of social", "Verdict:", "language: English"} {
		if !strings.Contains(v, want) {
			t.Errorf("after ? L the walk lacks %q:\n%s", want, v)
		}
	}
	d.typeText("?m")
	d.press(tea.KeyEnter)
	d.press(tea.KeyTab)
	if v := d.view(); !strings.Contains(v, "› Corrective action") {

		t.Errorf("the corrective action's prompt is not in English after the switch:\n%s", v)
	}
	if s, _ := LoadState(home); s.Language != "en" {
		t.Errorf("remembered language = %q, want en", s.Language)
	}
}

// TestLanguageKeyIsNotTyped: in a text field L is a letter, never the
// language key.
func TestLanguageKeyIsNotTyped(t *testing.T) {
	cat := testCatalog(30)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat)}, 80, 24)
	d.typeText("nLa Libertad")
	if v := d.view(); !strings.Contains(v, "La Libertad") || strings.Contains(v, "idioma") {
		t.Errorf("L in the form switched the language or was lost:\n%s", v)
	}
}

// TestResolveLanguagePrecedence: --lang, then the remembered choice, then
// config.toml, then the environment, then English.
func TestResolveLanguagePrecedence(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	es := env(map[string]string{"LANG": "es_CO.UTF-8"})
	for _, c := range []struct {
		flag, remembered, config string
		getenv                   func(string) string
		want                     string
	}{
		{"en", "es", "es", es, "en"},
		{"", "en", "es", es, "en"},
		{"", "", "en", es, "en"},
		{"", "", "", es, "es-CO"},
		{"", "", "", env(map[string]string{"LC_ALL": "C", "LANG": "es_CO.UTF-8"}), "en"},
		{"", "xx-!!", "", es, "es-CO"},
		{"", "", "", nil, "en"},
	} {
		if got := ResolveLanguage(c.flag, c.remembered, c.config, c.getenv); got != c.want {
			t.Errorf("ResolveLanguage(%q, %q, %q) = %q, want %q", c.flag, c.remembered, c.config, got, c.want)
		}
	}
}

// TestStateFileOddOrBroken: a broken state file is reported and ignored;
// a folder in its place is refused, not read.
func TestStateFileOddOrBroken(t *testing.T) {
	home := t.TempDir()
	if s, err := LoadState(home); err != nil || s.Language != "" {
		t.Fatalf("no file: %+v, %v", s, err)
	}
	os.WriteFile(filepath.Join(home, StateFile), []byte("language = [1, 2"), 0o644)
	if s, err := LoadState(home); err == nil || s.Language != "" {
		t.Errorf("broken file: %+v, %v; want an error and nothing remembered", s, err)
	}
	if err := SaveState(home, State{Language: "es"}); err != nil {
		t.Fatal(err)
	}
	if s, err := LoadState(home); err != nil || s.Language != "es" {
		t.Errorf("rewritten: %+v, %v", s, err)
	}
	odd := t.TempDir()
	os.Mkdir(filepath.Join(odd, StateFile), 0o755)
	if _, err := LoadState(odd); err == nil {
		t.Error("a folder named ui-state.toml was read")
	}
}

// TestSearchForgivesAccentsAndCase: "regalias", "REGALÍAS" and "regalías"
// find the same requirements of the built-in Fairmined catalog (its
// royalties requirement among them), in the English UI and the Spanish
// one; the English word finds it from the Spanish UI; and notes are
// searched the same way.
func TestSearchForgivesAccentsAndCase(t *testing.T) {
	cat := builtinFairmined(t)
	a := audit.New(cat, testHeader(), testNow)
	a.ID = "a1"
	a.Finding("1.1.1").Notes = "Las pallaqueras del turno de noche no figuran en el cuaderno de producción."
	for _, lang := range []string{"en", "es"} {
		st := newFakeStore(cat, a)
		d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: lang}, 100, 30)
		d.press(tea.KeyEnter)
		search := func(q string) []string {
			d.typeText("/")
			d.typeText(q)
			var ids []string
			for _, r := range d.m.walk.results {
				ids = append(ids, r.ID)
			}
			d.press(tea.KeyEsc)
			return ids
		}
		plain := search("regalias")
		if !slices.Contains(plain, "1.3.5") {
			t.Fatalf("%s: regalias found %v, not the royalties requirement 1.3.5", lang, plain)
		}
		for _, q := range []string{"REGALÍAS", "regalías", "Regalías"} {
			if got := search(q); !slices.Equal(got, plain) {
				t.Errorf("%s: %q found %v, regalias found %v", lang, q, got, plain)
			}
		}
		if got := search("royalties"); !slices.Contains(got, "1.3.5") {
			t.Errorf("%s: royalties found %v", lang, got)
		}
		if got := search("PALLAQUERAS produccion CUADERNO"); !slices.Equal(got, []string{"1.1.1"}) {
			t.Errorf("%s: a word of the notes found %v, want [1.1.1]", lang, got)
		}
		// The catalog's folded text was made once, for the first search.
		folded := d.m.c.cats.searchText(cat)
		search("mercurio")
		if again := d.m.c.cats.searchText(cat); &again[0] != &folded[0] {
			t.Errorf("%s: the catalog's text was folded again for another search", lang)
		}
	}
}

// TestWalkShowsCatalogTextInTheUILanguage: the requirement's title, text
// and guidance in Spanish; an untranslated one in English marked [en];
// and who must meet it, its references and its reconstructed basis.
func TestWalkShowsCatalogTextInTheUILanguage(t *testing.T) {
	cat := testCatalog(30)
	st := newFakeStore(cat, testAudit(cat, "a1"))
	d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Lang: "es"}, 100, 40)
	d.press(tea.KeyEnter)
	d.typeText("j")
	v := d.view()
	for _, want := range []string{"Requisito 2 social", "La organización lleva registros", "Leer los registros",
		"1.3 [en] Requirement 3 of", "[en] 1 Chapter of social · de entrada†"} {
		if !strings.Contains(v, want) {
			t.Errorf("walk lacks %q:\n%s", want, v)
		}
	}
	// The rest of the pane, below the fold.
	r := d.m.walk.current()
	detail := flat(strings.Join(d.m.walk.detailLines(r, audit.Applies), "\n"))
	for _, want := range []string{"Evidencia esperada: documento, entrevista",
		"Quién debe cumplirlo: obligación del comprador (se verifica en la OMAPE)", "Referencias: [en] ILO C182 Art. 3",
		"† Reconstruido, no confirmado: [en] What it demands is assay's reading."} {
		if !strings.Contains(detail, want) {
			t.Errorf("the requirement's pane lacks %q:\n%s", want, detail)
		}
	}
	d.typeText("j")
	if v := d.view(); !strings.Contains(v, "[en] Requirement 3 of social") || !strings.Contains(v, "[en] The organisation keeps") {
		t.Errorf("an untranslated requirement is not marked:\n%s", v)
	}
	d.typeText("km")
	d.typeText("s")
	if v := d.view(); !strings.Contains(flat(v), "1.2 Requisito 2 social — NC menor — obligación del comprador") {
		t.Errorf("the register does not say whose duty it is:\n%s", v)
	}
	if !strings.Contains(flat(strings.Join(d.m.summary.lines, "\n")), "Áreas: Las cinco áreas son la agrupación de assay") {
		t.Errorf("the summary does not end with the areas note:\n%s", strings.Join(d.m.summary.lines, "\n"))
	}
}

// TestExportDialogChoosesTheReportLanguage: the report's language is the
// config's report_language, else the UI's; ←/→ change it; the export asks
// for it, and for the UI's language for its own messages.
func TestExportDialogChoosesTheReportLanguage(t *testing.T) {
	cat := testCatalog(30)
	for _, c := range []struct {
		ui, config string
		keys       []tea.KeyType
		want       string
	}{
		{"es", "", nil, "es"},
		{"es-CO", "", nil, "es"},
		{"es", "en", nil, "en"},
		{"en", "", nil, "en"},
		{"es", "", []tea.KeyType{tea.KeyRight}, "en"},
		{"en", "", []tea.KeyType{tea.KeyLeft}, "es"},
	} {
		x := &fakeExporter{}
		st := newFakeStore(cat, testAudit(cat, "a1"))
		d := newDriver(t, Deps{Store: st, Catalogs: catalogs(cat), Exporter: x, Lang: c.ui,
			Config: audit.Config{ReportLanguage: c.config}, ReportLanguages: []string{"en", "es"}}, 80, 24)
		d.press(tea.KeyEnter)
		d.typeText("sx")
		for _, k := range c.keys {
			d.press(k)
		}
		// Named in the UI's language, with its own name where that differs.
		name := map[string]string{"en": "‹ English ›", "es": "‹ Spanish (español) ›"}[c.want]
		if strings.HasPrefix(c.ui, "es") {
			name = map[string]string{"en": "‹ inglés (English) ›", "es": "‹ español ›"}[c.want]
		}
		if v := d.view(); !strings.Contains(v, name) {
			t.Errorf("ui %s config %q: the dialog does not show %s:\n%s", c.ui, c.config, name, v)
		}
		d.press(tea.KeyEnter)
		if len(x.reqs) != 1 || x.reqs[0].Lang != c.want || !x.reqs[0].Draft || x.reqs[0].UILang != d.m.c.w.lang {
			t.Errorf("ui %s config %q keys %v: export requests %+v, want one draft in %s", c.ui, c.config, c.keys, x.reqs, c.want)
		}
	}
	// esc closes the dialog without exporting.
	x := &fakeExporter{}
	d := newDriver(t, Deps{Store: newFakeStore(cat, testAudit(cat, "a1")), Catalogs: catalogs(cat), Exporter: x}, 80, 24)
	d.press(tea.KeyEnter)
	d.typeText("sx")
	d.press(tea.KeyEsc)
	if len(x.reqs) != 0 || d.m.summary.export.open {
		t.Errorf("esc exported or left the dialog open: %+v", x.reqs)
	}
}

// TestSpanishWordsEveryDomainKind: each outcome, reason, blocker and
// problem has Spanish words of its own, filled in, and no English left
// from the UI's messages.
func TestSpanishWordsEveryDomainKind(t *testing.T) {
	cat := testCatalog(10)
	es := newWords(builtinMessages(), "es")
	en := newWords(builtinMessages(), "en")
	id := &standards.Identity{ID: "test", Version: "1.0"}
	check := func(kind, got, english string) {
		t.Helper()
		if got == "" || got == kind || got == english || strings.Contains(got, "{{") || strings.Contains(got, "<no value>") {
			t.Errorf("%s is worded %q in Spanish (English %q)", kind, got, english)
		}
	}
	for _, o := range audit.Outcomes {
		check(string(o), es.outcomeText(o), en.outcomeText(o))
	}
	for _, k := range audit.ReasonKinds {
		r := audit.Reason{Kind: k, Requirement: "1.1", Severity: audit.Minor, DueDate: "2027-01-01", Open: 2, Applicable: 5,
			OpenByArea: []audit.AreaCount{{Area: standards.Social, Count: 2}}, Requirements: []string{"1.2"}}
		check(string(k), es.reasonText(r, cat), en.reasonText(r, cat))
	}
	for _, k := range audit.BlockerKinds {
		b := audit.Blocker{Kind: k, Requirement: "1.1", Area: standards.Social, Requirements: []string{"1.1", "1.2", "1.3", "1.4"},
			Severity: audit.Major, Verdict: "observation", DueDate: "soon", Revision: 2, Index: 1, Name: "a.jpg", SHA256: "x",
			Catalog: id, Given: id, Problem: &audit.FieldError{Field: "asmo", Kind: audit.ProblemRequired}}
		check(string(k), es.blockerText(b, cat), en.blockerText(b, cat))
	}
	for _, k := range audit.ProblemKinds {
		fe := audit.FieldError{Field: "interviews[1].women", Kind: k, Value: "x", Known: []string{"a"}}
		check(string(k), es.problemText(fe), en.problemText(fe))
	}
	// Dates in prose are the language's; plurals follow CLDR.
	r := audit.Reason{Kind: audit.ReasonMinor, Requirement: "1.1", DueDate: "2027-02-18"}
	if got := es.reasonText(r, cat); !strings.Contains(got, "18 de febrero de 2027") {
		t.Errorf("Spanish due date in prose: %q", got)
	}
	if got := en.reasonText(r, cat); !strings.Contains(got, "18 February 2027") {
		t.Errorf("English due date in prose: %q", got)
	}
	one := audit.Reason{Kind: audit.ReasonInformative, Requirements: []string{"1.5"}}
	two := audit.Reason{Kind: audit.ReasonInformative, Requirements: []string{"1.5", "2.5"}}
	if got := es.reasonText(one, cat); !strings.HasPrefix(got, "1 no conformidad en un requisito") {
		t.Errorf("Spanish singular: %q", got)
	}
	if got := es.reasonText(two, cat); !strings.HasPrefix(got, "2 no conformidades en requisitos") {
		t.Errorf("Spanish plural: %q", got)
	}
	if got := en.reasonText(one, cat); !strings.HasPrefix(got, "1 non-conformity on a progress requirement") {
		t.Errorf("English singular: %q", got)
	}
	if got := es.size(1536); got != "1,5 KB" {
		t.Errorf("Spanish size = %q, want 1,5 KB", got)
	}
	if got := en.size(1536); got != "1.5 KB" {
		t.Errorf("English size = %q, want 1.5 KB", got)
	}
}

// TestErrorsAreWordedFromTheirFields: the refusals and failures an
// inspector meets (a lock held elsewhere, a file to attach that is not
// there or too big, a full disk, a certificate that cannot sign) are said
// in the UI's language from the error's fields, not in the error's English.
func TestErrorsAreWordedFromTheirFields(t *testing.T) {
	es := newWords(builtinMessages(), "es")
	full := &audit.SaveError{ID: "a1", Path: "/h/audits/a1/audit.json", Problem: audit.WriteDiskFull,
		Err: &os.PathError{Op: "write", Path: "/h/audits/a1/audit.json", Err: errNoSpace}}
	for err, want := range map[error]string{
		&audit.LockedError{ID: "a1", PID: 4242}:                                                          "esta auditoría está abierta en otro assay (proceso 4242): ciérrela allí primero",
		&audit.EvidenceError{Kind: audit.EvidenceMissing, Path: "/fotos/acta.jpg"}:                       "/fotos/acta.jpg no existe",
		&audit.EvidenceError{Kind: audit.EvidenceTooBig, Path: "/v.mp4", Size: 3 << 30, Limit: 50 << 20}: "/v.mp4 pesa 3,0 GB, más que el límite de 50,0 MB por archivo de evidencia",
		&audit.EvidenceError{Kind: audit.EvidenceNotCopied, Path: "/f.jpg", Err: full}:                   "no se puede copiar /f.jpg a la auditoría: disco lleno — /h/audits/a1/audit.json: no space left",
		full: "disco lleno — /h/audits/a1/audit.json: no space left",
	} {
		if got := es.errorText(err); got != want {
			t.Errorf("%T worded %q, want %q", err, got, want)
		}
	}
	if got := es.saveErrorDetail(full); got != "/h/audits/a1/audit.json: no space left" {
		t.Errorf("save error detail = %q", got)
	}
}

// errNoSpace stands for the system's error: its words are the system's.
var errNoSpace = errors.New("no space left")

// The empty home's invitation and the new-audit form's catalog name are
// longer in Spanish than a line of 80 columns: they wrap, they are not cut.
func TestSpanishLongLinesWrapOnHomeAndNewForm(t *testing.T) {
	cat := builtinFairmined(t)
	d := newDriver(t, Deps{Store: newFakeStore(cat), Catalogs: catalogs(cat), Lang: "es"}, 80, 24)
	v := d.view()
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "para ver un ejemplo completo.") {
		t.Errorf("empty home's invitation cut:\n%s", v)
	}
	d.typeText("n")
	v = strings.Join(strings.Fields(d.view()), " ")
	if name := cat.In("es").Name; !strings.Contains(v, name) {
		t.Errorf("catalog name %q not whole on the new-audit form:\n%s", name, d.view())
	}
}

// The home's key line says a key-file problem in Spanish and whole, ending
// with the command that fixes it (it was cut at 80 columns, in English).
func TestKeyStatusErrorIsSpanishAndWhole(t *testing.T) {
	cat := testCatalog(30)
	keys := &fakeKeys{statusErr: &identity.KeyModeError{Path: "/home/ana/.local/share/assay/identity/key.pem", Mode: 0o644}}
	d := newDriver(t, Deps{Store: newFakeStore(cat, testAudit(cat, "a1")), Catalogs: catalogs(cat), Lang: "es", Keys: keys}, 80, 24)
	v := strings.Join(strings.Fields(d.view()), " ")
	if !strings.Contains(v, "otros pueden leer la clave (modo 0644)") || !strings.Contains(v, "chmod 600 /home/ana/.local/share/assay/identity/key.pem") {
		t.Errorf("key status error not Spanish and whole:\n%s", d.view())
	}
	if !strings.Contains(d.view(), "Cooperativa") {
		t.Errorf("the audit is no longer listed under a two-line key status:\n%s", d.view())
	}
}

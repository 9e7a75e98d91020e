package standards

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// bilingual is a catalog with translations written each way TOML allows:
// a [requirement.es] table after the requirement, dotted keys, an inline
// table, a third language (pt-BR) and a partial one.
const bilingual = `id = "bi"
version = "1"
name = "Bilingual test catalog"
language = "en"
provenance = "Written for the tests."
areas_note = "Five areas."

[translation.es]
name = "Catálogo bilingüe de prueba"
provenance = "Escrito para las pruebas."
areas_note = "Cinco áreas."

[translation.pt-BR]
name = "Catálogo bilíngue de teste"

[[requirement]]
id = "A"
area = "social"
title = "Royalties paid"
text = "Taxes and royalties are paid."
guidance = ["Check the receipts.", "Ask the treasurer."]
level = "entry"

[requirement.es]
title = "Regalías pagadas"
text = "Los impuestos y las regalías están pagados."
guidance = ["Revise los recibos.", "Pregunte al tesorero."]

[requirement.pt-BR]
title = "Royalties pagos"

[[requirement]]
id = "B"
area = "labour"
title = "No child labour"
text = "Nobody under 18 does hazardous work."
guidance = ["Observe the sites."]
level = "entry"
es.title = "Sin trabajo infantil"
es.text = "Nadie menor de 18 años hace trabajo peligroso."

[[requirement]]
id = "C"
area = "chemicals"
title = "Mercury stored"
text = "Mercury is locked away."
level = "entry"
es = {title = "Mercurio almacenado", text = "El mercurio está bajo llave."}

[[requirement]]
id = "D"
area = "economic"
title = "Premium paid"
text = "The premium is paid."
guidance = ["Reconcile the premium."]
level = "entry"
`

func parseBilingual(t *testing.T) *Catalog {
	t.Helper()
	c, err := Parse("bi.toml", []byte(bilingual))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRequirementIn checks what a Spanish-speaking inspector sees: the
// Spanish fields where they exist, the catalog's own language where they
// do not, and which is which so the screen can mark it.
func TestRequirementIn(t *testing.T) {
	c := parseBilingual(t)
	a, _ := c.Requirement("A")
	es := a.In("es")
	if es.Title != "Regalías pagadas" || es.Text != "Los impuestos y las regalías están pagados." ||
		strings.Join(es.Guidance, "|") != "Revise los recibos.|Pregunte al tesorero." || es.Fallback ||
		es.Lang != "es" || es.TitleLang != "es" || es.TextLang != "es" || es.GuidanceLang != "es" {
		t.Errorf("A in es: %+v", es)
	}
	// A region of the language gets the language; case does not matter.
	if got := a.In("ES-co"); got.Title != "Regalías pagadas" || got.Lang != "es-CO" || got.Fallback {
		t.Errorf("A in es-CO: %+v", got)
	}
	// The catalog's own language, no language or a bad tag: as written.
	for _, lang := range []string{"en", "en-GB", "", "not a tag"} {
		if got := a.In(lang); got.Title != "Royalties paid" || got.Fallback || got.TitleLang != "en" {
			t.Errorf("A in %q: %+v", lang, got)
		}
	}
	// Partial pt-BR: title translated, the rest in English and marked.
	pt := a.In("pt-BR")
	if pt.Title != "Royalties pagos" || pt.TitleLang != "pt-BR" || pt.Text != "Taxes and royalties are paid." ||
		pt.TextLang != "en" || pt.GuidanceLang != "en" || !pt.Fallback {
		t.Errorf("A in pt-BR: %+v", pt)
	}
	if got := a.In("pt"); got.Title != "Royalties pagos" || got.Lang != "pt" {
		t.Errorf("A in pt (only pt-BR given): %+v", got)
	}
	// No translation at all in that language.
	if fr := a.In("fr"); fr.Title != "Royalties paid" || !fr.Fallback || fr.Lang != "fr" || fr.TitleLang != "en" {
		t.Errorf("A in fr: %+v", fr)
	}
	// Dotted keys and inline tables are translations too.
	b, _ := c.Requirement("B")
	if got := b.In("es"); got.Title != "Sin trabajo infantil" || got.GuidanceLang != "en" || got.Guidance[0] != "Observe the sites." || !got.Fallback {
		t.Errorf("B in es: %+v", got)
	}
	cc, _ := c.Requirement("C")
	if got := cc.In("es"); got.Title != "Mercurio almacenado" || got.Fallback || len(got.Guidance) != 0 {
		t.Errorf("C in es (no guidance to translate): %+v", got)
	}
	if got := c.Languages(); !slices.Equal(got, []string{"es", "pt-BR"}) {
		t.Errorf("Languages() = %v", got)
	}
}

func TestCatalogIn(t *testing.T) {
	c := parseBilingual(t)
	es := c.In("es")
	if es.Name != "Catálogo bilingüe de prueba" || es.Provenance != "Escrito para las pruebas." || es.AreasNote != "Cinco áreas." ||
		es.NameLang != "es" || es.Fallback {
		t.Errorf("catalog in es: %+v", es)
	}
	pt := c.In("pt-BR")
	if pt.Name != "Catálogo bilíngue de teste" || pt.Provenance != "Written for the tests." || pt.ProvenanceLang != "en" || !pt.Fallback {
		t.Errorf("catalog in pt-BR: %+v", pt)
	}
	if en := c.In("en"); en.Name != "Bilingual test catalog" || en.Fallback {
		t.Errorf("catalog in en: %+v", en)
	}
}

// TestMissingTranslations checks what `standards validate --lang` reports:
// each requirement lacking a field, where to add it, and nothing for what
// the catalog itself does not have.
func TestMissingTranslations(t *testing.T) {
	c := parseBilingual(t)
	var got []string
	for _, p := range c.MissingTranslations("es") {
		got = append(got, p.Error())
	}
	want := []string{
		"bi.toml:39: requirement B: missing-translation lang=es fields=guidance",
		"bi.toml:50: requirement D: missing-translation lang=es fields=title,text,guidance",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("es:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, p := range c.MissingTranslations("pt-BR") {
		got = append(got, p.Error())
	}
	want = []string{
		"bi.toml:13: missing-translation lang=pt-BR fields=provenance,areas_note",
		"bi.toml:29: requirement A: missing-translation lang=pt-BR fields=text,guidance",
		"bi.toml:32: requirement B: missing-translation lang=pt-BR fields=title,text,guidance",
	}
	if strings.Join(got[:3], "\n") != strings.Join(want, "\n") || len(got) != 5 {
		t.Errorf("pt-BR:\n%s\nwant first:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ps := c.MissingTranslations("en"); ps != nil {
		t.Errorf("own language: %v", ps)
	}
	// A catalog without any translation table points at its name line.
	plain, _ := Parse("p.toml", []byte(userCatalog("p", "1", "T")))
	if ps := plain.MissingTranslations("es"); len(ps) != 2 || ps[0].Line != 3 || ps[0].Requirement != "" || ps[1].Line != 5 {
		t.Errorf("plain catalog: %v", ps)
	}
}

// TestThirdLanguageIsFileContent checks that a language the program has
// never heard of works like Spanish: the file is all it takes.
func TestThirdLanguageIsFileContent(t *testing.T) {
	src := strings.Replace(bilingual, "[requirement.pt-BR]\n", "[requirement.fr]\ntitle = \"Redevances payées\"\ntext = \"Les impôts et redevances sont payés.\"\nguidance = [\"Vérifier les reçus.\", \"Interroger le trésorier.\"]\n\n[requirement.pt-BR]\n", 1)
	c, err := Parse("fr.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Requirement("A")
	if fr := a.In("fr"); fr.Title != "Redevances payées" || fr.Fallback {
		t.Errorf("A in fr: %+v", fr)
	}
}

// TestBuiltinSpanish: every built-in requirement has a Spanish title, text
// and guidance, and each catalog a Spanish name, provenance and areas note,
// so a Spanish-speaking inspector never meets an untranslated requirement.
func TestBuiltinSpanish(t *testing.T) {
	for _, c := range Builtin() {
		if c.Superseded() {
			continue // frozen: audits recorded their digest
		}
		for _, p := range c.MissingTranslations("es") {
			t.Errorf("%s", p.Error())
		}
	}
}

// TestSupersededBorrowsTranslations checks that an audit made with an
// earlier edition reads in Spanish wherever the text did not change, and
// stays in its own language where it did.
func TestSupersededBorrowsTranslations(t *testing.T) {
	cur := parseBilingual(t)
	// The earlier edition: no translations, and C's text differs.
	old, err := Parse("old.toml", []byte(`id = "bi"
version = "0"
name = "Bilingual test catalog"
language = "en"
provenance = "The earlier edition."

[[requirement]]
id = "A"
area = "social"
title = "Royalties paid"
text = "Taxes and royalties are paid."
guidance = ["Check the receipts.", "Ask the treasurer."]
level = "entry"

[[requirement]]
id = "C"
area = "chemicals"
title = "Mercury stored"
text = "Mercury is stored."
level = "entry"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Languages()) != 0 {
		t.Fatalf("the old edition should have no translations of its own: %v", old.Languages())
	}
	borrowTranslations(old, cur)
	a, _ := old.Requirement("A")
	if got := a.In("es"); got.Title != "Regalías pagadas" || got.Fallback {
		t.Errorf("unchanged A in es: %+v", got)
	}
	c, _ := old.Requirement("C")
	if got := c.In("es"); got.Title != "Mercury stored" || !got.Fallback {
		t.Errorf("changed C borrowed a translation of other text: %+v", got)
	}
	if got := old.In("es"); got.Name != "Catálogo bilingüe de prueba" || got.Provenance != "The earlier edition." || !got.Fallback {
		t.Errorf("old catalog in es: %+v", got)
	}
}

// chaptered is a catalog whose chapter headings and basis notes are
// translated: headings once, in [translation.es.chapters], notes per
// requirement.
const chaptered = `id = "ch"
version = "1"
name = "Chapters"
language = "en"

[translation.es]
name = "Capítulos"

[translation.es.chapters]
"1.1 Application" = "1.1 Aplicación"
"9.9 Nowhere" = "9.9 En ninguna parte"

[[requirement]]
id = "A"
area = "social"
chapter = "1.1 Application"
title = "Applies"
text = "It applies."
level = "entry"
basis = "reconstructed"
basis_note = "Our reading."

[requirement.es]
title = "Se aplica"
text = "Se aplica."
basis_note = "Nuestra lectura."

[[requirement]]
id = "B"
area = "social"
chapter = "1.1 Application"
title = "Also applies"
text = "It also applies."
level = "entry"
basis = "reconstructed"
basis_note = "Our reading too."

[requirement.es]
title = "También se aplica"
text = "También se aplica."

[[requirement]]
id = "C"
area = "labour"
chapter = "3.2 Child labour"
title = "No child labour"
text = "None."
level = "entry"

[requirement.es]
title = "Sin trabajo infantil"
text = "Ninguno."
basis_note = "Sin base."
`

// TestChapterAndBasisNoteTranslations: a heading is translated once for
// every requirement in its chapter, a basis note per requirement; what is
// missing is reported once where it is written, and a translation of
// something the catalog lacks is an error with its line.
func TestChapterAndBasisNoteTranslations(t *testing.T) {
	_, err := Parse("ch.toml", []byte(chaptered))
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	var got []string
	for _, p := range *ps {
		got = append(got, p.Error())
	}
	want := []string{
		`ch.toml:11: nothing-to-translate key=translation.es.chapters value="9.9 Nowhere" lang=es`,
		"ch.toml:53: requirement C: nothing-to-translate key=es.basis_note lang=es",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	fixed := strings.Replace(strings.Replace(chaptered, "\"9.9 Nowhere\" = \"9.9 En ninguna parte\"\n", "", 1), "basis_note = \"Sin base.\"\n", "", 1)
	c, err := Parse("ch.toml", []byte(fixed))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Requirement("A")
	if es := a.In("es"); es.Chapter != "1.1 Aplicación" || es.ChapterLang != "es" || es.BasisNote != "Nuestra lectura." || es.BasisNoteLang != "es" || es.Fallback {
		t.Errorf("A in es: %+v", es)
	}
	if en := a.In("en"); en.Chapter != "1.1 Application" || en.BasisNote != "Our reading." || en.Fallback {
		t.Errorf("A in en: %+v", en)
	}
	b, _ := c.Requirement("B")
	if es := b.In("es"); es.Chapter != "1.1 Aplicación" || es.BasisNote != "Our reading too." || es.BasisNoteLang != "en" || !es.Fallback {
		t.Errorf("B in es (note untranslated): %+v", es)
	}
	cc, _ := c.Requirement("C")
	if es := cc.In("es"); es.Chapter != "3.2 Child labour" || es.ChapterLang != "en" || !es.Fallback || es.BasisNote != "" {
		t.Errorf("C in es (chapter untranslated): %+v", es)
	}
	got = nil
	for _, p := range c.MissingTranslations("es") {
		got = append(got, p.Error())
	}
	want = []string{
		"ch.toml:37: requirement B: missing-translation lang=es fields=basis_note",
		`ch.toml:44: missing-translation value="3.2 Child labour" lang=es fields=chapters`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("missing:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// An earlier edition with the same headings borrows them.
	old, err := Parse("old.toml", []byte("id = \"ch\"\nversion = \"0\"\nlanguage = \"en\"\n\n[[requirement]]\nid = \"Z\"\narea = \"social\"\nchapter = \"1.1 Application\"\ntitle = \"Old\"\ntext = \"Old.\"\nlevel = \"entry\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	borrowTranslations(old, c)
	z, _ := old.Requirement("Z")
	if es := z.In("es"); es.Chapter != "1.1 Aplicación" {
		t.Errorf("the earlier edition did not borrow the heading: %+v", es)
	}
}

// TestChaptersMustBeATable: chapters in a translation is a table of
// headings; anything else is reported at its line.
func TestChaptersMustBeATable(t *testing.T) {
	src := "id = \"x\"\nversion = \"1\"\n\n[translation.es]\nchapters = \"1.1 Aplicación\"\n\n[[requirement]]\nid = \"A\"\narea = \"social\"\ntitle = \"T\"\ntext = \"T.\"\nlevel = \"entry\"\n"
	_, err := Parse("x.toml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "x.toml:5: wrong-type key=translation.es.chapters") {
		t.Errorf("got %v", err)
	}
}

// TestReferencesTranslated: a translation's references replace the list,
// as people of that language cite the sources; without them the catalog's
// own are shown, marked, and validate --lang lists them as missing.
func TestReferencesTranslated(t *testing.T) {
	src := `id = "r"
version = "1"
language = "en"

[[requirement]]
id = "A"
area = "labour"
title = "No forced labour"
text = "None."
level = "entry"
references = ["ILO C29 Art. 2(1)"]

[requirement.es]
title = "Sin trabajo forzoso"
text = "Ninguno."
references = ["Convenio 29 de la OIT, art. 2(1)"]

[[requirement]]
id = "B"
area = "labour"
title = "No debt bondage"
text = "None."
level = "entry"
references = ["UN Supplementary Convention (1956)"]

[requirement.es]
title = "Sin servidumbre por deudas"
text = "Ninguna."
`
	c, err := Parse("r.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.Requirement("A")
	if es := a.In("es"); strings.Join(es.References, "|") != "Convenio 29 de la OIT, art. 2(1)" || es.ReferencesLang != "es" || es.Fallback {
		t.Errorf("A in es: %+v", es)
	}
	b, _ := c.Requirement("B")
	if es := b.In("es"); es.References[0] != "UN Supplementary Convention (1956)" || es.ReferencesLang != "en" || !es.Fallback {
		t.Errorf("B in es: %+v", es)
	}
	ps := c.MissingTranslations("es")
	if len(ps) != 1 || ps[0].Requirement != "B" || strings.Join(ps[0].Fields, ",") != FieldReferences || ps[0].Line != 26 {
		t.Errorf("missing: %v", ps)
	}
}

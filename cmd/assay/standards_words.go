package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/standards"
)

// problemWords is how one language words the catalog problems the
// standards package reports as typed values. Templates name the problem's
// fields in braces ({Key}, {Value}, ...), so moving them into message
// files is a matter of copying.
//
// A template is looked up by kind with a variant first ("kind/variant"),
// then by kind alone; see variant for the variants.
type problemWords struct {
	// Layouts: {File}, {Line}, {Requirement}, {Text}.
	layoutLineReq, layoutLine, layoutReq, layout string
	kinds                                        map[string]string
	// nouns name what an unknown value was meant to be, by key.
	nouns map[string]string
	// want and found name TOML types: what a key needs, what the file has.
	want, found map[standards.ValueType]string
	// listSep joins lists (allowed values, fields).
	listSep string
}

// Placeholders a template may use:
//
//	{Key} {QKey}        the key, plain and quoted
//	{Value} {Raw}       the value found, quoted and plain
//	{Allowed} {Fields}  lists, joined
//	{Item} {Number}     numbers
//	{Want} {Found}      type names
//	{Rune}              the control character, as U+001B
//	{Noun}              what the key names ("evidence kind")
//	{Lang} {Catalog} {Version} {Path} {File} {Message}

// problemWordsEN keeps the words catalog authors have always read.
var problemWordsEN = problemWords{
	layoutLineReq: "{File}:{Line}: requirement {Requirement}: {Text}",
	layoutLine:    "{File}:{Line}: {Text}",
	layoutReq:     "{File}: requirement {Requirement}: {Text}",
	layout:        "{File}: {Text}",
	kinds: map[string]string{
		"":                             "{Message}",
		"empty-file":                   "the file is empty: a catalog needs id, version and [[requirement]] tables",
		"syntax":                       "TOML syntax error: {Message}",
		"catalog-key-missing":          "catalog {Key} is missing: add {Key} = \"...\" at the top of the file",
		"no-requirements":              "the catalog has no requirements: add [[requirement]] tables",
		"not-tables":                   "requirement must be written as [[requirement]] tables, not {Found}",
		"bad-ident":                    "{Key} {Value} must not contain spaces or control characters",
		"unknown-key":                  "unknown key {QKey} (known keys: {Allowed})",
		"wrong-type":                   "{Key} must be {Want}, not {Found}",
		"wrong-item-type":              "{Key} item {Item} must be a string, not {Found}",
		"control-char":                 "{Key} contains the control character {Rune} (an escape sequence or invisible byte): remove it",
		"control-char/item":            "{Key} item {Item} contains the control character {Rune} (an escape sequence or invisible byte): remove it",
		"field-missing":                "requirement has no {Key}",
		"field-empty":                  "{Key} is empty",
		"empty-item":                   "{Key} item {Item} is empty",
		"duplicate-id":                 "duplicate requirement id {Value} (first used at line {Number})",
		"duplicate-id/noline":          "duplicate requirement id {Value}",
		"unknown-value":                "unknown {Noun} {Value} (known: {Allowed})",
		"area-not-listed":              "area {Value} is not in the catalog's areas list ({Allowed})",
		"listed-twice/areas":           "area {Value} is listed twice in areas",
		"listed-twice/evidence":        "evidence kind {Value} is listed twice",
		"listed-twice/language":        "translation {Value} is given twice (language tags ignore case)",
		"progress-no-year":             "progress requirement needs due_year: the number of years after certification (at least 1)",
		"due-year-range":               "due_year must be between 1 and {Number}, not {Raw}",
		"entry-with-year":              "due_year is only for progress requirements; this one is entry",
		"reconstructed-no-note":        "basis \"reconstructed\" needs a basis_note saying what is reconstructed and why",
		"note-without-basis":           "basis_note explains a basis: add basis = \"confirmed\" or \"reconstructed\"",
		"bad-language":                 "[requirement.{Key}] is not a translation: name a translation table by its language tag, such as [requirement.es] or [requirement.pt-BR]",
		"bad-language/catalog":         "[{Key}] is not a translation: name it by its language tag, such as [translation.es]",
		"own-language":                 "[requirement.{Lang}] translates into the catalog's own language ({Lang}): remove it",
		"own-language/catalog":         "[translation.{Lang}] translates into the catalog's own language ({Lang}): remove it",
		"missing-translation":          "no {Lang} translation of {Fields}: add to [requirement.{Lang}]",
		"missing-translation/catalog":  "no {Lang} translation of the catalog's {Fields}: add to [translation.{Lang}]",
		"duplicate-catalog":            "duplicate catalog {Catalog} version {Version}: already loaded from {Path}",
		"skipped":                      "catalog not loaded; check it with: assay standards validate {File}",
		"cannot-read-dir":              "cannot list catalog files: {Message}",
		"not-regular":                  "not a regular file (a device, pipe or folder): skipped",
		"too-big":                      "the file is over {Number} MB: not a catalog",
		"cannot-read":                  "cannot read the file: {Message}",
		"nothing-to-translate":         "[requirement.{Key}] translates a basis_note the requirement does not have: add basis_note to the requirement, or remove this one",
		"nothing-to-translate/chapter": "[{Key}] translates the chapter {Value}, which no requirement has (misspelt, or renamed): correct or remove it",
		"missing-translation/chapter":  "no {Lang} translation of the chapter {Value}: add it to [translation.{Lang}.chapters]",
	},
	nouns: map[string]string{
		"area": "area", "areas": "area", "level": "level", "evidence": "evidence kind",
		"applies_to": "applies_to", "responsible": "responsible", "basis": "basis",
	},
	want: map[standards.ValueType]string{
		standards.TypeString: "a string (in quotes)", standards.TypeStrings: "an array of strings",
		standards.TypeInt: "a whole number", standards.TypeBool: "true or false",
		standards.TypeTables: "[[requirement]] tables", standards.TypeTable: "a table",
	},
	found: map[standards.ValueType]string{
		standards.TypeString: "a string", standards.TypeInt: "a whole number", standards.TypeFloat: "a decimal number",
		standards.TypeBool: "true/false", standards.TypeDate: "a date/time", standards.TypeArray: "an array",
		standards.TypeTable: "a table", standards.TypeOther: "another type",
	},
	listSep: ", ",
}

// problemWordsES says the same in Spanish. Keys, values and TOML stay as
// written in the file: they are what the author must type.
var problemWordsES = problemWords{
	layoutLineReq: "{File}:{Line}: requisito {Requirement}: {Text}",
	layoutLine:    "{File}:{Line}: {Text}",
	layoutReq:     "{File}: requisito {Requirement}: {Text}",
	layout:        "{File}: {Text}",
	kinds: map[string]string{
		"":                             "{Message}",
		"empty-file":                   "el archivo está vacío: un catálogo necesita id, version y tablas [[requirement]]",
		"syntax":                       "error de sintaxis TOML: {Message}",
		"catalog-key-missing":          "falta {Key} del catálogo: añada {Key} = \"...\" al principio del archivo",
		"no-requirements":              "el catálogo no tiene requisitos: añada tablas [[requirement]]",
		"not-tables":                   "requirement debe escribirse como tablas [[requirement]], no como {Found}",
		"bad-ident":                    "{Key} {Value} no puede contener espacios ni caracteres de control",
		"unknown-key":                  "clave desconocida {QKey} (claves válidas: {Allowed})",
		"wrong-type":                   "{Key} debe ser {Want}, no {Found}",
		"wrong-item-type":              "el elemento {Item} de {Key} debe ser un texto, no {Found}",
		"control-char":                 "{Key} contiene el carácter de control {Rune} (una secuencia de escape o un byte invisible): quítelo",
		"control-char/item":            "el elemento {Item} de {Key} contiene el carácter de control {Rune} (una secuencia de escape o un byte invisible): quítelo",
		"field-missing":                "al requisito le falta {Key}",
		"field-empty":                  "{Key} está vacío",
		"empty-item":                   "el elemento {Item} de {Key} está vacío",
		"duplicate-id":                 "id de requisito repetido {Value} (usado por primera vez en la línea {Number})",
		"duplicate-id/noline":          "id de requisito repetido {Value}",
		"unknown-value":                "{Noun} desconocido {Value} (valores válidos: {Allowed})",
		"area-not-listed":              "el área {Value} no está en la lista areas del catálogo ({Allowed})",
		"listed-twice/areas":           "el área {Value} aparece dos veces en areas",
		"listed-twice/evidence":        "el tipo de evidencia {Value} aparece dos veces",
		"listed-twice/language":        "la traducción {Value} aparece dos veces (las etiquetas de idioma no distinguen mayúsculas)",
		"progress-no-year":             "un requisito de progreso necesita due_year: el número de años después de la certificación (al menos 1)",
		"due-year-range":               "due_year debe estar entre 1 y {Number}, no {Raw}",
		"entry-with-year":              "due_year es solo para requisitos de progreso; este es de entrada",
		"reconstructed-no-note":        "basis \"reconstructed\" necesita una basis_note que diga qué se reconstruyó y por qué",
		"note-without-basis":           "basis_note explica una base: añada basis = \"confirmed\" o \"reconstructed\"",
		"bad-language":                 "[requirement.{Key}] no es una traducción: nombre cada tabla de traducción con su etiqueta de idioma, como [requirement.es] o [requirement.pt-BR]",
		"bad-language/catalog":         "[{Key}] no es una traducción: nómbrela con su etiqueta de idioma, como [translation.es]",
		"own-language":                 "[requirement.{Lang}] traduce al idioma propio del catálogo ({Lang}): quítela",
		"own-language/catalog":         "[translation.{Lang}] traduce al idioma propio del catálogo ({Lang}): quítela",
		"missing-translation":          "falta la traducción al {Lang} de {Fields}: añádala en [requirement.{Lang}]",
		"missing-translation/catalog":  "falta la traducción al {Lang} de {Fields} del catálogo: añádala en [translation.{Lang}]",
		"duplicate-catalog":            "catálogo repetido {Catalog} versión {Version}: ya cargado desde {Path}",
		"skipped":                      "catálogo no cargado; revíselo con: assay standards validate {File}",
		"cannot-read-dir":              "no se pueden listar los archivos de catálogo: {Message}",
		"not-regular":                  "no es un archivo normal (es un dispositivo, una tubería o una carpeta): se omite",
		"too-big":                      "el archivo pasa de {Number} MB: no es un catálogo",
		"cannot-read":                  "no se puede leer el archivo: {Message}",
		"nothing-to-translate":         "[requirement.{Key}] traduce una basis_note que el requisito no tiene: añada basis_note al requisito o quite esta",
		"nothing-to-translate/chapter": "[{Key}] traduce el capítulo {Value}, que ningún requisito tiene (mal escrito o renombrado): corríjalo o quítelo",
		"missing-translation/chapter":  "falta la traducción al {Lang} del capítulo {Value}: añádala en [translation.{Lang}.chapters]",
	},
	nouns: map[string]string{
		"area": "área", "areas": "área", "level": "nivel (level)", "evidence": "tipo de evidencia",
		"applies_to": "valor de applies_to", "responsible": "responsable (responsible)", "basis": "valor de basis",
	},
	want: map[standards.ValueType]string{
		standards.TypeString: "un texto (entre comillas)", standards.TypeStrings: "una lista de textos",
		standards.TypeInt: "un número entero", standards.TypeBool: "true o false",
		standards.TypeTables: "tablas [[requirement]]", standards.TypeTable: "una tabla",
	},
	found: map[standards.ValueType]string{
		standards.TypeString: "un texto", standards.TypeInt: "un número entero", standards.TypeFloat: "un número decimal",
		standards.TypeBool: "true/false", standards.TypeDate: "una fecha/hora", standards.TypeArray: "una lista",
		standards.TypeTable: "una tabla", standards.TypeOther: "otro tipo",
	},
	listSep: ", ",
}

// variant picks the template variant a problem needs, "" for none.
func variant(p standards.Problem) string {
	switch p.Kind {
	case standards.KindControlChar:
		if p.Item > 0 {
			return "item"
		}
	case standards.KindDuplicateID:
		if p.Number == 0 {
			return "noline"
		}
	case standards.KindListedTwice:
		return p.Key
	case standards.KindNothingToTranslate:
		if p.Value != "" {
			return "chapter"
		}
	case standards.KindMissingTranslation:
		if p.Value != "" {
			return "chapter"
		}
		if p.Requirement == "" {
			return "catalog"
		}
	case standards.KindBadLanguage, standards.KindOwnLanguage:
		if p.Requirement == "" {
			return "catalog"
		}
	}
	return ""
}

// template returns the words for p's kind, or "" when the table lacks them.
func (w *problemWords) template(p standards.Problem) string {
	if v := variant(p); v != "" {
		if s, ok := w.kinds[string(p.Kind)+"/"+v]; ok {
			return s
		}
	}
	return w.kinds[string(p.Kind)]
}

// describe words a problem the way compilers print errors, so editors can
// jump to it: "FILE:LINE: requirement ID: what is wrong".
func (w *problemWords) describe(p standards.Problem) string {
	tmpl := w.template(p)
	if tmpl == "" {
		return p.Error() // a kind newer than this table: still located
	}
	noun := w.nouns[p.Key]
	if noun == "" {
		noun = p.Key
	}
	text := strings.NewReplacer(
		"{Key}", p.Key, "{QKey}", strconv.Quote(p.Key),
		"{Value}", strconv.Quote(p.Value), "{Raw}", p.Value,
		"{Allowed}", strings.Join(p.Allowed, w.listSep), "{Fields}", strings.Join(p.Fields, w.listSep),
		"{Item}", strconv.Itoa(p.Item), "{Number}", strconv.Itoa(p.Number),
		"{Want}", w.want[p.Want], "{Found}", w.found[p.Found],
		"{Rune}", fmt.Sprintf("%U", p.Rune), "{Noun}", noun,
		"{Lang}", p.Lang, "{Catalog}", p.Catalog, "{Version}", p.Version, "{Path}", p.Path,
		"{File}", p.File, "{Message}", p.Message,
	).Replace(tmpl)
	layout := w.layout
	switch {
	case p.Line > 0 && p.Requirement != "":
		layout = w.layoutLineReq
	case p.Line > 0:
		layout = w.layoutLine
	case p.Requirement != "":
		layout = w.layoutReq
	}
	return strings.NewReplacer("{File}", p.File, "{Line}", strconv.Itoa(p.Line),
		"{Requirement}", p.Requirement, "{Text}", text).Replace(layout)
}

// describeError words a catalog problem, or gives any other error's text.
func describeError(w *problemWords, err error) string {
	if p, ok := err.(standards.Problem); ok {
		return w.describe(p)
	}
	return err.Error()
}

package audit

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/standards"
)

// demoPhotos are the demo audit's evidence photographs (copies of
// testdata/photos: the binary cannot read testdata at run time).
//
//go:embed demodata/*.jpg
var demoPhotos embed.FS

// demoNote is one finding note in Spanish (the working language on site)
// followed by its English version for the certification body.
type demoNote struct{ es, en string }

// String is the note as stored: Spanish first, then English.
func (n demoNote) String() string { return n.es + "\n\n" + n.en }

// demoNC is a scripted non-conformity of the demo.
type demoNC struct {
	verdict          Verdict
	notes            demoNote
	corrective       string
	dueDaysAfterEnd  int // 0: the policy's default
	preferredReqID   string
	preferredAreaFor standards.Area // fallback area when the preferred id is unusable
}

// demoNCs: three minors on non-critical requirements and one major, so the
// computed recommendation is "not recommended" because of the major.
var demoNCs = []demoNC{
	{Minor, demoNote{
		"El padrón de mineros no incluye a 6 pallaqueras que trabajan en la cancha. Una pallaquera confirmó que selecciona mineral desde 2023 y no figura en el registro [I-07]; el grupo de pallaqueras lo confirma [I-08].",
		"The miner register omits 6 women mineral selectors working at the dump. A mineral selector confirmed she has selected ore since 2023 and is not on the register [I-07]; the group of selectors confirms it [I-08]."},
		"Actualizar el padrón con todas las pallaqueras y presentarlo en la próxima asamblea.", 0, "1.2.2", standards.Social},
	{Minor, demoNote{
		"Falta señalización de peligro en la entrada del almacén de reactivos de la planta.",
		"No hazard signs at the entrance of the plant's reagent store."},
		"Instalar señales de peligro (mercurio, corrosivos) en la entrada del almacén y en la planta.", 60, "2.1.18", standards.Chemicals},
	{Minor, demoNote{
		"El registro de accidentes no tiene la investigación del accidente del 14 de agosto (mano atrapada en el molino); el operario lo relató [I-09].",
		"The accident register lacks the investigation of the 14 August accident (hand caught in the mill); the mill operator described it [I-09]."},
		"Investigar el accidente del 14 de agosto, registrar causas y medidas, y capacitar a los operarios del molino.", 0, "3.8.8", standards.Labour},
	{Major, demoNote{
		"No existe inventario de mercurio: las compras de 2025 (18 kg según facturas) no se pueden conciliar con el stock (4 kg) ni con el uso por lote; el encargado del almacén no lleva registro de salidas [I-11].",
		"There is no mercury inventory: 2025 purchases (18 kg per invoices) cannot be reconciled with stock (4 kg) or use per batch; the storekeeper keeps no record of what leaves the store [I-11]."},
		"Implantar un inventario de mercurio (compras, existencias y uso por lote, firmado semanalmente) y conciliar 2025 antes de la auditoría de seguimiento.", 0, "2.1.6", standards.Chemicals},
}

// demoNA are requirements the demo marks not applicable, with why.
var demoNA = map[string]string{
	"1.3.10": "No hay comunidades indígenas ni afrodescendientes en el área de influencia (certificación del Ministerio del Interior, 2024). / No indigenous or Afro-descendant communities in the area of influence (Ministry of the Interior certificate, 2024).",
	"2.1.13": "La cooperativa no compra ni guarda cianuro: beneficio por gravimetría y amalgamación de concentrados (facturas y almacén revisados). / The cooperative buys and stores no cyanide: gravity processing and amalgamation of concentrates (invoices and store checked).",
	"2.1.14": "Sin lixiviación con cianuro en el SPF. / No cyanide leaching in the FSP.",
	"2.1.15": "Sin efluentes de cianuro: no hay lixiviación en el SPF. / No cyanide effluent: there is no leaching in the FSP.",
	"2.1.16": "Sin cianuro en el SPF (verificado en compras y almacén). / No cyanide in the FSP (checked in purchases and stores).",
	"4.3.2":  "Solo se vende oro; la plata no se recupera ni se comercializa. / Only gold is sold; silver is neither recovered nor traded.",
	"4.4.3":  "Solo oro en el alcance del certificado. / Only gold is in the certificate's scope.",
}

// demoPhotoLinks: embedded photo, name as imported, caption, requirements,
// the day it was taken (relative to the audit's first day; its EXIF date is
// set to it, as the demo's dates follow today's), and the inspector's
// justification of the plausibility mark a photo taken then gets.
var demoPhotoLinks = []struct {
	file, name, caption string
	reqs                []string
	day                 int
	justification       string
}{
	{"bocamina-orientation6.jpg", "bocamina-nivel2.jpg", "Bocamina Nivel 2: sostenimiento en madera y rieles / Level 2 adit: timber support and rails", []string{"3.8.5", "3.8.4"},
		1, ""},
	{"almacen-mercurio.jpg", "almacen-mercurio.jpg", "Almacén de mercurio con candado y bandeja antiderrames / Locked mercury store with spill tray", []string{"2.1.5", "2.1.6"},
		-6, "Tomada en la visita de preparación, seis días antes de la auditoría; el día 3 se verificó que el almacén sigue igual (candado, rótulos, bandeja). / Taken at the preparatory visit six days before the audit; on day 3 the store was checked to be unchanged (lock, labels, tray)."},
}

// demoPhotoDate is the EXIF capture date the embedded photos carry
// (DateTimeOriginal, "YYYY:MM:DD "), rewritten in place to the demo's own.
const demoPhotoDate = "2026:11:18 "

// CreateDemo makes a complete, realistic sample audit of cat, an annual
// surveillance audit of a Colombian cooperative in its first certified
// year, so a newcomer sees the whole flow at once: the audit plan and
// scope, every applicable requirement assessed with a note about that
// requirement, three minor and one major non-conformity, an interview
// register of fourteen interviews (their names in the private folder), a
// sampling plan with its actual sample, the closing meeting with the
// auditee's acknowledgement, and two photographs as evidence. It is saved
// as a draft ready to finalize and its id returned.
func CreateDemo(s *Store, cat *standards.Catalog, now time.Time) (string, error) {
	if s == nil || cat == nil {
		return "", errors.New("demo: no store or no catalog")
	}
	day := func(d int) time.Time {
		y, m, dd := now.AddDate(0, 0, d).Date()
		return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	}
	start, end := day(-8), day(-5)
	h := demoHeader(start, end)
	a := New(cat, h, now)
	a.Created = day(-8).Add(7 * time.Hour)

	ncs := pickDemoNCs(cat, h)
	assessed := start.Add(9 * time.Hour)
	for i := range cat.Requirements {
		r := &cat.Requirements[i]
		if ApplicabilityOf(r, h) != Applies {
			continue
		}
		f := a.Finding(r.ID)
		f.Updated = assessed.Add(time.Duration(i) * 11 * time.Minute)
		if nc, ok := ncs[r.ID]; ok {
			f.Verdict = nc.verdict
			f.Notes = nc.notes.String()
			f.CorrectiveAction = nc.corrective
			if nc.dueDaysAfterEnd > 0 {
				f.DueDate = end.AddDate(0, 0, nc.dueDaysAfterEnd).Format(DateLayout)
			}
			continue
		}
		if why, ok := demoNA[r.ID]; ok && !r.Critical {
			f.Verdict = NA
			f.Justification = why
			continue
		}
		f.Verdict = Conforms
		note, ok := demoNotesByReq[r.ID]
		if !ok || cat.ID != standards.DefaultID || cat.Version != demoNotesEdition || cat.Source != standards.SourceBuiltin {
			// Another catalog's (or edition's) requirement of the same id
			// may ask something else: only the generic note surely fits.
			note = demoGenericNote
		}
		f.Notes = note.String()
	}
	// A citation of an interview the register lacks would block finalizing:
	// drop any (none with the built-in catalog).
	for _, dc := range DanglingCitations(a, cat) {
		f := a.Findings[dc.Requirement]
		f.Notes = strings.ReplaceAll(f.Notes, "["+dc.Pseudonym+"]", "")
	}

	hd, err := s.Create(a)
	if err != nil {
		return "", err
	}
	defer hd.Close()
	var priv Private
	for p, c := range demoContacts {
		priv.Set(p, c)
	}
	if err := hd.SavePrivate(priv); err != nil {
		return "", err
	}
	if err := importDemoPhotos(hd, a, cat, start); err != nil {
		return "", err
	}
	if err := hd.Save(a); err != nil {
		return "", err
	}
	return a.ID, nil
}

// demoHeader is the demo's header for a visit from start to end.
func demoHeader(start, end time.Time) Header {
	d := func(n int) string { return start.AddDate(0, 0, n).Format(DateLayout) }
	h := Header{
		ASMO:         "Cooperativa Minera La Esperanza",
		LegalID:      "NIT 901.234.567-8",
		Country:      "Colombia",
		Region:       "Antioquia",
		Municipality: "Medellín, corregimiento San Cristóbal",
		Site:         "Mina La Esperanza, vereda El Llano",
		Coordinates:  &GeoPoint{Lat: 6.2442, Lon: -75.5812},
		FSP: FSP{
			Description: "Tres minas de veta subterráneas (La Esperanza, San Juan y El Roble), la planta de beneficio El Cedral y la cancha de pallaqueo.",
			Mines:       3, Plants: 1, Miners: 86,
		},
		AuditType:     Surveillance,
		CertType:      Fairmined,
		CertYear:      1,
		StartDate:     start.Format(DateLayout),
		EndDate:       end.Format(DateLayout),
		LeadInspector: "Ana María Restrepo Gómez",
		CoInspectors:  []string{"Julián Torres Ospina"},
		CertBody:      "IMO Swiss AG",
		SitesVisited: []string{
			"Mina La Esperanza, bocamina Nivel 2",
			"Mina San Juan",
			"Planta de beneficio El Cedral",
			"Almacén de insumos químicos",
			"Cancha de pallaqueo",
			"Oficina de la cooperativa (registros)",
		},
		OpeningMeeting: fmt.Sprintf("Reunión de apertura el %s a las 8:00 en la sede de la cooperativa, con la junta directiva, el comité de Prima y la responsable de calidad. Se explicaron el alcance, el plan de visitas y la confidencialidad de las entrevistas.", start.Format(DateLayout)),
		ClosingMeeting: "Se leyeron los hallazgos uno por uno y se acordaron las fechas de las acciones correctivas; firmaron el acta la representante legal y la tesorera.\n\nThe findings were read one by one and the corrective-action dates agreed; the legal representative and the treasurer signed the minutes.",
		Plan: Plan{
			Scope: "Las tres minas del SPF (La Esperanza, San Juan y El Roble), la planta El Cedral, el almacén de insumos químicos y la cancha de pallaqueo: extracción, beneficio por gravimetría, amalgamación de concentrados y venta.\n\n" +
				"The FSP's three mines (La Esperanza, San Juan and El Roble), El Cedral plant, the chemicals store and the mineral selectors' dump: extraction, gravity processing, amalgamation of concentrates and sale.",
			Period: start.AddDate(-1, 0, 0).Format(DateLayout) + " – " + start.AddDate(0, 0, -1).Format(DateLayout),
			Criteria: "Código de Minas de Colombia (Ley 685 de 2001) y Decreto 1076 de 2015, donde el Estándar remite a la ley nacional.\n\n" +
				"Colombia's Mining Code (Law 685 of 2001) and Decree 1076 of 2015, where the Standard refers to national law.",
			NotCovered: "Mina El Roble: no se visitó porque un derrumbe cerró su vía de acceso; sus registros de producción y de personal se revisaron en la oficina.\n\n" +
				"El Roble mine: not visited because a landslide closed its access road; its production and personnel records were reviewed at the office.",
			Obstacles: "La lluvia del segundo día acortó la visita a la cancha de pallaqueo; las entrevistas se terminaron bajo techo.\n\n" +
				"Rain on the second day shortened the visit to the dump; the interviews were finished indoors.",
			Diverging: "Ninguna: la cooperativa aceptó los hallazgos; su explicación sobre las compras de mercurio de 2025 consta en sus comentarios de cierre.\n\n" +
				"None: the cooperative accepted the findings; its explanation of the 2025 mercury purchases is in its closing comments.",
		},
		Register: demoRegister(d),
		Sampling: Sampling{
			Rule: DefaultSampleRule,
			Counts: []SampleCount{
				{Unit: UnitMines, Actual: 2, Rationale: "El Roble no se visitó (vía cerrada por un derrumbe); sus registros se revisaron en la oficina. / El Roble not visited (road closed by a landslide); its records reviewed at the office."},
				{Unit: UnitPlants, Actual: 1, Rationale: "La única planta del SPF. / The FSP's only plant."},
				{Unit: UnitMiners, Actual: 10, Rationale: "Elegidos por la inspectora del padrón y en el cambio de turno, sin la junta presente. / Chosen by the inspector from the register and at shift change, without the board present."},
				{Unit: UnitGroup, Name: "Pallaqueras", Size: 24, Actual: 6, Rationale: "Una entrevista individual y una de grupo en la cancha. / One individual and one group interview at the dump."},
				{Unit: UnitGroup, Name: "Trabajadores de planta y almacén", Size: 8, Actual: 3, Rationale: "Operarios del molino y de amalgamación y el encargado del almacén. / Mill and amalgamation operators and the storekeeper."},
			},
		},
		Closing: Closing{
			Date: end.Format(DateLayout),
			Participants: "María Eugenia Ospina Vélez, representante legal\nJunta directiva (4 miembros) y Comité de Prima (2 miembros)\n" +
				"Ana María Restrepo Gómez, inspectora líder\nJulián Torres Ospina, inspector",
			Presented: "Las cuatro no conformidades (1.2.2, 2.1.18 y 3.8.8 menores; 2.1.6 mayor), sus acciones correctivas y fechas límite.\n\n" +
				"The four non-conformities (1.2.2, 2.1.18 and 3.8.8 minor; 2.1.6 major), their corrective actions and due dates.",
			RepName:  "María Eugenia Ospina Vélez",
			RepRole:  "Representante legal",
			Response: AcceptsWithComments,
			Comments: "Aceptamos los hallazgos. Sobre el inventario de mercurio pedimos que conste que las compras de 2025 se hicieron antes de nombrar al nuevo encargado del almacén, y que el inventario empieza esta semana.",
		},
	}
	return h
}

// demoRegister is the demo's interview register; d(n) is the audit's
// n-th day (from 0).
func demoRegister(d func(int) string) []Interview {
	iv := func(role string, g Gender, site string, day, group int, topics ...standards.Area) Interview {
		return Interview{Role: role, Gender: g, Site: site, Date: d(day), GroupSize: group, Language: "es", Topics: topics}
	}
	const (
		office = "Oficina de la cooperativa"
		mineE  = "Mina La Esperanza"
		mineS  = "Mina San Juan"
		dump   = "Cancha de pallaqueo"
		plant  = "Planta El Cedral"
		store  = "Almacén de insumos químicos"
		llano  = "Vereda El Llano"
	)
	// Roles are the groups the counts are kept by; gender is apart.
	reg := []Interview{
		iv("Junta directiva", Man, office, 0, 0, standards.Social, standards.Economic),
		iv("Junta directiva", Woman, office, 0, 0, standards.Economic),
		iv("Minero asociado", Man, mineE, 1, 7, standards.Labour, standards.Chemicals),
		iv("Minero asociado", Man, mineS, 1, 0, standards.Labour, standards.Economic),
		iv("Minero asociado", Woman, mineS, 1, 0, standards.Labour, standards.Social),
		iv("Minero contratista", Man, mineS, 1, 0, standards.Labour),
		iv("Pallaquera", Woman, dump, 1, 0, standards.Labour, standards.Social),
		iv("Pallaquera", Woman, dump, 1, 5, standards.Labour, standards.Social, standards.Economic),
		iv("Planta de beneficio", Man, plant, 2, 0, standards.Labour, standards.Chemicals),
		iv("Planta de beneficio", Woman, plant, 2, 0, standards.Chemicals, standards.Labour),
		iv("Almacén de insumos", Man, store, 2, 0, standards.Chemicals),
		iv("Comité de Prima", Mixed, office, 2, 4, standards.Social, standards.Economic),
		iv("Comunidad vecina", Woman, llano, 2, 0, standards.Environmental, standards.Social),
		iv("Comunidad vecina", Mixed, llano, 3, 3, standards.Environmental, standards.Social),
	}
	reg[6].Notes = "Selecciona mineral en la cancha desde 2023; no figura en el padrón. / Has selected ore at the dump since 2023; not on the register."
	reg[10].Notes = "No lleva registro de salidas de mercurio; las entregas se anotan en un cuaderno que no se encontró. / Keeps no record of mercury leaving the store; hand-overs went into a notebook that could not be found."
	for i := range reg {
		reg[i].Pseudonym = Pseudonym(i + 1)
	}
	return reg
}

// demoContacts are the demo's private names, by pseudonym: invented, and
// kept in the private folder only.
var demoContacts = map[string]Contact{
	"I-01": {Name: "Hernán Darío Zapata Úsuga", Contact: "+57 310 555 0101"},
	"I-02": {Name: "Luz Marina Arango Tobón", Contact: "+57 310 555 0102"},
	"I-03": {Name: "Grupo del turno de la mañana, Nivel 2", Contact: "Lista firmada en el cuaderno de campo, p. 14"},
	"I-04": {Name: "Wilson Alberto Cardona Ruiz"},
	"I-05": {Name: "Yaneth Patricia Moreno Gil", Contact: "+57 312 555 0105"},
	"I-06": {Name: "Jhon Fredy Higuita Mesa"},
	"I-07": {Name: "Rubiela del Carmen Núñez Zapata", Contact: "Por medio de la junta de pallaqueras"},
	"I-08": {Name: "Grupo de pallaqueras de la tarde", Contact: "Lista firmada en el cuaderno de campo, p. 19"},
	"I-09": {Name: "Over Antonio Durango Lopera"},
	"I-10": {Name: "Marleny Cifuentes Ríos", Contact: "+57 314 555 0110"},
	"I-11": {Name: "Gustavo Adolfo Londoño Cano"},
	"I-13": {Name: "Ofelia Castaño de Vásquez", Contact: "Tienda de la vereda El Llano"},
}

// pickDemoNCs places the scripted non-conformities on their preferred
// requirements, or, in a catalog without them, on the first applicable
// non-critical requirement of the same area not otherwise used, so that a
// custom catalog still gets a demo whose recommendation follows from the
// findings.
func pickDemoNCs(cat *standards.Catalog, h Header) map[string]demoNC {
	usable := func(r *standards.Requirement) bool {
		return r != nil && !r.Critical && ApplicabilityOf(r, h) == Applies
	}
	out := map[string]demoNC{}
	taken := func(id string) bool {
		_, na := demoNA[id]
		_, nc := out[id]
		return na || nc
	}
	for _, nc := range demoNCs {
		if r, ok := cat.Requirement(nc.preferredReqID); ok && usable(r) && !taken(r.ID) {
			out[r.ID] = nc
			continue
		}
		for i := range cat.Requirements {
			r := &cat.Requirements[i]
			if usable(r) && !taken(r.ID) && (r.Area == nc.preferredAreaFor || i == len(cat.Requirements)-1) {
				out[r.ID] = nc
				break
			}
		}
	}
	return out
}

// importDemoPhotos imports the embedded photographs through the same path
// an inspector's files take, linked to the requirements they support (those
// the catalog has and that are assessed).
func importDemoPhotos(h *Handle, a *Audit, cat *standards.Catalog, start time.Time) error {
	tmp, err := os.MkdirTemp("", "assay-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, p := range demoPhotoLinks {
		data, err := demoPhotos.ReadFile("demodata/" + p.file)
		if err != nil {
			return err
		}
		// Same length, so the JPEG and its EXIF offsets stay valid.
		taken := start.AddDate(0, 0, p.day).Format("2006:01:02 ")
		data = bytes.Replace(data, []byte(demoPhotoDate), []byte(taken), 1)
		path := filepath.Join(tmp, p.name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		var reqs []string
		for _, id := range p.reqs {
			if _, ok := cat.Requirement(id); ok && a.VerdictOf(id) != Open {
				reqs = append(reqs, id)
			}
		}
		if len(reqs) == 0 {
			reqs = firstAssessed(a, cat)
		}
		ev, err := h.ImportEvidence(a, path, reqs...)
		if err != nil {
			return fmt.Errorf("demo evidence %s: %w", p.name, err)
		}
		ev.Caption = p.caption
		if p.justification != "" {
			if _, err := Justify(a, ev.SHA256, FlagOutsideDates, p.justification); err != nil {
				return fmt.Errorf("demo evidence %s: %w", p.name, err)
			}
		}
	}
	return nil
}

// firstAssessed returns the first assessed requirement of cat, as a list.
func firstAssessed(a *Audit, cat *standards.Catalog) []string {
	for _, r := range cat.Requirements {
		if a.VerdictOf(r.ID) != Open {
			return []string{r.ID}
		}
	}
	return nil
}

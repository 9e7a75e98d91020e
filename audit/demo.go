package audit

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// demoNotes is a bank of conforming-finding notes per area; requirements
// take them in turn so the demo reads like a real walk, not one phrase
// repeated.
var demoNotes = map[standards.Area][]demoNote{
	standards.Social: {
		{"Estatutos y certificado de existencia de la Cámara de Comercio vigentes (renovado en marzo). Revisados con el presidente y la secretaria.",
			"Statutes and Chamber of Commerce registration current (renewed in March). Reviewed with the president and the secretary."},
		{"Actas de asamblea de los últimos 12 meses firmadas; 41 de 86 asociados presentes en la última. Las cuentas se leyeron en voz alta.",
			"Assembly minutes for the last 12 months are signed; 41 of 86 members attended the last one. Accounts were read aloud."},
		{"Mapa del SPF coincide con lo observado; verificados con GPS la bocamina Nivel 2 y la planta El Cedral.",
			"FSP map matches the site; Level 2 adit and El Cedral plant checked with GPS."},
		{"Buzón y libro de quejas en la oficina; 3 quejas en el año, todas respondidas por escrito.",
			"Grievance box and log at the office; 3 complaints this year, all answered in writing."},
		{"Política de género aprobada en asamblea y publicada en cartelera; entrevistas con cuatro mujeres la confirman.",
			"Gender policy approved by the assembly and posted; interviews with four women confirm it."},
	},
	standards.Economic: {
		{"Contrato vigente con el Primer Comprador Autorizado; precio liquidado al 95,5 % del LBMA en las tres facturas revisadas.",
			"Current contract with the First Authorized Buyer; price settled at 95.5 % of LBMA on the three invoices checked."},
		{"Libro de producción por mina y planta al día; lotes con número, peso y firma de custodia. Balance de masas cuadra con ventas (diferencia 0,8 %).",
			"Production log per mine and plant up to date; lots numbered, weighed and signed for custody. Mass balance matches sales (0.8 % difference)."},
		{"Prima recibida en cuenta separada (Bancolombia); conciliación: 2,14 kg x USD 4.000 = USD 8.560, coincide con el extracto.",
			"Premium received in a separate account; reconciliation: 2.14 kg x USD 4,000 = USD 8,560, matches the statement."},
		{"Regalías y retención pagadas; certificados de ensayo del laboratorio para cada venta.",
			"Royalties and withholding tax paid; laboratory assay certificates for every sale."},
		{"Material Fairmined almacenado aparte, en caja sellada con precinto numerado; registro de entradas y salidas.",
			"Fairmined material stored apart in a sealed box with numbered seal; in/out register kept."},
	},
	standards.Environmental: {
		{"Plan de manejo ambiental aprobado por la autoridad (Corantioquia); seguimiento semestral archivado.",
			"Environmental management plan approved by the authority (Corantioquia); six-monthly follow-up on file."},
		{"Relaves en tanque impermeabilizado con geomembrana; sin rebose a la quebrada el día de la visita.",
			"Tailings in a lined tank with geomembrane; no overflow to the creek on the day of the visit."},
		{"Combustibles en caseta con dique de contención; kit antiderrames disponible.",
			"Fuel kept in a shed with a containment bund; spill kit available."},
		{"Residuos sólidos separados y recogidos por el municipio cada semana.",
			"Solid waste separated and collected by the municipality weekly."},
		{"Ningún frente de explotación dentro de áreas excluidas; verificado contra el mapa del SINAP.",
			"No working face inside excluded areas; checked against the national protected-areas map."},
	},
	standards.Labour: {
		{"Se revisaron cédulas de 23 trabajadores en el cambio de turno: todos mayores de 18 años.",
			"IDs of 23 workers checked at shift change: all over 18."},
		{"Nómina con pagos por encima del salario mínimo; comprobantes firmados por cada trabajador.",
			"Payroll above the legal minimum wage; payslips signed by each worker."},
		{"EPP entregado y en uso (casco, botas, protector auditivo, respirador); registro de entrega firmado.",
			"PPE issued and worn (helmet, boots, ear defenders, respirator); signed issue register."},
		{"Ventilación forzada en Nivel 2; medición de oxígeno 20,4 % en el frente.",
			"Forced ventilation on Level 2; oxygen measured at 20.4 % at the face."},
		{"Jornada de 8 horas, descanso dominical; horas extra voluntarias y pagadas según nómina.",
			"8-hour shifts, Sunday rest; overtime voluntary and paid per payroll."},
	},
	standards.Chemicals: {
		{"Amalgamación solo de concentrados gravimétricos en el área designada; no se observó amalgamación de mineral en bruto.",
			"Only gravity concentrates are amalgamated, in the designated area; no whole-ore amalgamation seen."},
		{"Retorta en uso en la planta El Cedral; no hay quema abierta ni en viviendas (confirmado con vecinos).",
			"Retort in use at El Cedral plant; no open or household burning (confirmed with neighbours)."},
		{"Mercurio guardado bajo llave en el almacén, con rótulos y bandeja antiderrames, lejos de viviendas.",
			"Mercury locked in the store, labelled, on a spill tray, away from homes."},
		{"Fichas de seguridad de todos los reactivos disponibles en la planta, en español.",
			"Safety data sheets for every reagent available at the plant, in Spanish."},
	},
}

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
		"El padrón de mineros no incluye a 6 pallaqueras que trabajan en la cancha. Señora Núñez, pallaquera — ¿día 3? Confirmó que selecciona mineral desde 2023 y no figura en el registro.",
		"The miner register omits 6 women mineral selectors working at the dump. Mrs Núñez (pallaquera) confirmed she has selected ore since 2023 and is not on the register."},
		"Actualizar el padrón con todas las pallaqueras y presentarlo en la próxima asamblea.", 0, "1.2.2", standards.Social},
	{Minor, demoNote{
		"Falta señalización de peligro en la entrada del almacén de reactivos de la planta.",
		"No hazard signs at the entrance of the plant's reagent store."},
		"Instalar señales de peligro (mercurio, corrosivos) en la entrada del almacén y en la planta.", 60, "2.1.18", standards.Chemicals},
	{Minor, demoNote{
		"El registro de accidentes no tiene la investigación del accidente del 14 de agosto (mano atrapada en el molino).",
		"The accident register lacks the investigation of the 14 August accident (hand caught in the mill)."},
		"Investigar el accidente del 14 de agosto, registrar causas y medidas, y capacitar a los operarios del molino.", 0, "3.8.8", standards.Labour},
	{Major, demoNote{
		"No existe inventario de mercurio: las compras de 2025 (18 kg según facturas) no se pueden conciliar con el stock (4 kg) ni con el uso por lote.",
		"There is no mercury inventory: 2025 purchases (18 kg per invoices) cannot be reconciled with stock (4 kg) or use per batch."},
		"Implantar un inventario de mercurio (compras, existencias y uso por lote, firmado semanalmente) y conciliar 2025 antes de la auditoría de seguimiento.", 0, "2.1.6", standards.Chemicals},
}

// demoNA are requirements the demo marks not applicable, with why.
var demoNA = map[string]string{
	"1.3.10": "No hay comunidades indígenas ni afrodescendientes en el área de influencia (certificación del Ministerio del Interior, 2024). / No indigenous or Afro-descendant communities in the area of influence (Ministry of the Interior certificate, 2024).",
	"2.1.12": "La cooperativa no usa cianuro: beneficio por gravimetría y amalgamación de concentrados. / The cooperative uses no cyanide: gravity processing and amalgamation of concentrates.",
	"2.1.14": "Sin lixiviación con cianuro en el SPF. / No cyanide leaching in the FSP.",
	"2.1.16": "Sin cianuro en el SPF (verificado en compras y almacén). / No cyanide in the FSP (checked in purchases and stores).",
	"4.3.2":  "Solo se vende oro; la plata no se recupera ni se comercializa. / Only gold is sold; silver is neither recovered nor traded.",
	"4.4.3":  "Solo oro en el alcance del certificado. / Only gold is in the certificate's scope.",
}

// demoPhotoLinks: embedded photo, name as imported, caption, requirements.
var demoPhotoLinks = []struct {
	file, name, caption string
	reqs                []string
}{
	{"bocamina-orientation6.jpg", "bocamina-nivel2.jpg", "Bocamina Nivel 2: sostenimiento en madera y rieles / Level 2 adit: timber support and rails", []string{"3.8.5", "3.8.4"}},
	{"almacen-mercurio.jpg", "almacen-mercurio.jpg", "Almacén de mercurio con candado y bandeja antiderrames / Locked mercury store with spill tray", []string{"2.1.5", "2.1.6"}},
}

// CreateDemo makes a complete, realistic sample audit of cat, an annual
// surveillance audit of a Colombian cooperative in its first certified
// year, so a newcomer sees the whole flow at once: every applicable
// requirement assessed, three minor and one major non-conformity, two
// photographs as evidence. It is saved as a draft ready to finalize and its
// id returned.
func CreateDemo(s *Store, cat *standards.Catalog, now time.Time) (string, error) {
	if s == nil || cat == nil {
		return "", errors.New("demo: no store or no catalog")
	}
	day := func(d int) time.Time {
		y, m, dd := now.AddDate(0, 0, d).Date()
		return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	}
	start, end := day(-8), day(-5)
	h := Header{
		ASMO:         "Cooperativa Minera La Esperanza",
		LegalID:      "NIT 901.234.567-8",
		Country:      "Colombia",
		Region:       "Antioquia",
		Municipality: "Medellín, corregimiento San Cristóbal",
		Site:         "Mina La Esperanza, vereda El Llano",
		Coordinates:  &GeoPoint{Lat: 6.2442, Lon: -75.5812},
		FSP: FSP{
			Description: "Tres minas de veta subterráneas (La Esperanza, Nivel 2 y San Juan), la planta de beneficio El Cedral y la cancha de pallaqueo.",
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
		Interviews: []Interviewed{
			{Role: "Junta directiva", Women: 2, Men: 3},
			{Role: "Mineros asociados", Women: 1, Men: 11},
			{Role: "Trabajadores de planta", Women: 2, Men: 4},
			{Role: "Pallaqueras", Women: 6},
			{Role: "Comité de Prima", Women: 2, Men: 2},
			{Role: "Vecinos de la comunidad", Women: 3, Men: 2, Other: 1},
		},
		OpeningMeeting: fmt.Sprintf("Reunión de apertura el %s a las 8:00 en la sede de la cooperativa, con la junta directiva, el comité de Prima y la responsable de calidad. Se explicaron el alcance, el plan de visitas y la confidencialidad de las entrevistas.", start.Format(DateLayout)),
		ClosingMeeting: fmt.Sprintf("Reunión de cierre el %s a las 16:00. Se leyeron los hallazgos: tres no conformidades menores y una mayor (inventario de mercurio). La junta los aceptó y se comprometió con las acciones correctivas y las fechas; firmaron el acta el presidente y la tesorera.", end.Format(DateLayout)),
	}
	a := New(cat, h, now)
	a.Created = day(-8).Add(7 * time.Hour)

	ncs := pickDemoNCs(cat, h)
	turn := map[standards.Area]int{}
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
		bank := demoNotes[r.Area]
		if len(bank) == 0 {
			bank = demoNotes[standards.Social]
		}
		f.Notes = bank[turn[r.Area]%len(bank)].String()
		turn[r.Area]++
	}

	hd, err := s.Create(a)
	if err != nil {
		return "", err
	}
	defer hd.Close()
	if err := importDemoPhotos(hd, a, cat); err != nil {
		return "", err
	}
	if err := hd.Save(a); err != nil {
		return "", err
	}
	return a.ID, nil
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
func importDemoPhotos(h *Handle, a *Audit, cat *standards.Catalog) error {
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

package audit

// demoNotesEdition is the built-in catalog edition demoNotesByReq is
// written for: its ids.
const demoNotesEdition = "2.0-assay.2"

// demoNotesByReq are the demo's notes on conforming findings of the
// built-in Fairmined catalog, one per requirement, each about what that
// requirement asks: Spanish (the language on site) with its English line
// for the certification body. [I-nn] cites the demo's interview register.
var demoNotesByReq = map[string]demoNote{
	// Scope (chapter 0)
	"0.2.1": {"Producción 2025: 21,4 kg de oro fino; 86 mineros x 264 días laborados = 22.704 jornadas: 0,94 g por minero y día, por debajo de 4 g. Métodos manuales y molinos de pisones pequeños.",
		"2025 output 21.4 kg fine gold; 86 miners x 264 working days = 22,704 shifts: 0.94 g per miner per day, below 4 g. Manual methods and small stamp mills."},
	"0.2.6": {"Actas de tres reuniones con la Junta de Acción Comunal de El Llano en el año (agua, vía, empleo local). Una vecina y un grupo de vecinos las confirman [I-13, I-14].",
		"Minutes of three meetings with the El Llano community council this year (water, road, local jobs). A neighbour and a group of neighbours confirm them [I-13, I-14]."},
	"0.2.8": {"Ningún frente, planta ni botadero dentro de áreas excluidas: coordenadas del SPF verificadas contra el mapa del SINAP y el catastro minero.",
		"No working face, plant or dump inside excluded areas: FSP coordinates checked against the national protected-areas map and the mining cadastre."},

	// 1.1 Application
	"1.1.1": {"Acta de asamblea de 2024 que aprueba buscar la certificación Fairmined y compromiso firmado por el representante legal; la coordinadora de calidad es la responsable designada.",
		"2024 assembly minutes approving the Fairmined certification and a commitment signed by the legal representative; the quality coordinator is the named person responsible."},
	"1.1.2": {"Taller sobre el Estándar en marzo con 58 asistentes (lista firmada). Los mineros entrevistados conocen el precio mínimo y quién decide sobre la prima [I-03, I-04].",
		"Workshop on the Standard in March with 58 attendees (signed list). Miners interviewed know the minimum price and who decides on the premium [I-03, I-04]."},

	// 1.2 Certification scope
	"1.2.1": {"Mapa del SPF con coordenadas de las tres minas, la planta El Cedral y la cancha; coincide con lo observado. Bocamina Nivel 2 y planta verificadas con GPS.",
		"FSP map with coordinates of the three mines, El Cedral plant and the dump; it matches the site. Level 2 adit and the plant checked with GPS."},
	"1.2.5": {"Solicitud de certificación para oro Fairmined únicamente; la plata no se recupera. La producción se registra solo como oro.",
		"Certification applied for Fairmined gold only; silver is not recovered. Output is recorded as gold only."},

	// 1.3 ASMO-specific responsibilities
	"1.3.1": {"Certificado de existencia y representación legal de la Cámara de Comercio vigente (renovado en marzo) y estatutos reformados en 2023. Revisados con la representante legal.",
		"Chamber of Commerce certificate of existence and legal representation current (renewed in March); statutes amended in 2023. Reviewed with the legal representative."},
	"1.3.2": {"Contrato de concesión vigente para La Esperanza y San Juan; El Roble opera con subcontrato de formalización inscrito en el Registro Minero Nacional.",
		"Concession contract in force for La Esperanza and San Juan; El Roble works under a formalisation sub-contract entered in the National Mining Register."},
	"1.3.3": {"Licencia ambiental otorgada por Corantioquia (2022) para explotación y beneficio; informe de cumplimiento ambiental del último semestre radicado.",
		"Environmental licence granted by Corantioquia (2022) for mining and processing; the last half-year compliance report filed."},
	"1.3.4": {"Permiso de compra de explosivos de Indumil vigente; registro de compras de mercurio ante la autoridad ambiental. No se compra cianuro.",
		"Explosives purchase permit from Indumil current; mercury purchases registered with the environmental authority. No cyanide is bought."},
	"1.3.5": {"Regalías y retención en la fuente pagadas en cada venta (recibos de la Agencia Nacional de Minería y de la DIAN); paz y salvo vigente.",
		"Royalties and withholding tax paid on each sale (National Mining Agency and tax office receipts); clearance certificate current."},
	"1.3.6": {"Asambleas ordinarias en marzo y septiembre, con quórum; elecciones de junta en 2025 con votación secreta. Actas firmadas.",
		"Ordinary assemblies in March and September, with quorum; board elected in 2025 by secret ballot. Signed minutes."},
	"1.3.7": {"Estados financieros 2025 presentados en la asamblea de marzo y firmados por la contadora; los asociados entrevistados recuerdan la presentación [I-04, I-05].",
		"2025 financial statements presented at the March assembly and signed by the accountant; members interviewed remember the presentation [I-04, I-05]."},
	"1.3.9": {"Buzón y libro de quejas en la oficina; 3 quejas en el año (polvo en la vía, turnos, pago), todas respondidas por escrito.",
		"Grievance box and log at the office; 3 complaints this year (road dust, shifts, pay), all answered in writing."},
	"1.3.12": {"Sin pagos a grupos armados: libros contables revisados sin egresos sin soporte; ningún entrevistado refiere extorsión ni \"vacunas\".",
		"No payments to armed groups: books checked with no unsupported outflows; no interviewee reports extortion or protection money."},
	"1.3.13": {"Sin indicios de abusos graves de derechos humanos en la extracción, el transporte o la venta; consultados la personería municipal y los vecinos [I-14].",
		"No sign of serious human-rights abuses in mining, transport or sale; the municipal ombudsman's office and neighbours consulted [I-14]."},
	"1.3.14": {"La cooperativa no contrata seguridad privada; la Policía no tiene puesto en las minas. Nada que verificar más allá de confirmarlo.",
		"The cooperative hires no private security; the police have no post at the mines. Nothing to check beyond confirming it."},
	"1.3.15": {"Política anticorrupción firmada por la junta; declaraciones de origen de las tres ventas revisadas coinciden con el libro de producción.",
		"Anti-bribery policy signed by the board; origin declarations of the three sales checked match the production log."},

	// 1.4 Traceability
	"1.4.1": {"Sistema de control interno escrito (versión 3, 2025) con responsables por mina, planta y despacho; los responsables lo explicaron sin leerlo.",
		"Written internal control system (version 3, 2025) with people responsible per mine, plant and dispatch; they explained it without reading it."},
	"1.4.2": {"Libro de producción por mina y por planta al día: mineral extraído, procesado y oro recuperado por fecha; cuadra con el consolidado de la oficina.",
		"Production log per mine and plant up to date: ore mined, ore processed and gold recovered by date; it ties to the office's consolidated record."},
	"1.4.3": {"Lotes con número único, peso y precinto numerado; actas de entrega firmadas por quien entrega y quien recibe en cada traslado revisado.",
		"Lots with a unique number, weight and numbered seal; hand-over records signed by giver and receiver at every transfer checked."},
	"1.4.4": {"Material Fairmined almacenado aparte, en caja fuerte sellada; en la planta, turnos separados para el mineral de terceros (ninguno este año).",
		"Fairmined material kept apart in a sealed safe; at the plant, separate runs for third-party ore (none this year)."},
	"1.4.6": {"Balance de masas mina → planta → ventas del periodo: diferencia de 0,8 % explicada por humedad y pérdidas de refinación.",
		"Mass balance mine → plant → sales for the period: 0.8 % difference explained by moisture and refining losses."},
	"1.4.7": {"Certificado de ensayo del laboratorio del comprador para cada una de las tres ventas, archivado con la factura.",
		"The buyer's laboratory assay certificate for each of the three sales, filed with the invoice."},
	"1.4.8": {"No se compró ni se procesó mineral de terceros en el periodo; el registro de terceros existe y está en cero.",
		"No third-party ore was bought or processed in the period; the third-party register exists and is at zero."},
	"1.4.9": {"Inspección interna del sistema de control en julio: dos fallas (precinto sin número, firma faltante) corregidas y cerradas.",
		"Internal inspection of the control system in July: two faults (unnumbered seal, missing signature) corrected and closed."},

	// 1.5 Gender and non-discrimination
	"1.5.1": {"Política de no discriminación y género aprobada en asamblea y publicada en la cartelera; las mujeres entrevistadas la conocen [I-05, I-08].",
		"Non-discrimination and gender policy approved by the assembly and posted; the women interviewed know it [I-05, I-08]."},
	"1.5.2": {"Taller sobre violencia basada en género con la Secretaría de la Mujer (junio, 47 asistentes); la ruta de denuncia está en la cartelera.",
		"Gender-based violence training with the municipal Women's Office (June, 47 attendees); the reporting route is posted."},

	// 2.1 Toxic substances
	"2.1.1": {"Solo se amalgaman concentrados gravimétricos en el área designada; no se vio mercurio en molinos ni canalones [I-09].",
		"Only gravity concentrates are amalgamated, in the designated area; no mercury seen in mills or sluices [I-09]."},
	"2.1.2": {"Sin quema de amalgama en viviendas ni al aire libre; vecinos lo confirman [I-13].",
		"No amalgam burning in homes or in the open; neighbours confirm it [I-13]."},
	"2.1.3": {"Retorta en uso en la planta El Cedral; el mercurio recuperado se guarda en frasco rotulado para reuso [I-10].",
		"Retort in use at El Cedral plant; recovered mercury is kept in a labelled flask for reuse [I-10]."},
	"2.1.4": {"Área de amalgamación con piso impermeable y bandeja de contención, a 60 m de la quebrada y lejos de viviendas.",
		"Amalgamation area with impermeable floor and containment tray, 60 m from the creek and away from homes."},
	"2.1.5": {"Mercurio en envases irrompibles rotulados, en almacén con llave y bandeja antiderrames; solo el encargado tiene la llave [I-11].",
		"Mercury in labelled unbreakable containers, in a locked store with a spill tray; only the storekeeper holds the key [I-11]."},
	"2.1.7": {"Trampa de mercurio a la salida del área de amalgamación; sin descargas a la quebrada ni al suelo observadas.",
		"Mercury trap at the outlet of the amalgamation area; no discharge to the creek or ground seen."},
	"2.1.8": {"Relaves con mercurio en tanque con geomembrana, señalizado; no se reprocesan ni se usan en construcción.",
		"Mercury-bearing tailings in a lined, signposted tank; not reprocessed or used for building."},
	"2.1.9": {"Guantes de nitrilo y respirador con filtro para mercurio en uso; análisis de mercurio en orina de los 4 amalgamadores (abril), bajo el límite.",
		"Nitrile gloves and mercury-filter respirators in use; urine mercury tests of the 4 amalgamators (April), below the limit."},
	"2.1.10": {"Plan de reducción de mercurio con línea base 2024 (1,9 kg Hg por kg Au) y meta 2027 (0,8); avance 2025: 1,4.",
		"Mercury reduction plan with 2024 baseline (1.9 kg Hg per kg Au) and 2027 target (0.8); 2025 progress: 1.4."},
	"2.1.12": {"No se usa cianuro en el SPF (beneficio por gravimetría y amalgamación de concentrados): ningún relave con mercurio se lixivia. Verificado en compras y almacén.",
		"No cyanide is used in the FSP (gravity processing and amalgamation of concentrates): no mercury-bearing tailings are leached. Checked in purchases and stores."},
	"2.1.17": {"Fichas de seguridad en español de cal, ACPM y aceites en la planta; envases rotulados.",
		"Spanish safety data sheets for lime, diesel and oils at the plant; containers labelled."},
	"2.1.19": {"Registro de capacitación en manejo de mercurio y primeros auxilios de los amalgamadores y el encargado del almacén (mayo).",
		"Training record on mercury handling and first aid for the amalgamators and the storekeeper (May)."},
	"2.1.20": {"Envases vacíos de reactivos devueltos al proveedor (actas de devolución); ninguno reusado para agua o comida.",
		"Empty reagent containers returned to the supplier (return records); none reused for water or food."},

	// 2.2 Ecosystem protection
	"2.2.1": {"Identificación de impactos ambientales por sitio (agua, suelo, vegetación, fauna) en el plan de manejo de 2022, actualizada en 2025.",
		"Environmental impacts identified per site (water, soil, vegetation, wildlife) in the 2022 management plan, updated in 2025."},
	"2.2.2": {"Plan de manejo ambiental aprobado por Corantioquia, con responsables y fechas; seguimiento semestral archivado.",
		"Environmental management plan approved by Corantioquia, with responsibilities and dates; six-monthly follow-up on file."},
	"2.2.4": {"Concesión de aguas vigente; la planta recircula el 70 % del agua desde el tanque de sedimentación.",
		"Water permit in force; the plant recycles 70 % of its water from the settling tank."},
	"2.2.6": {"Relaves en tanque impermeabilizado con geomembrana; sin rebose a la quebrada el día de la visita.",
		"Tailings in a tank lined with geomembrane; no overflow to the creek on the day of the visit."},
	"2.2.8": {"Residuos sólidos separados en puntos ecológicos y recogidos por el municipio cada semana; no se queman.",
		"Solid waste separated at sorting points and collected by the municipality weekly; none is burnt."},
	"2.2.9": {"Combustibles en caseta con dique de contención y piso de concreto; aceite usado recogido por gestor autorizado (certificados).",
		"Fuel in a shed with a containment bund and concrete floor; used oil collected by a licensed handler (certificates)."},
	"2.2.10": {"Cunetas y trinchos en la vía y el botadero de San Juan; la quebrada estaba clara aguas abajo de las minas.",
		"Ditches and brush barriers on the road and the San Juan dump; the creek ran clear downstream of the mines."},
	"2.2.11": {"Capa vegetal del nuevo frente de San Juan apilada y cubierta para la rehabilitación.",
		"Topsoil from the new San Juan face stockpiled and covered for rehabilitation."},
	"2.2.14": {"Prohibición de caza y tala escrita en el reglamento interno y publicada; el desmonte se limitó al nuevo frente.",
		"Hunting and felling ban in the internal rules, posted; clearing limited to the new face."},

	// 3.1 Assessment of labour conditions
	"3.1.1": {"Diagnóstico laboral 2025: asociados, empleados, contratistas y pallaqueras, con sus condiciones y brechas identificadas.",
		"2025 labour assessment: members, employees, contractors and mineral selectors, with their conditions and the gaps found."},
	"3.1.2": {"Contratos o acuerdos escritos para empleados y contratistas; los asociados, por estatutos. Acuerdo con pallaqueras firmado en 2025.",
		"Written contracts or arrangements for employees and contractors; members under the statutes. Agreement with mineral selectors signed in 2025."},
	"3.1.3": {"Plan de mejora laboral con 6 acciones; 4 cumplidas (dotación, agua potable, baños, contratos). Diagnóstico actualizado en 2025.",
		"Labour improvement plan with 6 actions; 4 done (PPE, drinking water, toilets, contracts). Assessment updated in 2025."},

	// 3.2 Child labour
	"3.2.1": {"Ninguna persona menor de 18 años en las minas, la planta ni la cancha durante la visita ni en los registros; vecinos y trabajadores lo confirman [I-13].",
		"Nobody under 18 at the mines, the plant or the dump during the visit or in the records; neighbours and workers confirm it [I-13]."},
	"3.2.2": {"Se revisaron cédulas de 23 trabajadores en el cambio de turno: todos mayores de 18 años.",
		"IDs of 23 workers checked at shift change: all over 18."},
	"3.2.3": {"Copia de la cédula en la hoja de vida de cada trabajador antes del ingreso; muestra de 15 hojas de vida revisada.",
		"A copy of each worker's ID is filed before they start; a sample of 15 personnel files checked."},
	"3.2.4": {"Procedimiento de remediación de trabajo infantil escrito, con la Comisaría de Familia; no hubo casos en el año.",
		"Written child labour remediation procedure, with the municipal family office; no cases this year."},

	// 3.3 Forced labour
	"3.3.1": {"Trabajo voluntario; los trabajadores entrevistados pueden renunciar con aviso y conocen el procedimiento [I-04, I-06].",
		"Work is voluntary; workers interviewed can leave with notice and know how [I-04, I-06]."},
	"3.3.2": {"La cooperativa no retiene cédulas ni salarios ni pide depósitos; confirmado en entrevistas y en la nómina.",
		"The cooperative keeps no IDs or wages and asks for no deposits; confirmed in interviews and the payroll."},
	"3.3.3": {"Anticipos a trabajadores con acuerdo escrito, sin intereses y descontados en máximo tres quincenas.",
		"Advances to workers under written agreements, interest-free and deducted over at most three pay periods."},

	// 3.4 Discrimination
	"3.4.1": {"Criterios de contratación escritos y sin distinción; hay mujeres en la planta y en la junta [I-05, I-10].",
		"Written hiring criteria with no distinctions; women work at the plant and sit on the board [I-05, I-10]."},
	"3.4.2": {"Mismo jornal para hombres y mujeres por la misma tarea (nómina); las pallaqueras tienen turno asignado en la cancha [I-08].",
		"Same day rate for women and men doing the same task (payroll); mineral selectors have assigned turns at the dump [I-08]."},
	"3.4.3": {"Sin quejas de acoso ni maltrato; no se exigen pruebas de embarazo ni de VIH. Reglamento interno lo prohíbe.",
		"No complaints of harassment or abuse; no pregnancy or HIV tests required. The internal rules forbid them."},

	// 3.5 Freedom of association
	"3.5.1": {"Los trabajadores pueden afiliarse al sindicato minero regional; dos lo están y lo dicen sin temor [I-06].",
		"Workers may join the regional mining union; two have and say so without fear [I-06]."},
	"3.5.2": {"El representante de los trabajadores fue elegido en asamblea de trabajadores; sigue en su cargo y en su puesto.",
		"The workers' representative was elected at a workers' meeting; still in office and in the same job."},

	// 3.6 Wages and employment
	"3.6.1": {"Nómina con pagos por encima del salario mínimo legal; comprobantes firmados por cada trabajador [I-04].",
		"Payroll above the legal minimum wage; payslips signed by each worker [I-04]."},
	"3.6.2": {"Pago quincenal por transferencia con desprendible que detalla deducciones; sin retrasos en los últimos seis meses.",
		"Fortnightly pay by bank transfer with a slip detailing deductions; no delays in the last six months."},
	"3.6.3": {"Contratos escritos en español para los 14 empleados, conforme al Código Sustantivo del Trabajo.",
		"Written contracts in Spanish for the 14 employees, under the Labour Code."},

	// 3.7 Working hours
	"3.7.1": {"Jornada de 8 horas en dos turnos; registro de entradas y salidas en cada bocamina.",
		"8-hour shifts, two shifts a day; entry and exit log at each adit."},
	"3.7.2": {"Horas extra voluntarias, autorizadas por escrito y pagadas con recargo según la nómina.",
		"Overtime voluntary, authorised in writing and paid at the premium rate per the payroll."},
	"3.7.3": {"Descanso dominical y vacaciones pagadas registradas en la nómina.",
		"Sunday rest and paid holidays recorded in the payroll."},

	// 3.8 Occupational health and safety
	"3.8.1": {"Matriz de riesgos por mina y planta (derrumbe, gases, ruido, mercurio) con controles; actualizada en febrero.",
		"Risk matrix per mine and plant (collapse, gases, noise, mercury) with controls; updated in February."},
	"3.8.2": {"Responsable de SST designado y comité paritario que se reúne cada mes (actas de los últimos seis meses).",
		"Named health and safety officer and a joint committee meeting monthly (minutes of the last six months)."},
	"3.8.3": {"EPP entregado y en uso (casco, lámpara, botas, protector auditivo, respirador); registro de entrega firmado.",
		"PPE issued and worn (helmet, lamp, boots, ear defenders, respirator); signed issue register."},
	"3.8.4": {"Ventilación forzada en Nivel 2; oxígeno medido en el frente: 20,4 %. Mediciones de gases después de cada voladura.",
		"Forced ventilation on Level 2; oxygen at the face 20.4 %. Gas readings after every blast."},
	"3.8.5": {"Sostenimiento en madera y arcos en los tramos fracturados de la bocamina Nivel 2; inspección semanal registrada.",
		"Timber sets and arches in the fractured stretches of the Level 2 adit; weekly inspection recorded."},
	"3.8.6": {"Polvorín con llave y separado para detonadores; kárdex de entradas y salidas al día; dos disparadores con licencia.",
		"Locked magazine with a separate detonator store; in/out ledger up to date; two licensed blasters."},
	"3.8.7": {"Botiquines en cada bocamina y en la planta; 6 brigadistas con curso vigente; plan de emergencia y simulacro en mayo.",
		"First-aid kits at each adit and at the plant; 6 trained first aiders; emergency plan and a drill in May."},
	"3.8.9": {"Inducción en seguridad antes del primer turno y reentrenamiento trimestral; registros de asistencia.",
		"Safety induction before the first shift and quarterly refreshers; attendance records."},
	"3.8.10": {"Agua potable, baños y lavamanos en la planta y en las dos minas visitadas; nadie vive en los sitios.",
		"Drinking water, toilets and wash basins at the plant and the two mines visited; nobody lives on site."},
	"3.8.11": {"Guardas en correas y poleas del molino; tablero eléctrico cerrado, con polo a tierra y protegido de la lluvia.",
		"Guards on the mill's belts and pulleys; electrical panel closed, earthed and protected from rain."},
	"3.8.12": {"Derecho a retirarse ante peligro inminente escrito en el reglamento; los mineros lo conocen y lo han ejercido [I-03].",
		"Right to leave imminent danger in the internal rules; miners know it and have used it [I-03]."},
	"3.8.13": {"Procedimiento de reubicación de mujeres gestantes y lactantes fuera de tareas con mercurio; un caso en 2025, sin pérdida de salario.",
		"Procedure moving pregnant and nursing women away from mercury work; one case in 2025, with no loss of pay."},

	// 4.1 Premium committee and development plan
	"4.1.1": {"Comité de Prima de 6 personas elegido en asamblea: asociados, una pallaquera, una trabajadora de planta y un vecino [I-12].",
		"Premium Committee of 6 elected by the assembly: members, a mineral selector, a plant worker and a neighbour [I-12]."},
	"4.1.2": {"El comité se reúne cada dos meses; actas firmadas e informe presentado en la asamblea de septiembre.",
		"The committee meets every two months; signed minutes and a report presented at the September assembly."},
	"4.1.3": {"Plan de desarrollo Fairmined 2025-2029 con presupuesto: acueducto veredal, retortas, becas y reforestación.",
		"Fairmined development plan 2025-2029 with a budget: village water supply, retorts, scholarships and reforestation."},
	"4.1.4": {"Informe anual del plan presentado en asamblea: retortas compradas, 12 becas pagadas; plan ajustado para 2026.",
		"Annual plan report presented at the assembly: retorts bought, 12 scholarships paid; plan updated for 2026."},

	// 4.2 Organisational strengthening
	"4.2.2": {"Contabilidad en software con soportes archivados por mes; la contadora explicó tres movimientos escogidos al azar.",
		"Accounts kept in software with supporting documents filed by month; the accountant explained three entries picked at random."},

	// 4.3 Price
	"4.3.1": {"Precio liquidado al 95,5 % del LBMA en la fecha de fijación en las tres facturas revisadas [I-02].",
		"Price settled at 95.5 % of LBMA on the fixing date on the three invoices checked [I-02]."},
	"4.3.3": {"Regla de reparto del precio aprobada en asamblea y publicada; la cooperativa descuenta 6 % para administración, visible en cada liquidación.",
		"Price-sharing rule approved by the assembly and posted; the cooperative deducts 6 % for administration, shown on each settlement."},

	// 4.4 Premium
	"4.4.1": {"Prima recibida: 2,14 kg x USD 4.000 = USD 8.560, coincide con el extracto bancario.",
		"Premium received: 2.14 kg x USD 4,000 = USD 8,560, matching the bank statement."},
	"4.4.4": {"Prima en cuenta separada (Bancolombia) solo para la prima; extractos de 12 meses revisados.",
		"Premium in a separate account (Bancolombia) used only for it; 12 months of statements checked."},
	"4.4.5": {"Gastos de la prima con soportes y acta del comité para cada pago; coinciden con el plan de desarrollo.",
		"Premium spending supported by documents and a committee decision for each payment; it matches the development plan."},

	// 4.5 Contracts and pre-finance
	"4.5.1": {"Contrato vigente con el Primer Comprador Autorizado con cantidad, ley, base de precio, prima, deducciones y condiciones de pago.",
		"Current contract with the First Authorized Buyer stating quantity, fineness, price basis, premium, deductions and payment terms."},
	"4.5.2": {"Facturas de las tres ventas con lote, pesos, ley, precio, prima y deducciones; cuadran con los registros de trazabilidad.",
		"Invoices of the three sales with lot, weights, fineness, price, premium and deductions; they tie to the traceability records."},
	"4.5.3": {"Prefinanciación de USD 20.000 con contrato escrito, interés del 0 % y devolución en oro; términos razonables.",
		"USD 20,000 pre-finance under a written contract, 0 % interest, repaid in gold; reasonable terms."},
	"4.5.4": {"Uso de la marca Fairmined solo en el volumen certificado; sin material promocional fuera de lo autorizado.",
		"Fairmined name used only on the certified volume; no promotional material beyond what is authorised."},
	"4.5.5": {"Guías de transporte de la Agencia Nacional de Minería y certificado de origen en cada envío; pesos enviados y recibidos coinciden.",
		"National Mining Agency transport permits and origin certificates for each shipment; weights sent and received match."},
}

// demoGenericNote is the note of a conforming finding the demo has no
// note of its own for (a catalog other than the built-in one): true of any
// requirement the inspector checked and found met.
var demoGenericNote = demoNote{
	"Verificado en sitio con documentos, observación y entrevistas; sin hallazgos.",
	"Checked on site through documents, observation and interviews; no findings.",
}

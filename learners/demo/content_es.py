"""Spanish copy of the demo site (Latin American usage).

``TRANSLATIONS`` is keyed by the slug of the English page (``content_en``); each entry holds the
Spanish slug, title, text fields, ordered inlines and StreamField bodies of the translation.
Fields that are not text (topic, format, hours, minutes, sensitivity) come from the English
page through ``copy_for_translation``. Quiz answers are in the same order, with the same
correct answers, as in English.
"""

from .stream import callout, link, paragraph, question, quiz, reflection

C190_URL = "https://normlex.ilo.org/dyn/nrmlx_es/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C190"
C189_URL = "https://normlex.ilo.org/dyn/nrmlx_es/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189"
C156_URL = "https://normlex.ilo.org/dyn/nrmlx_es/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C156"

CHECK = "Ponga a prueba lo aprendido"

TRANSLATIONS: dict[str, dict] = {}

TRANSLATIONS["home-en"] = {
    "slug": "home-es",
    "title": "Aula",
    "intro": (
        "<p>Cursos profesionales breves sobre la economía del cuidado y la violencia de género "
        "en el trabajo, para personas funcionarias públicas, interlocutores sociales y "
        "trabajadoras y trabajadores del cuidado de América Latina y el Caribe. Estudie a su "
        "ritmo, participe en sesiones en vivo con especialistas internacionales y obtenga "
        "certificados que indican las competencias adquiridas.</p>"
    ),
    "listing_summary": (
        "Cursos profesionales sobre la economía del cuidado y la violencia de género en el trabajo."
    ),
}

TRANSLATIONS["courses"] = {
    "slug": "courses",
    "title": "Cursos",
    "intro": (
        "<p>Cursos combinados con sesiones en vivo, cursos por cohortes con tutoría, cursos "
        "breves autogestionados que puede comenzar cuando quiera y ciclos de seminarios web "
        "en vivo. Filtre el catálogo por tema, idioma o modalidad.</p>"
    ),
    "listing_summary": "Todos los cursos, con su modalidad, dedicación y duración.",
}


# --- 1. Trabajo decente en la economía del cuidado --------------------------------------------

TRANSLATIONS["decent-work-care-economy"] = {
    "slug": "trabajo-decente-economia-del-cuidado",
    "title": "Trabajo decente en la economía del cuidado",
    "listing_summary": (
        "Cuatro semanas, modalidad combinada: trabajo de cuidados remunerado y no remunerado, "
        "inversión en cuidados, protección social y políticas de cuidados transformadoras, "
        "con una sesión en vivo cada semana."
    ),
    "summary": (
        "Un curso combinado de cuatro semanas sobre el trabajo de cuidados, remunerado y no "
        "remunerado: quién lo realiza, por qué importa para la economía, cómo financiarlo, "
        "cómo proteger a quienes lo hacen y cómo diseñar políticas de cuidados "
        "transformadoras mediante el diálogo social, con el marco de las 5R como guía."
    ),
    "overview": (
        "<p>Los cuidados sostienen a las familias, las comunidades y las economías. La mayor "
        "parte no es remunerada, queda fuera de las estadísticas económicas y la realizan las "
        "mujeres; cuando es remunerada, suele estar mal protegida. Este curso aborda los "
        "cuidados como una cuestión de política económica y laboral, y no solo de la vida "
        "privada.</p>"
        "<p>El curso sigue el marco de las 5R de la resolución internacional de 2024 sobre el "
        "trabajo decente y la economía del cuidado: <b>reconocer, reducir y redistribuir</b> "
        "el trabajo de cuidados no remunerado, y <b>recompensar y representar</b> a las "
        "personas trabajadoras del cuidado. Cada semana usted estudia un módulo por su cuenta "
        "y luego se reúne en una sesión virtual en vivo con especialistas internacionales y "
        "con el resto de participantes.</p>"
        "<h3>Cómo funciona el curso</h3>"
        "<ul><li>Cuatro módulos en línea autoguiados, uno por semana.</li>"
        "<li>Cuatro sesiones virtuales en vivo de 90 minutos, una por semana, grabadas para "
        "quienes no puedan asistir.</li>"
        "<li>Unas 20 horas de estudio en total.</li>"
        "<li>Inscripción por postulación: un formulario breve con algunas preguntas, que "
        "revisa el equipo del curso.</li></ul>"
    ),
    "audience": (
        "<p>Personas que definen o ejecutan políticas de cuidados, en particular:</p>"
        "<ul><li>funcionarias y funcionarios de ministerios de trabajo y de ministerios o "
        "mecanismos para la igualdad de género;</li>"
        "<li>organizaciones de trabajadores y de empleadores;</li>"
        "<li>unidades de igualdad de oportunidades y personas del ámbito académico;</li>"
        "<li>asociaciones de trabajadoras del hogar, personal de cuidados de larga duración y "
        "de enfermería;</li>"
        "<li>cualquier persona que trabaje en políticas de cuidados.</li></ul>"
    ),
    "organisers": (
        "Un centro internacional de formación, junto con el área de género, igualdad, "
        "diversidad e inclusión de una organización internacional del trabajo."
    ),
    "outcomes": [
        "Explicar qué son el trabajo de cuidados remunerado y el no remunerado, y por qué "
        "ambos importan para la economía.",
        "Utilizar el marco de las 5R para analizar una política o un programa de cuidados.",
        "Presentar los argumentos económicos a favor de la inversión pública en servicios y "
        "empleos de cuidados.",
        "Identificar brechas de protección social y de derechos laborales de las personas "
        "trabajadoras del cuidado, incluidas las migrantes.",
        "Describir los pasos para diseñar una política de cuidados transformadora mediante el "
        "diálogo social.",
    ],
    "competencies": [
        {
            "framework_name": "Estándar regional de competencias del trabajo de cuidados (demo)",
            "framework_code": "CUI-01",
            "title": "Análisis de políticas de cuidados",
            "description": "Analiza políticas y programas de cuidados con el marco de las 5R.",
        },
        {
            "framework_name": "Estándar regional de competencias del trabajo de cuidados (demo)",
            "framework_code": "CUI-02",
            "title": "Argumentos económicos a favor de los cuidados",
            "description": "Presenta los costos y retornos de la inversión pública en cuidados.",
        },
        {
            "framework_name": "Estándar regional de competencias del trabajo de cuidados (demo)",
            "framework_code": "CUI-03",
            "title": "Diálogo social sobre cuidados",
            "description": (
                "Prepara el diálogo sobre cuidados entre gobiernos y organizaciones de "
                "trabajadores y de empleadores."
            ),
        },
    ],
}

TRANSLATIONS["care-work-concepts-and-5r"] = {
    "slug": "trabajo-de-cuidados-conceptos-y-5r",
    "title": "El trabajo de cuidados y la economía del cuidado: conceptos, cifras y el marco de "
    "las 5R",
    "introduction": (
        "Qué se considera trabajo de cuidados, quién lo realiza, qué dicen las cifras y un "
        "marco para actuar."
    ),
    "body": [
        paragraph(
            "<h2>¿Qué es el trabajo de cuidados?</h2>"
            "<p>El trabajo de cuidados abarca dos tipos de actividades. Los <b>cuidados "
            "directos</b> consisten en atender a las personas: alimentar a un bebé, ayudar a "
            "una persona mayor a bañarse, acompañar a un familiar enfermo. Los <b>cuidados "
            "indirectos</b> son las tareas que hacen posibles los cuidados directos: cocinar, "
            "limpiar, lavar la ropa, acarrear agua.</p>"
            "<p>Ambos pueden realizarse sin remuneración, en los hogares y las comunidades, o "
            "de forma remunerada, a cargo de enfermeras, docentes, trabajadoras del hogar, "
            "asistentes personales y muchas otras personas trabajadoras del cuidado. En "
            "conjunto, los cuidados remunerados y no remunerados conforman la <b>economía del "
            "cuidado</b>.</p>"
            "<h3>Trabajo de cuidados no remunerado</h3>"
            "<p>Los cuidados no remunerados son trabajo: requieren tiempo y esfuerzo y "
            "producen algo valioso. Sin embargo, las medidas habituales de la producción, como "
            "el producto interno bruto, los dejan fuera. Como no se contabilizan, es fácil "
            "pasarlos por alto al elaborar los presupuestos. Las encuestas de uso del tiempo, "
            "que preguntan a las personas en qué ocupan cada hora del día, son la principal "
            "herramienta para hacerlos visibles.</p>"
            "<h3>Trabajo de cuidados remunerado</h3>"
            "<p>Los cuidados remunerados son una de las mayores fuentes de empleo del mundo, y "
            "siguen creciendo. Muchos empleos de cuidados son informales, mal pagados y "
            "ocupados por mujeres; el trabajo doméstico, en particular, depende en gran medida "
            "de mujeres migrantes.</p>"
        ),
        callout(
            "key_fact",
            "Los cuidados en cifras",
            "<ul><li>Las mujeres realizan el <b>76,2 %</b> de todo el trabajo de cuidados no "
            "remunerado.</li>"
            "<li>En 2023, el <b>95 %</b> de las personas que estaban fuera de la fuerza de "
            "trabajo mundial por responsabilidades de cuidado eran mujeres.</li>"
            "<li>La región necesita al menos <b>19 millones</b> de empleos de cuidados "
            "adicionales para 2030.</li></ul>",
        ),
        paragraph(
            "<h2>Por qué los cuidados son una cuestión de trabajo decente</h2>"
            "<p>Cuando los cuidados no remunerados recaen sobre todo en las mujeres, limitan "
            "las horas que pueden dedicar al trabajo remunerado, los empleos que pueden "
            "aceptar y las pensiones que acumulan. Al mismo tiempo, la demanda de cuidados "
            "aumenta a medida que la población envejece y las familias cambian. Responder a "
            "esa demanda con empleos decentes es una oportunidad; responder con trabajo "
            "informal y desprotegido reproduce la desigualdad.</p>"
            "<h2>El marco de las 5R</h2>"
            "<p>En 2024, la Conferencia Internacional del Trabajo adoptó una resolución sobre "
            "el trabajo decente y la economía del cuidado. Organiza las políticas en torno a "
            "cinco acciones:</p>"
            "<ol><li><b>Reconocer</b> el trabajo de cuidados no remunerado: medirlo y tenerlo "
            "en cuenta en las políticas, por ejemplo mediante créditos de pensión por "
            "cuidados.</li>"
            "<li><b>Reducir</b> la carga de los cuidados no remunerados: agua, energía, "
            "transporte y servicios públicos accesibles.</li>"
            "<li><b>Redistribuir</b> los cuidados entre mujeres y hombres, y entre los hogares "
            "y el Estado: licencias, servicios de cuidado infantil, cuidados de larga "
            "duración.</li>"
            "<li><b>Recompensar</b> a las personas trabajadoras del cuidado con salarios "
            "justos, condiciones decentes y protección social.</li>"
            "<li><b>Representar</b> a las personas trabajadoras del cuidado: libertad sindical, "
            "negociación colectiva y voz en el diálogo social.</li></ol>"
        ),
        callout(
            "activity",
            "Póngalo en práctica",
            "<p>Elija una política de cuidados de su país, como un programa de cuidado infantil "
            "o la licencia por paternidad. ¿Cuáles de las cinco R aborda? ¿Cuáles deja de "
            "lado?</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Cuáles de estas actividades son trabajo de cuidados?",
                    [
                        ("Ayudar a un familiar mayor a bañarse", True),
                        ("Cocinar las comidas de la familia", True),
                        ("Reparar el auto de un cliente", False),
                        ("Atender a pacientes en un hospital como enfermera", True),
                    ],
                    "El trabajo de cuidados incluye los cuidados directos y las tareas "
                    "indirectas que los hacen posibles, remunerados o no. Reparar autos es "
                    "trabajo, pero no de cuidados.",
                ),
                question(
                    "¿Qué proporción del trabajo de cuidados no remunerado realizan las mujeres?",
                    [("Alrededor de la mitad", False), ("62,5 %", False), ("76,2 %", True)],
                    "Las mujeres realizan el 76,2 % de todo el trabajo de cuidados no remunerado.",
                ),
                question(
                    "¿Qué R se refiere a la libertad sindical y al diálogo social para las "
                    "personas trabajadoras del cuidado?",
                    [
                        ("Reconocer", False),
                        ("Redistribuir", False),
                        ("Recompensar", False),
                        ("Representar", True),
                    ],
                ),
                question(
                    "La licencia por paternidad remunerada contribuye sobre todo a…",
                    [
                        ("redistribuir los cuidados entre mujeres y hombres", True),
                        ("reducir la cantidad total de cuidados que necesita un bebé", False),
                        ("recompensar a las personas trabajadoras del cuidado", False),
                    ],
                    "La licencia para los padres traslada parte de los cuidados de las madres "
                    "a los padres.",
                ),
            ],
            pass_mark=75,
        ),
        reflection(
            "¿Quién realiza el trabajo de cuidados en su hogar y cómo ha cambiado eso desde la "
            "generación de sus padres? ¿Qué tendría que cambiar para que se repartiera de "
            "forma más equitativa?",
            "<p>Escriba entre 150 y 300 palabras. Comparta solo lo que le resulte cómodo "
            "compartir; sus tutoras y tutores leen su respuesta.</p>",
        ),
    ],
}

TRANSLATIONS["live-session-care-in-figures"] = {
    "slug": "sesion-en-vivo-el-cuidado-en-cifras",
    "title": "Sesión en vivo 1: Los cuidados, un asunto de todas y todos",
    "introduction": (
        "Una conversación de apertura con especialistas internacionales sobre el trabajo de "
        "cuidados en la región y sobre lo que la resolución de 2024 pide a gobiernos, "
        "trabajadores y empleadores."
    ),
    "agenda": (
        "<ul><li>Bienvenida y presentaciones (10 min)</li>"
        "<li>Exposición: la economía del cuidado en cifras (25 min)</li>"
        "<li>Panel: qué significa el marco de las 5R para los ministerios, los sindicatos y "
        "los empleadores (35 min)</li>"
        "<li>Preguntas de participantes (20 min)</li></ul>"
    ),
    "speakers": [
        {
            "name": "Coordinación del curso",
            "role": "Moderación",
            "organisation": "Centro internacional de formación",
        },
    ],
    "materials": [
        link(
            "Convenio sobre las trabajadoras y los trabajadores domésticos, 2011 (núm. 189)",
            C189_URL,
        ),
    ],
}

TRANSLATIONS["investing-in-care"] = {
    "slug": "invertir-en-cuidados",
    "title": "Invertir en cuidados: macroeconomía y financiamiento",
    "introduction": (
        "Por qué el gasto en cuidados es una inversión, qué retornos genera y cómo lo "
        "financian los países."
    ),
    "body": [
        paragraph(
            "<h2>Los cuidados como infraestructura</h2>"
            "<p>A las carreteras y las redes eléctricas se las llama infraestructura porque "
            "todas las demás actividades dependen de ellas. Los servicios de cuidados cumplen "
            "la misma función: sin servicios de cuidado infantil, escuelas y cuidados para las "
            "personas mayores y con discapacidad, muchas personas adultas, en su mayoría "
            "mujeres, no pueden acceder a un trabajo remunerado. Por eso en economía se habla "
            "de <b>infraestructura de cuidados</b> y de inversión en cuidados, y no solo de "
            "gasto social.</p>"
            "<h2>Qué retornos genera invertir en cuidados</h2>"
            "<p>El gasto público en servicios de cuidados genera tres tipos de retorno:</p>"
            "<ul><li><b>Empleos en cuidados</b>: los cuidados son intensivos en mano de obra, "
            "por lo que cada unidad de gasto crea muchos empleos directos.</li>"
            "<li><b>Empleos en otros sectores</b>: madres, padres y familiares cuidadores, "
            "liberados de parte de los cuidados no remunerados, pueden acceder a un trabajo "
            "remunerado.</li>"
            "<li><b>Ingresos fiscales</b>: las nuevas personas trabajadoras pagan impuestos y "
            "contribuciones sociales, con lo que se recupera parte del costo inicial.</li></ul>"
            "<p>A esto se suman beneficios a largo plazo: niñas y niños que acceden a una buena "
            "educación inicial, personas mayores que se mantienen sanas y autónomas por más "
            "tiempo.</p>"
        ),
        callout(
            "key_fact",
            "El tamaño de la brecha",
            "<p>La región necesita al menos <b>19 millones</b> de empleos de cuidados "
            "adicionales para 2030. Que sean empleos decentes depende de cómo se financien y "
            "regulen los cuidados.</p>",
        ),
        paragraph(
            "<h2>Cómo se pagan los cuidados</h2>"
            "<p>Los países financian los cuidados con una combinación de fuentes:</p>"
            "<ul><li>impuestos generales, para servicios universales como la educación de la "
            "primera infancia;</li>"
            "<li>contribuciones a la seguridad social, para licencias por cuidados y seguros "
            "de cuidados de larga duración;</li>"
            "<li>copagos de las familias, idealmente según sus ingresos para que los cuidados "
            "no se conviertan en un privilegio;</li>"
            "<li>los empleadores, para centros de cuidado infantil en el lugar de trabajo o "
            "licencias por cuidados.</li></ul>"
            "<h3>Preguntas para cualquier plan de financiamiento</h3>"
            "<p>¿Quién paga y es justa la distribución de la carga? ¿Es estable el "
            "financiamiento de un presupuesto a otro? ¿Prevé salarios decentes o da por hecho "
            "que las personas trabajadoras del cuidado aceptarán sueldos bajos?</p>"
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Por qué en economía se llama infraestructura a los servicios de cuidados?",
                    [
                        ("Porque siempre los construyen los ministerios de obras públicas", False),
                        ("Porque buena parte de la actividad económica depende de ellos", True),
                        ("Porque nunca necesitan financiamiento público", False),
                    ],
                ),
                question(
                    "¿Cuáles de estos son retornos de la inversión pública en cuidados?",
                    [
                        ("Empleos directos en servicios de cuidados", True),
                        ("Más madres y padres que pueden trabajar de forma remunerada", True),
                        (
                            "Impuestos y contribuciones que pagan las nuevas personas trabajadoras",
                            True,
                        ),
                        ("El fin de todo el trabajo de cuidados no remunerado", False),
                    ],
                    "La inversión crea empleos e ingresos, pero siempre habrá cuidados no "
                    "remunerados que se comparten en las familias.",
                ),
                question(
                    "Un plan de financiamiento de cuidados que ignora los salarios de quienes "
                    "cuidan…",
                    [
                        (
                            "corre el riesgo de sostener el servicio con trabajo mal pagado y "
                            "desprotegido",
                            True,
                        ),
                        ("siempre resulta más barato a largo plazo", False),
                        ("es un requisito del marco de las 5R", False),
                    ],
                ),
            ],
        ),
        reflection(
            "Si su ministerio u organización contara con un presupuesto nuevo y modesto para "
            "cuidados, ¿dónde lo invertiría primero y qué retorno esperaría?",
            "<p>Piense en quiénes se beneficiarían, cuántos empleos podría crear y cómo "
            "mediría el resultado.</p>",
        ),
    ],
}

TRANSLATIONS["live-session-financing-care"] = {
    "slug": "sesion-en-vivo-financiar-los-cuidados",
    "title": "Sesión en vivo 2: El financiamiento de los sistemas de cuidados",
    "introduction": (
        "Especialistas comparan cómo financian los países los servicios de cuidados y debaten "
        "qué hace que el financiamiento sea justo y sostenible."
    ),
    "agenda": (
        "<ul><li>Repaso de la semana y preguntas sobre el módulo (10 min)</li>"
        "<li>Exposición: comparación de modelos de financiamiento (30 min)</li>"
        "<li>Trabajo en grupos: calcular el costo de un servicio de cuidados (35 min)</li>"
        "<li>Cierre (15 min)</li></ul>"
    ),
    "speakers": [],
    "materials": [],
}

TRANSLATIONS["social-protection-labour-rights-migration"] = {
    "slug": "proteccion-social-derechos-laborales-migracion",
    "title": "Protección social, derechos laborales y migración en el trabajo de cuidados",
    "introduction": (
        "Los derechos de quienes cuidan a otras personas, ya sea de forma remunerada, en su "
        "propia familia o al otro lado de una frontera."
    ),
    "body": [
        paragraph(
            "<h2>Protección social para quienes cuidan</h2>"
            "<p>Las personas cuidadoras no remuneradas suelen interrumpir su trayectoria "
            "laboral y pierden ingresos, cotizaciones y, más adelante, derechos de pensión. La "
            "protección social puede compensarlo: licencias remuneradas de maternidad, "
            "paternidad y parentales; licencias para cuidar a familiares enfermos o "
            "dependientes; créditos de pensión por los años dedicados a cuidar; prestaciones "
            "monetarias para las personas que necesitan cuidados de larga duración.</p>"
            "<h2>Derechos laborales de las personas trabajadoras del cuidado</h2>"
            "<p>Quienes trabajan en cuidados de forma remunerada tienen los mismos derechos "
            "que el resto de las personas trabajadoras: salario mínimo, límites a la jornada, "
            "descansos, lugares de trabajo seguros y saludables y libertad para afiliarse a un "
            "sindicato. En la práctica, muchas quedan excluidas en la ley o en los hechos, "
            "sobre todo las trabajadoras del hogar, que trabajan solas en casas "
            "particulares.</p>"
            "<p>El Convenio sobre las trabajadoras y los trabajadores domésticos, 2011 (núm. "
            "189) establece que estas personas tienen los mismos derechos básicos que el resto "
            "de las personas trabajadoras, incluidas condiciones de empleo claras, descanso "
            "semanal y protección contra el abuso. El Convenio sobre los trabajadores con "
            "responsabilidades familiares, 1981 (núm. 156) protege a las personas trabajadoras "
            "contra la discriminación por sus responsabilidades de cuidado.</p>"
        ),
        callout(
            "note",
            "Seguridad y salud en el trabajo de cuidados",
            "<p>Levantar peso, trabajar de noche, exponerse a infecciones y soportar tensión "
            "emocional son riesgos cotidianos en los empleos de cuidados. Las normas de "
            "seguridad y salud en el trabajo deben cubrir a quienes cuidan, también a quienes "
            "trabajan en casas particulares.</p>",
        ),
        paragraph(
            "<h2>Migración y cadenas globales de cuidados</h2>"
            "<p>Muchas personas trabajadoras del cuidado migran para cuidar a las familias de "
            "otras personas y a menudo dejan a sus propios hijos o padres al cuidado de "
            "familiares en su país. Estas <b>cadenas globales de cuidados</b> conectan hogares "
            "de distintos países. Las trabajadoras migrantes del cuidado enfrentan riesgos "
            "particulares: comisiones de contratación y deudas, documentos retenidos por el "
            "empleador, visados atados a un solo empleador y exclusión de la seguridad "
            "social.</p>"
            "<h3>Qué pueden hacer las políticas</h3>"
            "<ul><li>Contratación equitativa, sin comisiones a cargo de las personas "
            "trabajadoras.</li>"
            "<li>Contratos por escrito en un idioma que la persona trabajadora comprenda.</li>"
            "<li>Seguridad social transferible entre países.</li>"
            "<li>Reconocimiento de las calificaciones y competencias obtenidas en el "
            "extranjero.</li></ul>"
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Qué convenio internacional trata específicamente sobre las trabajadoras "
                    "y los trabajadores domésticos?",
                    [
                        ("El Convenio núm. 156", False),
                        ("El Convenio núm. 189", True),
                        ("El Convenio núm. 190", False),
                    ],
                ),
                question(
                    "¿Qué medidas compensan a las personas cuidadoras no remuneradas a través "
                    "de la protección social?",
                    [
                        ("Créditos de pensión por los años dedicados a cuidar", True),
                        ("Licencias parentales remuneradas", True),
                        ("Jornadas más largas para quienes cuidan", False),
                    ],
                ),
                question(
                    "¿Cuáles de estos riesgos enfrentan a menudo las trabajadoras migrantes "
                    "del cuidado?",
                    [
                        ("Comisiones de contratación y deudas", True),
                        ("Empleadores que retienen sus documentos de identidad", True),
                        ("El reconocimiento automático de sus calificaciones", False),
                    ],
                ),
            ],
        ),
        reflection(
            "Piense en una persona trabajadora del cuidado que conozca: una trabajadora del "
            "hogar, una enfermera, alguien que cuida a una persona mayor. ¿Cuáles de los "
            "derechos de este módulo ejerce realmente y cuáles le faltan?",
        ),
    ],
}

TRANSLATIONS["live-session-care-workers-rights"] = {
    "slug": "sesion-en-vivo-derechos-de-quienes-cuidan",
    "title": "Sesión en vivo 3: Derechos y protección de las personas trabajadoras del cuidado",
    "introduction": (
        "Representantes de organizaciones de trabajadores y de empleadores debaten cómo "
        "llegan en la práctica los derechos laborales y la protección social a quienes "
        "trabajan en cuidados."
    ),
    "agenda": (
        "<ul><li>Apertura (10 min)</li>"
        "<li>Panel: trabajo del hogar, cuidados de larga duración y enfermería (40 min)</li>"
        "<li>Preguntas de participantes (30 min)</li>"
        "<li>Preparación de la tarea final (10 min)</li></ul>"
    ),
    "speakers": [],
    "materials": [
        link(
            "Convenio sobre los trabajadores con responsabilidades familiares, 1981 (núm. 156)",
            C156_URL,
        ),
    ],
}

TRANSLATIONS["transformative-care-policies"] = {
    "slug": "politicas-de-cuidados-transformadoras",
    "title": "Diseñar políticas de cuidados transformadoras mediante el diálogo social",
    "introduction": (
        "Del diagnóstico a una política que cambia quién cuida y cómo: los pasos, los actores "
        "y el papel del diálogo social."
    ),
    "body": [
        paragraph(
            "<h2>¿Qué hace transformadora a una política de cuidados?</h2>"
            "<p>Una política de cuidados es transformadora cuando hace algo más que cubrir un "
            "vacío en los servicios. Cambia la forma en que se reparten los cuidados entre "
            "mujeres y hombres, y entre las familias, el Estado, los empleadores y las "
            "comunidades; crea empleos decentes, y respeta los derechos y la autonomía de las "
            "personas que reciben cuidados.</p>"
            "<h2>Pasos para diseñar una política</h2>"
            "<ol><li><b>Diagnóstico</b>: quién necesita cuidados, quién los brinda y en qué "
            "condiciones. Las encuestas de uso del tiempo y los datos de la fuerza de trabajo "
            "son el punto de partida.</li>"
            "<li><b>Objetivos</b>: cuáles de las cinco R persigue la política, con metas.</li>"
            "<li><b>Diseño y costeo</b>: servicios, licencias, prestaciones, regulación y su "
            "financiamiento.</li>"
            "<li><b>Coordinación</b>: los cuidados atraviesan los ministerios de trabajo, "
            "salud, educación, desarrollo social y hacienda, y los distintos niveles de "
            "gobierno.</li>"
            "<li><b>Seguimiento</b>: indicadores y una revisión al cabo de un plazo "
            "acordado.</li></ol>"
        ),
        callout(
            "note",
            "¿Por qué el diálogo social?",
            "<p>Las políticas acordadas con las organizaciones de trabajadores y de empleadores "
            "duran más y funcionan mejor: quienes brindan y financian los cuidados contribuyen "
            "a darles forma, y las personas trabajadoras del cuidado ganan voz en sus "
            "condiciones de trabajo.</p>",
        ),
        paragraph(
            "<h2>El diálogo social en la práctica</h2>"
            "<p>El diálogo social puede adoptar muchas formas: consejos tripartitos que "
            "asesoran sobre un sistema nacional de cuidados, negociación colectiva que mejora "
            "los salarios y las condiciones en el sector de cuidados, o acuerdos en los lugares "
            "de trabajo sobre horarios flexibles y licencias por cuidados. Para que el diálogo "
            "sea significativo, las personas trabajadoras del cuidado menos organizadas, como "
            "las trabajadoras del hogar, necesitan apoyo para organizarse y estar "
            "representadas.</p>"
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Cuál suele ser el primer paso para diseñar una política de cuidados?",
                    [
                        (
                            "Un diagnóstico de las necesidades de cuidados y de quién los brinda",
                            True,
                        ),
                        ("Una campaña publicitaria", False),
                        ("Elegir los edificios de los nuevos centros de cuidado", False),
                    ],
                ),
                question(
                    "¿Qué ministerios suelen participar en una política nacional de cuidados?",
                    [
                        ("Trabajo", True),
                        ("Salud", True),
                        ("Hacienda", True),
                        ("Solo el ministerio de la mujer", False),
                    ],
                    "Los cuidados atraviesan muchos sectores; la coordinación forma parte del "
                    "diseño.",
                ),
                question(
                    "El diálogo social sobre cuidados incluye…",
                    [
                        ("la negociación colectiva en el sector de cuidados", True),
                        ("consejos tripartitos que asesoran sobre un sistema de cuidados", True),
                        ("decisiones que toma el gobierno por sí solo", False),
                    ],
                ),
            ],
        ),
        reflection(
            "Esboce una política de cuidados transformadora para su país u organización: qué "
            "necesidad atiende, cuáles de las cinco R persigue, quién la paga y quiénes "
            "deberían sentarse a la mesa para acordarla.",
            "<p>Esta reflexión es su tarea final. Su tutora o tutor la comentará antes de la "
            "última sesión en vivo.</p>",
        ),
    ],
}

TRANSLATIONS["live-session-social-dialogue-on-care"] = {
    "slug": "sesion-en-vivo-dialogo-social-sobre-cuidados",
    "title": "Sesión en vivo 4: Diálogo social sobre cuidados. Sesión de cierre",
    "introduction": (
        "Las y los participantes presentan sus esbozos de política y los debaten con "
        "especialistas y entre sí."
    ),
    "agenda": (
        "<ul><li>Presentación de los esbozos de política de participantes (50 min)</li>"
        "<li>Comentarios del panel de especialistas (25 min)</li>"
        "<li>Evaluación del curso y cierre (15 min)</li></ul>"
    ),
    "speakers": [],
    "materials": [],
}


# --- 2. Violencia de género en el trabajo -----------------------------------------------------

TRANSLATIONS["gender-based-violence-at-work"] = {
    "slug": "violencia-de-genero-en-el-trabajo",
    "title": "Violencia de género en el trabajo",
    "listing_summary": (
        "Un curso con tutoría de diez semanas para personal de ministerios de trabajo sobre "
        "cómo identificar, prevenir, atender y sancionar la violencia de género en el "
        "trabajo."
    ),
    "summary": (
        "Un curso con tutoría de diez semanas para funcionarias y funcionarios de ministerios "
        "de trabajo: el marco conceptual de la violencia de género en el trabajo, el rol de "
        "los ministerios para identificarla, prevenirla, atenderla y sancionarla, y buenas "
        "prácticas de la región."
    ),
    "overview": (
        "<p>La violencia y el acoso en el trabajo dañan la salud, la dignidad y la "
        "trayectoria laboral de las personas, y la violencia de género afecta en particular a "
        "las mujeres. Desde la adopción del Convenio sobre la violencia y el acoso, 2019 "
        "(núm. 190), los ministerios de trabajo cuentan con una referencia internacional "
        "clara para su labor de prevención, protección y reparación.</p>"
        "<p>Este curso prepara al funcionariado para actuar en consecuencia. Combina módulos "
        "asincrónicos con sesiones en vivo, y una tutora o un tutor acompaña a cada cohorte "
        "de principio a fin.</p>"
        "<h3>Cómo funciona el curso</h3>"
        "<ul><li>Cuatro módulos a lo largo de diez semanas, unas 50 horas de estudio.</li>"
        "<li>Dos sesiones en vivo con toda la cohorte.</li>"
        "<li>Una tutora o un tutor que sigue su avance y lee sus reflexiones.</li>"
        "<li>Inscripción para personas funcionarias designadas por su ministerio.</li></ul>"
        "<p>La edición en español comenzó en octubre de 2021 y la edición en inglés en marzo "
        "de 2022. En las primeras ediciones participaron 75 funcionarias y funcionarios de 27 "
        "ministerios de trabajo.</p>"
    ),
    "audience": (
        "<p>Funcionarias y funcionarios de ministerios de trabajo, incluidos inspectores e "
        "inspectoras del trabajo y personal de las unidades de género e igualdad. Las plazas "
        "están reservadas a personas designadas por su ministerio, que reciben un código de "
        "invitación.</p>"
    ),
    "organisers": (
        "Una red regional de administración laboral de los ministerios de trabajo de las "
        "Américas, junto con una comisión regional de mujeres. Alojado en un portal "
        "educativo."
    ),
    "public_title": "Curso profesional sobre entornos laborales respetuosos",
    "content_note": (
        "<p>Este curso trata sobre la violencia y el acoso, incluido el acoso sexual. Parte "
        "del material puede resultar perturbador, y algunas personas participantes pueden "
        "haber vivido situaciones similares. Tómese pausas cuando lo necesite y avise a su "
        "tutora o tutor si una actividad no es adecuada para usted. El botón de salida rápida "
        "abandona este sitio de inmediato. Si se encuentra en peligro inmediato, comuníquese "
        "con los servicios de emergencia de su localidad.</p>"
    ),
    "support_links": [
        {
            "title": "ONU Mujeres",
            "url": "https://www.unwomen.org/es",
            "description": "Información para poner fin a la violencia contra las mujeres.",
        },
        {
            "title": "Organización Mundial de la Salud: violencia contra la mujer",
            "url": "https://www.who.int/es/news-room/fact-sheets/detail/violence-against-women",
            "description": (
                "Datos clave, y la atención de salud y el apoyo que necesitan las sobrevivientes."
            ),
        },
        {
            "title": "Comisión Interamericana de Mujeres",
            "url": "https://www.oas.org/es/cim/",
            "description": "El foro hemisférico de los derechos de las mujeres y la igualdad.",
        },
        {
            "title": "Convenio sobre la violencia y el acoso, 2019 (núm. 190)",
            "url": C190_URL,
            "description": "El texto del convenio y los países que lo han ratificado.",
        },
    ],
    "outcomes": [
        "Definir la violencia y el acoso en el mundo del trabajo, incluida la violencia de "
        "género, según el Convenio núm. 190.",
        "Reconocer las formas que adopta, incluido el acoso en línea en el teletrabajo.",
        "Describir el rol de un ministerio de trabajo para identificar, prevenir, atender y "
        "sancionar la violencia de género en el trabajo.",
        "Evaluar una política o un protocolo de un lugar de trabajo a la luz de las buenas "
        "prácticas.",
        "Elaborar un plan de acción para su ministerio.",
    ],
    "competencies": [
        {
            "title": "Identificación de la violencia de género en el trabajo",
            "description": "Reconoce la violencia y el acoso y los factores de riesgo que los "
            "favorecen.",
        },
        {
            "title": "Prevención e inspección del trabajo",
            "description": (
                "Planifica la prevención, la inspección y las sanciones desde un ministerio "
                "de trabajo."
            ),
        },
        {
            "title": "Atención centrada en las sobrevivientes",
            "description": (
                "Tramita denuncias con confidencialidad y deriva a las sobrevivientes a "
                "servicios de apoyo."
            ),
        },
    ],
}

TRANSLATIONS["gbv-conceptual-framework"] = {
    "slug": "marco-conceptual-violencia-de-genero",
    "title": "Marco conceptual de la violencia de género en el trabajo",
    "introduction": (
        "Conceptos clave, las formas que adoptan la violencia y el acoso en el trabajo y el "
        "marco internacional del Convenio núm. 190."
    ),
    "body": [
        callout(
            "content_note",
            "Advertencia de contenido",
            "<p>Este módulo describe formas de violencia y acoso, incluido el acoso sexual. "
            "Lea a su propio ritmo y haga una pausa cada vez que lo necesite.</p>",
        ),
        paragraph(
            "<h2>Conceptos clave</h2>"
            "<p>La <b>violencia y el acoso</b> en el mundo del trabajo abarcan un conjunto de "
            "comportamientos y prácticas inaceptables, o de amenazas de tales comportamientos, "
            "que tienen por objeto, causan o pueden causar un daño físico, psicológico, sexual "
            "o económico. Basta un solo hecho; no es necesario que se repita.</p>"
            "<p>La <b>violencia y el acoso por razón de género</b> se dirigen contra las "
            "personas por su sexo o género, o afectan de manera desproporcionada a personas de "
            "un sexo o género determinado. Incluyen el acoso sexual.</p>"
            "<h3>Formas que adopta</h3>"
            "<ul><li>Violencia física y amenazas.</li>"
            "<li>Violencia psicológica: humillaciones, aislamiento, descalificación "
            "constante.</li>"
            "<li>Acoso sexual: comentarios, contactos o exigencias de naturaleza sexual no "
            "deseados.</li>"
            "<li>Violencia económica: retener el salario o negar oportunidades.</li></ul>"
        ),
        callout(
            "key_fact",
            "El Convenio núm. 190",
            "<p>El Convenio sobre la violencia y el acoso, 2019 (núm. 190) fue el primer "
            "tratado internacional en reconocer el derecho de toda persona a un mundo del "
            "trabajo libre de violencia y acoso, incluidos la violencia y el acoso por razón "
            "de género.</p>",
        ),
        paragraph(
            "<h2>A quién protege y dónde</h2>"
            "<p>El Convenio protege a las personas trabajadoras cualquiera sea su tipo de "
            "contrato, y también a pasantes, aprendices, voluntarios, personas en busca de "
            "empleo y personas cuya relación de trabajo terminó. Abarca el lugar de trabajo y "
            "también los trayectos entre el domicilio y el trabajo, los viajes y eventos "
            "relacionados con el trabajo, el alojamiento proporcionado por el empleador y las "
            "comunicaciones relacionadas con el trabajo.</p>"
            "<h3>Nuevas formas: el acoso en el teletrabajo</h3>"
            "<p>Con el teletrabajo, el acoso siguió al trabajo en línea: mensajes abusivos, "
            "contactos no deseados fuera del horario laboral, comentarios humillantes en "
            "videollamadas o imágenes compartidas sin consentimiento. Como el Convenio abarca "
            "las comunicaciones relacionadas con el trabajo, incluidas las que se realizan por "
            "medio de tecnologías de la información y la comunicación, el acoso en línea "
            "entra en su ámbito.</p>"
        ),
        quiz(
            CHECK,
            [
                question(
                    "Según el Convenio núm. 190, ¿debe repetirse un comportamiento para "
                    "considerarse violencia o acoso?",
                    [
                        ("Sí, debe repetirse a lo largo del tiempo", False),
                        ("No, un solo hecho puede bastar", True),
                    ],
                ),
                question(
                    "¿A quiénes protege el Convenio?",
                    [
                        ("A las personas empleadas con contrato", True),
                        ("A pasantes y voluntarios", True),
                        ("A las personas en busca de empleo", True),
                        ("Solo a quienes trabajan en la economía formal", False),
                    ],
                ),
                question(
                    "Un supervisor envía a una trabajadora mensajes humillantes a altas horas "
                    "de la noche por una aplicación de mensajería. ¿Está cubierto?",
                    [
                        (
                            "Sí: las comunicaciones relacionadas con el trabajo están cubiertas",
                            True,
                        ),
                        ("No: ocurrió fuera del lugar de trabajo", False),
                        ("No: ocurrió fuera del horario laboral", False),
                    ],
                ),
                question(
                    "¿Cuáles de estas son formas de violencia y acoso por razón de género en el "
                    "trabajo?",
                    [
                        ("Comentarios sexuales no deseados", True),
                        ("Negar un ascenso porque una trabajadora está embarazada", True),
                        ("Una evaluación de desempeño justa", False),
                    ],
                ),
            ],
            pass_mark=75,
        ),
        reflection(
            "¿Cuáles de las formas de violencia y acoso descritas en este módulo cree que son "
            "más frecuentes en los lugares de trabajo de su país? ¿Qué las hace difíciles de "
            "ver?",
            "<p>No mencione a personas ni lugares de trabajo reales. Su tutora o tutor lee su "
            "respuesta.</p>",
        ),
    ],
}

TRANSLATIONS["gbv-opening-live-session"] = {
    "slug": "sesion-en-vivo-de-apertura",
    "title": "Sesión en vivo: apertura de la cohorte",
    "introduction": (
        "Conozca a su tutora o tutor y al resto del funcionariado de su cohorte, y debatan "
        "juntos el marco conceptual."
    ),
    "agenda": (
        "<ul><li>Bienvenida de las instituciones organizadoras (15 min)</li>"
        "<li>Presentaciones: cada ministerio en un minuto (30 min)</li>"
        "<li>Exposición: el Convenio núm. 190 y el rol de los ministerios de trabajo "
        "(40 min)</li>"
        "<li>Preguntas y funcionamiento del curso (35 min)</li></ul>"
    ),
    "speakers": [
        {
            "name": "Tutoría de la cohorte",
            "role": "Tutora o tutor",
            "organisation": "Red regional de administración laboral",
        },
    ],
    "materials": [link("Convenio sobre la violencia y el acoso, 2019 (núm. 190)", C190_URL)],
}

TRANSLATIONS["role-of-ministries-of-labour"] = {
    "slug": "rol-de-los-ministerios-de-trabajo",
    "title": (
        "El rol de los ministerios de trabajo para identificar, prevenir, atender y sancionar "
        "la violencia de género"
    ),
    "introduction": (
        "Las cuatro funciones de un ministerio de trabajo y las herramientas de que dispone "
        "para cada una."
    ),
    "body": [
        paragraph(
            "<h2>Cuatro funciones</h2>"
            "<p>Los ministerios de trabajo actúan frente a la violencia de género en el "
            "trabajo de cuatro maneras, que funcionan mejor cuando se combinan.</p>"
            "<h3>1. Identificar</h3>"
            "<p>Recopilar datos sobre violencia y acoso, mediante encuestas, denuncias y "
            "registros de inspección, desglosados por sexo y sector, para que las políticas se "
            "basen en evidencia. Capacitar a la inspección del trabajo para reconocer las "
            "señales.</p>"
            "<h3>2. Prevenir</h3>"
            "<p>Establecer en la ley y en guías las obligaciones de los empleadores: una "
            "política en el lugar de trabajo, una evaluación de riesgos que incluya los "
            "riesgos psicosociales, capacitación e información para el personal. Impulsar "
            "campañas de sensibilización con las organizaciones de trabajadores y de "
            "empleadores.</p>"
            "<h3>3. Atender</h3>"
            "<p>Ofrecer canales de denuncia seguros, accesibles y confidenciales, proteger a "
            "denunciantes y testigos contra las represalias y derivar a las sobrevivientes a "
            "servicios de salud, psicológicos, jurídicos y sociales.</p>"
            "<h3>4. Sancionar</h3>"
            "<p>Inspeccionar y, cuando se infringe la ley, imponer sanciones y exigir "
            "reparaciones. Las sanciones conocidas y aplicadas son en sí mismas un medio de "
            "prevención.</p>"
        ),
        callout(
            "note",
            "Trabajar con otras instituciones",
            "<p>Ningún ministerio actúa solo. La coordinación con los ministerios y "
            "mecanismos de la mujer, el sistema de justicia, los servicios de salud y los "
            "interlocutores sociales convierte cuatro funciones separadas en un solo recorrido "
            "para la sobreviviente.</p>",
        ),
        paragraph(
            "<h2>La inspección del trabajo</h2>"
            "<p>A menudo, la inspección es la única representación del Estado que entra en un "
            "lugar de trabajo. Para actuar frente a la violencia y el acoso, las inspectoras y "
            "los inspectores necesitan un mandato claro, formación en género y en entrevistas "
            "a personas que pueden estar traumatizadas, y protocolos que protejan la "
            "confidencialidad. Una inspección puede verificar si el empleador tiene una "
            "política, si evaluó los riesgos y si tramitó correctamente las denuncias.</p>"
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿De qué maneras puede un ministerio de trabajo identificar la violencia de "
                    "género en el trabajo?",
                    [
                        ("Encuestas y datos desglosados por sexo", True),
                        ("Análisis de denuncias y registros de inspección", True),
                        ("Esperar a que los casos lleguen a los medios", False),
                    ],
                ),
                question(
                    "Proteger a quienes denuncian contra las represalias corresponde sobre todo "
                    "a la función de…",
                    [
                        ("identificar", False),
                        ("atender", True),
                        ("sancionar", False),
                    ],
                ),
                question(
                    "¿Por qué las sanciones también son un medio de prevención?",
                    [
                        ("Porque las sanciones conocidas y aplicadas disuaden la violencia", True),
                        ("Porque reemplazan las políticas en el lugar de trabajo", False),
                        ("Porque vuelven innecesarias las denuncias", False),
                    ],
                ),
            ],
        ),
        reflection(
            "De las cuatro funciones, ¿cuál cumple mejor hoy su ministerio y cuál necesita más "
            "trabajo? Dé un ejemplo concreto.",
        ),
    ],
}

TRANSLATIONS["good-practices-prevention"] = {
    "slug": "buenas-practicas-de-prevencion",
    "title": "Buenas prácticas para prevenir y abordar la violencia contra las mujeres en el "
    "trabajo",
    "introduction": (
        "Lo que funciona: políticas en el lugar de trabajo, protocolos, capacitación y apoyo "
        "a las sobrevivientes, ilustrado con el tipo de prácticas que han compartido los "
        "ministerios."
    ),
    "body": [
        callout(
            "content_note",
            "Advertencia de contenido",
            "<p>El caso de este módulo describe una situación de acoso sexual. Puede omitirlo "
            "e ir directamente al cuestionario.</p>",
        ),
        paragraph(
            "<h2>Una política en el lugar de trabajo que funcione</h2>"
            "<p>Una buena política sobre violencia y acoso en el lugar de trabajo se acuerda "
            "con el personal y sus representantes, declara con claridad que no se tolerarán la "
            "violencia ni el acoso, explica cómo denunciar, establece qué sucede después de una "
            "denuncia y quién es responsable, y garantiza la confidencialidad y la protección "
            "contra las represalias.</p>"
            "<h2>Protocolos de denuncia</h2>"
            "<p>Un protocolo convierte la política en pasos: quién recibe la denuncia, en qué "
            "plazo se tramita, cómo se protege a la persona denunciante mientras se investiga "
            "el caso y cómo se comunica el resultado. Los buenos protocolos ofrecen más de un "
            "canal, para que nadie tenga que denunciar ante la misma persona a la que "
            "denuncia.</p>"
            "<h2>La violencia doméstica y el mundo del trabajo</h2>"
            "<p>La violencia en el hogar acompaña a las sobrevivientes al trabajo: ausencias, "
            "menor rendimiento, una pareja que se presenta en el lugar de trabajo. El Convenio "
            "núm. 190 pide reconocer y mitigar sus efectos en el mundo del trabajo, por "
            "ejemplo mediante licencias para las sobrevivientes, modalidades de trabajo "
            "flexibles y protección temporal contra el despido.</p>"
        ),
        callout(
            "activity",
            "Caso",
            "<p>Una trabajadora le cuenta a su supervisor que un compañero le envía "
            "constantemente mensajes de contenido sexual. El supervisor le dice que los "
            "ignore. Con los elementos anteriores, enumere lo que un buen protocolo habría "
            "exigido en cambio.</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "Un buen protocolo de denuncia…",
                    [
                        ("ofrece más de un canal de denuncia", True),
                        ("garantiza la confidencialidad", True),
                        ("exige que la persona denunciante confronte a quien la acosa", False),
                    ],
                ),
                question(
                    "¿Qué medidas ayudan a mitigar los efectos de la violencia doméstica en el "
                    "trabajo?",
                    [
                        ("Licencias para las sobrevivientes", True),
                        ("Modalidades de trabajo flexibles", True),
                        ("El despido por ausencias", False),
                    ],
                ),
                question(
                    "Una política sobre violencia y acoso en el lugar de trabajo debe…",
                    [
                        ("acordarse con el personal y sus representantes", True),
                        ("mantenerse en reserva frente al personal", False),
                    ],
                ),
            ],
        ),
        reflection(
            "Describa una buena práctica de su ministerio o país de la que otros ministerios "
            "podrían aprender, o una que le gustaría implementar.",
            "<p>La presentará brevemente en la próxima sesión en vivo.</p>",
        ),
    ],
}

TRANSLATIONS["gbv-good-practices-exchange"] = {
    "slug": "intercambio-de-buenas-practicas",
    "title": "Sesión en vivo: intercambio de buenas prácticas entre ministerios",
    "introduction": (
        "Funcionarias y funcionarios presentan prácticas de sus ministerios y analizan qué "
        "las hizo funcionar."
    ),
    "agenda": (
        "<ul><li>Presentaciones de participantes, cinco minutos cada una (60 min)</li>"
        "<li>Debate: qué se puede transferir y cómo (45 min)</li>"
        "<li>Próximos pasos hacia la evaluación final (15 min)</li></ul>"
    ),
    "speakers": [],
    "materials": [],
}

TRANSLATIONS["gbv-conclusions-and-evaluation"] = {
    "slug": "conclusiones-y-evaluacion",
    "title": "Conclusiones y evaluación",
    "introduction": (
        "Integre lo aprendido en un plan de acción para su ministerio y complete la "
        "evaluación final."
    ),
    "body": [
        paragraph(
            "<h2>Lo que hemos recorrido</h2>"
            "<p>La violencia de género en el trabajo es una violación de los derechos humanos "
            "y una amenaza para la igualdad de oportunidades. El Convenio núm. 190 ofrece a los "
            "ministerios de trabajo un marco común; sus cuatro funciones (identificar, "
            "prevenir, atender y sancionar) le dan efecto, y las buenas prácticas muestran que "
            "el cambio es posible cuando hay voluntad y herramientas.</p>"
            "<h2>Su plan de acción</h2>"
            "<p>Un plan de acción convierte lo aprendido en compromisos. Manténgalo breve y "
            "concreto:</p>"
            "<ol><li>Un problema que quiera abordar en su ministerio.</li>"
            "<li>Dos o tres acciones, con la persona responsable de cada una.</li>"
            "<li>Las alianzas que necesita dentro y fuera del ministerio.</li>"
            "<li>Cómo sabrá que funcionó.</li></ol>"
        ),
        quiz(
            "Evaluación final",
            [
                question(
                    "¿Cuál es el ámbito del Convenio núm. 190?",
                    [
                        (
                            "El mundo del trabajo, incluidas las comunicaciones relacionadas con "
                            "el trabajo",
                            True,
                        ),
                        ("Solo el lugar físico de trabajo", False),
                        ("Solo el sector público", False),
                    ],
                ),
                question(
                    "¿Cuáles son las cuatro funciones de un ministerio de trabajo que se "
                    "estudian en este curso?",
                    [
                        ("Identificar, prevenir, atender y sancionar", True),
                        ("Contratar, capacitar, ascender y despedir", False),
                    ],
                ),
                question(
                    "¿Qué elementos forman parte de un buen protocolo de denuncia?",
                    [
                        ("Protección contra las represalias", True),
                        ("Plazos claros para tramitar las denuncias", True),
                        ("Un único canal a través del supervisor directo", False),
                    ],
                ),
                question(
                    "El acoso en línea durante el teletrabajo…",
                    [
                        ("entra en el ámbito del Convenio núm. 190", True),
                        ("es un asunto privado ajeno al derecho laboral", False),
                    ],
                ),
                question(
                    "¿Qué puede mitigar los efectos de la violencia doméstica en el trabajo?",
                    [
                        ("Licencias para las sobrevivientes", True),
                        ("Protección temporal contra el despido", True),
                        ("Pasar por alto ausencias reiteradas sin preguntar por qué", False),
                    ],
                ),
            ],
            pass_mark=80,
        ),
        reflection(
            "Escriba su plan de acción: el problema, dos o tres acciones con sus responsables, "
            "sus alianzas y cómo medirá el éxito.",
            "<p>Su tutora o tutor le dará retroalimentación sobre su plan.</p>",
        ),
    ],
}


# --- 3. Introducción al género, la diversidad y los derechos humanos -------------------------

TRANSLATIONS["intro-gender-diversity-human-rights"] = {
    "slug": "introduccion-genero-diversidad-derechos-humanos",
    "title": "Introducción al género, la diversidad y los derechos humanos",
    "listing_summary": (
        "Un curso breve autogestionado: conceptos básicos, marcos de derechos humanos e "
        "interseccionalidad. Comience cuando quiera; sin tutoría ni fechas."
    ),
    "summary": (
        "Un curso breve y autogestionado sobre los conceptos básicos de sexo, género y "
        "diversidad, los marcos de derechos humanos que protegen la igualdad y cómo la "
        "interseccionalidad y el análisis basado en género ayudan a diseñar políticas más "
        "justas. Comience cuando quiera."
    ),
    "overview": (
        "<p>La igualdad de género y el respeto de la diversidad son compromisos que han "
        "asumido todos los países de la región. Este curso le ofrece el vocabulario común y "
        "los marcos que los sustentan, en tres módulos breves.</p>"
        "<h3>Cómo funciona el curso</h3>"
        "<ul><li>Tres módulos de unas dos horas cada uno.</li>"
        "<li>Sin tutoría ni fechas: inscríbase y comience en cualquier momento.</li>"
        "<li>Un certificado al completar todos los módulos y aprobar sus cuestionarios.</li>"
        "</ul>"
        "<p>La misma red ofrece un curso breve complementario sobre análisis basado en género "
        "plus (ABG+), para quienes quieran profundizar.</p>"
    ),
    "audience": (
        "<p>Cualquier persona que busque una introducción clara: personal de la "
        "administración pública, de organizaciones de trabajadores y de empleadores, "
        "estudiantes e integrantes de la sociedad civil.</p>"
    ),
    "organisers": "Una red regional de formación en igualdad de género.",
    "outcomes": [
        "Distinguir entre sexo, género, identidad de género y orientación sexual.",
        "Nombrar los principales instrumentos internacionales y regionales de derechos humanos "
        "sobre igualdad.",
        "Explicar la interseccionalidad y aplicar un análisis de género sencillo a una política.",
    ],
    "competencies": [
        {
            "title": "Conceptos de género y diversidad",
            "description": "Utiliza con precisión los conceptos básicos de género y diversidad.",
        },
        {
            "title": "Enfoque de derechos",
            "description": (
                "Relaciona situaciones cotidianas con las obligaciones de derechos humanos."
            ),
        },
    ],
}

TRANSLATIONS["basic-concepts-sex-gender-diversity"] = {
    "slug": "conceptos-basicos-sexo-genero-diversidad",
    "title": "Conceptos básicos: sexo, género y diversidad",
    "introduction": "El vocabulario del género y la diversidad, explicado con sencillez.",
    "body": [
        paragraph(
            "<h2>Sexo y género</h2>"
            "<p>El <b>sexo</b> se refiere a características biológicas, como los cromosomas, "
            "las hormonas y la anatomía. El <b>género</b> se refiere a los roles, "
            "comportamientos y expectativas que una sociedad asocia con ser mujer u hombre. El "
            "sexo viene en gran parte dado; el género se aprende y cambia con el tiempo y de "
            "una sociedad a otra.</p>"
            "<h3>Roles y estereotipos de género</h3>"
            "<p>Los roles de género determinan, por ejemplo, de quién se espera que cuide a "
            "las hijas e hijos y de quién se espera que gane el sustento. Los estereotipos "
            "convierten esas expectativas en suposiciones sobre lo que las mujeres y los "
            "hombres pueden o deben hacer, y limitan las opciones de todas las personas.</p>"
            "<h2>Identidad de género y orientación sexual</h2>"
            "<p>La <b>identidad de género</b> es la vivencia interna y profunda que cada "
            "persona tiene de su género, que puede corresponder o no con el sexo asignado al "
            "nacer. La <b>orientación sexual</b> se refiere a quién le atrae a una persona. Son "
            "cosas distintas.</p>"
            "<h2>Diversidad</h2>"
            "<p>La diversidad supone reconocer las múltiples diferencias entre las personas: "
            "edad, discapacidad, origen étnico, idioma, situación migratoria, religión, "
            "orientación sexual e identidad de género, entre otras. Una organización inclusiva "
            "valora esas diferencias y elimina las barreras que pueden traer consigo.</p>"
        ),
        callout(
            "note",
            "Igualdad y equidad",
            "<p>La <b>igualdad</b> es la meta: los mismos derechos, responsabilidades y "
            "oportunidades. La <b>equidad</b> es una forma de alcanzarla: tratar a las personas "
            "según sus necesidades para que el punto de partida no determine el "
            "resultado.</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Cuáles de estas afirmaciones describen el género y no el sexo?",
                    [
                        (
                            "Esperar que las mujeres hagan la mayor parte de las tareas del hogar",
                            True,
                        ),
                        ("Los cromosomas y las hormonas", False),
                        ("Roles que cambian de una sociedad a otra", True),
                    ],
                ),
                question(
                    "La identidad de género y la orientación sexual son…",
                    [
                        ("dos cosas distintas", True),
                        ("dos palabras para lo mismo", False),
                    ],
                ),
                question(
                    "Tratar a las personas según sus necesidades para que el punto de partida "
                    "no determine el resultado se llama…",
                    [("equidad", True), ("igualdad", False), ("diversidad", False)],
                ),
            ],
            pass_mark=70,
        ),
        reflection(
            "Piense en un estereotipo de género con el que creció. ¿Cómo ha influido en sus "
            "decisiones o en las de las personas que le rodean?",
        ),
    ],
}

TRANSLATIONS["human-rights-frameworks"] = {
    "slug": "marcos-de-derechos-humanos",
    "title": "Marcos de derechos humanos para la igualdad",
    "introduction": (
        "Los instrumentos internacionales y regionales que protegen la igualdad y la no "
        "discriminación."
    ),
    "body": [
        paragraph(
            "<h2>Un fundamento: igual dignidad y derechos</h2>"
            "<p>La Declaración Universal de Derechos Humanos de 1948 comienza afirmando que "
            "todos los seres humanos nacen libres e iguales en dignidad y derechos. Los "
            "tratados posteriores convirtieron este principio en obligaciones para los Estados "
            "que los ratifican.</p>"
            "<h2>Instrumentos internacionales</h2>"
            "<ul><li>La <b>Convención sobre la eliminación de todas las formas de "
            "discriminación contra la mujer</b> (CEDAW, 1979) obliga a los Estados a eliminar "
            "la discriminación contra las mujeres en todos los ámbitos de la vida.</li>"
            "<li>Los convenios internacionales del trabajo protegen la igualdad en el empleo: "
            "igualdad de remuneración por un trabajo de igual valor (núm. 100, 1951), no "
            "discriminación en el empleo y la ocupación (núm. 111, 1958), trabajadores con "
            "responsabilidades familiares (núm. 156, 1981) y violencia y acoso (núm. 190, "
            "2019).</li></ul>"
            "<h2>En las Américas</h2>"
            "<p>La <b>Convención Interamericana para Prevenir, Sancionar y Erradicar la "
            "Violencia contra la Mujer</b>, conocida como Convención de Belém do Pará (1994), "
            "fue el primer tratado en reconocer el derecho de las mujeres a una vida libre de "
            "violencia, tanto en el ámbito público como en el privado.</p>"
        ),
        callout(
            "key_fact",
            "Tres tipos de obligaciones",
            "<p>Los Estados deben <b>respetar</b> los derechos (no vulnerarlos), "
            "<b>protegerlos</b> (impedir que otros los vulneren) y <b>garantizarlos</b> "
            "(adoptar medidas para que las personas puedan ejercerlos).</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "¿Qué tratado aborda la discriminación contra las mujeres en todos los "
                    "ámbitos de la vida?",
                    [("La CEDAW", True), ("El Convenio núm. 100", False)],
                ),
                question(
                    "¿Qué convenios del trabajo se refieren a la igualdad en el empleo?",
                    [
                        ("El núm. 100, sobre igualdad de remuneración", True),
                        ("El núm. 111, sobre la discriminación", True),
                        ("El núm. 156, sobre trabajadores con responsabilidades familiares", True),
                    ],
                ),
                question(
                    "Impedir que los empleadores privados discriminen es un ejemplo de la "
                    "obligación de…",
                    [("respetar", False), ("proteger", True), ("garantizar", False)],
                ),
                question(
                    "La Convención de Belém do Pará es…",
                    [
                        ("un tratado interamericano sobre la violencia contra la mujer", True),
                        ("un tratado mundial sobre igualdad salarial", False),
                    ],
                ),
            ],
            pass_mark=75,
        ),
    ],
}

TRANSLATIONS["intersectionality-and-gender-analysis"] = {
    "slug": "interseccionalidad-y-analisis-de-genero",
    "title": "Interseccionalidad y análisis basado en género",
    "introduction": (
        "Por qué las identidades se combinan, y un método sencillo para comprobar a quién "
        "llega una política."
    ),
    "body": [
        paragraph(
            "<h2>Interseccionalidad</h2>"
            "<p>Las personas no viven la discriminación de una identidad por vez. Una mujer "
            "indígena mayor que trabaja como trabajadora del hogar puede enfrentar barreras que "
            "no enfrentarían ni un hombre indígena joven ni una mujer mayor con un empleo de "
            "oficina. La <b>interseccionalidad</b>, término introducido por la jurista Kimberlé "
            "Crenshaw en 1989, nombra este fenómeno: las formas de discriminación se combinan y "
            "generan experiencias propias.</p>"
            "<h2>Análisis basado en género</h2>"
            "<p>El análisis basado en género se pregunta cómo una política, un programa o un "
            "servicio afecta a distintos grupos de mujeres, hombres y personas de género "
            "diverso. El «plus» de ABG+ recuerda mirar más allá del género, hacia otros "
            "factores como la edad, la discapacidad, el origen étnico, los ingresos y el lugar "
            "de residencia.</p>"
            "<h3>Cuatro preguntas para empezar</h3>"
            "<ol><li>¿A quién está dirigida la política y quién queda fuera?</li>"
            "<li>¿Qué datos tenemos, desglosados por sexo y otros factores?</li>"
            "<li>¿Qué barreras podrían impedir que algunos grupos se beneficien?</li>"
            "<li>¿Qué cambiaríamos para eliminarlas?</li></ol>"
        ),
        callout(
            "activity",
            "Póngalo en práctica",
            "<p>Tome un programa de capacitación para personas desempleadas que se dicta de "
            "lunes a viernes por la noche en el centro de la ciudad. Con las cuatro preguntas, "
            "¿a quiénes podría dejar fuera?</p>",
        ),
        quiz(
            CHECK,
            [
                question(
                    "La interseccionalidad significa que…",
                    [
                        ("las formas de discriminación se combinan e interactúan", True),
                        ("solo importa una identidad a la vez", False),
                    ],
                ),
                question(
                    "El «plus» de ABG+ nos recuerda considerar…",
                    [
                        ("la edad, la discapacidad, el origen étnico y otros factores", True),
                        ("solo el sexo de las personas afectadas", False),
                    ],
                ),
                question(
                    "Las clases nocturnas en el centro de la ciudad pueden dejar fuera a…",
                    [
                        ("personas con responsabilidades de cuidado por la noche", True),
                        ("personas que viven en zonas rurales", True),
                        ("nadie, porque las clases son gratuitas", False),
                    ],
                ),
            ],
            pass_mark=70,
        ),
        reflection(
            "Aplique las cuatro preguntas a un servicio que conozca bien. ¿Qué descubrió?",
            "<p>Este curso no tiene tutoría: su reflexión es para usted y queda guardada en su "
            "registro de aprendizaje.</p>",
        ),
    ],
}


# --- 4. Profesionalizar los cuidados, transformar la región -----------------------------------

TRANSLATIONS["professionalising-care-series"] = {
    "slug": "profesionalizar-los-cuidados",
    "title": "Profesionalizar los cuidados, transformar la región",
    "listing_summary": (
        "Un ciclo de seminarios web en vivo sobre estándares comunes de competencias, perfiles "
        "ocupacionales y certificación en el trabajo de cuidados. Participe en vivo o vea las "
        "grabaciones."
    ),
    "summary": (
        "Un ciclo de videoconferencias en vivo sobre la profesionalización del trabajo de "
        "cuidados en la región: estándares comunes de competencias, perfiles ocupacionales, "
        "trayectorias formativas y certificación de las competencias de las personas "
        "trabajadoras del cuidado. Participe en vivo o vea las grabaciones."
    ),
    "overview": (
        "<p>Las personas trabajadoras del cuidado aprenden buena parte de su oficio "
        "ejerciéndolo, pero sus competencias a menudo no se reconocen. Los países de la región "
        "avanzan hacia estándares comunes de competencias y una certificación transferible, "
        "para que el trabajo de cuidados se valore como el trabajo calificado que es.</p>"
        "<p>Este ciclo reúne a quienes construyen esos sistemas. Lo organizan un centro "
        "regional de formación profesional y una red regional de formación y certificación en "
        "cuidados que, desde fines de 2021, reúne a 55 integrantes de 18 instituciones de 13 "
        "países.</p>"
        "<h3>Cómo funciona el ciclo</h3>"
        "<ul><li>Inscríbase una sola vez para todo el ciclo.</li>"
        "<li>Participe en las sesiones en vivo o vea las grabaciones después.</li>"
        "<li>La asistencia otorga un certificado de participación; no hay cuestionarios.</li>"
        "</ul>"
    ),
    "audience": (
        "<p>Instituciones de formación profesional y de certificación, ministerios de trabajo, "
        "prestadores de servicios de cuidados, personas trabajadoras del cuidado y sus "
        "organizaciones.</p>"
    ),
    "organisers": (
        "Un centro regional de formación profesional y una red regional de formación y "
        "certificación en cuidados (55 integrantes de 18 instituciones de 13 países)."
    ),
    "outcomes": [
        "Explicar el papel de los estándares de competencias y los perfiles ocupacionales en "
        "el trabajo de cuidados.",
        "Comparar enfoques de certificación de competencias de las personas trabajadoras del "
        "cuidado en la región.",
        "Identificar pasos hacia una certificación transferible y de reconocimiento mutuo.",
    ],
    "competencies": [
        {
            "title": "Estándares de competencias en cuidados",
            "description": "Conoce cómo se elaboran y se usan los estándares de competencias "
            "en cuidados.",
        },
    ],
}

TRANSLATIONS["enhancing-care-common-standards"] = {
    "slug": "potenciar-los-cuidados-estandares-comunes",
    "title": "Potenciar los cuidados: hacia estándares comunes desde una perspectiva regional",
    "introduction": (
        "La sesión de lanzamiento del ciclo, realizada en Montevideo y "
        "transmitida en vivo: estándares comunes de competencias y perfiles ocupacionales para "
        "el trabajo de cuidados."
    ),
    "agenda": (
        "<ul><li>Apertura a cargo de las instituciones organizadoras</li>"
        "<li>Proyección de la demanda de empleos de cuidados</li>"
        "<li>Certificación de competencias en cuidados: una experiencia de México</li>"
        "<li>Marcos regionales de cualificaciones</li>"
        "<li>Preguntas del público y cierre</li></ul>"
    ),
    "speakers": [
        {
            "name": "Exponente del Ministerio de Trabajo y Seguridad Social",
            "role": "Proyección de la demanda de empleos de cuidados",
            "organisation": "Ministerio de Trabajo y Seguridad Social, Uruguay",
        },
        {
            "name": "Exponente del organismo nacional de estándares de competencia",
            "role": "Certificación de competencias en cuidados",
            "organisation": "Organismo nacional de estándares de competencia, México",
        },
        {
            "name": "Exponente de una unidad de alianzas internacionales",
            "role": "Marcos regionales de cualificaciones",
            "organisation": "Unidad de alianzas internacionales",
        },
    ],
    "materials": [],
}

TRANSLATIONS["occupational-profiles-for-care"] = {
    "slug": "perfiles-ocupacionales-de-cuidados",
    "title": "Perfiles ocupacionales de cuidados: de las tareas a las trayectorias formativas",
    "introduction": (
        "Cómo un perfil ocupacional describe lo que hace una persona trabajadora del cuidado, "
        "y cómo las instituciones de formación construyen cursos y trayectorias a partir de "
        "él."
    ),
    "agenda": (
        "<ul><li>Qué contiene un perfil ocupacional</li>"
        "<li>Perfiles para el cuidado infantil, los cuidados de larga duración y el apoyo a "
        "personas con discapacidad</li>"
        "<li>Del perfil al programa de formación</li>"
        "<li>Preguntas del público</li></ul>"
    ),
    "speakers": [
        {
            "name": "Integrantes de la red regional de cuidados",
            "role": "Panel",
            "organisation": "Red regional de formación y certificación en cuidados",
        },
    ],
    "materials": [],
}

TRANSLATIONS["certifying-care-competencies"] = {
    "slug": "certificar-competencias-de-cuidados",
    "title": "Certificar lo que saben las personas cuidadoras: reconocimiento de aprendizajes "
    "previos",
    "introduction": (
        "Muchas personas trabajadoras del cuidado aprendieron su oficio sin formación formal. "
        "Esta sesión analiza cómo evaluar y certificar su experiencia, y cómo lograr que los "
        "certificados tengan validez más allá de las fronteras."
    ),
    "agenda": (
        "<ul><li>Reconocimiento de aprendizajes previos: principios</li>"
        "<li>Evaluación de competencias en el lugar de trabajo</li>"
        "<li>Hacia el reconocimiento mutuo de certificados entre países</li>"
        "<li>Cierre del ciclo</li></ul>"
    ),
    "speakers": [
        {
            "name": "Integrantes de la red regional de cuidados",
            "role": "Panel",
            "organisation": "Red regional de formación y certificación en cuidados",
        },
    ],
    "materials": [],
}

"""Demo cohorts, application questions and learners (see ``cohorts.ensure_cohorts``).

Cohorts are keyed by a short key and looked up by course and title, so a second run finds
them. Dates are relative to the day of the first run: the Spanish GBV cohort is half-way (its
tutor follows it), the English one has ended (its learners who finished hold certificates), the
care-economy cohorts start in a few weeks (enrolment is open), the self-paced cohort has no dates
and the live series spans its weekly sessions, one of them already held.
Learners are fictional officials of ministries of labour and care organisations across the
region (and observers from Spain); their addresses use the reserved ``.example`` domain.
"""

from dataclasses import dataclass, field

DEMO_PASSWORD = "aula-demo-2026"  # noqa: S105 - the documented password of the demo accounts
LANGUAGE_CODES = ("en", "es")

# Asked when a cohort of the care-economy course takes applications; English and Spanish.
APPLICATION_QUESTIONS = {
    "en": [
        {
            "text": "What is your role, and how does it relate to care policy?",
            "help_text": "A few lines are enough.",
            "required": True,
        },
        {
            "text": "What would you like to change in your work after the course?",
            "help_text": "",
            "required": True,
        },
        {
            "text": "Is there anything else we should know, such as accessibility needs?",
            "help_text": "",
            "required": False,
        },
    ],
    "es": [
        {
            "text": "¿Cuál es su función y qué relación tiene con las políticas de cuidado?",
            "help_text": "Bastan unas líneas.",
            "required": True,
        },
        {
            "text": "¿Qué le gustaría cambiar en su trabajo después del curso?",
            "help_text": "",
            "required": True,
        },
        {
            "text": "¿Hay algo más que debamos saber, como necesidades de accesibilidad?",
            "help_text": "",
            "required": False,
        },
    ],
}


@dataclass(frozen=True)
class DemoCohort:
    key: str
    course: str  # slug of the English course page
    language: str
    title: str
    mode: str  # an EnrolmentMode value
    starts_in_days: int | None = None  # from the first run (negative: started); None: no dates
    weeks: int | None = None
    capacity: int | None = None
    time_zone: str = "America/Bogota"
    invitation_code: str = ""
    tutors: tuple[str, ...] = ()  # demo user roles
    series: bool = False  # a live series: its dates span one session a week from the start


COHORTS = (
    DemoCohort(
        "care-es",
        "decent-work-care-economy",
        "es",
        "Edición en español",
        "application",
        starts_in_days=28,
        weeks=4,
        capacity=40,
        time_zone="America/Montevideo",
        tutors=("tutor",),
    ),
    DemoCohort(
        "care-en",
        "decent-work-care-economy",
        "en",
        "English edition",
        "application",
        starts_in_days=42,
        weeks=4,
        capacity=40,
        time_zone="America/Port_of_Spain",
    ),
    DemoCohort(
        "gbv-es",
        "gender-based-violence-at-work",
        "es",
        "Edición en español para ministerios de trabajo",
        "invitation",
        starts_in_days=-42,
        weeks=10,
        capacity=50,
        invitation_code="RIALES2027",
        tutors=("tutor",),
    ),
    DemoCohort(
        "gbv-en",
        "gender-based-violence-at-work",
        "en",
        "English edition for ministries of labour",
        "invitation",
        starts_in_days=-84,
        weeks=10,
        capacity=30,
        time_zone="America/Jamaica",
        invitation_code="RIALEN2027",
    ),
    DemoCohort(
        "self-paced",
        "intro-gender-diversity-human-rights",
        "en",
        "Self-paced: start any time",
        "open",
        time_zone="UTC",
    ),
    DemoCohort(
        "self-paced-pt",
        "intro-gender-diversity-human-rights",
        "pt",
        "Autoinstrucional: comece quando quiser",
        "open",
        time_zone="America/Sao_Paulo",
    ),
    DemoCohort(
        "webinars",
        "professionalising-care-series",
        "es",
        "Serie de videoconferencias",
        "open",
        starts_in_days=-5,
        series=True,
        time_zone="America/Montevideo",
    ),
)


@dataclass(frozen=True)
class DemoLearner:
    email: str
    first_name: str
    last_name: str
    country: str
    organisation: str
    position: str
    language: str
    time_zone: str
    # (cohort key, final status): "active" or "applied"; "active" in an application cohort
    # means applied and then approved by the admin.
    enrolments: tuple[tuple[str, str], ...] = field(default=())


# Answers the demo applicants give (by language), in question order.
ANSWERS = {
    "en": [
        "I coordinate the equal-opportunity unit and advise on the national care strategy.",
        "Bring the 5R framework into our social dialogue on long-term care.",
        "",
    ],
    "es": [
        "Coordino la unidad de género y asesoro en el diseño del sistema de cuidados.",
        "Incorporar el marco de las 5R en el diálogo social sobre cuidados de larga duración.",
        "",
    ],
}

MTSS_UY = "Ministerio de Trabajo y Seguridad Social (Uruguay)"
MINTRAB_CL = "Ministerio del Trabajo y Previsión Social (Chile)"
MINTRABAJO_CO = "Ministerio del Trabajo (Colombia)"
MTPE_PE = "Ministerio de Trabajo y Promoción del Empleo (Perú)"
STPS_MX = "Secretaría del Trabajo y Previsión Social (México)"
MTSS_CR = "Ministerio de Trabajo y Seguridad Social (Costa Rica)"
MT_DO = "Ministerio de Trabajo (República Dominicana)"
MITES_ES = "Ministerio de Trabajo y Economía Social (España)"

# fmt: off
LEARNERS = (
    DemoLearner(
        "valentina.rodriguez@aula.example", "Valentina", "Rodríguez", "Uruguay", MTSS_UY,
        "Asesora en políticas de cuidado", "es", "America/Montevideo",
        (("care-es", "active"), ("webinars", "active")),
    ),
    DemoLearner(
        "martin.silva@aula.example", "Martín", "Silva", "Uruguay", MTSS_UY,
        "Inspector de trabajo", "es", "America/Montevideo",
        (("gbv-es", "active"),),
    ),
    DemoLearner(
        "camila.munoz@aula.example", "Camila", "Muñoz", "Chile", MINTRAB_CL,
        "Jefa de la unidad de género", "es", "America/Santiago",
        (("care-es", "applied"), ("gbv-es", "active")),
    ),
    DemoLearner(
        "joaquin.herrera@aula.example", "Joaquín", "Herrera", "Chile",
        "Dirección del Trabajo (Chile)", "Fiscalizador", "es", "America/Santiago",
        (("gbv-es", "active"),),
    ),
    DemoLearner(
        "andrea.gomez@aula.example", "Andrea", "Gómez", "Colombia", MINTRABAJO_CO,
        "Coordinadora de equidad laboral", "es", "America/Bogota",
        (("care-es", "applied"), ("self-paced", "active")),
    ),
    DemoLearner(
        "felipe.castro@aula.example", "Felipe", "Castro", "Colombia", MINTRABAJO_CO,
        "Profesional especializado", "es", "America/Bogota",
        (("gbv-es", "active"),),
    ),
    DemoLearner(
        "rosa.quispe@aula.example", "Rosa", "Quispe", "Perú", MTPE_PE,
        "Especialista en empleo", "es", "America/Lima",
        (("care-es", "active"), ("webinars", "active")),
    ),
    DemoLearner(
        "diego.flores@aula.example", "Diego", "Flores", "Perú", MTPE_PE,
        "Analista de políticas", "es", "America/Lima",
        (("gbv-es", "active"),),
    ),
    DemoLearner(
        "guadalupe.hernandez@aula.example", "Guadalupe", "Hernández", "México", STPS_MX,
        "Directora de igualdad laboral", "es", "America/Mexico_City",
        (("care-es", "applied"), ("webinars", "active")),
    ),
    DemoLearner(
        "alejandro.ramos@aula.example", "Alejandro", "Ramos", "México",
        "Consejo Nacional de Normalización y Certificación de Competencias Laborales",
        "Especialista en certificación", "es", "America/Mexico_City",
        (("webinars", "active"),),
    ),
    DemoLearner(
        "sofia.vargas@aula.example", "Sofía", "Vargas", "Costa Rica", MTSS_CR,
        "Asesora legal", "es", "America/Costa_Rica",
        (("gbv-es", "active"), ("self-paced", "active")),
    ),
    DemoLearner(
        "jose.jimenez@aula.example", "José", "Jiménez", "Costa Rica",
        "Instituto Nacional de las Mujeres (Costa Rica)", "Técnico", "es",
        "America/Costa_Rica",
        (("care-es", "applied"),),
    ),
    DemoLearner(
        "yolanda.perez@aula.example", "Yolanda", "Pérez", "República Dominicana", MT_DO,
        "Encargada de igualdad de oportunidades", "es", "America/Santo_Domingo",
        (("gbv-es", "active"),),
    ),
    DemoLearner(
        "carmen.garcia@aula.example", "Carmen", "García", "España", MITES_ES,
        "Observadora, Subdirección de Relaciones Internacionales", "es", "Europe/Madrid",
        (("care-es", "active"), ("webinars", "active")),
    ),
    DemoLearner(
        "javier.lopez@aula.example", "Javier", "López", "España", MITES_ES,
        "Observador", "es", "Europe/Madrid",
        (("self-paced", "active"),),
    ),
    DemoLearner(
        "shanice.brown@aula.example", "Shanice", "Brown", "Jamaica",
        "Ministry of Labour and Social Security (Jamaica)", "Labour officer", "en",
        "America/Jamaica",
        (("gbv-en", "active"), ("care-en", "applied")),
    ),
    DemoLearner(
        "kevin.charles@aula.example", "Kevin", "Charles", "Trinidad and Tobago",
        "Ministry of Labour (Trinidad and Tobago)", "Gender focal point", "en",
        "America/Port_of_Spain",
        (("gbv-en", "active"), ("care-en", "active")),
    ),
    DemoLearner(
        "natasha.greaves@aula.example", "Natasha", "Greaves", "Barbados",
        "Ministry of Labour, Social Security and Third Sector (Barbados)", "Policy analyst",
        "en", "America/Barbados",
        (("care-en", "applied"), ("self-paced", "active")),
    ),
    DemoLearner(
        "daniel.thompson@aula.example", "Daniel", "Thompson", "Belize",
        "Ministry of Rural Transformation, Community Development, Labour and Local "
        "Government (Belize)",
        "Labour commissioner", "en", "America/Belize",
        (("gbv-en", "active"),),
    ),
    DemoLearner(
        "maria.alves@aula.example", "Maria", "Alves", "Brasil",
        "Ministério do Trabalho e Emprego (Brasil)", "Analista", "en", "America/Sao_Paulo",
        (("self-paced", "active"), ("webinars", "active")),
    ),
    DemoLearner(
        "ana.carvalho@aula.example", "Ana", "Carvalho", "Brasil",
        "Secretaria Nacional da Política de Cuidados e Família (Brasil)",
        "Coordenadora de projetos", "pt", "America/Recife",
        (("self-paced-pt", "active"),),
    ),
    DemoLearner(
        "joao.pereira@aula.example", "João", "Pereira", "Brasil",
        "Ministério do Trabalho e Emprego (Brasil)", "Auditor-fiscal do trabalho", "pt",
        "America/Sao_Paulo",
        (("self-paced-pt", "active"),),
    ),
)
# fmt: on

# The demo "learner" account (already created with the other demo users): its profile and
# its two courses.
MAIN_LEARNER = {
    "country": "Uruguay",
    "organisation": MTSS_UY,
    "position": "Analista de empleo",
    "preferred_language": "en",
    "time_zone": "America/Montevideo",
    "enrolments": (("self-paced", "active"), ("webinars", "active")),
}

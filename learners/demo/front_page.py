"""The demo's home page (hero, featured courses, how certification works, the organisations
behind the programmes) in English, Spanish, Portuguese and French. Filled once: a home page
whose sections an editor has written is left alone. The demo's brand is neutral: Site
settings' defaults (Aula's colour and icon, no logo) with the name and contact set by
``build.ensure_site_settings``."""

from collections import Counter

FEATURED = ["decent-work-care-economy", "intro-gender-diversity-human-rights"]
FEATURED += ["professionalising-care-series"]

HOME = {
    "en": {
        "hero_heading": "Professional courses on care and on work free from violence",
        "call_to_action_label": "Browse the courses",
        "certification_text": (
            "<ol><li>Enrol in a course, on your own or with the invitation code of your "
            "institution.</li><li>Complete its modules, pass the quizzes and attend the live "
            "sessions the course asks for.</li><li>Your certificate is issued at once, with the "
            "competencies you gained, a number and a QR code.</li><li>Anyone can check it here, "
            "or by scanning the code.</li></ol>"
        ),
        "organisations": [
            {
                "name": "Regional Training Centre",
                "description": "Designs the courses, trains the tutors and issues the "
                "certificates.",
            },
            {
                "name": "Ministries of labour of the region",
                "description": "Nominate officials and follow their progress.",
            },
            {
                "name": "Care workers' and employers' organisations",
                "description": "Bring the experience of the sector to every programme.",
            },
        ],
    },
    "es": {
        "hero_heading": "Cursos profesionales sobre los cuidados y el trabajo libre de violencia",
        "call_to_action_label": "Explorar los cursos",
        "certification_text": (
            "<ol><li>Inscríbase en un curso, por su cuenta o con el código de invitación de su "
            "institución.</li><li>Complete sus módulos, apruebe los cuestionarios y asista a las "
            "sesiones en vivo que el curso exige.</li><li>Su certificado se emite de inmediato, "
            "con las competencias adquiridas, un número y un código QR.</li><li>Cualquier "
            "persona puede comprobarlo aquí o escaneando el código.</li></ol>"
        ),
        "organisations": [
            {
                "name": "Centro Regional de Formación",
                "description": "Diseña los cursos, forma a las personas tutoras y emite los "
                "certificados.",
            },
            {
                "name": "Ministerios de trabajo de la región",
                "description": "Proponen a su personal y siguen su progreso.",
            },
            {
                "name": "Organizaciones de personas trabajadoras y empleadoras del cuidado",
                "description": "Aportan la experiencia del sector a cada programa.",
            },
        ],
    },
    "pt": {
        "hero_heading": "Cursos profissionais sobre o cuidado e o trabalho livre de violência",
        "call_to_action_label": "Ver os cursos",
        "certification_text": (
            "<ol><li>Inscreva-se em um curso, por conta própria ou com o código de convite da "
            "sua instituição.</li><li>Conclua os módulos, seja aprovado nos questionários e "
            "participe das sessões ao vivo que o curso exige.</li><li>O certificado é emitido "
            "imediatamente, com as competências adquiridas, um número e um código QR.</li>"
            "<li>Qualquer pessoa pode verificá-lo aqui ou lendo o código.</li></ol>"
        ),
        "organisations": [
            {
                "name": "Centro Regional de Formação",
                "description": "Desenha os cursos, forma os tutores e emite os certificados.",
            },
            {
                "name": "Ministérios do trabalho da região",
                "description": "Indicam servidores e acompanham o seu progresso.",
            },
            {
                "name": "Organizações de trabalhadores e de empregadores do cuidado",
                "description": "Trazem a experiência do setor para cada programa.",
            },
        ],
    },
    "fr": {
        "hero_heading": "Des cours professionnels sur le soin et sur un travail sans violence",
        "call_to_action_label": "Parcourir les cours",
        "certification_text": (
            "<ol><li>Inscrivez-vous à un cours, par vous-même ou avec le code d’invitation de "
            "votre institution.</li><li>Terminez ses modules, réussissez les quiz et assistez "
            "aux séances en direct que le cours exige.</li><li>Votre certificat est délivré "
            "aussitôt, avec les compétences acquises, un numéro et un code QR.</li><li>Toute "
            "personne peut le vérifier ici ou en scannant le code.</li></ol>"
        ),
        "organisations": [
            {
                "name": "Centre régional de formation",
                "description": "Conçoit les cours, forme les tuteurs et délivre les certificats.",
            },
            {
                "name": "Ministères du travail de la région",
                "description": "Proposent des agents et suivent leur progression.",
            },
            {
                "name": "Organisations de travailleurs et d’employeurs du soin",
                "description": "Apportent l’expérience du secteur à chaque programme.",
            },
        ],
    },
}


def ensure_front_page(demo, created: Counter | None = None) -> None:
    """Fill the home page's sections in each language (once) and publish them."""
    created = created if created is not None else Counter()
    for language, spec in HOME.items():
        home = getattr(demo.home, language).specific
        if home.hero_heading:
            continue
        # The featured courses that the demo translates into this language (pt: one; fr: none,
        # so the French home page shows its newest courses: none yet).
        courses = [getattr(demo.courses[slug], language) for slug in FEATURED]
        courses = [course for course in courses if course is not None]
        home.hero_heading = spec["hero_heading"]
        home.call_to_action_label = spec["call_to_action_label"]
        home.certification_text = spec["certification_text"]
        home.featured_courses = [("course", course) for course in courses]
        home.organisations = [("organisation", item) for item in spec["organisations"]]
        home.save_revision().publish()
        created["home page sections"] += 1

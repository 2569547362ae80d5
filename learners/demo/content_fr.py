"""French copy of the demo site (formal register, "vous"): the home page and the catalogue.

Keyed like ``content_es.TRANSLATIONS`` by the slug of the English page. No course is taught
in French yet, so the French catalogue says where the courses are offered and links to them.
"""

TRANSLATIONS: dict[str, dict] = {}

TRANSLATIONS["home-en"] = {
    "slug": "home-fr",
    "title": "Aula",
    "intro": (
        "<p>Des cours professionnels courts sur l’économie du soin et sur la violence fondée "
        "sur le genre au travail, destinés aux agents publics, aux partenaires sociaux et aux "
        "travailleuses et travailleurs du soin d’Amérique latine et des Caraïbes. Étudiez à "
        "votre rythme, participez à des séances en direct avec des spécialistes "
        "internationaux et obtenez des certificats qui attestent les compétences "
        "acquises.</p>"
    ),
    "listing_summary": (
        "Des cours professionnels sur l’économie du soin et sur la violence fondée sur le genre "
        "au travail."
    ),
}

TRANSLATIONS["courses"] = {
    "slug": "courses",
    "title": "Cours",
    "intro": (
        "<p>Des cours hybrides avec des séances en direct, des cours tutorés par cohorte, des "
        "cours courts en autonomie que vous pouvez commencer à tout moment et des séries de "
        "webinaires en direct. Filtrez le catalogue par thème, langue ou modalité.</p>"
        "<p>Aucun cours n’est encore proposé en français. Les cours sont offerts en "
        '<a href="/es/courses/">espagnol</a>, en '
        '<a href="/en/courses/">anglais</a> et, pour le cours en autonomie, en '
        '<a href="/pt/courses/">portugais</a> ; l’interface, les courriels et les '
        "certificats sont disponibles en français.</p>"
    ),
    "listing_summary": "Tous les cours, avec leur modalité, leur charge de travail et leur durée.",
}

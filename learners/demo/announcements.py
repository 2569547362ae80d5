"""Demo announcements: one message from the demo tutor to each cohort they tutor, posted through
the site's own service (``learners.announcements.post_announcement``), so the learners' emails
are queued as on the site. A cohort that already has an announcement is left as it is: a second
run changes nothing."""

from learners.enrolment.announcements import post_announcement
from learners.models import Announcement

MESSAGES = {
    "en": (
        "Welcome to the cohort",
        "<p>Welcome! I am your tutor for this edition. Start with the first module this week "
        "and write your first reflection: I read every answer.</p>"
        "<p>Questions? Reply to this email or bring them to the first live session.</p>",
    ),
    "es": (
        "Bienvenida a la cohorte",
        "<p>¡Bienvenidas y bienvenidos! Soy su tutora en esta edición. Empiecen esta semana con "
        "el primer módulo y escriban su primera reflexión: leo todas las respuestas.</p>"
        "<p>¿Preguntas? Respondan a este correo o tráiganlas a la primera sesión en vivo.</p>",
    ),
}


def ensure_announcements(demo) -> None:
    tutor = demo.users["tutor"]
    for cohort in demo.cohorts.values():
        if not cohort.tutors.filter(pk=tutor.pk).exists():
            continue
        if Announcement.objects.filter(cohort=cohort).exists():
            continue
        subject, body = MESSAGES.get(cohort.language, MESSAGES["en"])
        post_announcement(cohort=cohort, author=tutor, subject=subject, body=body)
        demo.created["announcements"] += 1

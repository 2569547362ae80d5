"""Demo discussions: in each English and Spanish cohort with at least three learners, a few
threads written through the site's own services (``learners.discussion.services``): a question
the tutor answered, one still waiting, a discussion attached to the first module, a private
question, and a reply the tutor hid (kept in the audit trail). The cohort's tutor answers and
moderates, or the demo administrator where the cohort has no tutor. A cohort that already has
a thread is left as it is: a second run changes nothing."""

from courses.models import ModulePage
from learners.discussion import services
from learners.discussion.models import Thread
from learners.enrolment.models import Enrolment, EnrolmentStatus

TEXTS = {
    "en": {
        "answered": (
            "Is the reading for module 1 required?",
            "The outline lists two readings. Do we need both before the live session?",
            "Only the first one is required; the second is for those who want to go further.",
        ),
        "waiting": (
            "Can we share the case studies with our team?",
            "Some examples would help my colleagues at the ministry.",
        ),
        "module": (
            "How do you count unpaid care work in your country?",
            "In Uruguay the time-use survey is the main source. What do you use?",
            "We use a module of the household survey every five years.",
        ),
        "private": (
            "A personal situation at work",
            "I would rather not write this in the open forum. Can we talk about it?",
        ),
        "hidden": "Buy followers cheap at this link!",
    },
    "es": {
        "answered": (
            "¿Es obligatoria la lectura del módulo 1?",
            "El programa menciona dos lecturas. ¿Hay que leer ambas antes de la sesión en vivo?",
            "Solo la primera es obligatoria; la segunda es para quien quiera profundizar.",
        ),
        "waiting": (
            "¿Podemos compartir los casos con nuestro equipo?",
            "Algunos ejemplos ayudarían a mis colegas del ministerio.",
        ),
        "module": (
            "¿Cómo se mide el trabajo de cuidados no remunerado en su país?",
            "En Uruguay la fuente principal es la encuesta de uso del tiempo. ¿Y en el suyo?",
            "Nosotros usamos un módulo de la encuesta de hogares cada cinco años.",
        ),
        "private": (
            "Una situación personal en el trabajo",
            "Prefiero no escribir esto en el foro abierto. ¿Podemos hablarlo?",
        ),
        "hidden": "¡Compre seguidores baratos en este enlace!",
    },
}


def ensure_discussions(demo) -> None:
    for cohort in demo.cohorts.values():
        texts = TEXTS.get(cohort.language)
        if texts is None:
            continue
        tutor = cohort.tutors.order_by("pk").first() or demo.users["admin"]
        if Thread.objects.filter(cohort=cohort).exists():
            continue
        learners = [
            enrolment.learner
            for enrolment in Enrolment.objects.filter(
                cohort=cohort, status__in=(EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)
            )
            .select_related("learner")
            .order_by("pk")[:3]
        ]
        if len(learners) < 3:
            continue
        _discussion(cohort, tutor, learners, texts)
        demo.created["discussion threads"] += 4


def _discussion(cohort, tutor, learners, texts) -> None:
    first, second, third = learners
    title, body, answer = texts["answered"]
    asked = services.create_thread(
        cohort=cohort, author=first, title=title, body=body, is_question=True
    )
    services.reply(thread=asked, author=tutor, body=answer, moderator=True)
    title, body = texts["waiting"]
    services.create_thread(cohort=cohort, author=second, title=title, body=body, is_question=True)
    module = ModulePage.objects.live().child_of(cohort.course).order_by("path").first()
    title, body, answer = texts["module"]
    about = services.create_thread(
        cohort=cohort, author=second, title=title, body=body, module=module
    )
    services.reply(thread=about, author=third, body=answer)
    spam = services.reply(thread=about, author=first, body=texts["hidden"])
    services.hide_post(post=spam, by=tutor)
    title, body = texts["private"]
    services.create_thread(cohort=cohort, author=third, title=title, body=body, is_private=True)

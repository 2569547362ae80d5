"""A learner's data, as a ZIP file of JSON and CSV (the right of access and to portability).

``export_zip(user=…)`` returns the bytes of a ZIP holding, for each kind of record, a JSON file
(every field, nested where the record is) and, for the tables, a CSV file (UTF-8 with a
byte-order mark, so that Excel opens accented names correctly; cells a spreadsheet would run as
formulas are neutralised): the account and profile, enrolments, applications (the answers given
and the decision), completed modules, quiz attempts, reflections, attendance at live sessions,
certificates, signed-in devices and discussion posts, plus the PDF and digital credential of
every valid certificate. A fixed number of queries, whatever the number of records; built in
memory (a learner's records are a few hundred rows at most).
"""

import csv
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import ModulePage
from learners.accounts.models import LearnerProfile
from learners.certificates.models import Certificate
from learners.discussion.models import Post
from learners.enrolment.models import Enrolment, EnrolmentSource
from learners.progress.models import Attendance, ModuleProgress, QuizAttempt, Reflection
from learners.spreadsheets import neutralise

ENROLMENT_FIELDS = (
    "course",
    "cohort",
    "cohort_language",
    "status",
    "source",
    "enrolled_at",
    "progress_percent",
    "modules_done",
    "quiz_average",
    "sessions_attended",
    "last_activity_at",
    "completed_at",
)


def filename() -> str:
    return f"aula-my-data-{timezone.localdate().isoformat()}.zip"


def _value(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_value).encode("utf-8")


def _csv(rows: list[dict], columns: tuple[str, ...]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        cells = []
        for column in columns:
            value = _value(row.get(column))
            if isinstance(value, list | dict):
                value = json.dumps(value, ensure_ascii=False)
            cells.append("" if value is None else neutralise(value))
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _modules(keys: set, languages: dict) -> dict:
    """Module translation key → (its title, {quiz or prompt block id: its title or prompt}),
    in the cohort's language where translated: one query (the modules with their bodies)."""
    modules: dict = {}
    pages = ModulePage.objects.filter(translation_key__in=keys).select_related("locale")
    for page in pages:
        key = page.translation_key
        if key in modules and page.locale.language_code != languages.get(key):
            continue
        blocks = {}
        for block in page.body:
            if block.block_type == "quiz":
                blocks[block.id] = block.value.get("title") or ""
            elif block.block_type == "reflection":
                blocks[block.id] = block.value.get("prompt") or ""
        modules[key] = (page.title, blocks)
    return modules


def collect(*, user) -> dict:
    """Everything kept about ``user``, as plain data (what the ZIP's JSON files hold)."""
    return _collect(user)[0]


def _collect(user) -> tuple[dict, list[Certificate]]:
    profile = LearnerProfile.objects.filter(user=user).first()
    enrolments = list(
        Enrolment.objects.filter(learner=user)
        .select_related("cohort__course")
        .order_by("created_at", "pk")
    )
    by_id = {enrolment.pk: enrolment for enrolment in enrolments}

    def enrolment_ref(enrolment_id) -> dict:
        enrolment = by_id[enrolment_id]
        return {"course": enrolment.cohort.course.title, "cohort": enrolment.cohort.title}

    progress = list(ModuleProgress.objects.filter(enrolment__learner=user).order_by("completed_at"))
    attempts = list(QuizAttempt.objects.filter(enrolment__learner=user).order_by("created_at"))
    reflections = list(Reflection.objects.filter(enrolment__learner=user).order_by("created_at"))
    attendance = list(
        Attendance.objects.filter(enrolment__learner=user)
        .select_related("slot__session")
        .order_by("slot__starts_at")
    )
    certificates = list(
        Certificate.objects.filter(enrolment__learner=user).order_by("issued_at", "pk")
    )
    keys = {row.module_key for row in [*progress, *attempts, *reflections]}
    languages = {
        row.module_key: by_id[row.enrolment_id].cohort.language
        for row in [*progress, *attempts, *reflections]
    }
    modules = _modules(keys, languages) if keys else {}

    def module(row) -> str:
        return modules.get(row.module_key, ("", {}))[0]

    def block(row) -> str:
        return modules.get(row.module_key, ("", {}))[1].get(row.block_id, "")

    data = {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "name_on_certificates": profile.certificate_name if profile else "",
            "country": profile.country.code if profile else "",
            "country_name": profile.country.name if profile else "",
            "country_as_typed": profile.country_unmatched if profile else "",
            "organisation": profile.organisation if profile else "",
            "position": profile.position if profile else "",
            "preferred_language": profile.preferred_language if profile else "",
            "time_zone": profile.time_zone if profile else "",
            "privacy_notice_version_accepted": profile.privacy_notice_version if profile else None,
            "privacy_notice_accepted_at": profile.privacy_notice_accepted_at if profile else None,
        },
        "enrolments": [
            {
                "course": enrolment.cohort.course.title,
                "cohort": enrolment.cohort.title,
                "cohort_language": enrolment.cohort.language,
                "status": enrolment.status,
                "source": enrolment.source,
                "enrolled_at": enrolment.created_at,
                "progress_percent": enrolment.progress_percent,
                "modules_done": enrolment.modules_done,
                "quiz_average": enrolment.quiz_average,
                "sessions_attended": enrolment.sessions_attended,
                "last_activity_at": enrolment.last_activity_at,
                "completed_at": enrolment.completed_at,
            }
            for enrolment in enrolments
        ],
        "applications": [
            {
                "course": enrolment.cohort.course.title,
                "cohort": enrolment.cohort.title,
                "status": enrolment.status,
                "applied_at": enrolment.created_at,
                "answers": enrolment.application_answers,
                "decided_at": enrolment.decided_at,
                "decision_message": enrolment.decision_message,
            }
            for enrolment in enrolments
            if enrolment.application_answers or enrolment.source == EnrolmentSource.APPLICATION
        ],
        "progress": [
            {
                **enrolment_ref(row.enrolment_id),
                "module": module(row),
                "completed_at": row.completed_at,
            }
            for row in progress
        ],
        "quiz_attempts": [
            {
                **enrolment_ref(row.enrolment_id),
                "module": module(row),
                "quiz": block(row),
                "answers": row.answers,
                "correct": row.correct,
                "questions": row.total,
                "score_percent": row.score,
                "passed": row.passed,
                "submitted_at": row.created_at,
            }
            for row in attempts
        ],
        "reflections": [
            {
                **enrolment_ref(row.enrolment_id),
                "module": module(row),
                "prompt": block(row),
                "text": row.text,
                "written_at": row.created_at,
                "updated_at": row.updated_at,
            }
            for row in reflections
        ],
        "attendance": [
            {
                **enrolment_ref(row.enrolment_id),
                "session": row.slot.session.title,
                "starts_at": row.slot.starts_at,
                "status": row.status,
                "joined_through_aula_at": row.joined_at,
                "marked_at": row.marked_at,
            }
            for row in attendance
        ],
        "certificates": [
            {
                "number": certificate.number,
                "name": certificate.learner_name,
                "course": certificate.course_title,
                "hours": certificate.hours,
                "completed_on": certificate.completed_on,
                "issued_at": certificate.issued_at,
                "language": certificate.language,
                "state": str(certificate.state.value),
                "revoked_at": certificate.revoked_at,
                "revoked_reason": certificate.revoked_reason,
                "replaced_at": certificate.replaced_at,
                "pdf": f"certificates/{certificate.number}.pdf" if _has_pdf(certificate) else "",
                "credential": (
                    f"certificates/{certificate.number}.jwt" if _has_credential(certificate) else ""
                ),
            }
            for certificate in certificates
        ],
        "signed_in_devices": _signed_in_devices(user),
        "discussion_posts": _discussion_posts(user),
    }
    return data, certificates


def _discussion_posts(user) -> list[dict]:
    """What the learner wrote in their cohorts' discussions (one query)."""
    posts = (
        Post.objects.filter(author=user)
        .select_related("thread__cohort__course")
        .order_by("created_at", "pk")
    )
    return [
        {
            "course": post.thread.cohort.course.title,
            "cohort": post.thread.cohort.title,
            "thread": post.thread.display_title,
            "question_to_the_tutor": post.thread.is_question,
            "private": post.thread.is_private,
            "message": post.body,
            "posted_at": post.created_at,
            "edited_at": post.edited_at,
            "deleted_at": post.deleted_at,
            "hidden_at": post.hidden_at,
        }
        for post in posts
    ]


def _signed_in_devices(user) -> list[dict]:
    """Where the account was logged in (allauth's user sessions: when, browser, address)."""
    if not apps.is_installed("allauth.usersessions"):
        return []
    from allauth.usersessions.models import UserSession

    return [
        {"logged_in_at": row.created_at, "browser": row.user_agent, "address": row.ip}
        for row in UserSession.objects.filter(user=user).order_by("created_at", "pk")
    ]


def _has_pdf(certificate: Certificate) -> bool:
    return certificate.is_valid and bool(certificate.pdf)


def _has_credential(certificate: Certificate) -> bool:
    return certificate.is_valid and bool(certificate.credential)


def _pdf_bytes(certificate: Certificate) -> bytes | None:
    try:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):  # a file lost from storage: the metadata still says it all
        return None


TABLES = {
    "enrolments": ENROLMENT_FIELDS,
    "applications": (
        "course",
        "cohort",
        "status",
        "applied_at",
        "answers",
        "decided_at",
        "decision_message",
    ),
    "progress": ("course", "cohort", "module", "completed_at"),
    "quiz_attempts": (
        "course",
        "cohort",
        "module",
        "quiz",
        "answers",
        "correct",
        "questions",
        "score_percent",
        "passed",
        "submitted_at",
    ),
    "reflections": ("course", "cohort", "module", "prompt", "text", "written_at", "updated_at"),
    "attendance": (
        "course",
        "cohort",
        "session",
        "starts_at",
        "status",
        "joined_through_aula_at",
        "marked_at",
    ),
    "certificates": (
        "number",
        "name",
        "course",
        "hours",
        "completed_on",
        "issued_at",
        "language",
        "state",
        "revoked_at",
        "revoked_reason",
        "replaced_at",
        "pdf",
        "credential",
    ),
    "signed_in_devices": ("logged_in_at", "browser", "address"),
    "discussion_posts": (
        "course",
        "cohort",
        "thread",
        "question_to_the_tutor",
        "private",
        "message",
        "posted_at",
        "edited_at",
        "deleted_at",
        "hidden_at",
    ),
}


def export_zip(*, user) -> bytes:
    """The ZIP file of everything kept about ``user`` (see the module docstring)."""
    data, certificates = _collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme().encode("utf-8"))
        archive.writestr("profile.json", _json(data["profile"]))
        archive.writestr("profile.csv", _csv([data["profile"]], tuple(data["profile"])))
        for name, columns in TABLES.items():
            archive.writestr(f"{name}.json", _json(data[name]))
            archive.writestr(f"{name}.csv", _csv(data[name], columns))
        for certificate in certificates:
            if _has_pdf(certificate):
                pdf = _pdf_bytes(certificate)
                if pdf is not None:
                    archive.writestr(f"certificates/{certificate.number}.pdf", pdf)
            if _has_credential(certificate):
                archive.writestr(f"certificates/{certificate.number}.jwt", certificate.credential)
    return buffer.getvalue()


def _readme() -> str:
    lines = [
        _("Your data in Aula, as of %(date)s.") % {"date": timezone.now().isoformat()},
        "",
        _("Each kind of record is in a JSON file and, for tables, in a CSV file:"),
        "profile: " + _("your account and profile, and the privacy notice you accepted"),
        "enrolments: " + _("the cohorts you joined and your progress in each"),
        "applications: " + _("your answers to application questions and the decisions"),
        "progress: " + _("the modules you completed"),
        "quiz_attempts: " + _("every quiz attempt and its score"),
        "reflections: " + _("your written reflections"),
        "attendance: " + _("your attendance at live sessions"),
        "certificates: "
        + _(
            "your certificates (the PDF and the digital credential, a .jwt file, of each valid "
            "one are in certificates/)"
        ),
        "signed_in_devices: " + _("where your account was logged in: when, browser and address"),
        "discussion_posts: " + _("what you wrote in your cohorts' discussions"),
    ]
    return "\n".join(lines) + "\n"

"""Where Celery's ``autodiscover_tasks()`` looks (it imports ``<app>.tasks`` only): the tasks of
every room, each defined in its room's ``tasks.py`` with its stable ``learners.tasks.…`` name."""

from learners.certificates.tasks import (
    issue_certificate,
    reissue_certificate,
    send_certificate_email,
)
from learners.discussion.tasks import (
    send_discussion_digests,
    send_question_alerts,
    send_reply_alerts,
)
from learners.enrolment.tasks import (
    delete_stale_roster_uploads,
    import_roster_upload,
    send_announcement,
    send_announcement_email,
    send_enrolment_email,
    send_invitation_email,
    send_roster_emails,
)
from learners.live.tasks import scan_session_reminders, send_session_reminder
from learners.privacy.tasks import apply_retention
from learners.progress.tasks import refresh_course_progress

__all__ = [
    "apply_retention",
    "delete_stale_roster_uploads",
    "import_roster_upload",
    "issue_certificate",
    "refresh_course_progress",
    "reissue_certificate",
    "scan_session_reminders",
    "send_announcement",
    "send_announcement_email",
    "send_certificate_email",
    "send_discussion_digests",
    "send_enrolment_email",
    "send_invitation_email",
    "send_question_alerts",
    "send_reply_alerts",
    "send_roster_emails",
    "send_session_reminder",
]

"""People and their records. Each model lives in its domain room (``learners/<room>/models.py``);
they are imported here so that Django finds them under the app label ``learners``, and so that
``from learners.models import …`` keeps working."""

from learners.accounts.models import (
    EmailUserManager,
    LearnerProfile,
    User,
    validate_time_zone,
)
from learners.certificates.models import Certificate, new_certificate_code
from learners.discussion.models import (
    NotificationPreference,
    Post,
    Pseudonym,
    QuestionAlerts,
    ReadState,
    Report,
    ReportStatus,
    Subscription,
    Thread,
)
from learners.enrolment.models import (
    OPEN_STATUSES,
    SEAT_STATUSES,
    Announcement,
    Enrolment,
    EnrolmentQuerySet,
    EnrolmentSource,
    EnrolmentStatus,
    RosterUpload,
)
from learners.live.models import CalendarFeed, SentReminder, new_feed_token
from learners.progress.models import (
    Attendance,
    AttendanceStatus,
    ModuleProgress,
    QuizAttempt,
    Reflection,
)

__all__ = [
    "OPEN_STATUSES",
    "SEAT_STATUSES",
    "Announcement",
    "Attendance",
    "AttendanceStatus",
    "CalendarFeed",
    "Certificate",
    "EmailUserManager",
    "Enrolment",
    "EnrolmentQuerySet",
    "EnrolmentSource",
    "EnrolmentStatus",
    "LearnerProfile",
    "ModuleProgress",
    "QuizAttempt",
    "Reflection",
    "RosterUpload",
    "SentReminder",
    "User",
    "NotificationPreference",
    "Post",
    "Pseudonym",
    "QuestionAlerts",
    "ReadState",
    "Report",
    "ReportStatus",
    "Subscription",
    "Thread",
    "new_certificate_code",
    "new_feed_token",
    "validate_time_zone",
]

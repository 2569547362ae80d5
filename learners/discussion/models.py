"""Cohort discussion: threads (questions to the tutor, module discussions, conversations) and
their posts, reports of posts, who follows a thread, what each reader has read, the pseudonyms
learners go by on sensitive courses and each person's notification choices.

A thread's opening message is its first post, so editing, deleting, hiding and reporting work
the same on every message. A few counts are kept on the thread (``reply_count``,
``last_post_at``) so that the list of a large cohort reads one row per thread.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 200


class Thread(models.Model):
    """A conversation in one cohort's discussion, optionally about one module."""

    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="discussion_threads",
    )
    module = models.ForeignKey(
        "courses.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    is_question = models.BooleanField(_("question to the tutor"), default=False)
    is_private = models.BooleanField(
        _("private"), default=False, help_text=_("Seen by its author and the cohort's tutors.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post"), db_index=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        ordering = ["-last_post_at", "-pk"]
        indexes = [
            models.Index(fields=["cohort", "-last_post_at"]),
            models.Index(fields=["cohort", "module"]),
            models.Index(fields=["cohort", "is_question", "answered_at"]),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title as shown. Erasing its author's account empties it (a title may name a
        person or a situation); it then reads as a placeholder in the reader's language."""
        return self.title or gettext("Thread by a former participant")

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class Post(models.Model):
    """One message of a thread. The body is safe HTML (``learners.enrolment.sanitize``)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
    )
    body = models.TextField(_("message"))
    is_opening = models.BooleanField(default=False, editable=False)
    # The token of the form it was sent from: the same form sent twice makes one post.
    token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("discussion post")
        verbose_name_plural = _("discussion posts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "token"],
                condition=models.Q(token__isnull=False),
                name="discussion_post_once_per_form",
            )
        ]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread_id} · {self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a tutor")
    RESOLVED = "resolved", _("Dealt with")  # the post was hidden
    DISMISSED = "dismissed", _("Dismissed: the message stays")


class Report(models.Model):
    """A learner's report of a post to the cohort's tutors."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("reported post")
        verbose_name_plural = _("reported posts")
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="discussion_report_once")
        ]
        indexes = [models.Index(fields=["status", "post"])]

    def __str__(self):
        return f"{self.post_id} · {self.get_status_display()}"


class Subscription(models.Model):
    """Someone following a thread (its author and everyone who replied), for the emails of
    replies (at once or in the summary, ``NotificationPreference.reply_alerts``);
    ``notified_until``: up to when they were told, by either email; ``unsubscribed_at`` keeps
    them from being subscribed again by their next post."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    notified_until = models.DateTimeField(_("replies emailed up to"))
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("thread subscription")
        verbose_name_plural = _("thread subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="discussion_subscribe_once")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.thread_id}"


class ReadState(models.Model):
    """Up to when a person has read a thread (unread counts)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_states")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="discussion_read_once")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.thread_id}"


class Pseudonym(models.Model):
    """The name a learner goes by among the other learners of a cohort of a sensitive course:
    "Participant" and a number drawn once per cohort (tutors see the real name)."""

    cohort = models.ForeignKey("courses.Cohort", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="pseudonym_once_per_cohort"),
            models.UniqueConstraint(fields=["cohort", "number"], name="pseudonym_unique_number"),
        ]

    def __str__(self):
        return f"{self.cohort_id} · {self.number}"


class QuestionAlerts(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as a question is asked")
    DIGEST = "digest", _("In a daily summary")
    OFF = "off", _("Never")


class ReplyAlerts(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as someone replies")
    DIGEST = "digest", _("In a daily summary")
    OFF = "off", _("Never")


class NotificationPreference(models.Model):
    """How someone hears of new replies in the threads they follow (everyone who takes part)
    and, for tutors, of new questions: a daily summary of each by default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_preference"
    )
    question_alerts = models.CharField(
        _("new questions"),
        max_length=16,
        choices=QuestionAlerts.choices,
        default=QuestionAlerts.DIGEST,
    )
    questions_notified_until = models.DateTimeField(null=True, blank=True)
    reply_alerts = models.CharField(
        _("new replies"),
        max_length=16,
        choices=ReplyAlerts.choices,
        default=ReplyAlerts.DIGEST,
    )

    class Meta:
        verbose_name = _("discussion notification preference")
        verbose_name_plural = _("discussion notification preferences")

    def __str__(self):
        return f"{self.user_id} · {self.question_alerts}"

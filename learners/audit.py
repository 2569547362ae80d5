"""The audit trail: who decided an application, imported a learner list, exported a cohort's
data, revoked or re-issued a certificate, deleted an account or changed someone's role.

Entries are Wagtail log entries (``ModelLogEntry``, one row per action with the user, the time,
the object and a little data), so they appear in the admin's *Reports → Site history* for
administrators (Wagtail shows a log entry to superusers, and to staff holding a permission on
the object's model; tutors hold none) and in *Reports → Audit trail*, which lists only these
actions and only for superusers (learners/staff/audit.py).

The actions are registered through the ``register_log_actions`` hook (learners/wagtail_hooks.py)
and written with ``record`` where they happen: the services (enrolment decisions, roster
imports, certificates), the export views, and the handlers below for role changes (connected in
learners/signals.py). The labels of entries about a learner's records name the record, not the
person (an account deleted later leaves no name behind in the log).
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log


class AuditAction(models.TextChoices):
    ENROLMENT_APPROVE = "aula.enrolment.approve", _("Approve application")
    ENROLMENT_REJECT = "aula.enrolment.reject", _("Decline application")
    ROSTER_IMPORT = "aula.roster.import", _("Import learner list")
    COHORT_EXPORT = "aula.cohort.export", _("Export cohort data")
    CERTIFICATE_REVOKE = "aula.certificate.revoke", _("Revoke certificate")
    CERTIFICATE_REISSUE = "aula.certificate.reissue", _("Re-issue certificate")
    ACCOUNT_DELETE = "aula.account.delete", _("Delete account")
    ROLE_CHANGE = "aula.role.change", _("Change role")
    POST_HIDE = "aula.discussion.hide", _("Hide discussion post")
    POST_RESTORE = "aula.discussion.restore", _("Restore discussion post")
    REPORTS_DISMISS = "aula.discussion.dismiss", _("Dismiss reports of a discussion post")


ACTION_PREFIX = "aula."

# What the log says happened (the "Action" column of the admin's reports).
MESSAGES = {
    AuditAction.ENROLMENT_APPROVE: _("Application approved"),
    AuditAction.ENROLMENT_REJECT: _("Application declined"),
    AuditAction.ROSTER_IMPORT: _("Learner list import started"),
    AuditAction.COHORT_EXPORT: _("Cohort data exported"),
    AuditAction.CERTIFICATE_REVOKE: _("Certificate revoked"),
    AuditAction.CERTIFICATE_REISSUE: _("Certificate re-issued"),
    AuditAction.ACCOUNT_DELETE: _("Account deleted"),
    AuditAction.ROLE_CHANGE: _("Role changed"),
    AuditAction.POST_HIDE: _("Discussion post hidden"),
    AuditAction.POST_RESTORE: _("Discussion post restored"),
    AuditAction.REPORTS_DISMISS: _("Reports of a discussion post dismissed"),
}


class _Formatter(LogFormatter):
    """Label and message of an Aula action (set per action by ``register_actions``)."""


class _ExportFormatter(_Formatter):
    def format_message(self, log_entry):
        what = log_entry.data.get("format", "")
        return _("Cohort data exported (%(format)s)") % {"format": what} if what else self.message


class _RoleFormatter(_Formatter):
    def format_message(self, log_entry):
        data = log_entry.data
        parts = []
        if data.get("added"):
            parts.append(_("added to %(groups)s") % {"groups": ", ".join(data["added"])})
        if data.get("removed"):
            parts.append(_("removed from %(groups)s") % {"groups": ", ".join(data["removed"])})
        for flag, label in (("is_superuser", _("administrator")), ("is_staff", _("staff"))):
            if flag in data:
                parts.append(
                    (_("made %(role)s") if data[flag] else _("no longer %(role)s"))
                    % {"role": label}
                )
        if not parts:
            return self.message
        return _("Role changed: %(changes)s") % {"changes": "; ".join(str(p) for p in parts)}


FORMATTERS = {
    AuditAction.COHORT_EXPORT: _ExportFormatter,
    AuditAction.ROLE_CHANGE: _RoleFormatter,
}


def register_actions(actions) -> None:
    """Wagtail's ``register_log_actions`` hook (learners/wagtail_hooks.py)."""
    for action in AuditAction:
        base = FORMATTERS.get(action, _Formatter)
        formatter = type(
            base.__name__, (base,), {"label": action.label, "message": MESSAGES[action]}
        )
        actions.register_action(action.value)(formatter)


def record(instance, action: AuditAction, *, by=None, title: str = "", data: dict | None = None):
    """Write one audit entry about ``instance``. ``by`` is who did it (None: the user of
    Wagtail's active log context, i.e. the admin user of the request, or nobody for a task)."""
    user = by if getattr(by, "is_authenticated", False) else None
    return log(instance=instance, action=action.value, user=user, title=title, data=data or {})


def record_enrolment(enrolment, action: AuditAction, *, by=None):
    """An entry about an enrolment, labelled by the record and its cohort rather than the
    learner's name; the learner and the status it was left in are in the data."""
    title = f"Enrolment {enrolment.pk} · cohort {enrolment.cohort_id}"
    data = {"learner": enrolment.learner_id, "status": str(enrolment.status)}
    return record(enrolment, action, by=by, title=title, data=data)


def record_roster_import(upload, *, by):
    """Staff confirmed a learner list for import into its cohort (the import itself then runs
    in the background; its result is on the upload)."""
    data = {"upload": upload.pk, "learners": upload.total}
    return record(upload.cohort, AuditAction.ROSTER_IMPORT, by=by, data=data)


def record_export(cohort, *, by, file_format: str, report: str = "learners", title: str = ""):
    """A cohort's data left Aula: which cohort, in what format, from which screen."""
    data = {"format": file_format, "report": report}
    return record(cohort, AuditAction.COHORT_EXPORT, by=by, title=title, data=data)


def record_post_moderation(post, action: AuditAction, *, by, data: dict | None = None):
    """A tutor or staff member hid or restored a discussion post, or dismissed the reports of
    it: labelled by the post and its cohort, the author's id in the data."""
    title = f"Discussion post {post.pk} · cohort {post.thread.cohort_id}"
    data = {"thread": post.thread_id, "author": post.author_id, **(data or {})}
    return record(post, action, by=by, title=title, data=data)


# --- role changes (connected in learners/signals.py) ----------------------------------------

ROLE_FLAGS = ("is_superuser", "is_staff")


def remember_roles(sender, instance, **kwargs):
    """post_init of the user: keep the flags as loaded (read from __dict__, so a deferred field
    is not fetched just for this)."""
    instance._aula_roles = {flag: instance.__dict__.get(flag) for flag in ROLE_FLAGS}


def role_flags_changed(sender, instance, created, update_fields=None, **kwargs):
    """post_save of the user: log is_superuser/is_staff turned on or off (or a new account
    created with either)."""
    if update_fields is not None and not set(update_fields) & set(ROLE_FLAGS):
        return
    before = getattr(instance, "_aula_roles", {})
    changes = {}
    for flag in ROLE_FLAGS:
        now = instance.__dict__.get(flag)
        if now is None:
            continue
        was = False if created else before.get(flag)
        if was is not None and bool(was) != bool(now):
            changes[flag] = bool(now)
    instance._aula_roles = {flag: instance.__dict__.get(flag) for flag in ROLE_FLAGS}
    if changes:
        record(instance, AuditAction.ROLE_CHANGE, data=changes)


def groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed of User.groups, from either side: log who joined or left which group."""
    if action == "pre_clear":
        # The members or groups about to go: remembered for post_clear.
        related = instance.user_set if reverse else instance.groups
        instance._aula_cleared = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_aula_cleared", set())
        key = "removed"
    elif action in ("post_add", "post_remove"):
        key = "added" if action == "post_add" else "removed"
    else:
        return
    if not pk_set:
        return
    if reverse:  # group.user_set.add(user, …): ``instance`` is the group
        users = model.objects.filter(pk__in=pk_set)
        for user in users:
            record(user, AuditAction.ROLE_CHANGE, data={key: [instance.name]})
    else:  # user.groups.add(group, …)
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        record(instance, AuditAction.ROLE_CHANGE, data={key: names})

"""What Aula adds to allauth's sign-up form (``ACCOUNT_SIGNUP_FORM_CLASS``): accepting the
privacy notice (/<lang>/privacy/, edited in Site settings). The version accepted and when are
recorded on the new learner's profile; without the tick the form is refused, with a message,
and shows again with what was typed."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home.models import SiteSettings

from .models import LearnerProfile


def privacy_notice_settings(request) -> SiteSettings | None:
    """The site settings holding the privacy notice the visitor is shown."""
    if Site.find_for_request(request) is not None:
        return SiteSettings.for_request(request)
    return SiteSettings.for_default_site()


class SignupConsentForm(forms.Form):
    accept_privacy_notice = forms.BooleanField(
        label=_("I have read and accept the privacy notice"),
        required=True,
        error_messages={
            "required": _("Please read and accept the privacy notice to create your account.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's form templates print help text unescaped: the link is built here, escaped.
        self.fields["accept_privacy_notice"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("privacy_notice"), _("Read the privacy notice")
        )

    def signup(self, request, user) -> None:
        """Called by allauth once the account exists (its profile too: accounts' handlers)."""
        site_settings = privacy_notice_settings(request)
        version = site_settings.privacy_notice_version if site_settings else 1
        LearnerProfile.objects.update_or_create(
            user=user,
            defaults={
                "privacy_notice_version": version,
                "privacy_notice_accepted_at": timezone.now(),
            },
        )

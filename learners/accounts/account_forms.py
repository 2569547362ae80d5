"""allauth's account forms in Aula's words (``ACCOUNT_FORMS``): sentence-case labels with our
own message ids (translated in locale/), no placeholders standing in for labels, short plain
help texts. The forms' behaviour is allauth's own; only the wording changes."""

from allauth.account import forms as allauth_forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PASSWORD_HELP = _(
    "At least 8 characters. Not only digits, not a common password and not too close to "
    "your email address."
)


def _forgot_password_link():
    return format_html(
        '<a href="{}">{}</a>', reverse("account_reset_password"), _("Forgotten password?")
    )


class AulaWordsMixin:
    """Relabels the fields named in ``labels``, drops placeholders and sets help texts."""

    labels: dict = {}
    help_texts: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if name in self.help_texts:
                field.help_text = self.help_texts[name]


class LoginForm(AulaWordsMixin, allauth_forms.LoginForm):
    labels = {"login": _("Email address"), "password": _("Password"), "remember": _("Remember me")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].help_text = _forgot_password_link()


class SignupForm(AulaWordsMixin, allauth_forms.SignupForm):
    labels = {
        "email": _("Email address"),
        "password1": _("Password"),
        "password2": _("Repeat the password"),
    }
    help_texts = {
        "email": _("You log in with it; we send you a link to confirm it."),
        "password1": PASSWORD_HELP,
        "password2": "",
    }


class ResetPasswordForm(AulaWordsMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": _("Email address")}
    help_texts = {"email": _("The address you log in with.")}


class ResetPasswordKeyForm(AulaWordsMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": _("New password"), "password2": _("Repeat the new password")}
    help_texts = {"password1": PASSWORD_HELP, "password2": ""}


class ChangePasswordForm(AulaWordsMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("Repeat the new password"),
    }
    help_texts = {"password1": PASSWORD_HELP, "password2": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["oldpassword"].help_text = _forgot_password_link()


class SetPasswordForm(AulaWordsMixin, allauth_forms.SetPasswordForm):
    labels = {"password1": _("Password"), "password2": _("Repeat the password")}
    help_texts = {"password1": PASSWORD_HELP, "password2": ""}


class AddEmailForm(AulaWordsMixin, allauth_forms.AddEmailForm):
    labels = {"email": _("New email address")}
    help_texts = {"email": _("We send a link there; it replaces your address once confirmed.")}


class ReauthenticateForm(AulaWordsMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}

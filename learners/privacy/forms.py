"""The confirmation of *Delete my account*: the password, and what becomes of the learner's
valid certificates (asked only when they have some)."""

from django import forms
from django.utils.translation import gettext_lazy as _

KEEP = "keep"
WITHDRAW = "withdraw"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you."),
    )
    certificates = forms.ChoiceField(
        label=_("Your certificates"),
        widget=forms.RadioSelect,
        choices=[
            (
                KEEP,
                _(
                    "Keep them verifiable: anyone with a certificate's number can still check "
                    "it (your name stays on the certificates, and only there)"
                ),
            ),
            (WITHDRAW, _("Withdraw them: they verify as revoked and your name is removed")),
        ],
        error_messages={"required": _("Please choose what happens to your certificates.")},
    )

    def __init__(self, *args, user, has_certificates: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not has_certificates:
            del self.fields["certificates"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password

    @property
    def keep_certificates(self) -> bool:
        return self.cleaned_data.get("certificates", KEEP) == KEEP

"""Strings of Django and django-allauth that Aula's account pages show (form errors, password
rules), listed here so that ``makemessages`` puts them in Aula's own catalogues.

Aula's catalogues (``LOCALE_PATHS``) come before the packages' own, so these entries replace
their wording: allauth and Django have no Portuguese of Latin America under ``pt`` (they fall
back to European Portuguese, "palavra-passe"), and the register must be the formal one the
rest of the site uses in every language. Nothing imports this module; each msgid is copied
exactly from the package (tests/i18n/test_catalogues.py checks that the package still has it).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH = [
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect code."),
    gettext_noop("Incorrect password."),
    gettext_noop("Invalid or expired key."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("The email address is not assigned to any user account."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("You must type the same email each time."),
    gettext_noop("You cannot remove your primary email address."),
    gettext_noop(
        "You cannot activate two-factor authentication until you have verified your email address."
    ),
]

DJANGO = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
]

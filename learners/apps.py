from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Learners")

    def ready(self):
        from . import signals  # noqa: F401  (wiring: a profile for every account)

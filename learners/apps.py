from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Learners")

    def ready(self):
        from home import sessions

        from . import signals  # noqa: F401  (wiring: a profile for every account)
        from .accounts.session_user import read_account
        from .learn.page_cache import read_kept_page

        # What a signed-in request reads first, asked with its first round trip to the cache
        # when this process knows whose session it is (home/sessions.py).
        sessions.SIGNED_IN_READS[:] = [read_account, read_kept_page]

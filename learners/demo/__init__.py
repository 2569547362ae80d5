"""The demo site that ``manage.py seed_demo`` builds: locales, the bilingual page tree of the
four demo programmes (written from the facts of the project's course brief), demo accounts
and site settings.

``build.py`` holds the small idempotent ``ensure_*`` steps; ``content_en.py`` and
``content_es.py`` hold the page copy as data; ``stream.py`` writes StreamField blocks.
"""

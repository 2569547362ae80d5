import time
from datetime import timedelta

import pytest
from django.utils import timezone

from home.tasks import publish_scheduled_pages
from tests.factories import ModulePageFactory, build_course, build_site

pytestmark = pytest.mark.services


def test_worker_publishes_page_whose_go_live_time_has_passed(celery_worker):
    tree = build_site()
    course = build_course(tree.catalogue, modules=1)
    module = ModulePageFactory(parent=course, title="Scheduled module", live=False)
    module.go_live_at = timezone.now() + timedelta(seconds=2)
    revision = module.save_revision()
    revision.publish()  # a future go-live date schedules the revision instead of publishing
    module.refresh_from_db()
    assert not module.live
    assert module.scheduled_revision is not None

    # The go-live time passes; the real worker, reached through the broker, runs the publisher.
    time.sleep(2.5)
    publish_scheduled_pages.delay().get(timeout=30)

    module.refresh_from_db()
    assert module.live
    assert module.title == "Scheduled module"

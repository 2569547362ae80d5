"""Whether the signed-in person may open Wagtail's admin: asked once per session and
remembered in it. The editors' bar is shown on that answer (``aula_tags.editors_userbar``:
Wagtail's own tag asks on every page, two permission queries every learner paid for a bar they
never see), and a learner's module page is made from what learners share only for those who may
not (learners/learn/page_cache.py: the bar is not part of it). Permissions changed during a
session show at the next login; the admin itself checks them on every request."""

ADMIN_ACCESS_KEY = "aula:may-open-admin"


def may_open_admin(request) -> bool:
    allowed = request.session.get(ADMIN_ACCESS_KEY)
    if allowed is None:
        allowed = request.user.has_perm("wagtailadmin.access_admin")
        request.session[ADMIN_ACCESS_KEY] = allowed
    return allowed

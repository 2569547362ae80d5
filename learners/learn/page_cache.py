"""A signed-in learner's course and module pages, and their /learn/, kept for them for a while.

Learners come back to their course page between modules and to a module between its quiz, its
reflection and its discussion; rendering them (seat, progress, outline, quiz results, threads)
takes most of a request's time. The rendered page is kept per learner, session and language,
filed under the versions of everything it shows (``home.cache.lookup``):

- the content version (any publish, site settings, view restrictions) and the course's tag (its
  cohorts and their seats: ``courses.selectors.course_tag``);
- the learner's tag (enrolments, posts, profile, account, roles) and, by page
  (``learners.accounts.page_state``): on a course page, the learner's progress in any module;
  on a module page, their work on that module and the threads of the course's cohorts.

A change to any of them makes the copy stale at once; what depends on the clock alone (a
cohort's enrolment window closing, on a course page) ends the copy's life when it comes
(``home.cache.changes_at``), ``KEPT_SECONDS`` at most. When only the
learner's own part changed (their work on a module: the page an answer or a reflection sends
them back to; their progress, on a course page), only that part of the kept page is rendered
again (``LEARNER_PARTS``, kept between markers). A module page's part is itself rendered once
for all the learners whose work on the module shows the same (learners_tags' ``learner_part``:
those who have not started it, those who gave the same answers, whatever they wrote), each
response with its own token.
And the rest of a module page (header, title, breadcrumb, footer: all but the learner's part and
their cohort's discussion panel, between markers too) is the same for every learner: kept once
(``serve_rendered``, under the content version), a learner's first view of the module is made of it
with their own part and panel rendered alone (``request.aula_kept`` ``chrome``). Only for people
who may not open the admin (no editors' bar: asked before the page is made, once per session);
those who tutor a cohort (a link in the header) have their own.

What a request got (``request.aula_kept``: the kept ``copy``, the learner's ``part`` rendered
again, the whole ``page`` rendered, or made from the shared rest: ``chrome``) is named in the
load test's Server-Timing header (aula/timing.py).

Messages (``django.contrib.messages``) are not part of a copy: the page is kept with a marker
where base.html shows them (``{% page_messages %}``), and each response puts in the messages
waiting for it, so the page a learner is sent to after answering a quiz is rendered once, with
its message, and kept for the views after it. Nor are the one-time tokens of the discussion's
forms (``ONE_TIME_SLOT``): each response gets fresh ones, so two questions asked from one kept
page are two questions.

/learn/ (``serve_dashboard``) is kept the same way, whole, under the tags of everything it
shows (``dashboard_tags``: the learner's enrolments, progress, reading and certificates, and
each of their courses' cohorts, sessions and threads), until a session's join button appears or
a session ends at most; a place on a waiting list, which others' enrolments move, is rendered on
every view.

Never kept or served: anything but a plain GET, previews, people who may open the admin (their
pages carry the editors' bar), a reflection draft waiting in the session (a failed save shows
what was typed), any other page type. Wagtail's view restrictions are checked before all
this. A learner's own copy (``serve_kept``) is served before the module gate
(``learners.wagtail_hooks.require_enrolment_for_modules``): it was made of a page the gate let
them in to, and whatever would shut them out (a withdrawal, a cohort's change) makes it stale;
a page is rendered or made from the shared rest (``serve_rendered``) only past the gate.

The page's CSRF token is the browser's: the key includes a digest of the CSRF secret its cookie
carries, so another browser of the same person gets its own copy; a page rendered for a browser
without the cookie is kept under the secret its response sets (the cookie that browser sends
from then on), or, if it drew no token, for any browser without one.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import CSRF_SECRET_LENGTH
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from courses.models import CoursePage, ModulePage
from courses.selectors import course_tag
from home import cache as page_cache
from home.admin_access import ADMIN_ACCESS_KEY, may_open_admin
from home.templatetags.aula_tags import MESSAGES_SLOT, ONE_TIME_SLOT, fresh_tokens
from learners.accounts.page_state import (
    activity_tag,
    certificates_tag,
    discussion_tag,
    learner_tag,
    module_work_tag,
    progress_tag,
    reading_tag,
)
from learners.enrolment.selectors import course_cohorts, learner_courses
from learners.learn.forms import REFLECTION_DRAFTS
from learners.permissions import tutors_cohorts

# How long a learner's page is kept at most, as long as a module page's shared rest
# (``CHROME_SECONDS``). A module page shows nothing the clock alone changes; a course page shows
# its cohorts' enrolment windows, which open and close with no change of data: its copy is kept
# until the first of them does at most (``_keep``).
KEPT_SECONDS = {CoursePage: 600, ModulePage: 600}
KEY_PREFIX = "aula:learner-page:"
# The part of each page that the last of its tags (``_tags``) changes: the learner's work on a
# module, their progress in a course. Rendered by learners_tags' ``learner_part``; on a page
# being kept, between these markers.
LEARNER_PARTS = {
    ModulePage: "courses/module_work.html",
    CoursePage: "courses/course_progress.html",
}
# The learner's part alone: ``learner_part`` without its markers.
PART_TEMPLATE = "learners/components/learner_part.html"
PART_START = "<!--aula:learner-part-->"
PART_END = "<!--/aula:learner-part-->"
# A module page's discussion panel (the learner's cohort's threads): between these markers on a
# page being kept, so that the rest of the page (``_chrome``) can be shared.
DISCUSSION_START = "<!--aula:discussion-->"
DISCUSSION_END = "<!--/aula:discussion-->"
# A module page's learner part and discussion, rendered alone for a page made from the shared
# rest, separated by ``PARTS_SPLIT``.
MODULE_PARTS_TEMPLATE = "learners/components/module_parts.html"
PARTS_SPLIT = "<!--aula:parts-split-->"
CHROME_KEY_PREFIX = "aula:module-chrome:"
CHROME_SECONDS = 600


def learner_part_template(page) -> str:
    return LEARNER_PARTS[type(page)]


def _key(page, request) -> str:
    # Read again once the page is rendered: a first token sets the secret (see inner).
    return _key_of(request.user.pk, page.pk, get_language(), request.META.get("CSRF_COOKIE"))


def _key_of(user_id, page_id: int, language: str, secret: str | None) -> str:
    session = hashlib.sha256(secret.encode()).hexdigest()[:16] if secret else "none"
    return f"{KEY_PREFIX}{user_id}:{page_id}:{language}:{session}"


def _tags(page, user_id: int) -> list[str]:
    return _tags_of(_page_keys(page), user_id)


def _page_keys(page) -> tuple:
    """What ``_tags`` needs of the page: its course's translation key, and a module's own."""
    if isinstance(page, ModulePage):
        return (page.course.translation_key, page.translation_key)
    return (page.translation_key, None)


def _tags_of(page_keys: tuple, user_id) -> list[str]:
    if page_keys and page_keys[0] == DASHBOARD:
        return dashboard_tags(user_id, page_keys[1])
    return _page_tags(page_keys, user_id)


def _page_tags(page_keys: tuple, user_id) -> list[str]:
    """What the page shows depends on; last, what its learner's part (``LEARNER_PARTS``) shows:
    the learner's work on the module, their progress in the course."""
    course_key, module_key = page_keys
    if module_key is not None:
        return [
            course_tag(course_key),
            learner_tag(user_id),
            discussion_tag(course_key),
            module_work_tag(user_id, module_key),
        ]
    return [course_tag(course_key), learner_tag(user_id), progress_tag(user_id)]


# The pages this process has looked up a learner's copy of, by path: {path: (page id, language,
# ``_page_keys``)}, the first seen first out past ``PATHS_KEPT``.
PATHS_KEPT = 10_000
_PATHS = page_cache.BoundedMap(PATHS_KEPT)


def _remember_path(page, request) -> None:
    _PATHS[request.path] = (page.pk, get_language(), _page_keys(page))


def read_kept_page(user_id: str, request) -> None:
    """For a session this process knows (``home.sessions.SIGNED_IN_READS``): the learner's copy
    of the page at this path, and its versions, asked for with the request's first round trip,
    as ``serve_kept`` will look it up (a path this process has served a copy of before, the
    browser's CSRF secret as its cookie carries it, or none). A guess: a lookup for another key
    (the page moved, the cookie's secret is replaced) reads its own."""
    if request.method != "GET" or request.GET:
        return
    found = _PATHS.get(request.path)
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if found is None or (secret is not None and len(secret) != CSRF_SECRET_LENGTH):
        return
    page_id, language, page_keys = found
    key = _key_of(user_id, page_id, language, secret)
    page_cache.prefetch_lookup(key, _tags_of(page_keys, user_id))


def _is_cacheable(page, request) -> bool:
    """A learner's own GET of a course or module page (``page``), or of /learn/ (None)."""
    user = request.user
    return (
        settings.AULA_LEARNER_PAGE_CACHE
        and (page is None or isinstance(page, CoursePage | ModulePage))
        and request.method == "GET"
        and not request.GET
        and not getattr(request, "is_preview", False)
        and user.is_authenticated
        and not user.is_staff
        and not request.session.get(ADMIN_ACCESS_KEY)
        and not request.session.get(REFLECTION_DRAFTS)
    )


def _for_this_response(content: bytes, request) -> bytes:
    """The kept page with the messages waiting for this request where base.html shows them,
    and fresh one-time tokens in its forms."""
    if MESSAGES_SLOT in content:
        waiting = messages.get_messages(request)
        shown = b""
        if waiting:  # components/messages.html shows nothing for none
            shown = render_to_string("components/messages.html", {"messages": waiting}).encode()
        content = content.replace(MESSAGES_SLOT, shown, 1)
    if ONE_TIME_SLOT.encode() in content:
        content = fresh_tokens(content.decode()).encode()
    return content


def _joined_after(pieces) -> tuple[bytes, bytes, bytes]:
    """A page as kept: (before, the learner's part, all after it) of ``_pieces``."""
    before, work, middle, discussion, end = pieces
    return before, work, middle + discussion + end


def _pieces(content: bytes) -> tuple[bytes, bytes, bytes, bytes, bytes] | None:
    """(before, the learner's part, middle, the discussion, end), markers removed; no
    discussion on a course page (empty)."""
    start, end = PART_START.encode(), PART_END.encode()
    if start not in content:
        return None
    before, rest = content.split(start, 1)
    work, after = rest.split(end, 1)
    middle, discussion, last = after, b"", b""
    if DISCUSSION_START.encode() in after:
        middle, rest = after.split(DISCUSSION_START.encode(), 1)
        discussion, last = rest.split(DISCUSSION_END.encode(), 1)
    return before, work, middle, discussion, last


def _shares_chrome(page, request) -> bool:
    """A module page, for a person who may not open the admin (their pages carry no editors'
    bar): asked here on a session's first page, which the page would ask anyway."""
    return isinstance(page, ModulePage) and not may_open_admin(request)


def _chrome_key(page, request) -> str:
    """The rest of a module page, the same for every learner but for the header's link to
    their cohorts when they tutor one (``tutors_cohorts``)."""
    tutor = int(tutors_cohorts(request.user))
    return f"{CHROME_KEY_PREFIX}{page.pk}:{get_language()}:{tutor}"


def _module_parts(page, request) -> tuple[bytes, bytes]:
    """A module page's learner part and discussion, rendered alone with the page's context."""
    context = page.get_context(request)
    html = render_to_string(MODULE_PARTS_TEMPLATE, context, request=request)
    work, discussion = html.split(PARTS_SPLIT, 1)
    return work.encode(), discussion.encode()


def _only_learner_part_changed(kept_versions: tuple, versions: tuple) -> bool:
    """Everything the kept page shows is as it was but its learner's part (the last of
    ``_tags``)."""
    return (
        len(kept_versions) == len(versions)
        and kept_versions[:-1] == versions[:-1]
        and kept_versions[-1] != versions[-1]
    )


def _learner_part(page, request) -> bytes:
    """The learner's part of the page, rendered alone with the page's context (by learners_tags'
    ``learner_part``, as in the page, without the markers)."""
    context = page.get_context(request)
    return render_to_string(PART_TEMPLATE, context, request=request).encode()


def serve_kept(serve):
    """Wraps Wagtail's serve chain (``on_serve_page``) before the module gate: the learner's
    kept copy, or their kept page with their part rendered again when only it changed. Both were
    made of a page the gate let them in to, and whatever would shut them out (a withdrawal, a
    cohort's change) makes them stale. Otherwise on to the gate and ``serve_rendered``."""

    def inner(page, request, serve_args, serve_kwargs):
        if not _is_cacheable(page, request):
            return serve(page, request, serve_args, serve_kwargs)
        key = _key(page, request)
        _remember_path(page, request)
        versions, entry = page_cache.lookup_entry(key, _tags(page, request.user.pk), local=False)
        if entry is not None:
            kept_versions, (kept, headers) = entry
            if kept_versions == versions:
                request.aula_kept = "copy"
                content = b"".join(kept) if isinstance(kept, tuple) else kept
                return _kept_response(content, headers, request)
            if isinstance(kept, tuple) and _only_learner_part_changed(kept_versions, versions):
                # The rest of the page (and whether the learner may open it) is as kept.
                request.aula_keeping = True
                request.aula_kept = "part"
                before, _old, after = kept
                kept = (before, _learner_part(page, request), after)
                _keep(page, request, versions, (kept, headers))
                return _kept_response(b"".join(kept), headers, request)
        request.aula_page_versions = versions  # for serve_rendered, past the gate
        return serve(page, request, serve_args, serve_kwargs)

    return inner


def serve_rendered(serve):
    """Wraps Wagtail's serve chain after the module gate, for a page ``serve_kept`` had no
    copy of: a module page made from the rest that learners share with the learner's own part
    and discussion panel, else the page rendered; kept for the learner (and its rest for
    others)."""

    def inner(page, request, serve_args, serve_kwargs):
        versions = getattr(request, "aula_page_versions", None)
        if versions is None:  # not to be kept (serve_kept)
            return serve(page, request, serve_args, serve_kwargs)
        # Rendered to be kept: base.html leaves the messages' marker, the discussion's forms
        # their token slots and the page its markers around the learner's part, for
        # _pieces and _for_this_response (home.templatetags.aula_tags, learners_tags).
        request.aula_keeping = True
        shares_chrome = _shares_chrome(page, request)
        if shares_chrome:
            chrome_key = _chrome_key(page, request)
            chrome_versions, chrome = page_cache.lookup(chrome_key)
            if chrome is not None:
                # The rest of the page as rendered for another learner; theirs put in.
                request.aula_kept = "chrome"
                (before, middle, end), headers = chrome
                work, discussion = _module_parts(page, request)
                kept = (before, work, middle + discussion + end)
                _keep(page, request, versions, (kept, headers))
                return _kept_response(b"".join(kept), headers, request)
        request.aula_kept = "page"
        response = serve(page, request, serve_args, serve_kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.streaming:
            return response
        pieces = _pieces(response.content)
        kept = _joined_after(pieces) if pieces is not None else response.content
        if response.status_code == 200 and not response.cookies:
            headers = [(name, value) for name, value in response.items()]
            _keep(page, request, versions, (kept, headers))
            if shares_chrome and pieces is not None:
                before, _work, middle, _discussion, end = pieces
                chrome = ((before, middle, end), headers)
                page_cache.keep(chrome_key, chrome_versions, chrome, CHROME_SECONDS)
        content = b"".join(kept) if isinstance(kept, tuple) else kept
        response.content = _for_this_response(content, request)
        return response

    return inner


def _keep(page, request, versions, entry) -> None:
    """The learner's copy (``entry``: the page's pieces and headers), filed under the CSRF
    secret this response carries: a browser without a CSRF cookie that the page drew a token
    for gets the cookie of its secret with this response (``_key`` reads it again). A course
    page's copy lasts until one of its cohorts' enrolment windows opens or closes at most (also
    when only its learner part was rendered again: the cohorts come from the cache)."""
    if isinstance(page, CoursePage):
        now = timezone.now()
        for cohort in course_cohorts(page):
            page_cache.changes_at(request, cohort.enrolment_changes_after(now))
    seconds = page_cache.seconds_unchanged(request, KEPT_SECONDS[type(page)])
    if seconds > 0:
        page_cache.keep(_key(page, request), versions, entry, seconds, local=False)


def _kept_response(content: bytes, headers, request) -> HttpResponse:
    response = HttpResponse(_for_this_response(content, request))
    for name, value in headers:
        response[name] = value
    return response


# --- /learn/ ----------------------------------------------------------------------------------
# The learner's dashboard (learners.learn.views.dashboard), kept like their course and module
# pages, under the page id below: their enrolments, progress, next modules, upcoming sessions,
# unread threads and certificates, as of the versions of everything it shows (``dashboard_tags``).
DASHBOARD = "learn"
DASHBOARD_SECONDS = 600


def dashboard_tags(user_id, course_keys) -> list[str]:
    """What /learn/ shows depends on: the learner (enrolments, profile, roles, calendar
    address), their progress (the rollups, the modules done, sessions attended, where to
    continue), what they have read of their discussions, their certificates; and, of each
    course they are enrolled in (``learner_courses``: one key an enrolment), its cohorts, seats
    and scheduled sessions and its threads. With more than one enrolment, when they last worked
    on each (which comes first under "Continue where you left off")."""
    courses = sorted(set(course_keys))
    return [
        learner_tag(user_id),
        progress_tag(user_id),
        reading_tag(user_id),
        certificates_tag(user_id),
        *([activity_tag(user_id)] if len(course_keys) > 1 else []),
        *(course_tag(key) for key in courses),
        *(discussion_tag(key) for key in courses),
    ]


def serve_dashboard(request, render) -> HttpResponse:
    """/learn/ for ``request``: the learner's kept copy while nothing it shows has changed,
    else ``render(request)`` (a ``TemplateResponse``), kept. Not kept past the first moment the
    clock alone changes it (``home.cache.changes_at``: a session's join button), nor at all when
    it shows a place on a waiting list (others' enrolments move it without a word to this
    learner's tags)."""
    if not _is_cacheable(None, request):
        return render(request)
    user_id = request.user.pk
    language = get_language()
    page_keys = (DASHBOARD, learner_courses(user_id))
    _PATHS[request.path] = (DASHBOARD, language, page_keys)
    tags = _tags_of(page_keys, user_id)
    secret = request.META.get("CSRF_COOKIE")
    versions, entry = page_cache.lookup(
        _key_of(user_id, DASHBOARD, language, secret), tags, local=False
    )
    if entry is not None:
        request.aula_kept = "copy"
        content, headers = entry
        return _kept_response(content, headers, request)
    request.aula_keeping = True
    request.aula_kept = "page"
    response = render(request)
    response.render()
    seconds = page_cache.seconds_unchanged(request, DASHBOARD_SECONDS)
    if response.status_code == 200 and not response.cookies and seconds > 0:
        key = _key_of(user_id, DASHBOARD, language, request.META.get("CSRF_COOKIE"))
        headers = [(name, value) for name, value in response.items()]
        page_cache.keep(key, versions, (response.content, headers), seconds, local=False)
    response.content = _for_this_response(response.content, request)
    return response

"""Posting: safe HTML, bad input re-shown with its error, the rate limit, one post per form,
the 15-minute edit window, deleting one's own post, hiding and restoring (audited)."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from wagtail.models import ModelLogEntry

from learners.discussion import services
from learners.models import Post, Pseudonym, Thread
from tests.discussion.conftest import client_for, discussion_url, thread_url
from tests.factories import publish_course

PAYLOADS = [
    "<script>alert('x1')</script>",
    "<img src=x onerror=\"alert('x2')\">",
    "<a href=\"javascript:alert('x3')\">click</a>",
    "\"><svg onload=alert('x4')>",
    "<<script>script>alert('x5')<</script>/script>",
    '<p style="background:url(javascript:alert(1))" onclick="alert(\'x6\')">styled</p>',
]


def _new_thread(client, cohort, **data):
    token = client.get(discussion_url(cohort)).context["form"].initial["token"]
    return client.post(discussion_url(cohort), {"token": str(token), **data})


class _Tags(HTMLParser):
    """Every tag and attribute a browser would build from the page."""

    def __init__(self):
        super().__init__()
        self.attributes, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _assert_inert(html: str) -> None:
    tags = _Tags()
    tags.feed(html)
    for tag, name, value in tags.attributes:
        assert not name.startswith("on"), (tag, name, value)
        assert name != "style", (tag, value)
        assert not value.strip().lower().startswith("javascript:"), (tag, name, value)
        assert tag not in ("svg", "img", "iframe")
    assert not any("alert" in script for script in tags.scripts)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payloads_in_titles_and_bodies_are_inert(cohort, ana, beto, payload):
    response = _new_thread(client_for(ana), cohort, title=payload, body=f"Hello {payload}")
    assert response.status_code in (302, 400)
    _assert_inert(response.content.decode())
    for thread in Thread.objects.all():
        _assert_inert(client_for(beto).get(discussion_url(cohort)).content.decode())
        _assert_inert(client_for(beto).get(thread_url(thread)).content.decode())
        _assert_inert(client_for(ana).get(thread_url(thread)).content.decode())


def test_links_in_posts_are_marked_nofollow(cohort, ana, beto):
    thread = services.create_thread(
        cohort=cohort, author=ana, title="Link", body='See <a href="https://example.org">this</a>'
    )
    html = client_for(beto).get(thread_url(thread)).content.decode()
    assert 'href="https://example.org"' in html and "nofollow" in html


def test_an_empty_post_shows_the_title_again_with_the_error(cohort, ana):
    response = _new_thread(client_for(ana), cohort, title="Kept title", body="   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Kept title"' in html
    assert "This field is required." in html
    assert not Thread.objects.exists()


def test_markup_that_cleans_to_nothing_is_refused_with_the_text_kept(cohort, ana):
    response = _new_thread(client_for(ana), cohort, title="T", body="<p> </p><b></b>")
    assert response.status_code == 400
    assert "Nothing would be left" in response.content.decode()
    assert "&lt;p&gt; &lt;/p&gt;&lt;b&gt;&lt;/b&gt;" in response.content.decode()


def test_an_over_long_reply_is_shown_again_with_the_error(cohort, ana):
    thread = services.create_thread(cohort=cohort, author=ana, title="Long", body="x")
    text = "palabra " * 1251  # 10,008 characters
    response = client_for(ana).post(thread_url(thread), {"body": text.strip() + "END"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 10000 characters" in html
    assert "palabra palabra" in html and "END" in html
    assert Post.objects.count() == 1


def test_a_flood_of_posts_is_rate_limited_with_a_message(cohort, ana):
    thread = services.create_thread(cohort=cohort, author=ana, title="Flood", body="1")
    client = client_for(ana)
    for number in range(9):  # 10 posts in 5 minutes with the thread
        assert client.post(thread_url(thread), {"body": f"post {number}"}).status_code == 302
    response = client.post(thread_url(thread), {"body": "one too many"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "You have posted many messages in a short time" in html
    assert "one too many" in html
    assert Post.objects.count() == 10


def test_the_same_form_sent_twice_makes_one_post(cohort, ana):
    thread = services.create_thread(cohort=cohort, author=ana, title="Twice", body="1")
    client = client_for(ana)
    token = client.get(thread_url(thread)).context["form"].initial["token"]
    for _ in range(2):
        response = client.post(thread_url(thread), {"body": "Once", "token": str(token)})
        assert response.status_code == 302
    assert Post.objects.filter(body="Once").count() == 1
    thread.refresh_from_db()
    assert thread.reply_count == 1
    first = _new_thread(client, cohort, title="New", body="x")
    assert first.status_code == 302


def test_new_thread_sent_twice_opens_one_thread(cohort, ana):
    client = client_for(ana)
    token = str(client.get(discussion_url(cohort)).context["form"].initial["token"])
    data = {"title": "Only once", "body": "x", "token": token}
    first = client.post(discussion_url(cohort), data)
    second = client.post(discussion_url(cohort), data)
    assert first["Location"] == second["Location"]
    assert Thread.objects.filter(title="Only once").count() == 1


def test_authors_edit_within_15_minutes_only(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=ana, title="Edit", body="Tpyo")
    post = thread.posts.get()
    client = client_for(ana)
    edit = f"/en/learn/cohorts/{cohort.pk}/discussion/posts/{post.pk}/edit/"
    assert client_for(beto).get(edit).status_code == 404
    assert client.post(edit, {"body": "Typo"}).status_code == 302
    post.refresh_from_db()
    assert post.body == "Typo" and post.edited_at is not None
    Post.objects.filter(pk=post.pk).update(created_at=post.created_at - timedelta(minutes=16))
    response = client.post(edit, {"body": "Too late"}, follow=True)
    assert "within 15 minutes" in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Typo"


def test_deleting_a_replied_post_leaves_it_shown_as_deleted(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=ana, title="Del", body="Secret words")
    services.reply(thread=thread, author=beto, body="Answer")
    post = thread.posts.get(is_opening=True)
    delete = f"/en/learn/cohorts/{cohort.pk}/discussion/posts/{post.pk}/delete/"
    assert client_for(beto).post(delete).status_code == 404
    assert client_for(ana).post(delete).status_code == 302
    post.refresh_from_db()
    assert post.deleted_at is not None and post.body == ""
    html = client_for(beto).get(thread_url(thread)).content.decode()
    assert "This message was deleted by its author." in html
    assert "Secret words" not in html


def test_deleting_an_unanswered_thread_removes_it(cohort, ana):
    thread = services.create_thread(cohort=cohort, author=ana, title="Oops", body="x")
    post = thread.posts.get()
    url = f"/en/learn/cohorts/{cohort.pk}/discussion/posts/{post.pk}/delete/"
    assert client_for(ana).post(url).status_code == 302
    assert not Thread.objects.exists()


def test_hiding_and_restoring_a_post_is_audited(cohort, ana, beto, tutor):
    thread = services.create_thread(cohort=cohort, author=ana, title="Fine", body="ok")
    reply = services.reply(thread=thread, author=beto, body="Rude words")
    tutor_client = client_for(tutor)
    hide = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{reply.pk}/hide/"
    assert tutor_client.post(hide).status_code == 302
    html = client_for(ana).get(thread_url(thread)).content.decode()
    assert "Rude words" not in html and "hidden by a tutor" in html
    assert "Rude words" in tutor_client.get(thread_url(thread)).content.decode()
    restore = f"/en/tutor/cohorts/{cohort.pk}/discussion/posts/{reply.pk}/restore/"
    assert tutor_client.post(restore).status_code == 302
    assert "Rude words" in client_for(ana).get(thread_url(thread)).content.decode()
    entries = ModelLogEntry.objects.filter(object_id=str(reply.pk)).order_by("timestamp", "pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("aula.discussion.hide", tutor.pk),
        ("aula.discussion.restore", tutor.pk),
    ]


def test_learners_report_a_post_once(cohort, ana, beto):
    thread = services.create_thread(cohort=cohort, author=ana, title="R", body="x")
    post = thread.posts.get()
    url = f"/en/learn/cohorts/{cohort.pk}/discussion/posts/{post.pk}/report/"
    assert client_for(ana).post(url).status_code == 404  # not one's own
    for _ in range(2):
        assert client_for(beto).post(url, {"reason": "Off topic"}).status_code == 302
    assert post.reports.count() == 1


def test_pseudonyms_on_a_sensitive_course(course, cohort, ana, beto, tutor):
    publish_course(course, sensitive=True)
    thread = services.create_thread(cohort=cohort, author=ana, title="Hard week", body="…")
    services.reply(thread=thread, author=tutor, body="Thank you", moderator=True)
    number = Pseudonym.objects.get(cohort=cohort, user=ana).number
    html = client_for(beto).get(thread_url(thread)).content.decode()
    assert f"Participant {number}" in html
    assert "Ana Pereira" not in html
    assert "Lucía Ramírez (tutor)" in html
    assert 'id="quick-exit"' in html or "quick-exit" in html
    own = client_for(ana).get(thread_url(thread)).content.decode()
    assert f"You (Participant {number})" in own
    tutor_html = client_for(tutor).get(thread_url(thread)).content.decode()
    assert "Ana Pereira" in tutor_html


def test_an_erased_accounts_posts_lose_their_text(cohort, ana, beto):
    from learners.privacy.services import erase_account

    thread = services.create_thread(cohort=cohort, author=ana, title="Mine", body="My story")
    services.reply(thread=thread, author=beto, body="Thanks")
    erase_account(user=ana, keep_certificates=True, reason="test")
    post = thread.posts.get(is_opening=True)
    assert post.body == "" and post.deleted_at is not None
    html = client_for(beto).get(thread_url(thread)).content.decode()
    assert "My story" not in html and "Ana Pereira" not in html

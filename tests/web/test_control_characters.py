"""Control characters: cleaned from every text field on save; feeds, sitemaps and
mails still write rows saved before that rule."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.contrib.auth.models import Group

from films.models import Film
from people.models import Organisation, Person
from reviews.models import Byline, Mention, Review, Topic
from tests.factories import (
    make_film,
    make_organisation,
    make_person,
    make_public_review,
)
from tests.reviews.test_admin import piece_form

pytestmark = pytest.mark.django_db

# Word's manual line break, as a browser's text input keeps it, and a bell.
PASTED = "Last Men\x0bin Aleppo\x07"


def test_the_piece_form_stores_a_headline_without_control_characters(
    editor_client,
):
    response = editor_client.post(
        "/admin/reviews/review/add/",
        piece_form(kind="feature", headline=PASTED, standfirst="One\x0ctwo"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    piece = Review.objects.get()
    assert piece.headline == "Last Men in Aleppo"
    assert piece.standfirst == "One two"


def test_a_save_from_code_is_cleaned_too_but_tabs_and_newlines_stay():
    person = Person.objects.create(name="Khaled\x1b Omar", bio="First line\r\n\tSecond")
    film = make_film("The Cave\x85", synopsis="Ghouta\x9f")

    person.refresh_from_db()
    film.refresh_from_db()
    assert person.name == "Khaled Omar"
    assert person.bio == "First line\r\n\tSecond"
    assert (film.title, film.synopsis) == ("The Cave ", "Ghouta")


@pytest.fixture
def stored_before_the_rule():
    """Public rows holding control characters, as rows saved before the rule do
    (an update() writes them without a save)."""
    film, person = make_film(), make_person()
    organisation, topic = make_organisation(), Topic.objects.create(name="Syria")
    piece = make_public_review(film=film)
    piece.topics.add(topic)
    Byline.objects.create(review=piece, person=person)
    Mention.objects.create(review=piece, organisation=organisation)
    Review.objects.update(headline=PASTED, standfirst=PASTED, verdict=PASTED)
    for model in (Film, Person, Organisation):
        model.objects.update(**{"title" if model is Film else "name": PASTED})
    Topic.objects.update(name=PASTED)
    return {
        "film": film,
        "person": person,
        "organisation": organisation,
        "topic": topic,
    }


def test_every_feed_writes_rows_stored_with_control_characters(
    client, stored_before_the_rule
):
    world = stored_before_the_rule
    paths = [
        "/feeds/reviews",
        f"/topics/{world['topic'].slug}/feed",
        f"/films/{world['film'].slug}/feed",
        f"/people/{world['person'].slug}/feed",
        f"/organisations/{world['organisation'].slug}/feed",
    ]
    for path in paths:
        for extension in ("rss", "atom"):
            response = client.get(f"{path}.{extension}")
            assert response.status_code == 200, (path, extension)
            parsed = feedparser.parse(response.content)
            assert not parsed.bozo, (path, extension, parsed.bozo_exception)
            [entry] = parsed.entries
            assert entry.title == "Last Men in Aleppo"


def test_the_news_sitemap_stays_well_formed(client, stored_before_the_rule):
    response = client.get("/sitemap-news.xml")

    assert response.status_code == 200
    titles = ET.fromstring(response.content).iter(
        "{http://www.google.com/schemas/sitemap-news/0.9}title"
    )
    assert [title.text for title in titles] == ["Last Men in Aleppo"]


def test_the_notification_mail_is_sent(
    stored_before_the_rule,
    editor,
    django_user_model,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    writer = django_user_model.objects.create_user(
        "ana", "ana@example.org", is_staff=True
    )
    writer.groups.add(Group.objects.get(name="Writers"))
    Person.objects.update(user=writer)
    piece = Review.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        piece.withdraw(by=editor)

    [mail] = mailoutbox
    assert mail.subject == "[Filmdesk] editor withdrew “Last Men in Aleppo”"

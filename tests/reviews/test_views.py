import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.views.defaults import server_error

from films.models import Credit, Film, Nomination
from reviews.models import Review, Topic
from tests.factories import (
    make_credit,
    make_film,
    make_person,
    make_public_review,
    make_review,
)
from tests.html import assert_valid_html, json_ld, meta

pytestmark = pytest.mark.django_db

PIECE = "/reviews/last-men-in-aleppo-review/"


def test_the_demo_review_page_has_everything_a_reader_needs(client, demo):
    response = client.get(PIECE)

    content = response.content.decode()
    assert response.status_code == 200
    assert_valid_html(content)
    assert "<h1>Last Men in Aleppo: the rescuers who chose to stay</h1>" in content
    assert 'href="/people/ana-ferreira/" rel="author">Ana Ferreira</a>' in content
    assert '<time datetime="2026-11-02T09:00:00+00:00">' in content
    assert "4.5 out of 5" in content
    assert "<h2>After the bombs drop</h2>" in content
    assert "<blockquote>" in content
    for link in [
        "/films/last-men-in-aleppo-2017/",
        "/people/feras-fayyad/",
        "/people/khaled-omar-harrah/",
        "/organisations/the-white-helmets/",
        "/organisations/sundance-film-festival/",
        "/topics/syria/",
    ]:
        assert f'href="{link}"' in content
    assert "104 minutes" in content
    assert "Denmark, Syria" in content
    assert "World Cinema Grand Jury Prize: Documentary" in content


def test_the_piece_page_has_unique_metadata(client, demo):
    content = client.get(PIECE).content.decode()

    assert (
        "<title>Last Men in Aleppo: the rescuers who chose to stay — review" in content
    )
    assert meta(content, "name", "description").startswith("Feras Fayyad")
    assert meta(content, "property", "og:type") == "article"
    assert meta(content, "property", "og:url") == f"http://testserver{PIECE}"
    assert f'<link rel="canonical" href="http://testserver{PIECE}">' in content
    assert meta(content, "name", "twitter:card") == "summary_large_image"
    assert 'type="application/rss+xml"' in content
    assert 'type="application/atom+xml"' in content


def test_the_review_is_described_as_a_critic_review_of_a_movie(client, demo):
    (data,) = json_ld(client.get(PIECE).content.decode())

    assert data["@type"] == "Review"
    assert data["itemReviewed"]["@type"] == "Movie"
    assert data["itemReviewed"]["name"] == "Last Men in Aleppo"
    assert data["itemReviewed"]["dateCreated"] == "2017"
    assert data["itemReviewed"]["director"][0]["name"] == "Feras Fayyad"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ana Ferreira",
            "url": "http://testserver/people/ana-ferreira/",
        }
    ]
    assert data["publisher"]["name"] == "Filmdesk"
    assert data["datePublished"].startswith("2026-11-02T09:00:00")
    assert "dateModified" in data
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 4.5,
        "bestRating": 5,
        "worstRating": 0.5,
    }


def test_a_feature_is_an_article_about_the_film(client):
    piece = make_public_review("On rescue", kind=Review.Kind.FEATURE, film=make_film())

    (data,) = json_ld(client.get(piece.get_absolute_url()).content.decode())

    assert data["@type"] == "Article"
    assert data["about"]["@type"] == "Movie"
    assert "reviewRating" not in data


def test_film_page_groups_credits_and_lists_awards_and_pieces(client, demo):
    response = client.get("/films/last-men-in-aleppo-2017/")

    content = response.content.decode()
    assert_valid_html(content)
    assert "<dt>Director</dt>" in content
    assert "<dt>Footage by</dt>" in content
    assert "Aleppo Media Center" in content
    assert "Best Documentary Feature" in content
    assert PIECE in content
    (data,) = json_ld(content)
    assert (data["@type"], data["name"], data["duration"]) == (
        "Movie",
        "Last Men in Aleppo",
        "PT104M",
    )


def test_person_page_shows_filmography_and_pieces_written(client, demo):
    fayyad = client.get("/people/feras-fayyad/").content.decode()
    critic = client.get("/people/ana-ferreira/").content.decode()

    assert_valid_html(fayyad)
    assert "Also known as Firas Fayyad" in fayyad
    assert "<h3>Director</h3>" in fayyad
    assert "<h3>Writer</h3>" in fayyad
    assert json_ld(fayyad)[0]["@type"] == "Person"
    assert PIECE in critic


def test_organisation_page_shows_aliases_members_and_credits(client, demo):
    content = client.get("/organisations/the-white-helmets/").content.decode()

    assert_valid_html(content)
    assert "Syrian Civil Defense" in content
    assert "Founded" in content and "2013" in content
    assert "/people/khaled-omar-harrah/" in content
    assert "<h3>Subject</h3>" in content
    (data,) = json_ld(content)
    assert data["@type"] == "Organization"
    assert "Syrian Civil Defense" in data["alternateName"]


@pytest.mark.parametrize(
    "url", ["/", "/reviews/", "/films/", "/topics/syria/", "/search/?q=aleppo"]
)
def test_list_pages_are_valid_and_cacheable(client, demo, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_valid_html(response.content.decode())
    assert "public" in response["Cache-Control"]
    assert response.has_header("ETag")
    again = client.get(url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_the_archive_filters_by_kind_topic_and_year(client):
    syria = Topic.objects.create(name="Syria")
    review = make_public_review("A review")
    review.topics.add(syria)
    make_public_review("A feature", kind=Review.Kind.FEATURE, film=None)

    by_kind = client.get("/reviews/", {"kind": "feature"}).context["pieces"]
    by_topic = client.get("/reviews/", {"topic": "syria"}).context["pieces"]
    by_year = client.get("/reviews/", {"year": "1999"}).context["pieces"]
    unknown_topic = client.get("/reviews/", {"topic": "no-such-topic"})

    assert [p.headline for p in by_kind] == ["A feature"]
    assert [p.headline for p in by_topic] == ["A review"]
    assert list(by_year) == []
    assert unknown_topic.status_code == 200
    assert list(unknown_topic.context["pieces"]) == []


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ({"year": "0000"}, "Year: Give the year as four digits, for example 2017."),
        ({"year": "99999"}, "Year: Give the year as four digits, for example 2017."),
        ({"year": "abc"}, "Year: Give the year as four digits, for example 2017."),
        (
            {"kind": "<script>"},
            "Kind: There is no kind of piece called “&lt;script&gt;”.",
        ),
        (
            {"topic": "../etc"},
            "Topic: A topic is named by its address, for example syria.",
        ),
    ],
    ids=["year-0000", "year-99999", "year-abc", "kind-markup", "topic-traversal"],
)
def test_a_filter_the_archive_cannot_use_gets_a_400_naming_it(client, query, problem):
    make_public_review("A review")

    response = client.get("/reviews/", query)

    content = response.content.decode()
    assert response.status_code == 400
    assert_valid_html(content)
    assert "<h1>Bad request</h1>" in content
    assert f"<li>{problem}</li>" in content
    assert 'href="/reviews/"' in content


def test_pagination_keeps_the_filters_in_their_clean_form(client):
    film = make_film()
    for number in range(23):
        make_public_review(f"Piece {number}", film=film)
    year = timezone.now().year

    content = client.get("/reviews/", {"year": f" {year} "}).content.decode()

    assert f'href="?year={year}&amp;page=2"' in content
    assert f'<option value="{year}" selected>' in content


def test_requests_django_refuses_get_the_branded_400(client, db):
    too_many_fields = "&".join(f"field{number}=1" for number in range(1001))
    responses = [
        client.get(f"/reviews/?{too_many_fields}"),
        client.get("/", headers={"host": "attacker.example"}),
    ]

    for response in responses:
        content = response.content.decode()
        assert response.status_code == 400
        assert_valid_html(content)
        assert "<h1>Bad request</h1>" in content
        assert '<a class="site-name" href="/">Filmdesk</a>' in content


def test_the_archive_paginates(client):
    film = make_film()
    for number in range(23):
        make_public_review(f"Piece {number}", film=film)

    first = client.get("/reviews/")
    second = client.get("/reviews/", {"page": 2})

    assert len(first.context["pieces"]) == 20
    assert len(second.context["pieces"]) == 3
    assert client.get("/reviews/", {"page": "99"}).status_code == 404


def not_public_pieces(editor):
    film = make_film("A Hidden Film", year=2020)
    critic = make_person("Hidden Critic")
    topic = Topic.objects.create(name="Hidden topic")
    pieces = [
        make_review("Secret draft", film=film),
        make_review("Secret in review", film=film, status=Review.Status.IN_REVIEW),
        make_review("Secret scheduled", film=film),
        make_public_review("Secret withdrawn", film=film),
    ]
    pieces[2].publish(by=editor, at=timezone.now() + timedelta(hours=1))
    pieces[3].withdraw(by=editor)
    for piece in pieces:
        piece.bylines.create(person=critic)
        piece.topics.add(topic)
    return film, critic, topic, pieces


def test_pieces_that_are_not_public_never_appear_anywhere(client, editor):
    film, critic, topic, pieces = not_public_pieces(editor)

    surfaces = [
        "/",
        "/reviews/",
        film.get_absolute_url(),
        critic.get_absolute_url(),
        topic.get_absolute_url(),
        "/search/?q=secret",
        "/feeds/reviews.rss",
        "/feeds/reviews.atom",
        "/sitemap-pieces.xml",
    ]
    for url in surfaces:
        content = client.get(url).content.decode()
        assert "Secret" not in content, url
    for piece in pieces:
        assert client.get(piece.get_absolute_url()).status_code == 404
        assert client.get(f"/reviews/{piece.pk}/").status_code == 404


def test_a_scheduled_piece_appears_when_its_time_comes(client, editor):
    piece = make_review("Arrives on time")
    at = timezone.now() + timedelta(hours=1)
    piece.publish(by=editor, at=at)

    assert client.get(piece.get_absolute_url()).status_code == 404
    with time_machine.travel(at + timedelta(seconds=1)):
        assert client.get(piece.get_absolute_url()).status_code == 200
        assert "Arrives on time" in client.get("/feeds/reviews.rss").content.decode()


def test_body_is_sanitised_again_at_render(client):
    piece = make_public_review()
    Review.objects.filter(pk=piece.pk).update(
        body_html='<p>Fine</p><script>alert("x")</script><p onmouseover="x()">Hover</p>'
    )

    content = client.get(piece.get_absolute_url()).content.decode()

    assert 'alert("x")' not in content
    assert "onmouseover" not in content
    assert "<p>Hover</p>" in content


@pytest.mark.usefixtures("uncached")
def test_the_piece_page_query_count_does_not_grow(
    client, django_assert_max_num_queries
):
    film = make_film()
    piece = make_public_review(film=film)
    for number in range(30):
        make_credit(film, make_person(f"Person {number}"), Credit.Role.SUBJECT)
        piece.bylines.create(person=make_person(f"Writer {number}"), order=number)
        piece.topics.add(Topic.objects.create(name=f"Topic {number}"))
        piece.corrections.create(text=f"Correction {number}")

    # The piece with its film, stored film box and stored bylines, topics and
    # corrections; the related pieces, with theirs.
    with django_assert_max_num_queries(2):
        content = client.get(piece.get_absolute_url()).content.decode()
    for number in range(30):
        assert f">Writer {number}</a>" in content
        assert f">Topic {number}</a>" in content
        assert f": Correction {number}</p>" in content


FLAT_PAGES = [
    "/",
    "/reviews/",
    "/films/",
    "/people/feras-fayyad/",
    "/organisations/the-white-helmets/",
    "/films/last-men-in-aleppo-2017/",
    "/topics/syria/",
    "/search/?q=aleppo",
    "/feeds/reviews.rss",
]


# One test for all these pages: the demo takes seconds to load.
@pytest.mark.usefixtures("uncached")
def test_other_pages_query_counts_stay_flat(
    client, demo, django_assert_max_num_queries
):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    syria = Topic.objects.get(slug="syria")

    def add_pieces(count, start):
        for number in range(start, start + count):
            piece = make_public_review(f"Extra {number} on Aleppo", film=demo)
            piece.bylines.create(person=make_person(f"Writer {number}"))
            piece.topics.add(syria)

    add_pieces(1, start=0)
    before = {url: queries(url) for url in FLAT_PAGES}
    add_pieces(25, start=1)

    assert {url: queries(url) for url in FLAT_PAGES} == before
    for url in FLAT_PAGES:
        with django_assert_max_num_queries(15):
            client.get(url)


def test_unknown_pages_get_the_branded_404(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert_valid_html(response.content.decode())


def test_the_500_page_is_branded(rf):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_demo_loads_a_publication_in_use_once(client, db):
    call_command("seed_demo")
    counts = [Review.objects.count(), Film.objects.count(), Nomination.objects.count()]
    call_command("seed_demo")

    public = Review.objects.public()
    assert [
        Review.objects.count(),
        Film.objects.count(),
        Nomination.objects.count(),
    ] == (counts)
    assert public.count() >= 12
    assert set(public.values_list("kind", flat=True)) == set(Review.Kind.values)
    assert not public.filter(kind=Review.Kind.REVIEW, rating__isnull=True).exists()
    assert (
        Film.objects.filter(credits__role=Credit.Role.DIRECTOR).distinct().count() >= 8
    )
    assert Film.objects.filter(nominations__isnull=False).distinct().count() >= 8
    assert Review.objects.filter(status=Review.Status.DRAFT).count() >= 2
    assert Review.objects.scheduled().count() == 1
    assert Review.objects.in_review().count() == 1
    for piece in Review.objects.all():
        assert "Demo content" in piece.body, piece.slug
    home = client.get("/").content.decode()
    assert "Last Men in Aleppo: the rescuers who chose to stay" in home
    for piece in public:
        assert client.get(piece.get_absolute_url()).status_code == 200


def test_only_links_to_other_sites_drop_the_referrer(client):
    make_person("Feras Fayyad")
    piece = make_public_review(
        body='<p>Feras Fayyad made it. <a href="/films/">Our films</a>, '
        '<a href="https://www.example.org/aleppo">elsewhere</a>.</p>'
    )

    content = client.get(piece.get_absolute_url()).content.decode()

    assert '<a href="/people/feras-fayyad/">Feras Fayyad</a>' in content
    assert '<a href="/films/">Our films</a>' in content
    assert (
        '<a href="https://www.example.org/aleppo" rel="noopener noreferrer">'
        "elsewhere</a>"
    ) in content


def test_error_pages_declare_no_canonical_address(client, rf, db):
    not_found = client.get("/no-such-page/").content.decode()
    bad_request = client.get("/", headers={"host": "not-our-site.example"})

    assert bad_request.status_code == 400
    assert "Bad request" in bad_request.content.decode()
    for content in (
        not_found,
        bad_request.content.decode(),
        server_error(rf.get("/")).content.decode(),
        render_to_string("503.html"),
    ):
        assert 'rel="canonical"' not in content
        assert "og:url" not in content


# HTML's valid global date and time, in whole seconds (issue 47): a piece that
# was updated once carried its microseconds here, on every page showing it.
WHOLE_SECONDS = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"


def test_an_updated_piece_writes_its_times_in_whole_seconds(client):
    piece = make_public_review(publish_at=timezone.now() - timedelta(days=2))
    piece.first_published_at = piece.publish_at.replace(microsecond=123456)
    piece.standfirst = "Revised after the festival."
    piece.save()
    assert piece.updated_at.microsecond  # what the database holds

    page = client.get(piece.get_absolute_url()).content.decode()
    home = client.get("/").content.decode()
    feed = client.get("/feeds/reviews.atom").content.decode()

    assert "Updated <time" in page
    times = re.findall(r'<time datetime="([^"]+)"', page + home)
    assert len(times) >= 3
    assert all(re.fullmatch(WHOLE_SECONDS, value) for value in times), times
    data = json_ld(page)[0]
    for name in ("datePublished", "dateModified"):
        assert re.fullmatch(WHOLE_SECONDS, data[name]), data[name]
    updated = re.findall(r"<(?:updated|published)>([^<]+)<", feed)
    assert updated and all(re.fullmatch(WHOLE_SECONDS, value) for value in updated)

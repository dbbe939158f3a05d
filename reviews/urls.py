from django.urls import path

from films.models import Film
from people.models import Organisation, Person
from reviews import feeds, views
from reviews.models import FrontPagePlace, Review, Topic
from web.pages import public_page


def rss_and_atom(route, feed_class, name, lists=()):
    """A feed at `route`.rss and its Atom twin at `route`.atom."""
    rss, atom = feed_class(), feeds.atom(feed_class)()
    return [
        path(f"{route}.rss", public_page(rss, lists=lists), name=f"{name}_rss"),
        path(f"{route}.atom", public_page(atom, lists=lists), name=f"{name}_atom"),
    ]


app_name = "reviews"
urlpatterns = [
    # Each page lists what it shows; a piece's own page, a topic's or a
    # person's learn it from the rows they load (web/pages.py).
    path("", public_page(views.home, lists=[Review, FrontPagePlace]), name="home"),
    path(
        "reviews/",
        public_page(
            views.ArchiveView.as_view(),
            lists=[Review, Topic],
            query=["kind", "topic", "year", "page"],
        ),
        name="archive",
    ),
    path("reviews/<uslug:slug>/", public_page(views.review_detail), name="detail"),
    path(
        "topics/<uslug:slug>/",
        public_page(views.TopicView.as_view(), query=["page"]),
        name="topic",
    ),
    path(
        "search/",
        public_page(
            views.search_view, lists=[Review, Person, Organisation, Film], query=["q"]
        ),
        name="search",
    ),
    *rss_and_atom("feeds/reviews", feeds.LatestPiecesFeed, "feed", lists=[Review]),
    *rss_and_atom("topics/<uslug:slug>/feed", feeds.TopicFeed, "topic_feed"),
    # Films, people and organisations have their pages in the apps below, which
    # know nothing of pieces; their feeds live here, next to the pieces.
    *rss_and_atom("films/<uslug:slug>/feed", feeds.FilmFeed, "film_feed"),
    *rss_and_atom("people/<uslug:slug>/feed", feeds.PersonFeed, "person_feed"),
    *rss_and_atom(
        "organisations/<uslug:slug>/feed", feeds.OrganisationFeed, "organisation_feed"
    ),
    path("preview/<token:token>/", views.preview, name="preview"),
]

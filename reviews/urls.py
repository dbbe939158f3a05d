from django.urls import path

from reviews import feeds, views
from web.caching import public_page


def rss_and_atom(route, feed_class, name):
    """A feed at `route`.rss and its Atom twin at `route`.atom."""
    return [
        path(f"{route}.rss", public_page(feed_class()), name=f"{name}_rss"),
        path(
            f"{route}.atom", public_page(feeds.atom(feed_class)()), name=f"{name}_atom"
        ),
    ]


app_name = "reviews"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("reviews/", public_page(views.ArchiveView.as_view()), name="archive"),
    path("reviews/<uslug:slug>/", public_page(views.review_detail), name="detail"),
    path("topics/<uslug:slug>/", public_page(views.TopicView.as_view()), name="topic"),
    path("search/", public_page(views.search_view), name="search"),
    *rss_and_atom("feeds/reviews", feeds.LatestPiecesFeed, "feed"),
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

from django.urls import path

import people.converters  # noqa: F401  (registers <uslug:> and <token:>)
from people.caching import public_page
from reviews import feeds, views

app_name = "reviews"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("reviews/", public_page(views.ArchiveView.as_view()), name="archive"),
    path("reviews/<uslug:slug>/", public_page(views.review_detail), name="detail"),
    path("topics/<uslug:slug>/", public_page(views.TopicView.as_view()), name="topic"),
    path("search/", public_page(views.search_view), name="search"),
    path("feeds/reviews.rss", public_page(feeds.LatestPiecesFeed()), name="feed_rss"),
    path(
        "feeds/reviews.atom",
        public_page(feeds.LatestPiecesAtomFeed()),
        name="feed_atom",
    ),
    path("preview/<token:token>/", views.preview, name="preview"),
]

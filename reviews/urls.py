from django.urls import path

from reviews import feeds, views

app_name = "reviews"
urlpatterns = [
    path("", views.home, name="home"),
    path("reviews/", views.ArchiveView.as_view(), name="archive"),
    path("reviews/<str:slug>/", views.review_detail, name="detail"),
    path("topics/<str:slug>/", views.TopicView.as_view(), name="topic"),
    path("search/", views.search_view, name="search"),
    path("feeds/reviews.rss", feeds.LatestPiecesFeed(), name="feed_rss"),
    path("feeds/reviews.atom", feeds.LatestPiecesAtomFeed(), name="feed_atom"),
    path("preview/<str:token>/", views.preview, name="preview"),
]

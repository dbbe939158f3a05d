from django.urls import path

from films import views
from films.models import Film
from web.pages import public_page

app_name = "films"
urlpatterns = [
    path(
        "films/",
        public_page(views.FilmIndexView.as_view(), lists=[Film], query=["page"]),
        name="list",
    ),
    path("films/<uslug:slug>/", public_page(views.film_detail), name="detail"),
]

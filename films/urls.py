from django.urls import path

from films import views
from films.filters import FilmFilters
from films.models import Award, Film, Genre
from web.pages import public_page

app_name = "films"
urlpatterns = [
    path(
        "films/",
        public_page(
            views.FilmIndexView.as_view(),
            lists=[Film, Genre],
            query=[*FilmFilters.base_fields, "page"],
        ),
        name="list",
    ),
    path("films/<uslug:slug>/", public_page(views.film_detail), name="detail"),
    path("awards/", public_page(views.award_list, lists=[Award]), name="awards"),
    path("awards/<uslug:slug>/", public_page(views.award_detail), name="award"),
]

from django.urls import path

from films import views
from web.caching import public_page

app_name = "films"
urlpatterns = [
    path("films/", public_page(views.FilmIndexView.as_view()), name="list"),
    path("films/<uslug:slug>/", public_page(views.film_detail), name="detail"),
]

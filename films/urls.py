from django.urls import path

from films import views

app_name = "films"
urlpatterns = [
    path("films/", views.FilmIndexView.as_view(), name="list"),
    path("films/<str:slug>/", views.film_detail, name="detail"),
]

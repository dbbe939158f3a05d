from django.urls import path

from people import views
from people.caching import public_page

app_name = "people"
urlpatterns = [
    path("people/<str:slug>/", public_page(views.person_detail), name="person"),
    path(
        "organisations/<str:slug>/",
        public_page(views.organisation_detail),
        name="organisation",
    ),
]

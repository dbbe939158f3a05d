from django.urls import path

from people import views
from web.pages import public_page

app_name = "people"
urlpatterns = [
    path("people/<uslug:slug>/", public_page(views.person_detail), name="person"),
    path(
        "organisations/<uslug:slug>/",
        public_page(views.organisation_detail),
        name="organisation",
    ),
]

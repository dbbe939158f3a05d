from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("people/<str:slug>/", views.person_detail, name="person"),
    path("organisations/<str:slug>/", views.organisation_detail, name="organisation"),
]

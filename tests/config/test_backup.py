import io

import pytest
from django.core import serializers
from django.core.management import call_command

from films.models import Award, Credit, Film, Genre, Nomination
from people.models import Affiliation, Organisation, Person
from reviews.models import Byline, FrontPagePlace, Mention, Review, Topic

pytestmark = pytest.mark.django_db

CONTENT = [
    Person,
    Organisation,
    Affiliation,
    Genre,
    Film,
    Credit,
    Award,
    Nomination,
    Topic,
    Review,
    FrontPagePlace,
    Byline,
    Mention,
]


def snapshot():
    return {
        model.__name__: serializers.serialize("python", model.objects.order_by("pk"))
        for model in CONTENT
    }


def test_the_demo_content_survives_dumpdata_and_loaddata(
    demo, tmp_path, django_capture_on_commit_callbacks
):
    before = snapshot()
    public = list(Review.objects.public().values_list("pk", flat=True))
    # XML keeps microseconds; Django's JSON rounds times to milliseconds.
    dump = tmp_path / "content.xml"
    call_command(
        "dumpdata",
        "people",
        "films",
        "reviews",
        format="xml",
        output=str(dump),
        verbosity=0,
    )

    for model in reversed(CONTENT):
        model.objects.all().delete()
    assert not Review.objects.exists() and not Person.objects.exists()
    # loaddata commits, and what is derived from the rows is stored again then.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", str(dump), stdout=io.StringIO())

    assert snapshot() == before
    assert list(Review.objects.public().values_list("pk", flat=True)) == public
    assert FrontPagePlace.objects.count() == 4

"""Small factories: the least a valid record needs, overridable by keyword."""

from django.utils import timezone

from films.models import Award, Credit, Film, Nomination
from people.models import Organisation, Person
from reviews.models import Review


def make_person(name="Feras Fayyad", **fields):
    return Person.objects.create(name=name, **fields)


def make_organisation(name="The White Helmets", **fields):
    fields.setdefault("kind", Organisation.Kind.NGO)
    return Organisation.objects.create(name=name, **fields)


def make_film(title="Last Men in Aleppo", **fields):
    fields.setdefault("year", 2017)
    return Film.objects.create(title=title, **fields)


def make_credit(film, party, role=Credit.Role.DIRECTOR, **fields):
    party_field = "person" if isinstance(party, Person) else "organisation"
    return Credit.objects.create(film=film, role=role, **{party_field: party}, **fields)


def make_nomination(film, award_name="Academy Award", **fields):
    presenter = make_organisation(
        "Academy of Motion Picture Arts and Sciences",
        kind=Organisation.Kind.AWARDING_BODY,
    )
    award = Award.objects.create(name=award_name, presenter=presenter)
    fields.setdefault("year", 2018)
    return Nomination.objects.create(film=film, award=award, **fields)


def make_review(headline="The rescuers who chose to stay", **fields):
    fields.setdefault("body", "<p>A long look at rescue under siege.</p>")
    fields.setdefault("kind", Review.Kind.REVIEW)
    if "film" not in fields and fields["kind"] == Review.Kind.REVIEW:
        fields["film"] = make_film()
    return Review.objects.create(headline=headline, **fields)


def make_public_review(headline="The rescuers who chose to stay", **fields):
    """A published piece, set up directly: the workflow has tests of its own."""
    at = fields.pop("publish_at", None) or timezone.now()
    return make_review(
        headline,
        status=Review.Status.PUBLISHED,
        publish_at=at,
        first_published_at=at,
        **fields,
    )

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, render

from people import structured_data
from people.models import Affiliation, Organisation, Person
from people.pieces import public_pieces, public_pieces_mentioning
from web.grouping import by_year

# The films app above owns credits and nominations; these pages reach them
# through reverse relations (`credits`, `nominations`) and never import them.


def _filmography(model, *related):
    """Credits with their films, newest film first, and each film's directors
    (`directors`, which its picture names): two queries for any number."""
    credit_model = model.credits.rel.related_model
    credits = credit_model.objects.select_related("film")
    directors = credit_model.objects.filter(role=credit_model.Role.DIRECTOR)
    newest_first = F("film__year").desc(nulls_last=True)
    return Prefetch(
        "credits",
        credits.order_by(newest_first, "film__title", "pk").prefetch_related(
            Prefetch(
                "film__credits",
                directors.select_related("person"),
                to_attr="directors",
            ),
            *related,
        ),
    )


def credit_groups(party):
    """[(role, credits newest first)] from the prefetched credits, with roles in
    the order a film's page lists them (director first)."""
    roles = party.credits.model._meta.get_field("role").choices
    groups = {value: [] for value, _label in roles}
    for credit in party.credits.all():
        groups[credit.role].append(credit)
    return [(label, groups[value]) for value, label in roles if groups[value]]


def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.prefetch_related(
            Prefetch(
                "affiliations", Affiliation.objects.select_related("organisation")
            ),
            _filmography(Person),
        ),
        slug=slug,
    )
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "credit_groups": credit_groups(person),
            "nominations": person.nominations.select_related(
                "award__presenter", "film"
            ),
            "pieces_written": public_pieces(person.pieces_written),
            "pieces_mentioning": public_pieces_mentioning(person),
            "structured_data": structured_data.person(
                person, request.build_absolute_uri
            ),
        },
    )


def production_awards(organisation):
    """Nominations of the films an organisation produced, from prefetched credits:
    a company shares in its films' prizes, not in the others it is credited on."""
    producer = organisation.credits.model.Role.PRODUCTION_COMPANY
    nominations = {
        nomination.pk: nomination
        for credit in organisation.credits.all()
        if credit.role == producer
        for nomination in credit.film.nominations.all()
    }
    return sorted(nominations.values(), key=lambda n: (-n.year, n.award.name))


def presented_by_year(organisation):
    """[(year, nominations: winners first)] of the awards an organisation
    presents, newest year first, from the prefetched awards."""
    return by_year(
        (
            nomination
            for award in organisation.awards_presented.all()
            for nomination in award.nominations.all()
        ),
        order=lambda n: (n.award.name, not n.won, n.film.title),
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related(
            Prefetch("affiliations", Affiliation.objects.select_related("person")),
            "awards_presented__nominations__film",
            _filmography(Organisation, "film__nominations__award__presenter"),
        ),
        slug=slug,
    )
    return render(
        request,
        "people/organisation_detail.html",
        {
            "organisation": organisation,
            "credit_groups": credit_groups(organisation),
            "nominations": production_awards(organisation),
            "presented_by_year": presented_by_year(organisation),
            "pieces_mentioning": public_pieces_mentioning(organisation),
            "structured_data": structured_data.organisation(
                organisation, request.build_absolute_uri
            ),
        },
    )

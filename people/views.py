from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from people import structured_data
from people.models import Affiliation, Organisation, Person
from people.pieces import public_pieces, public_pieces_mentioning


def _filmography(model):
    """Credits sorted for the template's regroup by role, newest film first; the
    page's description reads them too."""
    credits = model.credits.rel.related_model.objects.select_related("film")
    return Prefetch("credits", credits.order_by("role", "-film__year", "pk"))


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
            "credits": person.credits.all(),
            "pieces_written": public_pieces(person.pieces_written),
            "pieces_mentioning": public_pieces_mentioning(person),
            "structured_data": structured_data.person(
                person, request.build_absolute_uri
            ),
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related(
            Prefetch("affiliations", Affiliation.objects.select_related("person")),
            "awards_presented",
            _filmography(Organisation),
        ),
        slug=slug,
    )
    return render(
        request,
        "people/organisation_detail.html",
        {
            "organisation": organisation,
            "credits": organisation.credits.all(),
            "pieces_mentioning": public_pieces_mentioning(organisation),
            "structured_data": structured_data.organisation(
                organisation, request.build_absolute_uri
            ),
        },
    )

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView
from django_countries import countries

from films import structured_data
from films.filters import SORTS, FilmFilters
from films.models import Award, Credit, Film, Genre, Nomination
from people.pieces import public_pieces, public_pieces_mentioning
from web.filters import bad_request
from web.pages import shows, tag


class FilmIndexView(ListView):
    """Every film, as posters, narrowed by year, decade, genre, country, kind
    and whether it has a review, and sorted as the reader chooses."""

    template_name = "films/film_list.html"
    context_object_name = "films"
    paginate_by = 48

    def get(self, request, *args, **kwargs):
        self.filters = FilmFilters(request.GET)
        if not self.filters.is_valid():
            return bad_request(request, self.filters.problems())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # Which films have a piece, and which is newest, changes with any piece.
        shows(tag(Film._meta.get_field("reviews").related_model))
        return self.filters.films(Film.objects.for_index())

    def get_context_data(self, **kwargs):
        chosen = self.filters.chosen()
        years = sorted(
            Film.objects.exclude(year=None)
            .order_by()
            .values_list("year", flat=True)
            .distinct(),
            reverse=True,
        )
        context = super().get_context_data(
            filters=chosen,
            filter_query=urlencode(chosen),
            years=years,
            decades=sorted({year - year % 10 for year in years}, reverse=True),
            genres=Genre.objects.all(),
            countries=countries_of_films(),
            kinds=Film.Kind.choices,
            sorts=SORTS.items(),
            **kwargs,
        )
        page = context["page_obj"].number
        query = urlencode({**chosen, **({"page": page} if page > 1 else {})})
        here = self.request.build_absolute_uri(self.request.path)
        context["page_address"] = f"{here}?{query}" if query else here
        return context


def countries_of_films():
    """(code, name) of every country a film is from, by name."""
    codes = set()
    joined = Film.objects.exclude(countries="").order_by().values_list("countries")
    for (codes_of_film,) in joined.distinct():
        codes.update(codes_of_film.split(","))
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


def film_detail(request, slug):
    film = get_object_or_404(
        Film.objects.prefetch_related(
            "genres",
            Prefetch("credits", Credit.objects.with_parties()),
            Prefetch(
                "nominations",
                Nomination.objects.select_related("award__presenter").prefetch_related(
                    "honourees"
                ),
            ),
        ),
        slug=slug,
    )
    # Pieces live in the reviews app above; reach them through reverse relations.
    # Three small indexed look-ups beat one OR across three relations.
    piece_ids = {
        *film.reviews.public().values_list("pk", flat=True),
        *film.discussed_in.public().values_list("pk", flat=True),
        *public_pieces_mentioning(film).values_list("pk", flat=True),
    }
    pieces = public_pieces(film.reviews.model.objects.filter(pk__in=piece_ids))
    return render(
        request,
        "films/film_detail.html",
        {
            "film": film,
            "pieces": pieces,
            "structured_data": structured_data.movie(film, request.build_absolute_uri),
        },
    )


def award_list(request):
    """Every award, grouped by who presents it."""
    awards = Award.objects.select_related("presenter").order_by(
        "presenter__name", "name"
    )
    return render(request, "films/award_list.html", {"awards": awards})


def award_detail(request, slug):
    """An award's winners and nominees by year, as film cards, and our pieces
    about those films."""
    directors = Credit.objects.filter(role=Credit.Role.DIRECTOR).select_related(
        "person"
    )
    award = get_object_or_404(
        Award.objects.select_related("presenter").prefetch_related(
            Prefetch(
                "nominations",
                Nomination.objects.select_related("film").prefetch_related(
                    "honourees",
                    Prefetch("film__credits", directors, to_attr="directors"),
                ),
            )
        ),
        slug=slug,
    )
    films = {nomination.film_id for nomination in award.nominations.all()}
    pieces_model = Film._meta.get_field("reviews").related_model
    pieces = public_pieces(pieces_model.objects.filter(film__in=films))[:6]
    years = award.years()
    return render(
        request,
        "films/award_detail.html",
        {
            "award": award,
            "years": years,
            "pieces": pieces,
            "structured_data": structured_data.award_films(
                award, years, request.build_absolute_uri
            ),
        },
    )

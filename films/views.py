from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView

from films import structured_data
from films.models import Credit, Film, Nomination
from people.pieces import public_pieces, public_pieces_mentioning


class FilmIndexView(ListView):
    template_name = "films/film_list.html"
    context_object_name = "films"
    paginate_by = 60
    queryset = Film.objects.prefetch_related(
        Prefetch(
            "credits",
            Credit.objects.filter(role=Credit.Role.DIRECTOR).select_related("person"),
            to_attr="directors",
        )
    )


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

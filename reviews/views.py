from urllib.parse import urlencode

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Max, Min
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

from films.boxes import box_of
from reviews import structured_data
from reviews.forms import ArchiveFilters
from reviews.models import HomePage, Review, SlugRedirect, Topic
from reviews.preview import review_from_token
from reviews.rendering import reader_body
from reviews.search import clean_query, search
from web.filters import bad_request

ARCHIVE_PAGE_SIZE = 20


def home(request):
    page = HomePage.of(Review.objects.public().for_cards(), Review.Kind)
    return render(request, "reviews/home.html", {"page": page})


def _piece_queryset():
    """The piece with its film, whose box comes stored with it (films/boxes.py),
    as the piece's bylines, topics and corrections do (`Review.furniture`)."""
    return Review.objects.select_related("film")


def _render_piece(request, piece, preview=False):
    related = piece.more_on_the_film()
    film_box = box_of(piece.film) if piece.film else None
    return render(
        request,
        "reviews/review_detail.html",
        {
            "piece": piece,
            "film_box": film_box,
            "related": related,
            "preview": preview,
            "body": reader_body(piece),
            "structured_data": structured_data.piece(
                piece, request.build_absolute_uri, film_box
            ),
        },
    )


def review_detail(request, slug):
    try:
        piece = _piece_queryset().public().get(slug=slug)
    except Review.DoesNotExist:
        return _moved_or_missing(slug)
    return _render_piece(request, piece)


def _moved_or_missing(slug):
    """A permanent redirect from a public piece's old address, else a 404."""
    moved = SlugRedirect.objects.filter(old_slug=slug).select_related("review")
    old = moved.first()
    if old and old.review.is_public:
        return redirect(old.review, permanent=True)
    raise Http404("No such piece.")


@never_cache
@staff_member_required
def preview(request, token):
    """A piece as readers will see it, for the people who may see it at the desk."""
    piece = review_from_token(token, _piece_queryset().visible_to(request.user))
    if piece is None:
        raise Http404("This preview link is invalid, has expired or was revoked.")
    return preview_of(request, piece)


def preview_of(request, piece):
    """`piece`, saved or not, as readers will see it, for the desk's eyes only."""
    response = _render_piece(request, piece, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


class ArchiveView(ListView):
    template_name = "reviews/review_archive.html"
    context_object_name = "pieces"
    paginate_by = ARCHIVE_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.filters = ArchiveFilters(request.GET)
        if not self.filters.is_valid():
            return bad_request(request, self.filters.problems())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        pieces = Review.objects.public().for_cards()
        chosen = self.filters.cleaned_data
        if chosen["kind"]:
            pieces = pieces.filter(kind=chosen["kind"])
        if chosen["topic"]:
            pieces = pieces.filter(topics__slug=chosen["topic"])
        if chosen["year"]:
            pieces = pieces.filter(publish_at__year=chosen["year"])
        return pieces

    def get_context_data(self, **kwargs):
        chosen = self.filters.chosen()
        return super().get_context_data(
            filters=chosen,
            filter_query=urlencode(chosen),
            kinds=Review.Kind.choices,
            topics=Topic.objects.all(),
            years=publication_years(),
            **kwargs,
        )


def publication_years():
    """Newest first, from the first and last publication: two index look-ups,
    where listing distinct years would read every piece."""
    span = Review.objects.public().aggregate(
        first=Min("publish_at"), last=Max("publish_at")
    )
    if span["first"] is None:
        return []
    return list(range(span["last"].year, span["first"].year - 1, -1))


class TopicView(ListView):
    template_name = "reviews/topic_detail.html"
    context_object_name = "pieces"
    paginate_by = ARCHIVE_PAGE_SIZE

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return Review.objects.public().for_cards().filter(topics=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    return render(
        request,
        "reviews/search.html",
        {"query": query, "searched": "q" in request.GET, "results": search(query)},
    )

"""Search across pieces, films, people and organisations.

On PostgreSQL pieces are matched by full-text search over a weighted, accent-free
document (headline over standfirst over body) kept in a generated, indexed column
(migration 0003); elsewhere a plain case-insensitive match stands in.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import FloatField, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from films.models import Film
from people.models import Organisation, Person
from people.naming import fold
from reviews.models import Review
from reviews.sanitising import plain_text

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 10
PIECE_RESULTS = 30
SNIPPET_WORDS = 30
TEXT_MATCHES_SQL = (
    "SELECT id FROM reviews_review "
    "WHERE search_document @@ websearch_to_tsquery('filmdesk_search', %s)"
)
RANK_SQL = (
    "ts_rank(reviews_review.search_document, "
    "websearch_to_tsquery('filmdesk_search', %s))"
)


@dataclass
class SearchResults:
    query: str
    pieces: list = field(default_factory=list)
    films: list = field(default_factory=list)
    people: list = field(default_factory=list)
    organisations: list = field(default_factory=list)

    @property
    def count(self):
        return sum(map(len, (self.pieces, self.films, self.people, self.organisations)))


def clean_query(raw):
    """Printable text only, whitespace collapsed, cut to a sane length."""
    printable = "".join(
        c if unicodedata.category(c)[0] != "C" else " " for c in raw or ""
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def _is_postgresql():
    return connection.vendor == "postgresql"


def _name_filter(query, *fields):
    lookup = "unaccent__icontains" if _is_postgresql() else "icontains"
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__{lookup}": query})
    return condition


def search(query):
    results = SearchResults(query=query)
    if not query:
        return results
    results.people = list(
        Person.objects.filter(_name_filter(query, "name", "also_known_as"))[
            :RESULTS_PER_KIND
        ]
    )
    results.organisations = list(
        Organisation.objects.filter(_name_filter(query, "name", "also_known_as"))[
            :RESULTS_PER_KIND
        ]
    )
    results.films = list(
        Film.objects.filter(
            _name_filter(query, "title", "original_title", "also_known_as")
        )[:RESULTS_PER_KIND]
    )
    # Pieces about a film found by title, or by someone found by name.
    related_films = Film.objects.filter(
        Q(pk__in=[f.pk for f in results.films])
        | Q(credits__person__in=results.people)
        | Q(credits__organisation__in=results.organisations)
    )
    pieces = Review.objects.public().for_cards()
    about_found = Q(film__in=related_films)
    if _is_postgresql():
        # The query text is always a bound parameter, never part of the SQL.
        text_matches = RawSQL(TEXT_MATCHES_SQL, [query])  # noqa: S611
        rank = RawSQL(RANK_SQL, [query], output_field=FloatField())  # noqa: S611
        pieces = (
            pieces.filter(Q(pk__in=text_matches) | about_found)
            .annotate(rank=rank)
            .order_by("-rank", "-publish_at")
        )
    else:
        pieces = pieces.filter(
            Q(headline__icontains=query)
            | Q(standfirst__icontains=query)
            | Q(body__icontains=query)
            | about_found
        ).order_by("-publish_at")
    results.pieces = [
        (piece, snippet(piece, query)) for piece in pieces[:PIECE_RESULTS]
    ]
    return results


def snippet(piece, query):
    """A few words of the piece around the first query word, with matches marked."""
    text = f"{piece.standfirst} {plain_text(piece.body)}".strip()
    words = text.split(" ")
    terms = [fold(t) for t in re.findall(r"\w+", query) if len(t) > 1]
    folded = [fold(w) for w in words]
    first = next(
        (i for i, w in enumerate(folded) if any(w.startswith(t) for t in terms)), 0
    )
    start = max(0, first - SNIPPET_WORDS // 3)
    shown = []
    for word, key in zip(
        words[start : start + SNIPPET_WORDS],
        folded[start : start + SNIPPET_WORDS],
        strict=True,
    ):
        marked = any(re.sub(r"^\W+", "", key).startswith(t) for t in terms)
        shown.append(f"<mark>{escape(word)}</mark>" if marked else escape(word))
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    # Safe: every word was escaped above; only our own <mark> tags are added.
    return mark_safe(prefix + " ".join(shown) + suffix)  # noqa: S308

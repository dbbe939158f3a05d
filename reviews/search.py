"""Search across pieces, films, people and organisations.

On PostgreSQL pieces are matched by full-text search over a weighted, accent-free
document (headline over standfirst over body) kept in a generated, indexed column
(migration 0003); elsewhere a plain case-insensitive match stands in.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Lookup, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from films.models import Film
from people.models import Organisation, Person
from people.naming import fold
from reviews.models import Review
from reviews.sanitising import running_text

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 10
PIECE_RESULTS = 30
SNIPPET_WORDS = 30
# Unqualified: it filters a subquery, where Django renames reviews_review.
TEXT_MATCH_SQL = "search_document @@ websearch_to_tsquery('filmdesk_search', %s)"
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


class FoldedContains(Lookup):
    """PostgreSQL: the column contains the text, ignoring case and accents, in the
    very form the trigram indexes hold (migrations people 0003, films 0002)."""

    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", ["%" + connection.ops.prep_for_like_query(value) + "%"]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"filmdesk_unaccent({lhs}) ILIKE filmdesk_unaccent({rhs})"
        return sql, (*lhs_params, *rhs_params)


def _name_filter(query, *fields):
    condition = Q()
    for name in fields:
        if _is_postgresql():
            condition |= Q(FoldedContains(F(name), query))
        else:
            condition |= Q(**{f"{name}__icontains": query})
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
        text_match = RawSQL(TEXT_MATCH_SQL, [query], output_field=BooleanField())  # noqa: S611
        rank = RawSQL(RANK_SQL, [query], output_field=FloatField())  # noqa: S611
        # Ranking reads every match's document: bound it to the newest matches,
        # so words found in every piece cost what a rarer word does.
        newest = Review.objects.public().order_by("-publish_at", "-pk").values("pk")
        window = settings.SEARCH_RANK_WINDOW
        candidates = newest.filter(text_match)[:window].union(
            newest.filter(about_found)[:window]
        )
        pieces = (
            pieces.filter(pk__in=candidates)
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


WORD_AND_PUNCTUATION = re.compile(r"(\W*)(.*?)(\W*)", re.S)


def snippet(piece, query):
    """A few words of the piece's running text around the first query word,
    with matches marked; subheadings are left out, so that no heading runs
    into the sentence after it ("…unsentimental. Sundance award The film…")."""
    text = f"{piece.standfirst} {running_text(piece.body)}".strip()
    words = text.split(" ")
    terms = tuple(fold(t) for t in re.findall(r"\w+", query) if len(t) > 1)
    # Words are folded one by one up to the first match, not all of them: a long
    # piece costs no more than a short one when the match comes early.
    first = next((i for i, word in enumerate(words) if fold(word).startswith(terms)), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    shown = []
    for word in words[start : start + SNIPPET_WORDS]:
        # The word is marked, not the punctuation around it: "(<mark>Aleppo</mark>),".
        before, core, after = WORD_AND_PUNCTUATION.fullmatch(word).groups()
        if core and fold(core).startswith(terms):
            core = f"<mark>{escape(core)}</mark>"
        else:
            core = escape(core)
        shown.append(f"{escape(before)}{core}{escape(after)}")
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    # Safe: every word was escaped above; only our own <mark> tags are added.
    return mark_safe(prefix + " ".join(shown) + suffix)  # noqa: S308

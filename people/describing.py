"""Short descriptions of pages, for search results and shared links."""

import re

# What search engines show of a description before they cut it.
DESCRIPTION_LENGTH = 155
# Not after an initial, as in "U.S. Documentary" or "J. Smith".
SENTENCE_END = re.compile(r"(?<=[.!?…])(?<!\b[A-Z]\.)\s+")


def excerpt(text, limit=DESCRIPTION_LENGTH):
    """Whole opening sentences of `text` up to `limit` characters, or its opening
    words and '…' when the first sentence alone is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    # A sentence or two that fill at least half the room read better than a cut.
    if len(kept) >= limit // 2:
        return kept
    words = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{words.rstrip(' ,;:–—-')}…"


def join_names(names):
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    if len(names) < 3:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def in_sentence(label):
    """A choice's label as it reads mid-sentence: 'Media collective' gives
    'media collective', 'NGO' stays."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def filmography_phrase(credits, roles=2, films_per_role=3):
    """'director of A (2017) and B (2019); writer of A (2017)' from credits: the
    roles with most films first, each with its latest films in order of year;
    roles over the same films share them ('co-director and editor of A (2017)')."""
    films_by_role = {}
    for credit in credits:
        films = films_by_role.setdefault(credit.role_phrase, [])
        if credit.film not in films:
            films.append(credit.film)
    ranked = sorted(films_by_role.items(), key=lambda item: -len(item[1]))[:roles]
    roles_by_films = {}
    for phrase, films in ranked:
        latest = sorted(films, key=lambda film: film.year or 0)[-films_per_role:]
        roles_by_films.setdefault(join_names(map(str, latest)), []).append(phrase)
    return "; ".join(
        f"{_shared(phrases)} {films}" for films, phrases in roles_by_films.items()
    )


def _shared(phrases):
    """'co-director of' and 'editor of' give 'co-director and editor of'."""
    if len(phrases) > 1 and all(phrase.endswith(" of") for phrase in phrases):
        return f"{join_names(phrase.removesuffix(' of') for phrase in phrases)} of"
    return " and ".join(phrases)

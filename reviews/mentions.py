"""Find the people, organisations and films a piece mentions, and link them.

One Aho-Corasick automaton holds every name and alias, folded (no case, no
accents), so a scan costs the same with ten names or a hundred thousand.
Headings and existing links are left alone; matches respect word boundaries;
a surname alone ("Fayyad") counts once the full name has appeared.
"""

import re
from dataclasses import dataclass

import ahocorasick

from films.models import Film
from people.models import Organisation, Person
from people.naming import fold, split_names
from reviews.models.mention import Mention, entity_key

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
LEFT_ALONE = {"h2", "h3", "a"}
SHORTEST_NAME = 3
KIND_PREFERENCE = ("person", "organisation", "film")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: tuple


def _as_in_html(name):
    """A name as the sanitiser writes it in text (&, < and > escaped)."""
    return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fold_with_offsets(text):
    """The folded text, and for each of its characters the index it came from."""
    folded, offsets = [], []
    for index, char in enumerate(text):
        for piece in char.lower() if char.isascii() else fold(char):
            folded.append(piece)
            offsets.append(index)
    return "".join(folded), offsets


def _text_segments(html):
    """(offset, text) for text that is not inside a heading or a link."""
    depth, offset = 0, 0
    for token in TAG.split(html):
        if token.startswith("<"):
            tag = TAG_NAME.match(token)
            if tag and tag.group(2).lower() in LEFT_ALONE:
                depth += -1 if tag.group(1) else 1
                depth = max(depth, 0)
        elif depth == 0 and token:
            yield offset, token
        offset += len(token)


class NameIndex:
    """Every name of a set of entities, ready to scan a text in one pass."""

    def __init__(self, names):
        """`names`: (key, name, is_surname) triples."""
        candidates = {}
        for key, name, is_surname in names:
            pattern = fold(_as_in_html(name.strip()))
            if len(pattern) >= SHORTEST_NAME:
                candidates.setdefault(pattern, set()).add((key, is_surname))
        # Integer values, looked up in a list, make the index pickle and load
        # about four times faster than tuples stored in the automaton.
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.entries = []
        for pattern, keys in candidates.items():
            self.automaton.add_word(pattern, len(self.entries))
            self.entries.append((len(pattern), tuple(keys)))
        if candidates:
            self.automaton.make_automaton()
        self.empty = not candidates

    def find(self, html):
        """Matches in document order, longest first where names overlap."""
        if self.empty:
            return []
        found, seen = [], set()
        for offset, text in _text_segments(html):
            folded, offsets = _fold_with_offsets(text)
            for start, end, keys in self._longest_matches(folded):
                key = self._choose(keys, seen)
                if key is None:
                    continue
                seen.add(key)
                found.append(
                    Match(offset + offsets[start], offset + offsets[end - 1] + 1, key)
                )
        return found

    def _longest_matches(self, folded):
        hits = []
        for end_index, entry in self.automaton.iter(folded):
            length, keys = self.entries[entry]
            start, end = end_index - length + 1, end_index + 1
            before = folded[start - 1] if start else " "
            after = folded[end] if end < len(folded) else " "
            if not before.isalnum() and not after.isalnum():
                hits.append((start, end, keys))
        hits.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
        last_end = 0
        for start, end, keys in hits:
            if start >= last_end:
                last_end = end
                yield start, end, keys

    @staticmethod
    def _choose(keys, seen):
        """Which entity a matched name means, or None when it cannot be told.

        A surname counts only after its full name. A name shared by entities
        of different kinds ("The White Helmets", the group and the film) means
        the person, else the organisation; one shared within a kind is skipped.
        """
        surnames = [key for key, is_surname in keys if is_surname and key in seen]
        if len(surnames) == 1:
            return surnames[0]
        full_names = [key for key, is_surname in keys if not is_surname]
        for kind in KIND_PREFERENCE:
            of_kind = [key for key in full_names if key[0] == kind]
            if of_kind:
                return of_kind[0] if len(of_kind) == 1 else None
        return None


def _names_of(entity):
    """(key, name, is_surname) for an entity's name, aliases and surname."""
    key = entity_key(entity)
    main = getattr(entity, "name", None) or entity.title
    names = [main, *split_names(entity.also_known_as)]
    if isinstance(entity, Film) and entity.original_title:
        names.append(entity.original_title)
    triples = [(key, name, False) for name in names]
    if isinstance(entity, Person) and len(entity.name.split()) > 1:
        triples.append((key, entity.name.split()[-1], True))
    return triples


def all_names():
    """(key, name, is_surname) for every person, organisation and film."""
    fields = {
        Person: ["pk", "name", "also_known_as"],
        Organisation: ["pk", "name", "also_known_as"],
        Film: ["pk", "title", "original_title", "also_known_as"],
    }
    for model, only in fields.items():
        for entity in model.objects.only(*only).iterator(chunk_size=5000):
            yield from _names_of(entity)


def record_mentions(review, index):
    """Store what the body mentions, keeping the editor's additions and rejections."""
    found = {match.key for match in index.find(review.body)}
    existing = {mention.key: mention for mention in review.mentions.all()}
    Mention.objects.bulk_create(
        Mention(review=review, **{kind + "_id": pk})
        for kind, pk in found - existing.keys()
    )
    stale = [
        mention.pk
        for key, mention in existing.items()
        if key not in found and not mention.added_by_editor and not mention.wrong
    ]
    Mention.objects.filter(pk__in=stale).delete()


def link_first_mentions(html, mentions):
    """The body with the first mention of each entity linked to its page."""
    entities = {
        mention.key: mention.entity for mention in mentions if not mention.wrong
    }
    if not entities:
        return html
    index = NameIndex(
        triple for entity in entities.values() for triple in _names_of(entity)
    )
    first = {}
    for match in index.find(html):
        first.setdefault(match.key, match)
    for match in sorted(first.values(), key=lambda m: m.start, reverse=True):
        url = _as_in_html(entities[match.key].get_absolute_url())
        html = (
            f'{html[: match.start]}<a href="{url}">'
            f"{html[match.start : match.end]}</a>{html[match.end :]}"
        )
    return html

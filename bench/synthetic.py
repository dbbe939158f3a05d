"""Synthetic names and text for benchmarks: deterministic, no real people."""

import random

SYLLABLES = [
    "al", "an", "ar", "ba", "da", "el", "fa", "ha", "id", "ka", "la", "ma", "na",
    "or", "ra", "sa", "ta", "ul", "va", "ya", "za", "be", "de", "fi", "go", "hu",
]  # fmt: skip
WORDS = [
    "the",
    "film",
    "follows",
    "volunteers",
    "through",
    "a",
    "long",
    "siege",
    "and",
    "the",
    "city",
    "waits",
    "for",
    "news",
    "while",
    "rescuers",
    "search",
    "the",
    "rubble",
    "for",
    "survivors",
    "and",
    "argue",
    "about",
    "leaving",
]


def name(rng, parts=2):
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        for _ in range(parts)
    )


def names(count, seed=1):
    rng = random.Random(seed)
    return [name(rng, parts=rng.choice((1, 2, 2, 3))) for _ in range(count)]


def text(word_count, sprinkle=(), seed=2):
    """`word_count` words of prose with the names in `sprinkle` scattered through."""
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(word_count)]
    for position, inserted in zip(
        rng.sample(range(word_count), len(sprinkle)), sprinkle, strict=True
    ):
        words[position] = inserted
    paragraphs = [" ".join(words[i : i + 120]) for i in range(0, word_count, 120)]
    return "".join(f"<p>{paragraph}.</p>" for paragraph in paragraphs)

"""Public pieces about people, organisations and films.

The pieces live in the reviews app above; these helpers reach them through
reverse relations, whose querysets carry the one visibility rule, `public()`.
"""


def public_pieces(manager):
    return manager.public().select_related("film")


def public_pieces_mentioning(entity):
    """Pieces whose mention of `entity` an editor has not marked wrong."""
    mentions = entity.mentions.filter(wrong=False).values("review")
    return public_pieces(entity.mentioned_in).filter(pk__in=mentions)

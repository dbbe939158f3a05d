"""Signed, expiring, revocable preview links for pieces in any state."""

from datetime import timedelta

from django.core import signing

SALT = "reviews.preview"
MAX_AGE = timedelta(days=7)


def make_token(review):
    return signing.dumps(
        {"review": review.pk, "key": review.preview_key.hex}, salt=SALT, compress=True
    )


def review_from_token(token, pieces):
    """The piece among `pieces` that `token` names, or None when the token is forged,
    damaged, expired or revoked (the piece has drawn a new preview key since)."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        piece = pieces.filter(pk=int(claims["review"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if piece is None or piece.preview_key.hex != claims.get("key"):
        return None
    return piece

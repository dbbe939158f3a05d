"""Signed, expiring preview links for pieces in any state."""

from datetime import timedelta

from django.core import signing

SALT = "reviews.preview"
MAX_AGE = timedelta(days=7)


def make_token(review):
    return signing.dumps({"review": review.pk}, salt=SALT, compress=True)


def review_id_from_token(token):
    """The piece's id, or None when the token is forged, damaged or expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)["review"]
    except (signing.BadSignature, KeyError, TypeError):
        return None

from reviews.models.mention import Mention
from reviews.models.review import (
    Byline,
    Correction,
    Review,
    SlugRedirect,
)
from reviews.models.topic import Topic

__all__ = [
    "Byline",
    "Correction",
    "Mention",
    "Review",
    "SlugRedirect",
    "Topic",
]

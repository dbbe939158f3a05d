from reviews.models.review import Byline, Correction, Review, SlugRedirect
from reviews.models.topic import Topic

__all__ = ["Byline", "Correction", "Review", "SlugRedirect", "Topic"]

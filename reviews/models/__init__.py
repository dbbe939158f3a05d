from reviews.models.addresses import SlugRedirect
from reviews.models.byline import Byline
from reviews.models.correction import Correction
from reviews.models.front_page import FrontPagePlace, HomePage
from reviews.models.mention import Mention
from reviews.models.review import Review
from reviews.models.topic import Topic

__all__ = [
    "Byline",
    "Correction",
    "FrontPagePlace",
    "HomePage",
    "Mention",
    "Review",
    "SlugRedirect",
    "Topic",
]

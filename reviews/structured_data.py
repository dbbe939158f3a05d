"""schema.org descriptions of pieces, as Google's review-snippet guidance asks."""

from django.conf import settings

from web.dates import machine_time


def piece(piece, absolute, film_box=None):
    """A critic's `Review` of a `Movie`, or an `Article` about the film, whose
    description comes from its stored box (films/boxes.py)."""
    authors = [
        {"@type": "Person", "name": byline.name, "url": absolute(byline.url)}
        for byline in piece.furniture.bylines
    ]
    published = piece.first_published_at or piece.publish_at  # none in a preview
    data = {
        "@context": "https://schema.org",
        "@type": "Review"
        if piece.kind == piece.Kind.REVIEW and piece.film
        else "Article",
        "headline": piece.headline,
        "name": piece.headline,
        "url": absolute(piece.get_absolute_url()),
        "description": piece.summary,
        "image": absolute(piece.share_image.url),
        "author": authors,
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute("/"),
        },
        "datePublished": published and machine_time(published),
        "dateModified": machine_time(piece.updated_at),
        "inLanguage": "en-GB",
    }
    if film_box:
        film = film_box.movie(absolute)
        if data["@type"] == "Review":
            data["itemReviewed"] = film
            if piece.rating is not None:
                data["reviewRating"] = {
                    "@type": "Rating",
                    "ratingValue": float(piece.rating),
                    "bestRating": 5,
                    "worstRating": 0.5,
                }
            if piece.verdict:
                data["reviewBody"] = piece.verdict
        else:
            data["about"] = film
    return data

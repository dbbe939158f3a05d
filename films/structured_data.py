from films.models import Credit
from people.structured_data import same_as


def movie(film, absolute):
    """A schema.org `Movie`; uses the film's prefetched credits and nominations."""
    credits = film.credits.all()
    directors = [
        c.person for c in credits if c.role == Credit.Role.DIRECTOR and c.person
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": absolute(film.get_absolute_url()),
        "description": film.summary,
        "image": absolute(film.share_image.url),
        "director": [
            {
                "@type": "Person",
                "name": person.name,
                "url": absolute(person.get_absolute_url()),
            }
            for person in directors
        ],
    }
    if film.year:
        data["dateCreated"] = str(film.release_date or film.year)
    if film.original_title and film.original_title != film.title:
        data["alternateName"] = film.original_title
    if film.runtime_minutes:
        data["duration"] = f"PT{film.runtime_minutes}M"
    if links := same_as(film, "title"):
        data["sameAs"] = links
    return data

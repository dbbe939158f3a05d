from films.models import Credit
from people.structured_data import same_as

# The keys of a schema.org description that hold addresses on this site.
ADDRESS_KEYS = {"url", "image"}


def movie(film, absolute):
    """A schema.org `Movie`; uses the film's prefetched credits and nominations."""
    data = {**movie_facts(film), "image": film.share_image.url}
    return with_absolute_addresses(data, absolute)


def movie_facts(film):
    """The `Movie` without its image, with addresses relative to the site: what
    a film's box stores (films/boxes.py). From prefetched credits."""
    directors = [
        c.person
        for c in film.credits.all()
        if c.role == Credit.Role.DIRECTOR and c.person
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": film.get_absolute_url(),
        "description": film.summary,
        "director": [
            {"@type": "Person", "name": person.name, "url": person.get_absolute_url()}
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


def with_absolute_addresses(data, absolute):
    """`data` with every address on this site made absolute by `absolute`
    (`request.build_absolute_uri`, which leaves other sites' addresses alone)."""
    if isinstance(data, list):
        return [with_absolute_addresses(item, absolute) for item in data]
    if not isinstance(data, dict):
        return data
    return {
        key: absolute(value)
        if key in ADDRESS_KEYS
        else with_absolute_addresses(value, absolute)
        for key, value in data.items()
    }


def award_films(award, years, absolute):
    """A schema.org `ItemList` of the films nominated for `award`, in the order
    of its `years()`: newest year first, winners first."""
    films = [n.film for _, _, found in years for n in found]
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": award.name,
        "url": award.get_absolute_url(),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": {
                    "@type": "Movie",
                    "name": film.title,
                    "url": film.get_absolute_url(),
                },
            }
            for position, film in enumerate(dict.fromkeys(films), start=1)
        ],
    }
    return with_absolute_addresses(data, absolute)

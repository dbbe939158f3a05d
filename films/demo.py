"""The film world of the demo: Last Men in Aleppo, its people, organisations and
awards, and the other documentaries of films/demo_documentaries.py.

Facts are from shared/reference/last-men-in-aleppo.md; a field stays empty rather
than hold a guess. Loading is idempotent: records are found by slug and updated.

The Cave (2019) was checked separately (Danish Film Institute news of the Oscar
nomination and of the Toronto audience award, dfi.dk/en/english/news/oscar-nomination-cave
and dfi.dk/en/english/cave-wins-audience-award-toronto): documentary by Feras
Fayyad about Dr. Amani Ballour's underground hospital in Ghouta, produced by
Kirstine Barfod and Sigrid Dyekjær for Danish Documentary Production; Grolsch
People's Choice Documentary Award, Toronto 2019; nominated for the Academy
Award for Best Documentary Feature at the 92nd Academy Awards (2020).
"""

from films import demo_documentaries as more
from films.models import Award, Credit, Film, Genre, Nomination
from people.models import Affiliation, Organisation, Person

Kind = Organisation.Kind
Role = Credit.Role

PEOPLE = {
    "feras-fayyad": {
        "name": "Feras Fayyad",
        "also_known_as": "Firas Fayyad\nفراس فياض",
    },
    "soren-steen-johannessen": {
        "name": "Søren Steen Johannessen",
        "also_known_as": "Steen Johannessen",
    },
    "soren-steen-jespersen": {"name": "Søren Steen Jespersen"},
    "kareem-abeed": {"name": "Kareem Abeed"},
    "stefan-kloos": {"name": "Stefan Kloos"},
    "justine-nagan": {"name": "Justine Nagan"},
    "chris-white": {"name": "Chris White"},
    "khaled-omar-harrah": {"name": "Khaled Omar Harrah", "also_known_as": "Khaled"},
    "mahmoud": {"name": "Mahmoud", "sort_name": "Mahmoud"},
    "subhi": {"name": "Subhi", "sort_name": "Subhi"},
    "orlando-von-einsiedel": {
        "name": "Orlando von Einsiedel",
        "sort_name": "von Einsiedel, Orlando",
    },
    "amani-ballour": {"name": "Amani Ballour", "also_known_as": "Dr. Amani"},
    "kirstine-barfod": {"name": "Kirstine Barfod"},
    "sigrid-dyekjaer": {"name": "Sigrid Dyekjær"},
}

ORGANISATIONS = {
    "the-white-helmets": {
        "name": "The White Helmets",
        "kind": Kind.NGO,
        "also_known_as": "Syrian Civil Defense\nSyrian Civil Defence\nWhite Helmets",
        "founded": 2013,
        "country": "SY",
    },
    "aleppo-media-center": {
        "name": "Aleppo Media Center",
        "kind": Kind.MEDIA_COLLECTIVE,
        "also_known_as": "AMC",
        "country": "SY",
    },
    "larm-film": {
        "name": "Larm Film",
        "kind": Kind.PRODUCTION_COMPANY,
        "country": "DK",
    },
    "american-documentary-pov": {
        "name": "American Documentary | POV",
        "kind": Kind.BROADCASTER,
        "also_known_as": "POV",
        "country": "US",
    },
    "grasshopper-film": {
        "name": "Grasshopper Film",
        "kind": Kind.DISTRIBUTOR,
        "country": "US",
    },
    "sundance-film-festival": {
        "name": "Sundance Film Festival",
        "kind": Kind.FESTIVAL,
        "country": "US",
    },
    "academy-of-motion-picture-arts-and-sciences": {
        "name": "Academy of Motion Picture Arts and Sciences",
        "kind": Kind.AWARDING_BODY,
        "also_known_as": "The Academy",
        "country": "US",
    },
    "peabody-awards": {
        "name": "Peabody Awards",
        "kind": Kind.AWARDING_BODY,
        "country": "US",
    },
    "danish-documentary-production": {
        "name": "Danish Documentary Production",
        "kind": Kind.PRODUCTION_COMPANY,
        "country": "DK",
    },
    "toronto-international-film-festival": {
        "name": "Toronto International Film Festival",
        "kind": Kind.FESTIVAL,
        "also_known_as": "TIFF",
        "country": "CA",
    },
}

FILMS = {
    "last-men-in-aleppo-2017": {
        "title": "Last Men in Aleppo",
        "year": 2017,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 104,
        "countries": ["DK", "SY"],
        "languages": "Arabic",
        "synopsis": "Volunteers of the White Helmets, the Syrian civil defence, "
        "search the rubble of besieged Aleppo for survivors after air strikes, "
        "while weighing whether to stay in the city or leave it.",
    },
    "the-white-helmets-2016": {
        "title": "The White Helmets",
        "year": 2016,
        "kind": Film.Kind.SHORT_DOCUMENTARY,
        "synopsis": "A short documentary about the volunteer rescue workers "
        "of the Syrian civil defence.",
    },
    "the-cave-2019": {
        "title": "The Cave",
        "year": 2019,
        "kind": Film.Kind.DOCUMENTARY,
        "synopsis": "Dr. Amani Ballour and her colleagues run an underground "
        "hospital in Ghouta under bombardment.",
    },
}

GENRES = {"documentary": "Documentary"}

CREDITS = [
    # film, role, person or organisation slug, credited as
    ("last-men-in-aleppo-2017", Role.DIRECTOR, "feras-fayyad", ""),
    (
        "last-men-in-aleppo-2017",
        Role.CO_DIRECTOR,
        "soren-steen-johannessen",
        "Steen Johannessen",
    ),
    ("last-men-in-aleppo-2017", Role.WRITER, "feras-fayyad", ""),
    (
        "last-men-in-aleppo-2017",
        Role.EDITOR,
        "soren-steen-johannessen",
        "Steen Johannessen",
    ),
    ("last-men-in-aleppo-2017", Role.PRODUCER, "soren-steen-jespersen", ""),
    ("last-men-in-aleppo-2017", Role.PRODUCER, "kareem-abeed", ""),
    ("last-men-in-aleppo-2017", Role.PRODUCER, "stefan-kloos", ""),
    ("last-men-in-aleppo-2017", Role.EXECUTIVE_PRODUCER, "justine-nagan", ""),
    ("last-men-in-aleppo-2017", Role.EXECUTIVE_PRODUCER, "chris-white", ""),
    ("last-men-in-aleppo-2017", Role.SUBJECT, "khaled-omar-harrah", ""),
    ("last-men-in-aleppo-2017", Role.SUBJECT, "mahmoud", ""),
    ("last-men-in-aleppo-2017", Role.SUBJECT, "subhi", ""),
    ("last-men-in-aleppo-2017", Role.SUBJECT, "the-white-helmets", ""),
    ("last-men-in-aleppo-2017", Role.PRODUCTION_COMPANY, "larm-film", ""),
    (
        "last-men-in-aleppo-2017",
        Role.PRODUCTION_COMPANY,
        "american-documentary-pov",
        "",
    ),
    ("last-men-in-aleppo-2017", Role.FOOTAGE_BY, "aleppo-media-center", ""),
    ("last-men-in-aleppo-2017", Role.DISTRIBUTOR, "grasshopper-film", ""),
    ("the-white-helmets-2016", Role.DIRECTOR, "orlando-von-einsiedel", ""),
    ("the-white-helmets-2016", Role.SUBJECT, "the-white-helmets", ""),
    ("the-cave-2019", Role.DIRECTOR, "feras-fayyad", ""),
    ("the-cave-2019", Role.SUBJECT, "amani-ballour", ""),
    ("the-cave-2019", Role.PRODUCER, "kirstine-barfod", ""),
    ("the-cave-2019", Role.PRODUCER, "sigrid-dyekjaer", ""),
    ("the-cave-2019", Role.PRODUCTION_COMPANY, "danish-documentary-production", ""),
]

AWARDS = {
    "sundance-world-cinema-grand-jury-prize-documentary": (
        "World Cinema Grand Jury Prize: Documentary",
        "sundance-film-festival",
    ),
    "academy-award": ("Academy Award", "academy-of-motion-picture-arts-and-sciences"),
    "peabody-award": ("Peabody Award", "peabody-awards"),
    "tiff-peoples-choice-documentary": (
        "Grolsch People's Choice Documentary Award",
        "toronto-international-film-festival",
    ),
}

NOMINATIONS = [
    # film, award, category, year, edition, won
    (
        "last-men-in-aleppo-2017",
        "sundance-world-cinema-grand-jury-prize-documentary",
        "",
        2017,
        "Sundance Film Festival 2017",
        True,
    ),
    ("last-men-in-aleppo-2017", "peabody-award", "", 2017, "", True),
    (
        "last-men-in-aleppo-2017",
        "academy-award",
        "Best Documentary Feature",
        2018,
        "90th Academy Awards",
        False,
    ),
    (
        "the-cave-2019",
        "tiff-peoples-choice-documentary",
        "",
        2019,
        "Toronto International Film Festival 2019",
        True,
    ),
    (
        "the-cave-2019",
        "academy-award",
        "Best Documentary Feature",
        2020,
        "92nd Academy Awards",
        False,
    ),
]


def _upsert(model, slug, fields):
    obj = model.objects.filter(slug=slug).first() or model(slug=slug)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def load_film_world():
    """Create or update the demo's film world, Last Men in Aleppo's and the
    other documentaries'; return the demo film."""
    people = {
        slug: _upsert(Person, slug, f) for slug, f in {**PEOPLE, **more.PEOPLE}.items()
    }
    organisations = {
        slug: _upsert(Organisation, slug, f)
        for slug, f in {**ORGANISATIONS, **more.ORGANISATIONS}.items()
    }
    genres = {slug: _upsert(Genre, slug, {"name": n}) for slug, n in GENRES.items()}
    films = {
        slug: _upsert(Film, slug, f) for slug, f in {**FILMS, **more.FILMS}.items()
    }
    for film in films.values():
        film.genres.add(genres["documentary"])

    for order, (film, role, party, credited_as) in enumerate([*CREDITS, *more.CREDITS]):
        party_field = "person" if party in people else "organisation"
        Credit.objects.update_or_create(
            film=films[film],
            role=role,
            character="",
            **{party_field: people.get(party) or organisations[party]},
            defaults={"credited_as": credited_as, "order": order},
        )

    Affiliation.objects.get_or_create(
        person=people["khaled-omar-harrah"],
        organisation=organisations["the-white-helmets"],
        role="Volunteer",
    )

    awards = {
        slug: _upsert(Award, slug, {"name": name, "presenter": organisations[by]})
        for slug, (name, by) in {**AWARDS, **more.AWARDS}.items()
    }
    for film, award, category, year, edition, won in [
        *NOMINATIONS,
        *more.NOMINATIONS,
    ]:
        Nomination.objects.update_or_create(
            film=films[film],
            award=awards[award],
            category=category,
            year=year,
            defaults={"edition": edition, "won": won},
        )
    return films["last-men-in-aleppo-2017"]

"""The demo's other documentaries: Sundance and Academy Award documentaries
beside Last Men in Aleppo, so that the demo reads as a publication in use.

Every fact here was checked against the public sources listed, film by film,
in docs/demo-content.md; a field stays empty rather than hold a guess (where
sources differ on a runtime, the one they agree on most is kept and the
difference is noted there).
"""

from films.models import Credit, Film
from people.models import Organisation

Kind = Organisation.Kind
Role = Credit.Role

PEOPLE = {
    "waad-al-kateab": {
        "name": "Waad al-Kateab",
        "also_known_as": "Waad Al-Khateab\nوعد الخطيب",
    },
    "edward-watts": {"name": "Edward Watts"},
    "hamza-al-kateab": {"name": "Hamza al-Kateab"},
    "tamara-kotevska": {"name": "Tamara Kotevska"},
    "ljubomir-stefanov": {
        "name": "Ljubomir Stefanov",
        "also_known_as": "Ljubo Stefanov",
    },
    "atanas-georgiev": {"name": "Atanas Georgiev"},
    "hatidze-muratova": {
        "name": "Hatidže Muratova",
        "also_known_as": "Hatidze Muratova",
    },
    "fejmi-daut": {"name": "Fejmi Daut"},
    "samir-ljuma": {"name": "Samir Ljuma"},
    "talal-derki": {"name": "Talal Derki", "also_known_as": "طلال ديركي"},
    "kahtan-hassoun": {"name": "Kahtan Hassoun"},
    "anne-fabini": {"name": "Anne Fabini"},
    "steven-bognar": {"name": "Steven Bognar", "also_known_as": "Steve Bognar"},
    "julia-reichert": {"name": "Julia Reichert"},
    "jeff-reichert": {"name": "Jeff Reichert"},
    "lindsay-utz": {"name": "Lindsay Utz"},
    "bryan-fogel": {"name": "Bryan Fogel"},
    "dan-cogan": {"name": "Dan Cogan"},
    "grigory-rodchenkov": {
        "name": "Grigory Rodchenkov",
        "also_known_as": "Григорий Родченков",
    },
    "joanna-natasegara": {"name": "Joanna Natasegara"},
    "khaled-khatib": {"name": "Khaled Khatib", "also_known_as": "Khaled Khateeb"},
}

ORGANISATIONS = {
    "channel-4-news": {
        "name": "Channel 4 News",
        "kind": Kind.BROADCASTER,
        "country": "GB",
    },
    "itn-productions": {
        "name": "ITN Productions",
        "kind": Kind.PRODUCTION_COMPANY,
        "country": "GB",
    },
    "frontline-pbs": {
        "name": "Frontline",
        "kind": Kind.BROADCASTER,
        "also_known_as": "PBS Frontline",
        "country": "US",
    },
    "trice-films": {"name": "Trice Films", "kind": Kind.PRODUCTION_COMPANY},
    "neon": {"name": "Neon", "kind": Kind.DISTRIBUTOR, "country": "US"},
    "basis-berlin-filmproduktion": {
        "name": "BASIS BERLIN Filmproduktion",
        "kind": Kind.PRODUCTION_COMPANY,
        "country": "DE",
    },
    "participant": {
        "name": "Participant",
        "kind": Kind.PRODUCTION_COMPANY,
        "also_known_as": "Participant Media",
        "country": "US",
    },
    "higher-ground-productions": {
        "name": "Higher Ground Productions",
        "kind": Kind.PRODUCTION_COMPANY,
        "also_known_as": "Higher Ground",
        "country": "US",
    },
    "netflix": {"name": "Netflix", "kind": Kind.DISTRIBUTOR, "country": "US"},
    "cannes-film-festival": {
        "name": "Cannes Film Festival",
        "kind": Kind.FESTIVAL,
        "also_known_as": "Festival de Cannes",
        "country": "FR",
    },
    "bafta": {
        "name": "British Academy of Film and Television Arts",
        "kind": Kind.AWARDING_BODY,
        "also_known_as": "BAFTA",
        "country": "GB",
    },
}

FILMS = {
    "for-sama-2019": {
        "title": "For Sama",
        "year": 2019,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 100,
        "countries": ["GB"],
        "synopsis": "Waad al-Kateab films five years of her life in rebel-held "
        "Aleppo, from the uprising to the siege, as a letter to her daughter "
        "Sama, while her husband Hamza, a doctor, keeps one of the city's last "
        "hospitals open.",
    },
    "honeyland-2019": {
        "title": "Honeyland",
        "original_title": "Медена земја",
        "year": 2019,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 87,
        "countries": ["MK"],
        "synopsis": "Hatidže Muratova keeps wild bees in the mountains of North "
        "Macedonia and cares for her bedridden mother, until a family of "
        "itinerant beekeepers moves in next door.",
    },
    "of-fathers-and-sons-2017": {
        "title": "Of Fathers and Sons",
        "year": 2017,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 98,
        "countries": ["DE", "SY", "LB"],
        "languages": "Arabic",
        "synopsis": "Talal Derki returns to Syria and, for more than two years, "
        "shares the daily life of a radical Islamist family, his camera on the "
        "sons, Osama and Ayman.",
    },
    "american-factory-2019": {
        "title": "American Factory",
        "year": 2019,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 114,
        "countries": ["US"],
        "synopsis": "A Chinese glass maker opens a factory in a shuttered "
        "General Motors plant near Dayton, Ohio, and workers from two countries "
        "learn to work side by side.",
    },
    "icarus-2017": {
        "title": "Icarus",
        "year": 2017,
        "kind": Film.Kind.DOCUMENTARY,
        "runtime_minutes": 121,
        "countries": ["US"],
        "languages": "English",
        "synopsis": "Bryan Fogel sets out to dope his way through an amateur "
        "cycling race and finds, in his adviser Grigory Rodchenkov, the "
        "whistleblower of Russia's state doping programme.",
    },
}

CREDITS = [
    # film, role, person or organisation slug, credited as
    ("for-sama-2019", Role.DIRECTOR, "waad-al-kateab", ""),
    ("for-sama-2019", Role.DIRECTOR, "edward-watts", ""),
    ("for-sama-2019", Role.CINEMATOGRAPHER, "waad-al-kateab", ""),
    ("for-sama-2019", Role.SUBJECT, "hamza-al-kateab", ""),
    ("for-sama-2019", Role.PRODUCTION_COMPANY, "channel-4-news", ""),
    ("for-sama-2019", Role.PRODUCTION_COMPANY, "itn-productions", ""),
    ("for-sama-2019", Role.PRODUCTION_COMPANY, "frontline-pbs", ""),
    ("honeyland-2019", Role.DIRECTOR, "tamara-kotevska", ""),
    ("honeyland-2019", Role.DIRECTOR, "ljubomir-stefanov", ""),
    ("honeyland-2019", Role.PRODUCER, "atanas-georgiev", ""),
    ("honeyland-2019", Role.EDITOR, "atanas-georgiev", ""),
    ("honeyland-2019", Role.CINEMATOGRAPHER, "fejmi-daut", ""),
    ("honeyland-2019", Role.CINEMATOGRAPHER, "samir-ljuma", ""),
    ("honeyland-2019", Role.SUBJECT, "hatidze-muratova", ""),
    ("honeyland-2019", Role.PRODUCTION_COMPANY, "trice-films", ""),
    ("honeyland-2019", Role.DISTRIBUTOR, "neon", ""),
    ("of-fathers-and-sons-2017", Role.DIRECTOR, "talal-derki", ""),
    ("of-fathers-and-sons-2017", Role.CINEMATOGRAPHER, "kahtan-hassoun", ""),
    ("of-fathers-and-sons-2017", Role.EDITOR, "anne-fabini", ""),
    (
        "of-fathers-and-sons-2017",
        Role.PRODUCTION_COMPANY,
        "basis-berlin-filmproduktion",
        "",
    ),
    ("american-factory-2019", Role.DIRECTOR, "steven-bognar", ""),
    ("american-factory-2019", Role.DIRECTOR, "julia-reichert", ""),
    ("american-factory-2019", Role.PRODUCER, "jeff-reichert", ""),
    ("american-factory-2019", Role.EDITOR, "lindsay-utz", ""),
    ("american-factory-2019", Role.PRODUCTION_COMPANY, "participant", ""),
    (
        "american-factory-2019",
        Role.PRODUCTION_COMPANY,
        "higher-ground-productions",
        "",
    ),
    ("american-factory-2019", Role.DISTRIBUTOR, "netflix", ""),
    ("icarus-2017", Role.DIRECTOR, "bryan-fogel", ""),
    ("icarus-2017", Role.PRODUCER, "dan-cogan", ""),
    ("icarus-2017", Role.SUBJECT, "grigory-rodchenkov", ""),
    ("icarus-2017", Role.DISTRIBUTOR, "netflix", ""),
    ("the-white-helmets-2016", Role.PRODUCER, "joanna-natasegara", ""),
    ("the-white-helmets-2016", Role.CINEMATOGRAPHER, "khaled-khatib", ""),
    ("the-white-helmets-2016", Role.DISTRIBUTOR, "netflix", ""),
]

AWARDS = {
    "sundance-us-documentary-special-jury-award": (
        "U.S. Documentary Special Jury Award",
        "sundance-film-festival",
    ),
    "sundance-directing-award-us-documentary": (
        "Directing Award: U.S. Documentary",
        "sundance-film-festival",
    ),
    "cannes-loeil-dor": ("L'Œil d'or", "cannes-film-festival"),
    "bafta-film-award": ("BAFTA Film Award", "bafta"),
}

NOMINATIONS = [
    # film, award, category, year, edition, won
    (
        "honeyland-2019",
        "sundance-world-cinema-grand-jury-prize-documentary",
        "",
        2019,
        "Sundance Film Festival 2019",
        True,
    ),
    (
        "honeyland-2019",
        "academy-award",
        "Best Documentary Feature",
        2020,
        "92nd Academy Awards",
        False,
    ),
    (
        "honeyland-2019",
        "academy-award",
        "Best International Feature Film",
        2020,
        "92nd Academy Awards",
        False,
    ),
    (
        "of-fathers-and-sons-2017",
        "sundance-world-cinema-grand-jury-prize-documentary",
        "",
        2018,
        "Sundance Film Festival 2018",
        True,
    ),
    (
        "of-fathers-and-sons-2017",
        "academy-award",
        "Best Documentary Feature",
        2019,
        "91st Academy Awards",
        False,
    ),
    ("for-sama-2019", "cannes-loeil-dor", "", 2019, "Cannes Film Festival 2019", True),
    (
        "for-sama-2019",
        "bafta-film-award",
        "Best Documentary",
        2020,
        "British Academy Film Awards 2020",
        True,
    ),
    (
        "for-sama-2019",
        "academy-award",
        "Best Documentary Feature",
        2020,
        "92nd Academy Awards",
        False,
    ),
    (
        "american-factory-2019",
        "sundance-directing-award-us-documentary",
        "",
        2019,
        "Sundance Film Festival 2019",
        True,
    ),
    (
        "american-factory-2019",
        "academy-award",
        "Best Documentary Feature",
        2020,
        "92nd Academy Awards",
        True,
    ),
    (
        "icarus-2017",
        "sundance-us-documentary-special-jury-award",
        "The Orwell Award",
        2017,
        "Sundance Film Festival 2017",
        True,
    ),
    (
        "icarus-2017",
        "academy-award",
        "Best Documentary Feature",
        2018,
        "90th Academy Awards",
        True,
    ),
    (
        "the-white-helmets-2016",
        "academy-award",
        "Best Documentary (Short Subject)",
        2017,
        "89th Academy Awards",
        True,
    ),
]

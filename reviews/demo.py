"""The demo's pieces: a review of Last Men in Aleppo, written for this project.

It quotes nobody: the words of real people are not ours to invent.
"""

from datetime import UTC, datetime

from people.models import Person
from reviews.models import Byline, Review, Topic

CRITIC = {
    "slug": "ana-ferreira",
    "name": "Ana Ferreira",
    "bio": "Documentary critic for Filmdesk. (A demo author: she exists only here.)",
}

REVIEW_BODY = """
<p>The first minutes of <em>Last Men in Aleppo</em> are spent waiting. Men in white
helmets stand on a rooftop, scanning the sky, listening for aircraft. When the
strike comes, the film does not cut away: it runs with them into the dust.</p>
<h2>After the bombs drop</h2>
<p>Feras Fayyad follows volunteers of the White Helmets, the Syrian Civil Defense,
through the last years of the siege of eastern Aleppo. Khaled, the most
talkative of them, is a father who digs strangers out of collapsed buildings by
day and argues with his friends at night about whether to take his daughters
out of the city. The rescues are shot from inside the rubble, and the film's
patience with the work — the lifting, the calling out, the listening for a
voice — gives it a weight that no commentary could.</p>
<blockquote><p>The film never lets us forget that every rescue is also a
decision to stay.</p></blockquote>
<p>Much of the footage was filmed by members of the Aleppo Media Center, who
worked alongside the rescuers, and the editing by Steen Johannessen keeps their
images close and unsentimental.</p>
<h2>Sundance award</h2>
<p>The film won the World Cinema Grand Jury Prize for documentary at the
Sundance Film Festival in 2017 and was later nominated for the Academy Award
for Best Documentary Feature. Neither honour explains its force, which lies in
small things: a goldfish pond built in a bombed courtyard, a football game
between strikes.</p>
<h2>Targeting civilians</h2>
<p>What the film records, again and again, is that the bombs fall on homes,
markets and hospitals. It is not a film about the war's politics; it is a film
about those who are left to count its cost, and it is hard to watch and
harder to forget.</p>
"""

PIECES = [
    {
        "slug": "last-men-in-aleppo-review",
        "headline": "Last Men in Aleppo: the rescuers who chose to stay",
        "kind": Review.Kind.REVIEW,
        "standfirst": "Feras Fayyad's documentary follows the White Helmets "
        "through the siege of Aleppo, and never looks away.",
        "body": REVIEW_BODY,
        "rating": "4.5",
        "verdict": "An urgent, humane record of rescue under siege.",
        "status": Review.Status.PUBLISHED,
        "publish_at": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
        "first_published_at": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
        "featured": True,
        "topics": ["Documentary", "Syria"],
    },
    {
        "slug": "filming-under-siege",
        "headline": "Filming under siege: the cameras of the Aleppo Media Center",
        "kind": Review.Kind.FEATURE,
        "standfirst": "A draft feature on who held the cameras.",
        "body": "<p>Draft: notes on the Aleppo Media Center and its footage.</p>",
        "status": Review.Status.DRAFT,
        "topics": ["Documentary"],
    },
]


def load_pieces(film):
    """Create the demo pieces once; an editor's later changes are left alone.

    The published review is written in its final state, as a fixture would be,
    rather than through `publish()`, which needs an editor to act.
    """
    critic, _ = Person.objects.get_or_create(
        slug=CRITIC["slug"], defaults={"name": CRITIC["name"], "bio": CRITIC["bio"]}
    )
    for fields in PIECES:
        fields = dict(fields)
        topics = [
            Topic.objects.get_or_create(name=name)[0] for name in fields.pop("topics")
        ]
        if Review.objects.filter(slug=fields["slug"]).exists():
            continue
        piece = Review.objects.create(film=film, **fields)
        piece.topics.set(topics)
        Byline.objects.create(review=piece, person=critic)

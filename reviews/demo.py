"""The demo's pieces: a review of Last Men in Aleppo, written for this
project, and those of reviews/demo_pieces.py about the other documentaries.

It quotes nobody: the words of real people are not ours to invent.
"""

from datetime import UTC, datetime

from django.utils import timezone

from films.models import Film
from people.models import Person
from reviews.demo_pieces import CRITICS, DEMO_NOTE, FRONT_PAGE, PIECES
from reviews.models import Byline, FrontPagePlace, Review, Topic

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

LAST_MEN_IN_ALEPPO_REVIEW = {
    "slug": "last-men-in-aleppo-review",
    "headline": "Last Men in Aleppo: the rescuers who chose to stay",
    "kind": Review.Kind.REVIEW,
    "film": "last-men-in-aleppo-2017",
    "author": "ana-ferreira",
    "standfirst": "Feras Fayyad's documentary follows the White Helmets "
    "through the siege of Aleppo, and never looks away.",
    "body": REVIEW_BODY,
    "rating": "4.5",
    "verdict": "An urgent, humane record of rescue under siege.",
    "status": Review.Status.PUBLISHED,
    "publish_at": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
    "first_published_at": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
    "topics": ["Documentary", "Syria"],
}


def load_pieces():
    """Create the demo's critics and pieces once, and its front page if no
    editor has arranged one; an editor's later changes are left alone.

    Published pieces are written in their final state, as a fixture would
    be, rather than through `publish()`, which needs an editor to act.
    """
    critics = {
        slug: Person.objects.get_or_create(slug=slug, defaults=fields)[0]
        for slug, fields in CRITICS.items()
    }
    for fields in [LAST_MEN_IN_ALEPPO_REVIEW, *PIECES]:
        if not Review.objects.filter(slug=fields["slug"]).exists():
            _create(fields, critics)
    if not FrontPagePlace.objects.exists():
        for position, slug in enumerate(FRONT_PAGE, start=1):
            piece = Review.objects.get(slug=slug)
            FrontPagePlace.objects.create(piece=piece, position=position)


def _create(fields, critics):
    fields = dict(fields)
    topics = [
        Topic.objects.get_or_create(name=name)[0] for name in fields.pop("topics")
    ]
    author = critics[fields.pop("author")]
    other_films = Film.objects.filter(slug__in=fields.pop("other_films", []))
    if film := fields.pop("film", None):
        fields["film"] = Film.objects.get(slug=film)
    if publish_in := fields.pop("publish_in", None):
        fields["publish_at"] = timezone.now() + publish_in
    fields["body"] = f"{fields['body'].strip()}\n{DEMO_NOTE}"
    piece = Review.objects.create(**fields)
    piece.topics.set(topics)
    piece.other_films.set(other_films)
    Byline.objects.create(review=piece, person=author)

"""The rest of the demo's pieces: reviews, features, an interview and a news
item about the documentaries of films/demo_documentaries.py, with drafts and
a scheduled piece for the desk.

Written for this project and marked as demo content on every page; their
facts are those of docs/demo-content.md. They quote nobody real: the words
of real people are not ours to invent, so the interview is between two of
the demo's own critics.
"""

from datetime import UTC, datetime, timedelta

from reviews.models import Review

Kind, Status = Review.Kind, Review.Status

# The demo's critics: they exist only here.
CRITICS = {
    "ana-ferreira": {
        "name": "Ana Ferreira",
        "bio": "Documentary critic for Filmdesk. (A demo author: she exists only here.)",
    },
    "mira-okonjo": {
        "name": "Mira Okonjo",
        "bio": "Writes on documentary and the environment for Filmdesk. "
        "(A demo author: she exists only here.)",
    },
    "jonas-lindqvist": {
        "name": "Jonas Lindqvist",
        "bio": "Festival correspondent for Filmdesk. "
        "(A demo author: he exists only here.)",
    },
}

DEMO_NOTE = (
    "<p><em>Demo content: written for Filmdesk's demonstration site, "
    "not published criticism.</em></p>"
)


def _at(year, month, day, hour=9):
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def published(year, month, day):
    at = _at(year, month, day)
    return {"status": Status.PUBLISHED, "publish_at": at, "first_published_at": at}


PIECES = [
    {
        "slug": "for-sama-review",
        "headline": "For Sama: a letter from Aleppo, written with a camera",
        "kind": Kind.REVIEW,
        "film": "for-sama-2019",
        "author": "ana-ferreira",
        "standfirst": "Waad al-Kateab's account of five years in the besieged "
        "city is addressed to her daughter, and it holds nothing back from her.",
        "body": """
<p>Most war documentaries are made by people who arrive. <em>For Sama</em> is
made by someone who lived there: Waad al-Kateab began filming as a student
when the uprising reached Aleppo, and kept filming as the city was besieged,
as she married, and as her daughter was born.</p>
<h2>A hospital as a home</h2>
<p>Her husband Hamza is a doctor, and much of the film takes place in his
hospital, one of the last left in the city. The camera learns the
corridors the way a family learns a house: where people wait, where they
sleep, where the wounded are brought. Co-directed with Edward Watts, the film
is shaped as a letter to Sama, explaining to her why her parents stayed and
what it cost.</p>
<p>It is a hard film to sit through and an impossible one to dismiss. The
address to a child makes the horror specific without making it sentimental:
this is a mother's record, kept so that nobody can say later that they did
not know.</p>
""",
        "rating": "5",
        "verdict": "A first-person record of the siege that no one else could have made.",
        "topics": ["Documentary", "Syria"],
        **published(2026, 11, 27),
    },
    {
        "slug": "the-cave-review",
        "headline": "The Cave: Feras Fayyad goes underground",
        "kind": Kind.REVIEW,
        "film": "the-cave-2019",
        "author": "ana-ferreira",
        "standfirst": "After Last Men in Aleppo, Fayyad follows a doctor who "
        "runs a hospital beneath the bombed streets of Ghouta.",
        "body": """
<p>Where <em>Last Men in Aleppo</em> looked up at the sky, waiting for
aircraft, <em>The Cave</em> looks down. Its hospital has been dug under the
streets of Ghouta, and its tunnels are where Dr. Amani Ballour and her
colleagues work while the town above them is bombed.</p>
<h2>Authority under pressure</h2>
<p>Fayyad's attention is on Dr. Amani at work, as the head of a hospital as
much as a physician, and he lets its everyday running play out at length:
those scenes say as much about the war as the shelling does.</p>
<p>It is a companion piece more than a sequel, and a worthy one.</p>
""",
        "rating": "4",
        "verdict": "A hospital under siege, seen through the woman who runs it.",
        "topics": ["Documentary", "Syria"],
        **published(2026, 10, 19),
    },
    {
        "slug": "honeyland-review",
        "headline": "Honeyland: half for the bees, half for us",
        "kind": Kind.REVIEW,
        "film": "honeyland-2019",
        "author": "mira-okonjo",
        "standfirst": "Tamara Kotevska and Ljubomir Stefanov's portrait of a "
        "wild beekeeper in North Macedonia is a fable about taking only what "
        "you need, told without a word of commentary.",
        "body": """
<p>Hatidže Muratova climbs a hillside to the bees she keeps in the rocks,
takes half of the honeycomb and leaves the rest. Her village has no roads
and no electricity;
she shares a house with her bedridden mother and sells her honey in the
capital, hours away.</p>
<h2>Neighbours</h2>
<p>Then a family moves in next door, with a herd of cattle, roaring engines
and seven children, and its father starts keeping bees of his own, for profit.
What follows is a slow disaster that nobody in it means to cause.</p>
<p>The directors filmed for three years, and the cinematography, by Fejmi Daut
and Samir Ljuma, finds light in the dark interiors and gold on the hills.
It is beautiful to look at, and its beauty is its argument.</p>
""",
        "rating": "4.5",
        "verdict": "A small story with the shape of a parable, and the eye of a painter.",
        "topics": ["Documentary", "Awards"],
        **published(2026, 11, 20),
    },
    {
        "slug": "of-fathers-and-sons-review",
        "headline": "Of Fathers and Sons: inside a jihadist household",
        "kind": Kind.REVIEW,
        "film": "of-fathers-and-sons-2017",
        "author": "jonas-lindqvist",
        "standfirst": "Talal Derki spent more than two years with a radical "
        "Islamist family in Syria. What he filmed is chilling, and "
        "uncomfortably tender.",
        "body": """
<p>Talal Derki went home to Syria and won the trust of a family whose father
dreams of a caliphate. His camera stays mostly on the boys, Osama and his
younger brother Ayman, as they are raised to follow their father.</p>
<h2>Two brothers, two roads</h2>
<p>The film's tension lies in the difference between them: one seems ready
for the path laid out for him, the other would rather be at school. Derki
shows affection in the house as plainly as he shows the training, and
refuses to make monsters of anyone, which is what makes the film hard.</p>
<p>Questions about how such access was won hang over it, as they should.
It remains a document few could have made.</p>
""",
        "rating": "3.5",
        "verdict": "Extraordinary access, and the unease that comes with it.",
        "topics": ["Documentary", "Syria", "Awards"],
        **published(2026, 11, 13),
    },
    {
        "slug": "american-factory-review",
        "headline": "American Factory: two countries on one shop floor",
        "kind": Kind.REVIEW,
        "film": "american-factory-2019",
        "author": "mira-okonjo",
        "standfirst": "Steven Bognar and Julia Reichert watch a Chinese glass "
        "maker reopen a General Motors plant in Ohio, and see the future of work.",
        "body": """
<p>When a Chinese company takes over a shuttered car plant near Dayton, Ohio,
the jobs come back, and so does a question nobody in the film can quite
answer: what do workers owe a company, and it them?</p>
<h2>Culture clash, then something harder</h2>
<p>The first scenes are close to comedy, as workers from two countries try
to explain each other. The later ones, about pay, safety and a drive to
join a union, are not. Bognar and Reichert keep their distance from both sides,
and let the factory floor speak.</p>
<p>It is patient, humane and, in its last minutes, quietly alarming.</p>
""",
        "rating": "4",
        "verdict": "A clear-eyed look at labour between two economies.",
        "topics": ["Documentary", "Awards"],
        **published(2026, 11, 6),
    },
    {
        "slug": "icarus-review",
        "headline": "Icarus: a stunt that turned into a scandal",
        "kind": Kind.REVIEW,
        "film": "icarus-2017",
        "author": "jonas-lindqvist",
        "standfirst": "Bryan Fogel set out to dope himself through a cycling "
        "race. His adviser turned out to be the man who knew how Russia did it.",
        "body": """
<p><em>Icarus</em> starts as a personal experiment: could an amateur cyclist
take banned drugs and pass every test? Bryan Fogel's guide is Grigory
Rodchenkov, head of Russia's anti-doping laboratory, and the film changes
course when Rodchenkov becomes the whistleblower of a state doping
programme and has to flee.</p>
<p>The second half is a thriller, and a better film than the first; the two
never quite join. But it is gripping, and it mattered.</p>
""",
        "rating": "3.5",
        "verdict": "Two films in one, and the second is the one to remember.",
        "topics": ["Documentary", "Awards"],
        **published(2026, 10, 29),
    },
    {
        "slug": "the-white-helmets-review",
        "headline": "The White Helmets: forty minutes with the rescuers",
        "kind": Kind.REVIEW,
        "film": "the-white-helmets-2016",
        "author": "ana-ferreira",
        "standfirst": "Orlando von Einsiedel's short for Netflix introduced "
        "many viewers to the Syrian Civil Defence, months before Last Men in "
        "Aleppo.",
        "body": """
<p>Short, direct and made to be seen widely, <em>The White Helmets</em>
follows volunteers of the Syrian Civil Defence between rescues at home and
training abroad. It is an introduction rather than an immersion, and it
knows it.</p>
<p>Seen beside Feras Fayyad's longer film, it is the brochure to his
novel; but it opened a door, and much of its footage is hard to forget.</p>
""",
        "rating": "3.5",
        "verdict": "A clear, urgent introduction to the rescuers.",
        "topics": ["Documentary", "Syria"],
        **published(2026, 10, 12),
    },
    {
        "slug": "aleppo-on-film",
        "headline": "Aleppo on film: the siege in four documentaries",
        "kind": Kind.FEATURE,
        "other_films": [
            "last-men-in-aleppo-2017",
            "for-sama-2019",
            "the-white-helmets-2016",
            "the-cave-2019",
        ],
        "author": "ana-ferreira",
        "standfirst": "Rescuers, a doctor, a mother with a camera: how four "
        "films made the war in Syria visible, and what each of them chose not "
        "to show.",
        "body": """
<p>Between 2016 and 2019, four documentaries about the war in Syria reached
audiences far from it, and all four were nominated for, or won, an Academy
Award. Watched together, they are a course in how to film a catastrophe.</p>
<h2>The rescuers</h2>
<p><em>The White Helmets</em> and <em>Last Men in Aleppo</em> follow the
same organisation, the Syrian Civil Defence, and could hardly be more
different: one is forty minutes long and made for a streaming service, the
other stays with a handful of men through the siege of eastern Aleppo.</p>
<h2>The hospitals</h2>
<p><em>For Sama</em> and <em>The Cave</em> both take place largely in
hospitals, one in Aleppo, one under Ghouta. In both, doctors work under
bombardment; in both, the camera is close to a woman at the centre of it,
one filming, one filmed.</p>
<h2>What they leave out</h2>
<p>None of the four explains the war's politics at any length. That is a
choice, and a defensible one: they are films about those who bear the war,
not those who wage it.</p>
""",
        "topics": ["Documentary", "Syria"],
        **published(2026, 11, 24),
    },
    {
        "slug": "from-park-city-to-the-oscars",
        "headline": "From Park City to the Oscars: Sundance documentaries that went the distance",
        "kind": Kind.FEATURE,
        "other_films": [
            "last-men-in-aleppo-2017",
            "icarus-2017",
            "of-fathers-and-sons-2017",
            "honeyland-2019",
            "american-factory-2019",
        ],
        "author": "jonas-lindqvist",
        "standfirst": "Five films that won prizes at Sundance and went on to "
        "the Academy Awards, and what their path says about the festival.",
        "body": """
<p>Every January, documentaries premiere in the snow of Park City, Utah.
A few of them are still being talked about a year later, at the Academy
Awards.</p>
<h2>World Cinema</h2>
<p>Three winners of Sundance's World Cinema Grand Jury Prize: Documentary
were then nominated for the Oscar:<sup>1</sup> <em>Last Men in Aleppo</em> in 2017,
<em>Of Fathers and Sons</em> in 2018 and <em>Honeyland</em> in 2019, which
was nominated for Best International Feature as well.</p>
<h2>U.S. Documentary</h2>
<p><em>Icarus</em> won a special jury award<sup>2</sup> at Sundance in 2017 and the
Academy Award the next year. <em>American Factory</em> won the festival's
documentary directing award in 2019 and the Oscar in 2020.</p>
<h2>Five films, two festivals</h2>
<table><tbody>
<tr><th><p>Film</p></th><th><p>At Sundance</p></th><th><p>At the Oscars</p></th></tr>
<tr><td><p>Last Men in Aleppo</p></td><td><p>2017, Grand Jury Prize</p></td><td><p>2018, nominated</p></td></tr>
<tr><td><p>Icarus</p></td><td><p>2017, special jury award</p></td><td><p>2018, won</p></td></tr>
<tr><td><p>Of Fathers and Sons</p></td><td><p>2018, Grand Jury Prize</p></td><td><p>2019, nominated</p></td></tr>
<tr><td><p>Honeyland</p></td><td><p>2019, Grand Jury Prize</p></td><td><p>2020, nominated twice</p></td></tr>
<tr><td><p>American Factory</p></td><td><p>2019, directing award</p></td><td><p>2020, won</p></td></tr>
</tbody></table>
<p>Five films, five very different ways of looking; what they share is a
start in the same room, and critics who keep watching after it.</p>
<blockquote><p>The first time, you watch the bombs. Later you watch the
people deciding what to do next.</p>
<p class="attribution">Ana Ferreira, our documentary critic</p></blockquote>
<h2>Notes</h2>
<ol class="notes">
<li><p>Each at the ceremony of the year after its festival: the Academy
Awards honour the films of the year before.</p></li>
<li><p>In the U.S. Documentary competition, whose prizes Sundance gives apart
from those of World Cinema.</p></li>
</ol>
""",
        "topics": ["Documentary", "Awards"],
        **published(2026, 12, 1),
    },
    {
        "slug": "critics-in-conversation-syrian-documentary",
        "headline": "In conversation: what a decade of Syrian documentary asks of us",
        "kind": Kind.INTERVIEW,
        "film": "for-sama-2019",
        "author": "mira-okonjo",
        "standfirst": "Our environment writer asks our documentary critic how "
        "she watches films made under bombardment, and why she keeps watching.",
        "body": """
<p><em>Mira Okonjo talked with Ana Ferreira, who has reviewed the Syrian
documentaries in our archive. The conversation has been edited for length.
Both are demo critics: the exchange is invented for this site.</em></p>
<h2>On watching</h2>
<p><strong>Mira Okonjo:</strong> You have written about four films from the
same war. Does it get easier?</p>
<p><strong>Ana Ferreira:</strong> No, and I would worry if it did. What
changes is what I look for. The first time, you watch the bombs. Later you
watch the people deciding what to do next.</p>
<h2>On who holds the camera</h2>
<p><strong>Mira Okonjo:</strong> <em>For Sama</em> is filmed by someone
living through it. Does that change how you judge it?</p>
<p><strong>Ana Ferreira:</strong> It changes what I can ask of it. Nobody
can ask a mother in a besieged city for balance. You can ask a film for
honesty, and that one has it.</p>
""",
        "topics": ["Documentary", "Syria"],
        **published(2026, 12, 3),
    },
    {
        "slug": "honeyland-two-oscar-nominations",
        "headline": "Honeyland is nominated for two Academy Awards",
        "kind": Kind.NEWS,
        "film": "honeyland-2019",
        "author": "jonas-lindqvist",
        "standfirst": "The North Macedonian documentary is in the running for "
        "Best Documentary Feature and Best International Feature Film.",
        "body": """
<p><em>Honeyland</em>, Tamara Kotevska and Ljubomir Stefanov's documentary
about the wild beekeeper Hatidže Muratova, has been nominated for two awards
at the 92nd Academy Awards: Best Documentary Feature and Best International
Feature Film. No film had been nominated in both categories before, and it
is the first film from North Macedonia to receive two nominations.</p>
<p>The film premiered at the Sundance Film Festival in January 2019, where
it won the World Cinema Grand Jury Prize: Documentary.</p>
""",
        "topics": ["Awards"],
        **published(2020, 2, 1),
    },
    # For the desk: drafts, a piece in review and one scheduled.
    {
        "slug": "filming-under-siege",
        "headline": "Filming under siege: the cameras of the Aleppo Media Center",
        "kind": Kind.FEATURE,
        "film": "last-men-in-aleppo-2017",
        "author": "ana-ferreira",
        "standfirst": "A draft feature on who held the cameras.",
        "body": "<p>Draft: notes on the Aleppo Media Center and its footage.</p>",
        "status": Status.DRAFT,
        "topics": ["Documentary"],
    },
    {
        "slug": "hatidzes-year",
        "headline": "A year with the bees: the seasons of Honeyland",
        "kind": Kind.FEATURE,
        "film": "honeyland-2019",
        "author": "mira-okonjo",
        "standfirst": "A draft: the film's year, month by month.",
        "body": "<p>Draft: winter, the hives in the rocks; spring, the neighbours.</p>",
        "status": Status.DRAFT,
        "topics": ["Documentary"],
    },
    {
        "slug": "oscar-documentaries-ranked",
        "headline": "Every Oscar documentary in our archive, ranked",
        "kind": Kind.FEATURE,
        "author": "jonas-lindqvist",
        "standfirst": "Submitted for review: our critics' order, argued.",
        "body": "<p>In review: the list and a paragraph on each film.</p>",
        "status": Status.IN_REVIEW,
        "topics": ["Awards"],
    },
    {
        "slug": "the-cave-second-look",
        "headline": "The Cave, a second look: the hospital's women",
        "kind": Kind.FEATURE,
        "film": "the-cave-2019",
        "author": "ana-ferreira",
        "standfirst": "Scheduled: on the doctors and nurses around Dr. Amani.",
        "body": "<p>The staff of the hospital, and what the film shows of them.</p>",
        "status": Status.PUBLISHED,
        # A week after the demo is first loaded: the desk shows it scheduled.
        "publish_in": timedelta(days=7),
        "topics": ["Documentary", "Syria"],
    },
]

# The home page as the demo's editors arranged it.
FRONT_PAGE = [
    "last-men-in-aleppo-review",
    "from-park-city-to-the-oscars",
    "critics-in-conversation-syrian-documentary",
    "for-sama-review",
]

"""Share cards: 1200×630 pictures for pages that have no image of their own,
shown where the page is shared and on its card in lists.

A card is stored once, under a name made of the page's identity and a digest of
everything drawn on it: an edit makes a new card, an unchanged page reuses its
file, and no request draws a card that is already stored. Drawing is a task: the
page that first needs a card queues it, and a worker (or, with the immediate
backend, the request itself) draws it, with its smaller renditions for lists.

Each film has a colour of its own (its pieces' cards share it), so a list of
cards reads as films, not as a wall of one grey.
"""

import hashlib
import io
import json
import logging
import math
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from django.templatetags.static import static
from PIL import Image, ImageColor, ImageDraw, ImageFont

from images.pending import is_stored, waiting_for, written
from images.renditions import write_renditions
from images.sharing import ShareImage, StoredFile

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
# A strip of film down the right-hand edge, its perforations cut out.
STRIP_WIDTH, HOLE, HOLE_GAP = 96, 28, 22
TEXT_WIDTH = WIDTH - 2 * MARGIN - STRIP_WIDTH
# Raise when the drawing changes, so that every card is drawn again.
DESIGN = 2
# How long servers trust that a stored card is still there before asking storage.
STORED_FOR_SECONDS = 60 * 60 * 24
# How long pages wait for a queued card before queueing it again.
QUEUED_FOR_SECONDS = 60
# What a shared link shows while its card is being drawn: a file that is always there.
STAND_IN = "icons/icon-512.png"
STAND_IN_SIZE = (512, 512)

# Text in the site's dark theme (static/css/site.css), on grounds dark enough
# for it and for each ground's accent to read at WCAG AA.
INK, MUTED = "#ecebe7", "#c9c6be"
# (ground, accent, unlit stars): one per film, by its identity.
COLOURS = (
    ("#151514", "#f28b82", "#3a3835"),  # the site's own, for pages about it
    ("#1b2a3a", "#8cc4f5", "#34465a"),
    ("#2b1d33", "#d3a6ec", "#4a3656"),
    ("#1b3024", "#93d8a4", "#33503d"),
    ("#3a2418", "#f4ad76", "#5a3d2c"),
    ("#351e1e", "#f5938a", "#573434"),
    ("#2e2b15", "#e6d27a", "#4d482a"),
    ("#15302e", "#7fd8cc", "#2d4f4c"),
)

# Debian's DejaVu (fonts-dejavu-core) covers Latin, Greek, Cyrillic and Arabic;
# where it is missing, Pillow's own scalable font stands in.
FONT_FILES = {
    "title": "DejaVuSerif-Bold.ttf",
    "text": "DejaVuSans.ttf",
    "strong": "DejaVuSans-Bold.ttf",
}
TITLE_SIZES = (76, 68, 60, 52)
TITLE_LINES = 3
STAR_SIZE, STAR_GAP = 52, 10
STARS_WIDTH = 5 * STAR_SIZE + 4 * STAR_GAP
BOTTOM_ROW = HEIGHT - MARGIN - STAR_SIZE


@cache
def font(role, size):
    try:
        return ImageFont.truetype(FONT_FILES[role], size)
    except OSError:
        return ImageFont.load_default(size)


def rating_text(rating):
    """'4.5 out of 5', or '' without a rating."""
    if rating is None:
        return ""
    return f"{Decimal(str(rating)).normalize():f} out of 5"


def colours_of(identity):
    """The colours of `identity` (a film's, say 'film-3'), the same on every
    server and in every database; the site's own for None."""
    if identity is None:
        return COLOURS[0]
    digest = hashlib.sha256(identity.encode()).digest()
    return COLOURS[1 + digest[0] % (len(COLOURS) - 1)]


def card(identity, title, *, kicker="", subtitle="", rating=None, colours_from=None):
    """The card of one page (`identity`, such as 'piece-12'), in the colours of
    `colours_from` (its film's identity, say). Until a task has drawn and stored
    it, the site's icon stands in and the page waits for it."""
    colours = colours_of(colours_from)
    drawn = {
        "design": DESIGN,
        "fonts": [font(role, 10).getname() for role in sorted(FONT_FILES)],
        "site": settings.SITE_NAME,
        "kicker": kicker,
        "title": title,
        "subtitle": subtitle,
        "rating": rating_text(rating),
        "colours": colours,
    }
    digest = hashlib.sha256(json.dumps(drawn, sort_keys=True).encode()).hexdigest()
    name = f"cards/{identity}-{digest[:16]}.png"
    if not _is_stored(name):
        _queue_once(name, title, kicker, subtitle, rating, colours)
        # Drawn at once by the immediate backend; else by a worker soon.
        if not _is_stored(name):
            waiting_for(name)
            return ShareImage(static(STAND_IN), *STAND_IN_SIZE, settings.SITE_NAME)
    alt = " · ".join(
        part for part in (title, subtitle, drawn["rating"], settings.SITE_NAME) if part
    )
    return ShareImage(
        default_storage.url(name),
        WIDTH,
        HEIGHT,
        alt,
        original=StoredFile(name),
        original_width=WIDTH,
        drawn=True,
    )


def site_card():
    """The card for pages about the site as a whole: home, lists, search."""
    return card("site", settings.SITE_NAME, subtitle=settings.SITE_DESCRIPTION)


def _stored_key(name):
    return f"share-card:{name}"


def _is_stored(name):
    if shared_cache.get(_stored_key(name)):
        return True
    if not is_stored(default_storage, name):
        return False
    shared_cache.set(_stored_key(name), True, STORED_FOR_SECONDS)
    return True


def _queue_once(name, title, kicker, subtitle, rating, colours):
    if not shared_cache.add(f"share-card-queued:{name}", True, QUEUED_FOR_SECONDS):
        return  # another request queued it a moment ago
    # A card is decoration: a queue or a storage that fails is logged, and the
    # page still renders (with the stand-in until the card is drawn).
    try:
        store_card.enqueue(
            name,
            title,
            kicker,
            subtitle,
            None if rating is None else str(rating),
            list(colours),
        )
    except Exception:
        logger.exception("Could not queue the share card %s", name)


@task
def store_card(name, title, kicker, subtitle, rating, colours=COLOURS[0]):
    """Draw the card and store it as `name` with its renditions, unless it is
    stored already."""
    try:
        if not default_storage.exists(name):
            image = draw(title, kicker, subtitle, rating, colours)
            saved = default_storage.save(name, ContentFile(image))
            if saved != name:  # another worker stored the same card a moment earlier
                default_storage.delete(saved)
        write_renditions(name, missing_only=True)
    except Exception:
        logger.exception("Could not store the share card %s", name)
        return
    shared_cache.set(_stored_key(name), True, STORED_FOR_SECONDS)
    written(name)


def draw(title, kicker="", subtitle="", rating=None, colours=COLOURS[0]):
    """The card as PNG bytes: kicker, title and subtitle from the top; the site's
    name and the stars along the bottom; a strip of film down the right."""
    ground, accent, unlit = colours
    image = Image.new("RGB", (WIDTH, HEIGHT), ground)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 15, HEIGHT), fill=accent)
    _film_strip(pen, accent, ground)
    y = MARGIN - 10
    if kicker:
        pen.text((MARGIN, y), kicker.upper(), font=font("strong", 28), fill=accent)
        y += 58
    subtitle_font = font("text", 36)
    subtitle_lines = _wrap(subtitle, subtitle_font, max_lines=2)
    subtitle_height = 18 + 46 * len(subtitle_lines) if subtitle_lines else 0
    title_font, lines = _fit_title(title, BOTTOM_ROW - 30 - y - subtitle_height)
    for line in lines:
        pen.text((MARGIN, y), line, font=title_font, fill=INK)
        y += _line_height(title_font.size)
    y += 18
    for line in subtitle_lines:
        pen.text((MARGIN, y), line, font=subtitle_font, fill=MUTED)
        y += 46
    site = font("strong", 34)
    pen.text((MARGIN, BOTTOM_ROW + 8), settings.SITE_NAME, font=site, fill=INK)
    if rating is not None:
        _stars(
            image,
            (WIDTH - STRIP_WIDTH - MARGIN - STARS_WIDTH, BOTTOM_ROW),
            Decimal(str(rating)),
            accent,
            unlit,
        )
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _film_strip(pen, accent, ground):
    left = WIDTH - STRIP_WIDTH
    pen.rectangle((left, 0, WIDTH, HEIGHT), fill=accent)
    hole_left = left + (STRIP_WIDTH - HOLE) // 2
    for top in range(HOLE_GAP // 2, HEIGHT, HOLE + HOLE_GAP):
        pen.rounded_rectangle(
            (hole_left, top, hole_left + HOLE, top + HOLE), radius=5, fill=ground
        )


def _line_height(size):
    return round(size * 1.18)


def _fit_title(title, height):
    """The largest size at which the title fits its lines and `height`; cut short
    at the smallest size."""
    for size in TITLE_SIZES:
        lines = _wrap(title, font("title", size))
        if len(lines) <= TITLE_LINES and len(lines) * _line_height(size) <= height:
            return font("title", size), lines
    smallest = TITLE_SIZES[-1]
    room = max(1, min(TITLE_LINES, height // _line_height(smallest)))
    return font("title", smallest), _wrap(title, font("title", smallest), room)


def _wrap(text, text_font, max_lines=None):
    """Lines of words no wider than the card's text; the last one ends in '…'
    when words are left over."""
    lines = []
    for word in text.split():
        if lines and text_font.getlength(f"{lines[-1]} {word}") <= TEXT_WIDTH:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if max_lines and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], f"{lines[max_lines - 1]}…"]
    return [_shorten(line, text_font) for line in lines]


def _shorten(line, text_font):
    """A line cut to the text width with '…' (one very long word, say)."""
    if text_font.getlength(line) <= TEXT_WIDTH:
        return line
    while line and text_font.getlength(f"{line}…") > TEXT_WIDTH:
        line = line[:-1]
    return f"{line.rstrip(' …')}…"


def _stars(image, origin, rating, lit_colour, unlit_colour):
    """Five stars, lit up to the rating in halves; drawn large and scaled down
    so that their edges are smooth."""
    scale = 4
    size = STARS_WIDTH * scale, STAR_SIZE * scale
    lit, unlit = Image.new("L", size), Image.new("L", size)
    lit_pen, unlit_pen = ImageDraw.Draw(lit), ImageDraw.Draw(unlit)
    radius = STAR_SIZE * scale / 2
    for index in range(5):
        left = index * (STAR_SIZE + STAR_GAP) * scale
        points = _star_points(left + radius, radius, radius)
        unlit_pen.polygon(points, fill=255)
        share = min(max(rating - index, 0), 1)
        if share:
            lit_pen.polygon(points, fill=255)
            cut = left + float(share) * 2 * radius
            lit_pen.rectangle((cut, 0, left + 2 * radius, size[1]), fill=0)
    target = size[0] // scale, size[1] // scale
    for mask, colour in ((unlit, unlit_colour), (lit, lit_colour)):
        small = mask.resize(target, Image.Resampling.LANCZOS)
        image.paste(
            ImageColor.getrgb(colour),
            (*origin, origin[0] + target[0], origin[1] + target[1]),
            small,
        )


def _star_points(cx, cy, radius):
    points = []
    for corner in range(10):
        angle = -math.pi / 2 + corner * math.pi / 5
        reach = radius if corner % 2 == 0 else radius * 0.45
        points.append((cx + reach * math.cos(angle), cy + reach * math.sin(angle)))
    return points

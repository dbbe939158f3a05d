"""The one sanitiser for rich text: the editor, imports and rendering all use it.

A stored body holds what the editor writes; the body readers get adds the
figures that rendering makes of quotes with their source, of videos and of
library images (reviews/quotes.py, reviews/videos.py, reviews/figures.py),
and nothing else."""

import re
from html import unescape

import nh3

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "strong",
    "em",
    "a",
    "blockquote",
    "ul",
    "ol",
    "li",
    "br",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    # A library image placed with the figure button (reviews/figures.py).
    "figure",
    "img",
    "figcaption",
}
# Footnotes are a numbered list marked "notes" and <sup> markers; the renderer
# links the two with ids and labels of one shape each (reviews/footnotes.py).
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "aria-label"},
    "li": {"id"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "img": {"src", "alt", "data-file"},
}
ALLOWED_CLASSES = {
    "ol": {"notes"},
    "p": {"attribution", "image-to-add"},
    "figure": {"figure"},
}
# What rendering adds for readers: figures of quotes, videos and library images.
READER_TAGS = ALLOWED_TAGS | {"span", "picture", "source"}
READER_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "img": {"src", "alt", "srcset", "sizes", "width", "height", "loading", "decoding"},
    "source": {"type", "srcset", "sizes"},
}
READER_CLASSES = {
    **ALLOWED_CLASSES,
    "figure": {"quote", "video", "image"},
    "span": {"video-title", "video-provider", "credit"},
}
ATTRIBUTE_SHAPES = {
    "id": re.compile(r"note(?:-ref)?-[1-9][0-9]{0,3}"),
    "aria-label": re.compile(r"(?:Note|Back to the text of note) [1-9][0-9]{0,3}"),
    "colspan": re.compile(r"[1-9][0-9]{0,2}"),
    "rowspan": re.compile(r"[1-9][0-9]{0,2}"),
    "data-file": re.compile(r"[1-9][0-9]{0,9}"),
    "width": re.compile(r"[1-9][0-9]{0,4}"),
    "height": re.compile(r"[1-9][0-9]{0,4}"),
    "loading": re.compile(r"lazy"),
    "decoding": re.compile(r"async"),
    "type": re.compile(r"image/(?:webp|jpeg|png)"),
    "sizes": re.compile(r"[a-z0-9(): ,.-]{1,100}"),
}
URL_SCHEMES = {"http", "https", "mailto"}
HEADING = re.compile(r"<h([23])>.*?</h\1>", re.S)
# A note for the desk where a picture belongs (an import's picture it could not
# bring in): readers never see it, and a piece with one is not published.
IMAGE_TO_ADD = re.compile(r'<p class="image-to-add">.*?</p>', re.S)

# What the admin's rich-text editor offers: the same elements as the sanitiser.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Superscript": True,
    # An image from the library, found with "Browse..." (reviews/admin/library.py).
    "Figure": {"pickerUrl": "/admin/images/libraryimage/pick/"},
    "Image": True,
    "Caption": True,
    # Header cells, no merged ones: simple tables that read well on a phone.
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Shown as "Numbered list: Notes" in the editor's "Block style" menu.
    "NodeClass": {
        "cssClasses": {
            "orderedList": {
                "title": "Numbered list",
                "cssClasses": [{"className": "notes", "title": "Notes"}],
            },
            "paragraph": {
                "title": "Paragraph",
                "cssClasses": [
                    {"className": "attribution", "title": "Quote's source"},
                    {"className": "image-to-add", "title": "Image to add"},
                ],
            },
        }
    },
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
}


def _in_shape(element, attribute, value):
    """An attribute with a shape of its own keeps only a value of that shape."""
    shape = ATTRIBUTE_SHAPES.get(attribute)
    return value if shape is None or shape.fullmatch(value) else None


def _cleaner(tags, attributes, classes):
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        allowed_classes=classes,
        attribute_filter=_in_shape,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # set below, on links to other sites only
        strip_comments=True,
        # Elements whose text is never prose: drop them with their content.
        clean_content_tags={
            "script",
            "style",
            "title",
            "head",
            "noscript",
            "template",
            "iframe",
            "object",
        },
    )


_stored = _cleaner(ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_CLASSES)
_for_readers = _cleaner(READER_TAGS, READER_ATTRIBUTES, READER_CLASSES)


# An opening <a> as the sanitiser writes it: attributes double-quoted, and a quote
# inside a value escaped, so a ">" inside a value cannot end the match early.
OPENING_LINK = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)>')
EXTERNAL_HREF = re.compile(r'\shref="(?:https?:)?//', re.I)
EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*(?:\s+[a-z-]+="[^"]*")*?)\s+class=""')


def _mark_external(match):
    if not EXTERNAL_HREF.search(match.group(1)):
        return match.group(0)
    return f'<a{match.group(1)} rel="noopener noreferrer">'


def sanitise(html, cleaner=_stored):
    """Keep only the tags and attributes the site's design supports; links to
    other sites pass no referrer, links within the site keep theirs."""
    cleaned = OPENING_LINK.sub(_mark_external, cleaner.clean(html or ""))
    # A class the design does not know leaves an empty attribute behind.
    cleaned = EMPTY_CLASS.sub(r"\1", cleaned).strip()
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


def sanitise_for_readers(html):
    """`sanitise`, keeping the figures that rendering adds for readers too."""
    return sanitise(html, _for_readers)


def images_to_add(html):
    """How many "image to add" notes a sanitised body holds."""
    return len(IMAGE_TO_ADD.findall(html or ""))


def without_images_to_add(html):
    """A sanitised body as readers get it: without the desk's notes."""
    return IMAGE_TO_ADD.sub("", html or "")


def plain_text(html):
    """The words readers read in an HTML body, with blocks kept apart
    ("drop</h2><p>Feras")."""
    text = re.sub(r"<[^>]*>", " ", without_images_to_add(html))
    return " ".join(unescape(text).split())


def running_text(html):
    """The words of a sanitised body without its subheadings."""
    return plain_text(HEADING.sub(" ", html or ""))

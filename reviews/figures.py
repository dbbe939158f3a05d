"""Figures in a body: the writer places an image from the library (images.models)
with the body editor's figure button, which stores the image's library id
(`data-file`) and the writer's own alt text and caption, if any. Readers get
the library's image in every stored size, with the caption and the library's
credit beneath it; a figure whose image is not in the library reaches nobody."""

import re

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from images.models import LibraryImage
from images.renditions import srcsets

LIBRARY_ID = re.compile(r"[1-9][0-9]{0,9}")
# The body's measure (site.css: .prose), and a phone's whole width.
SIZES = "(min-width: 40rem) 36rem, calc(100vw - 2rem)"


def library_ids(html):
    """The library ids of the images a sanitised body places, in order."""
    found = re.findall(r'<img [^>]*data-file="([1-9][0-9]{0,9})"', html or "")
    return [int(found_id) for found_id in dict.fromkeys(found)]


def placed_images(html):
    """The library images a sanitised body places, by id."""
    return LibraryImage.objects.in_bulk(library_ids(html))


def own_words_only(html):
    """`html` (sanitised) with each figure's alt text and caption dropped where
    they only repeat the library's: the figure picker copies them in, and a
    copy would keep the library's later corrections from the piece."""
    if 'data-file="' not in (html or ""):
        return html
    soup = BeautifulSoup(html, "html.parser")
    images = placed_images(html)
    for placed in soup.select("figure img[data-file]"):
        image = images.get(int(placed["data-file"]))
        if image is None:
            continue
        if " ".join(placed.get("alt", "").split()) == image.alt:
            placed["alt"] = ""
        caption = placed.find_parent("figure").find("figcaption")
        if (
            caption is not None
            and " ".join(caption.get_text().split()) == image.caption
        ):
            caption.decompose()
    return str(soup)


def _caption(figure):
    """The writer's caption, with its marks ("<em>Casablanca</em>"), or ""."""
    caption = figure.find("figcaption")
    if caption is None or not caption.get_text(strip=True):
        return ""
    # Safe: a sanitised body's own markup, sanitised again on the way out.
    return mark_safe("".join(str(node) for node in caption.contents).strip())  # noqa: S308


def library_figures(html):
    """`html` (sanitised, as stored) with each figure's library image in every
    size, its caption and credit; figures without a library image left out."""
    soup = BeautifulSoup(html, "html.parser")
    images = placed_images(html)
    # A picture pasted outside a figure is nobody's to show.
    for stray in soup.find_all("img"):
        if stray.find_parent("figure") is None:
            stray.decompose()
    for figure in soup.find_all("figure"):
        placed = figure.find("img")
        library_id = placed.get("data-file", "") if placed else ""
        image = (
            images.get(int(library_id)) if LIBRARY_ID.fullmatch(library_id) else None
        )
        if image is None:
            figure.decompose()
            continue
        caption = _caption(figure) or image.caption
        shown = render_to_string(
            "includes/body_figure.html",
            {
                "url": image.file.url,
                "width": image.width,
                "height": image.height,
                "alt": (placed.get("alt") or "").strip() or image.alt,
                "sizes": SIZES,
                "srcsets": srcsets(image.file, image.width),
                "caption": caption,
                "credit": image.credit,
            },
        )
        figure.replace_with(BeautifulSoup(shown, "html.parser"))
    return str(soup)

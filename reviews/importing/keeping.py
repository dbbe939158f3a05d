"""What an imported body carries that the body has no block for, dealt with
before it is sanitised, so nothing is lost without a word.

The article's own <h1>, when it repeats the headline, is dropped; a marked
lede becomes the standfirst; tables become clean tables of header and data
cells; footnotes become superscript markers and a notes list; a quote's
source becomes its last paragraph, in the "Quote's source" style; captions
become paragraphs; an embedded video becomes a paragraph of one link to it,
which readers get as a video. Everything else the body cannot hold is left out and named, a sentence
each, for the editor (`Kept.left_out`)."""

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString

from reviews.quotes import DASHES
from reviews.videos import video_at

# Class names that exports give a lede paragraph: "standfirst" (British
# papers), "dek", "lede", "excerpt" (Ghost's article-excerpt), "lead"…
STANDFIRST_CLASS = re.compile(
    r"(?:^|[-_])(?:standfirst|dek|deck|lede|lead|excerpt|intro|summary|subtitle|strapline)$"
)
NOTE_LINK = re.compile(r"^#.")
LEFT_OUT_ELEMENTS = {
    "script": "A script",
    "form": "A form",
    "video": "A video file",
    "audio": "A sound file",
    "object": "An embedded object",
    "embed": "An embedded object",
    "svg": "A drawing (SVG)",
    "canvas": "A drawing (canvas)",
}
# Inputs outside a form are part of one the export lost.
SILENTLY_DROPPED = ["style", "input", "button", "select", "textarea", "noscript"]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", *HEADINGS, "ul", "ol", "blockquote"}
BLOCKS |= {"table", "figure", "div", "section", "article", "header", "footer"}


@dataclass
class Kept:
    html: str
    standfirst: str = ""
    left_out: list = field(default_factory=list)


def words(text):
    return " ".join(text.split())


def text_of(node):
    return str(node) if isinstance(node, NavigableString) else node.get_text()


def _paragraph(soup, text):
    paragraph = soup.new_tag("p")
    paragraph.string = text
    return paragraph


def _heading(soup, text):
    heading = soup.new_tag("h2")
    heading.string = text
    return heading


def _embeds(soup, left_out):
    for frame in soup.find_all("iframe"):
        url = frame.get("src", "").strip()
        video = video_at(url) if url else None
        if video is None:
            host = urlsplit(url).hostname if url else None
            if host and VIDEO_SITE.search(host):
                left_out.append(
                    f"An embed from {host} was left out: its address names no video."
                )
            elif host:
                left_out.append(
                    f"An embed from {host} was left out: only YouTube and Vimeo "
                    "videos are kept."
                )
            else:
                left_out.append("An embedded frame with no web address was left out.")
            frame.decompose()
            continue
        # A video in the body is a paragraph of one link (reviews/videos.py);
        # the player's wrapper (WordPress's and Ghost's figure) makes way for it.
        anchor = soup.new_tag("a", href=video.url)
        anchor.string = (
            words(frame.get("title", "")) or f"The video on {video.provider}"
        )
        paragraph = soup.new_tag("p")
        paragraph.append(anchor)
        wrapper = frame.find_parent("figure") or frame
        wrapper.insert_before(paragraph)
        wrapper.decompose()


VIDEO_SITE = re.compile(r"(?:^|\.)(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com)$")

# WordPress and others draw emoji as pictures with the character as alt text.
EMOJI_CLASSES = {"wp-smiley", "emoji"}


def _image_to_add(soup, alt, caption, source, number=None):
    """The desk's note where a picture stood (reviews/sanitising.py); for a
    picture the file carries, its number there (placing.py)."""
    parts = [
        f"alt text “{alt}”" if alt else "no alt text",
        f"caption “{caption}”" if caption else "",
        f"from {source}" if source.startswith(("http://", "https://")) else "",
        f"picture {number} of the file" if number else "",
    ]
    note = _paragraph(soup, "; ".join(part for part in parts if part) + ".")
    note["class"] = "image-to-add"
    return note


def _pictures(soup, left_out, at_hand):
    """Each picture leaves an "image to add" note in its place, with its alt
    text, caption and address, for the editor to place it; one of the `at_hand`
    pictures the file carries is named later, once placed or not (placing.py)."""
    for picture in soup.find_all("img"):
        if EMOJI_CLASSES & set(picture.get("class", [])):
            picture.replace_with(picture.get("alt", ""))
            continue
        source = picture.get("src", "").strip()
        alt = words(picture.get("alt", ""))
        figure = picture.find_parent("figure")
        # A gallery's caption is the gallery's: it stays a paragraph.
        alone = figure is not None and len(figure.find_all("img")) == 1
        caption = figure.find("figcaption") if alone else None
        caption_text = words(caption.get_text()) if caption else ""
        about = ", ".join(
            part
            for part in (
                f"alt text “{alt}”" if alt else "",
                f"captioned “{caption_text}”" if caption_text else "",
            )
            if part
        )
        number = picture.get("data-picture", "")
        number = (
            int(number) if number.isdigit() and 0 < int(number) <= at_hand else None
        )
        where = urlsplit(source).hostname if source.startswith("http") else ""
        what = f"A picture from {where}" if where else "A picture in the file"
        if number is None:
            left_out.append(
                f"{what} was not brought in"
                + (f" ({about})" if about else "")
                + ": an “image to add” note keeps its place in the body."
            )
        note = _image_to_add(soup, alt, caption_text, source, number)
        if alone:
            figure.replace_with(note)
            continue
        # A paragraph holds no paragraph: the note goes after the one with the picture.
        block = picture.find_parent(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6"])
        (block or picture).insert_after(note)
        picture.decompose()


def _captions(soup):
    for caption in soup.find_all("figcaption"):
        caption.replace_with(_paragraph(soup, words(caption.get_text())))


def _cell(soup, cell):
    """A clean header or data cell: its words and inline marks in a paragraph,
    as the editor writes a cell, and its span when it has one."""
    kept = soup.new_tag("th" if cell.name == "th" else "td")
    for span in ("colspan", "rowspan"):
        if cell.get(span, "1").strip() not in ("", "1"):
            kept[span] = cell[span].strip()
    paragraph = soup.new_tag("p")
    for block in cell.find_all((BLOCKS - {"table"}) | {"li"}):
        block.insert_after(" ")
        block.unwrap()
    paragraph.extend(list(cell.contents))
    if paragraph.contents:
        _trim(paragraph)
    kept.append(paragraph)
    return kept


def _tables(soup, left_out):
    # Innermost first: a table in a cell becomes text in it.
    for table in reversed(soup.find_all("table")):
        if table.find_parent(["td", "th"]):
            rows = [
                " · ".join(
                    words(cell.get_text(" ")) for cell in row.find_all(["th", "td"])
                )
                for row in table.find_all("tr")
            ]
            table.replace_with(f" {'; '.join(row for row in rows if row.strip(' ·'))} ")
            left_out.append(
                "A table inside a table cell became text in the cell, its cells "
                "separated by “ · ”."
            )
            continue
        rows = []
        for row in table.find_all("tr"):
            cells = row.find_all(["th", "td"], recursive=False)
            if any(words(cell.get_text()) for cell in cells):
                kept = soup.new_tag("tr")
                kept.extend([_cell(soup, cell) for cell in cells])
                rows.append(kept)
        # The editor has no table captions: a caption is the paragraph above.
        for caption in table.find_all("caption"):
            table.insert_before(_paragraph(soup, words(caption.get_text())))
        if rows:
            body = soup.new_tag("tbody")
            body.extend(rows)
            kept = soup.new_tag("table")
            kept.append(body)
            table.insert_before(kept)
        table.decompose()


def _sources(quote):
    """What names a quote's source: a <cite>, <footer> or caption of its own,
    or a last paragraph that is only a <cite> or starts with a dash (Markdown's
    "> — Name"). A <cite> in a sentence names a work and stays text."""
    sources = quote.find_all(["cite", "footer", "figcaption"], recursive=False)
    blocks = quote.find_all(True, recursive=False)
    last = blocks[-1] if len(blocks) > 1 else None
    if last is not None and last.name == "p" and last not in sources:
        text = words(last.get_text())
        cite = last.find("cite")
        if (cite and text.lstrip(DASHES) == words(cite.get_text())) or (
            text.startswith(("—", "–")) and len(text) <= 120
        ):
            sources.append(last)
    figure = quote.parent if quote.parent.name == "figure" else None
    if figure and (caption := figure.find("figcaption", recursive=False)):
        sources.append(caption)
    return sources


def _attributions(soup):
    """A quote's source as the quote's last paragraph, in the "Quote's source"
    style (reviews/quotes.py)."""
    for quote in soup.find_all("blockquote"):
        for source in _sources(quote):
            text = words(source.get_text()).lstrip(DASHES)
            source.decompose()
            if text:
                paragraph = _paragraph(soup, text)
                paragraph["class"] = "attribution"
                quote.append(paragraph)
        # Ghost's and the HTML way: the quote in a figure, captioned.
        if quote.parent.name == "figure" and not quote.parent.find("img"):
            quote.parent.unwrap()


def _notes_lists(soup):
    """{id of a note: (its list, its number)} for every list item that a link
    within the file points to: the notes of Markdown, Word and WordPress."""
    targets = {link["href"][1:] for link in soup.find_all("a", href=NOTE_LINK)}
    notes = {}
    for item in soup.find_all("li", id=True):
        if item["id"] in targets and item.parent.name in {"ol", "ul"}:
            notes[item["id"]] = (
                item.parent,
                item.parent.find_all("li", recursive=False).index(item) + 1,
            )
    return notes


def _footnotes(soup):
    """Markers as superscript numbers and the notes as a numbered list marked
    "notes" under a heading, which the renderer links both ways."""
    notes = _notes_lists(soup)
    for marker in soup.find_all("sup"):
        link = marker.find("a", href=NOTE_LINK)
        note = notes.get(link["href"][1:]) if link else None
        number = str(note[1]) if note else words(marker.get_text()).strip("[]")
        marker.clear()
        marker.string = number
    for notes_list in dict.fromkeys(notes_list for notes_list, _ in notes.values()):
        notes_list.name = "ol"
        notes_list.attrs = {"class": "notes"}
        # Markdown's <div class="footnote"><hr><ol>: the heading goes above the div.
        container = notes_list
        while container.parent.name in {"div", "section", "aside", "footer"} and [
            child.name for child in container.parent.find_all(True, recursive=False)
        ] in (["ol"], ["hr", "ol"]):
            container = container.parent
        heading = container.find_previous_sibling(True)
        if heading is None or heading.name not in HEADINGS:
            container.insert_before(_heading(soup, "Notes"))
    # Links within the file (a note's "↩" back to its marker) lead nowhere
    # once the ids are gone: their words stay, arrows alone go.
    for link in soup.find_all("a", href=re.compile("^#")):
        if words(link.get_text()).strip("↩↑^\ufe0e ") or link.find("img"):
            link.unwrap()
        else:
            before = link.previous_sibling
            if isinstance(before, NavigableString):
                before.replace_with(str(before).rstrip())
            link.decompose()


def _standfirst(soup):
    for candidate in soup.find_all(["p", "div", "h2", "h3"]):
        if any(STANDFIRST_CLASS.search(name) for name in candidate.get("class", [])):
            text = words(candidate.get_text())
            candidate.decompose()
            if text:
                return text
    return ""


def _headline(soup, headline):
    wanted = words(headline).casefold()
    for heading in soup.find_all("h1"):
        if words(heading.get_text()).casefold() == wanted:
            heading.decompose()
            return


def keep(html, headline, at_hand=0):
    """`html` with what the body can hold, its standfirst, and what it left
    out; `at_hand` pictures come with the file, numbered in its <img>s."""
    soup = BeautifulSoup(html, "html.parser")
    left_out = []
    for name in SILENTLY_DROPPED:
        for element in soup.find_all(name):
            element.decompose()
    for name, what in LEFT_OUT_ELEMENTS.items():
        for element in soup.find_all(name):
            # What a page's <head> loads (analytics, themes) was never the text.
            if not element.find_parent("head"):
                left_out.append(f"{what} was left out.")
            element.decompose()
    _embeds(soup, left_out)
    _pictures(soup, left_out, at_hand)
    _tables(soup, left_out)
    _attributions(soup)
    _captions(soup)
    # A body's figures place library images, which an import never brings.
    for figure in soup.find_all("figure"):
        figure.unwrap()
    _footnotes(soup)
    _headline(soup, headline)
    standfirst = _standfirst(soup)
    return Kept(str(soup), standfirst, summarised(left_out))


def summarised(sentences):
    """Each sentence once, with how many times it came when more than once."""
    counts = Counter(sentences)
    return [
        sentence if count == 1 else f"{sentence} ({count} times)"
        for sentence, count in counts.items()
    ]


def in_blocks(html):
    """A sanitised body with every text outside a block put in a paragraph,
    at the top and inside quotes, and no empty paragraph."""
    soup = BeautifulSoup(html, "html.parser")
    for container in [soup, *soup.find_all("blockquote")]:
        loose = []
        for child in [*container.children, None]:
            if child is not None and (
                isinstance(child, NavigableString) or child.name not in BLOCKS
            ):
                loose.append(child)
                continue
            if any(words(text_of(node)) for node in loose):
                paragraph = soup.new_tag("p")
                loose[0].insert_before(paragraph)
                for node in loose:
                    paragraph.append(node.extract())
                _trim(paragraph)
            loose = []
    # A paragraph that held only a picture or a player is empty now.
    for paragraph in soup.find_all("p"):
        if not words(paragraph.get_text()):
            paragraph.decompose()
    return str(soup)


def _trim(paragraph):
    """No white space at either end of a paragraph made of loose text."""
    for end, strip in ((0, str.lstrip), (-1, str.rstrip)):
        node = paragraph.contents[end]
        if isinstance(node, NavigableString):
            node.replace_with(strip(str(node)))

"""Quotes with their source: the writer ends a quote with a paragraph in the
"Quote's source" style (p.attribution); readers get the quote as a figure
with the source as its caption, outside the quotation as HTML asks."""

from bs4 import BeautifulSoup

DASHES = "—–- "


def attributed_quotes(html):
    """`html` (sanitised) with each quote that ends in its source made a figure."""
    soup = BeautifulSoup(html, "html.parser")
    for quote in soup.find_all("blockquote"):
        blocks = quote.find_all(True, recursive=False)
        source = blocks[-1] if len(blocks) > 1 else None
        if source is None or "attribution" not in source.get("class", []):
            continue
        figure = soup.new_tag("figure", attrs={"class": "quote"})
        quote.wrap(figure)
        caption = soup.new_tag("figcaption")
        caption.extend(list(source.contents))
        source.decompose()
        # The dash is the design's: one, whatever the writer typed.
        first = caption.contents[0] if caption.contents else None
        if isinstance(first, str):
            first.replace_with(first.lstrip(DASHES))
        caption.insert(0, "— ")
        figure.append(caption)
    return str(soup)

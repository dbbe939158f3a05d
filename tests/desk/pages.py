"""Reading the desk page the way a person scans it: sections, counts, headlines."""

import html5lib


def parse(content):
    return html5lib.parse(content, namespaceHTMLElements=False)


def text(element):
    return " ".join("".join(element.itertext()).split())


def section(content, key):
    """The desk section `key` as {count, headlines, days}, or None when absent."""
    document = parse(content)
    for element in document.iter("section"):
        if element.get("aria-labelledby") == f"desk-{key}":
            return {
                "count": int(text(element.find(".//span[@class='desk-count']"))),
                "headlines": [
                    text(item[0])
                    for item in element.findall(".//li[@class='desk-piece']")
                ],
                "links": [
                    text(a) for a in element.findall(".//li[@class='desk-piece']/a")
                ],
                "days": [text(h3) for h3 in element.findall(".//h3")],
                "text": text(element),
            }
    return None

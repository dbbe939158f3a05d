"""Checks on rendered pages: valid HTML5 and what a page's head says."""

import itertools
import json
import re

import html5lib


def assert_valid_html(content):
    """html5lib in strict mode raises on any parse error a browser would recover from."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(content)
    assert document.find("head/title") is not None
    assert len(document.findall(".//h1")) == 1
    assert_headings_in_order(document)
    return document


def assert_headings_in_order(document):
    """Each heading is at most one level below the one before it (WCAG 1.3.1;
    Lighthouse's heading-order): a screen reader's outline has no gaps."""
    levels = [
        int(element.tag[1])
        for element in document.iter()
        if isinstance(element.tag, str) and re.fullmatch(r"h[1-6]", element.tag)
    ]
    for before, heading in itertools.pairwise(levels):
        assert heading <= before + 1, f"<h{heading}> follows <h{before}>: {levels}"


def json_ld(content):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', content, re.S
    )
    return [json.loads(block) for block in blocks]


def meta(content, attribute, name):
    found = re.search(
        rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', content
    )
    return found.group(1) if found else None

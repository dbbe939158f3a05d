"""What changed between two versions of a text, as an editor reads it.

The body is compared paragraph by paragraph on its plain text, so markup never
shows as text; inside a changed paragraph, the words taken out are struck through
(<del>) and the words put in are underlined (<ins>). Everything is escaped here.
"""

from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "blockquote", "li", "figcaption", "pre"})
# Unchanged paragraphs shown either side of a change, for context.
CONTEXT = 1


class _Blocks(HTMLParser):
    """The plain text of each block element, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag == "br":
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        self._text.append(data)

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append(text)
        self._text = []


def blocks(html):
    parser = _Blocks()
    parser.feed(html or "")
    parser.close()
    parser._flush()
    return parser.blocks


def _opcodes(old, new):
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _marked(tag, words):
    return format_html("<{}>{}</{}>", tag, " ".join(words), tag) if words else ""


def diff_words(old, new):
    """`new` against `old`, word by word: escaped, with <del> and <ins>."""
    old_words, new_words = (old or "").split(), (new or "").split()
    parts = []
    for op, i1, i2, j1, j2 in _opcodes(old_words, new_words):
        if op == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        parts.append(_marked("del", old_words[i1:i2]))
        parts.append(_marked("ins", new_words[j1:j2]))
    return mark_safe(" ".join(part for part in parts if part))  # noqa: S308 (escaped above)


def _paragraph(kind, content):
    return format_html('<p class="diff-{}">{}</p>', kind, content)


def _unchanged(paragraphs, first, last):
    """A run of unchanged paragraphs: the ones next to a change, the rest counted."""
    head = paragraphs[:CONTEXT] if not first else []
    tail = paragraphs[-CONTEXT:] if not last else []
    if len(head) + len(tail) >= len(paragraphs):
        return [_paragraph("same", escape(text)) for text in paragraphs]
    skipped = len(paragraphs) - len(head) - len(tail)
    note = f"{skipped} unchanged paragraph{'' if skipped == 1 else 's'}"
    return [
        *(_paragraph("same", escape(text)) for text in head),
        _paragraph("skipped", note),
        *(_paragraph("same", escape(text)) for text in tail),
    ]


def diff_html(old_html, new_html):
    """Two versions of a body, paragraph by paragraph."""
    old, new = blocks(old_html), blocks(new_html)
    codes = _opcodes(old, new)
    out = []
    for index, (op, i1, i2, j1, j2) in enumerate(codes):
        if op == "equal":
            last = index == len(codes) - 1
            out += _unchanged(old[i1:i2], first=index == 0, last=last)
            continue
        removed, added = old[i1:i2], new[j1:j2]
        for k in range(max(len(removed), len(added))):
            before = removed[k] if k < len(removed) else ""
            after = added[k] if k < len(added) else ""
            kind = "changed" if before and after else "removed" if before else "added"
            out.append(_paragraph(kind, diff_words(before, after)))
    return format_html('<div class="text-diff">{}</div>', mark_safe("".join(out)))  # noqa: S308


def diff_text(old, new):
    """A short text (headline, standfirst, verdict), word by word."""
    return format_html('<div class="text-diff"><p>{}</p></div>', diff_words(old, new))

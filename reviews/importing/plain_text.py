"""Plain text as a writer types it: paragraphs, subheadings, quotes, lists
and interview turns, as HTML."""

import re

from django.utils.html import escape

# A subheading: a short line standing alone, without closing punctuation.
SUBHEADING_MAX_WORDS = 8
CLOSING_PUNCTUATION = tuple(".!?:;,…\"'”’)")
OPENING_QUOTES = ('"', "“", "'", "‘")
CLOSING_QUOTES = ('"', "”", "'", "’")

# List items: "- ", "* " or "• " bullets, "1. " or "1) " numbers.
BULLET = re.compile(r"[-*•] +(?P<text>\S.*)")
NUMBERED = re.compile(r"\d{1,3}[.)] +(?P<text>\S.*)")
# An interview turn: a short name (at most four words, capitalised) and a colon.
TURN = re.compile(r"(?P<speaker>[^\W\d_][\w.’'-]*(?: [\w.’'-]+){0,3}): +(?P<text>\S.*)")
ALWAYS_SPEAKERS = {"Q", "A"}


def _normalise_whitespace(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def smarten(text):
    """Straight quotes and apostrophes become typographic ones."""
    text = re.sub(r'(^|[\s(\[{—–-])"', "\\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[{—–-])'", "\\1‘", text)
    return text.replace("'", "’")


def _is_subheading(block):
    lines = block.split("\n")
    words = block.split()
    return (
        len(lines) == 1
        and 0 < len(words) <= SUBHEADING_MAX_WORDS
        and not block.endswith(CLOSING_PUNCTUATION)
        and not block.startswith(OPENING_QUOTES)
    )


def _is_quote(block):
    return block.startswith(">") or (
        block.startswith(OPENING_QUOTES) and block.rstrip().endswith(CLOSING_QUOTES)
    )


def _speaker(line):
    """The speaker of a line that may open an interview turn, else None."""
    turn = TURN.fullmatch(line)
    if turn and not turn["speaker"][0].islower():
        return turn["speaker"]
    return None


def _speakers(blocks):
    """Who speaks in turns: Q and A always; a name when it opens two lines or
    more, or shares a block with another turn. So one "Note: ..." stays prose."""
    seen, speakers = set(), set(ALWAYS_SPEAKERS)
    for block in blocks:
        names = [name for line in block.split("\n") if (name := _speaker(line))]
        if len(names) > 1:
            speakers.update(names)
        speakers.update(name for name in names if name in seen)
        seen.update(names)
    return speakers


def _line_kinds(block, speakers):
    """(kind, speaker, text) for each line: 'ul', 'ol', 'turn' or 'text'."""
    for line in block.split("\n"):
        if item := BULLET.fullmatch(line):
            yield "ul", None, item["text"]
        elif item := NUMBERED.fullmatch(line):
            yield "ol", None, item["text"]
        elif (speaker := _speaker(line)) in speakers:
            yield "turn", speaker, TURN.fullmatch(line)["text"]
        else:
            yield "text", None, line


def _structured(block, speakers):
    """A block with lists or turns in it, as HTML parts; None for plain prose."""
    lines = list(_line_kinds(block, speakers))
    if all(kind == "text" for kind, _, _ in lines):
        return None
    parts = []  # [kind, speaker, [texts]]: a list's items or a paragraph's lines
    for kind, speaker, text in lines:
        continues = parts and (
            (kind == parts[-1][0] and kind in ("ul", "ol"))
            or (kind == "text" and parts[-1][0] in ("turn", "text"))
        )
        if continues:
            parts[-1][2].append(text)
        else:
            parts.append([kind, speaker, [text]])
    return [_part_html(kind, speaker, texts) for kind, speaker, texts in parts]


def _part_html(kind, speaker, texts):
    if kind in ("ul", "ol"):
        items = "".join(f"<li>{escape(smarten(text))}</li>" for text in texts)
        return f"<{kind}>{items}</{kind}>"
    text = escape(smarten(" ".join(texts)))
    if kind == "turn":
        return f"<p><strong>{escape(speaker)}:</strong> {text}</p>"
    return f"<p>{text}</p>"


def _join_lists(parts):
    """Lists whose items stand in blocks of their own become one list."""
    joined = []
    for part in parts:
        kind = part[1:3]
        if (
            joined
            and kind in ("ul", "ol")
            and part.startswith(f"<{kind}>")
            and joined[-1].endswith(f"</{kind}>")
        ):
            joined[-1] = joined[-1].removesuffix(f"</{kind}>") + part[len("<ul>") :]
        else:
            joined.append(part)
    return joined


def text_to_html(text):
    """Blank lines separate paragraphs; short lone lines are subheadings;
    bulleted and numbered lines are lists; interview turns stay apart."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", _normalise_whitespace(text))]
    blocks = [b for b in blocks if b]
    speakers = _speakers(blocks)
    html = []
    for position, block in enumerate(blocks):
        between_paragraphs = 0 < position < len(blocks) - 1
        if _is_quote(block):
            lines = [re.sub(r"^>\s?", "", line) for line in block.split("\n")]
            quote = smarten(" ".join(line for line in lines if line))
            html.append(f"<blockquote><p>{escape(quote)}</p></blockquote>")
        elif structured := _structured(block, speakers):
            html.extend(structured)
        elif between_paragraphs and _is_subheading(block):
            html.append(f"<h2>{escape(smarten(block))}</h2>")
        else:
            html.append(f"<p>{escape(smarten(' '.join(block.split())))}</p>")
    return "\n".join(_join_lists(html))

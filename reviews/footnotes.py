"""Footnotes as readers follow them: a writer types a marker as a superscript
number ("104 minutes<sup>1</sup>") and the notes as the closing numbered list
marked "notes"; the stored body links each marker to its note and back."""

from bs4 import BeautifulSoup


def linked_notes(html):
    """`html` (sanitised) with marker n linked to note n of the last notes list,
    and each note that a marker points to linked back to the first of them."""
    soup = BeautifulSoup(html, "html.parser")
    lists = soup.find_all("ol", class_="notes")
    if not lists:
        return html
    notes = lists[-1].find_all("li", recursive=False)
    referenced = set()
    for marker in soup.find_all("sup"):
        number = marker.get_text().strip()
        if not (number.isdigit() and 1 <= int(number) <= len(notes)):
            continue
        # A number raised in a note or in a link ("m²") is no marker.
        if marker.find_parent("a") or marker.find_parent("ol", class_="notes"):
            continue
        link = soup.new_tag(
            "a", href=f"#note-{number}", attrs={"aria-label": f"Note {number}"}
        )
        if number not in referenced:
            link["id"] = f"note-ref-{number}"
            referenced.add(number)
        link.string = number
        marker.clear()
        marker.append(link)
    for number, note in enumerate(notes, 1):
        note["id"] = f"note-{number}"
        if str(number) not in referenced:
            continue
        back = soup.new_tag(
            "a",
            href=f"#note-ref-{number}",
            attrs={"aria-label": f"Back to the text of note {number}"},
        )
        back.string = "↩"
        # A note in the editor is a paragraph in a list item: the arrow ends it.
        paragraphs = note.find_all("p", recursive=False)
        end = paragraphs[-1] if paragraphs else note
        end.append(" ")
        end.append(back)
    return str(soup)

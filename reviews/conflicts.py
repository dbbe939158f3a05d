"""A save from a stale copy of a piece: the editor keeps her text and reads the
version saved meanwhile beside it, with the differences marked, instead of a
bare refusal."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join

from reviews.diffing import blocks, diff_html, diff_text
from reviews.models.workflow import local_time

# Compared word by word; the body paragraph by paragraph.
TEXT_FIELDS = ("headline", "standfirst", "body", "verdict")
# Not the editor's writing: the token is the reason for the conflict.
NOT_COMPARED = frozenset({"lock_token", "schedule_for"})


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, models.QuerySet)):
        return sorted(_comparable(item) for item in value)
    return value if value not in (None, "") else None


@dataclass
class Conflict:
    saved: object  # the piece as it is stored now
    mine: dict  # what the editor sent, cleaned where it could be
    labels: dict  # field name -> label, from the form

    @cached_property
    def who(self):
        user = self.saved.last_edited_by
        if user is None:
            return "Someone else"
        return str(getattr(user, "person", None) or user)

    @property
    def when(self):
        return local_time(self.saved.updated_at)

    @property
    def message(self):
        return (
            f"{self.who} saved this piece at {self.when} while you were editing. "
            "Your text is kept below; the saved version is shown beside it with the "
            "differences marked. Merge what you need and save again."
        )

    @cached_property
    def texts(self):
        """[(label, your text, the saved text marked against yours)] where they differ."""
        found = []
        for name in TEXT_FIELDS:
            if name not in self.labels:
                continue
            mine, theirs = self.mine.get(name) or "", getattr(self.saved, name) or ""
            if name == "body":
                if blocks(mine) == blocks(theirs):
                    continue
                paragraphs = format_html_join(
                    "", "<p>{}</p>", ((p,) for p in blocks(mine))
                )
                found.append((self.labels[name], paragraphs, diff_html(mine, theirs)))
            elif mine.split() != theirs.split():
                mine_html = format_html("<p>{}</p>", mine) if mine else ""
                found.append((self.labels[name], mine_html, diff_text(mine, theirs)))
        return found

    @cached_property
    def other_changes(self):
        """Labels of the other fields where the saved version differs from yours."""
        changed = []
        for name, label in self.labels.items():
            if name in TEXT_FIELDS or name in NOT_COMPARED or name not in self.mine:
                continue
            field = self.saved._meta.get_field(name)
            stored = field.value_from_object(self.saved)
            if _comparable(stored) != _comparable(self.mine[name]):
                changed.append(label)
        return changed

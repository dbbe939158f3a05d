"""What stands between a piece and its readers, in one place: the piece form's
"Before publishing" panel lists these checks, and `publish` refuses a piece with
an error. Editors may publish past a warning."""

from dataclasses import dataclass

from django.template.defaultfilters import pluralize

from people.describing import DESCRIPTION_LENGTH
from reviews.figures import placed_images
from reviews.models.links import dead_links
from reviews.sanitising import images_to_add, plain_text, sanitise

ERROR, WARNING = "error", "warning"
# What search results show of a title before they cut it.
TITLE_LENGTH = 60


@dataclass(frozen=True)
class Check:
    level: str
    message: str
    # The form field where it is put right, or "".
    field: str = ""

    @property
    def is_error(self):
        return self.level == ERROR


def unready_images(body):
    """Why the images of a sanitised body keep it from readers, or "": notes of
    images still to add, or library images without their credit or licence."""
    count = images_to_add(body)
    if count:
        return (
            f"The body still has {count} “image to add” note{pluralize(count)}: "
            "place each picture (the hero image can take one) and delete its note "
            "before the piece is published."
        )
    uncleared = [
        image.alt for image in placed_images(body).values() if not image.is_cleared
    ]
    if uncleared:
        named = ", ".join(f"“{alt}”" for alt in uncleared)
        return (
            f"Give {named} {'its' if len(uncleared) == 1 else 'their'} credit and "
            "licence in the image library before the piece is published."
        )
    return ""


class ChecksMixin:
    def publishing_checks(self):
        """Every check this piece fails, errors first."""
        body = sanitise(self.body)
        return [*self._errors(body), *self._warnings(body)]

    def publishing_errors(self):
        """The checks that refuse publishing: without the warnings' lookups."""
        return list(self._errors(sanitise(self.body)))

    def _errors(self, body):
        if self.kind == self.Kind.REVIEW and self.film_id is None:
            yield Check(
                ERROR, "Choose the film under review before publishing.", "film"
            )
        if not plain_text(body) and "<img" not in body:
            yield Check(ERROR, "A piece needs a body before it is published.", "body")
        if unready := unready_images(body):
            yield Check(ERROR, unready, "body")
        if self.hero_image and not self.hero_credit.strip():
            yield Check(
                ERROR,
                "Credit the hero image (who made it, or whose it is) before the "
                "piece is published.",
                "hero_credit",
            )

    def _warnings(self, body):
        if not self.standfirst.strip():
            yield Check(
                WARNING,
                "There is no standfirst: lists, search results and shared links "
                "get the body's opening sentences instead.",
                "standfirst",
            )
        if self.kind == self.Kind.REVIEW and self.rating is None:
            yield Check(WARNING, "This review has no rating.", "rating")
        title = self.seo_title.strip() or self.headline
        if len(title) > TITLE_LENGTH:
            yield Check(
                WARNING,
                f"Search results show about {TITLE_LENGTH} characters of a title; "
                f"this one has {len(title)}. Write a shorter SEO title.",
                "seo_title",
            )
        standfirst = " ".join(self.standfirst.split())
        if not self.seo_description.strip() and len(standfirst) > DESCRIPTION_LENGTH:
            yield Check(
                WARNING,
                f"Search results show about {DESCRIPTION_LENGTH} characters of a "
                f"description, and the standfirst has {len(standfirst)}: they get "
                "its opening sentences. Write an SEO description to choose what "
                "they show.",
                "seo_description",
            )
        for address, why in dead_links(body):
            yield Check(
                WARNING, f"The body's link to “{address}” is broken: {why}.", "body"
            )
        if self.left_out_on_import.strip():
            yield Check(
                WARNING,
                "The import left things out: deal with each in the body, then empty "
                "“Left out on import”.",
                "left_out_on_import",
            )

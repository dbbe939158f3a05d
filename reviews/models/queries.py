"""Which pieces: the one public rule, what each person may open at the desk,
and the pages that show a set of pieces."""

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from films.models import Film
from people.models import Person
from reviews.models.byline import Byline
from reviews.models.furniture import furnish
from reviews.models.mention import Mention
from reviews.models.topic import Topic
from reviews.models.workflow import Status, is_editor
from web.pages import changed, tag


def _public():
    return Q(status=Status.PUBLISHED, publish_at__lte=timezone.now())


def _contributed_by(user):
    """Pieces `user` started or is bylined on: a co-byline makes a co-author."""
    bylined = Byline.objects.filter(person__user=user.pk).values("review")
    return Q(created_by=user.pk) | Q(pk__in=bylined)


class ReviewQuerySet(models.QuerySet):
    def public(self):
        """The one rule for every public surface: published, and its time has come."""
        return self.filter(_public())

    def visible_to(self, user):
        """What `user` may open at the desk: see `Review.can_view`."""
        if is_editor(user):
            return self
        if not user.has_perm("reviews.view_review"):
            return self.none()
        return self.filter(_public() | _contributed_by(user))

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_cards(self):
        """What a list of pieces shows, in a fixed number of queries: the
        bylines come stored with each piece (`Review.furniture`)."""
        return self.select_related("film")

    def on_front_page(self):
        """The pieces editors put on the home page, in their order."""
        return self.filter(front_page_place__isnull=False).order_by(
            "front_page_place__position", "front_page_place__pk"
        )

    def of(self, user):
        """Pieces `user` started or is bylined on."""
        return self.filter(_contributed_by(user))

    def drafts_of(self, user):
        """`user`'s pieces that are not out: drafts, in review, withdrawn."""
        unpublished = [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN]
        return self.of(user).filter(status__in=unpublished)

    def in_review(self):
        return self.filter(status=Status.IN_REVIEW)

    def withdrawn(self):
        return self.filter(status=Status.WITHDRAWN)

    def published_since(self, when):
        return self.public().filter(publish_at__gte=when)

    def store_furniture(self, refresh_pages=True):
        """Store what these pieces show around their text and, if
        `refresh_pages`, refresh the pages that show them. Five queries and the
        updates, however many pieces."""
        with transaction.atomic():
            pieces = list(
                # Locked: two changes to one piece's bylines store in turn, the
                # second seeing the first's (PostgreSQL).
                self.select_for_update()
                .only("pk")
                .prefetch_related("bylines__person", "topics", "corrections")
            )
            for piece in pieces:
                piece.stored_furniture = furnish(piece)
            self.model.objects.bulk_update(pieces, ["stored_furniture"], batch_size=500)
        if refresh_pages:
            changed(*(tag(self.model, piece.pk) for piece in pieces))

    def page_tags(self, own=True):
        """Tags of the pages that show these pieces (web.pages): those of their
        films, people, organisations and topics, and, if `own`, their own
        pages and the lists. Five queries, however many pieces."""
        pieces = self.model
        ids = list(self.values_list("pk", flat=True))
        tags = {tag(pieces), *(tag(pieces, pk) for pk in ids)} if own else set()
        films = pieces.objects.filter(pk__in=ids, film__isnull=False)
        tags.update(tag(Film, pk) for pk in films.values_list("film", flat=True))
        linked = {
            pieces.other_films.through: (Film, "film"),
            pieces.topics.through: (Topic, "topic"),
            Byline: (Person, "person"),
        }
        for model, (target, field) in linked.items():
            pks = model.objects.filter(review__in=ids).values_list(field, flat=True)
            tags.update(tag(target, pk) for pk in pks)
        mentions = Mention.objects.filter(review__in=ids, wrong=False)
        for row in mentions.values("person", "organisation", "film"):
            kind, pk = next((kind, pk) for kind, pk in row.items() if pk)
            tags.add(f"{kind}-{pk}")
        return tags

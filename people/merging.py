"""Merge duplicate people or organisations into one, moving everything that points at them."""

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import IntegrityError, transaction
from django.utils import timezone
from reversion.models import Revision, Version

from audit.models import Event, record
from people.models import Organisation, Person
from people.naming import split_names

# Fields copied from a duplicate when the kept record has none.
FILLABLE = {
    Person: ["bio", "birth_year", "death_year", "wikidata_id", "imdb_id", "portrait"],
    Organisation: [
        "description",
        "founded",
        "country",
        "website",
        "wikidata_id",
        "imdb_id",
    ],
}


def merge(keep, duplicates, by=None):
    """Fold `duplicates` into `keep`: every relation moves, their names become aliases.

    Works for any model that points at a person or organisation (credits, bylines,
    mentions, nominations...) by following the reverse relations, so this module
    never needs to know the apps above it. The records as they were are kept as
    one version, recoverable from the admin's history, and the merge is logged.
    """
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    names = ", ".join(str(d) for d in duplicates)
    message = f"Merged {names} into {keep}" + (f" by {by}" if by else "")
    with transaction.atomic():
        _keep_versions([keep, *duplicates], by, f"Before: {message}")
        moved = _fold(keep, duplicates)
        record(Event.Action.MERGED, keep, by=by, message=f"{message}; moved {moved}.")
    return keep


def _keep_versions(records, by, comment):
    """One revision holding `records` as they are now. Written by hand because
    django-reversion's own blocks drop rows deleted before they close."""
    revision = Revision.objects.create(
        date_created=timezone.now(), user=by, comment=comment
    )
    Version.objects.bulk_create(
        Version(
            revision=revision,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            db=obj._state.db,
            format="json",
            serialized_data=serializers.serialize("json", [obj]),
            object_repr=str(obj),
        )
        for obj in records
    )


def _fold(keep, duplicates):
    """Move everything to `keep` and delete the duplicates; says what moved."""
    model = type(keep)
    names = keep.aliases
    moved = {}
    for duplicate in duplicates:
        for relation in model._meta.related_objects:
            count = _move_relation(relation, duplicate, keep)
            if count:
                label = relation.related_model._meta.verbose_name_plural
                moved[label] = moved.get(label, 0) + count
        names += [duplicate.name, *duplicate.aliases]
        for field in FILLABLE[model]:
            if not getattr(keep, field) and getattr(duplicate, field):
                setattr(keep, field, getattr(duplicate, field))
                if field in ("wikidata_id", "imdb_id"):
                    # Unique when set: free it on the duplicate before keep takes it.
                    model.objects.filter(pk=duplicate.pk).update(**{field: ""})
    model.objects.filter(pk__in=[d.pk for d in duplicates]).delete()
    keep.also_known_as = "\n".join(_unique_names(names, exclude=keep.name))
    keep.save()
    return ", ".join(f"{count} {label}" for label, count in moved.items()) or "nothing"


def _move_relation(relation, source, target):
    if relation.many_to_many:
        through = relation.through
        field_name = next(
            f.name
            for f in through._meta.fields
            if f.is_relation and f.related_model is type(source)
        )
        rows = through.objects.filter(**{field_name: source})
    else:
        field_name = relation.field.name
        rows = relation.related_model._base_manager.filter(**{field_name: source})
    count = 0
    for row in rows:
        count += 1
        try:
            # A savepoint per row: a row the target already has is a duplicate.
            with transaction.atomic():
                type(row)._base_manager.filter(pk=row.pk).update(**{field_name: target})
        except IntegrityError:
            row.delete()
    return count


def _unique_names(names, exclude):
    seen = {exclude.casefold()}
    unique = []
    for name in split_names("\n".join(names)):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique

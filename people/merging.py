"""Merge duplicate people or organisations into one, moving everything that points at them."""

from django.db import IntegrityError, transaction

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


@transaction.atomic
def merge(keep, duplicates):
    """Fold `duplicates` into `keep`: every relation moves, their names become aliases.

    Works for any model that points at a person or organisation (credits, bylines,
    mentions, nominations...) by following the reverse relations, so this module
    never needs to know the apps above it.
    """
    model = type(keep)
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    names = keep.aliases
    for duplicate in duplicates:
        for relation in model._meta.related_objects:
            _move_relation(relation, duplicate, keep)
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
    return keep


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
    for row in rows:
        try:
            # A savepoint per row: a row the target already has is a duplicate.
            with transaction.atomic():
                type(row)._base_manager.filter(pk=row.pk).update(**{field_name: target})
        except IntegrityError:
            row.delete()


def _unique_names(names, exclude):
    seen = {exclude.casefold()}
    unique = []
    for name in split_names("\n".join(names)):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            unique.append(name)
    return unique

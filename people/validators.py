from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db.models import CheckConstraint, F, Q

EARLIEST_YEAR = 1800
LATEST_YEAR = 2100

year_validators = [MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)]

WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
validate_wikidata_id = RegexValidator(
    WIKIDATA_PATTERN, "A Wikidata id is Q followed by digits, for example Q28054418."
)


def imdb_pattern(prefix):
    return rf"^{prefix}[0-9]{{7,}}$"


def imdb_validator(prefix, example):
    return RegexValidator(
        imdb_pattern(prefix),
        f"An IMDb id here is {prefix} followed by at least seven digits, "
        f"for example {example}.",
    )


def year_in_range(field):
    """A check constraint condition: the year is empty or plausible."""
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__gte": EARLIEST_YEAR, f"{field}__lte": LATEST_YEAR}
    )


def in_order(start, end, name, message):
    """A check constraint: `end` is not before `start` when both are known."""
    return CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message,
    )


def empty_or_matches(field, pattern):
    return Q(**{field: ""}) | Q(**{f"{field}__regex": pattern})


def not_empty(field):
    return ~Q(**{field: ""})

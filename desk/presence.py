"""Who else has a piece open: the piece form beats, and hears who else is there."""

from django.utils import timezone
from django.utils.formats import date_format

from desk.models import Presence


def name_of(user):
    """The contributor's name when the account has a person, else the username."""
    return str(getattr(user, "person", None) or user)


def clock_time(moment):
    """'10:42' today, '24 November, 10:42' before, in the active time zone."""
    moment = timezone.localtime(moment)
    if moment.date() == timezone.localdate():
        return date_format(moment, "H:i")
    return date_format(moment, "j F, H:i")


def editing_now(piece, user):
    """One line for each other person who has `piece` open."""
    return [
        f"{name_of(stay.user)} has been editing this since {clock_time(stay.since)}."
        for stay in Presence.objects.others_on(piece, user)
    ]


def beat(piece, user):
    """`user` has `piece` open; who else has."""
    Presence.objects.beat(user, piece)
    return editing_now(piece, user)

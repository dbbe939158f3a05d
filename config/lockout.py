"""The login lockout's rules that django-axes has no setting for: whose address
an attempt comes from, and whose failures a good login clears."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings


def _address(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_proxy(text):
    """One of TRUSTED_PROXIES, or the peer of a Unix socket, which only a
    process on this machine can be."""
    address = _address(text)
    if address is None:
        return text == ""
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_address(request):
    """Where a login comes from: the connecting address, or, when that is one of
    TRUSTED_PROXIES, the nearest address in X-Forwarded-For that is not.

    Read from the right, as each proxy appends the address it was called from:
    whatever a client wrote itself stays to the left of its own address. What a
    trusted proxy passed on that is no address counts as that proxy's.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    chain = [entry.strip() for entry in forwarded]
    client = request.META.get("REMOTE_ADDR", "")
    while chain and _is_proxy(client) and _address(chain[-1]):
        client = chain.pop()
    return client


class OwnFailuresResetHandler(AxesDatabaseHandler):
    """Axes' database handler, but a good login clears only the failures for that
    user name from that address.

    Axes' own reset deletes every record matching any lockout parameter, so with
    a per-address limit a login as oneself would also clear the failures recorded
    against other user names from the same address, and give unlimited guesses.
    """

    def reset_user_attempts(self, request, credentials=None):
        attempts = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )
        count, _ = attempts.delete()
        return count

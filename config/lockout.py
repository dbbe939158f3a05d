"""The login lockout's one rule that django-axes has no setting for."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt


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

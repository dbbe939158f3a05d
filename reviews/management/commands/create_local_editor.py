import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create the local editor account once and print its password."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(
                f"The local editor account '{USERNAME}' exists already "
                "(its password was printed when it was created; "
                "`python manage.py changepassword editor` sets a new one)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=USERNAME, password=password, email="")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the local editor account: user name '{USERNAME}', "
                f"password '{password}'. It is shown only this once."
            )
        )

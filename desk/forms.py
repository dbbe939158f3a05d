from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import ValidationError

from desk.contributors import staff_groups
from desk.models import UserSettings
from people.models import Person
from reviews.models import Byline

NO_DESK_ACCESS = (
    "This account has no access to the desk: "
    "ask an editor to add you to Writers or Editors."
)


class DeskAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        # Reached only after a correct password, so a stranger learns nothing.
        AuthenticationForm.confirm_login_allowed(self, user)
        if not user.is_staff:
            raise ValidationError(NO_DESK_ACCESS, code="no_desk_access")


class UserSettingsForm(forms.ModelForm):
    class Meta:
        model = UserSettings
        fields = ["time_zone", "live_preview"]
        labels = {"live_preview": "Show the live preview beside the piece form"}


class ContributorForm(UserCreationForm):
    """An account, its group and its person, in one form."""

    group = forms.ModelChoiceField(
        staff_groups(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Writers write and submit pieces; Editors also publish them. "
        "Both may log in to the desk.",
    )
    person = forms.ModelChoiceField(
        Person.objects.all(),
        required=False,
        label="Existing person",
        help_text="Someone already in the database, for example a critic with bylines.",
    )
    name = forms.CharField(
        required=False,
        max_length=200,
        label="Or a new person",
        help_text="The name as bylines will show it.",
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        person.widget = AutocompleteSelect(Byline._meta.get_field("person"), admin_site)
        person.widget.choices = person.choices  # as the field does for its own widget
        for name in ("password1", "password2"):
            self.fields[name].required = False
        self.fields[
            "password1"
        ].help_text = (
            "Leave both empty to e-mail them a link where they choose their own."
        )

    def clean_person(self):
        person = self.cleaned_data["person"]
        if person and person.user_id:
            raise ValidationError(f"{person} already has an account: {person.user}.")
        return person

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and not cleaned.get("password2"):
            self.add_error("password2", "Enter the same password again.")
        if not cleaned.get("password1") and not cleaned.get("email"):
            self.add_error(
                "email", "Give an e-mail address for the link, or set a password."
            )
        if bool(cleaned.get("person")) == bool(cleaned.get("name", "").strip()):
            self.add_error(
                "name", "Choose an existing person or give a new name: one of the two."
            )
        return cleaned

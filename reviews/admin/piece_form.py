"""The piece form and its inlines: bylines, corrections and mentions."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from reviews.conflicts import Conflict
from reviews.models import Byline, Correction, Mention, Review


class ReviewForm(forms.ModelForm):
    schedule_for = forms.SplitDateTimeField(
        required=False,
        label="Publish at",
        help_text="For “Schedule”: the date and time the piece goes public.",
        widget=admin.widgets.AdminSplitDateTime,
    )

    conflict = None  # a Conflict when the piece was saved meanwhile

    class Meta:
        model = Review
        fields = "__all__"
        widgets = {
            "lock_token": forms.HiddenInput,
            # Headlines run to 300 characters: the box spans the form (desk.css).
            "headline": forms.TextInput(attrs={"class": "vTextField piece-headline"}),
        }

    def clean(self):
        cleaned = super().clean()
        stored = (
            # The admin saves inside a transaction, so this lock holds until the save.
            Review.objects.select_for_update(of=("self",))
            .select_related("last_edited_by__person")
            .filter(pk=self.instance.pk)
            .first()
        )
        if stored and stored.lock_token != cleaned.get("lock_token"):
            mine = {**self.data.dict(), **cleaned}
            labels = {name: f.label or name for name, f in self.fields.items()}
            self.conflict = Conflict(saved=stored, mine=mine, labels=labels)
            # The form comes back holding the saved version's token: having read
            # it, the editor's next save is a deliberate one and goes through.
            self.data = self.data.copy()
            self.data[self.add_prefix("lock_token")] = str(stored.lock_token)
            raise ValidationError(self.conflict.message, code="edit_conflict")
        return cleaned


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "order"]
    autocomplete_fields = ["person"]
    extra = 1


class CorrectionInline(admin.StackedInline):
    model = Correction
    fields = ["date", "text"]
    extra = 0
    classes = ["collapse"]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["person", "organisation", "film", "wrong", "added_by_editor"]
    readonly_fields = ["added_by_editor"]
    autocomplete_fields = ["person", "organisation", "film"]
    extra = 0
    verbose_name_plural = (
        "mentions (found in the body on every save; add what the scan missed, "
        "tick “wrong match” for what it should not link)"
    )


def save_mentions(formset, piece):
    """The scan on save may have just found what the editor adds: update, not insert."""
    for mention in formset.save(commit=False):
        if mention.pk:
            mention.save()
            continue
        kind, _ = mention.key
        Mention.objects.update_or_create(
            review=piece,
            **{kind: mention.entity},
            defaults={"added_by_editor": True, "wrong": mention.wrong},
        )
    for mention in formset.deleted_objects:
        mention.delete()

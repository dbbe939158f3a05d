"""The "Import a piece" page of the admin: a file or pasted text becomes a draft."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from films.models import Film
from reviews.importing import (
    AlreadyImported,
    ImportRefused,
    import_piece,
    refuse_repeat,
)
from reviews.models import Review


class ImportForm(forms.Form):
    file = forms.FileField(
        required=False,
        help_text="A .txt, .md, .html or .docx file of at most 2 MB (.docx: 10 MB).",
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        label="Or paste the text",
        help_text="Blank lines separate paragraphs; a short line alone is a subheading; "
        "lines starting “- ” or “1. ” are lists; “Q:” or “Name:” starts a turn.",
    )
    headline = forms.CharField(max_length=300)
    film = forms.ModelChoiceField(Film.objects.all(), required=False)
    author = forms.CharField(
        required=False,
        help_text="A person’s name or alias; only editors can add a new name.",
    )
    kind = forms.ChoiceField(choices=Review.Kind.choices, initial=Review.Kind.REVIEW)
    topics = forms.CharField(required=False, help_text="Comma-separated.")
    import_anyway = forms.BooleanField(
        required=False,
        help_text="Make a new piece even if this text or headline was imported before.",
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("text", "").strip()):
            raise forms.ValidationError(
                "Upload a file or paste the text: one of the two."
            )
        return cleaned


def import_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read() if upload else form.cleaned_data["text"].encode()
        filename = upload.name if upload else ""
        try:
            if not form.cleaned_data["import_anyway"]:
                refuse_repeat(
                    data,
                    headline=form.cleaned_data["headline"],
                    filename=filename,
                    by=request.user,
                )
            report = import_piece(
                data,
                headline=form.cleaned_data["headline"],
                filename=filename,
                film_slug=form.cleaned_data["film"].slug
                if form.cleaned_data["film"]
                else "",
                author=form.cleaned_data["author"],
                kind=form.cleaned_data["kind"],
                topics=form.cleaned_data["topics"].split(","),
                by=request.user,
            )
        except AlreadyImported as repeat:
            form.add_error(
                None,
                format_html(
                    '<a href="{}">“{}”</a> has this text or this headline already. '
                    "Open it, or tick “Import anyway” (and choose the file again) "
                    "to make a second piece.",
                    reverse("admin:reviews_review_change", args=[repeat.piece.pk]),
                    repeat.piece,
                ),
            )
        except ImportRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            model_admin.message_user(
                request,
                f"Imported “{report.piece}” as a draft. " + "; ".join(report.lines()),
                messages.SUCCESS,
            )
            return redirect(
                reverse("admin:reviews_review_change", args=[report.piece.pk])
            )
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Import a piece",
        "opts": Review._meta,
        "form": form,
        "adminform": admin.helpers.AdminForm(
            form, [(None, {"fields": list(form.fields)})], {}
        ),
    }
    return TemplateResponse(request, "admin/reviews/review/import.html", context)

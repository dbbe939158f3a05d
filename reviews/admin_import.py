"""The "Import a piece" page of the admin: a file or pasted text becomes a draft."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from films.models import Film
from reviews.importing import ImportRefused, import_piece
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
        try:
            report = import_piece(
                upload.read() if upload else form.cleaned_data["text"].encode(),
                headline=form.cleaned_data["headline"],
                filename=upload.name if upload else "",
                film_slug=form.cleaned_data["film"].slug
                if form.cleaned_data["film"]
                else "",
                author=form.cleaned_data["author"],
                kind=form.cleaned_data["kind"],
                topics=form.cleaned_data["topics"].split(","),
                by=request.user,
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

"""Pages of the desk that are not a model's admin: My settings, Add a contributor,
View on site."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.auth import views as auth_views
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy

from desk.contributors import add_contributor as create_contributor
from desk.contributors import set_password_path
from desk.forms import ContributorForm, UserSettingsForm
from desk.models import UserSettings


def _admin_form_page(site, request, form, title, template):
    context = {
        **site.each_context(request),
        "title": title,
        "form": form,
        "adminform": helpers.AdminForm(
            form, [(None, {"fields": list(form.fields)})], {}
        ),
    }
    return TemplateResponse(request, template, context)


def my_settings(site, request):
    stored, _ = UserSettings.objects.get_or_create(user=request.user)
    form = UserSettingsForm(request.POST or None, instance=stored)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("admin:my_settings")
    return _admin_form_page(
        site, request, form, "My settings", "admin/desk/my_settings.html"
    )


def add_contributor(site, request):
    if not request.user.has_perms(["auth.add_user", "people.change_person"]):
        raise PermissionDenied
    form = ContributorForm(request.POST or None, admin_site=site)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = create_contributor(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            group=data["group"],
            person=data["person"],
            name=data["name"],
        )
        done = f"Added {user.person} as {user.username} in {data['group']}."
        if not data["password1"]:
            link = request.build_absolute_uri(set_password_path(user))
            send_mail(
                f"Your account on {site.site_header}",
                f"{request.user} added you to {site.site_header} as "
                f"{user.username}.\n\nChoose your password here (the link works "
                f"once):\n{link}\n",
                None,
                [user.email],
            )
            done += f" A link to choose a password went to {user.email}."
        messages.success(request, done)
        return redirect("admin:auth_user_change", user.pk)
    return _admin_form_page(
        site, request, form, "Add a contributor", "admin/desk/contributor_add.html"
    )


def view_on_site(site, request, content_type_id, object_id):
    """The admin's "View on site", for objects the user may open at the desk only:
    Django's own shortcut follows any id, and an address can name a draft."""
    # Only the content type's plain spelling: int() also takes " 24", "+24", "٢٤".
    if not (content_type_id.isascii() and content_type_id.isdigit()):
        raise Http404("Nothing here to view on the site.")
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    model_admin = site.is_registered(model) and site.get_model_admin(model)
    obj = model_admin and model_admin.get_object(request, object_id)
    if not obj or not model_admin.has_view_permission(request, obj):
        raise Http404("Nothing here to view on the site.")
    return shortcut(request, content_type_id, obj.pk)


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """A new contributor's first password, through the link they were sent."""

    success_url = reverse_lazy("admin:login")
    extra_context = {"title": "Choose your password"}

    def form_valid(self, form):
        messages.success(self.request, "Your password is set: log in with it.")
        return super().form_valid(form)

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Writers draft pieces and submit them; Editors do everything, publishing included.
WRITER_PERMISSIONS = [
    ("reviews", "add_review"),
    ("reviews", "change_review"),
    ("reviews", "view_review"),
    ("reviews", "view_topic"),
    # Bylines and corrections are edited inline on the writer's own pieces.
    *(
        ("reviews", f"{action}_{model}")
        for model in ("byline", "correction")
        for action in ("add", "change", "delete", "view")
    ),
    ("people", "view_person"),
    ("people", "view_organisation"),
    ("films", "view_film"),
]
# Editors also unlock logins that django-axes has locked.
EDITOR_APPS = ["people", "films", "reviews", "reversion", "axes"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    writers, _ = Group.objects.get_or_create(name="Writers")
    writers.permissions.set(
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in WRITER_PERMISSIONS
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label__in=EDITOR_APPS)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Writers", "Editors"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("people", "0001_initial"),
        ("films", "0001_initial"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

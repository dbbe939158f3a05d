import uuid

from django.db import migrations, models


def draw_keys(apps, schema_editor):
    # AddField gives every existing row the same default; each piece needs its own.
    Review = apps.get_model("reviews", "Review")
    for review in Review.objects.only("pk"):
        Review.objects.filter(pk=review.pk).update(preview_key=uuid.uuid4())


def add_audit_to_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("audit")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="audit")
        )


def remove_audit_from_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="audit")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0003_postgresql_search"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="preview_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.RunPython(draw_keys, migrations.RunPython.noop),
        # Editors read the audit log.
        migrations.RunPython(add_audit_to_editors, remove_audit_from_editors),
    ]

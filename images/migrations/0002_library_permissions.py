from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_the_desk_use_the_library(apps, schema_editor):
    """Writers upload and describe images; editors also delete them."""
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("images")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    library = Permission.objects.filter(
        content_type__app_label="images", content_type__model="libraryimage"
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*library)
    for group in Group.objects.filter(name="Writers"):
        group.permissions.add(*library.exclude(codename="delete_libraryimage"))


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_library_image"),
        ("reviews", "0002_writer_and_editor_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(let_the_desk_use_the_library, migrations.RunPython.noop)
    ]

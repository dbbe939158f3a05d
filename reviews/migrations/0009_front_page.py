"""The front page: editors place pieces on the home page in an order of their
own, in place of a piece's "featured" box. Featured pieces keep their place,
newest first; going back, placed pieces are featured again. The box goes in
the next migration: until then the database fills it for code that no longer
knows it."""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def place_featured_pieces(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    FrontPagePlace = apps.get_model("reviews", "FrontPagePlace")
    featured = Review.objects.filter(featured=True).order_by("-publish_at", "-pk")
    FrontPagePlace.objects.bulk_create(
        FrontPagePlace(piece=piece, position=position)
        for position, piece in enumerate(featured, start=1)
    )


def feature_placed_pieces(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    Review.objects.filter(front_page_place__isnull=False).update(featured=True)


def let_editors_arrange_it(apps, schema_editor):
    """Editors arrange the front page; writers see it."""
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("reviews")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    places = Permission.objects.filter(
        content_type__app_label="reviews", content_type__model="frontpageplace"
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*places)
    for group in Group.objects.filter(name="Writers"):
        group.permissions.add(*places.filter(codename="view_frontpageplace"))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_slug_taken_message"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="FrontPagePlace",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=1,
                        help_text="1 leads the home page; the others follow in order.",
                    ),
                ),
                (
                    "piece",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="front_page_place",
                        to="reviews.review",
                    ),
                ),
            ],
            options={
                "verbose_name": "place on the front page",
                "verbose_name_plural": "places on the front page",
                "ordering": ["position", "pk"],
            },
        ),
        migrations.RunPython(place_featured_pieces, feature_placed_pieces),
        migrations.RunPython(let_editors_arrange_it, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="review",
            name="featured",
            field=models.BooleanField(
                default=False,
                db_default=False,
                help_text="Shown first on the home page.",
            ),
        ),
    ]

"""Moderatoren manage the promoted search results (search/promotions.py). A promotion
shows at once, without moderation, so, like publishing, it is theirs and not
Communicatie's (see 0003)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOREN = "Moderatoren"
CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    moderators, _ = Group.objects.get_or_create(name=MODERATOREN)
    moderators.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    for group in Group.objects.filter(name=MODERATOREN):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_featured_item_show_until"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

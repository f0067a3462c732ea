"""Who handles pitches: the Moderatoren group reviews them and sees the founders' contact
details; the Communicatie group (communications staff) may read pitches, without the
contact details. Groups are made here when they do not exist yet (see pages 0003)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Moderatoren": ["view_pitch", "change_pitch", "view_pitch_contact"],
    "Communicatie": ["view_pitch"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    for name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for codename in codenames:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label="initiatives", content_type__model="pitch", codename=codename
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label="initiatives", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0007_pitches"),
        ("initiatives", "0005_moderatoren_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

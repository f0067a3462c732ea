# Subscriptions to updates move from the participation app to this one. Only Django's idea
# of the model moves: the table stays `participation_subscription` with its rows (and the
# feedback e-mails' foreign key to it, participation 0003).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the content type (and with it the permissions) of the model that moved."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="notifications", model="subscription").exists():
        ContentType.objects.using(db).filter(app_label="participation", model="subscription").update(
            app_label="notifications"
        )


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="participation", model="subscription").exists():
        ContentType.objects.using(db).filter(app_label="notifications", model="subscription").update(
            app_label="participation"
        )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("participation", "0002_feedback_loop"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Subscription",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mail address")),
                        ("language", models.CharField(max_length=10, verbose_name="language")),
                        ("page_key", models.UUIDField(db_index=True, help_text="The translation key of the page.", verbose_name="about")),
                        ("source", models.CharField(choices=[("signup", "Sign-up for an event"), ("pitch", "Pitch")], max_length=20, verbose_name="source")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                        ("page", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.WAGTAIL_PAGE_MODEL, verbose_name="page")),
                    ],
                    options={
                        "verbose_name": "subscription to updates",
                        "verbose_name_plural": "subscriptions to updates",
                        "db_table": "participation_subscription",
                        "constraints": [models.UniqueConstraint(fields=("email", "page_key"), name="one_subscription_per_page")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]

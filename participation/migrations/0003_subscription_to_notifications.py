# Subscriptions to updates moved to the notifications app (its 0001): the feedback e-mails'
# foreign key now names notifications.Subscription, and participation forgets the model.
# The table, its rows and the database's foreign key stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("participation", "0002_feedback_loop"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="feedbackemail",
                    name="subscription",
                    field=models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="emails",
                        to="notifications.subscription",
                        verbose_name="subscription",
                    ),
                ),
                migrations.DeleteModel(name="Subscription"),
            ],
            database_operations=[],
        ),
    ]

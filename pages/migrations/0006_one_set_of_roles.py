"""One set of roles: Wagtail's own "Editors" and "Moderators" groups (and its "Moderators
approval" workflow) stand beside Communicatie and Moderatoren (0003) and confuse whoever
gives a colleague access. Remove them, unless someone already uses them: a group that
holds users, or a workflow that pages follow or that has moderation under way, is left
alone (an administrator then moves people over and deletes it in the admin)."""

from django.db import migrations

WAGTAIL_GROUPS = ("Editors", "Moderators")
WAGTAIL_WORKFLOW = "Moderators approval"


def remove_wagtail_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Workflow = apps.get_model("wagtailcore", "Workflow")  # noqa: N806
    Task = apps.get_model("wagtailcore", "Task")  # noqa: N806
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")  # noqa: N806
    for workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW):
        in_use = (
            workflow.workflow_pages.exists()
            or workflow.workflow_content_types.exists()
            or WorkflowState.objects.filter(workflow=workflow).exists()
        )
        if not in_use:
            task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
            workflow.delete()
            Task.objects.filter(pk__in=task_ids, workflow_tasks__isnull=True, name=WAGTAIL_WORKFLOW).delete()
    Group.objects.filter(name__in=WAGTAIL_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_search_promotion_permissions"),
        ("wagtailcore", "0083_workflowcontenttype"),
    ]

    operations = [migrations.RunPython(remove_wagtail_roles, migrations.RunPython.noop)]

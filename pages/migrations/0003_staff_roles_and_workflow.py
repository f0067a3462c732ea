"""Staff roles and the moderation workflow.

- "Communicatie": communications staff create and edit pages, themes and neighbourhoods,
  images and documents, submit pages for moderation and translations, but publish
  nothing and see no personal data (sign-ups, subscriptions).
- "Moderatoren" (made by initiatives 0005 with the sign-up permissions): also approve
  and publish pages.
- The workflow "Redactie en moderatie" (one task: approval by Moderatoren) on the root
  page, so on every page of every language: an editor submits, a moderator approves
  (publishes) or asks for changes with a comment.

The permissions are named once, here; tests/staff/test_roles.py walks every role through
every admin address.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATIE = "Communicatie"
MODERATOREN = "Moderatoren"
WORKFLOW = "Redactie en moderatie"
TASK = "Goedkeuring door Moderatoren"

# (app label, model, codename) of Django permissions.
SHARED_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("pages", "theme", "add_theme"),
    ("pages", "theme", "change_theme"),
    ("pages", "neighbourhood", "add_neighbourhood"),
    ("pages", "neighbourhood", "change_neighbourhood"),
]
# Page permissions on the root page (and so on every page below it).
PAGE_PERMISSIONS = {
    COMMUNICATIE: ["add_page", "change_page", "lock_page"],
    MODERATOREN: ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
}
# Collection permissions on the root collection, for both groups.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]


def _permission(Permission, app_label, model, codename):  # noqa: N803
    return Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are made after migrations; make them now so the groups can have them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    Collection = apps.get_model("wagtailcore", "Collection")  # noqa: N806
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")  # noqa: N806
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")  # noqa: N806
    Workflow = apps.get_model("wagtailcore", "Workflow")  # noqa: N806
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")  # noqa: N806
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")  # noqa: N806
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")  # noqa: N806

    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (COMMUNICATIE, MODERATOREN)}
    for name, group in groups.items():
        for app_label, model, codename in SHARED_PERMISSIONS:
            group.permissions.add(_permission(Permission, app_label, model, codename))
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(Permission, "wagtailcore", "page", codename)
            )
        for app_label, model, codename in COLLECTION_PERMISSIONS:
            # Per collection only: an older Wagtail migration may have given some groups
            # the same permission site-wide.
            group.permissions.remove(_permission(Permission, app_label, model, codename))
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(Permission, app_label, model, codename),
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(name=TASK, defaults={"content_type": task_type, "active": True})
    task.groups.set([groups[MODERATOREN]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The root page's workflow applies to every page below it that has none of its own.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Workflow = apps.get_model("wagtailcore", "Workflow")  # noqa: N806
    Task = apps.get_model("wagtailcore", "Task")  # noqa: N806
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")  # noqa: N806
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")  # noqa: N806
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    Workflow.objects.filter(name=WORKFLOW).delete()
    # Give the root page back Wagtail's own workflow, when it is still there.
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        WorkflowPage.objects.get_or_create(page=Page.objects.get(depth=1), defaults={"workflow": default})
    Task.objects.filter(name=TASK).delete()
    GroupPagePermission.objects.filter(group__name=MODERATOREN).delete()
    GroupCollectionPermission.objects.filter(group__name=MODERATOREN).delete()
    Group.objects.filter(name=COMMUNICATIE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_page_listing_index"),
        ("initiatives", "0005_moderatoren_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

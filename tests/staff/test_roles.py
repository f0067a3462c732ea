"""Who may do what in the admin: the permissions the data migrations give each group,
then every admin address that matters walked by every role."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from initiatives import signups
from initiatives.models import SignUp
from tests.staff.conftest import edit_form_data

ROLES = ["editor", "moderator", "superuser", "anonymous"]


def codenames(group):
    return set(group.permissions.values_list("codename", flat=True))


def page_codenames(group):
    root = Page.get_first_root_node()
    return set(
        GroupPagePermission.objects.filter(group=group, page=root).values_list("permission__codename", flat=True)
    )


@pytest.mark.django_db
def test_the_groups_have_exactly_their_permissions():
    editors, moderators = Group.objects.get(name="Communicatie"), Group.objects.get(name="Moderatoren")
    shared = {
        "access_admin",
        "submit_translation",
        "add_theme",
        "change_theme",
        "add_neighbourhood",
        "change_neighbourhood",
    }
    # Pitches are handled by initiatives 0008: editors read them, moderators also see contacts.
    pitches = {"view_pitch", "change_pitch", "view_pitch_contact"}
    assert codenames(editors) - pitches == shared
    promotions = {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}  # pages 0005
    assert codenames(moderators) - pitches == shared | {"view_signup", "change_signup"} | promotions
    assert "view_pitch_contact" not in codenames(editors)
    assert page_codenames(editors) == {"add_page", "change_page", "lock_page"}
    assert page_codenames(moderators) == {"add_page", "change_page", "lock_page", "publish_page", "unlock_page"}
    for group in (editors, moderators):
        assert set(group.collection_permissions.values_list("permission__codename", flat=True)) == {
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        }


@pytest.mark.django_db
def test_editors_never_hold_personal_data_permissions(editor):
    for permission in ["initiatives.view_signup", "initiatives.change_signup", "participation.view_subscription"]:
        assert not editor.has_perm(permission)


def outcome(response):
    """'ok', 'login' (sent to log in) or 'denied' (403, or Wagtail's redirect to the dashboard)."""
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]:
        return "login"
    assert response.status_code in (302, 403), response.status_code
    return "denied"


OK_STAFF = {"editor": "ok", "moderator": "ok", "superuser": "ok", "anonymous": "login"}
MODERATORS = {"editor": "denied", "moderator": "ok", "superuser": "ok", "anonymous": "login"}
SUPERUSER = {"editor": "denied", "moderator": "denied", "superuser": "ok", "anonymous": "login"}

# (id, address builder, who gets what)
ADDRESSES = [
    ("dashboard", lambda p: reverse("wagtailadmin_home"), OK_STAFF),
    ("page explorer", lambda p: reverse("wagtailadmin_explore", args=[p["initiative"].get_parent().pk]), OK_STAFF),
    ("page edit", lambda p: reverse("wagtailadmin_pages:edit", args=[p["initiative"].pk]), OK_STAFF),
    (
        "add a page",
        lambda p: reverse("wagtailadmin_pages:add_subpage", args=[p["initiative"].get_parent().pk]),
        OK_STAFF,
    ),
    ("page history", lambda p: reverse("wagtailadmin_pages:history", args=[p["initiative"].pk]), OK_STAFF),
    ("themes", lambda p: reverse("wagtailsnippets_pages_theme:list"), OK_STAFF),
    ("add a theme", lambda p: reverse("wagtailsnippets_pages_theme:add"), OK_STAFF),
    ("neighbourhoods", lambda p: reverse("wagtailsnippets_pages_neighbourhood:list"), OK_STAFF),
    ("images", lambda p: reverse("wagtailimages:index"), OK_STAFF),
    ("report: events", lambda p: reverse("staff_reports_events"), OK_STAFF),
    ("report: inclusion", lambda p: reverse("staff_reports_inclusion"), OK_STAFF),
    ("report: feedback debt", lambda p: reverse("staff_reports_feedback_debt"), OK_STAFF),
    ("report: events CSV", lambda p: reverse("staff_reports_events") + "?export=csv", OK_STAFF),
    ("pitches", lambda p: reverse("pitches:index"), OK_STAFF),  # editors read them without contacts
    ("report: pitches waiting", lambda p: reverse("staff_reports_pitches"), OK_STAFF),
    ("sign-ups", lambda p: reverse("signups:index"), MODERATORS),
    ("sign-ups CSV", lambda p: reverse("signups:index") + "?export=csv", MODERATORS),
    ("sign-ups per event", lambda p: reverse("signups_events"), MODERATORS),
    ("sign-ups of an event", lambda p: reverse("signups_event", args=[p["event"].pk]), MODERATORS),
    ("check-in list", lambda p: reverse("signups_check_in", args=[p["event"].pk]), MODERATORS),
    ("personal data", lambda p: reverse("signups_personal_data"), MODERATORS),
    ("promoted search results", lambda p: reverse("wagtailsearchpromotions:index"), MODERATORS),
    ("add a promoted search result", lambda p: reverse("wagtailsearchpromotions:add"), MODERATORS),
    ("users", lambda p: reverse("wagtailusers_users:index"), SUPERUSER),
    ("groups", lambda p: reverse("wagtailusers_groups:index"), SUPERUSER),
    ("workflows", lambda p: reverse("wagtailadmin_workflows:index"), SUPERUSER),
    ("sites", lambda p: reverse("wagtailsites:index"), SUPERUSER),
]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_admin_pages(as_role, published_pages, role):
    client = as_role(role)
    reached = {name: outcome(client.get(address(published_pages))) for name, address, _expected in ADDRESSES}
    assert reached == {name: expected[role] for name, _address, expected in ADDRESSES}


@pytest.fixture
def signup(event_page):
    return signups.sign_up(event_page, name="Fatima", email="fatima@example.org", seats=1, language="nl").signup


POSTS = [
    ("cancel a sign-up", lambda p, s: reverse("signups_cancel", args=[p["event"].pk, s.pk]), {}),
    ("close registration", lambda p, s: reverse("signups_close", args=[p["event"].pk]), {}),
    ("download personal data", lambda p, s: reverse("signups_personal_data"), {"email": "fatima@example.org"}),
    (
        "erase personal data",
        lambda p, s: reverse("signups_personal_data"),
        {"email": "fatima@example.org", "action": "erase", "confirm": "yes"},
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("address", "data"), [(a, d) for _i, a, d in POSTS], ids=[i for i, _a, _d in POSTS])
def test_only_moderators_act_on_personal_data(as_role, published_pages, signup, role, address, data):
    client = as_role(role)
    response = client.post(address(published_pages, signup), data)
    signup.refresh_from_db()
    if role in ("moderator", "superuser"):
        assert response.status_code in (200, 302)
        assert response.status_code == 302 or response["Content-Disposition"].startswith("attachment")
    else:
        assert outcome(response) == ("login" if role == "anonymous" else "denied")
        assert signup.status == SignUp.Status.CONFIRMED and signup.name == "Fatima"


@pytest.mark.parametrize(("role", "publishes"), [("editor", False), ("moderator", True), ("superuser", True)])
def test_only_moderators_publish(as_role, published_pages, role, publishes):
    page = published_pages["initiative"]
    client = as_role(role)
    data = edit_form_data(client, page)
    data["title"] = "Buurtmoestuin De Linde (nieuw)"
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    page.refresh_from_db()
    assert (page.title == "Buurtmoestuin De Linde (nieuw)") is publishes
    # The editor's change is kept as a draft, not lost.
    assert page.get_latest_revision_as_object().title == "Buurtmoestuin De Linde (nieuw)"


@pytest.mark.django_db
def test_one_set_of_roles_without_wagtails_defaults():
    from wagtail.models import Task, Workflow

    assert set(Group.objects.values_list("name", flat=True)) == {"Communicatie", "Moderatoren"}
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Redactie en moderatie"]
    assert list(Task.objects.values_list("name", flat=True)) == ["Goedkeuring door Moderatoren"]


@pytest.mark.django_db
def test_wagtails_groups_in_use_are_left_alone(django_user_model):
    from importlib import import_module

    from django.apps import apps

    removal = import_module("pages.migrations.0006_one_set_of_roles")
    used = Group.objects.create(name="Editors")
    django_user_model.objects.create_user("colleague").groups.add(used)
    Group.objects.create(name="Moderators")
    removal.remove_wagtail_roles(apps, None)
    assert set(Group.objects.values_list("name", flat=True)) == {"Communicatie", "Moderatoren", "Editors"}

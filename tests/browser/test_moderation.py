"""The moderation workflow in a real browser: an editor of the Communicatie group logs in
to the admin, edits an initiative and submits it; a moderator approves it; the change is
live, and the public page is axe-clean."""

import json
import re
import uuid

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "browser-wachtwoord-123"  # noqa: S105 - a throwaway account on a throwaway server

MAKE_STAFF = """
from django.contrib.auth.models import Group, User
for name, group in [("{editor}", "Communicatie"), ("{moderator}", "Moderatoren")]:
    user = User.objects.create_user(name, password="{password}", email=name + "@gemeente.example")
    user.groups.add(Group.objects.get(name=group))
"""

AN_INITIATIVE = """
import json
from initiatives.models import InitiativePage
# The newest initiative: the other browser tests look for the first ones by name.
page = InitiativePage.objects.live().filter(locale__language_code="nl").order_by("-pk").first()
print(json.dumps({"id": page.pk, "title": page.title, "path": page.url}))
"""


@pytest.fixture
def staff(server):
    suffix = uuid.uuid4().hex[:6]
    names = {"editor": f"redacteur-{suffix}", "moderator": f"moderator-{suffix}"}
    server.manage("shell", "-c", MAKE_STAFF.format(password=PASSWORD, **names))
    return names


def log_in(page, visit, username):
    visit(page, "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url


def log_out(page):
    page.context.clear_cookies()


def footer_action(page, name):
    """A button of the edit page's action menu, opening the menu when it is folded away."""
    button = page.locator("footer").get_by_role("button", name=name)
    if not button.first.is_visible():
        page.locator("footer").get_by_role("button", name="Meer acties").click()
    return button.first


def test_editor_submits_moderator_approves_page_is_live(page, visit, check_page, server, staff):
    initiative = json.loads(server.manage("shell", "-c", AN_INITIATIVE).strip().splitlines()[-1])
    new_title = f"{initiative['title']} – bijgewerkt {uuid.uuid4().hex[:4]}"

    # The editor changes the title and submits the page for moderation.
    log_in(page, visit, staff["editor"])
    visit(page, f"/admin/pages/{initiative['id']}/edit/")
    assert page.locator("footer").get_by_role("button", name=re.compile("Publiceren")).count() == 0
    page.locator("#id_title").fill(new_title)
    with page.expect_navigation():
        footer_action(page, re.compile("Redactie en moderatie")).click()
    assert page.locator(".messages").get_by_text(re.compile("ingediend|doorgestuurd|Redactie")).count()
    log_out(page)

    # Not public yet.
    visit(page, initiative["path"])
    assert page.locator("h1").inner_text() == initiative["title"]

    # The moderator approves it from the edit page.
    log_in(page, visit, staff["moderator"])
    visit(page, "/admin/")
    assert page.get_by_text(new_title).count() >= 1  # under "awaiting your review"
    visit(page, f"/admin/pages/{initiative['id']}/edit/")
    with page.expect_navigation():
        footer_action(page, re.compile("^Goedkeuren en publiceren$")).click()
    log_out(page)

    # Live, for everyone, and accessible.
    visit(page, initiative["path"])
    assert check_page(page) == new_title
    assert page.get_by_role("heading", name="Wat er wanneer gebeurde").count() == 1

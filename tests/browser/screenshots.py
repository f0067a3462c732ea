"""Screenshots of what residents and staff see, at 1280 and 375 px, for anyone to look at:
`make screenshots` writes them to var/screenshots/ (not run in CI: the file name keeps
pytest from collecting it unless asked).

Each page is also checked as every browser test checks a page (`check_page`: language,
one h1, no third-party requests, no console errors, axe-core), so a screenshot is never
of a broken page."""

import json
import os
import re
import uuid
from pathlib import Path

import pytest

from tests.browser.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

OUT = Path(os.environ.get("SCREENSHOTS_DIR", PROJECT_ROOT / "var" / "screenshots"))
WIDTHS = {"desktop": 1280, "phone": 375}
PASSWORD = "screenshots-wachtwoord-123"  # noqa: S105 - a throwaway account on a throwaway server

ADDRESSES = """
import json
from django.urls import reverse
from django.utils import translation
from initiatives.models import InitiativePage, PitchEventPage, PitchSubmissionPage
from participation.models import ParticipationProjectPage, PolicyFeedbackStoryPage
from pages.models import Theme

def first(model):
    return model.objects.live().filter(locale__language_code="nl").order_by("path").first()

events = PitchEventPage.objects.live().filter(locale__language_code="nl")
event = next(e for e in events if e.registration_state == "open")
initiative = first(InitiativePage)
theme = Theme.objects.filter(locale__language_code="nl").order_by("name").first()
with translation.override("nl"):
    theme_url = reverse("theme", args=[theme.slug])
print(json.dumps({
    "initiative": initiative.url,
    "overview": initiative.get_parent().url + "?theme=" + theme.slug,
    "event": event.url,
    "pitch_form": first(PitchSubmissionPage).url,
    "project": first(ParticipationProjectPage).url,
    "story": first(PolicyFeedbackStoryPage).url,
    "theme": theme_url,
}))
"""


@pytest.fixture(scope="module")
def addresses(server):
    return json.loads(server.manage("shell", "-c", ADDRESSES).strip().splitlines()[-1])


def shoot(page, name, check_page, lang="nl"):
    check_page(page, lang)
    OUT.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=OUT / f"{name}-{label}-{width}.png", full_page=True)
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("home", "/nl/"),
        ("overview-with-filters", "overview"),
        ("initiative", "initiative"),
        ("event", "event"),
        ("search", "/nl/zoeken/?q=buurt"),
        ("project", "project"),
        ("story", "story"),
        ("theme", "theme"),
    ],
)
def test_screenshot(page, visit, check_page, addresses, name, where):
    visit(page, addresses.get(where, where))
    shoot(page, name, check_page)


def test_screenshot_event_after_sign_up(page, visit, check_page, addresses):
    visit(page, addresses["event"])
    form = page.locator("form.signup-form")
    form.get_by_label("Je naam").fill("Sanne de Vries")
    form.get_by_label("Je e-mailadres").fill(f"sanne-{uuid.uuid4().hex[:6]}@example.org")
    consent = form.get_by_role("checkbox", name=re.compile("bewaart"))
    if consent.count():
        consent.check()
    with page.expect_navigation():
        form.get_by_role("button", name=re.compile("Aanmelden")).click()
    shoot(page, "event-signed-up", check_page)


def test_screenshot_pitch_form_with_errors(page, visit, check_page, addresses):
    visit(page, addresses["pitch_form"])
    with page.expect_navigation():
        page.locator("form.pitch-form").get_by_role("button", name="Mijn pitch versturen").click()
    assert page.locator(".error-summary").count()
    shoot(page, "pitch-form-errors", check_page)


def test_screenshot_admin_dashboard(page, visit, server):
    username = f"beheer-{uuid.uuid4().hex[:6]}"
    server.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User\n"
        f"u = User.objects.create_user('{username}', password='{PASSWORD}', email='{username}@gemeente.example')\n"
        "u.groups.add(Group.objects.get(name='Communicatie'))",
    )
    visit(page, "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url
    OUT.mkdir(parents=True, exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=OUT / f"admin-dashboard-{label}-{width}.png", full_page=True)

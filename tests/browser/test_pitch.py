"""A founder pitches an initiative in a real browser, with an image: a mistake first (the
error state), then the thank-you page, then the status page from the link in the e-mail.
A moderator logs in to the Wagtail admin and accepts the pitch, after which the draft
initiative exists and the founder's status page says so. axe-core checks the public states."""

import re
import uuid

import pytest
from PIL import Image

from tests.browser.test_signup import sent_mails, text_of_mail

pytestmark = pytest.mark.browser

FORM_PATH = "/nl/initiatieven/pitch-je-initiatief/"


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "veldje.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"
    Image.new("RGB", (320, 240), (90, 160, 70)).save(path, format="JPEG", exif=exif.tobytes())
    return path


@pytest.fixture
def moderator(server):
    name = f"moderator-{uuid.uuid4().hex[:6]}"
    password = uuid.uuid4().hex
    server.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User; "
        f"u = User.objects.create_user({name!r}, {name + '@gemeente.example'!r}, {password!r}); "
        "u.groups.add(Group.objects.get(name='Moderatoren'))",
    )
    return name, password


def fill_pitch(form, name, email):
    form.get_by_label("Naam van je initiatief").fill(name)
    form.get_by_label("Je initiatief in één zin").fill("Een moestuin voor de buren van de Vlinderstraat.")
    form.get_by_label("Vertel er meer over").fill(
        "We willen het lege veldje aan de Vlinderstraat een moestuin maken. Twintig buren doen al mee."
    )
    form.get_by_label("Het is een idee").check()
    form.get_by_label("Vrijwilligers").check()
    form.get_by_label("Je naam").fill("Sanne de Vries")
    form.get_by_label("Je e-mailadres").fill(email)


def test_a_founder_pitches_and_a_moderator_accepts(page, visit, check_page, server, photo, moderator):
    name = f"Buurttuin Vlinder {uuid.uuid4().hex[:4]}"
    address = f"pitch-{uuid.uuid4().hex[:8]}@example.org"
    visit(page, FORM_PATH)
    check_page(page)

    form = page.locator("form.pitch-form")
    fill_pitch(form, name, "sanne-at-example")
    form.get_by_label(re.compile("foto of afbeelding")).set_input_files(str(photo))
    with page.expect_navigation():
        form.get_by_role("button", name="Mijn pitch versturen").click()
    summary = page.get_by_role("alert")
    assert "e-mailadres" in summary.inner_text() and "toestemming" in summary.inner_text()
    assert "Kies je afbeelding opnieuw" in summary.inner_text()
    # What was typed is kept; the summary links to the field.
    assert page.get_by_label("Naam van je initiatief").input_value() == name
    summary.get_by_role("link", name=re.compile("Je e-mailadres")).click()
    assert page.evaluate("document.activeElement.name") == "email"
    check_page(page)

    form = page.locator("form.pitch-form")
    form.get_by_label("Je e-mailadres").fill(address)
    form.get_by_label(re.compile("foto of afbeelding")).set_input_files(str(photo))
    form.get_by_label(re.compile("Ik vind het goed")).check()
    with page.expect_navigation():
        form.get_by_role("button", name="Mijn pitch versturen").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Dank je voor je pitch"
    check_page(page)

    [mail] = [m for m in sent_mails(server.mail_dir, lambda m: m["To"] == address) if m["To"] == address]
    assert name in mail["Subject"]
    link = next(line.strip() for line in text_of_mail(mail).splitlines() if "/status/" in line)
    assert link.startswith(server.url + "/nl/")
    visit(page, link)
    assert "Ontvangen" in page.get_by_role("main").inner_text()
    check_page(page)

    # The moderator accepts the pitch in the Wagtail admin.
    user, password = moderator
    visit(page, "/admin/login/")
    page.locator("input[name=username]").fill(user)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    visit(page, "/admin/pitches/")
    with page.expect_navigation():
        page.get_by_role("link", name=name).click()
    main = page.get_by_role("main")
    assert address in main.inner_text() and "Sanne de Vries" in main.inner_text()
    assert page.locator("img.pitch-image").evaluate("img => img.naturalWidth") == 320
    with page.expect_navigation():
        page.get_by_role("button", name="Accepteren en concept-initiatief maken").click()
    assert "concept" in page.get_by_role("status").first.inner_text().lower() or "Geaccepteerd" in main.inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Concept bewerken").click()
    assert page.locator("#id_title").input_value() == name
    assert page.locator("#id_summary").input_value().startswith("Een moestuin")

    # The draft is not public, and the founder sees the decision.
    response = page.goto(server.url + "/nl/initiatieven/" + name.lower().replace(" ", "-") + "/")
    assert response.status == 404
    visit(page, link)
    assert "Geaccepteerd" in page.get_by_role("main").inner_text()
    check_page(page)

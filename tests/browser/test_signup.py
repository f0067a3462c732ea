"""A resident signs up for a pitch event in a real browser: a mistake first (the error
state), then the confirmation, then the personal link from the e-mail the server sent, and
cancelling there. Every state is checked with axe-core."""

import email
import re
import time
import uuid
from email import policy

import pytest

from tests.browser.test_public_pages import OVERVIEWS, follow, main_menu, open_home

pytestmark = pytest.mark.browser

SEPARATOR = "-" * 79  # how Django's file-based e-mail backend separates messages


def sent_mails(mail_dir, wanted=None, timeout=15):
    """Every e-mail the server wrote to `mail_dir`, parsed; with `wanted` (a test of one
    message), once one it sends is there: the worker sends them a moment after the click."""
    deadline = time.monotonic() + timeout
    while True:
        messages = _read_mails(mail_dir)
        if wanted is None or any(map(wanted, messages)) or time.monotonic() > deadline:
            return messages
        time.sleep(0.2)


def _read_mails(mail_dir):
    messages = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_bytes().split(SEPARATOR.encode()):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip() + b"\n", policy=policy.default))
    return messages


def text_of_mail(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def open_an_event_with_registration(page, visit):
    open_home(page, visit)
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS["pitch event"], exact=True))
    links = page.get_by_role("main").get_by_role("article").get_by_role("link")
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        visit(page, href)
        if page.locator("form.signup-form").count():
            return
    pytest.fail("no event of the demo has an open registration")


def test_sign_up_then_cancel_with_the_personal_link(page, visit, check_page, server):
    address = f"browser-{uuid.uuid4().hex[:8]}@example.org"
    open_an_event_with_registration(page, visit)
    event_url = page.url
    check_page(page)

    form = page.locator("form.signup-form")
    form.get_by_label("Je naam").fill("Sanne de Vries")
    form.get_by_label("Je e-mailadres").fill("sanne-at-example")
    form.get_by_label("Aantal plaatsen").select_option("1")
    form.get_by_label("Ik kom kijken en luisteren").check()
    form.get_by_label(re.compile("Ik vind het goed")).check()
    with page.expect_navigation():
        form.get_by_role("button", name="Aanmelden").click()

    summary = page.get_by_role("alert")
    assert "Voer een geldig e-mailadres in." in summary.inner_text()
    assert page.get_by_label(re.compile("Je naam")).input_value() == "Sanne de Vries"
    check_page(page)
    summary.get_by_role("link", name=re.compile("Je e-mailadres")).click()
    assert page.evaluate("document.activeElement.name") == "email"

    page.get_by_label(re.compile("Je e-mailadres")).fill(address)
    page.get_by_label(re.compile("Ik vind het goed")).check()
    with page.expect_navigation():
        page.locator("form.signup-form").get_by_role("button", name="Aanmelden").click()
    assert "Je bent aangemeld: er is 1 plaats voor je gereserveerd." in page.get_by_role("main").inner_text()
    check_page(page)

    [confirmation] = [m for m in sent_mails(server.mail_dir, lambda m: m["To"] == address) if m["To"] == address]
    assert confirmation["Subject"].startswith("Je bent aangemeld voor")
    assert any(part.get_filename(failobj="").endswith(".ics") for part in confirmation.iter_attachments())
    link = re.search(r"https?://\S+/aanmelden/\S+/", text_of_mail(confirmation)).group()
    assert link.startswith(event_url)

    visit(page, link)
    assert "Bevestigd: 1 plaats" in page.get_by_role("main").inner_text()
    check_page(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Mijn aanmelding afzeggen").click()
    assert "Weet je het zeker?" in page.get_by_role("main").inner_text()  # a first click only asks
    check_page(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, zeg af").click()
    assert "Je aanmelding is afgezegd." in page.get_by_role("main").inner_text()
    check_page(page)
    cancelled = lambda m: m["To"] == address and "afgezegd" in m["Subject"]  # noqa: E731
    assert any(map(cancelled, sent_mails(server.mail_dir, cancelled)))

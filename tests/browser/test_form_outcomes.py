"""After sending a form, its outcome is the first thing seen and heard (issue 21): the focus
is on the answer (or on the error summary after a mistake) and the answer is in view, on a
phone and on a desktop. The event page reads what, when, where, programme, then seats and
signing up. Every state is checked with axe-core.

Wording changes with the translations; these tests assert structure (ids, roles, focus)."""

import uuid

import pytest

from tests.browser.test_pitch import FORM_PATH as PITCH_FORM_PATH
from tests.browser.test_signup import open_an_event_with_registration

pytestmark = pytest.mark.browser

VIEWPORTS = [{"width": 375, "height": 740}, {"width": 1280, "height": 900}]
INITIATIVES_PATH = "/nl/initiatieven/"

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    return {
        id: el.id,
        classes: el.className,
        role: el.getAttribute("role"),
        top: box.top,
        bottom: box.bottom,
        height: window.innerHeight,
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


SETTLED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
}"""


def assert_focused_in_view(page, element_id=None, css_class=None):
    # The page settles once loaded: the browser scrolls to the address's fragment, then
    # js/outcome.js focuses the outcome again. Give it a moment, then look.
    try:
        page.wait_for_function(SETTLED, timeout=3000)
    except Exception:  # noqa: BLE001, S110 - the assertions below say what is wrong
        pass
    now = focused(page)
    assert now is not None, f"{page.url}: the focus stayed on the body"
    if element_id:
        assert now["id"] == element_id, f"{page.url}: focus is on {now}, not #{element_id}"
    if css_class:
        assert css_class in now["classes"].split(), f"{page.url}: focus is on {now}, not .{css_class}"
    # Its top is on the screen (a long answer may run below the fold; it starts in view).
    assert 0 <= now["top"] < now["height"], f"{page.url}: the focused answer is out of view: {now}"
    return now


def fill_sign_up(form, name, address):
    form.get_by_label("Je naam").fill(name)
    form.get_by_label("Je e-mailadres").fill(address)
    form.get_by_label("Aantal plaatsen").select_option("1")
    form.get_by_label("Ik kom kijken en luisteren").check()
    form.locator("input[name=consent]").check()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone-375", "desktop-1280"])
def test_after_signing_up_the_answer_is_focused_and_in_view(page, visit, check_page, viewport):
    page.set_viewport_size(viewport)
    open_an_event_with_registration(page, visit)
    check_page(page)

    # A mistake first: the focus goes to the error summary.
    form = page.locator("form.signup-form")
    fill_sign_up(form, "Sanne de Vries", "sanne-at-example")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    summary = assert_focused_in_view(page, css_class="error-summary")
    assert summary["role"] == "alert"
    check_page(page)

    # Then the sign-up: the focus goes to the answer, in view.
    form = page.locator("form.signup-form")
    fill_sign_up(form, "Sanne de Vries", f"outcome-{uuid.uuid4().hex[:8]}@example.org")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    answer = assert_focused_in_view(page, element_id="signup-result")
    assert answer["role"] == "status"
    assert page.url.endswith("#registration")
    check_page(page)


def test_the_event_page_reads_in_the_order_a_resident_decides(page, visit, check_page):
    open_an_event_with_registration(page, visit)
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll("main section[aria-labelledby]"))
            .map((section) => section.getAttribute("aria-labelledby"))"""
    )
    wanted = [name for name in ["about-title", "practical-title", "programme-title", "registration-title"]]
    shown = [name for name in order if name in wanted]
    assert shown == [name for name in wanted if name in order] and shown[-1] == "registration-title", order
    programme = page.locator("#programme-title").inner_text().strip()
    same = page.locator("main h2, main h3").filter(has_text=programme)
    assert same.count() == 1, f"{page.url}: more than one heading '{programme}'"
    check_page(page)


def test_a_bad_pitch_puts_the_focus_on_the_error_summary(page, visit, check_page):
    page.set_viewport_size(VIEWPORTS[0])
    visit(page, PITCH_FORM_PATH)
    with page.expect_navigation():
        page.locator("form.pitch-form button[type=submit]").click()
    summary = assert_focused_in_view(page, css_class="error-summary")
    assert summary["role"] == "alert"
    check_page(page)


def open_an_initiative_with_a_contact_form(page, visit):
    visit(page, INITIATIVES_PATH)
    links = page.get_by_role("main").get_by_role("article").get_by_role("link")
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        visit(page, href)
        if page.locator("#contact form").count():
            return
    pytest.fail("no initiative of the demo has a contact form")


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone-375", "desktop-1280"])
def test_after_a_contact_message_the_answer_is_focused_and_in_view(page, visit, check_page, viewport):
    page.set_viewport_size(viewport)
    open_an_initiative_with_a_contact_form(page, visit)

    form = page.locator("#contact form")
    form.locator("textarea[name=message]").fill("Ik wil graag op zaterdag komen helpen in de tuin.")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert_focused_in_view(page, css_class="error-summary")
    check_page(page)

    form = page.locator("#contact form")
    form.locator("input[name=name]").fill("Sanne")
    form.locator("input[name=email]").fill(f"contact-{uuid.uuid4().hex[:8]}@example.org")
    form.locator("input[name=consent]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    answer = assert_focused_in_view(page, element_id="contact-outcome")
    assert answer["role"] == "status"
    check_page(page)

"""The site header's menu: on a phone a "Menu" button (a disclosure, js/menu.js) keeps the
header to one row; without JavaScript every link is still there; on a desktop the main
menu is one row of links, none of them wrapping inside."""

import pytest

pytestmark = pytest.mark.browser

HOME = "/nl/"
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
MAX_PHONE_HEADER = 100  # px: the name and the button, not five rows of links
MAX_TABS = 40

BUTTON = ".site-header [data-menu-button]"
# Everything the button opens: search, the languages and the main menu.
MENU_LINKS = ".site-header__tools a, .main-nav__link"

FOCUSED = "() => document.activeElement && document.activeElement.getAttribute('href')"

LINKS_ON_ONE_LINE = """
() => [...document.querySelectorAll(".main-nav__link")].map((link) => {
  const range = document.createRange();
  range.selectNodeContents(link);
  const text = range.getBoundingClientRect();
  return {
    text: link.textContent.trim(),
    top: Math.round(link.getBoundingClientRect().top),
    textHeight: text.height,
    lineHeight: parseFloat(getComputedStyle(link).lineHeight),
  };
})
"""


def _hrefs(page, selector):
    return page.eval_on_selector_all(selector, "(links) => links.map((link) => link.getAttribute('href'))")


def _tab_to_button(page):
    """Tab from the top of the page until the menu button has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-menu-button]')"):
            return
    pytest.fail(f"the menu button was not reached in {MAX_TABS} Tabs")


def _tab_through(page, wanted):
    """Press Tab until every href in `wanted` had the focus; returns the hrefs in order."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if set(wanted) <= set(seen):
            return seen
    missing = sorted(set(wanted) - set(seen))
    pytest.fail(f"not reached by Tab: {missing} (reached: {seen})")


def test_phone_header_is_one_row_with_a_closed_menu(page, visit, check_page):
    page.set_viewport_size(PHONE)
    visit(page, HOME)
    button = page.locator(BUTTON)
    assert button.is_visible(), "a phone shows a menu button"
    assert button.evaluate("(el) => el.tagName") == "BUTTON"
    assert button.get_attribute("aria-expanded") == "false", "the menu starts closed"
    controlled = button.get_attribute("aria-controls").split()
    assert controlled, "the button names what it opens"
    for panel_id in controlled:
        assert page.locator(f"#{panel_id}").count() == 1, f"aria-controls names #{panel_id}, which is missing"

    links = page.locator(MENU_LINKS)
    assert links.count() > 3
    for i in range(links.count()):
        assert not links.nth(i).is_visible(), "a closed menu hides its links (and so keeps them out of the Tab order)"

    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"the button is a small target: {box}"
    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= MAX_PHONE_HEADER, f"the header is {height} px high on a phone"
    check_page(page)


@pytest.mark.parametrize("key", ["Enter", "Space"], ids=str)
def test_phone_menu_opens_with_the_keyboard(page, visit, check_page, key):
    page.set_viewport_size(PHONE)
    visit(page, HOME)
    wanted = _hrefs(page, MENU_LINKS)

    _tab_to_button(page)
    page.keyboard.press(key)
    button = page.locator(BUTTON)
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => document.activeElement.matches('[data-menu-button]')"), "the focus stays on the button"
    for i in range(len(wanted)):
        assert page.locator(MENU_LINKS).nth(i).is_visible()
    check_page(page)  # axe with the menu open

    seen = _tab_through(page, wanted)
    assert seen[: len(wanted)] == wanted, "the links follow the button in the Tab order, in the page's order"
    for i in range(len(wanted)):
        link = page.locator(MENU_LINKS).nth(i).bounding_box()
        assert link["height"] >= 24 and link["width"] >= 24, f"{wanted[i]} is a small target: {link}"

    # Escape closes the menu and brings the focus back to the button.
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.matches('[data-menu-button]')")
    assert not page.locator(".main-nav__link").first.is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_without_javascript_every_link_is_reachable(browser, server, viewport):
    context = browser.new_context(
        base_url=server.url,
        locale="nl-NL",
        viewport=viewport,
        java_script_enabled=False,
        extra_http_headers={"Accept-Language": "nl-NL,nl;q=0.9"},
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        response = page.goto(HOME)
        assert response is not None and response.status == 200
        assert not page.locator(BUTTON).is_visible(), "without JavaScript a button could not open anything"
        wanted = _hrefs(page, MENU_LINKS)
        assert len(wanted) > 3
        for i in range(len(wanted)):
            assert page.locator(MENU_LINKS).nth(i).is_visible(), f"{wanted[i]} is hidden without JavaScript"
        _tab_through(page, wanted)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/nl/", "/en/"], ids=["nl", "en"])
def test_desktop_menu_is_one_row(page, visit, path):
    page.set_viewport_size(DESKTOP)
    visit(page, path)
    assert not page.locator(BUTTON).is_visible(), "a desktop shows the menu itself, not a button"
    links = page.evaluate(LINKS_ON_ONE_LINE)
    assert len(links) > 3
    wrapped = [link["text"] for link in links if link["textHeight"] > 1.5 * link["lineHeight"]]
    assert not wrapped, f"menu items wrap at 1280 px: {wrapped}"
    rows = {link["top"] for link in links}
    assert len(rows) == 1, f"the menu takes {len(rows)} rows at 1280 px: {links}"

"""Tags and 'Mijn wijk' in Chromium: a card's theme tag is a link of its own, above the card's
cover link, reached with the keyboard and leading to the theme page; a resident picks their
neighbourhood without JavaScript, sees it on the home page and the overview, and forgets it;
no session cookie before choosing or after forgetting. axe-core checks every state."""

import re

import pytest

from tests.browser.test_public_pages import OVERVIEWS, follow, main_menu, open_home

pytestmark = pytest.mark.browser

NEIGHBOURHOOD = "lindenhof"  # a demo neighbourhood (demo/data/nl/taxonomy.yaml)
SESSION_COOKIE = "sessionid"
MAX_TABS = 12


def session_cookies(context):
    return [cookie for cookie in context.cookies() if cookie["name"] == SESSION_COOKIE]


def test_a_card_theme_tag_is_a_keyboard_link_to_the_theme_page(page, visit, check_page):
    open_home(page, visit)
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS["initiative"], exact=True))
    check_page(page)

    card = page.get_by_role("main").locator("article.card:has(.tag--theme a)").first
    tag = card.locator(".tag--theme a").first
    href, name = tag.get_attribute("href"), tag.inner_text().strip()
    assert re.fullmatch(r"/nl/[\w-]+/[\w-]+/", href), href
    # Above the title link's cover: the point at the tag's centre is the tag link itself.
    tag.scroll_into_view_if_needed()
    box = tag.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a').className",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == "tag__link", f"the tag is covered by {on_top!r}"

    # From the card's title link, Tab reaches the tag; Enter follows it.
    card.locator(".card__link").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('href')") == href:
            break
    else:
        pytest.fail(f"Tab never reached the theme tag {href} within {MAX_TABS} presses")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused tag shows a focus ring"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    assert name.endswith(check_page(page))  # the link's text starts with a hidden "Theme:"


def my_neighbourhood_flow(page, visit, check_page):
    """Choose, see, forget 'Mijn wijk' by following links and sending forms."""
    context = page.context
    open_home(page, visit)
    check_page(page)
    choose_link = page.locator(".my-neighbourhood-teaser a")
    assert choose_link.count() == 1
    follow(page, choose_link)
    check_page(page)
    assert session_cookies(context) == [], "no session cookie before the resident chooses"

    page.get_by_role("combobox").select_option(NEIGHBOURHOOD)
    with page.expect_navigation():
        page.locator(".my-neighbourhood__form button[type=submit]").click()
    neighbourhood_page = page.url
    assert re.search(rf"/nl/[\w-]+/{NEIGHBOURHOOD}/$", neighbourhood_page), neighbourhood_page
    check_page(page)
    assert len(session_cookies(context)) == 1, "the choice is kept in the session"
    assert session_cookies(context)[0]["expires"] == -1, "a cookie that ends when the browser closes"

    # The home page leads to it, the overview offers it as a quick filter.
    open_home(page, visit)
    check_page(page)
    assert neighbourhood_page.endswith(page.locator(".my-neighbourhood-teaser a").first.get_attribute("href"))
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS["initiative"], exact=True))
    follow(page, page.locator(".quick-filter a"))
    assert f"neighbourhood={NEIGHBOURHOOD}" in page.url
    check_page(page)

    # Forget it: the session and its cookie go.
    open_home(page, visit)
    follow(page, page.locator(".my-neighbourhood-teaser a").last)
    check_page(page)
    with page.expect_navigation():
        page.locator(".my-neighbourhood__forget button").click()
    check_page(page)
    assert session_cookies(context) == [], "forgetting ends the session"
    open_home(page, visit)
    assert page.locator(".my-neighbourhood-teaser a").count() == 1


def test_my_neighbourhood_with_javascript(page, visit, check_page):
    my_neighbourhood_flow(page, visit, check_page)


def test_my_neighbourhood_without_javascript(browser, server, visit):
    """The same flow with JavaScript off: links and forms alone. (axe-core needs JavaScript:
    it checks these states in the test above.)"""
    context = browser.new_context(
        base_url=server.url,
        locale="nl-NL",
        viewport={"width": 375, "height": 800},
        java_script_enabled=False,
        extra_http_headers={"Accept-Language": "nl-NL,nl;q=0.9"},
    )
    context.set_default_timeout(10_000)

    def check_without_script(page):
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("h1").count() == 1 and page.locator("h1").is_visible()
        return page.locator("h1").inner_text().strip()

    try:
        my_neighbourhood_flow(context.new_page(), visit, check_without_script)
    finally:
        context.close()

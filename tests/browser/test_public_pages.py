"""The public site in a real browser, as a resident uses it: every page type reached by
following links from the home page, checked for language, a visible <h1>, requests to
other hosts, console errors and CSP violations, and WCAG 2.x A/AA rules (axe-core)."""

import re

import pytest

from demo.loader import read

pytestmark = pytest.mark.browser

# Titles from the demo municipality (demo/data/), which the `server` fixture seeds.
OVERVIEWS = {
    "initiative": "Initiatieven",
    "pitch event": "Pitchavonden",
    "participation project": "Projecten",
    "feedback story": "Jij zei, wij deden",
}
CONTENT_PAGE = "Zo werkt meedoen"
SEARCH_QUERY = "buurttuin"
SEARCH_HIT = "Buurttuin Lindenhof"
# Dutch title -> English title of the demo initiatives that have an English translation.
DUTCH_INITIATIVES = read("nl", "initiatives.yaml")["initiatives"]["items"]
TRANSLATED_INITIATIVES = {
    DUTCH_INITIATIVES[slug]["title"]: english["title"]
    for slug, english in read("en", "initiatives.yaml")["initiatives"]["items"].items()
    if english.get("translate", True)
}


def open_home(page, visit):
    """Open the site's address; the server sends a Dutch-speaking browser to /nl/."""
    visit(page, "/")
    assert page.url.endswith("/nl/"), f"/ should lead a Dutch browser to /nl/, got {page.url}"


def main_menu(page):
    """The main menu, opened first where a small screen puts it behind the menu button."""
    button = page.locator("[data-menu-button]")
    if button.count() and button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()
    return page.get_by_role("banner").get_by_role("navigation", name=re.compile("menu", re.IGNORECASE))


def follow(page, link):
    """Click a link and wait for the page it leads to."""
    with page.expect_navigation():
        link.click()


def test_home_page(page, visit, check_page):
    open_home(page, visit)
    check_page(page)


@pytest.mark.parametrize("kind", list(OVERVIEWS), ids=lambda kind: kind.replace(" ", "-"))
def test_overview_and_detail_page(page, visit, check_page, kind):
    """Main menu -> overview -> the first card, as a resident would browse."""
    open_home(page, visit)
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS[kind], exact=True))
    assert check_page(page) == OVERVIEWS[kind]

    first_card = page.get_by_role("main").get_by_role("article").first
    title = first_card.get_by_role("heading").first.inner_text().strip()
    follow(page, first_card.get_by_role("link").first)
    assert check_page(page) == title


def test_content_page(page, visit, check_page):
    open_home(page, visit)
    follow(page, page.get_by_role("link", name=CONTENT_PAGE, exact=True).first)
    assert check_page(page) == CONTENT_PAGE


def test_search(page, visit, check_page):
    open_home(page, visit)
    follow(page, page.get_by_role("banner").get_by_role("link", name="Zoeken", exact=True))
    check_page(page)
    # The search box is a combobox (suggestions as you type, static/js/discovery.js).
    page.get_by_role("combobox", name="Waar zoek je naar?").fill(SEARCH_QUERY)
    with page.expect_navigation():
        page.get_by_role("combobox", name="Waar zoek je naar?").press("Enter")
    assert f"q={SEARCH_QUERY}" in page.url
    check_page(page)
    results = page.get_by_role("main").get_by_role("link", name=SEARCH_HIT, exact=True)
    assert results.count() >= 1, f"searching for {SEARCH_QUERY!r} should find {SEARCH_HIT!r}"


def test_dutch_to_english_and_back(page, visit, check_page):
    """On a Dutch initiative, the language switcher leads to its English translation and back."""
    open_home(page, visit)
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS["initiative"], exact=True))
    card_titles = [
        t.strip() for t in page.get_by_role("main").get_by_role("article").get_by_role("heading").all_inner_texts()
    ]
    translated = [t for t in card_titles if t in TRANSLATED_INITIATIVES]
    assert translated, f"no initiative with an English translation on the first overview page: {card_titles}"
    dutch_title = translated[0]
    follow(page, page.get_by_role("main").get_by_role("link", name=dutch_title, exact=True))
    assert check_page(page) == dutch_title
    dutch_url = page.url

    follow(page, page.get_by_role("link", name="English", exact=True))
    assert "/en/" in page.url, f"the English translation should live under /en/, got {page.url}"
    assert check_page(page, lang="en") == TRANSLATED_INITIATIVES[dutch_title]

    follow(page, page.get_by_role("link", name="Nederlands", exact=True))
    assert page.url == dutch_url
    assert check_page(page) == dutch_title


def test_site_icon(page, visit):
    """Browsers ask every site for an icon; a missing one is a 404 in every console. (Checked
    here once: the browser asks only once per session, so the page checks ignore it.)"""
    open_home(page, visit)
    declared = page.locator('link[rel~="icon"]').first
    href = declared.get_attribute("href") if declared.count() else "/favicon.ico"
    response = page.request.get(href)
    assert response.status == 200, f"the site icon {href} answered {response.status}; declare one with <link rel=icon>"


def test_skip_link(page, visit):
    """The first Tab stop is a visible skip link; activating it moves focus to #main."""
    open_home(page, visit)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("href") == "#main", "the first Tab stop should be the skip link"
    assert focused.is_visible()
    box = focused.bounding_box()
    viewport = page.viewport_size
    assert box and box["width"] > 1 and box["height"] > 1, f"the focused skip link is hidden: {box}"
    assert 0 <= box["x"] < viewport["width"] and 0 <= box["y"] < viewport["height"], (
        f"the focused skip link is outside the viewport: {box}"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", "the skip link should move focus to #main"


def test_focus_indicator(page, visit):
    """Every link among the first Tab stops shows an outline when it has keyboard focus."""
    open_home(page, visit)
    missing = []
    for _ in range(8):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return {tag: el.tagName, text: el.textContent.trim().slice(0, 40),
                        style: s.outlineStyle, width: s.outlineWidth};
            }"""
        )
        if style["tag"] == "A" and (style["style"] == "none" or style["width"] in ("0px", "")):
            missing.append(style)
    assert not missing, f"focused links without a visible outline: {missing}"

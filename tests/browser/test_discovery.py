"""Discovery in Chromium, as a resident does it: filter the initiatives by a theme and a
neighbourhood and see the counts and results change in place (focus kept, count
announced, address shareable), search for a Dutch word in another inflection, and pick a
suggestion from the search box with the keyboard. axe-core checks every state."""

import re

import pytest

from tests.browser.test_public_pages import OVERVIEWS, follow, main_menu, open_home

pytestmark = pytest.mark.browser

THEME = "groen"  # demo themes and neighbourhoods (demo/data/nl/taxonomy.yaml)
NEIGHBOURHOOD = "lindenhof"
GARDEN = "Buurttuin Lindenhof"  # a demo initiative in both


def result_count(page):
    return page.locator("#discovery-results .result-count").inner_text().strip()


def number_in(text):
    return int(re.sub(r"\D", "", text.split()[0]))


def test_filter_initiatives_by_theme_and_neighbourhood(page, visit, check_page):
    open_home(page, visit)
    follow(page, main_menu(page).get_by_role("link", name=OVERVIEWS["initiative"], exact=True))
    check_page(page)
    everything = number_in(result_count(page))

    theme = page.locator(f"#filter-theme-{THEME}")
    theme.check()
    page.wait_for_url(re.compile(rf"theme={THEME}"))
    page.wait_for_function(
        "(n) => !document.querySelector('#discovery-results[aria-busy]')"
        " && parseInt(document.querySelector('#discovery-results .result-count').innerText.replace(/\\D/g, '')) < n",
        arg=everything,
    )
    by_theme = number_in(result_count(page))
    assert 0 < by_theme < everything
    assert page.evaluate("document.activeElement.id") == f"filter-theme-{THEME}", "focus stays on the checkbox"
    # A function, not a bare expression: Playwright evaluates an expression with eval() on
    # every poll after the first, which the portal's CSP (no 'unsafe-eval') blocks.
    page.wait_for_function("() => document.querySelector('[data-discovery-announce]').textContent.trim() !== ''")
    assert page.locator("[data-discovery-announce]").inner_text().strip() == result_count(page)

    neighbourhood_box = page.locator(f"#filter-neighbourhood-{NEIGHBOURHOOD}")
    label = page.locator(f"label[for=filter-neighbourhood-{NEIGHBOURHOOD}]").inner_text()
    expected = number_in(re.search(r"\((\d+)", label).group(1))
    neighbourhood_box.check()
    page.wait_for_url(re.compile(rf"neighbourhood={NEIGHBOURHOOD}"))
    page.wait_for_function(
        "(n) => !document.querySelector('#discovery-results[aria-busy]')"
        " && parseInt(document.querySelector('#discovery-results .result-count').innerText.replace(/\\D/g, '')) === n",
        arg=expected,
    )
    assert page.get_by_role("main").get_by_role("link", name=GARDEN, exact=True).count() == 1
    check_page(page)

    # The address is the state: opening it anew (as a shared link) shows the same list.
    shared = page.url
    visit(page, shared)
    assert number_in(result_count(page)) == expected
    assert page.locator(f"#filter-theme-{THEME}").is_checked()


def search_page(page, visit):
    open_home(page, visit)
    follow(page, page.get_by_role("banner").get_by_role("link", name="Zoeken", exact=True))
    return page.get_by_role("combobox", name="Waar zoek je naar?")


def test_search_finds_a_dutch_word_in_another_inflection(page, visit, check_page):
    box = search_page(page, visit)
    box.fill("buurttuinen")
    with page.expect_navigation():
        box.press("Enter")
    assert "q=buurttuinen" in page.url
    assert page.get_by_role("main").get_by_role("link", name=GARDEN, exact=True).count() == 1
    check_page(page)


def test_autocomplete_with_the_keyboard(page, visit, check_page):
    box = search_page(page, visit)
    box.press_sequentially("Buurttuin Lin", delay=30)
    listbox = page.get_by_role("listbox")
    option = listbox.get_by_role("option").filter(has_text=GARDEN)
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    check_page(page)  # the open list box passes axe too

    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert GARDEN in page.locator(f"#{active}").inner_text()
    with page.expect_navigation():
        box.press("Enter")
    assert page.locator("h1").inner_text().strip() == GARDEN

    box = search_page(page, visit)
    box.press_sequentially("Buurttuin", delay=30)
    page.get_by_role("option").first.wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").is_hidden()


def test_on_a_phone_the_results_come_before_the_folded_filters(page, visit, check_page):
    page.set_viewport_size({"width": 390, "height": 844})
    open_home(page, visit)
    visit(page, page.url + "initiatieven/")
    summary = page.locator(".filters__summary")
    theme = page.locator(f"#filter-theme-{THEME}")
    assert summary.is_visible() and not theme.is_visible(), "the filters start folded"
    results = page.locator("#discovery-results .result-count")
    assert results.bounding_box()["y"] < page.viewport_size["height"], "the results start on the first screen"
    check_page(page)

    summary.focus()
    page.keyboard.press("Enter")  # a summary opens with the keyboard
    assert theme.is_visible()
    theme.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(rf"theme={THEME}"))
    page.wait_for_function("() => !document.querySelector('#discovery-results[aria-busy]')")
    page.wait_for_function(
        "() => document.querySelector('.filters__chosen') !== null"
        " && document.querySelector('[data-filters-panel]').open"
    )
    assert theme.is_visible() and theme.is_checked()
    assert page.evaluate("document.activeElement.id") == f"filter-theme-{THEME}"
    assert page.locator(".filters__chosen").inner_text().strip() == "(1 gekozen)"
    check_page(page)

    summary.click()  # folded again, then Back: the list changes, the filters stay folded
    page.go_back()
    page.wait_for_function("() => document.querySelector('.filters__chosen') === null")
    assert not theme.is_visible(), "the filters stay as the resident left them"
    assert not theme.is_checked()


def test_a_recommended_page_comes_above_the_results(page, visit, check_page):
    box = search_page(page, visit)
    box.fill("subsidie")  # a demo promotion (demo/data/site.yaml): no page uses the word itself
    with page.expect_navigation():
        box.press("Enter")
    recommended = page.get_by_role("region", name="Aanbevolen")
    link = recommended.get_by_role("link", name="Zo werkt meedoen", exact=True)
    assert link.is_visible()
    check_page(page)
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text().strip() == "Zo werkt meedoen"

"""The accessibility statement in a real browser: reached from the footer of the home page in
both languages, with the register link, axe-clean (WCAG 2.x A/AA)."""

import pytest

pytestmark = pytest.mark.browser

REGISTER = "https://www.toegankelijkheidsverklaring.nl/register"


@pytest.mark.parametrize(
    ("language", "title"),
    [("nl", "Toegankelijkheidsverklaring"), ("en", "Accessibility statement")],
    ids=["nl", "en"],
)
def test_statement_from_the_footer(page, visit, check_page, language, title):
    visit(page, f"/{language}/")
    link = page.get_by_role("contentinfo").get_by_role("link", name=title, exact=True)
    with page.expect_navigation():
        link.click()

    assert check_page(page, lang=language) == title
    main = page.get_by_role("main")
    assert main.get_by_role("heading", level=2).count() >= 6
    assert main.locator(f'a[href="{REGISTER}"]').count() == 1
    assert main.locator('a[href^="mailto:"]').count() >= 1
    assert main.locator("section li").count() >= 3  # the demo's known issues, at least

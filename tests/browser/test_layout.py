"""The layout survives right-to-left text and longer strings: real pages of the demo,
turned right-to-left as an Arabic translation would render them, with every menu item,
button and card title made much longer (as German or Polish would), at a desktop and a
phone width. Nothing may overlap, nothing may stick out sideways, and the header must
mirror, which it only does when the stylesheet uses logical properties."""

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/nl/",
    "initiatives": "/nl/initiatieven/",
    "initiative": "/nl/initiatieven/buurttuin-lindenhof/",
    "event": "/nl/pitch-avonden/pitch-avond-1-groen-doen/",
}
WIDTHS = {"desktop": 1280, "phone": 375}

# Containers whose visible children must not overlap one another.
ROWS = [
    ".site-header__inner",
    ".site-header__tools",
    ".language-switcher__list",
    ".main-nav__list",
    ".breadcrumbs__list",
    ".card-grid",
    ".facts",
    "main .container > *",
]

TURN_RIGHT_TO_LEFT = """
() => {
  document.documentElement.setAttribute("dir", "rtl");
  document.documentElement.setAttribute("lang", "ar");
  // Longer strings: menu items, buttons, breadcrumbs and card titles three times as long.
  const selectors = ".main-nav__link, .button, .breadcrumbs__item a, .card__title a, .site-header__search";
  for (const el of document.querySelectorAll(selectors)) {
    el.textContent = `${el.textContent.trim()} ${el.textContent.trim()} ${el.textContent.trim()}`;
  }
}
"""

FIND_PROBLEMS = """
(rows) => {
  const problems = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== "hidden" && style.display !== "none" && box.width > 1 && box.height > 1
      && !el.classList.contains("visually-hidden") && style.position !== "absolute";
  };
  const name = (el) =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${el.textContent.trim().slice(0, 30)}"`;
  for (const selector of rows) {
    for (const row of document.querySelectorAll(selector)) {
      const kids = [...row.children].filter(visible);
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const a = kids[i].getBoundingClientRect(), b = kids[j].getBoundingClientRect();
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 1 && overlapY > 1) problems.push(`${name(kids[i])} overlaps ${name(kids[j])}`);
        }
      }
    }
  }
  const width = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll("body *")) {
    if (!visible(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.left < -1 || box.right > width + 1) {
      problems.push(`${name(el)} sticks out sideways (${Math.round(box.left)}..${Math.round(box.right)} of ${width})`);
    }
  }
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  return problems.slice(0, 20);
}
"""


@pytest.mark.parametrize("width", list(WIDTHS), ids=str)
@pytest.mark.parametrize("name", list(PAGES), ids=str)
def test_right_to_left_with_long_strings_does_not_overlap(page, visit, name, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    visit(page, PAGES[name])
    assert page.evaluate(FIND_PROBLEMS, ROWS) == [], "the page itself should be clean before turning it around"

    page.evaluate(TURN_RIGHT_TO_LEFT)

    problems = page.evaluate(FIND_PROBLEMS, ROWS)
    assert not problems, f"{PAGES[name]} right-to-left at {WIDTHS[width]} px:\n" + "\n".join(problems)


def test_header_mirrors_right_to_left(page, visit):
    """The site name starts on the reading side: left in Dutch, right in Arabic."""
    visit(page, PAGES["home"])
    brand = page.locator(".site-header__brand")
    width = page.viewport_size["width"]
    left_to_right = brand.bounding_box()
    assert left_to_right["x"] < width / 2

    page.evaluate("document.documentElement.setAttribute('dir', 'rtl')")
    right_to_left = brand.bounding_box()
    assert right_to_left["x"] + right_to_left["width"] > width / 2, f"the brand stayed on the left: {right_to_left}"
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).textAlign") in {"start", "right"}

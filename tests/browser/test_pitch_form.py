"""The pitch form at 375 and 1280 px: the website field is as wide as the other text
fields, no label or legend touches the field above it, nothing is wider than the screen,
and "Vertel er meer over" counts along as you type. axe-core checks every state."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FORM_PATH = "/nl/initiatieven/pitch-je-initiatief/"
VIEWPORTS = [{"width": 375, "height": 812}, {"width": 1280, "height": 900}]
MIN_GAP = 8  # px between the bottom of a field and the label or legend of the next

# For each field of the form after the first, in order: the gap between the previous
# field's box and the top of this field's label or legend.
GAPS = """
(form) => {
  const fields = [...form.querySelectorAll(".form-field")].filter((el) => el.offsetParent !== null);
  const gaps = [];
  for (let i = 1; i < fields.length; i++) {
    const label = fields[i].querySelector(":scope > label, :scope > legend") || fields[i];
    const above = fields[i - 1].getBoundingClientRect();
    gaps.push({
      name: label.textContent.trim().slice(0, 40),
      gap: label.getBoundingClientRect().top - above.bottom,
    });
  }
  return gaps;
}
"""


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone-375", "desktop-1280"])
def test_the_fields_are_styled_spaced_and_fit_the_screen(page, visit, check_page, viewport):
    page.set_viewport_size(viewport)
    visit(page, FORM_PATH)
    check_page(page)
    form = page.locator("form.pitch-form")

    name = form.locator("#id_initiative_name").bounding_box()
    website = form.locator("#id_website").bounding_box()
    image = form.locator("#id_image").bounding_box()
    assert abs(website["width"] - name["width"]) <= 1, (website, name)
    assert abs(website["height"] - name["height"]) <= 1, (website, name)
    assert abs(image["width"] - name["width"]) <= 1, (image, name)

    gaps = form.evaluate(GAPS)
    assert len(gaps) > 10
    touching = [g for g in gaps if g["gap"] < MIN_GAP]
    assert not touching, f"labels closer than {MIN_GAP} px to the field above: {touching}"

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the screen"
    for legend in form.locator("fieldset > legend").all():
        box = legend.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], legend.inner_text()

    # The file field is the browser's own input, with a styled button and a visible border.
    style = form.locator("#id_image").evaluate(
        "(el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el, '::file-selector-button').borderTopStyle]"
    )
    assert style == ["solid", "solid"]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["phone-375", "desktop-1280"])
def test_the_description_counts_along(page, visit, check_page, viewport):
    page.set_viewport_size(viewport)
    visit(page, FORM_PATH)
    description = page.get_by_label("Vertel er meer over")
    count = page.locator("#id_description_count")
    live = page.locator("#id_description_count_live")
    assert count.is_visible() and "0" in count.inner_text()
    assert live.get_attribute("aria-live") == "polite" and live.inner_text() == ""
    assert "id_description_count" in description.get_attribute("aria-describedby").split()
    assert "id_description_helptext" in description.get_attribute("aria-describedby").split()
    check_page(page)

    description.press_sequentially("Een moestu")  # 10 characters
    assert "10" in count.inner_text() and "40" in count.inner_text()  # 10 typed, 40 to go
    expect(live).to_contain_text("10")  # after a pause in typing, for screen readers
    check_page(page)

    description.fill("x" * 51)  # past the minimum: the count shows the maximum instead
    assert "51" in count.inner_text() and "5.000" in count.inner_text()
    expect(live).to_contain_text("51")
    check_page(page)

"""The pitch form says its limits before sending: the hint of "Tell us more" names the
minimum and maximum length and is linked to the field, the file field's hint names the
real upload limits, and grouped checkboxes are fieldsets with a legend."""

import re

import pytest

from initiatives import uploads
from initiatives.forms import PitchForm
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(client, pitch_page, theme, neighbourhood):
    return soup_of(client.get(pitch_page.url)).find("form", class_="pitch-form")


def described_by(form, field):
    """The texts the field's aria-describedby points to."""
    ids = field.get("aria-describedby", "").split()
    assert ids, f"{field['name']} has no aria-describedby"
    return [form.find(id=id_).get_text(" ", strip=True) for id_ in ids]


def test_the_description_says_its_minimum_and_maximum_before_sending(form):
    field = PitchForm.base_fields["description"]
    textarea = form.find("textarea", attrs={"name": "description"})
    assert textarea["minlength"] == str(field.min_length) and textarea["maxlength"] == str(field.max_length)
    [hint] = described_by(form, textarea)
    numbers = [int(n.replace(".", "").replace(",", "")) for n in re.findall(r"\d[\d.,]*\d|\d", hint)]
    assert field.min_length in numbers and field.max_length in numbers, hint


def test_the_description_carries_the_words_of_its_live_count(form):
    textarea = form.find("textarea", attrs={"name": "description"})
    assert textarea.has_attr("data-char-count")
    assert "%(count)s" in textarea["data-count-short"] and "%(remaining)s" in textarea["data-count-short"]
    assert "%(count)s" in textarea["data-count-enough"] and "%(max)s" in textarea["data-count-enough"]


def test_the_page_loads_the_count_script(client, pitch_page):
    soup = soup_of(client.get(pitch_page.url))
    assert soup.find("script", src=re.compile(r"js/char_count(\.[0-9a-f]+)?\.js$"), defer=True)


@pytest.mark.parametrize("megabytes", [5, 3], ids=["default", "configured"])
def test_the_file_hint_names_the_real_limits(client, pitch_page, settings, megabytes):
    settings.MEEDOEN_PITCH_IMAGE_MAX_BYTES = megabytes * 1024 * 1024
    form = soup_of(client.get(pitch_page.url)).find("form", class_="pitch-form")
    file_input = form.find("input", attrs={"name": "image"})
    assert file_input["type"] == "file"
    assert form.find("label", attrs={"for": file_input["id"]}).get_text(strip=True)
    [hint] = described_by(form, file_input)
    assert f"{megabytes} MB" in hint
    for kind in uploads.FORMATS:
        assert kind.lower() in hint.lower(), kind
    accepted = {f"image/{kind.lower()}" for kind in uploads.FORMATS}
    assert set(file_input["accept"].split(",")) == accepted


@pytest.mark.parametrize("name", ["themes", "neighbourhoods", "needs", "stage"])
def test_grouped_choices_are_a_fieldset_with_a_legend(form, name):
    first = form.find("input", attrs={"name": name})
    fieldset = first.find_parent("fieldset")
    assert "form-field--choices" in fieldset["class"]
    legend = fieldset.find("legend", recursive=False)
    assert legend is not None and legend.get_text(strip=True)


def test_every_section_is_a_fieldset_with_a_heading_as_legend(form):
    sections = form.find_all("fieldset", class_="form-section")
    assert len(sections) == len(PitchForm.SECTIONS)
    for section in sections:
        legend = section.find("legend", recursive=False)
        assert legend is not None and legend.find("h2").get_text(strip=True)


def test_every_input_has_its_hint_linked(form):
    for hint in form.find_all(class_="form-field__help", id=True):
        assert form.find(attrs={"aria-describedby": re.compile(rf"\b{hint['id']}\b")}), hint["id"]

"""The contrast rules of the municipality's colours: WCAG 2.x's formula, the pairs the
stylesheet uses, and a save that is refused with the reason."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from branding.models import Branding
from branding.theme import (
    PAIRS,
    ROLES,
    check_contrast,
    contrast_ratio,
    effective_colours,
    format_ratio,
    relative_luminance,
)

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "meedoen.css"


@pytest.mark.parametrize(
    ("foreground", "background", "expected"),
    [
        ("#000000", "#ffffff", 21),
        ("#000", "#fff", 21),
        ("#777777", "#ffffff", 4.48),  # just below AA: the classic example
        ("#767676", "#ffffff", 4.54),  # just above it
        ("#0b4f8a", "#0b4f8a", 1),
    ],
    ids=["black-on-white", "short-hex", "777-on-white", "767676-on-white", "same-colour"],
)
def test_contrast_ratio_matches_wcag(foreground, background, expected):
    assert contrast_ratio(foreground, background) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(background, foreground) == contrast_ratio(foreground, background)


def test_relative_luminance_of_black_and_white():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)


def test_a_ratio_is_never_rounded_up_and_reads_dutch():
    with translation.override("nl"):
        assert format_ratio(contrast_ratio("#777777", "#ffffff")) == "4,47"  # not 4,5
        assert format_ratio(21.0) == "21"
    with translation.override("en"):
        assert format_ratio(4.478) == "4.47"


def test_meedoens_own_colours_pass():
    colours = effective_colours()
    assert colours["primary"] == "#0b4f8a" and colours["link"] == "#0b4f8a"
    assert check_contrast(colours) == []


def test_every_pair_names_known_colours():
    colours = effective_colours()
    for foreground, background, _minimum in PAIRS:
        assert foreground in colours and background in colours


def test_the_stylesheet_reads_every_token_with_the_default_as_fallback():
    """static/css/meedoen.css and branding/theme.py's ROLES name the same tokens and defaults."""
    root = re.search(r":root\s*\{(.*?)\}", STYLESHEET.read_text(), re.S).group(1)
    read = dict(re.findall(r"var\((--utrecht-[a-z0-9-]+),\s*(#[0-9a-f]{6})\)", root))
    assert read == {role.token: role.default for role in ROLES.values()}


def test_a_chosen_primary_colour_brings_its_shades_along():
    colours = effective_colours({"primary": "#5115ef"})
    assert colours["link"] == "#5115ef"  # links follow the primary colour unless set
    assert colours["primary_hover"] != "#073a66" and colours["primary_tint"] != "#e6eff8"
    assert check_contrast(colours) == []


@pytest.mark.django_db
def test_a_failing_pair_is_refused_with_the_pair_and_its_ratio(site_tree):
    branding = Branding(site=site_tree.home.get_site(), primary_color="#ffcc00")
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            branding.full_clean()
        messages = refused.value.message_dict["primary_color"]
    assert (
        "The text colour of buttons #ffffff on the primary colour #ffcc00 has a contrast of 1.51:1; "
        "at least 4.5:1 is needed."
    ) in messages


@pytest.mark.django_db
def test_the_message_uses_a_decimal_comma_in_dutch(site_tree):
    branding = Branding(site=site_tree.home.get_site(), text_color="#777777")
    with translation.override("nl"):
        with pytest.raises(ValidationError) as refused:
            branding.full_clean()
        messages = refused.value.message_dict["text_color"]
    assert any("4,47:1" in message and "4,5:1" in message for message in messages)


@pytest.mark.django_db
def test_a_focus_colour_needs_three_to_one(site_tree):
    site = site_tree.home.get_site()
    Branding(site=site, focus_color="#7a7a7a").full_clean()  # 4.29:1 on white: too little for text
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            Branding(site=site, focus_color="#b0b0b0").full_clean()
        messages = refused.value.message_dict["focus_color"]
    assert any("at least 3:1" in message for message in messages)


@pytest.mark.django_db
def test_colours_are_stored_lowercase_in_full(site_tree):
    branding = Branding(site=site_tree.home.get_site(), primary_color="#0B4F8A", link_color="#05a")
    branding.full_clean()
    assert (branding.primary_color, branding.link_color) == ("#0b4f8a", "#0055aa")


@pytest.mark.django_db
def test_something_that_is_not_a_colour_is_refused(site_tree):
    with pytest.raises(ValidationError) as refused:
        Branding(site=site_tree.home.get_site(), primary_color="blue").full_clean()
    assert "primary_color" in refused.value.message_dict

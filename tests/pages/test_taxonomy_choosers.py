"""The theme and neighbourhood choosers in the page editor offer the page's own language."""

import re

import pytest
from django.urls import reverse

from tests import factories


def checkbox_labels(html, name):
    """The labels of the checkboxes of field `name` in the edit form."""
    ids = re.findall(rf'<input type="checkbox" name="{name}" value="\d+"[^>]*id="([^"]+)"', html)
    return sorted(
        re.search(rf'<label for="{i}"[^>]*>\s*(?:<input[^>]*>)?\s*([^<]+?)\s*</label>', html).group(1) for i in ids
    )


@pytest.fixture
def english_rows(locales, theme, neighbourhood):
    factories.ThemeFactory(name="Green", slug="green", locale=locales.en, translation_key=theme.translation_key)
    factories.NeighbourhoodFactory(
        name="Old West", slug="old-west", locale=locales.en, translation_key=neighbourhood.translation_key
    )


@pytest.mark.django_db
def test_a_dutch_page_offers_the_dutch_rows_only(admin_client, initiative_page, english_rows):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[initiative_page.pk])).content.decode()
    assert checkbox_labels(html, "themes") == ["Groen"]
    assert checkbox_labels(html, "neighbourhoods") == ["Oud-West"]


@pytest.mark.django_db
def test_a_new_page_offers_its_parents_language(admin_client, site_tree, english_rows):
    url = reverse("wagtailadmin_pages:add", args=["initiatives", "initiativepage", site_tree.initiatives.pk])
    html = admin_client.get(url).content.decode()
    assert checkbox_labels(html, "themes") == ["Groen"]


@pytest.mark.django_db
def test_a_choice_of_another_language_stays_offered(admin_client, initiative_page, english_rows, locales):
    """A page that somehow holds a row of the other language keeps it on saving."""
    from pages.models import Theme

    initiative_page.themes.add(Theme.objects.get(slug="green"))
    initiative_page.save_revision().publish()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[initiative_page.pk])).content.decode()
    assert checkbox_labels(html, "themes") == ["Green", "Groen"]

"""The search index stays in step with the pages: publishing, unpublishing, moving,
deleting and translating update it, `update_index` rebuilds it, and what residents hand
in (pitches, sign-ups) is never found."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from initiatives.models import Pitch
from tests import factories
from tests.helpers import soup_of

# The shared search suite: every test here runs on each engine (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("search_engine")


def found(client, query, language="nl"):
    with translation.override(language):
        response = client.get(reverse("search"), {"q": query})
    return [a["href"] for a in soup_of(response).select(".search-result__title a")]


def titles(client, query):
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": query})
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-result__title a")]


def test_publishing_and_unpublishing_update_the_index(client, site_tree):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een wijkbakfiets.")
    assert found(client, "wijkbakfiets") == [page.url]

    page.summary = "Een gedeelde scootmobiel."
    page.save_revision().publish()
    assert found(client, "scootmobiel") == [page.url]
    assert found(client, "wijkbakfiets") == []

    page.unpublish()
    assert found(client, "scootmobiel") == []


def test_moving_and_deleting_update_the_index(client, site_tree):
    other_home = factories.HomePageFactory(parent=site_tree.root, locale=site_tree.nl, slug="tweede")
    other_index = factories.InitiativeIndexPageFactory(parent=other_home, slug="elders")
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een zonnedak.")
    page.move(other_index, pos="last-child")
    page.refresh_from_db()
    assert page.get_parent().specific == other_index
    assert titles(client, "zonnedak") == [page.title]

    page.delete()
    assert titles(client, "zonnedak") == []


def test_a_translation_is_found_in_its_own_language(client, site_tree, translate):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een speeltuin.")
    translate(page, site_tree.en)
    assert found(client, "speeltuin") == [page.url]
    english = found(client, "speeltuin", "en")  # the translation says "EN: " + the Dutch text
    assert len(english) == 1 and english[0].startswith("/en/")


def test_update_index_rebuilds_it(client, site_tree):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, summary="Een buurtkoelkast.")
    call_command("update_index", verbosity=0)
    assert found(client, "buurtkoelkasten") == [page.url]


@pytest.mark.django_db
def test_pitches_are_never_found(client, site_tree):
    factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)
    Pitch.objects.create(
        initiative_name="Geheime kruidentuin",
        summary="Kruidentuin bij de school",
        description="Een kruidentuin.",
        founder_name="Kim",
        email="kim@example.org",
    )
    assert found(client, "kruidentuin") == []
    assert found(client, "pitch") == []  # the pitch form page is not a search result either

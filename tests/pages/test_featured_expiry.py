"""Editors' picks on the home page end on their `show_until` day, or when the page is
unpublished; the automatic sections then show what was picked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import HomePageFeaturedItem
from tests import factories


@pytest.fixture
def picks(site_tree):
    today = timezone.localdate()
    pages = {
        name: factories.InitiativePageFactory(parent=site_tree.initiatives, title=name)
        for name in ["Open einde", "Tot vandaag", "Verlopen", "Offline"]
    }
    for position, (name, until) in enumerate(
        [("Open einde", None), ("Tot vandaag", today), ("Verlopen", today - timedelta(days=1)), ("Offline", None)]
    ):
        HomePageFeaturedItem.objects.create(
            page=site_tree.home, item=pages[name], show_until=until, sort_order=position
        )
    pages["Offline"].unpublish()
    return pages


def test_expired_and_unpublished_picks_drop_out(site_tree, picks):
    assert [page.title for page in site_tree.home.featured_pages()] == ["Open einde", "Tot vandaag"]


def test_the_automatic_sections_fill_in(client, site_tree, picks):
    response = client.get(site_tree.home.url)
    featured = [page.title for page in response.context["featured_pages"]]
    newest = [page.title for page in response.context["newest_initiatives"]]
    assert featured == ["Open einde", "Tot vandaag"]
    assert "Verlopen" in newest  # no longer picked, so among the newest again
    assert "Open einde" not in newest and "Offline" not in newest


def test_a_preview_leaves_expired_picks_out_too(site_tree, picks):
    home = site_tree.home
    revision = home.save_revision()
    previewed = revision.as_object()
    assert [page.title for page in previewed.featured_pages()] == ["Open einde", "Tot vandaag"]


def test_a_pick_ends_at_midnight_with_the_home_page_kept(client, site_tree, picks, monkeypatch):
    """The picks are kept in the public cache, but for one day at most: a pick shown until
    today is gone tomorrow without any write."""
    assert "Tot vandaag" in [page.title for page in client.get(site_tree.home.url).context["featured_pages"]]
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)

    assert [page.title for page in client.get(site_tree.home.url).context["featured_pages"]] == ["Open einde"]


def test_a_preview_shows_the_drafts_picks_with_the_live_ones_kept(client, site_tree, picks):
    home = site_tree.home
    assert client.get(home.url).context["featured_pages"]  # the live picks are now kept
    draft = home.get_latest_revision_as_object()
    draft.featured_items.clear()

    response = draft.make_preview_request()
    assert response.status_code == 200
    assert response.context_data["featured_pages"] == []

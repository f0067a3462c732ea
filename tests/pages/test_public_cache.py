"""The site, the municipality settings, the page chrome (menu, breadcrumbs, languages,
footer) and the cards are kept in the cache until something they show changes: every
change below is on the next page, without waiting for the cache to expire."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Site

from pages import publiccache
from pages.models import MunicipalitySettings
from tests import factories

pytestmark = pytest.mark.django_db


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_asks_the_database_less(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    sql = " ".join(query["sql"] for query in second.captured_queries)
    assert len(second.captured_queries) < len(first.captured_queries)
    assert "wagtailcore_site" not in sql and "pages_municipalitysettings" not in sql
    assert "chrome_language_code" not in sql  # the chrome query


def test_edited_municipality_settings_show_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    municipality = MunicipalitySettings.for_site(Site.objects.get(is_default_site=True))
    municipality.municipality_name = "Gemeente Nieuwstad"
    municipality.privacy_page = published_pages["content"]
    municipality.save()

    text = page_text(client, url)
    assert "Gemeente Nieuwstad" in text
    assert published_pages["content"].url in text  # the footer's privacy link


def test_a_renamed_site_shows_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Doe mee in Nieuwstad"
    site.save()

    assert "Doe mee in Nieuwstad" in page_text(client, url)


def test_a_published_page_joins_the_menu_and_its_overview_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)

    page = factories.ContentPageFactory(parent=site_tree.home, title="Nieuw in het menu", show_in_menus=True)
    page.save_revision().publish()
    initiative = factories.InitiativePageFactory(parent=site_tree.initiatives, title="Repaircafé op zaterdag")
    initiative.save_revision().publish()

    text = page_text(client, url)
    assert "Nieuw in het menu" in text
    assert "Repaircafé op zaterdag" in text


def test_a_retitled_initiative_shows_on_its_card_at_once(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    initiative = published_pages["initiative"]
    assert initiative.title in page_text(client, url)

    initiative.title = "Buurtmoestuin met kas"
    initiative.save_revision().publish()

    assert "Buurtmoestuin met kas" in page_text(client, url)


def test_saving_an_image_starts_a_new_generation_of_the_cards(image):
    """A card keeps the rendition of its image until the image is saved again (a new
    file or focal point): that starts a new generation of every cached card."""

    def generations():
        return publiccache.generation(), publiccache.generation(publiccache.CARDS_GENERATION_KEY)

    def both_newer(before):
        return all(now > then for now, then in zip(generations(), before, strict=True))

    before = generations()
    image.title = "Bewoners in de moestuin, zomer"
    image.save()
    assert both_newer(before)

    later = generations()
    factories.ImageFactory(title="Nieuw")
    assert both_newer(later)

    last = generations()
    get_image_model().objects.filter(pk=image.pk).get().delete()
    assert both_newer(last)


def card_pages_filled(captured):
    """The ids of the pages whose cards were made anew: the pages whose themes and
    neighbourhoods the cards' one query (meedoen_tags._taxonomy_for) fetched."""
    ids = set()
    for query in captured.captured_queries:
        if "'themes'" in query["sql"]:
            for found in re.findall(r"rel\.\w+ IN \(([\d, ]+)\)", query["sql"]):
                ids.update(int(pk) for pk in found.split(","))
    return ids


def test_a_publish_makes_only_the_card_of_the_page_published_anew(client, published_pages, site_tree, theme):
    url = site_tree.initiatives.url
    others = [
        factories.InitiativePageFactory(parent=site_tree.initiatives, title=f"Initiatief {n}", themes=[theme])
        for n in range(3)
    ]
    with CaptureQueriesContext(connection) as first:
        page_text(client, url)
    assert {page.pk for page in others} <= card_pages_filled(first)

    initiative = others[0]
    initiative.title = "Buurtmoestuin met kas"
    initiative.save_revision().publish()
    with CaptureQueriesContext(connection) as after_publish:
        text = page_text(client, url)
    assert "Buurtmoestuin met kas" in text
    assert "Initiatief 1" in text and "Initiatief 2" in text
    assert card_pages_filled(after_publish) == {initiative.pk}


def test_a_renamed_theme_shows_on_every_card_at_once(client, published_pages, site_tree, theme):
    url = site_tree.initiatives.url
    assert theme.name in page_text(client, url)

    theme.name = "Groen en water"
    theme.save()
    text = page_text(client, url)
    assert text.count("Groen en water") >= 2  # the filter's option and the initiative's card


def test_a_publish_keeps_the_site_and_its_settings_in_the_cache(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    page = factories.ContentPageFactory(parent=site_tree.home, title="Nieuws uit de wijk")
    page.save_revision().publish()

    with CaptureQueriesContext(connection) as after_publish:
        text = page_text(client, url)
    sql = " ".join(query["sql"] for query in after_publish.captured_queries)
    assert "wagtailcore_site" not in sql and "pages_municipalitysettings" not in sql
    assert "Meedoen Testwijk" in text


def test_a_request_reads_the_generations_in_one_lookup(client, published_pages, site_tree, monkeypatch):
    """The menu, the cards, the counts and the private sections each need a generation:
    with Redis, a round trip each, unless the request reads them once."""
    url = site_tree.initiatives.url
    page_text(client, url)
    publiccache.bump()  # so that the next view computes (and looks up) everything anew
    lookups = []
    get, get_many = cache.get, cache.get_many
    in_get_many = []  # the local-memory cache's get_many calls get for each key

    def counting_get(key, *args, **kwargs):
        if key in publiccache.GENERATION_KEYS and not in_get_many:
            lookups.append(key)
        return get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        if set(keys) & set(publiccache.GENERATION_KEYS):
            lookups.append(tuple(keys))
        in_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    monkeypatch.setattr(cache, "get", counting_get)
    monkeypatch.setattr(cache, "get_many", counting_get_many)
    with CaptureQueriesContext(connection) as cold:
        page_text(client, url)
    assert cold.captured_queries  # it did compute anew
    assert lookups == [publiccache.GENERATION_KEYS]  # once, at the start of the request


def test_a_publish_during_a_request_is_seen_by_the_rest_of_it(rf):
    seen = []

    def view(request):
        seen.append(publiccache.generation())
        publiccache.bump()
        seen.append(publiccache.generation())
        return HttpResponse()

    publiccache.CachedSiteMiddleware(view)(rf.get("/"))
    assert seen[1] > seen[0]

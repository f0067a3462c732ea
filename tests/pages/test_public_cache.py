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


# --- What a publish touches ----------------------------------------------------------------


def test_a_publish_records_which_page_changed(published_pages):
    start = publiccache.generation()
    initiative = published_pages["initiative"]
    initiative.save_revision().publish()
    [change] = publiccache.changes_since(start)
    assert change.pk == initiative.pk and change.path == initiative.path
    assert change.translation_key == str(initiative.translation_key)
    initiative.unpublish()
    assert [c.pk for c in publiccache.changes_since(start)] == [initiative.pk, initiative.pk]


def test_a_change_that_is_not_a_publish_is_not_known(published_pages, site_tree):
    start = publiccache.generation()
    factories.ThemeFactory(name="Cultuur", slug="cultuur", locale=site_tree.nl)  # a bump of its own
    assert publiccache.changes_since(start) is None
    later = publiccache.generation()
    for _ in range(publiccache.MAX_CHANGES + 1):
        published_pages["initiative"].save_revision().publish()
    assert publiccache.changes_since(later) is None  # too many to bring anything up to date


def test_the_publish_is_recorded_again_once_committed(published_pages, django_capture_on_commit_callbacks):
    start = publiccache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        published_pages["initiative"].save_revision().publish()
    changes = publiccache.changes_since(start)
    assert [c.pk for c in changes] == [published_pages["initiative"].pk] * 2


def test_kept_answers_are_refreshed_or_computed_again():
    computed = []

    def compute():
        computed.append(1)
        return "answer"

    def same(value, changes):
        return value

    assert publiccache.kept("test:kept", compute, same) == "answer"
    assert publiccache.kept("test:kept", compute, same) == "answer"
    publiccache._record(publiccache.PageChange(1, "key", "0001", 1, 1))
    assert publiccache.kept("test:kept", compute, same) == "answer"
    assert len(computed) == 1  # refreshed, not computed
    publiccache._record(publiccache.PageChange(1, "key", "0001", 1, 1))
    assert publiccache.kept("test:kept", compute, lambda value, changes: None) == "answer"
    assert len(computed) == 2
    publiccache.bump()  # not a page change: computed again
    assert publiccache.kept("test:kept", compute, same) == "answer"
    assert len(computed) == 3


def test_a_new_cache_starts_past_every_earlier_generation():
    cache.clear()
    first = publiccache.generation()
    cache.clear()
    publiccache.bump()
    assert publiccache.generation() > first


def test_publishing_an_initiative_keeps_the_chrome_of_the_overview(client, published_pages, site_tree):
    url = site_tree.initiatives.url
    page_text(client, url)
    published_pages["initiative"].save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        page_text(client, url)
    assert "chrome_language_code" not in " ".join(query["sql"] for query in after.captured_queries)
    # Its own page's chrome (breadcrumbs, languages) is built again.
    with CaptureQueriesContext(connection) as own:
        page_text(client, published_pages["initiative"].url)
    assert "chrome_language_code" in " ".join(query["sql"] for query in own.captured_queries)


def test_a_retitled_overview_shows_in_the_breadcrumbs_of_its_pages_at_once(client, published_pages, site_tree):
    initiative_url = published_pages["initiative"].url
    page_text(client, initiative_url)
    overview = site_tree.initiatives
    overview.title = "Alle initiatieven van de stad"
    overview.save_revision().publish()
    assert "Alle initiatieven van de stad" in page_text(client, initiative_url)

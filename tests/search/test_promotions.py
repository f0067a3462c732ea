"""Promoted search results: what staff recommend for a search term shows above the
results, in the language of the search, and only while the page is live and public. What
residents search for is never stored."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests import factories
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def search(client, language="nl", **params):
    with translation.override(language):
        return client.get(reverse("search"), params)


def recommended(response):
    """[(link text, href, description)] of the "Recommended" box."""
    box = soup_of(response).select_one(".search-promotions")
    if box is None:
        return []
    return [
        (
            item.select_one("a").get_text(strip=True),
            item.select_one("a")["href"],
            item.select_one("p").get_text(strip=True) if item.select_one("p") else "",
        )
        for item in box.select("li")
    ]


def promote(term, page=None, **fields):
    query, _ = Query.objects.get_or_create(query_string=term)
    return SearchPromotion.objects.create(query=query, page=page, **fields)


@pytest.fixture
def waste(site_tree):
    return factories.ContentPageFactory(parent=site_tree.home, title="Grofvuil ophalen", slug="grofvuil")


def test_a_promoted_page_comes_first_whatever_the_case_and_spaces(client, city, waste):
    search(client, q="afval")  # the promotions are in the cache now: adding one clears it
    promote("afval", waste, description="Zo laat je grofvuil ophalen.")
    response = search(client, q="  Afval ")
    assert recommended(response) == [("Grofvuil ophalen", waste.url, "Zo laat je grofvuil ophalen.")]
    soup = soup_of(response)
    assert soup.select_one(".search-promotions h2").get_text(strip=True) == "Aanbevolen"
    # Found by no word of its own, yet recommended: the empty state stays below it.
    assert soup.select_one(".empty-state") is not None


def test_external_links_and_the_editors_order(client, city, waste):
    promote("groen", waste)
    promote("groen", external_link_url="https://www.example.org/bomen", external_link_text="Bomenkaart")
    assert [title for title, _url, _text in recommended(search(client, q="groen"))] == [
        "Grofvuil ophalen",
        "Bomenkaart",
    ]
    assert recommended(search(client, q="groene")) == []  # the term as a whole, not a word in it


def test_drafts_and_private_pages_are_never_recommended(client, city, waste, site_tree):
    draft = factories.ContentPageFactory(parent=site_tree.home, title="Nog niet klaar", live=False)
    promote("afval", draft)
    promote("afval", waste)
    assert [title for title, _url, _text in recommended(search(client, q="afval"))] == ["Grofvuil ophalen"]

    PageViewRestriction.objects.create(page=waste, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    assert recommended(search(client, q="afval")) == []
    PageViewRestriction.objects.all().delete()
    waste.unpublish()
    assert recommended(search(client, q="afval")) == []


def test_a_search_in_english_recommends_the_translation(client, city, waste, site_tree, translate):
    promote("waste", waste, description="Zo laat je grofvuil ophalen.")
    assert recommended(search(client, "en", q="waste")) == []  # no English page yet
    translate(site_tree.home, site_tree.en)
    english = translate(waste, site_tree.en)
    # The English page, without the description written for the Dutch one.
    assert recommended(search(client, "en", q="waste")) == [(english.title, english.url, "")]


def test_only_on_the_first_page_without_filters(client, city, waste):
    promote("groen", waste)
    assert recommended(search(client, q="groen"))
    assert recommended(search(client, q="groen", type="initiative")) == []
    assert recommended(search(client, q="groen", page="2")) == []


def test_deleting_a_promotion_takes_it_away_at_once(client, city, waste):
    promotion = promote("afval", waste)
    assert recommended(search(client, q="afval"))
    promotion.query.delete()  # as the admin's delete does
    assert recommended(search(client, q="afval")) == []


def test_what_residents_search_for_is_never_stored(client, city, waste):
    promote("afval", waste)
    before = list(Query.objects.values_list("query_string", flat=True))
    for words in ("afval", "Jan Jansen Dorpsstraat 12", "groen"):
        search(client, q=words)
    assert list(Query.objects.values_list("query_string", flat=True)) == before
    assert not Query.objects.filter(daily_hits__isnull=False).exists()

"""Language prefixes, redirects, the 404 page and the language of each page."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import soup_of, text_of


@pytest.mark.parametrize(
    "accept_language, target",
    [(None, "/nl/"), ("en", "/en/"), ("en-GB,en;q=0.9", "/en/"), ("de", "/nl/"), ("nl-BE", "/nl/")],
    ids=["no-preference", "english", "british-english", "unsupported-german", "flemish"],
)
def test_root_redirects_to_a_language(client, site_tree, accept_language, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target


def test_page_without_prefix_redirects_to_the_dutch_page(client, site_tree):
    response = client.get("/initiatieven/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/initiatieven/"


def test_unknown_page_is_404_in_the_sites_layout(client, site_tree):
    home = client.get("/nl/")
    response = client.get("/nl/bestaat-niet/")

    assert response.status_code == 404
    page, normal = soup_of(response), soup_of(home)
    assert page.html["lang"] == "nl"
    for landmark in ["header", "main", "footer"]:
        assert page.find(landmark) is not None, f"the 404 page has no <{landmark}>"
    stylesheets = [link["href"] for link in normal.find_all("link", rel="stylesheet")]
    assert stylesheets
    assert [link["href"] for link in page.find_all("link", rel="stylesheet")] == stylesheets
    assert page.find("a", href="/nl/") is not None  # a way back home


def test_unknown_language_prefix_ends_in_404(client, site_tree):
    """Django's LocaleMiddleware first tries the default language (/nl/xx/), which is not
    a page either."""
    response = client.get("/xx/", follow=True)
    assert response.redirect_chain == [("/nl/xx/", 302)]
    assert response.status_code == 404
    assert soup_of(response).find("main") is not None


def test_dutch_page_declares_dutch(client, initiative_page):
    response = client.get(initiative_page.url)
    assert soup_of(response).html["lang"] == "nl"


def test_english_translation_declares_english_and_links_both_ways(client, site_tree, initiative_page):
    english = initiative_page.copy_for_translation(site_tree.en, copy_parents=True)
    english.title = "Community garden De Linde"
    english.save_revision().publish()

    dutch_page = soup_of(client.get(initiative_page.url))
    english_page = soup_of(client.get(english.url))

    assert english.url == "/en/initiatieven/buurtmoestuin-de-linde/"
    assert english_page.html["lang"] == "en"
    assert "Community garden De Linde" in english_page.get_text()
    alternates = {
        link["hreflang"]: link["href"] for link in dutch_page.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates["en"].endswith(english.url)
    assert alternates["nl"].endswith(initiative_page.url)


def test_search_lives_under_both_language_prefixes(client, site_tree):
    with translation.override("nl"):
        dutch_search = reverse("search")
    with translation.override("en"):
        english_search = reverse("search")
    assert dutch_search.startswith("/nl/") and english_search.startswith("/en/")
    assert soup_of(client.get(dutch_search)).html["lang"] == "nl"
    assert soup_of(client.get(english_search)).html["lang"] == "en"


def test_dutch_interface_is_in_dutch(client, site_tree):
    """The compiled Dutch catalog (make compilemessages) translates Meedoen's own text."""
    message = "We cannot find this page. It may have moved, or the address may be wrong."
    with translation.override("nl"):
        dutch = translation.gettext(message)
    assert dutch != message, "no Dutch translation: is locale/nl/LC_MESSAGES/django.mo compiled?"
    assert dutch in text_of(client.get("/nl/bestaat-niet/"))
    assert message in text_of(client.get("/en/bestaat-niet/"))

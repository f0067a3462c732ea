"""Tags lead to their theme or neighbourhood page, 'Mijn wijk' remembers a resident's
neighbourhood in the session only (no cookie before choosing, nothing in the public cache),
and the stories have one name (pages/my_neighbourhood.py, pages/views.py)."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pages import my_neighbourhood
from participation.models import PolicyFeedbackStoryPage
from tests import factories
from tests.helpers import hrefs, soup_of

pytestmark = pytest.mark.django_db


def url(name, language="nl", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def tag_links(response, kind):
    """The hrefs of the theme or neighbourhood tags, per tag list, of a response."""
    soup = soup_of(response)
    return [a["href"] for a in soup.select(f".tag--{kind} a.tag__link")]


def choose(client, slug, language="nl"):
    return client.post(url("my_neighbourhood", language), {"neighbourhood": slug})


# --- Every tag is a link ---------------------------------------------------------------------


def test_card_tags_link_to_their_theme_and_neighbourhood_pages(client, published_pages, theme, neighbourhood):
    overview = client.get(published_pages["initiative_index"].url)
    assert tag_links(overview, "theme") == [url("theme", slug=theme.slug)]
    assert tag_links(overview, "neighbourhood") == [url("neighbourhood", slug=neighbourhood.slug)]
    # Each tag link sits inside the card, after the title link that covers the card.
    card = soup_of(overview).select_one("article.card")
    links = [a.get("class") for a in card.find_all("a")]
    assert links[0] == ["card__link"] and ["tag__link"] in links[1:]
    for path in (url("theme", slug=theme.slug), url("neighbourhood", slug=neighbourhood.slug)):
        assert client.get(path).status_code == 200


def test_card_tags_link_in_the_language_of_the_page(client, published_pages, theme, translate, locales):
    green = factories.ThemeFactory(name="Green", slug="green", locale=locales.en, translation_key=theme.translation_key)
    english_index = translate(published_pages["initiative_index"], locales.en)
    translate(published_pages["initiative"], locales.en)
    assert tag_links(client.get(english_index.url), "theme") == [url("theme", "en", slug=green.slug)]


@pytest.mark.parametrize("key", ["initiative", "event", "project", "story"])
def test_detail_page_tags_link_to_their_pages(client, published_pages, theme, key):
    response = client.get(published_pages[key].url)
    assert url("theme", slug=theme.slug) in tag_links(response, "theme")


# --- Mijn wijk ------------------------------------------------------------------------------


def test_no_session_cookie_for_a_visitor_who_does_not_choose(client, published_pages):
    home = client.get(published_pages["home"].url)
    assert url("my_neighbourhood") in hrefs(home)
    page = client.get(url("my_neighbourhood"))
    assert page.status_code == 200
    assert soup_of(page).select_one("form[method=post] select[name=neighbourhood]") is not None
    assert settings.SESSION_COOKIE_NAME not in home.cookies
    assert settings.SESSION_COOKIE_NAME not in page.cookies
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_choosing_remembers_the_neighbourhood_in_the_session(client, published_pages, neighbourhood):
    page = url("neighbourhood", slug=neighbourhood.slug)
    response = choose(client, neighbourhood.slug)
    assert response.status_code == 303
    assert response["Location"] == page
    assert settings.SESSION_COOKIE_NAME in response.cookies
    assert client.session[my_neighbourhood.SESSION_KEY] == str(neighbourhood.translation_key)

    # The home page leads to it, the overview offers it as a filter, its page knows it.
    home = soup_of(client.get(published_pages["home"].url))
    assert home.select_one(".my-neighbourhood-teaser a[href]")["href"] == page
    overview = soup_of(client.get(published_pages["initiative_index"].url))
    assert overview.select_one(".quick-filter a")["href"].endswith(f"?neighbourhood={neighbourhood.slug}")
    landing = soup_of(client.get(page))
    assert landing.select_one(".search-landing__mine a")["href"] == url("my_neighbourhood")


def test_the_choice_holds_in_every_language(client, published_pages, neighbourhood, translate, locales):
    west = factories.NeighbourhoodFactory(
        name="Old West", slug="old-west", locale=locales.en, translation_key=neighbourhood.translation_key
    )
    english_home = translate(published_pages["home"], locales.en)
    choose(client, neighbourhood.slug)
    home = soup_of(client.get(english_home.url))
    assert home.select_one(".my-neighbourhood-teaser a[href]")["href"] == url("neighbourhood", "en", slug=west.slug)


def test_forgetting_removes_the_choice_and_the_session_cookie(client, published_pages, neighbourhood):
    choose(client, neighbourhood.slug)
    response = client.post(url("my_neighbourhood"), {"forget": "1"})
    assert response.status_code == 303
    assert response["Location"] == url("my_neighbourhood")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 0  # the session is empty: gone
    home = soup_of(client.get(published_pages["home"].url))
    assert home.select_one(".my-neighbourhood-teaser a[href]")["href"] == url("my_neighbourhood")


def test_an_unknown_neighbourhood_is_refused_and_nothing_stored(client, published_pages, neighbourhood):
    response = choose(client, "nergens")
    assert response.status_code == 400
    assert soup_of(response).select_one("[role=alert]") is not None
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_the_form_needs_its_csrf_token(published_pages, neighbourhood):
    strict = Client(enforce_csrf_checks=True)
    assert choose(strict, neighbourhood.slug).status_code == 403
    form = soup_of(strict.get(url("my_neighbourhood")))
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = strict.post(url("my_neighbourhood"), {"neighbourhood": neighbourhood.slug, "csrfmiddlewaretoken": token})
    assert response.status_code == 303


def test_a_choice_never_reaches_another_visitor(client, published_pages, neighbourhood):
    """The pages are assembled from cached fragments: one resident's neighbourhood must not
    be in them."""
    choose(client, neighbourhood.slug)
    for key in ("home", "initiative_index"):
        client.get(published_pages[key].url)  # fills the public cache as a resident with a choice
    other = Client()
    home = soup_of(other.get(published_pages["home"].url))
    assert home.select_one(".my-neighbourhood-teaser a[href]")["href"] == url("my_neighbourhood")
    assert soup_of(other.get(published_pages["initiative_index"].url)).select_one(".quick-filter") is None
    assert settings.SESSION_COOKIE_NAME not in other.cookies


def test_warm_pages_run_no_query_for_a_visitor_without_a_choice(client, published_pages, django_assert_num_queries):
    path = url("my_neighbourhood")
    client.get(path)
    with django_assert_num_queries(0):
        client.get(path)


# --- One name for the stories ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_search_filter_names_stories_as_the_menu_does(language):
    """The site search's type filter and the cards use the name of the menu and the home
    page's section ("Jij zei, wij deden"), not a second one."""
    with translation.override(language):
        menu_name = translation.gettext("You said, we did")
        assert str(PolicyFeedbackStoryPage.search_type[1]) == menu_name
        assert str(PolicyFeedbackStoryPage.type_label) == menu_name

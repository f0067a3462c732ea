"""Moderators recommend pages for a search term in Wagtail's admin (Settings > Promoted
search results); residents see them above the results at once. What residents search
for is not recorded, so the admin has no search terms report."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query

from tests import factories
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def picks_form(term, page):
    return {
        "query_string": term,
        "editors_picks-TOTAL_FORMS": "1",
        "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
        "editors_picks-0-page": str(page.pk),
        "editors_picks-0-external_link_url": "",
        "editors_picks-0-external_link_text": "",
        "editors_picks-0-description": "Alles over grofvuil.",
        "editors_picks-0-ORDER": "1",
        "editors_picks-0-DELETE": "",
    }


def recommended_titles(client, term):
    with translation.override("nl"):
        response = client.get(reverse("search"), {"q": term})
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-promotions a")]


def test_a_moderator_recommends_a_page_and_residents_see_it_at_once(as_role, client, site_tree):
    waste = factories.ContentPageFactory(parent=site_tree.home, title="Grofvuil ophalen")
    staff = as_role("moderator")
    response = staff.post(reverse("wagtailsearchpromotions:add"), picks_form("Afval", waste))
    assert response.status_code == 302, soup_of(response).select(".error-message")
    staff.logout()
    assert recommended_titles(client, "afval") == ["Grofvuil ophalen"]

    # Moved to another term in the admin (an update without signals): it follows at once.
    query = Query.objects.get(query_string="afval")
    staff = as_role("moderator")
    edit = picks_form("grofvuil", waste)
    pick = query.editors_picks.get()
    edit.update({"editors_picks-INITIAL_FORMS": "1", "editors_picks-0-id": str(pick.pk)})
    assert staff.post(reverse("wagtailsearchpromotions:edit", args=[query.pk]), edit).status_code == 302
    staff.logout()
    assert recommended_titles(client, "afval") == []
    assert recommended_titles(client, "grofvuil") == ["Grofvuil ophalen"]


@pytest.mark.parametrize("role", ["moderator", "superuser"])
def test_the_admin_offers_no_search_terms_report(as_role, role):
    response = as_role(role).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("wagtailsearchpromotions:search_terms") not in response.content.decode()

"""Editors can open, save and preview every page type in Wagtail's admin, and manage the
themes and neighbourhoods snippets."""

import pytest
from django.urls import reverse
from wagtail.coreutils import get_dummy_request
from wagtail.fields import StreamField
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from pages.models import Neighbourhood, Theme

PAGE_TYPES = [
    "home",
    "content",
    "initiative_index",
    "initiative",
    "event_index",
    "event",
    "project_index",
    "project",
    "story_index",
    "story",
]


@pytest.fixture
def page_tests(client):
    """Wagtail's page assertions, with pytest-django's test client."""
    tests = WagtailPageTestCase()
    tests.client = client
    tests.dummy_request = get_dummy_request()
    return tests


def edit_form_data(client, admin_user, page):
    """The edit form's data as the admin renders it. StreamFields are drawn by JavaScript,
    so they are not in the HTML: they are submitted empty (all of them are optional)."""
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in page.specific_class._meta.get_fields():
        if isinstance(field, StreamField):
            assert field.blank, f"{field.name} is required: give it data here"
            data[f"{field.name}-count"] = "0"
    return data


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_is_editable(page_tests, client, admin_user, published_pages, name):
    page = published_pages[name]
    revisions = page.revisions.count()
    page_tests.assertPageIsEditable(page, post_data=edit_form_data(client, admin_user, page), user=admin_user)
    # Wagtail's assertion only checks that nothing crashed; a valid form saves a revision.
    assert page.revisions.count() == revisions + 1


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_is_previewable(page_tests, client, admin_user, published_pages, name):
    page = published_pages[name]
    page_tests.assertPageIsPreviewable(page, post_data=edit_form_data(client, admin_user, page), user=admin_user)


@pytest.mark.parametrize("model", [Theme, Neighbourhood], ids=["themes", "neighbourhoods"])
def test_taxonomy_snippets_are_listed_in_the_admin(client, admin_user, theme, neighbourhood, model):
    client.force_login(admin_user)
    url = reverse(f"wagtailsnippets_pages_{model._meta.model_name}:list")
    response = client.get(url)
    assert response.status_code == 200
    expected = theme.name if model is Theme else neighbourhood.name
    assert expected in response.content.decode()

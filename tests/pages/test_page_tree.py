"""Where each page type may be created: editors are never offered a page type in the
wrong place, and each language has at most one overview page of each kind."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from initiatives.models import (
    InitiativeIndexPage,
    InitiativePage,
    PitchEventIndexPage,
    PitchEventPage,
    PitchSubmissionPage,
)
from pages.models import AccessibilityStatementPage, ContentPage, HomePage
from participation.models import (
    ParticipationProjectIndexPage,
    ParticipationProjectPage,
    PolicyFeedbackStoryIndexPage,
    PolicyFeedbackStoryPage,
)
from tests import factories

INDEX_PAGES = [InitiativeIndexPage, PitchEventIndexPage, ParticipationProjectIndexPage, PolicyFeedbackStoryIndexPage]

# page type -> (the only parents it may have, the only children it may have)
PAGE_TREE = {
    HomePage: ({Page}, {ContentPage, AccessibilityStatementPage, *INDEX_PAGES}),
    ContentPage: ({HomePage, ContentPage}, {ContentPage}),
    AccessibilityStatementPage: ({HomePage}, set()),
    InitiativeIndexPage: ({HomePage}, {InitiativePage, PitchSubmissionPage}),
    InitiativePage: ({InitiativeIndexPage}, set()),
    PitchSubmissionPage: ({InitiativeIndexPage}, set()),
    PitchEventIndexPage: ({HomePage}, {PitchEventPage}),
    PitchEventPage: ({PitchEventIndexPage}, set()),
    ParticipationProjectIndexPage: ({HomePage}, {ParticipationProjectPage}),
    ParticipationProjectPage: ({ParticipationProjectIndexPage}, set()),
    PolicyFeedbackStoryIndexPage: ({HomePage}, {PolicyFeedbackStoryPage}),
    PolicyFeedbackStoryPage: ({PolicyFeedbackStoryIndexPage}, set()),
}
MEEDOEN_PAGE_TYPES = list(PAGE_TREE)


def model_id(model):
    return model.__name__


@pytest.fixture
def page_tests():
    """Wagtail's page-type assertions, usable from pytest functions."""
    return WagtailPageTestCase()


def test_every_page_type_is_covered():
    meedoen_models = {m for m in get_page_models() if m._meta.app_label in {"pages", "initiatives", "participation"}}
    assert meedoen_models == set(PAGE_TREE)


@pytest.mark.parametrize("model", MEEDOEN_PAGE_TYPES, ids=model_id)
def test_allowed_parent_page_types(page_tests, model):
    parents, _children = PAGE_TREE[model]
    page_tests.assertAllowedParentPageTypes(model, parents)


@pytest.mark.parametrize("model", MEEDOEN_PAGE_TYPES, ids=model_id)
def test_allowed_subpage_types(page_tests, model):
    _parents, children = PAGE_TREE[model]
    page_tests.assertAllowedSubpageTypes(model, children)


@pytest.mark.parametrize("model", MEEDOEN_PAGE_TYPES, ids=model_id)
def test_can_create_only_under_its_parents(page_tests, model):
    parents, _children = PAGE_TREE[model]
    for parent in parents:
        page_tests.assertCanCreateAt(parent, model)
    for other in [Page, *MEEDOEN_PAGE_TYPES]:
        if other not in parents:
            page_tests.assertCanNotCreateAt(other, model)


@pytest.fixture
def english_home(site_tree):
    """The English translation of the home page, without any children."""
    home = site_tree.home.copy_for_translation(site_tree.en)
    home.save_revision().publish()
    return home


@pytest.mark.parametrize("model", INDEX_PAGES, ids=model_id)
def test_second_index_page_under_the_same_home_is_refused(site_tree, model):
    assert not model.can_create_at(site_tree.home)


@pytest.mark.parametrize("model", INDEX_PAGES, ids=model_id)
def test_index_page_is_allowed_under_another_languages_home(english_home, model):
    assert english_home.locale.language_code == "en"
    assert model.can_create_at(english_home)


def test_content_pages_are_not_limited(site_tree):
    factories.ContentPageFactory(parent=site_tree.home)
    assert ContentPage.can_create_at(site_tree.home)


def test_admin_refuses_a_second_initiative_overview_under_the_same_home(client, admin_user, site_tree):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["initiatives", "initiativeindexpage", site_tree.home.pk])
    response = client.get(url)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_admin_offers_an_initiative_overview_under_the_english_home(client, admin_user, english_home):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["initiatives", "initiativeindexpage", english_home.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b'name="title"' in response.content


def test_one_pitch_form_per_initiatives_overview(site_tree):
    assert PitchSubmissionPage.can_create_at(site_tree.initiatives)
    factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)
    assert not PitchSubmissionPage.can_create_at(site_tree.initiatives)

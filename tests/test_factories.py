"""The factories make objects the models accept, so other tests start from valid data."""

import pytest

from tests import factories


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda tree: factories.ContentPageFactory(parent=tree.home), id="content"),
        pytest.param(lambda tree: factories.InitiativePageFactory(parent=tree.initiatives), id="initiative"),
        pytest.param(lambda tree: factories.PitchEventPageFactory(parent=tree.events), id="event"),
        pytest.param(lambda tree: factories.ParticipationProjectPageFactory(parent=tree.projects), id="project"),
        pytest.param(lambda tree: factories.PolicyFeedbackStoryPageFactory(parent=tree.stories), id="story"),
    ],
)
def test_page_factories_make_valid_published_pages(site_tree, make):
    page = make(site_tree)
    page.full_clean()
    assert page.live
    assert page.first_published_at is not None
    assert page.latest_revision is not None
    assert page.locale == site_tree.nl


def test_site_tree_pages_are_valid(site_tree):
    for page in [site_tree.home, site_tree.initiatives, site_tree.events, site_tree.projects, site_tree.stories]:
        page.full_clean()
        assert page.live


def test_draft_pages_have_a_revision_but_are_not_live(site_tree):
    page = factories.InitiativePageFactory(parent=site_tree.initiatives, live=False)
    assert not page.live
    assert page.latest_revision is not None
    assert page.first_published_at is None


def test_relations_are_part_of_the_published_revision(initiative_page, event_page, project_page, theme):
    revision = initiative_page.latest_revision.as_object()
    assert list(revision.themes.all()) == [theme]
    assert [n.description for n in revision.needs.all()] == ["Drie mensen op zaterdagochtend"]
    assert [s.initiative_id for s in event_page.latest_revision.as_object().programme.all()] == [initiative_page.pk]
    assert [p.title for p in project_page.latest_revision.as_object().phases.all()] == [
        "Ideeën ophalen",
        "Besluit van de raad",
    ]


def test_child_object_factories(site_tree, initiative_page, event_page, project_page):
    need = factories.InitiativeNeedFactory(page=initiative_page, kind="space")
    slot = factories.PitchSlotFactory(event=event_page, initiative=initiative_page)
    phase = factories.ProjectPhaseFactory(page=project_page)
    for obj in (need, slot, phase):
        obj.full_clean()
    assert need.locale == slot.locale == phase.locale == site_tree.nl


def test_snippet_and_image_factories(locales, settings):
    theme = factories.ThemeFactory()
    neighbourhood = factories.NeighbourhoodFactory(locale=locales.en)
    image = factories.ImageFactory()
    theme.full_clean()
    neighbourhood.full_clean()
    assert neighbourhood.locale == locales.en
    assert (image.width, image.height) == (64, 48)
    assert image.file.path.startswith(str(settings.MEDIA_ROOT))

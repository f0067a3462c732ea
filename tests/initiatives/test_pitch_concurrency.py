"""Two moderators act on one pitch at the same moment (PostgreSQL, real row locks): only
one accept wins, so there is never a second draft page."""

from initiatives import pitches
from initiatives.models import InitiativePage, Pitch
from tests import factories
from tests.initiatives.test_signups import in_threads, needs_postgresql


@needs_postgresql
def test_concurrent_accepts_make_one_draft(keep_migrated_data, transactional_db, site_tree, django_user_model):
    page = factories.PitchSubmissionPageFactory(parent=site_tree.initiatives)
    moderator = django_user_model.objects.create_superuser("moderator", "m@gemeente.example", "pw")
    pitch = Pitch.objects.create(
        page=page,
        initiative_name="Buurttuin",
        summary="Samen tuinieren",
        description="Een tuin voor iedereen.",
        founder_name="Sanne",
        email="sanne@bewoner.example.org",
        language="nl",
    )

    def accept(_i):
        try:
            return pitches.accept(pitch.pk, moderator).pk
        except pitches.Refused:
            return "refused"

    results = in_threads(4, accept)

    assert results.count("refused") == 3
    assert InitiativePage.objects.count() == 1
    assert Pitch.objects.get().initiative_id == InitiativePage.objects.get().pk

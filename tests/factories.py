"""factory_boy factories for every Meedoen page type and snippet.

Page factories need a `parent` (see the `site_tree` fixture in conftest.py). A page is
published through a revision, as an editor would publish it, unless it is created with
`live=False`, which leaves a draft revision. Themes, neighbourhoods, needs, programme slots
and phases are set before publishing, so they are part of the published revision.
"""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from initiatives.models import (
    InitiativeIndexPage,
    InitiativeNeed,
    InitiativePage,
    PitchEventIndexPage,
    PitchEventPage,
    PitchSlot,
    PitchSubmissionPage,
)
from pages.models import ContentPage, HomePage, Neighbourhood, Theme
from participation.models import (
    LadderRung,
    ParticipationProjectIndexPage,
    ParticipationProjectPage,
    PolicyFeedbackStoryIndexPage,
    PolicyFeedbackStoryPage,
    ProjectPhase,
)


def default_locale():
    return Locale.get_default()


# --- Snippets and images ------------------------------------------------------------------


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Alles over dit thema."
    locale = factory.LazyFunction(default_locale)


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    cbs_code = factory.Sequence(lambda n: f"WK{n:06d}")
    population = 4200
    description = "Een wijk van de gemeente."
    locale = factory.LazyFunction(default_locale)


class ImageFactory(DjangoModelFactory):
    """A Wagtail image from a small PNG that Pillow draws (stored under MEDIA_ROOT)."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Foto {n}")
    file = factory.django.ImageField(filename="foto.png", width=64, height=48, color="green", format="PNG")
    collection = factory.LazyFunction(Collection.get_first_root_node)


# --- Pages ------------------------------------------------------------------------------


class MeedoenPageFactory(wagtail_factories.PageFactory):
    """Base of the page factories: publishes through a revision after the relations are set."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    search_description = ""

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        instance.save()  # commits relations set above, so the instance's own copies get their keys
        revision = instance.save_revision()
        if instance.live:
            revision.publish()
        instance.refresh_from_db()


class TaxonomyPageFactory(MeedoenPageFactory):
    """Pages with themes and neighbourhoods: pass `themes=[...]`, `neighbourhoods=[...]`."""

    class Meta:
        abstract = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def neighbourhoods(obj, create, extracted, **kwargs):
        if extracted:
            obj.neighbourhoods.set(extracted)


class HomePageFactory(MeedoenPageFactory):
    class Meta:
        model = HomePage

    title = "Gemeente Testwijk"
    slug = "home"
    hero_intro = "Doe mee in je eigen buurt: initiatieven, pitchavonden en projecten."
    hero_cta_text = "Bekijk de initiatieven"


class ContentPageFactory(MeedoenPageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Over Meedoen {n}")
    intro = "Zo werkt meedoen in onze gemeente."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Iedereen kan een initiatief aanmelden.</p>"}]
    )


class InitiativeIndexPageFactory(MeedoenPageFactory):
    class Meta:
        model = InitiativeIndexPage

    title = "Initiatieven"
    slug = "initiatieven"
    intro = "<p>Wat bewoners zelf opzetten.</p>"


class InitiativePageFactory(TaxonomyPageFactory):
    """Pass `needs=[("volunteers", "Drie mensen op zaterdag"), ...]` for marketplace needs."""

    class Meta:
        model = InitiativePage

    title = factory.Sequence(lambda n: f"Buurtmoestuin {n}")
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}: samen groente kweken.")
    status = InitiativePage.Status.LOOKING_FOR_HELP
    public_owner = "Buurtvereniging De Linde"
    contact_email = factory.Sequence(lambda n: f"geheim-adres-{n}@initiatief.example.org")
    website = ""
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Ons verhaal.</p>"}])

    @factory.post_generation
    def needs(obj, create, extracted, **kwargs):
        for kind, description in extracted or []:
            obj.needs.add(InitiativeNeed(kind=kind, description=description))


class PitchSubmissionPageFactory(MeedoenPageFactory):
    class Meta:
        model = PitchSubmissionPage

    title = "Pitch je initiatief"
    slug = "pitch-je-initiatief"
    intro = "<p>Vertel ons over je plan.</p>"
    privacy_note = "<p>Alleen medewerkers zien je gegevens.</p>"
    thank_you = "<p>We laten binnen twee weken van ons horen.</p>"


class InitiativeNeedFactory(DjangoModelFactory):
    class Meta:
        model = InitiativeNeed

    page = None
    kind = InitiativeNeed.Kind.VOLUNTEERS
    description = "Drie mensen op zaterdagochtend"


class PitchEventIndexPageFactory(MeedoenPageFactory):
    class Meta:
        model = PitchEventIndexPage

    title = "Pitchavonden"
    slug = "pitchavonden"
    intro = "<p>Initiatiefnemers pitchen hun plan.</p>"


class PitchEventPageFactory(TaxonomyPageFactory):
    """Starts in two weeks by default. Pass `programme=[initiative, ...]` for the pitches."""

    class Meta:
        model = PitchEventPage

    title = factory.Sequence(lambda n: f"Pitchavond {n}")
    edition = factory.Sequence(lambda n: n + 1)
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}: vijf initiatieven op het podium.")
    start = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=14)).replace(microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    venue_name = "Wijkcentrum De Schakel"
    street_address = "Marktplein 1"
    postal_code = "1234 AB"
    city = "Testwijk"
    accessibility_info = "Drempelvrij, met ringleiding."
    capacity = 80

    @factory.post_generation
    def programme(obj, create, extracted, **kwargs):
        for position, initiative in enumerate(extracted or []):
            obj.programme.add(PitchSlot(initiative=initiative, sort_order=position, note=f"Pitch {position + 1}"))


class PitchSlotFactory(DjangoModelFactory):
    class Meta:
        model = PitchSlot

    event = None
    initiative = None
    sort_order = factory.Sequence(lambda n: n)
    note = "Pitch"


class ParticipationProjectIndexPageFactory(MeedoenPageFactory):
    class Meta:
        model = ParticipationProjectIndexPage

    title = "Projecten"
    slug = "participatie"
    intro = "<p>Vragen van de gemeente aan bewoners.</p>"


class ParticipationProjectPageFactory(TaxonomyPageFactory):
    """Pass `phases=[{"title": ..., "starts_on": ..., "ends_on": ...}, ...]` for its phases."""

    class Meta:
        model = ParticipationProjectPage

    title = factory.Sequence(lambda n: f"Herinrichting Marktplein {n}")
    question = "Hoe wilt u dat het Marktplein eruitziet?"
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}: denk mee over het plein.")
    ladder_rung = LadderRung.ADVISE
    status = ParticipationProjectPage.Status.OPEN
    how_to_take_part = "<p>Vul de enquête in of kom naar de inloopavond.</p>"

    @factory.post_generation
    def phases(obj, create, extracted, **kwargs):
        for position, phase in enumerate(extracted or []):
            obj.phases.add(ProjectPhase(sort_order=position, **phase))


class ProjectPhaseFactory(DjangoModelFactory):
    class Meta:
        model = ProjectPhase

    page = None
    title = factory.Sequence(lambda n: f"Fase {n}")
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=30))
    description = "Wat er in deze fase gebeurt."


class PolicyFeedbackStoryIndexPageFactory(MeedoenPageFactory):
    class Meta:
        model = PolicyFeedbackStoryIndexPage

    title = "Jij zei, wij deden"
    slug = "jij-zei-wij-deden"
    intro = "<p>Wat er met uw inbreng is gebeurd.</p>"


class PolicyFeedbackStoryPageFactory(TaxonomyPageFactory):
    class Meta:
        model = PolicyFeedbackStoryPage

    title = factory.Sequence(lambda n: f"Jij zei: meer groen {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van {o.title}: wat we met uw ideeën deden.")
    participant_count = 412
    participation_methods = "Een online enquête en twee avonden in het wijkcentrum."
    what_residents_said = factory.LazyFunction(
        lambda: [
            {"type": "quote", "value": {"text": "Meer bomen op het plein!", "attribution": "Bewoner"}},
            {"type": "figure", "value": {"number": "412", "label": "bewoners deden mee"}},
        ]
    )
    decision = "<p>Het college besloot twintig nieuwe bomen te planten.</p>"
    decision_reasons = "<p>Omdat de meeste bewoners dat vroegen.</p>"
    next_steps = "<p>In het voorjaar beginnen de werkzaamheden.</p>"

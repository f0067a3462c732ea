"""Build unsaved page and snippet instances from the demo data, in one language.

The Dutch instance is what gets created; the English one is its twin, used only to tell
wagtail-localize the English text of each Dutch string (see `translate.py`)."""

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings

from initiatives.models import InitiativeNeed, InitiativePage, PitchEventPage, PitchSlot, PitchSubmissionPage
from pages.models import ContentPage, HomePage, Neighbourhood, Theme
from participation.models import ParticipationProjectPage, PolicyFeedbackStoryPage, ProjectPhase

from .initiatives import INITIATIVES
from .text import pick, richtext, stream

CHILD_KEY_NAMESPACE = uuid.UUID("2f5b8a57-8f0e-4d52-9a57-1d3c0c6f4e21")


class Context:
    """What the builders need to resolve keys: images, pages, themes and dates."""

    def __init__(self, now, today):
        self.now = now
        self.today = today
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.images = {}  # demo key -> Image
        self.pages = {}  # demo key -> Dutch page (specific)
        self.themes = {}  # Dutch slug -> Dutch Theme
        self.neighbourhoods = {}  # slug -> Dutch Neighbourhood

    def day(self, offset):
        return self.today + timedelta(days=offset)

    def at(self, offset, hour, minute=0):
        return datetime.combine(self.day(offset), time(hour, minute), tzinfo=self.tz)

    def stream(self, blocks, lang, key):
        return stream(blocks, lang, key, images=self.images, pages=self.pages)


def child_key(data, relation, index):
    """A stable translation key for a page's translatable child object (a need, a phase,
    a pitch slot), so the English twin's segments line up with the Dutch ones."""
    return uuid.uuid5(CHILD_KEY_NAMESPACE, f"{data['key']}/{relation}/{index}")


def _set_taxonomy(page, data, ctx):
    page.themes = [ctx.themes[slug] for slug in data["themes"]]
    page.neighbourhoods = [ctx.neighbourhoods[slug] for slug in data["neighbourhoods"]]


# --- Snippets ------------------------------------------------------------------------------


def theme(data, lang):
    nl_slug, en_slug, name, description = data
    return Theme(name=pick(name, lang), slug=en_slug if lang == "en" else nl_slug, description=pick(description, lang))


def neighbourhood(data, lang):
    slug, name, cbs_code, population, description = data
    return Neighbourhood(
        name=name, slug=slug, cbs_code=cbs_code, population=population, description=pick(description, lang)
    )


# --- Home and general pages ----------------------------------------------------------------


def home(data, lang, ctx, *, with_links=True):
    """The home page; links to other pages only once those exist (`with_links`)."""
    page = HomePage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        hero_intro=pick(data["hero_intro"], lang),
        hero_image=ctx.images.get(data["hero_image"]),
        hero_cta_text=pick(data["hero_cta_text"], lang),
        body=ctx.stream(data["body"], lang, "home/body") if with_links else [],
    )
    if with_links:
        page.hero_cta_page = ctx.pages.get(data["hero_cta_page"])
    return page


def index_page(data, lang, ctx):
    model = apps.get_model(data["model"])
    return model(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        intro=richtext(data["intro"], lang),
        search_description=pick(data["search_description"], lang),
        show_in_menus=True,
    )


def content_page(data, lang, ctx):
    return ContentPage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        intro=pick(data["intro"], lang),
        body=ctx.stream(data["body"], lang, f"{data['key']}/body"),
        search_description=pick(data["search_description"], lang),
        show_in_menus=data.get("show_in_menus", False),
    )


# --- Initiatives and pitch events ----------------------------------------------------------


def initiative_image(data, ctx):
    if data["image"] is False:
        return None
    # Every third initiative has no picture of its own; cards must cope with that too.
    if data["number"] % 3 == 0:
        return None
    return ctx.images.get(f"theme-{data['themes'][0]}")


def initiative(data, lang, ctx):
    page = InitiativePage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        summary=pick(data["summary"], lang),
        body=ctx.stream(data["body"], lang, f"{data['key']}/body"),
        status=data["status"],
        public_owner=pick(data["public_owner"], lang),
        contact_email=data["contact_email"],
        website=data["website"],
        image=initiative_image(data, ctx),
        first_published_at=ctx.now - timedelta(days=data["days_ago"], hours=data["number"] % 7),
    )
    page.needs = [
        InitiativeNeed(translation_key=child_key(data, "needs", index), kind=kind, description=pick(text, lang))
        for index, (kind, text) in enumerate(data["needs"])
    ]
    _set_taxonomy(page, data, ctx)
    return page


def event_times(data, ctx):
    start = ctx.at(data["day_offset"], 19, 30)
    end = ctx.at(data["day_offset"], 21, 30)
    opens = ctx.at(data["day_offset"] + data["registration_opens_offset"], 9, 0)
    closes = start - timedelta(hours=data["registration_closes_hours_before"])
    published = min(opens - timedelta(days=7), ctx.now - timedelta(days=2 + data["edition"]))
    return start, end, opens, closes, published


def event(data, lang, ctx, venues):
    venue = venues[data["venue"]]
    start, end, opens, closes, published = event_times(data, ctx)
    page = PitchEventPage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        edition=data["edition"],
        summary=pick(data["summary"], lang),
        body=ctx.stream(data["body"], lang, f"{data['key']}/body"),
        image=ctx.images.get("event"),
        start=start,
        end=end,
        venue_name=pick(venue["venue_name"], lang),
        street_address=venue["street_address"],
        postal_code=venue["postal_code"],
        city=venue["city"],
        accessibility_info=pick(venue["accessibility_info"], lang),
        capacity=data["capacity"],
        max_seats_per_signup=data["max_seats_per_signup"],
        waiting_list_enabled=True,
        registration_opens_at=opens,
        registration_closes_at=closes,
        first_published_at=published,
    )
    slots = []
    for index, (initiative_key, note) in enumerate(data["programme"]):
        minutes = 45 + 15 * index
        slots.append(
            PitchSlot(
                translation_key=child_key(data, "programme", index),
                initiative=ctx.pages[initiative_key],
                starts_at=time(19 + minutes // 60, minutes % 60),
                note=pick(note, lang),
            )
        )
    page.programme = slots
    _set_taxonomy(page, event_taxonomy(data, venues), ctx)
    return page


def event_taxonomy(data, venues):
    """An event's themes are those of its first pitches; its neighbourhood is the venue's."""
    by_key = {item["key"]: item for item in INITIATIVES}
    themes = []
    for key, _note in data["programme"]:
        for slug in by_key[key]["themes"]:
            if slug not in themes:
                themes.append(slug)
    return {"themes": themes[:3], "neighbourhoods": [venues[data["venue"]]["neighbourhood"]]}


# --- Participation ------------------------------------------------------------------------


def project(data, lang, ctx):
    first_phase_start = min(start for _t, start, _e, _d, _p in data["phases"])
    page = ParticipationProjectPage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        question=pick(data["question"], lang),
        summary=pick(data["summary"], lang),
        body=ctx.stream(data["body"], lang, f"{data['key']}/body"),
        image=ctx.images.get(data["image"]),
        ladder_rung=data["ladder_rung"],
        status=data["status"],
        how_to_take_part=richtext(data["how_to_take_part"], lang),
        first_published_at=min(ctx.now - timedelta(days=1), ctx.at(first_phase_start - 14, 10)),
    )
    page.phases = [
        ProjectPhase(
            translation_key=child_key(data, "phases", index),
            title=pick(title, lang),
            starts_on=ctx.day(start),
            ends_on=ctx.day(end) if end is not None else None,
            description=pick(description, lang),
            is_participation=is_participation,
        )
        for index, (title, start, end, description, is_participation) in enumerate(data["phases"])
    ]
    page.related_events = [ctx.pages[key] for key in data["related_events"]]
    _set_taxonomy(page, data, ctx)
    return page


def story(data, lang, ctx):
    offset = data["next_step_offset"]
    page = PolicyFeedbackStoryPage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        date=ctx.day(data["day_offset"]),
        summary=pick(data["summary"], lang),
        image=ctx.images.get(data["image"]),
        project=ctx.pages.get(data["project"]) if data["project"] else None,
        initiative=ctx.pages.get(data["initiative"]) if data["initiative"] else None,
        participant_count=data["participant_count"],
        participation_methods=pick(data["participation_methods"], lang),
        what_residents_said=ctx.stream(data["what_residents_said"], lang, f"{data['key']}/said"),
        decision=richtext(data["decision"], lang),
        decision_reasons=richtext(data["decision_reasons"], lang),
        not_adopted=richtext(data["not_adopted"], lang),
        next_steps=richtext(data["next_steps"], lang),
        next_step_date=ctx.day(offset) if offset is not None else None,
        first_published_at=ctx.at(data["day_offset"], 10),
    )
    _set_taxonomy(page, data, ctx)
    return page


def pitch_form(data, lang, ctx):
    return PitchSubmissionPage(
        title=pick(data["title"], lang),
        slug=pick(data["slug"], lang),
        intro=richtext(data["intro"], lang),
        privacy_note=richtext(data["privacy_note"], lang),
        thank_you=richtext(data["thank_you"], lang),
        search_description=pick(data["search_description"], lang),
    )

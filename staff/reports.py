"""The figures staff see in the admin (dashboard panel and report pages): upcoming events
and their seats, who takes part where (inclusion), and where the municipality still owes
residents a feedback story. Plain functions over the models, so the views, the CSV export
and the tests read the same numbers. No personal data: only counts.

Every page is counted once per translation key (a page and its translations are one
thing), and neighbourhoods and themes likewise.

Inclusion counts come from `INCLUSION_SOURCES`: each source names what it counts and
gives, per item, the translation keys of its neighbourhoods and themes. Another source
(pitches, say) is one more `InclusionSource` appended to the list.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from initiatives.models import InitiativePage, Pitch, PitchEventPage, SignUp
from pages.models import Neighbourhood, Theme
from participation.models import ParticipationProjectPage, PolicyFeedbackStoryPage


def can_view_reports(user):
    """Everyone who may use the admin: the reports hold counts, never personal data."""
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def _first_per_key(pages):
    """One page per translation key: the first one made (normally the source)."""
    seen, result = set(), []
    for page in pages.order_by("pk"):
        if page.translation_key not in seen:
            seen.add(page.translation_key)
            result.append(page)
    return result


# --- Upcoming events ---------------------------------------------------------------------


@dataclass
class EventRow:
    event: object
    title: str
    start: object
    capacity: int
    seats_taken: int
    seats_left: int
    waiting_signups: int
    waiting_seats: int
    registration_state: str
    registration_label: str


REGISTRATION_LABELS = {
    "not_open": _("Not open yet"),
    "open": _("Open"),
    "closed": _("Closed"),
    "past": _("Past"),
}


def upcoming_events(now=None):
    """Events that have not ended, soonest first, with seats and waiting list."""
    now = now or timezone.now()
    events = sorted(_first_per_key(PitchEventPage.objects.filter(end__gte=now)), key=lambda e: (e.start, e.pk))
    keys = [event.translation_key for event in events]
    counts = {
        (row["event_key"], row["status"]): row
        for row in SignUp.objects.filter(event_key__in=keys, status__in=["confirmed", "waiting"])
        .values("event_key", "status")
        .annotate(signups=Count("pk"), seats=Sum("seats"))
    }
    rows = []
    for event in events:
        taken = counts.get((event.translation_key, "confirmed"), {}).get("seats") or 0
        waiting = counts.get((event.translation_key, "waiting"), {})
        state = event.registration_state
        rows.append(
            EventRow(
                event=event,
                title=event.title,
                start=event.start,
                capacity=event.capacity,
                seats_taken=taken,
                seats_left=max(event.capacity - taken, 0),
                waiting_signups=waiting.get("signups") or 0,
                waiting_seats=waiting.get("seats") or 0,
                registration_state=state,
                registration_label=str(REGISTRATION_LABELS[state]),
            )
        )
    return rows


# --- Inclusion -----------------------------------------------------------------------------


@dataclass
class InclusionSource:
    """Something residents do that the inclusion figures count. `items()` yields, per item
    counted, (weight, neighbourhood translation keys, theme translation keys)."""

    key: str
    label: str
    items: object


def _page_items(model):
    """Live pages of a model, one per translation key, with their taxonomy keys."""

    def items():
        pages = _first_per_key(model.objects.live().prefetch_related("neighbourhoods", "themes"))
        for page in pages:
            yield (
                1,
                {n.translation_key for n in page.neighbourhoods.all()},
                {t.translation_key for t in page.themes.all()},
            )

    return items


def _signup_items():
    """Sign-ups (not cancelled) count where their event takes place and what it is about."""
    taxonomy = {}
    for event in PitchEventPage.objects.prefetch_related("neighbourhoods", "themes").order_by("pk"):
        neighbourhoods, themes = taxonomy.setdefault(event.translation_key, (set(), set()))
        neighbourhoods.update(n.translation_key for n in event.neighbourhoods.all())
        themes.update(t.translation_key for t in event.themes.all())
    per_event = SignUp.objects.exclude(status="cancelled").values("event_key").annotate(n=Count("pk"))
    for row in per_event:
        neighbourhoods, themes = taxonomy.get(row["event_key"], (set(), set()))
        yield row["n"], neighbourhoods, themes


def _pitch_items():
    """Pitches (all but withdrawn ones) count where the initiative would happen and what it
    is about: who tries to start something, not only who succeeded."""
    for pitch in Pitch.objects.exclude(status="withdrawn").prefetch_related("neighbourhoods", "themes"):
        yield (
            1,
            {n.translation_key for n in pitch.neighbourhoods.all()},
            {t.translation_key for t in pitch.themes.all()},
        )


#: What the inclusion figures count, in column order. Append to add a source.
INCLUSION_SOURCES = [
    InclusionSource("initiatives", _("Initiatives"), _page_items(InitiativePage)),
    InclusionSource("signups", _("Sign-ups for events"), _signup_items),
    InclusionSource("pitches", _("Pitches"), _pitch_items),
]


@dataclass
class InclusionRow:
    key: object  # translation key, or None for "the whole municipality"
    name: str
    population: int | None
    population_share: float | None  # 0..1 of the residents of all neighbourhoods
    counts: dict = field(default_factory=dict)  # source key -> count
    shares: dict = field(default_factory=dict)  # source key -> 0..1 of what has a neighbourhood

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def total_share(self):
        return self.shares.get("total")

    @property
    def under_represented(self):
        """Taking part less than three quarters of what its number of residents would give."""
        share = self.total_share
        return bool(self.population_share) and share is not None and share < 0.75 * self.population_share


@dataclass
class Inclusion:
    sources: list
    neighbourhoods: list  # InclusionRow per neighbourhood, then one for the whole municipality
    themes: list  # InclusionRow per theme (no population)


def _snippets(model):
    """One snippet per translation key, named in the active language when translated."""
    locale = Locale.get_active()
    by_key = {}
    for snippet in model.objects.order_by("pk"):
        if snippet.translation_key not in by_key or snippet.locale_id == locale.pk:
            by_key[snippet.translation_key] = snippet
    return sorted(by_key.values(), key=lambda s: s.name.lower())


def inclusion(sources=None):
    sources = INCLUSION_SOURCES if sources is None else sources
    by_neighbourhood = {source.key: Counter() for source in sources}
    by_theme = {source.key: Counter() for source in sources}
    for source in sources:
        for weight, neighbourhood_keys, theme_keys in source.items():
            for key in neighbourhood_keys or {None}:
                by_neighbourhood[source.key][key] += weight
            for key in theme_keys:
                by_theme[source.key][key] += weight

    neighbourhoods = _snippets(Neighbourhood)
    population = sum(n.population or 0 for n in neighbourhoods)
    rows = [
        InclusionRow(
            key=n.translation_key,
            name=n.name,
            population=n.population,
            population_share=(n.population / population) if population and n.population is not None else None,
        )
        for n in neighbourhoods
    ]
    rows.append(InclusionRow(key=None, name=str(_("Whole municipality")), population=None, population_share=None))
    for source in sources:
        for row in rows:
            row.counts[source.key] = by_neighbourhood[source.key][row.key]
    # Shares among what is tied to a neighbourhood (the whole municipality takes no share).
    local = [row for row in rows if row.key is not None]
    for source_key in [source.key for source in sources] + ["total"]:
        total = sum(row.total if source_key == "total" else row.counts[source_key] for row in local)
        for row in local:
            value = row.total if source_key == "total" else row.counts[source_key]
            row.shares[source_key] = value / total if total else None

    themes = []
    for theme in _snippets(Theme):
        row = InclusionRow(key=theme.translation_key, name=theme.name, population=None, population_share=None)
        for source in sources:
            row.counts[source.key] = by_theme[source.key][theme.translation_key]
        themes.append(row)
    return Inclusion(sources=sources, neighbourhoods=rows, themes=themes)


# --- Pitches waiting --------------------------------------------------------------------------


@dataclass
class PitchRow:
    pitch: object
    title: str
    status: str
    waiting_since: object
    days_waiting: int
    wished_event: str


def pitches_waiting(now=None):
    """Open pitches (received, in review, more information asked), the longest-waiting
    first: waiting since their last status change."""
    now = now or timezone.now()
    open_pitches = Pitch.objects.filter(status__in=["received", "in_review", "info_requested"])
    return [
        PitchRow(
            pitch,
            pitch.initiative_name,
            pitch.get_status_display(),
            pitch.status_changed_at,
            (now - pitch.status_changed_at).days,
            pitch.wished_event.title if pitch.wished_event else "",
        )
        for pitch in open_pitches.select_related("wished_event").order_by("status_changed_at", "pk")
    ]


def pitches_by_status():
    """(status label, number of pitches) for every status, in the order of the flow."""
    counts = dict(Pitch.objects.values_list("status").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in Pitch.Status.choices]


# --- Feedback debt ---------------------------------------------------------------------------


@dataclass
class DebtRow:
    project: object
    title: str
    participation_ended_on: object
    days_ago: int


def feedback_debt(today=None):
    """Live participation projects whose participation phases have all ended, without a
    live feedback story about them (in any language): the longest-waiting first."""
    today = today or timezone.localdate()
    reported = set(
        PolicyFeedbackStoryPage.objects.live().exclude(project=None).values_list("project__translation_key", flat=True)
    )
    rows = []
    for project in _first_per_key(ParticipationProjectPage.objects.live().prefetch_related("phases")):
        if project.translation_key in reported:
            continue
        phases = [phase for phase in project.phases.all() if phase.is_participation]
        if not phases or any(phase.ends_on is None or phase.ends_on >= today for phase in phases):
            continue
        ended = max(phase.ends_on for phase in phases)
        rows.append(DebtRow(project, project.title, ended, (today - ended).days))
    return sorted(rows, key=lambda row: (row.participation_ended_on, row.project.pk))


def summary(now=None):
    """The few figures of the dashboard panel."""
    now = now or timezone.now()
    soon = now + timedelta(days=30)
    events = [row for row in upcoming_events(now) if row.start <= soon]
    figures = inclusion()
    return {
        "events": events[:5],
        "debt": feedback_debt(timezone.localdate(now))[:5],
        "under_represented": [row for row in figures.neighbourhoods if row.under_represented],
    }

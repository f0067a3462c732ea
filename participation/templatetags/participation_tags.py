"""The status timeline of an initiative or a participation project: what happened when."""

from dataclasses import dataclass
from datetime import date, datetime

from django import template
from django.utils import timezone

from participation.models import PolicyFeedbackStoryPage, StatusChange

register = template.Library()


@dataclass
class TimelineEntry:
    day: date
    kind: str  # "status" or "story"
    label: str
    page: object = None  # the feedback story


def _day(value):
    return timezone.localdate(value) if isinstance(value, datetime) else value


@register.simple_tag
def status_timeline(page):
    """The published status changes of `page` (shared by its translations) and the live
    feedback stories about it in its language, oldest first. A page published before
    status changes were recorded starts with its status at first publication."""
    labels = dict(type(page).Status.choices)
    entries = [
        TimelineEntry(_day(change.changed_at), "status", labels.get(change.status, change.status))
        for change in StatusChange.objects.filter(page_key=page.translation_key)
    ]
    if not entries and page.first_published_at:
        entries.append(TimelineEntry(_day(page.first_published_at), "status", page.get_status_display()))
    about = "project" if page._meta.model_name == "participationprojectpage" else "initiative"
    stories = (
        PolicyFeedbackStoryPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, **{f"{about}__translation_key": page.translation_key})
    )
    entries += [TimelineEntry(story.date, "story", story.title, story) for story in stories]
    return sorted(entries, key=lambda entry: (entry.day, entry.kind == "story"))

"""News feeds (RSS 2.0 and Atom) of Meedoen's pages, with Django's syndication framework,
in the language of the address (/nl/feeds/…, /en/feeds/…): all, or of one theme or
neighbourhood. Subclasses in initiatives/feeds.py and participation/feeds.py name the page
type. Only live, public pages appear, with what their public page shows (title, summary,
themes): never an address or anything a resident handed in.

Summaries are plain text, and the feeds say so: feed readers show an RSS `<description>`
and an Atom `<summary type="html">` as HTML, so a summary `<img src=x onerror=…>` would
run there. The generators below HTML-escape the RSS description once (the XML writer adds
the XML escaping) and write the Atom summary as `type="text"`."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from wagtail.models import Locale, Site

from .api import localized
from .models import Neighbourhood, Theme

#: How many items a feed carries.
FEED_LENGTH = 30

#: The scopes a feed can be narrowed to, by the word in its address.
SCOPES = {"theme": (Theme, "themes"), "neighbourhood": (Neighbourhood, "neighbourhoods")}


def active_locale():
    """The Wagtail locale of the active language; 404 when it has none (no content yet)."""
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    if locale is None:
        raise Http404("No content in this language.")
    return locale


def scope_object(scope, slug, locale):
    """The theme or neighbourhood named by `slug`, in `locale` where translated; 404 for
    an unknown scope or slug."""
    if scope not in SCOPES:
        raise Http404("Unknown feed.")
    model, _relation = SCOPES[scope]
    found = model.objects.filter(slug=slug, locale=locale).first() or model.objects.filter(slug=slug).first()
    if found is None:
        raise Http404("Unknown theme or neighbourhood.")
    return localized([found], locale.pk, model)[0]


def index_page(model, locale):
    """The live overview page of `model` in `locale`, for the feed's link."""
    return model.objects.live().public().filter(locale=locale).first()


class FeedScope:
    """What one feed shows: the language, and optionally a theme or neighbourhood."""

    def __init__(self, request, locale, scope=None, topic=None):
        self.request, self.locale, self.scope, self.topic = request, locale, scope, topic

    def filter(self, queryset):
        if self.topic is None:
            return queryset
        _model, relation = SCOPES[self.scope]
        return queryset.filter(**{f"{relation}__translation_key": self.topic.translation_key}).distinct()


class TextRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose item descriptions are plain text: readers take a description as HTML,
    so it goes out HTML-escaped."""

    def add_item_elements(self, handler, item):
        if item["description"] is not None:
            item = {**item, "description": escape(item["description"])}
        super().add_item_elements(handler, item)


class TextAtomFeed(Atom1Feed):
    """Atom 1.0 whose entry summaries are plain text (`type="text"`), where Django's
    Atom1Feed always writes `type="html"`."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PageFeed(Feed):
    """RSS 2.0 feed of the newest live, public pages of `model` in the active language."""

    feed_type = TextRssFeed
    model = None  # set on subclasses
    index_model = None
    date_field = "first_published_at"
    title_all = ""  # "Initiatives", translated lazily
    title_scoped = ""  # "Initiatives: %(topic)s"
    description_text = ""

    def get_object(self, request, scope=None, slug=None):
        locale = active_locale()
        topic = scope_object(scope, slug, locale) if scope else None
        return FeedScope(request, locale, scope, topic)

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response

    def title(self, obj):
        site = Site.find_for_request(obj.request)
        name = site.site_name if site and site.site_name else ""
        title = str(self.title_scoped) % {"topic": obj.topic.name} if obj.topic else str(self.title_all)
        return f"{title} | {name}" if name else title

    def link(self, obj):
        index = index_page(self.index_model, obj.locale)
        if index is not None:
            return index.get_full_url(obj.request)
        return obj.request.build_absolute_uri("/")

    def description(self, obj):
        return str(self.description_text)

    def feed_url(self, obj):
        return obj.request.build_absolute_uri(obj.request.path)

    def items(self, obj):
        pages = self.model.objects.live().public().filter(locale=obj.locale)
        pages = obj.filter(pages).select_related("locale").prefetch_related("themes", "neighbourhoods")
        return pages.order_by(f"-{self.date_field}", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.card_summary or ""

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        value = getattr(item, self.date_field)
        if value is not None and not hasattr(value, "hour"):
            value = timezone.make_aware(datetime.combine(value, time.min))
        return value

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        themes = localized(item.themes.all(), item.locale_id, Theme)
        neighbourhoods = localized(item.neighbourhoods.all(), item.locale_id, Neighbourhood)
        return [obj.name for obj in themes + neighbourhoods]


class AtomPageFeed:
    """Mix in before a PageFeed subclass for its Atom 1.0 version."""

    feed_type = TextAtomFeed

    def subtitle(self, obj):
        return self.description(obj)

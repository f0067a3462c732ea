"""Meedoen's public read API: Wagtail's API v2 at /api/v2/, read-only, for anyone.

What each endpoint shows is listed field by field on its class (`body_fields`), never
"all fields of the model": an address, a sign-up or a pitch can only appear if someone
adds it here, and tests/api/ checks every endpoint's output for personal data.

Shared here: the base endpoint (strict query parameters, filters that answer a bad value
with 400, anonymous rate limit, cached answers), the serializer fields for themes,
neighbourhoods, images and linked pages, and the theme and neighbourhood endpoints. The
content endpoints live in initiatives/api.py and participation/api.py; portal/api.py
registers them all on one router.
"""

import unicodedata
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone, translation
from rest_framework.fields import Field
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page

from . import publiccache, ratelimit
from .models import Neighbourhood, Theme

#: Image renditions every content endpoint offers: a card (16:9) and a large version.
IMAGE_SPECS = {"image_card": "fill-640x360|format-webp", "image_large": "max-1600x1200|format-jpeg"}

#: The URLconf a 404 of the API is answered under (portal/api_urls.py).
NOT_FOUND_URLCONF = "portal.api_urls"

#: The largest id a page or snippet can have (the database's integer).
MAX_ID = 2**31 - 1

#: No listing is longer; a larger offset would overflow the database's integers.
MAX_OFFSET = 1_000_000

#: ?search= is cut to this many characters, as the site search cuts what residents type
#: (search/service.py, MAX_QUERY_LENGTH).
MAX_SEARCH_LENGTH = 200

#: Query parameters every endpoint understands besides its own filters.
COMMON_PARAMETERS = frozenset(["limit", "offset", "fields", "order", "rich_text_format", "locale"])


# --- Throttling --------------------------------------------------------------------------


class AnonymousThrottle(AnonRateThrottle):
    """API_RATE_LIMIT requests per client address (e.g. '1000/hour'), counted in the cache
    (shared by every app server with Redis), behind a proxy per real client address."""

    scope = "meedoen_api"

    def get_rate(self):
        return settings.MEEDOEN_API_RATE_LIMIT

    def get_ident(self, request):
        return ratelimit.client_ip(request)


# --- Serializer fields --------------------------------------------------------------------


def localized(objects, locale_id, model):
    """Translatable `objects` in the locale `locale_id` where a translation exists."""
    objects = list(objects)
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale_id]
    if not keys:
        return objects
    queryset = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    if issubclass(model, Page):
        queryset = queryset.live().public()
    found = {obj.translation_key: obj for obj in queryset}
    return [found.get(obj.translation_key, obj) for obj in objects]


class TaxonomyField(Field):
    """Themes or neighbourhoods of a page, each in the page's language where translated:
    `[{"id": 3, "slug": "groen", "name": "Groen"}]`."""

    def __init__(self, relation, model, **kwargs):
        self.relation, self.model = relation, model
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        items = localized(getattr(page, self.relation).all(), page.locale_id, self.model)
        return [{"id": item.pk, "slug": item.slug, "name": item.name} for item in items]


def page_reference(page, locale_id=None):
    """A linked page as the API shows it, in `locale_id` where a live translation exists;
    None for a page that is not live and public."""
    if page is None:
        return None
    if locale_id is not None and page.locale_id != locale_id:
        page = localized([page], locale_id, type(page))[0]
    if not page.live or not Page.objects.filter(pk=page.pk).public().exists():
        return None
    return {"id": page.pk, "title": page.title, "html_url": page.full_url}


class PageReferenceField(Field):
    """A page this page links to (a ForeignKey), as {id, title, html_url}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_reference(getattr(page, self.field_name), page.locale_id)


class MethodField(Field):
    """A field computed by `function(page)`: for a value that is no model field, or for a
    model field that must be shown in a shape of our own."""

    def __init__(self, function, **kwargs):
        self.function = function
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return self.function(page)


def image_fields():
    return [APIField(name, serializer=ImageRenditionField(spec, source="image")) for name, spec in IMAGE_SPECS.items()]


def taxonomy_fields():
    return [
        APIField("themes", serializer=TaxonomyField("themes", Theme)),
        APIField("neighbourhoods", serializer=TaxonomyField("neighbourhoods", Neighbourhood)),
    ]


# --- Query parameters ---------------------------------------------------------------------


def parse_date(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(f"{name} must be a date as YYYY-MM-DD, e.g. 2031-12-02") from error
    if not 1900 <= day.year <= 2999:
        raise BadRequestError(f"{name} must be a date between 1900 and 2999")
    return day


def parse_boolean(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise BadRequestError(f"{name} must be true or false")


def locale_from(request):
    code = request.GET.get("locale")
    if code is None:
        return None
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        known = ", ".join(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
        raise BadRequestError(f"locale must be one of: {known}")
    return locale


def taxonomy_keys(request, name, model):
    """The translation keys of the themes (or neighbourhoods) named by slug in ?theme=,
    in any language; several are separated by commas and any of them matches."""
    value = request.GET.get(name)
    if value is None:
        return None
    slugs = [slug.strip() for slug in value.split(",") if slug.strip()]
    if not slugs or any(len(slug) > 80 for slug in slugs):
        raise BadRequestError(f"{name} must be one or more slugs separated by commas")
    found = dict(model.objects.filter(slug__in=slugs).values_list("slug", "translation_key"))
    unknown = sorted(set(slugs) - set(found))
    if unknown:
        raise BadRequestError(f"unknown {name}: {', '.join(unknown)} (see /api/v2/{name}s/ for the slugs)")
    return set(found.values())


def start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def by_taxonomy(request, queryset, relation, keys):
    """The pages with any of the themes (or neighbourhoods) of `keys`. With ?search= the
    match goes by primary key: a search backend filters only on its indexed fields, and a
    search server cannot follow a relation."""
    related = {f"{relation}__translation_key__in": keys}
    if "search" not in request.GET:
        return queryset.filter(**related).distinct()
    return queryset.filter(id__in=list(queryset.filter(**related).values_list("id", flat=True).distinct()))


class MeedoenFilter:
    """The filters of a Meedoen endpoint, configured on the view:
    - ?locale=nl (every endpoint)
    - ?theme=groen and ?neighbourhood=oud-west (slugs in any language; commas for several)
    - ?status=running when the view names `status_field`
    - ?date_from=2031-01-01&date_to=2031-12-31 on the view's `date_field` (inclusive)
    - ?upcoming=true for pitch events (not yet ended)
    Every value is checked; a bad one is answered with 400 and what would be valid."""

    def filter_queryset(self, request, queryset, view):
        locale = locale_from(request)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        if view.taxonomy:
            for name, model, relation in (
                ("theme", Theme, "themes"),
                ("neighbourhood", Neighbourhood, "neighbourhoods"),
            ):
                keys = taxonomy_keys(request, name, model)
                if keys is not None:
                    queryset = by_taxonomy(request, queryset, relation, keys)
        if view.status_field and "status" in request.GET:
            choices = dict(queryset.model._meta.get_field(view.status_field).choices)
            value = request.GET["status"]
            if value not in choices:
                raise BadRequestError(f"status must be one of: {', '.join(choices)}")
            queryset = queryset.filter(**{view.status_field: value})
        if view.date_field:
            is_datetime = queryset.model._meta.get_field(view.date_field).get_internal_type() == "DateTimeField"
            date_from, date_to = parse_date(request, "date_from"), parse_date(request, "date_to")
            if date_from and date_to and date_to < date_from:
                raise BadRequestError("date_to must not be before date_from")
            if date_from:
                bound = start_of(date_from) if is_datetime else date_from
                queryset = queryset.filter(**{f"{view.date_field}__gte": bound})
            if date_to:
                if is_datetime:
                    queryset = queryset.filter(**{f"{view.date_field}__lt": start_of(date_to) + timedelta(days=1)})
                else:
                    queryset = queryset.filter(**{f"{view.date_field}__lte": date_to})
        if "upcoming" in view.extra_parameters:
            upcoming = parse_boolean(request, "upcoming")
            if upcoming is True:
                queryset = queryset.filter(end__gte=timezone.now())
            elif upcoming is False:
                queryset = queryset.filter(end__lt=timezone.now())
        return queryset


def has_control_character(text):
    return any(unicodedata.category(character) == "Cc" for character in text)


class CappedSearchFilter(SearchFilter):
    """Wagtail's ?search=, on single-spaced words cut to MAX_SEARCH_LENGTH characters as the
    site search does (search/service.py: clean_query, which this app cannot import): the
    search backends nest one expression per word, and a few hundred words exceed Python's
    recursion limit. ?search_operator= is `and` (the default, as on the site search: all
    words must match, on every engine) or `or`."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if request.GET.get("search_operator") not in (None, "", "and", "or"):
            raise BadRequestError("search_operator must be and or or")
        params = request.GET.copy()
        params["search"] = " ".join(params["search"].split())[:MAX_SEARCH_LENGTH].strip()
        params["search_operator"] = params.get("search_operator") or "and"
        # Wagtail's filter reads nothing of the request but its query parameters.
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class CheckedOrderingFilter(OrderingFilter):
    """Wagtail's ?order=, without random order (which would defeat the cache)."""

    def filter_queryset(self, request, queryset, view):
        if "random" in request.GET.get("order", "").split(","):
            raise BadRequestError("random ordering is not offered")
        return super().filter_queryset(request, queryset, view)


# --- Endpoints ----------------------------------------------------------------------------


class CachedReadMixin:
    """Read-only, JSON only, rate-limited per client address, answers cached."""

    renderer_classes = [JSONRenderer]
    throttle_classes = [AnonymousThrottle]
    extra_parameters = frozenset()

    def allowed_parameters(self):
        return COMMON_PARAMETERS | self.extra_parameters

    def check_characters(self):
        """No control character in a parameter's name or value (the find view's html_path
        too): none belongs in one, and PostgreSQL refuses a NUL byte in any string."""
        for name, values in self.request.GET.lists():
            if any(has_control_character(text) for text in (name, *values)):
                raise BadRequestError(f"{name}: control characters (such as a null byte) are not allowed")

    def check_query_parameters(self, queryset=None):
        self.check_characters()
        unknown = set(self.request.GET) - self.allowed_parameters()
        if unknown:
            raise BadRequestError(
                f"unknown query parameter: {', '.join(sorted(unknown))}; "
                f"this endpoint understands: {', '.join(sorted(self.allowed_parameters()))}"
            )
        for name in ("offset", "limit"):
            value = self.request.GET.get(name, "")
            if value.isdecimal() and int(value) > MAX_OFFSET:
                raise BadRequestError(f"{name} cannot be higher than {MAX_OFFSET}")

    def _cached(self, request, scope, build):
        cache_key = publiccache.request_key(f"api:{self.name}:{scope}", request)
        data = cache.get(cache_key)
        if data is None:
            data = build().data
            cache.set(cache_key, data, publiccache.timeout())
        return Response(data)

    def listing_view(self, request):
        self.check_query_parameters()
        return self._cached(request, "listing", lambda: super(CachedReadMixin, self).listing_view(request))

    def detail_view(self, request, pk):
        if pk > MAX_ID:
            raise Http404("not found")
        self.check_query_parameters()
        return self._cached(request, "detail", lambda: super(CachedReadMixin, self).detail_view(request, pk))

    def find_view(self, request):
        self.check_characters()
        if "id" in request.GET and not request.GET["id"].isdecimal():
            raise BadRequestError("id must be a positive integer")
        if "id" in request.GET and int(request.GET["id"]) > MAX_ID:
            raise Http404("not found")
        return super().find_view(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 404:
            # LocaleMiddleware would redirect a 404 outside the language prefixes to
            # /nl/api/…, which Wagtail's catch-all route claims: keep the 404.
            request._request.urlconf = NOT_FOUND_URLCONF
        return publiccache.mark_public(response)


class ContentPagesEndpoint(CachedReadMixin, PagesAPIViewSet):
    """The base of the content endpoints: live, public pages of exactly one page type, in
    every language unless ?locale= is given."""

    filter_backends = [MeedoenFilter, CheckedOrderingFilter, CappedSearchFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters  # only used by Wagtail's find view
    taxonomy = True
    status_field = None
    date_field = None
    default_order = ["-first_published_at", "-pk"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["summary", "image_card"]
    meta_fields = ["type", "detail_url", "html_url", "slug", "search_description", "first_published_at", "locale"]

    def allowed_parameters(self):
        names = super().allowed_parameters() | {"search", "search_operator"}
        if self.taxonomy:
            names |= {"theme", "neighbourhood"}
        if self.status_field:
            names |= {"status"}
        if self.date_field:
            names |= {"date_from", "date_to"}
        return names

    #: Related rows every item shows, fetched for the whole page of results at once.
    prefetch = ("themes", "neighbourhoods", "image__renditions")

    def get_queryset(self):
        public = self.get_base_queryset().values("pk")
        return (
            self.model.objects.filter(pk__in=public)
            .select_related("locale", "image")
            .prefetch_related(*self.prefetch)
            .order_by(*self.default_order)
        )

    def get_object(self):
        # Wagtail's PagesAPIViewSet adds `.specific`; our querysets are specific already.
        return super(PagesAPIViewSet, self).get_object()


class ThemesEndpoint(CachedReadMixin, BaseAPIViewSet):
    """Themes, in every language unless ?locale= is given."""

    name = "themes"
    model = Theme
    filter_backends = [MeedoenFilter, CheckedOrderingFilter]
    taxonomy = False
    status_field = None
    date_field = None
    body_fields = ["id", "name", "slug", "description", "translation_key"]
    meta_fields = ["type", "detail_url", "locale"]
    listing_default_fields = ["id", "type", "detail_url", "name", "slug", "locale"]

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(
            ["type", "detail_url", APIField("locale", serializer=MethodField(lambda obj: obj.locale.language_code))]
        )

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("locale__language_code", "name", "pk")


class NeighbourhoodsEndpoint(ThemesEndpoint):
    """Neighbourhoods with their CBS district code and number of residents."""

    name = "neighbourhoods"
    model = Neighbourhood
    body_fields = ["id", "name", "slug", "description", "cbs_code", "population", "translation_key"]

"""The sitemap and robots.txt.

/sitemap.xml is an index (Django's sitemap index) of sections, /sitemap-<section>.xml, one
for each group of page types and language ("initiatives-nl", "pages-en"), each split into
pages of at most `SectionSitemap.limit` addresses (?p=2, …) by Django's sitemap view. Every
live, public page under the site's home page and under its translations is in exactly one
section, with `hreflang` alternates for its live, public translations and an `x-default`
(the default language). The index and every page of a section are kept in the public cache.

A page type's group is its overview's: a type the site search finds (`search_type`) whose
only parent type is an overview (`index_kind`) is in that overview's group ("initiatives",
"events", "projects", "stories"); every other type (the home page, general pages, the
overviews themselves, forms) is in "pages". Page types are found in Wagtail's registry, not
imported: what they declare decides.

The theme and neighbourhood pages (search/views.py, which every tag links to) are sections
of their own, "themes-<language>" and "neighbourhoods-<language>": one address per theme or
neighbourhood of a language the site speaks, with its translations as alternates.

A section page reads its pages as rows, not as page objects, and makes their addresses
from their `url_path` (`Addresses`) rather than asking each page: 500 addresses with their
alternates, in Django's own sitemap template, in about 55 ms at 10,000 initiatives.
"""

import re
from functools import cached_property, lru_cache
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Max, Q
from django.db.models.functions import Cast, Coalesce
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.views.decorators.http import require_GET
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, Site, get_page_models

from .models import Neighbourhood, Theme
from .publiccache import cached_view, private_q

#: The group of every page type outside the overviews' groups.
OTHER_GROUP = "pages"

#: The sections of the theme and neighbourhood pages: {group: (snippet model, URL name)}.
TAXONOMY_GROUPS = {"themes": (Theme, "theme"), "neighbourhoods": (Neighbourhood, "neighbourhood")}

#: A page's `lastmod`, as Wagtail's sitemap gives it.
LASTMOD = Coalesce("last_published_at", "latest_revision_created_at")


@lru_cache(maxsize=1)
def overview_groups():
    """{group: [page models]} of the overviews' groups (see above), in the order of the site
    search's facets."""
    kinds = {model: model.index_kind for model in get_page_models() if getattr(model, "index_kind", None)}
    groups = {}
    for model in sorted(get_page_models(), key=lambda model: getattr(model, "search_order", 0)):
        if not getattr(model, "search_type", None):
            continue
        parent_kinds = {kinds.get(parent) for parent in model.allowed_parent_page_models()}
        if len(parent_kinds) == 1 and None not in parent_kinds:
            groups.setdefault(parent_kinds.pop(), []).append(model)
    return groups


class Sections:
    """The sitemap's sections for one request: its site's live, public pages by group and
    language."""

    def __init__(self, request):
        self.request = request
        self.languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.groups = [*overview_groups(), OTHER_GROUP, *TAXONOMY_GROUPS]
        # The languages with addresses of their own (the theme and neighbourhood pages).
        self.url_languages = [code for code, _name in settings.LANGUAGES]
        # {group: content type ids} (ContentType's manager keeps them after the first request).
        self.content_types = {
            group: [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]
            for group, models in overview_groups().items()
        }
        site = self.site = Site.find_for_request(request)
        if site is None:
            self.pages = Page.objects.none()
            return
        # The site's home page and its live translations, each the top of a tree.
        root = Page.objects.filter(pk=site.root_page_id)
        homes = Page.objects.filter(
            Q(pk=site.root_page_id) | Q(live=True, translation_key__in=root.values("translation_key"))
        )
        trees = Q()
        for path in homes.values_list("path", flat=True):
            trees |= Q(path__startswith=path)
        self.pages = Page.objects.live().filter(trees).exclude(private_q()) if trees else Page.objects.none()

    def pages_of(self, group, language):
        """The live, public pages of one section (a query)."""
        pages = self.pages.filter(locale__language_code=language)
        if group == OTHER_GROUP:
            return pages.exclude(content_type__in=[pk for pks in self.content_types.values() for pk in pks])
        return pages.filter(content_type__in=self.content_types[group])

    def sitemap(self, name):
        """The section called `name`, "<group>-<language>" (404 for a name that is none; an
        empty section answers 404 too, when its first page is asked for)."""
        for group in self.groups:
            language = name.removeprefix(f"{group}-")
            if language and language != name:
                if group in TAXONOMY_GROUPS:
                    if self.site is None or language not in self.url_languages:
                        raise Http404(f"No sitemap section {name!r}")
                    return TaxonomySitemap(self, group, language)
                return SectionSitemap(self, group, language)
        raise Http404(f"No sitemap section {name!r}")

    def sitemaps(self):
        """{name: SectionSitemap} of every section with a page, for the index: how many pages
        and the latest `lastmod` of each, from one query."""
        group_of = {pk: group for group, pks in self.content_types.items() for pk in pks}
        found = {}
        rows = (
            self.pages.order_by()
            .values_list("content_type", "locale__language_code")
            .annotate(count=Count("pk"), latest=Max(LASTMOD))
        )
        for content_type, language, count, latest in rows:
            section = (group_of.get(content_type, OTHER_GROUP), language)
            total, latest_before = found.get(section, (0, None))
            found[section] = (total + count, max(filter(None, [latest_before, latest]), default=None))
        if self.site is not None:  # the theme and neighbourhood pages: a query per model
            for group, (model, _url_name) in TAXONOMY_GROUPS.items():
                rows = (
                    model.objects.filter(locale__language_code__in=self.url_languages)
                    .order_by()
                    .values_list("locale__language_code")
                    .annotate(count=Count("pk"))
                )
                for language, count in rows:
                    found[group, language] = (count, None)
        # The languages of the portal first, then those of pages in a locale it has left.
        languages = [*self.languages, *sorted({language for _group, language in found} - set(self.languages))]
        return {
            f"{group}-{language}": (TaxonomySitemap if group in TAXONOMY_GROUPS else SectionSitemap)(
                self, group, language, *found[group, language]
            )
            for group in self.groups
            for language in languages
            if (group, language) in found
        }


@lru_cache
def has_own_addresses(model):
    """Whether a page type gives its address (or its sitemap entries) differently from
    Wagtail's `Page`: its pages are then asked themselves."""
    methods = ("get_sitemap_urls", "get_full_url", "get_url_parts", "_get_relevant_site_root_paths")
    return model is None or any(getattr(model, name) is not getattr(Page, name) for name in methods)


#: What Wagtail's page route accepts after a site's root (wagtail/urls.py), so what `reverse`
#: gives back for a page.
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")


class Addresses:
    """The full URLs of pages of types without addresses of their own, from their
    `url_path`: what `Page.get_full_url` gives, from one `reverse` for each site root
    rather than one for each page."""

    def __init__(self, request):
        self.request = request
        self.roots = [root.root_path for root in Site.get_site_root_paths()]  # kept in the cache
        self.bases = {}

    def __call__(self, url_path):
        # The address of the innermost site root the page is under, as Wagtail gives it; the
        # rest is quoted as `reverse` quotes it.
        top = max((root for root in self.roots if url_path.startswith(root)), key=len, default=None)
        if top is None:
            return None
        if top not in self.bases:
            self.bases[top] = Page(url_path=top).get_full_url(self.request)
        rest = url_path[len(top) :]
        if self.bases[top] is None or not WAGTAIL_APPEND_SLASH or not SERVE_PATH.fullmatch(rest):
            return Page(url_path=url_path).get_full_url(self.request)  # as Wagtail does
        return self.bases[top] + quote(rest, safe=f"{RFC3986_SUBDELIMS}/~:@")


class SectionSitemap(Sitemap):
    """One section: the live, public pages of a group in one language, in tree order, each
    with its translations as alternates."""

    #: Addresses on one page of a section (?p=2 for the next ones).
    limit = 500

    def __init__(self, sections, group, language, count=None, latest=None):
        self.request = sections.request
        self.sections, self.group, self.language = sections, group, language
        self.count, self.latest = count, latest

    def items(self):
        # The ids alone, which the `meedoen_page_listing` index (pages migration 0002) gives
        # without reading the pages: sorting the whole rows of a section by path takes SQLite
        # four times as long. `_urls` reads the rows of one sitemap page.
        return self.sections.pages_of(self.group, self.language).order_by("path").values_list("pk", flat=True)

    @cached_property
    def paginator(self):
        # An empty section has no first page either: a 404, as an unknown one.
        paginator = Paginator(self._items(), self.limit, allow_empty_first_page=False)
        if self.count is not None:
            paginator.count = self.count  # known from the index's query
        return paginator

    def get_latest_lastmod(self):
        return self.latest

    def _urls(self, page, protocol, domain):
        ids = list(self.paginator.page(page).object_list)
        # These pages and their live, public translations in the other languages: one query,
        # bounded by the length of this sitemap page. (A translation key as text: the same
        # to compare, without making a UUID of each.)
        found = (
            self.sections.pages.filter(translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"))
            .order_by("path")
            .annotate(key=Cast("translation_key", CharField()), language=F("locale__language_code"), lastmod=LASTMOD)
            .values_list("pk", "content_type", "url_path", "key", "language", "lastmod")
        )
        rows, others = [], []
        for row in found:
            (rows if row[4] == self.language else others).append(row)
        # The pages of a type with addresses of its own are asked themselves.
        own_types = {
            content_type
            for content_type in {row[1] for row in rows} | {row[1] for row in others}
            if has_own_addresses(ContentType.objects.get_for_id(content_type).model_class())
        }
        own = [row[0] for row in [*rows, *others] if row[1] in own_types]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=own).specific()} if own else {}
        address = Addresses(self.request)

        translations = {}  # {translation key: {language: address}} of the other languages
        for pk, _type, url_path, key, language, _lastmod in others:
            location = specific[pk].get_full_url(self.request) if pk in specific else address(url_path)
            if location:
                translations.setdefault(key, {})[language] = location
        urls, last_mods = [], set()
        for pk, _type, url_path, key, _language, lastmod in rows:
            if pk in specific:
                infos = specific[pk].get_sitemap_urls(self.request)
            else:
                location = address(url_path)
                infos = [{"location": location, "lastmod": lastmod}] if location else []
            if infos and key in translations:
                alternates = self.alternates({self.language: infos[0]["location"], **translations[key]})
                for info in infos:
                    info["alternates"] = alternates
            urls += infos
            last_mods.update(info.get("lastmod") for info in infos)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates(self, locations):
        """`hreflang` alternates from {language: address}, in the order of the languages,
        and the default language's address (or the first) as `x-default`."""
        order = {code: position for position, code in enumerate(self.sections.languages)}
        alternates = [
            {"lang_code": code, "location": locations[code]}
            for code in sorted(locations, key=lambda code: (order.get(code, len(order)), code))
        ]
        default = locations.get(settings.LANGUAGE_CODE, alternates[0]["location"])
        return [*alternates, {"lang_code": "x-default", "location": default}]


class TaxonomySitemap(SectionSitemap):
    """One section of theme or neighbourhood pages in one language, by slug, each with the
    pages of its translations as alternates."""

    def __init__(self, sections, group, language, count=None, latest=None):
        super().__init__(sections, group, language, count, latest)
        self.model, self.url_name = TAXONOMY_GROUPS[group]

    def items(self):
        return (
            self.model.objects.filter(locale__language_code=self.language)
            .order_by("slug")
            .values_list("translation_key", "slug")
        )

    def address(self, language, slug):
        with translation.override(language):
            path = reverse(self.url_name, kwargs={"slug": slug})
        return self.sections.site.root_url + path

    def _urls(self, page, protocol, domain):
        rows = list(self.paginator.page(page).object_list)
        # Their translations in the site's other languages: one query.
        others = {}
        translations = (
            self.model.objects.filter(
                translation_key__in=[key for key, _slug in rows], locale__language_code__in=self.sections.url_languages
            )
            .exclude(locale__language_code=self.language)
            .values_list("translation_key", "locale__language_code", "slug")
        )
        for key, language, slug in translations:
            others.setdefault(key, {})[language] = self.address(language, slug)
        urls = []
        for key, slug in rows:
            info = {"location": self.address(self.language, slug), "lastmod": None}
            if key in others:
                info["alternates"] = self.alternates({self.language: info["location"], **others[key]})
            urls.append(info)
        return urls


#: The page routes (their msgids, as in the models) whose addresses carry a personal token.
PERSONAL_ROUTES = ["signup/<str:token>/", "status/<str:token>/"]


@require_GET
@cached_view("sitemap")
def sitemap(request):
    """The index of the sections with a page (their pages after the first as ?p=N)."""
    return sitemap_views.index(request, Sections(request).sitemaps(), sitemap_url_name="sitemap_section")


@require_GET
@cached_view("sitemap")  # the key holds the path and the query string: one per section page
def sitemap_section(request, section):
    sitemaps = {section: Sections(request).sitemap(section)}
    return sitemap_views.sitemap(request, sitemaps, section=section)


@require_GET
def robots_txt(request):
    """Keep the admin, residents' personal sign-up links and search results out of
    search engines; point them at the sitemap."""
    disallow = ["/admin/", "/documents/", "/api/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallow.append(reverse("search"))
            # Personal links carry a token after a page's address: a resident's sign-up
            # (/<lang>/…/<event>/<signup path>/<token>/) and a founder's pitch status. Block
            # those paths under every page (search engines understand the * wildcard).
            for route in PERSONAL_ROUTES:
                disallow.append(f"/{code}/*/{translation.gettext(route).split('<', 1)[0]}")
            # Unsubscribe links in e-mails carry a personal token too.
            try:
                unsubscribe = reverse("feedback_unsubscribe", args=["token"])
            except NoReverseMatch:
                continue
            disallow.append(unsubscribe.removesuffix("token/"))
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in dict.fromkeys(disallow)]]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

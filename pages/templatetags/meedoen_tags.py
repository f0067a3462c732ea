"""Template tags for Meedoen's front end: navigation, breadcrumbs, the language switcher,
footer links, cards and a few small helpers.

The page "chrome" (main menu, breadcrumbs, language switcher, hreflang links, footer
links) is built once per page and language. Listings go through `cards` (or
`card_sections`) and `render_cards`, which fetches card images (with their renditions),
themes and neighbourhoods for all the cards it has to render at once: a card never runs a
query of its own. The chrome and the rendered cards are kept in the public cache
(pages/publiccache.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page as PaginatorPage
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, TranslatableMixin

from pages import my_neighbourhood as my_neighbourhood_choice
from pages import publiccache
from pages.models import MunicipalitySettings, child_pages

register = template.Library()

#: The rendition every card uses (Card.rendition, shown by templates/includes/card.html).
CARD_IMAGE_SPEC = "fill-640x360|format-webp"
#: The home page's hero image, as templates/pages/home_page.html asks for it.
HERO_IMAGE_SPEC = "fill-960x540|format-webp"

MUNICIPALITY_PAGE_FIELDS = ("privacy_page", "accessibility_page", "contact_page")
TAXONOMY_FIELDS = ("themes", "neighbourhoods")


# --- Small helpers -----------------------------------------------------------------------


def _request_store(context):
    """A dict that lives as long as the request (a fresh one when there is no request)."""
    request = context.get("request")
    if request is None:
        return {}
    store = getattr(request, "_meedoen_store", None)
    if store is None:
        store = request._meedoen_store = {}
    return store


def _once_per_request(context, key, compute):
    store = _request_store(context)
    if key not in store:
        store[key] = compute()
    return store[key]


def _language_code(code=None):
    """The site language for `code` (default: the active language), e.g. 'nl'."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def _language_root_url(code):
    """The bare language root such as /en/, for when no page can be found."""
    with translation.override(code):
        try:
            return reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            return "/"


def _with_untranslated_flag(url):
    return f"{url}{'&' if '?' in url else '?'}untranslated=1"


def _is_routable_page(page):
    return isinstance(page, Page) and page.pk is not None and page.depth >= 2


def _has_field(model_or_obj, name):
    try:
        model_or_obj._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _site(request):
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return site
    return Site.objects.select_related("root_page").filter(is_default_site=True).first()


# --- The chrome: menu, breadcrumbs, languages and footer ------------------------------


@dataclass
class Chrome:
    """What the header, breadcrumbs and footer need, from four queries (kept in the
    public cache per page, language and site)."""

    home: Page | None = None
    children: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)  # language code -> live translation of the page
    ancestors: list = field(default_factory=list)  # home page .. parent
    ancestor_translations: dict = field(default_factory=dict)  # language code -> deepest ancestor
    municipality_pages: dict = field(default_factory=dict)
    locale: Locale | None = None
    language_of_locale: dict = field(default_factory=dict)  # locale id -> language code


def _build_chrome(context):
    request = context.get("request")
    page = context.get("page")
    page = page if _is_routable_page(page) else None
    language = _language_code()
    chrome = Chrome(municipality_pages=dict.fromkeys(MUNICIPALITY_PAGE_FIELDS))
    chrome.language_of_locale = dict(Locale.objects.values_list("pk", "language_code"))
    chrome.locale = next(
        (Locale(pk=pk, language_code=code) for pk, code in chrome.language_of_locale.items() if code == language), None
    )
    site = _site(request)
    if site is None:
        return chrome
    setting_ids = {}
    if request is not None:
        municipality = MunicipalitySettings.for_request(request)
        setting_ids = {name: getattr(municipality, f"{name}_id") for name in MUNICIPALITY_PAGE_FIELDS}
    setting_ids = {name: pk for name, pk in setting_ids.items() if pk}
    chrome.ancestors = list(page.get_ancestors().filter(depth__gte=2)) if page is not None else []

    # Every live translation of the home page, the page, its ancestors and the footer
    # pages, deepest first.
    keys = {site.root_page.translation_key} | {p.translation_key for p in [page, *chrome.ancestors] if p is not None}
    footer_keys = Page.objects.filter(pk__in=setting_ids.values()).values("translation_key")
    related = list(
        Page.objects.live().filter(Q(translation_key__in=keys) | Q(translation_key__in=footer_keys)).order_by("-depth")
    )
    for p in related:
        p.chrome_language_code = chrome.language_of_locale.get(p.locale_id)

    def in_language(key, code=language):
        return next((p for p in related if p.translation_key == key and p.chrome_language_code == code), None)

    chrome.home = in_language(site.root_page.translation_key)
    if chrome.home is not None:
        chrome.children = list(child_pages(Page.objects.live(), chrome.home).order_by("path"))
    if page is not None:
        chrome.translations = {p.chrome_language_code: p for p in related if p.translation_key == page.translation_key}
        ancestor_keys = {a.translation_key for a in chrome.ancestors}
        for candidate in related:
            if candidate.translation_key in ancestor_keys:
                chrome.ancestor_translations.setdefault(candidate.chrome_language_code, candidate)
    # Footer pages, each in the active language where a live translation exists.
    by_pk = {p.pk: p for p in related}
    for name, pk in setting_ids.items():
        if pk in by_pk:
            chrome.municipality_pages[name] = in_language(by_pk[pk].translation_key) or by_pk[pk]
    return chrome


def _chrome(context):
    """The Chrome of this request: built once per page, language and site, and kept in
    the public cache (pages/publiccache.py)."""
    return _once_per_request(context, "chrome", lambda: _cached_chrome(context))


def _cached_chrome(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return _build_chrome(context)
    page = context.get("page")
    page_pk = page.pk if _is_routable_page(page) else None
    key = publiccache.key("chrome", site.pk, _language_code(), page_pk)
    return publiccache.remember(key, lambda: _build_chrome(context))


def _active_locale(context):
    return _chrome(context).locale


# --- Objects in the active language ------------------------------------------------------


def _localize(context, objects):
    """`objects` (translatable model instances, mixed models allowed) in the active
    language where a translation exists; live translations only for pages. One query
    per model that needs translating, none when everything is in the active language."""
    objects = [obj for obj in objects if obj is not None]
    locale = _active_locale(context)
    if locale is None:
        return objects
    wanted = defaultdict(set)
    for obj in objects:
        if isinstance(obj, TranslatableMixin) and obj.locale_id != locale.pk:
            wanted[type(obj)].add(obj.translation_key)
    found = {}
    for model, keys in wanted.items():
        queryset = model.objects.filter(translation_key__in=keys, locale_id=locale.pk)
        if issubclass(model, Page):
            queryset = queryset.live()
        for translated in queryset:
            found[(model, translated.translation_key)] = translated
    return [found.get((type(obj), getattr(obj, "translation_key", None)), obj) for obj in objects]


@register.simple_tag(takes_context=True)
def localized_list(context, objects):
    """`{% localized_list page.related_events.all as events %}`: each object in the active
    language where a (live) translation exists, else as it is. For a queryset of a
    translatable model this is one query in all; for a list, one per model that needs
    translating."""
    if isinstance(objects, QuerySet) and issubclass(objects.model, TranslatableMixin):
        locale = _active_locale(context)
        if locale is None:
            return list(objects)
        model = objects.model
        translated = Q(translation_key__in=objects.values("translation_key"), locale_id=locale.pk)
        if issubclass(model, Page):
            translated &= Q(live=True)
        ordering = objects.query.order_by or model._meta.ordering or ["pk"]
        rows = list(model.objects.filter(translated | Q(pk__in=objects.values("pk"))).order_by(*ordering))
        is_page = issubclass(model, Page)
        in_language = {obj.translation_key: obj for obj in rows if obj.locale_id == locale.pk}
        result = []
        seen = set()
        for obj in rows:
            if obj.translation_key in seen:
                continue
            seen.add(obj.translation_key)
            choice = in_language.get(obj.translation_key, obj)
            if not is_page or choice.live:
                result.append(choice)
        return result
    return _localize(context, list(objects or []))


@register.simple_tag(takes_context=True)
def localized_object(context, obj):
    """`{% localized_object page.project as project %}`: like `.localized`, without a
    Locale lookup of its own."""
    if obj is None:
        return None
    return _localize(context, [obj])[0]


@register.simple_tag(takes_context=True)
def localized_page(context, page_id):
    """`{% localized_page page.hero_cta_page_id as cta_page %}`: a page by id, in the
    active language. Free when it is a child of the home page (as overview pages are);
    otherwise one or two queries."""
    if not page_id:
        return None
    chrome = _chrome(context)
    for child in chrome.children:
        if child.pk == page_id:
            return child
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    localized = _localize(context, [page])[0]
    return localized if localized.live else None


# --- Menu and overview pages -------------------------------------------------------------


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the active language (None when there is none)."""
    return _chrome(context).home


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _chrome(context).home
    if home is not None:
        url = home.get_url(context.get("request"))
        if url:
            return url
    return _language_root_url(_language_code())


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live children of the active language's home page that are shown in menus:
    a list of dicts with `title`, `url`, `is_current` (this page) and `is_section`
    (the current page lies below it)."""
    request = context.get("request")
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) and current.path else ""
    return [
        {
            "title": child.title,
            "url": child.get_url(request),
            "is_current": child.path == current_path,
            "is_section": current_path.startswith(child.path) and child.path != current_path,
        }
        for child in _chrome(context).children
        if child.show_in_menus
    ]


@register.simple_tag(takes_context=True)
def index_pages(context):
    """The overview pages under the active language's home page, as a dict with keys
    `initiatives`, `events`, `projects` and `stories` (missing when there is none).
    Shares the one query of the menu."""
    found = {}
    for child in _chrome(context).children:
        kind = getattr(child.specific_class, "index_kind", None)  # each overview names itself
        if kind and kind not in found:
            found[kind] = child
    return found


# --- Breadcrumbs -------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """From the home page to the page being shown: a list of dicts with `title`, `url`
    and `is_current`. Empty on the home page itself. A view that is not a page (the
    search, a theme) names itself in the context as `breadcrumb`."""
    page = context.get("page")
    request = context.get("request")
    if not _is_routable_page(page):
        current = context.get("breadcrumb")
        if not current or request is None:
            return []
        return [
            {"title": _("Home"), "url": home_url(context)},
            {"title": current, "url": request.path, "is_current": True},
        ]
    if page.depth <= 2:
        return []
    ancestors = _chrome(context).ancestors
    trail = [
        {"title": _("Home") if ancestor.depth == 2 else ancestor.title, "url": ancestor.get_url(request)}
        for ancestor in ancestors
    ]
    trail.append({"title": page.title, "url": page.get_url(request), "is_current": True})
    return trail


# --- Languages ---------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language in settings.LANGUAGES: a list of dicts with `code`, `name`
    (the language's own name), `url`, `is_current` and `is_fallback`.

    On a page, each link goes to the live translation of that page; without one, to the
    nearest ancestor that has one, with ?untranslated=1 so that page can say so. Other
    views (search) link to the same view in the other language."""
    request = context.get("request")
    page = context.get("page")
    current = _language_code()
    chrome = _chrome(context)
    links = []
    for code, _name in settings.LANGUAGES:
        is_fallback = False
        if _is_routable_page(page):
            if code in chrome.translations:
                url = chrome.translations[code].get_url(request)
            else:
                is_fallback = True
                target = chrome.ancestor_translations.get(code)
                url = _with_untranslated_flag(target.get_url(request) if target else _language_root_url(code))
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = _language_root_url(code)
        links.append(
            {
                "code": code,
                "name": capfirst(translation.get_language_info(code)["name_local"]),
                "url": url,
                "is_current": code == current,
                "is_fallback": is_fallback,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """For <link rel="alternate" hreflang>: (language code, full URL) for every live
    translation of the current page, then ('x-default', the default language's URL)."""
    request = context.get("request")
    page = context.get("page")
    if not _is_routable_page(page):
        return []
    translations = _chrome(context).translations
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_full_url(request)
            if url:
                links.append((code, url))
    default = translations.get(settings.LANGUAGE_CODE)
    if links and default is not None:
        links.append(("x-default", default.get_full_url(request)))
    return links


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the current page's content when it is not the interface language
    (a page shown under /ar/ that has no Arabic translation yet), else None: a dict with
    `code`, `name` (in the interface language) and `dir`."""
    page = context.get("page")
    if not _is_routable_page(page):
        return None
    code = _chrome(context).language_of_locale.get(page.locale_id)
    if code is None or code == _language_code():
        return None
    info = translation.get_language_info(code)
    return {"code": code, "name": info["name_translated"], "dir": "rtl" if info["bidi"] else "ltr"}


@register.simple_tag
def language_name(code=None):
    """The name of a language in the active language, e.g. 'English' or 'Engels'."""
    return translation.get_language_info(_language_code(code))["name_translated"]


# --- Site and municipality -------------------------------------------------------------


@register.simple_tag(takes_context=True)
def site_name(context):
    """The Wagtail site's name, or settings.WAGTAIL_SITE_NAME."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def municipality_pages(context):
    """The privacy, accessibility and contact pages of MunicipalitySettings, each in the
    active language where a live translation exists: a dict with those field names as
    keys (None when a page is not set or not live)."""
    return _chrome(context).municipality_pages


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The municipality's footer links as dicts with `title`, `url` and `lang` (the
    page's language code when it differs from the active language, else '')."""
    request = context.get("request")
    chrome = _chrome(context)
    links = []
    for name in MUNICIPALITY_PAGE_FIELDS:
        page = chrome.municipality_pages[name]
        if page is not None:
            other_language = chrome.locale is not None and page.locale_id != chrome.locale.pk
            links.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    # Not translated yet: the title is in the page's own language.
                    "lang": page.chrome_language_code if other_language else "",
                }
            )
    return links


# --- Embeds ------------------------------------------------------------------------------


@register.simple_tag
def embeds_enabled():
    """Whether embedded players may be shown (settings.MEEDOEN_ENABLE_EMBEDS). Off by
    default: a player makes residents' browsers contact a third party."""
    return bool(getattr(settings, "MEEDOEN_ENABLE_EMBEDS", False))


@register.simple_tag
def embed_details(value):
    """Title, provider and address of an embed, for the plain link shown instead of a
    player. Reads what Wagtail stored when the editor added the embed; never fetches
    anything from the provider."""
    url = getattr(value, "url", None) or str(value or "")
    details = {"url": url, "title": "", "provider": urlsplit(url).hostname or ""}
    if url:
        embed_hash = get_embed_hash(url, getattr(value, "max_width", None), getattr(value, "max_height", None))
        stored = (
            Embed.objects.filter(Q(hash=embed_hash) | Q(url=url)).only("title", "provider_name").order_by("-pk").first()
        )
        if stored is not None:
            details["title"] = stored.title
            details["provider"] = stored.provider_name or details["provider"]
    details["provider"] = details["provider"].removeprefix("www.")
    return details


# --- Themes and neighbourhoods -----------------------------------------------------------


def _taxonomy_for(context, pages):
    """{page pk: (themes, neighbourhoods)} for pages of any types with TaxonomyMixin, in
    the active language, sorted by name: a query per page type and relation, and one per
    snippet model to translate (none in the language the snippets were made in)."""
    found = {}
    for page in pages:
        if all(_has_field(page, name) for name in TAXONOMY_FIELDS):
            found.setdefault(type(page), {})[page.pk] = {name: [] for name in TAXONOMY_FIELDS}
    rows = []
    for model, by_pk in found.items():
        for name in TAXONOMY_FIELDS:
            relation = model._meta.get_field(name)
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            through = relation.remote_field.through.objects.filter(**{f"{source}_id__in": by_pk}).select_related(target)
            rows += [(by_pk[getattr(row, f"{source}_id")][name], getattr(row, target)) for row in through]
    for (found_list, _snippet), snippet in zip(
        rows, _localize(context, [snippet for _l, snippet in rows]), strict=True
    ):
        found_list.append(snippet)
    return {
        pk: tuple(sorted(taxonomies[name], key=lambda obj: obj.name) for name in TAXONOMY_FIELDS)
        for by_pk in found.values()
        for pk, taxonomies in by_pk.items()
    }


@register.simple_tag(takes_context=True)
def taxonomy(context, page):
    """`{% taxonomy page as tax %}`: the page's themes and neighbourhoods in the active
    language, as a dict with `themes` and `neighbourhoods`, kept in the public cache."""
    key = publiccache.key("taxonomy", page.pk, _language_code())
    themes, neighbourhoods = publiccache.remember(key, lambda: _taxonomy_for(context, [page]).get(page.pk, ([], [])))
    return {"themes": themes, "neighbourhoods": neighbourhoods}


@register.simple_tag(takes_context=True)
def my_neighbourhood(context):
    """`{% my_neighbourhood as mine %}`: the resident's 'Mijn wijk' (a Choice with `name`
    and `url`, pages/my_neighbourhood.py), or None. Per visitor: never inside a cached
    fragment. No query and no cookie for a visitor without a session."""
    request = context.get("request")
    return my_neighbourhood_choice.chosen(request) if request is not None else None


# --- Cards -------------------------------------------------------------------------------


@dataclass
class Card:
    """What templates/includes/card.html shows for one page."""

    page: Page
    kind: str
    type_label: str
    themes: list = field(default_factory=list)
    neighbourhoods: list = field(default_factory=list)
    #: The card image's CARD_IMAGE_SPEC rendition (with url, width, height), or None.
    rendition: object = None


def _model_name(page):
    if type(page) is Page:
        model = page.specific_class
        return model._meta.model_name if model else "page"
    return page._meta.model_name


@register.filter
def type_label(page):
    """'Initiative', 'Pitch event'... for a page of any type."""
    if not isinstance(page, Page):
        return ""
    model = page.specific_class or type(page)
    return getattr(model, "type_label", None) or capfirst(model._meta.verbose_name)


def _load_images(wanted):
    """Load the images of `wanted`, (object, image field name, filter spec) tuples, with
    those renditions (Wagtail's prefetch_renditions), so that `{% image %}` with the same
    spec runs no query: two queries for all of them."""
    specs = {spec for _obj, _name, spec in wanted}
    wanted = [(obj, name) for obj, name, _spec in wanted if getattr(obj, f"{name}_id", None)]
    if wanted:
        images = (
            get_image_model().objects.prefetch_renditions(*specs).in_bulk({getattr(o, f"{n}_id") for o, n in wanted})
        )
        for obj, name in wanted:
            setattr(obj, name, images.get(getattr(obj, f"{name}_id")))


def _card_rendition(page):
    """The card rendition of the page's card image, from the prefetched renditions.
    (Image.get_renditions, unlike get_rendition behind {% image %}, does not write a
    prefetched rendition back to the cache: a third of a millisecond per card.)"""
    image = page.card_image
    if image is None:
        return None
    return image.get_renditions(CARD_IMAGE_SPEC)[CARD_IMAGE_SPEC]


def _card_of(page):
    """A Card for `page`, with only what the page itself knows; `_fill_cards` fetches
    its image and taxonomy, for the cards that are not in the cache."""
    return Card(page=page, kind=_model_name(page), type_label=type_label(page))


def _fill_cards(context, card_list, extra_images=()):
    """Fetch the images (with renditions), themes and neighbourhoods of all `card_list`
    at once (and `extra_images`, (object, field, spec) tuples, in the same query)."""
    pages = [card.page for card in card_list]
    _load_images([(p, "image", CARD_IMAGE_SPEC) for p in pages if _has_field(p, "image")] + list(extra_images))
    taxonomies = _taxonomy_for(context, pages) if pages else {}
    for card in card_list:
        card.themes, card.neighbourhoods = taxonomies.get(card.page.pk, ([], []))
        card.rendition = _card_rendition(card.page)


@register.simple_tag(takes_context=True)
def cards(context, items):
    """`{% cards items as card_list %}`: the pages of a list, queryset or paginator page
    as Cards for `render_cards`, which fetches what a card shows for the whole list at
    once, and only for the cards it does not have in its cache."""
    if items is None:
        return []
    return [_card_of(page) for page in items if page is not None]


@register.simple_tag(takes_context=True)
def card_sections(context, hero=None, **sections):
    """`{% card_sections featured=featured_pages events=upcoming_events as sections %}`:
    like `cards` for several lists at once; returns a dict of lists of Cards with the
    same keys.

    `hero=page` also loads the home page's hero image, with its HERO_IMAGE_SPEC
    rendition, for `{% image page.hero_image ... %}`."""
    if hero is not None and _has_field(hero, "hero_image"):
        _load_images([(hero, "hero_image", HERO_IMAGE_SPEC)])
    return {name: [_card_of(page) for page in (items or []) if page is not None] for name, items in sections.items()}


# --- Rendering cards, from the public cache ---------------------------------------------

CARD_TEMPLATE = "includes/card.html"


@register.simple_tag(takes_context=True)
def render_cards(context, card_list, heading_level=3):
    """`{% render_cards card_list 2 as html_list %}`: the HTML of each Card, from
    templates/includes/card.html, kept in the public cache per list of cards; when it is
    not there, the cards are filled all at once (`_fill_cards`) and rendered."""
    card_list = list(card_list or [])
    request = context.get("request")
    shown = [(card.page.pk, card.page.get_url(request), getattr(card.page, "is_past", None)) for card in card_list]

    def render():
        _fill_cards(context, card_list)
        template = get_template(CARD_TEMPLATE)
        return [
            template.render({"card": card, "heading_level": heading_level, "request": request}) for card in card_list
        ]

    key = publiccache.key("cards", translation.get_language(), heading_level, shown)
    return [mark_safe(html) for html in publiccache.remember(key, render)]  # our own template's output


# --- Pitch events ------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def programme(context, event):
    """`{% programme page as slots %}`: the event's programme in order, as dicts with
    `slot` (the PitchSlot) and `initiative` (in the active language where it exists)."""
    slots = list(event.programme_items())
    initiatives = _localize(context, [slot.initiative for slot in slots])
    return [{"slot": slot, "initiative": initiative} for slot, initiative in zip(slots, initiatives, strict=True)]


# --- Participation ladder ----------------------------------------------------------------


@register.simple_tag
def ladder_steps(page):
    """The five rungs of the participation ladder as dicts with `value`, `label`,
    `number` and `is_current`, lowest first."""
    choices = page._meta.get_field("ladder_rung").choices
    return [
        {"value": value, "label": label, "number": number, "is_current": value == page.ladder_rung}
        for number, (value, label) in enumerate(choices, start=1)
    ]


# --- Pagination --------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with `changes` applied (a None value removes the key),
    e.g. `?{% query_replace page=3 %}` keeps ?q= on search results."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query.pop("untranslated", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def page_range(page_obj):
    """Page numbers to offer around the current one, with '…' (Paginator.ELLIPSIS) gaps."""
    if not isinstance(page_obj, PaginatorPage):
        return []
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))

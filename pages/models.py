"""Home page, general pages, the shared taxonomy (themes and neighbourhoods) and the
municipality's site settings. Every other page type builds on BasePage and TaxonomyMixin."""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin, get_page_models
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import opendata
from .blocks import BaseStreamBlock

LISTING_PAGE_SIZE = 12


# --- Taxonomy ---------------------------------------------------------------------------


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme such as 'Groen' or 'Wonen', shared by every content type."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in addresses, e.g. /thema/groen/."))
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Neighbourhood(TranslatableMixin, index.Indexed, models.Model):
    """A neighbourhood (wijk) of the municipality, optionally with its CBS district code."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in addresses, e.g. /wijk/west/."))
    cbs_code = models.CharField(
        _("CBS district code"),
        max_length=10,
        blank=True,
        help_text=_("The code Statistics Netherlands uses for this district, e.g. WK036301."),
    )
    population = models.PositiveIntegerField(
        _("number of residents"), null=True, blank=True, help_text=_("Used to see which neighbourhoods take part less.")
    )
    description = models.TextField(_("description"), blank=True)

    # The code and the number of residents are the same in every language.
    override_translatable_fields = [SynchronizedField("cbs_code")]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("cbs_code"),
        FieldPanel("population"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


# --- Site settings ----------------------------------------------------------------------


@register_setting(icon="site")
class MunicipalitySettings(BaseSiteSetting):
    """Who runs this portal: name, contact details and the links every page footer shows."""

    municipality_name = models.CharField(_("municipality name"), max_length=120, default="Gemeente")
    contact_email = models.EmailField(
        _("general contact e-mail"), blank=True, help_text=_("A team address, never a personal one.")
    )
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy statement page"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )

    panels = [
        FieldPanel("municipality_name"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page"), FieldPanel("contact_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("municipality")

    @classmethod
    def organization(cls, request):
        """The municipality that runs the portal, as a schema.org GovernmentOrganization
        (for the JSON-LD of the page types)."""
        site = opendata.site_of(request)
        if request is not None and site is not None:
            municipality = cls.for_request(request)  # cached for the request
        else:
            municipality = cls.for_site(site) if site else None
        data = {"@type": "GovernmentOrganization", "name": municipality.municipality_name if municipality else ""}
        if site is not None:
            data["url"] = site.root_page.localized.get_full_url(request) if site.root_page else site.root_url
        if municipality is not None:
            if municipality.contact_email:
                data["email"] = municipality.contact_email
            if municipality.contact_phone:
                data["telephone"] = municipality.contact_phone
        return data


# --- Base page and shared fields -------------------------------------------------------


#: The weight in the site search of a page's summary (or introduction or question): below
#: the title (Wagtail's boost 2), above the body.
SUMMARY_BOOST = 1.5


class PublicPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's, with the private sections from the public cache: `.public()` asks
        the database nothing more."""
        from .publiccache import private_q

        return private_q()


class BasePage(Page):
    """Abstract base of every Meedoen page: listing summary and the card fields, and what a
    page type tells the rest of the portal about itself (each type sets its own)."""

    #: What a resident reads above its card or search result ("Initiative"); None: its verbose name.
    type_label = None
    #: An overview right under the home page: the name templates use for it ("initiatives").
    index_kind = None
    #: Found by the site search: (GET value, label) of its facet, placed by `search_order`.
    search_type = None
    search_order = 0
    #: In the site search's ranking, found pages of this type that are over (a past event)
    #: come after the others: {lookup of an index FilterField: value}, a callable value
    #: being called at the time of the search (search/ranking.py).
    search_over = {}
    #: An automatic section of the home page: its name in the context, filled with
    #: `home_section_pages(shown)`.
    home_section = None
    #: The news and calendar feeds its page links to ("initiatives", "stories", "events").
    feed_groups = ()
    #: Open Graph's og:type.
    og_type = "website"

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    class Meta:
        abstract = True

    @classmethod
    def home_section_pages(cls, shown):
        """The pages of the home page's section (`home_section`): `shown` is a query of the
        primary keys of the live, public pages of this type in the home page's language
        that are not featured, newest first."""
        return cls.objects.filter(pk__in=shown).order_by("-first_published_at", "-pk")[:3]

    def json_ld(self, request):
        """The schema.org object of this page (a dict) for its JSON-LD, or None."""
        return None

    def get_view_restrictions(self):
        # Asked on every view of the page (Wagtail's check_view_restrictions): which ones
        # apply is kept in the public cache.
        from .publiccache import view_restrictions

        return view_restrictions(self)

    @property
    def card_summary(self):
        return self.search_description

    @property
    def card_image(self):
        return None


class TaxonomyPageForm(WagtailAdminPageForm):
    """The admin form of pages with themes and neighbourhoods: the choosers offer the
    rows of the page's own language (a Dutch page: "Groen", not "Green" beside it), and
    whatever the page already has, so that saving never drops a choice."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or getattr(parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name in ("themes", "neighbourhoods"):
            if name in self.fields:
                chosen = self.initial.get(name) or []
                chosen = [getattr(row, "pk", row) for row in chosen]
                field = self.fields[name]
                field.queryset = field.queryset.filter(models.Q(locale_id=locale_id) | models.Q(pk__in=chosen))


class TaxonomyMixin(models.Model):
    """Themes and neighbourhoods, the two ways residents slice every content type.

    wagtail-localize skips many-to-many fields unless told otherwise: they are
    synchronised, so a translation keeps the same themes and neighbourhoods (templates
    show each in the active language with `.localized`).
    """

    override_translatable_fields = [SynchronizedField("themes"), SynchronizedField("neighbourhoods")]
    base_form_class = TaxonomyPageForm

    themes = ParentalManyToManyField(Theme, blank=True, related_name="%(class)s_pages", verbose_name=_("themes"))
    neighbourhoods = ParentalManyToManyField(
        Neighbourhood,
        blank=True,
        related_name="%(class)s_pages",
        verbose_name=_("neighbourhoods"),
        help_text=_("Leave empty when it concerns the whole municipality."),
    )

    #: For a search server: the ids of the themes and neighbourhoods as filter fields, so
    #: the site search can filter and count them with the engine's aggregations
    #: (search/engine.py); the database backend filters them with the ORM. Methods rather
    #: than the fields themselves: a page being published holds them in memory, which
    #: modelsearch would not turn into ids.
    taxonomy_index_fields = {"themes": "theme_ids", "neighbourhoods": "neighbourhood_ids"}
    taxonomy_search_fields = [
        index.FilterField(name, es_extra={"type": "long"}) for name in taxonomy_index_fields.values()
    ]

    def theme_ids(self):
        return sorted(theme.pk for theme in self.themes.all())

    def neighbourhood_ids(self):
        return sorted(neighbourhood.pk for neighbourhood in self.neighbourhoods.all())

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Themes and neighbourhoods"),
        )
    ]

    class Meta:
        abstract = True


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE, load=None, count=None):
    """Page `queryset` by the ?page= parameter. A bad or out-of-range number gives the
    first or the last page, never an error.

    With `load`, only the primary keys of `queryset` are paged (a narrow query the
    database can answer from an index, even deep into a long list) and `load(pks)`
    fetches the rows of the one page shown. `count`, when the number of rows is known
    already (an overview's, cached with its facet counts), spares the COUNT query."""
    paginator = Paginator(queryset if load is None else queryset.values_list("pk", flat=True), per_page)
    if count is not None:
        paginator.count = count  # a cached_property: once set, it is not computed
    number = request.GET.get("page", 1)
    try:
        page = paginator.page(number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    if load is not None:
        page.object_list = load(list(page.object_list))
    return page


def child_pages(queryset, parent):
    """`queryset.child_of(parent)` as a range of tree paths: child_of's `path LIKE` cannot
    use the path index on SQLite, whose LIKE ignores case (counting 10,000 initiatives
    takes twice as long). Tree paths are made of 0-9 and A-Z, so the children's lie
    between the parent's and the parent's followed by Zs."""
    return queryset.filter(path__range=(parent.path, parent.path + "Z" * parent.steplen), depth=parent.depth + 1)


def live_pages(model, locale_id, *, child_of=None, private=None):
    """The live, public pages of exactly `model` in one locale, as a query on Wagtail's
    page table alone, newest first. The `meedoen_page_listing` index (pages migration
    0002) answers it without sorting, so a listing costs the same with 40 initiatives or
    10,000. `private` is `Page.objects.all().private_q()`, for callers that make several
    lists in one request."""
    pages = Page.objects.live().exact_type(model).filter(locale_id=locale_id)
    if child_of is not None:
        pages = child_pages(pages, child_of)
    pages = pages.public() if private is None else pages.exclude(private)
    return pages.order_by("-first_published_at", "-pk")


def load_pages(model, pks):
    """The `model` pages with these primary keys, in that order, with their card image."""
    by_pk = model.objects.select_related("image").in_bulk(pks)
    return [by_pk[pk] for pk in pks if pk in by_pk]


# --- Home and general pages ------------------------------------------------------------


class HomePage(BasePage):
    """The front page of one language: hero, featured items and automatic sections."""

    hero_intro = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_cta_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero button page"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("extra content"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_page"),
            ],
            heading=_("Hero"),
        ),
        InlinePanel("featured_items", label=_("Featured items"), max_num=8),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_intro", boost=SUMMARY_BOOST)]

    parent_page_types = ["wagtailcore.Page"]
    # Wagtail's own declaration, in its own terms (model names): without it, a bare Page
    # could be made below a home page.
    subpage_types = [
        "pages.ContentPage",
        "pages.AccessibilityStatementPage",
        "initiatives.InitiativeIndexPage",
        "initiatives.PitchEventIndexPage",
        "participation.ParticipationProjectIndexPage",
        "participation.PolicyFeedbackStoryIndexPage",
    ]

    type_label = _("Home")
    feed_groups = ("initiatives", "stories", "events")

    class Meta:
        verbose_name = _("home page")

    def featured_pages(self, private=None):
        """The editor's picks in this home page's language, in the editor's order. Picks
        are synchronised across translations, so each is looked up in this locale by its
        translation key; a pick without a live translation, or past its `show_until`
        day, is left out."""
        private = private if private is not None else Page.objects.all().private_q()
        pages = Page.objects.live().exclude(private).filter(locale_id=self.locale_id)
        picks = self.featured_items.all()
        if isinstance(picks, FakeQuerySet):
            # A preview or revision: the picks live in memory, not in the database.
            current = [pick for pick in picks if pick.is_current()]
            keys = [pick.item.translation_key for pick in sorted(current, key=lambda p: p.sort_order or 0)]
            by_key = {page.translation_key: page for page in pages.filter(translation_key__in=keys).specific()}
            return [by_key[key] for key in keys if key in by_key]
        # Expired picks drop out (and the automatic sections fill in below).
        picks = picks.filter(models.Q(show_until=None) | models.Q(show_until__gte=timezone.localdate()))
        order = picks.filter(item__translation_key=OuterRef("translation_key")).values("sort_order")[:1]
        return list(
            pages.filter(translation_key__in=picks.values("item__translation_key"))
            .annotate(pick_order=Subquery(order))
            .order_by("pick_order")
            .specific()
        )

    def get_context(self, request, *args, **kwargs):
        from . import publiccache  # noqa: PLC0415 - publiccache imports this module

        context = super().get_context(request, *args, **kwargs)
        private = publiccache.private_q()  # from the cache, once for every list below
        if getattr(request, "is_preview", False):  # the picks of the draft, in memory
            featured_pages = self.featured_pages(private)
        else:  # they change with content and with the day (`show_until`), not the hour
            featured_pages = publiccache.remember(
                publiccache.key("featured", self.pk, timezone.localdate()), lambda: self.featured_pages(private)
            )
        featured_ids = [p.pk for p in featured_pages]

        def shown_here(model):
            """The live pages of `model` in this language that are not featured, newest first."""
            return live_pages(model, self.locale_id, private=private).exclude(pk__in=featured_ids)

        context["featured_pages"] = featured_pages
        # The automatic sections: each page type that has one says which (`home_section`).
        for model in get_page_models():
            section = vars(model).get("home_section")
            if section:
                context[section] = model.home_section_pages(shown_here(model).values("pk"))
        return context

    def json_ld(self, request):
        return {
            "@context": "https://schema.org",
            **MunicipalitySettings.organization(request),
            "logo": opendata.absolute(request, static("img/favicon.svg")),
        }


class HomePageFeaturedItem(Orderable):
    """One editor-picked item on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    item = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("item"))
    show_until = models.DateField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("The last day this pick is shown; then the automatic sections fill in. Empty: no end."),
    )

    panels = [
        PageChooserPanel(
            "item",
            page_type=[
                "initiatives.InitiativePage",
                "initiatives.PitchEventPage",
                "participation.ParticipationProjectPage",
                "participation.PolicyFeedbackStoryPage",
            ],
        ),
        FieldPanel("show_until"),
    ]

    def is_current(self, today=None):
        return self.show_until is None or self.show_until >= (today or timezone.localdate())

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class ContentPage(BasePage):
    """A general page: about the portal, the privacy statement, how participation works."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    type_label = _("Page")
    search_type = ("page", _("General pages"))
    search_order = 50

    class Meta:
        verbose_name = _("general page")

    @property
    def card_summary(self):
        return self.search_description or self.intro


# --- Accessibility statement ------------------------------------------------------------

NATIONAL_OMBUDSMAN_URL = "https://www.nationaleombudsman.nl/"


class AccessibilityStatementPage(BasePage):
    """The accessibility statement (toegankelijkheidsverklaring), after the Dutch model
    statement of digitoegankelijk.nl: compliance status, evaluation, known issues, contact."""

    #: The public register of accessibility statements of Dutch public bodies.
    REGISTER_URL = "https://www.toegankelijkheidsverklaring.nl/register"

    class Status(models.TextChoices):
        """The compliance status of the model statement (nalevingsstatus), A to E."""

        A = "A", _("A: fully compliant")
        B = "B", _("B: partially compliant")
        C = "C", _("C: first measures taken")
        D = "D", _("D: not compliant")
        E = "E", _("E: no insight")

    class Evaluation(models.TextChoices):
        AUDIT = "audit", _("an audit by an independent expert")
        SELF = "self", _("a self-evaluation")

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    status = models.CharField(_("compliance status"), max_length=1, choices=Status.choices, default=Status.E)
    statement_date = models.DateField(_("date of the statement"), default=timezone.localdate)
    evaluation_method = models.CharField(
        _("evaluated through"), max_length=10, choices=Evaluation.choices, default=Evaluation.SELF
    )
    evaluation_date = models.DateField(_("date of the evaluation"), null=True, blank=True)
    evaluation_description = models.TextField(
        _("how it was evaluated"),
        blank=True,
        help_text=_("Which pages and which standard (WCAG 2.1 or 2.2, level AA), with which tools or by whom."),
    )
    report_url = models.URLField(_("evaluation report (link)"), blank=True)
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evaluation report (document)"),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Where residents report an accessibility problem. Empty: the municipality's contact e-mail."),
    )
    contact_url = models.URLField(_("contact form (link)"), blank=True)
    response_time = models.CharField(
        _("we respond within"), max_length=60, blank=True, help_text=_("E.g. '5 working days'.")
    )
    complaint_route = models.TextField(
        _("complaint route"),
        blank=True,
        help_text=_("What a resident can do when the answer does not help. Empty: the standard text on the ombudsman."),
    )
    ombudsman_name = models.CharField(
        _("ombudsman"),
        max_length=120,
        blank=True,
        help_text=_("The municipal ombudsman. Empty: the Nationale ombudsman."),
    )
    ombudsman_url = models.URLField(_("ombudsman's website"), blank=True)
    register_url = models.URLField(
        _("this statement in the public register"),
        blank=True,
        help_text=_("The address of this statement on toegankelijkheidsverklaring.nl, once it is registered."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("more information"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("statement_date")], heading=_("Status")),
        MultiFieldPanel(
            [
                FieldPanel("evaluation_method"),
                FieldPanel("evaluation_date"),
                FieldPanel("evaluation_description"),
                FieldPanel("report_url"),
                FieldPanel("report_document"),
            ],
            heading=_("Evaluation"),
        ),
        InlinePanel("known_issues", label=_("What is not yet accessible")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_url"), FieldPanel("response_time")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("complaint_route"), FieldPanel("ombudsman_name"), FieldPanel("ombudsman_url")],
            heading=_("Complaints"),
        ),
        FieldPanel("register_url"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro", boost=SUMMARY_BOOST), index.SearchField("body")]
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("statement_date"),
        SynchronizedField("evaluation_method"),
        SynchronizedField("evaluation_date"),
        SynchronizedField("report_document"),
        SynchronizedField("contact_email"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    type_label = _("Accessibility statement")

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def card_summary(self):
        return self.search_description or self.intro

    def status_sentence(self):
        """The compliance status in one plain sentence, as the model statement words it."""
        return {
            self.Status.A: _("This website fully meets the requirements."),
            self.Status.B: _("This website partially meets the requirements."),
            self.Status.C: _("We have taken first measures to make this website meet the requirements."),
            self.Status.D: _("This website does not meet the requirements yet."),
            self.Status.E: _("We do not know yet whether this website meets the requirements."),
        }[self.status]

    def ombudsman(self):
        """(name, website) of the ombudsman a complaint goes to: the municipal one the editor
        named, else the Nationale ombudsman."""
        if self.ombudsman_name:
            return self.ombudsman_name, self.ombudsman_url
        return _("the Nationale ombudsman"), NATIONAL_OMBUDSMAN_URL

    def report_link(self):
        """Where the evaluation report is: the document's address, else the link, else ''."""
        if self.report_document_id:
            return self.report_document.url
        return self.report_url


class AccessibilityIssue(TranslatableMixin, Orderable):
    """One part of the site that is not yet accessible: what, why, and when it is fixed."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="known_issues")
    what = models.TextField(_("what is not accessible"), max_length=600)
    cause = models.TextField(_("why"), max_length=600, blank=True, help_text=_("E.g. 'Disproportionate burden'."))
    plan = models.TextField(_("what we do about it"), max_length=600, blank=True)
    fixed_by = models.DateField(_("fixed by"), null=True, blank=True)

    panels = [FieldPanel("what"), FieldPanel("cause"), FieldPanel("plan"), FieldPanel("fixed_by")]
    override_translatable_fields = [SynchronizedField("fixed_by")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("accessibility issue")
        verbose_name_plural = _("accessibility issues")

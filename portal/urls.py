from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from branding import views as branding_views
from initiatives.models import PitchEventPage
from notifications import views as notifications_views
from pages import sitemap as sitemap_views
from pages import views as pages_views
from portal.api import api_router
from search import views as search_views

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemap_views.robots_txt, name="robots_txt"),
    path("branding.css", branding_views.branding_css, name="branding_css"),
]

if settings.MEEDOEN_SERVE_MEDIA:
    # Uploaded images and documents; a production proxy normally serves MEDIA_ROOT itself.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

#: The search shows what is coming up when it finds nothing (search/views.py).
SEARCH_OPTIONS = {"upcoming": PitchEventPage.upcoming}

# Everything residents see lives under a language prefix: /nl/..., /en/...
# A request for / is redirected by LocaleMiddleware to the browser's preferred language.
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, SEARCH_OPTIONS, name="search"),
    path(_("search/suggestions/"), search_views.suggest, name="search_suggest"),
    path(_("theme/<slug:slug>/"), search_views.theme, SEARCH_OPTIONS, name="theme"),
    path(_("neighbourhood/<slug:slug>/"), search_views.neighbourhood, SEARCH_OPTIONS, name="neighbourhood"),
    path(_("my-neighbourhood/"), pages_views.my_neighbourhood_view, name="my_neighbourhood"),
    path("feeds/", include("portal.feeds")),
    path(_("updates/stop/<str:token>/"), notifications_views.unsubscribe, name="feedback_unsubscribe"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

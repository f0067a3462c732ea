"""sitemap.xml of every language (Wagtail's sitemap, which only knows the site's own page
tree, widened to the translations of its home page), each address with `hreflang`
alternates for its translations and an `x-default` (the default language), and robots.txt.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .publiccache import cached_view


class MultilingualSitemap(Sitemap):
    """Every live, public page under the site's home page and under its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q(path__startswith=root.path)
        for home in root.get_translations().live():
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        objects = list(self.paginator.page(page).object_list)
        infos = {item.pk: item.get_sitemap_urls(self.request) for item in objects}
        location = {pk: urls[0]["location"] for pk, urls in infos.items() if urls}
        # Every live translation of the pages on this sitemap page. Most are on it too
        # (the sitemap covers every language), so their addresses are known already.
        rows = list(
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in objects})
            .order_by("path")
            .values_list("pk", "translation_key", "locale__language_code")
        )
        missing = [pk for pk, _key, _code in rows if pk not in location]
        for other in Page.objects.filter(pk__in=missing).specific():
            location[other.pk] = other.get_full_url(self.request)
        translations = defaultdict(list)
        for pk, key, code in rows:
            if pk in location:
                translations[key].append({"lang_code": code, "location": location[pk]})
        urls, last_mods = [], set()
        for item in objects:
            for info in infos[item.pk]:
                alternates = list(translations[item.translation_key])
                if len(alternates) > 1:
                    default = next(
                        (alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE), alternates[0]
                    )
                    alternates.append({"lang_code": "x-default", "location": default["location"]})
                    info["alternates"] = alternates
                urls.append(info)
                last_mods.add(info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


#: The page routes (their msgids, as in the models) whose addresses carry a personal token.
PERSONAL_ROUTES = ["signup/<str:token>/", "status/<str:token>/"]


@require_GET
@cached_view("sitemap")
def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": MultilingualSitemap(request)})


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

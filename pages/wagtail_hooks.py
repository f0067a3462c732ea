"""Admin registration of the shared taxonomy: themes and neighbourhoods as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import publiccache
from .models import Neighbourhood, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    menu_label = _("Neighbourhoods")
    list_display = ["name", "slug", "cbs_code", "population", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "cbs_code"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, NeighbourhoodViewSet)
    menu_icon = "tag"
    menu_label = _("Themes and neighbourhoods")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


hooks.register("before_serve_page", publiccache.remember_route)

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_locales(apps=global_apps, using="default", **kwargs):
    """Give every content language in the settings a Wagtail Locale, so that adding a
    language is a settings change: editors can translate into it straight away. (`migrate`
    passes the migration state's `apps`; `flush` sends the signal without it.)"""
    locale_model = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale_model.objects.using(using).get_or_create(language_code=code)


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages and taxonomy")

    def ready(self):
        post_migrate.connect(create_locales, sender=self)
        from . import publiccache  # noqa: PLC0415 - needs the models, which are loaded by now

        publiccache.connect()
